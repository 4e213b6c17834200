"""What a search's selected articles count to: stories, facet counts and the date chart.

Both engines keep the same columns per index (facet values, dates, stories: `query.facets`), so
once an engine has its masks (`facets.select`), the counting is the same numpy work for both.
Each facet, the chart and the story count are counted at the same time on the machine's cores:
numpy's gathers and `bincount` run without the interpreter lock, so threads share the work (at
1M articles a common word's eight counts take ~50 ms of CPU, most of a search's time).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import numpy as np

from indexer.query.facets import FacetCount, count_facets
from indexer.query.histogram import Histogram, bin_dates

if TYPE_CHECKING:
    from indexer.backends.base import SearchQuery

CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
_COUNTERS = ThreadPoolExecutor(max_workers=CORES, thread_name_prefix="counting")


def concurrently(work: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
    """`map` over the counting threads (in order; in this thread on a one-core machine)."""
    if CORES < 2 or len(items) < 2:
        return map(work, items)
    return iter([future.result() for future in [_COUNTERS.submit(work, i) for i in items]])


def counts_of(
    sq: SearchQuery,
    names: Sequence[str],
    tables: Any,
    base: np.ndarray,
    chosen: dict[str, np.ndarray],
    final: np.ndarray,
) -> tuple[int, dict[str, list[FacetCount]], Histogram | None]:
    """The stories of `final`, the facets asked for (each without its own selection) and the
    chart of `final`, counted at the same time."""
    chart = _COUNTERS.submit(_chart, sq, tables, final) if sq.histogram else None
    stories = _COUNTERS.submit(tables.stories.count, final)
    facets = {}
    if sq.facets:
        facets = count_facets(
            names, sq.filters, sq.facet_limit, base, chosen, tables.facets, concurrently
        )
    return stories.result(), facets, chart.result() if chart is not None else None


def _chart(sq: SearchQuery, tables: Any, final: np.ndarray) -> Histogram:
    """The date chart of `final` (each story once, at its earliest article, if asked)."""
    by = tables.facets["source"] if sq.chart_by_source else None
    counted = final
    if sq.chart_stories:
        counted = tables.stories.representatives(final, tables.dates.ordinal)
    return bin_dates(tables.dates, counted, by, granularity=sq.interval)
