"""Every private attribute and byte format of whoosh3 the fast matcher relies on, in one place.

The fast matcher (`fastmatch.py`) reads postings and field lengths straight from Whoosh's files
instead of through its matchers. That needs what whoosh3 does not promise to keep:

- attributes: `whoosh.codec.whoosh3._lenfield` and `LENGTHS_COLUMN` (the name of a field's
  length column), `reader._perdoc._cached_reader(...)` with the column's `_count`, `_dbfile`
  and `_basepos`, `reader._terms` with `term_info()`, `items_from()` and its `_postfile`,
  a multi-term query's `_btexts(reader)` (the words it expands to), and the BM25F
  weighting's `_field_B`, `B` and `K1`;
- byte formats: a posting list starts with the `W3Bl` magic (`WHOOSH3_HEADER_MAGIC`); each block
  is a 4-byte big-endian signed length (negative for the last block), a pickled header
  `(count, maxid, maxweight, compression, minlength, maxlength)`, then the (zlib-compressed when
  `compression`) pickle of `(ids, weights, values)` with document numbers stored as gaps from
  0, weights as one float when all equal, and each value `_codecs.encode(text, "latin1")` of a
  4-byte count followed by a pickled list of position gaps; a field length is one byte per
  document, decoded by `byte_to_length`.

Nothing else in newsindex touches these. `check(searcher)` is run on the real index the first
time a backend searches it: it decodes a term's postings (ids, weights, positions) both ways,
scores a term both ways and reads an article by id both ways, and compares. The positions
newsindex saves per segment (`positions.py`; written while the segment is written by
`savecodec.py`, which relies on `FieldWriter.add_postings(schema, lengths, items)` and
`W3Codec.new_segment`, or else decoded as above) are compared with Whoosh's matcher too; a
segment whose file disagrees is served from Whoosh's pickled positions.
When anything differs or fails (a whoosh3 upgrade), the fast matcher is switched off: every
search goes through Whoosh's own matchers (slower, same results and scores), and the log and
`newsindex stats` say why. `NEWSINDEX_FAST_MATCH=0` switches it off on purpose (to measure or
compare the fallback).
"""

from __future__ import annotations

import logging
import os
import struct
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query
from whoosh.searching import Searcher

log = logging.getLogger(__name__)

ENV = "NEWSINDEX_FAST_MATCH"
try:
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, _lenfield

    IMPORT_ERROR: str | None = None
except ImportError as exc:  # a whoosh3 that renamed them: the fence is broken
    LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, _lenfield = None, b"", None
    IMPORT_ERROR = str(exc)

BLOCK_MAGIC: bytes = WHOOSH3_HEADER_MAGIC  # b"W3Bl" at the start of every posting list
BLOCK_LENGTH = struct.Struct("!i")  # Whoosh's StructFile.write_int before each block
# A block pickles (ids, weights, values), each value `_codecs.encode(text, "latin1")`: without
# values, the pickle is cut where they begin and closed as a pair.
VALUES_START = b"(c_codecs\nencode\n"
PAIR_END = b"\x86."  # TUPLE2, STOP
SAMPLE_TERMS = 400  # terms looked at per field to pick one with several blocks
MAX_SAMPLE_POSTINGS = 2000  # keeps the check to milliseconds on a large index
CHECK_SECONDS = 5.0


def length_bytes(reader: Any, field: str) -> bytes | None:
    """One segment's length byte of `field` for each document (None when it has none)."""
    column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    if column is None:
        return None
    count = min(column._count, reader.doc_count_all())
    return column._dbfile.get(column._basepos, count)


def term_info(reader: Any, field: str, btext: bytes) -> Any:
    """A term's TermInfo in one segment (inlined postings or the extent of its list)."""
    return reader._terms.term_info(field, btext)


def term_infos(reader: Any, field: str, words: list[bytes]) -> dict[bytes, Any]:
    """The TermInfos of one segment's words of a field, in one pass over its lexicon.

    An expansion's words are the segment's own terms, sorted: reading them in order from the
    first saves a lookup per word (each several small reads of the term index).
    """
    if not words:
        return {}
    wanted_words, last = set(words), max(words)
    found: dict[bytes, Any] = {}
    for (name, word), info in reader._terms.items_from(field, min(words)):
        if name != field or word > last:
            break
        if word in wanted_words:
            found[word] = info
    return found


def expansion_words(q: query.MultiTerm, reader: Any) -> Iterator[bytes]:
    """The indexed words (bytes) a prefix, wildcard, range or fuzzy term expands to."""
    return q._btexts(reader)


def posting_bytes(reader: Any, offset: int, length: int) -> bytes:
    """The raw bytes of a posting list in one segment's postings file."""
    return reader._terms._postfile.get(offset, length)


def bm25f_parameters(weighting: Any, field: str) -> tuple[float, float]:
    """The BM25F `B` of a field and the weighting's `K1`."""
    return weighting._field_B.get(field, weighting.B), weighting.K1


@dataclass(frozen=True, slots=True)
class FenceStatus:
    """Whether searches use the fast matcher, and what was checked or why not."""

    fast: bool
    reason: str
    verified: bool = False  # compared on real postings (not yet possible on an empty index)

    def to_dict(self) -> dict[str, Any]:
        """The status as JSON-ready data (for `newsindex stats --json`)."""
        return {"fast_match": self.fast, "reason": self.reason}


def wanted() -> bool:
    """Whether the fast matcher may be used (NEWSINDEX_FAST_MATCH=0 switches it off)."""
    return os.environ.get(ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def check(searcher: Searcher, store: Any = None) -> FenceStatus:
    """Verify on this index that the private reads give what Whoosh's public API gives.

    `store` (a `positions.PositionStore`) has its saved positions compared as well.
    """
    if not wanted():
        return FenceStatus(False, f"switched off by {ENV}=0: searches use Whoosh's matchers", True)
    if IMPORT_ERROR is not None:
        return _broken(f"whoosh.codec.whoosh3 changed: {IMPORT_ERROR}")
    try:
        checked = _verify(searcher, store)
    except Exception as exc:  # any failure means the private surface changed
        return _broken(f"{type(exc).__name__}: {exc}")
    if checked is None:
        return FenceStatus(True, "nothing to compare yet (empty index)")
    return FenceStatus(True, checked, verified=True)


def failed_during_search(exc: Exception) -> FenceStatus:
    """The status after the fast matcher raised during a search (it is switched off)."""
    return _broken(f"{type(exc).__name__} during a search: {exc}")


def _broken(why: str) -> FenceStatus:
    """The status of a failed check, logged once per index opened."""
    log.warning(
        "fast matcher off: the whoosh3 internals it reads changed (%s); searches use Whoosh's "
        "own matchers (slower, same results). See README 'Upgrading whoosh3'.",
        why,
    )
    return FenceStatus(
        False, f"fence check failed ({why}): searches use Whoosh's matchers", verified=True
    )


class FenceError(AssertionError):
    """What the private reads gave differs from what Whoosh's public API gives."""


def _verify(searcher: Searcher, store: Any = None) -> str | None:
    """Compare postings, positions, scores and id lookups both ways; what was checked."""
    from indexer.backends.whoosh.fastmatch import FastMatcher, _blocks, decode_values

    fast, plain = FastMatcher(searcher), FastMatcher(searcher, fast=False)
    checked = []
    for sub, _offset in searcher.subsearchers or [(searcher, 0)]:
        reader = sub.reader()
        if not reader.doc_count_all():
            continue
        for field in ("body", "title"):
            sample = _sample_term(reader, field)
            if sample is None:
                continue
            _same_postings(reader, field, sample, _blocks, decode_values)
            text = searcher.schema[field].from_bytes(sample)
            _same_scores(fast, plain, query.Term(field, text))
            checked.append(f"{field}:{text}")
        stored = next(iter(reader.all_stored_fields()), None)
        if stored is not None and "id" in stored:
            docs, _, _ = fast.postings("id", stored["id"])
            if docs.tolist() != [searcher.document_number(id=stored["id"])]:
                raise FenceError(f"the id {stored['id']!r} is found at another document")
        break  # one segment shows the format; others were written by the same code
    if store is not None:  # saved positions: each segment has its own file
        for sub, _offset in searcher.subsearchers or [(searcher, 0)]:
            reader = sub.reader()
            for field in ("body", "title") if reader.doc_count_all() else ():
                sample = _sample_term(reader, field)
                if sample is not None:
                    _same_saved_positions(reader, field, sample, store)
    if not checked:
        return None
    terms = ", ".join(checked)
    return f"postings, positions, lengths and scores agree with Whoosh's ({terms})"


def _sample_term(reader: Any, field: str) -> bytes | None:
    """A term of the field with the most postings among the first few (several blocks if any)."""
    if field not in reader.schema:
        return None
    best, most = None, 0
    for n, (btext, info) in enumerate(reader.iter_field(field)):
        if n >= SAMPLE_TERMS:
            break
        frequency = info.doc_frequency()
        if frequency > most and frequency <= MAX_SAMPLE_POSTINGS:
            best, most = btext, frequency
    return best


def _same_postings(reader: Any, field: str, btext: bytes, blocks: Any, positions: Any) -> None:
    """The decoded blocks equal the matcher's ids, weights and positions."""
    ids, weights, values = [], [], []
    for block_ids, block_weights, block_values in blocks(reader, field, btext, True):
        ids.extend(block_ids.tolist())
        weights.extend(block_weights.tolist())
        values.extend(block_values)
    # Whoosh's matcher leaves out deleted documents; the raw blocks still hold them.
    deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
    live = [n for n, doc in enumerate(ids) if doc not in deleted]
    ids = [ids[n] for n in live]
    weights = [weights[n] for n in live]
    values = [values[n] for n in live]
    matcher = reader.postings(field, btext)
    want_ids, want_weights, want_positions = [], [], []
    while matcher.is_active():
        want_ids.append(matcher.id())
        want_weights.append(matcher.weight())
        want_positions.append(list(matcher.value_as("positions")))
        matcher.next()
    if ids != want_ids or not np.allclose(weights, want_weights):
        raise FenceError(f"the postings of {field}:{btext!r} decode differently")
    counts, flat = positions(values)
    got, start = [], 0
    for count in counts.tolist():
        got.append(flat[start : start + count].tolist())
        start += count
    if got != want_positions:
        raise FenceError(f"the positions of {field}:{btext!r} decode differently")


def _same_saved_positions(reader: Any, field: str, btext: bytes, store: Any) -> None:
    """A term's saved postings equal Whoosh's; else the segment's file is not used."""
    saved = store.segment(reader)
    if saved is None or not saved.has_field(field):
        return
    postings = saved.term(field, btext)
    deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
    got, start = [], 0
    for doc, weight, count in zip(
        postings.docs.tolist(), postings.weights.tolist(), postings.counts.tolist(), strict=True
    ):
        if doc not in deleted:
            got.append((doc, weight, postings.positions[start : start + count].tolist()))
        start += count
    matcher = reader.postings(field, btext)
    want = []
    while matcher.is_active():
        want.append((matcher.id(), matcher.weight(), list(matcher.value_as("positions"))))
        matcher.next()
    if got != want:
        store.discard(reader, f"its postings of {field}:{btext!r} differ from Whoosh's")


def _same_scores(fast: Any, plain: Any, q: query.Query) -> None:
    """A term's matches and BM25F scores are the same through both matchers."""
    deadline = time.perf_counter() + CHECK_SECONDS
    a, b = fast.evaluate(q, True, deadline), plain.evaluate(q, True, deadline)
    if not (a.mask == b.mask).all():
        raise FenceError(f"{q} matches other documents")
    if not np.allclose(a.scores, b.scores, rtol=1e-9, atol=1e-12):
        raise FenceError(f"{q} scores differently (field lengths or BM25F parameters)")
