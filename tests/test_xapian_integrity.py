"""A shard table cut short is found when the index is opened, not by the first search that
happens to read past its end; an index saved without sizes still opens."""

from __future__ import annotations

import pytest
import xapian

from indexer.backends.xapian import XapianBackend, integrity
from indexer.errors import IndexMissing
from indexer.models import Article


def _built(tmp_path):
    """A one-shard index of three articles with its caches (columns, bitmaps, sizes) saved."""
    path = tmp_path / "x"
    engine = XapianBackend.create(path)
    engine.add(
        Article(id=f"i{n}", file=f"f/{n}.txt", origin=f"f/{n}.txt", title=f"Title {n}",
                body=f"Body words {n} here.", mtime=float(n))
        for n in range(3)
    )  # fmt: skip
    engine.write_caches()
    engine.close()
    return path


def test_a_table_cut_short_is_named(tmp_path):
    path = _built(tmp_path)
    folder = path / "shard-0"
    assert list(folder.glob(f"{integrity.PREFIX}*.npz"))
    db = xapian.Database(str(folder))  # opened first: Xapian may read the cut block on opening
    try:
        assert integrity.cut_short(folder, db) is None
        table = folder / "position.glass"
        table.write_bytes(table.read_bytes()[:-1])
        assert integrity.cut_short(folder, db) == "position.glass"
    finally:
        db.close()
    with pytest.raises(IndexMissing, match="newsindex rebuild"):
        XapianBackend.open(path)


def test_a_missing_table_is_refused_and_no_sizes_means_no_check(tmp_path):
    path = _built(tmp_path)
    table = path / "shard-0" / "termlist.glass"
    data = table.read_bytes()
    table.unlink()
    with pytest.raises(IndexMissing, match="newsindex rebuild"):
        XapianBackend.open(path)
    table.write_bytes(data)
    for saved in (path / "shard-0").glob(f"{integrity.PREFIX}*.npz"):
        saved.unlink()
    table.write_bytes(data + b"\0" * 10)  # longer: not cut short
    engine = XapianBackend.open(path)
    engine.close()
