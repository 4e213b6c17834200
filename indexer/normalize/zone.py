"""The article zone of a copied page: the densest run of body paragraphs among its lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.normalize.dates import parse_date_line
from indexer.normalize.lines import is_headline_like, word_count
from indexer.normalize.story import Page

# What a line that is not running text costs a run of paragraphs: a caption or a subhead or
# two inside the story are paid for by the paragraphs around them; a menu of thirty links is not.
_GAP_COST = 12
# A paragraph's words count up to this many: one long comment or legal notice is not a story.
_WORDS_CAP = 120
# A story's header (headline, standfirst, caption, byline, date) stands this many lines at most
# above its first paragraph.
_HEADER = 6
# Paragraphs in a row under a header that open a story; a teaser's excerpt is one or two.
_OPENING_RUN = 3
# Entries in a row that make a list of teasers: one or two may be a story's subheads.
_LIST_ENTRIES = 3
BY = re.compile(r"^(?:by|par|von|por|door|af|av)\b", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class Zone:
    """Where the story runs: `start` is its first paragraph, `end` is past its last."""

    start: int
    end: int
    words: int


def article_zone(page: Page) -> Zone | None:
    """Where the story runs: the densest run of paragraphs, drawn up to the story's first
    paragraphs when a header stands over those above it."""
    zone = densest_run(page)
    if zone is not None and _teaser_list(page, zone):
        # A list of teasers under a short story outweighs its two or three paragraphs; the
        # story is the densest run left that stands under its own header.
        rest = densest_run(page, skip=range(zone.start, zone.end))
        if rest is not None and _under_header(page, rest.start):
            zone = rest
    if zone is None or _under_header(page, zone.start):
        return zone  # a run under its own header already opens where the story does
    # Code, a table or a chart between a story's first paragraphs can cut them off the long
    # prose that follows; the story still opens just under its headline and byline or date.
    # A story has one header: several headed runs above the densest one are a list of teasers.
    openings = [
        i
        for i in range(zone.start)
        if (i == 0 or not page.story_paragraph(i - 1)) and _opens_story(page, i)
    ]
    if len(openings) != 1:
        return zone
    opening = openings[0]
    words = sum(
        min(word_count(page.text(i)), _WORDS_CAP)
        for i in range(opening, zone.start)
        if page.story_paragraph(i)
    )
    return Zone(opening, zone.end, zone.words + words)


def _opens_story(page: Page, i: int) -> bool:
    """Whether line `i` opens a run of paragraphs under a header: a headline-shaped line and a
    byline or date line stand just above it."""
    run = range(i, i + _OPENING_RUN)
    if run.stop > len(page.lines) or not all(page.story_paragraph(j) for j in run):
        return False
    return _under_header(page, i)


def _under_header(page: Page, i: int) -> bool:
    """Whether a headline-shaped line and a byline or date line stand just above line `i`, and
    not a box of related stories, each headline over its own date."""
    above = range(max(0, i - _HEADER), i)
    if _dated_teasers(page, above):
        return False
    return any(signs_or_dates(page, j) for j in above) and any(
        is_headline_like(page.text(j)) and not page.is_meta(j) for j in above
    )


def _teaser_list(page: Page, zone: Zone) -> bool:
    """Whether the run is a list of teasers: each paragraph stands alone under a headline-shaped
    line of its own, entry after entry, where a story runs paragraph after paragraph. A story
    written in such sections (an explainer, a listicle) stands under its own header: a headline
    and a byline or date over its first subhead."""
    paragraphs = [i for i in range(zone.start, zone.end) if page.story_paragraph(i)]
    if len(paragraphs) < _LIST_ENTRIES or _under_header(page, paragraphs[0] - 1):
        return False
    return all(
        i > 0
        and not page.story_paragraph(i - 1)
        and (i + 1 == len(page.lines) or not page.story_paragraph(i + 1))
        and is_headline_like(page.text(i - 1))
        and not page.is_meta(i - 1)
        for i in paragraphs
    )


def _dated_teasers(page: Page, lines: range) -> bool:
    """Whether `lines` hold two teasers or more, each a headline over a date of its own."""
    entries = [
        j
        for j in lines
        if j > 0
        and page.is_meta(j)
        and parse_date_line(page.text(j))
        and is_headline_like(page.text(j - 1))
        and not page.is_meta(j - 1)
    ]
    return len(entries) >= 2


def signs_or_dates(page: Page, j: int) -> bool:
    """Whether line `j` is a byline or a date line, not a publisher's name."""
    text = page.text(j)
    return page.is_meta(j) and bool(BY.match(text) or page.is_name_line(j) or parse_date_line(text))


def densest_run(page: Page, skip: range = range(0)) -> Zone | None:
    """The run of lines with the most paragraph words less a cost per other line, or None;
    lines in `skip` count as other lines."""
    best: Zone | None = None
    run_start = -1
    total = 0
    words = 0
    best_total = 0
    for i in range(len(page.lines)):
        if i not in skip and page.story_paragraph(i):
            gain = min(word_count(page.text(i)), _WORDS_CAP)
            if run_start < 0 or total <= 0:
                run_start, total, words = i, 0, 0
            total += gain
            words += gain
            if total > best_total:
                best_total = total
                best = Zone(run_start, i + 1, words)
        elif run_start >= 0:
            total -= _GAP_COST
    return best
