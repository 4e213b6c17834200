"""The dates in the header cluster of a copied web page (its byline: `clusterbyline.py`; what
each line stamps: `stamplines.py`).

A page dates and signs its story right by the headline (`By Jane Doe`, `May 3, 2024, 4:19 PM`);
the masthead above prints today's date, related lists and comments below print theirs, and a
copyright line prints the year the page was saved. So the cluster around the top of the
article zone is read first. Beyond it only evidence that ties a day to the story counts: a
`Published` label, the stamp beside the byline (in the header or an author box under the story),
a stamp with its own update (`5 gennaio 2025 (modifica il 6 gennaio 2025)`), a blog entry's
footer (`entryfooter.py`), or the one day the whole page stamps. A masthead's day dates only a
story stamped by its time alone (`masthead.py`). A page without such evidence gets none: no date
is better than a wrong one. Nor does a day that dates something else: a live blog's latest
entry, the printed issue a story ran in (`otherdays.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import NamedTuple

from indexer.models import PartialDate
from indexer.normalize.cluster import cluster
from indexer.normalize.dates import find_date, parse_date_line
from indexer.normalize.entryfooter import entry_date
from indexer.normalize.headtail import stamp_tail
from indexer.normalize.lines import word_count
from indexer.normalize.mailheader import in_mail_header
from indexer.normalize.masthead import CLOCK, masthead_day, masthead_today, stamped_today
from indexer.normalize.otherdays import ENTRY_TIME, issue_day, live_blog
from indexer.normalize.stamplines import caption_date as caption_date  # for headline.py
from indexer.normalize.stamplines import (
    fact_day,
    names_update,
    page_dates,
    stamp_words,
    updated_above,
)
from indexer.normalize.stamplines import line_dates as line_dates  # read here before the split
from indexer.normalize.story import Page
from indexer.normalize.zone import Zone

LABELLED_INTO_ZONE = 12  # a labelled `Published` line may stand below a long standfirst
FAR_ABOVE = 16  # lines above the headline or zone where a lone date stamp may still stand
FAR_BELOW = 12  # lines below them: a stamp under a standfirst, a picture and its caption
LIST_REACH = 3  # stamps of other days this near make a list
# Bare stamps of one day, each this near the next, make a list too (`Latest` saved the day its
# items ran): a story's own stamp is written once, or twice (over and under a standfirst).
SAME_DAY_LIST = 3
ITEM_REACH = 8  # the lines of one item of a list of stories: headline, stamp, counts, kicker
FOOT = 3  # lines under the zone's last paragraph where the story's own stamp may stand
_STAMP_CHARS = 60
_STAMP_WORDS = 8
# A publishing label just before a date (`Posted: Aug 8, 2024`, `Veröffentlicht am 3. Mai`).
_PUBLISHED_WORD = re.compile(
    r"\b(?:posted|published|veröffentlicht|erschienen|publié|publicado|pubblicato)", re.I
)
_PUBLISHED = re.compile(_PUBLISHED_WORD.pattern + r"(?:\s+(?:on|am|le|el|il))?\s*:?\s*$", re.I)
_BY_LABEL = re.compile(r"^(?:by|von|par|por|di|door|av)\s+", re.IGNORECASE)
# A time of day with its minutes (`16:58`, `4.58 pm`, `10:31:05 am`), the hour and minutes apart.
_TIME = re.compile(
    r"(?<![\d.:/])(\d{1,2})[:.h](\d{2})(?::\d{2})?(?![\d.:/])(?:\s*([ap])\.?\s?m\b)?", re.I
)
_LABEL_CHARS = 24  # a label alone on the line above its date (`Published:`, `입력 :`)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


class HeaderDates(NamedTuple):
    """What the header cluster says of the story's dates."""

    published: PartialDate | None
    updated: PartialDate | None
    # The update, when it is the header's only stamp and a newsroom's timed stamp of the day
    # the story ran: the publication day failing better evidence (a stamp by the byline).
    news_update: PartialDate | None = None


def header_dates(page: Page, zone: Zone, title_at: int | None) -> HeaderDates:
    """The publication and update dates stated in the header cluster (the nearest below first),
    less the days that date something else: a live blog's latest entry, a printed issue."""
    found = _cluster_dates(page, zone, title_at)
    if live_blog(page, title_at):
        labelled = _labelled_date(page, zone, title_at or 0)
        # Entries stamped by their times alone (`21:47`) run on one day, the day of the timed
        # update over them; a live page running over days dates its entries.
        one_day = labelled is None and _one_day(page, title_at, found.news_update)
        return HeaderDates(labelled, found.updated, found.news_update if one_day else None)
    mark = min(zone.start, title_at if title_at is not None else zone.start)
    header = range(max(0, mark - FAR_ABOVE), min(len(page.lines), zone.start + FAR_BELOW))
    if found.published is not None and issue_day(page, found.published, header, title_at):
        return found._replace(published=None)
    return found


def _one_day(page: Page, title_at: int | None, day: PartialDate | None) -> bool:
    """Whether every day stated below the headline is `day`, and no entry's bare time is later
    than the update's: an entry at `16:58` under `Last updated: 4 Mar 09:12`, or at `23:47`
    under `00:41`, ran on a day before the update's."""
    if day is None or title_at is None:
        return False
    below = range(title_at + 1, len(page.lines))
    if not all(date == day for i in below for _, date in page_dates(page, i)):
        return False
    stamp = next((i for i in below if any(d == day for _, d in page_dates(page, i))), None)
    latest = _minutes(page.text(stamp)) if stamp is not None else None
    if latest is None:
        return False
    times = (_minutes(page.text(i)) for i in below if ENTRY_TIME.match(page.text(i)))
    return all(t is None or t <= latest for t in times)


def _minutes(text: str) -> int | None:
    """The first time of day on a line, in minutes after midnight (`4:58 pm` is 1018)."""
    match = _TIME.search(text)
    if match is None:
        return None
    hour, minute = int(match.group(1)) % 24, int(match.group(2))
    if match.group(3) and hour < 12 and match.group(3).lower() == "p":
        hour += 12
    elif match.group(3) and hour == 12 and match.group(3).lower() == "a":
        hour = 0
    return hour * 60 + minute


def _cluster_dates(page: Page, zone: Zone, title_at: int | None) -> HeaderDates:
    """The dates of the header cluster and, failing them, of the stamps in the header's reach."""
    span = cluster(page, zone, title_at)
    mark = title_at if title_at is not None and title_at < zone.end else span[0]
    published: PartialDate | None = None
    updated: PartialDate | None = None
    updated_at = -1
    days: set[PartialDate] = set()
    head_days: set[PartialDate] = set()
    labelled: set[PartialDate] = set()
    stamps = _published_days(page, span)
    today = stamped_today(page, span)
    # Below the headline first, nearest first; then above it.
    for i in sorted(span, key=lambda j: (j < mark, abs(j - mark))):
        if i == title_at:
            stamped = headline_stamp(page, i)
        elif _listed(page, stamps, i, title_at):
            continue
        elif today is None and masthead_day(page, i, title_at):
            continue  # `Sunday, 24 November 2019` over the menus: the day the page was printed
        else:
            stamped = page_dates(page, i)
        for kind, date in _first_published(stamped):
            if kind == "updated" or updated_above(page, i):
                if updated is None:
                    updated, updated_at = date, i
            else:
                published = published or date
                if i > mark or i == title_at:
                    days.add(date)
                    if i < zone.start:
                        head_days.add(date)
        found = _published_label(page, i) if i != title_at else None
        if found is not None:
            labelled.add(found)
    if len(days) > 1:
        # Two days stated below the headline: one is an update or a related story's (an audio
        # clip, a teaser). A `Published` label says which is the story's, or the header: one
        # day above the story's first paragraph, the others inside its run (a teaser's, a
        # quoted notice's). Else which cannot be told, and no date is better than a wrong one.
        if len(labelled) == 1:
            return HeaderDates(labelled.pop(), updated)
        return HeaderDates(head_days.pop() if len(head_days) == 1 else None, updated)
    if published is None:
        published = _labelled_date(page, zone, mark)
    if published is None and updated is None:
        published = _stamp_near(page, zone, mark, title_at, today is not None)
    if published is None and today == "published":
        # `Publicerad 22:31` under the byline, `söndag 2 augusti 2026` over the menus.
        published = masthead_today(page, title_at)
    if (
        published is None
        and updated is not None
        and _news_update(page, updated_at, updated, title_at)
    ):
        return HeaderDates(None, updated, updated)
    if published is None and updated is None and title_at is not None:
        lone = _lone_stamp(page, zone, title_at)
        if lone is not None and lone[0] == "updated":
            return HeaderDates(None, lone[1], lone[1])
        published = lone[1] if lone is not None else None
    if published is None and updated is None:
        pair = _stamp_pair(page, zone, mark)
        # `Von Jane Doe am 21/02/2021. Abgelegt unter Israel.` under a blog post
        return (
            pair
            if pair.published
            else HeaderDates(entry_date(page, zone.start, zone.end + FAR_BELOW), None)
        )
    return HeaderDates(published, updated)


def headline_stamp(page: Page, i: int) -> list[tuple[str, PartialDate]]:
    """The stamp a copy glues after the headline on its line (`… CUTPEN access_time2019/04/21
    11:51`); a date in the headline's own words is none."""
    tail = stamp_tail(page.text(i))
    return line_dates(tail, page.day_first, page.buddhist) if tail else []


def _news_update(page: Page, i: int, day: PartialDate, title_at: int | None) -> bool:
    """Whether the header's only stamp, an update, is a newsroom's stamp of the day the story
    ran: timed to the minute (`Updated 11:22 PM EST, Tue November 29, 2016`), where a page
    revised long after states the day alone (`Last Updated: January 7, 2025`), and not later
    than a year the headline names (`The 21 best movies of 2017`, updated in July 2018)."""
    if i < 0 or CLOCK.search(page.text(i)) is None:
        return False
    named = _YEAR.findall(page.text(title_at)) if title_at is not None else []
    return day.year is not None and all(int(year) >= day.year for year in named)


def _published_days(page: Page, span: list[int]) -> dict[int, set[PartialDate]]:
    """The days stamped on each line of and around the cluster, updates aside."""
    low, high = max(0, span[0] - ITEM_REACH), min(len(page.lines), span[-1] + ITEM_REACH + 1)
    return {
        i: {date for kind, date in page_dates(page, i) if kind == "published"}
        for i in range(low, high)
        if not updated_above(page, i)
    }


def _listed(page: Page, stamps: dict[int, set[PartialDate]], i: int, title_at: int | None) -> bool:
    """Whether line `i` is one item of a list of stamps (related stories, job ads, comments):
    lines a few apart stamp other days, and no headline stands between them; or it is one of a
    run of items (`Jane Doe11/13/19 9:00AM`, `Jane Doe11/12/19 4:40PM`) that stamps more than
    one day."""
    if not stamps.get(i):
        return False
    for j in range(i - LIST_REACH, i + LIST_REACH + 1):
        if j == i or not stamps.get(j) or stamps[j] == stamps[i]:
            continue
        if title_at is None or not min(i, j) < title_at < max(i, j):
            return True
    days = {frozenset(stamps[j]) for j in _item_run(page, stamps, i, title_at)}
    return len(days) > 1 or len(_same_day_run(page, stamps, i, title_at)) >= SAME_DAY_LIST


def _item_run(
    page: Page, stamps: Mapping[int, Collection[PartialDate]], i: int, title_at: int | None
) -> set[int]:
    """The stamp lines of a list's items around line `i`: each an item's length from the next,
    with the same words beside its dates (the list's template: an author's name, a label), and
    no headline between them. A story's own stamp is written once."""
    words = _words(page, i)
    if not words:
        return {i}
    return _run(stamps, i, title_at, ITEM_REACH, lambda k: _words(page, k) == words)


def _same_day_run(
    page: Page, stamps: Mapping[int, Collection[PartialDate]], i: int, title_at: int | None
) -> set[int]:
    """The bare stamp lines of one day around line `i` (`2 March 2024` alone), each a few lines
    from the next and no headline between them: a list's items that ran on the same day."""
    if _words(page, i):
        return {i}
    day = set(stamps[i])
    return _run(
        stamps,
        i,
        title_at,
        LIST_REACH,
        lambda k: set(stamps[k]) == day and not _words(page, k),
    )


def _words(page: Page, i: int) -> tuple[str, ...]:
    """The words of stamp line `i` besides its dates and times."""
    return stamp_words(page.text(i), page.day_first)


def _run(
    stamps: Mapping[int, Collection[PartialDate]],
    i: int,
    title_at: int | None,
    reach: int,
    alike: Callable[[int], bool],
) -> set[int]:
    """The stamp lines around line `i` that `alike` accepts, each within `reach` lines of the
    next, no headline between them."""
    run = {i}
    for step in (1, -1):
        k = i
        while True:
            ahead = (k + n * step for n in range(1, reach + 1))
            k = next((j for j in ahead if stamps.get(j)), -1)
            if k < 0 or (title_at is not None and min(i, k) < title_at < max(i, k)):
                break
            if not alike(k):
                break
            run.add(k)
    return run


def date_by_byline(page: Page, zone: Zone, title_at: int | None, name: str) -> PartialDate | None:
    """The day stamped on the line just below (or above) the header's byline, wherever the
    header cluster ends: a standfirst, a summary box or a picture may part it from the headline.
    None when the cluster states days of its own (it dated the story, or its days disagree).
    """
    if any(page_dates(page, i) for i in cluster(page, zone, title_at) if i != title_at):
        return None
    low = max(0, zone.start - FAR_ABOVE)
    high = min(len(page.lines), zone.start + FAR_BELOW, zone.end)
    foot = range(zone.end, min(len(page.lines), zone.end + FAR_BELOW))
    key = name.casefold()
    # Signed in the header, or else in an author box under the story.
    signed = [i for i in range(low, high) if key in page.keys[i]] or [
        i for i in foot if key in page.keys[i]
    ]
    if len(signed) > 1:
        # `© Jane Doe` under two photos and `Jane Doe` over the stamp: the name alone signs.
        signed = [i for i in signed if _BY_LABEL.sub("", page.keys[i]).strip(" .,:|") == key]
    if len(signed) != 1:
        return None
    at = signed[0]
    # `28. 4. 2023, 18:41 Uhr` / `Kommentar von` / `Nina Beispiel`: a label may stand between.
    near = [at + 1, at - 1, *(at + 2 * step for step in (1, -1) if _label_between(page, at + step))]
    days = {
        date
        for j in near
        if 0 <= j < len(page.lines)
        for kind, date in page_dates(page, j)
        if kind == "published" and not updated_above(page, j)
    }
    return days.pop() if len(days) == 1 else None


def _label_between(page: Page, i: int) -> bool:
    """Whether line `i` is a short label (`Kommentar von`, `By`) between a name and a stamp."""
    return 0 <= i < len(page.lines) and word_count(page.text(i)) <= 2 and not page_dates(page, i)


def year_of_day(page: Page, date: PartialDate) -> PartialDate | None:
    """A year-less day (`KATHMANDU, April 25 (Reuters)`) in the one year the page's stamps give
    that same day (`April 25, 2023 · 1:36 PM`), or None when they give none or several."""
    if date.year is not None or date.month is None or date.day is None:
        return None
    years = {
        stamp.year
        for i in range(len(page.lines))
        for _, stamp in page_dates(page, i)
        if (stamp.month, stamp.day) == (date.month, date.day)
    }
    if len(years) != 1:
        return None
    return PartialDate(years.pop(), date.month, date.day)


def _first_published(found: list[tuple[str, PartialDate]]) -> list[tuple[str, PartialDate]]:
    """One line's dates with the earliest of its unlabelled days as the publication.

    `December 6, 2016 — 6:22 PM December 7, 2016 — 1:55 PM` states when the story was published
    and when it was last updated, and a story is updated after it is published.
    """
    days = [date for kind, date in found if kind == "published"]
    if len(set(days)) < 2 or any(d.day is None for d in days):
        return found
    first = min(days, key=lambda d: d.start())
    return [(k if k == "updated" or d == first else "updated", d) for k, d in found]


def _stamp_near(
    page: Page, zone: Zone, mark: int, title_at: int | None, today: bool
) -> PartialDate | None:
    """A line that is nothing but a date stamp, a little further from the headline or the zone
    (a masthead's day only when the header stamps the story by its time alone)."""
    low = max(0, min(mark, zone.start) - FAR_ABOVE)
    high = min(len(page.lines), max(mark, zone.start) + FAR_BELOW, zone.end)
    stamps = {
        i: [] if not today and masthead_day(page, i, title_at) else _stamp_dates(page, i)
        for i in range(low, high)
    }
    for i in sorted(stamps, key=lambda j: (j < mark, abs(j - mark))):
        dates = stamps[i]
        if not dates or updated_above(page, i):
            continue
        # A run of stamps with other days around it is a list of related stories or comments.
        around = range(max(low, i - LIST_REACH), min(high, i + LIST_REACH + 1))
        if any(stamps[j] and stamps[j][0] != dates[0] for j in around if j != i):
            return None
        if len({stamps[j][0] for j in _item_run(page, stamps, i, title_at)}) > 1:
            return None
        if len(_same_day_run(page, stamps, i, title_at)) >= SAME_DAY_LIST:
            return None
        return dates[0]
    return None


def _lone_stamp(page: Page, zone: Zone, title_at: int) -> tuple[str, PartialDate] | None:
    """The one dated line in the header's reach, past its cluster (key points or a gallery
    may part the headline from the story), when no other day is stamped anywhere on the page:
    a meta line (`Jane Doe, Markets | 4:19 PM, May 3, 2024`) or a timed update above the
    headline. Nothing else on the page could be the story's date."""
    found = [
        (kind, date, i)
        for i in range(max(0, title_at - FAR_ABOVE), zone.start)
        if i != title_at and not updated_above(page, i)
        for kind, date in page_dates(page, i)
        if (i > title_at if kind == "published" else _news_update(page, i, date, title_at))
    ]
    if len({date for _, date, _ in found}) != 1:
        return None
    kind, day, _ = found[0]
    others = (date for i in range(len(page.lines)) for _, date in page_dates(page, i))
    return None if any(date != day for date in others) else (kind, day)


def _stamp_pair(page: Page, zone: Zone, mark: int) -> HeaderDates:
    """The story's own stamp at its foot or anywhere in its zone: a line that states its
    publication and a later update (`5 gennaio 2025 (modifica il 6 gennaio 2025 | 15:24)`),
    which no sentence, list item or caption does, when the page has one such day."""
    firsts, thens = set(), set()
    for i in range(
        max(0, min(mark, zone.start) - FAR_ABOVE), min(len(page.lines), zone.end + FOOT)
    ):
        found = page_dates(page, i) if names_update(page.text(i)) else []
        if [kind for kind, _ in found] == ["published", "updated"]:
            (_, first), (_, then) = found
            if first.start() <= then.start():
                firsts.add(first)
                thens.add(then)
    if len(firsts) != 1:
        return HeaderDates(None, None)
    return HeaderDates(firsts.pop(), max(thens, key=lambda day: day.start()))


def _stamp_dates(page: Page, i: int) -> list[PartialDate]:
    """The publication dates of line `i` if it is a short stamp: a date, a time and a label."""
    text = page.text(i)
    if len(text) > _STAMP_CHARS:
        return []
    found = page_dates(page, i)
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
        found = _published_label(page, i)
        if found is not None:
            return found
    return None


def _published_label(page: Page, i: int) -> PartialDate | None:
    """The day line `i` labels as the publication (`Published …`, `… · Posted: Aug 8, 2024`)."""
    if in_mail_header(page.lines, i):
        return None  # a quoted mail's `Date:` is when it was sent, not when the story appeared
    if fact_day(page, i):
        return None  # an event's `Date:` beside its `Venue:`
    text, day_first, buddhist = page.text(i), page.day_first, page.buddhist
    dated = parse_date_line(text, bare=False, day_first=day_first, buddhist=buddhist)
    label = page.text(i - 1) if i > 0 and dated is None else ""
    if label and len(label) <= _LABEL_CHARS and not _DIGIT.search(label) and parse_date_line(text):
        # `입력 :` / `2025-06-04 02:37:08`, `Published:` / `March 6, 2018`: the label above.
        dated = parse_date_line(
            f"{label} {text}", bare=False, day_first=day_first, buddhist=buddhist
        )
    if dated is not None and dated[0] == "published" and dated[1].day is not None:
        return dated[1]
    hit = find_date(text, day_first, buddhist) if _PUBLISHED_WORD.search(text) else None
    if hit is not None and _PUBLISHED.search(text[: text.find(hit[1])]):
        # `Jane Doe · CBC News · Posted: Aug 08, 2024 4:00 AM`: the label inside a meta line.
        found = page_dates(page, i)
        if found and found[0][0] == "published" and found[0][1] == hit[0] and hit[0].day:
            return hit[0]
    return None
