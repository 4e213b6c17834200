"""When articles were indexed: kept across updates and rebuilds while unchanged; `indexed_after`."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from indexer.backends import backend_class
from indexer.backends.base import INDEXED, SearchQuery
from indexer.pipeline import build_index, update_index
from indexer.store import IndexStore
from tests.test_backend_contract import ENGINES, _articles

from .conftest import DATA

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

SAVED = DATA / "saved"
T0 = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)


def _times(index_dir: Path, engine_name: str) -> dict[str, tuple[str, dt.datetime | None]]:
    """Each article's file label and indexing time, read from the served index."""
    engine = backend_class(engine_name).open(IndexStore(index_dir).current())
    try:
        return {a.id: (a.file, a.indexed_at) for a in engine.iter_articles()}
    finally:
        engine.close()


def _by_file(times: dict[str, tuple[str, dt.datetime | None]]) -> dict[str, dt.datetime | None]:
    """Indexing times by the file's name."""
    return {Path(label).name: when for label, when in times.values()}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with the first batch of the saved-search articles."""
    root = tmp_path / "corpus"
    shutil.copytree(SAVED / "first", root)
    return root


def test_update_keeps_indexed_at_of_unchanged_articles_and_renews_changed_ones(
    corpus, tmp_path, engine_name
):
    index_dir = tmp_path / "index"
    build_index([corpus], index_dir, backend=engine_name)
    before = _by_file(_times(index_dir, engine_name))
    assert len(before) == 5 and all(isinstance(t, dt.datetime) for t in before.values())
    # A touched file (same text, newer mtime), an edited file, a new file, an untouched file.
    os.utime(corpus / "sugar-steady.json", (2e9, 2e9))
    edited = json.loads((corpus / "ivory-coast.json").read_text())
    edited["body"] += "\n\nLater: arrivals picked up again."
    (corpus / "ivory-coast.json").write_text(json.dumps(edited))
    shutil.copy(SAVED / "later" / "coffee-quota.json", corpus)
    report = update_index([corpus], index_dir, backend=engine_name)
    assert report.indexed == 3  # touched, edited and new were read again
    after = _by_file(_times(index_dir, engine_name))
    assert after["sugar-steady.json"] == before["sugar-steady.json"]  # same text: same time
    assert after["ghana-crop.json"] == before["ghana-crop.json"]
    assert after["ivory-coast.json"] > before["ivory-coast.json"]  # its text changed
    assert after["coffee-quota.json"] > max(before.values())
    assert after["coffee-quota.json"] == after["ivory-coast.json"]  # one build, one stamp


def test_a_rebuild_of_the_same_files_keeps_their_indexed_at(corpus, tmp_path, engine_name):
    index_dir = tmp_path / "index"
    build_index([corpus], index_dir, backend=engine_name)
    before = _by_file(_times(index_dir, engine_name))
    shutil.copy(SAVED / "later" / "coffee-quota.json", corpus)
    build_index([corpus], index_dir, backend=engine_name)
    after = _by_file(_times(index_dir, engine_name))
    assert {k: after[k] for k in before} == before
    assert after["coffee-quota.json"] > max(before.values())


@pytest.fixture(params=sorted(ENGINES))
def engine(request, tmp_path):
    """Each engine (the fake too) over the contract's articles, indexed at known times."""
    articles = _articles()
    for n, article in enumerate(articles):
        article.mark_indexed(T0 + dt.timedelta(hours=n))
    backend = ENGINES[request.param].create(tmp_path / "gen")
    backend.add(articles)
    yield backend
    backend.close()


def _ids(found) -> list[str]:
    """The ids of an export or a page of hits."""
    return [getattr(item, "article", item).id for item in found]


def test_indexed_after_keeps_only_later_articles_on_every_engine(engine):
    after = T0 + dt.timedelta(hours=2)  # a3 was indexed exactly then: not after
    results = engine.search(SearchQuery(text="cocoa", indexed_after=after, group=False))
    assert results.total == 2 and {h.article.id for h in results.hits} == {"a4", "a5"}
    assert _ids(engine.export(SearchQuery(indexed_after=after, sort=INDEXED))) == ["a5", "a4"]
    everything = engine.search(SearchQuery(indexed_after=T0 - dt.timedelta(seconds=1)))
    assert everything.total == 5
    assert engine.search(SearchQuery(indexed_after=T0 + dt.timedelta(days=1))).total == 0


def test_indexed_at_round_trips_with_microseconds(engine):
    got = engine.get("a3")
    assert got is not None and got.indexed_at == T0 + dt.timedelta(hours=2)
    assert got.to_dict()["indexed_at"] == "2026-01-01T14:00:00.000000Z"
