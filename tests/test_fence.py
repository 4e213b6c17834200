"""The fence around Whoosh's internals: checked on the real index, and a safe fallback when broken.

Breaking the fence here replaces one of `fence`'s accessors, as a whoosh3 upgrade that renamed
an attribute or changed a byte format would; Whoosh itself runs unmodified.

Whoosh only (no BOTH_ENGINES): the fence guards the Whoosh internals the fast matcher reads.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from indexer.backends.base import SearchQuery
from indexer.backends.whoosh import WhooshBackend, fence
from tests.conftest import run_cli
from tests.test_fastmatch import _articles

QUERIES = [
    "users",
    "chinese users",
    "tiktok OR rednote",
    '"social media"',
    '"users app"~5',
    '"chinese social media app"',
    "refug*",
    "app -ban",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of two segments with deletions, written by the real backend."""
    path = tmp_path_factory.mktemp("fence") / "ix"
    engine = WhooshBackend.create(path)
    articles = _articles(400)
    engine.add(articles[:250])
    engine.add(articles[250:])
    engine.delete(["x3", "x260"])  # deleted documents stay in the posting blocks
    engine.write_caches()  # tables and positions, as a build writes them
    engine.close()
    return path


def _answers(engine: WhooshBackend) -> list[tuple[int, list[str], list[float]]]:
    """Total, hit ids and scores of each query, one page of 20 ungrouped hits."""
    out = []
    for text in QUERIES:
        results = engine.search(SearchQuery(text=text, group=False, per_page=20, snippets=0))
        assert not results.timed_out
        out.append(
            (results.total, [h.article.id for h in results.hits], [h.score for h in results.hits])
        )
    return out


def _same(a: list, b: list) -> None:
    """Equal totals and hits, scores equal to floating-point rounding."""
    for (total_a, ids_a, scores_a), (total_b, ids_b, scores_b) in zip(a, b, strict=True):
        assert total_a == total_b and ids_a == ids_b
        assert scores_a == pytest.approx(scores_b, rel=1e-9)


@pytest.fixture(scope="module")
def healthy(folder: Path) -> list:
    """What the fast matcher answers on this index."""
    engine = WhooshBackend.open(folder)
    try:
        status = engine.status()
        assert status["fast_match"] is True
        assert "agree with Whoosh's" in status["reason"]
        return _answers(engine)
    finally:
        engine.close()


@pytest.mark.parametrize("broken", ["lengths", "postings", "attribute"])
def test_a_broken_fence_falls_back_to_whoosh_with_the_same_answers(
    folder: Path, healthy: list, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    if broken == "lengths":
        original = fence.length_bytes
        monkeypatch.setattr(fence, "length_bytes", lambda r, f: original(r, f)[1:] + b"\x01")
    elif broken == "postings":
        original_bytes = fence.posting_bytes

        def garbled(reader, offset, length):  # a new posting format with its own magic
            raw = original_bytes(reader, offset, length)
            return b"W4Bl" + raw[4:]

        monkeypatch.setattr(fence, "posting_bytes", garbled)
    else:

        def renamed(weighting, field):  # whoosh3 renamed `_field_B`
            return weighting._field_b[field], weighting.K1

        monkeypatch.setattr(fence, "bm25f_parameters", renamed)
    engine = WhooshBackend.open(folder)
    try:
        status = engine.status()
        assert status["fast_match"] is False
        assert status["reason"].startswith("fence check failed")
        _same(_answers(engine), healthy)
        assert engine.get("x7") is not None and engine.get("x7").id == "x7"
    finally:
        engine.close()


def test_a_failure_during_a_search_switches_to_whoosh_for_good(
    folder: Path, healthy: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = WhooshBackend.open(folder)
    try:
        assert engine.status()["fast_match"] is True

        def gone(q, reader):  # (terms are read from the saved postings; prefixes expand here)
            raise AttributeError("'Prefix' object has no attribute '_btexts'")

        monkeypatch.setattr(fence, "expansion_words", gone)
        _same(_answers(engine), healthy)
        status = engine.status()
        assert status["fast_match"] is False and "during a search" in status["reason"]
    finally:
        engine.close()


def test_the_fallback_can_be_chosen(
    folder: Path, healthy: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSINDEX_FAST_MATCH", "0")
    engine = WhooshBackend.open(folder)
    try:
        assert engine.status() == {
            "engine": "whoosh",
            "fast_match": False,
            "reason": "switched off by NEWSINDEX_FAST_MATCH=0: searches use Whoosh's matchers",
        }
        _same(_answers(engine), healthy)
    finally:
        engine.close()


@pytest.mark.slow
def test_stats_say_whether_the_fast_matcher_is_on(tmp_path: Path) -> None:
    shutil.copytree(Path(__file__).resolve().parent.parent / "seeds", tmp_path / "seeds")
    index_dir = tmp_path / "idx"
    assert run_cli(["rebuild", "seeds"], tmp_path, index_dir).returncode == 0
    shown = run_cli(["stats"], tmp_path, index_dir)
    assert "Engine: whoosh, fast matcher on: postings, positions" in shown.stdout
    off = run_cli(["stats", "--json"], tmp_path, index_dir, NEWSINDEX_FAST_MATCH="0")
    engine = json.loads(off.stdout)["engine"]
    assert engine["fast_match"] is False and "NEWSINDEX_FAST_MATCH=0" in engine["reason"]
