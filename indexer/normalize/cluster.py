"""The header cluster of a copied web page: the lines around its headline and above its story."""

from __future__ import annotations

import re

from indexer.normalize.dates import CJK_TIME
from indexer.normalize.story import Page
from indexer.normalize.zone import Zone

ABOVE_TITLE = 2  # lines above the headline that may carry its date (a kicker, a date line)
BELOW_TITLE = 6  # lines below the headline: standfirst, byline, date
ABOVE_ZONE = 8  # lines above the story's first paragraph
INTO_ZONE = 5  # lines into the zone: a date printed under the standfirst
# A date stamp's times, handles and labels, stripped to see what else a line holds.
STAMP_BITS = re.compile(
    r"@\w+|\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|uhr\b|h\b)?(?:\s*[A-Z]{2,4}\b)?|\b(?:updated|published|posted"
    r"|last updated|first published|mis à jour|publiée?|modifiée?|actualizado|publicado"
    r"|aktualisiert|veröffentlicht|aggiornato|pubblicato)\b\s*:?|[:|]\s*$|\b(?:on|at|am|um|le|el)\s*:?\s*(?=\||$)"
    # `08時00分`, `12時00分更新` (updated): a time in CJK, perhaps with its label.
    rf"|{CJK_TIME}(?:\s*(?:更新|公開|配信|发布|發布))?",
    re.IGNORECASE,
)


def cluster(page: Page, zone: Zone, title_at: int | None, into: int = INTO_ZONE) -> list[int]:
    """The lines of the header cluster: around the headline and just above the story."""
    lines = set(range(max(0, zone.start - ABOVE_ZONE), min(len(page.lines), zone.start + into)))
    if title_at is not None and title_at < zone.end:
        # Captions and video boxes may part a headline from its story: both ends are read.
        low, high = max(0, title_at - ABOVE_TITLE), min(len(page.lines), title_at + BELOW_TITLE)
        # Boilerplate paragraphs may open the zone above the headline: then the headline's own
        # lines below it still count.
        lines.update(range(low, min(high, max(zone.start, title_at) + into)))
    return sorted(lines)
