"""Fields a user supplies (JSON records, sidecar files), normalised; they win over heuristics."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from indexer.models import PartialDate
from indexer.normalize.bylines import split_names
from indexer.normalize.dates import find_date, parse_date
from indexer.normalize.extraction import Extraction
from indexer.normalize.language import language_code
from indexer.normalize.sources import canonical_outlet

_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "source": ("source", "outlet", "agency", "wire"),
    "publisher": ("publisher", "site", "site_name", "sitename"),
    "date": ("date", "published", "published_at", "publication_date", "date_published",
             "datePublished", "pubdate"),
    "updated": ("updated", "updated_at", "modified", "date_modified", "dateModified",
                "last_updated"),
    "byline": ("byline", "author", "authors", "by"),
    "contributors": ("contributors",),
    "url": ("url", "link", "canonical_url"),
    "dateline": ("dateline", "place", "location"),
    "language": ("language", "lang", "inLanguage"),
    "story_id": ("story_id",),
}  # fmt: skip
BODY_KEYS = ("body", "text", "content", "articleBody")
_SPACES = re.compile(r"\s+")
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_NOT_PEOPLE = frozenset({"staff", "staff writer", "staff reporter", "editorial staff", "admin"})


def supplied_body(fields: dict[str, Any]) -> str | None:
    """The article text a record supplies, if any."""
    for key in BODY_KEYS:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def supplied_fields(fields: dict[str, Any], how: str) -> Extraction:
    """The supplied fields, normalised, each with provenance `how`."""
    found = Extraction()
    for name, keys in _ALIASES.items():
        value = next((fields[k] for k in keys if fields.get(k) not in (None, "", [])), None)
        if value is None:
            continue
        found.offer(name, _normalise(name, value), how)
    return found


def _normalise(name: str, value: Any) -> Any:
    """One supplied value in the shape the article holds."""
    if name in ("date", "updated"):
        return supplied_date(value)
    if name in ("byline", "contributors"):
        return supplied_names(value)
    if name in ("source", "publisher"):
        text = _text(value)
        return canonical_outlet(text) or text if text else None
    if name == "language":
        text = _text(value)
        return language_code(text) if text else None
    if name == "dateline":
        text = _text(value)
        return text.strip(" -–—:,") if text else None
    return _text(value)


def _text(value: Any) -> str | None:
    """A supplied value as one clean line of text."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id")
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    text = _SPACES.sub(" ", str(value)).strip()
    return text or None


def supplied_date(value: Any) -> PartialDate | None:
    """A supplied date (`2025-01-15`, `January 2025`, `2025`, a timestamp) at its precision."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return PartialDate(value) if 1900 <= value <= 2100 else None
    if isinstance(value, dt.datetime):
        # The day where it was written, as for dates read from text: never moved to UTC's.
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    text = _text(value)
    if not text:
        return None
    date = parse_date(text)
    if date is None:
        found = find_date(text)
        date = found[0] if found else None
    return date


def supplied_names(value: Any) -> list[str]:
    """People's names from a supplied byline: a string (`By A and B`) or a list."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        text = _text(item)
        if not text:
            continue
        text = _BY.sub("", text)
        found = split_names(text)
        if not found and text.casefold() not in _NOT_PEOPLE and not canonical_outlet(text):
            # A supplied name is trusted even when it is not shaped like most names.
            found = [text.strip(" .,;")]
        names.extend(n for n in found if n not in names)
    return names
