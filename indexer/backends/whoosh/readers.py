"""Searchers for the threads of one process: each thread reads with its own, none waits.

A Whoosh searcher opened without mmap reads its files through file objects whose positions it
shares, so one searcher cannot serve two threads at once; one lock around a whole search made a
serving process answer one search at a time. Here each thread opens its own searcher (a few
milliseconds, once per thread and index generation) and keeps it until the index changes:
committed writes (a new Whoosh generation) or `refresh()`. What is costly and immutable per
generation, the joined column tables, is computed once and shared by every thread.

Closing waits for nobody: `close()` closes every searcher at once when no read is running, or
else when the last running read finishes (a slow CSV export keeps its searcher meanwhile).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from whoosh import index
from whoosh.searching import Searcher

KEEP_GENERATIONS = 2  # tables kept for threads still on the previous generation


class _Local(threading.local):
    """One thread's searcher, the index generation and epoch it was opened at, its matcher."""

    searcher: Searcher | None = None
    generation = -1
    epoch = -1
    matcher: Any = None


class Readers:
    """Per-thread searchers of one index, with tables shared per generation."""

    def __init__(self, ix: index.Index, make_tables: Callable[[Searcher], Any]) -> None:
        self._ix = ix
        self._make_tables = make_tables
        self._local = _Local()
        self._state = threading.Lock()  # held for moments: the fields below
        self._epoch = 0  # bumped by refresh(): every thread reopens
        self._open: set[Searcher] = set()
        self._active = 0
        self._closing = False
        self._tables: dict[tuple[int, int], Any] = {}
        self._tables_lock = threading.Lock()  # one thread computes a generation's tables

    @contextmanager
    def reading(self) -> Iterator[Searcher]:
        """This thread's current searcher, counted as in use until the block ends."""
        with self._state:
            self._active += 1
        try:
            yield self.searcher()
        finally:
            self._release()

    @contextmanager
    def keeping(self, searcher: Searcher) -> Iterator[Searcher]:
        """Go on reading with a searcher already in hand (an export's later batches)."""
        with self._state:
            self._active += 1
        try:
            yield searcher
        finally:
            self._release()

    def searcher(self) -> Searcher:
        """This thread's searcher, reopened when the index changed.

        Compared by generation number: Whoosh's own `up_to_date` is never true for an index
        nothing was committed to, and refreshing that searcher fails.
        """
        local = self._local
        latest = self._ix.latest_generation()
        if local.searcher is None or latest != local.generation or local.epoch != self._epoch:
            old, fresh = local.searcher, self._ix.searcher()
            with self._state:
                self._open.add(fresh)
                if old is not None:
                    self._open.discard(old)
            if old is not None:
                old.close()
            local.searcher, local.generation, local.epoch = fresh, latest, self._epoch
            local.matcher = None
        return local.searcher

    def tables(self, searcher: Searcher) -> Any:
        """The column tables of the generation this thread reads (computed once for all)."""
        key = (self._local.generation, self._local.epoch)
        tables = self._tables.get(key)
        if tables is None:
            with self._tables_lock:
                tables = self._tables.get(key)
                if tables is None:
                    tables = self._make_tables(searcher)
                    kept = sorted(self._tables)[-(KEEP_GENERATIONS - 1) :]
                    self._tables = {k: self._tables[k] for k in kept} | {key: tables}
        return tables

    def matcher(self, searcher: Searcher, make: Callable[[Searcher], Any], renew: bool) -> Any:
        """This thread's matcher of its searcher, made by `make` once per searcher (or anew)."""
        local = self._local
        if renew or local.matcher is None or local.matcher.searcher is not searcher:
            local.matcher = make(searcher)
        return local.matcher

    def refresh(self) -> None:
        """Make every thread reopen its searcher before its next read."""
        with self._state:
            self._epoch += 1
            self._tables = {}

    def close(self) -> None:
        """Close every searcher now, or when the last running read finishes."""
        with self._state:
            self._closing = True
            idle = self._active == 0
        if idle:
            self._close_all()

    def _release(self) -> None:
        """One read finished; the last one after close() closes the searchers."""
        with self._state:
            self._active -= 1
            last = self._closing and self._active == 0
        if last:
            self._close_all()

    def _close_all(self) -> None:
        """Close the searchers of every thread and the index."""
        with self._state:
            searchers, self._open = list(self._open), set()
            self._tables = {}
            self._epoch += 1
        for searcher in searchers:
            searcher.close()
        self._ix.close()
