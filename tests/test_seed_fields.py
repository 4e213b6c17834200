"""The seed table of the normalisation issue, checked through the API a user reads."""

from __future__ import annotations

import pytest

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

SEED_TITLE = "China gives a wary welcome to influx of 'TikTok refugees' on RedNote"


def _article(client, prefix):
    """The API's JSON of the seed whose file name starts with `prefix`."""
    hits = client.get("/api/search?q=TikTok&group=none").get_json()["hits"]
    hit = next(h for h in hits if h["file"].startswith(f"seeds/{prefix}"))
    return client.get(f"/api/articles/{hit['id']}").get_json()


def test_000_reuters_plain(client):
    a = _article(client, "000")
    assert a["title"] == SEED_TITLE
    assert (a["source"], a["publisher"]) == ("Reuters", None)
    assert a["date"] == "2025-01-15" and a["dateline"] == "SHANGHAI"


def test_001_portal_copy(client):
    a = _article(client, "001")
    assert a["title"] == SEED_TITLE
    assert (a["source"], a["publisher"]) == ("Reuters", "Global Banking & Finance Review")
    assert a["date"] == "2025-01-15" and a["updated"] == "2026-01-27"
    assert a["byline"] == ["Brenda Goh"]
    assert {"Sophie Yu", "Laurie Chen", "Alex Richardson"} <= set(a["contributors"])
    assert a["body"].startswith("SHANGHAI (Reuters) - Users of")
    assert a["body"].rstrip().endswith("Editing by Alex Richardson)")


def test_002_cgtn_transcript(client):
    a = _article(client, "002")
    assert a["provenance"]["title"] == "derived" and a["title"]
    assert a["source"] == "CGTN" and a["date"] is None
    assert a["byline"] == ["Yu Li"] and a["dateline"] == "Beijing"
    assert "LINDSAY K. REDnote User" in a["body"]


def test_003_bloomberg(client):
    a = _article(client, "003")
    assert a["provenance"]["title"] == "derived"
    assert a["source"] == "Bloomberg" and a["date"] == "2025" and a["date_precision"] == "year"
    assert a["byline"] == [] and "Jing Li" in a["contributors"]


def test_004_xinhua(client):
    a = _article(client, "004")
    assert a["provenance"]["title"] == "derived"
    assert a["title"] != "#TikTokRefugee Trend Gains Momentum"
    assert a["source"] == "Xinhua" and a["date"] is None and a["dateline"] == "Beijing"
    pull_quote = "pushed the app to the top of the U.S. Apple App Store"
    assert a["body"].count(pull_quote) == 1


@pytest.mark.parametrize(
    "query",
    ["newsletter", '"Storm Leonardo"', '"Most Read from Bloomberg"', '"Story continues"'],
)
def test_boilerplate_is_not_indexed(client, query):
    data = client.get(f"/api/search?q={query}&aliases=0").get_json()
    assert [h["file"] for h in data["hits"] if h["file"].startswith("seeds/")] == []


def test_guo_jiakun_is_in_four_seeds(client):
    data = client.get('/api/search?q="Guo Jiakun"&group=none').get_json()
    assert sum(h["file"].startswith("seeds/") for h in data["hits"]) == 4
