"""A saved page's metadata as the page states it: the JSON-LD article node (references
resolved), meta tags, the `<title>`, the first visible headings, `<time>` publication stamps and
the full dates shown near the visible headline.

Read once per page (`read_page`); the choice among these candidates is made elsewhere, by
agreement: the title in `pagetitle`, the publication date in `pagedate`.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from indexer.normalize.boilerplate import box_kind
from indexer.normalize.bylines import clean_name
from indexer.normalize.calendars import without_eras
from indexer.normalize.crumbs import trail_step
from indexer.normalize.dates import date_label, find_date, parse_date_line
from indexer.normalize.factbox import FACT_BOX, labelled_fact
from indexer.normalize.headtail import RELATIVE_TIME
from indexer.normalize.kicker import split_kicker
from indexer.normalize.logo import is_logo
from indexer.normalize.masthead import CLOCK
from indexer.normalize.monthnames import is_weekday_name
from indexer.normalize.nextdata import next_data_article
from indexer.normalize.stamplines import (
    names_publication,
    names_stamp,
    names_update,
    picture_line,
)
from indexer.normalize.writerlink import writer_page

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting",
     "Report", "TechArticle", "ScholarlyArticle", "SatiricalArticle", "AskPublicQuestion",
     "SocialMediaPosting", "DiscussionForumPosting"}
)  # fmt: skip
# Works a page may present as its own beside articles: a photo gallery, a critic's review, a
# video (its own page: the uploader is its author).
_GALLERY_TYPES = frozenset(
    {"ImageGallery", "MediaGallery", "Review", "CriticReview", "VideoObject"}
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"',
                         "–": "-", "—": "-", "\u00a0": " ", "\u00ad": ""})  # fmt: skip
_LD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
# Strings (kept), comments and trailing commas (dropped) in JSON that browsers would accept.
_LD_LAX = re.compile(
    r'(?P<string>"(?:[^"\\]|\\.)*")|(?P<comment>/\*.*?\*/|(?<![:"\w])//[^\n]*)'
    r"|,\s*(?P<close>[}\]])",
    re.DOTALL,
)
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})
_UNTITLED = _HIDDEN | {"title"}  # the hidden parts and the `<title>`: none sets a headline
_LISTS = frozenset({"ul", "ol", "dl"})
_ASIDE = frozenset({"a", "aside", "nav"})  # what holds other stories' links, not the story
_QUOTED = _ASIDE | {"blockquote", "q", "figure"}  # what carries another text's stamp
_CAPTION = frozenset({"figcaption"})
_SHOWN_LINE = 120  # a date line, not a paragraph that mentions a date
_PARAGRAPH = 150  # a text piece this long is a paragraph of the story
_SECTION_WORDS = 4  # a section's or site's name in a menu is this short
_NAME_CHARS = 32  # and a site's name this long at most, in any script
_HEADLINE_WORDS = 20  # a headline's words at most: a longer bold piece is a paragraph's lead
_LARGE_FONT = 4  # `<font size>` from which a piece is set larger than the text (3)
_TEASER_WORDS = 3  # a linked headline's words; a section's link has one or two
_HOUR_MINUTE = re.compile(
    r"(?<![\d.:/])(\d{1,2})[:.h](\d{2})(?![\d.:/])(?:\s*([ap])\.?\s?m\b)?", re.IGNORECASE
)
# A time of day in Chinese, Japanese or Korean (`8時30分`, `8时30分`, `8시 30분`), in 24 hours
# or after the half of the day (`午後8時30分`, `下午8时30分`, `오후 8시 30분`: p.m.).
_CJK_HOUR_MINUTE = re.compile(
    r"(?:(?P<half>午前|午後|上午|下午|오전|오후)\s*)?(?<!\d)(\d{1,2})\s*[時时시]\s*(\d{1,2})\s*[分분]"
)
_CJK_AFTERNOON = frozenset({"午後", "下午", "오후"})
# A `datetime` with a time of day and an offset other than UTC's (`2024-11-21T19:48+01:00`).
_LOCAL_STAMP = re.compile(
    r"^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?[+-](?!00:?00)\d{2}:?\d{2}\s*$"
)
# A print edition's number beside its day's stamp (`رقم العدد [ ١٧٢٠٤ ]`, `Issue No. 4512`).
_EDITION = re.compile(r"(?:رقم\s+)?العدد\s*[\[(]?\s*\d+\s*[\])]?|\bIssue\s+No\.?\s*\d+")
_UPDATE_LABEL = 30  # a text piece this short before a date may be its label (`Last updated`)
_BODY_MARK = "\x00paragraph"
_TITLE_GLUE = r"\s+[|:·•\-–—]{1,2}\s+"  # what sets a `<title>`'s parts apart (`Site - Headline`)
_TITLE_PARTS = re.compile(_TITLE_GLUE)
_CARD_MARK = "\x00card"  # where another story's card or a side block starts under the headline
# Before an `<h2>`'s key: the headline of a page whose `<h1>` names the page or the blog.
_H2_MARK = "\x00h2 "
_CARD_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_CARD_DEPTH = 3  # a card list's block holds its cards' headings this few levels up (li, ul)
_BEFORE_HEADLINE = 10  # text pieces before and after the headline that form its header cluster
_AFTER_HEADLINE = 30
_HEADING_LIMIT = 6  # the first headings of a page are where its headline is
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class PageMeta:
    """What the page states about itself, gathered once."""

    ld: dict[str, Any] | None = None
    meta: dict[str, str] = field(default_factory=dict)
    meta_all: dict[str, list[str]] = field(default_factory=dict)  # every value of a repeated tag
    title_tag: str | None = None
    headings: list[str] = field(default_factory=list)
    # An `<h1>` heading's text without a leading kicker element, and whether punctuation joins
    # that kicker to it (`kicker.py`).
    kickers: dict[str, tuple[str, bool]] = field(default_factory=dict)
    logos: list[str] = field(default_factory=list)  # `<h1>` links to the front page (`logo.py`)
    # `<h1>` page names that end a breadcrumb trail over a heading of the story (`crumbs.py`).
    trail_names: list[str] = field(default_factory=list)
    # `<h1>` headings in the `<header>` of an `<article>`: where a template sets the story's own.
    header_headings: set[str] = field(default_factory=set)
    # Where the page has no `<h1>`, the `<h2>` set over the story's paragraphs.
    story_heading: str | None = None
    # The texts of the `<h2>` and `<h3>` headings: a headline a banner's `<h1>` stands over.
    lower_headings: set[str] = field(default_factory=set)
    # The headline schema.org microdata marks on the article's own item (`itemprop="headline"`
    # inside `itemtype="…/NewsArticle"`), as the JSON-LD `headline` states it.
    microdata_headline: str | None = None
    time_published: list[str] = field(default_factory=list)  # `<time>`/itemprop datePublished
    # Visible full dates and `<h1>` keys, by their position among the page's text pieces.
    shown_days: list[tuple[int, tuple[int, int, int] | str]] = field(default_factory=list)
    # The `datetime` of every `<time>` element, by the position of its text among those pieces.
    time_stamps: list[tuple[int, str]] = field(default_factory=list)
    # The positions among those of the `<time>` elements the template marks as the update only
    # (hAtom's `updated` class without `published`: WordPress's `entry-date published` beside it).
    update_times: set[int] = field(default_factory=set)
    # Days the page shows only under an update's label (`Updated 6 March 2024`).
    shown_updates: set[tuple[int, int, int]] = field(default_factory=set)
    # Days the page shows under a publication's label (`Published: 6 March 2024`).
    shown_published: set[tuple[int, int, int]] = field(default_factory=set)
    # The moments date lines show with one time of day, by position, as written in the page's
    # zone (year, month, day, hour, minute).
    shown_clocks: list[tuple[int, tuple[int, int, int, int, int]]] = field(default_factory=list)
    # The times of day lines show without a day (`9:40pm`), by position (hour, minute).
    shown_times: list[tuple[int, tuple[int, int]]] = field(default_factory=list)
    # The positions of shown dates that are stamps with a time of day (`5 mars 2025 à 00h40`).
    shown_stamps: set[int] = field(default_factory=set)
    # The positions of those stamps that show no time of day and are not another story's (one
    # inside a link or a side block, `<a>`, `<aside>`, `<nav>`, or after a story's link).
    untimed_stamps: set[int] = field(default_factory=set)
    # The positions of stamps that another text carries into the story: inside a link, a side
    # block, a quote or a figure (an embedded post's `<a>March 2, 2025</a>`).
    quoted_stamps: set[int] = field(default_factory=set)
    # The block around each paragraph-length piece (its element's parent, as a tree path), by
    # position: a standfirst stands outside the block of the story's paragraphs.
    paragraph_blocks: dict[int, str] = field(default_factory=dict)
    # Days shown as a link to the page's own address (`<a href="/post/…">Nov 28th, 2026</a>`):
    # the permalink a blog's theme dates its entry with.
    permalink_days: set[tuple[int, int, int]] = field(default_factory=set)
    # Days shown right after another story's link (`Read also` / its headline / its stamp).
    teaser_days: set[tuple[int, int, int]] = field(default_factory=set)
    lang: str | None = None  # the `<html lang>` tag (`en-AU`)
    # The keys of the short texts of the page's links: its menus' and trail's sections.
    link_names: set[str] = field(default_factory=set)


def plain(value: Any) -> str | None:
    """A metadata string with entities decoded (twice-encoded ones too) and spaces collapsed."""
    if not isinstance(value, str):
        return None
    text = value
    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    text = " ".join(text.replace("\u00ad", "").split())
    return text or None


def title_key(text: str) -> str:
    """A title compared up to case, quote and dash styles, width, spaces and a closing full stop
    (`Mouse goes on sale。` in the page title, `Mouse goes on sale` in the heading)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.casefold().split()).rstrip("。.").rstrip()


def read_page(tree: HtmlElement) -> PageMeta:
    """Gather the page's JSON-LD article, meta tags, `<title>`, headings and `<time>` dates."""
    every = all_meta_tags(tree)
    page = PageMeta(
        ld=jsonld_article(tree), meta={k: v[0] for k, v in every.items()}, meta_all=every
    )
    root = tree.getroottree().getroot()
    page.lang = root.get("lang") or root.get("xml:lang")
    title = tree.find(".//title")
    if title is not None:
        page.title_tag = plain(title.text_content())
    story = _paragraph_chars(tree)  # what the page's paragraphs hold, to find the story's block
    for node in tree.iter("h1"):
        text = plain(_broken_text(node))
        if text and is_logo(node):
            page.logos.append(text)
            continue
        if text and trail_step(node):
            # The page's name ending its breadcrumb trail: the reader's headline is the
            # heading set over the story under it.
            shown = _heading_under_trail(tree, node)
            if shown is not None:
                page.trail_names.append(text)
                node, text = shown, plain(_broken_text(shown))
        if text:
            page.headings.append(text)
            if _story_header(node, story):
                page.header_headings.add(text)
            unkicked = split_kicker(node, text)
            if unkicked:
                page.kickers[text] = unkicked
        if len(page.headings) >= _HEADING_LIMIT:
            break
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag in ("h2", "h3"):
            if text := plain(_broken_text(node)):
                page.lower_headings.add(text)
        elif node.tag == "a":
            if (text := plain(node.text_content())) and _name_sized(text):
                page.link_names.add(title_key(text))
        prop = (node.get("itemprop") or "").lower()
        if prop == "headline" and node.tag != "meta":
            text = plain(node.text_content())
            if text and text not in page.headings:
                page.headings.append(text)
            if text and page.microdata_headline is None and _own_headline(node):
                page.microdata_headline = text
        if prop == "datepublished" or (node.tag == "time" and node.get("pubdate") is not None):
            stamp = node.get("datetime") or node.get("content")
            if node.tag == "abbr":
                # The microformats' `<abbr title="2026-11-14T19:52:00Z">7:52 PM</abbr>`: the
                # stamp in the title, the text only what the reader sees (Blogger's themes).
                stamp = stamp or node.get("title")
            if stamp:
                page.time_published.append(stamp)
    if not page.headings:
        # Where no `<h1>` but a logo heads the page, an `<article>`'s `<header>` holds its title.
        heading = _article_heading(tree, story)
        if heading:
            page.headings.append(heading)
        else:
            page.story_heading = _story_h2(tree, story)
    shown_title = None
    if not page.headings and page.story_heading is None:
        # An old template without headings sets the headline in a styled block: the part of
        # the `<title>` it shows (`Site - Section - Headline`) is the story's headline; where
        # the `<title>` names only a section and the site, the bold or large one over the story.
        shown_title = _shown_title_part(tree, page.title_tag)
        if shown_title is None and names_section(page.title_tag, page.link_names):
            shown_title = _styled_headline(tree)
        if shown_title is not None:
            page.headings.append(plain(_broken_text(shown_title)) or "")
    if page.ld is None:
        page.ld = _next_data(tree, page.headings)
    page.shown_days = _shown_days(tree, page, shown_title)
    return page


def _heading_under_trail(tree: HtmlElement, step: HtmlElement) -> HtmlElement | None:
    """The first `<h2>` of a headline's words after a breadcrumb trail's last step and before
    the story's first paragraph, outside links and side blocks and not a box's label."""
    nodes = tree.iter()
    for node in nodes:
        if node is step:
            break
    for node in _above_story(nodes, _HIDDEN):
        if node.tag != "h2" or _inside(node, _ASIDE | _HIDDEN) or _box_label(node):
            continue
        if len((plain(_broken_text(node)) or "").split()) >= _TEASER_WORDS:
            return node
    return None


def _above_story(nodes: Iterator[HtmlElement], skipped: frozenset[str]) -> Iterator[HtmlElement]:
    """The elements of `nodes` but the `skipped` tags, up to the first whose own text is a
    paragraph's (the story's first)."""
    for node in nodes:
        if not isinstance(node.tag, str) or node.tag in skipped:
            continue
        if _paragraph_wide(" ".join((node.text or "").split())):
            return
        yield node


def _own_headline(node: HtmlElement) -> bool:
    """Whether a microdata headline is the page's article's: its item an article, and not
    another story's teaser (a link, or in a list of links or an aside)."""
    if _inside(node, _ASIDE) or node.find(".//a[@href]") is not None:
        return False
    return _in_article_scope(node)


def _in_article_scope(node: HtmlElement) -> bool:
    """Whether an element's nearest microdata item (`itemscope`) is an article."""
    for parent in node.iterancestors():
        if parent.get("itemscope") is not None:
            kinds = (parent.get("itemtype") or "").split()
            return any(_article_type(kind.rstrip("/")) for kind in kinds)
    return False


def _article_heading(tree: HtmlElement, story: int) -> str | None:
    """The `<h2>` in the `<header>` of the `<article>` that holds the story: most of the page's
    paragraphs, not a teaser card's line (a strip of breaking news over the story, a sidebar's
    cards beside a story set in no `<article>`); `story` is the page's paragraphs' size."""
    best: tuple[int, str] | None = None
    for node in tree.xpath("//article//header//h2"):
        text = plain(_broken_text(node))
        size = _paragraph_chars(next(node.iterancestors("article")))
        if text and 2 * size >= story and (best is None or size > best[0]):
            best = size, text
    return best[1] if best else None


def _story_header(heading: HtmlElement, story: int) -> bool:
    """Whether a heading sits in the `<header>` of the `<article>` that holds most of the page's
    paragraphs (`story` characters): the story's own, not a teaser's or a comment's marked up as
    an article."""
    ancestors = list(heading.iterancestors())
    article = next((a for a in ancestors if a.tag == "article"), None)
    if article is None or not any(a.tag == "header" for a in ancestors[: ancestors.index(article)]):
        return False
    return 2 * _paragraph_chars(article) >= story > 0


def _story_h2(tree: HtmlElement, story: int) -> str | None:
    """The first `<h2>` outside links and asides whose parent holds most of the page's
    paragraphs (`story` characters): the story's headline set over its text."""
    for node in tree.iter("h2"):
        parent = node.getparent()
        text = plain(_broken_text(node))
        if text and parent is not None and not _inside(node, _ASIDE):
            if 2 * _paragraph_chars(parent) >= story > 0 and not _box_label(node):
                return text if _over_text(node, parent) else None
    return None


def _shown_title_part(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The element outside links and side blocks whose whole text is a part of the `<title>`
    (split at a spaced separator) of a headline's few words, the last such above the story's
    first paragraph: the headline stands over the story's text, the site's tagline above it in
    the masthead."""
    if not title:
        return None
    whole = title_key(title)
    best: tuple[str, HtmlElement] | None = None
    for node in _above_story(tree.iter(), _UNTITLED):
        text = plain(_broken_text(node)) or ""
        # Keying keeps every word but a closing full stop: a text of more words than the title
        # has (`<html>` and `<body>` hold the whole page's) is no part of it.
        if text.count(" ") > whole.count(" ") + 1:
            continue
        key = title_key(text)
        if len(key.split()) < _TEASER_WORDS or (best is not None and key == best[0]):
            continue
        if key not in whole:
            continue  # the pattern below holds the key as it is
        part = re.fullmatch(rf"(?:.+{_TITLE_GLUE})?{re.escape(key)}(?:{_TITLE_GLUE}.+)?", whole)
        if part and not _inside(node, _ASIDE | _HIDDEN):
            best = key, node
    return best[1] if best else None


def names_section(title: str | None, links: set[str], heading: str = "") -> bool:
    """Whether a `<title>` names only a section the page links to and the site (`News - Town
    Council`): every part of it, split at a spaced separator, is a link's text but one of a
    name's few words, and none is the page's `heading`. A section's template titles the page
    so; no part is the story's."""
    parts = [title_key(part) for part in _TITLE_PARTS.split(title or "") if part.strip()]
    rest = [part for part in parts if part not in links]
    return (
        len(parts) > 1
        and len(rest) == 1
        and _name_sized(rest[0])
        and title_key(heading) not in parts
    )


def _name_sized(text: str) -> bool:
    """Whether a text is as short as a section's or a site's name, in any script."""
    return len(text.split()) <= _SECTION_WORDS and len(text) <= _NAME_CHARS


def _styled_headline(tree: HtmlElement) -> HtmlElement | None:
    """The last bold or large piece of a headline's few words outside links and side blocks
    above the story's first paragraph (`<font size="5"><b>Headline</b></font>`): an old
    template's headline over its byline and text."""
    found = None
    for node in _above_story(tree.iter(), _UNTITLED):
        if not _styled(node) or _inside(node, _ASIDE | _HIDDEN):
            continue
        words = len((plain(_broken_text(node)) or "").split())
        if _TEASER_WORDS <= words <= _HEADLINE_WORDS:
            found = node
    return found


def _styled(node: HtmlElement) -> bool:
    """Whether an element sets its text in bold or in a large font (`<font size="5">`)."""
    if node.tag in ("b", "strong", "big"):
        return True
    size = (node.get("size") or "").strip() if node.tag == "font" else ""
    return size.isdigit() and int(size) >= _LARGE_FONT


def _box_label(heading: HtmlElement) -> bool:
    """Whether a heading labels a box (`Summary`, `At a glance`, `Key points`), never a story."""
    return box_kind(plain(_broken_text(heading)) or "") is not None


def _over_text(heading: HtmlElement, parent: HtmlElement) -> bool:
    """Whether a heading is set over its parent's text, as a headline is: before every paragraph
    but a box's (`Key points` over the paragraph that sums the story up), where a label
    (`Related`) heads a list or follows the story's text. Past a box, the heading must stand
    alone: one of several over the text's parts is a subheading (`Background`)."""
    following = heading.getnext()
    if following is not None and following.tag in _LISTS:
        return False
    nodes = list(parent.iter("h2", "p"))
    boxed = False
    for at, node in enumerate(nodes):
        if node is heading:
            return at == 0 or not any(n.tag == "h2" and not _box_label(n) for n in nodes[at + 1 :])
        if node.tag == "h2":
            boxed = _box_label(node)
        if not boxed:
            return False
    return False


def _paragraph_chars(node: HtmlElement) -> int:
    """How many characters the paragraphs under a node hold."""
    return sum(len(p.text_content()) for p in node.iter("p"))


def _marks_update(node: HtmlElement) -> bool:
    """Whether a `<time>` element's classes mark it as the update alone (hAtom's `updated`)."""
    classes = (node.get("class") or "").lower().split()
    return "updated" in classes and "published" not in classes


def _shown_days(
    tree: HtmlElement, page: PageMeta, headline: HtmlElement | None = None
) -> list[tuple[int, tuple[int, int, int] | str]]:
    """The page's visible text in order: full dates by position, and `<h1>` keys by position
    (and the key of `headline`, the block a page without headings shows its title in).
    Into `page` go each `<time datetime>` at the position of its first text (`time_stamps`;
    `update_times` too where it is marked as the update alone), the days shown only under an
    update's label (`Last updated` / `6 March 2024`: `shown_updates`) and under a publication's
    (`Published:` / `6 March 2024`: `shown_published`), the positions of date
    lines with a time of day (`5 mars 2025 à 00h40`), in a `<time>` element or alone in their
    piece (`May 2, 2024`: `shown_stamps`), and a date line's day and one time of day
    (`Updated 10:02 PM EST, Tue March 5, 2024`: `shown_clocks`), and of the untimed stamps
    that are not another story's (`untimed_stamps`)."""
    shown: list[tuple[int, tuple[int, int, int] | str]] = []
    addresses = own_paths(tree)
    labelled: set[tuple[int, int, int]] = set()
    plain_days: set[tuple[int, int, int]] = set()
    position, previous, linked = 0, "", False
    # Whether the text is the story's header: after the first `<h1>`, before a paragraph.
    header, headed = False, False
    for node in tree.iter():
        if not isinstance(node.tag, str) or node.tag in _HIDDEN:
            continue
        if node.tag == "h1" or node is headline:
            shown.append((position, title_key(plain(_broken_text(node)) or "")))
            header, headed = header or not headed, True
        elif headed and _starts_card(node):
            shown.append((position, _CARD_MARK))
            header = False
        if node.tag == "h2":
            shown.append((position, _H2_MARK + title_key(plain(_broken_text(node)) or "")))
        if node.tag == "time" and node.get("datetime"):
            page.time_stamps.append((position + 1, node.get("datetime", "")))
            if _marks_update(node):
                page.update_times.add(position + 1)
        own = (node.text, node.tail if node.getparent() is not None else None)
        for piece, text in enumerate(own):
            line = " ".join((text or "").split())
            if not line:
                continue
            position += 1
            # A `<time datetime>` element's own text is the template's stamp, timed or not.
            stamp = node.tag == "time" and piece == 0 and bool(node.get("datetime"))
            relative = stamp and RELATIVE_TIME.match(line) and not _inside(node, _ASIDE)
            if relative and (header or not headed and _above_headline(node)):
                line = _time_text(node, line)
            label, previous = previous, line
            # Whether the piece before is another story's link (`Storm closes schools`), not
            # the writer's or a section's (`News`): a date right after it is a teaser's.
            teaser, linked = linked, _story_link(node, piece, line)
            holder = node if piece == 0 else node.getparent()  # the element the text is in
            if _paragraph_wide(line):
                shown.append((position, _BODY_MARK))
                header = False
                block = holder.getparent()
                page.paragraph_blocks[position] = (
                    "" if block is None else tree.getroottree().getpath(block)
                )
            if len(line) > _SHOWN_LINE or not any(map(str.isdigit, line)):
                continue
            found = find_date(line) if len(line) >= 6 else None
            times = _clocks(line)
            clock = _clock(times)
            if not (found and found[0].day) and clock is not None:
                page.shown_times.append((position, clock))
            if found and found[0].year and found[0].month and found[0].day:
                if _fact_value(holder, line[: line.find(found[1])] or label):
                    continue  # `<dt>Release date</dt><dd>March 4, 2025</dd>`: the work's day
                if _inside(holder, _CAPTION) or picture_line(line):
                    continue  # a picture's caption or credit: the day it was taken
                day = (found[0].year, found[0].month, found[0].day)
                shown.append((position, day))
                if holder.tag == "a" and _permalink(holder.get("href") or "", addresses):
                    page.permalink_days.add(day)
                if teaser:
                    page.teaser_days.add(day)
                # A template's stamp: timed, in a `<time>`, or a piece that is only the date
                # and stands unlabelled (a fact box's `When:` / `9 May` is an event's day) and
                # not after another story's link.
                labelled_box = label.endswith((":", "：")) or _defined(holder, label)
                whole = _only_date(line, found[1]) and not (teaser or labelled_box)
                if stamp or whole or (CLOCK.search(line) and parse_date_line(line) is not None):
                    page.shown_stamps.add(position)
                    if _inside(holder, _QUOTED):
                        page.quoted_stamps.add(position)
                    if not (teaser or times or _inside(holder, _ASIDE) or _dates_link(holder)):
                        page.untimed_stamps.add(position)
                if clock is not None:
                    page.shown_clocks.append((position, (*day, *clock)))
                update = _shown_label(label, line, found[1], names_update)
                (labelled if update or _modified_prop(holder) else plain_days).add(day)
                # A print edition's number dates its day's edition: the story ran in it.
                edition = _EDITION.search(line) is not None
                if edition or _shown_label(label, line, found[1], names_publication):
                    page.shown_published.add(day)
    page.shown_updates.update(labelled - plain_days)
    return shown


def own_paths(tree: HtmlElement) -> set[str]:
    """The paths of the page's own address, as its canonical link and og:url give it."""
    hrefs = [
        link.get("href") or ""
        for link in tree.iter("link")
        if (link.get("rel") or "").strip().lower() == "canonical"
    ]
    hrefs += [
        meta.get("content") or ""
        for meta in tree.iter("meta")
        if (meta.get("property") or "").strip().lower() == "og:url"
    ]
    return {path for path in map(link_path, hrefs) if path}


def _permalink(href: str, addresses: set[str]) -> bool:
    """Whether a link goes to the page's own address itself: one to a place in it (`#comment-48`,
    a comment's date linked to its anchor) dates that part, not the entry."""
    return "#" not in href and link_path(href) in addresses


def link_path(href: str) -> str:
    """A link's path without a closing slash (`https://a.example/x/?s=1` -> `/x`)."""
    try:
        return urlsplit(href.strip()).path.rstrip("/")
    except ValueError:
        return href


def _only_date(line: str, date_text: str) -> bool:
    """Whether a text piece is only its date, with the weekday it may open on in any language
    (`zaterdag 31 oktober 2026`, `Mittwoch, 25. November 2026`); an Arab paper's may restate
    its day in the Islamic calendar and name the print edition (`calendars.without_eras`)."""
    rest = line.replace(date_text, " ", 1).strip(" ,.")
    bare = without_eras(_EDITION.sub(" ", rest))
    if bare != rest:  # the calendars' parts stand apart by dashes
        rest = " ".join(bare.split()).strip(" ,.-–—|")
    return not rest or is_weekday_name(rest)


def _defined(holder: HtmlElement | None, term: str) -> bool:
    """Whether a date is a definition list's value (`<dt>Concert</dt><dd>Saturday 14 June</dd>`)
    whose `term` names no stamp of the page's (`Published`): labelled by it as `When:` labels a
    fact box's day."""
    if holder is None or names_stamp(term):
        return False
    return any(node.tag == "dd" for node in (holder, *holder.iterancestors()))


def _fact_value(holder: HtmlElement | None, term: str) -> bool:
    """Whether a date is one value of a box of labelled facts (a `<dl>` or a list of three
    entries or more: `Director`, `Runtime`, `Release date`) whose term names no stamp of the
    page's: the reviewed work's or the event's day, not the story's. (A table's cell may be a
    layout table's, the page's own stamp among them.)"""
    if holder is None or names_stamp(term) or names_update(term) or date_label(term):
        return False
    item = next(holder.iterancestors("li"), holder if holder.tag == "li" else None)
    if item is not None and item.getparent() is not None:
        # `<li>Screen: 6.4-inch OLED</li>` … `<li>Available from: 21 March 2025</li>`
        facts = [li for li in item.getparent() if li.tag == "li" and _fact_item(li)]
        return item in facts and len(facts) >= FACT_BOX
    value = next(holder.iterancestors("dd"), holder if holder.tag == "dd" else None)
    box = next(value.iterancestors("dl"), None) if value is not None else None
    return box is not None and sum(1 for _ in box.iter("dt")) >= FACT_BOX


def _fact_item(item: HtmlElement) -> bool:
    """Whether a list item is a labelled fact (`Battery: 5,000 mAh`)."""
    return labelled_fact(" ".join(item.text_content().split()))


def _modified_prop(holder: HtmlElement | None) -> bool:
    """Whether a shown date is the microdata's update (`itemprop="dateModified"` on its element
    or the one around it): the template names it the update as a label would."""
    return any(
        "datemodified" in (node.get("itemprop") or "").lower().split()
        for node in (holder, holder.getparent() if holder is not None else None)
        if node is not None
    )


def _dates_link(holder: HtmlElement | None) -> bool:
    """Whether a date's element stands before a link to another story beside it (`March 5` /
    `Board delays vote again` in one list item, the link bare or as a heading): a card dates
    its headline before it as often as after it. A share bar's links sit in a block of their
    own."""
    for sibling in holder.itersiblings() if holder is not None else ():
        link = sibling if sibling.tag == "a" else None
        if sibling.tag in _CARD_HEADINGS:
            link = next(sibling.iter("a"), None)
        line = " ".join(link.text_content().split()) if link is not None else ""
        if link is not None and _links_away(link) and reads_as_headline(line):
            return True
    return False


def _links_away(link: HtmlElement) -> bool:
    """Whether a link leads to another page that is no section or tag of the story's own: not
    an anchor on the page (`Leave a comment`) nor a `rel="tag"` or `category` link."""
    rel = (link.get("rel") or "").lower()
    return "#" not in (link.get("href") or "#") and not ("tag" in rel or "category" in rel)


def _starts_card(node: HtmlElement) -> bool:
    """Whether an element starts a side block (`<aside>`) or another story's card: a heading
    whose whole text is a link reading as a story's headline (a related story's `<h3><a>`),
    in a list of such cards; the story's own subheadings, a standfirst that links its series
    and its byline's heading are no links to stories."""
    if node.tag == "aside":
        return True
    return node.tag in _CARD_HEADINGS and _links_story(node) and _in_card_list(node)


def _in_card_list(heading: HtmlElement) -> bool:
    """Whether a story-linking heading is one of a list of cards: a block near it (not the one
    holding the page's `<h1>`) holds another heading of its level that links a story. Related
    stories come in lists; one linked heading in the story's header is its own (a series'
    `Part 2: …`, a blog's permalink headline)."""
    block = heading.getparent()
    for _ in range(_CARD_DEPTH):
        if block is None or next(block.iter("h1"), None) is not None:
            return False
        if any(other is not heading and _links_story(other) for other in block.iter(heading.tag)):
            return True
        block = block.getparent()
    return False


def _links_story(node: HtmlElement) -> bool:
    """Whether a heading's whole text is a link reading as a story's headline."""
    line = " ".join(node.text_content().split())
    linked = _inside(node.getparent(), frozenset({"a"})) or any(
        " ".join(link.text_content().split()) == line for link in node.iter("a")
    )
    return linked and reads_as_headline(line)


def _above_headline(node: HtmlElement) -> bool:
    """Whether an element sits in the `<article>` or `<header>` whose `<h1>` follows it."""
    return any(
        parent.tag in ("article", "header") and parent.find(".//h1") is not None
        for parent in node.iterancestors()
    )


def _time_text(node: HtmlElement, line: str) -> str:
    """The date a `<time datetime>` element in the story's header shows as a time relative to
    now (`vor 2 Stunden`): its tooltip (`title`) where that starts with the date, or else the
    day and time of its `datetime` written with the page's own offset (the template's stamp,
    rendered relative to the moment the page was read), or its text.

    Comments and teasers stamp themselves the same way, so only the header's counts; a tooltip
    with a label before its date (`Aktualisiert: …`) may be the update's."""
    tooltip = " ".join((node.get("title") or "").split())
    found = find_date(tooltip) if tooltip else None
    if found and found[0].day:
        return tooltip if tooltip.startswith(found[1].strip()) else line
    local = _LOCAL_STAMP.match(node.get("datetime") or "")
    return f"{local.group(1)} {local.group(2)}" if local else line


def _inside(node: HtmlElement | None, tags: frozenset[str]) -> bool:
    """Whether an element is, or sits inside, one of the elements `tags` names."""
    while node is not None:
        if node.tag in tags:
            return True
        node = node.getparent()
    return False


def _clock(found: list[tuple[str, str, str]]) -> tuple[int, int] | None:
    """The one time of day among a line's (`_clocks`: `10:02 PM`, `22.02`, `8時30分`), as hour
    and minute, or None."""
    if len(found) != 1:
        return None
    hour, minute, half = int(found[0][0]), int(found[0][1]), found[0][2].lower()
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return (hour, minute) if hour < 24 and minute < 60 else None


def _clocks(line: str) -> list[tuple[str, str, str]]:
    """The times of day a line shows, each as hour, minute and `a` or `p` (or empty)."""
    cjk = [
        (hour, minute, ("p" if half in _CJK_AFTERNOON else "a") if half else "")
        for half, hour, minute in _CJK_HOUR_MINUTE.findall(line)
    ]
    return _HOUR_MINUTE.findall(line) + cjk


def _story_link(node: HtmlElement, piece: int, line: str) -> bool:
    """Whether a text piece is a link's own text that reads as a story's headline, not a link to
    a writer's page (`rel="author"`, `/author/wiredesk/`): a byline's desk (`Gazette Wire Desk`)
    reads as a phrase, and the date after it is the story's own."""
    return node.tag == "a" and piece == 0 and reads_as_headline(line) and not writer_page(node)


def reads_as_headline(line: str) -> bool:
    """Whether a link's text reads as a story's headline: a phrase of a few words, not a name
    (`Jane Doe`) nor a section (`Local news`)."""
    return len(line.split()) >= _TEASER_WORDS and clean_name(line) is None


def _paragraph_wide(line: str) -> bool:
    """Whether a text piece is as wide as a paragraph of the story (over `_PARAGRAPH`), each
    wide (CJK) character counted twice: such a script says in one character what others say
    in two or three, so its paragraphs are shorter."""
    if len(line) > _PARAGRAPH or 2 * len(line) <= _PARAGRAPH or line.isascii():
        return len(line) > _PARAGRAPH  # the width lies between the length and twice it
    return len(line) + sum(unicodedata.east_asian_width(c) in "WF" for c in line) > _PARAGRAPH


def _shown_label(label: str, line: str, date_text: str, names: Callable[[str], bool]) -> bool:
    """Whether a shown date is labelled as `names` tells (an update's, a publication's), on its
    own text piece (`Updated 6 March 2024`) or on the short one before it (`Last updated` /
    `6 March 2024`, the weekday it may open on aside: `Veröffentlicht` / `Samstag, 14. Juni`)."""
    before = line[: line.find(date_text)]
    if names(before):
        return True
    rest = before.strip(" :|·,.").casefold()
    return (not rest or is_weekday_name(rest)) and len(label) <= _UPDATE_LABEL and names(label)


def _broken_text(node: HtmlElement) -> str:
    """An element's text with a line break read as a space (`stalls<br>as permits lapse`)."""
    parts = [node.text or ""]
    for child in node:
        if child.tag == "br":
            parts.append(" ")
        elif isinstance(child.tag, str):
            parts.append(_broken_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def days_near_headline(
    page: PageMeta,
    title: str | None,
    *,
    before: int = _BEFORE_HEADLINE,
    timed: bool = False,
    own: bool = False,
) -> set[tuple[int, int, int]]:
    """Full dates shown just before (up to `before` text pieces) the visible headline or between
    it and the story's first paragraph (the header cluster); with `timed`, only stamps that
    show a time of day, not a standfirst's or a caption's day; with `own`, only stamps with no
    time of day outside other stories' links and side blocks (the story's own day)."""
    span = _header_cluster(page, title, before)
    if span is None:
        return set()
    return {
        item
        for pos, item in page.shown_days
        if not isinstance(item, str)
        and span[0] <= pos <= span[1]
        and (not timed or pos in page.shown_stamps)
        and (not own or pos in page.untimed_stamps)
    }


def days_before_story(page: PageMeta, title: str | None) -> set[tuple[int, int, int]] | None:
    """Full dates shown anywhere before the story's first paragraph under the visible headline,
    or None where the headline is not shown or no paragraph follows it (dates after that
    paragraph belong to the story's text, comments or lists of other stories)."""
    anchor = _headline_anchor(page, title)
    if anchor is None or anchor[1] is None:
        return None
    body = anchor[1]
    return {item for pos, item in page.shown_days if not isinstance(item, str) and pos < body}


def clocks_near_headline(page: PageMeta, title: str | None) -> set[tuple[int, int, int, int, int]]:
    """The moments (day, hour, minute) date lines under the visible headline show, in its header
    cluster."""
    span = _header_cluster(page, title, 0)
    if span is None:
        return set()
    return {moment for pos, moment in page.shown_clocks if span[0] <= pos <= span[1]}


def bare_clocks_near_headline(page: PageMeta, title: str | None) -> set[tuple[int, int]]:
    """The times of day lines under the visible headline show without a day, in its header
    cluster (`By Kate Murphy 9:40pm`), as hour and minute."""
    span = _header_cluster(page, title, 0)
    if span is None:
        return set()
    return {clock for pos, clock in page.shown_times if span[0] <= pos <= span[1]}


def times_near_headline(page: PageMeta, title: str | None, *, updates: bool = False) -> list[str]:
    """The `datetime` of the `<time>` elements in the visible headline's header cluster, under
    the headline (one above it is often the masthead's today): those not marked as the update,
    or with `updates` those that are."""
    span = _header_cluster(page, title, 0)
    if span is None:
        return []
    return [
        stamp
        for pos, stamp in page.time_stamps
        if span[0] <= pos <= span[1] and (pos in page.update_times) == updates
    ]


def times_above_story(page: PageMeta) -> list[tuple[str, tuple[int, int, int] | None]]:
    """The `<time datetime>` values above the story's first paragraph (after its headline, where
    the page shows one), each with the full date its own text shows (or None): the header's
    stamps; those below are comments', related stories' or an event's (a fixture's kick-off)."""
    headline = next(
        (pos for pos, item in page.shown_days if isinstance(item, str) and item[:1] != "\x00"),
        -1,
    )
    body = next(
        (pos for pos, item in page.shown_days if item == _BODY_MARK and pos > headline), None
    )
    days = {pos: item for pos, item in page.shown_days if not isinstance(item, str)}
    return [
        (stamp, days.get(pos)) for pos, stamp in page.time_stamps if body is None or pos <= body
    ]


def _header_cluster(page: PageMeta, title: str | None, before: int) -> tuple[int, int] | None:
    """The positions of the headline's header cluster, or None where the headline is not shown."""
    anchor = _headline_anchor(page, title)
    if anchor is None:
        return None
    at, body = anchor
    end = at + _AFTER_HEADLINE if body is None else min(at + _AFTER_HEADLINE, body)
    # Another story's card or a side block under the headline ends its header.
    card = next((pos for pos, item in page.shown_days if item == _CARD_MARK and pos > at), None)
    end = end if card is None else min(end, card)
    # The headline's key sits at the position of the piece before it: that piece is "before".
    start = at - before if before else at + 1
    return start, end


def _headline_anchor(page: PageMeta, title: str | None) -> tuple[int, int | None] | None:
    """The position of the visible headline and of the story's first paragraph under it (None
    when none follows), or None where the headline is not shown."""
    if not title:
        return None
    key = title_key(title)
    at = next((pos for pos, item in page.shown_days if item == key), None)
    if at is None:
        # A page title is often the headline with the site's name before or after it
        # (`标题_网站`): the one `<h1>` that is the larger part at either end is the headline.
        ends = [
            pos
            for pos, item in page.shown_days
            if isinstance(item, str)
            and item not in (_BODY_MARK, _CARD_MARK)
            and 2 * len(item) > len(key)
            and (key.startswith(item) or key.endswith(item))
        ]
        at = ends[0] if len(ends) == 1 else None
    if at is None:
        # A module's page (`<h1>News Flash</h1>`) or a blog's (`<h1>` its name) sets the
        # story's headline in an `<h2>` under it.
        at = next((pos for pos, item in page.shown_days if item == _H2_MARK + key), None)
    if at is None:
        return None
    marks = [pos for pos, item in page.shown_days if item == _BODY_MARK and pos > at]
    blocks = [page.paragraph_blocks.get(pos) for pos in marks[:2]]
    if len(marks) >= 2 and blocks[0] != blocks[1] and _stamped_between(page, marks[0], marks[1]):
        # A standfirst as long as a paragraph stands over the byline and date: where the
        # page's stamp follows the first long piece, before another, the story opens after it.
        # Outside the block of the story's paragraphs: a date among them (a diary's day, a
        # live entry's) is the story's text.
        return at, marks[1]
    return at, marks[0] if marks else None


def shown_headline(page: PageMeta, title: str | None) -> str | None:
    """The headline the page shows for a chosen `title`: the title where the page shows it,
    else the page's one `<h1>` headline that shares more than half its words (`Battery plant
    to hire …` for the shown `Battery plant near Reno to hire …`: the metadata's headline
    reworded for search engines or social sites), else the title."""
    if not title or _headline_anchor(page, title) is not None:
        return title
    headings = {title_key(h): h for h in page.headings}
    shown = [headings[item] for _, item in page.shown_days if item in headings]
    if len(shown) != 1:
        return title
    ours, theirs = set(_WORD.findall(title_key(title))), set(_WORD.findall(title_key(shown[0])))
    return shown[0] if 2 * len(ours & theirs) > max(len(ours), len(theirs)) else title


def _stamped_between(page: PageMeta, start: int, end: int) -> bool:
    """Whether a date stamp (`shown_stamps`) stands between two positions, with no other
    story's card or side block before it: the page's own, not one a quote or link carries."""
    for pos, item in page.shown_days:
        if start < pos < end:
            if item == _CARD_MARK:
                return False
            if pos in page.shown_stamps and pos not in page.quoted_stamps:
                return True
    return False


def jsonld_article(tree: HtmlElement) -> dict[str, Any] | None:
    """The first JSON-LD object of an article type on the page (else of a photo gallery, a
    critic's review or a video headed by the page's `<h1>`: the work the page shows), its
    references resolved.

    Graphs (Yoast's among them) name the author and publisher by `@id` only and describe them
    in a node of their own, maybe in another script: the reference is replaced by that node.
    """
    article = None
    articles: list[dict[str, Any]] = []
    galleries: list[dict[str, Any]] = []
    nodes: dict[str, dict[str, Any]] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        # Some pages wrap the JSON in a CDATA section or an HTML comment, for old parsers.
        text = _LD_WRAPPER.sub("", script.text or "").strip().rstrip(";")
        for node in walk(read_json(text)):
            if isinstance(node.get("@id"), str) and len(node) > 1:
                nodes.setdefault(node["@id"], node)
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(_article_type(t) for t in types if isinstance(t, str)):
                articles.append(node)
            if any(t in _GALLERY_TYPES for t in types):
                galleries.append(node)
    if articles:
        article = _own_article(articles, _page_addresses(tree))
    # A photo gallery's, a review's or a video's page describes it as its own work, with its
    # author and date; a gallery or video set in a story (its photographer's, its own day) or
    # a product's reviews are not the page's work: only one whose headline the page shows as
    # its own is.
    if article is None:
        article = next((node for node in galleries if _headed_by(node, tree)), None)
    if article is None:
        return None
    resolved = dict(article)
    for key in ("author", "creator", "publisher"):
        if key in resolved:
            resolved[key] = _resolve(resolved[key], nodes)
    return resolved


def _own_article(articles: list[dict[str, Any]], addresses: set[str]) -> dict[str, Any]:
    """The page's own article among several: the first whose address (`url`, `@id` or
    `mainEntityOfPage`) is the page's (its canonical link or og:url), where a list of related
    stories' articles comes first; else the first."""
    for node in articles:
        if any(_same_address(a, b) for a in addresses for b in _node_addresses(node)):
            return node
    return articles[0]


def _node_addresses(node: dict[str, Any]) -> set[tuple[str, str]]:
    """The addresses a JSON-LD node names as its own, read by `_address`."""
    values = [node.get("url"), node.get("@id"), node.get("mainEntityOfPage")]
    found = set()
    for value in values:
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and (key := _address(value)):
            found.add(key)
    return found


def _page_addresses(tree: HtmlElement) -> set[tuple[str, str]]:
    """The page's own addresses: its canonical link and og:url, read by `_address`."""
    values = tree.xpath(
        "//link[translate(@rel,'CANOICL','canoicl')='canonical']/@href"
        "|//meta[@property='og:url']/@content"
    )
    return {key for value in values if (key := _address(str(value)))}


def _address(url: str) -> tuple[str, str] | None:
    """A web address without its scheme, `www.`, fragment or closing slash, and its query."""
    url, _, query = url.strip().split("#", 1)[0].partition("?")
    url = re.sub(r"^(?:https?:)?//(?:www\.)?", "", url, flags=re.IGNORECASE).rstrip("/")
    return (url.casefold(), query) if "/" in url else None


def _same_address(one: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether two addresses name one page: the same path, and the same query where both have
    one (`story.php?id=812` is not `story.php?id=790`; a tracking query on one side only is
    no part of the page's address)."""
    return one[0] == other[0] and (one[1] == other[1] or not (one[1] and other[1]))


def _headed_by(node: dict[str, Any], tree: HtmlElement) -> bool:
    """Whether a JSON-LD node's headline or name is the page's visible headline (an `<h1>`)."""
    keys = {title_key(text) for key in ("headline", "name") if (text := plain(node.get(key)))}
    return any(title_key(plain(_broken_text(h1)) or "") in keys for h1 in tree.iter("h1"))


def _next_data(tree: HtmlElement, headings: list[str]) -> dict[str, Any] | None:
    """The article a Next.js page states only in its `__NEXT_DATA__` props, read as JSON-LD."""
    script = tree.find(".//script[@id='__NEXT_DATA__']")
    if script is None or not script.text:
        return None
    shown = {title_key(text) for text in headings}
    return next_data_article(read_json(script.text), shown, title_key)


def _article_type(name: str) -> bool:
    """Whether a JSON-LD type is an article's (`NewsArticle`, `schema:BlogPosting`, any
    schema.org type named `…Article`)."""
    name = name.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return name in ARTICLE_TYPES or name.endswith("Article")


def _resolve(value: Any, nodes: dict[str, dict[str, Any]]) -> Any:
    """A JSON-LD value with bare `{"@id": …}` references replaced by the nodes they name."""
    if isinstance(value, list):
        return [_resolve(item, nodes) for item in value]
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
        return nodes.get(value["@id"], value)
    return value


def read_json(text: str) -> list[Any]:
    """The JSON documents in a script, read as browsers' lenient parsers do: several objects one
    after another, comments, trailing commas and `\\'` escapes are accepted; what cannot be
    read is left out."""
    docs = _decode_all(text)
    if docs is None:
        docs = _decode_all(_LD_LAX.sub(_lax_fix, text)) or []
    return docs


def _decode_all(text: str) -> list[Any] | None:
    """Every JSON value written one after another in `text`, or None when one is malformed."""
    decoder = json.JSONDecoder(strict=False)
    docs, at = [], 0
    while True:
        at = len(text) - len(text[at:].lstrip(" \t\r\n,;"))
        if at >= len(text):
            return docs
        try:
            doc, at = decoder.raw_decode(text, at)
        except ValueError:
            return None
        docs.append(doc)


def _lax_fix(match: re.Match[str]) -> str:
    """A string kept as it is, a comment dropped, a trailing comma dropped, `\\'` unescaped."""
    if match.group("string") is not None:
        return match.group("string").replace("\\'", "'")
    return "" if match.group("comment") is not None else match.group("close")


def walk(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document, looking inside lists, `@graph` and `mainEntity` (a
    `WebPage` whose main entity is the article)."""
    if isinstance(data, list):
        for item in data:
            yield from walk(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):
            if key in data:
                yield from walk(data[key])


def all_meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """The page's meta tags by lower-cased property, name or itemprop, every value in order.

    Some saving tools write a tag's `content` as `value`; it is read the same way.
    """
    tags: dict[str, list[str]] = {}
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop")
        content = node.get("content")
        if content is None:
            content = node.get("value")
        if key and content and content.strip():
            values = tags.setdefault(key.strip().lower(), [])
            if content.strip() not in values:
                values.append(content.strip())
    return tags
