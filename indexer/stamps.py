"""When each article entered the index: stamped by a build, kept while its text is unchanged.

Saved-search alerts list the articles indexed since they last ran, so re-reading an article
whose text did not change (a touched file, a rebuild of the same folders) must not make it new
again. A build stamps each article it writes with one time taken under the build lock, unless
the index it replaces holds the same id with the same title and body (compared by digest):
then the old time stays.
Builds hold the lock in turn, so a later build's stamp is later than every time of the index
it starts from.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import logging
import warnings
from collections.abc import Iterable, Mapping

from indexer.backends import backend_class
from indexer.backends.base import SearchBackend
from indexer.models import Article
from indexer.store import IndexStore

log = logging.getLogger(__name__)

# Id -> (digest of its text, indexing time) of the articles an index held.
Known = Mapping[str, tuple[str, dt.datetime]]


def text_digest(article: Article) -> str:
    """A digest of an article's text (title and body): equal digests, same text."""
    text = f"{article.title or ''}\x00{article.body}"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def known_times(articles: Iterable[Article]) -> dict[str, tuple[str, dt.datetime]]:
    """The text digest and indexing time of each article that has one."""
    return {a.id: (text_digest(a), a.indexed_at) for a in articles if a.indexed_at is not None}


def stamp(articles: Iterable[Article], known: Known, now: dt.datetime) -> int:
    """Give each article its indexing time: the known one if its text is unchanged, else now.

    Returns how many kept their previous time.
    """
    kept = 0
    for article in articles:
        old = known.get(article.id)
        if old is not None and old[0] == text_digest(article):
            article.mark_indexed(old[1])
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


def previous_times(store: IndexStore, backend: str) -> dict[str, tuple[str, dt.datetime]]:
    """The text digests and indexing times of the index a rebuild replaces (empty: none).

    One pass over its stored articles: a lookup per article would cost ms each at 100k. A
    failure to read it costs the carried-over times, never the build.
    """
    engine = _open_replaced(store, backend)
    if engine is None:
        return {}
    try:
        return known_times(engine.iter_articles())
    except Exception:  # the old index is a nicety here; the build must go on
        log.warning("could not read the replaced index; every article is stamped anew")
        return {}
    finally:
        engine.close()
