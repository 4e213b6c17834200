"""The research tools on the web: compare queries over time and top terms, as JSON, CSV, HTML.

`/api/timeline` (and its CSV twin) charts up to five queries (`q` repeated) with the filters of
`/api/search`; `/api/terms` lists the words and phrases over-represented in a search's matches;
`/compare` is the page of the timeline. The random sample (`sample`, `seed`) is a parameter of
the search itself (`webapp.search`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import MultiDict

from indexer.backends.base import SearchBackend
from indexer.query.aliases import AliasTable
from indexer.research import terms, timeline
from indexer.research.sample import check_seed
from webapp import alias_table, live_index, search, timeline_chart
from webapp.display import attachment, download_name
from webapp.export import safe_cell

bp = Blueprint("research", __name__)

CSV_COLUMNS = ("query", "period", "from", "to", "count", "all", "share")


def timeline_data(
    backend: SearchBackend, args: MultiDict[str, str], aliases: AliasTable | None = None
) -> dict[str, Any]:
    """The timeline the arguments ask for, in the API's shape (QueryError when they are bad)."""
    texts = timeline.check_queries([q for q in args.getlist("q") if q.strip()])
    granularity = timeline.check_granularity(args.get("granularity"))
    normalize = timeline.check_normalize(args.get("normalize"))
    sq = search.parse_args(_without_query(args), aliases)
    found = timeline.timeline(backend, sq, texts, granularity, normalize)
    data = found.to_dict()
    data["filters"] = {k: list(v) for k, v in sq.filters.items()}
    data["from"] = sq.date_from.isoformat() if sq.date_from else None
    data["to"] = sq.date_to.isoformat() if sq.date_to else None
    return data


def terms_data(
    backend: SearchBackend, args: MultiDict[str, str], aliases: AliasTable | None = None
) -> dict[str, Any]:
    """The top terms of the search the arguments describe, in the API's shape."""
    size = terms.check_size(args.get("size"))
    seed = check_seed(args.get("seed") or "0")
    sq = search.parse_args(_without(args, "sample", "seed", "size"), aliases)
    data = terms.top_terms(backend, sq, size, seed).to_dict()
    data["filters"] = {k: list(v) for k, v in sq.filters.items()}
    return data


def page_terms(
    backend: SearchBackend, args: MultiDict[str, str], aliases: AliasTable | None = None
) -> dict[str, Any] | None:
    """The search page's top-terms panel when asked for (`terms=1`), each term with its link."""
    if args.get("terms") != "1":
        return None
    data = terms_data(backend, _without(args, "page", "per_page"), aliases)
    query = args.get("q", "").strip()
    for item in data["terms"]:
        term = item["term"]
        added = f'"{term}"' if " " in term else term
        item["href"] = url_for("views.index") + search.state_url(
            args, q=f"{query} {added}".strip(), page=None, sample=None, seed=None
        )
    return data


def timeline_rows(data: dict[str, Any]) -> Iterator[list[Any]]:
    """The timeline as table rows, header first: one row per query and period."""
    yield list(CSV_COLUMNS)
    for series in data["series"]:
        for point in series["points"]:
            yield [series["query"], *(point[name] for name in CSV_COLUMNS[1:])]


def _without_query(args: MultiDict[str, str]) -> MultiDict[str, str]:
    """The search arguments with the timeline's own taken out (its queries are the series)."""
    return _without(args, "q", "granularity", "normalize", "sample", "seed")


def _own(args: MultiDict[str, str]) -> MultiDict[str, str]:
    """Only the timeline's own arguments (its queries, granularity and normalize)."""
    keep = ("q", "granularity", "normalize")
    return MultiDict([(k, v) for k, v in args.items(multi=True) if k in keep])


def _without(args: MultiDict[str, str], *names: str) -> MultiDict[str, str]:
    """A copy of the arguments without some names."""
    return MultiDict([(k, v) for k, v in args.items(multi=True) if k not in names])


def _csv_text(rows: Iterator[list[Any]]) -> str:
    """RFC 4180 CSV text, every cell safe from spreadsheet formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([safe_cell("" if cell is None else cell) for cell in row])
    return buffer.getvalue()


@bp.get("/api/timeline")
def api_timeline() -> ResponseReturnValue:
    """Each query's matches per period (and their share of all articles), as JSON."""
    backend = live_index(current_app).backend()
    return jsonify(timeline_data(backend, request.args, alias_table(current_app)))


@bp.get("/api/timeline.csv")
def api_timeline_csv() -> ResponseReturnValue:
    """The timeline as CSV: query, period, from, to, count, all, share."""
    backend = live_index(current_app).backend()
    data = timeline_data(backend, request.args, alias_table(current_app))
    name = download_name("timeline", " ".join(s["query"] for s in data["series"]))
    return Response(
        _csv_text(timeline_rows(data)),
        mimetype="text/csv",
        headers={"Content-Disposition": attachment(name)},
    )


@bp.get("/api/terms")
def api_terms() -> ResponseReturnValue:
    """The words and two-word phrases over-represented in a search's matches, as JSON."""
    backend = live_index(current_app).backend()
    return jsonify(terms_data(backend, request.args, alias_table(current_app)))


@bp.get("/compare")
def compare() -> ResponseReturnValue:
    """The page comparing queries over time: a form, the chart, its table and its twins."""
    args = request.args
    queries = [q for q in args.getlist("q") if q.strip()]
    data = None
    chart = None
    if queries:
        backend = live_index(current_app).backend()
        data = timeline_data(backend, args, alias_table(current_app))
        chart = timeline_chart.layout(data, args, url_for("views.index"))
    state = search.state_url(args)
    return render_template(
        "compare.html",
        args=args,
        data=data,
        chart=chart,
        fields=[*queries, *[""] * (timeline.MAX_SERIES - len(queries))],
        granularities=timeline.GRANULARITIES,
        json_url=url_for("research.api_timeline") + _timeline_state(args),
        csv_url=url_for("research.api_timeline_csv") + _timeline_state(args),
        search_url=url_for("views.index") + (state if state != "?" else ""),
        unfiltered_url=url_for("research.compare") + _timeline_state(_own(args)),
        state_url=search.state_url,
    )


def _timeline_state(args: MultiDict[str, str]) -> str:
    """The compare page's query string (its twins take the same)."""
    return "?" + urlencode([(k, v) for k, v in args.items(multi=True) if v != ""])
