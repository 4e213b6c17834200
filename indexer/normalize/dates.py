"""Publication dates at the precision and on the local day the text states; the year pass."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as date_parser
from dateutil import tz

from indexer.models import Article, PartialDate
from indexer.normalize.boilerplate import COPYRIGHT
from indexer.normalize.calendars import (
    PERSIAN_DATE,
    ascii_digits,
    gregorian_year,
    has_thai,
    persian_date,
)
from indexer.normalize.dateorder import NUMERIC, NUMERIC_TIMED, numeric_parts, zone_day_first
from indexer.normalize.lines import cjk_count
from indexer.normalize.monthnames import (
    MONTH_ANY,
    MONTH_NUMBER,
    MONTHS,
    SHORT_WEEKDAY,
    WEEKDAYS,
    weekday_number,
)

# English month names and abbreviations, for wire datelines (`Jan 15`, `FEB 26`, `Sept. 3`).
MONTH_PATTERN = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Month names dateutil cannot read as one word: Devanagari's vowel signs are no letters to it.
_MARKED = sorted((re.escape(n) for n in MONTH_NUMBER if not n.isalpha()), key=len, reverse=True)
_MARKED_MONTH = re.compile(r"(?i:" + "|".join(_MARKED) + r")")
_WEEKDAY_ANY = (
    r"\b(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?"
    r"|fri|sat|sun)\b\.?"
)
# A wire's date line spells its zone out (`04:05 PM Eastern Standard Time`, `Central European
# Summer Time`): no name of a writer. The day stands as written, so the parser drops it.
_SPELLED_ZONE = (
    r"(?:(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii|Western)(?: European)?"
    r"|Greenwich Mean|British|Coordinated Universal|India|Japan|Korea|China)"
    r"(?: (?:Standard|Daylight|Summer))? Time\b"
)
_SPELLED_ZONE_AT = re.compile(rf"\s*\b(?:{_SPELLED_ZONE})")
# An offset zone (`GMT+8`) is tried before a bare abbreviation, which would stop at `GMT`.
_ZONE = (
    rf"(?:GMT|UTC)\s*[+-]\d{{1,2}}(?::?\d{{2}})?|[+-]\d{{2}}:?\d{{2}}|{_SPELLED_ZONE}"
    r"|[A-Z]{2,5}\b"
)
_AM_PM = r"(?:[aApP]\.?[mM]\b\.?)"
_TIME = (
    rf"\d{{1,2}}(?:[:.]\d{{2}}){{1,2}}\s*{_AM_PM}?(?:\s*(?:{_ZONE}))?"
    rf"|\d{{1,2}}\s*{_AM_PM}(?:\s*(?:{_ZONE}))?"
)
# Brazilian papers abbreviate the month between dots, with no spaces (`2.set.2025 às 4h00`);
# `set` and `out` (September, October) are common words elsewhere, so they are read only so.
# The date stands as a word of its own: in `v2.out.2024` or `relatorio.2.set.2025` it names a file.
_BRAZILIAN_SHORT = r"(?<![\w.])\d{1,2}\.(?i:set|out)\.\d{4}\b(?!\.\w)"
_BRAZILIAN_MONTH = re.compile(r"(?<=\d\.)(?i:set|out)(?=\.\d{4}\b)")
_BRAZILIAN_NAMES = {"set": "setembro", "out": "outubro"}
# Indonesian and Malay portals abbreviate December `Des` (`Kamis, 03 Des 2026 08:15 WIB`), which
# is French and Catalan `des` (of the): it is read only capitalised between a day and a year.
_MALAY_DECEMBER = r"(?<![\w.])\d{1,2}\s+Des\s+\d{4}\b"
_MALAY_MONTH = re.compile(r"(?<=\d\s)Des(?=\s+\d{4}\b)")
_DATE_CORE = (
    r"\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]"
    r"|\d{4}[/.]\d{1,2}[/.]\d{1,2}\b"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"
    rf"|{MONTH_ANY}\.?\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)?(?:\.\s*|\s+)(?:(?i:de)\s+|d['’])?{MONTH_ANY}\.?,?"
    r"(?:\s*(?:(?i:de)\s+)?\d{4})?"
    rf"|{MONTH_ANY}\.?,?\s+\d{{4}}"
    r"|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b"
    r"|(?<![\d-])\d{1,2}-\d{1,2}-\d{4}\b(?!-)"  # `28-02-2024`: dashed, with its full year
    r"|\d{1,2}\.\s\d{1,2}\.\s\d{4}\b"  # `06. 01. 2026`
    rf"|{_BRAZILIAN_SHORT}"  # `2.set.2025`
    rf"|{_MALAY_DECEMBER}"  # `03 Des 2026`
    rf"|\d{{4}}\.\s*{MONTH_ANY}\.?\s*\d{{1,2}}\.(?!\d)"  # Hungarian: `2024. március 12.`
    r"|\d{4}\.\s\d{1,2}\.\s\d{1,2}\.(?!\d)"  # Hungarian in numbers: `2024. 03. 12.`
    r"|\d{1,2}\s+(?i:tháng)\s+\d{1,2}(?:\s*(?:(?i:năm)|,)\s*\d{4})?"  # Vietnamese
    r"|(?i:tháng)\s+\d{1,2}\s+(?i:năm)\s+\d{4}"  # Vietnamese month and year
    rf"|{PERSIAN_DATE}"  # solar hijri: `۱۴ اسفند ۱۴۰۲`
    rf"|\d{{4}}\s*m\.\s*{MONTH_ANY}\s+\d{{1,2}}\s*d\."  # Lithuanian: `2024 m. gegužės 16 d.`
)
# A date is found from its core (tried only where a number or a month name starts), then
# widened to a time and weekday before it: one big pattern searched everywhere is too slow.
_DATE_AT = re.compile(rf"(?:{_DATE_CORE})(?:,?\s*(?:at|@|-|–|\||·)?\s*(?:{_TIME}))?")
_DATE_PREFIX = re.compile(rf"(?:(?:{_TIME}),?\s+(?:on\s+)?)?(?:{_WEEKDAY_ANY},?\s+)?$")
# A Dutch weekday's abbreviation directly before a day number (`di 19 nov 2019`) is the date's.
_SHORT_PREFIX = re.compile(rf"{SHORT_WEEKDAY}\s+$")
_SHORT_LEAD = re.compile(rf"^\s*{SHORT_WEEKDAY}\s+(?=\d)")
# `Tuesday, 12.03.2024`: a weekday before a numeric date, whose order dateutil would not read.
_WEEKDAY_LEAD = re.compile(rf"^{_WEEKDAY_ANY},?\s+(?=\d)")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_WORDISH = re.compile(r"[^\W\d_]{3,}")
_WEEKDAY_WORD = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_WEEKDAY_SHORT = re.compile(_WEEKDAY_ANY)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th|er)\b")
# `10.30 am`, `16.45 Uhr`; not the month and year of a dotted date (`27.04.24`).
_DOT_TIME = re.compile(
    r"(?<![\d.])(\d{1,2})\.(\d{2})(?=\s*(?:[ap]\.?m|[A-Z]{2,5}\b|$))", re.IGNORECASE
)
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b")
# `April 25, 20232:26 PM`: a copied stamp whose year runs into the time after it.
_GLUED_YEAR_TIME = re.compile(r"(?<=[\s,])((?:19|20)\d{2})(\d{1,2}:\d{2})\b")
_SPACED_DOTS = re.compile(r"^(\d{1,2})\.\s(\d{1,2})\.\s(\d{4})\b")
_AMPM = re.compile(r"\b([ap])\.m\.?", re.IGNORECASE)
# Lithuanian: the year (`m.`, metai), the month in the genitive, the day (`d.`, diena).
_LITHUANIAN = re.compile(rf"^(\d{{4}})\s*m\.\s*({MONTH_ANY})\s+(\d{{1,2}})\s*d\.")
# `Mac 5, 2024 @ 11:02am` (the time after an at sign), `10 d'abril de 2024` (Catalan `of`).
_AT_SIGN = re.compile(r"\s@\s*")
_ELIDED_OF = re.compile(r"(?<=\s)d['’](?=[^\W\d_])")
# `15. listopada 2024.`: Croatian names October `listopad`, where Polish (`15 listopada`, no
# point after the day) and Czech (`15. listopadu`) name November; the pointed day is Croatian.
_CROATIAN_OCTOBER = re.compile(r"(?<=\d\.)\s*listopada\b", re.IGNORECASE)
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
# Vietnamese writes the month as a number after `tháng` (month): `ngày 9 tháng 4 năm 2024`.
_VIETNAMESE = re.compile(r"(\d{1,2})\s+(?i:tháng)\s+(\d{1,2})(?:\s*(?:(?i:năm)|,)\s*(\d{4}))?")
# A month alone is `tháng 4 năm 2024` (month 4, year 2024): the year word keeps it a date.
_VIETNAMESE_MONTH = re.compile(r"(?i:tháng)\s+(\d{1,2})\s+(?i:năm)\s+(\d{4})")
_MONTH_WORD = "tháng"
# Year-first dates: `2018年6月18日 10:01` (Chinese, Japanese, Korean), `2018/6/19`, `2023.11.17`,
# `2023. 11. 17.` (Hungarian).
_YEAR_FIRST = re.compile(
    r"^(\d{4})\s*(?:[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"
    r"|[/.]\s?(\d{1,2})[/.]\s?(\d{1,2})\b)"
)
# An upper-case section label glued to an upper-case month (`BUSINESSNOV 7, 2023`).
_GLUED_MONTH = re.compile(r"[A-Z]{2,}?(JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)$")
# A word glued to a capitalised month (`by Lesotho TimesNovember 21, 2025`).
_GLUED_CASED = re.compile(r"^[^\W\d_]*[a-zß-ÿ]([A-ZÀ-Þ][a-zß-ÿ]{2,8})$")
# The labels of the languages added last are whole words: `publicat` (Catalan, Romanian) is
# no `Publication:` reference, Urdu `شائع` (published) no Arabic `شائعات` (rumours), Bengali
# `প্রকাশ` no `প্রকাশক` (publisher). Thai writes no space after a word, so its labels are not.
_DATE_LINE = re.compile(
    r"^(?:(?:this\s+)?(?:story|article|post|artikel|beitrag)\s+(?:was\s+|wurde\s+)?)?"
    r"(?:(?P<updated>(?:last\s*)?(?:updated?|modified|edited|revised|reviewed)|aktualisiert"
    r"|actualizado|mis à jour|oppdatert|uppdaterad|güncelleme|aktualizacja|aggiornato"
    r"|最終更新日?|更新日時?|bijgewerkt|opdateret|aktualizováno|atualizado|обновлено|päivitetty|수정|업데이트"
    r"|modifié(?:\s+le)?|(?:zuletzt\s+)?geändert|gewijzigd|ändrad|endret|ændret|frissítve"
    r"|ενημερώθηκε|оновлено|diperbarui|cập nhật|actualizat|actualitzat|stand\b"
    r"|עודכן|(?:آخر\s+)?تحديث|(?:تم\s+)?التحديث|अपडेटेड|अपडेट"
    r"|(?:letzte\s+)?aktualisierung|(?:última\s+)?actualización|(?:ultimo\s+)?aggiornamento"
    r"|(?:dernière\s+)?mise à jour|อัปเดต|แก้ไขล่าสุด"
    r"|(?:ažurirano|zadnja izmjena|aktualizované|atnaujinta|dikemas kini|imesasishwa|اپ ڈیٹ"
    r"|আপডেট|به[\u200c ]?روزرسانی)(?!\w))"
    r"|(?P<published>posted|(?:first\s+|originally\s+)?"
    r"published|publication date|date published|released|issued|filed|date|dated"
    r"|veröffentlicht|publiziert|erschienen|publié le|publicado|pubblicato|publisert|publicerad"
    r"|gepubliceerd|udgivet|publiceret|opublikowano|publikováno|опубликовано|julkaistu"
    r"|입력|게재|발행|公開日?|掲載日?|配信日?|投稿日?|登録日|发布(?:时间|日期|于)?|發佈(?:時間)?"
    r"|发表于|發表於|פורסם|نُشر|نشر|تاريخ النشر|प्रकाशित|δημοσίευση|δημοσιεύθηκε"
    r"|yayınlanma(?:\s+tarihi)?|yayın tarihi|diterbitkan|dipublikasikan|เผยแพร่"
    r"|(?:objavljeno|publikované|paskelbta|publicat|imechapishwa|شائع|প্রকাশিত|প্রকাশ"
    r"|تاریخ انتشار)(?!\w))"
    r")(?:\s+(?:on|at|am|le|el|il|den))?\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# `November 28, 2013 -- Updated 0203 GMT`: a date stamped as the story's last update.
_UPDATED_AFTER = re.compile(
    r"\s*(?:--?|–|—|\||·|,)?\s*(?:last\s+)?updated\s+(?:at\s+)?\d{1,2}:?\d{2}\b"
    r"|[\W_]*(?:last\s*)?update[ds]?[\W_]*$|\s*(?:最終)?更新[\W_]*$",
    re.IGNORECASE,
)
# `By Jane DoeUpdated May 4, 2024`, `12:43, 20 Apr 2026Updated 12:44`: an update label the copy
# glued to the name or the stamp before it (a capital after a lower-case letter or a digit).
_GLUED = r"(?<=[a-z\d])(?:Last\s*)?(?:Updated|Modified|Aktualisiert)\b"
GLUED_UPDATED = re.compile(_GLUED)
# `Sport Updated 4 May 2024`: an update label just before the date, after other words or glued
# to them.
_UPDATED_BEFORE = re.compile(rf"(?:\b(?i:(?:last\s*)?updated|modified)|{_GLUED})\W*(?i:on|at)?\W*$")
_TIME_FIRST = re.compile(rf"(?:{_TIME})")
_SPAN_DASH = re.compile(r"\s*(?:[-–—]|bis|to|until)\s*")
# `21時37分`, `午後9時37分` (p.m.): a time of day written in Chinese or Japanese, part of a
# stamp, no words.
CJK_TIME = r"(?:(?:午前|午後|上午|下午)\s*)?\d{1,2}\s*[時时]\s*\d{1,2}\s*分(?:\s*\d{1,2}\s*秒)?"
_CJK_TIME = re.compile(CJK_TIME)
_SEPARATED = re.compile(
    r"[ \t]*(?:[|·•\u3000]|[-–—]{1,2}\s)|\s+(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])"
)
_STAMP_WORDS = re.compile(r"\b(?:updated|modified|edited|ago)\b", re.IGNORECASE)
# The word a clock time is read with (`14:07 Uhr`, `9.30 h`), between a stamp's time and the
# mark that parts it from the next detail (`Do 25.04.24 | 14:07 Uhr | Von Jane Doe`).
_CLOCK_END = re.compile(r"\d{1,2}[:.]\d{2}\s*$")  # a time closing the date's span
_TIME_WORD = re.compile(r"\s*(?:Uhr|h|hrs?|horas?|hs)\b\.?")  # `22:30 hrs`, `22:30 horas`
# The mark that parts a place from the stamp closing its line (`Monterrey, Nuevo León / …`).
_MARK_BEFORE = re.compile(r"\s[/|·•–—-]\s*$")
_PLACE_WORDS = 5
_RELATIVE_QUALIFIER = re.compile(r"\b(?:last|next|this|every|each|coming|past)\s+$", re.I)

_FIXED_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "IST": 5.5, "ICT": 7, "WIB": 7, "SGT": 8, "HKT": 8, "PHT": 8, "AWST": 8,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "EST": -5, "EDT": -4,
    "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
}  # fmt: skip
_REGION_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}  # fmt: skip


class _ParserInfo(date_parser.parserinfo):
    """dateutil's parser info with month names of the main European languages."""

    MONTHS = [tuple(names) for names in MONTHS.values()]
    JUMP = [*date_parser.parserinfo.JUMP, "de", "del", "le", "am", "um", "à", "el", "|", "·"]


_PARSER = date_parser.parser(_ParserInfo())
# Two distinct leap-year defaults: a part that differs between the two parses was not in the text.
_DEFAULT_A = dt.datetime(4, 1, 1)
_DEFAULT_B = dt.datetime(8, 2, 2)


def _tzinfo(name: str | None, offset: int | None) -> dt.tzinfo | None:
    """Time zones for dateutil: explicit offsets and common abbreviations; None when unknown."""
    if offset is not None and (name is None or name.upper() not in _REGION_ZONES):
        return tz.tzoffset(name, offset)
    if name is None:
        return None
    key = name.upper()
    if key in _FIXED_ZONES:
        return tz.tzoffset(key, int(_FIXED_ZONES[key] * 3600))
    if key in _REGION_ZONES:
        try:
            return ZoneInfo(_REGION_ZONES[key])
        except ZoneInfoNotFoundError:
            return None
    # Unknown (or ambiguous, like CST) zones: keep the local time as written.
    return None


def _prepare(text: str) -> str:
    """Rewrite the spellings dateutil misreads (`GMT+8`, `10.00`, `a.m.`, `15th`, `20232:26`,
    `@ 11:02am`, `d'abril`, Croatian `15. listopada`)."""
    text = _ORDINAL.sub("", text.strip().strip(",|·-–"))
    text = _ELIDED_OF.sub("", _AT_SIGN.sub(" ", text))
    text = _CROATIAN_OCTOBER.sub(" october", text)
    text = _AMPM.sub(r"\1m", text)
    text = _DOT_TIME.sub(r"\1:\2", text)
    text = _GLUED_YEAR_TIME.sub(r"\1 \2", text)
    text = _SPACED_DOTS.sub(r"\1.\2.\3", _SPELLED_ZONE_AT.sub("", text))
    # dateutil reads `GMT+8` the POSIX way (eight hours behind); pages mean eight hours ahead.
    return _GMT_OFFSET.sub(
        lambda m: f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}", text
    )


def parse_date(
    text: str, day_first: bool | None = None, buddhist: bool | None = None
) -> PartialDate | None:
    """Parse one date expression at the precision it states, on the day it names (`day_first`:
    the page's order for a numeric date that reads both ways, see `dateorder`; `buddhist`:
    whether the page is Thai, None when unknown, for a two-digit year, see `calendars`)."""
    buddhist = True if has_thai(text) else buddhist  # before Thai digits are made ASCII
    text = _SHORT_LEAD.sub("", text, count=1)  # dateutil knows English weekdays only
    text = ascii_digits(text)
    persian = persian_date(text)
    if persian is not None:
        return persian
    text = gregorian_year(text)
    vietnamese_words = _MONTH_WORD in text.lower()
    vietnamese = _VIETNAMESE.search(text) if vietnamese_words else None
    if vietnamese:
        day, month, year = vietnamese.groups()
        if year is None:
            return PartialDate(None, int(month), int(day)) if 1 <= int(month) <= 12 else None
        return _checked(int(year), int(month), int(day))
    vietnamese = _VIETNAMESE_MONTH.search(text) if vietnamese_words else None
    if vietnamese:
        return _checked(int(vietnamese.group(2)), int(vietnamese.group(1)), None)
    lithuanian = _LITHUANIAN.match(text.strip())
    if lithuanian:
        year, month, day = lithuanian.groups()
        return _checked(int(year), MONTH_NUMBER[month.lower()], int(day))
    year_first = _YEAR_FIRST.match(text.strip())
    if year_first:
        # The time after a year-first date carries no zone here: the day stands as written.
        year, *parts = year_first.groups()
        month, day = parts[:2] if parts[0] else parts[2:]
        return _checked(int(year), int(month), int(day))
    text = _prepare(text)
    if not text or len(text) > 80:
        return None
    iso = _ISO_PARTIAL.match(text)
    if iso:
        year, month = int(iso.group(1)), iso.group(2)
        return _checked(year, int(month) if month else None, None)
    # `Wed, 4/3/2024`: a weekday before a numeric date tells its order when only one reading
    # falls on that weekday; else the order is the page's, as without it. A weekday no reading
    # falls on (`Monday, 05.03.2024`) says the weekday or the date is mistyped: no day is read.
    lead = _WEEKDAY_LEAD.match(text)
    bare = text[lead.end() :] if lead else text
    numeric = NUMERIC.match(bare) or NUMERIC_TIMED.match(bare)
    if numeric:
        zoned = zone_day_first(bare[numeric.end() :])
        parts = numeric.groups()
        fits = _weekday_fits(lead.group(), parts, buddhist) if lead else None
        told = next(iter(fits)) if fits is not None and len(fits) == 1 else None
        order = told if told is not None else zoned if zoned is not None else day_first
        year, month, day = numeric_parts(*parts, order, buddhist)
        if year is None:
            return None
        if fits == set():
            months = {numeric_parts(*parts, first, buddhist)[1] for first in (True, False)}
            return _checked(year, month if len(months) == 1 else None, None)
        return _checked(year, month, day)
    text = _MARKED_MONTH.sub(lambda m: MONTHS[MONTH_NUMBER[m.group().lower()]][1], text)
    text = _BRAZILIAN_MONTH.sub(lambda m: _BRAZILIAN_NAMES[m.group().lower()], text)
    text = _MALAY_MONTH.sub("desember", text)
    try:
        first = _PARSER.parse(text, default=_DEFAULT_A, tzinfos=_tzinfo)
        second = _PARSER.parse(text, default=_DEFAULT_B, tzinfos=_tzinfo)
    except (ValueError, OverflowError, TypeError):
        return None
    # A zoned time stays on the day it names: the page's local date is its publication date
    # (`11:30 PM EST` on the 14th is the 14th where it was written), never converted to UTC.
    year = first.year if first.year == second.year else None
    month = first.month if first.month == second.month else None
    day = first.day if month is not None and first.day == second.day else None
    if year is None:
        if month is None or day is None:
            return None
        weekday = _WEEKDAY_SHORT.search(text)
        return PartialDate(None, month, day, weekday_number(weekday.group()) if weekday else None)
    return _checked(year, month, day)


def _weekday_fits(weekday: str, parts: tuple[str, ...], buddhist: bool | None) -> set[bool] | None:
    """The orders (day first or not) whose reading of a numeric date (`parts`) falls on the
    `weekday` written before it; None when no reading is a whole date to check."""
    number = weekday_number(weekday.strip(" ,.\u00a0"))
    fits: set[bool] = set()
    checked = False
    for day_first in (True, False):
        year, month, day = numeric_parts(*parts, day_first, buddhist)
        date = _checked(year, month, day) if year is not None else None
        if date is not None and date.day is not None:
            checked = True
            if date.start().weekday() == number:
                fits.add(day_first)
    return fits if checked else None


def _checked(year: int, month: int | None, day: int | None) -> PartialDate | None:
    """A PartialDate if the parts form a plausible publication date."""
    if not 1900 <= year <= 2100:
        return None
    try:
        date = PartialDate(year, month, day if month else None)
        date.start()
    except ValueError:
        return None
    return date


# Month abbreviations that are read only after their day, as their language writes them:
# Dutch `mrt` (maart) is also the metro of many Asian cities (`MRT 5`, `Bangkok MRT 24 March`);
# the Slovak genitive `augusta` (`15. augusta 2024`) is also a name and a place (`Augusta 2024`),
# and so is the Slovene `avgusta`; the Slovene `julija` (`15. julija 2024`) is a given name
# (`Julija 12` in a list of scorers). Serbian, Croatian and Bosnian write their Latin genitives
# after the day only too (`12. marta 2024.`), and `Marta`, `Maja`, `Juna` are given names
# (`Maja 12`, a scorer), as the Polish `maja` is written after its day as well (`3 maja 2024`).
_AFTER_DAY_ONLY = frozenset(
    {"mrt", "augusta", "avgusta", "julija", "januara", "februara", "marta", "maja", "juna", "jula"}
    | {"oktobra"}
)
# Month names that are also common names, read before a day only with it and the year: Malay
# `Mac` (March) writes `Mac 5, 2024`; `Mac 14`, `MAC 2024` are a computer and a conference.
_WHOLE_DATE_ONLY = frozenset({"mac"})
_DAY_AND_YEAR = re.compile(r"^\S+\s+\d{1,2},?\s+\d{4}")


def find_date(
    text: str, day_first: bool | None = None, buddhist: bool | None = None
) -> tuple[PartialDate, str] | None:
    """The first date expression in a line, parsed, with the text it was read from."""
    if not _DIGIT.search(text):
        return None
    buddhist = True if has_thai(text) else buddhist
    for token in _TOKEN.finditer(text):
        word = token.group()
        at = token.start()
        if word[0].isdigit():
            if at >= 2 and text[at - 1] in ":./" and text[at - 2].isdigit():
                continue  # the minutes of `09:31 August 20`, not a day
        elif word.lower() in _AFTER_DAY_ONLY:
            continue  # `5 mrt 2024` is read from its day; `Taipei MRT 5` is a metro line
        elif word.lower() == _MONTH_WORD:
            pass  # `tháng 4 năm 2024`: Vietnamese names a month by its number after this word
        elif word.lower() not in MONTH_NUMBER:
            glued = None
            if word.isupper():
                glued = _GLUED_MONTH.match(word)
            elif len(word) > 4 and not word[1:].islower():
                glued = _GLUED_CASED.match(word)  # a capital inside the word: a glued month?
            if glued is None or glued.group(1).lower() not in MONTH_NUMBER:
                continue
            at += glued.start(1)
        # A slice, so that the month's word boundary holds after a glued label.
        match = _DATE_AT.match(
            text[at:] if at > token.start() else text, 0 if at > token.start() else at
        )
        if match is None:
            continue
        if word.lower() in _WHOLE_DATE_ONLY and not _DAY_AND_YEAR.match(match.group()):
            continue
        end = match.end() + (at if at > token.start() else 0)
        prefix = _DATE_PREFIX.search(text, max(0, at - 40), at) if at == token.start() else None
        if prefix is not None and prefix.start() == at and word.isdigit():
            prefix = _SHORT_PREFIX.search(text, max(0, at - 8), at) or prefix
        expr = text[prefix.start() if prefix else at : end]
        date = parse_date(expr, day_first, buddhist)
        if date is not None:
            return date, expr
    return None


def parse_date_line(
    text: str, *, bare: bool = True, day_first: bool | None = None, buddhist: bool | None = None
) -> tuple[str, PartialDate] | None:
    """A date line (`Posted on …`, `Updated: …`; with `bare`, a bare date) as (kind, date)."""
    if len(text) > 160 or not _DIGIT.search(text):
        return None
    match = _DATE_LINE.match(text)
    if match:
        # Thai letters in the label (`เผยแพร่: 04/03/67`) tell the calendar; else the page does.
        found = find_date(match.group("rest"), day_first, True if has_thai(text) else buddhist)
        if found is None:
            return None
        return ("updated" if match.group("updated") else "published"), found[0]
    found = find_date(text, day_first, buddhist) if bare and len(text) <= 80 else None
    if found is None or found[0].year is None:
        return None  # `Pay Aug 1`: a bare date line of a page states its year
    if span_follows(text[text.find(found[1]) + len(found[1]) :], day_first, buddhist):
        return None
    if text.startswith(found[1]) and _UPDATED_AFTER.match(text, len(found[1])):
        return "updated", found[0]
    if found[0].day and text.startswith(found[1]):
        # `2018年6月18日 10:01　発信地：カノ`, `May 2, 2024 | Lagos`: the date, then other details.
        at = len(found[1].rstrip())
        word = _TIME_WORD.match(text, at) if _CLOCK_END.search(found[1]) else None
        at = word.end() if word else at
        if _SEPARATED.match(text, at) and not _STAMP_WORDS.search(text, at):
            return "published", found[0]
    if found[0].day and _place_then_stamp(text, found[1]):
        return "published", found[0]
    leftover = text.replace(found[1], " ")
    # A bare date line is mostly the date: a separator, a reading time, a zone at most (and a
    # weekday such as `（水）` in Chinese or Japanese, not a linked headline).
    if len(found[1]) < 0.4 * len(text) or len(_WORDISH.findall(leftover)) > 3:
        return None
    words = _CJK_TIME.sub(" ", leftover)  # `渡辺洋介2025年1月13日 21時37分`: a name and a time
    if not words.isascii() and cjk_count(words) > 4 and not text.startswith(found[1]):
        return None
    updated = _UPDATED_BEFORE.search(text, 0, text.find(found[1]))
    return ("updated" if updated else "published"), found[0]


def _place_then_stamp(text: str, date_text: str) -> bool:
    """Whether a line is the place a story was filed from, a mark, then the stamp closing it
    (`Monterrey, Nuevo León / 01.12.2026 22:30 hrs`, `Lagos | May 2, 2024`): the dateline's
    place written before the date, as the line `May 2, 2024 | Lagos` writes it after."""
    at = text.find(date_text)
    end = at + len(date_text.rstrip())
    word = _TIME_WORD.match(text, end) if _CLOCK_END.search(date_text) else None
    mark = _MARK_BEFORE.search(text, 0, at)
    if text[word.end() if word else end :].strip() or mark is None:
        return False
    place = text[: mark.start()]
    words = place.replace(",", " ").split()
    # A place's words are capitalised but for short particles (`Ciudad de México`); a teaser's
    # headline (`Baths to reopen | March 3, 2019`) is a phrase of lower-case words.
    return (
        0 < len(words) <= _PLACE_WORDS
        and not any(map(str.isdigit, place))
        and all(w[0].isupper() or (w.islower() and len(w) <= 3) for w in words)
        and not _STAMP_WORDS.search(place)
    )


def date_label(text: str) -> str | None:
    """The label of a labelled date line (`Published on`, `Zadnja izmjena`, `Date`), or None."""
    match = _DATE_LINE.match(text)
    return match.group("updated") or match.group("published") if match else None


def span_follows(rest: str, day_first: bool | None = None, buddhist: bool | None = None) -> bool:
    """Whether what follows a date is a dash and a second date with its year: the first opens a
    span (`June 3, 1931 – March 27, 2024`: a life, a period), no stamp; a time after the dash
    (`December 6, 2016 — 6:22 PM EST December 7, 2016 …`) times the first."""
    dash = _SPAN_DASH.match(rest)
    if dash is None or _TIME_FIRST.match(rest, dash.end()):
        return False
    second = find_date(rest[dash.end() :], day_first, buddhist)
    return (
        second is not None
        and second[0].year is not None
        and rest[dash.end() :].startswith(second[1])
    )


def time_label(text: str) -> str | None:
    """The label a line opens with (`Publicerad`: `published`, `Updated:`: `updated`), if any."""
    match = _DATE_LINE.match(text) if len(text) <= 80 else None
    if match is None:
        return None
    return "updated" if match.group("updated") else "published"


def after_today(date: PartialDate, today: dt.date | None = None) -> bool:
    """Whether a date begins after tomorrow (a day's grace for a clock behind the page's zone):
    no page is published after it is read, so such a date is an event's, not the page's."""
    start = date.start()
    return start is not None and start > (today or dt.date.today()) + dt.timedelta(days=1)


def copyright_year(text: str) -> int | None:
    """The year of a single-year copyright line (`©2025 Bloomberg L.P.`); ranges are no date."""
    match = COPYRIGHT.match(text)
    if match is None or match.group("last") or not match.group("first"):
        return None
    return int(match.group("first"))


def weekday_evidence(text: str) -> int | None:
    """The one weekday a paragraph names as the day of its events, if it names only one."""
    days: set[int] = set()
    for match in _WEEKDAY_WORD.finditer(text):
        if _RELATIVE_QUALIFIER.search(text, max(0, match.start() - 12), match.start()):
            return None
        days.add(WEEKDAYS.index(match.group().lower()))
    return days.pop() if len(days) == 1 else None


def with_weekday(date: PartialDate, weekday: int | None) -> PartialDate:
    """The date with a weekday attached as evidence, when its year is unknown."""
    if weekday is None or date.year is not None or date.month is None or date.day is None:
        return date
    return PartialDate(None, date.month, date.day, weekday)


def year_for_weekday(month: int, day: int, weekday: int, years: Iterable[int]) -> int | None:
    """The only year among `years` in which month/day falls on `weekday`, if exactly one."""
    fits = set()
    for year in set(years):
        try:
            if dt.date(year, month, day).weekday() == weekday:
                fits.add(year)
        except ValueError:
            continue
    return fits.pop() if len(fits) == 1 else None


def resolve_years(articles: Iterable[Article], known_years: Iterable[int] = ()) -> None:
    """Give year-less dates a year when their weekday fits exactly one year the collection shows."""
    articles = list(articles)
    # Only dated articles add years, so an article never supplies its own year.
    years = {a.date.year for a in articles if a.date is not None and a.date.year is not None}
    years.update(known_years)
    for article in articles:
        date = article.date
        if date is None or date.year is not None or date.weekday is None:
            continue
        if date.month is None or date.day is None:
            continue
        year = year_for_weekday(date.month, date.day, date.weekday, years)
        if year is not None:
            article.date_from(PartialDate(year, date.month, date.day, date.weekday), "weekday")
