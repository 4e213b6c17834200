"""The headline of copied text: which lines are weighed, how the chosen one is tidied."""

from __future__ import annotations

from indexer.normalize.headline import (
    candidates,
    find_headline,
    menu_entries,
    tidy_headline,
)
from indexer.normalize.zone import article_zone
from tests.test_normalize_copied import _normalize, _page


def test_a_menu_entry_glued_before_the_headline_with_a_mark_is_cut() -> None:
    # The menu lists `Kultur`; the copy prints `Kultur : Stadtmuseum …` as one line.
    article = _normalize("section-label.txt")
    assert article.title == "Stadtmuseum öffnet den Ostflügel nach vier Jahren Umbau wieder"
    assert article.byline == ["Jana Beispiel"]


def test_a_headline_opening_with_a_menu_word_keeps_it() -> None:
    menu = frozenset({"business", "wine", "politik"})
    # No mark sets the word apart: it is the headline's own (`Business Brief` is a column).
    kept = "Business Brief: Chip maker turns to nation building"
    assert tidy_headline(kept, menu) == (kept, [])
    # A mark but no menu entry: a kicker the headline keeps.
    kicker = "Landtagswahl in Thüringen: Voigt und Höcke streiten vor laufender Kamera"
    assert tidy_headline(kicker, menu) == (kicker, [])
    assert tidy_headline("Politik | Koalition einigt sich auf den Haushalt", menu) == (
        "Koalition einigt sich auf den Haushalt",
        [],
    )


def test_menu_entries_are_the_short_lines_of_link_lists() -> None:
    entries = menu_entries(_page("section-label.txt"))
    assert {"politik", "kultur", "sport"} <= entries
    assert "von jana beispiel" not in entries  # a byline alone, in no list


def test_a_headline_ending_in_a_question_after_a_capitalised_kicker_is_weighed() -> None:
    # `CHAPTER TWELVE:` reads like a wire's dateline, but a question is a headline's end.
    article = _normalize("question-kicker.txt")
    assert article.title == "CHAPTER TWELVE: Who left the lights on?"


def test_a_headline_under_a_glued_menu_trail_inside_the_zone_is_weighed() -> None:
    # The menu and the breadcrumb trail, copied as one long line, open the densest run.
    page = _page("glued-trail.txt")
    zone = article_zone(page)
    assert zone is not None and zone.start == 5
    headline = page.lines.index(
        next(line for line in page.lines if line.text.startswith("A palm-sized phone"))
    )
    assert headline in candidates(page, zone)
    assert _normalize("glued-trail.txt").title == (
        "A palm-sized phone put to the test as an everyday handset"
    )


def test_a_name_alone_gives_way_to_a_weak_headline() -> None:
    # The rule-based choice is the author's box under the column; a name alone is never the
    # headline, whether the model's best line is under its bar (as it was when the rule was
    # written) or above it (since the byline reader's fourth round changed the features).
    page = _page("column-author-box.txt")
    zone = article_zone(page)
    assert zone is not None
    name = next(i for i, line in enumerate(page.lines) if line.text == "Clara Example")
    headline = next(i for i, line in enumerate(page.lines) if line.text.startswith("Breakpoint"))
    found = find_headline(page, zone, name)
    assert found is not None and found[0] == headline


def test_a_byline_under_the_headline_in_another_language_is_not_joined_to_it() -> None:
    # `di Giulia Esempio` starts in lower case, but it signs the story: no continuation.
    article = _normalize("italian-byline.txt")
    assert article.title == "Nuova linea del tram collega la stazione al quartiere fieristico"
