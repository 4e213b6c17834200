"""Search backends, chosen by name from configuration."""

from __future__ import annotations

from indexer.backends.base import SearchBackend
from indexer.backends.whoosh import WhooshBackend
from indexer.errors import NewsIndexError

BACKENDS: dict[str, type[SearchBackend]] = {WhooshBackend.name: WhooshBackend}

try:  # the Xapian engine needs the `xapian` extra (pip install 'newsindex[xapian]')
    from indexer.backends.xapian import XapianBackend
except ImportError:  # pragma: no cover - depends on what is installed
    XAPIAN_MISSING = True
else:
    XAPIAN_MISSING = False
    BACKENDS[XapianBackend.name] = XapianBackend


def backend_class(name: str) -> type[SearchBackend]:
    """The backend class registered under `name`."""
    try:
        return BACKENDS[name]
    except KeyError:
        if name == "xapian" and XAPIAN_MISSING:
            raise NewsIndexError(
                "The xapian backend needs the Xapian bindings: pip install 'newsindex[xapian]'."
            ) from None
        known = ", ".join(sorted(BACKENDS))
        raise NewsIndexError(f"Unknown search backend {name!r}; known: {known}.") from None
