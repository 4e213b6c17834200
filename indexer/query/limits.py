"""Limits on what a search may ask, checked on the tokens before the query is read.

Whoosh's matcher has no limits of its own: one 100,000-character term takes it 42 s, a
leading wildcard or a term range walks the whole vocabulary, and deep nesting recurses. Every
check here is a cheap pass over the raw text or its tokens, so a hostile query costs no more
than reading it, and each refusal says how to fix the query.
"""

from __future__ import annotations

import re

from indexer.errors import QueryError
from indexer.query.grammar import OPERATORS, WILDCARDS, Token, tokenize

MAX_PER_PAGE = 100
MAX_RESULT_WINDOW = 10_000  # page * per_page, as Elasticsearch's max_result_window
MAX_QUERY_CHARS = 512
MAX_TERM_CHARS = 100
MAX_DEPTH = 10  # nested parentheses
MAX_TERMS = 50
MAX_WILDCARDS = 3
MIN_WILDCARD_PREFIX = 2  # literal characters before the first wildcard

_FIELD = re.compile(r"^\w+:")
_WILDCARD = re.compile(f"[{WILDCARDS}]")


def _words(tokens: list[Token]) -> list[tuple[str, bool]]:
    """Each term the limits count, and whether it can hold wildcards (a bare word)."""
    words: list[tuple[str, bool]] = []
    for token in tokens:
        if token.kind == "word" and token.text not in OPERATORS:  # `AND` at the end: no term
            word = _FIELD.sub("", token.text)  # `foo:bar`: an unknown field counts as nothing
            if word:
                words.append((word, True))
        elif token.kind in ("phrase", "quoted"):
            words.extend((word, False) for word in token.value.split())
        elif token.kind == "atleast":
            words.append((token.text.partition(":")[2], False))
    return words


def query_terms(text: str) -> list[str]:
    """The words of a query as the limits count them: no operators, signs or field prefixes."""
    return [word for word, _ in _words(tokenize(text))]


def _shown(text: str, limit: int = 40) -> str:
    """A term cut short for a message."""
    return text if len(text) <= limit else text[:limit] + "…"


def check_query_text(text: str) -> list[Token]:
    """Refuse query text that is too large or malformed, with a readable message; its tokens."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"Query is too long ({len(text)} characters; the limit is {MAX_QUERY_CHARS}): "
            "shorten it."
        )
    tokens = tokenize(text)  # raises for an unbalanced quote
    check_tokens(text, tokens)
    return tokens


def check_tokens(text: str, tokens: list[Token]) -> None:
    """The checks on a query's tokens: parentheses, ranges, terms and wildcards."""
    depth = deepest = 0
    for token in tokens:
        if token.kind in ("open", "close"):
            depth += 1 if token.kind == "open" else -1
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
    if any(token.kind == "range" for token in tokens):
        raise QueryError(
            "Ranges such as [a TO b] work only on dates, as in date:[2025-01-01 to 2025-01-31]: "
            "search for the words instead."
        )
    terms = _words(tokens)
    if len(terms) > MAX_TERMS:
        raise QueryError(
            f"Too many terms ({len(terms)}; the limit is {MAX_TERMS}): "
            "keep the words that matter most."
        )
    wildcards = 0
    for term, bare in terms:
        if len(term) > MAX_TERM_CHARS:
            raise QueryError(
                f"Term too long ({len(term)} characters; the limit is {MAX_TERM_CHARS}): "
                "shorten it or use a phrase."
            )
        found = _WILDCARD.search(term) if bare else None
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
