"""The five seed articles, normalised as a careful editor would (the table of issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import Article, RawRecord
from indexer.normalize import normalize, resolve_years

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HEADLINE = "China gives a wary welcome to influx of 'TikTok refugees' on RedNote"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    """Every seed read as plain text, normalised, then given years by the collection pass."""
    articles = {}
    for path in sorted(SEEDS.glob("*.txt")):
        record = RawRecord(
            id=path.stem,
            file=f"seeds/{path.name}",
            path=path,
            kind="text",
            text=path.read_text(encoding="utf-8"),
            mtime=path.stat().st_mtime,
        )
        articles[path.name[:3]] = normalize(record)
    resolve_years(articles.values())
    return articles


def test_all_five_seeds_are_articles(seeds: dict[str, Article]) -> None:
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    for number, article in seeds.items():
        assert article.id.startswith(number)
        assert article.file.startswith(f"seeds/{number}")
        assert article.mtime > 0
        assert "\n\n" in article.body


def test_000_reuters_plain(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    assert article.title == HEADLINE
    assert article.provenance["title"] == "heading"
    assert (article.source, article.publisher) == ("Reuters", None)
    assert article.dateline == "SHANGHAI"
    # "Jan 15" has no year; "on Wednesday" fits 2025 only among the years the collection shows.
    assert article.date is not None and article.date.iso() == "2025-01-15"
    assert article.provenance["date"] == "weekday"
    assert article.byline == []  # filled later from its copy 001 by the syndication step
    assert article.body.startswith("SHANGHAI, Jan 15 (Reuters) - Users of the Chinese")


def test_001_same_story_on_a_finance_portal(seeds: dict[str, Article]) -> None:
    article = seeds["001"]
    assert article.title == HEADLINE  # not the portal's rewrite
    assert article.source == "Reuters"
    assert article.publisher == "Global Banking & Finance Review"
    assert article.date is not None and article.date.iso() == "2025-01-15"
    assert article.provenance["date"] == "portal-line"
    assert article.updated is not None and article.updated.iso() == "2026-01-27"
    assert article.byline == ["Brenda Goh"]
    assert article.contributors == ["Sophie Yu", "Laurie Chen", "Alex Richardson"]
    assert article.dateline == "SHANGHAI"


def test_001_body_runs_from_the_dateline_to_the_credit_line(seeds: dict[str, Article]) -> None:
    body = seeds["001"].body
    assert body.startswith("SHANGHAI (Reuters) - Users of the Chinese social media app RedNote")
    assert body.endswith("Editing by Alex Richardson)")
    for furniture in (
        "China Embraces TikTok Refugees",
        "Quick Summary",
        "Key Takeaways",
        "Frequently Asked Questions",
        "More from Finance",
        "Previous Finance Post",
        "Editorial & Advertiser disclosure",
        "The image showcases",
        "Tags:",
        "4 min read",
        "© 2010-2026",
    ):
        assert furniture not in body


def test_002_cgtn_transcript(seeds: dict[str, Article]) -> None:
    article = seeds["002"]
    assert article.title == (
        "The imminent ban of TikTok in the United States has led to a unique form of protest "
        "from its users."
    )
    assert article.provenance["title"] == "derived"
    assert article.source == "CGTN"
    assert article.byline == ["Yu Li"]
    assert article.provenance["byline"] == "sign-off"
    assert article.dateline == "Beijing"
    assert article.date is None  # "Tuesday" alone names no day of any month
    # Speaker captions are attributions inside the story, not bylines or titles.
    assert 'LINDSAY K. REDnote User "Ok,' in article.body
    assert article.body.endswith("Yu Li, CGTN, Beijing.")


def test_003_bloomberg(seeds: dict[str, Article]) -> None:
    article = seeds["003"]
    assert article.title == (
        "President Xi Jinping has touted people exchanges as the foundation of healthy US ties."
    )
    assert article.provenance["title"] == "derived"
    assert (article.source, article.publisher) == ("Bloomberg", None)
    assert article.date is not None and article.date.iso() == "2025"
    assert article.date.precision == "year"
    assert article.provenance["date"] == "copyright-line"
    assert article.byline == []
    assert article.contributors == ["Jing Li"]
    for furniture in ("Most Read from Bloomberg", "Story continues", "©2025 Bloomberg L.P."):
        assert furniture not in article.body
    assert "Little Red Book" in article.body  # a subheading of the story stays


def test_004_xinhua(seeds: dict[str, Article]) -> None:
    article = seeds["004"]
    assert article.provenance["title"] == "derived"
    assert article.title is not None and article.title.startswith("Amid fears of a potential")
    assert "#TikTokRefugee Trend Gains Momentum" in article.body  # a subheading, not the title
    assert article.source == "Xinhua"
    assert article.dateline == "Beijing"
    assert article.date is None  # written before "Jan. 19", year never stated
    assert article.byline == []
    # The three-line pull quote repeats a sentence of the story: indexed once.
    assert article.body.count("The surge in interest has pushed the app") == 1
    assert article.body.startswith("Beijing: Amid fears")


@pytest.mark.parametrize(
    "phrase", ["newsletter", "Storm Leonardo", "Most Read from Bloomberg", "Story continues"]
)
def test_boilerplate_words_are_in_no_body(seeds: dict[str, Article], phrase: str) -> None:
    for article in seeds.values():
        assert phrase not in article.body


def test_every_field_says_where_it_came_from(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        data = article.to_dict()
        for name in ("title", "source", "publisher", "date", "dateline", "updated"):
            if data[name] is not None:
                assert name in article.provenance
        for name in ("byline", "contributors"):
            if data[name]:
                assert name in article.provenance
