"""Whoosh's posting pool with its sorted runs pickled in chunks instead of a posting at a time.

A Whoosh writer collects every posting of a segment, sorts them in runs of `limitmb` and spills
each run to a temporary file, then merges the runs into the segment. whoosh3 pickles a run one
posting at a time (a new pickler per posting) and reads it back the same way: at a million
articles that was 37 % of the writing processes' CPU (bench/PROFILE.md). This pool writes the
same sorted postings as lists of `CHUNK` and yields them back in the same order, so segments
come out byte for byte the same. Run files live only while one writer works, so nothing on disk
depends on the format.

`install()` puts the pool in place of `whoosh.writing.PostingPool`, which `SegmentWriter` looks
up each time it is made (its own writer and, through fork, those of `procs=N` sub-writers). It
relies on private parts of whoosh3 (the module global and `SortingPool`'s `_write_run`,
`_read_run`, `_open_run` and `_remove_run`); when they are not as expected, it leaves Whoosh's
own pool in place (slower, same index) and logs why.
"""

from __future__ import annotations

import inspect
import logging
import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO

from whoosh import writing
from whoosh.externalsort import SortingPool

log = logging.getLogger(__name__)

CHUNK = 4096  # postings per pickle: ~100 KB, few enough calls, small enough to hold
_STOCK = writing.PostingPool
_SURFACE = {"_write_run": ["self", "f", "items"], "_read_run": ["self", "path"]}


class ChunkedPostingPool(_STOCK):  # type: ignore[misc, valid-type]
    """Whoosh's PostingPool, its runs pickled CHUNK postings at a time."""

    def _write_run(self, f: BinaryIO, items: Iterable[Any]) -> None:
        """Write sorted postings to a run file in chunks, then close it."""
        if isinstance(items, list):
            for start in range(0, len(items), CHUNK):
                pickle.dump(items[start : start + CHUNK], f, pickle.HIGHEST_PROTOCOL)
        else:  # a merge of runs (reduce_to): a generator
            source = iter(items)
            while chunk := list(islice(source, CHUNK)):
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        """The postings of a run file in order; the file is removed once read (as Whoosh does)."""
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


def surface_problem() -> str | None:
    """Why the pool cannot stand in for whoosh3's, or None when it can."""
    if not (isinstance(_STOCK, type) and issubclass(_STOCK, SortingPool)):
        return "whoosh.writing.PostingPool is no longer a SortingPool"
    for name, params in _SURFACE.items():
        method = getattr(_STOCK, name, None)
        if method is None or list(inspect.signature(method).parameters) != params:
            return f"SortingPool.{name} is not {name}({', '.join(params[1:])})"
    for name in ("_open_run", "_remove_run"):
        if not callable(getattr(_STOCK, name, None)):
            return f"PostingPool.{name} is missing"
    return None


def install() -> bool:
    """Make new Whoosh writers use the chunked pool; False (logged) if whoosh3 changed."""
    if writing.PostingPool is ChunkedPostingPool:
        return True
    problem = surface_problem()
    if problem is not None:
        log.warning("whoosh3's posting pool changed (%s): writing with its own, slower", problem)
        return False
    writing.PostingPool = ChunkedPostingPool
    return True
