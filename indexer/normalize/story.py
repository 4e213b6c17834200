"""Where the story sits among the lines of a page: its anchors, headline, first and last line."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from indexer.models import PartialDate
from indexer.normalize import boilerplate as bp
from indexer.normalize.bylines import (
    parse_byline,
    parse_credit_line,
    parse_name_line,
    parse_wire_mark,
)
from indexer.normalize.datelines import Dateline, parse_dateline
from indexer.normalize.dateorder import page_day_first
from indexer.normalize.dates import find_date, parse_date_line
from indexer.normalize.language import guess_language
from indexer.normalize.lines import (
    CJK_CHARS,
    PART_MARK,
    Line,
    cjk_count,
    day_alone,
    ends_sentence,
    is_headline_like,
    is_paragraph,
    is_upper,
    word_count,
)
from indexer.normalize.sources import (
    is_outlet_like,
    parse_outlet_line,
    parse_publisher_line,
    site_brand,
)
from indexer.normalize.teaserrun import teaser_headline

_BY_OUTLET = re.compile(r"^by\s*(?::\s*|\s)(?P<rest>.+)$", re.IGNORECASE)
_CJK_RUN = re.compile(f"[{CJK_CHARS}]{{2,}}")
_DEK_WORDS = 6  # words of a subtitle line between a headline and its byline
# A credit box sets its people by role, each after a label (`Penulis: Jane Doe | Editor: John
# Roe`, `Text: Jane Doe · Fotos: John Roe`).
_ROLE_PART = re.compile(r"^[^\W\d_]{2,}(?: [^\W\d_]+)?\s?:\s?(?P<name>\S.*)$")


class Page:
    """The lines of one text with lazily computed, cached classifications."""

    def __init__(self, lines: list[Line]) -> None:
        """Wrap the cleaned lines; every classification is computed on first use."""
        self.lines = lines
        self._keys: list[str] | None = None
        self._running: str | None = None
        self._joined: str | None = None
        self._copies: Counter[str] | None = None
        self._datelines: dict[int, Dateline | None] = {}
        self._boiler: dict[int, bool] = {}
        self._repeat: dict[int, bool] = {}
        self._meta: dict[int, bool] = {}
        self._name_line: dict[int, bool] = {}
        # The dated stamps of each line as `header.line_dates` reads them, filled there: the
        # cluster, the lists around it and the byline's neighbours ask of the same lines.
        self.stamps: dict[int, list[tuple[str, PartialDate]]] = {}
        # The runs of teaser entries, by the story's own headline line, filled in `teaserrun`:
        # every candidate headline and `By` line asks of the same runs.
        self.teaser_runs: dict[tuple[int | None, bool], list[list[int]]] = {}
        # Where the teaser entry opening at each line ends, filled in `teaserrun`: the runs for
        # each own headline walk the same entries.
        self.teaser_entries: dict[tuple[int, bool], int | None] = {}
        # The menu links above each headline line, filled in `teaserrun`: every name-shaped line
        # asks whether it spells a section trail out of the same menu.
        self.section_menus: dict[int, set[str]] = {}
        # How far below each line its byline or date stands, filled in `headline._meta_gap`: a
        # headline of two sentences asks it to be a candidate, and its features ask again.
        self.meta_gaps: dict[int, int] = {}

    @property
    def keys(self) -> list[str]:
        """Case-folded lines: cheap comparison keys, as whitespace is already single."""
        if self._keys is None:
            self._keys = [line.text.casefold() for line in self.lines]
        return self._keys

    @cached_property
    def folded(self) -> str:
        """The case-folded lines joined by line breaks: a run of lines glued with spaces is
        found in it inside one line only."""
        return "\n".join(self.keys)

    @property
    def running(self) -> str:
        """The running text a pull quote would repeat (not breadcrumbs or FAQ headings)."""
        if self._running is None:
            paragraphs = (
                key
                for key, line in zip(self.keys, self.lines, strict=True)
                if is_paragraph(line.text) and ends_sentence(line.text)
            )
            self._running = "\n" + "\n".join(paragraphs) + "\n"
        return self._running

    @property
    def copies(self) -> Counter[str]:
        """How many times each line stands, word for word, in the running text."""
        if self._copies is None:
            self._copies = Counter(self.running.split("\n"))
        return self._copies

    @cached_property
    def language(self) -> str | None:
        """The language of the page's running text, if it reads clearly as one."""
        return guess_language(self.running) if self.running.strip() else None

    @cached_property
    def day_first(self) -> bool | None:
        """How the page orders a numeric date that reads both ways (`02/12/2024`), if known."""
        return page_day_first((line.text for line in self.lines), self.language)

    @cached_property
    def buddhist(self) -> bool | None:
        """Whether the page is Thai (its two-digit years are Buddhist-era ones); None if unknown."""
        return None if self.language is None else self.language == "th"

    def text(self, i: int) -> str:
        """The text of line `i`."""
        return self.lines[i].text

    def dateline(self, i: int) -> Dateline | None:
        """The dateline opening line `i`, if any."""
        if i not in self._datelines:
            self._datelines[i] = parse_dateline(self.lines[i].text)
        return self._datelines[i]

    def boiler(self, i: int) -> bool:
        """Whether line `i` is page furniture."""
        if i not in self._boiler:
            self._boiler[i] = bp.is_inline_boilerplate(self.lines[i].text)
        return self._boiler[i]

    def repeat(self, i: int) -> bool:
        """Whether line `i` is a pull quote: its words stand again in a longer line."""
        if i not in self._repeat:
            # A capitalised wire headline often repeats the lead's words; no pull quote is in caps.
            key = self.keys[i]
            self._repeat[i] = not is_upper(self.lines[i].text) and bp.is_repeated_elsewhere(
                key, self.running, self.copies[key]
            )
        return self._repeat[i]

    def is_meta(self, i: int) -> bool:
        """Whether line `i` is a byline, a date line or a publisher line."""
        # Asked of the same lines again and again (every headline candidate looks at the lines
        # around it), and each answer may parse dates: computed once per line.
        if i not in self._meta:
            text = self.lines[i].text
            self._meta[i] = may_be_meta(text) and bool(
                parse_byline(text)
                or outlet_credit(text)
                or self.is_name_line(i)
                or parse_date_line(text)
                or parse_publisher_line(text)
                or parse_outlet_line(text)
            )
        return self._meta[i]

    def story_paragraph(self, i: int) -> bool:
        """Whether line `i` can open the story: running text, not furniture or a quote box."""
        text = self.lines[i].text
        if not is_paragraph(text) or is_upper(text) or self.boiler(i) or self.repeat(i):
            return False
        if bp.is_caption(text):
            return False  # a photo's caption above the story, with its credit
        return not self.is_meta(i)

    def is_name_line(self, i: int) -> bool:
        """Whether line `i` is a bare byline (`Jane Doe`): a name just above or below a date."""
        if i not in self._name_line:
            self._name_line[i] = self._name_beside_date(i)
        return self._name_line[i]

    def _name_beside_date(self, i: int) -> bool:
        """Whether line `i` is a name with a date line just above or below it (uncached)."""
        text = self.lines[i].text
        # Some sites set the byline in capitals (`TOM BENNETT`); a longer line in capitals is a
        # wire headline.
        if len(text) > 80 or (is_upper(text) and word_count(text) > 3):
            return False
        # A credit box across the date signs the story: the line on this side is its headline
        # (`Headline` / `6 Maret 2025 | 14:20` / `Penulis: Jane Doe | Editor: John Roe`).
        beside_date = any(
            0 <= j < len(self.lines)
            and parse_date_line(self.lines[j].text) is not None
            and not (0 <= 2 * j - i < len(self.lines) and self._credit_box(2 * j - i))
            for j in (i - 1, i + 1)
        )
        return beside_date and parse_name_line(text) is not None

    def _credit_box(self, i: int) -> bool:
        """Whether line `i` names two people or more by their roles (`Writer: A | Editor: B`)."""
        parts = PART_MARK.split(self.lines[i].text)
        labelled = [m for part in parts if (m := _ROLE_PART.match(part)) is not None]
        return (
            len(parts) >= 2
            and len(labelled) == len(parts)
            and all(parse_name_line(m.group("name")) is not None for m in labelled)
        )

    def mentions(self, i: int) -> int:
        """How many longer non-paragraph lines hold line `i` (breadcrumbs, FAQ headings)."""
        key = self.keys[i]
        if self._joined is None:
            self._joined = "\n".join(
                k
                for k, line in zip(self.keys, self.lines, strict=True)
                if not is_paragraph(line.text)
            )
        if key not in self._joined:
            return 0
        return sum(1 for k in self._joined.split("\n") if key in k and k != key)


def outlet_credit(text: str) -> bool:
    """Whether the line credits an outlet, not a person (`By: CNN Wire`, `By The Grayzone`)."""
    match = _BY_OUTLET.match(text) if text[:2].lower() == "by" else None
    if match is None:
        return False
    rest = match.group("rest")
    return word_count(rest) <= 4 and (text[2:3] == ":" or ":" in text[:4] or is_outlet_like(rest))


def may_be_meta(text: str) -> bool:
    """Whether a line is short enough to be a byline, date, publisher or outlet line."""
    return len(text) <= 200 and word_count(text) <= 20


def strong_anchor(page: Page) -> int | None:
    """The first line opening with a trustworthy dateline or wire credit."""
    for i, line in enumerate(page.lines):
        if line.bullet or len(line.text) < 12:
            continue
        dateline = page.dateline(i)
        if dateline is not None and dateline.strong and not page.boiler(i):
            return i
    return None


def _title_candidate(page: Page, i: int) -> bool:
    """Whether line `i` could be the headline."""
    text = page.text(i)
    if not is_headline_like(text) or page.lines[i].bullet:
        return False
    if bp.box_kind(text) or page.boiler(i) or page.is_meta(i) or site_brand(text):
        return False
    if bp.is_caption(text):
        return False  # a photo's caption between the headline and the byline
    if page.is_name_line(i):
        return False  # `Jane Doe, Reuters`: a byline printed without `By`
    return page.dateline(i) is None and not page.repeat(i)


def text_before(page: Page, first: int, anchor: int) -> tuple[int, int]:
    """Paragraphs and words of running text between `first` and a dateline (no boxes)."""
    paragraphs = words = 0
    i = first
    while i < anchor:
        kind = bp.box_kind(page.text(i))
        if kind is not None:
            i = bp.box_end(page.lines, i, kind)
            continue
        if page.story_paragraph(i):
            paragraphs += 1
            words += word_count(page.text(i))
        i += 1
    return paragraphs, words


def find_title(page: Page, anchor: int | None) -> int | None:
    """The headline line: repeated in the page, above the byline and date, or first."""
    limit = anchor if anchor is not None else max(1, int(len(page.lines) * 0.6))
    bound = anchor if anchor is not None else len(page.lines)  # where a byline may stand
    # A browser's copy runs the headline into the menu above it without a blank line: a line
    # in a run of short lines is still the headline when a byline or date line follows it.
    candidates = [
        i
        for i in range(limit)
        if _title_candidate(page, i)
        and (not bp.in_list_run(page.lines, i) or _meta_follows(page, i, bound))
    ]
    if not candidates:
        return None
    if candidates == [0]:
        return 0  # a lone headline opening the text: every rule below would pick it
    repeated = [(page.mentions(i), -i) for i in candidates if len(page.keys[i].split()) >= 3]
    best = max(repeated, default=(0, 0))
    if best[0] >= 1:
        return -best[1]
    # A headline over its own `By` line in a run of such entries heads another story (a teaser).
    followed = [
        i for i in candidates if _meta_follows(page, i, bound) and not teaser_headline(page, i)
    ]
    # A blog's date header stands over its post's title (Blogger): the blog's name and tagline
    # above that date are followed by it too, but the title under it heads the post.
    dated = next((i for i in range(limit) if _under_date_header(page, i)), None)
    if dated is not None and followed and all(i < dated - 1 for i in followed):
        return dated
    if followed:
        best = _closest_to_lead(page, followed)
        # A blog platform's headline over its unpunctuated subtitle: the upper line heads.
        return best - 1 if _dek_under(page, best - 1) else best
    if candidates[0] == 0:
        return 0
    if anchor is not None:
        return title_before(page, anchor)
    return None


def _under_date_header(page: Page, i: int) -> bool:
    """Whether headline-shaped line `i` stands between a blog's date header and the page's first
    paragraph of sentences (a tagline above may be long, but it ends in no full stop). A date
    header states the day alone (`Saturday, October 12, 2024`); a story's stamp adds the time,
    a label or the author (`Posted by Jane Doe on May 2, 2024 at 9:05`), and stands under the
    headline."""
    if i == 0 or i + 1 >= len(page.lines) or not is_paragraph(page.text(i + 1)):
        return False
    if not is_headline_like(page.text(i)) or not day_alone(page.text(i - 1)):
        return False
    return not any(is_paragraph(t := page.text(j)) and ends_sentence(t) for j in range(i))


def _dek_under(page: Page, i: int) -> bool:
    """Whether line `i` is a headline over its subtitle: both long, unpunctuated lines, and no
    third such line above them (a list of teasers' headlines)."""
    if i < 0 or not _title_candidate(page, i):
        return False
    return all(_unpunctuated(page, j) for j in (i, i + 1)) and not _unpunctuated(page, i - 1)


def _unpunctuated(page: Page, i: int) -> bool:
    """Whether line `i` is long and ends without a full stop (a headline's or a subtitle's); a
    caption ends on its picture's credit in brackets or states the day it was taken."""
    if not 0 <= i < len(page.lines) or word_count(text := page.text(i)) < _DEK_WORDS:
        return False
    return not (ends_sentence(text) or text.endswith(")") or find_date(text) is not None)


def _meta_follows(page: Page, i: int, limit: int) -> bool:
    """Whether a byline, date or publisher line follows line `i` closely."""
    # A menu item is followed by more of its menu: only a headline standing alone, or too long
    # for a menu, may have names between it and the date.
    alone = word_count(page.text(i)) >= 5 or not bp.in_list_run(page.lines, i)
    between = 2 if alone else 1
    for j in range(i + 1, min(i + 5, limit)):
        if page.is_meta(j):
            # A wire's end mark (`Reuter`) closes a story: it credits no headline above it.
            return parse_wire_mark(page.text(j)) is None
        # Between a headline and its byline: furniture, a copy of the headline, a caption,
        # and two lines at most of standfirst or names (`Same tears, different emotions.`,
        # `Max Blumenthal` / `The Grayzone` / date).
        if page.boiler(j) or page.keys[j] == page.keys[i] or bp.is_caption(page.text(j)):
            continue
        text = page.text(j)
        words = word_count(text)
        standfirst = ends_sentence(text) and words <= 40
        if between and (standfirst or (words <= 3 and alone)):
            between -= 1
            continue
        return False
    return False


def _closest_to_lead(page: Page, candidates: list[int]) -> int:
    """The candidate headline sharing most words with the running text (the first on a tie)."""
    # A headline names what the story is about; a menu item or a place line shares a word or
    # none, and the story runs on below video lists and captions, so all of it is compared.
    story = lead_words(page.running)
    best, best_shared = candidates[0], 0
    for i in candidates:
        shared = len(lead_words(page.keys[i]) & story)
        if shared > best_shared:
            best, best_shared = i, shared
    return best


def lead_words(text: str, shortest: int = 4) -> set[str]:
    """Words of `shortest` letters or more, to compare texts by (CJK as two-character pieces)."""
    text = text.casefold()
    words = set(re.findall(rf"[^\W\d_]{{{shortest},}}", text))
    if not text.isascii() and cjk_count(text):
        for run in _CJK_RUN.findall(text):
            words.update(run[k : k + 2] for k in range(len(run) - 1))
    return words


def title_before(page: Page, start: int) -> int | None:
    """A headline just above the story's first line, with only meta lines between."""
    for i in range(start - 1, max(-1, start - 5), -1):
        if _title_candidate(page, i) and len(page.keys[i].split()) >= 3:
            return i
        if not (page.is_meta(i) or page.boiler(i)):
            return None
    return None


def first_story_line(page: Page, title_at: int | None) -> int | None:
    """The first line of running text after the headline, skipping boxes and furniture."""
    first = 0 if title_at is None else title_at + 1
    i = first
    n = len(page.lines)
    while i < n:
        kind = bp.box_kind(page.text(i))
        if kind is not None:
            i = bp.box_end(page.lines, i, kind)
            continue
        if page.story_paragraph(i) and (title_at is None or page.keys[i] != page.keys[title_at]):
            return i
        i += 1
    # A bulletin set all in capitals is still a story: take its first long line.
    for i in range(first, n):
        text = page.text(i)
        if word_count(text) >= 12 and is_upper(text) and not page.boiler(i):
            return i
    return None


def story_end(page: Page, start: int) -> tuple[int, bool]:
    """The index past the story's last line, and whether a credit line or end mark closed it."""
    n = len(page.lines)
    stop = n
    for i in range(start + 1, n):
        if bp.is_hard_stop(page.text(i)):
            stop = i
            break
    for i in range(stop - 1, start, -1):
        text = page.text(i)
        if parse_credit_line(text) or parse_wire_mark(text):
            return i + 1, True
    return stop, False
