"""The Whoosh engine: schema, analysis, the numpy fast matcher behind its fence, highlighting."""

from indexer.backends.whoosh.backend import WhooshBackend

__all__ = ["WhooshBackend"]
