"""Articles over time: periods of a day, week, month or year, chosen from the span of matches,
and the matches of a search counted into them with numpy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from dateutil.relativedelta import relativedelta

from indexer.query.facets import DateColumns, FacetColumn

Granularity = Literal["day", "week", "month", "year"]
MAX_BINS = 120
MIN_BINS = 7  # a lone bar says little: show the periods around it too
NEED = {"day": 3, "week": 3, "month": 2, "year": 1}  # the precision code each bar needs
COARSER: dict[str, Granularity] = {"day": "week", "week": "month", "month": "year"}


@dataclass(slots=True, frozen=True)
class Bin:
    """One bar of the chart: a period and the number of articles dated within it."""

    start: dt.date
    end: dt.date
    count: int


@dataclass(slots=True, kw_only=True)
class Histogram:
    """Matching articles per period; articles dated less precisely than a bin are counted apart."""

    granularity: Granularity
    bins: list[Bin]
    undated: int = 0
    imprecise: int = 0
    series: dict[str, list[int]] = field(default_factory=dict)  # per source, aligned with bins

    def label(self, b: Bin) -> str:
        """The period's name at this granularity (`2025-01-15`, `2025-W03`, `2025-01`, `2025`)."""
        if self.granularity == "month":
            return b.start.strftime("%Y-%m")
        if self.granularity == "year":
            return str(b.start.year)
        if self.granularity == "week":
            year, week, _ = b.start.isocalendar()
            return f"{year}-W{week:02d}"
        return b.start.isoformat()


def choose_granularity(first: dt.date, last: dt.date, day_share: float) -> Granularity:
    """Days for a short span, weeks, months or years for longer ones (months if few exact days)."""
    span = (last - first).days
    if span <= 92 and day_share >= 0.5:
        return "day"
    if span <= 2 * 366 and day_share >= 0.5:
        return "week"
    return "month" if span <= 12 * 366 else "year"


def _floor(day: dt.date, granularity: Granularity) -> dt.date:
    """The first day of the period holding `day`."""
    if granularity == "week":
        return day - dt.timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    if granularity == "year":
        return day.replace(month=1, day=1)
    return day


def _step(granularity: Granularity) -> relativedelta:
    """The length of one period."""
    return relativedelta(**{f"{granularity}s": 1})


def period_starts(
    first: dt.date,
    last: dt.date,
    granularity: Granularity,
    minimum: int = 1,
    most: int = MAX_BINS,
) -> list[dt.date]:
    """Period starts from the one holding `first` to the one holding `last`.

    A short run is widened to `minimum` periods, centred on the matches; a long one stops
    after `most` + 1 periods (the caller then picks a coarser granularity).
    """
    step = _step(granularity)
    current, end = _floor(first, granularity), _floor(last, granularity)
    starts: list[dt.date] = []
    while current <= end and len(starts) <= most:
        starts.append(current)
        current = current + step
    missing = minimum - len(starts)
    if missing > 0:
        before = [starts[0] - step * n for n in range(missing // 2, 0, -1)]
        after = [starts[-1] + step * n for n in range(1, missing - missing // 2 + 1)]
        starts = before + starts + after
    return starts


def bin_dates(
    dates: DateColumns,
    docs: np.ndarray,
    sources: FacetColumn | None = None,
    top_sources: int = 5,
    granularity: Granularity | None = None,
    weights: np.ndarray | None = None,
) -> Histogram:
    """Bin the documents of a mask by date; per source too when `sources` is given.

    `granularity` asks for days, weeks, months or years (coarser if the span would need more
    than MAX_BINS bars); by default it is chosen from the span. `weights`: how many articles
    each document stands for (counts added up elsewhere, one row a date); None: one each.
    """
    rows = np.flatnonzero(docs)  # the matches' dates only: a few of a million rows, often
    ordinal, precision = dates.ordinal[rows], dates.precision[rows]
    matched = DateColumns(ordinal=ordinal, precision=precision, month=dates.month[rows])
    each = None if weights is None else weights[rows]

    def articles(mask: np.ndarray) -> int:
        """The articles of the matched rows a mask holds."""
        return int(mask.sum() if each is None else each[mask].sum())

    dated = (ordinal > 0) & (precision > 0)
    undated = articles(~dated)
    if not dated.any():
        return Histogram(granularity="month", bins=[], undated=undated)
    day_share = articles(dated & (precision == 3)) / articles(dated)
    # The span comes from the dates precise enough for the bars they will fill.
    for least in (3 if day_share >= 0.5 else 2, 1):
        spanned = dated & (precision >= least)
        if spanned.any():
            break
    first = dt.date.fromordinal(int(ordinal[spanned].min()))
    last = dt.date.fromordinal(int(ordinal[spanned].max()))
    granularity = granularity or choose_granularity(first, last, day_share)
    while True:
        starts = period_starts(first, last, granularity, minimum=MIN_BINS)
        if len(starts) <= MAX_BINS or granularity == "year":
            break
        granularity = COARSER[granularity]
    keys = period_keys(matched, granularity, starts[0])
    usable = dated & (precision >= NEED[granularity]) & (keys >= 0) & (keys < len(starts))

    def per_bin(mask: np.ndarray) -> np.ndarray:
        """Articles per bin among the matched rows of a mask."""
        picked = None if each is None else each[mask]
        return np.bincount(keys[mask], weights=picked, minlength=len(starts)).astype(np.int64)

    counts = per_bin(usable)
    bins = [
        Bin(start, period_end(start, granularity), int(n))
        for start, n in zip(starts, counts.tolist(), strict=True)
    ]
    series: dict[str, list[int]] = {}
    if sources is not None:
        per_doc = sources.per_document(len(docs))[rows]
        chosen = per_doc[usable]
        picked = None if each is None else each[usable][chosen >= 0]
        totals = np.bincount(chosen[chosen >= 0], weights=picked, minlength=len(sources.labels))
        for sid in np.argsort(-totals, kind="stable")[:top_sources].tolist():
            if totals[sid] == 0:
                break
            series[sources.labels[sid]] = per_bin(usable & (per_doc == sid)).tolist()
    return Histogram(
        granularity=granularity,
        bins=bins,
        undated=undated,
        imprecise=articles(dated) - articles(usable),
        series=series,
    )


def period_keys(dates: DateColumns, granularity: Granularity, first: dt.date) -> np.ndarray:
    """Each document's period number counted from the period starting at `first`."""
    if granularity == "day":
        return dates.ordinal - first.toordinal()
    if granularity == "week":
        return (dates.ordinal - first.toordinal()) // 7
    start_month = first.year * 12 + first.month - 1
    if granularity == "month":
        return dates.month - start_month
    return dates.month // 12 - first.year


def period_end(start: dt.date, granularity: Granularity) -> dt.date:
    """The last day of the chart period starting at `start`."""
    if granularity == "day":
        return start
    if granularity == "week":
        return start + dt.timedelta(days=6)
    if granularity == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)
