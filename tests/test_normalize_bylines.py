"""People credited for a story: byline lines, wire credit lines, sign-offs, outlets."""

from __future__ import annotations

import pytest

from indexer.normalize.bylines import (
    clean_name,
    parse_byline,
    parse_credit_line,
    parse_sign_off,
    parse_wire_mark,
    split_names,
)
from indexer.normalize.lines import LABELLED_NAME
from indexer.normalize.sources import canonical_outlet, outlet_name, parse_publisher_line
from tests.test_normalize_copied import _normalize


@pytest.mark.parametrize(
    ("line", "names", "outlet"),
    [
        ("By Brenda Goh", ["Brenda Goh"], None),
        ("By Jane Holloway and Marcus Reed, CNN", ["Jane Holloway", "Marcus Reed"], "CNN"),
        ("By Janie Gabbett, Reuters", ["Janie Gabbett"], "Reuters"),
        ("BY TED D'AFFLISIO, REUTERS", ["Ted D'Afflisio"], "Reuters"),
        ("By STEPHEN JUKES AND PHILIP SHEHADI, REUTERS", ["Stephen Jukes", "Philip Shehadi"],
         "Reuters"),
        ("By keith grant, Reuters", ["Keith Grant"], "Reuters"),
        ("By Cal Mankowski, Reutersd", ["Cal Mankowski"], None),  # a typo'd tail is no person
        ("By Ana Ribeiro, Staff Writer", ["Ana Ribeiro"], None),
        # The office the writer works in is no second writer.
        ("By Nora Elling, University Communications", ["Nora Elling"], None),
        ("By A. B. Carter, Lena Park and Omar Haddad", ["A. B. Carter", "Lena Park",
                                                         "Omar Haddad"], None),
        ("Par Claire Dubois", ["Claire Dubois"], None),
        ("Von Anna Berger", ["Anna Berger"], None),
        ("记者 张三 李四", ["张三", "李四"], None),
        # Where the reporter filed from (`／新竹報導`) and their trade in brackets follow the name.
        ("記者陳美玲／新竹報導", ["陳美玲"], None),
        ("记者张三/北京报道", ["张三"], None),
        ("文／林志明（社工師）", ["林志明"], None),
        ("文：张三", ["张三"], None),
        # An outlet glued to the names without a comma is still the outlet (lost for a while
        # when split_names learned to cut it off the names).
        ("By JANE DOE Associated Press", ["Jane Doe"], "AP"),
        ("By JANE DOE AND JOHN ROE Associated Press", ["Jane Doe", "John Roe"], "AP"),
        # The kind of piece before its writer.
        ("Feature by Catriona Bell", ["Catriona Bell"], None),
        ("Profile by Catriona Bell", ["Catriona Bell"], None),
        # `By` in Indonesian, Arabic and Hebrew; names in scripts without capitals.
        ("Oleh Dwi Anggraini", ["Dwi Anggraini"], None),
        ("بقلم سارة خليل", ["سارة خليل"], None),
        ("מאת דנה כהן", ["דנה כהן"], None),
    ],
)  # fmt: skip
def test_byline_lines(line: str, names: list[str], outlet: str | None) -> None:
    credit = parse_byline(line)
    assert credit is not None
    assert credit.byline == names
    assert credit.outlet == outlet


def test_a_romanian_byline_opens_with_a_lower_case_de() -> None:
    credit = parse_byline("de Ioana Marinescu | 3 aprilie 2024, 09:20")
    assert credit is not None and credit.byline == ["Ioana Marinescu"]
    assert credit.date is not None and credit.date.iso() == "2024-04-03"
    # With a capital, `De` opens a headline or a Dutch name, not a byline.
    assert parse_byline("De Vries Jan Bakker") is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Door Jan Peeters en Lotte De Smet", ["Jan Peeters", "Lotte De Smet"]),
        # After `Por` or `Par`, `en` is `in`: the place is no second writer.
        ("Por Ana Ruiz, en Nueva York", ["Ana Ruiz"]),
        ("Par Jeanne Dupont, en Nouvelle Calédonie", ["Jeanne Dupont"]),
    ],
)
def test_a_dutch_en_joins_writers_only_after_a_dutch_label(line: str, names: list[str]) -> None:
    credit = parse_byline(line)
    assert credit is not None and credit.byline == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Von Jan Novák a Petr Svoboda", ["Jan Novák", "Petr Svoboda"]),  # Czech `a`
        ("By Kovács Anna és Nagy Péter", ["Kovács Anna", "Nagy Péter"]),  # Hungarian `és`
        ("By Иван Петров и Анна Смирнова", ["Иван Петров", "Анна Смирнова"]),  # Russian `и`
        ("By Matti Virtanen ja Liisa Korhonen", ["Matti Virtanen", "Liisa Korhonen"]),  # Finnish
        ("Por Ana Ruiz, a las 9", ["Ana Ruiz"]),  # a sentence's `a` (at) joins no writer
    ],
)
def test_and_of_more_languages_joins_two_full_names(line: str, names: list[str]) -> None:
    credit = parse_byline(line)
    assert credit is not None and credit.byline == names


@pytest.mark.parametrize(
    "line",
    ["Por Ana Ruiz a Buenos Aires", "Av Ingrid Aasen i New York", "Di Paolo Rossi a New York"],
)
def test_a_romance_or_nordic_a_or_i_before_a_place_joins_no_second_writer(line: str) -> None:
    # After `Por`, `Av`, `Di`, the word is `to` or `in`: the line is no byline of two people.
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    "line", ["By Jordi Mas i Pujol, Tarragona", "By Jordi Mas i Pujol | 12/03/2024"]
)
def test_a_catalan_name_of_two_family_names_joined_by_i_is_not_cut(line: str) -> None:
    # `Mas i Pujol`: two family names joined by `i`; the place after the comma is no name's.
    credit = parse_byline(line)
    assert credit is None or "Jordi Mas" not in credit.byline


def test_a_show_is_signed_by_its_host() -> None:
    credit = parse_byline("Hosted by Ana Liu")
    assert credit is not None and credit.byline == ["Ana Liu"]


def test_a_byline_with_a_date() -> None:
    credit = parse_byline("By Grace Ndlovu | November 2, 2024")
    assert credit is not None and credit.byline == ["Grace Ndlovu"]
    assert credit.date is not None and credit.date.iso() == "2024-11-02"


@pytest.mark.parametrize(
    "line",
    [
        "By Thursday morning, the Chinese app was flooded with English-language posts.",
        "By the time he arrived, the meeting had ended.",
        "By selling shares, the firm raised cash.",
        "By Staff",
        "By Reuters",
        "Published by Global Banking & Finance Review®",
        "文化芸能",  # `文` (text) labels only with its mark: here it opens `文化` (culture)
    ],
)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "byline", "contributors"),
    [
        ("(Additional reporting by Sophie Yu and Laurie Chen in Beijing and Shanghai newsroom; "
         "Editing by Alex Richardson)", [], ["Sophie Yu", "Laurie Chen", "Alex Richardson"]),
        ("(Reporting by Mei Ling Tan; Editing by Tom Hale)", ["Mei Ling Tan"], ["Tom Hale"]),
        ("Reporting by Ana Ribeiro in Sao Paulo and Jorge Lima in Brasilia; Writing by Ana "
         "Ribeiro; Editing by Sam Holmes", ["Ana Ribeiro", "Jorge Lima"], ["Sam Holmes"]),
        ("–With assistance from Jing Li.", [], ["Jing Li"]),
        ("CNN's Lena Park contributed to this report.", [], ["Lena Park"]),
        ("Associated Press writer Tom Becker in Baltimore contributed to this report.", [],
         ["Tom Becker"]),
        ("（责任编辑：王五）", [], ["王五"]),
        ("[责任编辑:王五]", [], ["王五"]),
        ("(责编：王五、赵六)", [], ["王五", "赵六"]),
    ],
)  # fmt: skip
def test_credit_lines(line: str, byline: list[str], contributors: list[str]) -> None:
    credit = parse_credit_line(line)
    assert credit is not None
    assert credit.byline == byline
    assert credit.contributors == contributors


@pytest.mark.parametrize(
    "line",
    [
        "The company said it was reporting by phone to the regulator on Monday.",
        "Editing software sales rose last year.",
        "(The figures exclude exports.)",
    ],
)
def test_lines_that_are_not_credit_lines(line: str) -> None:
    assert parse_credit_line(line) is None


def test_sign_off_of_a_transcript() -> None:
    credit = parse_sign_off(
        "China supports exchanges among the peoples of all countries. Yu Li, CGTN, Beijing."
    )
    assert credit is not None
    assert (credit.byline, credit.outlet, credit.place) == (["Yu Li"], "CGTN", "Beijing")
    assert parse_sign_off("He met Jane Doe, Acme Corp, Boston.") is None  # no outlet
    assert parse_sign_off("The talks ended without agreement.") is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Reuter", "Reuters"),
        (" REUTER", "Reuters"),
        ("(AFP)", "AFP"),
        ("-- Xinhua", "Xinhua"),
        ("（共同通信）", "Kyodo"),  # the wire's name in full-width brackets at the story's foot
        ("（新华社）", "Xinhua"),
        ("(中央社)", "Central News Agency"),
    ],
)
def test_wire_end_marks(line: str, outlet: str) -> None:
    assert parse_wire_mark(line.strip()) == outlet


@pytest.mark.parametrize("line", ["（完）", "（北浜市）", "(記者 山田太郎)"])
def test_a_bracketed_cjk_word_that_names_no_wire_is_no_mark(line: str) -> None:
    assert parse_wire_mark(line) is None


def test_names_split_without_their_places() -> None:
    assert split_names("Sophie Yu and Laurie Chen in Beijing and Shanghai newsroom") == [
        "Sophie Yu",
        "Laurie Chen",
    ]
    assert split_names("Ana Ribeiro in Sao Paulo and Jorge Lima in Brasilia") == [
        "Ana Ribeiro",
        "Jorge Lima",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brenda Goh", "Brenda Goh"),
        ("MARGUERITE NUGENT", "Marguerite Nugent"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("April Joyner", "April Joyner"),
        ("Staff Writer", None),
        ("Reuters", None),
        ("Associated Press", None),
        ("Thursday morning", None),
        ("jane@example.com", None),
        ("Madonna", None),  # a single word is too often not a person
        ("أخبار محلية", None),  # no capitals tell a name without a label before it
        ("RIPRODUZIONE RISERVATA", None),  # a rights notice where a picture's credit stands
        ("Alle Rechte vorbehalten", None),
        ("STAR'S ORDEAL", None),  # a tabloid's kicker: no part of a name is possessive
        ("Mayor’s Pledge", None),
        ("Seán O'Sullivan", "Seán O'Sullivan"),
    ],
)
def test_clean_name(text: str, name: str | None) -> None:
    assert clean_name(text) == name


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Reuter", "Reuters"),
        ("Thomson Reuters", "Reuters"),
        ("The Associated Press", "AP"),
        ("Bloomberg L.P.", "Bloomberg"),
        ("Xinhua News Agency", "Xinhua"),
        ("新华社", "Xinhua"),
        ("Harbourline Markets", None),
    ],
)
def test_canonical_outlets(text: str, canonical: str | None) -> None:
    assert canonical_outlet(text) == canonical


def test_outlet_names_lose_marks_and_company_suffixes() -> None:
    assert outlet_name("Global Banking & Finance Review®") == "Global Banking & Finance Review"
    assert outlet_name("Harbourline Media Ltd") == "Harbourline Media"
    assert outlet_name("the company said it would") is None
    assert parse_publisher_line("Published by Global Banking & Finance Review®") == (
        "Global Banking & Finance Review"
    )


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Sgt. Jane Doe", ["Jane Doe"]),
        # A rank word before a single name is how that name is written (a stage name, a
        # surname): stripping it leaves no name at all.
        ("By Captain Beefheart", ["Captain Beefheart"]),
        ("By Officer Jones", ["Officer Jones"]),
        # A rank and an abbreviated office make one title (`Lt. Gov.`): both go.
        ("By Lt. Gov. Jane Doe", ["Jane Doe"]),
        ("By Maj. Gen. Jane Doe", ["Jane Doe"]),
    ],
)
def test_a_rank_is_stripped_only_before_a_full_name(line: str, names: list[str]) -> None:
    credit = parse_byline(line)
    assert credit is not None and credit.byline == names


@pytest.mark.parametrize(
    ("line", "names", "outlet"),
    [
        # `The Rev.` opens a person after the comma, not a house as `The Example Ledger` does.
        ("By Jane Doe, The Rev. Tom Lee", ["Jane Doe", "Tom Lee"], None),
        ("By Jane Doe, The Example Ledger", ["Jane Doe"], "The Example Ledger"),
        # `Staff` between two writers is a family name; after the names it is the house's staff.
        ("By Jane Doe, Tom Staff and Ann Lee", ["Jane Doe", "Tom Staff", "Ann Lee"], None),
        ("By Jane Doe, Example Staff", ["Jane Doe"], None),
    ],
)
def test_a_person_after_the_comma_is_no_house(
    line: str, names: list[str], outlet: str | None
) -> None:
    credit = parse_byline(line)
    assert credit is not None and credit.byline == names and credit.outlet == outlet


def test_a_houses_staff_among_writers_is_no_person() -> None:
    # A house's word before `Staff` (`Tribune Staff`) makes it the house's staff wherever it stands.
    assert split_names("Tribune Staff and Ann Lee") == ["Ann Lee"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # A writer's social handle after the name ends it like a comma; the date after it stays.
        ("By Maya Example @mayaexample on March 4, 2021 at 9:00a", ["Maya Example"]),
        ("By Ann Lee (@annlee) and Tom Roe (@tomroe)", ["Ann Lee", "Tom Roe"]),
        # A handle on a server of its own: a domain (Bluesky) or a second `@` (Mastodon).
        ("By Ann Lee @annlee.bsky.social on March 4, 2021", ["Ann Lee"]),
        ("By Ann Lee @annlee@mastodon.social and Tom Roe", ["Ann Lee", "Tom Roe"]),
        # Buttons set in lower case after a stamp name no one (`3:30p` leaves its `p`).
        ("by Ann Lee @annlee | p tweet share", ["Ann Lee"]),
        ("by keith grant, jane roe", ["Keith Grant", "Jane Roe"]),  # a lower-case copy's style
    ],
)
def test_a_handle_or_lower_case_buttons_after_the_names_sign_no_one(
    line: str, names: list[str]
) -> None:
    credit = parse_byline(line)
    assert credit is not None and credit.byline == names


def test_an_address_is_no_handle() -> None:
    assert parse_byline("By Ann Lee ann@example.com") is None


def test_dutch_en_joins_two_names_not_a_sentences_words() -> None:
    credit = parse_byline("Door Bram de Jong en Sanne Mulder")
    assert credit is not None and credit.byline == ["Bram de Jong", "Sanne Mulder"]
    # `Door de storm en De Lijn …` (by the storm and …) opens a sentence: no name before `en`.
    assert parse_byline("Door de storm en De Lijn") is None


def test_a_labelled_name_is_joined_only_by_its_own_languages_and() -> None:
    assert LABELLED_NAME.match("door Jan Peeters en Lotte De Smet")
    assert LABELLED_NAME.match("av Karin Lindqvist och Erik Holm")
    # Spanish `de … en …`: `en` is `in`, and the words after it a place.
    assert not LABELLED_NAME.match("de Ana Ruiz en Nueva York")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # The word that sets the day goes with the day, in each language's credit.
        ("Door Jan op den Akker op 6 maart 2024", ["Jan op den Akker"]),
        ("Door Leon de Winter op 6 maart 2024", ["Leon de Winter"]),
        ("Por Joao do Rio em 6 de março de 2024", ["Joao do Rio"]),
        ("Af Lars Hansen den 6. marts 2024", ["Lars Hansen"]),
        ("by jane doe on march 6, 2024", ["Jane Doe"]),  # a lower-case credit's `on` too
        # Only the word the date follows: the particles before the family name stay.
        ("Af Lars den Store den 6. marts 2024", ["Lars den Store"]),
        ("Door Jan op den Akker", ["Jan op den Akker"]),
        ("Por Maria de la Cruz el 6 de marzo de 2024", ["Maria de la Cruz"]),
        ("Von Ludwig van Beethoven am 6. März 2024", ["Ludwig van Beethoven"]),
        ("By Leon de Winter on 6 March 2024", ["Leon de Winter"]),
        # An hour of posting with no day after the name (`at 7:45 PM`, `um 10:12 Uhr`).
        ("Posted by Jane Doe at 7:45 PM", ["Jane Doe"]),
        ("Von Anna Berger um 10:12 Uhr", ["Anna Berger"]),
        ("Por Ana de la Cruz às 10h12", ["Ana de la Cruz"]),
        # An hour by its unit alone (`um 10 Uhr`, `om 10.15 uur`, `às 10h`), after `kl.`, or
        # with its zone (`at 7:45 p.m. ET`).
        ("Von Anna Berger um 10 Uhr", ["Anna Berger"]),
        ("Door Anne op de Beeck om 10.15 uur", ["Anne op de Beeck"]),
        ("Por Ana de la Cruz às 10h", ["Ana de la Cruz"]),
        ("Av Kari Nordmann kl. 10", ["Kari Nordmann"]),
        ("Posted by Jane Doe at 7:45 p.m. ET", ["Jane Doe"]),
        ("Posted by Jane Doe at 7:45 PM EST", ["Jane Doe"]),
    ],
)  # fmt: skip
def test_a_credit_gives_the_name_without_the_word_before_its_date(
    line: str, names: list[str]
) -> None:
    credit = parse_byline(line)
    assert credit is not None
    assert credit.byline == names


@pytest.mark.parametrize(
    "line",
    [
        # No date or hour follows the word: it is no stamp's, and no name ends in it.
        "By Jane Doe on Twitter",
        "By Jane Doe on Twitter at 7:45 pm",
        "By Jane Doe at 10 Downing Street",
        "By Jane Doe on 10 Downing Street",
        # A particle in lower case ends no name (`Jan op`): a family name follows it.
        "By Jan op den 6 maart",
    ],
)
def test_a_word_before_no_date_is_never_read_into_a_name(line: str) -> None:
    credit = parse_byline(line)
    assert credit is None or not any(
        name.split()[-1].lower() in ("on", "at", "op", "den", "twitter", "street")
        for name in credit.byline
    )


@pytest.mark.parametrize(
    ("name", "byline"),
    [
        ("stamp-nl-op-den-name.txt", ["Pieter op den Brink"]),  # `Door … op 6 maart 2024`
        ("stamp-nl-particle-name.txt", ["Sanne de Wit"]),  # `Door … op 12 februari 2024`
        ("stamp-pt-em-name.txt", ["Tiago do Vale"]),  # `Por … em 6 de março de 2024`
        ("stamp-it-il-name.txt", ["Chiara della Valle"]),  # `Scritto da … il 6 marzo 2024`
        ("stamp-da-den-name.txt", ["Mette Lund"]),  # `Af … den 6. marts 2024`
        ("stamp-name-at-time-under-post.txt", ["Ruth Ashdown"]),  # `posted by … at 7:45 pm`
        ("stamp-de-um-uhr.txt", ["Anna Berger"]),  # `Von … um 10 Uhr`: an hour by its unit
        # Guards: a particle of the name (`de la`, `van`) stays before the day's `el`, `am`.
        ("stamp-es-el-particle-name.txt", ["María de la Cruz"]),
        ("stamp-de-am-particle-name.txt", ["Ludwig van Hove"]),
    ],
)
def test_a_page_signed_before_its_day_or_hour_gives_the_name(name: str, byline: list[str]) -> None:
    assert _normalize(name).byline == byline


def test_a_credit_in_capitals_gives_the_name_and_its_day_of_capital_words() -> None:
    # `POR … EL 6 DE MARZO DE 2024`: the date's `DE` in capitals too, so `EL` is the day's.
    article = _normalize("stamp-es-shouted-date.txt")
    assert article.byline == ["Lucía Méndez"]
    assert article.date is not None and article.date.iso() == "2024-03-06"
