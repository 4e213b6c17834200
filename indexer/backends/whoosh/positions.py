"""The postings of each Whoosh segment, positions included, as packed arrays beside the index.

Whoosh keeps each posting's positions as a separately pickled list inside zlib-compressed
posting blocks, so a phrase of two common words decompresses and unpickles tens of thousands
of them (bench/PROFILE.md). Here a segment's postings of every positional field are written
once, when a build or update writes the segment (with its column tables, `segtables`), as
`<segment id>.positions` in the generation's directory: the segment's terms in lexicon order
and, for each term, each posting's document, position count, positions and weight, in the
order of Whoosh's postings (deleted documents included). A phrase, and a plain term, then
read a few slices of one file.

Layout: the arrays one after another (each at a multiple of 8), then a JSON footer giving each
array's offset, length and dtype and each field's weight rule, then the footer's length (8
bytes, little-endian) and MAGIC. Per field `F`: `F.text` (the terms' bytes, concatenated),
`F.ends` (each term's end in text), `F.postings` and `F.starts` (term t's postings are
[postings[t], postings[t+1]), its positions [starts[t], starts[t+1])), `F.docs` (uint32, the
segment's own numbering), `F.counts` and `F.positions` (uint16 when every value of the field
fits, else uint32), and `F.weights` (float64) only when a weight is not the position count times
the field's boost (the footer's `boost` is then null).

A segment without a readable file (an index written before them, a damaged or stale file) is
served from Whoosh's own blocks, which give the same answers, until the next `update` or
rebuild writes the missing files.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import tempfile
import threading
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
from whoosh.reading import IndexReader

from indexer.atomic import write_file

SUFFIX = ".positions"
MAGIC = b"NIPOS001"
FORMAT = 2  # 1: before document numbers and weights were saved too
_TAIL = struct.Struct("<Q8s")  # footer length, MAGIC
NARROW, WIDE = np.dtype("<u2"), np.dtype("<u4")
DOCS, WEIGHTS = np.dtype("<u4"), np.dtype("<f8")

log = logging.getLogger(__name__)


def positional_fields(reader: IndexReader) -> list[str]:
    """The fields of the schema that store term positions."""
    return [
        name
        for name, field in reader.schema.items()
        if field.format and field.format.supports("positions")
    ]


def positions_path(directory: Path, segment_id: str) -> Path:
    """Where a segment's positions are saved."""
    return directory / f"{segment_id}{SUFFIX}"


def pending_path(directory: Path, segment_id: str) -> Path:
    """Where a writer leaves a segment's positions until the segment is committed.

    A hidden name: Whoosh packs every file named after a segment into its compound file, and
    its cleaner leaves dot files alone. `PositionStore.write_missing` moves it into place.
    """
    return directory / f".{segment_id}{SUFFIX}"


class _Writer:
    """Appends arrays to an open file at 8-byte boundaries and remembers where each went."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.at = 0
        self.arrays: dict[str, list[Any]] = {}

    def add(self, name: str, array: np.ndarray) -> None:
        """Write one whole array."""
        self.begin(name, array.dtype)
        self.extend(name, array)

    def begin(self, name: str, dtype: np.dtype) -> None:
        """Start an array written in pieces."""
        pad = -self.at % 8
        self.fh.write(b"\0" * pad)
        self.at += pad
        self.arrays[name] = [self.at, 0, np.dtype(dtype).str]

    def extend(self, name: str, piece: np.ndarray) -> None:
        """Append a piece to the array being written."""
        data = np.ascontiguousarray(piece, dtype=self.arrays[name][2]).tobytes()
        self.fh.write(data)
        self.at += len(data)
        self.arrays[name][1] += len(data)


def write_positions(leaf: IndexReader, path: Path) -> None:
    """Decode every posting of one segment's positional fields from Whoosh and save them packed."""
    from indexer.backends.whoosh.fastmatch import decode_positions

    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".positions-") as scratch:
        gathered = {}
        for field in positional_fields(leaf):
            gathered[field] = FieldPostings(float(leaf.schema[field].format.field_boost), scratch)
            for term in decode_positions(leaf, field):
                gathered[field].add(*term)
        save_positions(path, gathered, leaf.doc_count_all())


class FieldPostings:
    """One field's postings, gathered term by term (in lexicon order) into temporary files.

    Counts and positions are kept wide until the field is saved, then written narrow when every
    value fits: the same bytes as writing them narrow at once.
    """

    def __init__(self, boost: float, folder: str | Path) -> None:
        self.boost = boost
        self.derived = True  # every weight is the position count times the field's boost
        self.texts: list[bytes] = []
        self.postings, self.starts = [0], [0]
        self.largest = 0
        # A segment has millions of postings: they wait in temporary files, not in memory.
        self._streams = {
            name: tempfile.TemporaryFile(dir=folder)
            for name in ("positions", "docs", "counts", "weights")
        }

    def add(
        self,
        btext: bytes,
        ids: np.ndarray,
        weights: np.ndarray,
        counts: np.ndarray,
        flat: np.ndarray,
    ) -> None:
        """Append one term's postings (documents, weights, position counts, positions)."""
        self.add_terms([btext], [len(ids)], ids, weights, counts, flat)

    def add_terms(
        self,
        btexts: list[bytes],
        sizes: list[int],
        ids: np.ndarray,
        weights: np.ndarray,
        counts: np.ndarray,
        flat: np.ndarray,
    ) -> None:
        """Append the postings of consecutive terms (`sizes`: each term's number of postings)."""
        if len(flat):
            self.largest = max(self.largest, int(flat.max()), int(counts.max()))
        streams = self._streams
        streams["positions"].write(flat.astype(WIDE).tobytes())
        streams["docs"].write(ids.astype(DOCS).tobytes())
        streams["counts"].write(counts.astype(WIDE).tobytes())
        streams["weights"].write(weights.astype(WEIGHTS).tobytes())
        self.derived = self.derived and np.array_equal(weights, counts * self.boost)
        self.texts.extend(btexts)
        ends = np.cumsum(sizes)
        self.postings.extend((self.postings[-1] + ends).tolist())
        # Each term's number of positions: its postings' counts summed.
        per_term = np.add.reduceat(counts, ends - sizes) if len(counts) else np.zeros(0, int)
        self.starts.extend((self.starts[-1] + np.cumsum(per_term)).tolist())

    def write(self, field: str, out: _Writer) -> dict[str, Any]:
        """Write the field's arrays (and close its temporary files); what to know to read them."""
        dtype = NARROW if self.largest <= np.iinfo(NARROW).max else WIDE
        kinds = {"positions": (WIDE, dtype), "docs": (DOCS, DOCS), "counts": (WIDE, dtype)}
        if not self.derived:  # else computed from the counts when read
            kinds["weights"] = (WEIGHTS, WEIGHTS)
        try:
            for name, (kept, written) in kinds.items():
                stream = self._streams[name]
                stream.seek(0)
                out.begin(f"{field}.{name}", written)
                while chunk := stream.read(1 << 24):
                    out.extend(f"{field}.{name}", np.frombuffer(chunk, dtype=kept))
        finally:
            self.close()
        texts = self.texts
        out.add(f"{field}.text", np.frombuffer(b"".join(texts), dtype=np.uint8))
        out.add(f"{field}.ends", np.cumsum([len(t) for t in texts], dtype=np.int64))
        out.add(f"{field}.postings", np.asarray(self.postings, dtype=np.int64))
        out.add(f"{field}.starts", np.asarray(self.starts, dtype=np.int64))
        return {"boost": self.boost if self.derived else None}

    def close(self) -> None:
        """Drop the temporary files."""
        for stream in self._streams.values():
            stream.close()


def save_positions(path: Path, gathered: dict[str, FieldPostings], size: int) -> None:
    """Write a segment's positions file from its gathered fields (`size`: its documents)."""

    def write(fh: BinaryIO) -> None:
        out = _Writer(fh)
        fields = {field: postings.write(field, out) for field, postings in gathered.items()}
        footer = {"format": FORMAT, "size": size, "fields": fields, "arrays": out.arrays}
        data = json.dumps(footer).encode()
        fh.write(data + _TAIL.pack(len(data), MAGIC))

    try:
        write_file(path, write)
    finally:
        for postings in gathered.values():
            postings.close()


class _Terms:
    """One field's term list, searched by bisection (no dict: a segment has many terms)."""

    def __init__(self, text: bytes, ends: np.ndarray, postings: np.ndarray, starts: np.ndarray):
        self.text = text
        self.ends = ends.tolist()
        self.postings = postings
        self.starts = starts

    def find(self, btext: bytes) -> int | None:
        """The term's number, or None when the segment does not hold it."""
        ends, text = self.ends, self.text
        lo, hi = 0, len(ends)
        while lo < hi:
            mid = (lo + hi) // 2
            word = text[(ends[mid - 1] if mid else 0) : ends[mid]]
            if word < btext:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(ends) and text[(ends[lo - 1] if lo else 0) : ends[lo]] == btext:
            return lo
        return None


class SegmentPositions:
    """The saved positions of one segment, read slice by slice (thread-safe: `os.pread`)."""

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        self._fd = os.open(path, os.O_RDONLY)
        try:
            self._arrays = self._footer(size)
        except Exception:
            os.close(self._fd)
            raise
        self._terms: dict[str, _Terms] = {}
        self._lock = threading.Lock()
        # Closed when no store or matcher holds it any more (reads may run past close()).
        weakref.finalize(self, os.close, self._fd)

    def _footer(self, size: int) -> dict[str, tuple[int, int, np.dtype]]:
        """The array table; ValueError when the file is not a whole positions file."""
        total = os.fstat(self._fd).st_size
        if total < _TAIL.size:
            raise ValueError("too short")
        length, magic = _TAIL.unpack(os.pread(self._fd, _TAIL.size, total - _TAIL.size))
        if magic != MAGIC or length > total - _TAIL.size:
            raise ValueError("not a positions file")
        footer = json.loads(os.pread(self._fd, length, total - _TAIL.size - length))
        if footer.get("format") != FORMAT or footer.get("size") != size:
            raise ValueError("of another format or segment")
        arrays = {}
        for name, (offset, nbytes, dtype) in footer["arrays"].items():
            if offset < 0 or offset + nbytes > total - _TAIL.size - length:
                raise ValueError(f"{name} lies outside the file")
            arrays[name] = (offset, nbytes, np.dtype(dtype))
        self._boosts = {name: info["boost"] for name, info in footer["fields"].items()}
        return arrays

    def discard_from(self, store: PositionStore | None, leaf: IndexReader, why: str) -> None:
        """Stop `store` using this file (it disagreed with Whoosh)."""
        if store is not None:
            store.discard(leaf, why)

    def has_field(self, field: str) -> bool:
        """Whether the postings of `field` were saved."""
        return field in self._boosts

    def _read(self, name: str, first: int = 0, count: int | None = None) -> np.ndarray:
        """Items [first, first + count) of an array (all of it without count)."""
        offset, nbytes, dtype = self._arrays[name]
        if count is None:
            count = nbytes // dtype.itemsize - first
        data = os.pread(self._fd, count * dtype.itemsize, offset + first * dtype.itemsize)
        if len(data) != count * dtype.itemsize:
            raise ValueError(f"{self.path.name}: {name} is cut short")
        return np.frombuffer(data, dtype=dtype)

    def _field(self, field: str) -> _Terms:
        """A field's term table, read once."""
        terms = self._terms.get(field)
        if terms is None:
            with self._lock:
                terms = self._terms.get(field)
                if terms is None:
                    terms = _Terms(
                        self._read(f"{field}.text").tobytes(),
                        self._read(f"{field}.ends"),
                        self._read(f"{field}.postings"),
                        self._read(f"{field}.starts"),
                    )
                    self._terms[field] = terms
        return terms

    def term(self, field: str, btext: bytes, positions: bool = True) -> SavedPostings:
        """A term's postings in this segment, deleted documents included (empty when absent)."""
        terms = self._field(field)
        n = terms.find(btext)
        if n is None:
            empty = np.zeros(0, dtype=np.int64)
            return SavedPostings(empty, np.zeros(0), empty, empty if positions else None)
        p0, p1 = int(terms.postings[n]), int(terms.postings[n + 1])
        docs = self._read(f"{field}.docs", p0, p1 - p0).astype(np.int64)
        counts = self._read(f"{field}.counts", p0, p1 - p0).astype(np.int64)
        boost = self._boosts.get(field)
        if boost is None:
            weights = self._read(f"{field}.weights", p0, p1 - p0).astype(np.float64)
        else:
            weights = counts * boost
        flat = None
        if positions:
            s0, s1 = int(terms.starts[n]), int(terms.starts[n + 1])
            flat = self._read(f"{field}.positions", s0, s1 - s0).astype(np.int64)
            if int(counts.sum()) != len(flat):
                raise ValueError(f"{self.path.name}: the counts of {field}:{btext!r} are wrong")
        return SavedPostings(docs, weights, counts, flat)

    def doc_frequencies(self, field: str, btexts: Sequence[bytes]) -> list[int]:
        """Each term's number of postings in this segment (0 when absent), from the term table."""
        terms = self._field(field)
        starts = terms.postings
        counts = []
        for btext in btexts:
            n = terms.find(btext)
            counts.append(0 if n is None else int(starts[n + 1]) - int(starts[n]))
        return counts


@dataclass(frozen=True, slots=True)
class SavedPostings:
    """A term's postings in one segment: documents (its own numbering), weights, positions."""

    docs: np.ndarray
    weights: np.ndarray
    counts: np.ndarray  # positions per posting
    positions: np.ndarray | None  # all of them, posting after posting (None: not read)


class PositionStore:
    """The saved positions of the segments of one index directory, opened when first asked."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._open: dict[str, SegmentPositions | None] = {}
        self._lock = threading.Lock()

    def segment(self, leaf: IndexReader) -> SegmentPositions | None:
        """A segment's saved positions, or None (none saved, or unreadable: use Whoosh's)."""
        key = _segment_id(leaf)
        if key is None or self.directory is None:
            return None
        if key in self._open:
            return self._open[key]
        with self._lock:
            if key not in self._open:
                self._open[key] = self._load(leaf, key)
            return self._open[key]

    def _load(self, leaf: IndexReader, key: str) -> SegmentPositions | None:
        """Open a segment's file; None (logged) when it is missing or does not fit."""
        assert self.directory is not None
        path = positions_path(self.directory, key)
        try:
            return SegmentPositions(path, leaf.doc_count_all())
        except FileNotFoundError:
            log.info("no saved positions for segment %s: phrases decode Whoosh's", key)
        except Exception as exc:  # a damaged file must never fail a search
            log.warning("unreadable %s (%s): phrases decode Whoosh's positions", path.name, exc)
        return None

    def discard(self, leaf: IndexReader, why: str) -> None:
        """Stop using a segment's file (it disagreed with Whoosh's postings)."""
        key = _segment_id(leaf)
        log.warning("positions of segment %s not used: %s", key, why)
        if key:
            with self._lock:
                self._open[key] = None

    def doc_frequencies(
        self, reader: IndexReader, field: str, btexts: Sequence[bytes]
    ) -> list[int] | None:
        """Each term's documents in the index, deleted ones included (as Whoosh's
        doc_frequency), from the saved term tables; None when a segment has none saved."""
        totals = [0] * len(btexts)
        for leaf in _leaves(reader):
            saved = self.segment(leaf)
            if saved is None or not saved.has_field(field):
                return None
            try:
                counts = saved.doc_frequencies(field, btexts)
            except (OSError, ValueError) as exc:  # a damaged file: Whoosh's term index instead
                self.discard(leaf, str(exc))
                return None
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
        return totals

    def write_missing(self, reader: IndexReader) -> list[str]:
        """Save positions for each segment lacking them; delete those of gone segments.

        A file its writer left (`pending_path`) is moved into place; the others are decoded
        from the segment. Returns the segments decoded.
        """
        if self.directory is None:
            return []
        written, names = [], set()
        for leaf in _leaves(reader):
            key = _segment_id(leaf)
            if key is None:
                continue
            path = positions_path(self.directory, key)
            names.add(path.name)
            if self.segment(leaf) is not None:
                continue
            pending = pending_path(self.directory, key)
            if pending.exists():
                os.replace(pending, path)
                self._forget(key)
            if self.segment(leaf) is None:  # none left by the writer, or one that does not fit
                write_positions(leaf, path)
                self._forget(key)
                written.append(key)
        for stale in self.directory.glob(f"*{SUFFIX}"):
            if stale.name not in names:  # gone segments' files and unused pending ones
                stale.unlink(missing_ok=True)
        return written

    def _forget(self, key: str) -> None:
        """Open a segment's file anew when next asked (it was just written)."""
        with self._lock:
            self._open.pop(key, None)


def _leaves(reader: IndexReader) -> Iterator[IndexReader]:
    """The segment readers of a reader that hold documents."""
    for leaf, _offset in reader.leaf_readers():
        if leaf.doc_count_all():
            yield leaf


def _segment_id(leaf: IndexReader) -> str | None:
    """A segment reader's segment id (None for a reader of no segment)."""
    segment = leaf.segment() if hasattr(leaf, "segment") else None
    return segment.segment_id() if segment is not None else None
