"""The Xapian engine: the project's terms in Xapian databases, local or sharded over TCP."""

from indexer.backends.xapian.backend import XapianBackend

__all__ = ["XapianBackend"]
