"""The Whoosh engine: schema, the numpy fast matcher behind its fence, segment tables."""

import sys

from indexer.backends import analysis
from indexer.backends.whoosh.backend import WhooshBackend

# An index pickles its schema, naming each analyzer part by module. Indexes written before the
# analyzer moved to `indexer.backends.analysis` name `indexer.backends.whoosh.analysis`, and
# older ones `indexer.analysis`: the aliases let them open without a rebuild.
for _old in ("indexer.analysis", "indexer.backends.whoosh.analysis"):
    sys.modules.setdefault(_old, analysis)

__all__ = ["WhooshBackend"]
