"""Names a page shows only as the credit of another story's card (a related or most-read list).

A list of other stories gives each card its linked headline and often its writer (`Por …`,
`By …`); that writer signs the card's story, not the page. The page's own byline stands in its
header, its body or its author box, none of which is one of a list of cards.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from indexer.normalize.metadata import reads_as_headline

_CARD_DEPTH = 4  # a card holds its name this few levels up (span, div, the card)
_CARD_TEXT = 300  # a card is short: its headline, a name, a date
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def card_credits(tree: HtmlElement, names: list[str]) -> set[str]:
    """The `names` whose every element showing them stands in a card of another story in a
    list (the page is walked once for them all)."""
    texts = _own_texts(tree) if names else []
    found = set()
    for name in names:
        key = " ".join(name.split()).casefold()
        holders = [node for node, text in texts if key in text]
        if holders and all(in_card(node) for node in holders):
            found.add(name)
    return found


def _own_texts(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """The shown elements with their own text (not their children's), on one line each,
    case-folded."""
    found = []
    for node in tree.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "head", "title"):
            continue
        own = " ".join([node.text or "", *(child.tail or "" for child in node)])
        if own.strip():
            found.append((node, " ".join(own.split()).casefold()))
    return found


def _line(node: HtmlElement) -> str:
    """An element's shown text on one line."""
    return " ".join(node.text_content().split())


def in_card(node: HtmlElement) -> bool:
    """Whether an element sits in a short block that opens with another story's linked
    headline above it, beside a block that holds one too (a list of cards)."""
    block = node
    for _ in range(_CARD_DEPTH):
        parent = block.getparent()
        if parent is None or block.tag in ("body", "html"):
            return False
        if len(_line(block)) > _CARD_TEXT or next(block.iter("h1"), None) is not None:
            return False
        if _story_link(block, node) and any(
            _story_link(other, None) for other in parent if other is not block
        ):
            return True
        block = parent
    return False


def _story_link(block: HtmlElement, name_node: HtmlElement | None) -> bool:
    """Whether a block holds a link whose text reads as a story's headline, not a name, above
    `name_node` when given: a card's headline comes before its credit, where an author box's
    `More stories by …` link follows the name."""
    if not isinstance(block.tag, str):
        return False
    around = list(name_node.iterancestors()) if name_node is not None else []
    for element in block.iter():
        if element is name_node:
            return False
        if not _headline_link(element, around):
            continue
        if reads_as_headline(_line(element)):
            return True
    return False


def _headline_link(element: HtmlElement, around: list[HtmlElement]) -> bool:
    """Whether an element is a link that may be a card's headline: a link not holding the
    name (`around`: the ancestors of the name's element), or a heading inside a link that
    holds it (a whole card made one link)."""
    if element.tag == "a":
        return element not in around
    return element.tag in _HEADINGS and any(
        a.tag == "a" and a in around for a in element.iterancestors()
    )
