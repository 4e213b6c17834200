"""Header days that date something other than the story's going online (`header.py` asks).

A paper's site stamps a story it printed with its issue (`Aus: Ausgabe vom 26.04.2024, Seite
1`, a bare `18.05.2026` over the menus), but the story went online before the issue came out:
the evening before, or days before a weekly's. So a day the page names as its printed issue's,
stamped above the headline without a time of day, is no evidence of the day the page was
published; a stamp by the byline is the site's own, though it names the issue's day.

A live blog (`LIVE` or `Liveticker` over its headline) stamps its header with its latest entry,
not with the day it was opened; only a `Published` label dates it.
"""

from __future__ import annotations

import re

from indexer.models import PartialDate
from indexer.normalize.dates import find_date
from indexer.normalize.masthead import CLOCK
from indexer.normalize.stamplines import page_dates, print_edition
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
