"""A saved page's publication date, chosen on evidence: the date the page's machine-readable
metadata states as written (the page's local day, never moved to UTC), and a date that only a
heuristic reader found kept only when a second, independent source agrees with it.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Any, NamedTuple

from dateutil import parser as date_parser

from indexer.models import PartialDate
from indexer.normalize.dates import after_today
from indexer.normalize.fields import supplied_date
from indexer.normalize.metadata import (
    PageMeta,
    bare_clocks_near_headline,
    clocks_near_headline,
    days_before_story,
    days_near_headline,
    times_above_story,
    times_near_headline,
)
from indexer.normalize.regions import country_offsets, tag_country

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
_WALL_CLOCK = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})")
_DEFAULT_A = dt.datetime(4, 1, 1)
_DEFAULT_B = dt.datetime(8, 2, 2)
# The zones a stamp's instant may be shown in: whole or quarter hours off UTC, UTC-12 to UTC+14.
_WEST_MOST = dt.timedelta(hours=-12)
_EAST_MOST = dt.timedelta(hours=14)
_ZONE_STEP = dt.timedelta(minutes=15)


def local_date(value: Any) -> PartialDate | None:
    """A stated date at its precision, on the day the page gives (its own zone, not UTC); none
    that lies after today (`04/03/67` read as 2067, a scheduled event's `<time>`)."""
    date = _local_date(value)
    return None if date is None or after_today(date) else date


def _local_date(value: Any) -> PartialDate | None:
    """A stated date at its precision, on the day the page gives."""
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


class _Stamp(NamedTuple):
    """A date the metadata states, with its kind, the moment it names (if zoned) and whether
    it is written in UTC (then its day is London's, not necessarily the page's)."""

    date: PartialDate
    kind: str
    moment: dt.datetime | None
    utc: bool


def _published(
    page: PageMeta,
    header_times: list[tuple[str, tuple[int, int, int] | None]],
    offsets: set[dt.timedelta],
) -> list[_Stamp]:
    """The stated publication dates as stamps, given the page's `times_above_story` and
    `page_offsets`."""
    stamps: list[tuple[Any, str]] = []
    if page.ld is not None:
        for key in ("datePublished", "dateCreated"):
            if page.ld.get(key):
                stamps.append((page.ld[key], "jsonld"))
                break
    stamps += [(page.meta[key], "meta") for key in PUBLISHED_META if key in page.meta]
    # Only the first: later `<time>` elements are mostly related stories and comments.
    stamps += [(stamp, "time-element") for stamp in page.time_published[:1]]
    # A UTC stamp names London's day: the same instant with the page's offset wins, stated or
    # in a `<time datetime>` above the story's text (hAtom's `entry-date published`): one
    # instant to the second in the header is the story's own moment. So does the day such a
    # `<time>` shows in its text where the instant falls on it in some zone (`datetime=
    # "…22:30Z"` shown as `Wednesday, 25 November`): the template rendered it in the page's zone.
    offset_stamps = [(other, None) for other, _ in stamps] + header_times
    found, written = [], []
    for stamp, kind in stamps:
        date = local_date(stamp)
        if date is None:
            continue
        written.append(stamp)
        instant, utc = _instant(stamp), _in_utc(stamp)
        if utc and instant is not None:
            for other, shown in offset_stamps:
                if _instant(other) != instant:
                    continue
                if not _in_utc(other):
                    date, utc = local_date(other) or date, False
                    break
                if shown is not None and shown in zone_days(instant, offsets):
                    date, utc = PartialDate(*shown), False
                    break
        found.append(_Stamp(date, kind, instant, utc))
    return _zoneless_as_utc(found, written)


def zone_days(
    moment: dt.datetime, offsets: set[dt.timedelta] | None = None
) -> set[tuple[int, int, int]]:
    """The days an instant falls on in some zone (UTC-12 to UTC+14), or at the page's own
    `offsets` where it writes any (`page_offsets`)."""
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None)
    if offsets:
        return {(utc + off).date().timetuple()[:3] for off in offsets}
    return {(utc + off).date().timetuple()[:3] for off in (_WEST_MOST, dt.timedelta(0), _EAST_MOST)}


def page_offsets(page: PageMeta) -> set[dt.timedelta]:
    """The UTC offsets other than zero that the page's stamps are written with (`…-05:00` in a
    `<time datetime>` or its metadata): its own zone, as its template renders every stamp."""
    written = [stamp for _, stamp in page.time_stamps]
    if page.ld is not None:
        written += [page.ld.get(key) for key in ("datePublished", "dateCreated", "dateModified")]
    written += [page.meta[key] for key in (*PUBLISHED_META, *UPDATED_META) if key in page.meta]
    found = {_instant(stamp) for stamp in written if isinstance(stamp, str)}
    return {off for moment in found if moment and (off := moment.utcoffset())}


def _zoneless_as_utc(found: list[_Stamp], written: list[Any]) -> list[_Stamp]:
    """The stamps with one written without a zone read as a UTC stamp's instant where it shows
    that stamp's very clock (`2024-03-07T01:42:00` beside `…01:42:00Z`): the same moment with
    its zone dropped by the template, not a second, local reading of it."""
    utc = {
        _naive(text): stamp.moment
        for stamp, text in zip(found, written, strict=True)
        if stamp.utc and stamp.moment is not None
    }
    return [
        stamp._replace(moment=utc[_naive(text)], utc=True)
        if stamp.moment is None and _naive(text) in utc and _naive(text) is not None
        else stamp
        for stamp, text in zip(found, written, strict=True)
    ]


def _naive(stamp: Any) -> str | None:
    """A timestamp's day and time of day to the minute as written, without its zone."""
    match = _WALL_CLOCK.match(stamp) if isinstance(stamp, str) else None
    return f"{match.group(1)}T{match.group(2)}" if match else None


def _instant(stamp: Any) -> dt.datetime | None:
    """The moment a zoned timestamp names, or None."""
    if not isinstance(stamp, str) or not _TIME_OF_DAY.search(stamp):
        return None
    try:
        moment = date_parser.isoparse(stamp.strip())
    except (ValueError, OverflowError):
        try:
            with warnings.catch_warnings():  # a zone name it does not know (`CEST`): no zone
                warnings.simplefilter("ignore", date_parser.UnknownTimezoneWarning)
                moment = date_parser.parse(stamp)
        except (ValueError, OverflowError, TypeError):
            return None
    return moment if moment.tzinfo is not None else None


def _in_utc(stamp: Any) -> bool:
    """Whether a timestamp is written in UTC (`…Z`, `+00:00`) rather than a local offset."""
    return isinstance(stamp, str) and bool(_UTC_STAMP.search(stamp.strip()))


def updated_candidates(page: PageMeta) -> list[PartialDate]:
    """The update dates the page's metadata states."""
    return [stamp.date for stamp in _updates(page)]


def _updates(page: PageMeta) -> list[_Stamp]:
    """The update dates the page's metadata states, as stamps."""
    stamps = [(page.ld.get("dateModified"), "jsonld")] if page.ld is not None else []
    stamps += [(page.meta[k], "meta") for k in UPDATED_META if k in page.meta]
    return [
        _Stamp(date, kind, _instant(stamp), _in_utc(stamp))
        for stamp, kind in stamps
        if (date := local_date(stamp)) is not None
    ]


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
    the only full date the page shows. Without any of them, a date that is both is taken. A
    date that is the page's stated update is no publication date.
    """
    updates = _updates(page)
    updated = {_day(stamp.date) for stamp in updates}
    # A day the page shows only under an update's label neither moves a stated date nor backs a
    # reader's guess by the headline, nor is read off a `<time>` element; as the only day the
    # page shows it may still date it (a site whose one stamp reads `Updated:` may mean its
    # publication).
    # So is the day of a `<time>` the template marks as the update under the headline (hAtom's
    # `updated` beside `entry-date published`): the publication's stamp outranks it. Alone, it
    # is the theme's one stamp: many set hAtom's required `updated` on the publication's date.
    beside = times_near_headline(page, title)
    marked: set[tuple[int | None, int | None, int | None]] = set()
    if beside:
        marked = {
            _day(date)
            for stamp in times_near_headline(page, title, updates=True)
            if (date := local_date(stamp)) is not None
        }
    header_times, offsets = times_above_story(page), page_offsets(page)
    published = _published(page, header_times, offsets)
    published_moments = {s.moment for s in published} - {None}
    # A `<time>` whose `datetime` is the update's very instant shows the update's day, marked
    # or not (a theme set to show when a story was last modified).
    moments = {s.moment for s in updates} - published_moments - {None}
    marked |= {
        shown for stamp, shown in header_times if shown is not None and _instant(stamp) in moments
    }
    update_days = updated | set(page.shown_updates) | marked
    stated = _without_updates(published, updates)
    if stated:
        # Only a date under the headline: one above it is often the masthead's today. A day the
        # page's address states too is its publication's, even where the update fell on it
        # (an address is dated when the story is first published, never when it is updated).
        # The day must show the publication's moment, not the update's shown unlabelled.
        addressed = url_date(url)
        under = days_near_headline(page, title, before=0, timed=True)
        clocks = clocks_near_headline(page, title)
        shown_under = under - update_days
        address_day = _day(addressed) if addressed is not None else None
        if address_day in under - page.shown_updates:
            if _shows_instant(address_day, clocks, published, west=False):  # type: ignore[arg-type]
                shown_under.add(address_day)  # type: ignore[arg-type]
        # A day the update's stamp names only in UTC (`01:10Z`) may be the page's day of the
        # publication too: shown unlabelled with the publication's moment, it is. So it is shown
        # untimed as the story's own stamp: a template shows the publication's day, and the
        # update's under its label (`_local_shown_day` still asks that the instant fall on it).
        # Untimed and unlabelled, though, it may as well be the update's own day west of UTC (a
        # theme that prints when a story was modified): only the page's zone evidence, a
        # publication's label (`Published:`) or its `<time>` tells it the publication's.
        own = days_near_headline(page, title, own=True)
        unsure: set[tuple[int, int, int]] = set()
        for other in under & updated - page.shown_updates - marked:
            if _shows_instant(other, clocks, published, west=False):
                shown_under.add(other)
            elif other in own:
                shown_under.add(other)
                unsure.add(other)
        unsure -= page.shown_published | {
            shown for stamp, shown in header_times if _instant(stamp) in published_moments
        }
        chosen = _settle(stated)
        republished = _published_before_update(chosen, shown_under, updated, page)
        if republished is not None:
            return republished
        stamped = _day(chosen[0])
        if not shown_under and None not in stamped:
            # Above the headline, a day before the stamp's: a masthead's today is never earlier
            # than the story it heads, so it is the story's own day in the page's zone. So is
            # an update shown under the headline the day before: no story is updated before it
            # is published.
            above = days_near_headline(page, title, timed=True) - update_days
            shown_under = {day for day in above if day < stamped}  # type: ignore[operator]
            if not shown_under:
                shown_updated = under & page.shown_updates
                shown_under = {
                    day
                    for day in shown_updated
                    if day < stamped  # type: ignore[operator]
                    and _shows_instant(day, clocks, updates, west=True)
                }
                own |= shown_under  # the update's own instant backs it
        zone = offsets, address_day
        local = _local_shown_day(chosen, published, shown_under, clocks, own, zone)
        if local is not chosen and _day(local[0]) in unsure and zone == (set(), None):
            return None  # the publication's day east of UTC or the update's west: no date
        if local is chosen and not days_near_headline(page, title):
            shown = bare_clocks_near_headline(page, title)
            return _country_day(chosen, published, tag_country(page.lang), shown)
        return local
    # Dates above the headline are often a list of other stories or the masthead's today: where
    # the page shows a day under its headline, only that confirms a heuristic date.
    near = days_near_headline(page, title, before=0) or days_near_headline(page, title)
    heuristic = [
        (d, how)
        for d, how in ((guessed, "htmldate"), (text, "text"), (url_date(url), "url"))
        if d is not None and d.day is not None and d.year is not None and not after_today(d)
    ]
    shown = {item for _, item in page.shown_days if not isinstance(item, str)}
    latest = _latest_days(updates)
    for date, how in heuristic:
        if _day(date) in updated or _after(_day(date), latest):
            continue
        agree = [h for d, h in heuristic if h != how and _day(d) == _day(date)]
        if _day(date) in near - page.shown_updates - marked:
            agree.append("headline")
        elif shown == {_day(date)}:
            agree.append("only-date-shown")
        elif page.permalink_days == {_day(date)}:
            agree.append("permalink")  # the entry's date, linked to its own address
        if agree:
            return date, f"{how}+{agree[0]}"
    header_time = _header_time(beside, near, update_days)
    if header_time is not None:
        return header_time
    return _header_day(near, shown, heuristic, updated, latest) or _header_day(
        near,
        days_before_story(page, title) or set(),
        heuristic,
        updated,
        latest,
        "only-date-above-story",
    )


def _published_before_update(
    chosen: tuple[PartialDate, str],
    shown: set[tuple[int, int, int]],
    updated: set[tuple[int | None, int | None, int | None]],
    page: PageMeta,
) -> tuple[PartialDate, str] | None:
    """The one earlier day the page shows under its headline with a time (`shown`, not the
    update's), where the stated publication falls on the day the metadata states as the update
    and the page shows only under an update's label (`Publicat: joi, 19 noiembrie, 14:05` over
    `Actualizat: vineri, 20 noiembrie, 09:30`, `datePublished` the 20th): a page republished
    under its update's date, whose own stamp by the headline keeps the publication's day. A day
    shown right after another story's link is that story's (`Citește și` / its headline /
    `miercuri, 18 noiembrie, 10:00`), no stamp of the page's."""
    day = _day(chosen[0])
    if day not in updated or day not in page.shown_updates or len(shown) != 1:
        return None
    other = next(iter(shown))
    if other >= day or other in page.teaser_days:  # type: ignore[operator]
        return None
    return PartialDate(*other), f"{chosen[1]}+headline-before-update"


def _header_time(
    beside: list[str],
    near: set[tuple[int, int, int]],
    updated: set[tuple[int | None, int | None, int | None]],
) -> tuple[PartialDate, str] | None:
    """The one day the `<time datetime>` elements of the headline's header cluster (`beside`,
    as `times_near_headline` gives them) state, where
    the page also shows it there in words and it is not the update: the template's stamp of the
    story (those of related stories and comments sit below the story's first paragraph, or
    above the headline: those under it are taken where there are any)."""
    days = {
        _day(date)
        for stamp in beside
        if (date := local_date(stamp)) is not None and date.day is not None
    }
    if len(days) != 1 or not days <= near or days & updated:
        return None
    return PartialDate(*days.pop()), "time-element+headline"


def _shows_instant(
    day: tuple[int, int, int],
    clocks: set[tuple[int, int, int, int, int]],
    stamps: list[_Stamp],
    *,
    west: bool,
) -> bool:
    """Whether a time shown on `day` is the instant of one of the UTC `stamps` in some zone
    (whole or quarter hours off UTC, from UTC-12 to UTC+14; with `west`, behind UTC only): the
    story's own moment, not a related story's, a live entry's or another of its stamps."""
    latest = dt.timedelta(0) if west else _EAST_MOST + dt.timedelta(minutes=1)
    for year, month, date, hour, minute in clocks:
        if (year, month, date) != day:
            continue
        local = dt.datetime(year, month, date, hour, minute)
        for stamp in stamps:
            if stamp.moment is None or not stamp.utc:
                continue
            offset = local - stamp.moment.replace(tzinfo=None, second=0, microsecond=0)
            if _WEST_MOST <= offset < latest and not offset % _ZONE_STEP:
                return True
    return False


def _local_shown_day(
    chosen: tuple[PartialDate, str],
    published: list[_Stamp],
    near: set[tuple[int, int, int]],
    clocks: set[tuple[int, int, int, int, int]],
    own: set[tuple[int, int, int]],
    zone: tuple[set[dt.timedelta], tuple[int | None, int | None, int | None] | None],
) -> tuple[PartialDate, str]:
    """The stated date, or the day the page shows under its headline where every stamp of the
    chosen day is written in UTC and the shown day is where that instant falls in some zone
    (UTC-12 to UTC+14): a story stamped `23:40Z` that shows `5 March 00:40` is a 5 March story.
    Where it shows several days (a related story's below), none of them the stamp's own, the
    one shown with a time that is that instant in some zone is the story's: where the stamp's
    day is shown too, it may be the story's and the other's time a match by chance. A day shown
    alone needs the same evidence, or to be `own`: shown untimed as the story's stamp, not in
    another story's link (a teaser under the headline dated the day before is no local day).
    The page's `zone` evidence bounds the day: the offsets it writes its stamps with (the
    instant must fall on the day at one of them) and the day its address states (a permalink
    is dated by the site's own clock when the story is first published, so where that day is
    one the instant falls on, a day shown beside the headline that is not it is the update's)."""
    stamps = _utc_stamps(chosen, published)
    if not stamps:
        return chosen
    if len(near) > 1 and _day(chosen[0]) not in near:
        near = {day for day in near if _shows_instant(day, clocks, stamps, west=False)}
    if len(near) != 1:
        return chosen
    day = next(iter(near))
    moment = stamps[0].moment
    assert moment is not None
    offsets, addressed = zone
    days = zone_days(moment, offsets)
    if day == _day(chosen[0]) or day not in days or addressed in days - {day}:
        return chosen
    if day not in own and not _shows_instant(day, clocks, stamps, west=False):
        return chosen
    return PartialDate(*day), f"{chosen[1]}+headline-local-day"


def _country_day(
    chosen: tuple[PartialDate, str],
    published: list[_Stamp],
    country: str | None,
    shown: set[tuple[int, int]],
) -> tuple[PartialDate, str]:
    """The stated date, or the day its instant falls on in the country the page's language tag
    names (`en-AU`), where every stamp of the chosen day is written in UTC, the page shows no
    day by its headline, and the instant falls on one day across that country's zones. Where
    the headline shows the stamp's own clock (`9:40pm` by a `21:40Z` stamp), the page tells its
    readers the time in the stamp's written clock: its day is the stamp's as written."""
    stamps = _utc_stamps(chosen, published)
    if not stamps:
        return chosen
    if any(_clock_of(s.moment) in shown for s in stamps):  # type: ignore[arg-type]
        return chosen
    offsets = country_offsets(country)
    if not offsets:
        return chosen
    days = zone_days(stamps[0].moment, offsets)  # type: ignore[arg-type]
    if len(days) != 1:
        return chosen
    day = days.pop()
    if day == _day(chosen[0]):
        return chosen
    return PartialDate(*day), f"{chosen[1]}+country-local-day"


def _utc_stamps(chosen: tuple[PartialDate, str], published: list[_Stamp]) -> list[_Stamp]:
    """The stamps of the chosen date's day, where every one is written in UTC with its instant;
    else none."""
    stamps = [s for s in published if _day(s.date) == _day(chosen[0])]
    return [] if any(not s.utc or s.moment is None for s in stamps) else stamps


def _clock_of(moment: dt.datetime) -> tuple[int, int]:
    """An instant's time of day in UTC, as hour and minute."""
    utc = moment.astimezone(dt.UTC)
    return utc.hour, utc.minute


def _header_day(
    near: set[tuple[int, int, int]],
    shown: set[tuple[int, int, int]],
    heuristic: list[tuple[PartialDate, str]],
    updated: set[tuple[int | None, int | None, int | None]],
    latest: set[tuple[int, int, int]],
    how: str = "only-date-shown",
) -> tuple[PartialDate, str] | None:
    """The one day a page without stated dates shows in its headline's cluster, when it is the
    only full date `shown` on the whole page (or above the story's first paragraph, as `how`
    then says) and no reader found another (a date that no reader parsed from the page's
    text, a `Dec 15, 2016` beside a byline, is still the story's). A reader's date that is the
    page's stated update (htmldate reads `article:modified_time`) is no other date; a day after
    that update is none of the story's (no story is published after it is updated: a masthead's
    today)."""
    if len(near) != 1 or shown != near or near & updated:
        return None
    day = next(iter(near))
    if _after(day, latest):
        return None
    if any(_day(d) != day and _day(d) not in updated for d, _ in heuristic):
        return None
    return PartialDate(*day), f"headline+{how}"


def _latest_days(updates: list[_Stamp]) -> set[tuple[int, int, int]]:
    """The latest day each stated update may fall on where the page is: a UTC stamp's day in
    the easternmost zone (UTC+14), another its day as written."""
    days = set()
    for stamp in updates:
        if stamp.utc and stamp.moment is not None:
            days.add(max(zone_days(stamp.moment)))
        elif None not in (day := _day(stamp.date)):
            days.add(day)
    return days  # type: ignore[return-value]


def _after(
    day: tuple[int | None, int | None, int | None], latest: set[tuple[int, int, int]]
) -> bool:
    """Whether a day falls after a stated update's: no story is published after it is updated."""
    return None not in day and any(day > other for other in latest)  # type: ignore[operator]


def _without_updates(stated: list[_Stamp], updates: list[_Stamp]) -> list[tuple[PartialDate, str]]:
    """The stated publication dates without those that are the page's update stamp while
    another states a surely earlier day (a page republished under its update's date).

    A stamp is the update when it names an update's day and, where both give a time, the same
    moment. A day is surely earlier when it is earlier in the page's own zone: two moments
    written in UTC less than a day apart may fall on one day where the page is (a story's first
    version at 10 pm, its JSON-LD stamp at 1 am UTC), so they need a whole day between them.
    """

    def is_update(stamp: _Stamp) -> bool:
        """Whether a stated date is one of the update stamps."""
        return any(
            _day(stamp.date) == _day(update.date)
            and (stamp.moment is None or update.moment is None or stamp.moment == update.moment)
            for update in updates
        )

    def surely_before(earlier: _Stamp, later: _Stamp) -> bool:
        """Whether one stamp names an earlier day than another wherever the page is."""
        if earlier.date.day is None or _day(earlier.date) >= _day(later.date):
            return False
        if earlier.moment is None or later.moment is None or not (earlier.utc or later.utc):
            return True
        return later.moment - earlier.moment >= dt.timedelta(days=1)

    return [
        (stamp.date, stamp.kind)
        for stamp in stated
        if not (
            stamp.date.day
            and is_update(stamp)
            and any(surely_before(other, stamp) for other in stated)
        )
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
