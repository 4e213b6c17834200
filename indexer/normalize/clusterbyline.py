"""The byline of a copied page's header cluster: `By` lines first, then bare names with evidence.

A page signs its story by the headline (`By Jane Doe`, `Jane Doe | May 3, 2024`); the lines
around it also hold menus, section names, photo credits and widgets set in capitals like a name
(`Closing Bell`, `APA/AFP/Jane Doe`). A labelled line is trusted; a bare name must look like a
person's and stand where a byline stands.
"""

from __future__ import annotations

import re

from indexer.normalize.bylines import BYLINE_LABELS, clean_name, parse_byline
from indexer.normalize.cluster import STAMP_BITS, cluster
from indexer.normalize.dates import find_date, parse_date_line
from indexer.normalize.lines import word_count
from indexer.normalize.sources import WIRES, canonical_outlet, is_outlet_like, parse_publisher_line
from indexer.normalize.story import Page
from indexer.normalize.zone import Zone

ABOVE_ANCHOR = 3  # lines above a dateline where a wire story's byline stands
BYLINE_INTO_ZONE = 8  # a byline may stand below a longer standfirst and a caption
_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|/|&|\b(?:and|und|et|y|e|og|och|i)\b)\s*")
_PARTICLE_WORDS = frozenset(
    "de da das do dos del della der den di du la le van von ten ter".split()
)
# Words of page furniture and firms that a copied page sets in capitals like a name
# (`Order Reprints`, `Email Me`, `Getty Images`, `Walt Disney Co`).
_NOT_PERSON = frozenset(
    """related tags tag topics watch live listen email mail me images image photo photos video
    order reprints reprint share save saved article articles link copied login signup sign log
    feed rss podcasts podcast episodes episode search show view connect directly follow
    subscribe newsletter comments comment print job jobs vacancies menu home more read next
    previous advertisement sponsored privacy policy terms cookie cookies contact about careers
    help support imprint impressum sitemap accessibility settings account website webseite
    co inc corp ltd llc plc gmbh ag group company published updated posted veröffentlicht
    aktualisiert publicado actualizado publié pubblicato aggiornato""".split()
)
_GLUED_BY = re.compile(r"^(?:BY|By)(?=[A-Z][a-z])")
# `Kyle Doe 7 hours`, `Jane Doe | Published 4 months ago`: a relative time beside the name.
_RELATIVE = re.compile(
    r"(?:\b(?:published|updated|posted)\s*:?\s*)?\b\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?"
    r"|days?|weeks?|months?|years?|stunden|minuten|tagen?|std\.?)\b(?:\s+ago)?",
    re.IGNORECASE,
)
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
_MAX_STAMPED_CREDIT = 200  # characters of a byline with its dates, times and handles
_BYLINE_LABEL_WORDS = frozenset(label.split()[-1] for label in BYLINE_LABELS)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+|@\w+")
# `5 min read`, `Lesedauer: 4 Minuten`, `Temps de lecture 4 min.`: reading time beside a byline.
_READING = re.compile(
    r"\b(?:reading time|read time|lesedauer|lesezeit|temps de lecture|tiempo de lectura)\s*:?\s*"
    r"(?:\d+\s*(?:minutes?|minuten|min)\b\.?)?|\b\d+\s*-?\s*(?:minutes?|minuten|min)\.?\s+"
    r"(?:read|lesen|de lecture|de lectura)\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\s*\([^()]{1,60}\)")
# `Autor: Jane Doe`, `Autorin/Autor Jane Doe`, `Written by Jane Doe`, `投稿者 Jane Doe`.
_AUTHOR_LABEL = re.compile(
    r"^(?:autor(?:in)?(?:/autor(?:in)?)?|authors?|auteur|autore|written by|投稿者|著者|作者)"
    r"(?!\w)\s*[:：]?\s*",
    re.IGNORECASE,
)
_LABEL_ALONE = re.compile(
    r"^(?:by|von|par|por|authors?|autor(?:in)?|auteur|autore|written by|author of the article"
    r"|autor des artikels|(?:ein\s+|eine\s+)?(?:kommentar|kolumne|gastbeitrag|analyse|analysis"
    r"|essay|commentary|column|opinion|meinung)\s+(?:von|by|par|por|di)"
    # `Written on Mar 17 by` / `Jane Doe`: a short stamp that ends in its label.
    r"|(?:written|posted|published|veröffentlicht)\b[^.!?]{0,30}\s(?:by|von))\s*:?$",
    re.IGNORECASE,
)
# `Top Story | Published: 5 hours ago | Written by Jane Doe`: a labelled part of a meta line.
_LABELLED_PART = re.compile(r"\s[|·•]\s(?i:written|reported|story|words)\s+(?i:by)\s+(?=[A-Z])")
_WIRE_CHARS = 40
_COPY_REACH = 20  # lines above the headline where an earlier copy of it may stand
_BELOW_COPY = 2  # lines under that copy where its byline stands
_WIRE_BELOW = 3  # lines under the headline where an agency's name alone signs
_LONE_BELOW_ZONE = 12  # lines under the story where its one signature may stand
_LONE_INTO_ZONE = 16  # lines into the story where its one `By` line may still stand
_DATE_REACH = 2  # lines between a bare name and its date (`Jane Doe` / `Science` / `May 3`)
_GLUED_WORD = re.compile(r"(?<=[a-zà-ÿ]{3})(?=[A-ZÀ-Þ])")
_OPENERS = frozenset("\"'“‘„«[(—–―")
# Photo credits: `Foto: …`, `Bild: …`, `© …`, `Photo by …`, `Getty Images`.
_PICTURE = re.compile(
    r"©|\b(?:copyright|foto|fotos|photo|photos|bild|bilder|image|images|picture|credit)\b",
    re.IGNORECASE,
)
_AGENCY_LINE = re.compile(r"^(?:by|von|par|por|door|af|av)\s*:?\s+(?P<rest>\S.*)$", re.I)
_STAMP_HINT = re.compile(r"\d|@|updated|published|posted", re.IGNORECASE)  # else none to strip


def header_byline(
    page: Page, zone: Zone, title_at: int | None, body: str, anchor: int | None = None
) -> list[str]:
    """The names the header cluster signs the story with (`By` lines first, then bare names)."""
    span = cluster(page, zone, title_at, BYLINE_INTO_ZONE)
    if title_at is not None:
        # A headline printed again above the story's copy may carry the byline under it.
        span = sorted(set(span) | set(_under_copies(page, title_at)))
    if anchor is not None:
        # A wire story on a portal: its byline stands just above its dateline.
        span = sorted(set(span) | set(range(max(0, anchor - ABOVE_ANCHOR), anchor)))
    mark = title_at if title_at is not None and title_at < zone.end else span[0]
    order = sorted((i for i in span if i != title_at), key=lambda j: (j < mark, abs(j - mark)))
    body = _CONTACT.sub(" ", body)  # `jane.doe@example.com`, `@janedoe` write names in lower case
    signed = {i: _byline_names(_signed_text(page, i), body) for i in span}
    # A paper signing with its own name (`by Lesotho Times`) stands in only where no person does.
    bylines = {i: [n for n in names if not _house(n)] for i, names in signed.items()}
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
    agency = next((a for i in order if (a := _agency_byline(_signed_text(page, i)))), None)
    if agency is not None:
        return [agency]
    lone = _lone_byline(page, zone, body)
    if lone:
        return lone
    houses = [names for i in order if (names := signed[i])]
    # A name over its date line (`Jane Doe` / `30. Juni 2025`) signs deeper into the story too.
    cluster_lines = set(order)
    order += [i for i in _over_dates(page, zone) if i not in cluster_lines]
    bare = {i: bare_names(text) if _may_be_credit(text := page.text(i)) else [] for i in order}
    found: list[tuple[bool, list[str]]] = []
    for i in order:
        names = bare[i]
        stamped = bool(names) and find_date(page.text(i)) is not None
        # Dated on its own line a name may hold a common word (`Will Doe/May 3, 2024`); a bare
        # phrase may not (`Closing Bell`).
        common = _all_common if stamped else _common_words
        if not names or any(common(n, body) for n in names):
            continue
        if i < mark and not _dated_beside(page, i):
            continue  # above the headline stand kickers, sections and menus, not bylines
        if any(_house(n) for n in names):
            houses.append(names)
            continue
        found.append((stamped, names))
    if found:
        # A name stamped with its date on one line (`Jane Doe · CBC News · Posted: May 3`) is
        # the byline before a nearer bare phrase (`Social Sharing`, a picture's `Warner Bros.`).
        return next((names for stamped, names in found if stamped), found[0][1])
    if houses:
        return houses[0]
    # `Associated Press` alone just under the headline signs the story; elsewhere an agency's
    # name alone credits a picture (`Xinhua` under a caption).
    if title_at is None:
        return []
    below = range(title_at + 1, min(len(page.lines), title_at + _WIRE_BELOW + 1))
    wire = next((t for i in below if _is_wire(t := page.text(i).strip())), None)
    return [wire] if wire is not None else []


def _over_date(page: Page, i: int) -> bool:
    """Whether line `i` stands over a date line of its own."""
    return i + 1 < len(page.lines) and parse_date_line(page.text(i + 1)) is not None


def _over_dates(page: Page, zone: Zone) -> list[int]:
    """The short lines in the story's first lines that stand over a date line of their own."""
    end = min(len(page.lines), zone.start + _LONE_INTO_ZONE)
    return [
        i for i in range(zone.start, end) if len(page.text(i)) <= _WIRE_CHARS and _over_date(page, i)
    ]


def _under_copies(page: Page, title_at: int) -> list[int]:
    """The lines just under earlier copies of the headline, a few lines above it."""
    key = page.keys[title_at]
    return [
        j
        for i in range(max(0, title_at - _COPY_REACH), title_at)
        if page.keys[i] == key
        for j in range(i + 1, min(title_at, i + _BELOW_COPY + 1))
    ]


def _is_wire(text: str) -> bool:
    """Whether a line is nothing but a news agency's name (`The Associated Press`, `dpa`)."""
    return len(text) <= _WIRE_CHARS and canonical_outlet(text) in WIRES


def _lone_byline(page: Page, zone: Zone, body: str) -> list[str]:
    """The names of the one `By` line above the story (or at its top) when the cluster has none.

    The headline may have been missed, or a gallery parts it from the story; a list of other
    stories signs each teaser, so a second `By` line with other names makes the first no byline.
    """
    found: list[list[str]] = []
    # The story's foot may sign it too (`Autor: Jane Doe` under the last paragraph).
    foot = range(zone.end, min(len(page.lines), zone.end + _LONE_BELOW_ZONE))
    for i in [*range(min(len(page.lines), zone.start + _LONE_INTO_ZONE)), *foot]:
        text = _signed_text(page, i)
        if not _may_hold_label(text):
            continue
        names = [n for n in _byline_names(text, body) if not _house(n)]
        if names and names not in found:
            found.append(names)
            if len(found) > 1:
                return []
    return found[0] if found else []


def _signed_text(page: Page, i: int) -> str:
    """Line `i`, as a `By` line when it carries a label (`Autor: …`) or stands under one alone
    (`Author of the article:` / `Jane Doe`)."""
    text = page.text(i)
    if i > 0 and _LABEL_ALONE.match(page.text(i - 1)):
        return f"By {text}"
    part = _LABELLED_PART.search(text)
    if part is not None:
        return "By " + _SEPARATOR.split(text[part.end() :])[0]
    return _AUTHOR_LABEL.sub("By ", text, count=1)


def _may_be_credit(text: str) -> bool:
    """False for a line that is a label, a quotation, a pull quote's source or a photo credit."""
    if _AGENCY_LINE.match(text):
        return False  # a `By` line that named no one (`by Lesotho Times`) names no one bare
    if text[:1] in _OPENERS or text.rstrip().endswith(":"):
        return False  # `“Lady Gaga”`, `[Guitar Solo]`, `— Jane Doe (@jane)`, `Das Wichtigste:`
    hit = find_date(text) if ":" in text else None
    head = text[: text.find(hit[1])].rstrip() if hit is not None else ""
    if head.endswith(":") and not _SEPARATOR.search(head) and "/" not in head:
        return False  # `Son Güncelleme : 30.04.2024`: a date's label, not a name beside it
    if _PICTURE.search(text):
        return False  # `Foto: Jane Doe`, `© Jane Doe`
    # `APA/AFP/Jane Doe`, `Jane Doe / AP`: a photographer credited with the picture's agency.
    pieces = [p.strip() for p in text.split("/")]
    if len(pieces) == 1 or find_date(text) is not None:
        return True  # a picture's credit carries no date (`Jane Doe / TNN / Updated: May 3`)
    return not any(canonical_outlet(p) for p in pieces)


def _dated_beside(page: Page, i: int, reach: int = _DATE_REACH) -> bool:
    """Whether line `i` states a date or stands a line or two from one that does."""
    return (
        any(
            0 <= j < len(page.lines) and parse_date_line(page.text(j)) is not None
            for j in range(i - reach, i + reach + 1)
        )
        or find_date(page.text(i)) is not None
    )


def _agency_byline(text: str) -> str | None:
    """A `By` line that credits a news agency alone (`By Associated Press`, `Von dpa, 30.04.`)."""
    match = _AGENCY_LINE.match(text)
    if match is None:
        return None
    first = re.split(r"\s*[,|·•]\s*|\s+[-–—]\s+", _without_stamps(match.group("rest")))[0]
    outlet = canonical_outlet(first)
    return first.strip() if outlet is not None and outlet in WIRES else None


def _credit_text(text: str) -> str:
    """A credit line without its reading or relative time, handles, asides, what the copy glued
    to the name and the job title after it."""
    text = _RELATIVE.sub(" ", _READING.sub(" ", text.replace("\xa0", " ")))
    if "@" in text:
        text = _CONTACT.sub(" ", text)  # `Jane Doe@janedoe`, `Jane Doe | jdoe@example.com`
    if "(" in text:
        text = _ASIDE.sub(" ", text)  # `Par Jane Doe(Bruxelles, bureau européen)`
    glued = _GLUED_WORD.search(text) if len(text) <= _MAX_STAMPED_CREDIT else None
    if glued is not None and len(text[: glued.start()].split()) >= 2:
        # `Jane DoeTwitter`, `Jane DoeCEO`, `Jane DoeJane Doe`: the copy glued the next element
        # to the name; a name's own capitals follow one or two letters (`McDonald`, `DeVeaux`).
        text = text[: glued.start()]
    return _without_role(text)


def _without_role(text: str) -> str:
    """A credit line without the job title glued to or set after its name."""
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
    names = (_without_furniture(tidy_name(n)) for n in credit.byline)
    return [n for n in names if n and not _common_words(n, body)]


def _without_furniture(name: str | None) -> str | None:
    """A name without the page's buttons after it (`Jane Doe Follow`, `Jane Doe Email`)."""
    words = (name or "").split()
    while len(words) > 2 and words[-1].lower() in _NOT_PERSON:
        words.pop()
    return " ".join(words) or None


def _house(name: str) -> bool:
    """Whether a credited name is a newspaper or a company rather than a person or an agency."""
    return is_outlet_like(name) and canonical_outlet(name) not in WIRES


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
    text = STAMP_BITS.sub(" ", text)
    return " ".join(text.split()).strip(" |·•-–—/:,")


def bare_names(text: str) -> list[str]:
    """The names of a line that is nothing but names, perhaps with a date (`Jane Doe, 3.5.2024`)."""
    if len(text) > 120:
        return []
    text = _credit_text(text)
    found = find_date(text)
    if found is not None:
        text = STAMP_BITS.sub(" ", text.replace(found[1], " "))
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
    # `Jane Doe Senior Editor, The Daily Example`: the house after the names is no name.
    parts = [p for p in parts if not is_outlet_like(p)] or parts
    names = [clean_name(tidy_name(p) or p) for p in parts]
    if not names or any(n is None for n in names):
        return []
    tidy = (tidy_name(n) for n in names if n)
    return [n for n in tidy if n]


def _all_common(name: str, body: str) -> bool:
    """Whether every word of a `name` is one the story writes in lower case (`Closing Bell`), or
    one is page furniture (`Actualizado Lunes`)."""
    words = name.split()
    return any(w.lower().strip(".") in _NOT_PERSON for w in words) or all(
        _common_words(word, body) for word in words
    )


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
