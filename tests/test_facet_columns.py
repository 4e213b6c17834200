"""Facet counts, top values, story counts and charts read from the matches' rows equal the
whole-column computations they replace, on columns of every shape."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Future
from types import SimpleNamespace

import numpy as np
import pytest

from indexer.backends.base import SearchQuery
from indexer.query.counting import counts_of
from indexer.query.facets import (
    DateColumns,
    FacetColumn,
    StoryColumn,
    count_facets,
    select,
    top_counts,
)
from indexer.query.histogram import bin_dates
from indexer.query.order import first_in_order

SIZE = 3000


def _column(multi: bool, seed: int) -> FacetColumn:
    """A facet over SIZE documents: none, one or (when `multi`) several values each."""
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(SIZE):
        count = int(rng.integers(0, 4 if multi else 2))
        names = [f"Name {int(rng.integers(0, 40))}" for _ in range(count)]
        values.append("\x1f".join(names).encode())
    values[-50:] = [b""] * 50  # the last documents have no value: rows past the last owner
    return FacetColumn.from_values(values)


@pytest.mark.parametrize("multi", [True, False])
@pytest.mark.parametrize("share", [0.0, 0.002, 0.05, 0.2, 0.6, 1.0])
def test_counts_over_the_matching_rows_equal_the_whole_column(multi, share):
    column = _column(multi, seed=int(share * 1000))
    docs = np.random.default_rng(7).random(SIZE) < share
    whole = np.bincount(column.ids[docs[column.owner]], minlength=len(column.labels))
    assert column.counts(docs, np.flatnonzero(docs)).tolist() == whole.tolist()
    assert column.counts(docs).tolist() == whole.tolist()


def test_top_counts_order_by_count_then_label_and_months_by_value():
    column = FacetColumn.from_values([b"b", b"a", b"c", b"a", b"b", b"d", b"2024-01", b"2023-12"])
    counts = column.counts(np.ones(8, dtype=bool))
    assert top_counts(column, counts, 3) == [("a", 2), ("b", 2), ("2023-12", 1)]
    by_value = top_counts(column, counts, 10, by_value=True)
    assert [label for label, _ in by_value] == ["d", "c", "b", "a", "2024-01", "2023-12"]


def test_story_count_and_chart_of_a_sparse_mask():
    rng = np.random.default_rng(3)
    codes = rng.integers(0, 400, SIZE).astype(np.int32)
    alive = rng.random(SIZE) > 0.1
    stories = StoryColumn.from_codes(codes, alive, 400)
    docs = (rng.random(SIZE) < 0.03) & alive
    assert stories.count(docs) == len(set(codes[docs].tolist()))

    first = dt.date(2020, 1, 1).toordinal()
    ordinals = [first + int(d) if d % 7 else 0 for d in rng.integers(0, 900, SIZE)]
    dates = DateColumns.from_values(ordinals, [b"day"] * SIZE)
    chart = bin_dates(dates, docs, granularity="month")
    dated = [o for o, keep in zip(ordinals, docs.tolist(), strict=True) if keep and o]
    assert sum(b.count for b in chart.bins) == len(dated)
    assert chart.undated == int(docs.sum()) - len(dated)
    months = {}
    for o in dated:
        day = dt.date.fromordinal(o)
        months[(day.year, day.month)] = months.get((day.year, day.month), 0) + 1
    assert {(b.start.year, b.start.month): b.count for b in chart.bins if b.count} == months


def test_facets_chart_and_stories_counted_on_several_threads_equal_one_thread():
    rng = np.random.default_rng(11)
    facets = {
        "source": _column(False, 1),
        "byline": _column(True, 2),
        "dateline": _column(False, 3),
    }
    first = dt.date(2019, 1, 1).toordinal()
    ordinals = [first + int(d) if d % 5 else 0 for d in rng.integers(0, 700, SIZE)]
    alive = rng.random(SIZE) > 0.05
    tables = SimpleNamespace(
        facets=facets,
        dates=DateColumns.from_values(ordinals, [b"day"] * SIZE),
        stories=StoryColumn.from_codes(rng.integers(0, 900, SIZE).astype(np.int32), alive, 900),
    )
    filters = {"source": ("Name 3", "Name 5"), "byline": ("Name 7",)}
    matched = (rng.random(SIZE) < 0.7) & alive
    base, chosen, final = select(matched, tables.dates, (None, None), filters, facets)
    sq = SearchQuery(text="x", filters=filters, facet_limit=8)
    names = list(facets)
    serial = count_facets(names, filters, 8, base, chosen, facets)
    expected = (
        tables.stories.count(final),
        serial,
        bin_dates(tables.dates, final, None, granularity=sq.interval),
    )
    ranking, ranked = Future(), Future()  # a page still ranking, and one ranked
    ranked.set_result(None)
    for meanwhile in (None, ranking, ranked):
        assert counts_of(sq, names, tables, base, chosen, final, meanwhile) == expected
    assert expected[0] > 0
    assert serial["source"] and all(c.count > 0 for c in serial["byline"] if not c.selected)


@pytest.mark.parametrize("group", [False, True])
@pytest.mark.parametrize("stop", [1, 10, 100, 5000])
def test_the_first_page_in_order_is_what_a_full_sort_begins_with(group, stop):
    rng = np.random.default_rng(stop + group)
    rows = np.flatnonzero(rng.random(SIZE) < 0.6)
    keys = rng.integers(-40, 0, len(rows))  # many equal keys: ties decide much of the order
    ties = rng.permutation(len(rows)) if stop % 2 == 0 else None
    stories = StoryColumn.from_codes(
        rng.integers(0, 300, SIZE).astype(np.int32), np.ones(SIZE, dtype=bool), 300
    )
    second = rows if ties is None else ties
    full = rows[np.lexsort((second, keys))]
    if group:
        full = np.asarray(stories.first_per_story(full))
    found = first_in_order(rows, keys, stop, ties=ties, stories=stories if group else None)
    assert found.tolist() == full[:stop].tolist()


@pytest.mark.parametrize("granularity", [None, "week"])
def test_a_chart_of_weighted_date_rows_equals_the_chart_of_every_article(granularity):
    # Remote shards' counts arrive per date (and source): one row a date, weighed by its count.
    rng = np.random.default_rng(5)
    first = dt.date(2021, 3, 1).toordinal()
    ordinals = [first + int(d) if d % 9 else 0 for d in rng.integers(0, 60, SIZE)]
    precisions = [[b"day", b"month", b"year"][int(p)] for p in rng.integers(0, 3, SIZE) * (
        rng.random(SIZE) < 0.2)]  # fmt: skip
    dates = DateColumns.from_values(ordinals, precisions)
    sources = FacetColumn.from_values([f"S{int(n)}".encode() for n in rng.integers(0, 3, SIZE)])
    everything = np.ones(SIZE, dtype=bool)
    want = bin_dates(dates, everything, sources, granularity=granularity)
    keys = dates.ordinal.astype(np.int64) * 32 + dates.precision * 8 + sources.per_document(SIZE)
    unique, first_row, weights = np.unique(keys, return_index=True, return_counts=True)
    rows = np.zeros(SIZE, dtype=bool)
    rows[first_row] = True
    weighed = np.zeros(SIZE, dtype=np.int64)
    weighed[first_row] = weights
    got = bin_dates(dates, rows, sources, granularity=granularity, weights=weighed)
    assert len(unique) < SIZE / 5
    assert got == want
