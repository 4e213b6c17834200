"""A kicker set in the headline's own `<h1>`: `<h1><span class="kicker">Exclusive</span> …</h1>`.

Sites put a short label before the headline inside the same `<h1>` and set it apart by
styling alone. Where no punctuation joins it to the rest (`Ukraine: …` is a headline that
begins with its topic; `Exclusive Harbour dredging stalls` is a label and a headline), it is
no part of the headline's words.
"""

from __future__ import annotations

from lxml.html import HtmlElement

_KICKER_TAGS = frozenset({"span", "strong", "em", "b", "i", "small", "mark"})
_KICKER_WORDS = 5  # a kicker is a short label
_JOINING = ":|-–—/·•：｜"


def split_kicker(node: HtmlElement, text: str) -> tuple[str, bool] | None:
    """An `<h1>`'s text (`text`, as read) without its leading kicker element, and whether
    punctuation joins the kicker to the rest; None when the heading starts with no kicker."""
    if (node.text or "").strip():
        return None
    first = next((child for child in node if isinstance(child.tag, str)), None)
    if first is None or first.tag not in _KICKER_TAGS:
        return None
    kicker = " ".join(first.text_content().split())
    if not kicker or len(kicker.split()) > _KICKER_WORDS or not text.startswith(kicker):
        return None
    rest = text[len(kicker) :].strip()
    if len(rest.split()) < 2:
        return None
    joined = kicker[-1] in _JOINING or rest[0] in _JOINING
    return rest.lstrip(_JOINING + " ") if joined else rest, joined
