"""The furniture a copy glues after a headline on the same line.

Copied as text, a headline often runs on into what the page prints right after it: its time
(`… vor 14 Minuten`, `… 3 hours ago`, `… | Updated 10:42 AM`), its reading time (`… 5 min
read`), its share and comment buttons (`… Share Tweet Email`, `… 12 Comments`). Those parts
are never words of a headline; everything else after a headline is (`… in 2024`, `… save`)
and stays.
"""

from __future__ import annotations

import re

from indexer.normalize.dates import find_date
from indexer.normalize.lines import is_headline_like, word_count

_NUMBER = r"(?:\d+|an?|one|einer?|einem|un[ea]?)"
# Seconds to days: `… vor 30 Jahren` and `… 10 years ago` are a headline's own words.
_UNIT = (
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?"
    r"|Sekunden|Minuten|Stunden|Std\.?|Tagen?|secondes?|heures?|jours?|segundos?|minutos?"
    r"|horas?|días?)"
)
# A time relative to now: `3 hours ago`, `vor 14 Minuten`, `il y a 2 heures`, `hace 5 minutos`.
_RELATIVE = (
    rf"(?:{_NUMBER}\s*{_UNIT}\.?\s+ago|(?:vor|il y a|hace|há)\s+{_NUMBER}\s+{_UNIT}\.?"
    r"|just now|gerade eben)"
)
# A `<time>` element's text that is only a time relative to now (`vor 2 Stunden`).
RELATIVE_TIME = re.compile(rf"^\s*{_RELATIVE}\s*$", re.IGNORECASE)
# A reading time: `5 min read`, `Lesedauer: 4 Minuten`, `Reading time: 3 minutes`.
_READING = (
    r"(?:\d+\s*[-–]?\s*min(?:ute)?s?\.?\s*(?:read|listen|lesen|Lesezeit|de lecture|de lectura)"
    r"|(?:Lesedauer|Lesezeit|reading time|read time|temps de lecture|tiempo de lectura)\s*:?"
    r"\s*\d+\s*min\w*\.?)"
)
_BUTTON = (
    r"(?:share|tweet|e-?mail|print|save|facebook|twitter|whatsapp|linkedin|reddit|pinterest"
    r"|flipboard|copy link|link copied|bookmark|comments?|teilen|drucken|merken|partager)"
)
# Share and comment buttons: two or more in a row, `Share this story`, `12 Comments` (one
# `Share` alone ends headlines: `… raises payout per share`).
_BUTTONS = (
    rf"(?:{_BUTTON}(?:\s+{_BUTTON})+|share this(?:\s+(?:article|story|post|page))?"
    r"|advertisement|read more|weiterlesen"
    r"|\d+\s+comments?|comments?\s*\(?\d+\)?|\d+\s+kommentare?|kommentare?\s*\(?\d+\)?)"
)
# A stamp's label: what follows it is checked to be a date or a time.
_LABEL = (
    r"(?:last updated|updated|published|posted|aktualisiert|veröffentlicht|erschienen|stand(?=\s*:)"
    r"|actualizado|publicado|mis à jour|publié|modifié)\s*(?:on|am|at|le|el|um)?\s*:?"
)
_MARK = r"\s*[|·•–—-]\s*|\s+"
_TAIL = re.compile(
    rf"(?:{_MARK})(?P<tail>{_RELATIVE}|{_READING}|{_BUTTONS}|(?P<label>{_LABEL})\s*\S.*)\W*$",
    re.IGNORECASE,
)
_LABEL_START = re.compile(rf"^{_LABEL}", re.IGNORECASE)
_LABEL_END = re.compile(rf"\b{_LABEL}\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"\b(?:by|von|par|por)\b", re.IGNORECASE)
_SEPARATED = re.compile(r"\s[|·•–—-]\s*$")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_STAMP_EXTRA = 4  # words a stamp holds beside its day: `10:42 AM ET`, `Uhr`
_LEAST_WORDS = 3  # what is left must still be a headline


def without_tail(text: str) -> str:
    """The line without the time, reading time or buttons glued after its headline."""
    at = 0
    while (match := _TAIL.search(text, at)) is not None:
        at = match.start() + 1
        head = text[: match.start()].rstrip(" |·•-–—,")
        tail = match.group("tail")
        if match.group("label") and not is_stamp(tail):
            continue  # `… as Fed published rules`: a label word, no stamp after it
        if _BYLINE.search(tail) or tail.count("|") > 1:
            return text  # `News, Top Story | Published: … | Written by …`: a meta line
        if word_count(head) >= _LEAST_WORDS and is_headline_like(head):
            return head
    return _without_date(text)


def stamp_tail(text: str) -> str | None:
    """The stamp a copy glued after the headline on line `text`, the tail `without_tail` cuts
    off, where it tells the time of day or opens on its label: a bare day set apart after a
    headline may be its own (`Agenda for the council meeting – May 7, 2024`)."""
    head = without_tail(text)
    if len(head) >= len(text) or not text.startswith(head):
        return None
    tail = text[len(head) :]
    if _LABEL_START.match(tail.lstrip(" |·•–—-,")) or _CLOCK.search(tail):
        return tail
    return None


def is_stamp(tail: str) -> bool:
    """Whether a (labelled) tail is a stamp: a day or a time and little else (`Updated 10:42 AM`,
    `Stand: 3. Mai`, `7 hours ago`), not a sentence naming a year (`… record profits in 2023`)."""
    if re.search(_RELATIVE, tail, re.I):
        return True
    rest = _LABEL_START.sub("", tail)
    found = find_date(rest)
    if found is not None and found[0].day is not None:
        rest = rest.replace(found[1], " ")
    elif not _CLOCK.search(rest):
        return False
    return len(_CLOCK.sub(" ", rest).split()) <= _STAMP_EXTRA


def _without_date(text: str) -> str:
    """The line without a date stamp set apart after its headline (`… | May 3, 2024`)."""
    found = find_date(text)
    # A stamp states its year; a wire's table dates its headline without one (`HONG KONG EXCHS
    # NOON - APR 7`), and that date is the headline's own.
    if found is None or found[0].day is None or found[0].year is None:
        return text
    at = text.find(found[1])
    while at > 0 and not text[at - 1].isspace():
        at -= 1  # `… CUTPEN access_time2019/04/21 11:51`: an icon's name glued to the stamp
    head, tail = text[:at], text[at:]
    # Unmarked, a day ends headlines too (`Election set for May 3, 2025`): only a mark before
    # it or a time of day with it makes it the line's stamp.
    if not (_SEPARATED.search(head) or _CLOCK.search(tail)) or len(tail) > 60:
        return text
    if len(tail.replace(found[1], " ").split()) > _STAMP_EXTRA:
        return text  # more than a time and a zone after the day: the headline goes on
    if _BYLINE.search(tail) or tail.count("|") > 1:
        return text
    head = _LABEL_END.sub("", head).rstrip(" |·•-–—,")
    return head if word_count(head) >= _LEAST_WORDS and is_headline_like(head) else text
