"""What a credit line says: the names of a bare line or a `By` line, once its stamp is cut."""

from __future__ import annotations

import pytest

from indexer.normalize.creditline import (
    all_common,
    bare_names,
    byline_names,
    is_house,
    without_stamps,
)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("松村太郎2019年04月13日 09時00分", ["松村太郎"]),
        ("谢若含2017-03-01 14:27:02", ["谢若含"]),
        ("小暮ひさのり", ["小暮ひさのり"]),
        ("배윤경 기자", ["배윤경"]),
        ("입력 2026.07.12 22:09", []),  # a time stamp's label, not a two-syllable name
        ("地震・災害", []),  # a menu, not a name
        ("小字号", []),  # the font size's button, not a name
        # A reading time in Japanese or Chinese beside the date or the name is no name.
        ("2019年2月27日 読了時間 3 分", []),
        ("谢若含 阅读时间：5分钟", ["谢若含"]),
        # A date's label (`… day`) over its date line is no name.
        ("配信開始日", []),
        ("更新日時", []),
        ("Jana Doe před 2 hodinami", ["Jana Doe"]),
        ("Jana Doe Follow", ["Jana Doe"]),  # the button after the name
        # An author box's links glued after the name; a box's buttons alone name no one.
        ("Jana Doe View Profile", ["Jana Doe"]),
        ("Jana Doe See All Posts", ["Jana Doe"]),
        ("Jana Doe Author Bio", ["Jana Doe"]),
        # The house, its date, then the person: the person signs.
        ("Health Daily 9/21/2016 Lena Borell", ["Lena Borell"]),
        ("Health Daily 9/21/2016", ["Health Daily"]),
        ("Jane Doe and AP", ["Jane Doe", "AP"]),
        # An agency glued to the last of two names, without a comma, is no part of that name.
        ("JANE DOE and JOHN ROE Associated Press", ["Jane Doe", "John Roe"]),
        # A relative stamp in German or French beside the name (`vor 3 Stunden`: `vor` is `ago`).
        ("Julia Doe vor 3 Stunden", ["Julia Doe"]),
        ("Julia Doe il y a 3 heures", ["Julia Doe"]),
        # A button glued to a short family name (`Ng`, `Doe`) is cut; a name's own capitals stay.
        ("Jana NgTwitter", ["Jana Ng"]),
        ("Ronald McDonald", ["Ronald McDonald"]),
        # A dated line's slashes part its fields (a blog's meta line); an undated one's may be
        # a picture's credit.
        ("May 3, 2024 / Jana Doe / 2 Comments", ["Jana Doe"]),
        # A firm's legal form after a comma: the line names a firm, not a person.
        ("Harbour Networks, Inc.", []),
        ("Harbour Pumps, Ltd", []),
        # A weekday and a half-day beside a Chinese date are no name.
        ("2024年4月3日 週三 上午9:20", []),
        ("2024年4月3日 星期三", []),
        ("周一鸣 2024年4月3日", ["周一鸣"]),  # `周` is a family name too
        # A count's label beside the time (views, reads) is no name.
        ("2024/10/08 10:35 瀏覽 2,314", []),
        ("2024年4月3日 09:20 阅读 1.2万", []),
        # A caption, then its photographer and the picture's date: no byline.
        ("Riders at the downtown terminal on Monday - Jana Doe - 2.mar.2024/Daily Example", []),
        # Co-authors parted by a list's separator sign together; a dash joins a name to what
        # it made (`Nina Example - Morning Light`, a song), or to a house, a title; a stamp
        # makes a meta line, whose part after the name may be the house (`Valley Courier`).
        ("Jana Doe | John Roe", ["Jana Doe", "John Roe"]),
        ("Jana Doe · John Roe", ["Jana Doe", "John Roe"]),
        ("Nina Example - Morning Light", ["Nina Example"]),
        ("Jana Doe · Valley Courier · Posted: Aug 08, 2024 4:00 AM EDT", ["Jana Doe"]),
        # Undated, the words before the name are a stamp's (`less than an hour ago`).
        ("Published less than an hour ago · Jana Doe", ["Jana Doe"]),
        # A fact table's label before its value is no name; a name follows its own label.
        ("| Actual Start Date : | May 13, 2016 |", []),
        ("Study Type: | Observational", []),
        ("Autor: | Jana Doe | May 13, 2016", ["Jana Doe"]),
    ],
)
def test_a_bare_line_gives_the_names_it_holds(line: str, names: list[str]) -> None:
    assert bare_names(line) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # `2:00 PMTags`: the copy glued the tag list to the time's `PM`.
        ("By Zach Doe Dec 12, 2016 2:00 PMTags", ["Zach Doe"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        # An agency joined to the people signs with them, as the line writes it; one after a
        # comma is the house (the story's source) and one that lent material (`mit`) is not.
        ("Par Jeanne Dupont et AFP", ["Jeanne Dupont", "AFP"]),
        ("Von Jana Beispiel und Jonas Muster, dpa", ["Jana Beispiel", "Jonas Muster"]),
        ("Von Jana Beispiel mit AP", ["Jana Beispiel"]),
        # The marks that tie each author to an affiliation (`Doe1,2`) are no part of the name.
        ("By Jana Doe1,2, Jonas Roe3 & Lena Poe", ["Jana Doe", "Jonas Roe", "Lena Poe"]),
        # A job title after the name without a comma (`Staff Writer`) is cut, whatever follows.
        ("By Jane Doe Staff Writer", ["Jane Doe"]),
        ("By Jane Doe Senior Staff Writer | May 3, 2024", ["Jane Doe"]),
        ("By Mary Ann Roe Senior Staff Writer", ["Mary Ann Roe"]),
        # Counts after the names (comments, shares) end them, with or without a date between.
        ("by Jane Doe 12 3", ["Jane Doe"]),
        ("By Jane Doe and John Roe 5 Comments", ["Jane Doe", "John Roe"]),
        ("By Jane Doe May 3, 2024 12 comments", ["Jane Doe"]),
        # The staff of a house after the names is no one's name (`Daily Example Staff Writers`).
        ("By Jana Doe and Jonas Roe / Daily Example Staff Writers", ["Jana Doe", "Jonas Roe"]),
        # `Staff` followed by another writer is a family name, not the house's staff.
        ("By Jana Doe, Tom Staff and Ann Lee", ["Jana Doe", "Tom Staff", "Ann Lee"]),
        ("By Jana Doe, Example Staff", ["Jana Doe"]),
        # The copy glued the author box's buttons to a short family name.
        ("By Jane DoeFacebook", ["Jane Doe"]),
        ("By Jane NgFacebookTwitter | May 3, 2024", ["Jane Ng"]),
        ("By Anne DeVeaux", ["Anne DeVeaux"]),
    ],
)
def test_a_by_line_gives_the_names_it_holds(line: str, names: list[str]) -> None:
    assert byline_names(line, "") == names


def test_a_buttons_words_are_no_name() -> None:
    # `Preview PDF`, `Full Bio` over an article are buttons, however they are capitalised.
    assert all_common("Preview PDF", "")
    assert all_common("Full Bio", "")
    assert all_common("Launch Gallery", "")
    assert all_common("Weitere Artikel", "")  # `More articles` in German
    assert not all_common("Jana Doe", "")


@pytest.mark.parametrize(
    ("name", "house"),
    [
        ("晨光新聞", True),  # a Chinese outlet's name ends in its kind: news, daily, agency
        ("東方日報", True),
        ("晨光通訊", True),
        ("林志明", False),
        ("李建社", False),  # `建社` is a given name: a one-character kind ends only longer names
        ("晨光日報社", True),
        ("松村太郎", False),
    ],
)
def test_a_chinese_outlets_name_is_a_house(name: str, house: bool) -> None:
    assert is_house(name) is house


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Jane Doe 2019年04月28日 08時00分", "Jane Doe"),
        # The time's label (`更新`, updated) goes with it: it is no two-character name.
        ("2019年04月21日 12時00分更新", ""),
    ],
)
def test_a_cjk_time_is_cut_from_a_stamped_line(line: str, rest: str) -> None:
    assert without_stamps(line) == rest
