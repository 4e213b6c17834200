"""The writer a story signs in a bold line of its own, where the page credits only its site.

Many small news sites publish through one shared account, so their byline, meta tags and JSON-LD
name the site (`Lesotho Times`), and the story names its writer in the body instead: a
paragraph wholly in `<strong>` or `<b>` holding only the name (`Jane Doe`, `Jane Doe/John
Roe`), set before the story's first paragraph (after nothing but italic decks) or after its
last. A bold line inside the story is a subhead, and a bold line in capitals alone is as often
a place or a section as a name, so neither is read; nor is a bold line of page furniture or
an organisation closing the story (`Read More` over a list of links, `Subscribe Now`), nor one
right over a list, which it heads. A person the story is about is named in its paragraphs (an
interview opening on its guest's name in bold); the writer, as a rule, is not.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from indexer.normalize.boilerplate import is_inline_boilerplate
from indexer.normalize.creditline import all_common
from indexer.normalize.pagebyline import read_credit
from indexer.normalize.sources import is_outlet_like
from indexer.normalize.tagline import BOLD, ITALIC, names_family, styled_text

_STORY_CHARS = 80  # a paragraph of the story, not a caption, a button or a note
_LINE_CHARS = 80  # a name or two, not a sentence
_SEPARATOR = re.compile(r"\s*/\s*")
_LISTS = frozenset({"ul", "ol"})


def signed_line(tree: HtmlElement) -> list[str] | None:
    """The writers a bold line opening or closing the story names, or None."""
    for node in tree.iter("p"):
        text = styled_text(node, BOLD) or None
        if text is None or len(text) > _LINE_CHARS or text.isupper():
            continue
        if not (_opens(node) or _closes(node)):
            continue
        story = _story_text(node)
        names: list[str] = []
        for piece in _SEPARATOR.split(text):
            credit = read_credit(piece)
            if credit is None or credit[1] is not None or _not_person(piece, story):
                return None
            names += credit[0]
        if any(names_family(name, story) for name in names):
            return None
        return names or None
    return None


def _story_text(node: HtmlElement) -> str:
    """The text of the paragraphs beside a paragraph, the story it opens or closes."""
    siblings = [*node.itersiblings("p", preceding=True), *node.itersiblings("p")]
    return " ".join(p.text_content() for p in siblings)


def _not_person(text: str, story: str) -> bool:
    """Whether a bold line is page furniture or an organisation, not a writer's name."""
    return is_inline_boilerplate(text) or is_outlet_like(text) or all_common(text, story)


def _wholly(node: HtmlElement, tags: frozenset[str]) -> bool:
    """Whether all of a paragraph's text is in child elements of the given tags."""
    children = [child for child in node if isinstance(child.tag, str)]
    if not children or any(child.tag not in tags for child in children):
        return False
    return not (node.text or "").strip() and not any((c.tail or "").strip() for c in children)


def _story(node: HtmlElement | None) -> bool:
    """Whether an element is a paragraph of the story's text."""
    return node is not None and node.tag == "p" and len(node.text_content().strip()) >= _STORY_CHARS


def _opens(node: HtmlElement) -> bool:
    """Whether a paragraph comes right before the story's text, after nothing but italic decks."""
    before = all(
        _wholly(p, ITALIC) or not p.text_content().strip()
        for p in node.itersiblings("p", preceding=True)
    )
    return before and _story(node.getnext())


def _closes(node: HtmlElement) -> bool:
    """Whether a paragraph comes right after the story's text, with no paragraph or list after."""
    # A bold line right over a list of links heads it (`Keep Reading`).
    after = all(not p.text_content().strip() for p in node.itersiblings("p"))
    under = node.getnext()
    heads_list = under is not None and under.tag in _LISTS
    return after and not heads_list and _story(node.getprevious())
