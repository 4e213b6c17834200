"""A headline over its standfirst: a line of two sentences under a headline of one.

A story's header sets the headline, its standfirst (a sentence or two that say more) right
under it, then the byline and the date. A copy gives both lines a headline's shape, and the
standfirst, nearer the byline and holding more of the story's words, can outrank the headline.
A headline states one thing in one sentence; a line that goes on into a second sentence
(`Electric ferries? Yes, and the crossing gets shorter`) is a standfirst or a caption, and when a
headline of one sentence stands right over it (past a comment count), that line heads the
story. A section's label over a two-sentence headline is a word or a few, capitalised as a
menu's links are (`Guest column`), so it must read as a sentence: more words than a label, one
of them in lower case, no site's name after a mark.
"""

from __future__ import annotations

import re

from indexer.normalize.lines import ABBREV_BEFORE, PART_MARK, PROSE_WORD, word_count
from indexer.normalize.story import Page

INNER_STOP = re.compile(r"\w[.!?]\s+[A-Z]")  # a second sentence: a standfirst, a caption
LABEL_WORDS = 3  # a section's label or a kicker over a headline (`Guest Column`, `Issue #142`)
_JOINS = re.compile(r"[:\-–—]$")  # a kicker's end (`Streit um die Rente:`, `Tech —`)
_HEADER = 2  # lines from a standfirst to the byline or date under it
# A comment count (`4`, `12 comments`); a section's label between (`Politics`) sets a headline
# of two sentences under it, the line over it another story's.
_COUNT = re.compile(r"^\d[\d,.]*(?:\s+\w+)?$")


def headline_over_standfirst(page: Page, at: int, heads: set[int], meta_gap: int) -> int:
    """The headline right above `at` (past a comment count) when `at` is a standfirst of two
    sentences over the byline or date `meta_gap` lines below it, else `at`. `heads` are the
    lines the model holds headlines."""
    if meta_gap > _HEADER or not _two_sentences(page.text(at)):
        return at
    up = at - 1
    if _COUNT.match(page.text(up)):
        up -= 1  # a comment count between (`Ferry firm orders …` / `4` / `Electric? Yes, …`)
    return up if up in heads and _one_sentence_head(page.text(up)) else at


def _two_sentences(text: str) -> bool:
    """Whether a line goes on past a sentence's stop, not past an initial or a title cut short
    (`U.S. Senate passes …`, `Dr. Jane Doe named …`: one sentence)."""
    return any(not ABBREV_BEFORE.search(text[: m.start() + 2]) for m in INNER_STOP.finditer(text))


def _one_sentence_head(text: str) -> bool:
    """Whether a line reads as a headline of one sentence, not a label or the page's title."""
    if word_count(text) <= LABEL_WORDS or INNER_STOP.search(text) or _JOINS.search(text):
        return False
    return bool(PROSE_WORD.search(text)) and not PART_MARK.search(text)
