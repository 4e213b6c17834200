"""Text copied from a web page: headline, byline and date read around the article zone."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from indexer.errors import SkipArticle
from indexer.models import Article, RawRecord
from indexer.normalize import creditline, normalize
from indexer.normalize.cluster import cluster
from indexer.normalize.clusterbyline import header_byline
from indexer.normalize.dates import find_date, parse_date_line
from indexer.normalize.header import line_dates
from indexer.normalize.headline import FEATURES, is_candidate, load_model, tidy_headline
from indexer.normalize.lines import Line, clean_text, is_paragraph, is_upper, split_lines, unwrap
from indexer.normalize.story import Page
from indexer.normalize.zone import article_zone

DATA = Path(__file__).resolve().parent / "data" / "copied"


def _normalize(name: str) -> Article:
    """Normalise one copied page as `newsindex rebuild` reads a `.txt` file."""
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    return normalize(RawRecord(id=name, file=name, path=path, kind="text", text=text))


def _normalize_changed(name: str, old: str, new: str) -> Article:
    """Normalise one copied page with `old` replaced by `new` in its text."""
    path = DATA / name
    text = path.read_text(encoding="utf-8").replace(old, new)
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
    assert model["kind"] == "trees" and len(model["trees"]) >= 50
    # Every split of every tree reads a feature the package computes.
    splits = [tree for tree in model["trees"] if isinstance(tree, list)]
    while splits:
        feature, threshold, left, right = splits.pop()
        assert 0 <= feature < len(FEATURES) and isinstance(threshold, float)
        splits += [child for child in (left, right) if isinstance(child, list)]
    assert math.isfinite(model["threshold"])


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.txt")))
def test_copied_pages_read_the_same_every_time(name: str) -> None:
    first, second = _normalize(name), _normalize(name)
    assert (first.title, first.byline, first.date) == (second.title, second.byline, second.date)


def test_a_date_stamp_line_is_no_headline_and_its_von_is_no_name() -> None:
    article = _normalize("stamp-headline.txt")
    assert article.title == "Stadtwerke erhöhen die Preise für Fernwärme ab Juli"
    assert article.byline == ["Eva Beispiel-Muster"]
    assert article.date is not None and article.date.iso() == "2024-04-25"


def test_a_lone_date_stamp_below_standfirst_and_caption_dates_the_story() -> None:
    # The stamp stands further into the zone than the header cluster reaches.
    article = _normalize("far-stamp.txt")
    assert article.title == "Ferry operator orders two electric boats for the island route"
    assert article.date is not None and article.date.iso() == "2025-06-30"


def test_a_caption_ending_on_a_date_is_neither_headline_nor_date() -> None:
    article = _normalize("caption-date.txt")
    assert article.title == "Warehouse fire forces hundreds from their homes overnight"
    assert article.byline == ["Tom Example"]
    assert article.date is None


def test_two_unlabelled_days_below_the_headline_give_no_date() -> None:
    # One of them is an update, and nothing says which: no date is better than a wrong one.
    article = _normalize("two-days.txt")
    assert article.byline == ["Anna Example"]
    assert article.date is None


# `Kolumne von Carla Beispiel - …`, `Daniel Beispiel Redakteur`, `Tobias Muster24.04.2024, 19:35`,
# `Sophie ExampleTravel News Reporter`, `Von Hanna Beispiel, Redakteurin für Verkehr`,
# `Sophie Example 7 hours`, `Jane Example, Townsend Staff`, `Posted on … by Lt. John Example`,
# `Author: Meteorologist Jane Example`, `By health correspondent Jane Example`,
# `by A, The Example Ledger, and B, Valley Evening Courier`,
# `Match Reports` (a category) / … / `Report by Jane Example`, `Authors` / A / `Partner` / B.
@pytest.mark.parametrize(
    ("name", "byline", "day"),
    [
        ("byline-tidy.txt", ["Carla Beispiel"], "2024-04-28"),
        ("byline-role.txt", ["Daniel Beispiel"], "2024-04-24"),
        ("glued-stamp.txt", ["Tobias Muster"], "2024-04-24"),
        ("byline-glued-role.txt", ["Sophie Example"], None),
        ("byline-comma-role.txt", ["Hanna Beispiel"], None),
        ("byline-relative.txt", ["Sophie Example"], None),
        ("byline-house-staff.txt", ["Jane Example"], "2024-07-09"),
        ("byline-rank.txt", ["John Example"], "2024-05-02"),
        ("byline-title-before.txt", ["Jane Example"], "2024-10-16"),
        ("byline-beat-before.txt", ["Jane Example"], "2024-05-14"),
        ("byline-two-houses.txt", ["Jane Example", "John Sample"], "2024-05-14"),
        ("byline-report-by.txt", ["Jane Example"], "2024-06-08"),
        ("byline-authors-jobs.txt", ["Jane Example", "John Sample"], "2024-04-26"),
    ],
)
def test_a_byline_loses_its_label_job_title_and_clock_word(
    name: str, byline: list[str], day: str | None
) -> None:
    article = _normalize(name)
    assert article.byline == byline
    assert (article.date.iso() if article.date else None) == day


def test_a_how_to_page_keeps_its_headline_over_a_byline_and_its_outlet() -> None:
    # `By Jane Example` / `eCrafts Contributor`: read as one line, the byline was no byline,
    # and `Found This Helpful` over the story stood as the headline.
    article = _normalize("byline-brand-role.txt")
    assert article.title == "How to Make a Lantern"
    assert article.byline == ["Jane Example"]


def test_a_credit_line_with_posted_and_updated_times_dates_the_story() -> None:
    # The words of the times (`AM EDT`, `August`) are not counted as a caption's words.
    article = _normalize("posted-stamp.txt")
    assert article.byline == ["Jane Example"]
    assert article.date is not None and article.date.iso() == "2024-08-08"


@pytest.mark.parametrize(
    "line",
    [
        "Sophie ExampleTravel News Reporter",
        "By JANE DOE, SENIOR CORRESPONDENT",
        "Von Hanna Beispiel, Redakteurin für Verkehr",
        "By Ana Pérez, EDİTOR at large",
        "Oil prices rose on Tuesday as traders weighed supply cuts.",
        "By Jane\xa0Doe, Writer",
    ],
)
def test_a_credit_lines_quick_test_gives_what_the_patterns_give(line: str) -> None:
    # The substring test that skips lines without a role word must never change a result.
    text = line.replace("\xa0", " ")
    assert creditline._without_role(text) == creditline._COMMA_ROLE.sub(
        "", creditline._GLUED_ROLE.sub(" ", text)
    )


def test_a_byline_glued_to_the_headline_is_cut_off_and_signs_the_story() -> None:
    article = _normalize("glued-byline.txt")
    assert article.title == "Solar lamps lift market traders' evening sales"
    # The name glued to the headline signs the story, not the `Buy E-Paper` button above it.
    assert article.byline == ["Sara Mwangi"]


@pytest.mark.parametrize(
    ("headline", "title", "names"),
    [
        ("Stocks rise on stimulus hopes by", "Stocks rise on stimulus hopes", []),
        (
            "Media won't buckle over new laws by: Jane Example",
            "Media won't buckle over new laws",
            ["Jane Example"],
        ),  # fmt: skip
        (
            "You are here: Home » Society » Volunteers clean the river",
            "Volunteers clean the river",
            [],
        ),  # fmt: skip
        ("Stand By Me returns to the stage", "Stand By Me returns to the stage", []),
        ("Driver stopped by police", "Driver stopped by police", []),
    ],
)
def test_a_headline_loses_its_breadcrumb_trail_and_glued_byline(
    headline: str, title: str, names: list[str]
) -> None:
    assert tidy_headline(headline) == (title, names)


def test_a_search_box_is_never_a_headline() -> None:
    lines = [Line("Search for: Search", True), Line("Search for the missing ship resumes", True)]
    page = Page(lines)
    assert not is_candidate(page, 0)
    assert is_candidate(page, 1)


def test_a_date_named_in_a_sentence_under_the_headline_does_not_date_the_page() -> None:
    # `Our radio programme reported on this topic on 26.08.2025`: the stamp above counts.
    article = _normalize("prose-date.txt")
    assert article.date is not None and article.date.iso() == "2025-08-27"


def test_a_quoted_posts_date_does_not_date_the_page() -> None:
    # `— Alex Example (@alexexample) March 14, 2025` dates the quoted post: no date at all.
    assert _normalize("quoted-post.txt").date is None


@pytest.mark.parametrize(
    "line",
    [
        "400 │ 2020-08-01 17:59:00+00 │ 12 │ 7.445849602151508 │ t",
        "— Alex Example (@alexexample) March 14, 2025",
        "Our radio programme reported on this topic on 26.08.2025 at 06:00.",
    ],
)
def test_table_rows_quoted_posts_and_sentences_are_no_date_stamps(line: str) -> None:
    assert line_dates(line) == []


@pytest.mark.parametrize(
    "line",
    [
        "Published on 30/04/2024 - 16:38",
        "This story was first published on March 3, 2024",
        "18.07.2024, 11.08 Uhr 7 min",
        "By Jane Example | May 3, 2024, 4:19 PM",
    ],
)
def test_stamps_still_date_the_page(line: str) -> None:
    assert line_dates(line) != []


def test_a_run_of_capitalised_links_is_not_running_text() -> None:
    menu = (
        "My Europe Brussels Europe Decoded Europe News Smart Regions State Of The Union "
        "The Cube Uncovering Europe Unreported Europe"
    )
    assert not is_paragraph(menu)
    prose = (
        "Die USA stellen den Betrieb des provisorischen Hafens an der Küste des Gazastreifens "
        "ein, teilte das Kommando mit"
    )
    assert is_paragraph(prose)


def test_a_row_of_japanese_labels_parted_by_spaces_is_not_running_text() -> None:
    # Chinese and Japanese prose sets no spaces between words; labels in a row do.
    row = "デスクトレー 書類ケース 引き出し ペンスタンド ブックエンド マガジンラック"
    assert not is_paragraph(row)
    assert is_paragraph("同社は学生や会社員を中心に、年間で百万本の販売を目指すとしている。")
    # A Japanese headline parts a clause or two with spaces, an unfinished line of prose too.
    assert is_paragraph(
        "新製品は従来品よりもインクの乾きが早く 左利きの人でも手や紙を汚しにくいのが特徴で"
    )
    # Korean sets spaces between words: an unfinished line of it is still running text.
    korean = "서울시는 내년부터 시내버스 노선을 새로 짜고 심야 버스를 늘리기로 했다고 밝혔"
    assert is_paragraph(korean)


def test_rows_of_japanese_labels_do_not_open_the_story_over_its_headline() -> None:
    # Product menus copied as rows of labels read as paragraphs and opened the story at the
    # top of the page, leaving the headline under them out of reach: a row was the title.
    article = _normalize("cjk-link-rows.txt")
    assert article.title == "書き心地を見直した新しいゲルインクボールペンを発売"
    assert article.body.startswith("文具メーカーの株式会社サンプル文具は")


def test_an_acronym_in_a_script_without_case_does_not_set_the_line_in_capitals() -> None:
    # `str.isupper` holds for Japanese prose with one acronym in it (`ＦＷ`): no lower-case
    # letter, since kana and Han have no case. Capitals must be half the letters at least.
    assert not is_upper("監督はＦＷの起用についても手応えを口にした。")
    assert not is_upper("قالت CNN إن المحادثات ستستأنف غدا")
    assert is_upper("BREAKING: HARBOUR FERRY FARES TO RISE")
    assert is_upper("U.S. DEFICIT WITH NICS WIDENS")


def test_a_short_japanese_story_holding_an_acronym_is_read_under_its_headline() -> None:
    # The story's one paragraph names `ＦＷ`: read as a line in capitals it was no running
    # text, and the footer's legal notice became the story, with no headline above it.
    article = _normalize("cjk-acronym-story.txt")
    assert article.title == "日本代表、欧州遠征の初戦で逆転勝ち"
    assert article.body.startswith("【パリ＝山田太郎】サッカー日本代表は")


def test_a_chinese_headline_parting_its_clauses_with_spaces_stays_the_title() -> None:
    # Four clauses parted by spaces read as a row of labels, no running text: the headline is
    # still weighed as one, and the story under it opens the body.
    article = _normalize("zh-clause-headline.txt")
    assert article.title == "国务院常务会议召开 部署稳就业 促消费 保民生 推动经济持续回升向好"
    assert article.body.startswith("国务院总理20日主持召开国务院常务会议")


def test_a_short_korean_story_naming_an_acronym_is_read_under_its_headline() -> None:
    # `KBS` in a Korean paragraph set it in capitals by `str.isupper`; the footer's row of
    # links had become the story.
    article = _normalize("ko-acronym-story.txt")
    assert article.title == "서울시, 내년부터 심야버스 노선 두 배로 늘린다"
    assert article.body.startswith("서울시는 내년부터 심야버스 노선을")


def test_a_date_under_an_updated_label_line_is_the_update_not_the_publication() -> None:
    # `Updated:` / `Mar 6, 2025` / `Original:` / `Dec 21, 2024`: the labels stand on lines above.
    article = _normalize("label-above.txt")
    assert article.date is not None and article.date.iso() == "2024-12-21"
    assert article.updated is not None and article.updated.iso() == "2025-03-06"


def test_a_labelled_date_at_the_foot_of_the_story_dates_it() -> None:
    # `Story published on Oct 5, 2022.`: no date in the header, the story's own label counts.
    article = _normalize("story-foot-date.txt")
    assert article.date is not None and article.date.iso() == "2022-10-05"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Story published on Oct 5, 2022.", "published"),
        ("This article was originally published on March 3, 2024", "published"),
        ("This story was updated on May 3, 2024", "updated"),
    ],
)
def test_a_story_or_article_label_before_published_is_a_date_line(line: str, kind: str) -> None:
    found = parse_date_line(line, bare=False)
    assert found is not None and found[0] == kind


def test_a_headline_opening_with_low_or_angle_quotes_is_a_headline() -> None:
    # `„Wir bauen …“: …` and `«…»` open many German and French headlines.
    article = _normalize("quoted-headline.txt")
    assert article.title == "„Wir bauen die Brücke zu Ende“: Stadtrat gibt Geld für den Neubau frei"
    assert article.byline == ["Jana Beispiel"]


def test_a_headline_with_a_short_capitalised_kicker_is_kept_whole() -> None:
    # `NATO: Allies agree …` parses as a dateline, but a line that ends no sentence heads a story.
    article = _normalize("kicker-colon.txt")
    assert (
        article.title == "NATO: Allies agree to raise the spending target after two days of talks"
    )
    assert article.dateline is None


def test_a_labelled_heading_above_the_headline_does_not_open_the_story() -> None:
    # `AUDIO: …` reads as a dateline (capitals, colon); it is a player's heading, not the story.
    article = _normalize("audio-kicker.txt")
    assert article.dateline is None
    assert article.body.startswith("Vor einer Woche hörten Anwohner")


def test_a_headline_far_above_a_chart_heads_the_story_below_the_chart() -> None:
    # Fifty short lines of a chart's figures split the story; the longer part below is the
    # densest, but the headline, byline and date stand above the first part.
    article = _normalize("far-headline.txt")
    assert article.title == (
        "As Rates Rise, the City Will Soon Spend More on Interest Than on Parks"
    )
    assert article.byline == ["Jane Example"]
    assert article.date is not None and article.date.iso() == "2024-09-25"


def test_a_box_of_dated_teasers_is_no_header_over_the_story_below_a_chart() -> None:
    # A related box (headline / date, headline / date) stands over the longer part below the
    # chart; the story still opens under its own headline, byline and date above the chart.
    page = _page("far-headline-related.txt")
    zone = article_zone(page)
    assert zone is not None
    assert page.text(zone.start).startswith("The city could soon pay more in interest")
    article = _normalize("far-headline-related.txt")
    assert article.title == (
        "As Rates Rise, the City Will Soon Spend More on Interest Than on Parks"
    )
    assert article.date is not None and article.date.iso() == "2024-09-25"


def test_a_list_of_teasers_under_a_short_story_is_not_its_zone() -> None:
    # Headline / one-sentence summary, again and again, outweighs a story of one paragraph.
    page = _page("short-story-teasers.txt")
    zone = article_zone(page)
    assert zone is not None
    assert page.text(zone.start).startswith("The town council voted on Tuesday")
    article = _normalize("short-story-teasers.txt")
    assert article.title == "Old water tower on the hill to be pulled down next spring"
    assert article.byline == ["Jane Example"]
    assert article.date is not None and article.date.iso() == "2025-03-12"


def test_a_story_in_sections_each_a_subhead_over_one_paragraph_is_no_list_of_teasers() -> None:
    # An explainer under its headline, byline and date: subhead / paragraph, four times; the
    # one related teaser below, under a headline, byline and date of its own, is not the story.
    page = _page("explainer-sections.txt")
    zone = article_zone(page)
    assert zone is not None
    assert page.text(zone.start).startswith("Season tickets on the commuter lines")
    article = _normalize("explainer-sections.txt")
    assert article.title == "What the new rail fares mean for commuters"
    assert article.byline == ["Sarah Whitcombe"]
    assert article.date is not None and article.date.iso() == "2025-03-04"


def test_a_signed_headline_below_a_list_of_teasers_is_the_title() -> None:
    # Teasers long enough to read as paragraphs open the densest run; the headline below them
    # is the one a byline and a date follow.
    article = _normalize("teaser-zone.txt")
    assert article.title == (
        "This storage box for old newspapers also keeps your moving boxes tidy and your "
        "furniture safe"
    )
    assert article.byline == ["Nina Example"]


def test_the_headline_comes_before_its_standfirst() -> None:
    article = _normalize("standfirst-after.txt")
    assert article.title == (
        "Orchestra Calls Its New Concert Hall ‘The Best Room We Have Ever Played’"
    )
    assert article.byline == ["Jane Example"]


def test_a_headline_printed_twice_is_read_at_the_copy_that_heads_the_story() -> None:
    # The same headline in a most-read list above: its byline and date are another story's.
    article = _normalize("repeated-headline.txt")
    assert article.title == "Ferry operator buys two electric boats for the island route"
    assert article.byline == ["Jane Example"]
    assert article.date is not None and article.date.iso() == "2025-05-05"


def test_search_boxes_in_other_languages_are_no_headline_candidates() -> None:
    page = _page("repeated-headline.txt")
    boxes = [i for i, line in enumerate(page.lines) if line.text.startswith(("Search", "Suche"))]
    assert len(boxes) == 2
    assert not any(is_candidate(page, i) for i in boxes)


def test_a_headline_signed_under_its_standfirst_inside_the_zone_is_the_title() -> None:
    # The site's taglines, long enough to read as paragraphs, open the densest run above the
    # headline (a teaser stands above them); a `By` line under the standfirst says which line
    # heads the story.
    article = _normalize("notice-zone.txt")
    assert article.title == (
        'Orchestra moves into its new hall: "The best room we have ever played"'
    )
    assert article.byline == ["Marta Example"]


def test_a_hungarian_page_is_dated_by_its_year_first_stamp() -> None:
    article = _normalize("hu-year-first.txt")
    assert article.title == "Két hétre lezárják a Lánchíd melletti rakpartot"
    assert article.byline == ["Tóth Gábor"]
    # `2024. április 3., szerda 09:20`: the year, the month named, the day closed by a point.
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_a_romanian_de_byline_is_not_the_end_of_the_standfirst_above_it() -> None:
    article = _normalize("ro-de-byline.txt")
    # The standfirst ends without a full stop; `de Ioana …` under it starts a line of its own.
    assert article.byline == ["Ioana Marinescu"]
    assert article.date is not None and article.date.iso() == "2024-04-03"
    assert not article.body.startswith("Lucrările durează")


def test_a_chinese_weekday_beside_the_date_is_no_name() -> None:
    article = _normalize("weekday-stamp-zh.txt")
    # `2024年4月3日 週三 上午9:20`: `週三` is Wednesday; the house under the headline stands in.
    assert article.byline == ["晨光新聞"]
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_a_dutch_weekday_abbreviation_is_the_dates_not_the_headlines() -> None:
    article = _normalize("nl-short-weekday.txt")
    # `zo 3 mrt 2024, 09:15` under the headline opens in lower case, but its `zo` (Sunday)
    # carries on no sentence; `Gewijzigd zo …` (changed) names no writer either.
    assert article.title == "Gemeente sluit fietsenstalling onder het station voor renovatie"
    assert article.byline == []
    assert article.date is not None and article.date.iso() == "2024-03-03"


def test_a_surname_spelt_like_a_dutch_weekday_before_the_date_stays_the_writers() -> None:
    # `By Lan Do 4 March 2024`: `Do` after a name is the writer's surname, not Thursday.
    article = _normalize("byline-surname-weekday.txt")
    assert article.byline == ["Lan Do"]
    assert article.date is not None and article.date.iso() == "2024-03-04"


def test_a_rights_notice_after_a_caption_is_no_name() -> None:
    article = _normalize("rights-notice-caption.txt")
    # `… - RIPRODUZIONE RISERVATA` is the picture's rights notice; the house stands in.
    assert article.byline == ["Il Corriere del Lago"]
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_a_podcast_episode_is_signed_by_its_host() -> None:
    article = _normalize("podcast-hosted-by.txt")
    assert article.title == "What the beavers did to Miller Creek"
    assert article.byline == ["Ana Liu"]
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_a_dated_photo_credit_after_a_caption_does_not_sign_the_story() -> None:
    article = _normalize("caption-credit-dated.txt")
    # `… em Brasília - Carla Mendes - 2.mar.2024/Jornal do Planalto` credits the picture.
    assert article.byline == ["Paulo Nogueira"]
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_the_sites_name_before_the_writers_is_no_part_of_it() -> None:
    article = _normalize("own-name-byline.txt")
    # `Sud-Éclair Claire Martin.`: the paper's name, which stands alone atop and at the foot.
    assert article.byline == ["Claire Martin"]
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_a_taiwanese_wire_story_is_signed_by_the_reporter_in_its_dateline() -> None:
    article = _normalize("tw-wire-dateline.txt")
    assert article.title == "高雄輕軌環狀線4月起延長營運至晚間11點"
    # `（晨光通訊記者陳美華高雄3日電）`: the reporter, not the portal's name atop and at the foot.
    assert article.byline == ["陳美華"]
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_a_newsroom_credit_with_its_desk_word_first_signs_with_the_house() -> None:
    article = _normalize("newsroom-credit.txt")
    # `Redacción AIN`: the agency's newsroom wrote the story; no person is named.
    assert article.byline == ["AIN"]
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_a_hungarian_author_label_signs_the_story() -> None:
    article = _normalize("hu-author-label.txt")
    # `Szerző: Tóth Gábor` (author): the name as Hungarian writes it, family name first.
    assert article.byline == ["Tóth Gábor"]
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_a_thai_page_is_read_by_its_letters_not_its_spaces() -> None:
    # Thai leaves no space between words: its lines are counted by letters, so the story's
    # paragraphs are running text and the Buddhist-era stamp (2567) is 2024, not the headline.
    article = _normalize("th-unspaced.txt")
    assert article.title == "เชียงใหม่เปิดรถไฟฟ้ารางเบาสายแรกทดลองวิ่งฟรีหนึ่งเดือน"
    assert article.date is not None and article.date.iso() == "2024-03-18"
    assert article.body.startswith("จังหวัดเชียงใหม่")
    assert is_paragraph(article.body.splitlines()[0])


def test_a_tabloid_kicker_in_capitals_over_the_byline_is_no_name() -> None:
    # `OWNERS' HEARTBREAK` stands where a name in capitals might: a possessive is no name.
    article = _normalize("tabloid-kicker.txt")
    assert article.byline == ["Dean Farrow"]
    assert article.date is not None and article.date.iso() == "2024-02-12"


def test_a_bengali_lead_ends_on_its_danda_and_is_no_headline() -> None:
    # `।` ends a Bengali (and Hindi) sentence as `.` ends an English one; the headline has none.
    article = _normalize("bn-danda.txt")
    assert article.title == "চট্টগ্রামে নতুন সেতুর উদ্বোধন আগামী মাসে"
    assert article.date is not None and article.date.iso() == "2024-05-12"
    assert article.body.startswith("কর্ণফুলী নদীর")


def test_an_aggregators_source_line_credits_the_agency_it_republishes() -> None:
    # `Source: Reuters` under the headline names the only credit the story has.
    article = _normalize("aggregator-source.txt")
    assert article.title == "Rail strike talks collapse as unions set new walkout dates"
    assert article.byline == ["Reuters"]
    assert article.date is not None and article.date.iso() == "2024-09-13"


def test_a_source_stamp_line_naming_an_editor_credits_its_agency() -> None:
    # `Source: AFP | <stamp> | Editor: webdesk`: the label's own field is the credit; the
    # editor who posted the story is no writer.
    article = _normalize("source-stamp-editor.txt")
    assert article.byline == ["AFP"]
    assert article.date is not None and article.date.iso() == "2024-05-21"


def test_a_video_pages_watch_headline_over_its_byline_is_the_title() -> None:
    # `Watch: …` opens links to clips, but over the page's byline and date it is the headline.
    article = _normalize("video-watch-headline.txt")
    assert article.title == "Watch: Crews rescue hiker stranded on ledge above Cedar Falls"
    assert article.byline == ["Marco Alvarez"]
    assert article.date is not None and article.date.iso() == "2024-06-03"


def test_a_writers_given_name_that_is_a_menus_town_is_kept() -> None:
    article = _normalize("city-name-writer.txt")
    # `Santiago` stands alone in the menus atop and at the foot, but the copyright is the paper's.
    assert article.byline == ["Santiago Pérez Gómez"]
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_an_undated_stamp_before_the_name_does_not_hide_the_byline() -> None:
    article = _normalize("relative-stamp-before-name.txt")
    # `Published less than an hour ago · Tomas Lindqvist`: no picture's date, so no caption.
    assert article.byline == ["Tomas Lindqvist"]


def test_a_newsroom_credit_naming_its_desks_city_is_kept_as_written() -> None:
    article = _normalize("newsroom-desk-city.txt")
    # `Redacción Madrid`: the Madrid desk, not a house called `Madrid`.
    assert article.byline == ["Redacción Madrid"]


def test_an_events_host_in_the_story_does_not_sign_it() -> None:
    article = _normalize("hosted-event-box.txt")
    # `Hosted by Maria Gomez` in a workshop's fact box below the first paragraphs: her event.
    assert "Maria Gomez" not in article.byline


def test_an_events_host_under_the_headline_does_not_sign_it() -> None:
    article = _normalize("hosted-event-under-headline.txt")
    # `Hosted by Marta Delgado` over the event's hours (`10 a.m. – 4 p.m.`) and `Register`.
    assert "Marta Delgado" not in article.byline


def test_a_chinese_writer_whose_name_ends_in_an_outlet_kind_signs() -> None:
    article = _normalize("zh-given-name-she.txt")
    # `李建社` over the stamp: `社` (agency) ends his given name, not an outlet's.
    assert article.byline == ["李建社"]
    assert article.date is not None and article.date.iso() == "2024-04-03"


def test_a_pictures_source_line_is_no_byline() -> None:
    # `Source: AFP` under the picture's caption credits the picture; the name over the date
    # signs the story. Only right under the headline does `Source:` name the story's agency.
    article = _normalize("source-photo-credit.txt")
    assert article.title == "Floods force thousands from their homes in northern Italy"
    assert article.byline == ["Giulia Ferri"]
    assert article.date is not None and article.date.iso() == "2024-05-17"


def test_a_publication_reference_is_no_published_label() -> None:
    # `Publication: <journal>, 12 March 2024` names the paper's day: `publicat` (Catalan,
    # Romanian: published) labels a date only as a whole word.
    article = _normalize("publication-reference.txt")
    assert article.byline == ["Anna Park"]
    assert article.date is not None and article.date.iso() == "2024-03-19"


def test_a_croatian_listopad_is_october_not_the_polish_november() -> None:
    # `15. listopada 2024.`: Croatian names October `listopad`, Polish and Czech name November so;
    # the point after the day is Croatian (Polish writes `15 listopada`).
    article = _normalize("hr-listopad.txt")
    assert article.byline == ["Ivana Horvat"]
    assert article.date is not None and article.date.iso() == "2024-10-15"


def test_a_watch_caption_under_the_headline_is_no_headline() -> None:
    # `WATCH: …` under the story's own headline, over its byline, captions the lead clip; only a
    # video page, with no headline above it, has its `Watch:` line for a headline.
    article = _normalize("watch-clip-caption.txt")
    assert article.title == "Senate passes border bill"
    assert article.byline == ["Jane Doe"]
    assert article.date is not None and article.date.iso() == "2024-05-03"


def test_a_post_opens_under_its_header_though_code_parts_its_first_paragraphs() -> None:
    page = _page("code-post-opening.txt")
    zone = article_zone(page)
    # A query, a plan and a table cut the short opening off the long prose below: the story
    # still opens under its headline and byline, not at the long prose.
    assert zone is not None and page.text(zone.start).startswith("The nightly export")
    article = _normalize("code-post-opening.txt")
    assert article.title == "Tuning the Nightly Export Without Touching the Database"
    assert article.byline == ["Lena Fischer"]


def test_a_table_of_contents_entry_does_not_sign_the_post() -> None:
    article = _normalize("code-post-contents.txt")
    # `Reading Lines`, first of the contents the post prints again as its section headings.
    assert article.title == "Parsing Access Logs With Nothing But the Standard Library"
    assert article.byline == ["Lena Fischer"]
    assert article.date is not None and article.date.iso() == "2023-03-14"


@pytest.mark.parametrize(
    ("name", "names"),
    [
        # Italian `di … e …`: the photo's agency under its caption (`ANSA`) signs nothing.
        ("and-it-e.txt", ["Paolo Ferrario", "Chiara Colombo"]),
        ("and-nl-en.txt", ["Sanne Mulder", "Bram de Jong"]),  # Dutch `Door … en …`
        ("and-no-og.txt", ["Ingrid Aasen", "Ola Brekke"]),  # Norwegian `Av … og …`
        ("and-sv-och.txt", ["Karin Lindqvist", "Erik Holm"]),  # Swedish `Av … och …`
        ("and-pt-e.txt", ["Ana Sofia Ribeiro", "Tiago Marques"]),  # Portuguese `Por … e …`
        ("and-es-y.txt", ["Lucía Ferrer", "Javier Soler"]),  # Spanish `Por … y …`
        ("and-cs-a.txt", ["Jan Novák", "Petr Svoboda"]),  # Czech `Autor: … a …`
        ("and-pl-i.txt", ["Jan Kowalski", "Anna Nowak"]),  # Polish `Autorzy: … i …`
        ("and-fi-ja.txt", ["Matti Virtanen", "Liisa Korhonen"]),  # Finnish `Toimittaja: … ja …`
        ("and-tr-ve.txt", ["Ahmet Yılmaz", "Ayşe Demir"]),  # Turkish `Yazan: … ve …`
    ],
)
def test_two_writers_joined_by_the_pages_own_and_both_sign(name: str, names: list[str]) -> None:
    assert _normalize(name).byline == names


@pytest.mark.parametrize(
    "label", ["Forfatter: Kari Nordmann", "Författare: Kari Nordmann", "Tekst: Kari Nordmann"]
)
def test_a_scandinavian_in_after_a_writer_label_joins_no_place_as_a_writer(label: str) -> None:
    # `Forfatter: Kari Nordmann i New York`: Danish, Norwegian and Swedish `i` is `in`, and
    # `Tekst:` is their label too; the place the writer files from is no second writer.
    article = _normalize_changed("byline-no-forfatter-place.txt", "Forfatter: Kari Nordmann", label)
    assert "New York" not in article.byline


def test_a_korean_reporter_and_others_signs_with_the_named_reporter() -> None:
    # `윤서연 기자 외 1명`: the reporter, `and one other` whom the line does not name.
    article = _normalize("byline-ko-and-others.txt")
    assert article.byline == ["윤서연"]
    assert article.date is not None and article.date.iso() == "2024-05-14"


def test_a_guest_writer_signs_with_their_position_after_a_comma() -> None:
    # `Ruth Ellison, Professor of History at Northvale University` over the date: a guest
    # column credits its writer by name and position, as a staff one by name and job.
    article = _normalize("guest-writer-position.txt")
    assert article.byline == ["Ruth Ellison"]
    assert article.date is not None and article.date.iso() == "2024-05-14"


def test_a_stamp_opening_on_a_lower_case_weekday_carries_on_no_byline() -> None:
    # `Par Jeanne Dupont` / `mardi 12 mars 2024 à 10h30`: French writes its weekdays in lower
    # case; the stamp is a line of its own, not the rest of the credit's sentence.
    article = _normalize("weekday-lowercase-stamp.txt")
    assert article.byline == ["Jeanne Dupont"]
    assert article.date is not None and article.date.iso() == "2024-03-12"


def test_a_photo_gallery_is_titled_by_its_label_and_signed_by_its_photographer() -> None:
    article = _normalize("gallery-photos-label.txt")
    # `Photos: …` heads the gallery, as `Watch: …` heads a video's page.
    assert article.title == (
        "Photos: Hot air balloons fill the sky over Millbrook at the summer festival"
    )
    assert article.byline == ["Dana Whitcombe"]


def test_a_short_gallery_headline_is_no_pictures_credit() -> None:
    # `Photos: Balloons fill …` ends as a caption's credit does (`Photos: Jane Doe`), but its words
    # name no one and a credit and a date stand under it: it heads the gallery.
    path = DATA / "gallery-photos-label.txt"
    text = path.read_text(encoding="utf-8").replace(
        "Photos: Hot air balloons fill the sky over Millbrook at the summer festival",
        "Photos: Balloons fill the Millbrook sky",
    )
    record = RawRecord(id=path.name, file=path.name, path=path, kind="text", text=text)
    article = normalize(record)
    assert article.title == "Photos: Balloons fill the Millbrook sky"
    assert article.byline == ["Dana Whitcombe"]
    # A picture's credit over a story's headline is still no headline.
    path = DATA / "story-photos-by.txt"
    credit = "LOCAL NEWS\nPhotos: Dana Whitcombe\n"
    text = path.read_text(encoding="utf-8").replace("LOCAL NEWS\n", credit)
    record = RawRecord(id=path.name, file=path.name, path=path, kind="text", text=text)
    assert normalize(record).title == "Millbrook council approves a new footbridge over the river"


def test_a_storys_photos_by_credit_does_not_sign_it() -> None:
    # Under a story's headline, `Photos by …` names who took its pictures, not who wrote it.
    article = _normalize("story-photos-by.txt")
    assert article.title == "Millbrook council approves a new footbridge over the river"
    assert article.byline == []


def test_a_guest_writer_introduced_by_the_last_line_signs_the_piece() -> None:
    # `Marisol Tenney is a retired librarian who lives in Eastport.` closes a piece no one signs.
    assert _normalize("opinion-tagline-end.txt").byline == ["Marisol Tenney"]
    # The same line under a story that quotes her describes someone the story is about.
    assert _normalize("story-tagline-subject.txt").byline == []
    # In the past tense the last line tells of someone the piece is about, not its writer.
    path = DATA / "opinion-tagline-end.txt"
    text = path.read_text(encoding="utf-8").replace(
        "Marisol Tenney is a retired librarian who lives in Eastport.",
        "Ada Morrow was the first woman to chair the library board, in 1921.",
    )
    record = RawRecord(id=path.name, file=path.name, path=path, kind="text", text=text)
    assert normalize(record).byline == []


def test_an_interviews_last_line_introduces_who_answered_not_its_writer() -> None:
    path = DATA / "opinion-tagline-end.txt"
    text = (
        path.read_text(encoding="utf-8")
        .replace("For twenty years", "Q: Why did the fines matter?\nA: For twenty years")
        .replace("A lost paperback", "Q: What changed?\nA: A lost paperback")
        .replace("Marisol Tenney is a retired librarian", "Priya Nandakumar is a retired librarian")
    )
    record = RawRecord(id=path.name, file=path.name, path=path, kind="text", text=text)
    assert normalize(record).byline == []


def test_a_japanese_writer_named_in_the_closing_brackets_after_the_paper_signs() -> None:
    # `（瀬戸内日報 今治支局 高橋真由美）`: the paper, its bureau, then the writer.
    assert _normalize("ja-closing-signature.txt").byline == ["高橋真由美"]
    # The paper's name alone in brackets, or an office or a place after it, names no writer.
    path = DATA / "ja-closing-signature.txt"
    text = path.read_text(encoding="utf-8")
    for closing in ("（瀬戸内日報）", "（読売新聞 大阪本社）", "（共同通信 ワシントン）"):
        changed = text.replace("（瀬戸内日報 今治支局 高橋真由美）", closing)
        record = RawRecord(id=path.name, file=path.name, path=path, kind="text", text=changed)
        assert normalize(record).byline == []


@pytest.mark.parametrize(
    ("closing", "names"),
    [
        ("（北陸中央新聞 編集委員 森田健介）", ["森田健介"]),  # the writer's title between
        ("（共同通信 北京 田中太郎）", ["田中太郎"]),  # the place filed from between
        ("（北陸中央新聞 撮影 森田健介）", []),  # `撮影`: who took the picture
        ("（北陸中央新聞 写真部 森田健介）", []),  # the photo desk's
        ("（共同通信 北京 田中）", []),  # a place and a family name, or a spaced name: not told
        ("（毎日新聞 2024年6月3日 東京朝刊）", []),  # where and when the story ran
        ("（共同通信 東京朝刊）", []),  # the edition
        ("(瀬戸内日報 2024/6/3 愛媛版)", []),
    ],
)
def test_closing_brackets_sign_the_last_word_after_a_title_or_place(
    closing: str, names: list[str]
) -> None:
    path = DATA / "ja-closing-signature.txt"
    text = path.read_text(encoding="utf-8").replace("（瀬戸内日報 今治支局 高橋真由美）", closing)
    record = RawRecord(id=path.name, file=path.name, path=path, kind="text", text=text)
    assert normalize(record).byline == names


def test_a_greek_byline_drops_its_article_and_a_womans_genitive() -> None:
    # `Της Ελένης Παπαδάκη`: by Eleni Papadaki; her family name is the same in every case.
    assert _normalize("byline-greek-article.txt").byline == ["Ελένη Παπαδάκη"]
    # A man's name after `Του` is kept as written: its nominative is not sure (`-ος`, `-ης`).
    changed = _normalize_changed(
        "byline-greek-article.txt", "Της Ελένης Παπαδάκη", "Του Νίκου Λάμπρου"
    )
    assert changed.byline == ["Νίκου Λάμπρου"]


@pytest.mark.parametrize(
    ("credit", "name"),
    [
        ("ΤΗΣ ΕΛΕΝΗΣ ΠΑΠΑΔΑΚΗ", "Ελενη Παπαδακη"),  # in capitals, as some sites set it
        ("Της Αθηνάς Παπαδάκη", "Αθηνά Παπαδάκη"),  # a stressed ending: Athina
    ],
)
def test_a_greek_womans_genitive_in_capitals_or_stressed_is_put_back(
    credit: str, name: str
) -> None:
    changed = _normalize_changed("byline-greek-article.txt", "Της Ελένης Παπαδάκη", credit)
    assert changed.byline == [name]


def test_a_greek_article_before_the_editorial_staff_signs_no_one() -> None:
    # `Της Σύνταξης` (of the editorial staff): the house's credit, no person's name.
    assert _normalize("byline-greek-house.txt").byline == []


def test_a_greek_article_before_an_organisation_names_no_person() -> None:
    # `Του ΑΠΕ-ΜΠΕ`: the Greek news agency signs, as `Associated Press` alone does.
    assert _normalize("byline-greek-agency.txt").byline == ["ΑΠΕ-ΜΠΕ"]
    # Any other organisation's acronym after the article is no person either: a person signs
    # with a given and a family name.
    changed = _normalize_changed("byline-greek-agency.txt", "Του ΑΠΕ-ΜΠΕ", "Της ΕΡΤ")
    assert changed.byline == []


def test_a_bracketed_credit_opening_the_first_paragraph_signs_the_story() -> None:
    # `〔記者林志明／高雄報導〕…`, under a bare date and no other credit.
    assert _normalize("byline-cjk-lead-credit.txt").byline == ["林志明"]


def test_the_masthead_with_its_edition_after_the_writer_is_no_second_writer() -> None:
    # `Por Carlos Henrique Lima, Correio Serrano Taubaté`: the site over the headline, then its
    # local edition; a second writer there would be kept (`Por Ana Souza, Carlos Lima`).
    assert _normalize("byline-masthead-edition.txt").byline == ["Carlos Henrique Lima"]
    changed = _normalize_changed(
        "byline-masthead-edition.txt", "Correio Serrano Taubaté\n0", "Ana Souza\n0"
    )
    assert changed.byline == ["Carlos Henrique Lima", "Ana Souza"]


def test_an_only_update_stamp_timed_to_the_second_dates_the_story() -> None:
    # `Chennai | Updated: March 3, 2024 09:15:42 am`: a newsroom's stamp, no published one.
    article = _normalize("date-update-seconds.txt")
    assert article.date is not None and article.date.iso() == "2024-03-03"
    # Stated as a day alone, an update may come long after the story: no date then.
    changed = _normalize_changed("date-update-seconds.txt", " 09:15:42 am", "")
    assert changed.date is None


def test_a_first_published_foot_line_outranks_an_only_timed_update() -> None:
    # `Updated: Mar 1, 2024 10:31 IST` alone in the header, `First published on: 28-02-2024
    # 09:15 IST` at the story's foot: the story ran on the earlier day, not the update's.
    article = _normalize("date-update-first-published.txt")
    assert article.date is not None and article.date.iso() == "2024-02-28"
    # The same at the foot in other words and orders: the labelled day wins, not the update's.
    foot = "First published on: 28-02-2024 09:15 IST"
    for line in ("Originally published Feb 28, 2024", "Erstveröffentlichung: 28.02.2024"):
        changed = _normalize_changed("date-update-first-published.txt", foot, line)
        assert changed.date is not None and changed.date.iso() == "2024-02-28"


def test_a_live_page_with_entries_timed_alone_is_dated_by_its_timed_update() -> None:
    # `Last updated: 3 Mar 2024 16:58` over entries stamped `16:58`, `16:31`: one day's page.
    article = _normalize("date-live-one-day.txt")
    assert article.date is not None and article.date.iso() == "2024-03-03"
    # An entry dated another day: the page ran over days, and its update is not its start.
    changed = _normalize_changed("date-live-one-day.txt", "\n15:00\n", "\n2 Mar 2024 15:00\n")
    assert changed.date is None


@pytest.mark.parametrize(
    "name",
    [
        "date-live-update-next-day.txt",  # `Last updated: 4 Mar 2024 09:12` over `16:58`, `16:31`
        "date-live-over-midnight.txt",  # `Last updated: 4 Mar 2024 00:41` over `00:05`, `23:47`
    ],
)
def test_a_live_page_with_an_entry_timed_after_its_update_is_not_dated_by_it(name: str) -> None:
    # An entry later in the day than the update ran on a day before it: the page's start.
    assert _normalize(name).date is None


def test_a_stamp_whose_weekday_is_no_day_of_its_date_gives_no_day() -> None:
    # `Monday, 05.03.2024`: 5 March 2024 was a Tuesday, so the weekday or the day is mistyped;
    # the month and year stand, the day is read from nowhere.
    article = _normalize_changed("weekday-dotted-date.txt", "Tuesday, 05", "Monday, 05")
    assert article.date is None or article.date.iso() in ("2024", "2024-03")
    assert article.byline == ["Amara Okafor"]


@pytest.mark.parametrize(
    "apposition",
    [
        "lawyer for the families, says",  # as the page writes it
        "a historian of the valley, says",
        "Professor of Law at Northvale University, said",
        "editor of the Gazette, says",
    ],
)
def test_a_standfirst_on_a_named_person_and_their_position_signs_nothing(apposition: str) -> None:
    # `Marta Kovac, lawyer for the families, says the ruling came too late for many`: a name,
    # its apposition, then the sentence's verb is a standfirst about someone; a credit line ends
    # with the writer's position (`Ruth Ellison, Professor of History at Northvale University`).
    old = "lawyer for the families, says"
    article = _normalize_changed("standfirst-name-apposition.txt", old, apposition)
    assert "Marta Kovac" not in article.byline


def test_a_catalan_writer_of_two_family_names_is_not_cut_at_their_i() -> None:
    # `Autor: Jordi Mas i Pujol, Tarragona`: one writer, whose two family names Catalan joins
    # with `i`, and the town the story comes from; no `Jordi Mas` and `Pujol`.
    assert "Jordi Mas" not in _normalize("byline-ca-two-family-names.txt").byline


def test_a_zone_spelled_out_after_a_wires_time_is_no_writer() -> None:
    # `June 17, 2025 09:30 AM Pacific Daylight Time`: the day stands, the zone signs nothing.
    article = _normalize("date-spelled-zone.txt")
    assert article.byline == []
    assert article.date is not None and article.date.iso() == "2025-06-17"


def test_a_text_and_photos_credit_names_the_writer() -> None:
    # `Texte et photos : Camille Vautrin` under the standfirst: the writer took the pictures.
    assert _normalize("byline-text-and-photos.txt").byline == ["Camille Vautrin"]
    for label in ("Text and photos:", "Texto y fotos:", "Text und Fotos:"):
        changed = _normalize_changed("byline-text-and-photos.txt", "Texte et photos :", label)
        assert changed.byline == ["Camille Vautrin"]


def test_a_bracketed_korean_kind_label_is_cut_from_the_headline() -> None:
    # `[속보] 한국은행, …`: the story's kind (breaking) set before the headline.
    article = _normalize("headline-korean-kind.txt")
    assert article.title == "한국은행, 기준금리 0.25%p 인하…연 2.50%"
    changed = _normalize_changed("headline-korean-kind.txt", "[속보] ", "[단독] ")
    assert changed.title == "한국은행, 기준금리 0.25%p 인하…연 2.50%"
    # Opening a quotation, the bracket is the headline's own.
    changed = _normalize_changed("headline-korean-kind.txt", "[속보] 한국은행", "“[속보] 한국은행")
    assert changed.title is not None and changed.title.startswith("“[속보]")


def test_a_translators_credit_is_no_writer() -> None:
    # `Traducción de Marta Gil Serrano` under the date: she translated the piece, not wrote it.
    assert _normalize("byline-translator.txt").byline == []
    for label in ("Tradução de", "Translated by", "Übersetzt aus dem Englischen von"):
        changed = _normalize_changed("byline-translator.txt", "Traducción de", label)
        assert changed.byline == []


def test_a_brazilian_short_date_between_dots_dates_the_story() -> None:
    # `14.out.2024 às 18h30`: the month abbreviated between dots, as Brazilian papers write it.
    article = _normalize("date-brazilian-short.txt")
    assert article.date is not None and article.date.iso() == "2024-10-14"
    changed = _normalize_changed("date-brazilian-short.txt", "14.out.2024", "2.set.2025")
    assert changed.date is not None and changed.date.iso() == "2025-09-02"
    # `set` and `out` are words elsewhere: never a month without the dots and the year.
    assert find_date("Ganhou 3 set a 1") is None and find_date("saiu 2 out 2024") is None


def test_a_japanese_desk_before_the_writers_name_is_no_part_of_it() -> None:
    # `社会部　佐藤 遥` under the date: the city desk, then the writer.
    assert _normalize("byline-japanese-desk.txt").byline == ["佐藤 遥"]
    changed = _normalize_changed("byline-japanese-desk.txt", "社会部　", "豊橋支局 ")
    assert changed.byline == ["佐藤 遥"]


def test_a_columnists_name_over_a_line_calling_them_one_signs_the_column() -> None:
    # `Inés Carvajal Ortúzar` / `Politóloga, … y columnista de Foro Global` / the headline: a
    # column's box over its headline, not a menu entry.
    assert _normalize("byline-columnist-box.txt").byline == ["Inés Carvajal Ortúzar"]
    # Over a line that calls them nothing of the kind, a name there is a menu's or a teaser's.
    changed = _normalize_changed("byline-columnist-box.txt", " y columnista de Foro Global", "")
    assert changed.byline != ["Inés Carvajal Ortúzar"]


def test_a_surname_ending_in_be_is_no_desk() -> None:
    # `服部 真由美` under the date: `服部` is her family name, not a desk (`社会部`).
    assert _normalize("byline-japanese-surname-be.txt").byline == ["服部 真由美"]
    for name in ("阿部 寛之", "長谷部 誠"):
        changed = _normalize_changed("byline-japanese-surname-be.txt", "服部 真由美", name)
        assert changed.byline == [name]


def test_a_dotted_month_inside_a_file_name_dates_nothing() -> None:
    # `merenda_v2.out.2024.xlsx`: a file's name, not the 2nd of October.
    assert _normalize("date-file-name-dotted-month.txt").date is None
    assert find_date("relatorio.2.set.2025") is None


def test_a_translators_credit_after_the_writer_adds_no_writer() -> None:
    # `Por Ana Souza | Tradução de João Ribeiro`: she wrote it, he translated it.
    assert _normalize("byline-writer-then-translator.txt").byline == ["Ana Souza"]


def test_a_desk_then_a_menu_entry_under_the_date_signs_nothing() -> None:
    # `編集部　最新記事` (editorial desk, latest articles): a menu, not a writer.
    menu = "編集部　最新記事"
    assert _normalize_changed("byline-japanese-surname-be.txt", "服部 真由美", menu).byline == []


def test_a_japanese_name_with_the_iteration_mark_alone_over_the_date_signs() -> None:
    # `佐々木 健` over the date: `々` repeats the character before it, inside a name.
    assert _normalize("byline-japanese-iteration-mark.txt").byline == ["佐々木 健"]
    changed = _normalize_changed("byline-japanese-iteration-mark.txt", "佐々木 健", "野々村 真")
    assert changed.byline == ["野々村 真"]
    # Never as a name's first character.
    assert not creditline.is_cjk_name("々木 健")


def test_a_serbian_or_croatian_genitive_month_after_its_day_dates_the_story() -> None:
    # `12. oktobra 2024.`: the Latin genitive after the day, with the ordinal dots.
    article = _normalize("date-serbian-latin-genitive.txt")
    assert article.date is not None and article.date.iso() == "2024-10-12"
    changed = _normalize_changed("date-serbian-latin-genitive.txt", "12. oktobra", "3. marta")
    assert changed.date is not None and changed.date.iso() == "2024-03-03"
    # `Marta`, `Maja` are given names (`Marta 12` in a list of scores): never a month on their
    # own, nor without their day.
    for stamp in ("Marta 12", "maja 2024", "Maja 12, Ana 9"):
        changed = _normalize_changed(
            "date-serbian-latin-genitive.txt", "12. oktobra 2024. 09:40", stamp
        )
        assert changed.date is None
    assert find_date("Pobednice: Marta 12, Maja 9") is None


def test_a_pictures_and_text_credit_names_the_writer() -> None:
    # `Fotos e texto: Marta Figueiredo`: the credit with its two parts the other way round.
    assert _normalize("byline-pictures-and-text.txt").byline == ["Marta Figueiredo"]
    labels = ("Photos and text:", "Fotos y texto:", "Photos et texte :", "Text & Photos:")
    for label in labels:
        changed = _normalize_changed("byline-pictures-and-text.txt", "Fotos e texto:", label)
        assert changed.byline == ["Marta Figueiredo"]
    # A courtesy credit names no writer.
    changed = _normalize_changed(
        "byline-pictures-and-text.txt", "Fotos e texto:", "Text & Photos: courtesy of"
    )
    assert changed.byline == []


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # A row of platform links under a podcast episode's headline, opening on a brand in
        # lower case: its own block, not the rest of the headline.
        (
            "join-podcast-links.txt",
            "How a Two-Person Bakery Grew Into a Chain with Mara and Tom from Crumb",
        ),
        # A share counter's fields under the headline: a row, no sentence runs into it.
        ("join-share-counter.txt", "Harbour ferry fares to rise for the first time in six years"),
        # Headlines wrapped before a word in lower case still run on.
        (
            "join-wrapped-iphone.txt",
            "Apple cuts the price of its oldest iPhone as sales slow in China",
        ),
        (
            "join-wrapped-ebay.txt",
            "Online sellers fined for posting fake reviews on eBay and two rival marketplaces",
        ),
        (
            "join-wrapped-german.txt",
            "Warum die Landesregierung den Ausbau der Windkraft nicht länger bremsen will",
        ),
        # A headline broken after a small word runs on, past its kicker's mark or into a
        # brand's row of capitalised words.
        (
            "join-wrapped-kicker-pipe.txt",
            "Why the council should stop waiting for rent controls from Westminster",
        ),
        (
            "join-wrapped-ipad.txt",
            "Everything Apple Announced Today for the iPad Pro Max Ultra Edition",
        ),
    ],
)
def test_a_line_in_lower_case_runs_on_only_where_the_sentence_does(name: str, title: str) -> None:
    assert _normalize(name).title == title


def test_a_headline_opening_on_a_name_with_an_inner_capital_stands_apart_from_its_section() -> None:
    # `Digital` / `iPhone-Absatz in Europa bricht …`: the small `i` is the name's, and the
    # section's label over it is no first half of the headline.
    article = _normalize("title-section-over-inner-capital-de.txt")
    assert article.title == "iPhone-Absatz in Europa bricht im dritten Quartal ein"
    assert article.byline == ["Katrin Vogel"]


def test_hindi_in_after_a_number_is_no_marathi_may() -> None:
    # `15 में से 10` (ten of fifteen): Hindi `में` (in) is Marathi `मे` (May) with a nasal dot,
    # no day and month; the standfirst holding it is no dated line and the headline stands.
    article = _normalize("title-hindi-in-after-number.txt")
    assert article.title == "बिहार में दस नए मेडिकल कॉलेज खुलेंगे"
    assert article.byline == ["अमित कुमार"]
    assert article.date is not None and article.date.iso() == "2025-03-12"


def test_a_page_showing_only_its_script_notice_holds_no_article() -> None:
    # With scripts off the page shows a notice in place of its story: no headline, no text.
    with pytest.raises(SkipArticle, match="no article text"):
        _normalize("noarticle/script-notice.txt")


def test_a_headline_about_turning_scripts_off_is_the_story_s_title() -> None:
    # `… keep JavaScript disabled` reports what readers do; it tells this reader nothing.
    article = _normalize("headline-about-script-switch.txt")
    assert article.title == "Why a quarter of Tor users keep JavaScript disabled"
    assert article.byline == ["Priya Raman"]


def test_a_heading_alone_over_a_notice_holds_no_article() -> None:
    # The notice's own heading (a question of a headline's shape) is all that is left once the
    # notice is furniture: a story says more than its headline.
    with pytest.raises(SkipArticle, match="no article text"):
        _normalize("noarticle/notice-heading.txt")


def test_a_malay_short_december_between_day_and_year_dates_the_story() -> None:
    # `Selasa, 16 Des 2025 10:05 MYT` under the headline: `Des` is December between a day and
    # a year, though French `des` (of the) is not read as a month.
    article = _normalize("date-malay-december-short.txt")
    assert article.date is not None and article.date.iso() == "2025-12-16"
    assert article.byline == ["Nurul Aisyah Kamaruddin"]
    assert find_date("Il a reçu 2 des 2000 voix exprimées.") is None


def test_an_embargo_label_over_its_date_is_no_writer() -> None:
    # `EMBARGOED UNTIL 00:01 BST, TUESDAY 14 OCTOBER 2025`: a release's label ends on the
    # preposition that governs its date; no name does.
    article = _normalize("byline-embargo-label.txt")
    assert article.title == "Soil microbes found to break down common plastic film within months"
    assert article.byline == []
    assert article.date is not None and article.date.iso() == "2025-10-14"


def test_turkish_follow_and_subscribe_buttons_are_no_writers() -> None:
    # `Takip Et` / `Abone Ol` (follow, subscribe) over the writer's name under the date.
    article = _normalize("byline-subscribe-button-tr.txt")
    assert article.byline == ["Ayşe Nur Karaca"]


def test_a_quotation_in_capitals_over_the_headline_is_its_kicker() -> None:
    # `'THE CEILING JUST GAVE WAY …' SAYS SHAKEN DINER` over the headline in sentence case: a
    # tabloid's quote kicker, whose words the story quotes again, is no headline.
    article = _normalize("title-caps-quote-kicker.txt")
    assert article.title == (
        "Restaurant roof collapses in Whitby during Sunday lunch leaving four hurt"
    )
    assert article.byline == ["Leanne Cawthorne"]
    assert article.date is not None and article.date.iso() == "2025-11-16"


def test_a_film_s_writer_in_a_review_s_facts_signs_no_one() -> None:
    # `Writer: Tom Hale` among the film's `Director:`, `Stars:` and `Runtime:`: the film's
    # screenwriter, not the review's writer.
    article = _normalize("byline-film-facts-writer.txt")
    assert article.title == "Review: The Long Winter is a quiet triumph"
    assert article.byline == []


def test_a_region_s_job_alone_over_the_date_signs_no_one() -> None:
    # `Latin America editor` over the date: a job's title opens on a capital, so the lower-case
    # `editor` ends a job whose region is `Latin America`, no one's name.
    assert _normalize("byline-region-job-alone.txt").byline == []
    # A name run into that job still signs.
    old, new = "Latin America editor", "Jane Doe Latin America editor"
    assert _normalize_changed("byline-region-job-alone.txt", old, new).byline == ["Jane Doe"]


def test_a_book_s_author_in_a_review_s_facts_signs_no_one() -> None:
    # `Szerző: Kovács Anna` (Hungarian: author) among the book's `Kiadó:` (publisher) and
    # `Oldalszám:` (pages): the novel's author, not the review's writer.
    assert _normalize("byline-book-facts-writer-hu.txt").byline == []


@pytest.mark.xfail(
    strict=True,
    reason="gap: a line of the story's subjects' names between the headline and its `By` line "
    "(`Maria Lopez and Tom Hale` / `By Ann Lee`) is taken as the headline",
)
def test_a_line_of_subjects_names_under_the_headline_is_no_title() -> None:
    article = _normalize("title-subjects-over-byline.txt")
    assert article.title == "Two painters, one studio and forty years of arguments"
    assert article.byline == ["Ann Lee"]


def test_a_vietnamese_weekday_of_two_words_is_no_writer() -> None:
    # `Thứ Sáu, 14/03/2025 06:00`: Vietnamese names its weekdays in two words (`Thứ Sáu`,
    # Friday), which look like a name; the date line signs no one.
    article = _normalize("vi-weekday-date-line.txt")
    assert article.byline == []
    assert article.date is not None and article.date.iso() == "2025-03-14"


def test_a_vietnamese_masthead_day_is_no_other_story_stamp() -> None:
    # `Thứ hai, 07/12/2026` over the menus is the day the page was printed, not the stamp of a
    # story listed beside the headline's own `14/03/2025 06:00`.
    article = _normalize("vi-masthead-weekday.txt")
    assert article.date is not None and article.date.iso() == "2025-03-14"


def test_a_bare_quotation_in_capitals_over_a_standfirst_is_the_headline() -> None:
    # `'I STILL CAN'T BELIEVE SHE'S GONE'` names no speaker after it: the tabloid's headline,
    # with its standfirst in sentence case under it, no kicker.
    article = _normalize("title-caps-quote-headline.txt")
    assert article.title == "'I STILL CAN'T BELIEVE SHE'S GONE'"
    assert article.byline == ["Leanne Cawthorne"]
