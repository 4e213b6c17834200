"""What a search's selected articles count to: stories, facet counts and the date chart.

Both engines keep the same columns per index (facet values, dates, stories: `query.facets`), so
once an engine has its masks (`facets.select`), the counting is the same numpy work for both.
Each facet, the chart and the story count are counted at the same time on the machine's cores:
numpy's gathers and `bincount` run without the interpreter lock, so threads share the work (at
1M articles a common word's eight counts take ~50 ms of CPU, most of a search's time).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from indexer.query.facets import FacetCount, facet_counters
from indexer.query.histogram import Histogram, bin_dates
from indexer.workers import cores

if TYPE_CHECKING:
    from indexer.backends.base import SearchQuery

CORES = cores()
_COUNTERS = ThreadPoolExecutor(max_workers=CORES, thread_name_prefix="counting")


def counts_of(
    sq: SearchQuery,
    names: Sequence[str],
    tables: Any,
    base: np.ndarray,
    chosen: dict[str, np.ndarray],
    final: np.ndarray,
    meanwhile: Future[Any] | None = None,
) -> tuple[int, dict[str, list[FacetCount]], Histogram | None]:
    """The stories of `final`, the facets asked for (each without its own selection) and the
    chart of `final`, counted at the same time on the machine's cores.

    `meanwhile` is other work of the same search on a core of its own (Xapian ranks its page in
    C++ on a thread): until it is done, counting stays in this thread, since a third thread on
    two cores would slow the page (`source:reuters` at 1M, whose ranking outlasts its counting);
    once it is done, what is left is shared.
    """
    jobs: list[Callable[[], Any]] = [partial(tables.stories.count, final)]
    if sq.histogram:
        jobs.append(partial(_chart, sq, tables, final))
    if sq.facets:
        jobs += facet_counters(names, sq.filters, sq.facet_limit, base, chosen, tables.facets)
    done = iter(_run(jobs, meanwhile))
    stories = next(done)
    histogram = next(done) if sq.histogram else None
    return stories, dict(zip(names, done, strict=True)) if sq.facets else {}, histogram


def _run(jobs: list[Callable[[], Any]], meanwhile: Future[Any] | None) -> list[Any]:
    """The results of the jobs, in order: on every core, or in this thread until `meanwhile`
    is done and on every core after."""
    results: list[Any] = [None] * len(jobs)
    for n, job in enumerate(jobs):
        if CORES > 1 and (meanwhile is None or meanwhile.done()):
            rest = [_COUNTERS.submit(j) for j in jobs[n + 1 :]]
            results[n] = job()
            results[n + 1 :] = [future.result() for future in rest]
            return results
        results[n] = job()
    return results


def _chart(sq: SearchQuery, tables: Any, final: np.ndarray) -> Histogram:
    """The date chart of `final` (each story once, at its earliest article, if asked)."""
    by = tables.facets["source"] if sq.chart_by_source else None
    counted = final
    if sq.chart_stories:
        counted = tables.stories.representatives(final, tables.dates.ordinal)
    return bin_dates(tables.dates, counted, by, granularity=sq.interval)
