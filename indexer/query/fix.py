"""Corrections to offer the user: a query that parses, or the words the archive has."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence

from indexer.query.grammar import OPERATORS, Token
from indexer.query.limits import MAX_QUERY_CHARS

_DANGLING = re.compile(r"(^|\s)(AND|OR|NOT)(\s*$|\s+(?=AND\b|OR\b|\)))")
_LEADING = re.compile(r"^\s*(AND|OR)\s+")


def _balance_parentheses(text: str) -> str:
    """Drop unmatched closing parentheses and close the open ones."""
    out, depth = [], 0
    for char in text:
        if char == ")":
            if depth == 0:
                continue
            depth -= 1
        elif char == "(":
            depth += 1
        out.append(char)
    return "".join(out) + ")" * depth


def suggest_fix(text: str) -> str | None:
    """A nearby query that parses, or None when nothing obvious would help."""
    fixed = text.strip()[:MAX_QUERY_CHARS]
    if fixed.count('"') % 2:
        fixed += '"'
    fixed = _balance_parentheses(fixed)
    fixed = fixed.replace("()", " ")
    fixed = _LEADING.sub("", fixed)
    fixed = _DANGLING.sub(r"\1", fixed)
    fixed = " ".join(fixed.split())
    return fixed if fixed and fixed != text.strip() else None


# A plain word of the query: not a field name (`title:`), not inside a wildcard or a number.
_PLAIN_WORD = re.compile(r"(?<![\w:*?])[^\W\d_]{3,}(?![\w:*?])")


def corrected(
    text: str, tokens: Sequence[Token], nearest: Callable[[str], str | None], deadline: float
) -> str | None:
    """The query with each word the archive lacks replaced by its nearest indexed word.

    `nearest` gives the indexed word closest to a lower-cased word (None when the word is
    indexed or nothing is close). Only words, phrases and quoted words are looked at; fields,
    operators and `date:` terms stay as typed. Past `deadline` (perf_counter) words are left.
    """
    changed = False

    def fix(match: re.Match[str]) -> str:
        """The nearest indexed word to one query word, or the word itself."""
        nonlocal changed
        word = match.group(0)
        lower = word.lower()
        if word.upper() in OPERATORS or lower == "to" or time.perf_counter() > deadline:
            return word
        best = nearest(lower)
        if not best:
            return word
        changed = True
        return best

    pieces, last = [], 0
    for token in tokens:
        if token.kind in ("word", "phrase", "quoted"):
            pieces.append(text[last : token.start])
            pieces.append(_PLAIN_WORD.sub(fix, text[token.start : token.end]))
            last = token.end
    pieces.append(text[last:])
    return "".join(pieces) if changed else None
