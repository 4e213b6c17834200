"""The matches of each local shard's frequent words, as bitmaps saved in the shard's folder.

Counting facets over the numpy columns needs the rows a query matches. Xapian finds them fast,
but the bindings hand them to Python one docid at a time (~0.2 µs each): a word in half of a
million articles costs ~100 ms before any counting starts. So rebuild and update save, for every
text term in at least one sixteenth of a shard's documents, the shard's documents holding it as a
packed bitmap (`newsindex-frequent-<uuid>-<revision>.npz`, named by the revision it describes,
like the columns' tables); a search reads those words' rows from the bitmaps and asks Xapian only
for the rest (`rows.QueryRows`). An index without the file (older, or damaged) is searched as
before, never failed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import xapian

from indexer.atomic import write_file
from indexer.backends.xapian.revisions import Written, current_file, previous_file, write_current
from indexer.backends.xapian.schema import BIGRAM_PREFIX, TEXT_PREFIX

PREFIX = "newsindex-frequent-"
SHARE = 16  # a term in at least 1/SHARE of a shard's documents gets a bitmap
MAX_BYTES = 64 * 1024 * 1024  # bitmaps per shard, the most frequent terms first
_TEXT_PREFIXES = frozenset(TEXT_PREFIX.values()) | frozenset(BIGRAM_PREFIX.values())

log = logging.getLogger(__name__)


@dataclass(slots=True)
class FrequentTerms:
    """One shard's frequent terms and their packed bitmaps (bit d: docid d)."""

    size: int  # the shard's last docid + 1
    index: dict[bytes, int]
    bits: np.ndarray  # uint8, one packed row per term

    def mask(self, term: bytes) -> np.ndarray | None:
        """The docids (as a mask of `size`) holding a term, or None when it has no bitmap."""
        row = self.index.get(term)
        if row is None:
            return None
        return np.unpackbits(self.bits[row], count=self.size).view(bool)


NONE = FrequentTerms(size=0, index={}, bits=np.zeros((0, 0), dtype=np.uint8))


def _is_text(term: bytes) -> bool:
    """Whether a term belongs to a searchable text field (its prefix is a text field's)."""
    end = 0
    while end < len(term) and 65 <= term[end] <= 90:  # A-Z: Xapian's prefix convention
        end += 1
    return term[:end].decode() in _TEXT_PREFIXES


def compute(db: xapian.Database) -> FrequentTerms:
    """The shard's frequent text terms and their bitmaps, read from its postings."""
    size = db.get_lastdocid() + 1
    threshold = max(1, db.get_doccount() // SHARE)
    found = [
        (item.termfreq, item.term)
        for item in db.allterms()
        if item.termfreq >= threshold and _is_text(item.term)
    ]
    found.sort(key=lambda pair: (-pair[0], pair[1]))
    row_bytes = (size + 7) // 8
    found = found[: MAX_BYTES // max(row_bytes, 1)]
    bits = np.zeros((len(found), row_bytes), dtype=np.uint8)
    for row, (_, term) in enumerate(found):
        mask = np.zeros(size, dtype=bool)
        mask[matching_docids(db, xapian.Query(term))] = True
        bits[row] = np.packbits(mask)
    return FrequentTerms(size=size, index={t: n for n, (_, t) in enumerate(found)}, bits=bits)


def matching_docids(db: xapian.Database, query: xapian.Query) -> np.ndarray:
    """The docids a query matches, ascending (one unranked match)."""
    return docids_of(match_set(db, query))


def match_set(db: xapian.Database, query: xapian.Query) -> xapian.MSet:
    """Every document a query matches, unranked, in docid order."""
    return first_matches(db, query, db.get_doccount())


def first_matches(db: xapian.Database, query: xapian.Query, count: int) -> xapian.MSet:
    """The first `count` documents a query matches, unranked, in docid order."""
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    enquire.set_weighting_scheme(xapian.BoolWeight())
    enquire.set_docid_order(xapian.Enquire.ASCENDING)
    return enquire.get_mset(0, count)


def docids_of(mset: xapian.MSet) -> np.ndarray:
    """The docids of a match set, in its order."""
    size = mset.size()
    return np.fromiter(map(mset.get_docid, range(size)), dtype=np.int64, count=size)


def load(folder: Path, db: xapian.Database) -> FrequentTerms:
    """A shard's saved bitmaps, or none (searches then ask Xapian for every term)."""
    path = current_file(folder, PREFIX, db)
    try:
        found = _read(path)
    except FileNotFoundError:
        return NONE
    except Exception as exc:  # a damaged file must never fail a search
        log.warning("unreadable %s (%s): searching without it", path, exc)
        return NONE
    if found.size != db.get_lastdocid() + 1:
        log.warning("%s does not fit its shard: searching without it", path)
        return NONE
    return found


def _read(path: Path) -> FrequentTerms:
    """The bitmaps saved in a file (OSError, ValueError or KeyError when unreadable)."""
    with np.load(path, allow_pickle=False) as saved:
        terms, bits, size = saved["terms"], saved["bits"], int(saved["size"])
    if len(terms) != len(bits):
        raise ValueError(f"{len(terms)} terms but {len(bits)} bitmaps")
    return FrequentTerms(size=size, index={bytes(t): n for n, t in enumerate(terms)}, bits=bits)


def write_frequent(folder: Path, since: Written | None = None) -> bool:
    """Save a shard's bitmaps unless saved for its revision; delete those of other revisions.

    `since`: what was written since a revision. When the bitmaps of that revision are saved, only
    those documents are read again (an update of a few articles in a million costs milliseconds,
    not the ~25 s of reading every frequent word); otherwise every bitmap is made anew. Returns
    whether it wrote them.
    """

    def write(db: xapian.Database, path: Path) -> bool:
        """Save the current revision's bitmaps unless they are saved."""
        if path.exists() and load(folder, db) is not NONE:
            return False
        previous = previous_file(folder, PREFIX, db, since)
        found = _patched(previous, db, since.docids) if previous and since else None
        _save(path, found or compute(db))
        return True

    return write_current(folder, PREFIX, write)


def _save(path: Path, found: FrequentTerms) -> None:
    """Write bitmaps to `path` whole or not at all."""
    terms = np.array(sorted(found.index, key=found.index.__getitem__), dtype=bytes)
    write_file(
        path,
        lambda fh: np.savez(
            fh, terms=terms.reshape(-1), bits=found.bits, size=np.int64(found.size)
        ),
    )


def _patched(path: Path, db: xapian.Database, docids: set[int]) -> FrequentTerms | None:
    """The bitmaps saved at `path` (an earlier revision of `db`) with the documents written since
    read again (None: none there, or they do not fit)."""
    try:
        old = _read(path)
    except (OSError, ValueError, KeyError):
        return None
    new_size = db.get_lastdocid() + 1
    if new_size < old.size:
        return None
    bits = np.pad(old.bits, ((0, 0), (0, (new_size + 7) // 8 - old.bits.shape[1])))
    index = old.index
    for docid in sorted(docids):
        byte, bit = docid >> 3, np.uint8(128 >> (docid & 7))  # np.packbits: first bit highest
        bits[:, byte] &= ~bit
        try:
            held = [index[t.term] for t in db.termlist(docid) if t.term in index]
        except xapian.DocNotFoundError:
            continue  # deleted: its bits stay clear
        bits[held, byte] |= bit
    return FrequentTerms(size=new_size, index=index, bits=bits)
