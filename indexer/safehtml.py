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
    """Split the formatter's output into sanitised snippets, cleaned by bleach in one call.

    Each part's whitespace is collapsed, so a newline can join them: bleach keeps it, and a
    call costs about as much for one short fragment as for three.
    """
    parts = [joined for f in formatted.split(FRAGMENT_SEPARATOR) if (joined := " ".join(f.split()))]
    if len(parts) < 2:
        return [sanitize(part) for part in parts]
    cleaned = sanitize("\n".join(parts)).split("\n")
    if len(cleaned) != len(parts) or any(_unbalanced(part) for part in cleaned):
        return [sanitize(part) for part in parts]  # a mark across parts: each alone
    return cleaned


def _unbalanced(fragment: str) -> bool:
    """Whether a sanitised fragment opens and closes `<mark>` a different number of times."""
    return fragment.count("<mark>") != fragment.count("</mark>")


LEAD_CHARS = 220  # a snippet's length, and so that of a hit's lead when nothing is marked


def lead(body: str) -> str:
    """The opening of a body, cut at a word boundary, for hits without a highlighted match."""
    text = " ".join(body.split())
    if len(text) <= LEAD_CHARS:
        return text
    return text[:LEAD_CHARS].rsplit(" ", 1)[0] + " …"
