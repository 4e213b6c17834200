"""The headline of a copied page: lines around the top of the article zone ranked on evidence.

A browser's copy of a page puts menus, section names, captions, prompts and related headlines
around the story. Each line that has a headline's shape near the top of the article zone is
described by a few facts (where it stands relative to the body, what follows it, whether the body
speaks of what it names, whether the page repeats it) and the lines of one page are ranked by
small gradient-boosted trees that ship in `indexer/data/headline_model.json` (trained by
`bench/train_headline.py` on the development pages only, walked here in pure Python). The best
line wins if its score clears the model's threshold; below it the rule-based choice stands.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from indexer.normalize import boilerplate as bp
from indexer.normalize.clusterbyline import credits_pictures
from indexer.normalize.creditline import bare_names
from indexer.normalize.dates import find_date
from indexer.normalize.headdated import headline_under_date_header
from indexer.normalize.headdecks import headline_among_decks
from indexer.normalize.headecho import glued_menu_entry, headline_under_glued
from indexer.normalize.header import caption_date
from indexer.normalize.headkicker import headline_under_kicker, headline_under_quote
from indexer.normalize.headnames import headline_over_author, headline_over_names
from indexer.normalize.headpoints import headline_over_points
from indexer.normalize.headslug import headline_in_address
from indexer.normalize.headtail import is_stamp, without_tail
from indexer.normalize.headtidy import (
    menu_entries,
    tidy_headline,
    without_echoed_trail,
    without_trail,
)
from indexer.normalize.lines import (
    LABELLED_NAME,
    PART_MARK,
    PROSE_WORD,
    ends_sentence,
    is_headline_like,
    is_paragraph,
    is_title_case,
    is_upper,
    parted_items,
    two_short_sentences,
    word_count,
)
from indexer.normalize.otherdays import ENTRY_TIME, LIVE_ENTRIES
from indexer.normalize.sources import site_brand
from indexer.normalize.standfirst import INNER_STOP, LABEL_WORDS, headline_over_standfirst
from indexer.normalize.story import Page, lead_words
from indexer.normalize.teaserrun import teaser_headline
from indexer.normalize.zone import BY as _BY
from indexer.normalize.zone import Zone, signs_or_dates

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "headline_model.json"
WINDOW = 200  # lines above the zone where a headline may stand
_OPENING = 6  # a header (standfirst, byline, date, caption) between a headline and its story
BELOW = 12  # lines into the zone where a headline with its byline or date may stand
# A media label opens a link to a clip (`Watch: Senators react`), boilerplate in a story's copy;
# a video, audio or photo gallery's own headline opens with it too (`Photos: …`).
_MEDIA_LABEL = re.compile(
    r"^(?:watch|video|listen|audio|photos|pictures|gallery)\s*:\s", re.IGNORECASE
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?!\.\d)")
# A picture's credit (`Bild: Jane Doe/dpa`, `(Photo by …)`, `© Getty`) marks a caption.
_CREDIT = re.compile(
    r"©|\((?:photos?|foto|bild)\b|\b(?:photo|foto|bild|image|picture)s?\s*(?:by|:|von)"
    r"|\bgetty images\b|\b(?:AP|AFP|dpa|Reuters|EPA)\s*(?:/|photo|$)",
    re.IGNORECASE,
)
# A picture's rights label (`Bildrechte: …`, `Credit: …`, `picture alliance/dpa`), or a chart's
# credit naming its data's source after its maker (`By The Daily Post | Source: Census Bureau`,
# `Chart: Jane Doe · Source: ONS`): no headline. `Sources: …` after a section's or a label's
# kicker (`Exclusive | Sources: Kings agree to trade …`) or opening a line is a headline's.
_PICTURE_CREDIT = re.compile(
    r"(?i:^(?:bildrechte|bildquelle|credits?)\s*:|\bpicture alliance\b"
    r"|^(?:by|von|por|par|(?:info)?graphics?|chart|graph|map|table|grafik|karte|gr[aá]fico)\b"
    r"[^|·•]*\s[|·•]\s*(?:data )?(?:sources?|quellen?|fuentes?)\s*:)"
)
# A photographer's name (two or three words), a slash, the agency: `(Jane Doe/AFP)` closes a
# caption in brackets, `… - Jane Doe/Reuters` after a dash closes one in prose. A headline in
# title case may hold the same shape (`Ukraine War - Zelensky Meets Biden/Harris Team`).
_CAPTION_CREDIT = re.compile(
    r"(?:(?P<bracket>\()|\s[-–—]\s)[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,2}/[A-Z][^()]{1,40}"
    r"(?P<close>\))?$"
)
_CRUMB = re.compile(r"\s[>›»]\s")  # the steps of a breadcrumb trail
# Search boxes and skip links: `Search for: Search`, `Suche nach:`, `Direkt zum Inhalt`.
_PROMPT = re.compile(
    r"^(?:search|suche|buscar|recherche)\b|\bsearch for\b|\bskip to\b|\bdirekt zum\b"
    r"|\bzum inhalt\b",
    re.IGNORECASE,
)
# The same prompts in the form that is never a headline (`Search for: Search`, `Skip to content`).
_PROMPT_LINE = re.compile(
    r"^(?:search|suche|buscar|recherche)(?:\s+(?:for|nach))?\s*:"
    r"|\bskip to\b|\bdirekt zum\b|\bzum inhalt\b",
    re.IGNORECASE,
)
# A notice about the page itself, not its story: `This article is more than 5 years old`,
# `Was this helpful?`, `Not a member yet? Sign up`; an editor's prompt that names the story's
# own parts (`Change the story’s title, subtitle, …`).
# A call to act opens a sentence (`… yet? Sign up, …`); as a verb inside one it is news
# (`Thousands sign up for …`, `This post-Brexit …`).
_NOTICE = re.compile(
    r"^this (?:article|story|page|post|site|website)\b(?!-)"
    r"|\b(?:the|this|your) (?:article|story|post)['’]s (?:title|headline|subtitle)\b"
    r"|\b(?:found|was|is) this (?:article )?"
    r"helpful\b|(?:^|[.?!]\s+)(?:sign ?up|sign ?in|log ?in|subscribe)\b"
    # The page thanking its reader for signing up (`Danke, dass Sie sich … angemeldet haben`):
    # one short clause; a headline's kicker ends on a colon (`Thank you for your service: …`).
    r"|^(?:thanks?|thank you|danke|vielen dank|merci|gracias|grazie|obrigad[oa])\b[^.!?:]{0,12}"
    r"\b(?:for|für|dass|pour|de|por|per)\b[^.!?:]{0,60}?"
    r"\b(?:sign(?:ed|ing)? up|subscri|newsletter|registr|angemeldet|anmeldung|inscri|suscri|iscri)",
    re.IGNORECASE,
)
# A prompt that speaks of this story and runs on into another sentence (`The author made this
# story unlisted, … Are you sure …?`): a headline names what happened in one sentence, or in
# two short ones that only their place tells from a notice (`_two_sentence_head`: `I covered
# this story for a year. Here is what I learned.`). A sentence ends on a word in lower case:
# the dot of an abbreviation (`… this story began in St. Louis`, `Mr. Jones`) ends none.
_STORY_PROMPT = re.compile(
    r"\b[Tt]his (?:article|story|post)\b(?:[^.?!]*\s[a-z][^\s.?!]*)?[.?!]\s+\S"
)
# A link's label for screen readers (`… on LinkedIn (opens in a new window)`): a share button or
# a link out names the headline it shares, and is never the page's own heading.
# The label is set off in brackets or glued to the link's text (`… TimesOpens in new window`):
# a headline may say the same words (`… whether links open in a new tab`).
_LINK_LABEL = re.compile(
    r"(?:\((?i:opens? in (?:a )?new (?:window|tab))\)"
    r"|(?<=[^\W\d_])Opens in (?:a )?new (?:window|tab))$"
)
# A quotation's attribution under it (`—Jane Doe of Example Inc`), set off by an em dash; an en
# dash opens a list's items too.
_ATTRIBUTION = re.compile(r"^[—―]\s*[A-ZÀ-Þ]")
# A quotation opens on a quotation mark or closes on a sentence's stop; a headline does neither,
# and a byline set off by the same dash may stand under it (`— Jane Doe, Staff Writer`).
_QUOTATION = re.compile(r"^[\"'“‘«„]|[.…][\"'”’»]?$")
# A figure's label for screen readers on a line of its own (`Image caption,`): the caption
# stands on the next line. A bare `Caption` is a gallery's button (`Caption`, `Close`).
_CAPTION_LABEL = re.compile(
    r"^(?:(?:image|photo|picture|media|video) caption\s*[,:]?|caption\s*[,:])$"
    r"|^(?:bildunterschrift|légende)\s*:?$",
    re.IGNORECASE,
)
# A figure and what it counts (`480: Number of startup hubs worldwide`, `$2.3 billion: Size of
# …`): several lines of this shape one after another are a box of statistics, never the
# headline. Two are as often a headline and its standfirst (`2024: The year the rivers ran dry`
# / `40%: the fall in …`), or the headline copied twice; a box lists three figures or more.
_FIGURE = re.compile(r"^[$€£¥]?\d[\d,.]*(?:\s?%|\s[^\W\d_]+)?:\s")
_BOX_FIGURES = 3
# A match's minute of play before a player's name (`34' Zapata`, `90+2’ Doe`) or after it
# (`Doe 58', Roe 90+3'`, as scripts without capitals write it): a line holding several lists the
# goals or cards of a score box; a headline names a minute once at most. After a word in lower
# case the mark closes a quote or gives feet (`'retire at 68'`, `a 26' sloop`): no name's.
_MINUTE_NAME = re.compile(r"\b\d{1,3}(?:\+\d{1,2})?['’′]\s?[A-ZÀ-Þ]")
_NAME_MINUTE = re.compile(r"(?<!\S)(\S+)\s\d{1,3}(?:\+\d{1,2})?['’′](?=[\s,;]|$)(?!\s?[A-ZÀ-Þ])")
_SCORE_BOX_MINUTES = 2
# A match's score alone on its line (`2 - 1`, `0–0`, `98 : 87`), as a score box sets it between
# the two teams' names; a time of day (`16:40`) has no spaces round its colon.
_SCORE = re.compile(r"^\d{1,3}\s*[-–—]\s*\d{1,3}$|^\d{1,3}\s+:\s+\d{1,3}$")
_TEAM_WORDS = 4  # a team's name (`Brighton & Hove Albion`); a headline by a score is a sentence
# Links parted by one mark again and again (`Specs // First Look // Full Review // …`,
# `首页|新闻|图片|评论|…`): a menu bar. A headline holds such a mark once or twice, before the
# site's name (`… | Daily Post`); a bar lists four links or more, each a word or a few.
# A middle dot with no space around it joins the parts of one name (`马丁·路德·金`): a bar sets
# its dot apart.
_BAR_MARKS = ("//", "|", " · ", "•")
_BAR_LINKS = 4
_LINK_WORDS = 4
_AGO = re.compile(r"^\d{1,2}\s?(?:h|m|min|mins|hrs?|hours?|minutes?)\s+ago\s", re.IGNORECASE)
_STORY_PARAGRAPHS = 3  # paragraphs in a row under a heading that make it a story's
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")
_STAMP_LEAD = 12  # characters before a stamp's date: a weekday, `Published`
_HEADER_REACH = 4  # lines under a headline where its byline or date stands
_LABEL_LINE = re.compile(r"^\w+(?: \w+)?\s?:$")  # `Author:`, `Publish date:`
_LIST_REACH = 3  # lines a stamped teaser's neighbours stand within
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")
_TEASER_REACH = 5  # lines between the headlines of two stamped teasers in a list (with counts)
_STAMP_WORDS = 8  # a stamp on a line of its own: a day, a time, a name or two
_LEAST_WORDS = 3  # another teaser's headline: a few words
_HEAD_OVER = 2  # lines from a headline to its byline or date: the next, or past a standfirst

FEATURES = (
    "above_log",
    "inside_zone",
    "first_above",
    "rank_log",
    "words_log",
    "words_3_20",
    "ends_sentence",
    "question",
    "colon",
    "list_run",
    "meta_after",
    "meta_before",
    "paragraph_after",
    "short_before",
    "body_share",
    "body_share_0",
    "page_title_copy",
    "duplicate",
    "upper",
    "block_start",
    "digits",
    "old_choice",
    "top_line",
    "starts_by",
    "candidate_before",
    "candidate_after",
    "words_over_20",
    "inner_sentence",
    "credit_words",
    "breadcrumb",
    "names_only",
    "prompt",
    "copies_many",
    "echoed",
    "next_longer",
    "prev_shorter",
    "title_case",
    "lead_share",
    "share_ratio",
    "meta_gap_log",
    "menu_above",
)


def words_of(text: str) -> set[str]:
    """The words of a text to compare with the body (two-character pieces of CJK text)."""
    return lead_words(text, shortest=3)


def is_candidate(page: Page, i: int, zone: Zone | None = None) -> bool:
    """Whether line `i` has a headline's shape and is no furniture, meta line or caption."""
    text = headline_text(page, i)
    if page.lines[i].bullet or not (is_headline_like(text) or _two_sentence_head(page, zone, i)):
        return False
    label = _MEDIA_LABEL.match(text)
    media = label is not None and _heads_header(page, zone, i) and not _under_headline(page, i)
    if page.boiler(i) and not media:
        return False  # but a video page's `Watch: …` over its byline or date is its headline
    # `Photos: Jane Doe` credits a picture; `Photos: Council approves a footbridge` over the
    # byline or date heads a gallery, however short.
    titled = media and label is not None and not bare_names(text[label.end() :])
    if bp.box_kind(text) or site_brand(text) or (bp.is_caption(text) and not titled):
        return False
    if _link_bar(text):
        return False  # a menu bar (`Home | News | Sport | Weather`)
    if _PROMPT_LINE.search(text) or _NOTICE.search(text) or _picture_credit(text):
        return False  # a search box, a skip link, a notice about the page itself
    if _STORY_PROMPT.search(text) and not two_short_sentences(text):
        return False  # an editor's prompt about the story
    if _LINK_LABEL.search(text) or (i > 0 and _CAPTION_LABEL.match(page.text(i - 1))):
        return False  # a share button's label; a caption under its label
    if _figures(page, i):
        return False  # one of a box of statistics (`480: Number of …`, `10%: Share of …`)
    if _scorer_minutes(text) >= _SCORE_BOX_MINUTES:
        return False  # a score box's scorers (`Goals: 34' Doe, 61' Roe`)
    if _team(page, i):
        return False  # a team's name over or under its match's score (`Arsenal` / `2 - 1`)
    if text.endswith("。"):
        return False  # Chinese and Japanese headlines never close on a full stop; prose does
    if _attributed(page, i):
        return False  # a quotation over its speaker (`—Jane Doe, founder of …`)
    if page.repeat(i) and not _heads_header(page, zone, i):
        return False  # a pull quote: its words stand again in the story
    # `Eskalation im Nordatlantik: „Wenn …“` reads as a weak dateline: only a wire's strong one
    # (`LONDON (Reuters) - The company said …`) rules a line out, when it opens a sentence that
    # ends; `UN: Russland und China kritisieren …` is a headline with a short kicker.
    dateline = page.dateline(i)
    # A question or an exclamation (`ONE HUNDRED: What kind of …?`) is a headline's end.
    sentence = ends_sentence(text) and not text.endswith(("?", "!"))
    if page.is_meta(i) or (dateline is not None and dateline.strong and sentence):
        return False
    return not _stamp_line(text)


def _two_sentence_head(page: Page, zone: Zone | None, i: int) -> bool:
    """Whether line `i` is a headline of two short sentences in sentence case (`… another
    parking garage. It needs a bus that comes on time.`): a notice or a caption has that shape
    too, but only a headline stands over the story with its byline or date right under it
    (or under its standfirst); a writer's name alone there is a byline (`Harold Jensen`). A
    headline stands under a section's label or the menu, a standfirst under its headline."""
    if (zone is not None and i >= zone.start) or not two_short_sentences(page.text(i)):
        return False
    if i > 0 and word_count(page.text(i - 1)) > LABEL_WORDS:
        return False
    under = range(i + 1, min(len(page.lines), i + _HEAD_OVER + 1))
    return _meta_gap(page, i) <= _HEAD_OVER or any(bare_names(page.text(j)) for j in under)


def _attributed(page: Page, i: int) -> bool:
    """Whether line `i` stands over a quotation's attribution (`—Jane Doe of Example Inc`),
    which is no byline: a testimonial, an epigraph or a pull quote."""
    j = i + 1
    if j >= len(page.lines) or not _QUOTATION.search(page.text(i)):
        return False
    return bool(_ATTRIBUTION.match(page.text(j))) and not page.is_meta(j)


def _link_bar(text: str) -> bool:
    """Whether a line is a bar of short links parted by one mark (`Specs // First Look // …`)."""
    return parted_items(text, _BAR_MARKS, _BAR_LINKS, _short_link) is not None


def _short_link(link: str) -> bool:
    """Whether a menu bar's item is a link's label: a word or a few."""
    return 1 <= word_count(link.strip()) <= _LINK_WORDS


def _figures(page: Page, i: int) -> bool:
    """Whether line `i` is one of a run of lines that each state a figure and what it counts."""
    if not _FIGURE.match(page.text(i)):
        return False
    first, last = i, i
    while first > 0 and _FIGURE.match(page.text(first - 1)):
        first -= 1
    while last + 1 < len(page.lines) and _FIGURE.match(page.text(last + 1)):
        last += 1
    return last - first + 1 >= _BOX_FIGURES


def _scorer_minutes(text: str) -> int:
    """The minutes of play a line names beside a player's name (`34' Doe`, `Doe 58'`)."""
    after = sum(not name[:1].islower() for name in _NAME_MINUTE.findall(text))
    return len(_MINUTE_NAME.findall(text)) + after


def _team(page: Page, i: int) -> bool:
    """Whether line `i` names a team in a score box: a few words beside a score alone."""
    if len(page.text(i).split()) > _TEAM_WORDS:
        return False
    near = (j for j in (i - 1, i + 1) if 0 <= j < len(page.lines))
    return any(_SCORE.match(page.text(j)) for j in near)


def _stamped_teaser(page: Page, i: int) -> bool:
    """Whether line `i` is one of a list of teasers, each set over a stamp of the same form
    (`Patchy fog this morning` / `1 hour ago`, `Lexus LC500 arrives` / `May 15, 2017`).

    A story's own headline stands once, and its header goes on into its byline or its story;
    a list of other stories prints one more headline over one more stamp."""
    shape = _stamp_shape(page, i + 1)
    if shape is None or _goes_on(page, i + 2, shape):
        return False
    others = range(max(0, i - _TEASER_REACH), min(len(page.lines) - 1, i + _TEASER_REACH + 1))
    # The others are teasers too: a live blog's posts, each over its stamp, go on into their text.
    return any(
        abs(j - i) > 1
        and _teaser(page, j)
        and _stamp_shape(page, j + 1) == shape
        and not _goes_on(page, j + 2, shape)
        for j in others
    )


def _goes_on(page: Page, start: int, shape: str) -> bool:
    """Whether the lines from `start` under a stamp of form `shape` go on into a byline or the
    story, past a standfirst or a caption, before another headline over such a stamp or a
    section's heading of a word or two (`Weather Stories`) that ends a list."""
    for j in range(start, min(start + _HEADER_REACH, len(page.lines))):
        if is_paragraph(page.text(j)) or _by_line(page, j):
            return True
        if _stamp_shape(page, j + 1) == shape or word_count(page.text(j)) < _LEAST_WORDS:
            return False
    return False


def _teaser(page: Page, j: int) -> bool:
    """Whether line `j` may be another teaser's headline: a few words, no label or meta line."""
    return word_count(page.text(j)) >= _LEAST_WORDS and not page.is_meta(j)


def _stamp_shape(page: Page, j: int) -> str | None:
    """The form of line `j` when it is a stamp alone (`0 a a` for `7 hours ago`), else None."""
    if j >= len(page.lines):
        return None
    text = page.text(j)
    if word_count(text) > _STAMP_WORDS or not is_stamp(text):
        return None
    return _LETTERS.sub("a", _DIGITS.sub("0", text))


def headline_text(page: Page, i: int) -> str:
    """Line `i` as a headline: without the time, reading time or buttons glued after it.

    Lines around it that end the same way are a list of teasers with their stamps, which
    keeps them out of the headline's candidates."""
    text = without_trail(page.text(i))
    cut = without_tail(text)
    if cut == text:
        return text
    near = range(max(0, i - _LIST_REACH), min(len(page.lines), i + _LIST_REACH + 1))
    if any(j != i and without_tail(page.text(j)) != page.text(j) for j in near):
        return text
    return cut


def page_headline(page: Page, i: int) -> tuple[str, list[str]]:
    """Line `i` tidied as the page's headline, and the byline glued to it (`tidy_headline`)."""
    text = without_echoed_trail(page.text(i).strip(), page, i)
    return tidy_headline(text, menu_entries(page), page.running)


def _stamp_line(text: str) -> bool:
    """Whether a line is a date stamp (`Do 25.04.24 | 14:07 Uhr | Von Eva Doe`), not a headline."""
    hit = find_date(text)
    if hit is None or hit[0].day is None:
        return False
    # A headline may name a day (`… am 15. Juni 2025`); a stamp opens with it or gives the time.
    # A caption that ends on its date (`…, 12 March 2024`) is no headline either.
    return text.find(hit[1]) <= _STAMP_LEAD or bool(_CLOCK.search(text)) or caption_date(text)


def _picture_credit(text: str) -> bool:
    """Whether a line credits a picture (`Bildrechte: …`, `… - Jane Doe/AFP`, `(Jane Doe/AFP)`,
    `Words and pictures: Jane Doe`)."""
    if _PICTURE_CREDIT.search(text) or credits_pictures(text):
        return True
    credit = _CAPTION_CREDIT.search(text)
    if credit is None:
        return False
    if credit.group("bracket"):
        return credit.group("close") is not None
    return credit.group("close") is None and bool(PROSE_WORD.search(text[: credit.start()]))


def candidates(page: Page, zone: Zone) -> list[int]:
    """The lines that may be the headline: near the top of the zone, nearest first."""
    low = max(0, zone.start - WINDOW)
    high = min(len(page.lines), zone.start + BELOW, zone.end)
    # A live page's entries each open on their time alone (`16:40`, `15.02 GMT`), then a
    # heading and the entry's text: an entry's heading, never the page's headline. (A list of
    # teasers stamped with their times has no text under its headings.) A heading over a run
    # of paragraphs heads a story, though a time stands over it (`14:05` / headline / story).
    entries = {
        i + 1
        for i in range(len(page.lines) - 2)
        if ENTRY_TIME.match(page.text(i)) and ends_sentence(page.text(i + 2))
    }
    entries = entries if len(entries) >= LIVE_ENTRIES else set()
    entries = {i for i in entries if not _over_story(page, i)}
    return [
        i
        for i in range(high - 1, low - 1, -1)
        if (i <= zone.start or _signed(page, zone, i))
        and i not in entries
        and not _AGO.match(page.text(i))
        and is_candidate(page, i, zone)
    ]


def _over_story(page: Page, i: int) -> bool:
    """Whether line `i` stands over a run of paragraphs, as a story's headline does; a live
    entry's heading stands over a paragraph or two."""
    run = page.lines[i + 1 : i + 1 + _STORY_PARAGRAPHS]
    return len(run) == _STORY_PARAGRAPHS and all(is_paragraph(line.text) for line in run)


def _under_headline(page: Page, i: int) -> bool:
    """Whether a headline of three words or more stands just above line `i`: a `Watch: …` line
    under it captions the story's lead clip (a video page's stands under a label, `VIDEO`)."""
    if i == 0 or page.boiler(i - 1):
        return False
    above = page.text(i - 1)
    return word_count(above) >= 3 and is_headline_like(above)


def _heads_header(page: Page, zone: Zone | None, i: int) -> bool:
    """Whether line `i`, whose words the story repeats, heads the story rather than quoting it:
    a pull quote stands between the story's paragraphs; a headline above them, over its byline
    or date (the lead often retells the headline word for word)."""
    if zone is None or i >= zone.start:
        return False
    # A byline or a date, not a publisher's name: a pull quote over `Xinhua` opens some copies.
    below = range(i + 1, min(i + 1 + _HEADER_REACH, len(page.lines)))
    return any(signs_or_dates(page, j) for j in below)


def _opening_headline(text: str) -> bool:
    """Whether the first line reads as a headline, not a section label (`This Blog`, `Politik ·
    Jane Doe`)."""
    return word_count(text) >= 3 and not bare_names(text) and not PART_MARK.search(text)


def _signed(page: Page, zone: Zone, i: int) -> bool:
    """Whether line `i` inside the zone heads the story: a byline or date follows it and only
    headline-shaped lines (a list of teasers, not the story's sentences) stand above it."""
    below = range(i + 1, min(i + 5, len(page.lines)))
    if any(_by_line(page, j) for j in below):
        return True  # `Kate Moss auf dem Cover …` / its standfirst / `VON JANE DOE`
    if not all(_heading_or_trail(page.text(j)) for j in range(zone.start, i)):
        return False  # a subhead of the story, under its first paragraphs
    return _meta_near(page, below)


def _by_line(page: Page, j: int) -> bool:
    """Whether line `j` is a labelled byline (`By Jane Doe`, `di Giulia Esempio`)."""
    text = page.text(j)
    return bool(_BY.match(text) and page.is_meta(j)) or bool(LABELLED_NAME.match(text))


def _under_byline(page: Page, i: int) -> bool:
    """Whether line `i` stands under a byline without one of its own: a headline stands above
    its byline, so such a line is the author's blurb, a standfirst or a caption (a teaser's
    headline under another teaser's byline has its own byline or name below)."""
    if not any(_by_line(page, j) for j in range(max(0, i - _HEADER_REACH + 1), i)):
        return False
    below = range(i + 1, min(i + 3, len(page.lines)))
    return not any(_by_line(page, j) or page.is_name_line(j) for j in below)


def _heading_or_trail(text: str) -> bool:
    """Whether a line may stand above a headline in the zone: a teaser's heading, or the menu
    and breadcrumb trail a copy glues into one long line (`TOP … home > Gadgets > …`)."""
    return is_headline_like(text) or _crumbs(text)


def _crumbs(text: str) -> bool:
    """Whether a line holds a breadcrumb trail."""
    return bp.is_breadcrumb(text) or len(_CRUMB.findall(text)) >= 2


def features(
    page: Page,
    zone: Zone,
    i: int,
    rank: int,
    body: set[str],
    old: int | None,
    near: frozenset[int] = frozenset(),
    lead: set[str] | None = None,
    top_share: float = 0.0,
) -> list[float]:
    """The facts about line `i` that the model weighs, in the order of FEATURES."""
    text = headline_text(page, i)
    key = text.casefold()
    words = word_count(text)
    above = zone.start - i
    mine = words_of(text)
    share = _share(mine, body)
    holders = [k for k in page.keys if key in k and k != key]  # longer lines that hold it
    longer = [k for k in holders if k.startswith(key) and len(k) < 2 * len(key) + 40]
    copies = page.keys.count(key)
    gap = _meta_gap(page, i)
    return [
        math.log1p(max(0, above)),
        float(above <= 0),
        float(rank == 0),
        math.log1p(rank),
        math.log1p(words),
        float(3 <= words <= 20),
        float(ends_sentence(text)),
        float(text.rstrip().endswith("?")),
        float(":" in text),
        float(bp.in_list_run(page.lines, i)),
        float(gap <= 4),  # a byline, date or publisher line within four lines below
        float(_meta_near(page, range(max(0, i - 2), i))),
        float(i + 1 < len(page.lines) and is_paragraph(page.text(i + 1))),
        float(i > 0 and word_count(page.text(i - 1)) <= 3),
        share,
        float(share == 0.0),
        float(bool(longer)),
        float(copies > 1),
        float(is_upper(text)),
        float(page.lines[i].block_start),
        float(any(c.isdigit() for c in text)),
        float(old == i),
        float(i == 0),
        float(bool(_BY.match(text))),
        float(i - 1 in near or i - 2 in near),
        float(i + 1 in near or i + 2 in near),
        float(words > 20),
        float(bool(INNER_STOP.search(text))),
        float(bool(_CREDIT.search(text))),
        float(_crumbs(text)),
        float(bool(bare_names(text))),
        float(bool(_PROMPT.search(text))),
        float(copies > 2),
        # Echoed: a longer line holds it (a share prompt, a breadcrumb, the page title).
        float(word_count(key) >= 3 and bool(holders)),
        float(i + 1 in near and word_count(page.text(i + 1)) > words),
        float(i - 1 in near and word_count(page.text(i - 1)) < words),
        _title_case(text),
        _share(mine, lead) if lead else 0.0,
        share / top_share if top_share else 0.0,
        math.log1p(gap),
        float(i > 0 and bp.in_list_run(page.lines, i - 1)),
    ]


def _meta_gap(page: Page, i: int) -> int:
    """How many lines below `i` the first byline, date or publisher line stands (at most 10)."""
    if i not in page.meta_gaps:
        page.meta_gaps[i] = _first_meta_gap(page, i)
    return page.meta_gaps[i]


def _first_meta_gap(page: Page, i: int) -> int:
    """How many lines below `i` the first byline, date or publisher line stands (uncached)."""
    for gap in range(1, 10):
        if i + gap < len(page.lines) and _meta_near(page, range(i + gap, i + gap + 1)):
            return gap
    return 10


def _share(words: set[str], body: set[str]) -> float:
    """The share of a line's words that the story's paragraphs use too."""
    return len(words & body) / len(words) if words else 0.0


def _title_case(text: str) -> float:
    """The share of capitalised words among the longer words (`Title Case For Headlines`)."""
    words = _LONG_WORD.findall(text)
    if len(words) < 3:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def _meta_near(page: Page, span: range) -> bool:
    """Whether a byline, date or publisher line stands among the lines of `span`."""
    return any(page.is_meta(j) or page.is_name_line(j) or _labelled(page, j) for j in span)


def _labelled(page: Page, j: int) -> bool:
    """Whether line `j` is a byline label's name (`di Giulia Esempio`) or a label on a line of
    its own over a byline or date (`Publish date:` / `Jan 12, 2017`)."""
    text = page.text(j)
    if LABELLED_NAME.match(text):
        return True
    return bool(_LABEL_LINE.match(text)) and j + 1 < len(page.lines) and page.is_meta(j + 1)


def zone_words(page: Page, zone: Zone) -> set[str]:
    """The words of the zone's paragraphs."""
    words: set[str] = set()
    for j in range(zone.start, zone.end):
        if is_paragraph(page.text(j)):
            words |= words_of(page.text(j))
    return words


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict:
    """The shipped weights (a small JSON file), checked against the feature list."""
    model = json.loads(path.read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURES:
        raise ValueError(f"{path} was trained on other features: retrain it")
    return model


def score(model: dict, values: list[float]) -> float:
    """The model's score for a line: only its order among the lines of one page matters."""
    if model["kind"] == "logit":
        return sum(w * v for w, v in zip(model["weights"], values, strict=True))
    total = 0  # summed in the trees' order, as `sum` would, inline: it runs per tree and line
    for node in model["trees"]:
        while isinstance(node, list):  # down to the leaf the line's features reach
            feature, threshold, left, right = node
            node = left if values[feature] <= threshold else right
        total += node
    return total


def feature_rows(page: Page, zone: Zone, found: list[int], old: int | None) -> list[list[float]]:
    """The feature rows of the candidate lines `found` (nearest the zone first)."""
    body = zone_words(page, zone)
    lead = words_of(page.text(zone.start))
    near = frozenset(found)  # headline-shaped neighbours are evidence
    top = max((_share(words_of(headline_text(page, i)), body) for i in found), default=0.0)
    return [
        features(page, zone, i, rank, body, old, near, lead, top) for rank, i in enumerate(found)
    ]


def _name_over_heading(page: Page) -> bool:
    """Whether the text opens on a name over a heading in title case (`Notes from the
    Allotment` / `Why Broad Beans Are Worth Sowing`): a name capitalises most of its longer
    words, so a first line in sentence case is a headline over a standfirst in title case."""
    heading = page.text(1)
    if not is_title_case(heading) or ends_sentence(heading):
        return False
    words = _LONG_WORD.findall(page.text(0))
    return 2 * sum(word[0].isupper() for word in words) > len(words)


def find_headline(page: Page, zone: Zone, old: int | None) -> tuple[int, float] | None:
    """The most likely headline line and its score, or None when no line clears the bar."""
    model = load_model()
    found = candidates(page, zone)
    if not found:
        return None
    if (
        old == 0
        and 0 in found
        and zone.start <= _OPENING
        and _opening_headline(page.text(0))
        and not (1 in found and _name_over_heading(page))
        and not any(j > 1 and _two_sentence_head(page, zone, j) for j in found)
    ):
        # A text that opens on a headline a few lines above its story was selected from the
        # headline down (a wire story, a reader's copy of the article alone): no menu to
        # mistake, and the line below it is the standfirst. (A headline of two sentences
        # under a label below it, over its byline, makes it the site's name over a section.)
        return 0, math.inf
    rows = feature_rows(page, zone, found, old)
    # A line under a byline, a teaser over its stamp or its `By` line in a list of others, or a
    # menu's entry that the page prints again glued into one line is weighed (it is its
    # neighbours' evidence) but never chosen.
    scored = [
        (score(model, row), i)
        for row, i in zip(rows, found, strict=True)
        if not _under_byline(page, i)
        and not _stamped_teaser(page, i)
        and not glued_menu_entry(page, i)
        and not teaser_headline(page, i)
    ]
    if not scored:
        return None
    best, at = max(scored, key=lambda pair: (pair[0], -abs(zone.start - pair[1])))
    # Below the bar the rule-based choice stands, unless it is a name alone (an author's box).
    if best < model["threshold"] and (old is None or not bare_names(page.text(old))):
        return None
    # The same headline printed twice (a teaser above, the story's own heading): the copy
    # nearest the story heads it, and its byline and date stand beside that copy.
    same = [i for i in found if page.keys[i] == page.keys[at]]
    at = headline_under_glued(page, min(same, key=lambda i: abs(zone.start - i)), found)
    heads = {i for value, i in scored if value >= model["threshold"]}
    at = headline_over_standfirst(page, at, heads, _meta_gap(page, at))
    at = headline_over_points(page, at, heads, _meta_gap(page, at))
    at = headline_in_address(page, at, heads)
    at = headline_under_date_header(page, zone, at, heads)
    at = headline_over_names(page, at, found)
    at = headline_over_author(page, at, heads)
    at = headline_under_kicker(page, headline_under_quote(page, at, heads), found)
    return headline_among_decks(page, at, found), best
