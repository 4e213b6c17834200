"""Exceptions of the newsindex library, each with a message a user can act on."""


class NewsIndexError(Exception):
    """Root of every error the library raises on purpose."""


class SkipArticle(NewsIndexError):
    """A file or record cannot become an article; the message is the reason shown."""


class QueryError(NewsIndexError):
    """A search request that cannot be run as given (maps to HTTP 400)."""


class IndexMissing(NewsIndexError):
    """No usable index exists yet (maps to HTTP 503)."""


class IndexLocked(NewsIndexError):
    """Another rebuild or update holds the index lock."""


class GenerationGone(NewsIndexError):
    """The generation a reader was about to open was pruned meanwhile; read CURRENT again."""


class IndexWriteError(NewsIndexError):
    """The file system refused a write (disk full, read-only); the served index is unchanged."""


class ShardUnavailable(IndexMissing):
    """A shard of a distributed index answers on none of its replicas (maps to HTTP 503)."""
