"""Whoosh's query parser reading CJK words as phrases, as the query layer's translation does.

The engine no longer parses with Whoosh's query parser (the query tree of `indexer.query` is
translated instead); the plugin stays as the reference the translation is checked against
(`tests/test_query.py`) and for `bench/cjk.py`, which compares segmenters through the parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from whoosh.qparser import syntax
from whoosh.qparser.plugins import PhrasePlugin, Plugin

from indexer.backends.analysis import has_cjk

# Non-ASCII punctuation inside a query word (，、“” …) separates the parts of a CJK query.
_QUERY_PART = re.compile(r"[\w\x00-\x7f]+")


class CJKPhrasePlugin(Plugin):
    """Query-parser plugin: a query word holding CJK text searches its units as a phrase.

    Without it Whoosh ANDs the units of 小红书 (小红, 红书), which also matches an article that
    has 小红 in one place and 红书 in another. Non-ASCII punctuation splits a word into
    parts that must all match (小红书，抖音 finds articles with both words).
    """

    def filters(self, parser: Any) -> list[tuple[Callable[..., Any], int]]:
        """Run after field names are applied (100) and before multifield expansion (110)."""
        return [(self.do_cjk_phrases, 105)]

    def do_cjk_phrases(self, parser: Any, group: syntax.GroupNode) -> syntax.GroupNode:
        """Replace each CJK WordNode in the tree with phrase nodes."""
        for i, node in enumerate(group):
            if isinstance(node, syntax.GroupNode):
                group[i] = self.do_cjk_phrases(parser, node)
            elif type(node) is syntax.WordNode and has_cjk(node.text):
                group[i] = self._phrases(node)
        return group

    @staticmethod
    def _phrases(node: syntax.WordNode) -> syntax.SyntaxNode:
        """One phrase node per punctuation-separated part of the word (an AND group if several)."""
        start = node.startchar or 0
        parts = []
        for match in _QUERY_PART.finditer(node.text):
            phrase = PhrasePlugin.PhraseNode(match.group(), start + match.start())
            phrase.set_fieldname(node.fieldname)
            phrase.set_boost(node.boost)
            phrase.startchar, phrase.endchar = start + match.start(), start + match.end()
            parts.append(phrase)
        if not parts:
            return node
        if len(parts) == 1:
            return parts[0]
        return syntax.AndGroup(parts)
