"""A place after a byline's names (`By Jane Doe, Cape Town`): where the writer files from."""

from __future__ import annotations

import re

from indexer.normalize.extraction import Extraction


def drop_byline_places(found: Extraction) -> None:
    """Drop a name after the first writer's that is the story's place: its dateline, or where
    the story's first paragraph says it happens (`… in Cape Town on Monday`)."""
    names = found.get("byline")
    if not isinstance(names, list) or len(names) < 2 or found.provenance["byline"] == "supplied":
        return  # a user's own list of writers is theirs
    dateline = (found.get("dateline") or "").strip(" ,").casefold()
    first = (found.get("body") or "").lstrip().split("\n\n", 1)[0]
    kept = [names[0], *(n for n in names[1:] if not _is_place(n, dateline, first))]
    if len(kept) < len(names):
        found.replace("byline", kept, found.provenance["byline"])


def _is_place(name: str, dateline: str, first: str) -> bool:
    """Whether a credited name is the dateline's place or a place the first paragraph names;
    no person is written `in Jane Doe` (but `in Jane Doe's book`)."""
    if name.casefold() == dateline:
        return True
    return re.search(rf"\bin\s+{re.escape(name)}\b(?!['’])", first, re.IGNORECASE) is not None
