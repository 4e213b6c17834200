"""Saved searches: named searches kept in a small JSON file, and what each has seen so far.

A saved search is a name and the parameters of a search as the API takes them (`q`, `source`,
`from`, …), so the page, the feed and the CLI run it exactly as `/api/search` would. Each also
remembers `seen_until`: the latest indexing time (`Article.indexed_at`) it has reported. Its
alerts are the matches indexed after that. `seen_until` is a time taken from the index, never
from the clock, so an article a running update stamped before an alert ran, but published
after it, is still reported by the next run.

The file is replaced atomically (`indexer.atomic.write_file`) under an exclusive lock, so two
commands changing it at once never lose each other's change and a crash never leaves it half
written.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from indexer.atomic import write_file
from indexer.backends.base import INDEXED, SearchBackend, SearchQuery
from indexer.errors import NewsIndexError
from indexer.models import Article, instant_text, parse_instant

FILE_NAME = "saved-searches.json"
FORMAT = 1
NAME_RULE = "1 to 64 letters, digits, '-' or '_', starting with a letter or digit"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
# The parameters of a search a saved search keeps: its query and filters (not page or sort).
PARAMS = (
    "q",
    "source",
    "publisher",
    "byline",
    "dateline",
    "month",
    "language",
    "from",
    "to",
    "group",
    "aliases",
)
MAX_SAVED = 1000


class SavedSearchError(NewsIndexError):
    """A saved search that cannot be added, found or read (the message says what to do)."""


class SavedSearchMissing(SavedSearchError):
    """No saved search has the name given."""


def check_name(name: str) -> str:
    """The name if it may name a saved search (it appears in URLs and file names)."""
    if not _NAME.fullmatch(name):
        raise SavedSearchError(f"Invalid saved search name {name!r}: use {NAME_RULE}.")
    return name


@dataclass(slots=True, kw_only=True)
class SavedSearch:
    """One saved search: its name, search parameters and what its alerts have reported."""

    name: str
    params: list[tuple[str, str]]  # API parameters, in order, repeatable (`source` twice)
    created_at: dt.datetime
    checked_at: dt.datetime | None = None  # when its alerts last ran and were printed
    seen_until: dt.datetime | None = None  # matches indexed after this are new
    extra: dict[str, Any] = field(default_factory=dict)  # keys a newer version wrote

    @property
    def query(self) -> str:
        """The query text (empty: every article)."""
        return next((v for k, v in self.params if k == "q"), "")

    def filters(self) -> list[tuple[str, str]]:
        """The parameters other than the query, for display."""
        return [(k, v) for k, v in self.params if k != "q"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (the shape `saved list --json` prints)."""
        return {
            **self.extra,
            "name": self.name,
            "query": self.query,
            "params": [[k, v] for k, v in self.params],
            "created_at": instant_text(self.created_at),
            "checked_at": instant_text(self.checked_at) if self.checked_at else None,
            "seen_until": instant_text(self.seen_until) if self.seen_until else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SavedSearch:
        """Read one entry of the file; ValueError/KeyError/TypeError when it is not one."""
        params = [(str(k), str(v)) for k, v in data["params"]]
        if any(k not in PARAMS for k, _ in params):
            raise ValueError("unknown parameter")
        known = {"name", "query", "params", "created_at", "checked_at", "seen_until"}
        return cls(
            name=check_name(str(data["name"])),
            params=params,
            created_at=parse_instant(data["created_at"]),
            checked_at=parse_instant(data["checked_at"]) if data.get("checked_at") else None,
            seen_until=parse_instant(data["seen_until"]) if data.get("seen_until") else None,
            extra={k: v for k, v in data.items() if k not in known},
        )


def make_params(query: str, options: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The parameters of a saved search: the query, then the options given (empty ones left out)."""
    unknown = sorted({k for k, _ in options if k not in PARAMS})
    if unknown:
        raise SavedSearchError(f"A saved search cannot keep {', '.join(unknown)}.")
    pairs = [("q", query.strip())] if query.strip() else []
    return pairs + [(k, v.strip()) for k, v in options if v.strip()]


class SavedSearches:
    """The saved searches of one instance, in one JSON file."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the file's lock (beside it) while it is read, changed and written."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path.with_name(f".{self.path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the flock

    def _read(self) -> dict[str, SavedSearch]:
        """Every saved search by name; SavedSearchError when the file cannot be read."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise SavedSearchError(f"Cannot read {self.path}: {exc.strerror or exc}.") from exc
        try:
            data = json.loads(raw.decode("utf-8"))
            entries = [SavedSearch.from_dict(item) for item in data["searches"]]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SavedSearchError(
                f"{self.path} is not a saved-searches file newsindex can read "
                f"({exc.__class__.__name__}). Fix or move it away; nothing was changed."
            ) from exc
        return {s.name: s for s in entries}

    def _write(self, searches: dict[str, SavedSearch]) -> None:
        """Replace the file atomically with these searches (sorted by name)."""
        data = {
            "format": FORMAT,
            "searches": [searches[n].to_dict() for n in sorted(searches, key=str.casefold)],
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        write_file(self.path, lambda fh: fh.write(text.encode("utf-8")))

    def all(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        searches = self._read()
        return [searches[n] for n in sorted(searches, key=str.casefold)]

    def get(self, name: str) -> SavedSearch:
        """One saved search; SavedSearchMissing when there is none of that name."""
        found = self._read().get(name)
        if found is None:
            raise SavedSearchMissing(
                f"No saved search named {name!r}: `newsindex saved list` shows them."
            )
        return found

    def add(self, search: SavedSearch, replace: bool = False) -> None:
        """Save a new search (or replace one of the same name when `replace`)."""
        check_name(search.name)
        with self._locked():
            searches = self._read()
            if search.name in searches and not replace:
                raise SavedSearchError(
                    f"A saved search named {search.name!r} exists: remove it first "
                    "(`newsindex saved rm NAME`) or add it again with --replace."
                )
            if search.name not in searches and len(searches) >= MAX_SAVED:
                raise SavedSearchError(f"At most {MAX_SAVED} searches can be saved.")
            searches[search.name] = search
            self._write(searches)

    def remove(self, name: str) -> None:
        """Delete a saved search; SavedSearchMissing when there is none of that name."""
        with self._locked():
            searches = self._read()
            if name not in searches:
                raise SavedSearchMissing(f"No saved search named {name!r}: nothing removed.")
            del searches[name]
            self._write(searches)

    def mark_checked(self, name: str, seen_until: dt.datetime | None, when: dt.datetime) -> None:
        """Record that a search's alerts up to `seen_until` were delivered at `when`."""
        with self._locked():
            searches = self._read()
            search = searches.get(name)
            if search is None:  # removed while its alerts ran: nothing to record
                return
            search.checked_at = when
            if seen_until is not None and (
                search.seen_until is None or seen_until > search.seen_until
            ):
                search.seen_until = seen_until
            self._write(searches)


ALERT_CAP = 1000  # new matches one alert lists at most (the rest are counted)


@dataclass(slots=True)
class Alert:
    """The matches of a saved search indexed since it last reported, and what to record."""

    search: SavedSearch
    total: int  # new matches (the list may hold fewer: ALERT_CAP)
    articles: list[Article]  # most recently indexed first
    seen_until: dt.datetime | None  # the index's latest indexing time when it was checked
    total_exact: bool = True

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (the shape of `newsindex alerts --json`)."""
        return {
            "name": self.search.name,
            "query": self.search.query,
            "params": [[k, v] for k, v in self.search.params],
            "since": instant_text(self.search.seen_until) if self.search.seen_until else None,
            "until": instant_text(self.seen_until) if self.seen_until else None,
            "total": self.total,
            "total_exact": self.total_exact,
            "articles": [_alert_item(a) for a in self.articles],
        }


def _alert_item(article: Article) -> dict[str, Any]:
    """What an alert shows of one article: its fields without the body."""
    data = article.to_dict()
    data.pop("body")
    return data


def latest_indexed(backend: SearchBackend) -> dt.datetime | None:
    """The latest indexing time of any article in the index (None: empty, or none recorded)."""
    found = backend.search(
        SearchQuery(
            sort=INDEXED,
            per_page=1,
            snippets=0,
            facets=False,
            histogram=False,
            suggest=False,
            group=False,
        )
    )
    return found.hits[0].article.indexed_at if found.hits else None


def new_matches(
    backend: SearchBackend, search: SavedSearch, sq: SearchQuery, cap: int = ALERT_CAP
) -> Alert:
    """The articles matching `sq` indexed after the search's `seen_until`, newest indexed first.

    `backend` must stay one generation for the call (a held backend): the time recorded
    afterwards is that generation's latest, so nothing published later is skipped.
    """
    until = latest_indexed(backend)
    found = backend.export(replace(sq, indexed_after=search.seen_until, sort=INDEXED), cap=cap)
    return Alert(search, found.total, list(found), until, found.total_exact)
