"""A place in a byline (`By Jane Doe, Cape Town`, `Hong Kong | 05.04.2025`): where the story
was filed from, not who wrote it."""

from __future__ import annotations

import re

from indexer.normalize.extraction import Extraction

_OPENING = 3  # paragraphs of the story's opening where it says where it happens

# `in Cape Town`, `en Madrid`, `tại Hà Nội`, `ở Huế`: a place after its preposition.
_IN = r"(?:in|en|tại|ở)"


def drop_byline_places(found: Extraction) -> None:
    """Drop a name of the byline that is the story's place: where the story's opening says it
    happens (`… in Cape Town on Monday`), or after the first name its dateline. A place alone
    on the line under the headline (`Hong Kong, 5 April 2025`) leaves no byline."""
    names = found.get("byline")
    if not isinstance(names, list) or not names or found.provenance["byline"] == "supplied":
        return  # a user's own list of writers is theirs
    dateline = (found.get("dateline") or "").strip(" ,").casefold()
    # The story's opening: a standfirst and a stamp a copy keeps may come before its first
    # paragraph.
    opening = (found.get("body") or "").lstrip().split("\n\n", _OPENING)[:_OPENING]
    # A paragraph naming two of the writers is the byline the copy kept (`Jan Peeters en Lotte
    # De Smet`: Dutch `en` is `and`), no sentence placing the second.
    first = "\n\n".join(p for p in opening if sum(n in p for n in names) < 2)
    # A dateline may be misread (a transcript's `SAM ORTIZ:`): the writer first named goes only
    # where the story's opening says it happens there.
    kept = [n for n in names[:1] if not _named_in(n, first)]
    kept += [n for n in names[1:] if not _is_place(n, dateline, first)]
    if len(kept) < len(names):
        found.replace("byline", kept, found.provenance["byline"])


def _is_place(name: str, dateline: str, first: str) -> bool:
    """Whether a credited name is the dateline's place or a place the first paragraph names;
    no person is written `in Jane Doe` (but `in Jane Doe's book`)."""
    return name.casefold() == dateline or _named_in(name, first)


def _named_in(name: str, text: str) -> bool:
    """Whether a text names a place after its preposition (`in Cape Town`, `tại Hà Nội`)."""
    return re.search(rf"\b{_IN}\s+{re.escape(name)}\b(?!['’])", text, re.IGNORECASE) is not None
