"""A Whoosh codec that saves each segment's packed postings while it writes the segment.

`positions.py` saves, beside each segment, its positional fields' postings as packed arrays.
Decoding them back from the segment after it is written costs a rebuild ~0.45 CPU-ms an
article, serially in the main process (bench/PROFILE.md). Here the segment's field writer
hands the postings on their way into Whoosh's files (sorted by field, term and document, each
position list already encoded) to `positions.FieldPostings` as well, so each writing process
(the parallel sub-writers of a rebuild) saves its own segment's file with no second read: the
same bytes as `positions.write_positions` (tested). The file waits under a hidden name
(`positions.pending_path`) until `PositionStore.write_missing` moves it into place.

What it relies on is listed with the fence (`fence.py`): `FieldWriter.add_postings(schema,
lengths, items)` receiving `(field, btext, docnum, weight, value)` items, `docnum == -1` for
spelling words, and `W3Codec.new_segment`. The segments it makes name a plain `W3Codec`, so an
index written with it is the same index. When anything does not fit (a posting list seen twice,
an item of another shape), no file is written and the pipeline's `write_caches` decodes the
segment as before.
"""

from __future__ import annotations

import gc
import logging
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter

from indexer.backends.whoosh.positions import FieldPostings, pending_path, save_positions

log = logging.getLogger(__name__)

Posting = tuple[str, bytes, int, float, bytes]


class SavingCodec(W3Codec):
    """Whoosh's codec, whose field writer also saves the segment's packed postings."""

    def new_segment(self, storage: Any, indexname: str) -> Any:
        """A segment naming Whoosh's plain codec (the index stays a plain Whoosh index)."""
        return W3Codec().new_segment(storage, indexname)

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        """Whoosh's field writer, teeing the postings into the positions file."""
        folder = getattr(storage, "folder", None)
        if folder is None:  # a storage in memory: nowhere to save
            return W3FieldWriter(self, storage, segment)
        return _SavingFieldWriter(self, storage, segment, Path(folder))


class _SavingFieldWriter(W3FieldWriter):
    """Writes a segment's postings as Whoosh does, gathering the positional fields' on the way."""

    def __init__(self, codec: W3Codec, storage: Any, segment: Any, folder: Path) -> None:
        super().__init__(codec, storage, segment)
        self._folder = folder
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._gathered: dict[str, FieldPostings] = {}
        self._size: int | None = None  # the segment's documents, once its lengths are written
        self._runs = 0

    def add_postings(self, schema: Any, lengths: Any, items: Iterable[Posting]) -> None:
        """Write the postings, gathering the positional fields' as they pass."""
        self._runs += 1
        if self._runs > 1 or lengths is None:  # not the one sorted run the file is made from
            self._drop()
            return super().add_postings(schema, lengths, items)
        self._size = lengths.doc_count_all()
        self._scratch = tempfile.TemporaryDirectory(dir=self._folder, prefix=".positions-")
        # Every positional field, in the schema's order, as `positions.write_positions` has.
        self._gathered = {
            name: FieldPostings(float(field.format.field_boost), self._scratch.name)
            for name, field in schema.items()
            if field.format and field.format.supports("positions")
        }
        return super().add_postings(schema, lengths, self._tee(items))

    def _tee(self, items: Iterable[Posting]) -> Iterator[Posting]:
        """Pass every posting on; gather the positional fields' postings in large batches."""
        batch = _Batch()
        gathered = self._gathered
        for item in items:
            if gathered:
                try:
                    name, btext, docnum, weight, value = item
                    if docnum >= 0 and name in gathered:
                        if name != batch.field or btext != batch.btexts[-1]:
                            if name != batch.field or len(batch.docs) >= BATCH_POSTINGS:
                                batch.flush(gathered)  # at a term's start: terms stay whole
                                batch.field = name
                            batch.btexts.append(btext)
                            batch.sizes.append(0)
                        batch.sizes[-1] += 1
                        batch.docs.append(docnum)
                        batch.weights.append(weight)
                        batch.values.append(value)
                except Exception:  # never stop Whoosh's writing: the file is decoded later
                    log.exception("could not gather the positions of %s", self._segment)
                    self._drop()
                    gathered = {}
            yield item
        if gathered:
            try:
                batch.flush(gathered)
            except Exception:
                log.exception("could not gather the positions of %s", self._segment)
                self._drop()

    def close(self) -> None:
        """Close Whoosh's files, then save the gathered postings beside them."""
        super().close()
        if self._gathered and self._size is not None:
            try:
                path = pending_path(self._folder, self._segment.segment_id())
                save_positions(path, self._gathered, self._size)
            except Exception:  # the segment is written; its file is decoded later instead
                log.exception("could not save the positions of segment %s", self._segment)
        self._drop()

    def _drop(self) -> None:
        """Forget what was gathered (no file is written)."""
        for postings in self._gathered.values():
            postings.close()
        self._gathered = {}
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None


BATCH_POSTINGS = 500_000  # postings decoded together (tens of MB): per-term numpy calls cost more


class _Batch:
    """Postings of consecutive terms of one field, decoded and handed on together."""

    def __init__(self) -> None:
        self.field: str | None = None
        self.btexts: list[bytes] = []
        self.sizes: list[int] = []
        self.docs: list[int] = []
        self.weights: list[float] = []
        self.values: list[bytes] = []

    def flush(self, gathered: dict[str, FieldPostings]) -> None:
        """Decode the batch's positions, add its terms to their field and start empty."""
        from indexer.backends.whoosh.fastmatch import decode_values

        if self.field is not None and self.docs:
            # The batch's position lists are many small containers: with the collector on,
            # each burst of them sets off collections that walk the writer's whole posting pool.
            collecting = gc.isenabled()
            gc.disable()
            try:
                counts, flat = decode_values(self.values)
            finally:
                if collecting:
                    gc.enable()
            docs = np.asarray(self.docs, dtype=np.int64)
            weights = np.asarray(self.weights, dtype=np.float64)
            gathered[self.field].add_terms(self.btexts, self.sizes, docs, weights, counts, flat)
        self.btexts, self.sizes, self.docs, self.weights, self.values = [], [], [], [], []
