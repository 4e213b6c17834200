"""A Chinese paper's headline in three decks: the kicker, the main headline, the sub-headline.

Chinese papers head a story with up to three lines: a short kicker that sets the scene (`引题`),
the main headline (`主题`), and a sub-headline that adds a detail (`副题`), often the longest of
the three. A copy puts each deck on a line of its own, the stamp line right under the last.
Three such lines in a row over the stamp are the three decks, and the middle one is the
headline; with two, which is the main one is not told by their order, so they are left alone.
"""

from __future__ import annotations

import re

from indexer.normalize.story import Page

_DECKS = 3
_HAN = re.compile(r"[\u4e00-\u9fff]")
_OTHER_SCRIPT = re.compile(r"[\u3040-\u30ff\uac00-\ud7a3]")  # kana, Hangul: not Chinese
_CRUMB = re.compile(r"[>›»]")


def headline_among_decks(page: Page, at: int, found: list[int]) -> int:
    """The middle line when `at` is one of three Chinese headline decks in a row over the
    page's stamp line (and no fourth over them), else `at`."""
    for first in range(max(0, at - _DECKS + 1), at + 1):
        decks = range(first, first + _DECKS)
        if decks.stop >= len(page.lines) or not page.is_meta(decks.stop):
            continue
        if all(_deck(page, j, found) for j in decks) and not _deck(page, first - 1, found):
            return first + 1
    return at


def _deck(page: Page, j: int, found: list[int]) -> bool:
    """Whether line `j` may be a deck: a headline candidate written in Chinese (Han characters
    for most of it, no kana or Hangul), not a breadcrumb trail (`首页 > 新闻`)."""
    if j < 0 or j not in found:
        return False
    text = page.text(j)
    chinese = 2 * len(_HAN.findall(text)) > len(text) and not _OTHER_SCRIPT.search(text)
    return chinese and not _CRUMB.search(text)
