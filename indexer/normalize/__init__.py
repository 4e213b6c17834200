"""Normalise raw records into articles the way a careful editor would.

`normalize` reads one record (plain text, a saved HTML page or user-supplied JSON fields);
`resolve_years` is the collection-level pass that dates year-less datelines by their weekday.

Modules: `text` reads plain text (with `story` finding where the story sits among the lines,
`lines` cleaning them and `boilerplate` recognising page furniture); `html` reads saved pages
with trafilatura, JSON-LD and meta tags; `fields` normalises user-supplied values; `datelines`,
`bylines`, `dates` and `sources` read one kind of evidence each; `extract` offers one extractor
per field of a plain text.
"""

from __future__ import annotations

from indexer.errors import SkipArticle
from indexer.models import Article, RawRecord
from indexer.normalize.dates import resolve_years
from indexer.normalize.extraction import Extraction, settle_outlets
from indexer.normalize.fields import supplied_body, supplied_fields
from indexer.normalize.html import extract_html
from indexer.normalize.language import guess_language
from indexer.normalize.text import extract_text

__all__ = ["normalize", "resolve_years"]


def normalize(record: RawRecord) -> Article:
    """Turn one raw record into an article, or raise SkipArticle with the reason."""
    if record.kind == "fields":
        found = _from_fields(record)
    else:
        found = supplied_fields(record.fields, "sidecar") if record.fields else Extraction()
        title = found.get("title")
        body = supplied_body(record.fields) if record.fields else None
        if record.kind == "html" and body is None:
            read = extract_html(record.text, title=title)
        else:
            read = extract_text(body or record.text, title=title)
        _merge(found, read)
    return _article(record, found)


def _from_fields(record: RawRecord) -> Extraction:
    """An article from user-supplied JSON fields; the text fills only what they leave out."""
    found = supplied_fields(record.fields, "supplied")
    body = supplied_body(record.fields)
    if body is None:
        raise SkipArticle("no article text: the record has no `body` or `text` field")
    try:
        read = extract_text(body, title=found.get("title"))
    except SkipArticle:
        # The user said this is the article text: keep it even when it looks thin.
        paragraphs = [" ".join(p.split()) for p in body.split("\n\n")]
        read = Extraction()
        read.offer("body", "\n\n".join(p for p in paragraphs if p), "supplied")
    _merge(found, read)
    return found


def _merge(found: Extraction, read: Extraction) -> None:
    """Add what was read from the text wherever nothing was supplied."""
    for name, value in read.values.items():
        found.offer(name, value, read.provenance[name])


def _article(record: RawRecord, found: Extraction) -> Article:
    """Build the article, settling source against publisher and guessing a missing language."""
    body = found.get("body") or ""
    if not body.strip():
        raise SkipArticle("no article text")
    settle_outlets(found)
    found.offer("language", guess_language(body), "derived")
    values = found.values
    return Article(
        id=record.id,
        file=record.file,
        body=body,
        title=values.get("title"),
        source=values.get("source"),
        publisher=values.get("publisher"),
        date=values.get("date"),
        updated=values.get("updated"),
        byline=list(values.get("byline") or []),
        contributors=list(values.get("contributors") or []),
        dateline=values.get("dateline"),
        url=values.get("url"),
        language=values.get("language"),
        story_id=values.get("story_id"),
        provenance=dict(found.provenance),
        origin=record.origin,
        mtime=record.mtime,
    )
