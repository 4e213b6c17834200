"""`atleastN:word` in Whoosh: a term query that keeps the postings of N or more occurrences.

A posting's weight in a positional field is how often the term occurs in the document, so
the query is a `Term` whose matcher skips postings weighing less than N (the fast matcher
reads the same weights from the posting blocks, `fastmatch`).
"""

from __future__ import annotations

from typing import Any

from whoosh import matching, query


class AtLeastTerm(query.Term):
    """Documents where the term occurs at least `minimum` times; scored as the term."""

    def __init__(self, fieldname: str, text: str, minimum: int, boost: float = 1.0) -> None:
        super().__init__(fieldname, text, boost=boost)
        self.minimum = minimum

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}({self.fieldname!r}, {self.text!r}, {self.minimum})"

    def __unicode__(self) -> str:
        return f"atleast{self.minimum}:{self.fieldname}:{self.text}"

    __str__ = __unicode__

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and self.minimum == getattr(other, "minimum", None)

    def __hash__(self) -> int:
        return super().__hash__() ^ hash(self.minimum)

    def matcher(self, searcher: Any, context: Any = None) -> matching.Matcher:
        """The term's postings with fewer than `minimum` occurrences left out."""
        inner = super().matcher(searcher, context)
        if not inner.is_active():
            return inner
        return MinimumWeightMatcher(inner, self.minimum * self.boost)


class MinimumWeightMatcher(matching.WrappingMatcher):
    """Passes on the child's postings whose weight is at least `minimum`."""

    def __init__(self, child: matching.Matcher, minimum: float, boost: float = 1.0) -> None:
        super().__init__(child, boost=boost)
        self.minimum = minimum
        self._find_next()

    def copy(self) -> MinimumWeightMatcher:
        """A copy at the same place."""
        return MinimumWeightMatcher(self.child.copy(), self.minimum, self.boost)

    def _replacement(self, newchild: matching.Matcher) -> MinimumWeightMatcher:
        return MinimumWeightMatcher(newchild, self.minimum, self.boost)

    def replace(self, minquality: float = 0) -> matching.Matcher:
        """No replacement by quality: the weight filter must stay."""
        return self if self.is_active() else matching.NullMatcher()

    def supports_block_quality(self) -> bool:
        """Block skipping would bypass the filter."""
        return False

    def _find_next(self) -> bool:
        child = self.child
        moved = False
        while child.is_active() and child.weight() < self.minimum:
            moved = child.next() or moved
        return moved

    def reset(self) -> None:
        self.child.reset()
        self._find_next()

    def next(self) -> bool:
        self.child.next()
        return self._find_next()

    def skip_to(self, docnum: int) -> bool:
        self.child.skip_to(docnum)
        return self._find_next()

    def all_ids(self) -> Any:
        while self.is_active():
            yield self.id()
            self.next()
