"""A search request made ready for an engine: checked, its dates and aliases resolved, once.

`prepare(SearchQuery) -> PreparedQuery` is the one step between what a user typed and what an
engine runs: it applies the limits, reads the text into a tree (`grammar`), takes the `date:`
terms out as bounds narrowed by the from/to fields (`dates`), expands names (`aliases`), and
carries the rules an engine follows afterwards: which facets to count, when to offer "did you
mean" and how (`fix.corrected`). An engine translates `tree` and never reads `query.text`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from indexer.errors import QueryError
from indexer.query.aliases import expand
from indexer.query.dates import DateBounds, date_bounds, narrow
from indexer.query.fix import corrected
from indexer.query.grammar import Node, Token, parse_tokens
from indexer.query.limits import MAX_RESULT_WINDOW, check_query_text

if TYPE_CHECKING:
    from indexer.backends.base import SearchQuery

SUGGEST_BELOW = 3  # offer "did you mean" when fewer articles match
SUGGEST_SECONDS = 0.3  # time budget of "did you mean"


@dataclass(frozen=True, slots=True)
class PreparedQuery:
    """A checked search: the tree to run (None: every article), date bounds, aliases added."""

    query: SearchQuery
    tree: Node | None
    bounds: DateBounds = (None, None)
    aliases_added: list[str] = field(default_factory=list)
    tokens: tuple[Token, ...] = ()

    @property
    def ranked(self) -> bool:
        """Whether hits are ordered by score (a relevance sort of a query with terms)."""
        return self.query.sort == "relevance" and self.tree is not None

    @property
    def sorted_by(self) -> str:
        """The order the hits come in: the query's, but newest first for relevance without terms."""
        return self.query.sort if self.ranked or self.query.sort != "relevance" else "newest"

    def wants_suggestion(self, total: int) -> bool:
        """Whether to look for a spelling correction: few matches, words typed, none expanded."""
        words = any(t.kind in ("word", "phrase", "quoted") for t in self.tokens)
        return self.query.suggest and words and total < SUGGEST_BELOW and not self.aliases_added

    def suggestion(self, nearest: Callable[[str], str | None]) -> str | None:
        """The query with its unknown words replaced by `nearest` ones, within the time budget."""
        deadline = time.perf_counter() + SUGGEST_SECONDS
        return corrected(self.query.text.strip(), self.tokens, nearest, deadline)


def prepare(sq: SearchQuery) -> PreparedQuery:
    """Check a search and read its text; QueryError with a readable message when it cannot run."""
    if sq.page * sq.per_page > MAX_RESULT_WINDOW:
        raise QueryError(
            f"Results past number {MAX_RESULT_WINDOW} cannot be paged to; narrow the search."
        )
    text = sq.text.strip()
    tokens = check_query_text(text) if text else []
    bounds = narrow(date_bounds(tokens), (sq.date_from, sq.date_to))
    tree = parse_tokens(tokens).tree
    added: list[str] = []
    if sq.aliases is not None:
        tree, added = expand(tree, text, sq.aliases)
    return PreparedQuery(sq, tree, bounds, added, tuple(tokens))
