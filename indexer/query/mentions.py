"""Mention counts and article lengths in a query: `atleast3:cocoa`, `words:>500`.

`atleastN:word` matches articles whose body holds the word at least N times (counted as the
engine counts a word: stemmed, so `atleast3:stock` counts `stock` and `stocks`). `words:`
matches articles by the length of their body in words (`word_count`): `words:>500`,
`words:>=500`, `words:<200`, `words:<=200`, `words:350`, `words:[200 TO 800]` (inclusive;
either end may be left empty or `*`). Both are leaves of the query tree; each engine
translates them (the Whoosh engine from the term frequencies of its postings and a numeric
column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from indexer.errors import QueryError

MAX_MENTIONS = 1000
MAX_WORDS = 10_000_000
LENGTH_FIELD = "words"  # the name of the word count wherever an engine keeps it
MENTION_FIELD = "body"  # the text whose mentions are counted

_AT_LEAST = re.compile(r"atleast(?P<count>[0-9]{1,9}):(?P<word>[^\s()\"'*?\[\]{}:]+)", re.I)
_COMPARE = re.compile(r"(?P<op><=|>=|<|>|=)?(?P<number>[0-9]{1,9})")
_BOUNDS = re.compile(
    r"(?P<open>[\[{])\s*(?P<low>[0-9]{1,9}|\*)?\s+to\s+(?P<high>[0-9]{1,9}|\*)?\s*(?P<close>[\]}])",
    re.I,
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_HAS_WORD = re.compile(r"[^\W_]")
_WORD_RUN = re.compile(r"\S*?[^\W_]\S*")  # a run between spaces holding a letter or digit

AT_LEAST_HELP = "write atleast, a count from 1 to 1000, a colon and one word, as in atleast3:cocoa"
LENGTH_HELP = (
    "write words: and a number of words: words:>500, words:<200, words:>=300, words:[200 TO 800]"
)


@dataclass(frozen=True, slots=True)
class AtLeast:
    """A word the article's body holds at least `count` times."""

    text: str
    count: int
    start: int = dataclass_field(default=-1, compare=False)
    end: int = dataclass_field(default=-1, compare=False)

    @property
    def field(self) -> str:
        """The field whose mentions are counted."""
        return MENTION_FIELD

    def render(self) -> str:
        """The term as query text."""
        return f"atleast{self.count}:{self.text}"


@dataclass(frozen=True, slots=True)
class Length:
    """Articles whose body has from `low` to `high` words (inclusive; None: no bound)."""

    low: int | None
    high: int | None

    def render(self) -> str:
        """The term as query text."""
        low = "*" if self.low is None else self.low
        high = "*" if self.high is None else self.high
        return f"words:[{low} TO {high}]"

    def matches(self, words: int) -> bool:
        """Whether an article of `words` words is within the bounds."""
        return (self.low is None or words >= self.low) and (self.high is None or words <= self.high)


def read_at_least(text: str) -> tuple[int, str]:
    """The count and the word of an `atleastN:word` term; QueryError saying how to write it."""
    match = _AT_LEAST.fullmatch(text)
    if match is None:
        raise QueryError(f"Cannot read {text!r}: {AT_LEAST_HELP}.")
    count = int(match["count"])
    if not 1 <= count <= MAX_MENTIONS:
        raise QueryError(f"The count in {text!r} is not from 1 to {MAX_MENTIONS}: {AT_LEAST_HELP}.")
    return count, match["word"]


def read_length(text: str) -> tuple[int | None, int | None]:
    """The inclusive bounds of a `words:` term; QueryError saying how to write it."""
    spec = text.partition(":")[2].strip()
    compare = _COMPARE.fullmatch(spec)
    if compare:
        number, op = int(compare["number"]), compare["op"] or "="
        low, high = {
            ">": (number + 1, None),
            ">=": (number, None),
            "<": (None, number - 1),
            "<=": (None, number),
            "=": (number, number),
        }[op]
    else:
        bounds = _BOUNDS.fullmatch(spec)
        if bounds is None:
            raise QueryError(f"Cannot read {text!r}: {LENGTH_HELP}.")
        low = None if bounds["low"] in (None, "*") else int(bounds["low"])
        high = None if bounds["high"] in (None, "*") else int(bounds["high"])
        if low is not None and bounds["open"] == "{":
            low += 1
        if high is not None and bounds["close"] == "}":
            high -= 1
    if (low is not None and low > MAX_WORDS) or (high is not None and high > MAX_WORDS):
        raise QueryError(f"The number in {text!r} is too large: at most {MAX_WORDS:,} words.")
    if low is not None and high is not None and low > high:
        raise QueryError(f"The range in {text!r} holds no length: its low end is above its high.")
    if high is not None and high < 0:
        raise QueryError(f"No article has fewer than 0 words: {text!r}.")
    return low, high


def word_count(text: str) -> int:
    """Words of a text: runs between spaces holding a letter or digit; each CJK character one."""
    if not _CJK.search(text):
        return len(_WORD_RUN.findall(text))
    count = 0
    for run in text.split():
        cjk = len(_CJK.findall(run))
        if cjk:
            rest = _CJK.sub(" ", run).split()
            count += cjk + sum(1 for part in rest if _HAS_WORD.search(part))
        elif _HAS_WORD.search(run):
            count += 1
    return count
