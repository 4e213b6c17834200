"""Issue 5 features through the real app: query language, chart, suggestions, exports, feed."""

from __future__ import annotations

import csv
import io
import re

import feedparser
import pytest

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)


def test_proximity_and_phrases(client):
    # Every word holds a position (no stop list), so distances are the text's own.
    near = client.get('/api/search?q="rednote users"~5').get_json()
    exact = client.get('/api/search?q="rednote users"').get_json()
    assert near["total"] > exact["total"] >= 1


def test_date_terms_narrow_and_report_their_range(client):
    data = client.get("/api/search?q=tiktok+date:2025-01").get_json()
    assert data["date_range"] == {"from": "2025-01-01", "to": "2025-01-31"}
    assert data["total"] >= 1 and all(h["date"].startswith("2025-01") for h in data["hits"])
    ranged = client.get("/api/search?q=date:[2024-05-01 to 2024-06-30]").get_json()
    assert {h["date"][:7] for h in ranged["hits"]} <= {"2024-05", "2024-06"}
    bad = client.get("/api/search?q=date:[yesterday to banana]")
    assert bad.status_code == 400 and "banana" in bad.get_json()["error"]


def test_parse_errors_come_with_a_fix(client):
    data = client.get('/api/search?q="tiktok ban').get_json()
    assert data["suggestion"] == '"tiktok ban"'
    page = client.get('/?q="tiktok ban').get_data(as_text=True)
    assert "Try <a" in page and "How to search" in page


def test_did_you_mean(client):
    data = client.get("/api/search?q=refugess").get_json()
    assert data["total"] == 0 and data["suggestion"] == "refugees"
    page = client.get("/?q=refugess").get_data(as_text=True)
    assert "Did you mean" in page and "q=refugees" in page


def test_chart_series_and_bar_links(client):
    data = client.get("/api/search?q=cocoa+OR+trams+OR+tiktok").get_json()
    series = data["facets"]["date"]
    assert data["date_granularity"] in {"day", "week", "month", "year"}
    assert (
        sum(item["count"] for item in series)
        + data["chart"]["undated"]
        + data["chart"]["less_precise"]
        == data["total"]
    )
    page = client.get("/?q=cocoa+OR+trams+OR+tiktok").get_data(as_text=True)
    links = re.findall(r'<a href="(\?[^"]*from=[^"]*)" class="bar-link"', page)
    assert links
    narrowed = client.get("/api/search" + links[0].replace("&amp;", "&")).get_json()
    assert 0 < narrowed["total"] < data["total"]


def test_chart_per_source_and_csv(client):
    data = client.get("/api/search?q=tiktok&chart=source").get_json()
    assert data["chart"]["series"] and "Reuters" in data["chart"]["series"]
    text = client.get("/api/chart.csv?q=tiktok&chart=source").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {"period", "from", "to", "articles", "Reuters"} <= set(rows[0])
    assert client.get("/api/search?chart=bars").status_code == 400


def test_csv_export_round_trips(client):
    response = client.get("/api/search.csv?q=tiktok&sort=newest")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == client.get("/api/search?q=tiktok").get_json()["total"]
    assert set(rows[0]) == {
        "id", "title", "source", "publisher", "date", "byline", "dateline", "url", "file",
        "story_id", "page", "snippet",
    }  # fmt: skip
    same = client.get("/api/search?q=tiktok&sort=newest&format=csv").get_data(as_text=True)
    assert same == response.get_data(as_text=True)
    assert client.get('/api/search.csv?q="tiktok').status_code == 400


def test_atom_feed_parses(client):
    response = client.get("/feed.atom?q=tiktok")
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.get_data())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == len(client.get("/api/search?q=tiktok").get_json()["hits"])
    entry = feed.entries[0]
    assert entry.link.startswith("http://localhost/article/")
    assert "TikTok" in entry.summary  # feedparser's sanitiser drops <mark>; the XML keeps it
    assert "&lt;mark&gt;TikTok&lt;/mark&gt;" in response.get_data(as_text=True)


def test_page_links_its_twins(client):
    response = client.get("/?q=tiktok&source=Reuters")
    html = response.get_data(as_text=True)
    assert "/api/search.csv?q=tiktok&amp;source=Reuters" in html
    assert "/feed.atom?q=tiktok&amp;source=Reuters" in html
    assert 'type="application/atom+xml"' in html
    assert "/api/search?q=tiktok&source=Reuters" in response.headers["Link"]


def test_help_page_is_linked(client):
    assert 'href="/help"' in client.get("/").get_data(as_text=True)
    help_page = client.get("/help").get_data(as_text=True)
    for example in ('"tiktok ban"~5', "date:[2025-01-01 to 2025-01-31]", "byline:"):
        assert example.replace('"', "&#34;") in help_page or example in help_page


def test_article_page_more_like_this(client):
    hit = client.get("/api/search?q=tiktok+reuters").get_json()["hits"][0]
    html = client.get(f"/article/{hit['id']}").get_data(as_text=True)
    assert "More like this" in html


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_pagination_never_passes_the_end(client, sort):
    first = client.get(f"/api/search?per_page=4&sort={sort}").get_json()
    last = first["pages"]
    assert client.get(f"/api/search?per_page=4&sort={sort}&page={last}").status_code == 200
    assert client.get(f"/api/search?per_page=4&sort={sort}&page={last + 1}").status_code == 400
