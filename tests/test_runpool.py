"""The chunked posting pool gives Whoosh's writer the same postings, in the same order.

Whoosh only (no BOTH_ENGINES): the pool feeds Whoosh's segment writer.
"""

from __future__ import annotations

import random
from pathlib import Path

from whoosh import writing
from whoosh.fields import TEXT, Schema
from whoosh.filedb.filestore import FileStorage

from indexer.backends.whoosh import runpool


def _postings(count: int) -> list[tuple[str, bytes, int, float, bytes | None]]:
    """Postings as a writer adds them: by document, terms in any order, a few without values."""
    rng = random.Random(7)
    words = [f"w{n:05d}".encode() for n in range(3000)]
    out = []
    for docnum in range(count // 20):
        for word in rng.sample(words, 20):
            value = None if rng.random() < 0.1 else rng.randbytes(rng.randint(1, 12))
            out.append(
                (rng.choice(("body", "title")), word, docnum, float(rng.randint(1, 4)), value)
            )
    return out


def _pooled(pool_class: type, folder: Path, items: list, reduce: bool) -> list:
    """What a pool of 1 MB (so spilling many runs) gives back for `items`."""
    pool = pool_class(FileStorage(str(folder)).create(), None, limitmb=1)
    for item in items:
        pool.add(item)
    if reduce:  # what a `procs=N` sub-writer does at its end: merge its runs into one
        pool.save()
        pool.reduce_to(1, 3)
    return list(pool.iter_postings())


def test_the_chunked_pool_returns_what_whooshs_returns(tmp_path: Path) -> None:
    items = _postings(60_000)
    for reduce in (False, True):
        stock = _pooled(writing.PostingPool, tmp_path / f"stock{reduce}", items, reduce)
        chunked = _pooled(runpool.ChunkedPostingPool, tmp_path / f"chunk{reduce}", items, reduce)
        assert len(stock) == len(items)
        assert chunked == stock


def test_whooshs_writers_make_the_chunked_pool_once_installed(tmp_path: Path) -> None:
    assert runpool.surface_problem() is None  # the pinned whoosh3 has what the pool relies on
    assert runpool.install()
    ix = FileStorage(str(tmp_path)).create().create_index(Schema(body=TEXT))
    writer = ix.writer()
    try:
        assert isinstance(writer.pool, runpool.ChunkedPostingPool)
    finally:
        writer.cancel()
