"""A shard's columns after an update: the previous revision's table with the written documents
read again, instead of every value of every document (`columns.compute`).

At 1M articles, reading each shard's value slots again took a third of an `update` of a hundred
files (bench/XAPIAN.md). The backend notes the docids it writes or deletes in a shard since its
first write (`XapianBackend._touched`); here only those documents are read, every other row is
kept, and codes and labels are renumbered in order of first appearance, so the table is the one
`compute` would read: the same arrays, the same labels, the same case variant of each value.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import xapian

from indexer.backends.base import FACETS
from indexer.backends.tables import SegmentTable
from indexer.backends.xapian import schema
from indexer.backends.xapian.schema import FACET_SLOT
from indexer.query.facets import MULTI_SEP, DateColumns, FacetColumn, Labels


def patched(path: Path, db: xapian.Database, docids: set[int]) -> SegmentTable | None:
    """The table saved at `path` (an earlier revision of `db`) with the documents written since
    read again (None: no such table, or it does not fit)."""
    try:
        old = SegmentTable.load(path, None)
    except (OSError, ValueError, KeyError):
        return None
    size = db.get_lastdocid() + 1
    if size < old.size:
        return None
    touched = np.asarray(sorted(d for d in docids if 0 < d < size), dtype=np.int64)
    docs = {d: _document(db, d) for d in touched.tolist()}
    story_keys, story_codes = _coded(old.story_keys, old.story_codes, schema.SLOT_STORY, docs, size)
    origins, origin_codes = _coded(old.origins, old.origin_codes, schema.SLOT_ORIGIN, docs, size)
    return SegmentTable(
        size=size,
        facets={name: _facet(old.facets[name], name, docs, touched, db) for name in FACETS},
        dates=_dates(old.dates, docs, size),
        story_keys=story_keys,
        story_codes=story_codes,
        origins=origins,
        origin_codes=origin_codes,
        mtimes=_numbers(old.mtimes, schema.SLOT_MTIME, docs, size),
        indexed=_numbers(old.indexed, schema.SLOT_INDEXED, docs, size),
        words=_numbers(old.words, schema.SLOT_WORDS, docs, size),
    )


def _document(db: xapian.Database, docid: int) -> xapian.Document | None:
    """A document, or None when it was deleted."""
    try:
        return db.get_document(docid)
    except xapian.DocNotFoundError:
        return None


def _grown(array: np.ndarray, size: int) -> np.ndarray:
    """A per-document array padded with zeros to `size` documents (a copy)."""
    out = np.zeros(size, dtype=array.dtype)
    out[: len(array)] = array
    return out


def _numbers(
    old: np.ndarray, slot: int, docs: dict[int, xapian.Document | None], size: int
) -> np.ndarray:
    """A number slot's column with the written documents' values read again."""
    out = _grown(old, size)
    for docid, doc in docs.items():
        raw = doc.get_value(slot) if doc is not None else b""
        out[docid] = xapian.sortable_unserialise(raw) if raw else 0
    return out


def _dates(old: DateColumns, docs: dict[int, xapian.Document | None], size: int) -> DateColumns:
    """The date columns with the written documents' dates read again."""
    ordinal, precision = _grown(old.ordinal, size), _grown(old.precision, size)
    for docid, doc in docs.items():
        raw = doc.get_value(schema.SLOT_DATEKEY).decode() if doc is not None else ""
        day, _, code = raw.partition(":")
        ordinal[docid], precision[docid] = int(day or 0), int(code or 0)
    month = _grown(old.month, size)
    if docs:
        written = np.fromiter(docs, dtype=np.int64)
        month[written] = DateColumns.from_values(ordinal[written].tolist(), []).month
    return DateColumns(ordinal=ordinal, precision=precision, month=month)


def _coded(
    keys: list[str],
    codes: np.ndarray,
    slot: int,
    docs: dict[int, xapian.Document | None],
    size: int,
) -> tuple[list[str], np.ndarray]:
    """A coded column (stories, files) with the written documents read again, renumbered in
    order of first appearance ("" first), as `columns._codes` numbers it."""
    index = {key: n for n, key in enumerate(keys)}
    out = _grown(codes, size)
    for docid, doc in docs.items():
        value = doc.get_value(slot).decode() if doc is not None else ""
        out[docid] = index.setdefault(value, len(index))
    keys = list(index)  # in order of their codes: a dict keeps insertion order
    out[0] = 0  # docid 0 is never a document: "" comes first
    order, renumbered = _first_appearance(out)
    return [keys[k] for k in order.tolist()], renumbered.astype(codes.dtype)


def _first_appearance(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The codes in use ordered by first appearance, and `codes` renumbered in that order."""
    used, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    place = np.empty(len(used), dtype=np.int32)
    place[order] = np.arange(len(used), dtype=np.int32)
    return used[order], place[inverse.reshape(-1)]


def _facet(
    old: FacetColumn,
    name: str,
    docs: dict[int, xapian.Document | None],
    touched: np.ndarray,
    db: xapian.Database,
) -> FacetColumn:
    """A facet column with the written documents' entries read again."""
    labels = Labels(old.labels)
    owner, ids, variants = [], [], {}  # variants: (docid, id) -> the value as that doc writes it
    for docid, doc in docs.items():
        raw = doc.get_value(FACET_SLOT[name]).decode() if doc is not None else ""
        for value in raw.split(MULTI_SEP) if raw else ():
            code = labels.id(value)
            owner.append(docid)
            ids.append(code)
            variants.setdefault((docid, code), value)
    keep = ~np.isin(old.owner, touched)
    all_owner = np.concatenate([old.owner[keep], np.asarray(owner, dtype=old.owner.dtype)])
    all_ids = np.concatenate([old.ids[keep], np.asarray(ids, dtype=old.ids.dtype)])
    by_doc = np.argsort(all_owner, kind="stable")  # a document's values stay in written order
    all_owner, all_ids = all_owner[by_doc], all_ids[by_doc]
    # Each label is written as its first entry's document writes it.
    first_old = dict(_firsts(old.owner, old.ids))
    order, renumbered = _first_appearance(all_ids)
    firsts = dict(_firsts(all_owner, all_ids))
    written = set(touched.tolist())
    shown = []
    for code in order.tolist():
        docid = firsts[code]
        if docid in written:
            shown.append(variants[docid, code])
        elif first_old.get(code) == docid:
            shown.append(labels.labels[code])
        else:  # its first writer was rewritten or deleted: the next one's spelling
            shown.append(_variant(db, name, docid, labels.labels[code]))
    return FacetColumn(labels=shown, owner=all_owner, ids=renumbered.astype(old.ids.dtype))


def _firsts(owner: np.ndarray, ids: np.ndarray) -> zip[tuple[int, int]]:
    """(value id, first document holding it) pairs of entries in document order."""
    used, first = np.unique(ids, return_index=True)
    return zip(used.tolist(), owner[first].tolist(), strict=True)


def _variant(db: xapian.Database, name: str, docid: int, label: str) -> str:
    """A value as a document writes it (the label itself if the document lacks it)."""
    key = label.casefold()
    raw = db.get_document(docid).get_value(FACET_SLOT[name]).decode()
    return next((v for v in raw.split(MULTI_SEP) if v.casefold() == key), label)
