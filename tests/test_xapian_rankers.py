"""Ranked pages over local shards come from one `xapian-progsrv` process per shard, with the
hits and weights the local database gives; a ranker whose process dies is replaced, and the
search still answers."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from indexer.backends.base import SearchQuery
from indexer.backends.xapian import XapianBackend
from tests.test_xapian_columns import _generation

pytestmark = pytest.mark.skipif(
    shutil.which("xapian-progsrv") is None, reason="xapian-progsrv (xapian-tools) is missing"
)

RANKED = [
    SearchQuery(text="the"),
    SearchQuery(text="said OR oil", group=False),
    SearchQuery(text="the", page=2, per_page=3),
    SearchQuery(text='"said the" -china'),
    SearchQuery(text="title:the OR china", filters={"language": ("en",)}),
]


def _rankers() -> list[int]:
    """Process ids of this process's xapian-progsrv children."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :]
        if name == "xapian-progsrv" and int(rest.split()[1]) == os.getpid():
            found.append(int(entry.name))
    return found


def _page(backend: XapianBackend, sq: SearchQuery) -> list[tuple[str, float | None]]:
    """The ids and scores of a search's hits."""
    return [(hit.article.id, hit.score) for hit in backend.search(sq).hits]


def test_rankers_give_the_hits_and_weights_of_the_local_database(sharded_index):
    backend = XapianBackend.open(_generation(sharded_index))
    try:
        here = []
        backend.use_rankers = False
        for sq in RANKED:
            here.append(_page(backend, sq))
        assert _rankers() == []
        backend.use_rankers = True
        for sq, expected in zip(RANKED, here, strict=True):
            assert _page(backend, sq) == expected, sq.text
        assert sum(map(len, here)) > 0
        assert len(_rankers()) == 2  # one ranker (pool of one search at a time): two shards
    finally:
        backend.close()
    assert _rankers() == []  # closing the backend ends them


def test_a_ranker_whose_process_dies_is_replaced(sharded_index):
    backend = XapianBackend.open(_generation(sharded_index))
    try:
        expected = _page(backend, RANKED[0])
        first = _rankers()
        assert len(first) == 2
        for pid in first:
            os.kill(pid, signal.SIGKILL)
        assert _page(backend, RANKED[0]) == expected  # ranked here after the failure
        assert _page(backend, RANKED[0]) == expected
        again = _rankers()
        assert len(again) == 2 and not set(again) & set(first)
    finally:
        backend.close()
    assert _rankers() == []
