"""An update reads again only the documents it wrote: each shard's columns are the previous
revision's with those rows patched, and equal, array for array and label for label, what
reading every value of the updated shard gives."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
import xapian

from indexer.backends.tables import SegmentTable
from indexer.backends.xapian import XapianBackend, columns
from indexer.backends.xapian.shards import shard_dirs
from indexer.pipeline import build_index, update_index
from tests.test_xapian_columns import _generation


def _same(patched: SegmentTable, fresh: SegmentTable) -> None:
    """Assert two tables hold the same arrays and labels."""
    assert patched.size == fresh.size
    for name in ("story_keys", "origins"):
        assert getattr(patched, name) == getattr(fresh, name), name
    for name in ("story_codes", "origin_codes", "mtimes", "indexed", "words"):
        assert np.array_equal(getattr(patched, name), getattr(fresh, name)), name
    for name in ("ordinal", "precision", "month"):
        assert np.array_equal(getattr(patched.dates, name), getattr(fresh.dates, name)), name
    for name, column in fresh.facets.items():
        mine = patched.facets[name]
        assert mine.labels == column.labels, name
        assert np.array_equal(mine.owner, column.owner), name
        assert np.array_equal(mine.ids, column.ids), name


def _story(title: str, publisher: str, dateline_city: str, date: str) -> str:
    """One JSON article (publishers keep their case: `QUAYSIDE POST`, `Quayside Post`)."""
    body = f"{dateline_city.upper()} (Example Wire) - The council said the roads shut again."
    return json.dumps({"title": title, "source": "Example Wire", "publisher": publisher,
                       "date": date, "body": body})  # fmt: skip


@pytest.mark.parametrize("shards", [1, 2])
def test_an_update_patches_the_columns_of_the_documents_it_wrote(
    corpus_dir, tmp_path, monkeypatch, shards
):
    monkeypatch.chdir(corpus_dir)
    index_dir = tmp_path / "index"
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "first.json").write_text(_story("Roads shut", "QUAYSIDE POST", "Leeds", "2024-05-02"))
    (extra / "second.json").write_text(_story("Roads open", "Quayside Post", "Leeds", "2024-05"))
    (extra / "third.json").write_text(_story("Bridge shut", "Town Crier", "York", "2023"))
    build_index(["seeds", "articles", str(extra)], index_dir, backend="xapian", shards=shards)

    # The first writer of a publisher deleted (its label passes to the next spelling), one article
    # rewritten with other values, new articles past the last docid, one a new case variant.
    (extra / "first.json").unlink()
    (extra / "third.json").write_text(_story("Bridge open", "TOWN CRIER", "Hull", "2024-07-09"))
    for n in range(3):
        (extra / f"new-{n}.json").write_text(
            _story(f"New {n}", "QUAYSIDE post", "Leeds", "2025-01")
        )
    shutil.copy(corpus_dir / "articles" / "single.json", extra / "copy.json")
    calls = []
    original = columns.compute
    monkeypatch.setattr(columns, "compute", lambda db: calls.append(db) or original(db))
    update_index(["seeds", "articles", str(extra)], index_dir, backend="xapian")
    assert calls == []  # patched, not read anew

    for folder in shard_dirs(_generation(index_dir)):
        db = xapian.Database(str(folder))
        saved = list(folder.glob(f"{columns.PREFIX}*.npz"))
        assert len(saved) == 1  # the previous revision's table is gone
        _same(SegmentTable.load(saved[0], db.get_lastdocid() + 1), original(db))
        db.close()
    backend = XapianBackend.open(_generation(index_dir))
    try:
        from_columns = backend.files()
        backend.use_columns = False
        assert from_columns == backend.files()  # the files an update compares, either way
        assert str(extra / "third.json") in from_columns
        assert str(extra / "first.json") not in from_columns
    finally:
        backend.close()
