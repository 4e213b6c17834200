"""Wire datelines: place, a date without year, the credited outlet."""

from __future__ import annotations

import pytest

from indexer.models import PartialDate
from indexer.normalize.datelines import dateline_place, parse_dateline


@pytest.mark.parametrize(
    ("line", "place", "date", "credit"),
    [
        ("SHANGHAI, Jan 15 (Reuters) - Users of the app welcomed them.", "SHANGHAI",
         PartialDate(None, 1, 15), "Reuters"),
        ("SHANGHAI (Reuters) - Users of the app welcomed them.", "SHANGHAI", None, "Reuters"),
        # A press release's distributor between slashes carries it and credits no one.
        ("TOLEDO, Ohio, May 8, 2024 /PRNewswire/ -- Kestrel Rail today ordered 12 trains.",
         "TOLEDO, Ohio", PartialDate(2024, 5, 8), None),
        ("WASHINGTON (AP) — The House approved a fund on Thursday.", "WASHINGTON", None, "AP"),
        ("Paris (AFP) - Le gouvernement a annoncé mercredi un plan.", "Paris", None, "AFP"),
        ("BEIJING, Jan. 15 (Xinhua) -- China on Wednesday said it welcomed exchanges.",
         "BEIJING", PartialDate(None, 1, 15), "Xinhua"),
        ("PORTLAND, Ore., Feb 26 - Shares of the company rose sharply.", "PORTLAND, Ore.",
         PartialDate(None, 2, 26), None),
        ("RIO DE JANEIRO, March 2 - Brazil's cruzado plan is under strain.", "RIO DE JANEIRO",
         PartialDate(None, 3, 2), None),
        ("AMSTERDAM, 2 March - Dutch imports of fats rose in January.", "AMSTERDAM",
         PartialDate(None, 3, 2), None),
        ("THE HAGUE, March 9 - Dutch economic growth is slowing, the agency said.", "THE HAGUE",
         PartialDate(None, 3, 9), None),
        ("NEW YORK, Narch 2 - Quarter ended January 31 with higher sales.", "NEW YORK", None,
         None),
        ("WASHINGTON - The president signed the bill into law on Friday.", "WASHINGTON", None,
         None),
        ("KÖLN (dpa) - Die Stadtwerke wollen ihre Strompreise senken.", "KÖLN", None, "dpa"),
        ("Beijing: Amid fears of a potential TikTok ban by the U.S. government, foreign users "
         "are migrating to Xiaohongshu.", "Beijing", None, None),
        ("新华社北京1月15日电（记者 张三）这几天，大批美国网民涌入小红书。", "北京",
         PartialDate(None, 1, 15), "Xinhua"),
    ],
)  # fmt: skip
def test_datelines(line: str, place: str, date: PartialDate | None, credit: str | None) -> None:
    dateline = parse_dateline(line)
    assert dateline is not None
    assert dateline.place == place
    assert dateline.date == date
    assert dateline.credit == credit


def test_a_bare_credit_opens_the_story() -> None:
    dateline = parse_dateline("(Bloomberg) — President Xi Jinping has touted people exchanges.")
    assert dateline is not None
    assert (dateline.place, dateline.credit) == (None, "Bloomberg")
    assert dateline.rest.startswith("President Xi Jinping")
    cnn = parse_dateline("(CNN) — A late-season storm brought heavy rain to the coast.")
    assert cnn is not None and cnn.credit == "CNN"


def test_a_weekday_in_the_dateline_is_evidence() -> None:
    dateline = parse_dateline("SHANGHAI, Wednesday, Jan 15 (Reuters) - Users welcomed them.")
    assert dateline is not None and dateline.date == PartialDate(None, 1, 15, 2)


def test_chinese_dateline_names_its_reporters() -> None:
    dateline = parse_dateline(
        "新华社北京1月15日电（记者 张三 李四）这几天，大批美国网民涌入小红书。"
    )
    assert dateline is not None and dateline.reporters == ("张三", "李四")


def test_a_taiwanese_bracketed_dateline_names_its_reporters_before_the_place() -> None:
    one = parse_dateline("（晨光通訊記者林志明台北12日電）台北市政府今天宣布新的公車路線。")
    assert one is not None and one.reporters == ("林志明",) and one.place == "台北"
    assert one.credit == "晨光通訊" and one.rest.startswith("台北市政府")
    two = parse_dateline("（晨光通訊記者林志明、陳美華高雄3日電）高雄市政府今天表示。")
    assert two is not None and two.reporters == ("林志明", "陳美華") and two.place == "高雄"
    # A two-character name leaves a place too short after three: it is read as two.
    short = parse_dateline("（晨光通訊記者王明台北12日電）台北市政府今天宣布新的公車路線。")
    assert short is not None and short.reporters == ("王明",) and short.place == "台北"


@pytest.mark.parametrize(
    "line",
    [
        "ECONOMIC SPOTLIGHT - BANKAMERICA <BAC>",  # a headline in capitals
        "U.S. FARM REORGANIZATIONS PROVING COSTLY - GAO",
        "(CORRECTED) - BANPONCE <BDEP> PLACES NOTES",
        "UPDATE 1-China says it welcomes cultural exchanges with the United States",
        "Paris-based company said on Tuesday it would cut prices for its customers.",
        "The company said: we will not comment on market rumours about a merger today.",
        "Note: This story has been updated to correct the name of the ministry.",
        # A notice's label to the reader, in capitals like a wire's place.
        "ATTENTION: Comments that insult other readers will not be approved.",
        "ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.",
        "ACHTUNG: Kommentare werden vor der Freischaltung geprüft.",
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m).",
        "AIR MAURITIUS BUYS TWO BOEING 767-200'S",
        "Short",
    ],
)
def test_lines_that_are_not_datelines(line: str) -> None:
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("field", "place"),
    [
        ("WINNIPEG, March 3 -", "WINNIPEG"),
        ("SAN JOSE, Calif., March 3 -", "SAN JOSE"),
        ("JOHANNESBURG March 13", "JOHANNESBURG"),
        ("N.Y.", "N.Y."),
        ("COPENHAGEN", "COPENHAGEN"),  # holds "OPEN", but is a place
        ("Mexico city", "Mexico city"),
        # Issue 14: report labels, dates and figures filed in a wire's dateline field.
        ("LONDON COCOA CLOSING", None),
        ("N.Y. COMMODITY FUTURES ESTIMATED VOLUMES", None),
        ("GRADINGS", None),
        ("BRUSSELS EXCHANGES OPENING", None),
        ("OPEN HIGH LOW", None),
        ("MAR8", None),
        ("April 7", None),
        ("us 7.8015", None),
        ("", None),
    ],
)
def test_the_place_of_a_supplied_dateline(field: str, place: str | None) -> None:
    assert dateline_place(field) == place


def test_a_market_report_label_opening_a_story_is_not_a_dateline() -> None:
    text = "LONDON COCOA CLOSING - March 3 - Cocoa futures closed steady in quiet trading."
    assert parse_dateline(text) is None
