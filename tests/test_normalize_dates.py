"""Dates at the precision the text states, in UTC, and the collection-level year pass."""

from __future__ import annotations

import datetime as dt

import pytest

from indexer.models import Article, PartialDate
from indexer.normalize.dates import (
    copyright_year,
    find_date,
    parse_date,
    parse_date_line,
    resolve_years,
    time_label,
    weekday_evidence,
    year_for_weekday,
)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("January 15, 2025", "2025-01-15", "day"),
        ("Jan. 15, 2025", "2025-01-15", "day"),
        ("15 January 2025", "2025-01-15", "day"),
        ("Wednesday, 15 January 2025", "2025-01-15", "day"),
        ("2025-01-15", "2025-01-15", "day"),
        ("January 2025", "2025-01", "month"),
        ("2025-01", "2025-01", "month"),
        ("2025", "2025", "year"),
        ("15/01/2025", "2025-01-15", "day"),  # 15 cannot be a month
        ("01/05/2025", "2025", "year"),  # 1 May or 5 January: only the year is sure
        ("15 janvier 2025", "2025-01-15", "day"),
        ("15. Januar 2025", "2025-01-15", "day"),
        ("15 de enero de 2025", "2025-01-15", "day"),
        ("Sept. 3, 2024", "2024-09-03", "day"),
    ],
)
def test_parse_date_keeps_the_stated_precision(text: str, iso: str, precision: str) -> None:
    date = parse_date(text)
    assert date is not None
    assert (date.iso(), date.precision) == (iso, precision)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025-01-15T02:00:00+08:00", "2025-01-15"),  # 18:00 UTC the day before
        ("2025-01-15T23:30:00-05:00", "2025-01-15"),
        ("2025-01-15T08:00:00Z", "2025-01-15"),
        ("3:04 PM EST, Tue January 14, 2025", "2025-01-14"),
        ("January 14, 2025 11:30 PM EST", "2025-01-14"),
        ("January 15, 2025 4:06 AM GMT+8", "2025-01-15"),
        ("Wed 15 Jan 2025 10.00 GMT", "2025-01-15"),
        ("January 15, 2025 10:05am ET", "2025-01-15"),
    ],
)
def test_parse_date_keeps_the_local_day_of_a_zoned_time(text: str, iso: str) -> None:
    # A page's date is the day where it was written; UTC would move a late story a day on.
    date = parse_date(text)
    assert date is not None and date.iso() == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("03.05.2024, 16:24 Uhr", "2024-05-03"),  # dotted dates put the day first
        ("03.05.2024", "2024-05-03"),
        ("15.04.25 09:56", "2025-04-15"),
        ("22.11.2024 07.57", "2024-11-22"),
        ("03/05/2024 10:00", "2024"),  # slashes: day or month first, only the year is sure
        ("13/05/2024 10:00", "2024-05-13"),
        # The zone after the time tells whose order the date follows.
        ("06/01/2026 - 14:02 MEZ", "2026-01-06"),
        ("06/01/2026 - 13:55 GMT+1", "2026-01-06"),
        ("10/11/2022 08:00 AM EDT", "2022-10-11"),
        ("10/11/2022 08:00 UTC", "2022"),  # UTC is written everywhere
        # A dotted date with a short year is no time (`04.24`), and its order is open too.
        ("27.04.24", "2024-04-27"),
        ("10.15.15", "2015-10-15"),
        ("11.03.17", "2017"),
    ],
)
def test_numeric_dates_with_a_time(text: str, iso: str) -> None:
    date = parse_date(text)
    assert date is not None and date.iso() == iso


def test_a_year_is_never_taken_from_today() -> None:
    # dateutil fills missing parts from today unless given a default; none may leak through.
    date = parse_date("Jan 15")
    assert date == PartialDate(None, 1, 15)
    assert date.iso() is None
    assert parse_date("Wednesday") is None


def test_a_named_weekday_is_kept_as_evidence() -> None:
    assert parse_date("Wednesday, Jan 15") == PartialDate(None, 1, 15, 2)


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("di 19 nov 2019, 10:31", "di 19 nov 2019, 10:31"),
        ("Aangepast vr. 22 nov 2019", "vr. 22 nov 2019"),
        ("Bredi 19 nov 2019", "19 nov 2019"),  # no word of its own: no weekday
        ("Nieuws | Di 19 nov 2019", "Di 19 nov 2019"),  # capitalised where a part opens
        ("By Wei Ma 19 nov 2019", "19 nov 2019"),  # capitalised after a name: a surname
    ],
)
def test_a_dutch_weekday_abbreviation_before_the_day_is_part_of_the_date(
    text: str, expr: str
) -> None:
    found = find_date(text)
    assert found is not None and found[1] == expr
    assert parse_date(expr) is not None and parse_date(expr).month == 11


@pytest.mark.parametrize("text", ["February 30, 2025", "2025-13-01", "1066", "", "soon"])
def test_parse_date_refuses_what_is_no_date(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("söndag 2 augusti 2026", "2026-08-02"),  # Swedish
        ("8. dubna 2025 13:31", "2025-04-08"),  # Czech, the month in the genitive
        ("Опубликовано 8 января 2026, 17:46", "2026-01-08"),  # Russian
        ("5 października 2023 r.", "2023-10-05"),  # Polish
        ("20 Nisan 2026 Pazartesi", "2026-04-20"),  # Turkish
        ("14. heinäkuuta 2024 klo 10.15", "2024-07-14"),  # Finnish
        ("3 desember 2024", "2024-12-03"),  # Norwegian
        ("5 mrt 2024, 14:02", "2024-03-05"),  # Dutch, March shortened as `mrt`
        ("17 Agustus 2023 09:00 WIB", "2023-08-17"),  # Indonesian
        ("Τρίτη 9 Ιανουαρίου 2024, 18:05", "2024-01-09"),  # Greek, the month in the genitive
        ("ΤΡΙΤΗ 9 ΙΑΝΟΥΑΡΙΟΥ 2024", "2024-01-09"),  # Greek in capitals, without accents
        ("الخميس، 4 يوليو 2024 11:20 ص", "2024-07-04"),  # Arabic
        ("الخميس 4 تموز 2024", "2024-07-04"),  # Arabic, the Levantine name of July
        ("11 नवंबर 2023, 06:45 PM IST", "2023-11-11"),  # Hindi, vowel signs inside the month
        ("11 अक्तूबर 2023", "2023-10-11"),  # Hindi, another spelling of October
        ("12 Mart 2024 Salı", "2024-03-12"),  # Turkish March
        ("27 Φεβ 2024", "2024-02-27"),  # Greek, the month shortened
        ("יום ראשון, 3 במרץ 2024", "2024-03-03"),  # Hebrew, the month after `ב` (in)
        ("Thứ ba, ngày 9 tháng 4 năm 2024 15:20", "2024-04-09"),  # Vietnamese, month a number
        # Hungarian: the year first, the month named, the day closed by a point.
        ("2024. március 12., kedd 14:35", "2024-03-12"),
        ("2024. márc. 12. 14:35", "2024-03-12"),
        ("2024. 03. 12. 14:35", "2024-03-12"),  # Hungarian in numbers
        ("3. travnja 2024. u 11:20", "2024-04-03"),  # Croatian, the month in the genitive
        ("15. apríla 2024", "2024-04-15"),  # Slovak
        ("2024 m. gegužės 16 d.", "2024-05-16"),  # Lithuanian, the year first
        ("Dimecres, 10 d'abril de 2024, 08:15 h", "2024-04-10"),  # Catalan `d'` (of)
        ("Mac 5, 2024 @ 11:02am", "2024-03-05"),  # Malay, the time after an at sign
        ("Jumatatu, Machi 11, 2024", "2024-03-11"),  # Swahili
        ("12 مارچ 2024 08:40pm", "2024-03-12"),  # Urdu
        ("০৪ মার্চ ২০২৪, ১০:৩০", "2024-03-04"),  # Bengali, in Bengali digits
        ("১২ মে ২০২৪", "2024-05-12"),  # Bengali May ends on a vowel sign, no word character
        ("4 มี.ค. 2567 09:15 น.", "2024-03-04"),  # Thai: month shortened, Buddhist-era year
        ("18 มีนาคม 2567", "2024-03-18"),  # Thai, the month in full
        ("۱۴ اسفند ۱۴۰۲ - ۱۰:۲۳", "2024-03-04"),  # Persian solar hijri, Persian digits
        ("1 فروردین 1403", "2024-03-20"),  # the solar year opens at the March equinox
    ],
)
def test_month_names_of_more_languages(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found[0].iso() == iso


def test_the_dutch_march_is_read_only_after_its_day() -> None:
    # `MRT` is the metro of many Asian cities; Dutch writes `mrt` after the day.
    assert find_date("Taipei MRT 5, 2024 ridership report") is None
    found = find_date("Bangkok MRT 24 March 2024")
    assert found is not None and found[0].iso() == "2024-03-24"
    found = find_date("di 5 MRT 2024 14:02")
    assert found is not None and found[0].iso() == "2024-03-05"


@pytest.mark.parametrize(
    "line",
    [
        "MAC 2024 media day",  # the Mid-American Conference, not Malay March
        "Updated for Mac 14 Sonoma",  # Apple's computer
        "Masters, Augusta 2024",  # a place, not the Slovak August (`15. augusta 2024`)
        "Strelke: Julija 12, Ana 8",  # a given name, not the Slovene July (`15. julija 2024`)
    ],
)
def test_a_month_name_that_is_a_common_name_needs_its_whole_date(line: str) -> None:
    assert find_date(line) is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [("Mac 5, 2024 @ 11:02am", "2024-03-05"), ("5 Mac 2024", "2024-03-05"),
     ("15. augusta 2024", "2024-08-15"), ("15. julija 2024", "2024-07-15")],
)  # fmt: skip
def test_malay_march_and_slovak_august_with_their_day(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found[0].iso() == iso


@pytest.mark.parametrize(
    "line",
    [
        "Publications 12 May 2024",
        "Publication: Journal of Sleep Research, 12 March 2024",
        "شائعات عن الاستقالة 12 أبريل 2024",  # Arabic `rumours`, not Urdu `شائع` (published)
        "প্রকাশক: ১২ মে ২০২৪ থেকে নতুন সংস্করণ",  # Bengali `publisher`, not `প্রকাশ` (published)
    ],
)
def test_a_published_label_is_a_whole_word(line: str) -> None:
    assert time_label(line) is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [("15. listopada 2024. u 09:40", "2024-10-15"),  # Croatian: October
     ("15 listopada 2024 r.", "2024-11-15"),  # Polish: November
     ("15. listopadu 2024", "2024-11-15")],  # Czech: November
)  # fmt: skip
def test_listopad_is_october_in_croatian_only(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found[0].iso() == iso


def test_find_date_reads_a_date_inside_a_line() -> None:
    found = find_date("Updated 3:04 PM EST, Tue January 14, 2025 | 4 min read")
    assert found is not None
    assert found[0].iso() == "2025-01-14"
    assert find_date("Arrivals rose by 155,221 bags in the week") is None


@pytest.mark.parametrize(
    ("line", "kind", "iso"),
    [
        ("Posted on January 15, 2025", "published", "2025-01-15"),
        ("Published: 15 Jan 2025", "published", "2025-01-15"),
        ("Last updated: January 27, 2026", "updated", "2026-01-27"),
        ("Updated 3:04 PM EST, Tue January 14, 2025", "updated", "2025-01-14"),
        ("January 15, 2025 | 4 min read", "published", "2025-01-15"),
        ("Publié le 15 janvier 2025 à 10h30", "published", "2025-01-15"),
        ("입력 2025.06.04 02:37", "published", "2025-06-04"),  # Korean
        ("수정 2025.06.05 09:10", "updated", "2025-06-05"),
        ("公開日：2019/02/22", "published", "2019-02-22"),  # Japanese
        ("发布时间：2025-01-13 10:00", "published", "2025-01-13"),  # Chinese
        ("Gepubliceerd: 3 juni 2024 10:15", "published", "2024-06-03"),  # Dutch
        ("Bijgewerkt: 4 juni 2024", "updated", "2024-06-04"),
        ("Opdateret 3. juni 2024 kl. 10.15", "updated", "2024-06-03"),  # Danish
        ("Opublikowano: 5 października 2023, 12:00", "published", "2023-10-05"),  # Polish
        ("Обновлено 9 января 2026, 10:02", "updated", "2026-01-09"),  # Russian
        ("Atualizado em 3 de junho de 2024", "updated", "2024-06-03"),  # Portuguese
        ("פורסם: 13.03.24, 21:40", "published", "2024-03-13"),  # Hebrew
        ("Objavljeno: 3. travnja 2024. u 11:20", "published", "2024-04-03"),  # Croatian
        ("Zadnja izmjena: 4. travnja 2024. u 13:05", "updated", "2024-04-04"),
        ("প্রকাশ: ০৪ মার্চ ২০২৪, ১০: ৩০", "published", "2024-03-04"),  # Bengali
        ("اپ ڈیٹ 13 مارچ 2024 10:15pm", "updated", "2024-03-13"),  # Urdu
        ("עודכן: 14.03.24, 07:15", "updated", "2024-03-14"),
        ("نُشر في: 10 أبريل 2024", "published", "2024-04-10"),  # Arabic
        ("آخر تحديث: 11 أبريل 2024", "updated", "2024-04-11"),
        ("प्रकाशित: 22 मार्च 2024, 07:30 PM (IST)", "published", "2024-03-22"),  # Hindi
        ("अपडेटेड: 23 मार्च 2024", "updated", "2024-03-23"),
        ("Yayınlanma: 12 Mart 2024 10:45", "published", "2024-03-12"),  # Turkish
        # CNN's older pages stamp the day of the last update before the word.
        ("November 28, 2013 -- Updated 0203 GMT (1003 HKT)", "updated", "2013-11-28"),
        ("May 2, 2021, updated 10:15 a.m. ET", "updated", "2021-05-02"),
        # A section label glued to the month by innerText; a section and a time before the date.
        ("BUSINESSNOV 7, 2023 2:00 AM", "published", "2023-11-07"),
        ("North Korea 09:31 August 20, 2019", "published", "2019-08-20"),
        # Year-first dates of Chinese, Japanese and Korean pages, with what follows them.
        (
            "2018年6月18日 10:01 発信地：カノ/ナイジェリア [ ナイジェリア アフリカ ]",
            "published",
            "2018-06-18",
        ),
        ("2023-11-17 20:52:15 来源： 新华网", "published", "2023-11-17"),
        ("2018/6/19 5:50", "published", "2018-06-19"),
        ("2019년 8월 20일 09:31", "published", "2019-08-20"),
        # The place a story was filed from, a mark, then the stamp closing the line.
        ("Monclova, Coahuila, México / 14.01.2025 22:10 hrs", "published", "2025-01-14"),
        ("Ciudad Juárez, Chihuahua, México | 3 de marzo de 2025", "published", "2025-03-03"),
    ],
)
def test_portal_date_lines(line: str, kind: str, iso: str) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert (found[0], found[1].iso()) == (kind, iso)


@pytest.mark.parametrize(
    "line",
    [
        "Published by Global Banking & Finance Review®",
        "4 min read",
        "Pay Aug 1",  # a bare date of a page states its year
        "TREASURY BALANCES AT FED ROSE ON FEB 25",
        "The meeting on March 3, 2025 ended without agreement on the budget or the schedule.",
        "Jan 5, 2024 | Updated 3 hours ago",  # the update is no date, and the line is no byline
        "金正恩氏が習近平氏に書簡 朝鮮中央通信 （2018/6/16 10:20）",  # a linked headline's date
        "June 3, 1931 – March 27, 2024",  # a life or a period, no stamp
        # Words with digits or a sentence's lower-case words before the mark are no place.
        "Route 9, Exit 4, Northbound, Southbound / 14.01.2025 22:10 hrs",
        "the council met again to vote on the budget / 14.01.2025 22:10 hrs",
    ],
)
def test_lines_that_are_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_bare_dates_can_be_refused_inside_a_story() -> None:
    assert parse_date_line("Record March 31, 1987", bare=False) is None
    assert parse_date_line("Posted March 31, 1987", bare=False) is not None
    # A wire's `Filed` label dates its story wherever the line stands.
    assert parse_date_line("Filed at 3:45 PM, June 3, 2024", bare=False) is not None


@pytest.mark.parametrize(
    ("line", "year"),
    [
        ("©2025 Bloomberg L.P.", 2025),
        ("Copyright 2024 The Associated Press. All rights reserved.", 2024),
        ("(c) 2023 Example Media", 2023),
        ("Copyright © 2010-2026 GBAF Publications Ltd - All Rights Reserved.", None),
        ("© Example Media", None),
    ],
)
def test_copyright_year_is_a_single_year_only(line: str, year: int | None) -> None:
    assert copyright_year(line) == year


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("Users welcomed the newcomers with selfies on Wednesday, as Beijing said.", 2),
        ("The ministry said on Tuesday and repeated on Thursday.", None),
        ("Prices fell last Wednesday, traders said.", None),
        ("No day is named here.", None),
    ],
)
def test_weekday_evidence(text: str, weekday: int | None) -> None:
    assert weekday_evidence(text) == weekday


def test_year_for_weekday_needs_exactly_one_fit() -> None:
    assert year_for_weekday(1, 15, 2, [2024, 2025, 2026]) == 2025  # a Wednesday only in 2025
    assert year_for_weekday(1, 15, 2, [2025, 2031]) is None  # Wednesday in both
    assert year_for_weekday(1, 15, 2, [2024]) is None
    assert year_for_weekday(2, 29, 3, [2024, 2025]) == 2024  # Feb 29 exists only in 2024


def _article(id_: str, date: PartialDate | None) -> Article:
    """A minimal article with a date."""
    return Article(id=id_, file=f"{id_}.txt", body="Text.", date=date)


def test_resolve_years_uses_the_years_the_collection_shows() -> None:
    yearless = _article("a", PartialDate(None, 1, 15, 2))
    others = [_article("b", PartialDate(2025, 1, 16)), _article("c", PartialDate(2025))]
    resolve_years([yearless, *others])
    assert yearless.date == PartialDate(2025, 1, 15, 2)
    assert yearless.provenance["date"] == "weekday"


def test_resolve_years_leaves_ambiguous_and_unsupported_dates_alone() -> None:
    ambiguous = _article("a", PartialDate(None, 1, 15, 2))
    no_weekday = _article("b", PartialDate(None, 1, 15))
    no_day = _article("c", None)
    years = [_article("d", PartialDate(2025)), _article("e", PartialDate(2031))]
    resolve_years([ambiguous, no_weekday, no_day, *years])
    assert ambiguous.date == PartialDate(None, 1, 15, 2)
    assert no_weekday.date == PartialDate(None, 1, 15)
    assert no_day.date is None
    assert "date" not in ambiguous.provenance


def test_resolve_years_takes_known_years() -> None:
    alone = _article("a", PartialDate(None, 1, 15, 2))
    resolve_years([alone])
    assert alone.date.year is None  # nothing in the collection shows a year
    resolve_years([alone], known_years=[2024, 2025])
    assert alone.date.iso() == "2025-01-15"


def test_seed_dates_match_the_calendar() -> None:
    assert dt.date(2025, 1, 15).weekday() == 2  # the evidence the seeds rely on


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2019.03.26 lastupdate", "2019-03-26"),
        ("最終更新日：2019年4月2日", "2019-04-02"),
        ("Last update: May 3, 2024", "2024-05-03"),
        ("Güncelleme : 05.04.2025", "2025-04-05"),
    ],
)
def test_update_labels_before_or_after_the_date(line: str, iso: str) -> None:
    found = parse_date_line(line)
    assert found is not None and found[0] == "updated" and found[1].iso() == iso


@pytest.mark.parametrize(
    "line", ["2 minute readApril 25, 20232:26 PM GMT+2Last Updated 9 min ago", "25 April 202314:05"]
)
def test_a_year_glued_to_the_time_after_it_is_read(line: str) -> None:
    found = find_date(line)
    assert found is not None and found[0].iso() == "2023-04-25"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("tháng 4 năm 2024", "2024-04"),  # Vietnamese: month 4, year 2024
        ("Cập nhật: Tháng 12 năm 2023", "2023-12"),
    ],
)
def test_a_vietnamese_month_and_year_is_a_month(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found[0].iso() == iso


def test_a_vietnamese_count_of_years_is_no_date() -> None:
    # `năm` is also `years`: without `tháng` (month) before it, nothing names a month.
    assert find_date("trong 4 năm 2024") is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [("Published May 2024", "2024-05"), ("Updated: March 2023", "2023-03")],
)
def test_a_month_and_its_year_is_no_day_of_the_year_digits(line: str, iso: str) -> None:
    # `May 2024` was read as `May 20`: the year's first digits are no day of the month.
    found = parse_date_line(line)
    assert found is not None and found[1].iso() == iso
