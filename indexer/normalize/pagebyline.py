"""The byline a saved page shows: the elements it marks as its byline or author, read as a credit.

Pages mark their byline with classes and attributes (`class="byline"`, `itemprop="author"`,
`rel="author"`); the same words also mark author photos, biographies, "more stories by" links
and the authors of other stories in sidebars and lists. Only elements outside navigation,
asides, footers and story lists are read, each as a credit line (`By A and B`, `A · Outlet ·
Posted …`) with the usual name checks, and the first one that reads as a credit wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

from indexer.normalize.bylines import (
    cjk_byline,
    cjk_lead_byline,
    clean_name,
    is_event_host,
    is_role,
    opens_region,
    parse_byline,
    parse_name_line,
)
from indexer.normalize.cardcredit import in_card
from indexer.normalize.dates import date_label, find_date
from indexer.normalize.language import language_code
from indexer.normalize.metadata import link_path, own_paths
from indexer.normalize.monthnames import weekday_words
from indexer.normalize.sources import WIRES, canonical_outlet
from indexer.normalize.writerlink import AUTHOR_LINK, PROFILE_LINK, names_own_page

_MARK = re.compile(r"byline|author|writer|creator|reporter|verfasser|autor", re.IGNORECASE)
# An element marked as holding a name alone (`name`, Spanish `nombre`, French `nom`, `nome`).
_NAME_MARK = re.compile(r"name|nombre|\bnom\b|\bnome\b", re.IGNORECASE)
# Marked elements that are not the story's byline: photos, biographies, links, other stories.
# A `vcard` (the hCard microformat that marks a person) is no story card.
_NOT_BYLINE = re.compile(
    r"image|avatar|photo|picture|bio|profile|modal|flyout|social|follow|comment|archive|more|"
    r"related|recirc|teaser|(?<!v)card|list|widget|share|rss|email|twitter|title|description|"
    r"about",
    re.IGNORECASE,
)
# Ancestors that hold other stories or page furniture: a class or id that starts so.
_ELSEWHERE = re.compile(
    r"(?:related|recirc|sidebar|teaser|comment|popular|most-?read|promo|footer|nav|menu|"
    r"newsletter|recommend|trending|more-?stories)",
    re.IGNORECASE,
)
_SOCIAL = re.compile(
    r"twitter|facebook|instagram|linkedin|mailto:|social|follow|share|avatar|photo|image",
    re.IGNORECASE,
)
_SKIPPED_TAGS = frozenset({"meta", "link", "script", "style", "img", "body", "html", "head"})
_NAME_PARTS = frozenset({"span", "b", "strong", "em", "i"})  # inline parts a name is set in
_OUTSIDE_TAGS = frozenset({"aside", "nav", "footer", "header-nav"})
# A byline's label words (`بقلم`: Arabic, by the pen of; `Автор`: Russian, author), kept in
# one list for the patterns below.
_LABEL_WORDS = r"by|von|par|por|door|av|af|text|autor(?:in)?|author|автор(?:ы)?|بقلم"
# A show's episode credits its host where a story credits its writer (`Hosted by Jane Doe`).
_CREDIT_LABELS = r"written by|reporting by|hosted by"
# Labels that name the writer only with their colon (`كتب:`, Arabic wrote; `Текст:`, Russian
# text by; `Writer:`, `Szerző:`, Hungarian author): without it they are common words (`كتب`,
# books; `Writer Jane Doe`, a title).
_COLON_LABELS = r"(?:كتب|كتبت|текст|writers?|szerzők?)\s*[:：]"
_LABEL = re.compile(
    rf"^(?:(?:{_LABEL_WORDS}|di|da|{_CREDIT_LABELS})\b[:\s]*|{_COLON_LABELS}\s*)", re.IGNORECASE
)
_INITIALS = re.compile(r"\s*\([a-zäöü.]{2,5}\)$")
_DATE_JOINER = re.compile(r"[\s,|·•–—-]*(?:\b(?:on|am|le|el|il|at|den)\b)?[\s,|·•–—-]*$", re.I)
# A reporter's title after the name without a comma (`Jane Doe Staff Writer`).
_ROLE_TAIL = re.compile(
    r"[\s|–—-]+(?:(?:senior|staff|chief|contributing|special|political|business|sports?|deputy|"
    r"associate|managing|executive|guest|freelance)\s+)*(?:writer|reporter|correspondent|editor|"
    r"contributor|columnist|journalist|redakteur(?:in)?|korrespondent(?:in)?)\s*$",
    re.IGNORECASE,
)
_MAX_TEXT = 150
_MAX_PIECE = 60
# A handle: letters first, then letters, digits, `_`, `.` or `-` (`doumae`, `@KingStan`).
_HANDLE = re.compile(r"^@?[^\W\d_][\w.-]{2,29}$")
# Labels, roles and buttons that byline elements hold instead of a name.
_NOT_HANDLES = frozenset(
    """author authors autor autorin auteur admin administrator editor editors redaktion staff
    team guest anonymous anonym unknown user users webmaster newsroom desk by von par por
    posted published updated share follow more menu home comments comment reply contact about
    profile subscribe login submitted""".split()
)  # fmt: skip
_MAX_TRIED = 12  # marked elements read before giving up
_HEADER_LINES = 15  # lines after the headline where its credit line may be
_HEADINGS_TRIED = 3  # `<h1>` lines tried as the headline when none says the chosen title
_PARAGRAPH = 150  # a line this long is a paragraph of the story
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "button"})
_INLINE_TAGS = frozenset("a abbr b cite em i small span strong".split())
_BYLINE_START = re.compile(
    rf"^(?:(?:{_LABEL_WORDS}|{_CREDIT_LABELS})\b[:\s]|{_COLON_LABELS})", re.IGNORECASE
)
# Italian writes its byline `di Mario Rossi`; only in lower case, so that a surname that opens
# a line (`Di Maio`) is no label, and only on an Italian page: Indonesian and Malay `di` is
# `in` / `at` (`di Kampung Melayu, Jakarta Timur` under a photo).
_ITALIAN_BY = re.compile(r"^di\s(?=[A-ZÀ-ÖØ-Þ])")
_CO_AUTHOR = re.compile(r"^with\s+(\S.{0,58})$", re.IGNORECASE)  # `with John Roe` alone
_BARE_LABEL = re.compile(rf"^(?:{_LABEL_WORDS})\s*:?$", re.IGNORECASE)
_ANCESTORS = 8
_QUOTE_PAIRS = (('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’"))
_TEASER_DEPTH = 2  # a teaser's name sits beside its linked headline, a level or two up
_TEASER_TEXT = 300  # and the block holding both is short
_STAMP = re.compile(
    r"\s(?:published|updated|last updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|"
    r"publicado|actualizado)\b",
    re.IGNORECASE,
)
# A label that names the author field, not a preposition (`by` also starts `by the river`).
_AUTHOR_LABEL = re.compile(
    r"^(?:autor(?:in)?(?:\s*/\s*autor(?:in)?)?|authors?|verfasser(?:in)?|written by|"
    r"geschrieben von|escrito por|écrit par)(?:\s*:\s*|\s+|$)",
    re.IGNORECASE,
)


def header_byline(
    lines: list[tuple[str, bool]], headline: str | None, lang: str | None = None
) -> tuple[list[str], str | None] | None:
    """The credit line (`By A and B`, `Von A`) shown between the headline and the story.

    The page's visible `lines` are read in order from its headline (the line that says
    `headline`, else each `<h1>`) up to the first paragraph of the story: a line that opens
    with a byline label, or the label alone on its line followed by the names, is the credit
    (Italian's `di` a label too where the page's language tag `lang` is Italian).
    """
    italian = language_code(lang or "") == "it"
    texts = [text for text, _ in lines]
    key = _line_key(headline or "")
    anchors = [i for i, (text, _) in enumerate(lines) if key and _line_key(text) == key][:1]
    anchors += [i for i, (_, heading) in enumerate(lines) if heading][:_HEADINGS_TRIED]
    for start in dict.fromkeys(anchors):
        found = _credit_after(texts[start + 1 : start + 1 + _HEADER_LINES], italian)
        if found is not None:
            return found
    return None


def co_authors(lines: list[tuple[str, bool]], headline: str | None, names: list[str]) -> list[str]:
    """The writers a line of its own credits beside the author under the headline, right after
    the line that is only their name (`Jane Doe ·` / `with John Roe`: Medium's co-author line);
    after a name with words (`Interview: Jane Doe`, `Hosted by Jane Doe`) the line names the
    person interviewed or the guest."""
    key = _line_key(headline or "")
    start = next(
        (i for i, (text, heading) in enumerate(lines) if heading or key == _line_key(text)), None
    )
    if start is None:
        return []
    keys = {_words(name) for name in names} - {""}
    window = [text for text, _ in lines[start + 1 : start + 1 + _HEADER_LINES]]
    found = []
    for before, line in zip(window, window[1:], strict=False):
        if len(before) > _PARAGRAPH:
            break  # the story has begun
        match = _CO_AUTHOR.match(line)
        name = clean_name(match.group(1)) if match else None
        if name and _words(before) in keys:
            found.append(name)
    return found


def _credit_after(lines: list[str], italian: bool) -> tuple[list[str], str | None] | None:
    """The first credit line among the lines after a headline, before the story begins."""
    for i, line in enumerate(lines):
        if len(line) > _PARAGRAPH:
            break  # the story has begun
        if _BARE_LABEL.match(line) and i + 1 < len(lines):
            line = f"{line} {lines[i + 1]}"
        cjk = [] if line.isascii() else cjk_byline(line) or cjk_lead_byline(line)
        names = [n for n in map(tidy_name, cjk) if n]
        if names:
            return names, None  # `作者：张伟、王静`, maybe beside `来源：新华社` and the time
        label = _BYLINE_START.match(line) or italian and _ITALIAN_BY.match(line)
        if not label or is_event_host(line, lines[i + 1 :]):
            continue
        # What follows the date on a credit line is the page's furniture (`… 2:00 PM Tags`).
        before = _before_date(line)
        found = read_credit(line if before is None else before)
        if found is not None:
            return found
    return None


def visible_lines(tree: HtmlElement) -> list[tuple[str, bool]]:
    """The page's text as a reader sees it, one line per block element (like `innerText`),
    each marked when it is an `<h1>` heading."""
    lines: list[tuple[str, bool]] = []
    pieces: list[str] = []
    in_heading = 0

    def flush() -> None:
        """End the current line."""
        line = " ".join(" ".join(pieces).split())
        if line:
            lines.append((line, in_heading > 0))
        pieces.clear()

    hidden = 0
    social: set[HtmlElement] = set()  # the share links met, each read once at its start
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "a" and event == "start" and _social_link(element):
            social.add(element)
        if tag in _HIDDEN_TAGS or (tag == "a" and element in social):
            hidden += 1 if event == "start" else -1
            if event == "end" and not hidden and element.tail:
                pieces.append(element.tail)
            continue
        if hidden:
            continue
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
            in_heading += tag == "h1"
            if element.text and tag:
                pieces.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                flush()
            in_heading -= tag == "h1"
            if element.tail:
                pieces.append(element.tail)
    flush()
    return lines


def _social_link(link: HtmlElement) -> bool:
    """Whether a link is a share or follow button (`Twitter` after a byline is no name)."""
    if _mail_to_author(link):
        return False
    return bool(_SOCIAL.search(f"{link.get('class') or ''} {link.get('href') or ''}"))


def _mail_to_author(link: HtmlElement) -> bool:
    """Whether a link is the author's name linked to their address (`<a href="mailto:jd@…">Jane
    Doe</a>`), not a share-by-mail button (`mailto:?subject=…`) or a bare `Email`."""
    href = (link.get("href") or "").strip().lower()
    if not href.startswith("mailto:") or "@" not in href.split("?", 1)[0]:
        return False
    text = " ".join(link.text_content().split())
    return len(text.split()) >= 2 and "@" not in text


def _line_key(text: str) -> str:
    """A line compared up to case, spaces and quote styles."""
    return " ".join(text.casefold().replace("’", "'").split())


def page_byline(tree: HtmlElement) -> tuple[list[str], str | None] | None:
    """The names in the page's byline zone and the agency it credits, or None."""
    for tried, (node, text) in enumerate(_marked_bylines(tree), 1):
        credit, pieces = read_credit(text), _name_pieces(node)
        # The whole text glues the names the element marks one by one, or runs them together.
        if (
            credit is not None
            and pieces is not None
            and (_glued(credit[0], pieces[0]) or _run_together(credit[0], pieces[0], node))
        ):
            return pieces[0], credit[1]
        found = credit or pieces
        if found is not None:
            return found
        if tried >= _MAX_TRIED:
            break
    return None


def _marked_bylines(tree: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """The elements the page marks as its byline, with their shown text, in page order,
    without those in navigation, asides, story lists and teasers."""
    own = {"", *own_paths(tree)}  # and the empty path of a link that goes nowhere
    for node in tree.iter():
        if not isinstance(node.tag, str) or node.tag in _SKIPPED_TAGS:
            continue
        marks = " ".join(
            node.get(key) or "" for key in ("class", "id", "itemprop", "rel", "data-testid")
        )
        if not _MARK.search(marks) or _NOT_BYLINE.search(marks) or _elsewhere(node):
            continue
        if _in_teaser(node, own) or in_card(node) or _in_citation(node):
            continue
        text = _shown_text(node)
        if 2 <= len(text) <= _MAX_TEXT:
            yield node, text


def pen_name(tree: HtmlElement) -> str | None:
    """A pen name or handle the page gives as its author (`by doumae` in the byline element,
    `<a href="/u/EvilSpark">EvilSpark</a>`): one word, not a label or a button, read only for
    a page that names no one, where a name check that wants two words finds nothing."""
    for tried, (_, text) in enumerate(_marked_bylines(tree), 1):
        found = _handle(text)
        if found is not None:
            return found
        if tried >= _MAX_TRIED:
            break
    for link in tree.iter("a"):
        href = (link.get("href") or "").split("?")[0].rstrip("/")
        if not PROFILE_LINK.search(href) or _elsewhere(link):
            continue
        found = _handle(" ".join(link.text_content().split()))
        # The profile's address ends in the handle itself: the link names its own page.
        if found is not None and href.rsplit("/", 1)[-1].casefold() == found.lstrip("@").casefold():
            return found
    return None


def _handle(text: str) -> str | None:
    """The one-word pen name a byline text holds (`by doumae`, `Paul December 23, 2016`)."""
    text = _LABEL.sub("", text).strip()
    before = _before_date(text)
    words = (text if before is None else before).split()
    if len(words) != 1:
        return None
    word = words[0].strip(" ,;:·|")
    if not _HANDLE.match(word) or word.lstrip("@").casefold() in _NOT_HANDLES:
        return None
    return word


def _before_date(text: str) -> str | None:
    """What a byline text holds before its date (`Jane Doe on ` of `Jane Doe on May 3, 2019`),
    or None when it states no date."""
    dated = find_date(text)
    if dated is None:
        return None
    words = text[: text.index(dated[1])].split()
    # `بقلم: أحمد خالد الثلاثاء 14 يناير 2025`: the date's weekday, no name; `सुनील पाटील,
    # नाशिक प्रकाशित: …`, `Last Updated: …`: the date's label (`published:`), no name either.
    while words:
        weekday = weekday_words(words)
        if weekday:
            del words[-weekday:]
            continue
        label = next((k for k in (3, 2, 1) if _bare_label(" ".join(words[-k:]))), 0)
        if not label:
            break
        del words[-label:]
    return " ".join(words)


def _bare_label(words: str) -> bool:
    """Whether words are a date's label alone (`Last Updated:`, `प्रकाशित:`), no date after it."""
    label = date_label(words)
    return label is not None and label.casefold() == words.strip(" :·|,").casefold()


def labelled_author(lines: list[tuple[str, bool]]) -> tuple[list[str], str | None] | None:
    """The names after an explicit author label anywhere on the page's visible `lines`
    (`Autorin/Autor Roman Goncharenko` in a facts box under the story, `Author:` on a line of
    its own above the name), for a page with no element marked as the byline."""
    texts = [text for text, _ in lines]
    for i, line in enumerate(texts):
        label = _AUTHOR_LABEL.match(line)
        if label is None:
            continue
        rest = line[label.end() :].strip()
        if not rest and i + 1 < len(texts):
            rest = texts[i + 1]
        found = read_credit(rest) if 2 <= len(rest) <= _MAX_PIECE else None
        if found is not None:
            return found
    return None


def _shown_text(node: HtmlElement) -> str:
    """An element's text, its pieces spaced apart, without social links and author photos."""
    pieces: list[str] = []

    def visit(element: HtmlElement) -> None:
        """Collect the text of `element` and of its children that are part of the byline."""
        pieces.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str) and not _skipped_child(child):
                visit(child)
            pieces.append(child.tail or "")

    visit(node)
    return " ".join(" ".join(pieces).split())


def _name_pieces(node: HtmlElement) -> tuple[list[str], str | None] | None:
    """The names a byline element holds in elements of their own (`<a rel=author>Sam Stein</a>`
    before his role), when its whole text is more than a credit."""
    names: list[str] = []
    read: set[HtmlElement] = set()  # the parts of a name already read whole
    for element in node.iter():
        if not isinstance(element.tag, str) or element in read or _skipped_child(element):
            continue
        piece = " ".join(_own_text(element).split())
        if not piece:
            continue
        marks = _marks(element)
        href = element.get("href") or ""
        own = (
            _MARK.search(marks)
            or _NAME_MARK.search(marks)
            or AUTHOR_LINK.search(href)
            or (names_own_page(href, piece) and _opens(node, element))
        )
        if own and 2 <= len(piece) <= _MAX_PIECE:
            found = read_credit(piece)
            if found is not None and not (element.text or "").strip():
                read.update(element.iterdescendants())
            if found is not None:
                names.extend(n for n in found[0] if n not in names)
    return (names, None) if names else None


def _own_text(element: HtmlElement) -> str:
    """An element's own text, or that of a writer's link holding the name in parts (`<a
    rel="author"><span>Jane</span> <span>Doe</span></a>`: first and last name styled apart,
    a word each); a box's or a card's parts (`<span>Jane Doe</span> <span>Valencia</span>`,
    `<span>Jane Doe</span> <span>Education Reporter</span>`) are separate facts."""
    if element.text and element.text.strip():
        return element.text
    parts = list(element)
    if element.tag == "a" and parts and all(_name_word(p) for p in parts):
        return element.text_content()
    return ""


def _name_word(part: HtmlElement) -> bool:
    """Whether an inline part of a link holds one word and nothing else (`<span>Jane</span>`)."""
    return part.tag in _NAME_PARTS and not len(part) and len(part.text_content().split()) == 1


def _words(text: str) -> str:
    """A text's words in lower case, without its punctuation (`Jane Doe ·`: `jane doe`)."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def _opens(node: HtmlElement, element: HtmlElement) -> bool:
    """Whether an element opens a byline element's text, after one word at most (`Na`, a
    label): a byline starts with its writer, and a link after a name (`Jane Doe <a>North
    Yorkshire</a>`) is a place's, a section's or a topic's page."""
    # The texts inside `node` before `element`, walking `node` alone (not the whole page): the
    # tails of the elements before it, except those of the elements holding it, which follow it.
    holding = set(element.iterancestors())
    before = []
    for child in node.iter():
        if child is element:
            break
        if isinstance(child.tag, str):
            before.append(child.text or "")
        if child is not node and child not in holding:
            before.append(child.tail or "")
    return len(" ".join(before).split()) <= 1


def _glued(credit: list[str], pieces: list[str]) -> bool:
    """Whether a credit read from a byline element's whole text runs each name into the element
    after it (`Marta Llorens` + `Valencia`, a place or a role) that the name's own marked
    element leaves out, or keeps one word before it: a label the reader does not know (Swahili
    `Na` before `<a>Amina Mwakyusa</a>`, by)."""
    if len(credit) != len(pieces):
        return False
    pairs = zip(credit, pieces, strict=True)
    return all(whole != own and _runs_into(whole, own) for whole, own in pairs)


def _run_together(credit: list[str], pieces: list[str], node: HtmlElement) -> bool:
    """Whether a credit read from a byline element's whole text is several names the element
    marks one by one, run together (`Jane Doe John Roe` from two `<a rel="author">` links):
    each a link to its writer's page or an author's element of its own (`<span
    class="author">`). A name's marked parts (`<span itemprop="givenName">José Luis</span>
    <span itemprop="familyName">Rodríguez Zapatero</span>`) are neither."""
    if len(pieces) <= len(credit) or _words(" ".join(credit)) != _words(" ".join(pieces)):
        return False
    own = {
        _words(element.text_content())
        for element in node.iterdescendants()
        if isinstance(element.tag, str) and (element.get("href") or _MARK.search(_marks(element)))
    }
    return all(_words(piece) in own for piece in pieces)


def _marks(element: HtmlElement) -> str:
    """The classes and attributes an element is marked with."""
    return " ".join(element.get(key) or "" for key in ("class", "itemprop", "rel"))


def _runs_into(whole: str, own: str) -> bool:
    """Whether a name read from a whole text is its marked name with more after it, or with one
    word before it."""
    before = whole[: -len(own)] if whole.endswith(" " + own) else ""
    return whole.startswith(own + " ") or len(before.split()) == 1


def _skipped_child(child: HtmlElement) -> bool:
    """Whether a part of a byline element is a social link, a photo or a label to drop."""
    if child.tag in _SKIPPED_TAGS or child.tag in ("svg", "button", "figure"):
        return True
    if child.tag == "a" and _mail_to_author(child):
        return False
    marks = " ".join(child.get(key) or "" for key in ("class", "id", "href"))
    return bool(_SOCIAL.search(marks))


def _in_teaser(node: HtmlElement, own: set[str]) -> bool:
    """Whether a byline belongs to a teaser of another story: the short block around it holds a
    heading that links elsewhere, the link inside the heading or around it
    (`<h2><a href="/other-story">…</a></h2>` or `<a href="/other-story"><h2>…</h2></a>` above
    the name). A heading that links to the page itself (`own`) is the story's own, made a
    permalink by the template."""
    # Levels are counted in blocks: a name's inline wrappers (`<span><a>Name</a></span>`) are
    # part of the name.
    ancestors = list(node.iterancestors())
    blocks = [p for p in ancestors if p.tag not in _INLINE_TAGS]
    for parent in blocks[:_TEASER_DEPTH]:
        if len(parent.text_content()) > _TEASER_TEXT:
            break  # the story itself, or the page around it
        headings = [
            (h.tag, _links_elsewhere(h, parent, own))
            for h in parent.iter("h1", "h2", "h3", "h4")
            if h is not node and h not in ancestors
        ]
        # The story's own `<h1>` makes the block its header, whose kicker may link to its
        # section (`<h3><a href="/news/cities/">Cities</a></h3>`).
        if any(tag == "h1" and not away for tag, away in headings):
            return False
        if any(away for _, away in headings):
            return True
    return False


def _in_citation(node: HtmlElement) -> bool:
    """Whether a byline belongs to a cited source: the list item around it quotes the title
    of the work it links to (`Jane Doe. "<a>Ferries collide</a>" — Coast News`), as a list of
    sources or references credits another story's writer."""
    item = next(node.iterancestors("li"), None)
    if item is None:
        return False
    content = item.text_content()
    if len(content) > _TEASER_TEXT:
        return False
    text = " ".join(content.split())
    for link in item.iter("a"):
        title = " ".join(link.text_content().split())
        if title and any(f"{a}{title}{b}" in text for a, b in _QUOTE_PAIRS):
            return True
    return False


def cited_names(tree: HtmlElement, names: list[str]) -> set[str]:
    """The names every element that shows them is a cited source's credit of (`_in_citation`),
    read in one walk of the page."""
    holders: dict[str, list[HtmlElement]] = {name: [] for name in names}
    if not holders:
        return set()
    for node in tree.iter():
        if isinstance(node.tag, str) and node.text:
            text = " ".join(node.text.split())
            for name, found in holders.items():
                if name in text:
                    found.append(node)
    return {name for name, found in holders.items() if found and all(map(_in_citation, found))}


def _links_elsewhere(heading: HtmlElement, block: HtmlElement, own: set[str]) -> bool:
    """Whether a heading links, inside it or around it within `block`, off the page itself."""
    links = [*heading.iter("a"), *_wrapping_links(heading, block)]
    return any(link_path(link.get("href") or "") not in own for link in links)


def _wrapping_links(heading: HtmlElement, block: HtmlElement) -> list[HtmlElement]:
    """The links a heading sits in within `block` (`<a href="/other-story"><h2>…</h2></a>`,
    a whole card made one link)."""
    links = []
    for ancestor in heading.iterancestors():
        if ancestor is block:
            break
        if ancestor.tag == "a":
            links.append(ancestor)
    return links


def _elsewhere(node: HtmlElement) -> bool:
    """Whether an element sits in navigation, an aside, a footer or a list of other stories."""
    for depth, parent in enumerate(node.iterancestors()):
        if depth >= _ANCESTORS:
            break
        if parent.tag in ("body", "html"):
            break
        if parent.tag in _OUTSIDE_TAGS:
            return True
        tokens = f"{parent.get('class') or ''} {parent.get('id') or ''}".split()
        if any(_ELSEWHERE.match(token) for token in tokens):
            return True
    return False


def read_credit(text: str) -> tuple[list[str], str | None] | None:
    """The people and the agency in one byline text (`By A and B`, `By Associated Press`)."""
    # A credit glued to its stamp (`By A Published in Section`, `Von A Aktualisiert am …`).
    bare = _STAMP.split(_LABEL.sub("", text), maxsplit=1)[0].strip(" :·|,")
    # `Written by Jane Doe on May 3, 2019`, `Von Jane Doe (jd)`, `By Jane Doe Staff Writer`.
    before = _before_date(bare)
    if before is not None:
        bare = _DATE_JOINER.sub("", before)
    # A job after a comma goes whole (`Jane Doe, Local Democracy Reporter`), not only its last
    # word, which would leave the rest as a second name.
    head, comma, last = bare.rpartition(",")
    if comma and head.strip() and is_role(last.strip()):
        bare = head
    jobless = _ROLE_TAIL.sub("", _INITIALS.sub("", bare)).strip(" :·|,")
    if jobless != _INITIALS.sub("", bare).strip(" :·|,") and opens_region(jobless):
        return None  # `Middle East Chief correspondent`: a job alone, no one's name
    bare = jobless
    outlet = canonical_outlet(bare)
    if outlet is not None:
        return ([bare], outlet) if outlet in WIRES else None
    credit = parse_byline(f"By {bare}") if bare else None
    if credit is None:
        credit = parse_name_line(bare)
    if credit is None or not credit.byline:
        return None
    names = [n for n in (tidy_name(n) for n in credit.byline) if n]
    if not names:
        return None
    agency = credit.outlet if credit.outlet in WIRES else None
    return names, agency


def tidy_name(name: str) -> str | None:
    """A name without a leading label (`Autor`, `Von`) or trailing initials (`(obe)`), written
    once (`Jane Doe Jane Doe`, a page's two copies of its byline; `Li Li` is one name); None
    for no letters at all (`105092`, an author's number in the site's database)."""
    text = _INITIALS.sub("", _LABEL.sub("", name.strip())).strip(" ,;:")
    if not any(c.isalpha() for c in text):
        return None
    words = text.split()
    half = len(words) // 2
    if half >= 2 and len(words) == 2 * half and words[:half] == words[half:]:
        text = " ".join(words[:half])
    return text
