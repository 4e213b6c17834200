"""Where indexes built before the move of the Whoosh engine find its analyzer.

A Whoosh index pickles its schema, naming each analyzer part by module: indexes written before
`indexer/backends/whoosh/analysis.py` existed name `indexer.analysis`. This module keeps those
names importable so such an index opens without a rebuild. New code imports the real module.
"""

from indexer.backends.whoosh.analysis import CJKStopFilter, CJKTokenizer, cjk_bigrams

__all__ = ["CJKStopFilter", "CJKTokenizer", "cjk_bigrams"]
