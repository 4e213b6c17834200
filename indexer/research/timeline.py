"""Compare queries over time: each query's matches per period, and their share of all articles.

Every series is counted over the same periods, with the search's filters (facets, from/to,
`date:` terms) applied to it and to `all`, the articles of each period that pass the same
filters with no query: `share = count / all`. Articles dated less precisely than a period
(a month-only date in a weekly timeline) and undated ones are counted apart, never guessed
into a period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from indexer.backends.base import SearchBackend, SearchQuery
from indexer.errors import QueryError
from indexer.query.facets import DateColumns
from indexer.query.histogram import (
    COARSER,
    MAX_BINS,
    NEED,
    Granularity,
    choose_granularity,
    period_end,
    period_keys,
    period_starts,
)

MAX_SERIES = 5
MAX_POINTS = 1000  # periods of a timeline whose granularity was asked for
GRANULARITIES: tuple[Granularity, ...] = ("day", "week", "month", "year")
NORMALIZE = ("count", "share")


@dataclass(slots=True, frozen=True)
class Point:
    """One period of one series: its matches and all articles passing the filters."""

    start: dt.date
    end: dt.date
    count: int
    all: int

    @property
    def share(self) -> float | None:
        """The matches' share of the period's articles (None when it has none)."""
        return self.count / self.all if self.all else None


@dataclass(slots=True, frozen=True)
class Series:
    """One query's points, its total matches, and those no period could hold."""

    query: str
    total: int
    points: list[Point]
    undated: int
    less_precise: int


@dataclass(slots=True, frozen=True)
class Timeline:
    """Series over the same periods, and the articles of each period with no query."""

    granularity: Granularity
    normalize: str
    counts: str  # "articles" or "stories"
    series: list[Series]
    all_total: int

    def period(self, start: dt.date) -> str:
        """A period's name: its first day, or `YYYY-MM`, `YYYY` for months and years."""
        if self.granularity == "month":
            return start.strftime("%Y-%m")
        if self.granularity == "year":
            return f"{start.year:04d}"
        return start.isoformat()

    def to_dict(self) -> dict[str, Any]:
        """The timeline in the API's shape."""
        return {
            "ok": True,
            "granularity": self.granularity,
            "normalize": self.normalize,
            "counts": self.counts,
            "all_total": self.all_total,
            "series": [
                {
                    "query": s.query,
                    "total": s.total,
                    "undated": s.undated,
                    "less_precise": s.less_precise,
                    "points": [
                        {
                            "period": self.period(p.start),
                            "from": p.start.isoformat(),
                            "to": p.end.isoformat(),
                            "count": p.count,
                            "all": p.all,
                            "share": None if p.share is None else round(p.share, 6),
                        }
                        for p in s.points
                    ],
                }
                for s in self.series
            ],
        }


def check_queries(texts: list[str]) -> list[str]:
    """The queries to compare (1 to MAX_SERIES); QueryError otherwise."""
    texts = [t.strip() for t in texts]
    if not texts:
        raise QueryError("Give at least one query to chart: q=cocoa (repeat q to compare).")
    if len(texts) > MAX_SERIES:
        raise QueryError(
            f"Too many queries ({len(texts)}): a timeline compares at most {MAX_SERIES}."
        )
    return texts


def check_granularity(raw: str | None) -> Granularity | None:
    """A granularity from request text (None: chosen from the span); QueryError otherwise."""
    raw = (raw or "").strip()
    if not raw:
        return None
    if raw not in GRANULARITIES:
        raise QueryError(f"Unknown granularity {raw!r}: use {', '.join(GRANULARITIES)}.")
    return raw  # type: ignore[return-value]


def check_normalize(raw: str | None) -> str:
    """`count` (the default) or `share`; QueryError otherwise."""
    raw = (raw or "").strip() or "count"
    if raw not in NORMALIZE:
        raise QueryError(f"Unknown normalize {raw!r}: use count or share.")
    return raw


def timeline(
    backend: SearchBackend,
    base: SearchQuery,
    texts: list[str],
    granularity: Granularity | None = None,
    normalize: str = "count",
) -> Timeline:
    """Each query's matches per period with `base`'s filters, and all articles passing them."""
    texts = check_queries(texts)
    everything = backend.match_dates(replace(base, text="", sample=None))
    found = [backend.match_dates(replace(base, text=text, sample=None)) for text in texts]
    try:
        granularity, starts = _periods(found, everything, base, granularity)
        ends = [period_end(start, granularity) for start in starts]
    except (OverflowError, ValueError):  # a period past year 9999
        raise QueryError(
            "The timeline's periods would run past the year 9999: choose an earlier to date."
        ) from None
    all_counts = _count(everything, granularity, starts)[0]
    series = []
    for text, dates in zip(texts, found, strict=True):
        counts, undated, imprecise = _count(dates, granularity, starts)
        points = [
            Point(start, end, int(n), int(a))
            for start, end, n, a in zip(
                starts, ends, counts.tolist(), all_counts.tolist(), strict=True
            )
        ]
        series.append(Series(text, len(dates.ordinal), points, undated, imprecise))
    return Timeline(
        granularity=granularity,
        normalize=normalize,
        counts="stories" if base.chart_stories else "articles",
        series=series,
        all_total=len(everything.ordinal),
    )


def _periods(
    found: list[DateColumns],
    everything: DateColumns,
    base: SearchQuery,
    granularity: Granularity | None,
) -> tuple[Granularity, list[dt.date]]:
    """The granularity and period starts: from/to when given, else the span of the matches."""
    ordinal = np.concatenate([d.ordinal for d in found])
    precision = np.concatenate([d.precision for d in found])
    if not (ordinal > 0).any():  # no dated match: the span of the filtered archive
        ordinal, precision = everything.ordinal, everything.precision
    dated = (ordinal > 0) & (precision > 0)
    day_share = float((precision[dated] == 3).mean()) if dated.any() else 0.0
    # The span comes from the dates precise enough for the periods they will fill (a date
    # known to the month starts on its first day, which may be in the week before the span).
    wanted = NEED[granularity] if granularity else (3 if day_share >= 0.5 else 2)
    for least in (wanted, 1):
        spanned = dated & (precision >= least)
        if spanned.any():
            break
    if spanned.any():
        first = dt.date.fromordinal(int(ordinal[spanned].min()))
        last = dt.date.fromordinal(int(ordinal[spanned].max()))
    else:
        first = last = dt.date.today()
    first, last = base.date_from or first, base.date_to or last
    if first > last:  # one bound given, beyond every match: the periods of that bound
        first, last = (last, last) if base.date_to else (first, first)
    if granularity is not None:
        starts = period_starts(first, last, granularity, most=MAX_POINTS)
        if len(starts) > MAX_POINTS:
            raise QueryError(
                f"A {granularity} timeline from {first} to {last} needs more than {MAX_POINTS} "
                "points: choose a coarser granularity or narrow from/to."
            )
        return granularity, starts
    chosen = choose_granularity(first, last, day_share)
    while chosen != "year":
        starts = period_starts(first, last, chosen)
        if len(starts) <= MAX_BINS:
            return chosen, starts
        chosen = COARSER[chosen]
    starts = period_starts(first, last, "year", most=MAX_POINTS)
    if len(starts) > MAX_POINTS:
        raise QueryError(
            f"A timeline from {first} to {last} needs more than {MAX_POINTS} years: narrow from/to."
        )
    return "year", starts


def _count(
    dates: DateColumns, granularity: Granularity, starts: list[dt.date]
) -> tuple[np.ndarray, int, int]:
    """Articles per period, and how many are undated or dated less precisely than a period."""
    dated = (dates.ordinal > 0) & (dates.precision > 0)
    keys = period_keys(dates, granularity, starts[0])
    precise = dated & (dates.precision >= NEED[granularity])
    inside = precise & (keys >= 0) & (keys < len(starts))
    counts = np.bincount(keys[inside], minlength=len(starts))
    return counts, int((~dated).sum()), int((dated & ~precise).sum())
