"""Value types shared by the loaders, the normaliser, the pipeline and the backends."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
RecordKind = Literal["text", "html", "fields"]


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
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
            raise ValueError(f"not an ISO date: {text!r}")
        nums = [int(p) for p in parts] + [None, None]
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
    file: str  # as reached from the paths given, e.g. `seeds/a.txt` or `feed.jsonl:12`
    path: Path  # the real file the record came from
    kind: RecordKind  # `text` and `html` hold the page in `text`; `fields` holds JSON fields
    text: str = ""
    fields: dict[str, Any] = field(default_factory=dict)  # user-supplied, they win
    mtime: float = 0.0


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
    origin: str = ""  # label of the file read, without a JSONL line number (for updates)
    mtime: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The article as JSON-ready data (the shape of `/api/articles/<id>`)."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "publisher": self.publisher,
            "date": self.date.iso() if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "updated": self.updated.iso() if self.updated else None,
            "byline": list(self.byline),
            "contributors": list(self.contributors),
            "dateline": self.dateline,
            "url": self.url,
            "file": self.file,
            "language": self.language,
            "story_id": self.story_id,
            "provenance": dict(self.provenance),
            "body": self.body,
        }


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
    """Rebuild an article from `Article.to_dict()` output (as stored in an index)."""
    date = data.get("date")
    updated = data.get("updated")
    return Article(
        id=data["id"],
        file=data.get("file") or "",
        body=data.get("body") or "",
        title=data.get("title"),
        source=data.get("source"),
        publisher=data.get("publisher"),
        date=PartialDate.parse_iso(date) if date else None,
        updated=PartialDate.parse_iso(updated) if updated else None,
        byline=list(data.get("byline") or []),
        contributors=list(data.get("contributors") or []),
        dateline=data.get("dateline"),
        url=data.get("url"),
        language=data.get("language"),
        story_id=data.get("story_id"),
        provenance=dict(data.get("provenance") or {}),
        origin=data.get("origin") or "",
        mtime=float(data.get("mtime") or 0.0),
    )
