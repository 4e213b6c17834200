"""Text copied from a web page: headline, byline and date read around the article zone."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import Article, RawRecord
from indexer.normalize import normalize
from indexer.normalize.header import cluster, header_byline
from indexer.normalize.headline import FEATURES, load_model
from indexer.normalize.lines import Line, clean_text, split_lines, unwrap
from indexer.normalize.story import Page
from indexer.normalize.zone import article_zone

DATA = Path(__file__).resolve().parent / "data" / "copied"


def _normalize(name: str) -> Article:
    """Normalise one copied page as `newsindex rebuild` reads a `.txt` file."""
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    return normalize(RawRecord(id=name, file=name, path=path, kind="text", text=text))


def _page(name: str) -> Page:
    """The cleaned lines of one fixture."""
    return Page(unwrap(split_lines(clean_text((DATA / name).read_text(encoding="utf-8")))))


def test_a_page_is_dated_and_signed_by_its_header_not_its_masthead_or_lists() -> None:
    article = _normalize("harbour-page.txt")
    assert article.title == "Harbour ferry fares to rise for the first time in six years"
    # The name under the standfirst signs the story; the related stories' authors do not.
    assert article.byline == ["Daniel Okoro"]
    # Not the masthead's `Monday, June 9, 2025`, a related story's date, a comment's, nor the
    # year of `© 2026`.
    assert article.date is not None and article.date.iso() == "2025-03-03"
    assert article.body.startswith("Commuters face higher prices")
    assert "Bus drivers vote" not in article.body


def test_a_page_without_a_date_in_its_header_gets_none() -> None:
    article = _normalize("undated-page.txt")
    assert article.title == "Glacier retreat doubles in a decade, survey finds"
    # The most-read list's dates and the copyright year are not the story's: no date at all.
    assert article.date is None
    assert article.byline == []


def test_a_sidebar_headline_above_the_story_is_not_its_title() -> None:
    article = _normalize("sidebar-first.txt")
    assert article.title == "Bakery chain to close twelve shops as costs climb"
    assert article.byline == ["Priya Natarajan"]
    assert article.date is not None and article.date.iso() == "2025-04-03"


def test_a_german_page_with_name_and_dotted_date_on_one_line() -> None:
    article = _normalize("german-page.txt")
    assert article.title == "Landtag beschließt neues Schulgesetz nach langer Debatte"
    assert article.byline == ["Stefan Trunzik"]
    # `03.05.2024` is the 3rd of May, not the masthead's `Dienstag, 10. Juni 2025`.
    assert article.date is not None and article.date.iso() == "2024-05-03"


def test_the_article_zone_is_the_densest_run_of_paragraphs() -> None:
    page = _page("harbour-page.txt")
    zone = article_zone(page)
    assert zone is not None
    assert page.text(zone.start).startswith("The city's ferry operator will raise")
    assert page.text(zone.end - 1).startswith("Council members will debate")


def test_menus_alone_have_no_article_zone() -> None:
    page = Page([Line(text, True) for text in ("Home", "News", "Sport", "Weather", "Contact us")])
    assert article_zone(page) is None


def test_capitalised_words_the_story_writes_in_lower_case_are_no_byline() -> None:
    lines = [
        "Federal Politics",
        "Labor on track to hit its 2030 emissions target, minister says",
        "Federal Politics",
        "The federal government is on track to meet its 2030 target for emissions, the energy "
        "minister said on Tuesday, as politics in the capital turned to the coming budget.",
        "The minister said the figures showed that the federal plan was working and that the "
        "politics of energy had changed since the last election in the country.",
    ]
    page = Page([Line(text, True) for text in lines])
    zone = article_zone(page)
    assert zone is not None and zone.start == 3
    body = "\n".join(lines[3:])
    assert header_byline(page, zone, 1, body) == []
    assert 2 in cluster(page, zone, 1)


def test_the_shipped_headline_model_matches_its_features() -> None:
    model = load_model()
    assert tuple(model["features"]) == FEATURES
    assert len(model["weights"]) == len(FEATURES)
    assert 0.0 < model["threshold"] < 1.0


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.txt")))
def test_copied_pages_read_the_same_every_time(name: str) -> None:
    first, second = _normalize(name), _normalize(name)
    assert (first.title, first.byline, first.date) == (second.title, second.byline, second.date)
