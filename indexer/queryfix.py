"""A corrected version of query text that could not be parsed, to offer the user."""

from __future__ import annotations

import re

from indexer.limits import MAX_QUERY_CHARS

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
