"""Grouping articles into stories, incrementally, with the state kept as JSON and numpy arrays."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from indexer.atomic import write_file
from indexer.errors import NewsIndexError
from indexer.models import Article, PartialDate
from indexer.syndication.copies import COPY, year_for
from indexer.syndication.fingerprint import Fingerprinter
from indexer.syndication.matching import (
    Rules,
    candidate_pairs,
    codes,
    pairs_of_few,
    same_story,
)

if TYPE_CHECKING:
    from datasketch import LeanMinHash

STATE_FILE = "syndication.json"
SIGNATURES_FILE = "syndication-signatures.npy"
LINKS_FILE = "syndication-links.npy"
FORMAT = "newsindex-syndication"
FORMAT_VERSION = 1

_CREDIT = re.compile(r"\(([A-Z][\w&.' -]{0,40}?)\)\s*[-\u2013\u2014]")
_WORD = re.compile(r"\w+")
_MIN_SHINGLES = 10  # fewer cannot be told apart from a shared stock phrase
_PAIRS_PER_PASS = 50_000
_FEW_PENDING = 50  # pending rows up to 1/50 of all: an update, whose pairs are looked up


@dataclass(slots=True, frozen=True)
class StoryGroup:
    """One story: the article that published it first, then its copies."""

    story_id: str
    members: tuple[str, ...]  # article ids, the first publisher first
    source: str | None = None  # the outlet most members credit

    @property
    def first(self) -> str:
        """The id of the first publisher's article."""
        return self.members[0]

    @property
    def copies(self) -> tuple[str, ...]:
        """The ids of the republished copies."""
        return self.members[1:]


@dataclass(slots=True)
class _Entry:
    """What the grouper keeps of an article: enough to order and judge, never the body."""

    id: str
    size: int  # distinct shingles
    source: str | None
    credit: str | None  # casefolded credit line, e.g. "reuters" from "SHANGHAI (Reuters) -"
    title: str | None  # casefolded headline words
    date: tuple[int | None, int | None, int | None] | None  # as stated, not taken from a copy
    wire: bool  # published by the credited outlet itself, not by a portal

    @classmethod
    def of(cls, article: Article, size: int) -> _Entry:
        """Summarise an article."""
        # The credit line in the text, not `source`: a portal page without one is credited to
        # the portal itself, which would make all the portal's pages look alike.
        credit = _CREDIT.search(article.body[:400])
        words = _WORD.findall(article.title.casefold()) if article.title else []
        date = article.date if article.provenance.get("date") != COPY else None
        publisher = (article.publisher or "").casefold()
        return cls(
            id=article.id,
            size=size,
            source=article.source,
            credit=credit.group(1).casefold() if credit else None,
            title=" ".join(words) or None,
            date=(date.year, date.month, date.day) if date else None,
            wire=not publisher or publisher == (article.source or "").casefold(),
        )


def _story_id(key: str) -> str:
    """A story id derived from a key, the same on every rebuild."""
    return "story-" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


class StoryGrouper:
    """Articles grouped into stories; `add` and `remove` regroup only the stories they touch.

    A pair of articles is linked when the share of the shorter text found in the longer
    (containment, estimated without boilerplate values) reaches `threshold`, or
    `evidence_threshold` when both carry the same credit line or headline; when too few
    uncommon values remain to judge, only a near-identical text (containment at least
    `near_identical`) is linked. Values held by more than `common_limit` articles are
    boilerplate; a pair needs `min_matches` equal values. Stories are the connected components
    of the links.
    """

    def __init__(
        self,
        num_perm: int = 128,
        *,
        seed: int = 1,
        shingle_words: int = 5,
        threshold: float = 0.7,
        evidence_threshold: float = 0.5,
        near_identical: float = 0.9,
        common_limit: int = 20,
        min_matches: int = 5,
    ) -> None:
        self.params: dict[str, Any] = {
            "num_perm": num_perm,
            "seed": seed,
            "shingle_words": shingle_words,
            "threshold": threshold,
            "evidence_threshold": evidence_threshold,
            "near_identical": near_identical,
            "common_limit": common_limit,
            "min_matches": min_matches,
        }
        self._fingerprint = Fingerprinter(num_perm, seed, shingle_words)
        self._rules = Rules(
            threshold, evidence_threshold, near_identical, common_limit, min_matches
        )
        self._sigs = np.empty((0, num_perm), np.uint32)
        self._entries: list[_Entry | None] = []
        self._rows: dict[str, int] = {}
        self._links: dict[int, set[int]] = {}
        self._pending: set[int] = set()  # rows whose candidate pairs are not verified yet
        self._dirty: set[int] = set()  # rows whose story must be worked out again
        self._stale: set[str] = set()  # stories that lost an article
        self._stories: dict[str, StoryGroup] = {}
        self._story_of: dict[str, str] = {}
        self._changed: set[str] = set()
        self._moved: set[str] = set()

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._rows

    def add(self, article: Article, fingerprint: tuple[np.ndarray, int] | None = None) -> None:
        """Fingerprint an article (unless given its fingerprint), replacing an earlier version."""
        if article.id in self._rows:
            self.remove(article.id)
        sig, size = fingerprint if fingerprint is not None else self._fingerprint(article.body)
        row = len(self._entries)
        if row == len(self._sigs):
            grown = np.empty((max(64, 2 * row), self.params["num_perm"]), np.uint32)
            grown[:row] = self._sigs[:row]
            self._sigs = grown
        self._sigs[row] = sig
        self._entries.append(_Entry.of(article, size))
        self._rows[article.id] = row
        self._dirty.add(row)
        if size >= _MIN_SHINGLES:
            self._pending.add(row)

    def remove(self, article_id: str) -> None:
        """Forget an article; its story loses it and may split (KeyError if unknown)."""
        row = self._rows.pop(article_id)
        self._entries[row] = None
        self._pending.discard(row)
        self._dirty.discard(row)
        for other in self._links.pop(row, ()):
            self._links[other].discard(row)
        story = self._story_of.pop(article_id, None)
        if story is not None:
            self._stale.add(story)

    def minhash(self, article_id: str) -> LeanMinHash:
        """The article's fingerprint as a datasketch LeanMinHash."""
        return self._fingerprint.lean(self._sigs[self._rows[article_id]])

    def groups(self) -> list[StoryGroup]:
        """The current stories, singletons included."""
        self._regroup()
        return list(self._stories.values())

    def story_of(self, article_id: str) -> str:
        """The story id of an article (KeyError if unknown)."""
        self._regroup()
        return self._story_of[article_id]

    def story(self, story_id: str) -> StoryGroup:
        """One story by its id (KeyError if unknown)."""
        self._regroup()
        return self._stories[story_id]

    def changed(self) -> set[str]:
        """Ids whose story id or story members changed since the grouper was made or loaded."""
        self._regroup()
        return set(self._changed)

    def moved(self) -> set[str]:
        """Ids whose story id changed since the grouper was made or loaded (a subset of changed)."""
        self._regroup()
        return set(self._moved)

    def _regroup(self) -> None:
        """Link new articles, then work out again the stories that gained or lost one."""
        self._link_pending()
        if not self._dirty and not self._stale:
            return
        touched = set(self._stale)
        touched.update(s for r in self._dirty if (s := self._story_of.get(self._entries[r].id)))
        starts = set(self._dirty)
        for story in touched & self._stories.keys():
            starts.update(self._rows[m] for m in self._stories[story].members if m in self._rows)
        components = self._components(sorted(starts))
        # A component may hold stories this change did not touch; they are split again too.
        touched.update(
            s for rows in components for r in rows if (s := self._story_of.get(self._entries[r].id))
        )
        before = {s: self._stories.pop(s) for s in touched if s in self._stories}
        stories = []
        for rows in components:
            for star in self._stars(rows):
                kept = self._unchanged(star, before)
                if kept is None:
                    stories.append(self._ordered(star))
                else:  # the same articles as before, none of them changed: as it was
                    self._stories[kept.story_id] = before.pop(kept.story_id)
        for entries, name in zip(stories, self._names(stories), strict=True):
            members = tuple(e.id for e in entries)
            credits = Counter(e.source for e in entries if e.source)
            source = max(credits, key=lambda s: (credits[s], s == entries[0].source), default=None)
            self._stories[name] = StoryGroup(story_id=name, members=members, source=source)
            self._moved.update(m for m in members if self._story_of.get(m) != name)
            self._story_of.update(dict.fromkeys(members, name))
            if name not in before or set(before[name].members) != set(members):
                self._changed.update(members)
        self._dirty.clear()
        self._stale.clear()

    def _components(self, starts: list[int]) -> list[list[int]]:
        """The connected components of the links that hold the given rows."""
        seen: set[int] = set()
        components = []
        for row in starts:
            if row in seen:
                continue
            component, stack = [], [row]
            seen.add(row)
            while stack:
                current = stack.pop()
                component.append(current)
                for other in self._links.get(current, ()):
                    if other not in seen:
                        seen.add(other)
                        stack.append(other)
            components.append(component)
        return components

    def _stars(self, rows: list[int]) -> list[list[int]]:
        """Split a component into stories whose every copy is linked to the story's centre.

        Links chain: A copies part of B, B of C, and so on, until thousands of articles that
        share a paragraph pairwise form one component. The best-linked article becomes a
        centre and takes the articles linked to it; an article linked to no centre starts a
        story of its own. A story copied whole by every outlet (every pair linked) stays one.
        """
        if len(rows) <= 2:
            return [rows]
        order = sorted(rows, key=lambda r: (-len(self._links.get(r, ())), self._entries[r].id))
        rank = {row: n for n, row in enumerate(order)}
        stars: dict[int, list[int]] = {}
        for row in order:
            centres = [c for c in self._links.get(row, ()) if c in stars]
            if centres:
                stars[min(centres, key=rank.__getitem__)].append(row)
            else:
                stars[row] = [row]
        return list(stars.values())

    def _unchanged(self, rows: list[int], before: dict[str, StoryGroup]) -> StoryGroup | None:
        """The story these rows formed before, if it had exactly them and none changed since."""
        first = self._entries[rows[0]]
        story = before.get(self._story_of.get(first.id, ""))
        if story is None or len(story.members) != len(rows):
            return None
        name = story.story_id
        for row in rows:
            if row in self._dirty or self._story_of.get(self._entries[row].id) != name:
                return None
        return story

    def _ordered(self, rows: list[int]) -> list[_Entry]:
        """A story's articles, the first publisher first: earliest date, else the wire itself."""
        entries = [self._entries[r] for r in rows]
        if len(entries) == 1:
            return entries
        dated = [PartialDate(*e.date) for e in entries if e.date and e.date[0] is not None]
        dated.sort(key=lambda d: d.start())

        def key(entry: _Entry) -> tuple[dt.date, bool, str]:
            date = PartialDate(*entry.date) if entry.date else None
            if date and date.year is None and date.month:
                year = year_for(date, dated)
                date = PartialDate(year, date.month, date.day) if year else None
            return ((date and date.start()) or dt.date.max, not entry.wire, entry.id)

        return sorted(entries, key=key)

    def _names(self, stories: list[list[_Entry]]) -> list[str]:
        """Story ids: the id most of a story's articles had before, else one from its first."""
        names: dict[int, str] = {}
        taken = set(self._stories)
        # Larger stories claim an inherited id first, so a split keeps the id on its main part.
        for i in sorted(range(len(stories)), key=lambda i: -len(stories[i])):
            votes = Counter(self._story_of[e.id] for e in stories[i] if e.id in self._story_of)
            for name, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
                if name not in taken:
                    names[i] = name
                    taken.add(name)
                    break
        for i, entries in enumerate(stories):
            if i not in names:
                name = _story_id(entries[0].id)
                if name in taken:
                    name = _story_id("\n".join(sorted(e.id for e in entries)))
                names[i] = name
                taken.add(name)
        return [names[i] for i in range(len(stories))]

    def _link_pending(self) -> None:
        """Find and verify the candidate pairs that involve an article added since last time."""
        if not self._pending:
            return
        valid = np.array([e is not None and e.size >= _MIN_SHINGLES for e in self._entries])
        if len(self._pending) * _FEW_PENDING <= len(self._entries):
            # An update: look up the new articles' values instead of sorting the archive's.
            pending = np.fromiter(self._pending, np.intp, len(self._pending))
            pairs, involved, common = pairs_of_few(
                self._sigs[: len(valid)], valid, pending, self._rules
            )
            rows, pairs = involved.tolist(), np.searchsorted(involved, pairs)
            sigs = self._sigs[involved]
        else:
            rows = np.flatnonzero(valid).tolist()
            sigs = self._sigs[rows]
            pending = np.array([r in self._pending for r in rows], bool)
            pairs, common = candidate_pairs(sigs, pending, self._rules)
        self._verify_pairs(rows, sigs, common, pairs.reshape(-1, 2))
        self._pending.clear()

    def _verify_pairs(
        self, rows: list[int], sigs: np.ndarray, common: np.ndarray, pairs: np.ndarray
    ) -> None:
        """Link the candidate pairs (indexes into `rows`) that `same_story` accepts."""
        entries = [self._entries[r] for r in rows]
        facts = (
            np.array([e.size for e in entries], float),
            codes([e.credit for e in entries]),
            codes([e.title for e in entries]),
        )
        for start in range(0, len(pairs), _PAIRS_PER_PASS):
            chunk = pairs[start : start + _PAIRS_PER_PASS]
            for a, b in chunk[same_story(sigs, common, facts, chunk, self._rules)].tolist():
                self._links.setdefault(rows[a], set()).add(rows[b])
                self._links.setdefault(rows[b], set()).add(rows[a])
                self._dirty.update((rows[a], rows[b]))

    def save(self, directory: Path) -> None:
        """Write the grouping state into a directory (e.g. the index generation's)."""
        groups = self.groups()
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        alive = [r for r, e in enumerate(self._entries) if e is not None]
        position = np.full(len(self._entries), -1, np.int64)
        position[alive] = np.arange(len(alive))
        pairs = [(a, b) for a, others in self._links.items() for b in others if a < b]
        link_array = position[np.array(pairs, np.int64).reshape(-1, 2)].astype(np.int32)
        link_array = link_array[np.lexsort((link_array[:, 1], link_array[:, 0]))]
        entries = [self._entries[r] for r in alive]
        state = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "params": self.params,
            "articles": {f: list(map(attrgetter(f), entries)) for f in _Entry.__slots__},
            "stories": [[g.story_id, g.source, list(g.members)] for g in groups],
        }
        write_file(directory / SIGNATURES_FILE, lambda fh: np.save(fh, self._sigs[alive]))
        write_file(directory / LINKS_FILE, lambda fh: np.save(fh, link_array))
        write_file(directory / STATE_FILE, lambda fh: fh.write(json.dumps(state).encode()))

    @classmethod
    def load(cls, directory: Path) -> StoryGrouper:
        """Read the grouping state that `save` wrote; no body is read again."""
        directory = Path(directory)
        try:
            state = json.loads((directory / STATE_FILE).read_text(encoding="utf-8"))
            sigs = np.load(directory / SIGNATURES_FILE)
            links = np.load(directory / LINKS_FILE)
        except (OSError, ValueError) as error:
            raise NewsIndexError(
                f"Cannot read the story grouping in {directory} ({error}): rebuild the index."
            ) from error
        if state.get("format") != FORMAT or state.get("version") != FORMAT_VERSION:
            raise NewsIndexError(
                f"The story grouping in {directory} has an unknown format: rebuild the index."
            )
        grouper = cls(**state["params"])
        grouper._sigs = sigs.astype(np.uint32, copy=False)
        columns = state["articles"]
        columns["date"] = [tuple(d) if d else None for d in columns["date"]]
        fields = zip(*(columns[f] for f in _Entry.__slots__), strict=True)
        grouper._entries = [_Entry(*values) for values in fields]
        grouper._rows = {article_id: row for row, article_id in enumerate(columns["id"])}
        grouper._links = _adjacency(links)
        stories = state["stories"]
        grouper._stories = {
            s: StoryGroup(s, tuple(members), source) for s, source, members in stories
        }
        grouper._story_of = {m: s for s, _, members in stories for m in members}
        return grouper


def _adjacency(links: np.ndarray) -> dict[int, set[int]]:
    """Each row's linked rows, from the saved (a, b) pairs."""
    if not len(links):
        return {}
    ends = np.concatenate([links[:, 0], links[:, 1]])
    others = np.concatenate([links[:, 1], links[:, 0]])
    order = np.argsort(ends, kind="stable")
    ends, others = ends[order], others[order]
    rows, starts = np.unique(ends, return_index=True)
    stops = [*starts[1:].tolist(), len(others)]
    linked = others.tolist()
    return {
        row: set(linked[start:stop])
        for row, start, stop in zip(rows.tolist(), starts.tolist(), stops, strict=True)
    }
