"""Checks at load that keep hostile input out: bad characters, unusable ids, pathological HTML."""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
# Lone surrogates (JSON's `\ud800`), Unicode non-characters, and control characters XML cannot
# hold: each breaks an encoder (a page, the Atom feed, the JSON of `search --json`) downstream.
# The BMP's fit one quick class; the other planes' non-characters are a slow class to scan, so
# only a text with characters beyond the BMP (emoji) is scanned for them.
_BAD = re.compile("[\\x00-\\x08\\x0e-\\x1f\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BAD_ASTRAL = re.compile(
    "["
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]"
)
_BREAKS = re.compile("[\\x0b\\x0c]")  # vertical tab, form feed: line breaks to a reader
# What of both an ASCII text can hold: one small class is ~5x quicker to scan than _BAD.
_ASCII_SUSPECT = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]")

MAX_ID_CHARS = 200
MAX_ATTRIBUTES = 1_000  # per tag; real pages stay under a hundred


def replace_bad_chars(text: str) -> tuple[str, int]:
    """The text with bad characters replaced by U+FFFD, and how many were replaced."""
    if text.isascii() and _ASCII_SUSPECT.search(text) is None:
        return text, 0
    if _BREAKS.search(text):
        text = _BREAKS.sub("\n", text)
    text, count = _BAD.subn(REPLACEMENT, text)
    if _ASTRAL.search(text):
        text, more = _BAD_ASTRAL.subn(REPLACEMENT, text)
        count += more
    return text, count


def replace_bad_chars_in(value: Any) -> tuple[Any, int]:
    """A JSON value (strings, lists, objects, keys too) with bad characters replaced."""
    if isinstance(value, str):
        return replace_bad_chars(value)
    if isinstance(value, list):
        cleaned = [replace_bad_chars_in(item) for item in value]
        return [v for v, _ in cleaned], sum(n for _, n in cleaned)
    if isinstance(value, dict):
        out: dict[Any, Any] = {}
        total = 0
        for key, item in value.items():
            new_key, n_key = replace_bad_chars_in(key) if isinstance(key, str) else (key, 0)
            new_item, n_item = replace_bad_chars_in(item)
            out[new_key] = new_item
            total += n_key + n_item
        return out, total
    return value, 0


def characters_note(count: int) -> str:
    """The report's note for characters replaced at load."""
    plural = "s" if count != 1 else ""
    return (
        f"{count} invalid character{plural} (lone surrogate, non-character or control) "
        "replaced with U+FFFD"
    )


def id_problem(article_id: str) -> str | None:
    """Why a supplied id cannot be an article's address (/article/<id>), or None if it can."""
    if any(ord(c) < 32 or c in "\x7f" + REPLACEMENT for c in article_id):
        return "holds a control character or line break"
    if article_id.startswith("/") or article_id.endswith("/"):
        return "starts or ends with /"
    parts = article_id.split("/")
    if any(part in (".", "..") for part in parts):
        return "holds a . or .. path segment"
    if "" in parts:
        return "holds an empty path segment (//)"
    return None


_LONG_TAG = re.compile(rf"<[A-Za-z][^<>]{{{2 * MAX_ATTRIBUTES - 1},}}")
# One attribute: a name and, optionally, a value (a quoted value's spaces are not attributes).
_ATTRIBUTE = re.compile(r"""\s+[^\s=<>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def html_problem(html: str) -> str | None:
    """Why an HTML page is too costly to parse, or None.

    lxml's time grows with the square of a tag's attribute count (165,000 attributes on one tag
    take minutes), so a page with a tag holding more than MAX_ATTRIBUTES is not parsed. The scan
    is linear: only tags long enough to hold that many attributes are counted.
    """
    for match in _LONG_TAG.finditer(html):
        count = len(_ATTRIBUTE.findall(match.group()))
        if count > MAX_ATTRIBUTES:
            return (
                f"HTML tag with {count:,} attributes (more than {MAX_ATTRIBUTES:,}): "
                "too costly to parse, not indexed"
            )
    return None
