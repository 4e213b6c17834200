"""Dates in other calendars and digits: Thai Buddhist-era years, Persian solar-calendar dates,
the Islamic date Arab papers show beside the Gregorian one.

Thai pages count years from the Buddha (`4 มี.ค. 2567` is 4 March 2024: 543 years more than the
Gregorian year), with Gregorian months. Iranian pages date by the solar hijri calendar
(`۱۴ اسفند ۱۴۰۲` is 4 March 2024), whose months are not the Gregorian ones. Both write their own
digits (Thai, Persian, Bengali and Arabic-Indic digits are read as ASCII ones).

A two-digit year names the last year with those digits that is not after today: a page is never
published after it is read (`03/04/67` is 1967, not 2067). Thai pages shorten the Buddhist-era
year (`04/03/67` is 2567 BE, 2024).

Arab papers stamp a story with its day in both calendars, each marked by its era: the Islamic
(lunar hijri) date by `هـ`, the Gregorian by `م` (`الأحد - ٢٦ جمادى الآخرة ١٤٤٨ هـ - ٠٦ ديسمبر ٢٠٢٦
مـ`): the Islamic date restates the Gregorian day, so the line is that one day's stamp.
"""

from __future__ import annotations

import datetime as dt
import re

from indexer.models import PartialDate

# Every Unicode decimal digit to its ASCII form: `০৪` (Bengali), `۱۴۰۲` (Persian), `๒๕๖๗` (Thai).
_DIGITS = {
    ord(char): str(value)
    for zero in "٠۰०০੦૦୦௦౦೦൦๐໐০၀"
    for value, char in enumerate(chr(ord(zero) + n) for n in range(10))
}
BUDDHIST_OFFSET = 543
# The solar hijri months, from Farvardin (which opens at the March equinox).
PERSIAN_MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip
_PERSIAN_MONTH = "|".join(PERSIAN_MONTHS)
PERSIAN_DATE = rf"\d{{1,2}}\s+(?:{_PERSIAN_MONTH})\s+\d{{4}}(?!\d)"
_PERSIAN = re.compile(rf"(\d{{1,2}})\s+({_PERSIAN_MONTH})\s+(\d{{4}})(?!\d)")
# An Islamic date marked by its era (`٢٦ جمادى الآخرة ١٤٤٨ هـ`), and the Gregorian era's mark
# (`م`, drawn out as `مـ`) standing alone.
_HIJRI_MARKED = re.compile(r"(?<!\d)\d{1,2}\s+(?:[^\W\d_]+\s+){1,2}\d{4}\s*هـ?(?!\w)")
_GREGORIAN_ERA = re.compile(r"(?<!\w)مـ?(?!\w)")
_THAI_LETTER = re.compile(r"[\u0e00-\u0e7f]")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def short_year(digits: int, buddhist: bool | None, this_year: int | None = None) -> int | None:
    """The Gregorian year a two-digit year names (on a Thai page, `buddhist`, one of the
    Buddhist era): the last such year not after this one (one more for a clock behind the
    page's). None where that is no single year: the Gregorian reading lies ahead and, on a page
    whose calendar is unknown, a Buddhist one does not (`67`: 1967, or 2567 BE, 2024); or, on a
    Thai page, the Gregorian one does not (`24`: 2524 BE, 1981, or a Gregorian 2024)."""
    latest = (this_year or dt.date.today().year) + 1
    if buddhist:
        year = 2500 + digits - BUDDHIST_OFFSET
        return year if year <= latest < 2000 + digits else None
    year = 2000 + digits
    if year <= latest:
        return year
    if buddhist is None and 2500 + digits - BUDDHIST_OFFSET <= latest:
        return None
    return year - 100


def has_thai(text: str) -> bool:
    """Whether the text is written in Thai letters (whose short years are Buddhist-era ones)."""
    return bool(_THAI_LETTER.search(text))


def ascii_digits(text: str) -> str:
    """The text with every script's decimal digits written as ASCII ones."""
    return text.translate(_DIGITS)


def gregorian_year(text: str) -> str:
    """A Thai date's Buddhist-era year (2400 and later) as its Gregorian year; else the text."""
    if not has_thai(text):
        return text
    return _YEAR.sub(
        lambda m: str(int(m.group()) - BUDDHIST_OFFSET) if int(m.group()) >= 2400 else m.group(),
        text,
    )


def persian_date(text: str) -> PartialDate | None:
    """A solar hijri date (`14 اسفند 1402`) as its Gregorian day, if the text (its digits made
    ASCII by `ascii_digits`) holds one."""
    match = _PERSIAN.search(text)
    if match is None:
        return None
    day, month = int(match.group(1)), PERSIAN_MONTHS.index(match.group(2)) + 1
    year = int(match.group(3))
    if not 1 <= day <= 31 or not 1300 <= year <= 1500:
        return None
    return PartialDate(*_jalali_to_gregorian(year, month, day))


def _jalali_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian (year, month, day) of a solar hijri date (the arithmetic 33-year rule)."""
    year += 1595
    days = -355668 + 365 * year + (year // 33) * 8 + ((year % 33) + 3) // 4 + day
    days += (month - 1) * 31 if month < 7 else (month - 7) * 30 + 186
    date = dt.date.fromordinal(days - 365)  # `days` counts from the proleptic Gregorian year 0
    return date.year, date.month, date.day


def without_eras(text: str) -> str:
    """The text beside a Gregorian date without the Islamic date that restates its day and the
    two calendars' era marks (`الأحد - ٢٦ جمادى الآخرة ١٤٤٨ هـ -  مـ` is `الأحد -  - `)."""
    return _GREGORIAN_ERA.sub(" ", _HIJRI_MARKED.sub(" ", text))
