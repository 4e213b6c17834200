"""The other copies of a story shown under a hit: its first members, its size, their summaries."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

import xapian

from indexer.backends.base import copy_of
from indexer.backends.xapian import schema

COPIES_SHOWN = 20


def story_members(db: xapian.Database, story_id: str, limit: int) -> list[int]:
    """Document ids of a story's articles, in index order (at most `limit`)."""
    out = []
    for item in db.postlist(schema.STORY_PREFIX + story_id):
        out.append(item.docid)
        if len(out) >= limit:
            break
    return out


def story_size(db: xapian.Database, story_id: str) -> int:
    """How many articles a story has."""
    return db.get_termfreq(schema.STORY_PREFIX + story_id)


class StoryCopies(NamedTuple):
    """A story's first members (docid order), its size and what a hit shows of each member."""

    members: list[int]
    size: int
    summaries: dict[int, dict[str, Any]]


def story_copies(db: xapian.Database, story_id: str, hit: int | None = None) -> StoryCopies:
    """A story's first COPIES_SHOWN + 1 members, its size and the summaries of those but the
    `hit` shown above them, read one by one (cheap where the database is local)."""
    members = story_members(db, story_id, COPIES_SHOWN + 1)
    summaries = {docid: copy_summary(db, docid) for docid in members if docid != hit}
    return StoryCopies(members, story_size(db, story_id), summaries)


def copy_summary(db: xapian.Database, docid: int) -> dict[str, Any]:
    """What a hit shows of another copy of its story."""
    return summary_of(db.get_document(docid))


def summary_of(doc: xapian.Document) -> dict[str, Any]:
    """What a hit shows of a copy of its story (read from its summary slot: parsing whole
    records, bodies and all, took 7 ms of a page at 1M; an index built before the slot has
    its records read)."""
    summary = doc.get_value(schema.SLOT_SUMMARY)
    if summary:
        return json.loads(summary)
    return copy_of(schema.record(doc))


def stories_of(docs: list[xapian.Document]) -> list[str]:
    """The stories of some documents that have other copies (not one article alone)."""
    stories = {doc.get_value(schema.SLOT_STORY).decode() for doc in docs}
    return sorted(story for story in stories if story and not story.startswith(schema.SOLO))


def fetch_stories(db: xapian.Database, stories: list[str]) -> dict[str, StoryCopies]:
    """The first members, sizes and copy summaries of stories, in one enquiry (over remote
    shards each read of a story or its size is a round trip). Not `MSet.fetch()`: with remote
    databases the bindings crash on it (Xapian 1.4.26, segmentation fault)."""
    if not stories:
        return {}
    enquire = xapian.Enquire(db)
    terms = [xapian.Query(schema.STORY_PREFIX + story) for story in stories]
    enquire.set_query(xapian.Query(xapian.Query.OP_OR, terms))
    enquire.set_weighting_scheme(xapian.BoolWeight())
    enquire.set_collapse_key(schema.SLOT_STORY, COPIES_SHOWN + 1)  # the first in docid order
    sizes = xapian.ValueCountMatchSpy(schema.SLOT_STORY)  # sees every match: exact sizes
    enquire.add_matchspy(sizes)
    mset = enquire.get_mset(0, len(stories) * (COPIES_SHOWN + 1), db.get_doccount())
    members: dict[str, list[int]] = {story: [] for story in stories}
    summaries: dict[int, dict[str, Any]] = {}
    for item in mset:
        doc = item.document
        members[doc.get_value(schema.SLOT_STORY).decode()].append(item.docid)
        summaries[item.docid] = summary_of(doc)
    counted = {item.term.decode(): int(item.termfreq) for item in sizes.values()}
    return {story: StoryCopies(members[story], counted.get(story, 0), summaries)
            for story in stories}  # fmt: skip
