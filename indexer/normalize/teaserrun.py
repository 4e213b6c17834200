"""Credits that sign other stories: a run of teasers, and a section trail shaped like a name.

A list of other stories needs no label to be one: its entries repeat one shape (a headline,
its `By` line or its writer's name alone, perhaps its date) line after line, each signed by its
own writer. An opinion box sets each columnist's name over their column's headline instead. The
story's own headline is followed by its text, so it never closes such an entry.

A breadcrumb (`Real Estate Public Safety`) is Title Case like a name, but two or more of the
menu links the page sets above its headline spell it whole, or it opens with one of the top
sections news sites file stories under (`World Europe`); they do not spell a person's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from indexer.normalize.bylines import parse_byline, parse_name_line
from indexer.normalize.dates import parse_date_line
from indexer.normalize.lines import is_headline_like, is_paragraph

if TYPE_CHECKING:
    from indexer.normalize.story import Page

_MIN_RUN = 2  # entries of one shape in a row make a list
_SECTION_WORDS = 3  # a section link is a short line: `Public Safety`, `Real Estate`
_MENU_RUN = 3  # short lines in a row make a menu
# The top sections a news site files its stories under, which open a breadcrumb (`World Europe`,
# `Sport Football`); no person's given name is one of them.
_TOP_SECTIONS = frozenset(
    """world news business sport sports politics science health technology tech culture
    entertainment lifestyle travel money economy markets weather opinion local national
    international welt politik wirtschaft kultur mundo deportes economía política monde
    économie politique""".split()
)


def _credit(page: Page, i: int, *, bare: bool = False) -> list[str]:
    """The names of line `i` when it is a `By` line (or with `bare`, names alone), else none."""
    if not 0 <= i < len(page.lines):
        return []
    byline = parse_byline(page.text(i))
    if byline is None and bare:
        byline = parse_name_line(page.text(i))
    return list(byline.byline) if byline is not None else []


def _worded(text: str) -> bool:
    """Whether a headline reads as a sentence: longer than a menu's link and with a word in lower
    case (`Contact Us`, `Renovation Diary`: Title Case links a name line could follow)."""
    words = text.split()
    return len(words) > _SECTION_WORDS and any(w[:1].islower() for w in words[1:])


def _dated(page: Page, i: int) -> bool:
    """Whether line `i` is a date line alone."""
    return 0 <= i < len(page.lines) and parse_date_line(page.text(i)) is not None


def _entry(page: Page, i: int, bare: bool) -> int | None:
    """Where the teaser entry opening with the headline at line `i` ends (exclusive), or None
    (`_entry_end`), read once per page."""
    if (i, bare) not in page.teaser_entries:
        page.teaser_entries[i, bare] = _entry_end(page, i, bare)
    return page.teaser_entries[i, bare]


def _entry_end(page: Page, i: int, bare: bool) -> int | None:
    """Where the teaser entry opening with the headline at line `i` ends (exclusive): a
    headline-shaped line, its `By` line (with `bare`, maybe its names alone under a headline
    that reads as one), perhaps a date line; None if no entry opens there."""
    text = page.text(i)
    if is_paragraph(text) or not is_headline_like(text) or parse_byline(text) is not None:
        return None
    # With `bare`, an entry signed by no one may show its date alone under a headline that
    # reads as one (`headline` / `Jane Roe · 12 nov. 2025` / `headline` / `03.05.2025`), not
    # under a writer's job (`Senior Editor` / `Oct. 9, 2024`).
    worded = bare and _worded(text)
    if not _credit(page, i + 1, bare=worded) and not (worded and _dated(page, i + 1)):
        return None
    end = i + 3 if _dated(page, i + 2) else i + 2
    if end < len(page.lines) and is_paragraph(page.text(end)):
        return None  # the story's own headline and byline: its text follows
    return end


def _column_end(page: Page, i: int) -> int | None:
    """Where the entry of an opinion box opening with a columnist's name alone at line `i` ends
    (exclusive): the name, their column's headline reading as one, perhaps its date; None if no
    entry opens there."""
    if parse_byline(page.text(i)) is not None or parse_name_line(page.text(i)) is None:
        return None
    if i + 1 >= len(page.lines):
        return None
    text = page.text(i + 1)
    if is_paragraph(text) or not is_headline_like(text) or not _worded(text):
        return None
    end = i + 3 if _dated(page, i + 2) else i + 2
    if end < len(page.lines) and is_paragraph(page.text(end)):
        return None  # the story's own writer over its headline: its text follows
    return end


def _runs(page: Page, own: int | None, bare: bool = False) -> list[list[int]]:
    """The runs of teaser entries on the page, each as the lines of its `By` lines (with `bare`,
    or of its names alone, over or under their headlines); the story's own headline (`own`)
    opens no entry, whatever line (`Share`, a photo credit) parts its `By` line from its
    text."""
    if (own, bare) in page.teaser_runs:
        return page.teaser_runs[own, bare]
    runs = _shaped_runs(page, own, lambda j: (j + 1, _entry(page, j, bare)))
    if bare:
        runs += _shaped_runs(page, own, lambda j: (j, _column_end(page, j)), headline=1)
    page.teaser_runs[own, bare] = runs
    return runs


def _shaped_runs(
    page: Page,
    own: int | None,
    entry: Callable[[int], tuple[int, int | None]],
    headline: int = -1,
) -> list[list[int]]:
    """The runs of entries of one shape (`entry` gives an entry's credit line and its end), each
    as its credit lines; an entry's headline stands `headline` lines from its credit."""
    runs: list[list[int]] = []
    i = 0
    while i < len(page.lines):
        credits: list[int] = []
        j = i
        while j < len(page.lines):
            credit, end = entry(j)
            if end is None or credit + headline == own:
                break
            credits.append(credit)
            j = end
        # A list of other stories heads each with its own headline: the same one twice is the
        # story's own headline printed again (over its date, then over its byline).
        heads = {page.keys[k + headline] for k in credits}
        if len(credits) >= _MIN_RUN and len(heads) == len(credits):
            runs.append(credits)
        i = max(j, i + 1)
    return runs


def teaser_credit(page: Page, i: int, own: int | None = None, *, bare: bool = False) -> bool:
    """Whether line `i` is the `By` line of one entry in a run of teasers signed by others, the
    story's own headline being line `own`; with `bare`, also its names alone (`headline` /
    `Jane Roe`): they lend no byline, though such a run is too weak a sign of a list to take its
    headlines for teasers'."""
    for credits in _runs(page, own, bare):
        if i in credits:
            names = {tuple(_credit(page, k, bare=bare)) for k in credits}
            return len(names) > 1  # one writer's own list of stories is no misfire to fear
    return False


def teaser_headline(page: Page, i: int) -> bool:
    """Whether line `i` is the headline of one entry in a run of teasers signed by others."""
    return teaser_credit(page, i + 1)


def _short(page: Page, j: int) -> bool:
    """Whether line `j` is a short run of words alone, as a menu's link is (`Public Safety`)."""
    words = page.text(j).split()
    return 1 <= len(words) <= _SECTION_WORDS and all(w.isalpha() for w in words)


def _menu(page: Page, mark: int) -> set[str]:
    """The links of the menus above the headline (`mark`): short lines in a run of them."""
    if mark in page.section_menus:
        return page.section_menus[mark]
    short = [_short(page, k) for k in range(mark)]
    links: set[str] = set()
    for j in range(mark - _MENU_RUN + 1):
        if all(short[j : j + _MENU_RUN]):
            links.update(page.keys[j : j + _MENU_RUN])
    page.section_menus[mark] = links
    return links


def top_section(name: str) -> bool:
    """Whether a name dated under the headline opens with a site's top section and goes on with
    one under it (`World Europe | 05.04.2025`): the story's section, not its writer."""
    words = name.split()
    return len(words) > 1 and words[0].istitle() and words[0].casefold() in _TOP_SECTIONS


def section_trail(page: Page, i: int, mark: int, names: list[str]) -> bool:
    """Whether line `i`, a run of plain words read as `names`, is wholly made of links of the
    menu above the headline (`mark`), two or more of them (`Real Estate` / `Public Safety` over
    `Real Estate Public Safety`), or opens with a top section: a breadcrumb, not a name."""
    words = page.text(i).split()
    if not all(w.isalpha() for w in words):
        return False
    if top_section(page.text(i)):
        # `World Europe`: a site's top section, then one under it; but a writer's title read
        # apart from the name (`Health Correspondent Jane Roe`) makes the line a credit.
        return bool(names) and names[0].split()[0].casefold() == words[0].casefold()
    links = _menu(page, mark)
    keys = [w.casefold() for w in words]
    # parts[k]: the fewest links that spell the first k words (None: they spell none)
    parts: list[int | None] = [0] + [None] * len(keys)
    for stop in range(1, len(keys) + 1):
        for start in range(max(0, stop - _SECTION_WORDS), stop):
            before = parts[start]
            if before is not None and " ".join(keys[start:stop]) in links:
                parts[stop] = before + 1 if parts[stop] is None else min(parts[stop], before + 1)
    return (parts[-1] or 0) >= _MIN_RUN
