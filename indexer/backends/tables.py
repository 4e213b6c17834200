"""Column tables of an index's documents, for facets, dates, stories and files, as numpy arrays.

A search needs every document's facet values, date, story and liveness, and an update needs
every document's file label and modification time. Each engine reads them once per part of its
index (a Whoosh segment: `indexer.backends.whoosh.segments`; a Xapian shard:
`indexer.backends.xapian.columns`) into a `SegmentTable`, saves it beside the index as an
`.npz` file (no pickling), and joins the parts' tables into the `IndexTables` of the whole
index: a facet's labels are merged across parts (first written wins, case-insensitively, as
`FacetColumn.from_values` does), story keys and file labels likewise, and document numbers are
offset by each part's start.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from indexer.atomic import write_file
from indexer.backends.base import FACETS
from indexer.query.facets import DateColumns, FacetColumn, Labels, StoryColumn

FORMAT = 3  # bump when what a table holds or how it is computed changes


@dataclass(slots=True)
class SegmentTable:
    """The columns of one part's documents (a segment, a shard), deleted ones included, in its
    own numbering."""

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
    def load(cls, path: Path, size: int | None) -> SegmentTable:
        """Read a saved table of a part of `size` documents (None: as saved); ValueError if it
        does not fit."""
        with open(path, "rb") as fh, np.load(fh, allow_pickle=False) as npz:
            data = {name: npz[name] for name in npz.files}
        if size is None:
            size = int(data["size"])
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
    story_keys: list[str] = field(default_factory=list)  # each story number's c_story value

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


def join_tables(parts: Sequence[tuple[Any, int, SegmentTable]]) -> IndexTables:
    """The tables of the whole index from those of its parts, in document order.

    Each part is (reader, first document number, table); the reader's `deleted_docs_set` holds
    the part's deleted documents.
    """
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
        story_keys=story_keys,
    )


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
    labels = Labels()
    owners, ids = [], []
    for offset, column in parts:
        remap = np.fromiter(map(labels.id, column.labels), np.int32, len(column.labels))
        owners.append(column.owner.astype(np.int32) + offset)
        ids.append(remap[column.ids])
    return FacetColumn(
        labels=labels.labels,
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
