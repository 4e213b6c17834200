"""A saved page's metadata candidates (JSON-LD, meta tags, `<title>`, visible headings, dates in
`<time>` elements and the URL), and the choice of title and date among them by agreement.

Each field is chosen on evidence, not by taking the first source that has a value: a headline
that the JSON-LD, the meta tags, the visible `<h1>` and the page title agree on wins over one
that only a single source states; a publication date is taken from the page's machine-readable
metadata as written (the page's local day, never moved to UTC), and a date that only a
heuristic reader found is kept only when a second, independent source agrees with it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from dateutil import parser as date_parser
from lxml.html import HtmlElement

from indexer.models import PartialDate
from indexer.normalize.dates import find_date
from indexer.normalize.fields import supplied_date

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting",
     "Report", "TechArticle", "ScholarlyArticle", "SatiricalArticle", "AskPublicQuestion",
     "SocialMediaPosting", "DiscussionForumPosting"}
)  # fmt: skip
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.issued", "parsely-pub-date", "sailthru.date",
    "cxenseparse:recs:publishtime", "article.published", "og:published_time",
)  # fmt: skip
UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
TITLE_SEPARATORS = (
    " | ", " || ", " -- ", " - ", " – ", " — ", " :: ", " : ", " · ", " • ", "｜", "："
)  # fmt: skip
# The punctuation a site's name is set off by at either end of a page title (`Headline:Site`).
_SITE_GLUE = r"\s*[|:·•/｜：_~\-–—]+\s*"
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"',
                         "–": "-", "—": "-", "\u00a0": " ", "\u00ad": ""})  # fmt: skip
_LD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s]|$)")
_URL_DAY = re.compile(
    r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|$)"
)
_UTC_STAMP = re.compile(r"\d(?:Z|[+-]00:?00|\s*(?:UTC|GMT))$", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")
_DEFAULT_A = dt.datetime(4, 1, 1)
_DEFAULT_B = dt.datetime(8, 2, 2)
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})
_SHOWN_LINE = 120  # a date line, not a paragraph that mentions a date
_PARAGRAPH = 150  # a text piece this long is a paragraph of the story
_BODY_MARK = "\x00paragraph"
_BEFORE_HEADLINE = 10  # text pieces before and after the headline that form its header cluster
_AFTER_HEADLINE = 30
_SITE_WORDS = 6  # a site's name is short
_HEADING_LIMIT = 6  # the first headings of a page are where its headline is


@dataclass(slots=True)
class PageMeta:
    """What the page states about itself, gathered once."""

    ld: dict[str, Any] | None = None
    meta: dict[str, str] = field(default_factory=dict)
    meta_all: dict[str, list[str]] = field(default_factory=dict)  # every value of a repeated tag
    title_tag: str | None = None
    headings: list[str] = field(default_factory=list)
    time_published: list[str] = field(default_factory=list)  # `<time>`/itemprop datePublished
    # Visible full dates and `<h1>` keys, by their position among the page's text pieces.
    shown_days: list[tuple[int, tuple[int, int, int] | str]] = field(default_factory=list)


def plain(value: Any) -> str | None:
    """A metadata string with entities decoded (twice-encoded ones too) and spaces collapsed."""
    if not isinstance(value, str):
        return None
    text = value
    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    text = " ".join(text.replace("\u00ad", "").split())
    return text or None


def title_key(text: str) -> str:
    """A title compared up to case, quote and dash styles, width, spaces and a closing full stop
    (`Mouse goes on sale。` in the page title, `Mouse goes on sale` in the heading)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.casefold().split()).rstrip("。.").rstrip()


def read_page(tree: HtmlElement) -> PageMeta:
    """Gather the page's JSON-LD article, meta tags, `<title>`, headings and `<time>` dates."""
    every = all_meta_tags(tree)
    page = PageMeta(
        ld=jsonld_article(tree), meta={k: v[0] for k, v in every.items()}, meta_all=every
    )
    title = tree.find(".//title")
    if title is not None:
        page.title_tag = plain(title.text_content())
    for node in tree.iter("h1"):
        text = plain(node.text_content())
        if text:
            page.headings.append(text)
        if len(page.headings) >= _HEADING_LIMIT:
            break
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue
        prop = (node.get("itemprop") or "").lower()
        if prop == "headline" and node.tag != "meta":
            text = plain(node.text_content())
            if text and text not in page.headings:
                page.headings.append(text)
        if prop == "datepublished" or (node.tag == "time" and node.get("pubdate") is not None):
            stamp = node.get("datetime") or node.get("content")
            if stamp:
                page.time_published.append(stamp)
    page.shown_days = _shown_days(tree)
    return page


def _shown_days(tree: HtmlElement) -> list[tuple[int, tuple[int, int, int] | str]]:
    """The page's visible text in order: full dates by position, and `<h1>` keys by position."""
    shown: list[tuple[int, tuple[int, int, int] | str]] = []
    position = 0
    for node in tree.iter():
        if not isinstance(node.tag, str) or node.tag in _HIDDEN:
            continue
        if node.tag == "h1":
            shown.append((position, title_key(plain(node.text_content()) or "")))
        for text in (node.text, node.tail if node.getparent() is not None else None):
            line = " ".join((text or "").split())
            if not line:
                continue
            position += 1
            if len(line) > _PARAGRAPH:
                shown.append((position, _BODY_MARK))
            if not (6 <= len(line) <= _SHOWN_LINE) or not any(c.isdigit() for c in line):
                continue
            found = find_date(line)
            if found and found[0].year and found[0].month and found[0].day:
                shown.append((position, (found[0].year, found[0].month, found[0].day)))
    return shown


def days_near_headline(page: PageMeta, title: str | None) -> set[tuple[int, int, int]]:
    """Full dates shown just before the visible headline or between it and the story's first
    paragraph (the header cluster)."""
    if not title:
        return set()
    key = title_key(title)
    at = [pos for pos, item in page.shown_days if isinstance(item, str) and item == key]
    if not at:
        return set()
    start, end = at[0] - _BEFORE_HEADLINE, at[0] + _AFTER_HEADLINE
    # The header cluster ends where the story's paragraphs begin.
    body = [pos for pos, item in page.shown_days if item == _BODY_MARK and pos > at[0]]
    end = min([end, *body[:1]])
    return {
        item for pos, item in page.shown_days if not isinstance(item, str) and start <= pos <= end
    }


def jsonld_article(tree: HtmlElement) -> dict[str, Any] | None:
    """The first JSON-LD object of an article type on the page, its references resolved.

    Graphs (Yoast's among them) name the author and publisher by `@id` only and describe them
    in a node of their own, maybe in another script: the reference is replaced by that node.
    """
    article = None
    nodes: dict[str, dict[str, Any]] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        # Some pages wrap the JSON in a CDATA section or an HTML comment, for old parsers.
        text = _LD_WRAPPER.sub("", script.text or "").strip().rstrip(";")
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        for node in walk(data):
            if isinstance(node.get("@id"), str) and len(node) > 1:
                nodes.setdefault(node["@id"], node)
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if article is None and any(_article_type(t) for t in types if isinstance(t, str)):
                article = node
    if article is None:
        return None
    resolved = dict(article)
    for key in ("author", "creator", "publisher"):
        if key in resolved:
            resolved[key] = _resolve(resolved[key], nodes)
    return resolved


def _article_type(name: str) -> bool:
    """Whether a JSON-LD type is an article's (`NewsArticle`, `schema:BlogPosting`, any
    schema.org type named `…Article`)."""
    name = name.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return name in ARTICLE_TYPES or name.endswith("Article")


def _resolve(value: Any, nodes: dict[str, dict[str, Any]]) -> Any:
    """A JSON-LD value with bare `{"@id": …}` references replaced by the nodes they name."""
    if isinstance(value, list):
        return [_resolve(item, nodes) for item in value]
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
        return nodes.get(value["@id"], value)
    return value


def walk(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document, looking inside lists and `@graph`."""
    if isinstance(data, list):
        for item in data:
            yield from walk(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from walk(data["@graph"])


def all_meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """The page's meta tags by lower-cased property, name or itemprop, every value in order.

    Some saving tools write a tag's `content` as `value`; it is read the same way.
    """
    tags: dict[str, list[str]] = {}
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop")
        content = node.get("content")
        if content is None:
            content = node.get("value")
        if key and content and content.strip():
            values = tags.setdefault(key.strip().lower(), [])
            if content.strip() not in values:
                values.append(content.strip())
    return tags


# --- title -----------------------------------------------------------------------------------


def strip_site(title: str, site: str | None) -> str:
    """A title without a leading or trailing site name (`Site | Title`, `Title - Site`)."""
    if not site or title_key(site) == title_key(title):
        return title
    name = re.escape(site.strip())
    for pattern in (rf"^(?P<rest>.+?){_SITE_GLUE}{name}$", rf"^{name}{_SITE_GLUE}(?P<rest>.+)$"):
        match = re.match(pattern, title.strip(), re.IGNORECASE)
        if match:
            return match.group("rest").strip()
    return title


def title_parts(title: str) -> list[str]:
    """The parts of a page title split at its separators (`Headline | Section | Site`)."""
    parts = [title]
    for sep in TITLE_SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(sep)]
    return [p for p in parts if p]


def choose_title(
    page: PageMeta, site: str | None, guessed: str | None, fallback: str | None
) -> tuple[str, str] | None:
    """The page's headline, with where it came from; entities decoded, the site's name removed.

    The JSON-LD `headline`, the article's own metadata, comes first, unless no other source
    states it while they state the JSON-LD node's own `name` (a description or a page type put
    in `headline`). Otherwise the headline is chosen by agreement: each candidate (the visible
    `<h1>` headings, og:title, twitter:title) counts the title sources that state it (those and
    the `<title>`), whole or as the longer part beside a site or section name. Social titles are
    often rewritten for sharing and menus, logos or widgets are headings too, so a heading no
    other source repeats is not taken. trafilatura's guess `guessed` copies one of these
    sources, so it is no vote of its own; it is a fallback unless it copies such a lone heading
    while the `<title>` names more than the site, then the `<title>` without a short site or
    section tail, then `fallback` (the text reader's).
    """
    sources = {
        "og": plain(page.meta.get("og:title")),
        "twitter": plain(page.meta.get("twitter:title")),
        "title": page.title_tag,
    }
    jsonld = plain(page.ld.get("headline")) if page.ld else None
    if site and (
        len(site.split()) > _SITE_WORDS
        or any(t and title_key(t) == title_key(site) for t in [*sources.values(), jsonld])
    ):
        site = None  # a guessed site name that is a whole title or a sentence is no site name
    stated = {name: _title_forms(text, site) for name, text in sources.items() if text}
    headings = [h for h in page.headings if not _is_site(h, site)]
    candidates = [(h, "heading") for h in headings]
    candidates += [(strip_site(t, site), n) for n, t in sources.items() if t and n != "title"]
    scored = []
    for text, how in candidates:
        key = title_key(text)
        votes = sum(key in forms for forms in stated.values())
        votes += any(title_key(h) == key for h in headings)
        # Ties: the visible heading, the longer one (a logo repeats only the site's part).
        scored.append((votes, how == "heading", len(text), -len(scored), text, how))
    if jsonld:
        name = plain(page.ld.get("name")) if page.ld else None
        if name and not _confirmed(jsonld, site, stated, headings):
            if _confirmed(name, site, stated, headings):
                return strip_site(name, site), "jsonld"
        return strip_site(jsonld, site), "jsonld"
    # A heading no other source repeats may be a menu, a logo, a widget or a prompt.
    eligible = [c for c in scored if c[0] >= 2 or c[5] != "heading"]
    if eligible:
        *_, text, how = max(eligible)
        # A heading the social title repeats word for word is credited to the meta tags.
        same = any(h != "heading" and title_key(t) == title_key(text) for *_, t, h in scored)
        return text, "meta" if how != "heading" or same else "heading"
    text = plain(guessed)
    lone = text and any(title_key(h) == title_key(text) for h in headings)
    if text and not (lone and _names_page(page.title_tag, site)):
        return strip_site(text, site), "trafilatura"
    if page.title_tag:
        return _without_short_tail(strip_site(page.title_tag, site)), "title"
    if fallback:
        return fallback, "text"
    return None


def _confirmed(
    text: str, site: str | None, stated: dict[str, set[str]], headings: list[str]
) -> bool:
    """Whether another title source or a visible heading states `text`, whole or without the
    site's name."""
    keys = {title_key(text), title_key(strip_site(text, site))}
    return any(keys & forms for forms in stated.values()) or any(
        title_key(h) in keys for h in headings
    )


def _names_page(title: str | None, site: str | None) -> bool:
    """Whether a `<title>` names more than the site, so it can stand in for a lone heading."""
    return bool(title) and not _is_site(strip_site(title or "", site), site)


def _title_forms(text: str, site: str | None) -> set[str]:
    """The keys a title source states: whole, without the site, and without a first or last
    part shorter than the rest (`Headline | Section`, `Opinion | Headline`), which names the
    site or section rather than the story."""
    forms = {title_key(text)}
    cleaned = strip_site(text, site)
    forms.add(title_key(cleaned))
    for sep in TITLE_SEPARATORS:
        for head, found, tail in (cleaned.rpartition(sep), cleaned.partition(sep)):
            if found and head.strip() and tail.strip():
                forms.add(title_key(max(head, tail, key=len)))
    return {f for f in forms if f}


def _is_site(heading: str, site: str | None) -> bool:
    """Whether a heading is only the site's name (a logo)."""
    return bool(site) and title_key(heading) == title_key(site or "")


def _without_short_tail(title: str) -> str:
    """A page title without a last part of at most four words (a site or section name)."""
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head, found, tail = title.rpartition(sep)
        if found and head and len(tail.split()) <= 4 and len(head.split()) >= 3:
            return head.strip()
    return title


# --- dates -----------------------------------------------------------------------------------


def local_date(value: Any) -> PartialDate | None:
    """A stated date at its precision, on the day the page gives (its own zone, not UTC)."""
    text = value if isinstance(value, str) else None
    if text is None:
        return supplied_date(value)
    iso = _ISO_DAY.match(text)
    if iso:
        try:
            day = dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
        return PartialDate(day.year, day.month, day.day)
    if _TIME_OF_DAY.search(text) and len(text) <= 80:
        try:
            first = date_parser.parse(text, default=_DEFAULT_A, ignoretz=True)
            second = date_parser.parse(text, default=_DEFAULT_B, ignoretz=True)
        except (ValueError, OverflowError, TypeError):
            return supplied_date(text)
        if first.date() == second.date() and 1900 <= first.year <= 2100:
            return PartialDate(first.year, first.month, first.day)
    return supplied_date(text)


def url_date(url: str | None) -> PartialDate | None:
    """The day a page's address states (`/2024/05/03/`), or None."""
    match = _URL_DAY.search(url or "")
    if match is None:
        return None
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return PartialDate(day.year, day.month, day.day)


def published_candidates(page: PageMeta) -> list[tuple[PartialDate, str]]:
    """The publication dates the page's machine-readable metadata states, with their kind."""
    stamps: list[tuple[Any, str]] = []
    if page.ld is not None:
        for key in ("datePublished", "dateCreated"):
            if page.ld.get(key):
                stamps.append((page.ld[key], "jsonld"))
                break
    stamps += [(page.meta[key], "meta") for key in PUBLISHED_META if key in page.meta]
    # Only the first: later `<time>` elements are mostly related stories and comments.
    stamps += [(stamp, "time-element") for stamp in page.time_published[:1]]
    found = []
    for stamp, kind in stamps:
        date = local_date(stamp)
        if date is None:
            continue
        if _in_utc(stamp):
            # A UTC stamp names London's day: the same instant with the page's offset wins.
            instant = _instant(stamp)
            for other, _ in stamps:
                if not _in_utc(other) and instant is not None and _instant(other) == instant:
                    date = local_date(other) or date
                    break
        found.append((date, kind))
    return found


def _instant(stamp: Any) -> dt.datetime | None:
    """The moment a zoned timestamp names, or None."""
    if not isinstance(stamp, str) or not _TIME_OF_DAY.search(stamp):
        return None
    try:
        moment = date_parser.isoparse(stamp.strip())
    except (ValueError, OverflowError):
        try:
            moment = date_parser.parse(stamp)
        except (ValueError, OverflowError, TypeError):
            return None
    return moment if moment.tzinfo is not None else None


def _in_utc(stamp: Any) -> bool:
    """Whether a timestamp is written in UTC (`…Z`, `+00:00`) rather than a local offset."""
    return isinstance(stamp, str) and bool(_UTC_STAMP.search(stamp.strip()))


def updated_candidates(page: PageMeta) -> list[PartialDate]:
    """The update dates the page's metadata states."""
    found = []
    if page.ld is not None:
        found.append(local_date(page.ld.get("dateModified")))
    found += [local_date(page.meta[k]) for k in UPDATED_META if k in page.meta]
    return [d for d in found if d is not None]


def choose_date(
    page: PageMeta,
    *,
    guessed: PartialDate | None,
    text: PartialDate | None,
    url: str | None,
    title: str | None = None,
) -> tuple[PartialDate, str] | None:
    """The publication date, or None when the evidence is weak: no date beats a wrong one.

    A date the metadata states as the publication date is taken (the JSON-LD's when sources
    disagree, unless more of them agree on another day). Without one, the dates read by
    heuristics (htmldate's `guessed`, the text reader's `text`, the page address) count only
    where a second source agrees on the day: another of them, or the same date written next
    to the visible headline `title` (its header cluster, where the byline and date sit), or
    the only full date the page shows. A date that is the page's stated update is no
    publication date.
    """
    updated = {_day(d) for d in updated_candidates(page)}
    stated = _without_updates(published_candidates(page), updated)
    if stated:
        return _settle(stated)
    near = days_near_headline(page, title)
    heuristic = [
        (d, how)
        for d, how in ((guessed, "htmldate"), (text, "text"), (url_date(url), "url"))
        if d is not None and d.day is not None and d.year is not None
    ]
    shown = {item for _, item in page.shown_days if not isinstance(item, str)}
    for date, how in heuristic:
        if _day(date) in updated:
            continue
        agree = [h for d, h in heuristic if h != how and _day(d) == _day(date)]
        if _day(date) in near:
            agree.append("headline")
        elif shown == {_day(date)}:
            agree.append("only-date-shown")
        if agree:
            return date, f"{how}+{agree[0]}"
    return None


def _without_updates(
    stated: list[tuple[PartialDate, str]], updated: set[tuple[int | None, int | None, int | None]]
) -> list[tuple[PartialDate, str]]:
    """The stated publication dates without those that are the page's update stamp while
    another states an earlier day (a page republished under its update's date)."""
    days = [_day(d) for d, _ in stated if d.day is not None]
    earliest = min(days, default=None)
    return [
        (d, kind)
        for d, kind in stated
        if not (_day(d) in updated and earliest is not None and d.day and _day(d) > earliest)
    ]


def _settle(stated: list[tuple[PartialDate, str]]) -> tuple[PartialDate, str]:
    """One publication date among those the metadata states: the JSON-LD article's own, else
    the day most kinds of stamp agree on (the first stated on a tie). A year or month alone
    agrees with any day in it."""
    stated = [c for c in stated if c[0].day is not None] or stated
    if stated[0][1] == "jsonld":
        return stated[0]
    votes: dict[tuple[int | None, int | None, int | None], set[str]] = {}
    for date, kind in stated:
        votes.setdefault(_day(date), set()).add(kind)
    first = _day(stated[0][0])
    best = max(votes, key=lambda day: (len(votes[day]), day == first))
    return next((d, k) for d, k in stated if _day(d) == best)


def _day(date: PartialDate) -> tuple[int | None, int | None, int | None]:
    """A date as a (year, month, day) key."""
    return date.year, date.month, date.day
