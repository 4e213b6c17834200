"""A date-ordered page over shards: each shard's first places, merged by the searcher.

Sorting remote shards by a value slot makes every server read the slot of every match (the
empty query, newest first, at 100k articles: 13 to 40 ms). A count server holds its shard's
columns, so it picks its first places as a local search does (`order.first_in_order`): the
ascending sort key, the article's docid in the combined database, which breaks ties as Xapian
does, and its story's hash (0 for an article alone). The searcher merges the shards' places in
that order, keeps each story's first place when grouping, and takes the page.

The merge is exact. Each shard sends a prefix of its own order with one place a story (or all
it has), so a shard that sent `want` places holds `want` stories at or before its last place,
and the page's last place comes at or before that last place. A story's place kept from one
shard is its first overall: an earlier copy in another shard would come before that shard's
last place (had it not been sent, that shard's last place, and so the page's, would come before
it), so it was sent and kept first.
"""

from __future__ import annotations

import numpy as np

from indexer.backends.xapian.columns import ShardTables
from indexer.backends.xapian.shardcounts import story_columns
from indexer.query.order import first_in_order, order_keys


def first_places(
    shards: ShardTables, final: np.ndarray, sort: str, group: bool, want: int, shard: int, of: int
) -> list[list[int]]:
    """[key, combined docid, story hash] of one shard's first `want` selected rows in order
    (one a story when grouping); `shard` is its number among `of` shards."""
    rows = np.flatnonzero(final)
    keys = order_keys(rows, shards.tables, sort)
    xids = (shards.xids - 1) * of + shard + 1  # a shard alone: its xids are its docids
    stories = shards.tables.stories if group else None
    picked = first_in_order(rows, keys, want, ties=xids[rows], stories=stories)
    hashes, alone = story_columns(shards)
    codes = shards.tables.stories.codes[picked]
    story = np.where(alone[codes], 0, hashes[codes])
    at = np.searchsorted(rows, picked)
    return [
        [k, x, h]
        for k, x, h in zip(keys[at].tolist(), xids[picked].tolist(), story.tolist(), strict=True)
    ]


def merge_places(parts: list[list[list[int]]], want: int, group: bool) -> list[int]:
    """The combined docids of the first `want` of every shard's places (one a story when
    grouping)."""
    merged = sorted((key, xid, story) for places in parts for key, xid, story in places)
    page: list[int] = []
    seen: set[int] = set()
    for _key, xid, story in merged:
        if group and story:
            if story in seen:
                continue
            seen.add(story)
        page.append(xid)
        if len(page) == want:
            break
    return page
