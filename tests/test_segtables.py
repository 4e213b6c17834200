"""Column tables saved per Whoosh segment: equal to the columns read in memory, never required.

Whoosh only (no BOTH_ENGINES): the files are per Whoosh segment; the Xapian shards' tables are
tested in test_xapian_columns.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from indexer.backends.base import FACETS, SearchQuery
from indexer.backends.tables import SegmentTable
from indexer.backends.whoosh.backend import WhooshBackend
from indexer.backends.whoosh.segments import SUFFIX, table_path
from indexer.live import LiveIndex
from indexer.models import Article, PartialDate
from indexer.pipeline import build_index, update_index
from indexer.query.facets import DateColumns, FacetColumn, StoryColumn
from indexer.store import IndexStore


def _article(n: int, source: str, **fields) -> Article:
    """A small article; `n` sets its id, file and modification time."""
    date = fields.pop("date", None)
    return Article(
        id=f"a{n}",
        file=f"f/{n}.txt",
        origin=fields.pop("origin", f"f/{n}.txt"),
        title=f"Cocoa report {n}",
        body=f"Cocoa prices moved on day {n}.",
        source=source,
        date=PartialDate.parse_iso(date) if date else None,
        mtime=float(n),
        **fields,
    )


def _first_batch() -> list[Article]:
    """Eight articles: mixed-case values, shared stories, several per file, every precision."""
    return [
        _article(1, "Reuters", date="1987-03-02", byline=["Ann Lee"], story_id="s-cocoa"),
        _article(2, "reuters", date="1987-03", byline=["Ann Lee", "Bo Chan"], dateline="LONDON"),
        _article(3, "AP", date="1987", story_id="s-cocoa", origin="f/batch.jsonl"),
        _article(4, "AFP", byline=["Bo Chan"], origin="f/batch.jsonl", publisher="Farm Portal"),
        _article(5, "AP", date="1986-12-31", language="en", story_id="s-sugar"),
        _article(6, "Xinhua", date="1987-01-09", dateline="London", language="zh"),
        _article(7, "AP", date="1987-02-01", story_id="s-sugar"),
        _article(8, "AFP", date="1987-02-02"),
    ]


def _second_batch() -> list[Article]:
    """A second commit: replaces a2 and a7 (deleting them in the first segment), adds more."""
    return [
        _article(2, "REUTERS", date="1987-03-05", byline=["ann lee"], story_id="s-cocoa"),
        _article(7, "Kyodo", date="1987-02-03", story_id="s-new"),
        _article(9, "Kyodo", date="1987-04-01", byline=["Cy Dow"], dateline="TOKYO"),
        _article(10, "ap", date="1987-04", story_id="s-sugar", origin="f/batch.jsonl"),
        _article(11, "Reuters", story_id="s-new"),
        _article(12, "Bernama", date="1987-05-06", language="ms"),
    ]


@pytest.fixture
def index_path(tmp_path: Path) -> Path:
    """An index of two segments with deletions in both, and its tables saved."""
    path = tmp_path / "gen"
    backend = WhooshBackend.create(path)
    try:
        backend.add(_first_batch())
        backend.add(_second_batch())
        backend.delete(["a3", "a11"])
        backend.write_caches()
    finally:
        backend.close()
    return path


def _columns_in_memory(backend: WhooshBackend) -> dict:
    """The tables as read value by value from the whole index's columns (the reference)."""
    reader = backend._get_searcher().reader()
    size = reader.doc_count_all()
    live = np.zeros(size, dtype=bool)
    live[list(reader.all_doc_ids())] = True
    origins = [v.decode() for v in reader.column_reader("c_origin")]
    mtimes = list(reader.column_reader("c_mtime"))
    return {
        "size": size,
        "segments": len(reader.leaf_readers()),
        "facets": {
            name: FacetColumn.from_values(reader.column_reader(f"c_{name}")) for name in FACETS
        },
        "dates": DateColumns.from_values(
            reader.column_reader("date_new"), reader.column_reader("c_precision")
        ),
        "stories": StoryColumn.from_values(
            reader.column_reader("c_story"), reader.all_doc_ids(), size
        ),
        "live": live,
        "files": {origins[n]: mtimes[n] for n in sorted(np.flatnonzero(live))},
    }


def _assert_same_tables(backend: WhooshBackend, expected: dict) -> None:
    """The backend's tables hold exactly the reference columns."""
    tables = backend._tables(backend._get_searcher())
    assert tables.size == expected["size"]
    for name in FACETS:
        got, want = tables.facets[name], expected["facets"][name]
        assert got.labels == want.labels, name
        assert np.array_equal(got.owner, want.owner), name
        assert np.array_equal(got.ids, want.ids), name
    for field in ("ordinal", "precision", "month"):
        assert np.array_equal(getattr(tables.dates, field), getattr(expected["dates"], field))
    for field in ("codes", "members", "starts"):
        assert np.array_equal(getattr(tables.stories, field), getattr(expected["stories"], field))
    assert np.array_equal(tables.live, expected["live"])
    assert backend.files() == expected["files"]


def test_saved_tables_equal_the_columns_read_in_memory(index_path):
    backend = WhooshBackend.open(index_path)
    try:
        expected = _columns_in_memory(backend)
        assert expected["segments"] == 2 and not expected["live"].all()
        saved = sorted(p.name for p in index_path.glob(f"*{SUFFIX}"))
        assert len(saved) == 2
        _assert_same_tables(backend, expected)
        assert all(table.saved for table in backend._segment_tables.values())  # loaded, not read
        assert sorted(backend.ids_for_files(["f/batch.jsonl", "f/2.txt"])) == ["a10", "a2", "a4"]
        results = backend.search(SearchQuery(text="cocoa"))
        sources = {f.value: f.count for f in results.facets["source"]}
        assert sources == {"Reuters": 2, "AP": 2, "AFP": 2, "Xinhua": 1, "Kyodo": 2, "Bernama": 1}
        assert results.total == 10 and results.stories == 8
    finally:
        backend.close()


@pytest.mark.parametrize("damage", ["missing", "garbage", "truncated", "other segment"])
def test_a_missing_or_damaged_table_is_read_from_the_columns(index_path, damage):
    paths = sorted(index_path.glob(f"*{SUFFIX}"))
    victim = paths[0]
    if damage == "missing":
        victim.unlink()
    elif damage == "garbage":
        victim.write_bytes(b"not a table")
    elif damage == "truncated":
        victim.write_bytes(victim.read_bytes()[:-200])
    else:  # a valid table of the other segment under this segment's name
        shutil.copy(paths[1], victim)
    left = {p.name: p.read_bytes() for p in index_path.glob(f"*{SUFFIX}")}
    backend = WhooshBackend.open(index_path)
    try:
        expected = _columns_in_memory(backend)
        assert backend.search(SearchQuery(text="cocoa")).total == 10
        _assert_same_tables(backend, expected)
    finally:
        backend.close()
    # Serving never writes: the damaged file is as it was, and no table appeared.
    assert {p.name: p.read_bytes() for p in index_path.glob(f"*{SUFFIX}")} == left


def _tamper(path: Path, source: str, replacement: str) -> None:
    """Rename a source label inside a saved table (so a reused table can be recognised)."""
    table = SegmentTable.load(path, int(np.load(path)["size"]))
    labels = table.facets["source"].labels
    labels[labels.index(source)] = replacement
    table.save(path)


def test_update_reuses_the_saved_tables_of_old_segments(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for n, source in enumerate(["Reuters", "AP", "AFP", "Reuters", "AP", "Kyodo"]):
        record = {
            "title": f"Cocoa report {n}",
            "body": f"Cocoa prices moved again on day {n} of the week.",
            "source": source,
            "date": f"1987-03-{n + 1:02d}",
        }
        (articles / f"{n}.json").write_text(json.dumps(record), encoding="utf-8")
    index_dir = tmp_path / "index"
    build_index([str(articles)], index_dir)
    store = IndexStore(index_dir)
    [built] = store.current().glob(f"*{SUFFIX}")
    _tamper(built, "Kyodo", "Kyodo (saved table)")

    record = {"title": "Sugar", "body": "Sugar prices held.", "source": "AP", "date": "1987-04-01"}
    (articles / "new.json").write_text(json.dumps(record), encoding="utf-8")
    report = update_index([str(articles)], index_dir)
    assert report.indexed == 1

    generation = store.current()
    saved = {p.name: p for p in generation.glob(f"*{SUFFIX}")}
    assert len(saved) == 2 and built.name in saved  # the old segment's table, and the new one's
    assert saved[built.name].read_bytes() == built.read_bytes()
    live = LiveIndex(index_dir)
    try:
        backend = live.backend()
        counts = {f.value: f.count for f in backend.search(SearchQuery()).facets["source"]}
        segments = backend._get_searcher().reader().leaf_readers()
        assert all(table_path(generation, s.segment().segment_id()).exists() for s, _ in segments)
    finally:
        live.close()
    # Only a reused table can know the tampered name; the new segment's was read from columns.
    assert counts == {"Reuters": 2, "AP": 3, "AFP": 1, "Kyodo (saved table)": 1}


def test_an_index_nothing_was_committed_to_has_empty_tables(tmp_path):
    backend = WhooshBackend.create(tmp_path / "gen")
    try:
        assert backend._tables(backend._get_searcher()).size == 0
        assert backend.files() == {} and backend.ids_for_files(["f/1.txt"]) == []
        backend.write_caches()
        assert not list((tmp_path / "gen").glob(f"*{SUFFIX}"))
    finally:
        backend.close()
