"""Numeric dates (`03/05/2024`, `27.04.24`): which number is the day and which the month.

A slashed date, or a dotted one with a short year, reads both ways when both numbers are 12 or
less: `10/11/2022` is the 11th of October in North America and the 10th of November almost
everywhere else, and `11.03.17` is March the 11th in Germany and November the 3rd on some
American sites. The order is then taken from evidence, strongest first: the zone printed after
the stamp's time, the page's other numeric dates that can only be read one way, and the page's
language. Without evidence only the year is certain. A dotted date with a full year
(`03.05.2024`) always puts the day first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NUMERIC = re.compile(r"^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})$")
# The same with a time after it (`03.05.2024, 16:24 Uhr`), which dateutil would read month first.
NUMERIC_TIMED = re.compile(
    r"^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})(?=[\s,|·-]+\d{1,2}[:.h]\d{2})"
)
# North America writes the month first (`10/11/2022 08:00 AM EDT`); Europe, Africa, South Asia
# and Oceania the day (`06/01/2026 - 14:02 MEZ`, `… GMT+1`). UTC and GMT alone tell nothing.
_MONTH_FIRST_ZONES = frozenset("EST EDT CST CDT MST MDT PST PDT AKST AKDT HST ET CT MT PT".split())
_DAY_FIRST_ZONES = frozenset(
    "BST IST WET WEST CET CEST MEZ MESZ EET EEST MSK SAST WAT CAT EAT AWST AEST AEDT ACST ACDT"
    " NZST NZDT".split()
)
_STAMP_ZONE = re.compile(r"\b([A-Z]{2,5})\b|(?<![\d:])\+\d{2}:\d{2}\b")
# A numeric date anywhere in a line, as evidence of the page's order.
_NUMERIC_IN_TEXT = re.compile(r"(?<![\d./])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d./])")
# Languages whose numeric dates are not written day first: English is written both ways, and
# Chinese, Japanese and Korean put the year first.
_NOT_DAY_FIRST = frozenset({"en", "zh", "ja", "ko"})


def zone_day_first(rest: str) -> bool | None:
    """Whether the zone after a numeric date puts its day first (True), its month (False)."""
    for match in _STAMP_ZONE.finditer(rest):
        name = match.group(1)
        if name is None:
            return True  # `GMT+1`, rewritten `+01:00`: east of Greenwich
        if name in _MONTH_FIRST_ZONES:
            return False
        if name in _DAY_FIRST_ZONES:
            return True
    return None


def numeric_parts(
    a: str, sep: str, b: str, year_text: str, day_first: bool | None = None
) -> tuple[int, int | None, int | None]:
    """(year, month, day) of a numeric date; month and day are None when the order is open."""
    year = int(year_text)
    if year < 100:
        year += 2000 if year < 70 else 1900
    first, second = int(a), int(b)
    if (sep == "." and len(year_text) == 4) or first > 12 >= second:
        return year, second, first
    if second > 12 >= first or first == second:
        return year, first, second
    if day_first is None:
        return year, None, None
    return (year, second, first) if day_first else (year, first, second)


def page_day_first(texts: Iterable[str], language: str | None) -> bool | None:
    """How a page orders its numeric dates: as its dates that read one way only do, or day
    first in a language that writes dates so; None when nothing tells or the evidence clashes."""
    votes: set[bool] = set()
    for text in texts:
        if "/" not in text and "." not in text:
            continue
        for match in _NUMERIC_IN_TEXT.finditer(text):
            a, sep, b, year = match.groups()
            if sep == "." and len(year) == 4:
                continue  # written day first everywhere: no evidence of the page's own order
            first, second = int(a), int(b)
            if first > 12 >= second >= 1 and first <= 31:
                votes.add(True)
            elif second > 12 >= first >= 1 and second <= 31:
                votes.add(False)
    if votes:
        return votes.pop() if len(votes) == 1 else None
    if language is not None and language not in _NOT_DAY_FIRST:
        return True
    return None
