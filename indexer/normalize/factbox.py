"""A box of labelled facts: `Director: …`, `Runtime: 118 min`, `Release date: 13 February 2026`.

A review, a listing or a launch story sets out the facts of what it is about in such a box (a
film's release, an event's `When:` and `Venue:`, a phone's `Available from:`). A day it names is
the work's or the event's, not the story's; whether its label names the page's own date
(`Published:`) is for the stamp readers to say (`stamplines.py`).
"""

from __future__ import annotations

import re

from indexer.normalize.lines import word_count
from indexer.normalize.story import Page

FACT_BOX = 3  # labelled lines in a row that make a box of facts
_FACT_LABEL_WORDS = 3
# `Release date: March 4, 2025`: a short label without figures, its colon, then the value.
_FACT = re.compile(r"^([^\W\d_][^:\d]{0,23}):\s+\S")
# `By: Jane Doe`, `Autor: Ivana Marić`, `From: Office of the Mayor`: who wrote or sent the page.
_WRITER = re.compile(
    r"^(?:by|from|author|autor(?:in)?|auteur|autore|written by|reporter|verfasser)\s*:",
    re.IGNORECASE,
)

# `Venue: Riverside Park`, `Where: Town Hall`: the place of an event, which a box of the page's
# own header (a release's `Date:` / `Time:` / `Reference:`) does not name.
_PLACE = re.compile(
    r"^(?:venue|where|veranstaltungsort|spielort|lieu|lugar|luogo|dove)\s*:", re.IGNORECASE
)


def fact_box(page: Page, i: int) -> range | None:
    """The box of labelled facts line `i` is an entry of (`Release date: March 4, 2025` among
    `Developer:` and `Price:`), or None; a box that names the page's writer or sender (`Autor:`,
    a memo's `From:`) is the page's own header set out as labels, no box of facts."""
    box = _run(page, i)
    if box is None or any(_WRITER.match(page.text(j)) for j in box):
        return None
    return box


def _run(page: Page, i: int) -> range | None:
    """The run of labelled facts line `i` stands in, when it is long enough for a box."""
    if not _fact(page, i):
        return None
    low = high = i
    while _fact(page, low - 1):
        low -= 1
    while _fact(page, high + 1):
        high += 1
    return range(low, high + 1) if high + 1 - low >= FACT_BOX else None


def _fact(page: Page, i: int) -> bool:
    """Whether line `i` is a labelled fact (`Runtime: 118 min`)."""
    return 0 <= i < len(page.lines) and labelled_fact(page.text(i))


def labelled_fact(text: str) -> bool:
    """Whether a line is a labelled fact (`Runtime: 118 min`), its label a few words."""
    match = _FACT.match(text)
    return match is not None and word_count(match.group(1)) <= _FACT_LABEL_WORDS


def names_place(page: Page, box: range) -> bool:
    """Whether a box of facts names a place (`Venue:`, `Where:`): an event's, whose day it is."""
    return any(_PLACE.match(page.text(j)) for j in box)


# The labels of a work's credits and details: a film's (`Director:`, `Cast:`, `Running time:`),
# a book's (`Publisher:`, `Pages:`, `ISBN:`) or a play's, in English, German, French, Spanish,
# Italian, Portuguese, Dutch and Hungarian.
_WORK = re.compile(
    r"^(?:directed by|cast|stars|starring|running time|runtime|screenplay|producer"
    r"|publisher|pages|isbn|genre|regie|regia|darsteller|besetzung|laufzeit|spieldauer|verlag"
    r"|seiten|réalisat(?:eur|rice|ion)|mise en scène|distribution|durée|éditeur|éditions"
    r"|director(?:a)?|dirección|reparto|elenco|duración|duração|editorial|editora|páginas"
    r"|durata|editore|pagine|realizador|speelduur|uitgever|pagina's|rendező|szereplők"
    r"|játékidő|kiadó|oldalszám|terjedelem)\s*:",
    re.IGNORECASE,
)


def work_credits(page: Page, i: int) -> bool:
    """Whether line `i` is an entry of a box of a work's credits (`Director:` / `Writer:` /
    `Cast:` / `Running time:`): its `Writer:` or `Autor:` names the work's maker, not the
    story's writer."""
    box = _run(page, i)
    return box is not None and any(_WORK.match(page.text(j)) for j in box)
