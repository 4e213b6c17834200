"""The writer a saved page names in its closing tagline, where no byline names anyone.

An opinion page often signs its writer only at the end, in an italic line of its own about them
(`Jane Doe is a nurse in Rhinecliff.`, `Jane Doe was mayor from 2004 to 2012.`), while its
author slot holds a role (`Guest Columnist`) or nothing. Such a line is a paragraph whose whole
text is in one `<em>` or `<i>`, starting with a full name and a copula, that no paragraph of
the story follows (an italic line opening an interview introduces the person it is with). A
person the story is about is named in its other paragraphs; the writer, as a rule, is not.

Vietnamese papers sign a story at its foot the way a letter is signed: the writer's name alone,
in bold, set to the right (`<p style="text-align:right"><strong>Name</strong></p>`), the last
paragraph of the story.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from indexer.normalize.bylines import clean_name
from indexer.normalize.creditline import all_common
from indexer.normalize.othercredit import cited_wire

_TAGLINE = re.compile(
    r"^(?P<name>(?:[A-ZÀ-Þ][\w'’.-]*\s+){1,3}[A-ZÀ-Þ][\w'’-]+)\s+(?:is|was|has been|teaches|"
    r"lives|works|writes)\s"
)
ITALIC = frozenset({"em", "i"})
BOLD = frozenset({"strong", "b"})
_RIGHT = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
_TAGLINE_CHARS = 400  # a tagline is a sentence or two, not a paragraph of the story


def closing_tagline(tree: HtmlElement) -> str | None:
    """The one writer the page's italic closing taglines name, or None."""
    paragraphs = [(node, _tagline_name(node)) for node in tree.iter("p")]
    names = {name for _, name in paragraphs if name is not None}
    if len(names) != 1:
        return None
    name = names.pop()
    for node, own in paragraphs:
        if own is None and names_family(name, node.text_content()):
            return None  # the story is about them
    return name


def names_family(name: str, text: str) -> bool:
    """Whether a text names a person by their family name (the story is about them)."""
    return re.search(rf"\b{re.escape(name.split()[-1])}\b", text) is not None


def right_set_signature(tree: HtmlElement) -> str | None:
    """The name a saved page's last paragraph signs the story with, alone in bold and set to the
    right, or None (a copied Japanese story's bracketed one: `authorbio.bracketed_signature`)."""
    for node in tree.iter("p"):
        right = _RIGHT.search(node.get("style") or "") or (node.get("align") or "") == "right"
        text = styled_text(node, BOLD) if right else None
        if text and _last_element(node):
            name = clean_name(text)
            return name if name is not None and _signs(name, node) else None
    return None


def _signs(name: str, node: HtmlElement) -> bool:
    """Whether a bold closing line may be its writer's signature: not a courtesy or a slogan
    whose every word the story writes in lower case (`Thank You`), not a place or a person the
    story names (`Hà Nội`), not the story's source after a word (`Theo Reuters`: according to
    Reuters)."""
    rest = " ".join(p.text_content() for p in node.itersiblings("p", preceding=True))
    if all_common(name, rest) or name.casefold() in rest.casefold():
        return False
    return not cited_wire(name)


def _last_element(node: HtmlElement) -> bool:
    """Whether nothing with text follows an element among its siblings but italic notes: a
    bold line over a list (`Related Stories` / its links) heads what follows, signs nothing."""
    return all(
        _italic_text(after) is not None or not after.text_content().strip()
        for after in node.itersiblings()
        if isinstance(after.tag, str)
    )


def _tagline_name(node: HtmlElement) -> str | None:
    """The name a paragraph wholly in italics that closes the story starts its tagline with,
    or None (an italic line opening an interview introduces the person it is with)."""
    text = _italic_text(node)
    match = _TAGLINE.match(text) if text and len(text) <= _TAGLINE_CHARS else None
    if match is None or not _closes(node):
        return None
    return clean_name(match.group("name"))


def _closes(node: HtmlElement) -> bool:
    """Whether no paragraph of the story follows a paragraph: those after it are empty or
    wholly in italics (another tagline, a note)."""
    return all(
        _italic_text(after) is not None or not after.text_content().strip()
        for after in node.itersiblings("p")
    )


def _italic_text(node: HtmlElement) -> str | None:
    """The text of a paragraph wholly in one `<em>` or `<i>`, or None."""
    return styled_text(node, ITALIC)


def styled_text(node: HtmlElement, tags: frozenset[str]) -> str | None:
    """The text of a paragraph wholly in one element of `tags` (`<em>`, `<strong>`), or None."""
    children = [child for child in node if isinstance(child.tag, str)]
    if len(children) != 1 or children[0].tag not in tags:
        return None
    if (node.text or "").strip() or (children[0].tail or "").strip():
        return None
    return " ".join(children[0].text_content().split())
