"""Credits of other stories on a copied page: unlabelled teaser runs and section breadcrumbs."""

from __future__ import annotations

import pytest

from .test_clusterbyline import HEADLINE, _normalize, assert_read

HEADLINE_DE = "Wasserwerk erneuert alte Leitungen unter dem Marktviertel"
HEADLINE_ES = "La junta del agua renovará las viejas tuberías del barrio del mercado"


@pytest.mark.parametrize(
    ("name", "title", "byline"),
    [
        # Headline / `By Name` / date, again and again under an unsigned story: other stories.
        ("byline-unlabelled-teasers-under.txt", HEADLINE, []),
        ("byline-unlabelled-teasers-under-nodate.txt", HEADLINE, []),
        ("byline-unlabelled-teasers-under-de.txt", HEADLINE_DE, []),
        # The story's own `By` line, with its text under it, still signs it.
        ("byline-unlabelled-teasers-under-signed.txt", HEADLINE, ["Dana Whitfield"]),
        ("byline-unlabelled-teasers-above-signed.txt", HEADLINE, ["Dana Whitfield"]),
        # ... and so it does when a line parts it from its text (`Share`, a photo credit).
        ("byline-unlabelled-teasers-above-signed-share.txt", HEADLINE, ["Dana Whitfield"]),
        ("byline-unlabelled-teasers-above-signed-photo.txt", HEADLINE, ["Dana Whitfield"]),
        ("byline-unlabelled-teaser-above-signed-listen.txt", HEADLINE, ["Dana Whitfield"]),
        # Headline / `Jane Roe` (no `By`), again and again: teasers signed with the name alone.
        ("byline-bare-teasers-under.txt", HEADLINE, []),
        ("byline-bare-teasers-under-dated.txt", HEADLINE, []),
        # ... while the story's own name under its headline still signs it.
        ("byline-bare-teasers-under-signed.txt", HEADLINE, ["Dana Whitfield"]),
        # Teasers stamped `Name · date` or dated alone are other stories too: the story's own
        # name over its stamp signs it, and so does its own `Name · date` line.
        ("byline-bare-over-date-dated-teasers.txt", HEADLINE, ["Dana Whitfield"]),
        ("byline-stamped-own-dated-teasers.txt", HEADLINE, ["Dana Whitfield"]),
        # An opinion box under an unsigned editorial: each columnist's name over their column's
        # headline signs that column, not the editorial; the story's own name still signs it.
        ("byline-column-box-under.txt", HEADLINE, []),
        ("byline-column-box-under-signed.txt", HEADLINE, ["Dana Whitfield"]),
    ],
)
def test_an_unlabelled_run_of_signed_teasers_lends_no_byline(
    name: str, title: str, byline: list[str]
) -> None:
    assert_read(name, title, byline)


def test_signed_teasers_over_an_unsigned_story_neither_head_nor_sign_it() -> None:
    article = _normalize("byline-unlabelled-teasers-above-dated.txt")
    assert article.title == HEADLINE
    assert article.byline == []
    assert article.date is None


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("byline-unlabelled-teasers-under-undated.txt", HEADLINE),
        ("byline-unlabelled-teasers-under-undated-de.txt", HEADLINE_DE),
    ],
)
def test_signed_teasers_neither_sign_nor_date_an_undated_story(name: str, title: str) -> None:
    article = _normalize(name)
    assert article.title == title
    assert article.byline == []
    assert article.date is None


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("byline-breadcrumb-over-date.txt", HEADLINE),  # `Real Estate Public Safety`
        ("byline-breadcrumb-over-date-es.txt", HEADLINE_ES),  # `Noticias Locales Sucesos …`
    ],
)
def test_a_breadcrumb_of_menu_links_over_the_date_is_no_name(name: str, title: str) -> None:
    article = _normalize(name)
    assert article.title == title
    assert article.byline == []
    assert article.date is not None and (article.date.month, article.date.day) == (5, 6)


@pytest.mark.parametrize(
    "name",
    [
        "byline-section-trail-over-date.txt",  # `World Europe` over `12 March 2024`, no menu
        "byline-section-trail-over-date-sport.txt",  # `Sport Football`
    ],
)
def test_a_trail_opening_with_a_top_section_over_the_date_is_no_name(name: str) -> None:
    article = _normalize(name)
    assert article.title == HEADLINE
    assert article.byline == []
    assert article.date is not None and (article.date.month, article.date.day) == (3, 12)


def test_a_writers_title_opening_with_a_section_word_is_no_trail() -> None:
    # `Health Correspondent Marta Quillon` over the date: the section word opens the writer's
    # title, which the parser reads apart from the name, not a breadcrumb.
    article = _normalize("byline-section-role-over-date.txt")
    assert article.title == "Clinic waiting lists fall for the first time in three years"
    assert article.byline == ["Marta Quillon"]


@pytest.mark.parametrize(
    ("name", "title", "byline"),
    [
        ("byline-long-name-over-date.txt", HEADLINE, ["Mary Ann Van Buren"]),
        ("byline-long-name-over-date-es.txt", HEADLINE_ES, ["José Luis Rodríguez Zapatero"]),
    ],
)
def test_a_long_name_over_the_date_still_signs(name: str, title: str, byline: list[str]) -> None:
    assert_read(name, title, byline)
