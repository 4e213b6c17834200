"""The index a serving process reads: follows the store's current generation, one backend open."""

from __future__ import annotations

import os
import threading

from indexer.backends import backend_class
from indexer.backends.base import SearchBackend
from indexer.store import IndexStore


class LiveIndex:
    """Hands out the backend of the current generation, reopening it after a swap."""

    def __init__(self, index_dir: str | os.PathLike[str], backend: str = "whoosh") -> None:
        self.store = IndexStore(index_dir)
        self._backend_name = backend
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._backend: SearchBackend | None = None

    def backend(self) -> SearchBackend:
        """The open backend of the current generation; IndexMissing when there is none."""
        path = self.store.current()
        with self._lock:
            if self._backend is None or path.name != self._generation:
                fresh = backend_class(self._backend_name).open(path)
                old, self._backend, self._generation = self._backend, fresh, path.name
                if old is not None:
                    old.close()
            return self._backend

    def close(self) -> None:
        """Close the open backend."""
        with self._lock:
            if self._backend is not None:
                self._backend.close()
            self._backend = None
            self._generation = None
