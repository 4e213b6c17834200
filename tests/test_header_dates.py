"""Dates of a copied page's header: labels inside meta lines, two days on one stamp line."""

from __future__ import annotations

from pathlib import Path

from indexer.models import Article, RawRecord
from indexer.normalize import normalize
from indexer.normalize.dates import find_date

DATA = Path(__file__).resolve().parent / "data" / "copied"


def _normalize(name: str) -> Article:
    """Normalise one copied page as `newsindex rebuild` reads a `.txt` file."""
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    return normalize(RawRecord(id=name, file=name, path=path, kind="text", text=text))


def test_a_posted_label_inside_a_meta_line_dates_the_story() -> None:
    # `Name · Paper · Posted: Aug 08, 2024 …` stands eight paragraphs down, past the header cluster.
    article = _normalize("date-meta-label.txt")
    assert article.date is not None and article.date.iso() == "2024-08-08"
    assert article.byline == ["Dana Whitfield"]


def test_of_two_days_on_one_stamp_line_the_earlier_is_the_publication() -> None:
    article = _normalize("date-two-days.txt")
    assert article.date is not None and article.date.iso() == "2016-12-06"
    assert article.updated is not None and article.updated.iso() == "2016-12-07"


def test_a_month_glued_to_the_word_before_it_is_read() -> None:
    found = find_date("by Valley CourierNovember 21, 202501747")
    assert found is not None and found[0].iso() == "2025-11-21"
    assert find_date("McDonald 5 stores") is None


def test_an_update_label_after_the_date_makes_it_the_update() -> None:
    # `2021.05.11 lastupdate` under the headline is when the page changed, not when it was new.
    article = _normalize("update-after.txt")
    assert article.date is None
    assert article.updated is not None and article.updated.iso() == "2021-05-11"


def test_an_update_label_alone_on_its_line_labels_the_date_below() -> None:
    article = _normalize("update-label-line.txt")
    assert article.date is None
    assert article.updated is not None and article.updated.iso() == "2023-04-02"


def test_a_wire_dateline_takes_its_year_from_a_stamp_of_the_same_day() -> None:
    # `PORTVILLE, May 3 (Newswire)` gives no year; `May 3, 2024` further down gives that day's.
    article = _normalize("wire-dateline-year.txt")
    assert article.date is not None and article.date.iso() == "2024-05-03"


def test_a_price_as_of_a_day_does_not_date_the_story() -> None:
    # The quote box's `Price as of June 8, 2023` is not a second date beside the byline's.
    article = _normalize("price-as-of.txt")
    assert article.date is not None and article.date.iso() == "2021-03-04"


def test_the_date_stamped_beside_the_byline_dates_the_story_below_a_video_box() -> None:
    # A video box and captions part the byline and its stamp from the headline and standfirst.
    article = _normalize("date-by-byline.txt")
    assert article.byline == ["Maria R. Example"]
    assert article.date is not None and article.date.iso() == "2024-10-15"
