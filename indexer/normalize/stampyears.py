"""The year a Japanese portal's stamp leaves out, from the page's own evidence.

A Japanese news portal stamps a story with its month, day and weekday only (`3/14(木) 18:30配信`,
`CNET Japan 3/9(木) 18:45配信`, `最終更新:3/14(木) 19:02`, `3月14日(木)`). The weekday fixes the
year among few: the stamp is given the one year the page itself states (a single-year copyright
line, `© 2024 …`) that puts that day on that weekday. With no such year, or more than one, the
stamp is left as it is and dates nothing: the clock is never asked, as a page may be read years
after it was written. The body keeps the stamp as the page wrote it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from indexer.normalize.dates import copyright_year, year_for_weekday
from indexer.normalize.lines import Line

# A stamp line: a label or the provider's name (`最終更新:`, `CNET Japan`), month and day, the
# weekday in brackets, perhaps the time and what was done then (`配信`: delivered); no year
# before them (`2024/3/14(木)` is read as it is), and nothing after (a sentence naming a day).
_STAMP = re.compile(
    r"^(?P<label>[^\d]{0,30}?[:：]?\s*)(?P<month>\d{1,2})(?P<sep>/|月)(?P<day>\d{1,2})日?"
    r"\s*[(（](?P<weekday>[月火水木金土日])[)）]\s*(?:\d{1,2}:\d{2})?\s*(?:配信|更新)?\s*$"
)
_WEEKDAYS = "月火水木金土日"  # Monday first, as `datetime.weekday` counts


def with_stamp_years(lines: list[Line]) -> list[Line]:
    """The lines, each year-less Japanese stamp given the one year the page's evidence fits."""
    if not any(_STAMP.match(line.text) for line in lines):
        return lines
    years = {year for line in lines if (year := copyright_year(line.text)) is not None}
    return [_dated(line, years) for line in lines]


def _dated(line: Line, years: set[int]) -> Line:
    """One line, its year-less stamp given the year among `years` its weekday fits, if one."""
    match = _STAMP.match(line.text)
    if match is None:
        return line
    month, day = int(match.group("month")), int(match.group("day"))
    year = year_for_weekday(month, day, _WEEKDAYS.index(match.group("weekday")), years)
    if year is None:
        return line
    # `2024/3/14(木)`, `2024年3月14日(木)`: the stamp as a portal that prints its year writes it.
    sep = "/" if match.group("sep") == "/" else "年"
    start = match.start("month")
    dated = f"{line.text[:start]}{year}{sep}{line.text[start:]}"
    return replace(line, text=dated, written=line.text)
