"""Metadata of saved pages chosen on evidence: local dates, decoded titles, the byline zone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml.html import fromstring

from indexer.normalize.metadata import PageMeta, plain, read_page
from indexer.normalize.pagebyline import page_byline, pen_name, read_credit, tidy_name
from indexer.normalize.pagedate import choose_date, local_date
from indexer.normalize.pagetitle import choose_title, strip_site, without_episode


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2026-07-10T00:50:17+02:00", "2026-07-10"),  # 22:50 UTC the day before
        ("2024-10-16T00:00:00+08:00", "2024-10-16"),
        ("2016-10-03T02:30:57.000Z", "2016-10-03"),
        ("Mon, 03 Oct 2016 23:30:00 -0700", "2016-10-03"),
        ("2025-01", "2025-01"),
    ],
)
def test_local_date_keeps_the_pages_own_day(stamp: str, day: str) -> None:
    date = local_date(stamp)
    assert date is not None and date.iso() == day


def test_entities_are_decoded_even_twice() -> None:
    assert plain("Depot&amp;#8217;s  night&nbsp;shift") == "Depot’s night shift"
    assert plain("R&uuml;ckbau &quot;jetzt&quot;") == 'Rückbau "jetzt"'


def test_a_logo_heading_is_no_headline() -> None:
    page = read_page(
        fromstring(
            "<html><head><title>Frost hits orchards - Hill Weekly</title></head><body>"
            "<h1>Hill Weekly</h1><h1>Frost hits orchards</h1><p>Text.</p></body></html>"
        )
    )
    assert choose_title(page, None, None, None) == ("Frost hits orchards", "heading")


def test_a_heading_linked_to_the_front_page_is_the_logo() -> None:
    page = read_page(
        fromstring(
            "<html><head><title>Frost hits orchards - Hill Weekly</title></head><body>"
            '<h1><a href="https://hillweekly.example/">hillweekly</a></h1>'
            '<h1><a href="/2024/05/frost-hits-orchards">Frost hits orchards</a></h1>'
            "<p>Text.</p></body></html>"
        )
    )
    assert page.logos == ["hillweekly"]
    assert page.headings == ["Frost hits orchards"]
    # A script's route after the front page's address (`/#!…`) links a story, no front page.
    page = read_page(
        fromstring(
            '<html><body><h1><a href="/#!5781234/frost-hits-orchards">Frost hits orchards</a>'
            "</h1><p>Text.</p></body></html>"
        )
    )
    assert page.logos == []
    assert page.headings == ["Frost hits orchards"]


def test_a_teaser_cards_article_header_is_no_heading() -> None:
    # No `<h1>` but the logo: the `<h2>` of an `<article>`'s `<header>` heads the story only
    # where that article holds the story's paragraphs, not a sidebar's card.
    story = "<p>" + "The night buses return in April, the board said. " * 6 + "</p>"
    page = read_page(
        fromstring(
            '<html><body><h1><a href="/">Valley Courier</a></h1>'
            f'<div class="entry"><h2>Late bus routes return in April</h2>{story}</div>'
            "<aside><article><header><h2>Drivers say late routes return too soon</h2></header>"
            "<p>The union wants more drivers.</p></article></aside></body></html>"
        )
    )
    assert page.headings == []


def test_a_guess_that_copies_the_logo_is_no_headline() -> None:
    page = read_page(
        fromstring(
            "<html><head><title>Frost hits orchards in the valley | Hill Weekly</title></head>"
            '<body><h1><a href="/">hillweekly</a></h1><p>Text.</p></body></html>'
        )
    )
    assert choose_title(page, None, "hillweekly", None) == (
        "Frost hits orchards in the valley",
        "title",
    )


@pytest.mark.parametrize(
    ("title", "site", "kept"),
    [
        ("Ferry fares rise - Ledger", "Ledger", "Ferry fares rise"),
        ("Ferry fares rise|Ledger", "Ledger", "Ferry fares rise"),
        ("渡轮票价上涨-海港网", "海港网", "渡轮票价上涨"),  # no spaces in the script: a separator
        ("Why your brain is hard-wired", "Wired", "Why your brain is hard-wired"),
        ("Ledger/Northfield poll: voters back the plan", "Ledger", None),
    ],
)
def test_a_sites_name_is_cut_at_a_separator_not_from_a_compound(
    title: str, site: str, kept: str | None
) -> None:
    assert strip_site(title, site) == (kept or title)


def test_title_without_any_echo_falls_back_to_the_page_title() -> None:
    page = PageMeta(title_tag="Frost hits orchards in the valley | Hill Weekly")
    assert choose_title(page, None, None, None) == ("Frost hits orchards in the valley", "title")


def test_a_lone_heuristic_date_is_not_taken() -> None:
    page = read_page(
        fromstring(
            "<html><body><h1>Frost hits orchards</h1><p>Growers counted the cost.</p>"
            "<p>Council meeting, 14 March 2019</p><p>Fair opens, 2 June 2020</p></body></html>"
        )
    )
    guessed = local_date("2019-03-14")
    assert choose_date(page, guessed=guessed, text=None, url=None, title="Frost hits") is None
    # The same date written beside the headline is a second source.
    near = read_page(
        fromstring(
            "<html><body><h1>Frost hits orchards</h1><p>14 March 2019</p>"
            "<p>Growers counted the cost.</p><p>Fair opens, 2 June 2020</p></body></html>"
        )
    )
    chosen = choose_date(near, guessed=guessed, text=None, url=None, title="Frost hits orchards")
    assert chosen is not None and chosen[0].iso() == "2019-03-14"


def test_an_update_stamp_is_no_publication_date() -> None:
    page = read_page(
        fromstring(
            '<html><head><meta property="article:modified_time" content="2025-01-07T09:08:22">'
            "</head><body><h1>Video rules</h1><p>Last Updated: January 7, 2025</p></body></html>"
        )
    )
    guessed = local_date("2025-01-07")
    assert choose_date(page, guessed=guessed, text=None, url=None, title="Video rules") is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Hannah Osei and Mateo Rivas", ["Hannah Osei", "Mateo Rivas"]),
        ("Pete Evans · CBC News · Posted: Oct 14, 2022 9:27 AM ET", ["Pete Evans"]),
        ("By Associated Press", ["Associated Press"]),
        ("Von Konstantin Furrer", ["Konstantin Furrer"]),
        # A date, initials or a title glued on without a separator the name parser knows.
        ("Written by Hannah Osei on May 3, 2019", ["Hannah Osei"]),
        ("Von Konstantin Furrer (kf)", ["Konstantin Furrer"]),
        ("By Mateo Rivas Staff Writer", ["Mateo Rivas"]),
        ("Hannah Osei Contributing Editor", ["Hannah Osei"]),
        # Names whose capital is accented.
        ("Von Ömer Çelik und Łukasz Nowak", ["Ömer Çelik", "Łukasz Nowak"]),
        ("Por Álvaro Órfão", ["Álvaro Órfão"]),
        # The date's weekday before it is no part of the name, in any script.
        ("بقلم: أحمد خالد الثلاثاء 14 يناير 2025", ["أحمد خالد"]),
        ("Written by Hannah Osei on Tuesday, May 3, 2019", ["Hannah Osei"]),
        # The date's label is no name, nor the place a comma puts before it.
        ("Jana Nováková, Brno Publikováno: 12. března 2025", ["Jana Nováková"]),
        ("सुनील पाटील, नाशिक प्रकाशित: ०६ डिसेंबर २०२६", ["सुनील पाटील"]),
    ],
)
def test_a_byline_text_is_read_as_a_credit(text: str, names: list[str]) -> None:
    found = read_credit(text)
    assert found is not None and found[0] == names


@pytest.mark.parametrize(
    "text",
    [
        "More stories",
        "Share this article",
        "Tech Industry News Desk",
        "Staff Writer",
        "Last Updated: January 7, 2025",
    ],
)
def test_other_marked_text_is_no_credit(text: str) -> None:
    assert read_credit(text) is None


def test_tidy_name_drops_labels_and_initials() -> None:
    assert tidy_name("Autor Monika Bolliger") == "Monika Bolliger"
    assert tidy_name("Elena Oberholzer (obe)") == "Elena Oberholzer"


def test_tidy_name_writes_a_doubled_name_once_and_drops_numbers() -> None:
    assert tidy_name("Code Sync Code Sync") == "Code Sync"
    assert tidy_name("Li Li") == "Li Li"
    assert tidy_name("105092") is None


def test_the_byline_zone_skips_sidebars_and_social_links() -> None:
    tree = fromstring(
        '<html><body><aside class="related"><span class="author">By Priya Lal</span></aside>'
        '<div class="byline">By <a href="/author/hosei">Hannah Osei</a>'
        '<a class="twitter" href="https://twitter.com/h">@hosei</a></div></body></html>'
    )
    assert page_byline(tree) == (["Hannah Osei"], None)


def test_a_headline_linked_to_its_own_page_makes_no_teaser() -> None:
    # The template links the story's own `<h1>` to its permalink; the byline beside it stands.
    page = Path(__file__).parent / "data" / "normalize" / "byline-permalink-headline.html"
    assert page_byline(fromstring(page.read_text(encoding="utf-8"))) == (["Ines Moreau"], None)


def test_a_section_kicker_linked_over_the_headline_makes_no_teaser() -> None:
    # The story's header: a kicker heading linked to its section, the `<h1>`, the byline.
    page = Path(__file__).parent / "data" / "normalize" / "byline-section-kicker.html"
    assert page_byline(fromstring(page.read_text(encoding="utf-8"))) == (["Nell Ostrander"], None)


def test_a_teaser_made_one_link_is_no_byline() -> None:
    tree = fromstring(
        "<html><body><h1>Bridge reopens</h1><p>The bridge reopened on Friday.</p>"
        '<div class="grid"><a href="/2024/05/ferry-fares/"><div class="inner">'
        '<h3>Ferry fares to rise by a tenth</h3><span class="author">Tom Reyes</span>'
        "</div></a></div></body></html>"
    )
    assert page_byline(tree) is None


def test_a_vcard_byline_is_read() -> None:
    tree = fromstring(
        "<html><body><h1>Bridge reopens</h1>"
        '<p class="meta"><span class="author vcard"><a class="url fn n" href="/?author=4">'
        "Tomas Varga</a></span></p><p>The bridge reopened on Friday.</p></body></html>"
    )
    assert page_byline(tree) == (["Tomas Varga"], None)


def _head(tags: str) -> PageMeta:
    """The metadata of a page with these head tags and a one-line story."""
    return read_page(fromstring(f"<html><head>{tags}</head><body><p>Text.</p></body></html>"))


def test_a_same_day_update_does_not_hide_the_publication_date() -> None:
    page = _head(
        '<meta property="article:published_time" content="2024-03-05T09:00:00+01:00">'
        '<meta property="article:modified_time" content="2024-03-05T17:30:00+01:00">'
    )
    chosen = choose_date(page, guessed=None, text=None, url=None)
    assert chosen is not None and chosen[0].iso() == "2024-03-05"


def test_a_publication_stamp_that_is_the_update_gives_way_to_an_earlier_one() -> None:
    page = _head(
        '<meta name="date" content="2024">'  # a year alone never breaks the comparison
        '<meta property="article:published_time" content="2024-04-20T10:00:00+01:00">'
        '<meta name="dc.date" content="2024-03-05">'
        '<meta property="article:modified_time" content="2024-04-20T10:00:00+01:00">'
    )
    chosen = choose_date(page, guessed=None, text=None, url=None)
    assert chosen is not None and chosen[0].iso() == "2024-03-05"


def test_an_h1_the_page_title_repeats_beats_a_rewritten_social_title() -> None:
    page = _head(
        "<title>Frost hits orchards across the valley | Hill Weekly</title>"
        '<meta property="og:title" content="You will not believe what frost did here">'
    )
    page.headings = ["Frost hits orchards across the valley"]
    assert choose_title(page, "Hill Weekly", None, None) == (
        "Frost hits orchards across the valley",
        "heading",
    )


def test_a_site_name_glued_to_the_title_is_removed() -> None:
    page = _head('<meta property="og:title" content="Frost hits orchards:Hill Weekly">')
    assert choose_title(page, "Hill Weekly", None, None) == ("Frost hits orchards", "meta")


def _ld_dated(published: str, modified: str, tags: str) -> str | None:
    """The day chosen for a page whose JSON-LD states these stamps, beside these meta tags."""
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Frost",'
        f' "datePublished": "{published}", "dateModified": "{modified}"}}</script>'
    )
    chosen = choose_date(_head(ld + tags), guessed=None, text=None, url=None)
    return chosen[0].iso() if chosen else None


def test_a_first_version_hours_before_midnight_utc_is_no_earlier_publication() -> None:
    # The JSON-LD stamp (1:05 UTC) is also the microdata's update stamp, and the microdata's own
    # publication stamp is three hours earlier, on the previous UTC day: one evening's story
    # wherever the page is, not a page republished under its update's date.
    tags = (
        '<meta itemprop="datePublished" content="2023-05-09T21:55:00Z">'
        '<meta itemprop="dateModified" content="2023-05-10T01:05:00Z">'
    )
    assert _ld_dated("2023-05-10T01:05:00Z", "2023-05-10T17:20:00Z", tags) == "2023-05-10"


def test_a_page_republished_a_day_later_keeps_its_first_date() -> None:
    tags = '<meta property="article:published_time" content="2023-05-09T21:55:00Z">'
    assert _ld_dated("2023-05-12T01:05:00Z", "2023-05-12T01:05:00Z", tags) == "2023-05-09"


@pytest.mark.parametrize(
    "byline",
    [
        '<span class="author">Staff</span>',
        '<span class="author">by Admin</span>',
        '<div class="byline">Share</div>',
        '<div class="byline">jane doe and friends</div>',
        '<a href="/u/login">Sign in</a>',
        '<a href="/users/someone-else">kestrel</a>',
    ],
)
def test_a_label_button_or_unlinked_word_is_no_pen_name(byline: str) -> None:
    assert pen_name(fromstring(f"<html><body><h1>Notes</h1>{byline}</body></html>")) is None


def test_a_pen_name_dated_in_its_byline_element_is_read() -> None:
    tree = fromstring(
        '<html><body><h1>Notes</h1><div class="author-box">Paul December 23, 2016</div>'
        "</body></html>"
    )
    assert pen_name(tree) == "Paul"


def _body_dated(body: str) -> str | None:
    """The day chosen for a page with no stated date and no reader's date, from its body."""
    page = read_page(fromstring(f"<html><body><h1>Frost hits orchards</h1>{body}</body></html>"))
    chosen = choose_date(page, guessed=None, text=None, url=None, title="Frost hits orchards")
    return chosen[0].iso() if chosen else None


def test_the_only_date_a_page_shows_beside_its_headline_dates_it() -> None:
    header = "<p>Jane Doe <span>12/15/2016</span></p><p>Growers counted the cost.</p>"
    assert _body_dated(header) == "2016-12-15"
    # A second date elsewhere on the page leaves it undated: no date beats a wrong one.
    assert _body_dated(header + "<p>Fair opens, 2 June 2020</p>") is None


def _kicked(heading: str, tags: str = "") -> str | None:
    """The title chosen for a page with no `<title>` whose only `<h1>` is `heading`, which
    trafilatura copies (a line break read as a space)."""
    page = read_page(fromstring(f"<html><head>{tags}</head><body><h1>{heading}</h1></body></html>"))
    guessed = " ".join(fromstring(heading.replace("<br>", " ")).text_content().split())
    chosen = choose_title(page, None, guessed, None)
    return chosen[0] if chosen else None


def test_a_kicker_set_apart_by_styling_in_the_h1_is_no_part_of_the_headline() -> None:
    heading = '<span class="kicker">Exclusive</span> Ferry fares to rise<br>by a fifth'
    assert _kicked(heading) == "Ferry fares to rise by a fifth"


def test_a_kicker_joined_by_a_colon_stays_unless_the_metadata_drops_it() -> None:
    heading = '<span class="kicker">Ukraine:</span> Grain corridor reopens to ships'
    assert _kicked(heading) == "Ukraine: Grain corridor reopens to ships"
    og = '<meta property="og:title" content="Grain corridor reopens to ships">'
    assert _kicked(heading, og) == "Grain corridor reopens to ships"


def test_a_kicker_the_metadata_keeps_stays_in_the_headline() -> None:
    heading = '<span class="kicker">Exclusive</span> Ferry fares to rise'
    og = '<meta property="og:title" content="Exclusive Ferry fares to rise">'
    assert _kicked(heading, og) == "Exclusive Ferry fares to rise"


@pytest.mark.parametrize(
    ("shown", "clock"),
    [
        ("2025年3月3日 8時30分", (8, 30)),
        ("2025年3月3日 午後8時30分", (20, 30)),  # after noon
        ("2025年3月3日 下午8时30分", (20, 30)),
        ("2025년 3월 3일 오후 8시 30분", (20, 30)),
        ("2025年3月3日 午前0時5分", (0, 5)),
    ],
)
def test_a_time_of_day_in_cjk_script_is_read_with_its_half_of_the_day(
    shown: str, clock: tuple[int, int]
) -> None:
    page = read_page(fromstring(f"<html><body><h1>会議</h1><p>{shown}</p></body></html>"))
    assert [found[3:] for _, found in page.shown_clocks] == [clock]


@pytest.mark.parametrize(
    ("title", "rest"),
    [
        ("Ep. 14: Why the ferry schedule keeps changing", "Why the ferry schedule keeps changing"),
        ("The Harbour Dispatch #88: Fares rise again", "Fares rise again"),  # a series' name
        ("#12 | Fares rise again", "Fares rise again"),
        # A sentence before the number is part of the headline, no series' name.
        ("Fans rank the #1: Harbour Market Chowder", "Fans rank the #1: Harbour Market Chowder"),
        # ... in Title Case too: an article before the number makes it a rank, not an episode.
        ("Fans Rank The #1: Harbour Market Chowder", "Fans Rank The #1: Harbour Market Chowder"),
        ("Readers Pick Our #3 | Market Chowder", "Readers Pick Our #3 | Market Chowder"),
    ],
)
def test_an_episode_number_and_series_name_open_a_title(title: str, rest: str) -> None:
    assert without_episode(title) == rest


def _trail(steps: str, under: str = "") -> PageMeta:
    """A page whose breadcrumb trail holds `steps`, with `under` set between it and the text."""
    story = "<p>" + "The harbour board met on Tuesday to hear the operator's case. " * 4 + "</p>"
    return read_page(
        fromstring(f'<html><body><nav class="crumbs">{steps}</nav>{under}{story}</body></html>')
    )


def test_the_page_name_ending_a_breadcrumb_trail_gives_way_to_the_heading_under_it() -> None:
    steps = '<a href="/">Home</a> › <a href="/local">Local</a> › <h1>Ferry fares to rise 20%</h1>'
    page = _trail(steps, "<h2>Crossing the bay will cost a fifth more</h2>")
    assert page.headings == ["Crossing the bay will cost a fifth more"]
    assert page.trail_names == ["Ferry fares to rise 20%"]
    # Without a heading under the trail, its last step is the only headline the page shows.
    assert _trail(steps).headings == ["Ferry fares to rise 20%"]


def test_a_heading_in_a_menu_is_no_step_of_a_trail() -> None:
    # Links after it (a menu), or words of the trail's own outside its links, make no trail.
    menu = '<a href="/">Home</a><h1>Ferry fares to rise 20%</h1><a href="/sport">Sport</a>'
    told = '<a href="/">Home</a> Updated daily <h1>Ferry fares to rise 20%</h1>'
    for steps in (menu, told):
        page = _trail(steps, "<h2>Crossing the bay will cost a fifth more</h2>")
        assert page.headings == ["Ferry fares to rise 20%"]


@pytest.mark.parametrize(
    "social",
    [
        "Crossing the bay will cost a fifth more",  # the headline without its kicker
        "Transport: Crossing the bay will cost a fifth more",  # the two on one line
    ],
)
def test_the_social_title_of_the_heading_under_the_trail_beats_its_seo_name(social: str) -> None:
    seo = "Ferry fares to rise 20% from April"
    ld = json.dumps({"@type": "NewsArticle", "headline": seo})
    head = (
        f'<title>{seo} | Harbour Post</title><meta property="og:title" content="{social}">'
        f'<script type="application/ld+json">{ld}</script>'
    )
    steps = f'<a href="/">Home</a> › <a href="/local">Local</a> › <h1>{seo}</h1>'
    under = '<h2><span class="kicker">Transport</span> Crossing the bay will cost a fifth more</h2>'
    story = "<p>" + "The harbour board met on Tuesday to hear the operator's case. " * 4 + "</p>"
    page = read_page(
        fromstring(
            f'<html><head>{head}</head><body><nav class="crumbs">{steps}</nav>{under}{story}'
            "</body></html>"
        )
    )
    assert choose_title(page, "Harbour Post", seo, None) == (social, "meta")


def test_a_heading_set_under_a_trails_own_list_is_no_step_of_it() -> None:
    # A wrapper the template names after the trail holds the trail's list, then the headline:
    # the `<h1>` follows the trail, it does not end it, and the deck under it is no headline.
    steps = (
        '<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/local">Local</a></li>'
        "</ol><h1>Ferry fares to rise 20% from April</h1>"
    )
    page = _trail(steps, "<h2>Operator blames fuel and new crew contracts</h2>")
    assert page.headings == ["Ferry fares to rise 20% from April"]
    assert page.trail_names == []
