"""Positions saved per segment: equal to Whoosh's, used for phrases and proximity, safe when bad.

Whoosh only (no BOTH_ENGINES): the saved positions are a side file of Whoosh segments; Xapian
keeps positions in its own tables (phrases on both engines are in the contract and app tests).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from indexer.backends.base import SearchQuery
from indexer.backends.whoosh import savecodec
from indexer.backends.whoosh.backend import WhooshBackend
from indexer.backends.whoosh.positions import (
    SUFFIX,
    PositionStore,
    SegmentPositions,
    positional_fields,
    write_positions,
)
from indexer.live import LiveIndex
from indexer.models import Article
from indexer.pipeline import build_index, update_index
from indexer.store import IndexStore
from tests.test_fastmatch import _articles

PHRASES = [
    '"social media"',
    '"tiktok refugees"',
    '"users on rednote"',
    '"chinese social media app"',
    'title:"tiktok refugees"',
    '"media social"',
    '"tiktok zzzunknownword"',
    '"social media"~2',
    '"social media"~3',
    '"users rednote"~2 OR "social media"',
    '"users app"~5',
    '"app users"~12',
    '"chinese users app"~4',
    '"rednote rednote"~8',
    '"social media"^2.5 users',
    '"ban law"~40 OR court',
]


def _build(path: Path, save: bool = True) -> WhooshBackend:
    """Three segments with deleted and replaced documents; positions saved unless told."""
    engine = WhooshBackend.create(path)
    articles = _articles()
    for start in range(0, len(articles), 200):
        engine.add(articles[start : start + 200])
    engine.delete([f"x{n}" for n in range(0, 600, 7)])
    engine.add([articles[3], articles[250]])
    if save:
        engine.write_caches()
    return engine


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The index's generation directory, closed (each test opens it anew)."""
    path = tmp_path_factory.mktemp("positions") / "ix"
    _build(path).close()
    return path


def _whoosh_postings(leaf, field: str, btext: bytes) -> list[tuple[int, float, list[int]]]:
    """Whoosh's own postings of a term in one segment: document, weight, positions."""
    matcher = leaf.postings(field, btext)
    out = []
    while matcher.is_active():
        out.append((matcher.id(), matcher.weight(), list(matcher.value_as("positions"))))
        matcher.next()
    return out


def test_every_saved_position_is_whooshs(folder: Path) -> None:
    engine = WhooshBackend.open(folder)
    try:
        searcher = engine._get_searcher()
        leaves = [sub.reader() for sub, _ in searcher.subsearchers]
        assert len(leaves) > 1 and len(list(folder.glob(f"*{SUFFIX}"))) == len(leaves)
        checked = 0
        for leaf in leaves:
            saved = SegmentPositions(
                folder / f"{leaf.segment().segment_id()}{SUFFIX}", leaf.doc_count_all()
            )
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else set()
            assert set(positional_fields(leaf)) >= {"title", "body", "byline"}
            for field in ("title", "body"):
                for btext, _info in leaf.iter_field(field):
                    p = saved.term(field, btext)
                    # The file holds deleted postings too; Whoosh's matcher skips them.
                    got, start = [], 0
                    for doc, weight, count in zip(
                        p.docs.tolist(), p.weights.tolist(), p.counts.tolist(), strict=True
                    ):
                        if doc not in deleted:
                            got.append((doc, weight, p.positions[start : start + count].tolist()))
                        start += count
                    assert got == _whoosh_postings(leaf, field, btext), (field, btext)
                    checked += 1
            absent = saved.term("body", b"zzzunknownword")
            assert len(absent.docs) == len(absent.counts) == len(absent.positions) == 0
        assert checked > 1000
    finally:
        engine.close()


@pytest.mark.parametrize("text", PHRASES)
def test_phrases_and_proximity_from_saved_positions_equal_whoosh(folder: Path, text: str) -> None:
    engine = WhooshBackend.open(folder)
    try:
        searcher = engine._get_searcher()
        matcher = engine._fast(searcher)
        assert matcher.saved_positions("body", "social") is not None  # the saved path is used
        q = engine.parse(text)
        fast = matcher.evaluate(q, True, time.perf_counter() - 1)  # no time left for Whoosh
        assert fast.complete
        expected = sorted(searcher.docs_for_query(q))
        assert np.flatnonzero(fast.mask).tolist() == expected
        whoosh_scores = {hit.docnum: hit.score for hit in searcher.search(q, limit=None)}
        assert sorted(whoosh_scores) == expected
        for docnum, score in whoosh_scores.items():
            assert fast.scores[docnum] == pytest.approx(score, rel=1e-9, abs=1e-12)
    finally:
        engine.close()


def test_proximity_finds_more_than_the_exact_phrase(folder: Path) -> None:
    engine = WhooshBackend.open(folder)
    try:
        exact = engine.search(SearchQuery(text='"users app"', group=False)).total
        near = engine.search(SearchQuery(text='"users app"~5', group=False)).total
        reversed_ = engine.search(SearchQuery(text='"app users"~5', group=False)).total
        assert near > exact and near != reversed_
    finally:
        engine.close()


def _answers(engine: WhooshBackend) -> list[tuple[int, list[str], list[float]]]:
    """Total, ids and scores of the first 20 ungrouped hits of each phrase."""
    out = []
    for text in PHRASES:
        results = engine.search(SearchQuery(text=text, group=False, per_page=20, snippets=0))
        out.append(
            (results.total, [h.article.id for h in results.hits], [h.score for h in results.hits])
        )
    return out


@pytest.mark.parametrize("damage", ["missing", "garbage", "truncated", "other segment", "tampered"])
def test_a_missing_or_damaged_file_falls_back_to_whooshs_positions(
    folder: Path, tmp_path: Path, damage: str
) -> None:
    healthy_engine = WhooshBackend.open(folder)
    try:
        healthy = _answers(healthy_engine)
    finally:
        healthy_engine.close()
    copy = tmp_path / "ix"
    shutil.copytree(folder, copy)
    paths = sorted(copy.glob(f"*{SUFFIX}"))
    victim = paths[0]
    if damage == "missing":
        victim.unlink()
    elif damage == "garbage":
        victim.write_bytes(b"not positions")
    elif damage == "truncated":
        victim.write_bytes(victim.read_bytes()[: len(victim.read_bytes()) // 2])
    elif damage == "other segment":
        shutil.copy(paths[1], victim)
    else:  # a well-formed file with every third position one too far
        engine = WhooshBackend.open(copy)
        leaf = next(
            sub.reader()
            for sub, _ in engine._get_searcher().subsearchers
            if victim.name.startswith(sub.reader().segment().segment_id())
        )
        saved = SegmentPositions(victim, leaf.doc_count_all())
        offset, nbytes, dtype = saved._arrays["body.positions"]
        engine.close()
        data = bytearray(victim.read_bytes())
        shifted = np.frombuffer(bytes(data[offset : offset + nbytes]), dtype=dtype).copy()
        shifted[::3] += 1
        data[offset : offset + nbytes] = shifted.astype(dtype).tobytes()
        victim.write_bytes(bytes(data))
    left = {p.name: p.read_bytes() for p in copy.glob(f"*{SUFFIX}")}
    engine = WhooshBackend.open(copy)
    try:
        status = engine.status()
        assert status["fast_match"] is True  # Whoosh's internals are fine: only the file is not
        answers = _answers(engine)
        for (total_a, ids_a, scores_a), (total_b, ids_b, scores_b) in zip(
            answers, healthy, strict=True
        ):
            assert total_a == total_b and ids_a == ids_b
            assert scores_a == pytest.approx(scores_b, rel=1e-9)
        assert sum(total for total, _, _ in answers) > 0
    finally:
        engine.close()
    # Serving never writes: the damaged file is as it was.
    assert {p.name: p.read_bytes() for p in copy.glob(f"*{SUFFIX}")} == left


def test_a_document_past_65536_words_is_saved_wide(tmp_path: Path) -> None:
    filler = " ".join(f"w{n % 997}" for n in range(70_000))
    article = Article(
        id="long",
        file="f/long.txt",
        origin="f/long.txt",
        title="A very long article",
        body=f"{filler} social media {filler} closing words",
    )
    engine = WhooshBackend.create(tmp_path / "ix")
    try:
        engine.add([article, *_articles(20)])
        engine.write_caches()
        searcher = engine._get_searcher()
        [leaf] = [sub.reader() for sub, _ in searcher.subsearchers or [(searcher, 0)]]
        saved = engine._positions.segment(leaf)
        assert saved is not None and saved._arrays["body.positions"][2].itemsize == 4
        assert saved.term("body", b"close").positions.tolist() == [
            140_002
        ]  # after twice 70,000 words and "social media"
        q = engine.parse('"closing words"')
        assert np.flatnonzero(engine._fast(searcher).evaluate(q, False, 0).mask).tolist() == [
            searcher.document_number(id="long")
        ]
    finally:
        engine.close()


@pytest.mark.parametrize(("processes", "batch"), [(1, 7), (2, savecodec.BATCH_POSTINGS)])
def test_the_writer_saves_the_same_file_as_decoding_the_segment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, processes: int, batch: int
) -> None:
    """Each segment's file, saved while Whoosh writes it, equals one decoded from it after."""
    import indexer.backends.whoosh.backend as whoosh_backend

    monkeypatch.setattr(whoosh_backend, "processes_for", lambda _count: processes)
    monkeypatch.setattr(savecodec, "BATCH_POSTINGS", batch)  # 7: many batches per field
    engine = WhooshBackend.create(tmp_path / "ix")
    try:
        engine.add(_articles(400))
        engine.delete([f"x{n}" for n in range(0, 400, 9)])  # a commit that may merge
        monkeypatch.setattr(whoosh_backend, "processes_for", lambda _count: 1)
        engine.add(_articles(40))  # replaced: deletions in the segments above
        searcher = engine._get_searcher()
        assert engine._positions.write_missing(searcher.reader()) == []  # none decoded
        saved = {p.name: p.read_bytes() for p in (tmp_path / "ix").glob(f"*{SUFFIX}")}
        leaves = [sub.reader() for sub, _ in searcher.subsearchers or [(searcher, 0)]]
        assert len(leaves) >= processes + 1 and len(saved) == len(leaves)
        for leaf in leaves:
            name = f"{leaf.segment().segment_id()}{SUFFIX}"
            write_positions(leaf, tmp_path / name)
            assert (tmp_path / name).read_bytes() == saved[name]
    finally:
        engine.close()


def test_rebuild_and_update_save_the_positions_of_new_segments(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(6):
        record = {"title": f"Cocoa report {n}", "body": f"Cocoa prices moved on day {n}."}
        (articles / f"{n}.json").write_text(json.dumps(record), encoding="utf-8")
    index_dir = tmp_path / "index"
    build_index([str(articles)], index_dir)
    store = IndexStore(index_dir)
    [built] = store.current().glob(f"*{SUFFIX}")
    record = {"title": "Sugar", "body": "Sugar prices held, cocoa prices fell."}
    (articles / "new.json").write_text(json.dumps(record), encoding="utf-8")
    update_index([str(articles)], index_dir)
    generation = store.current()
    saved = {p.name for p in generation.glob(f"*{SUFFIX}")}
    live = LiveIndex(index_dir)
    try:
        backend = live.backend()
        segments = [
            s.segment().segment_id() for s, _ in backend._get_searcher().reader().leaf_readers()
        ]
        assert saved == {f"{s}{SUFFIX}" for s in segments} and len(saved) >= 2
        assert built.name in saved  # the old segment's file came along
        results = backend.search(SearchQuery(text='"cocoa prices"', group=False))
        assert results.total == 7
        assert backend._fast(backend._get_searcher()).saved_positions("body", "cocoa") is not None
    finally:
        live.close()


def test_document_frequencies_from_the_term_tables_are_whooshs(folder: Path) -> None:
    engine = WhooshBackend.open(folder)
    try:
        reader = engine._get_searcher().reader()
        words = [btext for btext, _info in reader.iter_field("body")]
        store = PositionStore(folder)
        assert store.doc_frequencies(reader, "body", [*words, b"zzzunknownword"]) == [
            *(reader.doc_frequency("body", w) for w in words),
            0,
        ]
        # What top terms asks: the archive count of each word, equal to Whoosh's.
        texts = [w.decode() for w in words[:300]]
        keys = engine.term_keys(texts)  # as the body's analyzer reads them (stemmed again)
        expected = [reader.doc_frequency("body", k) if k else 0 for k in keys]
        assert engine.archive_counts(texts) == expected
    finally:
        engine.close()


def test_document_frequencies_need_every_segment_saved(tmp_path: Path) -> None:
    engine = _build(tmp_path / "ix", save=False)
    try:
        reader = engine._get_searcher().reader()
        assert PositionStore(tmp_path / "ix").doc_frequencies(reader, "body", [b"cocoa"]) is None
    finally:
        engine.close()
