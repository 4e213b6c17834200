"""A saved page's publication date, chosen on evidence: the date the page's machine-readable
metadata states as written (the page's local day, never moved to UTC), and a date that only a
heuristic reader found kept only when a second, independent source agrees with it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dateutil import parser as date_parser

from indexer.models import PartialDate
from indexer.normalize.fields import supplied_date
from indexer.normalize.metadata import PageMeta, days_near_headline

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.issued", "parsely-pub-date", "sailthru.date",
    "cxenseparse:recs:publishtime", "article.published", "og:published_time",
)  # fmt: skip
UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s]|$)")
_URL_DAY = re.compile(
    r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|$)"
)
_UTC_STAMP = re.compile(r"\d(?:Z|[+-]00:?00|\s*(?:UTC|GMT))$", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")
_DEFAULT_A = dt.datetime(4, 1, 1)
_DEFAULT_B = dt.datetime(8, 2, 2)


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
