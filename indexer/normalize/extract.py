"""One extractor per field of a plain-text article, for callers that need a single field."""

from __future__ import annotations

from indexer.errors import SkipArticle
from indexer.models import PartialDate
from indexer.normalize.extraction import Extraction, settle_outlets
from indexer.normalize.text import extract_text


def _read(text: str) -> Extraction | None:
    """The fields of a plain-text article with source and publisher settled; None if skipped."""
    try:
        found = extract_text(text)
    except SkipArticle:
        return None
    settle_outlets(found)
    return found


def extract_title(text: str) -> str | None:
    """The headline of a plain-text article (or one made from its first sentence)."""
    found = _read(text)
    return found.get("title") if found else None


def extract_body(text: str) -> str | None:
    """The story text, paragraphs separated by blank lines; None when there is none."""
    found = _read(text)
    return found.get("body") if found else None


def extract_source(text: str) -> str | None:
    """The outlet credited for the journalism (the wire for a wire story)."""
    found = _read(text)
    return found.get("source") if found else None


def extract_date(text: str) -> PartialDate | None:
    """The publication date at the precision the text states."""
    found = _read(text)
    return found.get("date") if found else None


def extract_byline(text: str) -> list[str] | None:
    """The people who wrote the story."""
    found = _read(text)
    return found.get("byline") if found else None


def extract_dateline(text: str) -> str | None:
    """The place the story was filed from."""
    found = _read(text)
    return found.get("dateline") if found else None
