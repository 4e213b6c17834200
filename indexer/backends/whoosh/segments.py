"""Column tables per Whoosh segment, saved beside the index as `.npz` files.

A Whoosh engine reads columns one value at a time (2–4 µs a value: 3 s for 100k articles), so
each segment's columns are read once, when a build or update writes the segment, and saved as
`<segment id>.tables.npz` in the generation's directory. A segment never changes once written
(only which of its documents are deleted, and that is read from Whoosh on every open), so its
table stays valid as long as the segment lives, and an update computes tables only for the
segments it wrote. Opening an index loads the saved tables and joins them
(`indexer.backends.tables.join_tables`). A missing, stale or unreadable file is computed in
memory instead and never fails a search; only `write_tables` (run by rebuild and update) writes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.reading import IndexReader

from indexer.backends.base import FACETS
from indexer.backends.tables import SegmentTable
from indexer.query.facets import DateColumns, FacetColumn
from indexer.query.mentions import LENGTH_FIELD

SUFFIX = ".tables.npz"

log = logging.getLogger(__name__)


def compute(reader: IndexReader) -> SegmentTable:
    """Read the columns of one segment (or any reader) value by value."""
    size = reader.doc_count_all()
    story_keys, story_codes = _codes(reader.column_reader("c_story"), size)
    origins, origin_codes = _codes(reader.column_reader("c_origin"), size)
    return SegmentTable(
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
    return compute(leaf)


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
