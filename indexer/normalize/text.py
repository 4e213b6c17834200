"""Plain text copied from a page or a wire file: find the story and read its fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.errors import SkipArticle
from indexer.models import PartialDate
from indexer.normalize import boilerplate as bp
from indexer.normalize.bylines import (
    Credit,
    generic_credit,
    parse_byline,
    parse_credit_line,
    parse_name_line,
    parse_sign_off,
    parse_wire_mark,
)
from indexer.normalize.clusterbyline import event_host, header_byline, story_editors
from indexer.normalize.datelines import Dateline
from indexer.normalize.dates import (
    copyright_year,
    parse_date_line,
    weekday_evidence,
    with_weekday,
    year_for_weekday,
)
from indexer.normalize.extraction import Extraction
from indexer.normalize.header import date_by_byline, header_dates, year_of_day
from indexer.normalize.headline import find_headline, page_headline
from indexer.normalize.lines import (
    Line,
    clean_text,
    ends_sentence,
    first_sentence,
    is_headline_like,
    is_paragraph,
    normal_key,
    split_lines,
    unwrap,
    word_count,
)
from indexer.normalize.mailheader import in_mail_header, sent_day, without_mail_headers
from indexer.normalize.othercredit import labelled_source
from indexer.normalize.ownitem import listed_day
from indexer.normalize.sources import (
    WIRES,
    canonical_outlet,
    outlet_name,
    parse_outlet_line,
    parse_publisher_line,
    site_brand,
)
from indexer.normalize.stamplines import fact_day, print_edition
from indexer.normalize.stampyears import with_stamp_years
from indexer.normalize.story import (
    Page,
    find_title,
    first_story_line,
    may_be_meta,
    story_end,
    strong_anchor,
    text_before,
    title_before,
)
from indexer.normalize.zone import Zone, article_zone

_MAX_TITLE = 200
_ANCHOR_ABOVE_ZONE = 8  # lines between a dateline and the densest run of paragraphs below it
_ANCHOR_AT_TOP = 3  # a dateline within the first lines opens the story, whatever runs below
_STORY_BEFORE = 120  # words of running text above a dateline that make it a mid-story one
_HOLDER_END = re.compile(r"\s+[-–|]\s+|\s*\|\s*|\.\s+|,?\s+all rights reserved", re.IGNORECASE)
# Who may set the byline, strongest first.
_BYLINE_RANK = {"byline-line": 0, "credit-line": 1, "sign-off": 2}


@dataclass(slots=True)
class _Meta:
    """What the lines around the story say about it."""

    bylines: list[str] = field(default_factory=list)
    byline_how: str = ""
    contributors: list[str] = field(default_factory=list)
    wires: list[tuple[str, str]] = field(default_factory=list)  # (outlet, provenance)
    sites: list[tuple[str, str]] = field(default_factory=list)
    published: tuple[PartialDate, str] | None = None
    in_story: tuple[PartialDate, str] | None = None  # a labelled date line among the story's
    updated: tuple[PartialDate, str] | None = None
    copyright_year: int | None = None
    sources: list[str] = field(default_factory=list)  # `Quelle: dpa` in or under the story
    place: tuple[str, str] | None = None


def extract_text(text: str, *, title: str | None = None) -> Extraction:
    """Read a plain-text article; `title`, when known, is removed from the text."""
    lines = with_stamp_years(unwrap(split_lines(clean_text(text))))
    if title:
        lines = _without_title(lines, title)
    lines, mailed = without_mail_headers(lines)
    if not lines:  # nothing at all, or a mail's headers alone
        raise SkipArticle("empty text: nothing to index")
    page = Page(lines)
    found = Extraction()
    zone = article_zone(page)
    anchor = strong_anchor(page)
    if anchor is not None and zone is not None and not _opens_zone(anchor, zone):
        anchor = None  # `LONDON (AP) —` in a comment or a related story's teaser below
    if anchor is not None and anchor > _ANCHOR_AT_TOP and _heading(page.text(anchor)):
        anchor = None  # `AUDIO: Seltenes Ereignis: …`: a heading with a kicker, no dateline
    title_at = None if title else find_title(page, anchor)
    # A copied web page (no wire dateline at the top of the text) is read around its article
    # zone; a dateline below its headline (`NEW DELHI:`) still opens the story.
    web = zone is not None and (anchor is None or anchor > _ANCHOR_AT_TOP)
    if anchor is not None and _mid_story(page, title_at, anchor):
        anchor = None
        title_at = None if title else find_title(page, None)
    if title is None and web and zone is not None:
        found_title = find_headline(page, zone, title_at)
        if found_title is not None and (anchor is None or found_title[0] < anchor):
            title_at = found_title[0]
    start = anchor if anchor is not None else first_story_line(page, title_at)
    if start is None and title_at is not None:
        # Nothing runs below that "headline": it was not one; look from the top.
        title_at = None
        start = first_story_line(page, None)
    if start is None:
        raise SkipArticle("no article text: only menus, links or boilerplate")
    if title is None and title_at is None and anchor is None:
        title_at = title_before(page, start)
    meta = _Meta()
    _read_header(page, 0, start, meta, title_at)
    end, anchored_end = story_end(page, start)
    before = meta.published
    body = _body(page, start, end, meta, trim=not anchored_end)
    if meta.published is not before and meta.published is not None and meta.published[0].day:
        meta.in_story = meta.published  # `Story published on Oct 5, 2022.` under the story
    if not body or (anchor is None and not any(is_paragraph(line.text) for line in body)):
        raise SkipArticle("no article text: only menus, links or boilerplate")
    if web and anchor is None and title is None and title_at is None and _heading_alone(body):
        raise SkipArticle("no article text: only a heading among menus, links or boilerplate")
    _read_trailer(page, end, meta)
    meta.sources = [
        canonical_outlet(s) or s
        for i in range(start, len(page.lines))
        if (s := labelled_source(page, i)) is not None
    ]
    news_update = None
    if web and zone is not None:
        news_update = _web_dates(page, zone, title_at, meta)
        _web_byline(page, zone, title_at, meta, body, anchor)
        if meta.published is None and meta.bylines:
            # `Jane Doe` / `30. Juni 2025` under a video box or a summary
            dated = date_by_byline(page, zone, title_at, meta.bylines[0])
            meta.published = (dated, "byline-line") if dated is not None else None
    # Without a strong anchor, start is the first story line: a weak `Beijing:` is trusted there.
    dateline = page.dateline(start)
    if web and meta.published is None and dateline is not None and dateline.date is not None:
        dated = year_of_day(page, dateline.date)  # `April 25 (Reuters)`, `April 25, 2023` below
        meta.published = (dated, "dateline") if dated is not None else None
    if web and meta.published is None and (listed := listed_day(page, title_at)) is not None:
        meta.published = (listed, "own-item")  # `Latest News` / the headline / `20 Feb, 2024`
    if meta.published is None and news_update is not None:
        meta.published = (news_update, "update-line")  # `Updated 11:22 PM EST, Nov 29, 2016`
    if meta.published is None and (sent := sent_day(mailed)) is not None:
        meta.published = (sent, "mail-header")  # the story shows no date: when it was mailed

    if title_at is not None:
        headline, glued = page_headline(page, title_at)
        found.offer("title", headline, "heading")
        if glued:
            # `… businesses bySauli Doe`: signed at the headline itself, the strongest place.
            meta.bylines, meta.byline_how = glued, "byline-line"
    elif title is None:
        found.offer("title", derive_title(body[0].text, dateline), "derived")
    found.offer("body", "\n\n".join(line.written or line.text for line in body), "text")
    _offer_fields(found, meta, dateline, body)
    return found


def _heading_alone(body: list[Line]) -> bool:
    """Whether a web page's only running text is one line of a headline's shape (a notice's
    heading, `Why can't I see this page?`): a story says more than its headline."""
    running = [line for line in body if is_paragraph(line.text)]
    return len(running) == 1 and is_headline_like(running[0].text)


def _opens_zone(anchor: int, zone: Zone) -> bool:
    """Whether a dateline stands where the story runs: at the top, in the zone or just above it."""
    # A wire table (`Shr 27 cts vs 29 cts`) runs below its dateline in short lines, so the zone
    # may start far below a dateline that opens the text under its headline.
    near = anchor <= _ANCHOR_AT_TOP or zone.start - _ANCHOR_ABOVE_ZONE <= anchor
    return near and anchor < zone.end


def _heading(text: str) -> bool:
    """Whether a line is a heading (short, unfinished), never the first line of a story."""
    return is_headline_like(text) and not ends_sentence(text)


def _web_dates(page: Page, zone: Zone, title_at: int | None, meta: _Meta) -> PartialDate | None:
    """A web page's dates from its header cluster alone; a copyright year dates no story.
    Returns the header's timed update when it is its only stamp, the last resort."""
    published, updated, news_update = header_dates(page, zone, title_at)
    # A labelled date line the story carries (at its foot) dates it when the header does not.
    meta.published = (published, "portal-line") if published else meta.in_story
    if updated is not None:
        meta.updated = (updated, "portal-line")
    meta.copyright_year = None
    return news_update


def _web_byline(
    page: Page,
    zone: Zone,
    title_at: int | None,
    meta: _Meta,
    body: list[Line],
    anchor: int | None,
) -> None:
    """A web page's byline from its header cluster; names elsewhere above are sidebars."""
    text = "\n".join(line.text for line in body)
    names = header_byline(page, zone, title_at, text, anchor)
    if names:
        meta.bylines, meta.byline_how = names, "byline-line"
    elif meta.byline_how == "byline-line":
        meta.bylines, meta.byline_how = [], ""
    if not meta.bylines:
        # Weaker than the reporters a dateline names (`（记者李华 张伟）`), which sign first.
        meta.bylines = story_editors(page, zone, title_at)
        meta.byline_how = "credit-line" if meta.bylines else meta.byline_how


def _mid_story(page: Page, title_at: int | None, anchor: int) -> bool:
    """Whether so much running text stands above a dateline that it opens a later part."""
    paragraphs, words = text_before(page, 0 if title_at is None else title_at + 1, anchor)
    # A standfirst and a caption or two may come first; several paragraphs of story may not.
    return paragraphs >= 3 and words >= _STORY_BEFORE


def _without_title(lines: list[Line], title: str) -> list[Line]:
    """The lines without those that repeat the known headline."""
    key = normal_key(title)
    size = len(title)
    kept = [
        line
        for line in lines
        if not (0.7 * size <= len(line.text) <= 1.3 * size and normal_key(line.text) == key)
    ]
    return kept or lines


def derive_title(paragraph: str, dateline: Dateline | None = None) -> str | None:
    """A title made from the first sentence of the story, for texts without a headline."""
    text = dateline.rest if dateline is not None else paragraph
    sentence = first_sentence(text).strip()
    if len(sentence) > _MAX_TITLE:
        sentence = sentence[:_MAX_TITLE].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence or None


def _body(page: Page, start: int, end: int, meta: _Meta, *, trim: bool) -> list[Line]:
    """The story's lines without furniture, boxes and meta lines (`trim`: nor trailing links)."""
    kept: list[Line] = []
    credits: list[int] = []
    i = start
    while i < end:
        line = page.lines[i]
        text = line.text
        kind = bp.box_kind(text) if i > start else None
        if kind is not None:
            i = bp.box_end(page.lines, i, kind)
            continue
        # Inside the story a bare date is content (`Record March 31`), not a date line.
        if i > start and may_be_meta(text) and _read_meta_line(page, i, meta, bare_dates=False):
            i += 1
            continue
        wire = parse_wire_mark(text)
        if wire is not None:
            meta.wires.append((wire, "credit-line"))
            i += 1
            continue
        if i > start and page.boiler(i):
            if bp.is_copyright(text):
                _read_copyright(text, meta)
            i += 1
            continue
        credit = parse_credit_line(text)
        if credit is not None:
            credits.append(len(kept))
            _add_credit(meta, credit, "credit-line")
        kept.append(line)
        i += 1
    kept = bp.drop_repeats(kept)
    credit_lines = {id(kept[k]) for k in credits if k < len(kept)}
    # Headlines left after the story are an unheaded link list; the first line always stays,
    # and short data lines (`Pay April 20`) are the story's own.
    while trim and len(kept) > 1 and _trailing_link(kept[-1]) and id(kept[-1]) not in credit_lines:
        kept.pop()
    if kept:
        sign_off = parse_sign_off(kept[-1].text)
        if sign_off is not None:
            _add_credit(meta, sign_off, "sign-off")
            if sign_off.place and meta.place is None:
                meta.place = (sign_off.place, "sign-off")
    return kept


def _trailing_link(line: Line) -> bool:
    """Whether a line after the story reads like a linked headline rather than story text."""
    text = line.text
    return not is_paragraph(text) and is_headline_like(text) and word_count(text) >= 5


def _read_meta_line(page: Page, i: int, meta: _Meta, *, bare_dates: bool = True) -> bool:
    """Record line `i` if it is a byline, date, publisher or outlet line (numeric dates in the
    page's order and calendar), not a quoted mail header's field or an event's host; say
    whether it was one."""
    if in_mail_header(page.lines, i) or event_host(page, i):
        return False
    text = page.text(i)
    byline = parse_byline(text)
    if byline is not None:
        _add_credit(meta, byline, "byline-line")
        if byline.date is not None and meta.published is None:
            meta.published = (byline.date, "byline-line")
        return True
    dated = parse_date_line(text, bare=bare_dates, day_first=page.day_first, buddhist=page.buddhist)
    if dated is not None and (fact_day(page, i) or print_edition(text)):
        # `Release date: March 4, 2025` among `Director:` and `Runtime:`: the film's; `Published
        # in the print edition of March 4, 2025`: the issue's, out after the story went online.
        return True
    if dated is not None:
        kind, date = dated
        if kind == "updated":
            meta.updated = meta.updated or (date, "portal-line")
        else:
            meta.published = meta.published or (date, "portal-line")
        return True
    publisher = parse_publisher_line(text)
    if publisher is not None:
        target = meta.wires if publisher in WIRES else meta.sites
        target.append((publisher, "portal-line"))
        return True
    outlet = parse_outlet_line(text)
    if outlet is not None:
        meta.wires.append((outlet, "credit-line"))
        return True
    return False


def _read_header(page: Page, start: int, end: int, meta: _Meta, title_at: int | None) -> None:
    """Read the meta lines above the story: byline, dates, publisher, site brand."""
    dated: list[tuple[int, tuple[PartialDate, str] | None, tuple[PartialDate, str] | None]] = []
    for i in range(start, end):
        if i == title_at:
            continue
        text = page.text(i)
        line_meta = _Meta()
        if _read_meta_line(page, i, line_meta):
            if line_meta.published or line_meta.updated:
                dated.append((i, line_meta.published, line_meta.updated))
            _merge_meta(meta, line_meta)
            continue
        if bp.is_copyright(text):
            _read_copyright(text, meta, year=False)
            continue
        brand = site_brand(text)
        if brand is not None:
            meta.sites.append((brand, "portal-line"))
            continue
        # A name alone on a line is a byline only beside a date line (`Jane Doe` / `Jan 15, 2025`).
        if not meta.bylines and page.is_name_line(i):
            credit = parse_name_line(text)
            if credit is not None:
                _add_credit(meta, credit, "byline-line")
    # A page prints today's date in its masthead and dates its story by the headline: the date
    # lines just below the headline come first, then the nearest above it.
    mark = title_at if title_at is not None else end
    for _, published, updated in sorted(dated, key=lambda d: (d[0] < mark, abs(d[0] - mark))):
        meta.published = meta.published or published
        meta.updated = meta.updated or updated


def _merge_meta(meta: _Meta, line_meta: _Meta) -> None:
    """Add what one header line said, dates aside, to the record of the header."""
    for name in line_meta.bylines:
        if name not in meta.bylines and line_meta.byline_how:
            _add_credit(meta, Credit(byline=[name]), line_meta.byline_how)
    for name in line_meta.contributors:
        if name not in meta.contributors:
            meta.contributors.append(name)
    meta.wires.extend(line_meta.wires)
    meta.sites.extend(line_meta.sites)


def _read_trailer(page: Page, end: int, meta: _Meta) -> None:
    """Read what follows the story: copyright lines and late `Published`/`Updated` lines."""
    for i in range(end, len(page.lines)):
        text = page.text(i)
        if bp.is_copyright(text):
            _read_copyright(text, meta)
        elif meta.published is None or meta.updated is None:
            # Bare dates down here belong to the linked stories of a related list.
            dated = parse_date_line(
                text, bare=False, day_first=page.day_first, buddhist=page.buddhist
            )
            if dated is None or fact_day(page, i) or print_edition(text):
                continue
            if dated[0] == "updated":
                meta.updated = meta.updated or (dated[1], "portal-line")
            else:
                meta.published = meta.published or (dated[1], "portal-line")


def _read_copyright(text: str, meta: _Meta, *, year: bool = True) -> None:
    """Take the holder (and, below the story, the single year) of a copyright line."""
    match = bp.COPYRIGHT.match(text)
    if match is None:
        return
    if year and meta.copyright_year is None:
        meta.copyright_year = copyright_year(text)
    holder = _HOLDER_END.split(match.group("holder"))[0].strip(" .,")
    name = outlet_name(holder) if holder else None
    if name:
        meta.sites.append((name, "copyright-line"))


def _add_credit(meta: _Meta, credit: Credit, how: str) -> None:
    """Merge a credit into the meta record; a stronger kind of byline replaces a weaker one."""
    if credit.byline:
        rank = _BYLINE_RANK[how]
        current = _BYLINE_RANK.get(meta.byline_how, 99)
        if rank < current:
            meta.bylines = []
            meta.byline_how = how
        if rank <= current:
            meta.bylines.extend(n for n in credit.byline if n not in meta.bylines)
    for name in credit.contributors:
        if name not in meta.contributors:
            meta.contributors.append(name)
    if credit.outlet:
        meta.wires.append((credit.outlet, how))


def _offer_fields(
    found: Extraction, meta: _Meta, dateline: Dateline | None, body: list[Line]
) -> None:
    """Turn what the text said into fields, strongest evidence first."""
    if dateline is not None and dateline.place:
        found.offer("dateline", dateline.place.rstrip(","), "dateline")
    if dateline is not None and dateline.reporters and meta.byline_how != "byline-line":
        found.offer("byline", list(dateline.reporters), "dateline")
    if meta.place is not None:
        found.offer("dateline", *meta.place)
    if dateline is not None and dateline.credit:
        how = "dateline" if dateline.place else "credit-line"
        found.offer("source", canonical_outlet(dateline.credit) or dateline.credit, how)
    for outlet, how in meta.wires:
        found.offer("source", outlet, how)
    for site, how in meta.sites:
        found.offer("publisher", site, how)
    # `Our Correspondent`, `Staff Reporter`: a desk's credit signs the story but names no one.
    found.offer("byline", [n for n in meta.bylines if not generic_credit(n)], meta.byline_how)
    agency = canonical_outlet(dateline.credit) if dateline and dateline.credit else None
    if not meta.bylines and agency in WIRES and agency in meta.sources:
        # `Hamburg (dpa) -` opens a story no one signs and `Quelle: dpa` closes it: the page
        # says twice that the agency's copy is the story. A dateline's agency alone is its
        # source only (a station rerunning wire copy signs it as its own).
        found.offer("byline", [dateline.credit], "dateline")
    contributors = [n for n in meta.contributors if n not in meta.bylines]
    found.offer("contributors", contributors, "credit-line")
    _offer_date(found, meta, dateline, body)
    if meta.updated is not None:
        found.offer("updated", *meta.updated)


def _offer_date(
    found: Extraction, meta: _Meta, dateline: Dateline | None, body: list[Line]
) -> None:
    """The publication date: a portal's date line, the dateline, a copyright year."""
    if meta.published is not None and meta.published[0].year is not None:
        found.offer("date", *meta.published)
        return
    yearless = dateline.date if dateline is not None else None
    if yearless is None and meta.published is not None:
        yearless = meta.published[0]
    if yearless is not None and yearless.year is None and yearless.weekday is None:
        evidence = dateline.rest if dateline is not None else (body[0].text if body else "")
        yearless = with_weekday(yearless, weekday_evidence(evidence))
    year = meta.copyright_year
    updated = meta.updated[0].year if meta.updated is not None else None
    if year is not None and updated is not None and year > updated:
        # The story was last updated before the copyright year: that is the year the page was
        # saved in, not the story's (a CNN page of 2016 copied in 2024 says `© 2024`).
        year = None
    how = "copyright-line"
    if yearless is not None and yearless.year is None and year is not None:
        if yearless.weekday is not None and yearless.month and yearless.day:
            fit = year_for_weekday(yearless.month, yearless.day, yearless.weekday, [year])
            if fit is not None:
                date = PartialDate(fit, yearless.month, yearless.day)
                found.offer("date", date, how)
                return
        found.offer("date", PartialDate(year), how)
        return
    if yearless is not None:
        found.offer("date", yearless, "dateline" if dateline and dateline.date else "portal-line")
    elif year is not None:
        found.offer("date", PartialDate(year), how)
