"""Threads of one process search with their own searchers: none waits for another's search.

Whoosh only (no BOTH_ENGINES): it holds the Whoosh engine's per-thread searcher pool
(`engine._readers`) open to show that no search waits for another's.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from indexer.backends.base import SearchQuery
from indexer.backends.whoosh import WhooshBackend
from tests.test_fastmatch import _articles

WAIT = 60  # seconds before a thread that never finishes counts as blocked (a deadlock check)


@pytest.fixture
def engine(tmp_path: Path):
    """A real index of 300 articles."""
    backend = WhooshBackend.create(tmp_path / "ix")
    backend.add(_articles(300))
    yield backend
    backend.close()


def _in_thread(call):
    """Run `call` in a new thread; its result (or exception) once it finishes."""
    out: dict = {}

    def run() -> None:
        try:
            out["value"] = call()
        except BaseException as exc:  # handed back to the test
            out["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(WAIT)
    assert not thread.is_alive(), "the thread was blocked"
    if "error" in out:
        raise out["error"]
    return out["value"]


def test_a_search_runs_while_another_thread_is_inside_a_read(engine: WhooshBackend) -> None:
    inside, leave = threading.Event(), threading.Event()

    def long_read() -> None:
        with engine._readers.reading():
            inside.set()
            leave.wait(WAIT)

    holder = threading.Thread(target=long_read)
    holder.start()
    try:
        assert inside.wait(WAIT)
        results = _in_thread(lambda: engine.search(SearchQuery(text="users")))
        assert results.total > 0
    finally:
        leave.set()
        holder.join(WAIT)


def test_each_thread_has_its_own_searcher_and_the_same_answers(engine: WhooshBackend) -> None:
    expected = engine.search(SearchQuery(text="chinese users", group=False))
    mine = engine._get_searcher()

    def search():
        results = engine.search(SearchQuery(text="chinese users", group=False))
        return engine._get_searcher(), results

    others = [_in_thread(search) for _ in range(3)]
    searchers = {id(mine), *(id(s) for s, _ in others)}
    assert len(searchers) == 4
    for _, results in others:
        assert results.total == expected.total
        assert [h.article.id for h in results.hits] == [h.article.id for h in expected.hits]


def test_a_thread_sees_what_another_committed(engine: WhooshBackend) -> None:
    assert engine.search(SearchQuery(text="zanzibar")).total == 0
    fresh = _articles(1)[0]
    fresh.id, fresh.body = "new", "Zanzibar ferry timetable changes."
    _in_thread(lambda: engine.add([fresh]))
    assert engine.search(SearchQuery(text="zanzibar")).total == 1
    assert engine.count() == 301


def test_close_waits_for_the_read_running_now(engine: WhooshBackend) -> None:
    engine.count()
    readers = engine._readers
    with readers.reading() as searcher:
        engine.close()
        assert readers._open, "closed under a running read"
        assert searcher.doc_count() == 300  # still readable
    assert not readers._open
