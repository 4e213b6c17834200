"""CSV exports of searches and of the date chart.

Every cell is neutralised against formula injection (OWASP's rule): a text starting with
`=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so a spreadsheet shows it
as text instead of running it.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from indexer.backends.base import EXPORT_CAP, Export, SearchBackend, SearchQuery
from indexer.models import ARTICLE_FIELDS, Article

CSV_FIELDS = tuple(f for f in ARTICLE_FIELDS if f.csv)
CSV_COLUMNS = tuple(f.name for f in CSV_FIELDS)
EXTRA_COLUMNS = ("page", "snippet")  # the article's page here, its first snippet (plain text)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_MARKS = re.compile(r"</?mark>")


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


def search_rows(
    backend: SearchBackend,
    sq: SearchQuery,
    page_url: Callable[[str], str],
    cap: int = EXPORT_CAP,
) -> tuple[Export, Iterator[str]]:
    """The export (with its total) and CSV lines of every matching article, header first.

    Up to `cap` rows; each row also holds the article page's address (`page_url(id)`) and
    its first snippet as plain text. The search runs before this returns, so a bad query fails
    before streaming.
    """
    found = backend.export(sq, cap=cap)
    return found, _lines(found, page_url, backend.snippet_maker(sq.text))


def truncation_headers(found: Export, cap: int) -> dict[str, str]:
    """What the rows of a capped export are of: the matches, and whether rows stop short."""
    return {
        "X-Total-Count": str(found.total),
        "X-Total-Exact": "true" if found.total_exact else "false",
        "X-Export-Cap": str(cap),
        "X-Export-Count": str(min(found.total, cap)),
        "X-Truncated": "true" if found.total > cap else "false",
    }


def _lines(
    articles: Iterable[Article], page_url: Callable[[str], str], snippet: Callable[[str], str]
) -> Iterator[str]:
    """The header and one CSV line per article."""
    yield _csv_line((*CSV_COLUMNS, *EXTRA_COLUMNS))
    for article in articles:
        text = " ".join(html.unescape(_MARKS.sub("", snippet(article.body))).split())
        yield _csv_line([*article_row(article), page_url(article.id), text])


def chart_rows(data: dict[str, Any]) -> Iterator[str]:
    """CSV lines of the date chart: period, its first and last day, and counts."""
    chart = data.get("chart") or {}
    series: dict[str, list[int]] = chart.get("series") or {}
    yield _csv_line(["period", "from", "to", "articles", *series])
    for n, item in enumerate(data["facets"].get("date", [])):
        counts = [values[n] for values in series.values()]
        yield _csv_line([item["value"], item["from"], item["to"], item["count"], *counts])
