"""The article zone of a copied page: the densest run of body paragraphs among its lines."""

from __future__ import annotations

from dataclasses import dataclass

from indexer.normalize.lines import word_count
from indexer.normalize.story import Page

# What a line that is not running text costs a run of paragraphs: a caption or a subhead or
# two inside the story are paid for by the paragraphs around them; a menu of thirty links is not.
_GAP_COST = 12
# A paragraph's words count up to this many: one long comment or legal notice is not a story.
_WORDS_CAP = 120


@dataclass(slots=True, frozen=True)
class Zone:
    """Where the story runs: `start` is its first paragraph, `end` is past its last."""

    start: int
    end: int
    words: int


def article_zone(page: Page) -> Zone | None:
    """The run of lines with the most paragraph words less a cost per other line, or None."""
    best: Zone | None = None
    run_start = -1
    total = 0
    words = 0
    best_total = 0
    for i in range(len(page.lines)):
        if page.story_paragraph(i):
            gain = min(word_count(page.text(i)), _WORDS_CAP)
            if run_start < 0 or total <= 0:
                run_start, total, words = i, 0, 0
            total += gain
            words += gain
            if total > best_total:
                best_total = total
                best = Zone(run_start, i + 1, words)
        elif run_start >= 0:
            total -= _GAP_COST
    return best
