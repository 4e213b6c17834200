"""A photo gallery's credit: the photographer signs a gallery as a writer signs a story.

A gallery's headline says what it is (`Photos: Snow sculptors …`, `Gallery: …`) and the line
under it names who took the pictures (`Photos by Jane Doe`). On a story the same credit names
whoever took its pictures, not its writer, so it signs only under a gallery's headline.
"""

from __future__ import annotations

import re

from indexer.normalize.creditline import byline_names
from indexer.normalize.story import Page

_GALLERY_HEADLINE = re.compile(
    r"^(?:photos|pictures|in pictures|gallery|photo gallery|slideshow)\s*:\s", re.IGNORECASE
)
_PHOTOS_BY = re.compile(
    r"^(?:photos|photographs|pictures|images)\s+by\s+(?P<rest>\S.*)$", re.IGNORECASE
)
UNDER_HEADLINE = 3  # lines right under the headline, where its credit stands


def gallery_credit(page: Page, title_at: int | None, body: str) -> list[str]:
    """The names a gallery's `Photos by …` line under its headline credits, else none."""
    if title_at is None or not _GALLERY_HEADLINE.match(page.text(title_at)):
        return []
    for i in range(title_at + 1, min(len(page.lines), title_at + UNDER_HEADLINE + 1)):
        credit = _PHOTOS_BY.match(page.text(i).strip())
        if credit is not None:
            return byline_names(f"By {credit.group('rest')}", body)
    return []
