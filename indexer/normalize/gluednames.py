"""Writers' names a copy glued into one line, parted where the page writes them apart.

A page links each writer's name under its headline; copied as text, the links run together
with no comma or `and` between them (`Jane Doe Ann Marie Roe`), and where one name ends is
not told by the line alone. The page may write the same names apart elsewhere, in its
closing credit (`(Jane Doe aus Berlin, Ann Marie Roe, 3.5.2024)`) or an author box: each
name is the longest run of the line's words that the page writes with no next word of the
line after it. Only credits count: the story's sentences write apart the people it is about,
whose linked names a line of topics runs together over the date just as well.
"""

from __future__ import annotations

import re

from indexer.normalize.bylines import clean_name
from indexer.normalize.lines import is_paragraph
from indexer.normalize.story import Page

_MIN_WORDS = 4  # two names of two words at least
_MAX_WORDS = 12
_NAME_WORDS = (2, 4)  # words of one person's name: given names and family name
_BRACKETED = re.compile(r"\(([^()]*)\)")  # a closing credit at a paragraph's end


def glued_names(page: Page, i: int) -> list[str]:
    """The names line `i` glues together, each written apart elsewhere on the page, or none."""
    words = page.text(i).split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS:
        return []
    if not all(w[:1].isupper() and w.isalpha() for w in (w.replace("-", "") for w in words)):
        return []
    others = _credits(page, i)
    names: list[str] = []
    at = 0
    while at < len(words):
        size = next(
            (
                k
                for k in range(_NAME_WORDS[1], _NAME_WORDS[0] - 1, -1)
                if _apart(words, at, k, others)
            ),
            0,
        )
        name = clean_name(" ".join(words[at : at + size])) if size else None
        if name is None:
            return []
        names.append(name)
        at += size
    return names if len(names) > 1 else []


def _apart(words: list[str], at: int, size: int, others: str) -> bool:
    """Whether the page writes `words[at:at + size]` somewhere without the line's next word
    after it (so the name ends there)."""
    if at + size > len(words):
        return False
    name = re.escape(" ".join(words[at : at + size]))
    after = rf"(?!\s+{re.escape(words[at + size])}\b)" if at + size < len(words) else ""
    return re.search(rf"(?<!\w){name}(?!\w){after}", others) is not None


def _credits(page: Page, i: int) -> str:
    """The page's text besides line `i` where a writer may be credited: its lines other than
    the story's paragraphs (an author box, a credit line) and what a paragraph sets in brackets
    (`… (Jane Doe aus Berlin, Ann Marie Roe, 3.5.2024)`)."""
    parts: list[str] = []
    for j in range(len(page.lines)):
        text = page.text(j)
        if j != i:
            parts.extend(_BRACKETED.findall(text) if is_paragraph(text) else [text])
    return "\n".join(parts)
