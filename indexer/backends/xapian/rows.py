"""The rows of the columns a Xapian query matches, frequent words read from their bitmaps.

A query is walked as Xapian would combine it (AND, OR, AND_NOT, FILTER, AND_MAYBE, scaled
weights); a term every shard keeps a bitmap of (`frequent`) is read from the bitmaps, and the
other parts of the same node are matched by Xapian together, in one match, so a rare word
costs what it always did. A part holding no frequent term (a phrase, a value range, a pattern)
is one match as a whole, except a phrase (or NEAR) of frequent words: its words' rows come from
the bitmaps, and Xapian, which must check the positions of every article holding them all,
returns whichever is smaller, the articles that hold the phrase or those that hold the words
without it (a probe of the first matches tells which): reading 300k matches out of the bindings
took 70 ms of the 350 ms of `"mln dlrs"` at 1M, and most articles holding both words hold the
phrase. A phrase filtered by its pair terms (`schema.bigram`) is one match: Xapian reads the
positions of the few articles holding all its pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import reduce
from typing import Any, TypeVar

import numpy as np
import xapian

from indexer.backends.xapian.columns import ShardTables
from indexer.backends.xapian.frequent import (
    FrequentTerms,
    docids_of,
    first_matches,
    match_set,
    matching_docids,
)

# Xapian's leaf types (Query::LEAF_*), which the 1.4 bindings do not name.
LEAF_TERM, LEAF_MATCH_ALL, LEAF_MATCH_NOTHING = 100, 102, 103
_POSITIONAL = (xapian.Query.OP_PHRASE, xapian.Query.OP_NEAR)
S, T = TypeVar("S"), TypeVar("T")
PROBE = 50  # matches a phrase's probe reads: how many of its words' articles hold it
_OR = (xapian.Query.OP_OR, xapian.Query.OP_SYNONYM)
_WALKED = (
    *_OR,
    xapian.Query.OP_AND,
    xapian.Query.OP_AND_NOT,
    xapian.Query.OP_FILTER,
    xapian.Query.OP_AND_MAYBE,
    xapian.Query.OP_SCALE_WEIGHT,
)


# Each shard's part of a match runs in its own thread: Xapian matches without the GIL.
_SHARDS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="xapian-shard")


class QueryRows:
    """Row masks of queries over one set of local shards."""

    def __init__(
        self,
        db: xapian.Database,
        shards: ShardTables,
        shard_dbs: list[xapian.Database] | None = None,
    ) -> None:
        self.db, self.shards = db, shards
        self.frequent = shards.frequent
        self.shard_dbs = shard_dbs or []  # each local shard alone (the parts of `db`)

    def parts(self) -> list[tuple[int, xapian.Database]] | None:
        """(first row, database) of each shard matched alone, or None when several shards have
        no databases of their own (then the combined database is matched)."""
        offsets = self.shards.offsets.tolist()
        if len(self.shard_dbs) >= 2:
            return list(zip(offsets, self.shard_dbs, strict=True))
        return [(offsets[0], self.db)] if len(offsets) == 1 else None

    def matched(self, query: xapian.Query) -> np.ndarray:
        """The rows Xapian matches for a query: one match, split over the shards' threads."""
        parts = self.parts()
        if parts is None:
            return self.shards.mask(matching_docids(self.db, query))
        wire = query.serialise()
        msets = _each(
            lambda db: match_set(db, xapian.Query.unserialise(wire)), [d for _, d in parts]
        )
        mask = np.zeros(self.shards.tables.size, dtype=bool)
        for (offset, _db), mset in zip(parts, msets, strict=True):
            mask[offset + docids_of(mset)] = True  # docid d of a shard is row offset + d
        return mask

    def rows(self, query: xapian.Query) -> np.ndarray:
        """The rows the query matches (live or not: callers keep the live ones)."""
        return self.walk(query) if self.walkable(query) else self.matched(query)

    def walk(self, query: xapian.Query) -> np.ndarray:
        """The rows of a walkable query, node by node."""
        kind = query.get_type()
        if kind == LEAF_MATCH_ALL:
            return self.shards.tables.live.copy()
        if kind == LEAF_TERM:
            return np.concatenate([f.mask(next(iter(query))) for f in self.frequent])
        subs = [query.get_subquery(n) for n in range(query.get_num_subqueries())]
        if kind in _POSITIONAL:
            return self.positional(query, subs)
        if kind in (xapian.Query.OP_SCALE_WEIGHT, xapian.Query.OP_AND_MAYBE):
            return self.rows(subs[0])
        if kind == xapian.Query.OP_AND_NOT:
            return self.rows(subs[0]) & ~self.joined(subs[1:], xapian.Query.OP_OR)
        op = xapian.Query.OP_OR if kind in _OR else xapian.Query.OP_AND
        return self.joined(subs, op)

    def joined(self, subs: list[xapian.Query], op: int) -> np.ndarray:
        """The rows of subqueries joined by AND or OR: walked ones each, the rest in one match."""
        walked, rest = [], []
        for q in subs:
            if self.walkable(q):
                walked.append(self.walk(q))
            else:
                rest.append(q)
        if rest:
            query = rest[0] if len(rest) == 1 else xapian.Query(op, rest)
            walked.append(self.matched(query))
        if op == xapian.Query.OP_OR:
            return reduce(np.logical_or, walked)
        return reduce(np.logical_and, walked)

    def walkable(self, query: xapian.Query) -> bool:
        """Whether a query is read from bitmaps, at least in part (else one Xapian match)."""
        if not self.frequent:
            return False
        kind = query.get_type()
        if kind == LEAF_MATCH_ALL:
            return True
        if kind == LEAF_TERM:
            term = next(iter(query))
            return all(term in f.index for f in self.frequent)
        subs = [query.get_subquery(n) for n in range(query.get_num_subqueries())]
        if kind in _POSITIONAL:
            return all(q.get_type() == LEAF_TERM and self.walkable(q) for q in subs)
        if kind == xapian.Query.OP_FILTER and subs[0].get_type() in _POSITIONAL:
            return False  # a phrase filtered by its pair terms: Xapian reads few positions
        if kind not in _WALKED:
            return False
        return any(self.walkable(q) for q in subs)

    def positional(self, query: xapian.Query, subs: list[xapian.Query]) -> np.ndarray:
        """The rows of a phrase of frequent words: per shard, its matches, or its words' rows
        from the bitmaps less the articles holding the words without the phrase, whichever
        Xapian returns fewer of."""
        parts = self.parts()
        if parts is None:
            return self.matched(query)
        terms = [next(iter(q)) for q in subs]
        without = xapian.Query(
            xapian.Query.OP_AND_NOT, xapian.Query(xapian.Query.OP_AND, subs), query
        )
        wires = query.serialise(), without.serialise()
        shards = [(db, bitmaps) for (_o, db), bitmaps in zip(parts, self.frequent, strict=True)]

        def one(shard: tuple[xapian.Database, FrequentTerms]) -> tuple[np.ndarray | None, Any]:
            """The shard's articles holding the words if its set is the phrase's complement
            (else None), and the set."""
            db, bitmaps = shard
            phrase = xapian.Query.unserialise(wires[0])
            probe = first_matches(db, phrase, PROBE)
            if probe.size() < PROBE:
                return None, probe  # every match already
            packed = reduce(np.bitwise_and, [bitmaps.bits[bitmaps.index[t]] for t in terms])
            words = np.unpackbits(packed, count=bitmaps.size).view(bool)
            if 2 * PROBE > np.count_nonzero(words[: probe.get_docid(PROBE - 1) + 1]):
                return words, match_set(db, xapian.Query.unserialise(wires[1]))
            return None, match_set(db, phrase)

        mask = np.zeros(self.shards.tables.size, dtype=bool)
        for (offset, _db), (words, mset) in zip(parts, _each(one, shards), strict=True):
            rows = offset + docids_of(mset)  # read here: see `_each`
            if words is None:
                mask[rows] = True
            else:  # most articles with the words hold the phrase
                mask[offset : offset + len(words)] = words
                mask[rows] = False
        return mask


def _each(work: Callable[[S], T], shards: list[S]) -> Iterator[T]:
    """`work` on each shard, in a thread each when there are several.

    Xapian's reference counts are not atomic: each thread makes its own copy of a query. The
    threads only match (C++, without the GIL); callers read the docids afterwards: the bindings
    release and take the GIL around every call, and two threads reading thousands of docids at
    once would spend their time handing it over.
    """
    return _SHARDS.map(work, shards) if len(shards) > 1 else map(work, shards)
