"""Facet counts and the date chart computed with numpy over columns read once per searcher.

Every facet is held as parallel arrays of (document number, value id) entries, so a
multi-valued facet such as byline needs no special case: selecting, counting and masking are a
few vectorised operations whatever the number of matches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from indexer.histogram import (
    MAX_BINS,
    MIN_BINS,
    Bin,
    Granularity,
    Histogram,
    choose_granularity,
    period_starts,
)

MULTI_SEP = "\x1f"
PRECISION_CODES = {"": 0, "year": 1, "month": 2, "day": 3}
NEED = {"day": 3, "week": 3, "month": 2, "year": 1}
COARSER: dict[str, Granularity] = {"day": "week", "week": "month", "month": "year"}


@dataclass(slots=True)
class FacetColumn:
    """One facet: the value of each entry, the document it belongs to, and the value names."""

    labels: list[str]
    owner: np.ndarray  # document number of each entry
    ids: np.ndarray  # value id of each entry (index into labels)

    @classmethod
    def from_values(cls, values: Iterable[bytes]) -> FacetColumn:
        """Build from the raw column values (MULTI_SEP-joined UTF-8), one per document.

        Values that differ only in case are one value (`NEW YORK`, `New York`), shown as
        first written.
        """
        index: dict[str, int] = {}
        labels: list[str] = []
        owner: list[int] = []
        ids: list[int] = []
        for doc, raw in enumerate(values):
            if not raw:
                continue
            for value in raw.decode().split(MULTI_SEP):
                key = value.casefold()
                if key not in index:
                    index[key] = len(labels)
                    labels.append(value)
                owner.append(doc)
                ids.append(index[key])
        return cls(
            labels=labels,
            owner=np.asarray(owner, dtype=np.int32),
            ids=np.asarray(ids, dtype=np.int32),
        )

    def matching(self, values: Sequence[str], size: int) -> np.ndarray:
        """A document mask: documents holding any of the values (in any case)."""
        keys = {v.casefold() for v in values}
        wanted = [n for n, label in enumerate(self.labels) if label.casefold() in keys]
        mask = np.zeros(size, dtype=bool)
        if wanted:
            mask[self.owner[np.isin(self.ids, wanted)]] = True
        return mask

    def counts(self, docs: np.ndarray) -> np.ndarray:
        """Documents per value among the documents of a mask."""
        return np.bincount(self.ids[docs[self.owner]], minlength=len(self.labels))

    def per_document(self, size: int) -> np.ndarray:
        """The (first) value id of each document, -1 for none."""
        first = np.full(size, -1, dtype=np.int32)
        first[self.owner[::-1]] = self.ids[::-1]  # later writes win: reversed keeps the first
        return first


@dataclass(slots=True)
class DateColumns:
    """Each document's date: first day (ordinal, 0 if unknown), precision code, month index."""

    ordinal: np.ndarray
    precision: np.ndarray
    month: np.ndarray  # year * 12 + month - 1

    @classmethod
    def from_values(cls, ordinals: Iterable[int], precisions: Iterable[bytes]) -> DateColumns:
        """Build from the date_new and c_precision columns."""
        ordinal = np.fromiter(ordinals, dtype=np.int32)
        precision = np.fromiter(
            (PRECISION_CODES.get(p.decode(), 0) for p in precisions), dtype=np.int8
        )
        month = np.zeros_like(ordinal)
        unique, inverse = np.unique(ordinal, return_inverse=True)
        months = [
            (d.year * 12 + d.month - 1) if o > 0 else 0
            for o in unique.tolist()
            for d in [dt.date.fromordinal(o) if o > 0 else dt.date.min]
        ]
        if len(unique):
            month = np.asarray(months, dtype=np.int32)[inverse]
        return cls(ordinal=ordinal, precision=precision, month=month)


@dataclass(slots=True)
class StoryColumn:
    """Which story each document belongs to, and the live members of each story."""

    codes: np.ndarray  # story number of each document, -1 for deleted ones
    members: np.ndarray  # live document numbers grouped by story number
    starts: np.ndarray  # story c's members are members[starts[c] : starts[c + 1]]

    @classmethod
    def from_values(cls, values: Iterable[bytes], live: Iterable[int], size: int) -> StoryColumn:
        """Build from the c_story column and the live document numbers."""
        index: dict[bytes, int] = {}
        codes = np.fromiter(
            (index.setdefault(v, len(index)) for v in values), dtype=np.int32, count=size
        )
        alive = np.zeros(size, dtype=bool)
        alive[np.fromiter(live, dtype=np.int32)] = True
        return cls.from_codes(codes, alive, len(index))

    @classmethod
    def from_codes(cls, codes: np.ndarray, alive: np.ndarray, stories: int) -> StoryColumn:
        """Build from each document's story number (0 ≤ n < `stories`) and a live mask."""
        codes = np.where(alive, codes, -1).astype(np.int32)
        live_docs = np.flatnonzero(alive)
        members = live_docs[np.argsort(codes[live_docs], kind="stable")]
        starts = np.searchsorted(codes[members], np.arange(stories + 1))
        return cls(codes=codes, members=members, starts=starts)

    def count(self, docs: np.ndarray) -> int:
        """Distinct stories among the documents of a mask."""
        chosen = self.codes[docs]
        return int(np.count_nonzero(np.bincount(chosen[chosen >= 0]))) if chosen.size else 0

    def first_per_story(self, order: Sequence[int]) -> list[int]:
        """The documents of `order` that come first in their story, in the same order."""
        if not len(order):
            return []
        docs = np.asarray(order, dtype=np.int64)
        _, first = np.unique(self.codes[docs], return_index=True)
        return docs[np.sort(first)].tolist()

    def representatives(self, docs: np.ndarray, ordinal: np.ndarray) -> np.ndarray:
        """A mask with one document per story of a mask: its earliest dated one."""
        chosen = np.flatnonzero(docs)
        days = np.where(ordinal[chosen] > 0, ordinal[chosen], np.iinfo(np.int32).max)
        earliest = chosen[np.argsort(days, kind="stable")]
        mask = np.zeros_like(docs)
        mask[self.first_per_story(earliest.tolist())] = True
        return mask

    def others(self, doc: int) -> list[int]:
        """The live documents sharing `doc`'s story, without it."""
        code = int(self.codes[doc])
        if code < 0:
            return []
        group = self.members[self.starts[code] : self.starts[code + 1]]
        return [int(d) for d in group if d != doc]


def top_counts(
    column: FacetColumn, counts: np.ndarray, limit: int, by_value: bool = False
) -> list[tuple[str, int]]:
    """The largest non-zero counts (or, by value, the latest values first), at most `limit`."""
    present = np.flatnonzero(counts)
    if by_value:
        ordered = sorted(present.tolist(), key=lambda i: column.labels[i], reverse=True)
    else:
        ordered = sorted(present.tolist(), key=lambda i: (-int(counts[i]), column.labels[i]))
    return [(column.labels[i], int(counts[i])) for i in ordered[:limit]]


def histogram(
    dates: DateColumns,
    docs: np.ndarray,
    sources: FacetColumn | None = None,
    top_sources: int = 5,
    granularity: Granularity | None = None,
) -> Histogram:
    """Bin the documents of a mask by date; per source too when `sources` is given.

    `granularity` asks for days, weeks, months or years (coarser if the span would need more
    than MAX_BINS bars); by default it is chosen from the span.
    """
    ordinal, precision = dates.ordinal, dates.precision
    dated = docs & (ordinal > 0) & (precision > 0)
    undated = int(docs.sum() - dated.sum())
    if not dated.any():
        return Histogram(granularity="month", bins=[], undated=undated)
    day_share = float((precision[dated] == 3).mean())
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
    keys = _period_keys(dates, granularity, starts[0])
    usable = dated & (precision >= NEED[granularity]) & (keys >= 0) & (keys < len(starts))
    counts = np.bincount(keys[usable], minlength=len(starts))
    bins = [
        Bin(start, _period_end(start, granularity), int(n))
        for start, n in zip(starts, counts.tolist(), strict=True)
    ]
    series: dict[str, list[int]] = {}
    if sources is not None:
        per_doc = sources.per_document(len(docs))
        chosen = per_doc[usable]
        totals = np.bincount(chosen[chosen >= 0], minlength=len(sources.labels))
        for sid in np.argsort(-totals, kind="stable")[:top_sources].tolist():
            if totals[sid] == 0:
                break
            mine = usable & (per_doc == sid)
            series[sources.labels[sid]] = np.bincount(keys[mine], minlength=len(starts)).tolist()
    return Histogram(
        granularity=granularity,
        bins=bins,
        undated=undated,
        imprecise=int(dated.sum() - usable.sum()),
        series=series,
    )


def _period_keys(dates: DateColumns, granularity: Granularity, first: dt.date) -> np.ndarray:
    """Each document's period number counted from the period starting at `first`."""
    if granularity == "day":
        return dates.ordinal - first.toordinal()
    if granularity == "week":
        return (dates.ordinal - first.toordinal()) // 7
    start_month = first.year * 12 + first.month - 1
    if granularity == "month":
        return dates.month - start_month
    return dates.month // 12 - first.year


def _period_end(start: dt.date, granularity: Granularity) -> dt.date:
    """The last day of the period starting at `start`."""
    if granularity == "day":
        return start
    if granularity == "week":
        return start + dt.timedelta(days=6)
    if granularity == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)
