"""A blog post's title under its date header, not the blog's motto over it.

A blog heads each post with the day alone on a line of its own (`Saturday, February 3, 2024`),
the post's title under it and the post right below. Over the date header stand the blog's name
and its description, in sentences, and sometimes a motto: a line right under those sentences is
the blog's, not the post's title. A story's headline stands under a menu, a section's label or
a kicker, and may have its date, then a standfirst, under it (`Headline` / `May 14, 2024` /
`Saplings of oak …`): the line under the date is then no title.
"""

from __future__ import annotations

from indexer.normalize import boilerplate as bp
from indexer.normalize.lines import day_alone, ends_sentence, is_paragraph
from indexer.normalize.story import Page
from indexer.normalize.zone import Zone


def headline_under_date_header(page: Page, zone: Zone, at: int, heads: set[int]) -> int:
    """The headline two lines under `at` when `at` stands right under the blog's description,
    the line between states a day alone and the story's first paragraph follows, else `at`.
    `heads` are the lines the model holds headlines."""
    title = at + 2
    if title not in heads or zone.start != title + 1 or not day_alone(page.text(at + 1)):
        return at
    return title if at > 0 and _sentences(page.text(at - 1)) else at


def _sentences(text: str) -> bool:
    """Whether a line is a paragraph of sentences (a blog's description), no label, menu or
    notice of the site's (`We use cookies …`) over a story's headline."""
    return is_paragraph(text) and ends_sentence(text) and not bp.is_inline_boilerplate(text)
