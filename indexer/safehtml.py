"""The one place that turns article text into HTML: escaped text with `<mark>` and nothing else."""

from __future__ import annotations

import html
import threading

from bleach.sanitizer import Cleaner

ALLOWED_TAGS = frozenset({"mark"})
FRAGMENT_SEPARATOR = "\x1e"


_local = threading.local()


def sanitize(fragment: str) -> str:
    """Reduce an HTML fragment to text plus bare `<mark>` elements (bleach, no attributes)."""
    # A Cleaner costs more to build than to run; its html5lib parser is not thread-safe.
    cleaner = getattr(_local, "cleaner", None)
    if cleaner is None:
        cleaner = _local.cleaner = Cleaner(tags=ALLOWED_TAGS, attributes={}, strip=True)
    return cleaner.clean(fragment)


def escape(text: str) -> str:
    """Escape text for HTML, quotes included."""
    return html.escape(text, quote=True)


def split_fragments(formatted: str) -> list[str]:
    """Split the formatter's output into sanitised snippets."""
    parts = (" ".join(f.split()) for f in formatted.split(FRAGMENT_SEPARATOR))
    return [sanitize(part) for part in parts if part]


LEAD_CHARS = 220  # a snippet's length, and so that of a hit's lead when nothing is marked


def lead(body: str) -> str:
    """The opening of a body, cut at a word boundary, for hits without a highlighted match."""
    text = " ".join(body.split())
    if len(text) <= LEAD_CHARS:
        return text
    return text[:LEAD_CHARS].rsplit(" ", 1)[0] + " …"
