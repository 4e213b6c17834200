"""Value types shared by the loaders, the normaliser, the pipeline and the backends.

Names for where an article came from, used throughout:
- `path`: the file on disk as reached from the paths given (a Path, used to read it);
- `origin`: that file's resolved absolute path, the key an update matches files by;
- `file`: what users see (JSON, CSV, pages, reports): the file as reached from the paths
  given, plus the record's number for files holding many (`seeds/a.txt`, `feed.jsonl:12`).

`ARTICLE_FIELDS` lists every key of an article's data once: `Article.to_dict`,
`article_from_dict`, the CSV columns, the OpenAPI schema and the index's stored record are
derived from it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
RecordKind = Literal["text", "html", "fields"]
# How a field is written to JSON: `key` a string always present, `text` a string or null,
# `texts` a list of strings, `date` a PartialDate as ISO text, `precision` the precision of the
# date, `mapping` strings by name, `number` a float, `instant` a UTC time as ISO 8601 text.
FieldKind = Literal["key", "text", "texts", "date", "precision", "mapping", "number", "instant"]


@dataclass(slots=True, frozen=True)
class PartialDate:
    """A publication date known only to some precision; the year may still be unresolved."""

    year: int | None
    month: int | None = None
    day: int | None = None
    # A weekday named beside a date without a year (0 = Monday): evidence for the year.
    weekday: int | None = None

    @classmethod
    def parse_iso(cls, text: str) -> PartialDate:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (raises ValueError otherwise)."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isascii() and p.isdigit() for p in parts):
            raise ValueError(f"not an ISO date: {text!r}")
        # Four-digit years, one- or two-digit months and days: `00001` is no year 1 (a number
        # too large for its place is left to the range check below, which says so).
        widths = (4, 2, 2)
        if len(parts[0]) < 4 or any(
            len(p) > w and int(p) < 10**w for p, w in zip(parts, widths, strict=False)
        ):
            raise ValueError(f"not an ISO date: {text!r}")
        nums = [int(p) for p in parts] + [None, None]
        if 0 in nums[1:3]:  # month or day 0 would silently mean "the whole year/month"
            raise ValueError(f"not an ISO date: {text!r}")
        date = cls(nums[0], nums[1], nums[2])
        date.start()  # validates month and day
        return date

    @property
    def precision(self) -> Precision | None:
        """How much of the date is known, or None when the year is not."""
        if self.year is None:
            return None
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def iso(self) -> str | None:
        """The date at its known precision (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or None."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def start(self) -> dt.date | None:
        """The first day of the period the date covers."""
        if self.year is None:
            return None
        return dt.date(self.year, self.month or 1, self.day or 1)

    def end(self) -> dt.date | None:
        """The last day of the period the date covers."""
        if self.year is None:
            return None
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)


@dataclass(slots=True, kw_only=True)
class RawRecord:
    """One article as read from disk, before normalisation."""

    id: str
    file: str  # as users see it, e.g. `seeds/a.txt` or `feed.jsonl:12`
    path: Path  # the file read
    kind: RecordKind  # `text` and `html` hold the page in `text`; `fields` holds JSON fields
    text: str = ""
    fields: dict[str, Any] = field(default_factory=dict)  # user-supplied, they win
    mtime: float = 0.0
    origin: str = ""  # the resolved path of the file read (no record number)
    notes: list[str] = field(default_factory=list)  # what loading cleaned (bad characters, id)


@dataclass(slots=True, kw_only=True)
class Article:
    """A normalised article: every field a search, a facet or a page shows."""

    id: str
    file: str
    body: str
    title: str | None = None
    source: str | None = None
    publisher: str | None = None
    date: PartialDate | None = None
    updated: PartialDate | None = None
    byline: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    dateline: str | None = None
    url: str | None = None
    language: str | None = None
    story_id: str | None = None
    # Field name -> where its value came from (`dateline`, `credit-line`, `derived`, ...).
    provenance: dict[str, str] = field(default_factory=dict)
    origin: str = ""  # the resolved path of the file read, for updates (see the module doc)
    mtime: float = 0.0
    indexed_at: dt.datetime | None = None  # when this text entered the index (UTC)

    def to_dict(self) -> dict[str, Any]:
        """The article as JSON-ready data (the shape of `/api/articles/<id>`)."""
        return {f.name: _dump(self, f) for f in ARTICLE_FIELDS if f.public}

    def to_record(self) -> dict[str, Any]:
        """Every field as JSON-ready data, the stored-only ones too (what an index keeps)."""
        return {f.name: _dump(self, f) for f in ARTICLE_FIELDS}

    def join_story(self, story_id: str) -> None:
        """Record the story the article belongs to (the story grouper's finding)."""
        self.story_id = story_id

    def date_from(self, date: PartialDate, how: str) -> None:
        """Take a date learnt after normalisation (from a copy, a weekday) and say how."""
        self.date = date
        self.provenance["date"] = how

    def byline_from(self, byline: list[str], how: str) -> None:
        """Take a byline learnt after normalisation (from a copy) and say how."""
        self.byline = list(byline)
        self.provenance["byline"] = how

    def mark_indexed(self, when: dt.datetime) -> None:
        """Record when the article's text entered the index (kept while its text is unchanged)."""
        self.indexed_at = when


@dataclass(slots=True, frozen=True)
class FieldSpec:
    """One key of an article's data: its kind, what it means, and where it appears."""

    name: str
    kind: FieldKind
    doc: str
    csv: bool = False  # a column of the CSV export
    in_hits: bool = True  # in search hits (the body is only in the article itself)
    public: bool = True  # in the JSON API; otherwise stored in the index only
    attribute: str = ""  # the Article attribute, when it differs from `name`


ARTICLE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "key", "The article's id: its address is /article/<id>.", csv=True),
    FieldSpec("title", "text", "The headline.", csv=True),
    FieldSpec("source", "text", "Outlet credited for the journalism.", csv=True),
    FieldSpec("publisher", "text", "Site the copy was taken from, if not the source.", csv=True),
    FieldSpec("date", "date", "Publication date at its known precision.", csv=True),
    FieldSpec("date_precision", "precision", "How much of the date is known.", attribute="date"),
    FieldSpec("updated", "date", "Date of the last update, when stated."),
    FieldSpec("byline", "texts", "The reporters' names.", csv=True),
    FieldSpec("contributors", "texts", "Others credited (additional reporting, editing)."),
    FieldSpec("dateline", "text", "Place the story was filed from.", csv=True),
    FieldSpec("url", "text", "Where the article was published.", csv=True),
    FieldSpec("file", "key", "The file read, as given (`feed.jsonl:12` for a record).", csv=True),
    FieldSpec("language", "text", "ISO 639-1 code of the text's language."),
    FieldSpec("story_id", "text", "The story the article belongs to.", csv=True),
    FieldSpec(
        "provenance", "mapping", "Where each field's value came from (`supplied`, `copy`, …)."
    ),
    FieldSpec(
        "indexed_at",
        "instant",
        "When the article's text was first indexed (UTC); unchanged by updates that keep it.",
    ),
    FieldSpec(
        "body", "key", "The article's text, paragraphs separated by a blank line.", in_hits=False
    ),
    FieldSpec("origin", "key", "The resolved path of the file read.", public=False),
    FieldSpec("mtime", "number", "Modification time of that file.", public=False),
)


# The fields the normaliser finds in an article (the others come from the file or the index).
EXTRACTED_FIELDS = tuple(f for f in ARTICLE_FIELDS if f.kind in ("text", "texts", "date"))


def _dump(article: Article, spec: FieldSpec) -> Any:
    """One field's JSON value."""
    value = getattr(article, spec.attribute or spec.name)
    if spec.kind == "date":
        return value.iso() if value else None
    if spec.kind == "precision":
        return value.precision if value else None
    if spec.kind == "texts":
        return list(value)
    if spec.kind == "mapping":
        return dict(value)
    if spec.kind == "instant":
        return instant_text(value) if value else None
    return value


def instant_text(when: dt.datetime) -> str:
    """A UTC time as ISO 8601 text with microseconds (`2026-12-06T06:01:02.123456Z`)."""
    return when.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_instant(text: str) -> dt.datetime:
    """A time written by `instant_text` (or any ISO 8601 time; naive means UTC)."""
    when = dt.datetime.fromisoformat(text.strip())
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)


def _load(data: dict[str, Any], spec: FieldSpec) -> Any:
    """One field's value from JSON data (as written by `_dump`)."""
    value = data.get(spec.name)
    if spec.kind == "key":
        return value or ""
    if spec.kind == "date":
        return PartialDate.parse_iso(value) if value else None
    if spec.kind == "texts":
        return list(value or [])
    if spec.kind == "mapping":
        return dict(value or {})
    if spec.kind == "number":
        return float(value or 0.0)
    if spec.kind == "instant":
        return parse_instant(value) if value else None
    return value


@dataclass(slots=True, frozen=True)
class Skipped:
    """A file (or record) that was not indexed, and why."""

    file: str
    reason: str


@dataclass(slots=True, frozen=True)
class Cleaned:
    """A file (or record) indexed after markup or a bad link was removed from it, and what."""

    file: str
    note: str


@dataclass(slots=True, kw_only=True)
class BuildReport:
    """What a rebuild or update did."""

    indexed: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    cleaned: list[Cleaned] = field(default_factory=list)
    stories: int = 0
    copies: int = 0
    seconds: float = 0.0
    generation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "indexed": self.indexed,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "skipped": [{"file": s.file, "reason": s.reason} for s in self.skipped],
            "cleaned": [{"file": c.file, "note": c.note} for c in self.cleaned],
            "stories": self.stories,
            "copies": self.copies,
            "seconds": round(self.seconds, 3),
            "generation": self.generation,
        }


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an article from `Article.to_record()` (or `to_dict()`) output."""
    return Article(**{f.name: _load(data, f) for f in ARTICLE_FIELDS if f.kind != "precision"})


def _check_fields() -> None:
    """Every Article attribute is listed once in ARTICLE_FIELDS (checked at import)."""
    listed = {f.attribute or f.name for f in ARTICLE_FIELDS}
    attributes = {f.name for f in fields(Article)}
    if listed != attributes:
        raise RuntimeError(f"ARTICLE_FIELDS and Article differ: {sorted(listed ^ attributes)}")


_check_fields()
