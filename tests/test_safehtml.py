"""Snippets are cleaned by bleach in one call per hit, and come out exactly as each fragment
cleaned alone would: escaped text and bare `<mark>` elements, whatever the article says."""

from __future__ import annotations

import random

import pytest

from indexer.safehtml import FRAGMENT_SEPARATOR, escape, sanitize, split_fragments

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "&amp; &lt;mark&gt; &#10; &#x27; \u2028 \u00a0",
    "</mark><mark onclick=x>",
    'Tom & Jerry\'s "quote" <b>bold</b>',
    "line\nbreak\r\nand\ttab\x0cfeed",
    "日本語の記事 «guillemets» — dash",
]


def _fragment(rng: random.Random) -> str:
    """A formatter-like fragment: escaped text with some words marked."""
    words = []
    for _ in range(rng.randint(1, 12)):
        word = escape(rng.choice(HOSTILE + ["oil", "prices", "rose", "in", "Tokyo"]))
        words.append(f"<mark>{word}</mark>" if rng.random() < 0.3 else word)
    return " ".join(words)


@pytest.mark.parametrize("seed", range(40))
def test_one_call_cleans_like_one_call_per_fragment(seed):
    rng = random.Random(seed)
    fragments = [_fragment(rng) for _ in range(rng.randint(1, 4))]
    formatted = FRAGMENT_SEPARATOR.join(fragments)
    alone = [sanitize(" ".join(f.split())) for f in fragments]
    assert split_fragments(formatted) == alone
    for part in split_fragments(formatted):
        assert "<" not in part.replace("<mark>", "").replace("</mark>", "")  # no other tag


def test_a_mark_left_open_is_cleaned_fragment_by_fragment():
    formatted = FRAGMENT_SEPARATOR.join(["<mark>oil prices", "rose <mark>again</mark>"])
    assert split_fragments(formatted) == ["<mark>oil prices</mark>", "rose <mark>again</mark>"]
