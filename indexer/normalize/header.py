"""The header cluster of a copied web page: the lines between its headline and its story.

A page dates and signs its story right by the headline (`By Jane Doe`, `May 3, 2024, 4:19 PM`);
the masthead above prints today's date, related lists and comments below print theirs, and a
copyright line prints the year the page was saved. So only the cluster around the top of the
article zone is read, and a page whose cluster states no date gets none: no date is better than
a wrong one.
"""

from __future__ import annotations

import re

from indexer.models import PartialDate
from indexer.normalize.bylines import BYLINE_LABELS, clean_name, parse_byline
from indexer.normalize.dates import find_date, parse_date_line
from indexer.normalize.lines import word_count
from indexer.normalize.sources import parse_publisher_line
from indexer.normalize.story import Page
from indexer.normalize.zone import Zone

ABOVE_TITLE = 2  # lines above the headline that may carry its date (a kicker, a date line)
BELOW_TITLE = 6  # lines below the headline: standfirst, byline, date
ABOVE_ZONE = 8  # lines above the story's first paragraph
INTO_ZONE = 5  # lines into the zone: a date printed under the standfirst
LABELLED_INTO_ZONE = 12  # a labelled `Published` line may stand below a long standfirst
ABOVE_ANCHOR = 3  # lines above a dateline where a wire story's byline stands
BYLINE_INTO_ZONE = 8  # a byline may stand below a longer standfirst and a caption
FAR_ABOVE = 16  # lines above the headline or zone where a lone date stamp may still stand
FAR_BELOW = 12  # lines below them: a stamp under a standfirst, a picture and its caption
LIST_REACH = 3  # stamps of other days this near make a list
_STAMP_CHARS = 60
_STAMP_WORDS = 8
_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|/|&|\b(?:and|und|et|y|e|og|och|i)\b)\s*")
_PARTICLE_WORDS = frozenset(
    "de da das do dos del della der den di du la le van von ten ter".split()
)
_META_CHARS = 240  # a header line (byline, date, place, reading time) is shorter than this
_META_WORDS = 30
_LEFTOVER_WORDS = 10
_PROSE_WORDS = 3
_COMMA_END = re.compile(r",\s*(?:\w{1,3}\s+)?$")  # `…, 24 April`, `…, le 30 avril`
# Words of page furniture and firms that a copied page sets in capitals like a name
# (`Order Reprints`, `Email Me`, `Getty Images`, `Walt Disney Co`).
_NOT_PERSON = frozenset(
    """related tags tag topics watch live listen email mail me images image photo photos video
    order reprints reprint share save saved article articles link copied login signup sign log
    feed rss podcasts podcast episodes episode search show view connect directly follow
    subscribe newsletter comments comment print job jobs vacancies menu home more read next
    previous advertisement sponsored privacy policy terms cookie cookies contact about careers
    help support imprint impressum sitemap accessibility settings account website webseite
    co inc corp ltd llc plc gmbh ag group company""".split()
)
_GLUED_BY = re.compile(r"^(?:BY|By)(?=[A-Z][a-z])")
_STAMP_BITS = re.compile(
    r"@\w+|\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|uhr\b|h\b)?(?:\s*[A-Z]{2,4}\b)?|\b(?:updated|published|posted"
    r"|last updated|first published)\b\s*:?|[:|]\s*$|\b(?:on|at|am|um|le|el)\s*(?=\||$)",
    re.IGNORECASE,
)
# `Kyle Doe 7 hours`, `Jane Doe | Published 4 months ago`: a relative time beside the name.
_RELATIVE = re.compile(
    r"(?:\b(?:published|updated|posted)\s*:?\s*)?\b\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?"
    r"|days?|weeks?|months?|years?|stunden|minuten|tagen?|std\.?)\b(?:\s+ago)?",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W\d_]+")
# `Kolumne von Carla Siepmann`, `Analysis by Jane Doe`: the kind of piece before its author.
_NAME_LABEL = re.compile(
    r"^(?:(?:ein\s+|eine\s+)?(?:kommentar|kolumne|gastbeitrag|analyse|analysis|essay|interview"
    r"|reportage|bericht|meinung|opinion|commentary|column|review|text|recherche)\s+)?"
    r"(?:von|by|par|por|di)\s+(?!(?:der|dem|den|la|le)\b)(?=[A-ZÀ-Þ])",
    re.IGNORECASE,
)
# `Sina Doe Landespolitische Korrespondentin`, `Daniel Doe Redakteur`, `Jane Doe Uhr`: a job
# title or the clock word of a stripped time after the name.
_ROLE = (
    r"(?:chef|ressort|fach)?(?:redakteur|korrespondent|reporter|autor|volontär|journalist)(?:in)?"
    r"|correspondent|editor|writer|director|contributor|columnist|reporter"
)
_ROLE_STEMS = tuple(
    "redakteur korrespondent reporter autor journalist correspondent editor writer director"
    " contributor columnist".split()
)  # every _ROLE match holds one (volontär is not ASCII)
_ROLE_WORD = re.compile(rf"^(?:{_ROLE})$", re.IGNORECASE)
# `Jane DoeTravel News Reporter`: a job title glued to the name by the copy.
_GLUED_ROLE = re.compile(rf"(?<=[a-zà-ÿ])(?=(?:[A-Z][a-z]+\s+){{0,3}}(?i:{_ROLE})\b)")
# `Von Jane Doe, Redakteurin für Finanzen`: a job title after a comma.
_COMMA_ROLE = re.compile(rf",\s*(?:[\w-]+\s+){{0,2}}?(?:{_ROLE})\b.*$", re.IGNORECASE)
_MAX_TITLE_WORDS = 3  # words of a job title before its role word (`Deputy Content Hub Director`)
_LABEL_CHARS = 24
_LABEL_WORDS = 3  # a label on a line of its own above its date (`Last updated:`)
_MAX_STAMPED_CREDIT = 200  # characters of a byline with its dates, times and handles
_BYLINE_LABEL_WORDS = frozenset(label.split()[-1] for label in BYLINE_LABELS)
_STAMP_HINT = re.compile(r"\d|@|updated|published|posted", re.IGNORECASE)  # else none to strip
_NOT_PUBLISHED = re.compile(
    r"\b(?:until|till|bis|expires?|available|verfügbar|hasta|jusqu'?au|retrieved|accessed)\b\W*$",
    re.IGNORECASE,
)  # how far before a date its `Updated` label may stand
_UPDATED = re.compile(r"\b(?:updated|modified|aktualisiert|akt\.|actualizado|mis à jour)", re.I)
# `— Jane Doe (@jane) May 3, 2024`: the attribution of a quoted post or a pull quote.
_ATTRIBUTION = re.compile(r"^[—–―]\s*\S")
# A label that says a sentence states the page's own date (`This story was first published on`).
_DATE_LABEL = re.compile(
    r"\b(?:published|posted|updated|modified|written|veröffentlicht|erschienen|aktualisiert"
    r"|geändert|erstellt|publicado|actualizado|modificado|publié|modifié|mis à jour|pubblicato"
    r"|aggiornato)\b",
    re.IGNORECASE,
)
# Lower-case words before a date that make the line a sentence: a stamp's label has three at most
# besides a publishing word (`This story is from`, `Aus: Ausgabe vom`, `Posted by Jane Doe on`).
_PROSE_BEFORE = 4
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w.])")
_DATA_NUMBERS = 3  # numbers beside the date and the time that make a line a table row


def cluster(page: Page, zone: Zone, title_at: int | None, into: int = INTO_ZONE) -> list[int]:
    """The lines of the header cluster: around the headline and just above the story."""
    lines = set(range(max(0, zone.start - ABOVE_ZONE), min(len(page.lines), zone.start + into)))
    if title_at is not None and title_at < zone.end:
        # Captions and video boxes may part a headline from its story: both ends are read.
        low, high = max(0, title_at - ABOVE_TITLE), min(len(page.lines), title_at + BELOW_TITLE)
        # Boilerplate paragraphs may open the zone above the headline: then the headline's own
        # lines below it still count.
        lines.update(range(low, min(high, max(zone.start, title_at) + into)))
    return sorted(lines)


def header_dates(
    page: Page, zone: Zone, title_at: int | None
) -> tuple[PartialDate | None, PartialDate | None]:
    """The publication and update dates stated in the header cluster (the nearest below first)."""
    span = cluster(page, zone, title_at)
    mark = title_at if title_at is not None and title_at < zone.end else span[0]
    published: PartialDate | None = None
    updated: PartialDate | None = None
    days: set[PartialDate] = set()
    # Below the headline first, nearest first; then above it.
    for i in sorted(span, key=lambda j: (j < mark, abs(j - mark))):
        if i == title_at:
            continue
        for kind, date in line_dates(page.text(i)):
            if kind == "updated" or _updated_above(page, i):
                updated = updated or date
            else:
                published = published or date
                if i > mark:
                    days.add(date)
    if len(days) > 1:
        # Two days stated below the headline, unlabelled: one is an update or a related story's,
        # and which one cannot be told. No date is better than a wrong one.
        return None, updated
    if published is None:
        published = _labelled_date(page, zone, mark)
    if published is None:
        published = _stamp_near(page, zone, mark)
    return published, updated


def _updated_above(page: Page, i: int) -> bool:
    """Whether line `i` stands under a label line of its own (`Updated:` / `Mar 6, 2018`)."""
    if i == 0:
        return False
    label = page.text(i - 1)
    short = label.endswith(":") and word_count(label) <= _LABEL_WORDS
    return short and bool(_UPDATED.search(label))


def _stamp_near(page: Page, zone: Zone, mark: int) -> PartialDate | None:
    """A line that is nothing but a date stamp, a little further from the headline or the zone."""
    low = max(0, min(mark, zone.start) - FAR_ABOVE)
    high = min(len(page.lines), max(mark, zone.start) + FAR_BELOW, zone.end)
    stamps = {i: _stamp_dates(page.text(i)) for i in range(low, high)}
    for i in sorted(stamps, key=lambda j: (j < mark, abs(j - mark))):
        dates = stamps[i]
        if not dates:
            continue
        # A run of stamps with other days around it is a list of related stories or comments.
        around = range(max(low, i - LIST_REACH), min(high, i + LIST_REACH + 1))
        if any(stamps[j] and stamps[j][0] != dates[0] for j in around if j != i):
            return None
        return dates[0]
    return None


def _stamp_dates(text: str) -> list[PartialDate]:
    """The publication dates of a short line made only of a date, a time and a label."""
    if len(text) > _STAMP_CHARS:
        return []
    found = line_dates(text)
    if not found or word_count(text) > _STAMP_WORDS:
        return []
    dates = [date for kind, date in found if kind == "published"]
    # `December 10, 2021April 9, 2019 by Jane Doe`: two days unlabelled, one an update.
    return dates if len(set(dates)) == 1 else []


def _labelled_date(page: Page, zone: Zone, mark: int) -> PartialDate | None:
    """A `Published …` line away from the cluster, above the story or at its top, nearest first."""
    # Related lists and comments date their items bare; a `Published` label is the page's own.
    high = min(len(page.lines), zone.start + LABELLED_INTO_ZONE)
    for i in sorted(range(high), key=lambda j: abs(j - mark)):
        dated = parse_date_line(page.text(i), bare=False)
        if dated is not None and dated[0] == "published" and dated[1].day is not None:
            return dated[1]
    return None


def line_dates(text: str) -> list[tuple[str, PartialDate]]:
    """The dated stamps of a header line, each as (`published` or `updated`, date)."""
    if len(text) > _META_CHARS or word_count(text) > _META_WORDS:
        return []  # a sentence of the story that names a date
    if _ATTRIBUTION.match(text):
        return []  # a quoted post's date, not the page's
    found: list[tuple[str, PartialDate]] = []
    rest, before, plain = text, "", ""
    while rest:
        hit = find_date(rest)
        if hit is None:
            break
        date, expr = hit
        at = rest.find(expr)
        before += rest[:at]
        plain += rest[:at] + " "
        rest = rest[at + len(expr) :]
        if date.year is None or date.day is None:
            before += expr
            continue
        # `By Jane Doe Updated Nov 13, 2019`, `Akt.: 29. Juni 2025`: the label just before it.
        label = before[-_LABEL_CHARS:]
        if _NOT_PUBLISHED.search(label):
            continue  # `Verfügbar bis 06.05.2024`: a video's expiry, an event's date
        found.append(("updated" if _UPDATED.search(label) else "published", date))
        before += expr
    # What the dates leave must be a label, names or a place, not a caption or a sentence.
    # Counted without the dates and times themselves (`Posted: Aug 08, 2024 4:00 AM EDT`).
    leftover = _STAMP_BITS.sub(" ", plain + rest)
    words = _WORDS.findall(leftover)
    if found and word_count(" ".join(words)) > _LEFTOVER_WORDS:
        return []
    if found and (caption_date(text) or _prose_date(text) or _data_row(leftover)):
        return []
    return found


def _prose_date(text: str) -> bool:
    """Whether a date is named in a sentence (`… berichtet BR24 im Radio am 26.08.2024`)."""
    hit = find_date(text)
    if hit is None:
        return False
    head = text[: text.find(hit[1])]
    if _DATE_LABEL.search(head):
        return False  # `This story was first published on`: the sentence is a label
    lower = sum(w.islower() and len(w) > 1 for w in _WORDS.findall(head))
    return lower >= _PROSE_BEFORE


def _data_row(leftover: str) -> bool:
    """Whether what a line holds beside its dates and times is a row of figures (a table)."""
    return len(_NUMBER.findall(leftover)) >= _DATA_NUMBERS


def caption_date(text: str) -> bool:
    """Whether a line is a caption or a sentence ending on a date (`…, 24 April 2023`)."""
    hit = find_date(text)
    if hit is None:
        return False
    head = text[: text.find(hit[1])]
    # Labels and names are capitalised or short (`Published on`, `Von Eva Doe |`); the words of a
    # caption before its comma run in lower case.
    lower = sum(w.islower() and len(w) > 1 for w in _WORDS.findall(head))
    return bool(_COMMA_END.search(head)) and lower >= _PROSE_WORDS


def header_byline(
    page: Page, zone: Zone, title_at: int | None, body: str, anchor: int | None = None
) -> list[str]:
    """The names the header cluster signs the story with (`By` lines first, then bare names)."""
    span = cluster(page, zone, title_at, BYLINE_INTO_ZONE)
    if anchor is not None:
        # A wire story on a portal: its byline stands just above its dateline.
        span = sorted(set(span) | set(range(max(0, anchor - ABOVE_ANCHOR), anchor)))
    mark = title_at if title_at is not None and title_at < zone.end else span[0]
    order = sorted((i for i in span if i != title_at), key=lambda j: (j < mark, abs(j - mark)))
    bylines = {i: _byline_names(page.text(i), body) for i in span}
    for i in order:
        if bylines.get(i):
            # Consecutive `By` lines sign together (`By Daniel Okoro` / `By Priya Natarajan`).
            low = high = i
            while bylines.get(low - 1):
                low -= 1
            while bylines.get(high + 1):
                high += 1
            names: list[str] = []
            for j in range(low, high + 1):
                names.extend(n for n in bylines[j] if n not in names)
            return names
    for i in order:
        names = bare_names(page.text(i))
        if names and not any(_common_words(n, body) for n in names):
            return names
    return []


def _credit_text(text: str) -> str:
    """A credit line without the job title glued to or set after its name."""
    text = text.replace("\xa0", " ")
    if text.isascii():
        # Both patterns need a role word; a substring test rules most lines out far faster
        # than the patterns' lookaheads at every letter (exact for ASCII: no ſ or K to fold).
        lower = text.lower()
        if not any(word in lower for word in _ROLE_STEMS):
            return text
    return _COMMA_ROLE.sub("", _GLUED_ROLE.sub(" ", text))


def _byline_names(text: str, body: str) -> list[str]:
    """The names of a `By` line that are not common words of the story."""
    text = _credit_text(text)
    if parse_publisher_line(text) is not None:
        return []  # `Published by Global Banking & Finance Review`: the site, not a person
    credit = parse_byline(_unstutter(text))
    if (
        credit is None
        and len(text) <= _MAX_STAMPED_CREDIT
        and _STAMP_HINT.search(text)
        and _may_hold_label(text)
    ):
        # Only a credit-sized line is worth stripping of its dates (a date search per line).
        credit = parse_byline(_without_stamps(_unstutter(text)))
    if credit is None:
        return []
    names = (tidy_name(n) for n in credit.byline)
    return [n for n in names if n and not _common_words(n, body)]


def tidy_name(name: str) -> str | None:
    """A name without the label before it or the job title and clock word after it."""
    words = _NAME_LABEL.sub("", name).split()
    if words and words[-1].lower() == "uhr":
        words.pop()  # the clock word of a stripped time
    elif len(words) > 2 and _ROLE_WORD.match(words[-1]):
        # `Sina Doe Landespolitische Korrespondentin`: the title's words, two names kept.
        words.pop()
        for _ in range(_MAX_TITLE_WORDS):
            if len(words) > 2 and words[-1][:1].isupper():
                words.pop()
    tidy = " ".join(words).strip(" ,|·-–—")
    # What stood beside a one-word remainder (`Do 14:07 Uhr` leaves `Do`) was no name either.
    return tidy if tidy == name or len(tidy.split()) > 1 else None


def _may_hold_label(text: str) -> bool:
    """False when a line cannot hold a byline label (`By`, `Von`...) even without its stamps."""
    # Stripping stamps only cuts and spaces: a label's letters must stand in the line already.
    if not text.isascii():
        return True  # CJK bylines have labels of their own
    lower = text.lower()
    return any(word in lower for word in _BYLINE_LABEL_WORDS)


def _unstutter(text: str) -> str:
    """`Byby JANE DOE`, `BYKia Doe`: a byline label copied twice or glued to the name."""
    if text[:4].lower() == "byby":
        return text[2:]
    return _GLUED_BY.sub("By ", text, count=1)


def _without_stamps(text: str) -> str:
    """A credit line without its dates, times, handles and `Updated` labels, names left."""
    found = find_date(text)
    while found is not None:
        text = text.replace(found[1], " | ")
        found = find_date(text)
    text = _STAMP_BITS.sub(" ", text)
    return " ".join(text.split()).strip(" |·•-–—/:,")


def bare_names(text: str) -> list[str]:
    """The names of a line that is nothing but names, perhaps with a date (`Jane Doe, 3.5.2024`)."""
    if len(text) > 120:
        return []
    text = _RELATIVE.sub(" ", _credit_text(text))
    found = find_date(text)
    if found is not None:
        text = _STAMP_BITS.sub(" ", text.replace(found[1], " "))
    # `Politik · Jochen Bittner, Tina Hildebrandt`: the first part made only of names.
    for part in _SEPARATOR.split(text.strip(" ,|·•-–—")):
        names = _names_only(part.strip())
        if names:
            return names
    return []


def _names_only(text: str) -> list[str]:
    """The names of a text that holds nothing else (one-word pieces aside), or none."""
    if not text or word_count(text) > 8 or any(c.isdigit() for c in text):
        return []
    # A one-word part is no person: an outlet or what a date leaves (`Jane Doe, Reuters`, `Uhr`).
    parts = [p for p in _NAME_SPLIT.split(text) if len(p.split()) > 1]
    names = [clean_name(tidy_name(p) or p) for p in parts]
    if not names or any(n is None for n in names):
        return []
    tidy = (tidy_name(n) for n in names if n)
    return [n for n in tidy if n]


def _common_words(name: str, body: str) -> bool:
    """Whether a `name` is made of words the story writes in lower case (`Federal Politics`)."""
    if name.split()[-1].lower() in _PARTICLE_WORDS:
        return True  # `Kommentar von`: a label before the name, not a name
    for word in name.split():
        low = word.lower().strip(".")
        if low in _NOT_PERSON:
            return True
        if (
            len(low) > 2
            and low not in _PARTICLE_WORDS
            and re.search(rf"\b{re.escape(low)}\b", body)
        ):
            return True
    return False
