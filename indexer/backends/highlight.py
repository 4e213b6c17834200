"""Snippets and marked paragraphs: article text as safe HTML with the query's words in <mark>.

Terms are those of the translated Whoosh query (wildcards expanded against the index), marked
by the body's own analyzer so that `refugees` marks `Refugees` and 小红书 marks the whole word;
the text between is escaped and every fragment is sanitised to `<mark>` alone.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from whoosh import query
from whoosh.analysis import Analyzer
from whoosh.highlight import ContextFragmenter, Formatter, WholeFragmenter, get_text
from whoosh.searching import Searcher

from indexer.backends.analysis import highlight_text
from indexer.query.grammar import TEXT_FIELDS
from indexer.safehtml import FRAGMENT_SEPARATOR, LEAD_CHARS, escape, split_fragments

SNIPPET_CHARS = LEAD_CHARS


class MarkFormatter(Formatter):
    """Whoosh formatter: escaped text, matches wrapped in `<mark>`, fragments kept apart."""

    between = FRAGMENT_SEPARATOR

    def _text(self, text: str) -> str:
        """Escape the text between matches."""
        return escape(text)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        """Wrap one matched token in `<mark>`."""
        return f"<mark>{escape(get_text(text, token, replace))}</mark>"


def snippets(body: str, terms: Collection[str], analyzer: Analyzer, top: int) -> list[str]:
    """Up to `top` fragments of the body around the query's terms, marked and escaped."""
    formatted = highlight_text(
        body,
        frozenset(terms),
        analyzer,
        ContextFragmenter(maxchars=SNIPPET_CHARS, surround=80),
        MarkFormatter(),
        top=top,
    )
    return split_fragments(formatted)


def paragraphs(body: str, q: query.Query, analyzer: Analyzer) -> list[str]:
    """The body's paragraphs as safe HTML, with the query's body terms marked."""
    parts = [p for p in body.split("\n\n") if p.strip()]
    terms = {text for name, text in q.iter_all_terms() if name == "body"}
    if not terms:
        return [escape(p) for p in parts]
    out = []
    for paragraph in parts:
        marked = highlight_text(
            paragraph, terms, analyzer, WholeFragmenter(charlimit=None), MarkFormatter(), top=1
        )
        out.append(split_fragments(marked)[0] if marked.strip() else escape(paragraph))
    return out


def body_terms(q: query.Query, searcher: Searcher) -> set[str]:
    """The query's words (wildcards expanded) to mark in body text.

    Asked per field: whoosh3's `existing_terms` reuses its `fieldname` argument as a loop
    variable, so without one it drops every field but the first it meets.
    """
    reader = searcher.reader()
    return {
        word.decode() if isinstance(word, bytes) else word
        for name in TEXT_FIELDS
        for _, word in q.existing_terms(reader, expand=True, fieldname=name)
    }
