"""Dates in other calendars and digits: Thai Buddhist-era years, Persian solar-calendar dates.

Thai pages count years from the Buddha (`4 มี.ค. 2567` is 4 March 2024: 543 years more than the
Gregorian year), with Gregorian months. Iranian pages date by the solar hijri calendar
(`۱۴ اسفند ۱۴۰۲` is 4 March 2024), whose months are not the Gregorian ones. Both write their own
digits (Thai, Persian, Bengali and Arabic-Indic digits are read as ASCII ones).
"""

from __future__ import annotations

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
PERSIAN_DATE = r"\d{1,2}\s+(?:" + "|".join(PERSIAN_MONTHS) + r")\s+\d{4}(?!\d)"
_PERSIAN = re.compile(r"(\d{1,2})\s+(" + "|".join(PERSIAN_MONTHS) + r")\s+(\d{4})(?!\d)")
_THAI_LETTER = re.compile(r"[\u0e00-\u0e7f]")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def ascii_digits(text: str) -> str:
    """The text with every script's decimal digits written as ASCII ones."""
    return text.translate(_DIGITS)


def gregorian_year(text: str) -> str:
    """A Thai date's Buddhist-era year (2400 and later) as its Gregorian year; else the text."""
    if not _THAI_LETTER.search(text):
        return text
    return _YEAR.sub(
        lambda m: str(int(m.group()) - BUDDHIST_OFFSET) if int(m.group()) >= 2400 else m.group(),
        text,
    )


def persian_date(text: str) -> PartialDate | None:
    """A solar hijri date (`۱۴ اسفند ۱۴۰۲`) as its Gregorian day, if the text holds one."""
    match = _PERSIAN.search(ascii_digits(text))
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
    g_year = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        g_year += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    g_year += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        g_year += (days - 1) // 365
        days = (days - 1) % 365
    g_day = days + 1
    leap = g_year % 4 == 0 and (g_year % 100 != 0 or g_year % 400 == 0)
    lengths = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    g_month = 0
    while g_day > lengths[g_month]:
        g_day -= lengths[g_month]
        g_month += 1
    return g_year, g_month + 1, g_day
