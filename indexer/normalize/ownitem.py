"""The story's own item in a list of stories on its page (`Latest News`), and the day it gives.

A site lists its newest stories beside each one, the story itself among them: its headline
again, word for word, over the bare stamp of the day it ran (`Mbumba recounts Geingob's last
days` / `20 February, 2024`). Whether a list's stamp stands under its headline or over it the
list shows by its pattern: headline and stamp in turn, and no stamp over the story's own, which
opens a list the page heads as its stories (`Latest News`, `Most read`): a calendar's list
(`Upcoming events`) gives the day of the event a story announces. A column's standing title
(`Letters to the editor`, `Morning briefing`) recurs day after day, so its copy in a list is
as likely another day's edition: only a headline of a sentence's length names one story.
"""

from __future__ import annotations

from indexer.models import PartialDate
from indexer.normalize.boilerplate import box_kind
from indexer.normalize.lines import word_count
from indexer.normalize.stamplines import page_dates
from indexer.normalize.story import Page

HEADER_REACH = 8  # a copy of the headline this near it is the header's own (a trail, a share box)
_STAMP_CHARS = 40  # a list's stamp line holds its date and time alone
_STANDING_WORDS = 4  # a column's standing title, the same each day, is a name of a few words


def listed_day(page: Page, title_at: int | None) -> PartialDate | None:
    """The one day the page's lists of stories give the story itself, or None."""
    if title_at is None or word_count(page.text(title_at)) <= _STANDING_WORDS:
        return None
    key = page.keys[title_at]
    days = {
        day
        for j, other in enumerate(page.keys)
        if other == key and abs(j - title_at) > HEADER_REACH
        if (day := _item_day(page, j)) is not None
    }
    return days.pop() if len(days) == 1 else None


def _item_day(page: Page, j: int) -> PartialDate | None:
    """The day under the headline at line `j`, when the lines there run headline, stamp,
    headline, stamp under a heading of a list of stories (the stamp under it is then its own)."""
    if j < 1 or box_kind(page.text(j - 1)) != "links" or _stamp(page, j + 2) is not None:
        return None
    day = _stamp(page, j + 1)
    return day if day is not None and _stamp(page, j + 3) is not None else None


def _stamp(page: Page, i: int) -> PartialDate | None:
    """The day of line `i` if it is a short stamp of one published day."""
    if not 0 <= i < len(page.lines) or len(page.text(i)) > _STAMP_CHARS:
        return None
    days = {date for kind, date in page_dates(page, i) if kind == "published"}
    day = days.pop() if len(days) == 1 else None
    return day if day is not None and day.day is not None else None
