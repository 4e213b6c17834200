"""Limits on what a search may ask, checked before the query parser sees the text.

Whoosh's parser and matcher have no limits of their own: one 100,000-character term takes it
42 s, 5,000 nested parentheses raise RecursionError, and a leading wildcard or a term range
walks the whole vocabulary. Every check here is a cheap scan of the raw text, so a hostile
query costs no more than reading it, and each refusal says how to fix the query.
"""

from __future__ import annotations

import re

from indexer.errors import QueryError

MAX_PER_PAGE = 100
MAX_RESULT_WINDOW = 10_000  # page * per_page, as Elasticsearch's max_result_window
MAX_QUERY_CHARS = 512
MAX_TERM_CHARS = 100
MAX_DEPTH = 10  # nested parentheses
MAX_TERMS = 50
MAX_WILDCARDS = 3
MIN_WILDCARD_PREFIX = 2  # literal characters before the first wildcard

# Whoosh's WildcardPlugin also takes the Armenian, Arabic and Ethiopic question marks.
WILDCARDS = "*?\u055e\u061f\u1367"
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_SPLIT = re.compile(r'[\s()"]+')
_FIELD = re.compile(r"^[A-Za-z_]\w*:")
_WILDCARD = re.compile(f"[{WILDCARDS}]")
# Whoosh's RangePlugin: `[a TO b]`, `{a to b}`, open-ended on either side; but `date:[a to b]`
# is the date syntax (indexer.querydates), taken out of the text before it is parsed.
_RANGE = re.compile(r"(?<!date:)[\[{][^\]}]*\bto\b[^\]}]*[\]}]", re.IGNORECASE)


def query_terms(text: str) -> list[str]:
    """The words of a query as the limits count them: no operators, signs or field prefixes."""
    terms = []
    for token in _SPLIT.split(text):
        if not token or token in OPERATORS:
            continue
        word = _FIELD.sub("", token.lstrip("+-"))
        if word:
            terms.append(word)
    return terms


def _shown(text: str, limit: int = 40) -> str:
    """A term cut short for a message."""
    return text if len(text) <= limit else text[:limit] + "…"


def check_query_text(text: str) -> None:
    """Refuse query text the parser would mangle or choke on, with a readable message."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"Query is too long ({len(text)} characters; the limit is {MAX_QUERY_CHARS}): "
            "shorten it."
        )
    if text.count('"') % 2:
        raise QueryError(f"Unbalanced quote in query: {text}")
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise QueryError(f"Unbalanced parenthesis in query: {text}")
        deepest = max(deepest, depth)
    if depth:
        raise QueryError(f"Unbalanced parenthesis in query: {text}")
    if deepest > MAX_DEPTH:
        raise QueryError(
            f"Parentheses nested too deep ({deepest} levels; the limit is {MAX_DEPTH}): "
            "remove some brackets."
        )
    if _RANGE.search(text):
        raise QueryError(
            "Ranges such as [a TO b] work only on dates, as in date:[2025-01-01 to 2025-01-31]: "
            "search for the words instead."
        )
    terms = query_terms(text)
    if len(terms) > MAX_TERMS:
        raise QueryError(
            f"Too many terms ({len(terms)}; the limit is {MAX_TERMS}): "
            "keep the words that matter most."
        )
    wildcards = 0
    for term in terms:
        if len(term) > MAX_TERM_CHARS:
            raise QueryError(
                f"Term too long ({len(term)} characters; the limit is {MAX_TERM_CHARS}): "
                "shorten it or use a phrase."
            )
        found = _WILDCARD.search(term)
        if found is None:
            continue
        wildcards += 1
        if found.start() < MIN_WILDCARD_PREFIX:
            raise QueryError(
                f"Wildcard in {_shown(term)!r} needs at least {MIN_WILDCARD_PREFIX} letters "
                "before the first * or ?: type more of the word (an empty search lists "
                "every article)."
            )
    if wildcards > MAX_WILDCARDS:
        raise QueryError(
            f"Too many wildcards ({wildcards}; the limit is {MAX_WILDCARDS}): "
            "spell out some of the words."
        )
