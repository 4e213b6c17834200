"""When each article entered the index: stamped by a build, kept while its text is unchanged.

Saved-search alerts list the articles indexed since they last ran, so re-reading an article
whose text did not change (a touched file, a rebuild of the same folders) must not make it new
again. A build stamps each article it writes with one time taken under the build lock, unless
the index it replaces holds the same id with the same title and body: then the old time stays.
Builds hold the lock in turn, so a later build's stamp is later than every time of the index
it starts from.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from indexer.backends import backend_class
from indexer.backends.base import SearchBackend
from indexer.models import Article
from indexer.store import IndexStore

log = logging.getLogger(__name__)

Lookup = Callable[[str], Article | None]  # the replaced index's article of an id, or None


def same_text(old: Article, new: Article) -> bool:
    """Whether two readings of an article hold the same text (title and body)."""
    return old.title == new.title and old.body == new.body


def stamp(articles: Iterable[Article], previous: Lookup | None, now: dt.datetime) -> int:
    """Give each article its indexing time: the previous one if its text is unchanged, else now.

    Returns how many kept their previous time. A lookup that fails (an unreadable old index)
    only costs the carried-over times, never the build.
    """
    kept = 0
    for article in articles:
        old = None
        if previous is not None:
            try:
                old = previous(article.id)
            except Exception:  # the old index is a nicety here; the build must go on
                log.warning("could not read the previous index; new indexing times for all")
                previous = None
        if old is not None and old.indexed_at is not None and same_text(old, article):
            article.mark_indexed(old.indexed_at)
            kept += 1
        else:
            article.mark_indexed(now)
    return kept


def now() -> dt.datetime:
    """The time a build stamps on the articles it indexes (UTC)."""
    return dt.datetime.now(dt.UTC)


def _open_replaced(store: IndexStore, backend: str) -> SearchBackend | None:
    """The index a rebuild replaces, opened; None when there is none or it cannot be read.

    A rebuild is how a damaged index is repaired, and Whoosh leaves the files of an index it
    fails to open for the garbage collector: they are closed here, quietly, not mid-build.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return backend_class(backend).open(store.current())
        except Exception:  # no index yet, a damaged one, an older schema: nothing to carry over
            pass
        gc.collect()
    return None


@contextmanager
def previous_index(store: IndexStore, backend: str) -> Iterator[Lookup | None]:
    """The article lookup of the index a rebuild replaces (None when there is none to read)."""
    engine = _open_replaced(store, backend)
    if engine is None:
        yield None
        return
    try:
        yield engine.get
    finally:
        engine.close()
