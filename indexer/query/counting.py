"""What a search's selected articles count to: facet counts and the date chart, from columns.

Both engines keep the same columns per index (facet values, dates, stories: `query.facets`), so
once an engine has its masks (`facets.select`), the counting is the same numpy work for both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from indexer.query.facets import FacetCount, count_facets
from indexer.query.histogram import Histogram, bin_dates

if TYPE_CHECKING:
    from indexer.backends.base import SearchQuery


def facets_and_chart(
    sq: SearchQuery,
    names: Sequence[str],
    tables: Any,
    base: np.ndarray,
    chosen: dict[str, np.ndarray],
    final: np.ndarray,
) -> tuple[dict[str, list[FacetCount]], Histogram | None]:
    """The facets asked for (each without its own selection) and the chart of `final`."""
    facets = {}
    if sq.facets:
        facets = count_facets(names, sq.filters, sq.facet_limit, base, chosen, tables.facets)
    histogram = None
    if sq.histogram:
        by = tables.facets["source"] if sq.chart_by_source else None
        counted = final
        if sq.chart_stories:
            counted = tables.stories.representatives(final, tables.dates.ordinal)
        histogram = bin_dates(tables.dates, counted, by, granularity=sq.interval)
    return facets, histogram
