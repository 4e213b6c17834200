"""The year a Japanese portal's stamp leaves out, from the page's own evidence.

A Japanese news portal stamps a story with its month, day and weekday only (`3/14(木) 18:30配信`,
`CNET Japan 3/9(木) 18:45配信`, `最終更新:3/14(木) 19:02`, `3/14(木) 19:15`). The weekday fixes the
year among few: the stamp is given the year the page's own copyright line at its foot states
(`© 2024 …`, one year, not a range) when that year puts that day on that weekday and no other
copyright on the page states another year: a copyright over a picture is the picture's. Otherwise
the stamp is left as it is and dates nothing: the clock is never asked, as a page may be read
years after it was written. The body keeps the stamp as the page wrote it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from indexer.normalize.dates import COPYRIGHT, copyright_year, year_for_weekday
from indexer.normalize.lines import Line

# What a stamp says was done at its time (`配信`: delivered, `更新`: updated).
_DONE = "配信|更新"
# A stamp line: a label or the provider's name (`最終更新:`, `CNET Japan`), month and day, the
# weekday in brackets, perhaps the time and what was done then; no year before them
# (`2024/3/14(木)` is read as it is), and nothing after (a sentence naming a day).
_STAMP = re.compile(
    r"^(?P<label>[^\d]{0,30}?[:：]?\s*)(?P<month>\d{1,2})(?P<sep>/|月)(?P<day>\d{1,2})日?"
    rf"\s*[(（](?P<weekday>[月火水木金土日])[)）]\s*(?P<time>\d{{1,2}}:\d{{2}})?\s*(?P<done>{_DONE})?\s*$"
)
# Words before a date say what happens on it (`説明会：5/8(水) 18:30`: a meeting's day;
# `合格発表：`, `映画公開：`), not when the story was sent, unless the line says so
# (`… 18:30配信`) or the label is a stamp's own (`最終更新:`, `公開日：`). A day alone, with no
# label and no time (`1月10日 (金)`), heads a digest's or a schedule's list of that day.
_STAMP_LABEL = re.compile(r"^(?:最終)?(?:更新|配信|公開|掲載|投稿)(?:日時?)?$")
_WEEKDAYS = "月火水木金土日"  # Monday first, as `datetime.weekday` counts


def with_stamp_years(lines: list[Line]) -> list[Line]:
    """The lines, each year-less Japanese stamp given the one year the page's evidence fits."""
    if not any(_STAMP.match(line.text) for line in lines):
        return lines
    footer = next((line.text for line in reversed(lines) if COPYRIGHT.match(line.text)), None)
    year = copyright_year(footer) if footer is not None else None
    years = {found for line in lines if (found := copyright_year(line.text)) is not None}
    if year is None or years != {year}:
        return lines  # no year at the foot, or another year beside it: the evidence disagrees
    return [_dated(line, year) for line in lines]


def _dated(line: Line, page_year: int) -> Line:
    """One line, its year-less stamp given `page_year` if its weekday fits that year."""
    match = _STAMP.match(line.text)
    if match is None or not _sent(match):
        return line
    month, day = int(match.group("month")), int(match.group("day"))
    year = year_for_weekday(month, day, _WEEKDAYS.index(match.group("weekday")), [page_year])
    if year is None:
        return line
    # `2024/3/14(木)`, `2024年3月14日(木)`: the stamp as a portal that prints its year writes it.
    sep = "/" if match.group("sep") == "/" else "年"
    start = match.start("month")
    dated = f"{line.text[:start]}{year}{sep}{line.text[start:]}"
    return replace(line, text=dated, written=line.text)


def _sent(stamp: re.Match[str]) -> bool:
    """Whether a year-less date line stamps when the story was sent, not a day it tells of."""
    label = stamp.group("label").strip(" :：")
    if stamp.group("done"):
        return True
    return bool(_STAMP_LABEL.match(label)) if label else stamp.group("time") is not None
