"""The query tree as a `xapian.Query`, analysed as the index was (the project's analyzer).

The same reading as the Whoosh translation (`indexer.backends.whoosh.translate`): a word is
analysed by its field's analyzer (one term, or an And of several), a word holding CJK text is a
phrase of its units per part between non-ASCII punctuation, a word without a field searches
title and body (an Or), patterns are lower-cased (and stemmed, as Whoosh's `tokenize=False`
does) and expanded against the index's terms. The terms of title and body leaves are collected
for the highlighter, so both engines mark the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import xapian

from indexer.backends.analysis import has_cjk
from indexer.backends.xapian.schema import (
    MAX_TERM_BYTES,
    SLOT_WORDS,
    TEXT_FIELDS,
    TEXT_PREFIX,
    analyzer,
    bigram,
    has_bigrams,
)
from indexer.errors import QueryError
from indexer.query import grammar
from indexer.query.grammar import QUESTION_MARKS, Node
from indexer.query.mentions import AtLeast, Length

_QUERY_PART = re.compile(r"[\w\x00-\x7f]+")
MAX_EXPANSIONS = 10_000  # terms a wildcard may stand for; past it the query is refused


class Translation:
    """A translated tree: the Xapian query, the title/body terms to mark in snippets, whether
    every weighted term is in a name field, and the term when the query is that one term."""

    def __init__(
        self,
        query: xapian.Query,
        terms: set[str],
        names_only: bool = False,
        lone_term: str | None = None,
    ) -> None:
        self.query = query
        self.terms = terms
        self.names_only = names_only
        self.lone_term = lone_term


def to_xapian(node: Node | None, db: xapian.Database, counts: bool = False) -> Translation:
    """The Xapian query of a tree (MatchAll for no tree) and its terms to highlight.

    With `counts`, an `atleastN:` term is its word's query (what it ranks by): the caller
    keeps only the articles holding it N times (`at_least_docids`); without, it is refused.
    """
    if node is None:
        return Translation(xapian.Query.MatchAll, set())
    translator = _Translator(db, counts)
    translated = translator.node(node)
    if translated is None:
        return Translation(xapian.Query.MatchNothing, translator.terms)
    weighted = translator.weighted
    names_only = bool(weighted) and all(name not in TEXT_FIELDS for name, _, _ in weighted)
    lone = weighted[0][1] if len(weighted) == 1 and translated is weighted[0][2] else None
    return Translation(translated, translator.terms, names_only, lone)


def has_counts(node: Node | None) -> bool:
    """Whether a tree holds an `atleastN:` term."""
    if node is None or isinstance(node, AtLeast):
        return node is not None
    if isinstance(node, grammar.And | grammar.Or):
        return any(has_counts(item) for item in node.items)
    if isinstance(node, grammar.Not):
        return has_counts(node.item)
    if isinstance(node, grammar.AndNot):
        return has_counts(node.positive) or has_counts(node.negative)
    if isinstance(node, grammar.AndMaybe):
        return has_counts(node.required) or has_counts(node.optional)
    if isinstance(node, grammar.Require):
        return has_counts(node.required) or has_counts(node.condition)
    return False


def leaf_query(node: Node, db: xapian.Database) -> xapian.Query | None:
    """The query of one leaf (a word, phrase, pattern or length); None when it analyses away."""
    return _Translator(db, counts=True).node(node)


def at_least_docids(node: AtLeast, db: xapian.Database) -> list[int] | None:
    """Docids whose body holds each term of the word `count` times or more (its wdf, as
    Whoosh's posting weights count); None when the word analyses away."""
    terms = [t.text for t in analyzer("body")(node.text, mode="query")]
    if not terms:
        return None
    found: set[int] | None = None
    for term in terms:
        docs = {p.docid for p in db.postlist(term) if p.wdf >= node.count}
        found = docs if found is None else found & docs
    return sorted(found or ())


def _combine(op: int, items: list[xapian.Query]) -> xapian.Query:
    """One query of several (the item itself when alone)."""
    return items[0] if len(items) == 1 else xapian.Query(op, items)


class _Translator:
    """Turns tree nodes into Xapian queries; None for a node whose words all analyse away."""

    def __init__(self, db: xapian.Database, counts: bool = False) -> None:
        self.db = db
        self.counts = counts  # atleastN: allowed (as its word's query; see to_xapian)
        self.terms: set[str] = set()
        self.weighted: list[tuple[str, str, xapian.Query]] = []  # (field, term, its query)
        self._pairs: bool | None = None  # whether the index holds pair terms (read once)

    def node(self, node: Node) -> xapian.Query | None:
        """One node of the tree."""
        if isinstance(node, Length):
            return _length(node)
        if isinstance(node, AtLeast):
            if not self.counts:
                raise QueryError(
                    f"{node.render()}: mention counts (atleastN:) are not available with the "
                    "xapian backend over remote shards (they are counted from local shards); "
                    "search the shard folders locally, or use the whoosh backend."
                )
            texts = self.analyse("body", node.text)
            if not texts:
                return None
            return _combine(xapian.Query.OP_AND, [self.term("body", t) for t in texts])
        if isinstance(node, grammar.Word) and has_cjk(node.text):
            parts = [self.cjk_part(node, m.group()) for m in _QUERY_PART.finditer(node.text)]
            parts = [p for p in parts if p is not None]
            if parts:
                return _combine(xapian.Query.OP_AND, parts)
        if isinstance(node, grammar.Word | grammar.Phrase | grammar.Pattern):
            if node.field is None:
                subs = [q for q in (self.leaf(node, n) for n in grammar.TEXT_FIELDS) if q]
                return _combine(xapian.Query.OP_OR, subs) if subs else None
            return self.leaf(node, node.field)
        if isinstance(node, grammar.And | grammar.Or):
            subs = [q for q in (self.node(item) for item in node.items) if q is not None]
            if isinstance(node, grammar.And):
                return _combine(xapian.Query.OP_AND, subs) if subs else xapian.Query.MatchNothing
            return _combine(xapian.Query.OP_OR, subs) if subs else None
        if isinstance(node, grammar.Not):
            inner = self.node(node.item)
            if inner is None:
                return None
            return xapian.Query(xapian.Query.OP_AND_NOT, xapian.Query.MatchAll, inner)
        if isinstance(node, grammar.AndNot):
            first, second, op = node.positive, node.negative, xapian.Query.OP_AND_NOT
        elif isinstance(node, grammar.AndMaybe):
            first, second, op = node.required, node.optional, xapian.Query.OP_AND_MAYBE
        else:
            first, second, op = node.required, node.condition, xapian.Query.OP_FILTER
        a, b = self.node(first), self.node(second)
        if a is None and (b is None or op == xapian.Query.OP_AND_NOT):
            return xapian.Query.MatchNothing
        if a is None:
            return b
        if b is None:
            return a
        return xapian.Query(op, a, b)

    def leaf(self, node: grammar.Leaf, name: str) -> xapian.Query | None:
        """A word, phrase or pattern in one field."""
        if name not in TEXT_PREFIX:
            raise QueryError(f"Unknown field {name!r} in the query.")
        if isinstance(node, grammar.Phrase):
            return self.phrase(name, node.text, node.slop)
        if isinstance(node, grammar.Pattern):
            return self.pattern(name, node)
        texts = self.analyse(name, node.text)
        if not texts:
            return None
        return _combine(xapian.Query.OP_AND, [self.term(name, t) for t in texts])

    def analyse(self, name: str, text: str, tokenize: bool = True) -> list[str]:
        """The terms of a text as the field's analyzer reads a query."""
        tokens = analyzer(name)(text, mode="query", tokenize=tokenize, removestops=tokenize)
        return [t.text for t in tokens]

    def term(self, name: str, text: str) -> xapian.Query:
        """One term of a field (noted for highlighting when in title or body)."""
        if name in TEXT_FIELDS:
            self.terms.add(text)
        query = xapian.Query(TEXT_PREFIX[name] + text)
        self.weighted.append((name, TEXT_PREFIX[name] + text, query))
        return query

    def cjk_part(self, node: grammar.Word, text: str) -> xapian.Query | None:
        """One part of a word holding CJK text: its units as a phrase, in each field searched."""
        if node.field is not None:
            return self.phrase(node.field, text, 1)
        subs = [q for q in (self.phrase(n, text, 1) for n in grammar.TEXT_FIELDS) if q]
        return _combine(xapian.Query.OP_OR, subs) if subs else None

    def phrase(self, name: str, text: str, slop: int) -> xapian.Query | None:
        """Words in order, each within `slop` positions of the one before."""
        if name not in TEXT_PREFIX:
            raise QueryError(f"Unknown field {name!r} in the query.")
        texts = self.analyse(name, text)
        if not texts:
            return None
        subs = [self.term(name, t) for t in texts]
        if len(subs) == 1:
            return subs[0]
        window = len(subs) + (len(subs) - 1) * (slop - 1)
        phrase = xapian.Query(xapian.Query.OP_PHRASE, subs, window)
        if slop == 1 and name in TEXT_FIELDS and self.has_pairs():
            pairs = [bigram(name, a, b) for a, b in zip(texts, texts[1:], strict=False)]
            if all(pairs):
                terms = [xapian.Query(p) for p in dict.fromkeys(pairs) if p]
                if len(subs) == 2:
                    # The pair's boolean term holds exactly the articles with the two words
                    # adjacent: the phrase's matches and weights, without reading positions.
                    words = xapian.Query(xapian.Query.OP_AND, subs)
                    return xapian.Query(xapian.Query.OP_FILTER, words, terms[0])
                # Positions are read only in articles holding every pair of the phrase.
                pairs_query = _combine(xapian.Query.OP_AND, terms)
                return xapian.Query(xapian.Query.OP_FILTER, phrase, pairs_query)
        return phrase

    def has_pairs(self) -> bool:
        """Whether the index holds pair terms (its metadata, read at the first phrase only:
        over remote shards each read is a round trip)."""
        if self._pairs is None:
            self._pairs = has_bigrams(self.db)
        return self._pairs

    def pattern(self, name: str, node: grammar.Pattern) -> xapian.Query | None:
        """A prefix or wildcard pattern, expanded to the field's terms it matches."""
        prefix = node.prefix
        texts = self.analyse(name, prefix if prefix is not None else node.text, tokenize=False)
        if not texts:
            return None
        if prefix is not None:
            regex = re.compile(re.escape(texts[0]) + ".*", re.DOTALL)
        else:
            regex = _wildcard(texts[0])
        found = list(self.expand(name, texts[0], regex))
        if len(found) > MAX_EXPANSIONS:
            raise QueryError(
                f"The pattern {node.text!r} matches more than {MAX_EXPANSIONS} words; "
                "make it longer."
            )
        if not found:
            return xapian.Query.MatchNothing
        return xapian.Query(xapian.Query.OP_SYNONYM, [self.term(name, t) for t in found])

    def expand(self, name: str, pattern: str, regex: re.Pattern[str]) -> Iterator[str]:
        """The field's indexed terms (without prefix) that a pattern matches."""
        literal = re.split(f"[*{QUESTION_MARKS}]", pattern, maxsplit=1)[0]
        field_prefix = TEXT_PREFIX[name]
        start = field_prefix + literal
        count = 0
        for item in self.db.allterms(start):
            term = item.term.decode("utf-8", "replace")[len(field_prefix) :]
            if not field_prefix and term[:1].isupper():
                continue  # another field's prefixed term
            if len(term.encode()) <= MAX_TERM_BYTES and regex.fullmatch(term):
                count += 1
                yield term
                if count > MAX_EXPANSIONS:
                    return


def _wildcard(pattern: str) -> re.Pattern[str]:
    """A regular expression of a wildcard pattern: `*` any run, `?` one character."""
    parts = []
    for char in pattern:
        if char == "*":
            parts.append(".*")
        elif char in QUESTION_MARKS:
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.DOTALL)


def _length(node: Length) -> xapian.Query:
    """Articles whose body length in words lies within the bounds (a value range)."""
    if node.low is None and node.high is None:
        return xapian.Query.MatchAll
    if node.high is None:
        low = xapian.sortable_serialise(node.low)
        return xapian.Query(xapian.Query.OP_VALUE_GE, SLOT_WORDS, low)
    high = xapian.sortable_serialise(node.high)
    if node.low is None:
        return xapian.Query(xapian.Query.OP_VALUE_LE, SLOT_WORDS, high)
    low = xapian.sortable_serialise(node.low)
    return xapian.Query(xapian.Query.OP_VALUE_RANGE, SLOT_WORDS, low, high)
