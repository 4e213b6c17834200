"""A headline over its standfirst's points: a few one-sentence lines between it and the byline.

Some sites set the standfirst as a list of points (`Two batches of bills feature an error` /
`Six million pairs were circulated`) between the headline and the byline. A copy drops the
list's marks, so each point reads as a headline of its own and the first, nearest the story's
words, can outrank the headline. A story's header sets one standfirst line, at most a caption
under it, before the byline: three lines or more of prose-shaped sentences are a list of points,
and the headline stands right above the first. The headline and its points tell one story, so
they share its words: a teaser of another story over a headline and its deck shares none.
"""

from __future__ import annotations

from indexer.normalize import boilerplate as bp
from indexer.normalize.lines import PROSE_WORD, is_headline_like, word_count
from indexer.normalize.story import Page, lead_words

_POINTS = 3  # lines of a list of points, at the least
_MOST_POINTS = 5  # a standfirst's points are a few
_POINT_WORDS = 6  # a point states a fact in a sentence; a label or a kicker is a word or a few


def headline_over_points(page: Page, at: int, heads: set[int], meta_gap: int) -> int:
    """The headline right above `at` when `at` opens a run of points that reaches the byline or
    date `meta_gap` lines below it, else `at`. `heads` are the lines the model holds headlines."""
    if not _POINTS <= meta_gap <= _MOST_POINTS:
        return at
    if not all(_point(page, j) for j in range(at, at + meta_gap)):
        return at
    up = at - 1
    if up not in heads or word_count(page.text(up)) < _POINT_WORDS:
        return at
    points = set().union(*(lead_words(page.text(j)) for j in range(at, at + meta_gap)))
    return up if lead_words(page.text(up)) & points else at


def _point(page: Page, j: int) -> bool:
    """Whether line `j` reads as one point of a list: a sentence of a few words in a headline's
    shape, no caption or meta line."""
    text = page.text(j)
    if word_count(text) < _POINT_WORDS or not is_headline_like(text) or page.is_meta(j):
        return False
    return not bp.is_caption(text) and bool(PROSE_WORD.search(text))
