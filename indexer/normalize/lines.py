"""Plain-text cleanup and line shapes: the units the other extractors look at."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from indexer.normalize.monthnames import MONTH_ANY, SHORT_WEEKDAY, WEEKDAY_NAMES

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
_BULLET = re.compile(r"^(?:[•·▪►◦‣∙●■]\s*)+|^[-*]\s+(?=\w)")
_END_MARKS = frozenset({"REUTER", "REUTERS", "Reuter", "Reuters", "AFP", "AP"})
_BULLET_STARTS = frozenset("•·▪►◦‣∙●■-*")
_LETTER = re.compile(r"[^\W\d_]")
# Punctuation to blank out in comparison keys (str.translate is far cheaper than a regex).
_PUNCTUATION = str.maketrans(
    dict.fromkeys("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»‘’‚‛“”„‟‹›–—―‐‑…•·¡¿©®™°§¶", " ")
)
_CLOSERS = "\"'”’»)]」』）"
# With the danda of Hindi and Bengali (`।`) and the full stop and question mark of Urdu and
# Arabic (`۔`, `؟`).
_ENDERS = frozenset(".!?…:;。！？；：।॥۔؟")
# Chinese, Japanese and Korean characters: text in these scripts has no spaces between words.
# The body of a regex character class, for the patterns that need one.
_KANA_HAN_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HANGUL_CHARS = "\uac00-\ud7af"
CJK_CHARS = _KANA_HAN_CHARS + _HANGUL_CHARS
_CJK = re.compile(f"[{CJK_CHARS}]")
# Thai, Lao, Khmer and Burmese leave no space between words (only between phrases): their
# letters (not the vowel and tone marks over them) count as words, about four to one.
_UNSPACED = re.compile(
    r"[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46\u0e81-\u0eb0\u0eb2\u0eb3\u0ec0-\u0ec6\u1000-\u102a\u1780-\u17b3]"
)
_UNSPACED_WORD = 4
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
_INNER_CAPITAL = re.compile(r"[a-z]{1,2}[A-Z]\w*\b")
# A name that software and newsletters write in lower case, its parts joined by a dot or a
# hyphen (`wasm-module`, `cron.weekly`) or followed by its version (`webpack 3`), set as a
# kicker before a mark: `wasm-module - Rust…`, `cron.weekly issue #130: …`, `webpack 3: Official
# Release`. Running text in lower case seldom opens on such a label.
# A label in lower case (`e-mail: …`) is no name: a name's first part has two letters or more.
_LOWER_NAME_KICKER = re.compile(
    r"[a-z][a-z0-9]+(?:(?:[.-][a-z0-9]+)+| v?\d+(?:\.\d+)*)(?: [^\s:]+){0,2}(?::| [-–|]) "
)
# Tags in lower case, a word or two each, parted by one mark again and again (`open-source -
# linux - self-hosting`): a list of their own, the rest of no sentence.
_TAG_MARKS = tuple(f" {mark} " for mark in "-–|·•/")
_TAG_ITEM = re.compile(r"\S+(?: \S+)?")
_TAG_ITEMS = 3
# A short label in brackets before a headline (`【速報】…`, `[Video] …`, `(LEAD) …`).
_TAG = re.compile(r"^[\[【〔［(（]([^\]】〕］)）]{1,12})[\]】〕］)）]\s*")
_OPENERS = "\"'#¿¡$£€¥<"  # besides the opening brackets and quotes of every script
_OPENING_KINDS = ("Ps", "Pi", "Pf")  # Unicode categories: opening brackets, quotes
# Pictographs (emoji, from the Miscellaneous Symbols block up), with the selector and joiner
# that shape them: a post's title on a blog or a social platform may open with them
# (`🚀 webpack 3: …`). Signs such as `©` or `™` stand below that block, and open no headline.
_PICTOGRAPHS = 0x2600
_EMOJI_SHAPERS = "\ufe0f\u200d"
_CJK_SENTENCE_END = re.compile(r"[。！？]")
_DOTTED_ABBREV = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_HEADLINE_END_OK = re.compile(
    r"(?:\.\.\.|…|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Bhd|Plc|Cos|Bros|Dept)\.)$", re.IGNORECASE
)
_COLON_QUOTE = re.compile(r":\s?[\"'“‘«„‚‹]")  # `Biden: “…”`: a speaker, then their words
_TITLE_WORD = re.compile(r"\b[^\W\d_]{4,}")  # `of`, `the`, `and` stay small in title case
_TITLE_WORDS = 4
# The words that join a menu's or a category's topics in lower case (`Arts and Culture`, `Food
# & Drink`, `Kultur und Freizeit`) or a credit's names (`Jane Doe` / `and` / `John Roe`); a
# name's own small words (`Bank of England`) join no topics, and a headline may break after the
# name (`Bank of England` / `raises interest rates …`).
JOINERS = frozenset("and & or und et y e og och ,".split())
# Words that leave a phrase open (articles, prepositions, conjunctions): a line ending on one
# stops mid-sentence, whatever the next line holds (`Opinion | The case for` / `rent control`).
_FULL_STOPS = (".", "!", "?", "。", "！", "？")
_OPEN_ENDS = frozenset(
    """a an the of to for with from by on in at into as and or but than its their his her our
    your my this that der die das den dem des ein eine von mit für zu und le la les du un une
    et au aux de el los las del y il lo gli di da do em het een van en""".split()
)
PROSE_WORD = re.compile(r"\b[a-zß-ÿ][^\W\d_]{3,}")  # a longer word in lower case
# A mark parting a line's fields (`Politik · Jane Doe`, `Local News | Daily Post`): a
# section and its authors, a page's title and its site.
PART_MARK = re.compile(r"\s[·•|]\s")
# `Lakeview doesn't need a garage. It needs a bus.`: two sentences, each closed by its stop.
# A quoted slogan or title keeps its own stops inside the first sentence (`… doubles down on
# ‘Meth. We’re on it.’ They just might be.`).
_TWO_SENTENCES = re.compile(
    r"^(?:[^.!?‘“]|‘[^’]*’|“[^”]*”)+[.!?]?[’”]?(?:(?<=[.!?])|(?<=[.!?][’”]))\s+[A-Z][^.!?]*\.$"
)
_HEADLINE_WORDS = 20  # a headline's words at most
_CASED_WORD = re.compile(r"\b[^\W\d_][^\W\d_'’-]*")
_LINK_RUN_WORDS = 10  # cased words a line needs before its capitals say it is a menu
_LINK_RUN_SHARE = 0.8
# Chinese and Japanese prose sets no spaces between its words (Korean does): a long line of
# kana or Han pieces parted by spaces, each a label of a few characters, is a row of links
# (`デスク チェア パーティション 収納 …`).
_KANA_HAN = re.compile(f"[{_KANA_HAN_CHARS}]")
_HANGUL = re.compile(f"[{_HANGUL_CHARS}]")
_LINK_PIECES = 4  # labels in a row
_SENTENCE_WORDS = 4  # a field's label is shorter
_LINK_PIECE_CHARS = 12  # a label's characters at most
# CamelCase glued words such as "Top StoriesInterviewsBusiness", copied from menus.
_GLUED = re.compile(r"[a-z][A-Z][a-z]")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])([\"'”’)]*)\s+(?=[\"'“‘(]?[A-Z0-9])")
# A word cut short before its stop, no sentence's end: a title (`Dr.`), an initial (`U.S.`), a
# month (`Jan.`), a firm's form (`Inc.`).
ABBREV_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|Jr|Sr|No|Nos|vs|Inc|Co"
    r"|Corp|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|U\.S|U\.K|U\.N|E\.U)"
    r"|\b[A-Z])\.$"
)


@dataclass(slots=True)
class Line:
    """One cleaned line of a plain-text article."""

    text: str
    block_start: bool  # a blank line (or the start of the text) comes before it
    indent: int = 0
    bullet: bool = False
    written: str | None = None  # the page's own text, where `text` completes it (a stamp's year)

    @property
    def words(self) -> int:
        """How many whitespace-separated words the line holds."""
        return len(self.text.split())


def clean_text(text: str) -> str:
    """Unify line ends, drop control and zero-width characters, decode stray HTML entities."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)  # `&#163;1.8m` copied from a page's source
    return _free_end_mark(text)


def _free_end_mark(text: str) -> str:
    """Move a wire's end mark from the end of the last line (`(33.7).   REUTER`) to its own."""
    head, _, last = text.rstrip().rpartition("\n")
    word = last.rsplit(" ", 1)[-1]
    if word in _END_MARKS and last.endswith("   " + word) and last.strip() != word:
        return f"{head}\n{last[: -len(word)].rstrip()}\n{word}\n"
    return text


def split_lines(text: str) -> list[Line]:
    """Split cleaned text into non-blank lines, remembering blank lines and indentation."""
    out: list[Line] = []
    blank = True
    for raw in text.split("\n"):
        if "\t" in raw:
            raw = raw.replace("\t", "    ")
        body = raw.strip()
        if not body:
            blank = True
            continue
        indent = len(raw) - len(raw.lstrip())
        if "  " in body or not body.isascii():
            body = " ".join(body.split())
        bullet = False
        if body[0] in _BULLET_STARTS:
            match = _BULLET.match(body)
            if match:
                bullet = True
                body = body[match.end() :].strip()
                if not body:
                    continue
        out.append(Line(body, blank, indent, bullet))
        blank = False
    return out


def unwrap(lines: list[Line]) -> list[Line]:
    """Join lines that were broken to a fixed width or that continue a sentence."""
    if not lines:
        return lines
    lengths = sorted(len(line.text) + line.indent for line in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    # Fixed-width copy (mail, wire terminals) breaks at 60 to 80 columns, never much shorter.
    hard = 55 <= width <= 100 and _wrapped(lines, width)
    # Continuation lines sit at the smallest indent; a deeper indent opens a paragraph.
    base = min(line.indent for line in lines) if hard else 0
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and not line.block_start and not line.bullet and not _mark(line.text):
            if hard and line.indent <= base and len(prev.text) + prev.indent >= 0.6 * width:
                prev.text = f"{prev.text} {line.text}"
                continue
            if _continues(prev.text, line.text):
                prev.text = f"{prev.text} {line.text}"
                continue
        out.append(line)
    return out


def _wrapped(lines: list[Line], width: int) -> bool:
    """Whether the text was broken to a fixed width (lines near it that stop mid-sentence)."""
    pairs = wraps = 0
    for prev, line in zip(lines, lines[1:], strict=False):
        if line.block_start:
            continue
        pairs += 1
        size = len(prev.text) + prev.indent
        if size >= width - 15 and (not ends_sentence(prev.text) or line.text[0].islower()):
            wraps += 1
    return wraps >= 3 and wraps >= 0.4 * pairs


def _mark(text: str) -> bool:
    """Whether a line is a lone end mark (`REUTER`, `Reuters`), never part of a paragraph."""
    return len(text) <= 12 and text.isalpha() and (text.isupper() or text.startswith("Reuter"))


# A byline's label: `by` and its kin, and the labels of languages whose `by` also opens a
# sentence's words (`di`, `door`, `af`, `av`), a label only before a capitalised name.
_BY_WORDS = ("by ", "von ", "par ", "por ")
_NAME_LABELS = "di|door|af|av"
# `by: Jane Doe, John Roe`
_BY_COLON = re.compile(rf"(?:{'|'.join(w.strip() for w in _BY_WORDS)})\s?:\s", re.IGNORECASE)
_LABEL = re.compile(rf"(?:{'|'.join(_BY_WORDS)}|(?:{_NAME_LABELS}) )", re.IGNORECASE)
# A name after another language's label, alone or before a date (`de Ana Pop | 12 martie`); a
# second name may follow the label's language's `and` (`di Ana Rossi e Luca Neri`, `door A en B`,
# `af A og B`), but not another's (`de Ana Ruiz en Nueva York`: Spanish `en` is `in`).
_LABELLED_ONE = r"(?:[A-Z][\w'’.-]*(?: |$)){2,4}"
_AND_AFTER_LABEL = {"di|de": "e", "door": "en", "af|av": "og|och"}
LABELLED_NAME = re.compile(
    "(?:"
    + "|".join(
        rf"(?:{label}) {_LABELLED_ONE}(?:(?:{also}) {_LABELLED_ONE})?"
        for label, also in _AND_AFTER_LABEL.items()
    )
    + ")(?:$|[|·•])"
)

# A stamp that opens on a Dutch weekday's abbreviation (`di 19 nov 2019, 10:31`, `zo 3-3-2024`)
# starts in lower case, but carries on no sentence.
_SHORT_WEEKDAY_DATE = re.compile(
    rf"^{SHORT_WEEKDAY}\s+\d{{1,2}}(?:\.?\s+{MONTH_ANY}|[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b)"
)

# So does a stamp that opens on a weekday written in lower case, as French, Spanish, Italian,
# Portuguese, Finnish, Polish or Czech write it (`mardi 12 mars 2024`, `martes, 12 de marzo`,
# `tiistai 12.3.2024`).
_WEEKDAY = "|".join(
    re.escape(name).replace(r"\ ", r"\s+")  # `Thứ Sáu`
    for name in sorted(WEEKDAY_NAMES, key=len, reverse=True)
)
_WEEKDAY_DATE = re.compile(
    rf"^(?:{_WEEKDAY}),?\s+\d{{1,2}}(?:\.?\s+(?:de\s+)?{MONTH_ANY}|[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b)"
)

# A day's date alone on its line, its weekday before it at most (`Thursday, May 26, 2016`,
# `26 mai 2016`, `12.10.2024`, `2024/10/12`), as a blog heads each post; a news page's stamp
# adds the time, a label or the author. Complete in itself: a title under it in lower case
# (`cucumber salad`) carries on no sentence.
_DAY_ALONE = re.compile(
    rf"^(?:(?i:{_WEEKDAY}),?\s+)?(?:(?:{MONTH_ANY}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}\.?\s+(?:de\s+)?{MONTH_ANY}\.?(?:\s+de)?),?\s+\d{{4}}"
    r"|\d{1,2}([./-])\d{1,2}\1\d{4}|\d{4}([./-])\d{1,2}\2\d{1,2})$"
)


def _continues(prev: str, text: str) -> bool:
    """Whether `text` carries on the sentence that `prev` left unfinished."""
    first = text[0]
    if not first.islower() or ends_sentence(prev) or _tag_list(text) or day_alone(prev):
        return False
    if _own_block(prev, text):
        return False
    words = prev.split()
    label = (
        len(words) <= 4
        and all(w[:1].isupper() or w in JOINERS for w in words[1:-1])
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and not _LABEL.match(prev)
    )
    # A label of a few capitalised words stands alone, topics joined in lower case at most
    # (`Cooking Conversions and Equivalents`); so does a single word (a menu's last entry,
    # `Contact`) over a name written in lower case as a kicker (`cron.weekly …: …`), or over a
    # headline that opens on a name with a capital inside (`eThekwini warns …`, `iPhone sales
    # …`): such a name keeps its small first letter at the head of a sentence too.
    if label and (len(words) >= 2 or _LOWER_NAME_KICKER.match(text) or _INNER_CAPITAL.match(text)):
        return False
    # A byline ends on its writer's name: a brand written with a capital inside (`eCrafts
    # Contributor`, `iGarden Staff`) under `By Jane Doe` is the writer's outlet or role. A
    # sentence that opens on `By` (`By the end of the day, … the Apple`) names no one.
    named = all(w[:1].isupper() for w in words[1:])
    if _LABEL.match(prev) and named and _INNER_CAPITAL.match(text):
        return False
    # "by Jane Doe" under a headline is a byline, not the rest of the headline; so is a name
    # after the label of another language (`di Luca Rossi`, `door Jan de Vries`, Romanian `de`).
    return (
        not text.startswith(_BY_WORDS)
        and not _BY_COLON.match(text)
        and not LABELLED_NAME.match(text)
        and not _SHORT_WEEKDAY_DATE.match(text)
        and not _WEEKDAY_DATE.match(text)
    )


def _own_block(prev: str, text: str) -> bool:
    """Whether a line in lower case is a block of its own (a row), not the rest of `prev`."""
    if prev.rsplit(" ", 1)[-1] in _OPEN_ENDS:
        return False
    # A wrap cuts a sentence, whose grammar runs on in the lower line; a row's items do not.
    # Fields parted by a mark (`share 0 | tweet`, `Politik · Jane Doe`) make a row, and a
    # sentence runs on into no such row: a lower line closed by a full stop is that sentence's
    # end (`with 52 | 48 votes in the Senate.`), as no row of fields is.
    if PART_MARK.search(text) and not text.endswith(_FULL_STOPS):
        return True
    # Nor past one, unless its last part is a sentence of its own words (a headline after its
    # kicker, `Live | Saka scores late as Arsenal` over `beat Chelsea`), no field's label.
    if PART_MARK.search(prev):
        last = PART_MARK.split(prev)[-1]
        return word_count(last) < _SENTENCE_WORDS or not PROSE_WORD.search(last)
    return _name_row(text)


def _name_row(text: str) -> bool:
    """Whether a line is a row of names or links after a brand in lower case (`iTunes Google
    Podcasts Spotify Breaker RSS`): every word after the first capitalised and none small, as
    no run of grammar is; a title-case headline's rest keeps its small words (`of`, `in`)."""
    words = text.split()
    if not _INNER_CAPITAL.match(words[0]):
        return False
    cased = [w for w in _CASED_WORD.findall(" ".join(words[1:])) if not w.isupper()]
    return len(cased) >= _LINK_PIECES and all(w[0].isupper() and len(w) > 2 for w in cased)


def day_alone(text: str) -> bool:
    """Whether a line states a day's date and nothing more but its weekday (a date header)."""
    return _DAY_ALONE.match(text) is not None


def word_count(text: str) -> int:
    """How many words a cleaned, single-spaced text holds (two CJK characters count as one,
    four Thai letters too)."""
    if not text:
        return 0
    # Cleaned lines hold single spaces only, so counting them is enough (and far cheaper).
    words = text.count(" ") + 1
    if text.isascii():
        return words
    return words + cjk_count(text) // 2 + len(_UNSPACED.findall(text)) // _UNSPACED_WORD


@lru_cache(maxsize=4096)
def cjk_count(text: str) -> int:
    """How many Chinese, Japanese or Korean characters the text holds."""
    return len(_CJK.findall(text))


def ends_sentence(text: str) -> bool:
    """Whether the text ends like a sentence (full stop, question, colon...)."""
    # A string check, not a `$`-anchored regex search that would scan the whole line.
    return text.rstrip(_CLOSERS)[-1:] in _ENDERS


def is_upper(text: str) -> bool:
    """Whether the text is set in capitals: no lower-case letter, capitals half its letters."""
    # str.isupper is true when there are cased letters and none is lower case; in a script
    # without case (Japanese, Arabic) an acronym alone (`ＮＨＫ`, `CNN`) is no line in capitals.
    if not text.isupper():
        return False
    capitals = sum(map(str.isupper, text))
    return capitals >= 2 and 2 * capitals >= sum(map(str.isalpha, text))


def mostly_upper(text: str) -> bool:
    """Whether nearly all letters are capitals (`U.S. DEFICIT WITH NICs`)."""
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper + lower >= 2 and upper >= 4 * lower


def is_glued_menu(text: str) -> bool:
    """Whether the line looks like menu items pasted together without spaces."""
    if len(text) > 300:
        return False
    glued = len(_GLUED.findall(text))
    return glued >= 3 and 2 * glued >= word_count(text) and not ends_sentence(text)


def is_link_run(text: str) -> bool:
    """Whether a long unfinished line is a run of capitalised links (`News World Business …`)
    or of Chinese or Japanese labels parted by spaces."""
    if ends_sentence(text):
        return False
    if _unspaced_script_links(text):
        return True
    cased = [w for w in _CASED_WORD.findall(text) if not w.isupper() or len(w) == 1]
    if len(cased) < _LINK_RUN_WORDS:
        return False
    # Running text in any cased script writes its function words in lower case.
    capitals = sum(w[0].isupper() for w in cased)
    return capitals >= _LINK_RUN_SHARE * len(cased)


def _unspaced_script_links(text: str) -> bool:
    """Whether a line of Chinese or Japanese is short labels parted by spaces, most of them
    in kana or Han: prose in those scripts runs on without spaces."""
    if _HANGUL.search(text):
        return False
    pieces = parted_items(text, (" ",), _LINK_PIECES, lambda piece: len(piece) <= _LINK_PIECE_CHARS)
    return pieces is not None and 2 * sum(bool(_KANA_HAN.search(p)) for p in pieces) > len(pieces)


def parted_items(
    text: str, marks: tuple[str, ...], least: int, fits: Callable[[str], bool]
) -> list[str] | None:
    """The items of a line parted by one of `marks` again and again (`Home | News | Sport`),
    when it holds `least` of them or more and each `fits`; else None."""
    for mark in marks:
        items = text.split(mark)
        if len(items) >= least and all(map(fits, items)):
            return items
    return None


def _tag_list(text: str) -> bool:
    """Whether a line is tags in lower case, a word or two each, parted by one mark."""
    if not "a" <= text[:1] <= "z":
        return False
    return parted_items(text, _TAG_MARKS, _TAG_ITEMS, _tag) is not None


def _tag(item: str) -> bool:
    """Whether an item of a list is a tag: a word or two."""
    return _TAG_ITEM.fullmatch(item) is not None


def is_paragraph(text: str) -> bool:
    """Whether the line reads like running text rather than a heading or a link."""
    words = word_count(text)
    if words >= 14:
        return not is_link_run(text)
    return words >= 5 and ends_sentence(text) and not is_upper(text)


def is_headline_like(text: str) -> bool:
    """Whether the line has the shape of a headline: short, capitalised, unfinished."""
    if len(text) > 220:
        return False
    words = word_count(text)
    if not 2 <= words <= 30:
        return False
    head = _opening(text)
    first = head[:1]
    # Capitals, digits, or a script without case (Chinese); a lower-case start is running text,
    # unless the word is a brand with capitals inside (`iTunes now selling Band Aid song`) or a
    # name in lower case set as a kicker (`wasm-module - …`), not the first of a list of tags.
    if not first or not (first.isdigit() or (first.isalpha() and not first.islower())):
        kicker = _LOWER_NAME_KICKER.match(head) and not _tag_list(head)
        if not _INNER_CAPITAL.match(head) and not kicker:
            return False
    if not _LETTER.search(text) or is_glued_menu(text):
        return False
    if text.endswith((",", ";", ":", "-", "–", "—", "|", "/")):
        return False
    # A sentence may end inside the quote it closes (`… author of “The Walkable Block.”`); a
    # line that opens on a quote, or quotes its speaker's words after a colon (`Biden: “We
    # will not back down.”`), may be a quoted headline, and keeps its own full stop.
    quoted = head != text or _COLON_QUOTE.search(text) is not None
    ending = text if quoted else text.rstrip(_CLOSERS)
    if ending.endswith((".", "।", "۔")) and not (
        is_upper(text)
        or _HEADLINE_END_OK.search(text)
        or _DOTTED_ABBREV.search(text)
        or is_title_case(text)
    ):
        return False
    return True


def two_short_sentences(text: str) -> bool:
    """Whether a line is two sentences as short as one headline (`The money is sitting in a
    bank account. Here's why.`): the shape of an opinion's or a newsletter's headline in
    sentence case, and of a notice or a caption too, so only its place tells it."""
    return _TWO_SENTENCES.match(text) is not None and word_count(text) <= _HEADLINE_WORDS


def is_title_case(text: str) -> bool:
    """Whether every longer word of the line is capitalised (`Cities Need Slower Streets.`).

    Prose capitalises a few names in a sentence, never every word of it: a line in title case
    is a headline even when it ends on a full stop, as opinion headlines of two sentences do."""
    words = _TITLE_WORD.findall(text)
    return len(words) >= _TITLE_WORDS and all(word[0].isupper() for word in words)


def _opening(text: str) -> str:
    """A line from its first word: past the quotes and brackets before it, and past a short
    bracketed label when only marks follow its opening bracket (`【？】「…」`).

    Quotes open headlines in every script (`《…》`, `「…」`, `»…«`, `’90s`); a label in lower
    case (`(c) 2024 …`) is no headline's tag."""
    head = _past_openers(text)
    tag = _TAG.match(text)
    if head[:1] and not head[0].isalnum() and tag is not None and not tag.group(1)[0].islower():
        head = _past_openers(text[tag.end() :])
    return head


def _past_openers(text: str) -> str:
    """A line past the opening quotes, brackets, signs and emoji before its first word, and the
    space that French sets inside guillemets (`« On a perdu … »`)."""
    skip = 0
    while skip < len(text) and (
        text[skip] in _OPENERS
        or unicodedata.category(text[skip]) in _OPENING_KINDS
        or _pictograph(text[skip])
        or (skip > 0 and text[skip].isspace())
    ):
        skip += 1
    return text[skip:]


def _pictograph(char: str) -> bool:
    """Whether a character is an emoji's, or the selector or joiner that shapes one."""
    if char in _EMOJI_SHAPERS:
        return True
    return ord(char) >= _PICTOGRAPHS and unicodedata.category(char) == "So"


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph, skipping full stops of common abbreviations."""
    if not text.isascii() and cjk_count(text):
        end = _CJK_SENTENCE_END.search(text)
        if end is not None:
            return text[: end.end()].strip()
    text = text[:1000]  # a title is never longer; and it bounds the work on hostile input
    for match in _SENTENCE_SPLIT.finditer(text):
        # The abbreviation test looks at the few characters before the stop, not the whole prefix.
        if ABBREV_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        return text[: match.start() + len(match.group(1))].strip()
    return text.strip()


def normal_key(text: str) -> str:
    """A comparison key: lower case, letters and digits only, single spaces."""
    return " ".join(text.casefold().translate(_PUNCTUATION).split())
