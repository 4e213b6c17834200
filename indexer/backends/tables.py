"""Column tables per Whoosh segment, saved beside the index as `.npz` files.

A search needs every document's facet values, date, story and liveness, and an update needs
every document's file label and modification time. Whoosh reads columns one value at a time
(2–4 µs a value: 3 s for 100k articles), so each segment's columns are read once, when a
build or update writes the segment, and saved as `<segment id>.tables.npz` in the
generation's directory. A segment never changes once written (only which of its documents
are deleted, and that is read from Whoosh on every open), so its table stays valid as long as
the segment lives, and an update computes tables only for the segments it wrote.

Opening an index loads the saved tables and joins them into the tables of the whole index: a
facet's labels are merged across segments (first written wins, case-insensitively, as
`FacetColumn.from_values` does), story keys and file labels likewise, and document numbers
are offset by each segment's start. A missing, stale or unreadable file is computed in memory
instead and never fails a search; only `write_tables` (run by rebuild and update) writes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.reading import IndexReader

from indexer.atomic import write_file
from indexer.backends.base import FACETS
from indexer.query.facets import DateColumns, FacetColumn, StoryColumn
from indexer.query.mentions import LENGTH_FIELD

SUFFIX = ".tables.npz"
FORMAT = 3  # bump when what a table holds or how it is computed changes

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SegmentTable:
    """The columns of one segment's documents, deleted ones included, in its own numbering."""

    size: int
    facets: dict[str, FacetColumn]
    dates: DateColumns
    story_keys: list[str]  # distinct c_story values, in order of first appearance
    story_codes: np.ndarray  # index into story_keys of each document
    origins: list[str]  # distinct file labels, in order of first appearance
    origin_codes: np.ndarray  # index into origins of each document
    mtimes: np.ndarray  # each document's file modification time
    indexed: np.ndarray  # each document's indexing time (indexer.query.indexed.micros)
    words: np.ndarray  # each document's body length in words
    saved: bool = False  # whether it was loaded from, or written to, its file

    @classmethod
    def compute(cls, reader: IndexReader) -> SegmentTable:
        """Read the columns of one segment (or any reader) value by value."""
        size = reader.doc_count_all()
        story_keys, story_codes = _codes(reader.column_reader("c_story"), size)
        origins, origin_codes = _codes(reader.column_reader("c_origin"), size)
        return cls(
            size=size,
            facets={
                name: FacetColumn.from_values(reader.column_reader(f"c_{name}")) for name in FACETS
            },
            dates=DateColumns.from_values(
                reader.column_reader("date_new"), reader.column_reader("c_precision")
            ),
            story_keys=story_keys,
            story_codes=story_codes,
            origins=origins,
            origin_codes=origin_codes,
            mtimes=np.fromiter(reader.column_reader("c_mtime"), dtype=np.float64, count=size),
            indexed=np.fromiter(reader.column_reader("indexed_at"), dtype=np.int64, count=size),
            words=_numbers(reader, LENGTH_FIELD, size),
        )

    def save(self, path: Path) -> None:
        """Write the table to `path` atomically (a temporary file, then a rename)."""
        arrays: dict[str, np.ndarray] = {
            "format": np.asarray(FORMAT),
            "size": np.asarray(self.size),
            "ordinal": self.dates.ordinal,
            "precision": self.dates.precision,
            "month": self.dates.month,
            "story_codes": self.story_codes,
            "origin_codes": self.origin_codes,
            "mtimes": self.mtimes,
            "indexed": self.indexed,
            "words": self.words,
        }
        _pack(arrays, "story_keys", self.story_keys)
        _pack(arrays, "origins", self.origins)
        for name, column in self.facets.items():
            arrays[f"f_{name}_owner"] = column.owner
            arrays[f"f_{name}_ids"] = column.ids
            _pack(arrays, f"f_{name}_labels", column.labels)
        write_file(path, lambda fh: np.savez(fh, **arrays))
        self.saved = True

    @classmethod
    def load(cls, path: Path, size: int) -> SegmentTable:
        """Read a saved table of a segment of `size` documents; ValueError if it does not fit."""
        with open(path, "rb") as fh, np.load(fh, allow_pickle=False) as npz:
            data = {name: npz[name] for name in npz.files}
        if int(data["format"]) != FORMAT or int(data["size"]) != size:
            raise ValueError(f"{path.name} is of another format or segment")
        facets = {
            name: FacetColumn(
                labels=_unpack(data, f"f_{name}_labels"),
                owner=data[f"f_{name}_owner"],
                ids=data[f"f_{name}_ids"],
            )
            for name in FACETS
        }
        table = cls(
            size=size,
            facets=facets,
            dates=DateColumns(
                ordinal=data["ordinal"], precision=data["precision"], month=data["month"]
            ),
            story_keys=_unpack(data, "story_keys"),
            story_codes=data["story_codes"],
            origins=_unpack(data, "origins"),
            origin_codes=data["origin_codes"],
            mtimes=data["mtimes"],
            indexed=data["indexed"],
            words=data["words"],
            saved=True,
        )
        table.check()
        return table

    def check(self) -> None:
        """Raise ValueError unless every array has the right length and every code a label."""
        per_doc = [
            self.dates.ordinal,
            self.dates.precision,
            self.dates.month,
            self.story_codes,
            self.origin_codes,
            self.mtimes,
            self.indexed,
            self.words,
        ]
        if any(a.ndim != 1 or len(a) != self.size for a in per_doc):
            raise ValueError("a per-document array has the wrong length")
        _check_codes(self.story_codes, len(self.story_keys), self.size)
        _check_codes(self.origin_codes, len(self.origins), self.size)
        for column in self.facets.values():
            if column.owner.shape != column.ids.shape or column.owner.ndim != 1:
                raise ValueError("a facet's arrays differ in length")
            if column.owner.size and (column.owner.min() < 0 or column.owner.max() >= self.size):
                raise ValueError("a facet entry belongs to no document")
            _check_codes(column.ids, len(column.labels), None)


@dataclass(slots=True)
class IndexTables:
    """The columns of every document of one searcher, for facets, dates, stories and files."""

    size: int
    facets: dict[str, FacetColumn]
    dates: DateColumns
    stories: StoryColumn
    live: np.ndarray  # False for deleted documents
    origins: list[str]
    origin_codes: np.ndarray
    mtimes: np.ndarray
    indexed: np.ndarray  # each document's indexing time (indexer.query.indexed.micros)
    words: np.ndarray  # each document's body length in words

    def files(self) -> dict[str, float]:
        """Each live document's file label with its modification time (the last one's wins)."""
        docs = np.flatnonzero(self.live)[::-1]
        codes, first = np.unique(self.origin_codes[docs], return_index=True)
        times = self.mtimes[docs[first]].tolist()
        return {self.origins[c]: t for c, t in zip(codes.tolist(), times, strict=True)}

    def docs_of_files(self, labels: Iterable[str]) -> np.ndarray:
        """Live document numbers read from the given file labels, ascending."""
        wanted = set(labels)
        codes = [n for n, label in enumerate(self.origins) if label in wanted]
        return np.flatnonzero(self.live & np.isin(self.origin_codes, codes))


def table_path(directory: Path, segment_id: str) -> Path:
    """Where a segment's table is saved."""
    return directory / f"{segment_id}{SUFFIX}"


def segment_tables(
    reader: IndexReader, directory: Path | None, cache: dict[str, SegmentTable]
) -> list[tuple[Any, int, SegmentTable]]:
    """(leaf reader, first document number, table) of each segment: cached, saved or computed.

    `cache` maps segment ids to tables already at hand and is updated in place (tables of
    segments the reader no longer holds are dropped).
    """
    out = []
    present = set()
    for leaf, offset in reader.leaf_readers():
        if not leaf.doc_count_all():
            continue  # an empty index's reader holds no segment and no columns
        segment = leaf.segment()
        key = segment.segment_id() if segment is not None else None
        table = cache.get(key) if key else None
        if table is None:
            table = _load_or_compute(leaf, directory, key)
            if key:
                cache[key] = table
        present.add(key)
        out.append((leaf, offset, table))
    for key in set(cache) - present:
        del cache[key]
    return out


def write_tables(reader: IndexReader, directory: Path, cache: dict[str, SegmentTable]) -> list[str]:
    """Save a table for each segment lacking a readable one; delete those of gone segments.

    Returns the ids of the segments whose table was written.
    """
    written = []
    names = set()
    for leaf, _offset, table in segment_tables(reader, directory, cache):
        segment = leaf.segment()
        if segment is None:
            continue
        path = table_path(directory, segment.segment_id())
        names.add(path.name)
        if not table.saved or not path.exists():
            table.save(path)
            written.append(segment.segment_id())
    for stale in directory.glob(f"*{SUFFIX}"):
        if stale.name not in names:
            stale.unlink(missing_ok=True)
    return written


def join_tables(parts: Sequence[tuple[Any, int, SegmentTable]]) -> IndexTables:
    """The tables of the whole index from those of its segments, in document order."""
    size = sum(table.size for _leaf, _offset, table in parts)
    live = np.ones(size, dtype=bool)
    for leaf, offset, _table in parts:
        deleted = np.fromiter(leaf.deleted_docs_set, dtype=np.int64)
        live[deleted + offset] = False
    tables = [(offset, table) for _leaf, offset, table in parts]
    story_keys, story_codes = _join_codes([(t.story_keys, t.story_codes) for _o, t in tables])
    origins, origin_codes = _join_codes([(t.origins, t.origin_codes) for _o, t in tables])

    def cat(arrays: list[np.ndarray], dtype: Any) -> np.ndarray:
        """Concatenate, keeping the dtype when there is nothing to concatenate."""
        return np.concatenate(arrays).astype(dtype, copy=False) if arrays else np.zeros(0, dtype)

    return IndexTables(
        size=size,
        facets={name: _join_facet([(o, t.facets[name]) for o, t in tables]) for name in FACETS},
        dates=DateColumns(
            ordinal=cat([t.dates.ordinal for _o, t in tables], np.int32),
            precision=cat([t.dates.precision for _o, t in tables], np.int8),
            month=cat([t.dates.month for _o, t in tables], np.int32),
        ),
        stories=StoryColumn.from_codes(story_codes, live, len(story_keys)),
        live=live,
        origins=origins,
        origin_codes=origin_codes,
        mtimes=cat([t.mtimes for _o, t in tables], np.float64),
        indexed=cat([t.indexed for _o, t in tables], np.int64),
        words=cat([t.words for _o, t in tables], np.int32),
    )


def _load_or_compute(leaf: IndexReader, directory: Path | None, key: str | None) -> SegmentTable:
    """A segment's saved table, or its columns read now when there is none to load."""
    size = leaf.doc_count_all()
    if directory is not None and key:
        path = table_path(directory, key)
        try:
            return SegmentTable.load(path, size)
        except FileNotFoundError:
            log.info("no saved tables for segment %s: reading its columns", key)
        except Exception as exc:  # a damaged file must never fail a search
            log.warning("unreadable %s (%s): reading the columns instead", path.name, exc)
    return SegmentTable.compute(leaf)


def _numbers(reader: IndexReader, name: str, size: int) -> np.ndarray:
    """A sortable numeric field's value per document (zeros when the field has no column)."""
    if name not in reader.schema or not reader.has_column(name):
        return np.zeros(size, dtype=np.int32)
    return np.fromiter(reader.column_reader(name), dtype=np.int32, count=size)


def _codes(values: Iterable[bytes], size: int) -> tuple[list[str], np.ndarray]:
    """Distinct values (decoded) in order of first appearance, and each value's index."""
    index: dict[bytes, int] = {}
    codes = np.fromiter(
        (index.setdefault(v, len(index)) for v in values), dtype=np.int32, count=size
    )
    return [v.decode() for v in index], codes


def _join_codes(parts: list[tuple[list[str], np.ndarray]]) -> tuple[list[str], np.ndarray]:
    """Merge per-segment label lists (first appearance wins) and renumber the codes."""
    if len(parts) == 1:
        return parts[0]
    index: dict[str, int] = {}
    codes = []
    for labels, local in parts:
        remap = np.fromiter(
            (index.setdefault(label, len(index)) for label in labels),
            dtype=np.int32,
            count=len(labels),
        )
        codes.append(remap[local] if len(local) else local.astype(np.int32))
    joined = np.concatenate(codes) if codes else np.zeros(0, np.int32)
    return list(index), joined


def _join_facet(parts: list[tuple[int, FacetColumn]]) -> FacetColumn:
    """One facet of the whole index: labels merged case-insensitively, documents offset."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    index: dict[str, int] = {}
    labels: list[str] = []
    owners, ids = [], []
    for offset, column in parts:
        remap = np.empty(len(column.labels), dtype=np.int32)
        for n, label in enumerate(column.labels):
            key = label.casefold()
            if key not in index:
                index[key] = len(labels)
                labels.append(label)
            remap[n] = index[key]
        owners.append(column.owner.astype(np.int32) + offset)
        ids.append(remap[column.ids])
    return FacetColumn(
        labels=labels,
        owner=np.concatenate(owners).astype(np.int32) if owners else np.zeros(0, np.int32),
        ids=np.concatenate(ids).astype(np.int32) if ids else np.zeros(0, np.int32),
    )


def _pack(arrays: dict[str, np.ndarray], name: str, labels: list[str]) -> None:
    """Store a list of strings as UTF-8 text plus end offsets (no pickling, any content)."""
    text = "".join(labels)
    arrays[f"{name}_text"] = np.frombuffer(text.encode(), dtype=np.uint8)
    arrays[f"{name}_ends"] = np.cumsum([len(label) for label in labels], dtype=np.int64)


def _unpack(data: dict[str, np.ndarray], name: str) -> list[str]:
    """The list of strings stored by `_pack`."""
    text = data[f"{name}_text"].tobytes().decode()
    ends_array = data[f"{name}_ends"]
    ends = ends_array.tolist()
    if (ends[-1] if ends else 0) != len(text) or np.any(np.diff(ends_array) < 0):
        raise ValueError(f"{name} does not match its offsets")
    starts = [0, *ends[:-1]] if ends else []
    return [text[s:e] for s, e in zip(starts, ends, strict=True)]


def _check_codes(codes: np.ndarray, count: int, size: int | None) -> None:
    """Raise ValueError unless every code indexes a list of `count` labels."""
    if codes.ndim != 1 or (size is not None and len(codes) != size):
        raise ValueError("codes of the wrong shape")
    if codes.size and (codes.min() < 0 or codes.max() >= count):
        raise ValueError("a code outside its labels")
