"""PartialDate and Article round trips."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.models import Article, PartialDate, article_from_dict


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("2025-01-15", "day", dt.date(2025, 1, 15), dt.date(2025, 1, 15)),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("1987", "year", dt.date(1987, 1, 1), dt.date(1987, 12, 31)),
    ],
)
def test_partial_date_precision_and_period(text, precision, start, end):
    date = PartialDate.parse_iso(text)
    assert date.iso() == text
    assert date.precision == precision
    assert (date.start(), date.end()) == (start, end)


@pytest.mark.parametrize(
    "text", ["2025-13-45", "2025-02-30", "yesterday", "2025/01/02", "", "00001", "2025-001"]
)
def test_partial_date_rejects_bad_iso(text):
    with pytest.raises(ValueError):
        PartialDate.parse_iso(text)


def test_yearless_date_is_unknown():
    date = PartialDate(None, 1, 15, weekday=2)
    assert date.iso() is None
    assert date.precision is None
    assert date.start() is None


def test_article_round_trips_through_dict():
    article = Article(
        id="a1",
        file="seeds/x.txt",
        body="Body.",
        title="T",
        source="Reuters",
        publisher="Portal",
        date=PartialDate(2025, 1),
        byline=["Brenda Goh"],
        contributors=["Alex Richardson"],
        dateline="SHANGHAI",
        provenance={"date": "portal-line"},
        origin="seeds/x.txt",
        mtime=12.5,
    )
    data = article.to_dict() | {"origin": "seeds/x.txt", "mtime": 12.5}
    assert article_from_dict(data) == article
    assert data["date"] == "2025-01" and data["date_precision"] == "month"


def test_the_article_fields_are_listed_once_and_json_csv_and_schema_derive_from_them():
    from indexer.models import ARTICLE_FIELDS
    from webapp.export import CSV_COLUMNS
    from webapp.openapi import ARTICLE_FIELDS as HIT_SCHEMA
    from webapp.openapi import BODY_FIELDS

    article = Article(
        id="a1",
        file="feed.jsonl:3",
        body="Body.",
        title="T",
        date=PartialDate(2025, 1, 15),
        updated=PartialDate(2025, 1, 16),
        byline=["Brenda Goh", "Ana Ruiz"],
        story_id="s-1",
        origin="/data/feed.jsonl",
        mtime=3.5,
    )
    names = [f.name for f in ARTICLE_FIELDS]
    assert len(names) == len(set(names))
    assert list(article.to_dict()) == [f.name for f in ARTICLE_FIELDS if f.public]
    assert "origin" not in article.to_dict() and article.to_record()["origin"] == "/data/feed.jsonl"
    assert article_from_dict(article.to_record()) == article
    assert [*HIT_SCHEMA, *BODY_FIELDS] == list(article.to_dict())
    assert HIT_SCHEMA["date"]["anyOf"][0]["pattern"] and "body" in BODY_FIELDS
    assert CSV_COLUMNS == (
        "id", "title", "source", "publisher", "date", "byline", "dateline", "url", "file",
        "story_id",
    )  # fmt: skip


def test_later_facts_are_added_by_named_methods_with_their_provenance():
    article = Article(id="a", file="a.txt", body="Body.", date=PartialDate(None, 1, 15))
    article.date_from(PartialDate(2025, 1, 15), "copy")
    article.byline_from(["Ana Ruiz"], "copy")
    article.join_story("s-9")
    assert article.to_dict()["date"] == "2025-01-15" and article.byline == ["Ana Ruiz"]
    assert article.provenance == {"date": "copy", "byline": "copy"} and article.story_id == "s-9"
