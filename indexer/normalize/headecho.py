"""Lines a copy prints twice, and which copy is the headline.

A browser's copy of a page may print the same words once as lines of their own and once run
together on one line: a menu's entries, one per line, and the same menu glued into a single
line (`TOP Reviews News Gadgets … Information home > Gadgets > …`); or a headline on a line
of its own right under the trail and page title glued around it (`News Politics Minister
quits over … - Daily Post` / `Minister quits over …`). The line alone says where the words
begin and end; the glued line does not.
"""

from __future__ import annotations

import re

from indexer.normalize.lines import word_count
from indexer.normalize.story import Page

_ENTRY_WORDS = 5  # a menu's entry: a word or a few (a katakana word of ten letters)
_MENU_RUN = 3  # entries in a row that the glued copy holds, one after another
_HEADLINE_WORDS = 3  # a headline alone under its glued copy: a few words at least
_SITE_WORDS = 6  # the site's name glued after the headline: a few words at most
# What may follow the headline in its glued copy: nothing, or the site's name after its mark.
_SITE_TAIL = re.compile(r"(?:\s*[|·•–—-]\s*\S.*)?")


def glued_menu_entry(page: Page, i: int) -> bool:
    """Whether line `i` is one of a run of short entries that another line of the page holds
    run together, word for word."""
    for first in range(max(0, i - _MENU_RUN + 1), i + 1):
        run = range(first, first + _MENU_RUN)
        if run.stop > len(page.lines):
            break
        if any(word_count(page.text(j)) > _ENTRY_WORDS for j in run):
            continue
        # Joined with spaces, the entries match inside one line only: the page's own lines
        # stand apart, joined by line breaks. A menu holds no byline or date: a kicker,
        # headline and byline glued again are a teaser card of the story itself (`Opinion
        # Cities need more trees Jane Doe` in the most-read list), and the headline heads it.
        if " ".join(page.keys[j] for j in run) in page.folded and not any(
            page.is_meta(j) for j in run
        ):
            return True
    return False


def headline_under_glued(page: Page, at: int, found: list[int]) -> int:
    """The line under `at` when it is a candidate that `at` holds after a trail (and maybe
    before the site's name), else `at`."""
    below = at + 1
    if below not in found or word_count(page.text(below)) < _HEADLINE_WORDS:
        return at
    glued, alone = page.keys[at], page.keys[below]
    start = glued.find(alone)
    if start <= 0:
        return at
    tail = glued[start + len(alone) :]
    if not _SITE_TAIL.fullmatch(tail) or word_count(tail) > _SITE_WORDS:
        return at  # a phrase inside the headline (`… with the cost of living, ministers say`)
    return below if _trail(page.text(at).split()[: len(glued[:start].split())]) else at


def _trail(words: list[str]) -> bool:
    """Whether the words before a headline's copy are a trail's labels, capitalised as a
    menu's are, not the headline's own words: a topic tag under a headline ending in it
    (`… struggle with the cost of living` / `Cost of living`) is glued after running text."""
    return 2 * sum(word[:1].islower() for word in words) <= len(words)
