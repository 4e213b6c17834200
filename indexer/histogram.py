"""Articles over time: periods of a day, week, month or year, chosen from the span of matches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from dateutil.relativedelta import relativedelta

Granularity = Literal["day", "week", "month", "year"]
MAX_BINS = 120
MIN_BINS = 7  # a lone bar says little: show the periods around it too


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
    first: dt.date, last: dt.date, granularity: Granularity, minimum: int = 1
) -> list[dt.date]:
    """Period starts from the one holding `first` to the one holding `last`.

    A short run is widened to `minimum` periods, centred on the matches; a long one stops
    after MAX_BINS + 1 periods (the caller then picks a coarser granularity).
    """
    step = _step(granularity)
    current, end = _floor(first, granularity), _floor(last, granularity)
    starts: list[dt.date] = []
    while current <= end and len(starts) <= MAX_BINS:
        starts.append(current)
        current = current + step
    missing = minimum - len(starts)
    if missing > 0:
        before = [starts[0] - step * n for n in range(missing // 2, 0, -1)]
        after = [starts[-1] + step * n for n in range(1, missing - missing // 2 + 1)]
        starts = before + starts + after
    return starts
