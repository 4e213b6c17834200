"""Normalise raw records into articles the way a careful editor would.

`normalize` reads one record (plain text, a saved HTML page or user-supplied JSON fields);
`resolve_years` is the collection-level pass that dates year-less datelines by their weekday.

Modules: `text` reads plain text (with `story` finding where the story sits among the lines,
`lines` cleaning them and `boilerplate` recognising page furniture); `html` reads saved pages
with trafilatura, JSON-LD and meta tags (`metadata` chooses title and date among their
candidates on evidence, `authors` the byline, `pagebyline` reads the page's byline zone and
the credit line under its headline);
`fields` normalises user-supplied values; `datelines`, `bylines`, `dates`, `cjkdates` and
`sources` read one kind of evidence each; `language` detects the language; `clean` removes
stray markup, so the article returned is already clean and `normalize_record` says what it
removed.
"""

from __future__ import annotations

from typing import NamedTuple

from indexer.errors import SkipArticle
from indexer.models import EXTRACTED_FIELDS, Article, PartialDate, RawRecord
from indexer.normalize.bylineplace import drop_byline_places
from indexer.normalize.clean import clean_fields, strip_markup
from indexer.normalize.dates import after_today, resolve_years
from indexer.normalize.extraction import Extraction, settle_outlets
from indexer.normalize.fields import supplied_body, supplied_fields
from indexer.normalize.html import extract_html
from indexer.normalize.language import guess_language
from indexer.normalize.text import extract_text

__all__ = ["Normalised", "normalize", "normalize_record", "resolve_years"]


class Normalised(NamedTuple):
    """A finished article and the notes on what cleaning removed from it, for the report."""

    article: Article
    cleaned: list[str]


def normalize(record: RawRecord) -> Article:
    """Turn one raw record into a clean article, or raise SkipArticle with the reason."""
    return normalize_record(record).article


def normalize_record(record: RawRecord) -> Normalised:
    """The clean article of one raw record and what was cleaned; SkipArticle with the reason."""
    notes: list[str] = []
    if record.kind == "fields":
        found = _from_fields(record)
    else:
        found = supplied_fields(record.fields, "sidecar") if record.fields else Extraction()
        title = found.get("title")
        body = supplied_body(record.fields) if record.fields else None
        if record.kind == "html" and body is None:
            read = extract_html(record.text, title=title)
        else:
            read = extract_text(_plain(body or record.text, notes), title=title)
        _merge(found, read)
    notes += clean_fields(found.values)
    for name in [n for n, v in found.values.items() if v is None or v == []]:
        found.drop(name)
    return Normalised(_article(record, found), notes)


def _plain(text: str, notes: list[str]) -> str:
    """Plain text with any inline markup taken out before its lines are read.

    A headline written `<b>Port strike</b> halts cargo` must be read as a headline; left in,
    the tags make it look like anything but one. Only real markup goes (see `clean`).
    """
    if "<" not in text:
        return text
    plain, removed = strip_markup(text)
    if removed:
        shown = ", ".join(removed[:5]) + (", …" if len(removed) > 5 else "")
        notes.append(f"text: HTML removed ({shown})")
    return plain


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
    """Add what was read from the text wherever nothing was supplied (no date after today:
    one read off a page that lies ahead is an event's, not the page's publication)."""
    date = read.get("date")
    if isinstance(date, PartialDate) and after_today(date):
        read.drop("date")
    for name, value in read.values.items():
        found.offer(name, value, read.provenance[name])


def _article(record: RawRecord, found: Extraction) -> Article:
    """Build the article, settling source against publisher and guessing a missing language."""
    body = found.get("body") or ""
    if not body.strip():
        raise SkipArticle("no article text")
    settle_outlets(found)
    drop_byline_places(found)
    found.offer("language", guess_language(body), "derived")
    values = found.values
    extracted = {
        spec.name: list(values.get(spec.name) or [])
        if spec.kind == "texts"
        else values.get(spec.name)
        for spec in EXTRACTED_FIELDS
    }
    return Article(
        id=record.id,
        file=record.file,
        body=body,
        provenance=dict(found.provenance),
        origin=record.origin,
        mtime=record.mtime,
        **extracted,
    )
