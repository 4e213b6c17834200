"""A news article's metadata kept only in a Next.js page's `__NEXT_DATA__` JSON.

Next.js sites often render the story from the props they embed in
`<script id="__NEXT_DATA__" type="application/json">` and state no JSON-LD of their own. Each
site names its props its own way, so the article is found by what it holds, not where: an
object with a headline (or title) and a publication date, the authors beside them as names or
objects with a `name`. It is handed on as a JSON-LD article would be, and read by the same
rules (its date as written, local).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

HEADLINE_KEYS = ("headline", "title")
PUBLISHED_KEYS = (
    "datePublished", "publishedAt", "published_at", "firstPublished", "firstPublishedAt",
    "publishDate", "publishedDate", "publicationDate", "publish_date",
)  # fmt: skip
AUTHOR_KEYS = ("authors", "author", "byline")


def next_data_article(docs: list[Any], shown: set[str], key: Any) -> dict[str, Any] | None:
    """The article in the `__NEXT_DATA__` documents as a JSON-LD-like `NewsArticle`, or None.

    Where several objects qualify (the story and its related stories), the one whose headline
    (by `key`) is among the `shown` headings wins, then the one nearest the top of the props.
    """
    found: list[tuple[bool, int, int, dict[str, Any]]] = []
    for depth, node in _objects(docs, 0):
        headline = next((_text(node[k]) for k in HEADLINE_KEYS if _text(node.get(k))), None)
        published = next((node[k] for k in PUBLISHED_KEYS if _stamp(node.get(k))), None)
        if headline is None or published is None:
            continue
        article: dict[str, Any] = {
            "@type": "NewsArticle", "headline": headline, "datePublished": published
        }  # fmt: skip
        authors = next((node[k] for k in AUTHOR_KEYS if node.get(k)), None)
        if authors is not None:
            article["author"] = authors
        found.append((key(headline) not in shown, depth, len(found), article))
    return min(found, key=lambda item: item[:3])[3] if found else None


def _text(value: Any) -> str | None:
    """A string value with its spaces collapsed, or None."""
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _stamp(value: Any) -> bool:
    """Whether a value is a written date (`2025-05-06T18:45:00-05:00`), not a flag or a count."""
    return isinstance(value, str) and sum(c.isdigit() for c in value) >= 6


def _objects(data: Any, depth: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every object of a JSON document with its depth, in document order."""
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield depth, data
        for value in data.values():
            yield from _objects(value, depth + 1)
