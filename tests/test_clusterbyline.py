"""The byline of a copied page's header cluster: each test is one failure class of real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import Article, RawRecord
from indexer.normalize import normalize
from indexer.normalize.bylines import parse_byline, parse_name_line

DATA = Path(__file__).resolve().parent / "data" / "copied"
HEADLINE = "Water board to replace old mains under the market district"


def _normalize(name: str) -> Article:
    """Normalise one copied page as `newsindex rebuild` reads a `.txt` file."""
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    return normalize(RawRecord(id=name, file=name, path=path, kind="text", text=text))


@pytest.mark.parametrize(
    ("name", "byline"),
    [
        # The reporter's title and house after the names do not void the byline.
        ("byline-affiliation.txt", ["Dana Whitfield"]),
        # `FOR DAILYEXAMPLE.COM`: the house the reporter writes for is no second name.
        ("byline-house-tail.txt", ["Marcus Holloway"]),
        # The reporter's e-mail address and handle in the story do not make the name common words.
        ("byline-contact.txt", ["Rowan Ellery"]),
        # A news agency signing alone is the byline, with a label or on a line of its own.
        ("byline-agency.txt", ["Associated Press"]),
        ("byline-wire-line.txt", ["Associated Press"]),
        # `Corin MaddoxTwitter`: the next element glued to the name is cut off.
        ("byline-glued-furniture.txt", ["Corin Maddox"]),
        # A label on a line of its own signs the name (here an agency) below it.
        ("byline-label-alone.txt", ["The Associated Press"]),
        # `Autor: …` under the last paragraph signs a story whose header names no one.
        ("byline-foot.txt", ["Lena Brandt"]),
        # The one `By` line of the page signs the story though menus part it from the headline.
        ("byline-lone.txt", ["Hollis Mbeki"]),
    ],
)
def test_the_byline_of_a_copied_page(name: str, byline: list[str]) -> None:
    article = _normalize(name)
    assert article.title == HEADLINE
    assert article.byline == byline


def test_section_names_photo_credits_and_quotes_are_no_byline() -> None:
    # `Market Wrap` above the headline, `APA/AFP/Jon Berrow` and `“Silver Lining”` below it.
    article = _normalize("byline-furniture.txt")
    assert article.title == HEADLINE
    assert article.byline == []


def test_a_list_of_teasers_signed_by_others_gives_no_byline() -> None:
    article = _normalize("byline-teasers.txt")
    assert article.title == HEADLINE
    assert article.byline == []


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Von Jane Doe mit AP", ["Jane Doe"]),
        ("By Jane Doe with John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe and John Roe The Associated Press", ["Jane Doe", "John Roe"]),
        ("von Jane Doe, MDR THÜRINGEN", ["Jane Doe"]),
        ("By JANE DOE, JOHN ROE", ["Jane Doe", "John Roe"]),
    ],
)
def test_a_by_line_keeps_its_names_and_drops_what_follows_them(line: str, names: list[str]) -> None:
    credit = parse_byline(line)
    assert credit is not None and credit.byline == names


def test_a_bare_line_must_be_names_only() -> None:
    # Without a `By` label nothing vouches for the rest of the line.
    assert parse_name_line("Silver Society – The young old people") is None
    assert parse_name_line("Holiday Gifts for Men") is None


def test_a_name_dated_on_its_line_may_be_a_common_word() -> None:
    # `will` runs in the story in lower case, but `Will Harrow/November 18, 2016` is a byline;
    # `Son Güncelleme : 18.11.2016` is the label of a date, not a name.
    article = _normalize("byline-dated-common.txt")
    assert article.byline == ["Will Harrow"]
    assert article.date is not None and article.date.iso() == "2016-11-18"


def test_a_button_after_the_name_does_not_void_the_by_line() -> None:
    # `Follow` glued to the byline; `Social Sharing` nearer the headline is a widget.
    article = _normalize("byline-button.txt")
    assert article.byline == ["Victoria Lansdowne"]
