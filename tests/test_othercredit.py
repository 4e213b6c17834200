"""Credits that name no person in full: a house, a pen name, a one-word name over its date."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import RawRecord
from indexer.normalize import normalize
from indexer.normalize.lines import split_lines
from indexer.normalize.othercredit import house_credit, pen_name, stamped_house, wire_under
from indexer.normalize.story import Page
from tests.test_normalize_copied import _normalize, _normalize_changed

DATA = Path(__file__).resolve().parent / "data" / "copied"
_HEADLINE = "Harbour to dredge the outer channel before the storms"
_STORY = "\n".join(
    [
        "The harbour authority voted on Thursday to dredge the outer channel before the autumn "
        "storms, a job that has been put off three times since the last survey.",
        "Pilots have warned for two years that the channel silts up faster than the charts "
        "show, and one cargo ship ran aground on a sandbank there in the spring.",
        "The work is due to take six weeks and will close the channel to large vessels at "
        "night, the authority said, while ferries keep to their usual timetable.",
        "Fishermen asked for the spoil to be dumped well out to sea rather than near the "
        "mussel beds, and the authority agreed to publish the dumping sites.",
    ]
)


def _byline(header: str, *, story: str = _STORY) -> list[str]:
    """The byline of a small copied page whose header holds `header` under its headline."""
    text = (
        f"Home\nNews\n{_HEADLINE}\n"
        f"The authority acts after pilots warned of silting.\n{header}\n{story}\n"
    )
    path = DATA / "byline-desk.txt"  # any path: the text is given
    return normalize(RawRecord(id="h", file="h.txt", path=path, kind="text", text=text)).byline


@pytest.mark.parametrize(
    ("header", "byline"),
    [
        # The site credits itself: its name, as it writes it, signs when no person does.
        ("By HBN, in News, Harbour · 31 Jan 2025, 20:02 · 0 Comments", ["HBN"]),
        ("By Coastwatch with Agencies\nPublished on 30/04/2024 - 16:38", ["Coastwatch"]),
        # A paper's name may open with its article when an outlet's word ends it.
        ("By The Harbour Evening Times\nSept. 15, 2016", ["The Harbour Evening Times"]),
        # A pen name or handle, dated beside its `By` line, as the page writes it.
        ("By Cindy mangomini\nDecember 21, 2016", ["Cindy mangomini"]),
        ("Posted on March 4, 2024 by jwhitaker", ["jwhitaker"]),
        # A one-word name over its date just under the headline.
        ("Paul\nDecember 23, 2016", ["Paul"]),
    ],
)
def test_a_credit_that_names_no_one_in_full_signs_as_written(
    header: str, byline: list[str]
) -> None:
    assert _byline(header) == byline


@pytest.mark.parametrize(
    "header",
    [
        # `By Tuesday` is a deadline, `by default` a phrase, `by Taboola` without a date an
        # advertiser's widget, `EL34-194` under the headline a product's code.
        "By Tuesday, the channel must be clear",
        "Sorted by default\nDecember 21, 2016",
        "by Taboola",
        "EL34-194\nDecember 23, 2016",
        # A kicker in capitals over the date is no pen name.
        "EXCLUSIVE\nDecember 23, 2016",
        # `By The Numbers` over the date: a column's heading, no paper's name.
        "By The Numbers\nDecember 23, 2016",
        # An outlet's word that does not end the phrase makes no paper of it.
        "By The Express Lane\nDecember 23, 2016",
    ],
)
def test_words_after_by_that_name_no_one_sign_nothing(header: str) -> None:
    assert _byline(header) == []


def test_a_person_named_in_full_signs_before_the_house() -> None:
    assert _byline("By HBN, in News\nBy Jane Whitaker\nMarch 4, 2024") == ["Jane Whitaker"]


def test_a_button_glued_to_the_name_makes_no_pen_name() -> None:
    # `Long` is a word the story writes in lower case, so the line names no one in full; the
    # button glued to it (`LongTwitter`) must not pass it off as a pen name.
    story = _STORY + "\nThe dredging has been a long time coming, the pilots said."
    assert _byline("By Grace LongTwitter\nMarch 4, 2024", story=story) == ["Grace Long"]


def test_a_stamp_line_ending_in_the_outlets_name_signs_with_the_house() -> None:
    # `Updated on: May 3, 2024 / 10:07 AM / Harbour News`: no one else signs the story.
    page = "byline-house-stamp.txt"
    assert _normalize(page).byline == ["Harbour News"]
    signed = "/ Harbour News\nBy Jane Whitaker"
    assert _normalize_changed(page, "/ Harbour News", signed).byline == ["Jane Whitaker"]
    # A stamp line whose last field is a section or a person names no house.
    assert _normalize_changed(page, "/ Harbour News", "/ Local").byline == []
    assert stamped_house("May 3, 2024 / 10:07 AM / Jane Whitaker", _STORY) == []
    assert stamped_house("Updated on: May 3, 2024 / 10:07 AM / Reuters", _STORY) == []  # a wire
    # A section whose words the story writes in lower case, or a site's top section.
    assert stamped_house("May 3, 2024 | Harbour News", _STORY + " News of the vote.") == [
        "Harbour News"
    ]
    assert stamped_house("May 3, 2024 | Harbour News", _STORY + " the news of the vote") == []
    assert stamped_house("May 3, 2024 | World News", _STORY) == []


def test_a_stamp_lines_word_in_capitals_alone_is_a_place_or_zone_not_the_house() -> None:
    # `… / 10:07 AM / LONDON`, `… | 6:15 PM | ET`: the dateline's place, the time's zone.
    page = "byline-house-stamp.txt"
    assert _normalize_changed(page, "/ Harbour News", "/ LONDON").byline == []
    assert _normalize_changed(page, "/ Harbour News", "/ ET").byline == []
    assert stamped_house("May 3, 2024 | 6:15 PM | ET", _STORY) == []
    # A known outlet's initials still name it.
    assert stamped_house("May 3, 2024 / 10:07 AM / NPR", _STORY) == ["NPR"]


def test_house_credit_and_pen_name_read_the_by_line_as_written() -> None:
    assert house_credit("By Daily Example | May 3, 2024") == ["Daily Example"]
    assert house_credit("By The Way") == []
    # A Romance newsroom's credit names its house after the desk word.
    assert house_credit("Redazione AGIR") == ["AGIR"]
    assert house_credit("Redacción Diario Example") == ["Diario Example"]
    # One word after it is the desk's city or beat, no house.
    assert house_credit("Redacción Madrid") == []
    assert house_credit("Redazione Cronaca | 3 aprile 2024") == []
    assert pen_name("by doumae", "a story about networks") == "doumae"
    assert pen_name("By email", "send it by email") is None
    assert pen_name("by Lesotho Times", "a story") is None  # a house, not a pen name
    assert pen_name("By Jane LongTwitter", "a long story") is None


@pytest.mark.parametrize(
    ("header", "byline"),
    [
        # A capitalised word before a date is a name's (`El`); only `on`, `at`… are its preposition.
        ("By Omar El May 6, 2025", ["Omar El"]),
        # A long job title ends where a co-author is joined to the list.
        (
            "By Jane Doe, Chief White House Correspondent, and Tom Roe, Staff Writer\nMay 6, 2025",
            ["Jane Doe", "Tom Roe"],
        ),
        # A piece with an office of its own after it is a co-author, no firm.
        ("Posted by Ann Lee, CEO, Bob Tan, CTO\nMay 6, 2025", ["Ann Lee", "Bob Tan"]),
        # `& Agencies`, `& Wires`: the news services after the writer, no section's heading.
        ("Jane Doe & Agencies\nMay 6, 2025", ["Jane Doe"]),
        ("Jane Doe & Wires\nMay 6, 2025", ["Jane Doe"]),
    ],
)
def test_a_credit_line_keeps_its_writers(header: str, byline: list[str]) -> None:
    assert _byline(header) == byline


def test_a_writer_before_a_papers_name_signs_though_the_story_names_another_of_that_name() -> None:
    # Only a desk (`Example Bureau`) has the place it filed from before it; before a paper's
    # name stands its writer, whose family name the story may give someone else.
    story = "The harbour master, Harpreet Singh, said the channel had not been dredged in years.\n"
    header = "Rahul Singh, Harbour Gazette | Updated : 6 May 2025, 09:14 AM"
    assert _byline(header, story=story + _STORY) == ["Rahul Singh"]


@pytest.mark.parametrize(
    "header",
    [
        # A named writer's job alone, the name elsewhere (an image, a link): no desk.
        "Senior Reporter | May 6, 2025",
        "May 6, 2025\nHealth Correspondent",
        # A picture's credit is slashed too; a blog's `/by` field follows a date or a count.
        "May 6, 2025\nPhoto / by Tom Roe",
    ],
)
def test_a_job_title_or_a_pictures_credit_signs_nothing(header: str) -> None:
    assert _byline(header) == []


def test_writers_of_a_bureau_are_no_place_before_it() -> None:
    # `Ann Lee and Bob Tan, Washington Bureau`: a list of names, where one place would stand.
    assert "Washington Bureau" not in _byline(
        "Ann Lee and Bob Tan, Washington Bureau | May 6, 2025"
    )


def test_an_agency_signs_with_the_place_it_filed_from_not_with_a_name() -> None:
    # `Reuters, Harbour City,`: a dateline's place closes with a comma; `Reuters, Evan Marlow`
    # under a picture is its photographer.
    def wire(line: str) -> str | None:
        return wire_under(Page(split_lines(f"{_HEADLINE}\n{line}\n{_STORY}")), 0, 2, 3)[1]

    assert wire("Reuters, Harbour City,") == "Reuters"
    assert wire("Reuters, Evan Marlow") is None


def test_an_agency_named_by_the_dateline_and_a_source_line_signs_a_story_no_one_signs() -> None:
    path = DATA / "agency-dateline-source.txt"
    text = path.read_text(encoding="utf-8")

    def read(text: str) -> list[str]:
        record = RawRecord(id=path.name, file=path.name, path=path, kind="text", text=text)
        return normalize(record).byline

    # `Bremerhaven (AFP) -` opens the story and `Quelle: AFP` closes it.
    assert read(text) == ["AFP"]
    # The dateline's agency alone is the story's source, not its writer.
    assert read(text.replace("Quelle: AFP\n", "")) == []
    # A source line naming another agency credits a picture, not the story.
    assert read(text.replace("Quelle: AFP", "Quelle: Reuters")) == []


def test_a_source_line_under_the_headlines_stamp_credits_the_agency_and_not_its_desk() -> None:
    # `Quelle: dpa Sport` under `Aktualisiert am …`: the agency's sports desk sent the story.
    path = DATA / "source-under-stamp.txt"
    text = path.read_text(encoding="utf-8")
    record = RawRecord(id=path.name, file=path.name, path=path, kind="text", text=text)
    assert normalize(record).byline == ["dpa"]


@pytest.mark.parametrize(
    "line",
    [
        "Quelle: dpa Grafik",
        "Source: Reuters Graphics",
        "Quelle: AFP Foto",
        "Quelle: dpa Infografik",
        # Research or data the agency sells, cited under a chart: no section of the page's.
        "Source: Reuters Institute",
        "Source: Bloomberg Economics",
    ],
)
def test_a_source_line_naming_an_agencys_picture_desk_credits_a_picture(line: str) -> None:
    # A chart or a photo whose picture copies as no text leaves its credit under the stamp.
    path = DATA / "source-under-stamp.txt"
    text = path.read_text(encoding="utf-8").replace("Quelle: dpa Sport", line)
    record = RawRecord(id=path.name, file=path.name, path=path, kind="text", text=text)
    assert normalize(record).byline == []


def test_a_source_line_under_a_caption_credits_the_picture() -> None:
    def wire(*lines: str) -> str | None:
        return wire_under(Page(split_lines("\n".join([_HEADLINE, *lines, _STORY]))), 0, 3, 3)[1]

    assert wire("May 6, 2025", "Source: Reuters") == "Reuters"
    assert wire("Divers at the harbour wall on Monday.", "Source: Reuters") is None


def test_a_styled_person_whose_name_ends_in_an_outlets_word_is_no_house() -> None:
    # `The Honourable`, like `The Rev.`, styles a person: `Daily` is a family name here.
    assert _byline("By The Honourable Mark Daily\nMarch 4, 2024") == ["Mark Daily"]


def _blog_byline(*changes: tuple[str, str]) -> list[str]:
    """The byline of the small blog post under `blog-post-stamp-handle.txt`, edited."""
    path = DATA / "blog-post-stamp-handle.txt"
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        text = text.replace(old, new)
    return normalize(
        RawRecord(id=path.name, file=path.name, path=path, kind="text", text=text)
    ).byline


def test_a_blogs_post_stamp_signs_with_the_posters_one_word_account() -> None:
    # `Posted by marshwader at 8:38 pm` under the post: the handle alone and `@marshwader` in
    # the profile box below are no words of the story's sentences.
    assert _blog_byline() == ["marshwader"]
    stamp = ("Posted by marshwader at 8:38 pm", "Written by marshwader on March 6, 2024")
    assert _blog_byline(stamp) == ["marshwader"]
    # A platform's own account names no writer, nor the one it files unsigned posts under.
    assert _blog_byline(("Posted by marshwader", "Posted by admin")) == []
    assert _blog_byline(("Posted by marshwader", "Posted by anonymous")) == []
    # Without the time of posting the line is no stamp.
    assert _blog_byline((" at 8:38 pm", "")) == []
    # A word the story writes in its sentences is no one's name.
    assert _blog_byline(("Posted by marshwader", "Posted by tide")) == []


def test_a_blogs_pager_is_no_name() -> None:
    # `Newer Post Older Post Home` under a post that no one signs: links, set in capitals.
    assert _blog_byline(("Posted by marshwader at 8:38 pm\n", "")) == []


def test_a_post_stamp_of_a_role_or_a_comment_signs_no_story() -> None:
    # `Posted by Editor at 9:15 am`: the site posts under a role, no one's name.
    assert _normalize("stamp-role-account.txt").byline == []
    # Under `2 Comments` each stamp (`Posted by bookworm77 at 11:02 am`) is a reader's comment's.
    assert _normalize("stamp-comment-thread.txt").byline == []
    assert _blog_byline(("Posted by marshwader", "Posted by Newsroom")) == []
    # Under a heading that closes no story (`Reader comments`), two accounts' stamps are a
    # thread's: a post has one stamp.
    assert _normalize("stamp-comment-thread-reader.txt").byline == []
    # The post's own stamp stands first; the comments' stamps under it name other accounts.
    assert _normalize("stamp-post-then-comments.txt").byline == ["marshwader"]


def test_a_post_stamp_with_its_day_signs_with_the_account() -> None:
    # `on` before the day is no word of the handle (the By-line parse read `Marshwader On`).
    assert _normalize("stamp-on-date-under-title.txt").byline == ["marshwader"]


def test_a_publishers_line_under_a_review_signs_no_story() -> None:
    # `Published by Faber on 4 June 2024` under a book's title names its house and its day.
    assert _normalize("stamp-publisher-line.txt").byline == []
