"""Credits that name no person in full: an agency, a desk, a house or a pen name.

A `By` line may credit a news agency (`By Associated Press`), a desk (`By Smart Shopping Team`),
the site itself (`By TPN, in News`) or a writer's pen name or handle (`by doumae`, a blog's
`Posted by jdoe at 8:38 pm`); a one-word name may stand over its date under the headline
(`Paul` / `December 23, 2016`). Each is read as the page writes it, and each is weaker
evidence than a person's full name: the byline cluster (`clusterbyline`) asks for them in its
order.
"""

from __future__ import annotations

import re

from indexer.normalize.bylines import GREEK_ARTICLE_ONE, styled_person
from indexer.normalize.creditline import (
    all_common,
    common_words,
    without_buttons,
    without_stamps,
)
from indexer.normalize.dates import find_date, parse_date_line
from indexer.normalize.lines import is_paragraph
from indexer.normalize.masthead import CLOCK
from indexer.normalize.sources import WIRES, canonical_outlet, is_outlet_like
from indexer.normalize.story import Page
from indexer.normalize.teaserrun import top_section

DATE_REACH = 2  # lines between a bare name and its date (`Jane Doe` / `Science` / `May 3`)
# A desk's last word; a paper credits an unnamed reporter by their job too (`Our Correspondent`,
# `Staff Reporter`, `Delhi Bureau`).
_DESK_WORDS = frozenset(
    "staff team desk newsroom editors redaktion bureau correspondent reporter".split()
)
_JOB_DESKS = frozenset({"correspondent", "reporter"})  # a desk's words that are a person's job
_OWN_WORDS = frozenset({"our", "staff"})  # the house's own unnamed reporter (`Staff Reporter`)
_HOUSE_END = re.compile(r"\s*[,|·•]\s*|\s+[-–—]\s+|\s+(?i:with|in|for|on)\s+")
_HOUSE_WORDS = 3  # words of a house's name in a `By` line (`By Daily Example`)
_MAX_HOUSE_LINE = 120
# What a capitalised word after `By` may be without naming a house (`By Monday`, `By Category`).
_NOT_HOUSE = frozenset(
    """the a an this that these those our your its his her their my me us you it them
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
    category topic date region author name popularity price email mail phone default post
    relevance rating""".split()
)
# The labels of a story's kind a page sets alone by its headline and date, in any case: a
# kicker, no one's pen name.
_KIND_LABELS = frozenset(
    """exclusive breaking analysis explainer opinion live update updated sponsored advertorial
    exklusiv exclusiva exclusivo exclusif esclusiva esclusivo""".split()
)
# Names joined as a list (`Ann Lee and Bob Tan`): writers, where one place would stand.
_JOINED_NAMES = re.compile(r"\s(?:and|und|et|y)\s|&|,")
_HANDLE = re.compile(r"^[^\W\d_][\w.'’-]{2,29}$")
# A blog's post stamp (`Posted by jdoe at 8:38 pm`, `Written by jdoe on May 3, 2024`): the
# label, the account that posted and when, a line no sentence of a story writes. `Published by`
# names a house and its day (a book's `Published by Faber on 4 June 2024` under its review).
_POST_STAMP = re.compile(
    r"^(?:posted|written)\s+by\s+(?P<name>\S+)"
    r"\s+(?:at|on|@)\s+(?P<when>\S.*)$",
    re.IGNORECASE,
)
# The accounts a publishing platform makes for its site or for posts no one signs, and the
# roles a site posts under (`Posted by Editor at 9:15 am`, `Posted by Newsroom on …`).
_SITE_ACCOUNTS = frozenset(
    {"admin", "administrator", "webmaster", "root", "anonymous", "guest", "editor", "moderator"}
    | _DESK_WORDS
)
_PEN_BELOW = 2  # lines under the headline where a one-word name over its date signs
_WIRE_BELOW = 3  # lines under the headline where an agency's name alone signs
_WIRE_CHARS = 40
_SOURCE_LABEL = re.compile(
    r"^(?:source|quelle|fuente|fonte|bron|källa|kilde|lähde|źródło|zdroj|kaynak)\s*:\s*", re.I
)
_PICTURE_DESK = re.compile(
    r"(?:info)?(?:grafik|graphic|foto|photo|bild|picture|image|video|karte|map)s?$", re.I
)
_FIELD_END = re.compile(r"\s*[|｜·•]\s*")  # between the fields of a stamp line
_MAX_STAMP_LINE = 120
_STAMP_FIELDS = re.compile(r"\s+[/|·•]\s+")  # `November 19, 2019 / 10:07 AM / CBS News`
# `Reuters, Washington,`: a wire credit with the place the story was filed from, closed by the
# comma a dateline's place takes; without it the words may be a photographer's name
# (`Reuters, Jane Doe` under a picture).
_FILED_FROM = re.compile(
    r"^(?P<agency>[^,]{2,40}),\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*,$"
)
# The job an author box gives a news agency under its name.
_AGENCY_ROLE = re.compile(
    r"^(?:(?:nachrichten|presse)agentur|news agency|press agency|wire service|agence de presse"
    r"|agencia de (?:noticias|prensa)|agenzia di stampa|persbureau|nieuwsagentschap)$",
    re.IGNORECASE,
)
# `By` and its kin; a Romance newsroom's credit (`Redazione ANSA`, `Redacción EFE`) names the
# house whose desk wrote the story: an agency's letters, a name of two words or more, or what a
# colon labels. A single word after the desk word is the desk's city or beat (`Redacción Madrid`,
# `Redazione Cronaca`), no house: that line is credited as the page writes it.
_DESK = (
    r"(?:redazione|redacción|redação|rédaction)"
    r"(?:\s*:|(?=\s+(?-i:[A-Z][A-Z0-9&]+\b|[A-Z]\S*\s+[A-Z])))"
)
AGENCY_LINE = re.compile(
    rf"^(?:by|von|par|por|door|af|av|{_DESK})\s*:?\s+(?P<rest>\S.*)$",
    re.I,
)


def dated_beside(page: Page, i: int, reach: int = DATE_REACH) -> bool:
    """Whether line `i` states a date or stands a line or two from one that does."""
    return (
        any(
            0 <= j < len(page.lines) and parse_date_line(page.text(j)) is not None
            for j in range(i - reach, i + reach + 1)
        )
        or find_date(page.text(i)) is not None
    )


def dated_close(page: Page, i: int) -> bool:
    """Whether line `i` states a date or stands by one with no words between (`小暮ひさのり` /
    `6,762` / `2019.04.19 20:00`; not a kicker whose date stands across the headline)."""
    if find_date(page.text(i)) is not None:
        return True
    for j in range(max(0, i - DATE_REACH), min(len(page.lines), i + DATE_REACH + 1)):
        if j == i or parse_date_line(page.text(j)) is None:
            continue
        between = (page.text(k) for k in range(min(i, j) + 1, max(i, j)))
        if not any(c.isalpha() for text in between for c in text):
            return True
    return False


def agency_byline(text: str) -> str | None:
    """A `By` line that credits a news agency alone (`By Associated Press`, `Von dpa, 30.04.`)."""
    match = AGENCY_LINE.match(text)
    if match is None:
        return None
    first = re.split(r"\s*[,|·•]\s*|\s+[-–—]\s+", without_stamps(match.group("rest")))[0]
    outlet = canonical_outlet(first)
    if outlet is not None and outlet in WIRES:
        return first.strip()
    # `By Smart Shopping Team`, `by BWW News Desk`: the page credits a desk, as it writes it.
    return desk_name(first)


def house_credit(text: str) -> list[str]:
    """The house a `By` line credits when it names no person (`By TPN, in News`, `By Euronews
    with Agencies`), as the page writes it; it signs only where no one else does."""
    match = AGENCY_LINE.match(text)
    if match is None or len(text) > _MAX_HOUSE_LINE:
        return []
    first = _HOUSE_END.split(without_stamps(without_buttons(match.group("rest"))))[0].strip(" .")
    words = first.split()
    # `By The New York Times`: a paper's name may open with its article, where an outlet's
    # word (`Times`, `Post`) ends it, not a phrase (`By The Numbers`, `By The Express Lane`) or
    # a styled person (`By The Honourable Jane Daily`).
    paper = bool(words) and is_outlet_like(words[-1]) and not styled_person(first)
    named = words[1:] if words[:1] == ["The"] and paper else words
    if not 1 <= len(named) <= _HOUSE_WORDS or not all(w[:1].isupper() for w in words):
        return []
    if find_date(first) is not None or any(w.lower() in _NOT_HOUSE for w in named):
        return []
    return [first]


def stamped_house(text: str, body: str) -> list[str]:
    """The house a stamp line names in its last field (`November 19, 2019 / 10:07 AM / CBS
    News`): the outlet that published the story, which signs only where no one else does; a
    section's name there is made of words the story writes in lower case (`Local News`)."""
    if len(text) > _MAX_STAMP_LINE:
        return []
    *stamps, last = _STAMP_FIELDS.split(text.strip())
    head = " ".join(stamps)
    if not stamps or find_date(head) is None or without_stamps(head):
        return []
    words = last.split()
    if not 1 <= len(words) <= _HOUSE_WORDS or not all(w[:1].isupper() for w in words):
        return []
    if all_common(last, body) or top_section(last):
        return []
    # A short word in capitals alone (`LONDON`, `ET`) may be the dateline's place or the
    # time's zone: the field credits a house by a known name or a house's word (`CBS News`).
    shaped = is_outlet_like(last) and not (last.isupper() and " " not in last)
    house = canonical_outlet(last)
    return [last] if (house or shaped) and house not in WIRES else []


def pen_name(text: str, body: str) -> str | None:
    """The pen name or handle a `By` line signs with (`by doumae`, `By Cindy mangomini`), as the
    page writes it: the label and a date beside it vouch for what no name's shape would."""
    match = AGENCY_LINE.match(text)
    if match is None or len(text) > _MAX_HOUSE_LINE:
        return None
    first = _HOUSE_END.split(without_stamps(without_buttons(match.group("rest"))))[0].strip(" .")
    words = first.split()
    if not 1 <= len(words) <= 2 or not all(_HANDLE.match(w) for w in words):
        return None
    if len(words) == 2 and not words[0][:1].isupper():
        return None  # `by selling shares`: a phrase
    rest = body.replace(text, " ")  # the `By` line itself may open the story's text
    if any(w.lower() in _NOT_HOUSE or common_words(w, rest) for w in words):
        return None  # `By email`, `by default`: words of the page, no one's name
    return None if is_outlet_like(first) else first  # `by Lesotho Times`, `by APA`: a house


def stamped_pen_name(text: str, body: str) -> str | None:
    """The one-word account a blog's post stamp names (`Posted by jdoe at 8:38 pm`): the time
    of posting vouches for it, unless the story's sentences write it as a word (the profile
    box under the post, `jdoe` alone or `@jdoe`, is no sentence)."""
    match = _POST_STAMP.match(text.strip())
    if match is None or len(text) > _MAX_HOUSE_LINE:
        return None
    name, when = match.group("name"), match.group("when")
    if name.lower() in _SITE_ACCOUNTS or (find_date(when) is None and not CLOCK.match(when)):
        return None
    prose = "\n".join(line for line in body.splitlines() if is_paragraph(line))
    return pen_name(f"By {name}", prose)


def post_account(text: str) -> str | None:
    """The account a post stamp names (`Posted by jdoe at 8:38 pm`), in lower case, or None."""
    match = _POST_STAMP.match(text.strip())
    return match.group("name").lower() if match is not None else None


def dated_pen_name(page: Page, mark: int, body: str) -> list[str]:
    """A one-word name just under the headline over its date (`Paul` / `December 23, 2016`)."""
    for i in range(mark + 1, min(len(page.lines), mark + _PEN_BELOW + 1)):
        text = page.text(i).strip()
        name_shaped = _HANDLE.match(text) and text[:1].isupper() and not any(map(str.isdigit, text))
        if not name_shaped or not dated_beside(page, i, 1):
            continue
        if text.lower() in _NOT_HOUSE or is_outlet_like(text) or all_common(text, body):
            continue
        if text.isupper() or text.lower() in _KIND_LABELS:
            continue  # `EXCLUSIVE`, `Breaking`: a kicker, not a pen name
        if find_date(text) is None and parse_date_line(text) is None:
            return [text]
    return []


def desk_name(text: str) -> str | None:
    """A desk's name as the page writes it (`Smart Shopping Team`, `Daily Example Staff`)."""
    words = text.split()
    desk = 2 <= len(words) <= 5 and words[-1].lower() in _DESK_WORDS
    if desk and words[-1].lower() in _JOB_DESKS:
        # `Senior Reporter`, `Health Correspondent`: a named writer's job, its name elsewhere;
        # an unnamed one is the house's (`Our Correspondent`, `Example Times Correspondent`).
        desk = words[0].lower() in _OWN_WORDS or is_outlet_like(" ".join(words[:-1]))
    return text.strip() if desk and all(w[:1].isupper() for w in words[:-1]) else None


def dated_desk(page: Page, order: list[int], mark: int) -> str | None:
    """A desk's name under the headline beside its date (`Daily Example Staff` / `May 3`), alone
    or after the place it filed from (`New Delhi, Example Bureau | Updated …`)."""
    for i in order:
        if i <= mark or not dated_beside(page, i, 1):
            continue
        place, _, desk = without_stamps(page.text(i)).rpartition(",")
        if _JOINED_NAMES.search(place):
            continue  # `Ann Lee and Bob Tan, Washington Bureau`: writers of the bureau, no place
        desk = desk_name(desk)
        if desk is not None:
            return desk
    return None


def cited_wire(name: str) -> bool:
    """Whether a two-word name is a word before a news agency's name (`Theo Reuters`: according
    to Reuters): the story's source, not its writer."""
    words = name.split()
    return len(words) == 2 and is_wire(words[1])


def is_wire(text: str) -> bool:
    """Whether a line is nothing but a news agency's name (`The Associated Press`, `dpa`)."""
    return len(text) <= _WIRE_CHARS and canonical_outlet(text) in WIRES


def wire_under(page: Page, title_at: int | None, story: int, reach: int) -> tuple[int, str | None]:
    """Where a news agency's name alone stands under the headline, and that name: just under
    it, or anywhere between it and the story's first line (`story`, at most `reach` lines
    down: a standfirst and a picture may come first)."""
    if title_at is None:
        return -1, None
    end = title_at + _WIRE_BELOW
    if title_at < story:
        end = max(end, min(story, title_at + reach))
    stamps = True  # only the headline's stamps so far between it and line `i`
    for i in range(title_at + 1, min(len(page.lines), end + 1)):
        # `Source: Reuters` right under the headline (or under its stamps alone) credits the
        # story an aggregator republishes; further down, under a picture's caption or a chart,
        # it credits the picture or the chart.
        text = _wire_of(page.text(i).strip(), source=stamps, page=page)
        if text is not None and _picture_agency(page, i, title_at, story):
            text = None
        if (text := text or _agency_over_role(page, i)) is not None:
            return i, text
        stamps = stamps and parse_date_line(page.text(i)) is not None
    return -1, None


def _picture_agency(page: Page, i: int, title_at: int, story: int) -> bool:
    """Whether an agency's name alone past the headline's lines credits a picture: it stands
    right over the story, under a caption (`Fietsers op de oude brug` / `Reuters` / story),
    not under a stamp or the page's furniture (`Listen to this article` / `4 min`)."""
    return (
        title_at + _WIRE_BELOW < i == story - 1
        and is_wire(page.text(i).strip())
        and parse_date_line(page.text(i - 1)) is None
        and not page.boiler(i - 1)
    )


def labelled_source(page: Page, i: int) -> str | None:
    """The agency line `i`, a `Source:` line, names alone (`Quelle: dpa`), or None for any other."""
    text = page.text(i).strip()
    return _wire_of(text, source=True, page=page) if _SOURCE_LABEL.match(text) else None


def _is_section(page: Page | None, desk: str) -> bool:
    """Whether the page lists `desk` as one of its sections, a line of its own (its menu)."""
    return page is not None and any(page.text(j).strip() == desk for j in range(len(page.lines)))


def _agency_over_role(page: Page, i: int) -> str | None:
    """A name alone over the role that calls it a news agency (`SID` / `Nachrichtenagentur`),
    as an author box sets a writer over their job: the page says what it is."""
    if i + 1 >= len(page.lines) or not _AGENCY_ROLE.match(page.text(i + 1).strip()):
        return None
    text = page.text(i).strip()
    shaped = len(text) <= _WIRE_CHARS and text[:1].isupper() and not any(map(str.isdigit, text))
    # `Foto: IMAGO/Jana Roe` over the role: a picture's credit, where the agency's name is a
    # logo that copies as no text; no name holds a label's colon.
    return text if shaped and ":" not in text else None


def _wire_of(text: str, *, source: bool = False, page: Page | None = None) -> str | None:
    """The agency a line names alone, perhaps beside its stamp (`Reuters | May 3, 2024`) or,
    with `source`, after the `Source:` label an aggregator credits the story it republishes with
    (with its desk, when the desk is one of the `page`'s own sections)."""
    if source:
        labelled = _SOURCE_LABEL.match(text) is not None
        text = _SOURCE_LABEL.sub("", text, count=1)
        # The label names its own field; the fields after it are others' (`Source: Xinhua|
        # 2019-11-20 10:31:05|Editor: huaxia`: the stamp, then the editor who posted it).
        if is_wire(first := _FIELD_END.split(text, maxsplit=1)[0]):
            return first
        # `Quelle: dpa Sport`: after the label, the agency and the desk of the page's own section
        # (its menu's `Sport`) that sent the story. A desk of pictures (`Quelle: dpa Grafik`)
        # credits a chart or a photo, and other words after the agency name its research or its
        # data (`Source: Reuters Institute`, `Bloomberg Economics`), cited under a chart.
        agency, _, desk = first.partition(" ")
        story_desk = desk.istitle() and " " not in desk and not _PICTURE_DESK.match(desk)
        if labelled and is_wire(agency) and story_desk and _is_section(page, desk):
            return agency
    if is_wire(text):
        return text
    # `Του ΑΠΕ-ΜΠΕ`: a Greek credit sets its article before the agency as before a writer.
    greek = GREEK_ARTICLE_ONE.match(text)
    if greek is not None and is_wire(greek.group("one")):
        return greek.group("one")
    filed = _FILED_FROM.match(text)
    if filed is not None and is_wire(filed.group("agency")):
        return filed.group("agency")  # `PTI, New Delhi,`: the agency and where it filed from
    if len(text) > _MAX_STAMP_LINE or find_date(text) is None:
        return None
    rest = without_stamps(text)
    return rest if is_wire(rest) else None
