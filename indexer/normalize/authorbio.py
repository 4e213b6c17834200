"""The writer a copied page names under its story: a short biography or a contact line.

Many sites close a story with a line about its writer (`Jane Doe is a staff writer at the Daily
Example.`, `Jane Doe covers city hall for …`, `Contact Jane Doe at jdoe@example.com`, `About the
author` / `Jane Doe`, `この記事を書いた人` / `森田 健介`). Such a line says who wrote the
story even where the header signs it in a shape that is not read, and it checks a bare name
taken from the header. A person the story is about is named in its paragraphs; the writer, as
a rule, is not, so a name the story uses elsewhere is no writer's. A blog written in the first
person names its owner in the about box under the post (`Jane Doe` / its tagline / `I build
small machines …`).
"""

from __future__ import annotations

import re

from indexer.normalize import boilerplate as bp
from indexer.normalize.creditline import bare_names, common_words, is_house
from indexer.normalize.dates import find_date
from indexer.normalize.lines import ends_sentence, is_paragraph, word_count
from indexer.normalize.story import Page
from indexer.normalize.tagline import names_family
from indexer.normalize.zone import Zone

_NAME = r"(?P<name>(?:[A-ZÀ-Þ][\w'’.-]*\s+){1,3}[A-ZÀ-Þ][\w'’-]+)"
# The work a writer does, in the words a biography uses for it.
_ROLE = (
    r"(?:writer|reporter|editor|correspondent|journalist|columnist|contributor|author|producer"
    r"|freelancer|critic|blogger|photographer|redakteur(?:in)?|journalist(?:in)?"
    r"|korrespondent(?:in)?|autor(?:in)?|journaliste|rédact(?:eur|rice)|correspondant(?:e)?"
    r"|periodista|redactor(?:a)?|corresponsal)"
)
# `Jane Doe is a staff writer at …`, `Jane Doe was the Post's Cairo correspondent`, `Jane Doe
# ist Redakteurin …`: a name, a copula, a few words, the role, all in the line's first sentence.
_BIO = re.compile(
    rf"^(?i:about the author\s*:?\s*)?{_NAME}\s+(?:is|was|has been|ist|est|es)\s+"
    rf"[^.!?]{{0,80}}?\b(?i:{_ROLE})s?\b"
)
# `Jane Doe covers education for the Daily Example.`, `Jane Doe writes about science for …`
_COVERS = re.compile(
    rf"^{_NAME}\s+(?:covers|writes about|reports on)\s+[^.!?]{{3,80}}\b(?:for|at)\b"
)
# `Contact Jane Doe at …`, `Email Jane Doe at …`, `Jane Doe can be reached at …`.
_CONTACT = re.compile(rf"^(?i:contact|email|e-mail|reach)\s+{_NAME}\s+(?:at|via|on)\b")
_REACHED = re.compile(rf"^{_NAME}\s+can be (?:reached|contacted|emailed)\b")
# `Jane Doe is a retired principal who lives in Dunmore.`: a guest writer's tagline, one whole
# sentence closing the piece, whatever the writer's trade. It introduces a living writer in the
# present tense: `Ada Morrow was the first woman to …` closes a piece about someone of the past.
_TAGLINE = re.compile(rf"^{_NAME}\s+is\s+(?:a|an|the)\s+[^.!?]{{3,160}}\.$")
# `Q: …` / `A: …`: an interview, whose last line introduces the one who answered, not its writer.
_QUESTION = re.compile(r"^(?:Q|Question)\s*[:.]\s", re.MULTILINE)
# `（北陸中央新聞 森田健介）`, `（瀬戸内日報 今治支局 高橋真由美）`: a Japanese paper closes
# its story with its name or its bureau's and the writer's, in brackets; a word of the paper's
# kind (`新聞`, `通信`, `支局`) ends the last before the name. The writer is the last word, a
# family and a given name set close (`森田健介`); the words between are their title or place
# (`編集委員`, `北京`), and a spaced last word (`森田 健介`, `北京 田中`) is not told from them.
# A person's name opens on a kanji family name; a place or an office (`大阪本社`, `ワシントン`)
# is no writer, and a picture's words (`撮影`, `写真部`) name the photographer. A day between
# and an edition last (`（毎日新聞 2024年6月3日 東京朝刊）`, `地方版`) cite where the story ran.
_CJK_NAME_CHAR = r"[\u4e00-\u9fff々ぁ-んァ-ヶー]"
_CJK_SIGNATURE = re.compile(
    r"^[（(]\s*(?:[^\s（）()]{1,15}\s+)?[^\s（）()]{1,15}"
    r"(?:新聞社?|通信社?|日報|新報|放送|報道部|支局|総局)\s+"
    r"(?P<between>(?:[^\s（）()]{1,10}\s+){0,2})"
    rf"(?P<name>[\u4e00-\u9fff々]{_CJK_NAME_CHAR}{{2,5}})\s*[）)]$"
)
_CJK_PICTURE = re.compile(r"写真|撮影|カメラ|映像")
_NOT_PERSON_END = tuple("社局部市県町村区府都所刊版")
_SIGNATURE_REACH = 2  # lines about the story's end where its bracketed signature stands
# `About the author`, `この記事を書いた人` (who wrote this article), `この記事の筆者` (this
# article's writer): a box naming the story's writer, however far under it.
_ABOUT = re.compile(
    r"^(?:about the (?:author|writer)|この記事を書いた人|この記事の(?:筆者|著者|執筆者))\s*[:：]?$",
    re.IGNORECASE,
)
_BIO_CHARS = 400  # a biography is a short paragraph of its own, not a story's long one
_MOST_WRITERS = 4  # more biographies than this are a list of staff, not a story's writers
_ABOUT_BELOW = 2  # lines under `About the author` where the name stands
# `I`, `I'm`, `my`: a paragraph in the first person.
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|my)\b")
_TAGLINE_WORDS = (2, 8)  # a blog's tagline: a phrase, no sentence (`A Linux hacker's notes`)


def writer_bios(page: Page, zone: Zone, body: str, top: int | None = None) -> list[str]:
    """The writers that biographies or contact lines from the story's top down name, in order;
    `top`: the line where the header's own lines start (under the headline), if above the story.
    """
    names: list[str] = []
    start = zone.start if top is None else min(top, zone.start)
    for i in range(start, len(page.lines)):
        name = _writer(page, i)
        if name is None or name in names or _in_story(name, body, page.text(i)):
            continue
        names.append(name)
    return names if len(names) <= _MOST_WRITERS else []


def _writer(page: Page, i: int) -> str | None:
    """The writer line `i` describes, if it is a biography, a contact line or names one under
    `About the author`."""
    text = page.text(i).strip()
    if _ABOUT.match(text):
        for j in range(i + 1, min(len(page.lines), i + _ABOUT_BELOW + 1)):
            found = bare_names(page.text(j))
            if len(found) == 1 and not is_house(found[0]):
                return found[0]
        return None
    if len(text) > _BIO_CHARS:
        return None
    match = _BIO.match(text) or _COVERS.match(text) or _CONTACT.match(text) or _REACHED.match(text)
    if match is None:
        return None
    words = match.group("name").split()
    if len(words) > 2 and words[-1] == words[0]:
        words.pop()  # `Jane Doe Jane is …`: the name, then the biography's own first word
    found = bare_names(" ".join(words))
    return found[0] if len(found) == 1 and not is_house(found[0]) else None


def _in_story(name: str, body: str, line: str) -> bool:
    """Whether the story names the person outside that line, or its words are common ones; the
    name alone on a line of its own is a credit (the header's), no sentence about them."""
    rest = "\n".join(t for t in body.replace(line, " ").split("\n") if t.strip() != name)
    return name in rest or names_family(name, rest) or common_words(name, rest)


def last_line_writer(page: Page, zone: Zone, body: str) -> list[str]:
    """The writer the story's last paragraph introduces (`Jane Doe is a retired principal who
    lives in Dunmore.`), when the story names them nowhere else; else none."""
    last = next((i for i in range(zone.end - 1, zone.start - 1, -1) if page.text(i).strip()), None)
    if last is None:
        return []
    text = page.text(last).strip()
    match = _TAGLINE.match(text)
    if match is None:
        return []
    found = bare_names(match.group("name"))
    if len(found) != 1 or is_house(found[0]) or _in_story(found[0], body, text):
        return []
    return [] if _QUESTION.search(body) else found


def bracketed_signature(page: Page, zone: Zone) -> list[str]:
    """The writer a Japanese story's closing brackets name after the paper's name
    (`（北陸中央新聞 森田健介）`) in its copied lines, else none (a saved page's bold signature
    set to the right is `tagline.right_set_signature`'s)."""
    end = min(len(page.lines), zone.end + _SIGNATURE_REACH)
    for i in range(max(zone.start, zone.end - _SIGNATURE_REACH), end):
        match = _CJK_SIGNATURE.match(page.text(i).strip())
        if match is None:
            continue
        between, name = match.group("between", "name")
        cited = any(map(str.isdigit, between)) or name.endswith(_NOT_PERSON_END)
        if not cited and not _CJK_PICTURE.search(between):
            return [name]
    return []


def blog_owner(page: Page, zone: Zone, body: str) -> list[str]:
    """The person a blog written in the first person is, named in its about box under the post:
    the name alone, the blog's tagline, then a first-person line about them (`Jane Doe` / `A
    Linux hacker's notes` / `I work on kernels by day.`); a reader's comment carries its stamp."""
    if not _FIRST_PERSON.search(body):
        return []
    shown = [i for i in range(zone.end, len(page.lines)) if page.text(i).strip()]
    # Under the readers' thread's heading a name, a title and a paragraph are a comment.
    thread = next((k for k, i in enumerate(shown) if bp.COMMENTS_HEADING.match(page.text(i))), None)
    shown = shown[:thread]
    for at in range(len(shown) - 2):
        name, tagline, about = (page.text(j).strip() for j in shown[at : at + 3])
        found = bare_names(name)
        if len(found) != 1 or found[0] != name or len(name.split()) < 2 or is_house(name):
            continue
        low, high = _TAGLINE_WORDS
        if not low <= word_count(tagline) <= high or ends_sentence(tagline):
            continue
        # A comment's stamp: a date, or a count of time (`3 years ago`), or a label (`says:`).
        stamped = any(c.isdigit() for c in tagline) or any(find_date(t) for t in (name, about))
        if tagline.endswith(":") or stamped:
            continue
        if is_paragraph(about) and _FIRST_PERSON.search(about) and len(about) <= _BIO_CHARS:
            story = "\n".join(page.text(j) for j in range(zone.start, zone.end))
            return [] if _in_story(name, story, about) else found
    return []
