"""When articles entered the index: the `indexed_after` rule of a search, for every engine.

An article's `indexed_at` is kept as whole microseconds since 1970 (UTC) in an engine's
numeric column; `SearchQuery.indexed_after` keeps the articles indexed strictly after a time.
An engine hands its column to `indexed_mask` and ANDs the result into its matches, so what
"new" means is decided here once.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
UNKNOWN = 0  # the column value of an article whose indexing time is not known


def micros(when: dt.datetime | None) -> int:
    """A time as whole microseconds since 1970 UTC (UNKNOWN for None; naive means UTC)."""
    if when is None:
        return UNKNOWN
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return (when - EPOCH) // dt.timedelta(microseconds=1)


def from_micros(value: int) -> dt.datetime | None:
    """The time of a column value (None for UNKNOWN)."""
    if value == UNKNOWN:
        return None
    return EPOCH + dt.timedelta(microseconds=int(value))


def indexed_mask(indexed: np.ndarray, after: dt.datetime | None) -> np.ndarray | None:
    """Which documents were indexed strictly after `after` (None: no restriction).

    Articles of unknown indexing time are never "new": an index written before the time was
    recorded would otherwise report every article at once.
    """
    if after is None:
        return None
    bound = micros(after)
    return (indexed > bound) & (indexed != UNKNOWN) & (indexed < np.iinfo(np.int64).max)
