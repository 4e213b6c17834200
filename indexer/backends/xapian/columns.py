"""Facet, date and story columns of local Xapian shards as numpy arrays, saved in each shard.

Counting facets with match spies reads ~8 value slots of every matching document inside the
match (1.9 s of the empty query at 100k articles). Instead each shard's value slots are read
once into the column tables both engines use (`indexer.backends.tables.SegmentTable`: facet
columns, dates, stories, files; numbered by the shard's docids, 0 unused), and a search counts
over them with the query layer's numpy functions, as the Whoosh engine does per segment.

Rebuild and update save each shard's table in its folder as
`newsindex-tables-<uuid>-<revision>.npz` (`write_tables`): a committed change gives a new
revision, so a table never describes other contents than its name says. An index without a
saved table (built before tables existed, or a damaged file) is read value by value when it is
opened, in memory, and never fails a search. Opening joins the shards' tables shard after
shard; `ShardTables` maps the docids of the combined database, where docid d of shard i of n
is (d - 1) * n + i + 1, to rows of the joined tables and back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np
import xapian

from indexer.backends.base import FACETS
from indexer.backends.tables import IndexTables, SegmentTable, join_tables
from indexer.backends.xapian import schema
from indexer.backends.xapian.frequent import FrequentTerms
from indexer.backends.xapian.patchtables import patched
from indexer.backends.xapian.revisions import Written, current_file, previous_file, write_current
from indexer.backends.xapian.schema import FACET_SLOT
from indexer.query.facets import DateColumns, FacetColumn

PREFIX = "newsindex-tables-"

log = logging.getLogger(__name__)


class _Shard(NamedTuple):
    """What `join_tables` asks of a part besides its table: its deleted documents."""

    deleted_docs_set: np.ndarray


@dataclass(slots=True)
class ShardTables:
    """The joined tables of every shard, and the mapping between combined docids and rows."""

    tables: IndexTables
    offsets: np.ndarray  # first row of each shard (its docid 0, never a document)
    xids: np.ndarray  # the combined docid of each row (0 for the unused docid 0 rows)
    # Each shard's bitmaps of its frequent words (none unless every shard has them saved).
    frequent: list[FrequentTerms] = field(default_factory=list)
    story_hashes: np.ndarray | None = None  # each story's 64-bit hash (for a count server)
    story_solo: np.ndarray | None = None  # whether each story is one article alone (ditto)

    def rows(self, xids: np.ndarray) -> np.ndarray:
        """Rows of combined docids."""
        shards = len(self.offsets)
        zero = xids.astype(np.int64) - 1
        return self.offsets[zero % shards] + zero // shards + 1

    def mask(self, xids: np.ndarray) -> np.ndarray:
        """A row mask holding the given combined docids."""
        mask = np.zeros(self.tables.size, dtype=bool)
        if len(xids):
            mask[self.rows(xids)] = True
        return mask


def compute(db: xapian.Database) -> SegmentTable:
    """Read one shard's value slots, value by value, into a table numbered by docid."""
    size = db.get_lastdocid() + 1

    def values(slot: int) -> list[bytes]:
        """The slot's value of each docid (b"" when none: no value, or no document)."""
        out = [b""] * size
        for item in db.valuestream(slot):
            out[item.docid] = item.value
        return out

    def numbers(slot: int, dtype: type) -> np.ndarray:
        """A sortable number slot's value of each docid (0 when none)."""
        out = np.zeros(size, dtype=dtype)
        for item in db.valuestream(slot):
            out[item.docid] = xapian.sortable_unserialise(item.value)
        return out

    ordinal = np.zeros(size, dtype=np.int32)
    precision = np.zeros(size, dtype=np.int8)
    for item in db.valuestream(schema.SLOT_DATEKEY):
        day, _, code = item.value.decode().partition(":")
        ordinal[item.docid], precision[item.docid] = int(day), int(code or 0)
    dates = DateColumns.from_values(ordinal.tolist(), [b""] * size)
    story_keys, story_codes = _codes(values(schema.SLOT_STORY))
    origins, origin_codes = _codes(values(schema.SLOT_ORIGIN))
    return SegmentTable(
        size=size,
        facets={name: FacetColumn.from_values(values(FACET_SLOT[name])) for name in FACETS},
        dates=DateColumns(ordinal=dates.ordinal, precision=precision, month=dates.month),
        story_keys=story_keys,
        story_codes=story_codes,
        origins=origins,
        origin_codes=origin_codes,
        mtimes=numbers(schema.SLOT_MTIME, np.float64),
        indexed=numbers(schema.SLOT_INDEXED, np.int64),
        words=numbers(schema.SLOT_WORDS, np.int32),
    )


def _codes(values: list[bytes]) -> tuple[list[str], np.ndarray]:
    """Distinct values (decoded; "" first, for docids without a document) and their indexes."""
    index: dict[bytes, int] = {b"": 0}
    codes = np.fromiter(
        (index.setdefault(v, len(index)) for v in values), dtype=np.int32, count=len(values)
    )
    return [v.decode() for v in index], codes


def _saved(path: Path, db: xapian.Database) -> SegmentTable | None:
    """A shard's table saved for its revision, or None (none saved, or unreadable)."""
    try:
        return SegmentTable.load(path, db.get_lastdocid() + 1)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged file must never fail a search
        log.warning("unreadable %s (%s): reading the values instead", path, exc)
        return None


def shard_table(folder: Path, db: xapian.Database) -> SegmentTable:
    """A shard's saved table, or its values read now when none fits its revision."""
    table = _saved(current_file(folder, PREFIX, db), db)
    if table is None:
        log.info("no saved tables for %s at its revision: reading its values", folder)
        return compute(db)
    return table


def write_tables(folder: Path, since: Written | None = None) -> bool:
    """Save the table of a shard unless a readable one is saved; delete those of other revisions.

    `since`: what was written since a revision; when that revision's table is saved, only those
    documents are read again (`patchtables`). Returns whether it wrote one.
    """

    def write(db: xapian.Database, path: Path) -> bool:
        """Save the current revision's table unless it is saved."""
        if _saved(path, db) is not None:
            return False
        previous = previous_file(folder, PREFIX, db, since)
        table = patched(previous, db, since.docids) if previous and since else None
        (table or compute(db)).save(path)
        return True

    return write_current(folder, PREFIX, write)


def join(parts: list[SegmentTable]) -> ShardTables:
    """The tables of every shard (in shard order) as one, with the docid mapping."""
    offsets, start = [], 0
    joined = []
    for table in parts:
        dead = table.story_codes == 0  # every document has a story: no story, no document
        joined.append((_Shard(np.flatnonzero(dead)), start, table))
        offsets.append(start)
        start += table.size
    tables = join_tables(joined)
    shards = len(parts)
    xids = np.zeros(tables.size, dtype=np.int64)
    for number, (offset, table) in enumerate(zip(offsets, parts, strict=True)):
        docids = np.arange(1, table.size, dtype=np.int64)
        xids[offset + 1 : offset + table.size] = (docids - 1) * shards + number + 1
    return ShardTables(tables=tables, offsets=np.asarray(offsets, dtype=np.int64), xids=xids)
