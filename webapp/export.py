"""CSV exports of searches and of the date chart.

Every cell is neutralised against formula injection (OWASP's rule): a text starting with
`=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so a spreadsheet shows it
as text instead of running it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from indexer.backends.base import EXPORT_CAP, SearchBackend, SearchQuery
from indexer.models import ARTICLE_FIELDS, Article

CSV_FIELDS = tuple(f for f in ARTICLE_FIELDS if f.csv)
CSV_COLUMNS = tuple(f.name for f in CSV_FIELDS)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula (numbers are left as they are)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_line(values: Iterable[Any]) -> str:
    """One CSV line (RFC 4180 quoting, CRLF), every cell neutralised."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow([safe_cell(v) for v in values])
    return buffer.getvalue()


def article_row(article: Article) -> list[str]:
    """The CSV cells of one article (a list joined with `; `)."""
    data = article.to_dict()
    cells = []
    for spec in CSV_FIELDS:
        value = data[spec.name]
        cells.append("; ".join(value) if spec.kind == "texts" else "" if value is None else value)
    return [str(cell) for cell in cells]


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
