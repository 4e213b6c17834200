"""Group syndicated copies of one story across outlets, and fill a copy's gaps from the others.

A researcher searching an event should see one story where ten portals ran the same wire copy.
Each body becomes the set of word 5-shingles of its prose (paragraphs that end like sentences
or run long, so menus and other stories' headlines left by the normaliser add nothing), and
that set is summarised by 128 MinHash values (datasketch's `affine32` scheme). Articles sharing
values are compared by the estimated containment of the shorter text in the longer: a copy cut
to its first paragraphs shares few shingles with the full text (low Jaccard) but nearly all of
its own. Values that many articles share are boilerplate and do not count.

A pipeline (1) normalises all articles, (2) calls `group_articles`, which sets `story_id` and
fills gaps from copies, (3) writes the articles; `StoryGrouper.save` keeps the state beside the
index, so that `newsindex update` can `load` it, `add` and `remove` a few articles and regroup
only the stories they touch.
"""

from __future__ import annotations

from typing import Any

from indexer.models import Article
from indexer.syndication.copies import COPY, fill_from_copies
from indexer.syndication.fingerprint import Fingerprinter, shingle_hashes
from indexer.syndication.grouper import StoryGroup, StoryGrouper

_DEFAULT_PARAMS = StoryGrouper().params
_DEFAULT_FINGERPRINT = Fingerprinter(
    _DEFAULT_PARAMS["num_perm"], _DEFAULT_PARAMS["seed"], _DEFAULT_PARAMS["shingle_words"]
)

__all__ = [
    "COPY",
    "Fingerprinter",
    "StoryGroup",
    "StoryGrouper",
    "fill_from_copies",
    "fingerprint_body",
    "group_articles",
    "shingle_hashes",
]


def fingerprint_body(body: str) -> tuple[Any, int]:
    """A body's MinHash values and distinct shingles, as a default `StoryGrouper` takes them."""
    return _DEFAULT_FINGERPRINT(body)


def group_articles(
    articles: list[Article],
    grouper: StoryGrouper | None = None,
    fingerprints: dict[str, tuple[Any, int]] | None = None,
    **options: Any,
) -> list[StoryGroup]:
    """Group articles into stories, set their `story_id` and fill their gaps from copies.

    `fingerprints` (from `fingerprint_body`, by article id) spares fingerprinting the bodies
    again; they must come from a grouper of default options.
    """
    # With a loaded `grouper` (an update), the stories holding one of the articles come back,
    # and gaps are filled from those articles only.
    if grouper is None:
        grouper = StoryGrouper(**options)
    fingerprints = fingerprints or {}
    if fingerprints and grouper.params != _DEFAULT_PARAMS:
        raise ValueError("fingerprints were taken with other options than the grouper's")
    for article in articles:
        grouper.add(article, fingerprints.get(article.id))
    by_id = {article.id: article for article in articles}
    groups = [g for g in grouper.groups() if any(m in by_id for m in g.members)]
    for group in groups:
        members = [by_id[m] for m in group.members if m in by_id]
        for article in members:
            article.join_story(group.story_id)
        if len(members) > 1:
            fill_from_copies(members)
    return groups
