"""A kicker copied on a line of its own, ending in the dash that joins it to the headline.

Sites set a short label over the headline and join the two with a dash (`Umbau des Weissen
Hauses –` / `Trump plant …`); a copy puts the label on its own line, the dash at its end. The
headline stands right under it, so a line above the label (the trail's page title, which
outranks the headline in some copies) is not the headline. A dateline's dash ends a place and
runs on into the story (`AUBURN, Wash. — After …`), which is never a headline's shape.

A tabloid sets a witness's words in capitals over its headline (`'WE HEARD SCREAMING …' SAYS
WITNESS` / `Van ploughs into shoppers …`): a quotation in capitals that names its speaker after
it, over a headline in lower case, is its kicker. A bare quotation in capitals is the tabloid's
headline itself (`'I STILL CAN'T BELIEVE SHE'S GONE'`), its standfirst under it.
"""

from __future__ import annotations

import re

from indexer.normalize.lines import is_upper, word_count
from indexer.normalize.story import Page

_DASH_END = re.compile(r"\S\s[-–—]$")  # `Umbau des Weissen Hauses –`, `Tech —`
_KICKER_WORDS = 6  # a kicker is a short label
_QUOTE_OPEN = re.compile(r"^[\"'“‘«„]")
# A quotation's closing mark with words after it: its speaker (`…' SAYS WITNESS`).
_QUOTE_THEN_WORDS = re.compile(r"\S[\"'”’»“]\s+\w")


def headline_under_kicker(page: Page, at: int, found: list[int]) -> int:
    """The candidate two lines under `at` when the line between is a kicker ending in its
    dash, else `at`."""
    kicker, headline = at + 1, at + 2
    if headline not in found:
        return at
    text = page.text(kicker)
    return headline if _DASH_END.search(text) and word_count(text) <= _KICKER_WORDS else at


def headline_under_quote(page: Page, at: int, heads: set[int]) -> int:
    """The headline right under `at` when `at` is a quotation set in capitals, its speaker
    named after it, over it (and the headline is not), else `at`."""
    text, under = page.text(at), at + 1
    said = _QUOTE_OPEN.match(text) and _QUOTE_THEN_WORDS.search(text, 1)
    if under not in heads or not said or not is_upper(text):
        return at
    return at if is_upper(page.text(under)) else under
