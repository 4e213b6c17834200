"""Frequent words read from saved bitmaps: the answers of Xapian's matches, files kept right."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest
import xapian

from indexer.backends.base import SearchQuery
from indexer.backends.xapian import XapianBackend, columns, frequent, rows
from indexer.backends.xapian.rows import QueryRows
from indexer.backends.xapian.search import Search
from indexer.backends.xapian.shards import combine, shard_dirs
from indexer.pipeline import build_index, update_index
from indexer.query.prepare import prepare
from tests.test_xapian_columns import QUERIES, _generation, _summary

# Frequent words (in a sixteenth or more of the test articles) alone and mixed with rare ones,
# under every operator the walk reads, and inside parts it leaves to Xapian (phrases, patterns).
MORE = [
    SearchQuery(text="the"),
    SearchQuery(text="said OR the", sort="newest"),
    SearchQuery(text="the AND NOT said"),
    SearchQuery(text="the -oil"),
    SearchQuery(text="the china"),
    SearchQuery(text="(the OR said) -china", group=False),
    SearchQuery(text='"said the" OR china'),
    SearchQuery(text="th* -the"),
    SearchQuery(text="title:the OR body:said"),
    SearchQuery(text="the ANDMAYBE oil"),
    SearchQuery(text="oil REQUIRE the"),
    SearchQuery(text="the", filters={"language": ("en",)}, date_from=dt.date(2020, 1, 1)),
]


def _searches(generation: Path, sq: SearchQuery) -> tuple[dict, dict, int]:
    """The search with the shards' bitmaps (each shard matched in its own thread too) and by
    Xapian's matches over the combined shards; how many bitmaps there are."""
    dirs = shard_dirs(generation)
    shards = [xapian.Database(str(d)) for d in dirs]
    db = combine(shards)
    pairs = list(zip(dirs, shards, strict=True))
    tables = columns.join([columns.shard_table(d, s) for d, s in pairs])
    prepared = prepare(sq)
    plain = Search(db, sq, prepared, time.perf_counter(), {}, tables).run()
    threads = Search(db, sq, prepared, time.perf_counter(), {}, tables, shards).run()
    assert _summary(threads) == _summary(plain)
    tables.frequent = [frequent.load(d, s) for d, s in pairs]
    saved = sum(len(f.index) for f in tables.frequent)
    by_bitmaps = Search(db, sq, prepared, time.perf_counter(), {}, tables, shards).run()
    db.close()
    return _summary(by_bitmaps), _summary(plain), saved


@pytest.mark.parametrize("sq", QUERIES + MORE, ids=[f"q{n}" for n in range(len(QUERIES + MORE))])
def test_bitmaps_find_what_xapian_matches(sharded_index, sq):
    by_bitmaps, by_matches, saved = _searches(_generation(sharded_index), sq)
    assert saved > 0
    assert by_bitmaps == by_matches


def test_rebuild_saves_every_frequent_text_term_and_nothing_else(sharded_index):
    for folder in shard_dirs(_generation(sharded_index)):
        db = xapian.Database(str(folder))
        saved = frequent.load(folder, db)
        threshold = max(1, db.get_doccount() // frequent.SHARE)
        expected = {
            item.term
            for item in db.allterms()
            if item.termfreq >= threshold and frequent._is_text(item.term)
        }
        assert set(saved.index) == expected
        assert b"the" in saved.index
        assert not any(t.startswith((b"Q", b"KS", b"KT", b"XO")) for t in saved.index)
        for term, row in saved.index.items():
            docids = {p.docid for p in db.postlist(term)}
            assert set(saved.mask(term).nonzero()[0].tolist()) == docids
            assert row < len(saved.bits)
        db.close()


def test_walk_reads_frequent_terms_from_bitmaps_and_asks_xapian_once_for_the_rest(
    sharded_index,
):
    dirs = shard_dirs(_generation(sharded_index))
    shards = [xapian.Database(str(d)) for d in dirs]
    pairs = list(zip(dirs, shards, strict=True))
    tables = columns.join([columns.shard_table(d, s) for d, s in pairs])
    tables.frequent = [frequent.load(d, s) for d, s in pairs]
    db = combine(shards)
    walk = QueryRows(db, tables)
    rare = xapian.Query(xapian.Query.OP_PHRASE, [xapian.Query("the"), xapian.Query("oil")], 2)
    assert walk.walkable(xapian.Query("the"))
    assert not walk.walkable(rare)  # a phrase with a word that is not frequent: one match
    frequent_phrase = xapian.Query(
        xapian.Query.OP_PHRASE, [xapian.Query("said"), xapian.Query("the")], 2
    )
    assert walk.walkable(frequent_phrase)  # its words' rows from the bitmaps
    assert walk.walkable(xapian.Query(xapian.Query.OP_OR, [rare, xapian.Query("the")]))
    db.close()


def test_update_replaces_the_bitmaps_and_a_damaged_file_is_searched_around(
    corpus_dir, tmp_path, monkeypatch
):
    monkeypatch.chdir(corpus_dir)
    index_dir = tmp_path / "index"
    build_index(["seeds", "articles"], index_dir, backend="xapian", shards=1)
    folder = shard_dirs(_generation(index_dir))[0]
    before = sorted(folder.glob(f"{frequent.PREFIX}*.npz"))
    assert len(before) == 1

    extra = tmp_path / "more"
    shutil.copytree(corpus_dir / "articles", extra)
    (extra / "new.txt").write_text("A new story\n\nThe council said the budget was late.\n")
    update_index(["seeds", str(extra)], index_dir, backend="xapian")
    folder = shard_dirs(_generation(index_dir))[0]
    after = sorted(folder.glob(f"{frequent.PREFIX}*.npz"))
    assert len(after) == 1 and after != before  # named by the new revision, the old one gone

    after[0].write_bytes(b"not a numpy file")
    db = xapian.Database(str(folder))
    assert frequent.load(folder, db) is frequent.NONE
    db.close()
    by_bitmaps, by_matches, saved = _searches(_generation(index_dir), SearchQuery(text="said"))
    assert saved == 0 and by_bitmaps == by_matches and by_matches["total"] > 0


def test_an_update_patches_the_bitmaps_of_the_documents_it_wrote(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(corpus_dir)
    index_dir = tmp_path / "index"
    build_index(["seeds", "articles"], index_dir, backend="xapian", shards=2)
    extra = tmp_path / "more"
    shutil.copytree(corpus_dir / "articles", extra)
    victims = sorted(p for p in extra.iterdir() if p.is_file())[:2]
    victims[0].unlink()  # a deleted article
    victims[1].write_text("Said the council\n\nThe council said the budget was late again.\n")
    for n in range(3):  # new articles, past the old last docid
        (extra / f"new-{n}.txt").write_text(f"New story {n}\n\nThe mayor said {n} roads shut.\n")
    calls = []
    original = frequent.compute
    monkeypatch.setattr(frequent, "compute", lambda db: calls.append(db) or original(db))
    update_index(["seeds", str(extra)], index_dir, backend="xapian")
    assert calls == []  # patched, not read anew

    generation = _generation(index_dir)
    for folder in shard_dirs(generation):
        db = xapian.Database(str(folder))
        patched = frequent.load(folder, db)
        fresh = original(db)
        assert patched.size == fresh.size
        for term in set(patched.index) & set(fresh.index):
            assert (patched.mask(term) == fresh.mask(term)).all(), term
        db.close()
    for text in ("said", "the council", "the -said", "mayor OR the"):
        by_bitmaps, by_matches, saved = _searches(generation, SearchQuery(text=text))
        assert saved > 0 and by_bitmaps == by_matches


@pytest.mark.parametrize("sq", QUERIES + MORE, ids=[f"q{n}" for n in range(len(QUERIES + MORE))])
def test_the_backend_answers_as_one_search_in_one_thread(sharded_index, sq):
    """The backend matches each shard in its own thread and the page beside the counting."""
    generation = _generation(sharded_index)
    backend = XapianBackend.open(generation)
    try:
        served = _summary(backend.search(sq))
    finally:
        backend.close()
    _, by_matches, _ = _searches(generation, sq)
    assert served == by_matches


# Phrases with a slop: a two-word phrase without one is its words' pair term (schema.bigram).
PHRASES = [
    SearchQuery(text='"said the"~2'),
    SearchQuery(text='"in the"~2', sort="newest"),
    SearchQuery(text='"of the"~2 -said', group=False),
    SearchQuery(text='"the said"~2 OR oil'),
    SearchQuery(text='title:"the" body:"said the"~2'),
]


@pytest.mark.parametrize("probe", [1, 2, 50])
def test_phrases_of_frequent_words_find_what_xapian_matches_either_way(
    sharded_index, monkeypatch, probe
):
    # A probe of one or two matches takes the complement (most articles with the words hold the
    # phrase); one of fifty finds every match of the test articles at once.
    monkeypatch.setattr(rows, "PROBE", probe)
    complements = []  # the words without the phrase, asked of Xapian

    def noted(db, q):
        kind = q.get_type()
        if kind == xapian.Query.OP_AND_NOT and q.get_subquery(1).get_type() in rows._POSITIONAL:
            complements.append(q)
        return original(db, q)

    original = rows.match_set
    monkeypatch.setattr(rows, "match_set", noted)
    found = 0
    for sq in PHRASES:
        by_bitmaps, by_matches, _ = _searches(_generation(sharded_index), sq)
        assert by_bitmaps == by_matches, sq.text
        found += by_matches["total"]
    assert found > 0
    assert bool(complements) == (probe < 50)


@pytest.mark.parametrize(
    "text",
    [
        '"said the"',
        '"in the" -oil',
        '"of the" OR oil',
        'title:"the" OR body:"said the"',
        '"in the united"',
        '"in the" "in the united" -oil',
    ],
)
def test_pair_terms_of_frequent_words_count_as_xapian_matches_them(sharded_index, text):
    by_bitmaps, by_matches, _ = _searches(_generation(sharded_index), SearchQuery(text=text))
    assert by_bitmaps == by_matches
    assert by_matches["total"] > 0
