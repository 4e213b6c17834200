"""The query tree as `whoosh.query` objects, analysed as the index was.

A word is analysed by its field's analyzer (English stems, CJK units); one that yields several
terms becomes an And of them; one holding CJK text becomes a phrase of its units, one per part
between non-ASCII punctuation (小红书，抖音 is two words), so that 小红书 only matches articles
with 小红 and 红书 side by side. A word without a field searches title and body (an Or; title's
weight comes from the schema's field boost). Patterns are lower-cased, not stemmed into terms
(`refug*` is a Prefix). The result is normalised as Whoosh's parser normalised its own output,
so the fast matcher sees the query shape it always saw.
"""

from __future__ import annotations

import re

from whoosh import query
from whoosh.fields import Schema
from whoosh.searching import Searcher

from indexer.backends.analysis import has_cjk
from indexer.backends.whoosh.mentions import AtLeastTerm
from indexer.errors import QueryError
from indexer.query import grammar
from indexer.query.grammar import TEXT_FIELDS, Node
from indexer.query.mentions import LENGTH_FIELD, AtLeast, Length

# Non-ASCII punctuation inside a query word (，、“” …) separates the parts of a CJK query.
_QUERY_PART = re.compile(r"[\w\x00-\x7f]+")


def to_whoosh(node: Node | None, schema: Schema) -> query.Query:
    """The Whoosh query of a tree (Every for no tree), normalised."""
    if node is None:
        return query.Every()
    translated = _Translator(schema).node(node)
    return (query.NullQuery if translated is None else translated).normalize()


def body_terms(q: query.Query, searcher: Searcher) -> set[str]:
    """The query's words (wildcards expanded) to mark in body text.

    Asked per field: whoosh3's `existing_terms` reuses its `fieldname` argument as a loop
    variable, so without one it drops every field but the first it meets.
    """
    reader = searcher.reader()
    return {
        word.decode() if isinstance(word, bytes) else word
        for name in TEXT_FIELDS
        for _, word in q.existing_terms(reader, expand=True, fieldname=name)
    }


def written_body_terms(q: query.Query) -> set[str]:
    """The query's body terms as it holds them (patterns not expanded), to mark in paragraphs."""
    return {text for name, text in q.iter_all_terms() if name == "body"}


class _Translator:
    """Turns tree nodes into Whoosh queries; None for a node whose words all analyse away."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.fields = [name for name in grammar.TEXT_FIELDS if name in schema]

    def node(self, node: Node) -> query.Query | None:
        """One node of the tree."""
        if isinstance(node, AtLeast):
            return self.at_least(node)
        if isinstance(node, Length):
            if LENGTH_FIELD not in self.schema:
                raise QueryError("This index keeps no word counts: rebuild it to use words:.")
            return query.NumericRange(LENGTH_FIELD, node.low, node.high)
        if isinstance(node, grammar.Word) and has_cjk(node.text):
            parts = [self.cjk_part(node, m.group()) for m in _QUERY_PART.finditer(node.text)]
            if parts:
                return parts[0] if len(parts) == 1 else query.And(parts)
        if isinstance(node, grammar.Word | grammar.Phrase | grammar.Pattern):
            if node.field is None:
                subs = (self.leaf(node, name) for name in self.fields)
                return query.Or([q for q in subs if q is not None])
            return self.leaf(node, node.field)
        if isinstance(node, grammar.And | grammar.Or):
            subs = [q for q in (self.node(item) for item in node.items) if q is not None]
            return query.And(subs) if isinstance(node, grammar.And) else query.Or(subs)
        if isinstance(node, grammar.Not):
            inner = self.node(node.item)
            # As Whoosh's parser did: NOT of nothing (or of an empty group) is left out.
            return query.Not(inner) if inner else None
        if isinstance(node, grammar.AndNot):
            pair = (node.positive, node.negative, query.AndNot)
        elif isinstance(node, grammar.AndMaybe):
            pair = (node.required, node.optional, query.AndMaybe)
        else:
            pair = (node.required, node.condition, query.Require)
        first, second, qclass = pair
        a, b = self.node(first), self.node(second)
        if a is None and (b is None or qclass is query.AndNot):
            return query.NullQuery  # nothing to keep (Whoosh's parser kept the excluded terms)
        if a is None:
            return b
        if b is None:
            return a
        return qclass(a, b)

    def leaf(self, node: grammar.Leaf, name: str) -> query.Query | None:
        """A word, phrase or pattern in one field."""
        if isinstance(node, grammar.Phrase):
            return self.phrase(name, node.text, node.slop)
        if isinstance(node, grammar.Pattern):
            prefix = node.prefix
            if prefix is not None:
                return self.term(name, prefix, query.Prefix, tokenize=False)
            return self.term(name, node.text, query.Wildcard, tokenize=False)
        return self.term(name, node.text, query.Term)

    def at_least(self, node: AtLeast) -> query.Query | None:
        """`atleastN:word`: each term the word analyses into, N times or more in the body."""
        if node.field not in self.schema:
            raise QueryError(f"Unknown field {node.field!r} in the query.")
        field = self.schema[node.field]
        texts = list(field.process_text(node.text, mode="query"))
        terms = [AtLeastTerm(node.field, text, node.count) for text in texts]
        if not terms:
            return None
        return terms[0] if len(terms) == 1 else query.And(terms)

    def cjk_part(self, node: grammar.Word, text: str) -> query.Query:
        """One part of a word holding CJK text: its units as a phrase, in each field searched."""
        if node.field is not None:
            return self.phrase(node.field, text, 1)
        return query.Or([self.phrase(name, text, 1) for name in self.fields])

    def phrase(self, name: str, text: str, slop: int) -> query.Query:
        """Words in order (within `slop` positions), as the field's analyzer reads them."""
        field = self.schema[name] if name in self.schema else None
        if field is None or not field.analyzer:
            words = text.split()
        else:
            words = [t.text for t in field.tokenize(text, mode="query")]
        return query.Phrase(name, words, slop=slop)

    def term(
        self, name: str, text: str, qclass: type[query.Query], tokenize: bool = True
    ) -> query.Query | None:
        """A word as the field's analyzer reads it: one term, an And of several, or None."""
        if name not in self.schema:
            raise QueryError(f"Unknown field {name!r} in the query.")
        field = self.schema[name]
        texts = list(
            field.process_text(text, mode="query", tokenize=tokenize, removestops=tokenize)
        )
        if not texts:
            return None
        if len(texts) > 1:
            return query.And([qclass(name, t) for t in texts])
        return qclass(name, texts[0])
