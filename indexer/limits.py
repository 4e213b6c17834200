"""Limits on what a search may ask, checked before the query parser sees the text."""

from __future__ import annotations

from indexer.errors import QueryError

MAX_PER_PAGE = 100
MAX_RESULT_WINDOW = 10_000  # page * per_page, as Elasticsearch's max_result_window
MAX_QUERY_CHARS = 512


def check_query_text(text: str) -> None:
    """Refuse query text the parser would mangle or choke on, with a readable message."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"Query is too long ({len(text)} characters; the limit is {MAX_QUERY_CHARS})."
        )
    if text.count('"') % 2:
        raise QueryError(f"Unbalanced quote in query: {text}")
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise QueryError(f"Unbalanced parenthesis in query: {text}")
    if depth:
        raise QueryError(f"Unbalanced parenthesis in query: {text}")
