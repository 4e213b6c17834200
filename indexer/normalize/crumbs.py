"""An `<h1>` set as the last step of a breadcrumb trail: `Home | World | <h1>Headline</h1>`.

Many templates end the trail over the story with the page's own name, marked up as its `<h1>`
for search engines (often the headline written for them), and set the headline the reader
sees in a heading of its own over the story. The trail is a `<nav>` or an element its
template names a breadcrumb (class, id, label or schema.org `BreadcrumbList`); its other steps
are links to the site's sections, and the page's name comes last.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_MARKED = re.compile(r"crumb", re.IGNORECASE)
_MARKS = ("class", "id", "aria-label", "itemtype")
# The page's own containers: a trail sits inside them, never holds them.
_PAGE_PARTS = frozenset({"html", "body", "main", "article", "header"})
_WORD = re.compile(r"[^\W_]")  # a letter or digit: separators (`›`, `|`, `/`) have none
_UNSHOWN = frozenset({"script", "style", "noscript", "template"})
# The blocks that hold a trail's steps: a heading set after such a block is no step of it.
_STEP_BLOCKS = frozenset({"nav", "ol", "ul", "div", "p", "section"})


def trail_step(heading: HtmlElement) -> bool:
    """Whether a heading is the last step of a breadcrumb trail: links to sections before it in
    the trail, none after it, and no text of the trail's own but theirs and separators."""
    for trail in heading.iterancestors():
        if trail.tag in _PAGE_PARTS:
            return False
        if trail.tag != "nav" and not any(_MARKED.search(trail.get(k) or "") for k in _MARKS):
            continue
        order = {node: at for at, node in enumerate(trail.iter())}
        links = [a for a in trail.iter("a") if a.get("href") is not None]
        before = [a for a in links if order[a] < order[heading]]
        if not before:
            continue  # a step of its own (`<li class="breadcrumb-item">`): the list holds the rest
        if any(order[a] > order[heading] for a in links if heading not in a.iterancestors()):
            return False
        if not _among_steps(before[-1], heading):
            return False  # set under the trail's own list, as a wrapper holds both
        return _only_links(trail, heading)
    return False


def _among_steps(step: HtmlElement, heading: HtmlElement) -> bool:
    """Whether a heading is in the block that holds the trail's step before it."""
    block = next(step.iterancestors(*_STEP_BLOCKS), None)
    return block is not None and any(node is heading for node in block.iter())


def _only_links(trail: HtmlElement, heading: HtmlElement) -> bool:
    """Whether a trail's words outside the heading are all in its links."""
    for node in trail.iter():
        pieces = [] if node is trail else [(node.getparent(), node.tail)]
        if isinstance(node.tag, str) and node.tag not in _UNSHOWN:
            pieces.append((node, node.text))
        for holder, text in pieces:
            if _WORD.search(text or "") and not _linked(holder, heading, trail):
                return False
    return True


def _linked(node: HtmlElement | None, heading: HtmlElement, trail: HtmlElement) -> bool:
    """Whether an element is the heading or a link, or inside one, within the trail."""
    while node is not None and node is not trail:
        if node is heading or node.tag == "a":
            return True
        node = node.getparent()
    return False
