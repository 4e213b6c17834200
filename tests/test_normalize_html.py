"""Saved HTML pages: trafilatura for the text; JSON-LD and meta tags first for the metadata."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from indexer.errors import SkipArticle
from indexer.models import Article, PartialDate, RawRecord
from indexer.normalize import normalize

DATA = Path(__file__).resolve().parent / "data" / "normalize"
PAGES = sorted(p.stem for p in DATA.glob("*.html") if p.with_suffix(".expected.json").exists())


def _page(name: str, fields: dict[str, Any] | None = None) -> Article:
    """Normalise one saved page, with optional sidecar fields."""
    path = DATA / f"{name}.html"
    record = RawRecord(
        id=name,
        file=path.name,
        path=path,
        kind="html",
        text=path.read_text(encoding="utf-8"),
        fields=fields or {},
    )
    return normalize(record)


@pytest.mark.parametrize("name", PAGES)
def test_pages_match_what_an_editor_expects(name: str) -> None:
    expected = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))
    if expected.get("skip"):
        with pytest.raises(SkipArticle):
            _page(name)
        return
    got = _page(name).to_dict()
    for field, value in expected.items():
        if field == "body_has":
            for phrase in value:
                assert phrase in got["body"], phrase
        elif field == "body_lacks":
            for phrase in value:
                assert phrase not in got["body"], phrase
        else:
            assert got[field] == value, field


def test_wire_story_on_a_portal() -> None:
    article = _page("wire-on-portal")
    # JSON-LD wins for the metadata it has; the text names the wire and the dateline.
    assert article.provenance["title"] == "jsonld"
    assert article.provenance["date"] == "jsonld"
    assert article.provenance["source"] == "dateline"
    assert article.provenance["publisher"] == "jsonld"
    assert article.provenance["body"] == "trafilatura"
    # 06:40 in Singapore (UTC+8) on the 5th: the page's own day, never moved to UTC's 4th.
    assert article.date is not None and article.date.iso() == "2025-03-05"
    assert article.body.count("\n\n") == 4


def test_meta_tags_when_there_is_no_json_ld() -> None:
    article = _page("meta-only")
    assert article.title == "Library reopens after flood repairs"  # without "| The Valley Courier"
    assert article.provenance["title"] == "meta"
    assert article.provenance["source"] == "meta"  # og:site_name; no wire credited


def test_sidecar_fields_win_over_the_page() -> None:
    article = _page(
        "meta-only",
        {"title": "Flood-hit library reopens", "date": "2024-11-03", "source": "reuters"},
    )
    assert article.title == "Flood-hit library reopens"
    assert article.date is not None and article.date.iso() == "2024-11-03"
    assert article.source == "Reuters"
    assert article.publisher == "The Valley Courier"
    assert {article.provenance[k] for k in ("title", "date", "source")} == {"sidecar"}


@pytest.mark.parametrize("html", ["", "   \n", "<html><body></body></html>"])
def test_empty_pages_are_skipped(html: str) -> None:
    record = RawRecord(id="e", file="e.html", path=DATA, kind="html", text=html)
    with pytest.raises(SkipArticle):
        normalize(record)


def test_extraction_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        for html in ("", "<html><body><nav><a href='/'>Home</a></nav></body></html>"):
            record = RawRecord(id="e", file="e.html", path=DATA, kind="html", text=html)
            with pytest.raises(SkipArticle):
                normalize(record)
        _page("jsonld-graph")
    noisy = [r for r in caplog.records if r.name.split(".")[0] in ("trafilatura", "htmldate")]
    assert noisy == []


_STORY = (
    "<p>"
    + (
        "The council approved the new budget on Monday after a long debate about road repairs "
        "and school funding in the district. "
    )
    * 3
    + "</p>"
)


def _inline(head: str, body: str, after: str = "") -> Article:
    """Normalise a small saved page given its head, the markup above the story and after it."""
    return _whole(head, f"<article>{body}{_STORY}{after}</article>")


def _whole(head: str, body: str) -> Article:
    """Normalise a small saved page given its head and its whole body."""
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return normalize(RawRecord(id="p", file="p.html", path=DATA, kind="html", text=html))


@pytest.mark.parametrize(
    "author",
    [
        '<span class="author">Submitted</span>',  # Drupal's `Submitted on …`
        # A commenter's handle (a handle in the story's own byline is its pen name).
        '<div class="comments"><div class="byline"><span class="author">Alcalino</span></div>'
        "<p>Great piece.</p></div>",
    ],
)
def test_a_guessed_author_must_read_as_a_name(author: str) -> None:
    article = _inline(
        "<title>Council passes budget</title>", f"<h1>Council passes budget</h1>{author}"
    )
    assert article.byline == []


def test_a_guessed_author_that_is_a_name_is_kept() -> None:
    author = '<span class="author">Jane Holloway</span>'
    article = _inline(
        "<title>Council passes budget</title>", f"<h1>Council passes budget</h1>{author}"
    )
    assert article.byline == ["Jane Holloway"]


def test_a_desk_in_the_author_meta_tag_gives_way_to_a_person() -> None:
    head = '<title>Council passes budget</title><meta name="author" content="National Desk">'
    shown = "<h1>Council passes budget</h1><p>By Jane Okafor</p>"
    assert _inline(head, shown).byline == ["Jane Okafor"]
    # With no one named, the desk is the newsroom's credit, as the page writes it.
    assert _inline(head, "<h1>Council passes budget</h1>").byline == ["National Desk"]


def test_the_site_name_after_a_double_dash_leaves_the_title() -> None:
    head = (
        '<meta property="og:title" content="Council passes budget -- Sott.net">'
        '<meta property="og:site_name" content="Sott.net">'
    )
    assert _inline(head, "<h1>Council passes budget</h1>").title == "Council passes budget"


def _stamped(published: str, modified: str | None = None) -> str:
    """A head whose JSON-LD states the publication (and update) instants."""
    ld: dict[str, Any] = {"@type": "NewsArticle", "headline": "Council passes budget"}
    ld |= {"datePublished": published} | ({"dateModified": modified} if modified else {})
    return f'<script type="application/ld+json">{json.dumps(ld)}</script>'


def test_a_utc_stamp_takes_the_local_day_shown_under_the_headline() -> None:
    # 23:40 UTC on the 5th is 00:40 on the 6th an hour east: the page shows its own day.
    article = _inline(
        _stamped("2024-03-05T23:40:00Z"),
        "<h1>Council passes budget</h1><p>6 March 2024 00:40</p>",
    )
    assert article.date == PartialDate(2024, 3, 6)


@pytest.mark.parametrize(
    "shown",
    [
        "<p>Updated 6 March 2024 00:30</p>",
        "<p>Last updated</p><p>6 March 2024</p>",
        "<p>Last updated</p><p>Wednesday, 6 March 2024</p>",  # the label's day opens on a weekday
        "<p>Last updated <time datetime='2024-03-06T00:30:00Z'>6 March 2024</time></p>",
    ],
)
def test_a_day_shown_only_as_the_update_never_moves_a_utc_stamp(shown: str) -> None:
    # The story went online at 23:40 UTC on the 5th; the day under its headline is its update's.
    article = _inline(
        _stamped("2024-03-05T23:40:00Z", "2024-03-06T00:30:00Z"),
        f"<h1>Council passes budget</h1>{shown}",
    )
    assert article.date == PartialDate(2024, 3, 5)
    article = _inline(_stamped("2024-03-05T23:40:00Z"), f"<h1>Council passes budget</h1>{shown}")
    assert article.date == PartialDate(2024, 3, 5)


def test_an_update_shown_the_day_before_a_utc_stamp_dates_the_story_on_that_day() -> None:
    # Published 01:30 UTC on the 6th, updated 03:02 UTC, which the page shows as 10:02 PM on the
    # 5th: no story is updated before it is published, so it went online on the 5th too.
    shown = "<div>Updated 10:02 PM EST, Tue March 5, 2024</div>"
    article = _inline(
        _stamped("2024-03-06T01:30:00Z", "2024-03-06T03:02:00Z"),
        f"<h1>Council passes budget</h1>{shown}",
    )
    assert article.date == PartialDate(2024, 3, 5)


@pytest.mark.parametrize(
    "shown",
    [
        # A related story's update, listed under the headline.
        '<ul><li><a href="/storm">Storm closes schools across the county</a>'
        "<span>Updated 9:15 PM, March 5, 2024</span></li></ul>",
        # A live entry's: its time is not the story's update in any zone.
        "<div>Updated 11:30 PM March 5, 2024</div>",
    ],
)
def test_another_storys_update_the_day_before_never_moves_a_utc_stamp(shown: str) -> None:
    # 08:00 UTC on the 6th, updated 09:10 UTC: a 9:15 PM or 11:30 PM update on the 5th is no
    # moment of this story's update, so it says nothing of its zone.
    article = _inline(
        _stamped("2024-03-06T08:00:00Z", "2024-03-06T09:10:00Z"),
        f"<h1>Council passes budget</h1>{shown}",
    )
    assert article.date == PartialDate(2024, 3, 6)


def test_a_shown_day_on_the_update_day_counts_where_it_shows_the_publications_moment() -> None:
    # 23:20 UTC on the 11th is 00:20 on the 12th in Madrid; the update fell on the 12th too
    # (in UTC), but the time shown is the publication's own moment there, not the update's.
    head = _stamped("2024-03-11T23:20:00Z", "2024-03-12T08:41:00Z")
    body = "<h1>Council passes budget</h1><p>Madrid - 12 mar 2024 - 00:20 CET</p>"
    assert _inline(head, body).date == PartialDate(2024, 3, 12)
    # The address is dated on publication, never on an update: the shown day is the story's.
    url = '<link rel="canonical" href="https://paper.example/local/2024-03-12/budget.html">'
    assert _inline(head + url, body).date == PartialDate(2024, 3, 12)
    # The update's moment shown unlabelled on its day (09:41 CET) says nothing of the story's.
    body = "<h1>Council passes budget</h1><p>Madrid - 12 mar 2024 - 09:41 CET</p>"
    assert _inline(head, body).date == PartialDate(2024, 3, 11)


def test_a_time_of_day_in_cjk_script_shows_a_utc_stamps_local_day() -> None:
    # 23:30 UTC on the 2nd is 8:30 on the 3rd in Japan, as the page's `<time>` shows it; the
    # update (01:10 UTC) fell on the 3rd in UTC too.
    head = _stamped("2025-03-02T23:30:00Z", "2025-03-03T01:10:00Z")
    shown = "<time datetime='2025-03-02T23:30:00Z'>2025年3月3日 8時30分</time>"
    article = _inline(head, f"<h1>Council passes budget</h1><div>{shown}</div>")
    assert article.date == PartialDate(2025, 3, 3)


@pytest.mark.parametrize(
    ("shown", "day"),
    [
        ("<time datetime='2024-03-05T23:40:00Z'>Wednesday, 6 March 2024</time>", 6),
        # Two days on: no zone shows 23:40 UTC on the 5th on the 7th; a typo, not the page's day.
        ("<time datetime='2024-03-05T23:40:00Z'>Thursday, 7 March 2024</time>", 5),
    ],
)
def test_a_utc_time_element_shows_its_instants_local_day_in_words(shown: str, day: int) -> None:
    # The template renders the publication's `datetime` in the page's zone: 00:40 on the 6th.
    head = _stamped("2024-03-05T23:40:00Z", "2024-03-06T09:10:00Z")
    article = _inline(head, f"<h1>Council passes budget</h1><p>{shown}</p>")
    assert article.date == PartialDate(2024, 3, day)


# A related story's card after the story, stamped with the page's offset: its zone, east of UTC.
_ZONED_CARD = (
    "<aside><a href='/storm'>Storm closes island schools</a> "
    "<time datetime='2024-03-04T18:00:00+01:00'>4 March 2024</time></aside>"
)


@pytest.mark.parametrize(
    ("after", "zoned", "unzoned"),
    [
        # A share bar beside the story's own day leaves it the story's; where the page tells
        # nothing of its zone, that day may as well be the update's shown west of UTC.
        (
            "<div class='share'><a href='https://social.example/s?u=1'>Share on Facebook</a></div>",
            6,
            None,
        ),
        # Another story's headline linked after a day makes the day that card's.
        (
            "<a href='/news/bridge-closes-for-repairs/'>Bridge closes for repairs next week</a>",
            5,
            5,
        ),
    ],
)
def test_a_day_before_a_link_is_a_cards_only_where_the_link_is_a_story(
    after: str, zoned: int, unzoned: int | None
) -> None:
    # 23:40 UTC on the 5th is the 6th east of UTC; the update falls on the 6th too.
    head = _stamped("2024-03-05T23:40:00Z", "2024-03-06T09:10:00Z")
    shown = f"<div class='meta'><span class='date'>6 March 2024</span> {after}</div>"
    article = _inline(head, f"<h1>Council passes budget</h1>{shown}", _ZONED_CARD)
    assert article.date == PartialDate(2024, 3, zoned)
    article = _inline(head, f"<h1>Council passes budget</h1>{shown}")
    assert article.date == (unzoned and PartialDate(2024, 3, unzoned))


@pytest.mark.parametrize(
    ("box", "day"),
    [
        ("<dl class='event'><dt>Concert</dt><dd>Saturday, 14 June 2025</dd></dl>", 13),
        ("<dl class='event'><dt>Konzert</dt><dd>Samstag, 14. Juni 2025</dd></dl>", 13),
        # A term that names the page's stamp keeps its value the story's own day.
        ("<dl class='meta'><dt>Veröffentlicht</dt><dd>Samstag, 14. Juni 2025</dd></dl>", 14),
    ],
)
def test_a_fact_box_day_under_the_headline_is_no_local_day(box: str, day: int) -> None:
    # 23:30 UTC on the 13th falls on the 14th east of UTC; a definition list's value is
    # labelled by its term (the concert's day, the update's UTC day too), not the story's stamp.
    head = _stamped("2025-06-13T23:30:00Z", "2025-06-14T08:00:00Z")
    article = _inline(head, f"<h1>Council passes budget</h1>{box}")
    assert article.date == PartialDate(2025, 6, day)


@pytest.mark.parametrize(
    ("shown", "day"),
    [
        ("<p class='meta'><span>Publié le</span> <span>samedi 14 juin 2025</span></p>", 14),
        ("<p><time datetime='2025-06-13T23:30:00Z'>samedi 14 juin 2025</time></p>", 14),
        # Unlabelled, the day may be the update's shown west of UTC: none is sure.
        ("<p class='meta'><span>samedi 14 juin 2025</span></p>", None),
        # The update's own `<time>` marks its day the update's: the stamp's day stands.
        ("<p><time datetime='2025-06-14T08:00:00Z'>samedi 14 juin 2025</time></p>", 13),
    ],
)
def test_a_day_labelled_as_the_publication_is_its_local_day(shown: str, day: int | None) -> None:
    # 23:30 UTC on the 13th falls on the 14th east of UTC, the update's UTC day; the page tells
    # nothing of its zone, but a label or the publication's own `<time>` makes the day its own.
    head = _stamped("2025-06-13T23:30:00Z", "2025-06-14T08:00:00Z")
    article = _inline(head, f"<h1>Council passes budget</h1>{shown}")
    assert article.date == (day and PartialDate(2025, 6, day))


def test_an_untimed_weekday_day_is_the_local_day_only_where_the_page_tells_its_zone() -> None:
    # 23:20 UTC on the 4th shown as `Mittwoch, 5. März 2025`, the update's UTC day too: with no
    # offset, dated address or label on the page the day may be the update's (the expected
    # file wants no date); a related card's `<time>` at `+01:00` puts the page east of UTC.
    name = "utc-stamp-weekday-day-untimed"
    assert _page(name).date is None
    card = '<span class="card__date">4. März 2025</span>'
    zoned = '<time datetime="2025-03-04T16:10:00+01:00">4. März 2025</time>'
    html = (DATA / f"{name}.html").read_text(encoding="utf-8").replace(card, zoned)
    article = normalize(RawRecord(id="p", file="p.html", path=DATA, kind="html", text=html))
    assert article.date == PartialDate(2025, 3, 5)


def test_an_update_day_shown_plain_west_of_utc_is_no_local_day() -> None:
    # A theme prints the update's day (`the_modified_date`) unlabelled and untimed under the
    # headline: published 23:20 UTC on the 4th (the evening of the 4th in America), updated on
    # the 5th. The truth is the 4th, but the page writes no offset, no dated address, no label
    # and no `<time>`: nothing tells it from a page east of UTC, where the same day shown is the
    # publication's own (`zaterdag 31 oktober`). Neither day is sure, so the page gets none.
    assert _page("utc-stamp-update-day-shown-plain").date is None


def test_the_update_shown_unlabelled_on_the_addressed_day_never_moves_a_utc_stamp() -> None:
    # 22:30 UTC on the 11th; the page shows its 08:41 update unlabelled on the 12th, the day
    # its address (a print edition's) states: that time is no moment of the publication in
    # any zone, so the stamp's day stands.
    head = _stamped("2024-03-11T22:30:00Z", "2024-03-12T08:41:00Z")
    url = '<link rel="canonical" href="https://paper.example/news/2024/03/12/budget.html">'
    body = "<h1>Council passes budget</h1><p>12 March 2024 08:41</p>"
    assert _inline(head + url, body).date == PartialDate(2024, 3, 11)


def test_a_time_element_under_the_headline_dates_a_page_without_metadata() -> None:
    # The template's `<time datetime>` by the headline, shown there in words too.
    stamp = "<time datetime='2024-03-06T10:00:00+01:00'>6 March 2024</time>"
    article = _inline("", f"<h1>Council passes budget</h1><p>{stamp}</p>")
    assert article.date == PartialDate(2024, 3, 6)
    # Labelled as the update beside a publication day shown in words, it dates nothing.
    for label in ("Updated ", "Last updated: "):
        shown = f"<p>Published 5 March 2024</p><p>{label}{stamp}</p>"
        article = _inline("", f"<h1>Council passes budget</h1>{shown}")
        assert article.date != PartialDate(2024, 3, 6)


def test_a_time_element_above_the_headline_is_the_mastheads_today() -> None:
    # The masthead's `<time>` states today; related stories below are dated other days.
    today = "<time datetime='2024-03-07'>Thursday 7 March 2024</time>"
    related = (
        "<ul><li><a href='/1'>Bus fares frozen</a> <time datetime='2024-03-04'>4 March 2024</time>"
        "</li><li><a href='/2'>Canal reopens</a> <time datetime='2024-03-02'>2 March 2024</time>"
        "</li></ul>"
    )
    html = (
        f"<html><head><title>Council passes budget</title></head><body><div>{today}</div>"
        f"<nav><a href='/n'>News</a></nav><h1>Council passes budget</h1><p>By Jane Doe</p>"
        f"<article>{_STORY}</article>{related}</body></html>"
    )
    article = normalize(RawRecord(id="p", file="p.html", path=DATA, kind="html", text=html))
    assert article.date != PartialDate(2024, 3, 7)


@pytest.mark.parametrize(
    "shown",
    [
        "<p class='standfirst'>Councillors will vote again on 6 March 2024.</p>",
        "<figure><figcaption>The hall on 6 March 2024</figcaption></figure>",
    ],
)
def test_a_day_named_by_a_standfirst_or_caption_never_moves_a_utc_stamp(shown: str) -> None:
    # Only the page's own stamp, with its time of day, shows the day the instant fell on there.
    article = _inline(_stamped("2024-03-05T23:40:00Z"), f"<h1>Council passes budget</h1>{shown}")
    assert article.date == PartialDate(2024, 3, 5)


@pytest.mark.parametrize(
    ("link", "day"),
    [
        ("<a href='/local'>Local news</a>", 5),  # a section's link beside the story's own day
        ("<a href='/storm'>Storm closes island schools</a>", 6),  # a teaser's day, not the story's
    ],
)
def test_a_day_above_the_headline_after_a_link_is_a_teasers_only_after_a_headline(
    link: str, day: int
) -> None:
    shown = f"<div>{link} <span>5 March 2024</span></div><h1>Council passes budget</h1>"
    assert _inline(_stamped("2024-03-06T01:30:00Z"), shown).date == PartialDate(2024, 3, day)


@pytest.mark.parametrize(
    "stamp",
    [
        # The full stamp in its tooltip.
        "<time datetime='2024-11-21T19:48:00+01:00' title='21.11.2024, 19:48 Uhr'>vor 2 Stunden"
        "</time>",
        # None: its `datetime`, in the page's own zone, is the day.
        "<time datetime='2024-11-21T19:48:00+01:00'>2 hours ago</time>",
    ],
)
def test_a_time_element_shown_as_a_relative_time_dates_a_page_without_metadata(
    stamp: str,
) -> None:
    article = _inline("", f"<h1>Council passes budget</h1><p>{stamp}</p>")
    assert article.date == PartialDate(2024, 11, 21)


def test_a_relative_time_element_above_the_headline_in_its_article_dates_the_page() -> None:
    stamp = "<time datetime='2024-11-21T19:48:00+01:00'>vor 2 Stunden</time>"
    body = f"<article><header><p>{stamp}</p><h1>Council passes budget</h1></header>{_STORY}"
    assert _whole("", body + "</article>").date == PartialDate(2024, 11, 21)


def test_a_relative_time_element_in_utc_names_no_local_day() -> None:
    stamp = "<time datetime='2024-11-21T23:48:00Z'>2 hours ago</time>"
    assert _inline("", f"<h1>Council passes budget</h1><p>{stamp}</p>").date is None


def _authored(author: object, headline: str = "Council passes budget", **extra: object) -> str:
    """A head whose JSON-LD names `author` and `headline` (and `extra` fields) for the story."""
    ld = {"@type": "NewsArticle", "headline": headline, "author": author} | extra
    return f'<script type="application/ld+json">{json.dumps(ld)}</script>'


def test_a_photographer_beside_the_writer_is_no_byline() -> None:
    authors = [
        {"name": "Jane Okafor", "role": "writer"},
        {"name": "Sam Tran", "role": "photographer"},
    ]
    assert _inline(_authored(authors), "<h1>Council passes budget</h1>").byline == ["Jane Okafor"]
    # Alone (a gallery), the photographer is its byline.
    alone = _authored(authors[1:])
    assert _inline(alone, "<h1>Council passes budget</h1>").byline == ["Sam Tran"]


def test_a_job_after_a_pipe_in_the_author_field_is_no_part_of_the_name() -> None:
    head = _authored({"@type": "Person", "name": "Dana Whitfield | Staff Writer"})
    assert _inline(head, "<h1>Council passes budget</h1>").byline == ["Dana Whitfield"]


def test_a_role_in_the_author_slot_gives_way_to_the_closing_tagline() -> None:
    head = _authored({"@type": "Person", "name": "Guest Columnist"})
    body = "<h1>Council passes budget</h1><span class='author'>Guest Columnist</span>"
    tagline = "<p><em>Margit Sandoval is a nurse in Rhinecliff.</em></p>"
    article = _inline(head, body, tagline)
    assert article.byline == ["Margit Sandoval"]


def test_an_organisation_issuing_its_own_release_is_no_byline() -> None:
    org = {"@type": "Organization", "name": "Northfield Health"}
    head = _authored(org, publisher=org)
    about = "<h2>About Northfield Health</h2><p>A nonprofit health system.</p>"
    article = _inline(head, "<h1>Council passes budget</h1>", about)
    assert article.byline == []
    # A newsroom crediting itself writes no such boilerplate: its name is the byline.
    assert _inline(head, "<h1>Council passes budget</h1>").byline == ["Northfield Health"]


def test_a_bracketed_reporters_credit_opening_the_story_is_its_byline() -> None:
    head = (
        '<meta name="author" content="東岸日報"><meta property="og:site_name" content="東岸日報">'
    )
    story = "<p>〔記者林佩君／花蓮報導〕太魯閣國家公園管理處今天宣布，部分步道將分段重新開放。</p>"
    body = (
        "<h1>花蓮步道分段重啟</h1><div><span>2024/10/08 10:35</span> <span>瀏覽 2,314</span></div>"
    )
    assert _inline(head, body + story).byline == ["林佩君"]


def test_microdatas_headline_is_a_title_source() -> None:
    head = "<title>Prairie Ledger | County approves setback rules</title>"
    body = (
        "<div itemscope itemtype='https://schema.org/NewsArticle'>"
        "<h1 itemprop='headline'>County approves setback rules after hearing</h1></div>"
    )
    assert _inline(head, body).title == "County approves setback rules after hearing"


def test_a_json_ld_headline_no_source_repeats_gives_way_to_the_rewritten_heading() -> None:
    og = '<meta property="og:title" content="Elm Street library to close after council vote">'
    head = og + _authored("Jane Doe", "Council votes to shut Elm Street branch")
    heading = "After 60 years, Elm Street library will close its doors"
    assert _inline(head, f"<h1>{heading}</h1>").title == heading


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        # A clause for search engines after a semicolon: the reader sees the headline alone.
        ("Water cut in 14 districts; check if yours is on the list", "Water cut in 14 districts"),
        # A capitalised tail is a name (a section's, a writer's) the JSON-LD keeps as its own.
        ("Water cut in 14 districts - Local News", "Water cut in 14 districts - Local News"),
    ],
)
def test_a_clause_the_json_ld_appends_to_the_h1_is_dropped(headline: str, title: str) -> None:
    og = f'<meta property="og:title" content="{headline}">'
    head = og + _authored("Jane Doe", headline)
    assert _inline(head, "<h1>Water cut in 14 districts</h1>").title == title


def test_a_kicker_the_json_ld_joins_to_the_headline_in_the_h1_is_dropped() -> None:
    og = '<meta property="og:title" content="Leipzig closes a street to cars">'
    head = og + _authored("Jane Doe", "Transport: Leipzig closes a street to cars")
    heading = "<span class='kicker'>Transport</span> <span>Leipzig closes a street to cars</span>"
    assert _inline(head, f"<h1>{heading}</h1>").title == "Leipzig closes a street to cars"


def test_a_newsrooms_about_heading_in_its_footer_leaves_its_credit() -> None:
    org = {"@type": "NewsMediaOrganization", "name": "Valley Courier"}
    head = _authored(org, publisher=org)
    footer = "<footer><h3>About Valley Courier</h3><p>Serving the valley since 1890.</p></footer>"
    article = _whole(head, f"<article><h1>Council passes budget</h1>{_STORY}</article>{footer}")
    assert article.byline == ["Valley Courier"]


def test_an_outlets_closing_line_names_no_writer() -> None:
    head = _authored({"@type": "Person", "name": "Guest Columnist"})
    tagline = "<p><em>Ohio Capital Journal is part of States Newsroom, a news network.</em></p>"
    article = _inline(head, "<h1>Council passes budget</h1>", tagline)
    assert article.byline == ["Guest Columnist"]


_RELATIVE = "<time datetime='2024-11-22T10:00:00+01:00'>vor 2 Stunden</time>"


@pytest.mark.parametrize(
    "body",
    [
        # A reader's comment under the story.
        f"<article><h1>Council passes budget</h1>{_STORY}</article>"
        f"<section class='comments'><p>Great piece.</p>{_RELATIVE}</section>",
        # Another story's teaser after it, or in a list before the headline.
        f"<article><h1>Council passes budget</h1>{_STORY}</article>"
        f"<ul><li><a href='/roads'>Road works start on Monday</a> {_RELATIVE}</li></ul>",
        f"<ul><li>Mayor resigns {_RELATIVE}</li></ul>"
        f"<article><h1>Council passes budget</h1>{_STORY}</article>",
        # The story's header, with a tooltip that labels its date as the update's.
        "<article><h1>Council passes budget</h1><p><time datetime='2024-11-22T08:00:00Z' "
        f"title='Updated 22 November 2024 08:00'>2 hours ago</time></p>{_STORY}</article>",
    ],
)
def test_a_relative_time_element_dates_the_page_only_from_its_header(body: str) -> None:
    assert _whole("", body).date is None


def test_another_storys_microdata_headline_is_no_title() -> None:
    # A teaser marked up as its own article (`itemprop="headline"` on its link) heads the page.
    teaser = (
        "<div itemscope itemtype='https://schema.org/NewsArticle'><h2 itemprop='headline'>"
        "<a href='/mayor'>Mayor resigns after long dispute</a></h2></div>"
    )
    body = f"<header>{teaser}</header><article><h1>Council passes budget</h1>{_STORY}</article>"
    article = _whole("<title>Valley Courier</title>", body)
    assert article.title != "Mayor resigns after long dispute"


@pytest.mark.parametrize(
    ("name", "byline"),
    [
        ("Dana Whitfield | Staff Writer | Washington Correspondent", "Dana Whitfield"),
        ("Anna Schmidt – Berlin", "Anna Schmidt – Berlin"),  # a place, as the page writes it
    ],
)
def test_every_job_after_the_name_in_the_author_field_is_cut(name: str, byline: str) -> None:
    head = _authored({"@type": "Person", "name": name})
    assert _inline(head, "<h1>Council passes budget</h1>").byline == [byline]


def test_a_newsrooms_about_box_closing_its_own_story_leaves_its_credit() -> None:
    org = {"@type": "NewsMediaOrganization", "name": "Valley Courier"}
    about = "<h3>About Valley Courier</h3><p>A nonprofit newsroom serving the valley.</p>"
    head = _authored(org, publisher=org)
    assert _inline(head, "<h1>Council passes budget</h1>", about).byline == ["Valley Courier"]


def test_a_press_conference_opening_the_story_is_no_reporters_credit() -> None:
    head = '<meta property="og:site_name" content="東岸日報">'
    story = "<p>〔記者會現場〕花蓮縣長今天宣布，太魯閣部分步道將分段重新開放。</p>"
    assert _inline(head, "<h1>花蓮步道分段重啟</h1>" + story).byline == []


def test_an_italic_line_opening_an_interview_names_no_writer() -> None:
    intro = (
        "<p><em>Margit Sandoval is a nurse at Rhinecliff General. We spoke about her work.</em></p>"
    )
    answers = "<p>Q: How long is a shift? A: Twelve hours, and the nights are the hardest.</p>" * 3
    assert _inline("", "<h1>A nurse on the night shift</h1>" + intro + answers).byline == []


@pytest.mark.parametrize("name", ["story-h2-subheads", "story-h2-list-label"])
def test_a_label_over_the_story_is_no_headline(name: str) -> None:
    # The title sources name only the site and the story has no `<h1>`; its `<h2>` `Key points`
    # labels a list, beside the story's subheads or alone, and is no headline.
    assert _page(name).title != "Key points"


@pytest.mark.parametrize("label", ["Summary", "At a glance", "Key points"])
def test_a_summary_label_over_a_paragraph_is_no_headline(label: str) -> None:
    # The title sources name only the site and the story has no `<h1>`; its `<h2>` labels the
    # paragraph that sums the story up, before every paragraph as a headline would stand.
    html = (DATA / "story-h2-summary-label.html").read_text(encoding="utf-8")
    html = html.replace("<h2>Summary</h2>", f"<h2>{label}</h2>")
    record = RawRecord(id="p", file="p.html", path=DATA, kind="html", text=html)
    assert normalize(record).title != label


@pytest.mark.parametrize(
    "box",
    [
        "<p>The river crested overnight two metres above its usual level, and three bridges are"
        " closed.</p>",
        "<ul><li>The river crested overnight</li><li>Three bridges are closed</li></ul>",
    ],
)
def test_a_box_label_over_the_headline_leaves_the_headline(box: str) -> None:
    # `Key points` and its box stand over the story's own `<h2>`: the box is passed over, and
    # the `<h2>` before the rest of the text is the headline.
    html = (DATA / "story-h2-keypoints-over-headline.html").read_text(encoding="utf-8")
    start = html.index("<p>The river crested")
    html = html[:start] + box + html[html.index("</p>", start) + 4 :]
    record = RawRecord(id="p", file="p.html", path=DATA, kind="html", text=html)
    assert normalize(record).title == "Flood waters begin to fall as river towns count the cost"


def test_a_subheading_past_a_box_label_is_no_headline() -> None:
    # `Key points`, then `What happened` and `What comes next` over the text's parts: the first
    # `<h2>` past the box is one of the story's subheadings, not its headline.
    html = (DATA / "story-h2-keypoints-over-headline.html").read_text(encoding="utf-8")
    headline = "Flood waters begin to fall as river towns count the cost"
    html = html.replace(f"<h2>{headline}</h2>", "<h2>What happened</h2>")
    html = html.replace("<p>Shop owners", "<h2>What comes next</h2>\n<p>Shop owners")
    record = RawRecord(id="p", file="p.html", path=DATA, kind="html", text=html)
    assert normalize(record).title != "What happened"


@pytest.mark.parametrize("name", ["comment-article-header", "teaser-article-header"])
def test_a_comment_or_teaser_marked_up_as_an_article_gives_no_headline(name: str) -> None:
    # Its `<h1>` sits in an `<article>`'s `<header>`, but that article holds none of the story.
    assert _page(name).title not in {"Great news for the town", "Ferry adds a late Friday sailing"}


@pytest.mark.parametrize(
    ("update", "day"),
    [
        ("<p>Updated: Thursday, 10 April 2025, 08:15</p>", 9),
        # Without the update's label the page does not say the metadata's day is the update's:
        # the stated day stands.
        ("", 10),
    ],
)
def test_a_page_republished_under_its_update_keeps_its_shown_day(update: str, day: int) -> None:
    # The JSON-LD's publication is the update's very instant; the header shows both stamps.
    head = _stamped("2025-04-10T08:15:00+01:00", "2025-04-10T08:15:00+01:00")
    shown = f"<p>Published: Wednesday, 9 April 2025, 16:40</p>{update}"
    article = _inline(head, f"<h1>Council passes budget</h1>{shown}")
    assert article.date == PartialDate(2025, 4, day)


@pytest.mark.parametrize(
    ("heading", "day"),
    [
        ("<h1>Council passes the town budget</h1>", 5),
        # An `<h1>` that shares few of the metadata headline's words is no reworded headline.
        ("<h1>Night of votes at the town hall</h1>", 6),
    ],
)
def test_a_reworded_headline_still_heads_its_local_day(heading: str, day: int) -> None:
    # 02:30 UTC on the 6th shown as 9:30 PM on the 5th (UTC-5) under the shown `<h1>`.
    article = _inline(_stamped("2024-03-06T02:30:00Z"), f"{heading}<p>March 5, 2024 9:30 PM</p>")
    assert article.date == PartialDate(2024, 3, day)


@pytest.mark.parametrize(
    ("page", "author", "shown", "byline"),
    [
        # One name and its spelling in another script, in brackets, after a slash or a comma,
        # or in two nodes: one writer, as the page shows them.
        (
            "cyrillic",
            '{"@type": "Person", "name": "Иван Петров (Ivan Petrov)"}',
            None,
            ["Иван Петров"],
        ),
        (
            "cyrillic",
            '{"@type": "Person", "name": "Ivan Petrov / Иван Петров"}',
            None,
            ["Иван Петров"],
        ),
        (
            "cyrillic",
            '{"@type": "Person", "name": "Иван Петров, Ivan Petrov"}',
            None,
            ["Иван Петров"],
        ),
        (
            "cyrillic",
            '[{"@type": "Person", "name": "Ivan Petrov"},'
            ' {"@type": "Person", "name": "Иван Петров"}]',
            None,
            ["Иван Петров"],
        ),
        # Two writers in two scripts, both shown, are two people.
        (
            "cjk",
            '[{"@type": "Person", "name": "Hanako Yamada"}, {"@type": "Person", "name": "高橋誠"}]',
            '<span class="author">Hanako Yamada</span>、<span class="author">高橋誠</span>',
            ["Hanako Yamada", "高橋誠"],
        ),
    ],
)
def test_one_writer_named_in_two_scripts_signs_once(
    page: str, author: str, shown: str | None, byline: list[str]
) -> None:
    html = (DATA / f"jsonld-person-two-scripts-{page}.html").read_text(encoding="utf-8")
    start = html.index('"author": ') + len('"author": ')
    html = html[:start] + author + html[html.index(",\n", start) :]
    if shown is not None:
        html = html.replace('<span class="author">山田花子</span>', shown)
    record = RawRecord(id="p", file="p.html", path=DATA, kind="html", text=html)
    assert normalize(record).byline == byline


def test_a_related_story_s_stamp_under_an_update_does_not_date_a_republished_page() -> None:
    # `Updated: …` the metadata's day, then a related story's headline over its own earlier
    # stamp, unlabelled: no publication's stamp of the page's, so the stated day stands.
    head = _stamped("2025-04-10T08:15:00+01:00", "2025-04-10T08:15:00+01:00")
    related = (
        '<div class="related"><strong>Read also</strong><div><a href="/news/ferry-inspected">'
        "Harbour ferry inspected by experts</a> <span>Wednesday, 9 April 2025, 16:40</span>"
        "</div></div>"
    )
    shown = f"<p>Updated: Thursday, 10 April 2025, 08:15</p>{related}"
    article = _inline(head, f"<h1>Council passes budget</h1>{shown}")
    assert article.date == PartialDate(2025, 4, 10)


def test_a_latin_node_the_byline_spells_in_another_script_beside_its_co_author_stays() -> None:
    # Nodes `Ian Parker` and `Игорь Павлов` (initials alike), the byline `Иэн Паркер, Игорь
    # Павлов`: two writers, one of them shown in the page's script, not one name written twice.
    byline = _page("byline-two-scripts-coauthors").byline
    assert len(byline) == 2 and "Игорь Павлов" in byline


@pytest.mark.xfail(
    strict=True,
    reason="gap: a related story's headline set as a heading, not a link, over its own earlier "
    "stamp under the update's is read as the republished page's first publication",
)
def test_a_related_heading_s_stamp_under_an_update_does_not_date_a_republished_page() -> None:
    head = _stamped("2025-04-10T08:15:00+01:00", "2025-04-10T08:15:00+01:00")
    related = (
        '<div class="related"><strong>Read also</strong><div><h3>Harbour ferry inspected by '
        "experts</h3> <span>Wednesday, 9 April 2025, 16:40</span></div></div>"
    )
    shown = f"<p>Updated: Thursday, 10 April 2025, 08:15</p>{related}"
    article = _inline(head, f"<h1>Council passes budget</h1>{shown}")
    assert article.date == PartialDate(2025, 4, 10)
