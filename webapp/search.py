"""Turns request arguments into a SearchQuery and results into the one data dict of a search."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any
from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict

from indexer.backends.base import (
    CHART_BY_SOURCE,
    FACETS,
    SAMPLE,
    SORTS,
    SUGGESTIONS,
    SearchBackend,
    SearchQuery,
    SearchResults,
)
from indexer.errors import QueryError
from indexer.models import PartialDate, parse_instant
from indexer.query.aliases import AliasTable
from indexer.query.limits import MAX_PER_PAGE
from indexer.query.prepare import prepare
from indexer.research import sample
from webapp.display import place_case

FILTER_PARAMS = FACETS
STATE_PARAMS = (
    "q",
    *FILTER_PARAMS,
    "from",
    "to",
    "sort",
    "per_page",
    "chart",
    "interval",
    "count",
    "group",
    "aliases",
    "indexed_after",
    "sample",
    "seed",
    "terms",
)
MAX_PARAMETERS = 100  # in one query string, counting each repeated value
MAX_FACET_VALUES = 20  # values of one facet (each adds a row and a link to every page)
GROUPS = ("story", "none")
COUNTS = ("articles", "stories")
CHARTS = ("", "source")
INTERVALS = ("day", "week", "month", "year")
FACET_LIMIT = 20  # values shown per facet unless `facet_limit` asks for more
MAX_FACET_LIMIT = 1000


def _int_arg(args: MultiDict[str, str], name: str, default: int, low: int, high: int) -> int:
    """A whole-number argument within bounds, or a QueryError that says what is allowed."""
    raw = args.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(f"{name} must be a whole number, not {raw!r}.") from None
    if not low <= value <= high:
        raise QueryError(f"{name} must be between {low} and {high}, not {value}.")
    return value


def _date_arg(args: MultiDict[str, str], name: str, end: bool) -> dt.date | None:
    """An ISO date argument (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) as the first or last day it covers."""
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        date = PartialDate.parse_iso(raw)
    except ValueError:
        raise QueryError(
            f"Invalid {name} date {raw!r}: use YYYY-MM-DD (or YYYY-MM, YYYY)."
        ) from None
    except OverflowError:  # a number past what a date holds (`from=11111111111111111111`)
        shown = raw if len(raw) <= 40 else raw[:40] + "…"
        raise QueryError(
            f"Invalid {name} date {shown!r}: out of range; use YYYY-MM-DD (or YYYY-MM, YYYY) "
            "with a year from 1 to 9999."
        ) from None
    return date.end() if end else date.start()


def _instant_arg(args: MultiDict[str, str], name: str) -> dt.datetime | None:
    """An ISO 8601 time argument (`2026-12-06T07:00:00Z`; no zone means UTC), or None."""
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        return parse_instant(raw)
    except (ValueError, OverflowError):
        shown = raw if len(raw) <= 40 else raw[:40] + "…"
        raise QueryError(
            f"Invalid {name} time {shown!r}: use ISO 8601, such as 2026-12-06T07:00:00Z."
        ) from None


def check_size(args: MultiDict[str, str]) -> None:
    """QueryError when a request has too many parameters or too many values of one facet."""
    count = sum(len(values) for values in args.lists())
    if count > MAX_PARAMETERS:
        raise QueryError(f"Too many parameters ({count}): a search takes at most {MAX_PARAMETERS}.")
    for name in FILTER_PARAMS:
        values = args.getlist(name)
        if len(values) > MAX_FACET_VALUES:
            raise QueryError(
                f"Too many {name} values ({len(values)}): choose at most {MAX_FACET_VALUES}."
            )


def parse_args(args: MultiDict[str, str], aliases: AliasTable | None = None) -> SearchQuery:
    """Validate request arguments into a SearchQuery; QueryError with a readable message.

    `aliases` are expanded in the query unless the request says `aliases=0`.
    """
    check_size(args)
    sort = args.get("sort", "").strip() or "relevance"
    if sort not in SORTS:
        raise QueryError(f"Unknown sort {sort!r}: use {', '.join(SORTS)}.")
    date_from = _date_arg(args, "from", end=False)
    date_to = _date_arg(args, "to", end=True)
    if date_from and date_to and date_from > date_to:
        raise QueryError(f"The from date ({date_from}) is after the to date ({date_to}).")
    filters = {
        name: tuple(dict.fromkeys(v.strip() for v in args.getlist(name) if v.strip()))
        for name in FILTER_PARAMS
    }
    chart = args.get("chart", "").strip()
    if chart not in CHARTS:
        raise QueryError(f"Unknown chart {chart!r}: leave it out, or use chart=source.")
    group = args.get("group", "").strip() or "story"
    if group not in GROUPS:
        raise QueryError(f"Unknown group {group!r}: use story (one hit per story) or none.")
    count = args.get("count", "").strip() or "articles"
    if count not in COUNTS:
        raise QueryError(f"Unknown count {count!r}: the chart counts articles or stories.")
    interval = args.get("interval", "").strip()
    if interval and interval not in INTERVALS:
        raise QueryError(f"Unknown interval {interval!r}: use {', '.join(INTERVALS)}.")
    indexed_after = _instant_arg(args, "indexed_after")
    size = args.get("sample", "").strip()
    expand = args.get("aliases", "1").strip()
    if expand not in ("0", "1"):
        raise QueryError(f"aliases must be 1 (expand names) or 0 (do not), not {expand!r}.")
    return SearchQuery(
        group=group == "story",
        chart_stories=count == "stories",
        aliases=aliases if expand == "1" else None,
        chart_by_source=chart == "source",
        text=args.get("q", "").strip(),
        filters={k: v for k, v in filters.items() if v},
        date_from=date_from,
        date_to=date_to,
        sort=sort,  # type: ignore[arg-type]
        page=_int_arg(args, "page", 1, 1, 10_000),
        per_page=_int_arg(args, "per_page", 10, 1, MAX_PER_PAGE),
        # One more than shown, to know whether a facet has more values than its list.
        facet_limit=_int_arg(args, "facet_limit", FACET_LIMIT, 1, MAX_FACET_LIMIT) + 1,
        interval=interval or None,  # type: ignore[arg-type]
        indexed_after=indexed_after,
        sample=sample.check_size(size) if size else None,
        # A sample without a seed gets a fresh one, shown so it can be drawn again.
        seed=sample.check_seed(args.get("seed")) if size else 0,
    )


def run(
    backend: SearchBackend, args: MultiDict[str, str], aliases: AliasTable | None = None
) -> dict[str, Any]:
    """Run the search the arguments describe and return its data dict (the API's JSON)."""
    sq = parse_args(args, aliases)
    # Ask for what the engine can give; without a capability the page shows less, not an error.
    no_suggestions = backend.lacks(SUGGESTIONS)
    if no_suggestions is not None:
        sq.suggest = False
    if not backend.supports(CHART_BY_SOURCE):
        sq.chart_by_source = False
    if sq.sample is not None and not backend.supports(SAMPLE):
        raise QueryError(
            f"The {backend.name} engine cannot draw random samples: {backend.lacks(SAMPLE)}."
        )
    results = backend.search(sq)
    if sq.page > results.pages:
        shown = f"{results.stories} stories" if sq.group else f"{results.total} articles"
        raise QueryError(f"Page {sq.page} is past the last page ({results.pages}) of {shown}.")
    unavailable = None
    if no_suggestions is not None and _would_suggest(sq, results):
        unavailable = f'No "did you mean" spelling suggestion: {no_suggestions}.'
    return to_data(results, args, suggestion_unavailable=unavailable)


def _would_suggest(sq: SearchQuery, results: SearchResults) -> bool:
    """Whether an engine with spelling data would have looked for a correction of this search."""
    return prepare(dataclasses.replace(sq, suggest=True)).wants_suggestion(results.total)


def state_url(args: MultiDict[str, str], **changes: Any) -> str:
    """The query string of the page's state with some parameters changed (None removes)."""
    params: MultiDict[str, str] = MultiDict(
        [(k, v) for k, v in args.items(multi=True) if k in STATE_PARAMS and v != ""]
    )
    for key, value in changes.items():
        key = key.rstrip("_")
        params.poplist(key)
        if value is None:
            continue
        for item in value if isinstance(value, (list, tuple)) else [value]:
            params.add(key, str(item))
    return "?" + urlencode(list(params.items(multi=True)))


def toggled(args: MultiDict[str, str], facet: str, value: str) -> str:
    """The URL that adds or removes one facet value (and returns to page 1)."""
    values = [v for v in args.getlist(facet) if v]
    kept = [v for v in values if v.casefold() != value.casefold()]
    values = kept if len(kept) < len(values) else [*values, value]
    return state_url(args, **{facet: values, "page": None})


def chart_data(results: SearchResults) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The date histogram as `facets.date` items and the chart's other facts."""
    hist = results.histogram
    if hist is None:
        return [], None
    low, high = results.date_bounds
    items = [
        {
            "value": hist.label(b),
            "from": b.start.isoformat(),
            "to": b.end.isoformat(),
            "count": b.count,
            "selected": (low, high) == (b.start, b.end),
        }
        for b in hist.bins
    ]
    chart = {
        "counts": "stories" if results.query.chart_stories else "articles",
        "granularity": hist.granularity,
        "undated": hist.undated,
        "less_precise": hist.imprecise,
        "series": hist.series or None,
    }
    return items, chart


def to_data(
    results: SearchResults, args: MultiDict[str, str], suggestion_unavailable: str | None = None
) -> dict[str, Any]:
    """The data dict shared by the page and the JSON API (with why no suggestion, if known)."""
    sq = results.query
    dates, chart = chart_data(results)
    limit = sq.facet_limit - 1
    facets: dict[str, list[dict[str, Any]]] = {}
    more: dict[str, bool] = {}
    for name, values in results.facets.items():
        shown = [f.to_dict() for f in values[:limit]] + [
            f.to_dict() for f in values[limit:] if f.selected
        ]
        if name == "dateline":
            for item in shown:
                item["value"] = place_case(item["value"])
        facets[name] = shown
        more[name] = len(values) > len(shown)
    if results.histogram is not None:
        facets["date"] = dates
    low, high = results.date_bounds
    return {
        "ok": True,
        "query": sq.text,
        "total": results.total,
        "total_exact": results.total_exact,
        "stories": results.stories,
        "group": "story" if sq.group else "none",
        "page": sq.page,
        "per_page": sq.per_page,
        "pages": results.pages,
        "sort": results.sort,
        "from": sq.date_from.isoformat() if sq.date_from else None,
        "to": sq.date_to.isoformat() if sq.date_to else None,
        "date_range": {
            "from": low.isoformat() if low else None,
            "to": high.isoformat() if high else None,
        },
        "filters": {k: list(v) for k, v in sq.filters.items()},
        "took_ms": round(results.took_ms, 2),
        "timed_out": results.timed_out,
        "suggestion": results.suggestion,
        "suggestion_unavailable": suggestion_unavailable,
        "aliases": sq.aliases is not None,
        "aliases_added": list(results.aliases_added),
        "hits": [hit.to_dict() for hit in results.hits],
        "facets": facets,
        "facet_limit": limit,
        "facets_more": more,
        "facet_counts": "articles",
        "date_granularity": chart["granularity"] if chart else None,
        "interval": sq.interval,
        "chart": chart,
        "sample": (
            None
            if sq.sample is None
            else {"size": sq.sample, "seed": sq.seed, "drawn_from": results.sampled_from}
        ),
    }
