"""Numeric dates (`03/05/2024`, `27.04.24`): which number is the day and which the month.

A slashed date, or a dotted one with a short year, reads both ways when both numbers are 12 or
less: `10/11/2022` is the 11th of October in North America and the 10th of November almost
everywhere else, and `11.03.17` is March the 11th in Germany and November the 3rd on some
American sites. The order is then taken from evidence, strongest first: the zone printed after
the stamp's time, the page's other numeric dates of the same separator that can only be read
one way, a zone after a clock on the stamp's line or a short meta line of an English page
(`3:15 p.m. EDT`: North America; `18:40 IST`: India), and the page's language. A date on the
page that names its month settles a numeric one of the same day (`9/12/2024` beside
`WASHINGTON, Sept 12` or `Sept. 12, 2024` is September the 12th: a page writes its dates in
one order), as does a year-first one of that day and year (`11.03.17` beside `2017-11-03`, in
a link or the page's data) where the page's language leaves the order open: such a date may be
another story's, as one before a title on its line is (a list's entry). Evidence that disagrees
settles nothing: without evidence only the year is certain. A dotted date with a full year
(`03.05.2024`) puts the day first, unless its second number is no month (`11.14.2019 09:00 AM`:
some American sites write their stamps so).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.normalize.calendars import short_year
from indexer.normalize.monthnames import MONTH_ANY, MONTH_NUMBER

NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$")
# The same with a time after it (`03.05.2024, 16:24 Uhr`), which dateutil would read month first.
NUMERIC_TIMED = re.compile(
    r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?=[\s,|·-]+\d{1,2}[:.h]\d{2})"
)
# North America writes the month first (`10/11/2022 08:00 AM EDT`); Europe, Africa, South and
# South-East Asia, South America and Oceania the day (`06/01/2026 - 14:02 MEZ`, `… GMT+1`,
# Indonesia's `03/12/2026, 06:20 WIB`). UTC and GMT alone tell nothing.
_MONTH_FIRST_ZONES = frozenset("EST EDT CST CDT MST MDT PST PDT AKST AKDT HST ET CT MT PT".split())
_DAY_FIRST_ZONES = frozenset(
    "BST IST WET WEST CET CEST MEZ MESZ EET EEST MSK SAST WAT CAT EAT AWST AEST AEDT ACST ACDT"
    " NZST NZDT WIB WITA WIT ICT SGT MYT HKT PKT BRT ART".split()
)
# A stamp prints its zone right after its time of day (`, 06:20 WIB`, `08:00 AM EDT`, `14:02 Uhr
# (MEZ)`, rewritten `+01:00`); a capital word further on is a section's or a label's (`| ART`,
# `in ICT`, `BRT Project`), not a zone.
_STAMP_ZONE = re.compile(
    r"^[\s,|·-]*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:(?i:[ap]\.?\s?m\.?|uhr)\s*)?\(?"
    r"(?:([A-Z]{2,5})\b|\+\d{2}:\d{2}\b)"
)
# A numeric date anywhere in a line, as evidence of the page's order.
_NUMERIC_IN_TEXT = re.compile(r"(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d./-])")
# A day with its month named, either way round: `Sept 12`, `Sept. 12, 2024`, `12 September`.
_NAMED_DAY = re.compile(
    rf"(?P<month>{MONTH_ANY})\.?\s+(?P<day>\d{{1,2}})(?!\d)"
    rf"|(?<!\d)(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<month2>{MONTH_ANY})"
)
_DIGIT = re.compile(r"\d")
# A year-first date with hyphens, read one way everywhere (`2017-11-03`, ISO 8601), unless a
# title follows it on its line, perhaps after its time: a list's entry, another story's day.
_ISO_DAY = re.compile(
    r"(?<![\d-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d-])(?!(?:\s+\d{1,2}:\d{2})?\s+[^\W\d_])"
)
# A clock with its zone, as a stamp writes its time: `3:15 p.m. EDT`, `10:00 AM ET`, `14:02 IST`.
_ZONED_CLOCK = re.compile(
    r"(?<![\d:])(?:\d{1,2}:\d{2}(?:\s*(?i:[ap]\.?\s?m\.?))?|\d{1,2}\s*(?i:[ap]\.?\s?m\.?))"
    r"\s*\(?([A-Z]{2,5})\b"
)
# A line this short is a stamp or meta line (`Updated 3:15 p.m. EDT`), not a story's sentence.
_META_LINE = 60
# Languages whose numeric dates are not written day first: English is written both ways, and
# Chinese, Japanese and Korean put the year first.
_NOT_DAY_FIRST = frozenset({"en", "zh", "ja", "ko"})


def zone_day_first(rest: str) -> bool | None:
    """Whether the zone after a numeric date puts its day first (True), its month (False)."""
    match = _STAMP_ZONE.match(rest)
    if match is None:
        return None
    if match.group(1) is None:
        return True  # `GMT+1`, rewritten `+01:00`: east of Greenwich
    return _zone_order(match.group(1))


def _zone_order(name: str) -> bool | None:
    """Whether a zone's region writes the day first (True), the month (False); None if unknown."""
    if name in _MONTH_FIRST_ZONES:
        return False
    if name in _DAY_FIRST_ZONES:
        return True
    return None


def numeric_parts(
    a: str,
    sep: str,
    b: str,
    year_text: str,
    day_first: bool | None = None,
    buddhist: bool | None = None,
) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a numeric date; month and day are None when the order is open, the
    year when its two digits may name more than one (see `calendars.short_year`)."""
    year: int | None = int(year_text)
    if len(year_text) == 2:
        year = short_year(int(year_text), buddhist)
    if year is None:
        return None, None, None
    first, second = int(a), int(b)
    if (sep == "." and len(year_text) == 4 and second <= 12) or first > 12 >= second:
        return year, second, first
    if second > 12 >= first or first == second:
        return year, first, second
    if day_first is None:
        return year, None, None
    return (year, second, first) if day_first else (year, first, second)


def page_day_first(texts: Iterable[str], language: str | None) -> bool | None:
    """How a page orders its numeric dates: as its dates that read one way only do, or day
    first in a language that writes dates so; None when nothing tells or the evidence clashes."""
    texts = list(texts)
    # Votes of the dates that read one way, by separator: a page may write `23.04.24` in its
    # archive list and `04/11/2024` in its stamp, each in its own convention.
    by_sep: dict[str, set[bool]] = {}
    both_ways: set[tuple[int, int]] = set()
    open_years: set[tuple[int, int, int]] = set()  # the same with its year
    open_seps: set[str] = set()
    stamp_lines: set[str] = set()
    for text in texts:
        if "/" not in text and "." not in text:
            continue
        for match in _NUMERIC_IN_TEXT.finditer(text):
            a, sep, b, year = match.groups()
            if sep == "." and len(year) == 4:
                continue  # written day first everywhere: no evidence of the page's own order
            first, second = int(a), int(b)
            if first > 12 >= second >= 1 and first <= 31:
                by_sep.setdefault(sep, set()).add(True)
            elif second > 12 >= first >= 1 and second <= 31:
                by_sep.setdefault(sep, set()).add(False)
            elif 1 <= first <= 12 and 1 <= second <= 12 and first != second:
                both_ways.add((first, second))
                open_years.add((first, second, int(year) % 100))
                open_seps.add(sep)
                stamp_lines.add(text)
    votes: set[bool] = set()
    for sep in open_seps or by_sep:  # with no date open to both readings, all dates count
        votes |= by_sep.get(sep, set())
    if both_ways:
        votes |= _named_votes(texts, both_ways)
        if language is None or language in _NOT_DAY_FIRST:
            # A year-first date may be any story's (a related list's); it settles only an
            # order the page's language leaves open.
            votes |= _iso_votes(texts, open_years)
        if language == "en":
            votes |= _zone_votes(texts, stamp_lines)
    if votes:
        return votes.pop() if len(votes) == 1 else None
    if language is not None and language not in _NOT_DAY_FIRST:
        return True
    return None


def _zone_votes(texts: list[str], stamp_lines: set[str]) -> set[bool]:
    """The orders that the zones after clocks on the stamp's lines or on short meta lines give
    an English page: month first in North America, day first in Britain, Ireland, India, Europe,
    Africa and Oceania (GMT and UTC tell nothing)."""
    votes: set[bool] = set()
    for text in texts:
        if text not in stamp_lines and len(text.strip()) > _META_LINE:
            continue
        for match in _ZONED_CLOCK.finditer(text):
            order = _zone_order(match.group(1))
            if order is not None:
                votes.add(order)
    return votes


def _iso_votes(texts: list[str], dates: set[tuple[int, int, int]]) -> set[bool]:
    """The orders that the page's year-first dates (`2017-11-03`, one reading only) give its
    numeric `dates` (first number, second, year's last two digits) of the same day."""
    votes: set[bool] = set()
    for text in texts:
        if "-" not in text:
            continue
        for match in _ISO_DAY.finditer(text):
            year, month, day = (int(n) for n in match.groups())
            if (day, month, year % 100) in dates:
                votes.add(True)
            if (month, day, year % 100) in dates:
                votes.add(False)
    return votes


# What may precede a date that stamps the page on its line: nothing, a label (`Published`) or a
# dateline's place (`WASHINGTON,`); words in lower case or a preposition (`concert on`) make it
# a day the story names (an event's), not the page's own day written another way.
_STAMP_BEFORE = re.compile(
    r"^\s*(?:(?!(?i:on|at|in|by|for|from|to|until|till|since|before|after|through)\b)"
    r"[A-Z][\w.'’-]*[,:|·\s-]*){0,3}$"
)


def _named_votes(texts: list[str], pairs: set[tuple[int, int]]) -> set[bool]:
    """The orders that the page's dates with a named month give its numeric `pairs` (first and
    second number) of the same day: day first where the first number is the named day."""
    votes: set[bool] = set()
    for text in texts:
        if not _DIGIT.search(text):
            continue  # no day: a cheap test before the long alternation of month names
        for match in _NAMED_DAY.finditer(text):
            if not _STAMP_BEFORE.match(text[: match.start()]):
                continue  # a day the story's sentences name (an event's) is another day
            month = MONTH_NUMBER[(match.group("month") or match.group("month2")).lower()]
            day = int(match.group("day") or match.group("day2"))
            if (day, month) in pairs:
                votes.add(True)
            if (month, day) in pairs:
                votes.add(False)
    return votes
