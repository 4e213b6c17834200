"""Dates the page itself rules out or settles: short years never ahead of today, no date after
today, a numeric stamp read in the order of the page's named dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from indexer.models import Article, PartialDate, RawRecord
from indexer.normalize import normalize
from indexer.normalize.calendars import short_year
from indexer.normalize.dateorder import numeric_parts, page_day_first
from indexer.normalize.dates import after_today, find_date, parse_date, parse_date_line
from indexer.normalize.pagedate import local_date

DATA = Path(__file__).resolve().parent / "data" / "copied"


def _normalize(name: str) -> Article:
    """Normalise one copied page as `newsindex rebuild` reads it."""
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    return normalize(RawRecord(id=name, file=name, path=path, kind="text", text=text))


def _iso(article: Article) -> str | None:
    """The article's date as ISO text, or None."""
    return article.date.iso() if article.date is not None else None


@pytest.mark.parametrize(
    ("digits", "buddhist", "year"),
    [
        (24, False, 2024),
        (27, None, 2027),  # next year: a clock behind the page's
        (67, False, 1967),  # 2067 lies ahead
        (67, True, 2024),  # 2567 BE
        (67, None, None),  # 1967, or 2567 BE on a Thai page: no single year
        (85, None, 1985),  # 2585 BE lies ahead too
        (85, True, None),
        (24, True, None),  # 2524 BE (1981), or 2024 written the Gregorian way
    ],
)
def test_a_two_digit_year_is_never_ahead_of_today(
    digits: int, buddhist: bool | None, year: int | None
) -> None:
    assert short_year(digits, buddhist, this_year=2026) == year


def test_a_short_year_ahead_of_today_is_not_read_as_one() -> None:
    assert numeric_parts("23", ".", "05", "67", None, False)[0] == 1967
    assert numeric_parts("04", "/", "03", "67", True, True) == (2024, 3, 4)
    assert parse_date("২৩.০৫.৬৭") is None  # Bengali digits, calendar unknown: 1967 or 2567 BE
    assert parse_date("২৩.০৫.৬৭", buddhist=False) == PartialDate(1967, 5, 23)
    # Thai letters on the line tell the calendar whatever the page's language.
    assert find_date("เผยแพร่ 04/03/67", True) == (PartialDate(2024, 3, 4), "04/03/67")


def test_a_page_s_two_digit_year_reads_in_its_own_calendar() -> None:
    # `Posted 23/04/67` on an English archive page; `เผยแพร่: 04/03/67` on a Thai one.
    assert _iso(_normalize("date-short-year-archive.txt")) == "1967-04-23"
    assert _iso(_normalize("date-short-year-thai.txt")) == "2024-03-04"


def test_a_label_keeps_the_page_s_calendar_for_a_two_digit_year() -> None:
    # Known not to be Thai, `67` is 1967 on a labelled line as on a bare one (2067 lies ahead).
    assert parse_date_line("Published 23/04/67", buddhist=False) == (
        "published",
        PartialDate(1967, 4, 23),
    )
    assert parse_date_line("เผยแพร่: 04/03/67", day_first=True, buddhist=False) == (
        "published",
        PartialDate(2024, 3, 4),
    )
    # `Published 23/04/67` under a wire story's headline, above its dateline.
    assert _iso(_normalize("date-short-year-labelled.txt")) == "1967-04-23"


def test_a_date_after_today_dates_no_page() -> None:
    today = dt.date(2026, 12, 7)
    assert after_today(PartialDate(2026, 12, 9), today)
    assert not after_today(PartialDate(2026, 12, 8), today)  # a day's grace for time zones
    assert not after_today(PartialDate(2026), today)
    assert after_today(PartialDate(2027), today)
    # `March 14, 2031` under a headline is the event's date, not the page's.
    assert _normalize("date-ahead.txt").date is None


def test_a_named_date_of_the_same_day_settles_a_numeric_one() -> None:
    assert page_day_first(["9/12/2024", "WASHINGTON, Sept 12 (Reuters) -"], "en") is False
    assert page_day_first(["12/9/2024", "12 septembre 2024"], "en") is True
    assert page_day_first(["09/12/2024", "September 12, 2024"], "fr") is False
    # Both orders named: the page tells nothing.
    assert page_day_first(["9/12/2024", "Sept 12", "9 December"], "en") is None


def test_a_numeric_stamp_reads_in_the_order_of_the_page_s_dateline() -> None:
    # `9/12/2024` over `WASHINGTON, Sept 12 (Reuters) -`.
    assert _iso(_normalize("date-numeric-by-dateline.txt")) == "2024-09-12"
    # `Sept. 12, 2024` / `Updated 9/12/2024 5:40 PM`.
    article = _normalize("date-numeric-by-header.txt")
    assert article.updated is not None and article.updated.iso() == "2024-09-12"


def test_a_stated_date_after_today_is_no_candidate() -> None:
    # dateutil reads `67` as 2067 and a `<time>` may stamp a scheduled event: neither is stated
    # as the page's publication.
    assert local_date("04/03/67 10:00") is None
    assert local_date("2031-03-14T10:00:00+01:00") is None
    assert local_date("2024-03-05T10:00:00Z") == PartialDate(2024, 3, 5)


def test_a_named_date_in_the_story_s_sentences_settles_no_order() -> None:
    # An event the story announces (`in the cathedral on 9 December 2024`) is another day than
    # the `12/9/2024` stamp, not the same day written another way.
    assert page_day_first(["12/9/2024", "a concert on 9 December 2024."], "en") is None
    assert page_day_first(["12/9/2024", "Tickets for the concert on 9 December 2024"], "de")
    assert _normalize("date-numeric-event-named.txt").date is None


def test_a_zone_after_a_clock_on_a_meta_line_settles_the_order() -> None:
    # `Posted 04/11/2024` / `Updated 3:15 p.m. EDT` on an English page: North America.
    assert _iso(_normalize("date-order-us-zone.txt")) == "2024-04-11"
    # `Published: 04/11/2024` / `Last updated: 18:40 IST`: India writes the day first.
    assert _iso(_normalize("date-order-day-first-zone.txt")) == "2024-11-04"


def test_zones_that_disagree_or_tell_nothing_settle_no_order() -> None:
    assert page_day_first(["04/11/2024", "3:15 p.m. ET", "14:00 BST"], "en") is None
    assert page_day_first(["04/11/2024", "Updated 14:00 GMT"], "en") is None
    # A state's abbreviation without a clock before it is no zone.
    assert page_day_first(["04/11/2024", "Hartford, CT"], "en") is None
    # The zone against the page's own one-way date: abstain.
    assert page_day_first(["04/11/2024", "23/04/2024", "3:15 p.m. EDT"], "en") is None
    # A US zone says nothing of a page in another language.
    assert page_day_first(["04/11/2024", "10:00 AM EST"], "ja") is None


def test_only_dates_of_the_stamp_s_separator_settle_its_order() -> None:
    assert page_day_first(["04/11/2024", "04/23/2024"], "en") is False
    assert page_day_first(["04/11/2024", "23/04/2024"], "en") is True
    # `23.04.24` in a list of notices is another convention than the slashed stamp.
    assert page_day_first(["04/11/2024", "23.04.24"], "en") is None
    assert _normalize("date-order-other-separator.txt").date is None
