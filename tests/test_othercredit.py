"""Credits that name no person in full: a house, a pen name, a one-word name over its date."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import RawRecord
from indexer.normalize import normalize
from indexer.normalize.othercredit import house_credit, pen_name

DATA = Path(__file__).resolve().parent / "data" / "copied"
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
        "Home\nNews\nHarbour to dredge the outer channel before the storms\n"
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
