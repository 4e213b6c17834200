"""Clean hostile or stray markup out of an article's fields before it is indexed.

Pages escape every field they show, and `safehtml` is the one place that makes HTML, so markup
left in a field could never run; cleaning is the second line of defence and keeps the archive
tidy: a title that arrives as `<b>Port strike</b>` reads "Port strike", a `javascript:` link
never becomes a link, and the rebuild report says what was removed from which file.

Only real HTML is touched: tags with a known element name whose attributes read as attributes
(or a lowercase custom-element name, or an event-handler attribute), comments, and
`<script>`/`<style>` blocks with their content. Legitimate text such as "AT&T", "a < b",
"<Reuters>" or a Reuters company name in angle brackets (`<MULTI-STEP PRODUCTS INC>`,
`<TIME INC>`) is kept as it is: nothing that is not markup is ever deleted.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any
from urllib.parse import urlsplit

from indexer.errors import SkipArticle

SINGLE_LINE_FIELDS = ("title", "source", "publisher", "dateline", "language")
LIST_FIELDS = ("byline", "contributors")
MAX_FIELD_CHARS = {"title": 1000, "url": 2048}
DEFAULT_MAX_FIELD_CHARS = 300

# HTML, SVG and MathML element names a browser acts on; any other `<word>` is left as text.
HTML_ELEMENTS = frozenset(
    """a abbr acronym address animate animatemotion animatetransform applet area article aside
    audio b base basefont bdi bdo bgsound big blink blockquote body br button canvas caption
    center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed
    fieldset figcaption figure font footer foreignobject form frame frameset g h1 h2 h3 h4 h5 h6
    head header hgroup hr html i iframe image img input ins isindex kbd keygen label legend li
    link listing main map mark marquee math menu menuitem meta meter multicol nav nextid nobr
    noembed noframes noscript object ol optgroup option output p param path picture plaintext
    portal pre progress q rb rp rt rtc ruby s samp script search section select set slot small
    source spacer span strike strong style sub summary sup svg table tbody td template textarea
    tfoot th thead time title tr track tt u ul use var video wbr xmp""".split()
)
BLOCK_ELEMENTS = frozenset(
    """address article aside blockquote body br dd details div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table tbody td
    tfoot th thead tr ul""".split()
)

# Elements dropped with their content: their text is code, not article.
DROPPED_BLOCKS = ("script", "style", "noscript", "template", "iframe", "object", "xmp")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)((?:[\s/][^<>]*)?)>")
# A tag cut off at the end of a field, dropped only when it carries a handler or a script URL.
_CUT_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)[\s/][^<>]*\Z")
_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
# The attributes of a tag: `name`, `name=value`, `name="value"`, an optional closing slash.
_ATTRIBUTE = re.compile(r"""\s*([^\s"'<>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_CLOSER = re.compile(r"</([A-Za-z][A-Za-z0-9:-]*)\s*>")
_UNCLOSED = frozenset({"br", "hr", "wbr"})  # written without closing tags
_CUSTOM_ELEMENT = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Script URLs (`javascript:alert(1)`); the word followed by a space, as in a headline, stays.
_SCRIPT_URL = re.compile(r"\b(?:java|vb|live)script\s*:\S+|\bdata:text/html\S*", re.IGNORECASE)
# C0 and C1 controls but tab and newlines.
_BODY_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# In one-line fields also bidi embeddings, overrides and isolates: a title or name is shown
# inside lists and links, where an override can disguise it ("Invoice \u202egnp.exe").
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@functools.cache
def _openers(active: frozenset[str]) -> re.Pattern[str] | None:
    """A pattern for the openers of the blocks whose closers may still follow."""
    names = [n for n in DROPPED_BLOCKS if n in active]
    parts = [rf"<(?P<name>{'|'.join(names)})\b[^<>]*>"] if names else []
    parts += [re.escape(o) for o in ("<!--", "<![CDATA[") if o in active]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


@functools.cache
def _closer(opener: str) -> re.Pattern[str]:
    """The closing tag of a block, found case-insensitively (lower() can change lengths)."""
    closing = {"<!--": "-->", "<![CDATA[": "]]>"}.get(opener, f"</{opener}")
    return re.compile(re.escape(closing), re.IGNORECASE)


def _drop_blocks(text: str, removed: list[str]) -> str:
    """Remove `<script>…</script>`-like blocks and comments with their content.

    A block without its closing tag loses only the opening tag (as any tag does), so one
    stray `<iframe>` cannot swallow the rest of an article. Once a closer is known to be
    absent its openers are no longer looked for, so the scan stays linear.
    """
    active = frozenset([*DROPPED_BLOCKS, "<!--", "<![CDATA["])
    out: list[str] = []
    pos = 0
    while (pattern := _openers(active)) is not None:
        found = pattern.search(text, pos)
        if found is None:
            break
        key = (found.groupdict().get("name") or "").lower() or found.group(0)
        closing = _closer(key).search(text, found.end())
        if closing is None:
            active = active - {key}
            continue
        removed.append("<!-- -->" if key.startswith("<!") else f"<{key}>")
        out.append(text[pos : found.start()] + " ")
        pos = (text.find(">", closing.start()) + 1) or len(text)
    out.append(text[pos:])
    return "".join(out)


def _attributes(text: str) -> list[tuple[str, bool]] | None:
    """The attributes of a tag as (name, has a value), or None when the text is not attributes."""
    text = text.rstrip()
    if text.endswith("/"):
        text = text[:-1]
    found, pos = [], 0
    while pos < len(text):
        match = _ATTRIBUTE.match(text, pos)
        if match is None or match.end() == pos:
            return None
        found.append((match.group(1), match.group(2) is not None))
        pos = match.end()
        if pos < len(text) and not text[pos].isspace() and match.group(2) is None:
            return None
    return found


def is_markup(name: str, rest: str, closed: frozenset[str] | None = None) -> bool:
    """Whether `<name rest>` is a tag a browser acts on rather than text in angle brackets.

    A known element with no attributes (`<b>`, `</P>`) or with at least one `name=value`
    attribute is markup; one followed only by bare words is markup only when they are
    lowercase attribute names (`<input disabled>`), since `<TIME INC>` and `<SMALL BUSINESS
    ADMINISTRATION>` are Reuters' way of writing company names. An upper-case tag without
    attributes (`<DD>`, `<P>`, `<VAR>`) is also a Reuters ticker unless the text closes it
    (`closed` holds the lower-cased names of the closing tags the text has) or it is a line
    break. Custom elements are lowercase by definition; any event-handler attribute makes a tag
    markup whatever its name.
    """
    if _HANDLER.search(rest):
        return True
    lowered = name.lower()
    if lowered not in HTML_ELEMENTS:
        return "-" in name and _CUSTOM_ELEMENT.fullmatch(name) is not None
    attributes = _attributes(rest)
    if attributes is None:
        return False
    if not attributes:
        if closed is not None and name.isupper() and lowered not in _UNCLOSED:
            return lowered in closed
        return True
    if any(has_value for _, has_value in attributes):
        return True
    return all(attr.islower() for attr, _ in attributes)


def strip_markup(text: str, *, breaks: bool = False) -> tuple[str, list[str]]:
    """Remove script blocks, comments and HTML tags; returns the text and what was removed.

    With `breaks`, block elements become paragraph breaks (for bodies) instead of spaces.
    """
    removed: dict[str, None] = {}
    block_break = "\n\n" if breaks else " "

    def tag(match: re.Match[str]) -> str:
        """Drop a tag a browser would act on; keep `<word>` text that is not one."""
        name = match.group(1).lower()
        closing = match.group(0).startswith("</")
        if is_markup(match.group(1), match.group(2), None if closing else closed):
            removed[f"<{name}>"] = None
            return block_break if name in BLOCK_ELEMENTS else ""
        return match.group(0)

    for _ in range(3):  # entities can hide a second layer of markup: `&lt;script&gt;`
        before = text
        if "<" in text:
            found: list[str] = []
            text = _drop_blocks(text, found)
            removed.update(dict.fromkeys(found))
            closed = frozenset(n.lower() for n in _CLOSER.findall(text))
            text = _TAG.sub(tag, text)
            cut = _CUT_TAG.search(text)
            if cut and (_HANDLER.search(cut.group(0)) or _SCRIPT_URL.search(cut.group(0))):
                removed["<" + cut.group(1).lower() + ">"] = None
                text = text[: cut.start()]
        if removed:
            text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        if text == before:
            break
    return text, list(removed)


def _describe(field: str, removed: list[str], extra: list[str]) -> str:
    """One report note: which field, and what was taken out of it."""
    parts = []
    if removed:
        shown = ", ".join(removed[:5]) + (", …" if len(removed) > 5 else "")
        parts.append(f"HTML removed ({shown})")
    parts.extend(extra)
    return f"{field}: " + "; ".join(parts)


def clean_text(field: str, value: Any, notes: list[str]) -> str | None:
    """One single-line field, cleaned: no markup, script URLs, controls or runs of spaces."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        notes.append(f"{field}: dropped a {type(value).__name__} value where text belongs")
        return None
    text, removed = strip_markup(value)
    extra = []
    text, n = _SCRIPT_URL.subn("", text)
    if n:
        extra.append("script link removed")
    text, n = _CONTROLS.subn("", text)
    if n:
        extra.append("control characters removed")
    text = " ".join(text.split())
    limit = MAX_FIELD_CHARS.get(field, DEFAULT_MAX_FIELD_CHARS)
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
        extra.append(f"cut to {limit} characters")
    if removed or extra:
        notes.append(_describe(field, removed, extra))
    return text or None


def clean_url(value: Any, notes: list[str]) -> str | None:
    """An http(s) URL as given, or None (with a note) for anything else."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        notes.append(f"url: dropped a {type(value).__name__} value where a link belongs")
        return None
    url = value.strip()
    problem = None
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        problem = "only http and https links are kept"
    elif re.search(r"[\s<>\"'`\\]", url) or _CONTROLS.search(url):
        problem = "it holds spaces, quotes or angle brackets"
    elif len(url) > MAX_FIELD_CHARS["url"]:
        problem = f"it is longer than {MAX_FIELD_CHARS['url']} characters"
    if problem:
        shown = url if len(url) <= 60 else url[:60] + "…"
        shown = _CONTROLS.sub("", shown)
        notes.append(f"url: dropped {shown!r} ({problem})")
        return None
    return url


def clean_body(body: Any, notes: list[str]) -> str:
    """The body without markup or control characters, paragraphs kept.

    A `javascript:` written in the body is left alone: the body is only ever shown as escaped
    text and never linked, and removing it would damage articles about web security.
    """
    if not isinstance(body, str):
        notes.append(f"body: {type(body).__name__} value turned into text")
        body = "" if body is None else str(body)
    text, removed = strip_markup(body, breaks=True)
    extra = []
    text, n = _BODY_CONTROLS.subn("", text)
    if n:
        extra.append("control characters removed")
    if removed:
        # Tags gone, tidy the spaces and paragraph breaks they leave behind.
        paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
        text = "\n\n".join(p for p in paragraphs if p)
    if removed or extra:
        notes.append(_describe("body", removed, extra))
    return text


def clean_fields(values: dict[str, Any]) -> list[str]:
    """Clean an article's field values (a mapping of field name to value) before it is made.

    Returns notes for the rebuild report; raises SkipArticle when nothing readable is left
    (a body that was only a script).
    """
    notes: list[str] = []
    for name in SINGLE_LINE_FIELDS:
        if name in values:
            values[name] = clean_text(name, values[name], notes)
    for name in LIST_FIELDS:
        items = values.get(name)
        if isinstance(items, str) or not isinstance(items, (list, tuple)):
            items = [] if items is None else [items]
        cleaned = [clean_text(name, v, notes) for v in items]
        values[name] = list(dict.fromkeys(v for v in cleaned if v))
    values["url"] = clean_url(values.get("url"), notes)
    values["body"] = clean_body(values.get("body"), notes)
    if not values["body"].strip() and not values.get("title"):
        raise SkipArticle("no article text left after removing markup")
    return notes
