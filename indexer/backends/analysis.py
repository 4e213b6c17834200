"""Text analysis for title and body, shared by both engines: English words stemmed, CJK bigrams.

Built from Whoosh's analysis classes, it makes the terms of the Whoosh engine's index and of
the Xapian engine's (which indexes the terms it yields), so both engines find the same words.

Latin-script text goes through what `StemmingAnalyzer` does, except that no word is dropped:
Whoosh's default word pattern, lower case, Porter stems. In news, US, IT, WHO, May, Will and
The Hague are names, so there is no stop list and no minimum length; `bench/RESULTS.md` gives
what indexing every word costs in index size and speed.
Chinese, Japanese and Korean are written without spaces, so a run of CJK characters is cut
into overlapping two-character units, as Lucene's CJKAnalyzer does: 小红书用户 is indexed as
小红 红书 书用 用户 at consecutive positions, and a run of one character as that character.
`bench/cjk.py` compares this with jieba's word segmentation on a Chinese test set: bigrams find
every article a query should find (recall 100 % against jieba's 74 %: jieba misses a word that
sits inside a longer dictionary word, 北京 in 北京大学, or that it cuts differently in the
article), at some cost in precision (91 % against 98 %: 和服 also matches 我们和服务员), analyse
Chinese about 3.5 times as fast and need no dictionary to load.

A query word is analysed the same way, so 小红书 yields the units 小红 红书; each engine's
translation of the query tree requires them side by side (a phrase), which is what makes the
word match only articles that contain it. Each unit carries the offsets of its characters, and
the highlighter (`indexer.backends.highlight`) joins overlapping matched units, so a snippet
marks exactly 小红书.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from whoosh.analysis import (
    Analyzer,
    LowercaseFilter,
    StemFilter,
    Token,
    Tokenizer,
)
from whoosh.analysis.tokenizers import default_pattern

# Han (with extensions and compatibility ideographs), kana, Hangul and Bopomofo, plus the
# ideographic letters 々 and 〇: the scripts written without spaces between words.
CJK_CHARS = (
    "\u1100-\u11ff\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff"
    "\u3100-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)
_CJK = re.compile(f"[{CJK_CHARS}]")
_PIECES = re.compile(f"([{CJK_CHARS}]+)|[^{CJK_CHARS}]+")
# Full-width ASCII (２０２５, ＡＩ) is read as ASCII, so `2025` finds `２０２５`.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}

Segmenter = Callable[[str], Iterable[tuple[str, int, int]]]


def has_cjk(text: str) -> bool:
    """Whether the text holds a CJK character."""
    return not text.isascii() and _CJK.search(text) is not None


def cjk_bigrams(run: str) -> Iterator[tuple[str, int, int]]:
    """Overlapping two-character units of a CJK run (the run itself when one character long)."""
    if len(run) == 1:
        yield run, 0, 1
        return
    for i in range(len(run) - 1):
        yield run[i : i + 2], i, i + 2


class CJKTokenizer(Tokenizer):
    """Words as Whoosh's RegexTokenizer finds them, with CJK runs cut by a segmenter."""

    def __init__(
        self,
        expression: str | re.Pattern[str] = default_pattern,
        segmenter: Segmenter = cjk_bigrams,
    ) -> None:
        self.expression = re.compile(expression) if isinstance(expression, str) else expression
        self.segmenter = segmenter

    def __eq__(self, other: object) -> bool:
        """Equal when both split text the same way."""
        return (
            isinstance(other, CJKTokenizer)
            and self.expression.pattern == other.expression.pattern
            and self.segmenter is other.segmenter
        )

    def __hash__(self) -> int:
        """Hash of the pattern, consistent with equality."""
        return hash(self.expression.pattern)

    def _words(self, text: str, offset: int) -> Iterator[tuple[str, int, int]]:
        """The words and CJK units of one pattern match that holds CJK characters."""
        for piece in _PIECES.finditer(text):
            start = offset + piece.start()
            run = piece.group(1)
            if run:
                for unit, begin, end in self.segmenter(run):
                    yield unit, start + begin, start + end
            else:
                for match in self.expression.finditer(piece.group()):
                    word = match.group()
                    if not word.isascii():
                        word = word.translate(_FOLD)
                    yield word, start + match.start(), start + match.end()

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        """Yield one reused Token per word or CJK unit, as Whoosh tokenizers do."""
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        pos = start_pos
        for match in self.expression.finditer(value):
            text = match.group()
            if text.isascii() or _CJK.search(text) is None:
                # The common case, kept as lean as RegexTokenizer: one word per match.
                t.text = text if text.isascii() else text.translate(_FOLD)
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = t.text
                if positions:
                    t.pos = pos
                    pos += 1
                if chars:
                    t.startchar = start_char + match.start()
                    t.endchar = start_char + match.end()
                yield t
                continue
            for word, begin, end in self._words(text, match.start()):
                t.text = word
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = word
                if positions:
                    t.pos = pos
                    pos += 1
                if chars:
                    t.startchar = start_char + begin
                    t.endchar = start_char + end
                yield t


def text_analyzer(segmenter: Segmenter = cjk_bigrams) -> Analyzer:
    """The analyzer for title and body: every word stemmed (no stop list), bigrams for CJK runs."""
    return CJKTokenizer(segmenter=segmenter) | LowercaseFilter() | StemFilter(cachesize=100_000)
