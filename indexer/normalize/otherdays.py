"""Header days that date something other than the story's going online (`header.py` asks).

A paper's site stamps a story it printed with its issue (`Aus: Ausgabe vom 26.04.2024, Seite
1`, a bare `18.05.2026` over the menus), but the story went online before the issue came out:
the evening before, or days before a weekly's. So a day the page names as its printed issue's,
stamped without a time of day, is no evidence of the day the page was published.

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
_LIVE = re.compile(
    r"^(?:live|live[- ]?blog|live[- ]?ticker|ticker|live updates|live coverage|en direct"
    r"|en vivo|en directo|ao vivo|in diretta|na żywo|živě)\W*$",
    re.IGNORECASE,
)


def live_blog(page: Page, title_at: int | None) -> bool:
    """Whether the headline's kicker marks a live blog (`LIVE`, `Liveticker`, `En direct`)."""
    if title_at is None:
        return False
    return any(_LIVE.match(page.text(i)) for i in range(max(0, title_at - KICKER), title_at))


def issue_day(page: Page, day: PartialDate, header: range) -> bool:
    """Whether `day` is the day of the printed issue the page cites, and no line of the `header`
    stamps it with a time of day (`26.04.2024, 18:30 Uhr`: the site's own stamp)."""
    issues = {
        hit[0]
        for line in page.lines
        if print_edition(line.text) and (hit := find_date(line.text, page.day_first)) is not None
    }
    if day not in issues:
        return False
    return not any(
        CLOCK.search(page.text(i)) and any(date == day for _, date in page_dates(page, i))
        for i in header
    )
