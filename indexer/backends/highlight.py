"""Snippets and marked paragraphs for both engines: article text as safe HTML, words in <mark>.

Terms are those of the engine's translated query (wildcards expanded against the index), marked
by the body's own analyzer so that `refugees` marks `Refugees` and 小红书 marks the whole word
(overlapping CJK units are joined into one match); the text between is escaped and every
fragment is sanitised to `<mark>` alone. Both engines call these, so they mark the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

from whoosh.analysis import Analyzer, Token
from whoosh.highlight import (
    FIRST,
    BasicFragmentScorer,
    ContextFragmenter,
    Formatter,
    Fragmenter,
    WholeFragmenter,
    get_text,
    top_fragments,
)

from indexer.safehtml import FRAGMENT_SEPARATOR, LEAD_CHARS, escape, lead, split_fragments

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


def merge_matches(tokens: Iterable[Token]) -> Iterator[Token]:
    """Join matched tokens that overlap or touch (小红 + 红书 -> 小红书) into one match."""
    held: Token | None = None
    for t in tokens:
        if held is not None and t.matched and t.startchar <= held.endchar:
            held.endchar = max(held.endchar, t.endchar)
            continue
        if held is not None:
            yield held
            held = None
        if t.matched:
            held = t.copy()
        else:
            yield t
    if held is not None:
        yield held


def highlight_text(
    text: str,
    terms: Collection[str],
    analyzer: Analyzer,
    fragmenter: Fragmenter,
    formatter: Formatter,
    top: int = 3,
) -> str:
    """`whoosh.highlight.highlight`, but overlapping CJK units are marked as one word."""
    termset = frozenset(terms)
    tokens = analyzer(text, chars=True, mode="query", removestops=False)
    matched = (_matched(t, termset) for t in tokens)
    fragments = fragmenter.fragment_tokens(text, merge_matches(matched))
    best = top_fragments(fragments, top, BasicFragmentScorer(), FIRST, minscore=1)
    return formatter(text, best)


def _matched(token: Token, terms: frozenset[str]) -> Token:
    """Mark a token matched when its text is one of the query's terms."""
    token.matched = token.text in terms
    return token


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


def paragraphs(body: str, terms: Collection[str], analyzer: Analyzer) -> list[str]:
    """The body's paragraphs as safe HTML, with the given terms marked."""
    parts = [p for p in body.split("\n\n") if p.strip()]
    if not terms:
        return [escape(p) for p in parts]
    out = []
    for paragraph in parts:
        marked = highlight_text(
            paragraph, terms, analyzer, WholeFragmenter(charlimit=None), MarkFormatter(), top=1
        )
        out.append(split_fragments(marked)[0] if marked.strip() else escape(paragraph))
    return out


def first_snippet(terms: Collection[str], analyzer: Analyzer) -> Callable[[str], str]:
    """A function giving a body's first marked fragment for the terms (its lead when none)."""

    def snippet(body: str) -> str:
        """The first marked fragment of one body, or its lead."""
        found = snippets(body, terms, analyzer, 1) if terms else []
        return found[0] if found else escape(lead(body))

    return snippet
