"""Xapian facets, chart, story counts and date order from shard columns equal the match spies'."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest
import xapian

from indexer.backends.base import INDEXED, SearchQuery, SearchResults
from indexer.backends.xapian import XapianBackend, columns
from indexer.backends.xapian.search import Search
from indexer.backends.xapian.shards import combine, shard_dirs
from indexer.query.prepare import prepare

QUERIES = [
    SearchQuery(),
    SearchQuery(text="china"),
    SearchQuery(text="china", group=False),
    SearchQuery(text="china OR oil", sort="newest"),
    SearchQuery(text="china OR oil", sort="oldest", page=2, per_page=3),
    SearchQuery(text="", sort=INDEXED, per_page=5),
    SearchQuery(text="", sort="oldest", group=False, per_page=20),
    SearchQuery(text="", filters={"source": ("reuters",)}, chart_by_source=True),
    SearchQuery(text="", filters={"source": ("Reuters", "AP"), "language": ("en",)}),
    SearchQuery(text="", date_from=dt.date(2020, 1, 1), date_to=dt.date(2025, 12, 31)),
    SearchQuery(text='"the company"', chart_stories=True),
    SearchQuery(text="title:oil OR byline:smith", facet_limit=3),
    SearchQuery(text="-the", sort="newest"),
    SearchQuery(text="date:2025", sort="oldest"),
    SearchQuery(text="", indexed_after=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)),
    SearchQuery(text="zzzznothing"),
    SearchQuery(text="source:reuters"),
    SearchQuery(text="source:reuters", group=False, page=2, per_page=2),
    SearchQuery(text="dateline:london OR source:reuters", per_page=4),
]


def _generation(index_dir: Path) -> Path:
    """The served generation of an index."""
    return index_dir / "generations" / (index_dir / "CURRENT").read_text().strip()


def _summary(results: SearchResults) -> dict:
    """What both paths must agree on: counts, facets (labels folded), chart, the page's ids."""
    chart = results.histogram
    return {
        "total": results.total,
        "stories": results.stories,
        "facets": {
            name: [(f.value.casefold(), f.count, f.selected) for f in values]
            for name, values in results.facets.items()
        },
        "chart": None
        if chart is None
        else (chart.granularity, chart.bins, chart.undated, chart.imprecise, chart.series),
        "hits": [h.article.id for h in results.hits],
        "copies": [h.copies_total for h in results.hits],
    }


def _both(generation: Path, sq: SearchQuery) -> tuple[dict, dict]:
    """The search by columns and by match spies over the shards of a generation."""
    dirs = shard_dirs(generation)
    shards = [xapian.Database(str(d)) for d in dirs]
    db = combine(shards)
    tables = columns.join([columns.shard_table(d, s) for d, s in zip(dirs, shards, strict=True)])
    prepared = prepare(sq)
    by_columns = Search(db, sq, prepared, time.perf_counter(), {}, tables).run()
    by_spies = Search(db, sq, prepared, time.perf_counter(), {}, None).run()
    db.close()
    return _summary(by_columns), _summary(by_spies)


@pytest.mark.parametrize("sq", QUERIES, ids=[f"q{n}" for n in range(len(QUERIES))])
def test_columns_count_as_the_match_spies(sharded_index, sq):
    by_columns, by_spies = _both(_generation(sharded_index), sq)
    assert by_columns == by_spies


def test_rebuild_saves_tables_and_an_index_without_them_still_counts(sharded_index, tmp_path):
    generation = tmp_path / "g"
    shutil.copytree(_generation(sharded_index), generation)
    saved = sorted(generation.glob(f"shard-*/{columns.PREFIX}*.npz"))
    assert len(saved) == 2  # one per shard, written by the rebuild
    sq = SearchQuery(text="china", filters={"source": ("Reuters",)})
    want = _both(generation, sq)[0]
    assert want["total"] > 0
    for path in saved:  # an index built before tables existed
        path.unlink()
    assert _both(generation, sq) == (want, want)
    saved[0].write_bytes(b"not a table")  # a damaged file is read around, never fatal
    assert _both(generation, sq)[0] == want
    backend = XapianBackend.open(generation)
    try:
        backend.write_caches()
        assert sorted(generation.glob(f"shard-*/{columns.PREFIX}*.npz")) == saved
        assert columns.shard_table(saved[0].parent, xapian.Database(str(saved[0].parent))).saved
    finally:
        backend.close()


def test_a_change_is_counted_and_replaces_the_saved_tables(sharded_index, tmp_path):
    generation = tmp_path / "g"
    shutil.copytree(_generation(sharded_index), generation)
    names = {p.name for p in generation.glob(f"shard-*/{columns.PREFIX}*.npz")}
    backend = XapianBackend.open(generation)
    try:
        before = backend.search(SearchQuery())
        article = next(iter(backend.iter_articles()))
        assert backend.delete([article.id]) == 1
        after = backend.search(SearchQuery())
        assert after.total == before.total - 1
        backend.write_caches()
        saved = {p.name for p in generation.glob(f"shard-*/{columns.PREFIX}*.npz")}
        assert len(saved) == 2  # the changed shard's old revision's table is gone
        assert len(saved - names) == 1
    finally:
        backend.close()


def test_mention_counts_and_samples_over_two_shards(sharded_index):
    from indexer.backends.xapian import schema

    backend = XapianBackend.open(_generation(sharded_index))
    try:
        articles = list(backend.iter_articles())

        def mentions(article, word: str) -> int:
            """How often the body holds the word, as the body's analyzer reads it."""
            return sum(t.text == word for t in schema.analyzer("body")(article.body))

        for word, count in (("the", 5), ("tiktok", 2), ("china", 1)):
            want = {a.id for a in articles if mentions(a, word) >= count}
            sq = SearchQuery(text=f"atleast{count}:{word}", group=False, per_page=100)
            found = backend.search(sq)
            assert found.total == len(want) > 0
            assert {h.article.id for h in found.hits} == want
            negated = backend.search(SearchQuery(text=f"{word} -atleast{count}:{word}"))
            assert negated.total == sum(mentions(a, word) > 0 for a in articles) - len(want)
        sample = backend.search(SearchQuery(sample=3, seed=5, group=False))
        again = backend.search(SearchQuery(sample=3, seed=5, group=False))
        assert sample.total == 3 and sample.sampled_from == len(articles)
        assert [h.article.id for h in sample.hits] == [h.article.id for h in again.hits]
    finally:
        backend.close()
