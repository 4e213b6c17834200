"""A Japanese portal's year-less stamp, dated only by the year the page itself states."""

from __future__ import annotations

from pathlib import Path

from indexer.models import Article, RawRecord
from indexer.normalize import normalize
from indexer.normalize.lines import Line
from indexer.normalize.stampyears import with_stamp_years

PAGE = Path(__file__).resolve().parent / "data" / "copied" / "ja-yearless-stamp.txt"
TEXT = PAGE.read_text(encoding="utf-8")
TITLE = "尾道の渡船、運賃を40年ぶり値上げへ 燃料費の高騰で"


def _read(text: str) -> Article:
    """The page, perhaps changed, as `newsindex rebuild` reads a `.txt` file."""
    return normalize(RawRecord(id=PAGE.name, file=PAGE.name, path=PAGE, kind="text", text=text))


def _stamps(*texts: str) -> list[str]:
    """The lines' texts once their stamps are given the page's year."""
    return [line.text for line in with_stamp_years([Line(t, False) for t in texts])]


def test_a_yearless_stamp_takes_the_copyright_year_its_weekday_fits() -> None:
    article = _read(TEXT)
    # `5/8(水) 11:20配信`: 8 May fell on a Wednesday in 2024, the year of `© 2024`.
    assert article.date is not None and article.date.iso() == "2024-05-08"
    # Dated, the stamp is the header's: the headline over it is found, not the caption under it.
    assert article.title == TITLE
    assert article.byline == []  # `配信` (delivered) after the time is no name


def test_a_yearless_stamp_is_no_date_without_a_year_that_fits() -> None:
    # 8 May 2025 was a Thursday: the copyright year is the page's, not the story's.
    assert _read(TEXT.replace("© 2024", "© 2025")).date is None
    # No year on the page at all: the clock is never asked.
    assert _read(TEXT.replace("© 2024 ", "© ")).date is None


def test_the_body_keeps_the_stamp_as_the_page_wrote_it() -> None:
    # A stamp copied among the story's paragraphs stays in the body without the year it was given.
    moved = TEXT.replace("5/8(水) 11:20配信\n", "").replace(
        "値上げは約40年ぶり。\n", "値上げは約40年ぶり。\n5/8(水) 11:20配信\n"
    )
    body = _read(moved).body
    assert "\n\n5/8(水) 11:20配信\n\n" in body
    assert "2024/5/8" not in body


def test_only_a_stamp_line_is_given_a_year() -> None:
    assert _stamps("CNET Japan 3/9(木) 18:45配信", "最終更新:3/9(木) 19:02", "© 2017 Example") == [
        "CNET Japan 2017/3/9(木) 18:45配信",
        "最終更新:2017/3/9(木) 19:02",
        "© 2017 Example",
    ]
    # A sentence naming a day, and a stamp that states its year, are left as they are.
    assert _stamps("説明会は3/9(木)に開催", "2017/3/9(木) 18:45配信", "© 2017") == [
        "説明会は3/9(木)に開催",
        "2017/3/9(木) 18:45配信",
        "© 2017",
    ]
    # Two years on the page that both fit the weekday (2019 and 2024 for Wednesday 8 May): none.
    assert _stamps("5/8(水) 11:20配信", "© 2019", "© 2024")[0] == "5/8(水) 11:20配信"


def test_a_pictures_copyright_year_dates_no_stamp() -> None:
    # The page's own copyright at its foot states no year; `© 2019` over a picture is the
    # picture's, though 8 May 2019 was a Wednesday too.
    stamps = _stamps("5/8(水) 11:20配信", "© 2019 瀬戸内日報", "記事本文", "© ヒカリニュース")
    assert stamps[0] == "5/8(水) 11:20配信"
    moved = TEXT.replace("桟橋に着く渡船（尾道市土堂で）\n", "桟橋に着く渡船\n© 2019 瀬戸内日報\n")
    assert _read(moved.replace("© 2024 ", "© ")).date is None


def test_a_day_an_event_is_held_on_is_no_stamp() -> None:
    # `説明会：5/8(水) 18:30`: the label says what happens that day, not when the story was sent.
    assert _stamps("説明会：5/8(水) 18:30", "© 2024")[0] == "説明会：5/8(水) 18:30"
    assert _stamps("合格発表：5/8(水) 10:00", "© 2024")[0] == "合格発表：5/8(水) 10:00"
    assert _stamps("公開日：5/8(水) 10:00", "© 2024")[0] == "公開日：2024/5/8(水) 10:00"
    assert _stamps("5/8(水) 18:30", "© 2024")[0] == "2024/5/8(水) 18:30"
    # A day alone heads a digest's list of that day's stories (`1月10日 (金)`: Friday in 2025).
    assert _stamps("1月10日 (金)", "© 2025")[0] == "1月10日 (金)"
    undated = TEXT.replace("5/8(水) 11:20配信\n", "").replace("最終更新:5/8(水) 12:02\n", "")
    event = undated.replace(
        "値上げは約40年ぶり。\n", "値上げは約40年ぶり。\n説明会：5/8(水) 18:30\n"
    )
    assert _read(event).date is None
