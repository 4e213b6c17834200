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


@pytest.mark.parametrize("text", ["2025-13-45", "2025-02-30", "yesterday", "2025/01/02", ""])
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
