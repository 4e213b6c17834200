"""A blog entry's footer: `This entry was posted on March 3, 2008 and is filed under News.`

Blog themes close a post with one sentence that dates and files it (`Von Jane Doe am
21/02/2021. Abgelegt unter Israel.`, `Posted by Jane Doe on 3 March 2019 in News`). Filing the
entry under a category makes the sentence the post's own record, not a sentence of the story.
"""

from __future__ import annotations

import re

from indexer.models import PartialDate
from indexer.normalize.dates import find_date
from indexer.normalize.story import Page

_FILED = re.compile(
    r"\b(?:filed under|abgelegt (?:unter|in)|classé (?:dans|sous)|archivado en|archiviato in"
    r"|arkiveret under|gearchiveerd onder|posted in|veröffentlicht in|publié dans|publicado en)\b",
    re.IGNORECASE,
)
# What stands before the entry's date: who posted it, then `on` (`Posted by Jane Doe on`,
# `This entry was posted on`, `Von Jane Doe am`); not a story's `On March 3, 2019, the suit …`.
_POSTED_ON = re.compile(
    r"^.{0,50}\b(?:posted|published|written|veröffentlicht|publié|publicado|by|von|par|por)\b"
    r".{0,40}\b(?:on|am|le|el|il|op|den)\s*$",
    re.IGNORECASE,
)


def entry_date(page: Page, first: int, last: int) -> PartialDate | None:
    """The day a blog entry's footer between lines `first` and `last` dates it, when one day."""
    days: set[PartialDate] = set()
    for i in range(max(0, first), min(len(page.lines), last)):
        text = page.text(i)
        filed = _FILED.search(text)
        hit = find_date(text[: filed.start()], page.day_first, page.buddhist) if filed else None
        if hit is None or hit[0].year is None or hit[0].day is None:
            continue
        if _POSTED_ON.match(text[: text.find(hit[1])]):
            days.add(hit[0])
    return days.pop() if len(days) == 1 else None
