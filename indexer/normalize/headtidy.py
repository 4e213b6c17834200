"""A copied headline line tidied: what a copy glues around a headline on its own line.

A browser's copy runs the breadcrumb trail into the headline (`Home » Gesellschaft » …`), sets a
menu's label before it (`Kultur : …`), glues its byline after it (`… bySauli Doe`), loses the
space after a styled kicker's colon, and runs on into its time or buttons (`headtail.py`).
"""

from __future__ import annotations

import re

from indexer.normalize import boilerplate as bp
from indexer.normalize.bylines import parse_byline
from indexer.normalize.headtail import without_tail
from indexer.normalize.lines import is_headline_like, word_count
from indexer.normalize.story import Page

# `… businesses bySauli Doe`, `… laws by: Jane Doe`, `Super Supportive by`: the byline that a
# copy glues to the end of its headline.
_GLUED_BYLINE = re.compile(r"(?:\s*\b[Bb][Yy](?:\s*:\s*|(?=[A-Z][a-z]))(?P<names>\S.*)|\s+by:?)$")
_CRUMB_STEP = re.compile(r"\s(?:>|›|»)\s")
_LABEL_WORDS = 3  # a section label glued before a headline: at most this many words
_LABEL_MARKS = frozenset(":|·•-–—")  # `Kultur : Ehrengast …`, `Politik | …`
# `… पकड़ा:दो दिनों …`, `Kenia:Nairobi von unten`: a kicker set apart by the page's styling,
# copied without the space after its colon (never between digits: `10:30`).
_GLUED_COLON = re.compile(r"(?<=[^\s\d:/]):(?=[^\W\d_])")
# A breadcrumb trail copied without spaces opens on the home link glued to the next step
# (`HomeSportLeichtathletikBerlin-Marathon: …`); each step is a word or three.
_GLUED_HOME = re.compile(
    r"^(?:Home(?:page)?|Startseite|Start|Inicio|Início|Accueil|Portada)(?=[A-Z])"
)
# A trail whose marks are drawn by the page's styling is copied with spaces alone between its
# steps (`Home Holidays Homemade Spiced …`): it opens on the home link like any trail (`Start`
# opens headlines too, with a space after it).
_SPACED_HOME = re.compile(r"^(?:Home(?:page)?|Startseite|Inicio|Início|Accueil|Portada) ")
_TRAIL_MARK = re.compile(r"\s[>›»/|]\s")
_STEP_WORDS = 3
# A label of the story's kind set in capitals in its own inline element before the headline,
# copied onto the headline's line with no mark (`EXCLUSIVE Pacific nations weigh …`).
_KIND_LABEL = re.compile(
    r"^(?:EXCLUSIVE|BREAKING|ANALYSIS|EXPLAINER|OPINION|WATCH|VIDEO|UPDATED?|EXKLUSIV|EILMELDUNG"
    r"|EXCLUSIVA|EXCLUSIVO|EXCLUSIF|ESCLUSIVA|ESCLUSIVO) (?=[^\W\d_][^\W_]*[a-zà-ÿ])"
)
# Korean news sites set the story's kind in brackets before its headline (`[단독]` exclusive,
# `[속보]` breaking, `[포토]` photo, `[인터뷰]` interview, `[종합]` roundup, `[영상]` video,
# `[르포]` reportage, `[칼럼]`, `[사설]` editorial): a label of the page, not the headline's words.
_KOREAN_KIND = re.compile(
    r"^[\[【]\s*(?:단독|속보|포토|인터뷰|종합\d*(?:보)?|영상|르포|칼럼|사설|기획|현장|이슈)\s*[\]】]\s*"
)
# The same label copied with no space at all (`EXCLUSIVEHospital car park …`): a run of capitals
# glued to a capitalised word is no word a headline writes, whatever the label says, unless
# it is a name fused of an acronym and a word (`NBCUniversal`), which the story writes too.
_GLUED_LABEL = re.compile(r"^[A-ZÀ-ÖØ-Þ]{3,}(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ]{2})")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_STEP_CHARS = 3  # `Mc` in `McDonald's` is no step of a trail
_ECHO_WORDS = 3  # a trail's last step that the page prints again as its headline
_ECHO_BYLINE = re.compile(r" (?:[a-z]+ )?(?:by|von|par|por|door|di) [A-Z]")  # `written by Marta`


def tidy_headline(
    text: str, menu: frozenset[str] = frozenset(), prose: str = ""
) -> tuple[str, list[str]]:
    """A headline without the breadcrumb trail or menu labels before it or the byline glued
    after it; `menu` holds the page's menu entries (`menu_entries`), `prose` its running text
    in lower case (`Page.running`)."""
    text = _GLUED_COLON.sub(": ", without_trail(without_tail(text)))
    steps = _CRUMB_STEP.split(text)
    if len(steps) >= 3 and word_count(steps[-1]) >= 2:
        text = steps[-1]  # `Home » Gesellschaft » „Unermüdlicher Einsatz“`
    text = _without_labels(text, menu)
    kind = _KIND_LABEL.match(text) or _KOREAN_KIND.match(text) or _glued_label(text, prose)
    if kind is not None and word_count(text[kind.end() :]) >= 3:
        text = text[kind.end() :]
    glued = _GLUED_BYLINE.search(text)
    if glued is None or glued.start() == 0:
        return text, []
    names = glued.group("names")
    credit = parse_byline(f"By {names}") if names else None
    return text[: glued.start()].rstrip(" ,|-–—"), list(credit.byline) if credit else []


def _glued_label(text: str, prose: str) -> re.Match[str] | None:
    """The label in capitals glued to a headline's first word (`EXCLUSIVEHospital`), if that
    word is not one the story's paragraphs write too (`NBCUniversal`, `COVIDSafe`)."""
    label, word = _GLUED_LABEL.match(text), _FIRST_WORD.match(text)
    if label is None or word is None or word.group().casefold() in prose:
        return None
    return label


def without_trail(text: str) -> str:
    """A line without the breadcrumb trail a copy glues before it with no spaces: its steps
    end where a lower-case letter meets a capital (`HomeLandkreis MünchenDie Fleißigsten …`)."""
    home = _GLUED_HOME.match(text)
    if home is None:
        return text
    start = home.end()
    while (glue := _next_glue(text, start)) is not None:
        step = text[start:glue]
        if len(step) < _STEP_CHARS or word_count(step) > _STEP_WORDS:
            break  # the glue stands inside the headline (`… new iPhone`)
        start = glue
    if start == home.end():
        return text  # no section after the home link: a name (`HomePod mini gets …`)
    rest = text[start:]
    return rest if word_count(rest) >= 2 else text


def without_echoed_trail(text: str, page: Page, i: int) -> str:
    """Line `i` (`text`) without the breadcrumb trail before the page's own title, when the
    page prints that title again on a line of its own below the trail.

    A trail opens on the home link and ends on the page it leads to, so its last step is the
    headline that the page sets under it; with no marks between the steps, that echo is the
    only sign of where the headline begins."""
    if _SPACED_HOME.match(text) is None or _TRAIL_MARK.search(text):
        return text  # a trail with its marks is cut at them (`tidy_headline`)
    below = range(i + 1, len(page.lines))
    words = text.split(" ")
    for n in range(1, len(words) - 1):  # the longest tail first
        tail = " ".join(words[n:])
        key = tail.casefold()
        if word_count(tail) >= _ECHO_WORDS and any(_echoes(page, j, key) for j in below):
            return tail
    return text


def _echoes(page: Page, j: int, key: str) -> bool:
    """Whether line `j` is the title of case-folded `key` on a line of its own, or with only its
    byline joined after it (`… Small Plot written by Marta`): a standfirst that opens on the
    same words goes on into a sentence (`Minister quits over … after weeks of pressure`)."""
    if not page.keys[j].startswith(key):
        return False
    rest = page.text(j)[len(key) :]
    return not rest or _ECHO_BYLINE.match(rest) is not None


def _next_glue(text: str, start: int) -> int | None:
    """Where the next step glued without a space begins (a capital after a lower-case letter)."""
    for k in range(start + 1, len(text)):
        if text[k].isupper() and text[k - 1].islower():
            return k
    return None


def menu_entries(page: Page) -> frozenset[str]:
    """The short entries (three words at most) of the page's menus and link lists."""
    return frozenset(
        page.keys[i]
        for i, line in enumerate(page.lines)
        if word_count(line.text) <= _LABEL_WORDS and bp.in_list_run(page.lines, i)
    )


def _without_labels(text: str, menu: frozenset[str]) -> str:
    """A headline without the section label a copy glues before it with a mark (`Kultur :
    Ehrengast …`, `Politik | …`): an entry of the page's menus."""
    words = text.split(" ")
    for n in range(min(_LABEL_WORDS, len(words) - 4), 0, -1):
        # Unmarked, a menu's word opens headlines too (`Business Brief: …` under `Business`).
        if words[n] in _LABEL_MARKS and " ".join(words[:n]).casefold() in menu:
            tail = " ".join(words[n + 1 :])
            if word_count(tail) >= 3 and is_headline_like(tail):
                return tail
    return text
