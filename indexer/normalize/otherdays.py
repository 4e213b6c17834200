"""Header days that date something other than the story's going online (`header.py` asks).

A paper's site stamps a story it printed with its issue (`Aus: Ausgabe vom 26.04.2024, Seite
1`, a bare `18.05.2026` over the menus), but the story went online before the issue came out:
the evening before, or days before a weekly's. So a day the page names as its printed issue's,
stamped above the headline without a time of day, is no evidence of the day the page was
published; a stamp by the byline is the site's own, though it names the issue's day.

A live blog (`LIVE` or `Liveticker` over its headline) stamps its header with its latest entry,
not with the day it was opened; only a `Published` label dates it.

A box of labelled facts (`Director: …`, `Runtime: 118 min`, `Release date: 13 February 2026`)
describes the work a review or a notice is about; a day it names is the work's (its release, its
premiere, an event's day), not the story's, unless its label names the page's own date.
"""

from __future__ import annotations

import re

from indexer.models import PartialDate
from indexer.normalize.dates import find_date
from indexer.normalize.lines import word_count
from indexer.normalize.masthead import CLOCK
from indexer.normalize.stamplines import names_stamp, names_update, page_dates, print_edition
from indexer.normalize.story import Page

KICKER = 2  # lines over the headline where its kicker stands
# `En direct`, `Ao vivo`…: a page's live coverage named in the languages it is read in.
_LIVE_WORDS = r"en direct|en vivo|en directo|ao vivo|in diretta|na żywo|živě"
_LIVE = re.compile(
    rf"^(?:live|live[- ]?blog|live[- ]?ticker|live updates|live coverage|{_LIVE_WORDS})\W*$",
    re.IGNORECASE,
)


# A time alone on its line, as a live page opens each entry (`16:40`, `15.02 GMT`, `9:05 a.m.`).
ENTRY_TIME = re.compile(
    r"^\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|gmt|bst|cet|cest|est|edt|pst|pdt|utc|uhr|h))?$",
    re.IGNORECASE,
)
# A headline that names its live coverage (`… live: …`, `+++ … +++`, `en direct`).
_LIVE_HEADLINE = re.compile(rf"\+\+\+|\b(?:live|liveticker|{_LIVE_WORDS})\b", re.IGNORECASE)
LIVE_ENTRIES = 3  # timed entries that make a live page
FACT_BOX = 3  # labelled lines in a row that make a box of facts
_FACT_LABEL_WORDS = 3
# `Release date: March 4, 2025`: a short label without figures, its colon, then the value.
_FACT = re.compile(r"^([^\W\d_][^:\d]{0,23}):\s+\S")


def live_blog(page: Page, title_at: int | None) -> bool:
    """Whether the headline's kicker marks a live blog (`LIVE`, `Liveticker`, `En direct`) and
    the page is one: its headline names it live, or its entries open on their times. A menu's
    `Live` link over an explainer's headline marks none."""
    if title_at is None:
        return False
    if not any(_LIVE.match(page.text(i)) for i in range(max(0, title_at - KICKER), title_at)):
        return False
    if _LIVE_HEADLINE.search(page.text(title_at)):
        return True
    entries = sum(1 for line in page.lines if ENTRY_TIME.match(line.text))
    return entries >= LIVE_ENTRIES


def issue_day(page: Page, day: PartialDate, header: range, title_at: int | None) -> bool:
    """Whether `day` is the day of the printed issue the page cites, stamped only above the
    headline (a bare date over the menus) and never with a time of day in the `header`: a stamp
    by the byline (`By Jane Doe JAN. 13, 2017`) or a timed one is the site's own."""
    issues = {
        hit[0]
        for line in page.lines
        if print_edition(line.text)
        and (hit := find_date(line.text, page.day_first, page.buddhist)) is not None
    }
    if day not in issues:
        return False
    for i in header:
        stamped = any(date == day for _, date in page_dates(page, i))
        below = title_at is not None and i > title_at
        if stamped and (below or CLOCK.search(page.text(i))):
            return False
    return True


def fact_day(page: Page, i: int) -> bool:
    """Whether line `i` is one entry of a box of labelled facts (`Release date: March 4, 2025`
    among `Developer:` and `Price:`), and its label does not name the page's own date."""
    if not _fact(page, i) or names_stamp(page.text(i)) or names_update(page.text(i)):
        return False
    low = high = i
    while _fact(page, low - 1):
        low -= 1
    while _fact(page, high + 1):
        high += 1
    return high - low + 1 >= FACT_BOX


def _fact(page: Page, i: int) -> bool:
    """Whether line `i` is a labelled fact (`Runtime: 118 min`), its label a few words."""
    if not 0 <= i < len(page.lines):
        return False
    match = _FACT.match(page.text(i))
    return match is not None and word_count(match.group(1)) <= _FACT_LABEL_WORDS
