"""Match sets and BM25F scores of a Whoosh query computed with numpy over posting blocks.

Whoosh matches and scores one posting at a time through a tree of Python matchers (about
6 µs a posting), and its top-N collector skips documents it guesses cannot make the top N,
which for multi-term queries drops true top hits. Here every term's postings are read block
by block into arrays, combined along the query tree with boolean masks and summed BM25F
scores exactly as Whoosh computes them, and ranked exactly. Queries this module does not
model (fuzzy terms, ranges, other weightings, …) are handed back to Whoosh for that subtree
alone, in one scored pass bounded by the search's deadline. Phrases and proximity (`"a b"~N`)
are matched here from the positions saved per segment as packed arrays (`positions`), or from
those pickled in Whoosh's posting blocks where a segment has none.
"""

from __future__ import annotations

import io
import pickle
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice
from math import log
from typing import Any

import numpy as np
from whoosh import query, scoring
from whoosh.collectors import TimeLimit, TimeLimitCollector
from whoosh.reading import CorruptIndexError
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from indexer.backends.whoosh import fence
from indexer.backends.whoosh.mentions import AtLeastTerm
from indexer.backends.whoosh.positions import PositionStore, SavedPostings

_BYTE_LENGTH = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
_BYTE_LENGTH[0] = 1.0  # Whoosh scores a missing length as 1 (doc_field_length default)


# Whoosh's private attributes and byte formats are read through `fence` alone.
_BLOCKS_MAGIC = fence.BLOCK_MAGIC
_INT = fence.BLOCK_LENGTH
# Terms a prefix or wildcard may expand to in one segment before Whoosh matches it instead
# (under the search's deadline, so its count may then be a lower bound).
MAX_EXPANSION = 50_000


@dataclass(slots=True)
class Evaluation:
    """A query's matches (a mask over document numbers) and, when scored, their scores."""

    mask: np.ndarray
    scores: np.ndarray | None
    complete: bool = True  # False when a Whoosh subtree ran out of time


class FastMatcher:
    """Per-searcher arrays (live documents, field lengths) and the query evaluation."""

    def __init__(
        self,
        searcher: Searcher,
        fast: bool = True,
        store: PositionStore | None = None,
        columns: dict[str, np.ndarray] | None = None,
    ) -> None:
        self.searcher = searcher
        self._store = store  # the positions saved per segment, when the index has them
        subs = searcher.subsearchers or [(searcher, 0)]
        self._segments = [(sub.reader(), offset) for sub, offset in subs]
        self.size = searcher.reader().doc_count_all()
        self.live = np.zeros(self.size, dtype=bool)
        for reader, offset in self._segments:
            self.live[offset : offset + reader.doc_count_all()] = True
            # An index nothing was committed to has an EmptyReader, without deletions.
            deleted = np.fromiter(getattr(reader, "deleted_docs_set", ()), dtype=np.int64)
            self.live[deleted + offset] = False
        weighting = searcher.weighting
        # Only Whoosh's own BM25F is modelled; any other weighting goes to Whoosh whole.
        self.modelled = fast and type(weighting) is scoring.BM25F  # fast=False: all to Whoosh
        self._weighting = weighting
        self._lengths: dict[str, np.ndarray] = {}
        # Numeric fields held as a value per document (the word count), for range queries.
        self.columns: dict[str, np.ndarray] = columns or {}

    def evaluate(self, q: query.Query, scored: bool, deadline: float) -> Evaluation:
        """The matches (and scores) of a query, Whoosh's subtrees bounded by `deadline`."""
        self._complete = True
        if not self.modelled:
            mask, scores = self._whoosh(q, scored, deadline)
        else:
            mask, scores = self._eval(q, scored, deadline)
        return Evaluation(mask=mask, scores=scores, complete=self._complete)

    def _eval(
        self, q: query.Query, scored: bool, deadline: float
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """Evaluate one node of the query tree."""
        if isinstance(q, query.Term):
            return self._term(q, scored)
        if type(q) is query.Phrase and len(q.words) > 1 and self._positional(q):
            return self._phrase(q, scored)
        if isinstance(q, query.NumericRange) and q.fieldname in self.columns:
            return self._numeric_range(q, scored)
        if isinstance(q, query.MultiTerm):
            return self._expanded(q, scored, deadline)
        if isinstance(q, query.Every) and not q.fieldname:
            return self.live.copy(), (self.live * float(q.boost) if scored else None)
        if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
            return np.zeros(self.size, dtype=bool), self._zeros(scored)
        if type(q) in (query.And, query.Or) and (
            isinstance(q, query.And) or (not q.minmatch and q.scale is None)
        ):
            return self._compound(q, scored, deadline)
        if type(q) is query.Not:
            mask, _ = self._eval(q.query, False, deadline)
            mask = self.live & ~mask
            return mask, (mask * float(q.boost) if scored else None)
        if type(q) is query.AndNot:
            mask, scores = self._eval(q.a, scored, deadline)
            without, _ = self._eval(q.b, False, deadline)
            mask = mask & ~without
            return mask, (scores * mask if scores is not None else None)
        if type(q) is query.Require:
            mask, scores = self._eval(q.a, scored, deadline)
            needed, _ = self._eval(q.b, False, deadline)
            mask = mask & needed
            return mask, (scores * mask if scores is not None else None)
        if type(q) is query.AndMaybe:
            mask, scores = self._eval(q.a, scored, deadline)
            if not scored:
                return mask, None
            _, extra = self._eval(q.b, True, deadline)
            return mask, (scores + extra) * mask
        return self._whoosh(q, scored, deadline)

    def _compound(
        self, q: query.And | query.Or, scored: bool, deadline: float
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """And/Or: combine the children's masks and sum their scores, as Whoosh does."""
        if not q.subqueries:
            return np.zeros(self.size, dtype=bool), self._zeros(scored)
        parts = [self._eval(sub, scored, deadline) for sub in q.subqueries]
        if len(parts) == 1:  # Whoosh uses a lone child's matcher as is, without the boost
            return parts[0]
        combine = np.logical_and if isinstance(q, query.And) else np.logical_or
        mask = combine.reduce([m for m, _ in parts])
        if not scored:
            return mask, None
        scores = np.sum([s for _, s in parts], axis=0) * mask
        if q.boost != 1.0:
            scores *= q.boost
        return mask, scores

    def _term(self, q: query.Term, scored: bool) -> tuple[np.ndarray, np.ndarray | None]:
        """One term: its postings, scored with BM25F from the stored weights and lengths."""
        ids, weights, _ = self.postings(q.fieldname, q.text)
        if isinstance(q, AtLeastTerm):  # a posting's weight is the term's count in the document
            keep = weights >= q.minimum
            ids, weights = ids[keep], weights[keep]
        mask = np.zeros(self.size, dtype=bool)
        mask[ids] = True
        if not scored:
            return mask, None
        return mask, self._bm25f(q.fieldname, q.text, ids, weights) * q.boost

    def _numeric_range(
        self, q: query.NumericRange, scored: bool
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """A range over a numeric column: a constant score, as Whoosh gives a NumericRange."""
        values = self.columns[q.fieldname]
        mask = self.live.copy()
        if q.start is not None:
            mask &= (values > q.start) if q.startexcl else (values >= q.start)
        if q.end is not None:
            mask &= (values < q.end) if q.endexcl else (values <= q.end)
        return mask, (mask * float(q.boost) if scored else None)

    def _bm25f(self, field: str, text: str, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Whoosh's BM25F score of one term in each of `ids` (zero elsewhere)."""
        scores = np.zeros(self.size)
        if len(ids):  # (an empty index has no idf: log of 0)
            scores[ids] = self._bm25f_at(field, text, ids, weights)
        return scores

    def _bm25f_at(
        self, field: str, text: str, ids: np.ndarray, weights: np.ndarray, idf: float | None = None
    ) -> np.ndarray:
        """Whoosh's BM25F score of one term in each of `ids` (non-empty), aligned with `ids`."""
        parent = self.searcher
        if idf is None:
            idf = parent.idf(field, text)
        avgfl = parent.avg_field_length(field) or 1
        b, k1 = fence.bm25f_parameters(self._weighting, field)
        lengths = self.lengths(field)[ids]
        norm = k1 * ((1 - b) + b * lengths / avgfl)
        return idf * ((weights * (k1 + 1)) / (weights + norm))

    def _expanded(
        self, q: query.MultiTerm, scored: bool, deadline: float
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """A prefix, wildcard, range or fuzzy term: its terms' postings ORed, scored as Whoosh does.

        Counting needs no ranking, so the match set is exact however long the expansion runs;
        only an expansion past MAX_EXPANSION terms is left to Whoosh (and its deadline). Each
        matched term adds its BM25F score times the boost (Whoosh's "constant score" falls back
        to the searcher's weighting).
        """
        field = q.field()
        mask = np.zeros(self.size, dtype=bool)
        scores = self._zeros(scored)
        if field not in self.searcher.schema:
            return mask, scores
        expansions = []
        frequency: dict[bytes, int] = {}
        for reader, offset in self._segments:
            words = [w for w in islice(fence.expansion_words(q, reader), MAX_EXPANSION + 1) if w]
            if len(words) > MAX_EXPANSION:
                return self._whoosh(q, scored, deadline)
            infos = fence.term_infos(reader, field, words)
            for word, info in infos.items():
                frequency[word] = frequency.get(word, 0) + info.doc_frequency()
            expansions.append((reader, offset, infos))
        decode = self.searcher.schema[field].from_bytes
        count = self.searcher.doc_count_all()
        for reader, offset, infos in expansions:
            for word, info in infos.items():
                blocks = list(_blocks(reader, field, word, False, info))
                docs = np.concatenate([ids for ids, _, _ in blocks]) + offset
                keep = self.live[docs]
                docs = docs[keep]
                mask[docs] = True
                if scores is None:
                    continue
                weight = np.concatenate([weights for _, weights, _ in blocks])[keep]
                if len(docs):  # (a term's documents are distinct: += adds once each)
                    idf = log(count / (frequency[word] + 1)) + 1  # Whoosh's, from the same counts
                    scores[docs] += self._bm25f_at(field, decode(word), docs, weight, idf) * q.boost
        return mask, scores

    def _positional(self, q: query.Phrase) -> bool:
        """Whether the phrase's field stores positions (else Whoosh decides what to do)."""
        field = self.searcher.schema[q.fieldname] if q.fieldname in self.searcher.schema else None
        return field is not None and bool(field.format) and field.format.supports("positions")

    def _phrase(self, q: query.Phrase, scored: bool) -> tuple[np.ndarray, np.ndarray | None]:
        """Words in order, each at most `slop` positions after the one before (1: adjacent).

        Whoosh matches a phrase as an ordered span of its terms (SpanNear2, mindist 1): positions
        p0 < p1 < … with 1 ≤ p(i) − p(i−1) ≤ slop, and scores it as the sum of the terms'
        scores, which is what is computed here. Positions come from the arrays saved per segment
        (`positions`), or from Whoosh's pickled ones where a segment has none.
        """
        saved = [self.saved_positions(q.fieldname, word) for word in q.words]
        terms: list[tuple[np.ndarray, np.ndarray, Any]] = []
        if all(s is not None for s in saved):
            for ids, weights, counts, flat in saved:  # type: ignore[misc]
                terms.append((ids, weights, _picker(counts, flat)))
        else:
            for word in q.words:
                ids, weights, values = self.postings(q.fieldname, word, positions=True)
                encoded = values or []  # (always a list: asked for with positions)
                terms.append(
                    (ids, weights, lambda chosen, e=encoded: decode_values([e[i] for i in chosen]))
                )
        candidates = terms[0][0]
        for ids, _, _ in terms[1:]:
            candidates = np.intersect1d(candidates, ids, assume_unique=True)
        ends = None
        for ids, _, select in terms:
            if not len(candidates):
                break
            chosen = np.flatnonzero(_within(ids, candidates))
            counts, positions = select(chosen)
            # A key per (document, position): doc << 32 | position, ascending already
            # (documents ascending, positions ascending within each).
            keys = np.repeat(ids[chosen], counts) * (1 << 32) + positions
            if ends is not None:
                # The nearest end of the words before, in the same document, must lie within
                # `slop` positions before this word (it is before it: its key is smaller).
                at = np.searchsorted(ends, keys) - 1
                before = ends[at.clip(min=0)]
                near = (at >= 0) & (before >> 32 == keys >> 32) & (keys - before <= q.slop)
                keys = keys[near]
            ends = keys
            documents = keys >> 32
            first = np.ones(len(documents), dtype=bool)
            first[1:] = documents[1:] != documents[:-1]
            candidates = documents[first]
        mask = np.zeros(self.size, dtype=bool)
        mask[candidates] = True
        if not scored:
            return mask, None
        scores = np.zeros(self.size)
        for word, (ids, weights, _) in zip(q.words, terms, strict=True):
            scores += self._bm25f(q.fieldname, word, ids, weights)
        return mask, scores * mask * q.boost

    def saved_positions(
        self, field: str, text: str
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
        """A term's live postings with their positions, from the arrays saved per segment.

        Document numbers, weights, each posting's position count and all positions; None when
        a segment holding the term has no saved arrays.
        """
        parts = []
        for reader, offset in self._segments:
            saved = self._saved(reader, field, text, True)
            if saved is None:
                return None
            if len(saved.docs):
                parts.append(self._live(saved, offset))
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, np.zeros(0), empty, empty
        if len(parts) == 1:
            return parts[0]
        ids, weights, counts, flat = (np.concatenate(arrays) for arrays in zip(*parts, strict=True))
        return ids, weights, counts, flat

    def _saved(self, reader: Any, field: str, text: str, positions: bool) -> SavedPostings | None:
        """A term's postings in one segment from its saved arrays (None: the segment has none)."""
        saved = self._store.segment(reader) if self._store is not None else None
        if saved is None or not saved.has_field(field):
            return None
        schema = self.searcher.schema
        btext = schema[field].to_bytes(text)
        try:
            postings = saved.term(field, btext, positions)
        except (OSError, ValueError) as exc:  # a damaged file: this segment reads Whoosh's
            saved.discard_from(self._store, reader, str(exc))
            return None
        # Whoosh counts the postings it wrote: a file of another segment or term disagrees.
        if len(postings.docs) != reader.doc_frequency(field, btext):
            why = f"{field}:{btext!r} has other postings than Whoosh's"
            saved.discard_from(self._store, reader, why)
            return None
        return postings

    def _live(
        self, saved: SavedPostings, offset: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Saved postings of a segment without its deleted documents, numbered index-wide."""
        ids, weights, counts, flat = (
            saved.docs + offset,
            saved.weights,
            saved.counts,
            saved.positions,
        )
        keep = self.live[ids]
        if not keep.all():
            if flat is not None:
                flat = flat[np.repeat(keep, counts)]
            ids, weights, counts = ids[keep], weights[keep], counts[keep]
        return ids, weights, counts, flat  # type: ignore[return-value]

    def postings(
        self, field: str, text: str, positions: bool = False
    ) -> tuple[np.ndarray, np.ndarray, list[bytes] | None]:
        """A term's live postings: document numbers, weights, encoded positions if asked."""
        schema = self.searcher.schema
        btext = schema[field].to_bytes(text) if field in schema else None
        id_parts: list[np.ndarray] = []
        weight_parts: list[np.ndarray] = []
        values: list[bytes] = []
        for reader, offset in self._segments:
            if btext is None or (field, btext) not in reader:
                continue
            saved = None if positions else self._saved(reader, field, text, False)
            if saved is not None:  # no posting blocks to decompress
                ids, weights, _, _ = self._live(saved, offset)
                id_parts.append(ids)
                weight_parts.append(weights)
                continue
            for ids, weights, block_values in _blocks(reader, field, btext, positions):
                id_parts.append(ids + offset)
                weight_parts.append(weights)
                if positions:
                    values.extend(block_values)
        if not id_parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0), ([] if positions else None)
        ids = np.concatenate(id_parts)
        weights = np.concatenate(weight_parts)
        keep = self.live[ids]
        if positions and not keep.all():
            values = [values[i] for i in np.flatnonzero(keep)]
        return ids[keep], weights[keep], (values if positions else None)

    def lengths(self, field: str) -> np.ndarray:
        """Each document's length of `field` as Whoosh's scorer sees it (quantised)."""
        if field not in self._lengths:
            out = np.ones(self.size, dtype=np.float64)
            for reader, offset in self._segments:
                stored = fence.length_bytes(reader, field)
                if stored is None:
                    continue
                raw = np.frombuffer(stored, dtype=np.uint8)
                out[offset : offset + len(raw)] = _BYTE_LENGTH[raw]
            self._lengths[field] = out
        return self._lengths[field]

    def _whoosh(
        self, q: query.Query, scored: bool, deadline: float
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """A subtree this module does not model, run by Whoosh in one pass until `deadline`."""
        mask = np.zeros(self.size, dtype=bool)
        scores = self._zeros(scored)
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            self._complete = False
            return mask, scores
        # Checked between documents; SIGALRM is not usable in a server's worker threads.
        timed = TimeLimitCollector(
            self.searcher.collector(limit=None), timelimit=remaining, use_alarm=False
        )
        try:
            self.searcher.search_with_collector(q, timed)
        except TimeLimit:
            self._complete = False
        items = list(timed.results().items())
        if items:
            docs = np.fromiter((d for d, _ in items), dtype=np.int64, count=len(items))
            mask[docs] = True
            if scores is not None:
                scores[docs] = np.fromiter((s for _, s in items), dtype=np.float64)
        return mask & self.live, scores

    def _zeros(self, scored: bool) -> np.ndarray | None:
        """A score array of zeros, or None when unscored."""
        return np.zeros(self.size) if scored else None


def _blocks(
    reader: Any, field: str, btext: bytes, values: bool = True, info: Any = None
) -> Iterator[tuple[np.ndarray, np.ndarray, Any]]:
    """A term's postings in one segment, block by block: (document numbers, weights, values).

    The term's whole posting list is read with one call and its blocks decoded here: Whoosh's
    matcher reads each block's length, header and data with separate small reads. Without
    `values` the positions are not decoded (values come back as None).
    """
    info = info or fence.term_info(reader, field, btext)
    if info.is_inlined():
        ids, weights, values = info.inlined_postings()
        yield np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64), values
        return
    offset, length = info.extent()
    if isinstance(length, tuple):  # whoosh3 reads the length with unpack_int(...) without [0]
        length = length[0]
    raw = fence.posting_bytes(reader, offset, length)
    if raw[:4] != _BLOCKS_MAGIC:
        raise CorruptIndexError(f"Bad postings of {field}:{btext!r} at offset {offset}")
    stream = io.BytesIO(raw)
    position = 4
    while position < length:
        size = _INT.unpack_from(raw, position)[0]
        position += _INT.size
        stream.seek(position)
        count, _maxid, _maxweight, compression, _minlen, _maxlen = pickle.load(stream)
        data = raw[stream.tell() : position + abs(size)]
        block = zlib.decompress(data) if compression else data
        ids, weights, block_values = _unpickle_block(block, count, values)
        if weights is None or isinstance(weights, float):  # all equal: stored once
            weights = np.full(count, weights or 1.0)
        # Document numbers are stored as gaps, the first one from 0.
        yield (
            np.cumsum(np.asarray(ids, dtype=np.int64)),
            np.asarray(weights, dtype=np.float64),
            block_values,
        )
        position += abs(size)
        if size < 0:  # the last block
            break


# A block pickles (ids, weights, values), each value `_codecs.encode(text, "latin1")`: a
# Python call per posting when unpickled. Without values, the pickle is cut where they begin.
_VALUES_START = fence.VALUES_START
_PAIR_END = fence.PAIR_END


def _unpickle_block(block: bytes, count: int, values: bool) -> tuple[Any, Any, Any]:
    """A block's ids and weights, and its values when asked for (else None)."""
    if not values:
        cut = block.find(_VALUES_START)
        if cut > 0:
            try:
                ids, weights = pickle.loads(block[:cut] + _PAIR_END)
            except Exception:  # not the layout expected: decode the whole block
                pass
            else:
                if len(ids) == count:
                    return ids, weights, None
    return pickle.loads(block)


def _within(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Which of `values` are in `sorted_set` (ascending), by binary search."""
    if not len(sorted_set):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(sorted_set, values).clip(max=len(sorted_set) - 1)
    return sorted_set[at] == values


def _picker(counts: np.ndarray, flat: np.ndarray) -> Any:
    """A function giving the counts and positions of the chosen postings (ascending indices)."""
    starts = np.cumsum(counts) - counts

    def select(chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The chosen postings' counts and their positions, in order."""
        picked = counts[chosen]
        # Each chosen posting's positions: its start, then one by one.
        within = np.arange(int(picked.sum())) - np.repeat(np.cumsum(picked) - picked, picked)
        return picked, flat[np.repeat(starts[chosen], picked) + within]

    return select


def decode_positions(
    reader: Any, field: str
) -> Iterator[tuple[bytes, np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Every term of a segment's field: word, documents, weights, position counts, positions.

    All postings in Whoosh's order, deleted documents included: what `positions` saves.
    """
    for btext, info in reader.iter_field(field):
        ids, weights, values = [], [], []
        for block_ids, block_weights, block_values in _blocks(reader, field, btext, True, info):
            ids.append(block_ids)
            weights.append(block_weights)
            values.extend(block_values)
        yield (btext, np.concatenate(ids), np.concatenate(weights), *decode_values(values))


def decode_values(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Decode Whoosh `Positions` values: each posting's count, and all positions in order.

    A value is a 4-byte count then a pickled list of gaps between positions. The pickles are
    spliced into one list of lists and unpickled with one call, instead of one call each.
    """
    if not values:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    lists = _spliced(values)
    if lists is None:  # not the layout expected: one by one, the pickle's stop byte optional
        lists = [pickle.loads(v[4:] if v.endswith(b".") else v[4:] + b".") for v in values]
    counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    gaps = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum()))
    running = np.cumsum(gaps)
    # Restart the running sum at each posting: subtract what the earlier postings added.
    ends = np.cumsum(counts)
    before = np.concatenate(([0], running[ends[:-1] - 1]))
    return counts, running - np.repeat(before, counts)


def _spliced(values: list[bytes]) -> list[list[int]] | None:
    """The values' gap lists from one pickle, or None if a value is not `count + pickle`."""
    sizes = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    if sizes.min() < 8:
        return None
    raw = np.frombuffer(b"".join(values), dtype=np.uint8)
    starts = np.cumsum(sizes) - sizes
    ends = starts + sizes - 1
    # Each value: 4-byte count, PROTO 2 (0x80 0x02), the list's opcodes, STOP (".").
    if not (
        (raw[starts + 4] == 0x80).all() and (raw[starts + 5] == 2).all() and (raw[ends] == 46).all()
    ):
        return None
    keep = np.ones(len(raw), dtype=bool)
    for skip in range(6):
        keep[starts + skip] = False
    keep[ends] = False
    # PROTO 2, EMPTY_LIST, MARK, …each value's list…, APPENDS, STOP
    try:
        lists = pickle.loads(b"\x80\x02](" + raw[keep].tobytes() + b"e.")
    except Exception:  # a layout this splice does not know
        return None
    return lists if len(lists) == len(values) else None


def top_n(scores: np.ndarray, docs: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The `n` best of `docs` (sorted numbers), score descending then number ascending."""
    if n <= 0 or not len(docs):
        return docs[:0], scores[:0]
    values = scores[docs]
    if len(docs) > n:
        # Keep every document tied with the n-th best so the tie-break stays exact.
        kth = np.partition(values, len(values) - n)[len(values) - n]
        keep = values >= kth
        docs, values = docs[keep], values[keep]
    order = np.lexsort((docs, -values))[:n]
    return docs[order], values[order]
