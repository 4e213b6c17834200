"""A search's counts over one shard's columns, in a form that adds up over shards.

Remote shards keep no columns in the searching process, and counting by match spies reads the
value slots of every match on the servers (the empty query at 100k articles: 330 ms at p95). A
count server next to each shard (`countserver`) counts over that shard's columns instead, and
the searching process adds the shards' counts up (`merge`):

- the total is a sum, and so is each facet value's count (an article lives in one shard);
- stories may span shards (articles are routed by their own id): each shard counts its
  matched articles that are a story alone and sends a 64-bit hash of each other story it
  matched, and the distinct hashes are counted;
- the chart's counts are per "ordinal:precision[ MULTI_SEP source]" key, as the chart slot's
  match spy gives them, so the same code draws the chart;
- a chart of stories counts each story once, at its earliest dated article: a shard charts its
  matched stories of one article, and sends, beside each other story's hash, the chart key of
  that story's earliest dated article in the shard; the searcher keeps each story's earliest key
  over the shards (the first shard's on a tie, as local shards break it).

What the searcher and the count servers send each other besides is in `countwire`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from functools import reduce
from typing import Any

import numpy as np

from indexer.backends.base import FACETS, SearchQuery
from indexer.backends.xapian.columns import ShardTables
from indexer.backends.xapian.schema import SOLO
from indexer.query.facets import MULTI_SEP

MAGIC = b"NXC1"  # the start of a count server's counts (`ShardCounts.to_bytes`)
UNDATED = 0xFFFFFFFF  # a story key index: no article of the story in the shard is dated
# A chart key as `_key_texts` writes it: a day's ordinal, a precision code, perhaps a source.
CHART_KEY = re.compile(r"([1-9][0-9]{0,6}):[0-3](?:\x1f.*)?", re.DOTALL)
LAST_DAY = dt.date.max.toordinal()


@dataclass(slots=True)
class ShardCounts:
    """What one shard counted for a search."""

    total: int
    solo: int  # matched stories of one article (in no other shard)
    stories: np.ndarray  # sorted 64-bit hashes of the other matched stories
    facets: dict[str, dict[str, int]]  # facet -> value -> articles (each without its selection)
    chart: dict[str, int] | None  # "ordinal:precision[ MULTI_SEP source]" -> articles
    page: list[list[int]] | None = None  # a date-ordered page's first places (`shardpage`)
    stamp: str = ""  # the stamp of the revision counted (`schema.stamp`)
    # A chart of stories: its distinct chart keys, and for each story of `stories` the index of
    # its earliest dated article's key here (UNDATED when none is dated).
    story_keys: list[str] | None = None
    story_key_index: np.ndarray | None = None

    def to_bytes(self) -> bytes:
        """The counts as sent: MAGIC, the JSON part's length (8 bytes, little-endian), the JSON
        part, then the story hashes as little-endian 64-bit integers (no text encoding) and,
        for a chart of stories, their key indexes as little-endian 32-bit integers."""
        part = {"total": self.total, "solo": self.solo, "facets": self.facets,
                "chart": self.chart, "page": self.page, "stamp": self.stamp,
                "story_keys": self.story_keys, "shared": len(self.stories)}  # fmt: skip
        encoded = json.dumps(part).encode()
        hashes = self.stories.astype("<u8").tobytes()
        if self.story_key_index is not None:
            hashes += self.story_key_index.astype("<u4").tobytes()
        return MAGIC + len(encoded).to_bytes(8, "little") + encoded + hashes

    @classmethod
    def from_bytes(cls, data: bytes) -> ShardCounts:
        """Read what `to_bytes` wrote; ValueError when it is not that."""
        if data[: len(MAGIC)] != MAGIC:
            raise ValueError("not a count server's counts")
        start = len(MAGIC) + 8
        end = start + int.from_bytes(data[len(MAGIC) : start], "little")
        part = json.loads(data[start:end])
        if not isinstance(part, dict):
            raise ValueError("malformed counts")
        keys = part.get("story_keys")
        width = 8 if keys is None else 12  # a hash, and for a chart of stories its key index
        if not isinstance(part.get("facets"), dict) or len(data) < end or (len(data) - end) % width:
            raise ValueError("malformed counts")
        count = (len(data) - end) // width
        if part.get("shared", count) != count:  # key indexes sent without keys, or cut short
            raise ValueError("malformed counts: the story hashes do not fit their number")
        index = None
        if keys is not None:
            index = np.frombuffer(data[end + 8 * count :], dtype="<u4")
            if (
                not isinstance(keys, list)
                or not all(map(_chart_key, keys))
                or np.any((index >= len(keys)) & (index != UNDATED))
            ):
                raise ValueError("malformed story keys")
        chart = part.get("chart")
        if chart is not None and (
            not isinstance(chart, dict)
            or not all(map(_chart_key, chart))
            or not all(isinstance(n, int) and n >= 0 for n in chart.values())
        ):
            raise ValueError("malformed chart counts")
        return cls(
            total=int(part["total"]),
            solo=int(part["solo"]),
            stories=np.frombuffer(data[end : end + 8 * count], dtype="<u8"),
            facets=part["facets"],
            chart=chart,
            page=part.get("page"),
            stamp=str(part.get("stamp", "")),
            story_keys=keys,
            story_key_index=index,
        )


def _chart_key(key: Any) -> bool:
    """Whether a count server's chart key is one `_key_texts` could have written."""
    found = CHART_KEY.fullmatch(key) if isinstance(key, str) else None
    return found is not None and int(found[1]) <= LAST_DAY


def story_hashes(keys: list[str]) -> np.ndarray:
    """A 64-bit hash of each story key (BLAKE2b: the same in every process and machine)."""
    digests = b"".join(hashlib.blake2b(k.encode(), digest_size=8).digest() for k in keys)
    return np.frombuffer(digests, dtype="<u8").astype(np.uint64)


def count_rows(
    sq: SearchQuery,
    shards: ShardTables,
    base: np.ndarray,
    chosen: dict[str, np.ndarray],
    final: np.ndarray,
) -> ShardCounts:
    """Count a shard's selected rows (`facets.select`'s masks) for a search."""
    tables = shards.tables
    facets = _facet_counts(tables, base, chosen) if sq.facets else {}
    counts = ShardCounts(total=int(final.sum()), solo=0, stories=np.zeros(0, np.uint64),
                         facets=facets, chart=None)  # fmt: skip
    if sq.histogram and sq.chart_stories:
        _story_chart(shards, final, sq.chart_by_source, counts)  # counts the stories too
        return counts
    counts.solo, counts.stories = _stories(shards, final)
    if sq.histogram:
        counts.chart = _chart_counts(tables, final, sq.chart_by_source)
    return counts


def _stories(shards: ShardTables, final: np.ndarray) -> tuple[int, np.ndarray]:
    """The selected stories of one article alone (counted: no other shard holds them), and the
    hashes of the others (a story's copies may lie in several shards)."""
    tables = shards.tables
    hashes, alone = story_columns(shards)
    codes = tables.stories.codes[final]
    seen = np.zeros(len(tables.story_keys), dtype=bool)
    seen[codes[codes >= 0]] = True
    solo = seen & alone
    return int(np.count_nonzero(solo)), np.sort(hashes[seen & ~solo])


def _story_chart(
    shards: ShardTables, final: np.ndarray, by_source: bool, into: ShardCounts
) -> None:
    """Count the matched stories as `_stories` does, chart those of one article (each at its
    article), and give each other story's earliest dated article's chart key, in the order of
    the story hashes."""
    tables = shards.tables
    hashes, alone = story_columns(shards)
    earliest = np.flatnonzero(tables.stories.representatives(final, tables.dates.ordinal))
    codes = tables.stories.codes[earliest]
    earliest, codes = earliest[codes >= 0], codes[codes >= 0]  # none is deleted, as `_stories`
    mine = alone[codes]
    into.solo = int(np.count_nonzero(mine))
    solo = np.zeros_like(final)
    solo[earliest[mine]] = True
    into.chart = _chart_counts(tables, solo, by_source)
    rows, story = earliest[~mine], hashes[codes[~mine]]
    order = np.argsort(story, kind="stable")
    rows, into.stories = rows[order], story[order]
    keys = _row_keys(tables, rows, by_source)
    dated = keys >= 0
    unique, index = np.unique(keys[dated], return_inverse=True)
    into.story_keys = _key_texts(tables, unique, by_source)
    into.story_key_index = np.full(len(rows), UNDATED, dtype=np.uint32)
    into.story_key_index[dated] = index


def story_columns(shards: ShardTables) -> tuple[np.ndarray, np.ndarray]:
    """Each story's 64-bit hash and whether it is one article alone (made once per tables)."""
    keys = shards.tables.story_keys
    if shards.story_hashes is None or len(shards.story_hashes) != len(keys):
        shards.story_solo = np.fromiter((key.startswith(SOLO) for key in keys), dtype=bool)
        shards.story_hashes = story_hashes(keys)
    assert shards.story_solo is not None
    return shards.story_hashes, shards.story_solo


def _facet_counts(
    tables: Any, base: np.ndarray, chosen: dict[str, np.ndarray]
) -> dict[str, dict[str, int]]:
    """Each facet's non-zero counts over the matches with the other facets' selections."""
    out = {}
    masks: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = {}
    for name in FACETS:
        others = tuple(other for other in chosen if other != name)
        if others not in masks:
            mask = reduce(np.logical_and, (chosen[o] for o in others), base)
            masks[others] = (mask, np.flatnonzero(mask))
        column = tables.facets[name]
        counts = column.counts(*masks[others])
        present = np.flatnonzero(counts)
        out[name] = dict(
            zip([column.labels[i] for i in present.tolist()], counts[present].tolist(), strict=True)
        )
    return out


def _chart_counts(tables: Any, final: np.ndarray, by_source: bool) -> dict[str, int]:
    """Dated matches per "ordinal:precision" key (and first source, when charted by source)."""
    keys = _row_keys(tables, np.flatnonzero(final), by_source)
    unique, counts = np.unique(keys[keys >= 0], return_counts=True)
    return dict(zip(_key_texts(tables, unique, by_source), counts.tolist(), strict=True))


def _row_keys(tables: Any, rows: np.ndarray, by_source: bool) -> np.ndarray:
    """Each row's chart key as one number (-1 for an undated row): ordinal * 4 + precision,
    times the sources and one more plus the row's first source and one, when by source."""
    ordinal = tables.dates.ordinal[rows].astype(np.int64)
    keys = ordinal * 4 + tables.dates.precision[rows]
    if by_source:
        sources = tables.facets["source"]
        first = sources.per_document(tables.size)[rows].astype(np.int64)
        keys = keys * (len(sources.labels) + 1) + first + 1
    return np.where(ordinal > 0, keys, -1)


def _key_texts(tables: Any, keys: np.ndarray, by_source: bool) -> list[str]:
    """The "ordinal:precision[ MULTI_SEP source]" form of `_row_keys`' numbers."""
    if not by_source:
        return [_date_key(k) for k in keys.tolist()]
    labels = tables.facets["source"].labels
    out = []
    for pair in keys.tolist():
        key, source = divmod(pair, len(labels) + 1)
        out.append(_date_key(key) + (MULTI_SEP + labels[source - 1] if source else ""))
    return out


def _date_key(key: int) -> str:
    """The chart slot's "ordinal:precision" form of ordinal * 4 + precision."""
    ordinal, precision = divmod(key, 4)
    return f"{ordinal}:{precision}"


def merge(
    parts: list[ShardCounts], stories_chart: bool = False
) -> tuple[int, int, dict[str, dict[str, int]], dict[str, int] | None]:
    """(total, stories, facet value counts, chart counts) of the shards together; the chart is
    None when one shard sent none, or, for a chart of stories, no story keys (a count server of
    an earlier version charts articles: the search is then charted another way)."""
    total = sum(p.total for p in parts)
    hashes = np.sort(np.concatenate([p.stories for p in parts])) if parts else np.zeros(0)
    # Distinct hashes of sorted ones (np.unique hashes its input: 15 ms for 56k at 100k articles).
    shared = int(np.count_nonzero(hashes[1:] != hashes[:-1])) + 1 if len(hashes) else 0
    stories = sum(p.solo for p in parts) + shared
    facets: dict[str, dict[str, int]] = {}
    for part in parts:
        for name, counts in part.facets.items():
            into = facets.setdefault(name, {})
            for value, n in counts.items():
                into[value] = into.get(value, 0) + n
    chart: dict[str, int] | None = None
    unusable = any(p.chart is None or (stories_chart and p.story_keys is None) for p in parts)
    if parts and not unusable:
        chart = {}
        for part in parts:
            for key, n in (part.chart or {}).items():
                chart[key] = chart.get(key, 0) + n
        if stories_chart:
            for key, n in _earliest_keys(parts).items():
                chart[key] = chart.get(key, 0) + n
    return total, stories, facets, chart


def _earliest_keys(parts: list[ShardCounts]) -> dict[str, int]:
    """The stories spanning shards per chart key of their earliest dated article (the first
    shard's on a tie of days)."""
    texts: list[str] = []
    hashes, days, shards, keys = [], [], [], []
    for n, part in enumerate(parts):
        index = part.story_key_index
        if index is None or part.story_keys is None:
            raise ValueError("a shard sent no story keys for a chart of stories")
        ordinals = np.asarray([int(k.partition(":")[0]) for k in part.story_keys] + [0], np.int64)
        undated = index == UNDATED
        at = np.where(undated, len(part.story_keys), index).astype(np.int64)
        hashes.append(part.stories)
        days.append(np.where(undated, np.iinfo(np.int64).max, ordinals[at]))
        shards.append(np.full(len(index), n))
        keys.append(np.where(undated, -1, at + len(texts)))
        texts.extend(part.story_keys)
    story, day = np.concatenate(hashes), np.concatenate(days)
    order = np.lexsort((np.concatenate(shards), day, story))
    story = story[order]
    first = np.ones(len(story), dtype=bool)
    first[1:] = story[1:] != story[:-1]
    chosen = np.concatenate(keys)[order][first]
    unique, counts = np.unique(chosen[chosen >= 0], return_counts=True)
    out: dict[str, int] = {}
    for k, n in zip(unique.tolist(), counts.tolist(), strict=True):
        out[texts[k]] = out.get(texts[k], 0) + n  # shards write the same key
    return out
