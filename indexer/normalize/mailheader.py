"""The header an email client writes above a forwarded or pasted message, taken off the story.

A newsletter pasted from a mail (`---------- Forwarded message ---------` / `From: …` /
`Date: Tue, Mar 5, 2024 at 9:14 AM` / `Subject: …`) carries the date it was sent or forwarded,
not the story's: a story is published before it is mailed, often days before. So the header's
lines are no date line, byline or headline of the story. Its day is the last resort: it dates
a story that shows no date of its own, and only where every such header names the same day (a
chain of forwards on different days says the mail was passed on, not when the story appeared).

Only a header the client introduces (`Forwarded message`) above the story counts: a mail's
`From:`/`Sent:` quoted after the story has begun (a leaked mail an investigation cites) is the
story's own text, and when it was sent is not when the story appeared.
"""

from __future__ import annotations

import re

from indexer.models import PartialDate
from indexer.normalize.dates import find_date
from indexer.normalize.lines import Line, ends_sentence

# The fields clients print above a message (Gmail, Outlook, Apple Mail), in English.
_FIELD = re.compile(r"^(from|date|sent|to|cc|subject|reply-to)\s*:\s*\S", re.IGNORECASE)
_MARKER = re.compile(
    r"^[-\s]*(?:forwarded message|begin forwarded message|original message)[-\s:]*$",
    re.IGNORECASE,
)
_DATED = frozenset({"date", "sent"})
# A mail's header names its sender and when it was sent, and its subject or recipient.
_MIN_FIELDS = 3


def _fields(lines: list[Line], start: int) -> tuple[int, dict[str, str]]:
    """Where the run of mail fields from `start` ends, and its fields' values."""
    end = start
    fields: dict[str, str] = {}
    while end < len(lines) and (match := _FIELD.match(lines[end].text)):
        fields.setdefault(match.group(1).lower(), lines[end].text[match.end() - 1 :])
        end += 1
    return end, fields


def _is_header(fields: dict[str, str]) -> bool:
    """Whether the fields are a mail's header: its sender, when it was sent, and more."""
    return len(fields) >= _MIN_FIELDS and "from" in fields and bool(_DATED & fields.keys())


def in_mail_header(lines: list[Line], i: int) -> bool:
    """Whether line `i` is a field of a mail header quoted after the story has begun (its
    `Sent:` is no date line); a memo's header above every sentence dates the release."""
    if not _FIELD.match(lines[i].text):
        return False
    start = i
    while start > 0 and _FIELD.match(lines[start - 1].text):
        start -= 1
    begun = any(ends_sentence(line.text) for line in lines[:start])
    return begun and _is_header(_fields(lines, start)[1])


def without_mail_headers(lines: list[Line]) -> tuple[list[Line], list[PartialDate]]:
    """The lines without the mail headers among them, and the days those headers were sent."""
    kept: list[Line] = []
    days: list[PartialDate] = []
    i = 0
    while i < len(lines):
        end, fields = _fields(lines, i)
        if (
            _is_header(fields)
            and kept
            and _MARKER.match(kept[-1].text)
            and not any(ends_sentence(line.text) for line in kept)
        ):
            kept.pop()
            sent = fields.get("date") or fields["sent"]
            found = find_date(sent)
            if found is not None and found[0].year is not None and found[0].day is not None:
                days.append(found[0])
            i = end
            continue
        kept.append(lines[i])
        i += 1
    return kept, days


def sent_day(days: list[PartialDate]) -> PartialDate | None:
    """The day the mail headers agree it was sent, if they name one day."""
    return days[0] if days and all(day == days[0] for day in days) else None
