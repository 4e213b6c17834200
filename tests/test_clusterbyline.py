"""The byline of a copied page's header cluster: each test is one failure class of real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import Article, RawRecord
from indexer.normalize import normalize
from indexer.normalize.bylines import parse_byline, parse_name_line
from indexer.normalize.creditline import bare_names, common_words, name_before_job

DATA = Path(__file__).resolve().parent / "data" / "copied"
HEADLINE = "Water board to replace old mains under the market district"


def assert_read(name: str, title: str, byline: list[str]) -> None:
    """Assert the headline and byline a copied page is read with."""
    article = _normalize(name)
    assert article.title == title
    assert article.byline == byline


def _normalize(name: str) -> Article:
    """Normalise one copied page as `newsindex rebuild` reads a `.txt` file."""
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    return normalize(RawRecord(id=name, file=name, path=path, kind="text", text=text))


@pytest.mark.parametrize(
    ("name", "byline"),
    [
        # The reporter's title and house after the names do not void the byline.
        ("byline-affiliation.txt", ["Dana Whitfield"]),
        # A rank and an abbreviated office (`Lt. Gov.`) are one title before the name.
        ("byline-rank-office.txt", ["Dana Whitfield"]),
        # `Staff` between two writers is a family name; `The Rev.` opens a co-author, no house.
        ("byline-staff-surname.txt", ["Dana Whitfield", "Tomas Staff", "Ines Marlow"]),
        ("byline-styled-coauthor.txt", ["Dana Whitfield", "Tomas Ekberg"]),
        # `By Dana Whitfield, Cape Town`: the place the writer files from, which the dateline or
        # the first paragraph (`in Hong Kong`) names, is no co-author.
        ("byline-place-dateline.txt", ["Dana Whitfield"]),
        ("byline-place-first-line.txt", ["Dana Whitfield"]),
        # `Tomas & Ines Marlow`, `Tomas and Ines Marlow`: a couple sharing a family name.
        ("byline-couple.txt", ["Tomas Marlow", "Ines Marlow"]),
        ("byline-couple-and.txt", ["Tomas Marlow", "Ines Marlow"]),
        # `FOR DAILYEXAMPLE.COM`: the house the reporter writes for is no second name.
        ("byline-house-tail.txt", ["Marcus Holloway"]),
        # The reporter's e-mail address and handle in the story do not make the name common words.
        ("byline-contact.txt", ["Rowan Ellery"]),
        # A news agency signing alone is the byline, with a label or on a line of its own.
        ("byline-agency.txt", ["Associated Press"]),
        ("byline-wire-line.txt", ["Associated Press"]),
        # `Corin MaddoxTwitter`: the next element glued to the name is cut off.
        ("byline-glued-furniture.txt", ["Corin Maddox"]),
        # A label on a line of its own signs the name (here an agency) below it.
        ("byline-label-alone.txt", ["The Associated Press"]),
        # `Autor: …` under the last paragraph signs a story whose header names no one.
        ("byline-foot.txt", ["Lena Brandt"]),
        # The one `By` line of the page signs the story though menus part it from the headline.
        ("byline-lone.txt", ["Hollis Mbeki"]),
        # A desk's name alone under the headline, beside its date, signs as the page writes it.
        ("byline-desk-dated.txt", ["Harbour Gazette Staff"]),
        # `Corinna Velasquez` over the picture's credit is the story's subject (`Velasquez
        # said`); the name under the credit, which the story never uses, signs it.
        ("byline-subject-caption.txt", ["Ada Example"]),
        # The header names no one; `Mira Okafor is a staff writer at …` under the story does
        # (`authorbio`), and so do `Contact … at …` and `About the author` / a name.
        ("byline-bio.txt", ["Mira Okafor"]),
        ("byline-bio-contact.txt", ["Tobias Quenneville"]),
        ("byline-bio-about.txt", ["Tobias Quenneville"]),
        # `Mira Okafor Mira is …`: the author box's name glued to the biography's first word.
        ("byline-bio-avatar.txt", ["Mira Okafor"]),
        # A bare phrase under the headline (`Festive Lights`) is no name when the story's foot
        # says who wrote it.
        ("byline-bio-over-phrase.txt", ["Mira Okafor"]),
        # An agency beside its stamp under the headline (`Reuters | May 3, 2024 4:05 PM`).
        ("byline-wire-stamp.txt", ["Reuters"]),
        # An agency alone between the headline and the story, under a long standfirst and a
        # player's buttons, more than three lines down.
        ("byline-wire-below.txt", ["Associated Press"]),
        # `Corinna Velasquez` over a picture's credit names who it shows; the name under the
        # credit signs the story.
        ("byline-caption-name.txt", ["Ada Example"]),
        # Two credits stacked, each a name and its job title (`Dana Whitfield – Journalist`).
        ("byline-titled-stack.txt", ["Dana Whitfield", "Tomas Ekberg"]),
        # A one-line biography just under the headline, over the date, names the writer.
        ("byline-bio-under-headline.txt", ["Dana Whitfield"]),
        # ... but not a person the story is about (`Whitfield said`).
        ("byline-bio-subject-under.txt", []),
        # A `Most read` box above the headline signs its teasers `By …`; the credit under the
        # headline, a bare name or an agency, signs the story.
        ("byline-teaser-above.txt", ["Dana Whitfield"]),
        ("byline-teaser-above-agency.txt", ["Reuters"]),
        # A `Related` box between the credit and the story signs its teaser `By …`.
        ("byline-related-under.txt", ["Dana Whitfield"]),
        # Co-authors set apart by a list's separator (`Dana Whitfield | Tomas Ekberg`).
        ("byline-pipe-coauthors.txt", ["Dana Whitfield", "Tomas Ekberg"]),
        # ... but not names the story writes in full (`United States | United Kingdom`): the
        # places, teams or people it is about.
        ("byline-pipe-topics.txt", []),
        # ... nor the writer's place after the separator (`Dana Whitfield | Mexico City`),
        # whose words the story writes in lower case (`The city's water board`).
        ("byline-pipe-place.txt", ["Dana Whitfield"]),
        # A place alone beside the date under the headline is where the story was filed from,
        # where its opening says it happens (`in Hong Kong`).
        ("byline-stamp-place-named-in-story.txt", []),
        # The story's section beside its date: a top section and one under it (`World Europe`).
        ("byline-stamp-top-section.txt", []),
        # A date inside a `By` line parts the names from the section set after it (`… Ekberg
        # 2025-05-06T09:14:00Z Cities & Transport`), and takes its preposition (`ON 05/06/25`).
        ("byline-dated-section.txt", ["Dana Whitfield", "Tomas Ekberg"]),
        ("byline-dated-preposition.txt", ["Dana Whitfield"]),
        # `byDana Whitfield`: a label styled in lower case, glued to the name by the copy.
        ("byline-glued-lowercase-by.txt", ["Dana Whitfield"]),
        # A blog's meta line parts its fields with slashes (`May 6, 2025/…/by Dana Whitfield`).
        ("byline-slash-fields.txt", ["Dana Whitfield"]),
        # `Exclusive` alone under the headline and date: the story's kind, no pen name.
        ("byline-kind-label.txt", []),
        # `Posted by Dana Whitfield, Vice President, …`: the writer's office, no second name.
        ("byline-office-title.txt", ["Dana Whitfield"]),
        # `Reuters, Harbour City,` over the date: the agency and where it filed from.
        ("byline-wire-filed-from.txt", ["Reuters"]),
        # `By` / `Harbour Gazette Correspondent`: the paper credits an unnamed reporter's desk.
        ("byline-desk-correspondent.txt", ["Harbour Gazette Correspondent"]),
        # A job title of four words after the comma (`AP Regional Utilities Writer`).
        ("byline-comma-long-title.txt", ["Dana Whitfield"]),
        # `HARBOUR FOOD & DINING` under the story, as in the menu: a section's heading, not a
        # sign-off (an ampersand joins its single words).
        ("byline-section-foot.txt", []),
        # `Port Elwyn, Gazette News Bureau | Updated …`: the desk signs; before it stands the
        # place it filed from, which the story names (`in Elwyn`); a writer it does not.
        ("byline-desk-place.txt", ["Gazette News Bureau"]),
        ("byline-desk-writer.txt", ["Dana Whitfield"]),
        # `By Dana Whitfield New York Times`: the outlet glued to the name, whose words the
        # story writes in lower case (`new mains`, `four times`), does not void the name.
        ("byline-glued-outlet.txt", ["Dana Whitfield"]),
        # A name under its date and time, buttons parting it from the headline.
        ("byline-under-date-time.txt", ["Dana Whitfield"]),
        # `Dana WhitfieldView More Articles`: the name with its author page's button signs as a
        # `By` line does, before a name stamped lower down (a photographer's).
        ("byline-more-articles.txt", ["Dana Whitfield"]),
        # `Utilities More Stories` by the date: a section's link, no pen name.
        ("byline-section-more-stories.txt", []),
        # `ST. ELWYN, Maine (AP) — …`: the place a dateline names is no writer.
        ("byline-dateline-place.txt", []),
        # `More` / `Harbour Radio` over the headline: a menu's entry, though the story's date
        # stands under the headline.
        ("byline-menu-over-headline.txt", []),
        # `SPONSORED CONTENT by Harbour Savings Bank`: a label of two words in capitals before
        # `by` credits a sponsor; only a headline so joined to its credit signs.
        ("byline-caps-label-by.txt", []),
    ],
)
def test_the_byline_of_a_copied_page(name: str, byline: list[str]) -> None:
    article = _normalize(name)
    assert article.title == HEADLINE
    assert article.byline == byline


def test_a_desk_beside_the_date_is_no_byline() -> None:
    """`Haber Merkezi | 05.04.2025` (news centre): a Turkish paper's desk, no writer."""
    assert_read("byline-stamp-desk-tr.txt", "Su idaresi eski boruları yeniliyor", [])


def test_section_names_photo_credits_and_quotes_are_no_byline() -> None:
    # `Market Wrap` above the headline, `APA/AFP/Jon Berrow` and `“Silver Lining”` below it.
    article = _normalize("byline-furniture.txt")
    assert article.title == HEADLINE
    assert article.byline == []


def test_a_list_of_teasers_signed_by_others_gives_no_byline() -> None:
    article = _normalize("byline-teasers.txt")
    assert article.title == HEADLINE
    assert article.byline == []


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Von Jane Doe mit AP", ["Jane Doe"]),
        ("By Jane Doe with John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe and John Roe The Associated Press", ["Jane Doe", "John Roe"]),
        ("von Jane Doe, MDR THÜRINGEN", ["Jane Doe"]),
        ("By JANE DOE, JOHN ROE", ["Jane Doe", "John Roe"]),
        # The house a contributor writes for, without a comma, is no second name.
        ("By Jane Doe Special to The Harbour Gazette", ["Jane Doe"]),
        # The writer who took the pictures too.
        ("Words and photos by Jane Doe", ["Jane Doe"]),
        ("Text and pictures by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Text & photos by Jane Doe", ["Jane Doe"]),
        ("Photos and text by Jane Doe", ["Jane Doe"]),
        # `Written by` in other languages and a guest's column: the label is no part of a name.
        ("Geschrieben von Hanna Beispiel", ["Hanna Beispiel"]),
        ("Scritto da Luca Esempio", ["Luca Esempio"]),
        ("Escrito por Juana Ejemplo", ["Juana Ejemplo"]),
        ("Guest column by Jane Doe", ["Jane Doe"]),
        # A guest writer's office and firm; a co-author joined after them still signs.
        ("Posted by Jane Doe, Vice President, Example Cloud", ["Jane Doe"]),
        (
            "By Jane Doe, Chief Executive Officer, Example Cloud, and John Roe",
            ["Jane Doe", "John Roe"],
        ),
    ],
)
def test_a_by_line_keeps_its_names_and_drops_what_follows_them(line: str, names: list[str]) -> None:
    credit = parse_byline(line)
    assert credit is not None and credit.byline == names


def test_a_bare_line_must_be_names_only() -> None:
    # Without a `By` label nothing vouches for the rest of the line.
    assert parse_name_line("Silver Society – The young old people") is None
    assert parse_name_line("Holiday Gifts for Men") is None
    # Nor is a line wholly in lower case a name (a post's title, a tag): names are capitalised.
    assert parse_name_line("rhubarb and ginger fool") is None


def test_a_name_dated_on_its_line_may_be_a_common_word() -> None:
    # `will` runs in the story in lower case, but `Will Harrow/November 18, 2016` is a byline;
    # `Son Güncelleme : 18.11.2016` is the label of a date, not a name.
    article = _normalize("byline-dated-common.txt")
    assert article.byline == ["Will Harrow"]
    assert article.date is not None and article.date.iso() == "2016-11-18"


def test_a_button_after_the_name_does_not_void_the_by_line() -> None:
    # `Follow` glued to the byline; `Social Sharing` nearer the headline is a widget.
    article = _normalize("byline-button.txt")
    assert article.byline == ["Victoria Lansdowne"]


@pytest.mark.parametrize(
    ("name", "byline"),
    [
        # A name stamped with its date on one line, not the nearer `Social Sharing` button.
        ("byline-stamped-first.txt", ["Ravi Mensah"]),
        # Under an earlier copy of the headline, its agency after a slash and its date: no
        # picture credit; `Key Points` by the story's own copy of the headline is no name.
        ("byline-headline-copy.txt", ["Mira Solberg"]),
        # `Written on Mar 17 by` ends in its label: the next line is the name.
        ("byline-label-ends.txt", ["Tomas Ekberg"]),
        # `Kommentar von` alone on its line, a dozen lines under the story.
        ("byline-label-far.txt", ["Greta Lindqvist"]),
        # `… | Published: 5 hours ago | Written by Jane Doe`: a labelled part of a meta line.
        ("byline-meta-part.txt", ["Nandi Amupolo"]),
        # A name over its own date line, below a summary box that opens the story's zone.
        ("byline-over-date.txt", ["Karl Weber"]),
        # Linked names a copy ran together over the date (`Ingrid Halvorsen Maria Luisa Brandt
        # …`) are parted where the story's closing credit writes them apart; with no such
        # credit, where one name ends is not known and nothing is guessed.
        (
            "byline-glued-names-end-credit.txt",
            ["Ingrid Halvorsen", "Maria Luisa Brandt", "Jan Peter Oberleitner"],
        ),
        ("byline-glued-names-unparted.txt", []),
        # A line of linked topics over the date runs people's names together too; the story's
        # sentences write them apart (`Chancellor Oskar Brenner told …`), no credit does.
        ("byline-glued-names-topics.txt", []),
        # A Japanese name under its date; the section names around it are no people.
        ("byline-cjk.txt", ["大渡 美咲"]),
        # A Japanese name in square brackets under its date, the outlet perhaps after a comma.
        ("byline-cjk-bracket.txt", ["山本花子"]),
        ("byline-cjk-bracket-alone.txt", ["山本花子"]),
        # `[写真]` alone in brackets under the date: a photo's button, no full name.
        ("byline-cjk-bracket-button.txt", []),
        # A section's name over the headline is no byline though the date stands under the
        # headline; nor is the headline's last phrase over its own date (`鉄道会社が発表`).
        ("byline-cjk-kicker.txt", []),
        ("headline-cjk-prose.txt", []),
        # A labelled reporter (`記者王小明／台中報導`) signs though a caption credits them too.
        ("byline-cjk-caption.txt", ["王小明"]),
        # A name two lines under its date, only a count (`1,204` views) between them.
        ("byline-cjk-count.txt", ["森川ゆかり"]),
        # A Japanese name stamped on its line under the headline signs, though the story
        # names the columnist's series after them (`山田花子のスマホ週報`).
        ("byline-cjk-series.txt", ["山田花子"]),
        # A one-word pen name after `By`, undated, vouched by the author box under the story
        # (`Mara` / `Mara is a …`); a headline in capitals joined by the copy to its `written by`.
        ("byline-pen-name-box.txt", ["Mara"]),
        ("byline-pen-name-box-by.txt", ["Mara"]),
        # A desk credited with `By` signs when no person is named.
        ("byline-desk.txt", ["Harbour Shopping Team"]),
        # An agency alone under the headline signs before a phrase further off (`Top Stories`).
        ("byline-wire-under.txt", ["Associated Press"]),
        # A stamp in a language whose dates are not read does not void the name before it.
        ("byline-foreign-stamp.txt", ["Kari Nordmann"]),
        # A name in a script without capitals (Arabic, Devanagari) after its label signs,
        # though its words cannot be told from the story's by case.
        ("byline-caseless-label.txt", ["سارة خليل"]),
        ("byline-devanagari-label.txt", ["प्रिया वर्मा"]),
        # A name without capitals alone over the date line under the headline (Hebrew).
        ("byline-caseless-over-date.txt", ["דנה כהן"]),
        # The same with the Arabic writer's word before it and no colon (`كتبت`, she wrote),
        # or the city the writer files from after it (`अंकिता मिश्रा, वाराणसी`).
        ("byline-caseless-word-before.txt", ["منى عبد الرحمن"]),
        ("byline-caseless-name-place.txt", ["अंकिता मिश्रा"]),
        # Or the city before it with a dash (`الرياض - فهد العتيبي`), as Arabic papers set it.
        ("byline-caseless-place-dash.txt", ["فهد العتيبي"]),
        # There the paper may credit its source instead: a paper's name takes the article
        # (`لشبونة - الشرق الأوسط`), which a person's given name does not.
        ("byline-caseless-place-dash-source.txt", []),
        # A name run into the writer's job in sentence case over the date (`Tom Ashdown Transport
        # and infrastructure correspondent`).
        ("byline-name-run-into-job.txt", ["Tom Ashdown"]),
        # A paper's name run into the job (`Irish Times Chief theatre critic`) names no one.
        ("byline-job-after-paper.txt", []),
        # A desk or an unnamed reporter's job there is no name (`डिजिटल डेस्क, जोधपुर`, digital
        # desk; `كتب محرر الشؤون الاقتصادية`, the economic affairs editor wrote).
        ("byline-caseless-desk.txt", []),
        ("byline-caseless-desk-ar.txt", []),
        # `Publié le …, mis à jour le …`: the update's label left in lower case is no name.
        ("byline-stamp-updated-fr.txt", []),
        # A blog post signed at its foot: `Posted by Jane Doe at 16:42`, the time cut.
        ("byline-posted-by-foot.txt", ["Margaret Ellery"]),
        # A press release's contact under `Media Contact:` is whom to call, not the writer.
        ("byline-press-contact.txt", []),
        # A teaser's `By` line in a box of links under an unsigned story (`Most Read`) is no
        # signature at the story's foot, though the box's next teaser is out of reach.
        ("byline-teaser-under-story-box.txt", []),
        # However short the story, so that the lines read for its `By` line reach past its
        # foot: the teaser under `Related` signs its own story.
        ("byline-teaser-under-short-story.txt", []),
        # Nor is the heading of such a box (`Trending Now`), shaped like a name under the story.
        ("byline-box-heading-under-story.txt", []),
        # Two writers a Dutch page joins with `en` (and) over the date: both sign, and the
        # second is no place (`en` is Spanish `in`).
        ("byline-nl-two-writers-en.txt", ["Maarten Bosch", "Eline Verhoef"]),
    ],
)
def test_the_byline_is_read_where_the_page_puts_it(name: str, byline: list[str]) -> None:
    assert _normalize(name).byline == byline


def test_a_section_name_shaped_like_a_cjk_name_needs_a_date_beside_it() -> None:
    text = (DATA / "byline-cjk.txt").read_text(encoding="utf-8")
    # Without its date line the name under the headline is no more a byline than `社会` is.
    undated = text.replace("2025/1/21 20:50\n", "")
    path = DATA / "byline-cjk.txt"
    article = normalize(RawRecord(id="u", file="u.txt", path=path, kind="text", text=undated))
    assert article.byline == []


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        # A desk after the comma: the words before it are the place it files from.
        ("नई दिल्ली, जागरण ब्यूरो", []),
        # A job after the comma follows the writer's name, as a city does.
        ("रेखा चौहान, वरिष्ठ संवाददाता", ["रेखा चौहान"]),
        ("रेखा चौहान, जोधपुर", ["रेखा चौहान"]),
        # A region and its city, or a city and an agency's name, read as a name and its city:
        # no word of theirs says they are places.
        pytest.param("मध्य प्रदेश, भोपाल", [], marks=pytest.mark.xfail(strict=True, reason="a place")),
        pytest.param(
            "नई दिल्ली, पीटीआई", [], marks=pytest.mark.xfail(strict=True, reason="a place")
        ),
    ],
)
def test_a_caseless_name_over_the_date_is_no_desk(line: str, byline: list[str]) -> None:
    assert _with_line("byline-caseless-desk.txt", "डिजिटल डेस्क, जोधपुर", line).byline == byline


def _with_line(name: str, old: str, new: str) -> Article:
    """Normalise one copied page with its line `old` written `new`."""
    path = DATA / name
    text = path.read_text(encoding="utf-8").replace(old, new)
    return normalize(RawRecord(id="d", file="d.txt", path=path, kind="text", text=text))


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("لشبونة - سارة المالكي", ["سارة المالكي"]),
        # A desk, agencies or an agency's initials after the city's dash are no writer
        # (`دبي - البيان الإلكتروني`, the paper's online desk; `وكالات الأنباء`, news agencies).
        ("دبي - البيان الإلكتروني", []),
        ("لشبونة - وكالات الأنباء", []),
        ("القاهرة - أ ش أ", []),
        # Only Arabic papers set the city before the name so: a Hebrew section and its
        # subsection over the date are no city and name.
        ("ספורט - כדורגל ישראלי", []),
    ],
)
def test_a_caseless_name_after_a_city_s_dash_is_a_person_s(line: str, byline: list[str]) -> None:
    page = "byline-caseless-place-dash-source.txt"
    assert _with_line(page, "لشبونة - الشرق الأوسط", line).byline == byline


def test_a_name_without_capitals_needs_the_date_line_under_it() -> None:
    text = (DATA / "byline-caseless-over-date.txt").read_text(encoding="utf-8")
    # Without its date line, nothing tells the two words under the standfirst for a name.
    undated = text.replace("פורסם: 21.04.24, 18:05\n", "")
    path = DATA / "byline-caseless-over-date.txt"
    article = normalize(RawRecord(id="u", file="u.txt", path=path, kind="text", text=undated))
    assert article.byline == []


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Yazar: ", "Ayşe Demir"),  # Turkish
        ("Muhabir: ", "Ayşe Demir"),
        ("Γράφει ο ", "Νίκος Αλεξίου"),  # Greek
        ("Συντάκτης: ", "Νίκος Αλεξίου"),
        ("Tác giả: ", "Nguyễn Minh Anh"),  # Vietnamese
        ("Wartawan: ", "Dwi Anggraini"),  # Indonesian
        ("Napisała ", "Anna Nowak"),  # Polish
        ("بواسطة ", "سارة خليل"),  # Arabic `by`
        ("ผู้เขียน: ", "วิภา ศรีสุข"),  # Thai `writer`
        ("خبرنگار: ", "علی رضایی"),  # Persian `reporter`
    ],
)
def test_writer_labels_of_more_languages(label: str, name: str) -> None:
    # The label on the byline's line under the headline and standfirst, the date below.
    text = (
        "News\nRiver ferry returns after two years of repairs to its landing stage\n"
        "The crossing will run every half hour from Monday, the operator said.\n"
        f"{label}{name}\n12.03.2024 10:45\n"
        + "\n".join(
            f"The ferry made {n} trial crossings this week with no passengers on board, and the "
            "operator said the new landing stage had passed its last safety inspection."
            for n in range(4)
        )
    )
    path = DATA / "byline-desk.txt"
    article = normalize(RawRecord(id="a", file="a.txt", path=path, kind="text", text=text))
    assert article.byline == [name]


def test_an_update_label_stamped_with_a_name_is_no_name() -> None:
    # `Actualizado Lunes, 2 diciembre 2024`: the stamp's label and weekday are not a person.
    text = (
        "Deportes\nLa revancha del piloto tras su sanción en Qatar\n"
        "El neerlandés dominó la carrera de principio a fin y habló después de su rival.\n"
        "Actualizado Lunes, 2 diciembre 2024 - 02:24\n"
        + "\n".join(
            f"El piloto ganó la carrera número {n} de la temporada sin dejar dudas en la pista, "
            "y después habló con calma de la sanción que recibió el sábado en la clasificación."
            for n in range(4)
        )
    )
    path = DATA / "byline-desk.txt"
    article = normalize(RawRecord(id="a", file="a.txt", path=path, kind="text", text=text))
    assert article.byline == []


_STORY = "\n".join(
    [
        "The city council voted on Thursday to extend the tram line from the central station to "
        "the airport, a route that buses now take forty minutes to cover in traffic.",
        "Construction is due to start next year and the line should open in 2028, the council "
        "said, with six new stops along the river and a depot near the terminal.",
        "Opposition members questioned the cost, which has risen by a fifth since the plan was "
        "first drawn up, and asked for an independent review of the budget.",
        "The mayor said the airport would pay part of the bill and that the line would take "
        "thousands of cars off the ring road every day once it opens.",
    ]
)


def _signed(credit: str) -> list[str]:
    """The byline of a small page whose header holds `credit` under its headline."""
    text = (
        "Home\nNews\nTram line to reach the airport by 2028\n"
        f"The council backs the plan despite its cost.\n{credit}\n{_STORY}\n"
    )
    path = DATA / "byline-desk.txt"  # any path: the text is given
    return normalize(RawRecord(id="t", file="t.txt", path=path, kind="text", text=text)).byline


@pytest.mark.parametrize(
    ("credit", "byline"),
    [
        # A copy puts each linked name on its own line; a joining word or comma goes on.
        ("By\nJane Doe\nand\nJohn Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe,\nJohn Roe", ["Jane Doe", "John Roe"]),
        ("Von\nJana Beispiel\nJonas Muster", ["Jana Beispiel", "Jonas Muster"]),
        # Each linked name with its button (`Follow`), the joining word glued to one.
        ("By\nJane Doe\nFollow\n and \nJohn Roe\nFollow", ["Jane Doe", "John Roe"]),
        # Without a joining word or a label, the next line is no co-author.
        ("Jane Doe\nFunctional Design\nMay 3, 2024", ["Jane Doe"]),
        # The house in capitals after a bare name.
        ("Jane Doe, USA TODAY", ["Jane Doe"]),
        # A labelled part of a meta line.
        ("Daily Example | 04.05.2025 | By Jane Doe", ["Jane Doe"]),
        # A blog's stamp with the category the post is filed in, its author after it.
        ("Posted in City News by Jane Doe on May 3, 2024", ["Jane Doe"]),
        (
            "This entry was posted in City News by Jane K. Doe. Bookmark the permalink.",
            ["Jane K. Doe"],
        ),
        # A site's account cut to an initial (`Harbour D`) is no person; the name under it is.
        ("by Harbour D | 5 November 2024\nJANE DOE", ["Jane Doe"]),
        # Where no writer is named, the editor the header credits stands for the page.
        (
            "World NewsEdited by Jane Doe (with inputs from agencies)Updated: May 3, 2024",
            ["Jane Doe"],
        ),
        ("By John Roe\nEdited by Jane Doe", ["John Roe"]),
        # The same stamp in other languages; a Russian label.
        ("Publié le 3 mai 2024 à 16h05 par Jeanne Dupont", ["Jeanne Dupont"]),
        ("Veröffentlicht am 03.05.2024 von Jana Beispiel", ["Jana Beispiel"]),
        ("Автор: Андрей Иванов", ["Андрей Иванов"]),
        # Labels with a colon.
        ("Contributor: Jane Doe", ["Jane Doe"]),
        ("Words: Jane Doe", ["Jane Doe"]),
        ("Text: Jana Beispiel", ["Jana Beispiel"]),
        ("Story: Jane Doe", ["Jane Doe"]),
        ("Reporting: Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        # A magazine's credit: the label, then the names, with no `by` or colon.
        ("Words Catriona Bell", ["Catriona Bell"]),
        ("Words and photos Jane Doe", ["Jane Doe"]),
        ("Text Anna Schmidt", ["Anna Schmidt"]),
    ],
)
def test_a_credit_split_over_lines_or_labelled_signs(credit: str, byline: list[str]) -> None:
    assert _signed(credit) == byline


def test_a_biography_of_someone_the_story_is_about_names_no_writer() -> None:
    # The story reports what `Mira Okafor` found: the biography under it is its subject's.
    article = _normalize("byline-bio-subject.txt")
    assert article.title == HEADLINE
    assert article.byline == []


@pytest.mark.parametrize(
    ("credit", "byline"),
    [
        # The headline printed again in an audio player: the name between the copies signs.
        (
            "Sam Okoro\nTram line to reach the airport by 2028\n1.0x\n00:00\n00:00\nShare",
            ["Sam Okoro"],
        ),
        # A bare name below a standfirst set in short lines and a row of buttons, a gallery
        # parting it from the story.
        (
            "Six new stops\nA depot near the terminal\nListen\nShare\nSave\nPrint\nComments\n"
            "Sam Okoro\nImage\nThe river bank where the line will run.\nPhoto: Archive\n"
            "Advertisement\nRead more\nTram plans\nBus routes\nMaps",
            ["Sam Okoro"],
        ),
    ],
)
def test_where_the_header_may_sign(credit: str, byline: list[str]) -> None:
    assert _signed(credit) == byline


@pytest.mark.parametrize(
    ("credit", "byline"),
    [
        # Right under the headline a name may hold a word the story writes in lower case (`a
        # grace period`), though not a definite article: `Los Gallardos` is a place.
        ("Grace Holloway", ["Grace Holloway"]),
        ("Los Gallardos", []),
    ],
)
def test_a_name_under_the_headline_may_hold_a_common_word(credit: str, byline: list[str]) -> None:
    text = (
        f"Home\nNews\nTram line to reach the airport by 2028\n{credit}\n{_STORY}\n"
        "Residents get a grace period of a year before the new parking rules near the stops apply."
    )
    path = DATA / "byline-desk.txt"
    article = normalize(RawRecord(id="g", file="g.txt", path=path, kind="text", text=text))
    assert article.byline == byline


def test_a_name_over_its_date_far_above_the_story_signs() -> None:
    # Buttons part the dated name from the headline, a gallery from the story's first paragraph.
    buttons = "\n".join(["Listen", "Share", "Save", "Print", "Comments", "Follow", "Gift"])
    gallery = "\n".join(f"Picture {n} of 15" for n in range(1, 16))
    credit = f"{buttons}\nAda Lindqvist\nMay 3, 2024\n{gallery}"
    assert _signed(credit) == ["Ada Lindqvist"]


def test_consecutive_reporter_lines_read_alone_sign_together() -> None:
    # Korean reporters' lines (`NAME 기자 mail`), one per reporter, far above a missed headline.
    names = "배윤경 기자 bykj@example.com\n이상현 기자 lee@example.com"
    text = f"뉴스\n정치\n{names}\n" + "\n".join(["메뉴"] * 12) + f"\n{_STORY}\n"
    path = DATA / "byline-desk.txt"
    article = normalize(RawRecord(id="k", file="k.txt", path=path, kind="text", text=text))
    assert article.byline == ["배윤경", "이상현"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("배윤경 기자 bykj@example.com", ["배윤경"]),
        ("순천, 광양 구현모 기자", ["구현모"]),
        ("홍길동·김철수 기자", ["홍길동", "김철수"]),
        ("홍길동 기자 외 1명", ["홍길동"]),  # and one other, whom the line does not name
        ("Kolumne von Jana Beispiel", ["Jana Beispiel"]),
        ("Ein Kommentar von Jana Beispiel", ["Jana Beispiel"]),
    ],
)
def test_labels_of_other_languages_open_a_by_line(line: str, names: list[str]) -> None:
    credit = parse_byline(line)
    assert credit is not None and credit.byline == names


def test_a_row_of_share_buttons_is_no_name() -> None:
    # The copy cuts `LinkedIn` at its inner capital: `Facebook X Linked` is shaped like a name.
    assert bare_names("Facebook X LinkedIn Tumblr Pinterest WhatsApp") == ["Facebook X Linked"]
    assert common_words("Facebook X Linked", "a story") is True


def test_an_initials_badge_names_the_writer_under_it() -> None:
    # A badge of the writer's initials over their line: the job after the name is in a
    # language whose words for it we do not know, and the outlet and stamp follow.
    line = "Jonas Dvaras, Vilniaus miesto tyrimų centro profesorius, Pavyzdys.lt 2024.03.31 19:59"
    assert _signed(f"JD\n{line}") == ["Jonas Dvaras"]


def test_initials_that_do_not_spell_the_next_name_name_no_one() -> None:
    # `EU`, a tag or a section's short name, over someone else's line: a badge spells the
    # first letters of the name under it.
    line = "Jonas Dvaras, Vilniaus miesto tyrimų centro profesorius, Pavyzdys.lt 2024.03.31 19:59"
    assert _signed(f"EU\n{line}") == []


def test_an_agency_alone_beside_its_date_signs_when_no_one_else_does() -> None:
    # Further under the headline than an agency signs alone, but over its date.
    credit = "Listen\nShare\nSave\nGallery\nThe first trams are due in 2028.\ndpa\nMay 3, 2024"
    assert _signed(credit) == ["dpa"]


def test_a_dated_name_under_a_short_story_is_a_related_storys() -> None:
    # `Dana Roe` / `April 11, 2014` signs a related post under the story, not the story.
    related = "Share\nTweet\nRelated Posts\nComet flyby delayed again\nDana Roe\nApril 11, 2014"
    text = f"Home\nNews\nTram line to reach the airport by 2028\n{_STORY}\n{related}\n"
    path = DATA / "byline-desk.txt"
    article = normalize(RawRecord(id="r", file="r.txt", path=path, kind="text", text=text))
    assert article.byline == []


def test_names_in_a_box_of_links_under_the_headline_are_teasers() -> None:
    # `You may also like` under the headline: its names and dates sign other stories, until a
    # sentence closes the box.
    box = "You may also like\nComet flyby delayed again\nDana Roe\nToday 7:30AM"
    after = "Our guide to the city, delivered to your inbox every morning."
    credit = (
        f"{box}\nLibrary hours extended\nLee Park\nToday 6:10AM\n{after}\nAda Lindqvist\n9/11/23"
    )
    assert _signed(credit) == ["Ada Lindqvist"]


def test_a_personal_site_is_signed_by_its_owner() -> None:
    # The site's masthead is a person's name, and that person holds its copyright.
    foot = "Older posts\nAbout\n© Noor Haddad 2016-2020\nCredits"
    head = "Noor Haddad\nAbout\nSubscribe\nArchive\n21 September 2020\nSQL"
    text = f"{head}\nTram line to reach the airport by 2028\n{_STORY}\n{foot}\n"
    path = DATA / "byline-desk.txt"
    article = normalize(RawRecord(id="o", file="o.txt", path=path, kind="text", text=text))
    assert article.byline == ["Noor Haddad"]
    # A company's notice under a newspaper's page names no writer.
    house = text.replace("Noor Haddad", "Harbour Media Group")
    article = normalize(RawRecord(id="p", file="p.txt", path=path, kind="text", text=house))
    assert article.byline == []


@pytest.mark.parametrize(
    ("name", "byline"),
    [
        # An author box's name over a row of tags in lower case: the tags are no more of a
        # sentence the name began than a button is.
        ("byline-name-over-tags.txt", ["Rowan Ellery"]),
        # Signed off under the last paragraph, and credited again in a `Follow the author` box.
        ("byline-signed-off.txt", ["Tomas Ekberg"]),
        # A Japanese author box (`この記事の筆者` / the name) under the story; the name under the
        # headline, undated, could be a section's.
        ("byline-cjk-author-box.txt", ["山田花子"]),
    ],
)
def test_the_writer_is_read_where_the_story_ends(name: str, byline: list[str]) -> None:
    assert _normalize(name).byline == byline


def test_a_video_page_is_signed_by_its_channel() -> None:
    # The channel's name over its subscriber count posted the video; a teaser's `Jane Roe -
    # …` above the title is another video's.
    assert _normalize("byline-video-channel.txt").byline == ["Harbourcast"]


def _foot_variant(old: str, new: str) -> list[str]:
    """The byline of `byline-signed-off.txt` with `old` replaced by `new`."""
    text = (DATA / "byline-signed-off.txt").read_text(encoding="utf-8").replace(old, new)
    path = DATA / "byline-signed-off.txt"
    return normalize(RawRecord(id="f", file="f.txt", path=path, kind="text", text=text)).byline


def test_a_name_under_the_story_signs_only_when_the_page_credits_it_again() -> None:
    # Without the author box, the name under the story may be a tag or a heading.
    assert _foot_variant("Follow the author:\nTomas Ekberg\n", "") == []
    # A tag naming whom the story is about (`Ekberg said`) is no sign-off.
    said = "in each street. Ekberg said the plan was late."
    assert _foot_variant("in each street.", said) == []
    # A photographer credited with a picture is not credited as a writer.
    box = "Follow the author:\nTomas Ekberg\n"
    assert _foot_variant(box, "Harbour front at dawn. Photo: Tomas Ekberg\n") == []
    # A name in a line of links under the story is no sign-off.
    assert _foot_variant("Tomas Ekberg\nPrinted", "Tomas Ekberg | Water Supply\nPrinted") == []
    # A bare name by the headline (a picture's photographer?) gives way to the sign-off.
    header = "The oldest pipes go first; traders want a timetable.\n"
    assert _foot_variant(header, header + "Mirela Oduya\n") == ["Tomas Ekberg"]


@pytest.mark.parametrize("line", ["Text size", "words of the day"])
def test_a_label_word_before_no_names_signs_nothing(line: str) -> None:
    assert _signed(line) == []


def test_a_label_word_far_from_the_headline_is_no_credit() -> None:
    # A video player's caption settings above the headline: `Text Edge Style` names no writer.
    text = f"Home\nFont Size\nText Edge Style\nNone\nRaised\nNews\n{HEADLINE}\n{_STORY}\n"
    path = DATA / "byline-desk.txt"  # any path: the text is given
    article = normalize(RawRecord(id="t", file="t.txt", path=path, kind="text", text=text))
    assert article.byline == []


WATER_JA = "水道局、市場地区の古い水道管を3年かけて交換へ"
WATER_ZH = "水务局宣布三年内更换市场区老旧水管"


@pytest.mark.parametrize(
    ("name", "title", "byline"),
    [
        # `Jörg Brändli` / `Bauingenieur` under the standfirst: the story calls him `Brändli`,
        # so he is the interviewee, accented letters or not.
        ("byline-subject-accented.txt", "«Die alten Leitungen halten keinen Winter mehr»", []),
        # ... but a writer with accents whom the story never names in full is no subject for
        # sharing a family name with one (`Ana Martínez` over `el alcalde, Pedro Martínez`),
        # nor for a given name, set last, that is a word of the story (`Nam`, `Việt Nam`).
        (
            "byline-subject-shared-family.txt",
            "El ayuntamiento renovará las tuberías del barrio del mercado",
            ["Ana Martínez"],
        ),
        (
            "byline-subject-given-word.txt",
            "Thành phố thay đường ống nước cũ dưới khu chợ",
            ["Trần Văn Nam"],
        ),
        # `文化芸能` (culture and entertainment) in the menu is no `文` (text) label and a name.
        ("byline-cjk-menu-word.txt", WATER_JA, []),
        # `Topics` / `Harbour Works, Public Utilities`: the story's tags in capitals, not writers.
        ("byline-tags-heading.txt", HEADLINE, []),
        # ... but a name dated on its line under an empty tags box is a byline: no tag has a
        # date (`Topics` / `Dana Whitfield | May 3, 2024`).
        ("byline-tags-heading-empty.txt", HEADLINE, ["Dana Whitfield"]),
        # `HSA` / `Nachrichtenagentur` under the headline: the page says the credit is an
        # agency's, though no list of agencies knows its name.
        ("byline-agency-role.txt", "Hafenverein gewinnt das Derby nach Verlängerung", ["HSA"]),
        # The agency's name a logo, which copies as no text: the picture's credit over the
        # role (`Foto: IMAGO/Jana Beispiel`) is no agency.
        ("byline-agency-role-logo.txt", "Hafenverein gewinnt das Derby nach Verlängerung", []),
        # `Harbour Tech Staff 2019年04月28日 08時00分`: the time in CJK is cut like `08:00`.
        ("byline-desk-cjk-time.txt", WATER_JA, ["Harbour Tech Staff"]),
        # `小字号` (small type) under the date line is the font size's button, shaped like a name.
        ("byline-cjk-button.txt", WATER_ZH, []),
        # No writer named: the responsible editor under the story (`（责编：…）`) or among the
        # header's fields (`…作者：责任编辑：王小明`) stands for the page, as `Edited by` does.
        ("byline-cjk-editor.txt", WATER_ZH, ["王小明", "赵丽"]),
        ("byline-cjk-editor-field.txt", WATER_ZH, ["王小明"]),
        # The writer's field on a line of its own under the stamp and source (`作者：韩雪`): the
        # CJK label is read with its CJK name, not turned into a `By` that loses it.
        ("byline-cjk-author-own-line.txt", WATER_ZH, ["韩雪"]),
        # The writer's box far under the story (`この記事の筆者` / `北村 遥香`) names who wrote
        # it, though the header sets the name apart from its date (`会員限定記事` between) and
        # the story's copy keeps that header line.
        ("byline-ja-writer-box-foot.txt", WATER_JA, ["北村 遥香"]),
        # A reporter's label opens its field on the stamp line without a colon (`来源：港湾日报
        # 记者 林晓燕 通讯员 赵强`); the correspondent's field after it is no writer's.
        ("byline-cjk-stamp-reporter.txt", WATER_ZH, ["林晓燕"]),
        # Nor is the photographer's after the reporter's (`记者 周雅琴 摄影 马骏`).
        ("byline-cjk-stamp-photographer.txt", "老城区十二条背街小巷完成改造", ["周雅琴"]),
        # A reporter named under the headline or in the dateline (`电（记者陈海涛 林静）`)
        # signs; the editor is no author then.
        ("byline-cjk-editor-writer.txt", WATER_ZH, ["陈海涛"]),
        ("byline-cjk-editor-dateline.txt", WATER_ZH, ["陈海涛", "林静"]),
        # A reporter credited under the headline in a form the byline reader does not know
        # (`港湾通讯社记者 陈海涛 林静`, a house's reporters) wrote the story: the editor does
        # not sign it.
        ("byline-cjk-editor-house-reporter.txt", WATER_ZH, []),
    ],
)
def test_the_byline_of_a_copied_page_under_its_own_headline(
    name: str, title: str, byline: list[str]
) -> None:
    assert_read(name, title, byline)


@pytest.mark.parametrize(
    ("name", "byline"),
    [
        # Tags in lower case that the copy ran onto the date line (`… · 7 min read platform ci
        # monorepo`) are no name: without a label a name is told by its capitals.
        ("byline-names-over-tags.txt", ["Priya Raman", "Jonas Feld", "Mei Tanaka"]),
        # `by:` with a colon, under a standfirst in lower-case sentence case, opens a byline; it
        # does not carry on the standfirst's sentence.
        ("byline-by-colon.txt", ["Carla Benning", "Joel Ashworth"]),
        # A caseless name over its role line (`كاتبة وباحثة …`, writer and researcher) and the date.
        ("byline-caseless-role.txt", ["ليلى منصور"]),
        # `शब्द और तस्वीरें:` (words and pictures): the writer who took the pictures too.
        ("byline-hindi-photo-essay.txt", ["नेहा बरुआ"]),
        # A national agency's name alone under the headline's standfirst, over the date: not
        # on the wire list (adding Europe's national agencies cost a shared check byline).
        pytest.param(
            "title-caption-fot.txt",
            ["PAP"],
            marks=pytest.mark.xfail(strict=True, reason="national agencies are not wires"),
        ),
        # An agency's name alone under a caption, right over the story, credits the picture.
        ("byline-agency-under-caption.txt", []),
        # A press release speaks for the body whose site issues it: its name atop the page and
        # in the copyright notice is no writer's.
        ("byline-release-owner.txt", []),
        # A bare acronym over a story is no agency unless it is a wire's: a party's tag (`PAP`)
        # under an English story's date, a province (`NTB`) over an Indonesian one.
        ("byline-agency-name-as-tag.txt", []),
        ("byline-agency-name-as-region.txt", []),
        # A section's label under the headline over a short standfirst that opens with a job
        # (`باحثة مصرية تفوز …`, an Egyptian researcher wins …; `पत्रकार संघ ने …`): the story
        # names that job again, so the line is no writer's role line and the label no name.
        ("byline-caseless-label-over-standfirst.txt", []),
        ("byline-caseless-label-hindi.txt", []),
        # A writer's own site whose menu links a `Press release` page: the post is no release,
        # and its owner signs it.
        ("byline-owner-release-menu.txt", ["Mara Quinlan"]),
        # Two writers with no label or joining word, each name over its own job line
        # (`Design Lead, Payments`, `Staff Engineer`), then the date: both sign.
        ("byline-names-over-jobs.txt", ["Ana Example", "Tom Sample"]),
        # Thai sets its `โดย` (by) apart from the writer's name over the date: no part of it.
        ("byline-caseless-by-thai.txt", ["สุภาพร แก้วมณี"]),
        # A job alone over the date (`Middle East Chief correspondent`): its region is no name.
        ("byline-job-line-alone.txt", []),
        # A Japanese correspondent's job after the name (`…＝山田花子特派員`): no part of it.
        ("byline-ja-posted-job.txt", ["山田花子"]),
    ],
)
def test_the_byline_in_the_header_of_more_kinds_of_page(name: str, byline: list[str]) -> None:
    assert _normalize(name).byline == byline


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Tom Ashdown Transport and infrastructure correspondent", "Tom Ashdown"),
        ("Ruth Calloway Chief political correspondent", "Ruth Calloway"),
        # A middle name or the job's first word: two cuts read, so none is taken.
        ("Mary Ann Lee Health editor", None),
        ("Letters to the editor", None),
        # The paper's name before the job is no writer's (`New York` of `New York Times`).
        ("New York Times Chief theater critic", None),
        ("Irish Times Political correspondent", None),
        # A region the job covers opens with a compass point, as no given name does.
        ("Middle East Chief correspondent", None),
        ("Tom Ashdown", None),
    ],
)
def test_a_name_run_into_its_job_is_cut_only_where_one_cut_reads(
    line: str, name: str | None
) -> None:
    assert name_before_job(line) == name


_ABOUT_BOX = "byline-blog-about-box.txt"
_ABOUT_LINE = "In which I write about the small machines I build at home. I work"


def test_a_first_person_blog_is_signed_by_the_owner_its_about_box_names() -> None:
    # `Maren Holloway` / the blog's tagline / `In which I write about …`, under a post written
    # in the first person that no header signs.
    assert_read(
        _ABOUT_BOX,
        "Logging the harbour's tides with a float, a string and an old phone",
        ["Maren Holloway"],
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A name over its date and a first-person line is a reader's comment.
        ("Notes from a tinkering harbour dweller", "March 13, 2023 at 9:14 pm"),
        ("Notes from a tinkering harbour dweller", "2 years ago"),
        # A box about a person in the third person is no blog's about box.
        (_ABOUT_LINE, "She writes about the small machines she builds at home. She works"),
        # Under the thread's heading a name, a comment's title and its text are a reader's.
        ("Maren Holloway", "2 Comments\nMaren Holloway"),
        ("Maren Holloway", "Leave a Reply\nMaren Holloway"),
    ],
)
def test_a_comment_or_a_third_person_box_under_the_post_signs_nothing(old: str, new: str) -> None:
    path = DATA / _ABOUT_BOX
    text = path.read_text(encoding="utf-8").replace(old, new).replace(" and I spend", " and spends")
    article = normalize(RawRecord(id="b", file="b.txt", path=path, kind="text", text=text))
    assert article.byline == []


def test_a_credit_asking_for_tips_still_signs() -> None:
    # `Owen Rhys | Got a story?`: the question is the credit's last field, the line no headline.
    article = _normalize("credit-asking-for-tips.txt")
    assert article.byline == ["Owen Rhys"]
    assert article.title == "Can the high street survive another winter?"


def test_a_desk_s_generic_credit_over_the_date_signs_no_one() -> None:
    # `Staff Reporter` / `March 14, 2025`: the desk's credit names no writer.
    assert _normalize("byline-generic-desk-credit.txt").byline == []
    assert _normalize("byline-generic-desk-credit-hi.txt").byline == []


def test_an_institution_owning_the_site_signs_none_of_its_pages() -> None:
    # `Riverside General Hospital` atop the page and in its copyright: a body, not a blogger.
    article = _normalize("byline-institution-site-owner.txt")
    assert article.byline == []
    assert article.date is not None and article.date.iso() == "2025-04-02"


def test_a_writer_label_heads_a_columnist_s_box_over_the_headline() -> None:
    # `PENULIS` (Indonesian: writer) / `Dewi Anggraini` / the headline: the column's writer.
    assert _normalize("byline-writer-box-over-headline-id.txt").byline == ["Dewi Anggraini"]
    # `AUTHOR` / `Marcus Feldhaus` / `All Columns`: the button to their pieces is no co-author.
    assert _normalize("byline-writer-box-all-columns.txt").byline == ["Marcus Feldhaus"]


def test_a_ukrainian_plural_writer_label_signs_both_writers() -> None:
    # `Автори: … та …` (Ukrainian: authors, and): both writers, not the site's name.
    article = _normalize("byline-ukrainian-authors-label.txt")
    assert article.byline == ["Марія Бондаренко", "Тарас Лисенко"]


def test_writers_each_over_a_french_job_line_sign_together() -> None:
    # `Émilie Bouchard` / `Journaliste, Affaires municipales` / `François Tremblay` /
    # `Collaboration spéciale` (a Québec paper's freelance): both sign.
    article = _normalize("byline-writers-over-jobs-fr.txt")
    assert article.byline == ["Émilie Bouchard", "François Tremblay"]


def test_a_related_box_in_another_language_signs_its_own_teasers() -> None:
    # `Tin liên quan` (Vietnamese: related news) opens a box whose `Tác giả:` credits sign its
    # teasers: the story, signed nowhere, gets no byline rather than a teaser's writer.
    assert _normalize("byline-related-box-vi.txt").byline == []


def test_a_paper_named_in_its_own_language_is_no_personal_site_s_owner() -> None:
    # `Новини Житомира` (Ukrainian: Zhytomyr news) atop the page and in its copyright: a
    # newspaper's site, whose story without a byline is signed by no one.
    assert _normalize("byline-paper-name-owner-uk.txt").byline == []


def test_a_vietnamese_paper_named_tin_is_no_personal_site_s_owner() -> None:
    # `Tin Sông Lam` (Vietnamese: Sông Lam news) over the menus and in the copyright of a
    # Vietnamese page: a paper's site, whose story without a byline is signed by no one.
    assert _normalize("byline-paper-name-owner-vi.txt").byline == []


def test_a_byline_under_a_related_box_over_the_story_signs_it() -> None:
    # `Noticias relacionadas` / two teasers / `Lucía Ferrer Gil` / `Valencia` / the date line /
    # the story: the box gives way to the story's byline, no teaser's credit.
    assert _normalize("byline-after-related-box-es.txt").byline == ["Lucía Ferrer Gil"]


@pytest.mark.xfail(
    strict=True,
    reason="a surname that is a paper's word (Finnish `Lehti`, magazine) reads as a paper's "
    "name in the copyright, so the personal site's owner signs nothing",
)
def test_a_personal_site_s_owner_whose_surname_is_a_paper_s_word_signs_it() -> None:
    # `Jaana Lehti` atop the blog and in its copyright: a person, no paper.
    assert _normalize("byline-owner-surname-paper-word-fi.txt").byline == ["Jaana Lehti"]
