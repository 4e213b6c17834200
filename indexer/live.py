"""The index a serving process reads: follows the store's current generation, one backend open.

A process holds a lease on the generation it has open (see `IndexStore.lease`), so a build in
another process does not prune it. A long reader (a CSV export streaming for minutes) takes a
`hold()`: after a swap the old backend stays open until the last hold on it is released.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from indexer.backends import backend_class
from indexer.backends.base import SearchBackend
from indexer.errors import GenerationGone
from indexer.store import IndexStore, Lease

OPEN_ATTEMPTS = 5  # CURRENT re-read when the generation it named was pruned meanwhile


@dataclass(slots=True)
class _Open:
    """One open generation: its backend, its lease and the holds on it."""

    name: str
    backend: SearchBackend
    lease: Lease
    holds: int = 0
    retired: bool = False

    def close(self) -> None:
        """Close the backend and let the generation be pruned."""
        try:
            self.backend.close()
        finally:
            self.lease.release()


class Hold:
    """A backend kept open across a swap until release() (a context manager too)."""

    def __init__(self, live: LiveIndex, entry: _Open) -> None:
        self.backend = entry.backend
        self._live: LiveIndex | None = live
        self._entry = entry

    def release(self) -> None:
        """Let the backend close if a swap retired it (idempotent)."""
        live, self._live = self._live, None
        if live is not None:
            live._release(self._entry)

    def __enter__(self) -> SearchBackend:
        return self.backend

    def __exit__(self, *exc_info: object) -> None:
        self.release()


class LiveIndex:
    """Hands out the backend of the current generation, reopening it after a swap."""

    def __init__(self, index_dir: str | os.PathLike[str], backend: str = "whoosh") -> None:
        self.store = IndexStore(index_dir)
        self._backend_name = backend
        self._lock = threading.Lock()
        self._open: _Open | None = None
        self._retired: list[_Open] = []

    def backend(self) -> SearchBackend:
        """The open backend of the current generation; IndexMissing when there is none."""
        return self._current().backend

    def hold(self) -> Hold:
        """The current backend, kept open until the hold is released, whatever swaps meanwhile."""
        with self._lock:
            entry = self._current_locked()
            entry.holds += 1
            return Hold(self, entry)

    def _current(self) -> _Open:
        """The open generation CURRENT names, opening it after a swap."""
        with self._lock:
            return self._current_locked()

    def _current_locked(self) -> _Open:
        """As `_current`, with the lock held."""
        for attempt in range(OPEN_ATTEMPTS):
            path = self.store.current()
            if self._open is not None and self._open.name == path.name:
                return self._open
            try:
                lease = self.store.lease(path)
            except GenerationGone:
                if attempt == OPEN_ATTEMPTS - 1:
                    raise
                continue
            try:
                fresh = backend_class(self._backend_name).open(path)
            except BaseException:
                lease.release()
                raise
            self._retire(self._open)
            self._open = _Open(path.name, fresh, lease)
            return self._open
        raise AssertionError("unreachable")

    def _retire(self, entry: _Open | None) -> None:
        """Close a superseded generation now, or when its last hold is released."""
        if entry is None:
            return
        entry.retired = True
        if entry.holds == 0:
            entry.close()
        else:
            self._retired.append(entry)

    def _release(self, entry: _Open) -> None:
        """One hold fewer on an open generation."""
        with self._lock:
            entry.holds -= 1
            if entry.retired and entry.holds == 0:
                self._retired.remove(entry)
                entry.close()

    def close(self) -> None:
        """Close every open backend, held ones too: the process stops reading this index."""
        with self._lock:
            entries, self._retired = [*self._retired, self._open], []
            self._open = None
            for entry in entries:
                if entry is not None:
                    entry.retired = True
                    entry.holds = 0
                    entry.close()


class FixedIndex:
    """A backend that is no generation on disk (remote shards): the same one for every request.

    It offers what a LiveIndex offers the app; swaps happen on the servers, which the backend
    follows by renewing its connections.
    """

    def __init__(self, index_dir: str | os.PathLike[str], backend: SearchBackend) -> None:
        self.store = IndexStore(index_dir)
        self._backend = backend

    def backend(self) -> SearchBackend:
        """The one backend."""
        return self._backend

    def hold(self) -> _FixedHold:
        """The backend, for a long reader (nothing to keep open across swaps)."""
        return _FixedHold(self._backend)

    def close(self) -> None:
        """Close the backend's connections."""
        self._backend.close()


class _FixedHold:
    """A hold on a FixedIndex's backend (release does nothing)."""

    def __init__(self, backend: SearchBackend) -> None:
        self.backend = backend

    def release(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> SearchBackend:
        return self.backend

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def open_live(
    index_dir: str | os.PathLike[str],
    backend: str = "whoosh",
    shards: str | None = None,
    counters: str | None = None,
) -> LiveIndex | FixedIndex:
    """The index a serving process reads: remote Xapian shards when given (counted by their
    count servers, if given), else generations."""
    if shards:
        from indexer.backends.xapian import XapianBackend

        return FixedIndex(index_dir, XapianBackend.remote(shards, counters))
    return LiveIndex(index_dir, backend)
