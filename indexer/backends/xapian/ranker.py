"""Ranked enquiries over local shards, each shard matched by its own process (`xapian-progsrv`).

Xapian matches a database of several shards in one thread, shard after shard, and BM25 weighs
every matching article: `source:reuters` (900k articles at 1M) costs 100 ms of ranking however
many shards there are. Opened through `xapian-progsrv` (Debian's xapian-tools, beside
xapian-tcpsrv), each shard is matched by a process of its own, in parallel, with the
collection-wide statistics of one search (Xapian's remote protocol exchanges them), so the hits
and their weights are those the local database gives. Only the ranked page's enquiry goes there;
documents, columns and counting stay in this process. A search borrows a ranker from a small
pool and, when none is free, when xapian-progsrv is missing or a shard's path has a space (the
program's arguments are split at spaces), or when a process fails, ranks on the local database.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import xapian

from indexer.backends.xapian.shards import combine

PROGRAM = "xapian-progsrv"
TIMEOUT_MS = 20_000  # one operation of a ranker (the largest ranked page at 1M takes ~0.1 s)
FAILED = (xapian.NetworkError, xapian.DatabaseError)

log = logging.getLogger(__name__)


class Rankers:
    """A pool of databases over the same local shards, each shard served by its own process."""

    def __init__(self, dirs: list[Path], size: int) -> None:
        self._dirs = dirs
        self._size = size
        self._idle: list[xapian.Database] = []
        self._open = 0  # rankers made and not closed (idle or lent)
        self._version = 0  # bumped by `renew`: rankers of an older version are closed
        self._lock = threading.Lock()
        self.usable = (
            len(dirs) > 1
            and shutil.which(PROGRAM) is not None
            and not any(any(c.isspace() for c in str(d)) for d in dirs)
        )

    @contextmanager
    def borrow(self) -> Iterator[xapian.Database | None]:
        """A ranker for one enquiry (None: rank locally); a ranker that failed is closed."""
        ranker, version = self._take() if self.usable else (None, 0)
        ok = False
        try:
            yield ranker
            ok = True
        finally:
            if ranker is not None:
                self._give_back(ranker, version, ok)

    def _take(self) -> tuple[xapian.Database | None, int]:
        """An idle ranker, a new one while the pool has room, or None."""
        with self._lock:
            version = self._version
            if self._idle:
                return self._idle.pop(), version
            if self._open >= self._size:
                return None, version
            self._open += 1
        try:
            return combine([_serve(folder) for folder in self._dirs]), version
        except FAILED as exc:
            log.warning("no ranking processes (%s): ranking in this process", exc.get_msg())
            with self._lock:
                self._open -= 1
                self.usable = False
            return None, version

    def _give_back(self, ranker: xapian.Database, version: int, ok: bool) -> None:
        """Return a ranker to the pool, or close it when it failed or is out of date."""
        with self._lock:
            if ok and version == self._version:
                self._idle.append(ranker)
                return
            self._open -= 1
        ranker.close()

    def renew(self) -> None:
        """Close the idle rankers; those lent out are closed when given back."""
        with self._lock:
            self._version += 1
            idle, self._idle = self._idle, []
            self._open -= len(idle)
        for ranker in idle:
            ranker.close()


def _serve(folder: Path) -> xapian.Database:
    """One shard opened through its own xapian-progsrv process."""
    return xapian.remote_open(PROGRAM, str(folder), TIMEOUT_MS)
