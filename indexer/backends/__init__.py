"""Search backends, chosen by name from configuration."""

from __future__ import annotations

from indexer.backends.base import SearchBackend
from indexer.backends.whoosh import WhooshBackend
from indexer.errors import NewsIndexError

BACKENDS: dict[str, type[SearchBackend]] = {WhooshBackend.name: WhooshBackend}


def backend_class(name: str) -> type[SearchBackend]:
    """The backend class registered under `name`."""
    try:
        return BACKENDS[name]
    except KeyError:
        known = ", ".join(sorted(BACKENDS))
        raise NewsIndexError(f"Unknown search backend {name!r}; known: {known}.") from None
