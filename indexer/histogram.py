"""Articles over time: bins of a day, week, month or year, chosen from the span of the matches."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from dateutil.relativedelta import relativedelta

Granularity = Literal["day", "week", "month", "year"]
PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
GRANULARITY_RANK = {"day": 3, "week": 3, "month": 2, "year": 1}
MAX_BINS = 120
MIN_BINS = 7  # a lone bar says little: show the periods around it too


@dataclass(slots=True, frozen=True)
class Bin:
    """One bar of the chart: a period and the number of articles dated within it."""

    start: dt.date
    end: dt.date
    count: int

    @property
    def label(self) -> str:
        """A short name of the period."""
        return self.start.isoformat()


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
    return {
        "day": relativedelta(days=1),
        "week": relativedelta(weeks=1),
        "month": relativedelta(months=1),
        "year": relativedelta(years=1),
    }[granularity]


def choose_granularity(first: dt.date, last: dt.date, day_share: float) -> Granularity:
    """Days for a short span, weeks, months or years for longer ones (months if few exact days)."""
    span = (last - first).days
    if span <= 92 and day_share >= 0.5:
        return "day"
    if span <= 2 * 366 and day_share >= 0.5:
        return "week"
    return "month" if span <= 12 * 366 else "year"


def build_histogram(
    dates: Iterable[tuple[int, str, str | None]], *, by_source: bool = False, top_sources: int = 5
) -> Histogram:
    """Bin (start ordinal, precision, source) triples of the matching articles."""
    dated: list[tuple[dt.date, str, str | None]] = []
    undated = 0
    for ordinal, precision, source in dates:
        if ordinal <= 0 or precision not in PRECISION_RANK:
            undated += 1
        else:
            dated.append((dt.date.fromordinal(ordinal), precision, source))
    if not dated:
        return Histogram(granularity="month", bins=[], undated=undated)
    precise = [d for d in dated if d[1] != "year"] or dated
    first = min(d for d, _, _ in precise)
    last = max(d for d, _, _ in precise)
    day_share = sum(1 for _, p, _ in dated if p == "day") / len(dated)
    granularity = choose_granularity(first, last, day_share)
    while True:
        starts = _period_starts(*_padded(first, last, granularity), granularity)
        if len(starts) <= MAX_BINS or granularity == "year":
            break
        granularity = {"day": "week", "week": "month", "month": "year"}[granularity]
    need = GRANULARITY_RANK[granularity]
    counts: Counter[dt.date] = Counter()
    per_source: dict[str, Counter[dt.date]] = {}
    imprecise = 0
    for day, precision, source in dated:
        if PRECISION_RANK[precision] < need or not starts[0] <= day <= last:
            imprecise += 1
            continue
        key = _floor(day, granularity)
        counts[key] += 1
        if by_source and source:
            per_source.setdefault(source, Counter())[key] += 1
    step = _step(granularity)
    bins = [Bin(s, s + step - dt.timedelta(days=1), counts.get(s, 0)) for s in starts]
    series: dict[str, list[int]] = {}
    if by_source:
        ranked = sorted(per_source.items(), key=lambda kv: -sum(kv[1].values()))[:top_sources]
        series = {name: [c.get(s, 0) for s in starts] for name, c in ranked}
    return Histogram(
        granularity=granularity, bins=bins, undated=undated, imprecise=imprecise, series=series
    )


def _padded(first: dt.date, last: dt.date, granularity: Granularity) -> tuple[dt.date, dt.date]:
    """Widen a short span to MIN_BINS periods, centred on the matches."""
    step = _step(granularity)
    count = len(_period_starts(first, last, granularity))
    before = (MIN_BINS - count) // 2
    after = MIN_BINS - count - before
    if count >= MIN_BINS:
        return first, last
    return _floor(first, granularity) - step * before, _floor(last, granularity) + step * after


def _period_starts(first: dt.date, last: dt.date, granularity: Granularity) -> Sequence[dt.date]:
    """Every period start from the one holding `first` to the one holding `last`."""
    step = _step(granularity)
    current, end = _floor(first, granularity), _floor(last, granularity)
    starts = []
    while current <= end and len(starts) <= MAX_BINS:
        starts.append(current)
        current = current + step
    return starts
