"""Wire datelines at the start of a story: `SHANGHAI, Jan 15 (Reuters) -`, `Beijing:`, `(CNN) —`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.models import PartialDate
from indexer.normalize.cjkdates import parse_cjk_date
from indexer.normalize.dates import MONTH_PATTERN
from indexer.normalize.lines import cjk_count, is_upper, mostly_upper, word_count
from indexer.normalize.monthnames import month_number, weekday_number
from indexer.normalize.sources import canonical_outlet

# Possessive quantifiers: a word never gives back letters, which keeps failing matches cheap.
_DIGIT = re.compile(r"\d")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin capitals, with Latin Extended-A (`KÖLN`, `ŁÓDŹ`)
_LETTERS = r"(?:[^\W\d_]|['’.])"
_PLACE_WORD = rf"[{_UPPER}]{_LETTERS}*+"
_PARTICLE = r"(?:de|da|do|del|della|di|du|des|la|le|el|al|am|an|en|of|on|upon|sur|im|in)"
# Later words may be lower case (`New york`): wire copy is not always carefully capitalised.
_PLACE = rf"{_PLACE_WORD}(?:[ \-/](?:{_PARTICLE} )?[^\W\d_]{_LETTERS}*+){{0,4}}"
_REGION = (
    rf"(?:\s*,\s*(?!{MONTH_PATTERN}\b|[A-Z][a-z]+day\b){_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}})?"
)
_DAY_MONTH = (
    rf"(?:(?P<month>{MONTH_PATTERN})\.?\s*(?P<day>\d{{1,2}})\b"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_PATTERN})\b\.?)"
)
# A misspelt or incomplete date (`Narch 2`, `March 119`, `April`): the place still stands.
_BAD_DATE = rf"(?P<bad_date>[A-Z][A-Za-z]{{2,8}}\.?\s*\d{{1,3}}[A-Za-z]?|{MONTH_PATTERN}\b\.?)"
_DATELINE = re.compile(
    rf"^[*#\s]*(?P<place>{_PLACE}{_REGION})"
    rf"(?:\s*,?\s*(?:(?P<weekday>[A-Z][a-z]+day),?\s*)?{_DAY_MONTH}"
    r"(?:,?\s*(?P<year>(?:19|20)\d{2}))?"
    rf"|\s*,\s*{_BAD_DATE})?"
    r"(?:,?\s*\((?P<credit>[^()]{2,40})\)|,\s*(?P<credit2>Reuters?|AP|AFP|Xinhua|dpa|IANS|PTI))?"
    # A press release's distributor between slashes (`April 16, 2024 /PRNewswire/ --`): it
    # carries the release, it does not write it, so it is no credit.
    r"(?:\s*/[A-Z][\w .&'-]{1,38}/)?"
    r",?(?P<pre>\s*)(?P<sep>--|[-–—:])(?P<post>\s*)(?P<rest>\S.*)$"
)
_LATE_DATE = re.compile(
    rf"^(?P<month>{MONTH_PATTERN})\.?\s*(?P<day>\d{{1,2}})\s*(?:--|[-–—])\s*(?P<rest>\S.*)$"
)
# `新华社北京1月15日电（记者 张三）`, `本报上海2025年1月15日电`: agency, place, date, reporters.
_CJK_DATELINE = re.compile(
    r"^(?P<agency>新华社|中新社|中新网|中国新闻社|本报|本台|人民网|央视网|央视新闻|[\u4e00-\u9fff]{2,4}社)?"
    r"(?P<place>[\u4e00-\u9fff]{2,6}?)"
    r"(?P<date>(?:[0-9０-９]{4}\s*年\s*)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)\s*电"
    r"(?:\s*[（(]记者\s*(?P<reporters>[^）)]{1,40})[）)])?\s*(?P<rest>.*)$"
)
# `（中央社記者林志明台北12日電）`: a Taiwanese wire's form, bracketed, the reporters between the
# agency and the place, the day alone; the last reporter's name runs into the place.
_BRACKETED_DATELINE = re.compile(
    r"^[（(](?P<agency>[\u4e00-\u9fff]{2,6}?)記者(?P<names>[\u4e00-\u9fff、]{4,24}?)"
    r"(?P<date>(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*日)\s*[電电][）)]\s*(?P<rest>.*)$"
)
_GIVEN_NAME = 3  # characters of most Chinese names: a family name and a two-character given name
_SPACE_COMMA = re.compile(r"\s+,")
_SEPARATOR_HINT = re.compile(r"[-–—:(]")
_CREDIT_ONLY = re.compile(
    r"^\((?P<credit>[A-Za-z][\w .&'-]{1,38})\)\s*(?:--|[-–—:])?\s*(?P<rest>\S.*)$"
)
# Words that open a line like a place would but are labels (`UPDATE 1 -`, `Note:`), or a
# notice's (`ATTENTION: Comments …`, `ACHTUNG:`, `ATENÇÃO:`).
_NOT_PLACES = frozenset(
    """update updated exclusive analysis breaking watch video photos photo factbox explainer
    insight column refile corrected correction opinion live related note editor editors
    advertisement source sources credit caption q a by summary takeaway takeaways highlights
    warning disclaimer disclosure transcript interview review comment comments reporting
    editing writing additional read more also see tags topics posted published last file
    image picture story listen share quick key faq faqs why how what when where who repeat
    refiled adds recasts attention important notice hinweis achtung wichtig remarque avis
    atención atencion aviso nota atenção atencao attenzione avviso""".split()
)
# Words that open sentences, not place names; `THE HAGUE` in capitals is still a place.
_SENTENCE_OPENERS = frozenset("the this that it he she they we and but a an in on at".split())
_CREDIT_WORD = re.compile(r"^[A-Z][\w&.'-]*(?: [A-Za-z&][\w&.'-]*){0,4}$")


@dataclass(slots=True, frozen=True)
class Dateline:
    """What a dateline says: the place, a date without year, the credited outlet."""

    place: str | None
    date: PartialDate | None
    credit: str | None
    rest: str  # the text after the dateline
    strong: bool  # capitals, a date or a credit: safe to trust anywhere
    reporters: tuple[str, ...] = ()  # named inside a Chinese dateline: `（记者 张三）`


def parse_dateline(text: str) -> Dateline | None:
    """The dateline that opens `text`, or None."""
    if len(text) < 12:
        return None
    if not text.isascii() and cjk_count(text[:40]):
        return _cjk_dateline(text)
    hint = _SEPARATOR_HINT.search(text, 0, 100)
    # A dateline's place is a few words: a first separator after many words means prose.
    if hint is None or text.count(" ", 0, hint.start()) > 8:
        return None
    credit_only = _CREDIT_ONLY.match(text)
    if credit_only:
        credit = credit_only.group("credit").strip()
        rest = credit_only.group("rest")
        if _is_credit(credit) and word_count(rest) >= 3 and not mostly_upper(rest[:80]):
            return Dateline(None, None, credit, rest, True)
        return None
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = match.group("place").strip().rstrip(",")
    if " ," in place:
        place = _SPACE_COMMA.sub(",", place)
    first_word = place.split()[0].strip(",.").lower()
    if first_word in _NOT_PLACES or place.lower() in _NOT_PLACES:
        return None
    if first_word in _SENTENCE_OPENERS and not is_upper(place.split(",")[0]):
        return None
    if _report_label(place):
        return None
    credit = (match.group("credit") or match.group("credit2") or "").strip() or None
    if credit is not None and not _is_credit(credit):
        return None
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    rest = match.group("rest")
    if month is None and match.group("bad_date"):
        month, day = _misspelt_date(match.group("bad_date"))
    if month is None:
        # `CHEVY CHASE, Md., - March 4 - Geico said`: the date sits after a first dash.
        late = _LATE_DATE.match(rest)
        if late:
            month, day, rest = late.group("month"), late.group("day"), late.group("rest")
    date = _date(month, day, match.group("year"), match.group("weekday"))
    if word_count(rest) < 12 and mostly_upper(rest[:80]):
        return None  # `ECONOMIC SPOTLIGHT - BANKAMERICA`: a capitalised headline, not a dateline
    caps = is_upper(place.split(",")[0])
    spaced = bool(match.group("pre") or match.group("post"))
    if credit or month is not None:
        strong = True
    elif match.group("bad_date") and word_count(rest) >= 2:
        strong = True
    elif caps and spaced and word_count(rest) >= 4:
        strong = True
    elif match.group("sep") == ":" and word_count(rest) >= 10 and word_count(place) <= 3:
        # `Beijing: Amid fears...` is a dateline only at the head of a long paragraph.
        strong = False
    else:
        return None
    return Dateline(place, date, _clean_credit(credit), rest, strong)


def _cjk_dateline(text: str) -> Dateline | None:
    """A Chinese wire dateline (`新华社北京1月15日电（记者 张三）`, `（中央社記者林志明台北12日電）`
    in Taiwan)."""
    match = _CJK_DATELINE.match(text)
    if match is None:
        return _bracketed_dateline(text)
    agency = match.group("agency")
    credit = canonical_outlet(agency) if agency else None
    reporters = tuple(n for n in re.split(r"[\s、，,]+", match.group("reporters") or "") if n)
    date = parse_cjk_date(match.group("date"))
    return Dateline(match.group("place"), date, credit, match.group("rest"), True, reporters)


def _bracketed_dateline(text: str) -> Dateline | None:
    """A Taiwanese wire dateline (`（中央社記者林志明台北12日電）`): the place is what the last
    name leaves, a name taken as three characters unless that leaves no place of two."""
    match = _BRACKETED_DATELINE.match(text)
    if match is None:
        return None
    *names, last = match.group("names").split("、")
    size = _GIVEN_NAME if len(last) - _GIVEN_NAME >= 2 else _GIVEN_NAME - 1
    if len(last) - size < 2 or not all(2 <= len(n) <= 4 for n in names):
        return None
    reporters = (*names, last[:size])
    credit = canonical_outlet(match.group("agency")) or match.group("agency")
    return Dateline(last[size:], None, credit, match.group("rest"), True, reporters)


def _misspelt_date(text: str) -> tuple[str | None, str | None]:
    """A month and day from a misspelt date (`Marc 3`, `Marchg 12`), if the month is clear."""
    match = re.match(r"([A-Za-z]{3,9})\.?\s*(\d{1,2})$", text)
    if match is None or month_number(match.group(1)[:3]) is None:
        return None, None
    return match.group(1)[:3], match.group(2)


def _date(
    month: str | None, day: str | None, year: str | None, weekday: str | None
) -> PartialDate | None:
    """The dateline's date, kept without a year unless the dateline states one."""
    if month is None or day is None:
        return None
    number = month_number(month)
    if number is None:
        return None
    try:
        date = PartialDate(int(year) if year else None, number, int(day))
        PartialDate(2000, number, int(day)).start()  # validates the day (leap year)
    except ValueError:
        return None
    if weekday and date.year is None:
        wd = weekday_number(weekday)
        if wd is not None:
            date = PartialDate(None, number, int(day), wd)
    return date


def _is_credit(text: str) -> bool:
    """Whether a parenthesised name looks like a news outlet rather than an aside."""
    if canonical_outlet(text):
        return True
    if bool(_DIGIT.search(text)) or not _CREDIT_WORD.match(text):
        return False
    if text.lower() in _NOT_PLACES or (is_upper(text) and len(text) > 6):
        return False  # `(CORRECTED)`, `(UPDATE)`: editing notes, not outlets
    return word_count(text) <= 4


def _clean_credit(credit: str | None) -> str | None:
    """A credit without trailing punctuation."""
    return credit.strip(" .,") if credit else None


# Words of a wire's report labels filed in the dateline field (`LONDON COCOA CLOSING`,
# `N.Y. COMMODITY FUTURES ESTIMATED VOLUMES`, `GRADINGS`): what a report is, never a place.
_REPORT_WORDS = frozenset(
    "closing close opening open opened prices price rates rate volumes volume estimated "
    "gradings futures exchanges exchange exchs spot spots trends sett psett indications "
    "indication deposits physicals kerbs active total position official daily report".split()
)
_TRAILING_DATE = re.compile(rf"\s+{MONTH_PATTERN}\.?\s*\d{{1,2}}$")


def dateline_place(text: str | None) -> str | None:
    """The place of a supplied dateline field (`WINNIPEG, March 3 -`), or None.

    None for what wires file there that is not a place: report labels, dates and figures.
    """
    if not text:
        return None
    place = _TRAILING_DATE.sub("", text.split(",")[0].strip(" -"))
    words = place.replace("/", " ").split()
    if not words or not place[0].isupper() or _DIGIT.search(place) or len(words) > 5:
        return None
    if re.fullmatch(MONTH_PATTERN + r"\.?", words[0]):
        return None
    if _report_label(place):
        return None
    return place


def _report_label(place: str) -> bool:
    """Whether a dateline's place is the label of a market report (`LONDON GOLD CLOSING`)."""
    return any(
        word.lower().strip(".,") in _REPORT_WORDS for word in place.replace("/", " ").split()
    )
