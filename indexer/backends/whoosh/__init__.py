"""The Whoosh engine: schema, analysis, the numpy fast matcher behind its fence, highlighting."""

import sys

from indexer.backends.whoosh import analysis
from indexer.backends.whoosh.backend import WhooshBackend

# An index pickles its schema, naming each analyzer part by module: indexes written before the
# engine moved here name `indexer.analysis`. The alias lets them open without a rebuild.
sys.modules.setdefault("indexer.analysis", analysis)

__all__ = ["WhooshBackend"]
