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

from indexer.normalize.lines import PART_MARK, PROSE_WORD, word_count
from indexer.normalize.story import Page

INNER_STOP = re.compile(r"\w[.!?]\s+[A-Z]")  # a second sentence: a standfirst, a caption
_LABEL_WORDS = 3  # a section's label or a kicker over a headline: a word or a few
_JOINS = re.compile(r"[:\-–—]$")  # a kicker's end (`Streit um die Rente:`, `Tech —`)
_HEADER = 2  # lines from a standfirst to the byline or date under it


def headline_over_standfirst(page: Page, at: int, heads: set[int], meta_gap: int) -> int:
    """The headline right above `at` (past a short line) when `at` is a standfirst of two
    sentences over the byline or date `meta_gap` lines below it, else `at`. `heads` are the
    lines the model holds headlines."""
    if meta_gap > _HEADER or not INNER_STOP.search(page.text(at)):
        return at
    up = at - 1
    if up not in heads and word_count(page.text(up)) <= _LABEL_WORDS:
        up -= 1  # a comment count between (`Ferry firm orders …` / `4` / `Electric? Yes, …`)
    return up if up in heads and _one_sentence_head(page.text(up)) else at


def _one_sentence_head(text: str) -> bool:
    """Whether a line reads as a headline of one sentence, not a label or the page's title."""
    if word_count(text) <= _LABEL_WORDS or INNER_STOP.search(text) or _JOINS.search(text):
        return False
    return bool(PROSE_WORD.search(text)) and not PART_MARK.search(text)
