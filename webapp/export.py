"""CSV exports of searches and of the date chart, and the Atom feed of the newest matches."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from indexer.backends.base import EXPORT_CAP, SearchBackend, SearchQuery
from indexer.models import Article

CSV_COLUMNS = (
    "id",
    "title",
    "source",
    "publisher",
    "date",
    "byline",
    "dateline",
    "url",
    "file",
    "story_id",
)


def _csv_line(values: Iterable[Any]) -> str:
    """One CSV line (RFC 4180 quoting, CRLF)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


def article_row(article: Article) -> list[str]:
    """The CSV cells of one article."""
    data = article.to_dict()
    data["byline"] = "; ".join(article.byline)
    return ["" if data.get(col) is None else str(data[col]) for col in CSV_COLUMNS]


def search_rows(backend: SearchBackend, sq: SearchQuery) -> Iterator[str]:
    """CSV lines of every matching article (header first), up to EXPORT_CAP rows.

    The search runs before the first line is returned, so a bad query fails before streaming.
    """
    articles = backend.export(sq, cap=EXPORT_CAP)
    return _lines(articles)


def _lines(articles: Iterator[Article]) -> Iterator[str]:
    """The header and one CSV line per article."""
    yield _csv_line(CSV_COLUMNS)
    for article in articles:
        yield _csv_line(article_row(article))


def chart_rows(data: dict[str, Any]) -> Iterator[str]:
    """CSV lines of the date chart: period, its first and last day, and counts."""
    chart = data.get("chart") or {}
    series: dict[str, list[int]] = chart.get("series") or {}
    yield _csv_line(["period", "from", "to", "articles", *series])
    for n, item in enumerate(data["facets"].get("date", [])):
        counts = [values[n] for values in series.values()]
        yield _csv_line([item["value"], item["from"], item["to"], item["count"], *counts])
