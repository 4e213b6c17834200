"""A masthead's date: the day a page was printed or looked at, not the day of its story.

A newspaper's site prints today's date at its top (`TORSDAG 8 JANUARI 2026`, `Sunday, 24
November 2019`), above its menus, and dates its story by the headline. Such a date names the
weekday and no time of day. It is the story's day only when the header stamps the story by a time
alone (`Publicerad 14.14`): the story ran on the day the page was printed.
"""

from __future__ import annotations

import re

from indexer.models import PartialDate
from indexer.normalize.cluster import ABOVE_TITLE
from indexer.normalize.dates import find_date, time_label
from indexer.normalize.monthnames import weekday_number, weekday_words
from indexer.normalize.stamplines import page_dates
from indexer.normalize.story import Page

# A time of day (`2:57 PM`, `18.50 Uhr`, `14h30`, `10:31:05 am`, `01時40分`), not the parts of a
# dotted date.
CLOCK = re.compile(
    r"(?<![\d.:/])\d{1,2}(?:[:.h]\d{2}(?::\d{2})?(?![\d.:/])|\s*[ap]\.?m\b|\s*時)",
    re.IGNORECASE,
)
_PARTS = re.compile(r"\s[|·•]\s")
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def masthead_day(page: Page, i: int, title_at: int | None) -> bool:
    """Whether line `i` is a masthead's date: above the headline past its kicker, the day named
    with its weekday (`Sunday, 24 November 2019`; not `The Sunday Times, 3 March 2019`) and
    no time of day."""
    if title_at is None or i >= title_at - ABOVE_TITLE:
        return False
    text = page.text(i)
    found = find_date(text) if CLOCK.search(text) is None else None
    if found is None:
        return False
    first = _WORDS.match(found[1])  # `Wed, Oct 16, 2024`: the date read with its weekday
    if first is not None and weekday_number(first.group()) is not None:
        return True
    return weekday_words(_WORDS.findall(text[: text.find(found[1])])) > 0


def stamped_today(page: Page, lines: list[int]) -> str | None:
    """How one of `lines` stamps the story by a time of day alone (`Publicerad 14.14`:
    `published`; `Updated 9:05 AM`: `updated`): it ran, or changed, on the day the page was
    printed. `published` when any part of a line says so."""
    found = None
    for i in lines:
        text = page.text(i)
        if CLOCK.search(text) is None or find_date(text) is not None:
            continue
        kinds = {time_label(part.strip()) for part in _PARTS.split(text)}
        if "published" in kinds:
            return "published"
        found = found or ("updated" if "updated" in kinds else None)
    return found


def masthead_today(page: Page, title_at: int | None) -> PartialDate | None:
    """The one day the masthead names above the headline, for a story stamped by its time."""
    days = {
        date
        for i in range(title_at or 0)
        if masthead_day(page, i, title_at)
        for kind, date in page_dates(page, i)
        if kind == "published"
    }
    return days.pop() if len(days) == 1 else None
