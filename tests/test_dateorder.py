"""Which number of a numeric date is the day: the stamp's zone, the page's dates, its language."""

from __future__ import annotations

import pytest

from indexer.normalize.dateorder import numeric_parts, page_day_first, zone_day_first
from indexer.normalize.dates import find_date, parse_date


@pytest.mark.parametrize(
    ("rest", "day_first"),
    [
        (" 08:00 AM EDT", False),
        (" - 14:02 MEZ", True),
        (", 06:20 WIB", True),  # Indonesia, like South-East Asia, writes the day first
        (" 18:05 ICT", True),
        (" 13:55 +01:00", True),
        (" 9:00 UTC", None),
    ],
)
def test_the_zone_after_a_stamp_tells_its_order(rest: str, day_first: bool | None) -> None:
    assert zone_day_first(rest) is day_first


@pytest.mark.parametrize(
    "rest",
    [" 10:30 AM | ART", " 10:30 AM in ART", " 10:30 AM · ICT", " 10:30 AM Updated WIT"],
)
def test_a_capital_word_further_on_than_the_clock_is_no_zone(rest: str) -> None:
    # A section or label set after the stamp (`| ART`, an arts desk) is no zone (Argentina's):
    # the page's own month-first order stands.
    assert zone_day_first(rest) is None
    date = parse_date(f"04/05/2025{rest}", day_first=False)
    assert date is not None and (date.month, date.day) == (4, 5)


def test_an_open_order_leaves_only_the_year() -> None:
    assert numeric_parts("02", "/", "12", "2024") == (2024, None, None)
    assert numeric_parts("02", "/", "12", "2024", True) == (2024, 12, 2)
    assert numeric_parts("02", "/", "12", "2024", False) == (2024, 2, 12)
    assert numeric_parts("25", "/", "12", "2024", False) == (2024, 12, 25)  # 25 is no month


def test_a_dotted_date_whose_second_number_is_no_month_puts_the_month_first() -> None:
    assert numeric_parts("03", ".", "05", "2024") == (2024, 5, 3)
    assert numeric_parts("11", ".", "14", "2019") == (2019, 11, 14)  # 14 is no month


def test_a_page_s_dates_that_read_one_way_tell_its_order() -> None:
    assert page_day_first(["Posted 25/11/2024", "02/12/2024"], "en") is True
    assert page_day_first(["Posted 11/25/2024", "02/12/2024"], "en") is False
    assert page_day_first(["25/11/2024", "11/25/2024"], "es") is None  # the page disagrees
    # Dotted dates with a full year are day first everywhere: no evidence of the page's order.
    assert page_day_first(["25.11.2024", "02/12/2024"], "en") is None


def test_a_year_first_date_of_the_same_day_tells_the_order() -> None:
    # `2017-11-03` reads one way only: `11.03.17` of the same page is the 3rd of November.
    assert page_day_first(["11.03.17 in Reviews", '"datePublished": "2017-11-03"'], "en") is False
    assert page_day_first(["11.03.17 in Reviews", "2017-03-11 09:12"], "en") is True
    # Another year's day is another day: no evidence.
    assert page_day_first(["11.03.17 in Reviews", "2016-11-03"], "en") is None
    # A German page writes the day first: a related story's `2017-03-11` is another day, not
    # the stamp `03.11.17` written month first.
    assert page_day_first(["Do 03.11.17 | Von Jana Beispiel", "2017-03-11 Busbahnhof"], "de")
    # A related story's entry opens on its own date before its title: no evidence of this one's.
    assert page_day_first(["11.04.17 in Reviews", "2017-04-11 The Arc desk fan"], "en") is None


def test_a_page_s_language_tells_its_order_when_its_dates_do_not() -> None:
    assert page_day_first(["02/12/2024"], "es") is True
    assert page_day_first(["02/12/2024"], "en") is None
    assert page_day_first(["02/12/2024"], "ja") is None


def test_the_page_order_reads_a_stamp_both_ways() -> None:
    assert parse_date("02/12/2024", True).iso() == "2024-12-02"
    assert parse_date("02/12/2024").iso() == "2024"
    # The stamp's own zone outweighs the page's order.
    found = find_date("02/12/2024 10:00 AM EST", True)
    assert found is not None and found[0].iso() == "2024-02-12"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("12. MÄR 2025 18:03", "2025-03-12"),  # German abbreviations
        ("Publicerad 23 okt 2025 kl 10.23", "2025-10-23"),
        ("Publié le 18 juil. 2024 à 08:01", "2024-07-18"),
        ("21.dez.2018 às 12h55", "2018-12-21"),  # a month between dots
        ("06. 01. 2026, 14:59 Uhr", "2026-01-06"),  # spaces after the dots
    ],
)
def test_abbreviated_and_spaced_dates_of_other_languages(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None and found[0].iso() == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("12. märts 2024 10:30", "2024-03-12"),  # Estonian
        ("15 юни 2024, 10:30", "2024-06-15"),  # Bulgarian
        ("4 мај 2024", "2024-05-04"),  # Macedonian, Serbian
        ("Objavljeno: 12. oktobar 2024. u 10:30", "2024-10-12"),  # Serbian, Bosnian
        ("12. marec 2024", "2024-03-12"),  # Slovene, nominative
        ("15. avgusta 2024", "2024-08-15"),  # Slovene, genitive
    ],
)
def test_month_names_of_more_languages(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None and found[0].iso() == iso


def test_a_slovene_genitive_month_alone_before_a_year_is_no_date() -> None:
    assert find_date("Avgusta 2024") is None  # a name or a place, as Slovak `Augusta 2024`


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Tuesday, 05.03.2024", "2024-03-05"),  # a dotted date: the day first, as without it
        ("Wed, 4/3/2024, 7:48 AM", "2024-04-03"),  # April 3 was a Wednesday, March 4 no
        ("Mon, 4/3/2024, 7:48 AM", "2024-03-04"),  # March 4 was a Monday
        ("Sun 12/03/2024", "2024"),  # neither reading is a Sunday: the order stays open
    ],
)
def test_a_weekday_before_a_numeric_date_tells_its_order(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None and found[0].iso() == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Monday, 05.03.2024", "2024-03"),  # 5 March was a Tuesday: weekday or day mistyped
        ("Thursday, 13.03.2024", "2024-03"),  # 13 March was a Wednesday
        ("Sunday, 4/3/2024", "2024"),  # neither 4 March nor 3 April was a Sunday
    ],
)
def test_a_weekday_that_no_reading_falls_on_leaves_the_day_unread(text: str, iso: str) -> None:
    # Given the page's order, `Sunday, 4/3/2024` would be read 4 March, a Monday.
    for day_first in (True, False, None):
        found = find_date(text, day_first=day_first)
        assert found is not None and found[0].iso() == iso
