"""The headline a page's own address spells: the slug of a news URL.

A news site builds a story's address from its headline (`…/article/Council-approves-new-
footbridge-over-20931877.php`), its first words at least, parted by hyphens. A copy may keep
that address on a line (a share box, a menu's link glued to the text). A headline-shaped line
whose words open such a slug names the story; a standfirst or another story's teaser beside it
does not.
"""

from __future__ import annotations

import re

from indexer.normalize.lines import is_paragraph
from indexer.normalize.story import Page

_URL = re.compile(r"https?://\S+")
_WORD = re.compile(r"[^\W_]+")
_SLUG_WORDS = 4  # words of a slug that name a headline, not a section (`/news/us/`)


def page_slugs(page: Page, end: int | None = None) -> list[tuple[str, ...]]:
    """The hyphenated parts of the addresses a copied page shows (above line `end`), as tuples
    of words."""
    slugs = []
    for line in page.lines[:end]:
        if "://" not in line.text:
            continue
        for url in _URL.findall(line.text):
            for part in re.split(r"[/?#.]", url):
                words = tuple(w.casefold() for w in part.split("-") if w)
                if len(words) >= _SLUG_WORDS and all(_WORD.fullmatch(w) for w in words):
                    slugs.append(words)
    return slugs


def spelled(text: str, slugs: list[tuple[str, ...]]) -> bool:
    """Whether a line's words open one of the slugs, or a slug opens the line (a cut one)."""
    words = _words(text)
    for slug in slugs:
        core = slug[:-1] if slug[-1].isdigit() else slug  # `…-over-20931877`: the story's id
        n = min(len(core), len(words))
        if n >= _SLUG_WORDS and words[:n] == core[:n]:
            return True
    return False


def _within(text: str, slugs: list[tuple[str, ...]]) -> bool:
    """Whether a line's words stand together inside a slug past its start: the headline after
    a series' name (`…/the-week-in-city-politics-council-delays-vote-on-tram`)."""
    words = _words(text)
    n = len(words)
    return n >= _SLUG_WORDS and any(
        slug[k : k + n] == words for slug in slugs for k in range(1, len(slug) - n + 1)
    )


def _words(text: str) -> tuple[str, ...]:
    """A line's words, case folded, as a slug spells them."""
    return tuple(w.casefold() for w in _WORD.findall(text))


def _story_start(page: Page, at: int) -> int:
    """The story's first paragraph under the headline `at`: the page's own address stands above
    it (a share box by the headline); one in or under the story is a story it cites (`Source:
    https://…`)."""
    return next(
        (j for j in range(at + 1, len(page.lines)) if is_paragraph(page.text(j))), len(page.lines)
    )


def headline_in_address(page: Page, at: int, heads: set[int]) -> int:
    """The candidate of `heads` that the page's address spells when `at` is not it (of its
    copies, the nearest `at`), else `at`."""
    slugs = page_slugs(page, _story_start(page, at))
    if not slugs or spelled(page.text(at), slugs) or _within(page.text(at), slugs):
        return at
    # A line that carries the address itself is a link's label: another story's teaser.
    named = [i for i in heads if spelled(page.text(i), slugs) and "://" not in page.text(i)]
    if len({page.keys[i] for i in named}) != 1:
        return at  # none, or several lines the addresses spell: no evidence for one
    return min(named, key=lambda i: abs(i - at))
