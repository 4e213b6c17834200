"""A headline over the names of its writers or guests, not the names or the line under them.

A page may set its writers' or a podcast's guests' names under the headline with no `By`
(`Eduardo Porter, Tess Vigeland, Eric Posner`): a line of several names and nothing else is
such a credit, and the headline-shaped line right above it heads the story. The names are
parted by commas: a headline in title case may join two phrases with `and` that read as names
(`Giant Antarctic Icebergs and Crushing Existential Dread`). A page signs its story once, so
names with a `By` line right under them are no credit but the headline itself (`Ana Lopez, Ben
Ortiz, Clara Diaz` under a kicker, over `By Jane Doe`). A writer's name with the button to
their other pieces (`Jane DoeView More Articles`) stands under the headline too: the line under
it is the standfirst, the headline the one over it.
"""

from __future__ import annotations

from indexer.normalize.bylines import parse_byline
from indexer.normalize.clusterbyline import author_page_link
from indexer.normalize.creditline import bare_names
from indexer.normalize.story import Page

_NAMES = 2  # names a credit lists; one name alone may be a profile's or an obituary's headline


def headline_over_names(page: Page, at: int, found: list[int]) -> int:
    """The candidate right above `at` when `at` lists several names parted by commas and
    nothing else, else `at`."""
    text = page.text(at)
    if at - 1 not in found or "," not in text or len(bare_names(text)) < _NAMES:
        return at
    if at + 1 < len(page.lines) and parse_byline(page.text(at + 1)) is not None:
        return at  # the names head a story their `By` line signs
    return at - 1


def headline_over_author(page: Page, at: int, heads: set[int]) -> int:
    """The headline two lines above `at` when the line between is a writer's name with the
    button to their other pieces, else `at`. `heads` are the lines the model holds headlines."""
    if at < 2 or at - 2 not in heads or not author_page_link(page.text(at - 1)):
        return at
    return at - 2
