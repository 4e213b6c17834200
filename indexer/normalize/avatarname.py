"""The writer an author's avatar names: a placeholder picture shows the writer's initials.

A site without a photo of its writer draws a badge of their initials beside the byline, and
a copy of the page keeps it as a line of its own (`JD`) over the writer's line (`Jonas
Dvaras, professor at …, Example.lt 2024.03.31 19:59`). Initials that spell the
first letters of the name opening the next line mark that name as the writer's, whatever
the line says after it (a job, an affiliation in any language, the outlet and the stamp).
"""

from __future__ import annotations

import re

from indexer.normalize.bylines import clean_name
from indexer.normalize.story import Page

_INITIALS = re.compile(r"^[^\W\d_]{2,3}$")
_NAME_END = re.compile(r"\s*(?:[,|·•(]|\s[-–—]\s|\d).*$")  # what follows the name on its line


def avatar_writer(page: Page, order: list[int]) -> str | None:
    """The name under the first initials badge among lines `order` that spells them, or None."""
    for i in order:
        badge = page.text(i).strip()
        if not _INITIALS.match(badge) or not badge.isupper() or i + 1 >= len(page.lines):
            continue
        name = _NAME_END.sub("", page.text(i + 1).strip())
        words = name.split()
        if len(words) != len(badge) or "".join(w[0] for w in words) != badge:
            continue
        found = clean_name(name)
        if found is not None:
            return found
    return None
