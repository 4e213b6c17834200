"""Dates written the Chinese and Japanese way: 2025年1月15日, 2025年1月, 1月15日（周三）.

Digits may be ASCII, full-width (２０２５年１月１５日) or Chinese numerals (二〇二五年一月十五日),
with or without spaces around 年 月 日 (or the colloquial 号). A year alone (2025年) is not read
as a date: in running text it is as often a plan or a period as a publication date. ISO dates
inside Chinese text (2025-01-15) are left to the general date parser.
"""

from __future__ import annotations

import calendar
import re

from indexer.models import PartialDate

_DIGIT = r"[0-9０-９]"
_CN_DIGITS = "〇零一二三四五六七八九"
_CN_NUMBER = "一二三四五六七八九十廿卅"
_YEAR = rf"(?P<year>{_DIGIT}{{4}}|[{_CN_DIGITS}]{{4}})"
_MONTH = rf"(?P<month>{_DIGIT}{{1,2}}|[{_CN_NUMBER}]{{1,3}})"
_DAY = rf"(?P<day>{_DIGIT}{{1,2}}|[{_CN_NUMBER}]{{1,4}})"
_WEEKDAY = r"(?:[（(，,\s]*(?:星期|礼拜|禮拜|周|週)(?P<weekday>[一二三四五六日天])[）)]?)?"
_DATE = re.compile(
    rf"(?<![0-9０-９{_CN_DIGITS}十廿卅])"
    rf"(?:{_YEAR}\s*年\s*)?{_MONTH}\s*月(?:\s*{_DAY}\s*[日号號])?{_WEEKDAY}"
)
_CN_VALUES = {char: n for n, char in enumerate("〇一二三四五六七八九")} | {"零": 0}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def _number(text: str) -> int:
    """The value of ASCII or full-width digits, or of a Chinese numeral up to 99."""
    if text[0] not in _CN_DIGITS and text[0] not in _CN_NUMBER:
        return int(text)  # int() reads full-width digits as well
    if all(char in _CN_DIGITS for char in text):  # a year read digit by digit: 二〇二五
        return int("".join(str(_CN_VALUES[char]) for char in text))
    total, digit = 0, 0
    for char in text:
        if char in "十廿卅":
            tens = {"十": 10, "廿": 20, "卅": 30}[char]
            total += (digit or 1) * tens if char == "十" else tens
            digit = 0
        else:
            digit = _CN_VALUES[char]
    return total + digit


def _valid(year: int | None, month: int, day: int | None) -> bool:
    """Whether the parts name a real day (a year-less 2月29日 counts)."""
    if year is not None and not 1900 <= year <= 2100:
        return False
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    return 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def parse_cjk_date(text: str) -> PartialDate | None:
    """The first CJK date in the text (年月日, 年月 or 月日), or None when there is none."""
    for match in _DATE.finditer(text):
        year_text, day_text = match.group("year"), match.group("day")
        if year_text is None and day_text is None:
            continue  # "1月" alone is a month of no year: not a date
        try:
            year = _number(year_text) if year_text else None
            month = _number(match.group("month"))
            day = _number(day_text) if day_text else None
        except (ValueError, KeyError):
            continue
        if not _valid(year, month, day):
            continue
        weekday = match.group("weekday")
        if year is None:
            return PartialDate(None, month, day, _WEEKDAYS[weekday] if weekday else None)
        return PartialDate(year, month, day)
    return None
