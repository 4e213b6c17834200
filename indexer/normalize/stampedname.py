"""The writer a saved page stamps under its headline with no label: `Jane Doe | 05.04.2025`.

A byline element the page does not mark, a label it does not print: the writer's name and
the story's date share the line under the headline (and its standfirst), as a copy of the
page shows them. Read only where nothing else names a writer. A name the page links to
another page than a writer's (`<a href="/world/">World Europe</a> | 05.04.2025`) is the
story's section or topic.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from indexer.normalize.creditline import bare_names, is_house
from indexer.normalize.dates import find_date
from indexer.normalize.writerlink import writer_page

_UNDER_HEADLINE = 3  # lines under the `<h1>`: a standfirst, then the stamp


def stamped_writer(lines: list[tuple[str, bool]], tree: HtmlElement) -> list[str] | None:
    """The names on the first dated line just under the page's first `<h1>`, or None."""
    top = next((i for i, (_, heading) in enumerate(lines) if heading), None)
    if top is None:
        return None
    for text, heading in lines[top + 1 : top + 1 + _UNDER_HEADLINE]:
        if heading:
            return None
        if find_date(text) is None:
            continue
        names = [n for n in bare_names(text) if not (is_house(n) or _section(tree, n))]
        return names or None
    return None


def _section(tree: HtmlElement, name: str) -> bool:
    """Whether the page links a name only to pages other than a writer's: a section's or a
    topic's name (`World Europe` to `/world/europe/`), not a person's."""
    key = name.casefold()
    links = [a for a in tree.iter("a") if " ".join(a.text_content().split()).casefold() == key]
    return bool(links) and not any(map(writer_page, links))
