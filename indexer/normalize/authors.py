"""The byline of a saved page, chosen among everything the page states about its authors.

The evidence, strongest first: the people the JSON-LD article names as its authors (with any
organisation or agency credited beside them); the credit the page shows under its headline
(`By A and B`) or in the elements it marks as its byline, checked against the author meta
tags (which complete it, or give a name its plain form); the author meta tags alone;
a name stamped with the date under the headline (`Jane Doe | 05.04.2025`, `stampedname.py`);
trafilatura's guess where it reads as a name; and, when no person is named anywhere, the
organisation the page credits as its author (`BBC News`, `ORF.at`) or the site's own name its
byline shows, as the page writes it, and last a one-word pen name or handle the byline
element gives (`by doumae`). A site's own name, a desk, a profile address, a publishing
company or a one-word section the page files the story under (`rel="category"`) is no
person; a photographer credited beside a writer (`"role": "photographer"`) is no author, nor
a job set after the name (`Jane Doe | Staff Writer`), nor a JSON-LD author the page labels
its editor (`Editor : Jane Doe`) beside another shown byline; an
organisation that publishes its own release (its `About …` boilerplate) signs no byline;
and where the author slot holds only a role (`Guest Columnist`) or nothing, the story's
closing tagline names the writer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, partial
from typing import Any

from lxml.html import HtmlElement

from indexer.normalize.bylines import clean_name, generic_credit, is_role, posted_credit
from indexer.normalize.cardcredit import card_credits
from indexer.normalize.fields import supplied_names
from indexer.normalize.lines import cjk_count
from indexer.normalize.metadata import PageMeta
from indexer.normalize.nameinitials import may_spell, respelled, spelled_elsewhere
from indexer.normalize.pagebyline import (
    cited_names,
    co_authors,
    header_byline,
    labelled_author,
    page_byline,
    pen_name,
    tidy_name,
    visible_lines,
)
from indexer.normalize.signedline import signed_line
from indexer.normalize.sources import WIRES, canonical_outlet, is_outlet_like
from indexer.normalize.stampedname import stamped_writer
from indexer.normalize.tagline import closing_tagline, right_set_signature
from indexer.normalize.writerlink import category_names

ORGANISATION_TYPES = frozenset(
    {"Organization", "NewsMediaOrganization", "Corporation", "NGO", "GovernmentOrganization",
     "EducationalOrganization", "WebSite", "Brand"}
)  # fmt: skip
AUTHOR_META = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
    "dc.creator", "dcterms.creator", "cxenseparse:author", "citation_author", "byl",
    "articleauthor",
)  # fmt: skip
# Labels that say a `twitter:dataN` tag holds the author (Yoast and Medium write them).
_WRITTEN_BY = re.compile(
    r"^(?:written by|author|autor|geschrieben von|escrito por|écrit par)$", re.IGNORECASE
)
_URL = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)
# The credit for other work than the writing, before a name (`Photographed by `); joined to
# the writing's (`Text and photos by`), it credits the writer too.
_OTHER_ROLE = (
    r"(?P<writing>\b(?:story|text|words|reporting)\s+(?:and|&)\s+)?"
    r"\b(?:photographed|photos?|pictures|modell?ed|styled|illustrated|illustrations|video|filmed"
    r"|hair|make-?up|graphics|produced)\s+by\s+"
)
_DOMAIN = re.compile(r"^[\w.-]+\.(?:com|de|at|ch|co\.uk|net|org|fr|es|it|jp|is|tr|in)$", re.I)
_COMPANY = re.compile(r"(?:,?\s+(?:eg|gmbh|ag|inc|ltd|llc|plc|s\.?a|co|corp)\.?)+$", re.I)
# A name with another spelling after it (`Иван Петров (Ivan Petrov)`, `Ivan Petrov / Иван Петров`).
_BESIDE = re.compile(r"^(?P<name>[^()/]+?)\s*(?:\((?P<other>[^()/]+)\)|/\s*(?P<after>[^()/]+))$")
# Picture credits some pages put in author tags (`(Image: Getty Images)`).
_PICTURE_CREDIT = re.compile(
    r"^\(|\b(?:image|images|photo|foto|getty|istock\w*|shutterstock)\b", re.IGNORECASE
)
_AUTHOR_PIECES = re.compile(
    r"\s*(?:[,;/|&]|\b(?:and|und|et|y|og|och|mit|with)\b)\s*", re.IGNORECASE
)
_JOINS = re.compile(r"\s+(?:og|och|en|e|i)\s+(?=[A-ZÀ-Þ])")  # `and` in names of other languages
_DESK_WORDS = frozenset(
    {"desk", "staff", "team", "newsroom", "bureau", "editors", "wires", "redaktion", "developer",
     "admin", "administrator", "webmaster"}
)  # fmt: skip
# What a desk signs with instead of its name: `red` (German `Redaktion`, Dutch `redactie`,
# Polish `redakcja`: the editorial desk), alone or after an agency (`apa/red`).
_DESK_CODES = frozenset({"red"})
# `with` in the languages whose bylines credit a source that way (`avec Belga`, `mit dpa`).
_WITH_WORDS = "with|avec|mit|con|com|met|med"
_PICTURE_ROLE = re.compile(
    r"^(?:photo(?:graph(?:er|y))?|photos|illustrat(?:or|ion)|videograph(?:er|y)|camera"
    r"|fotogra(?:f|fin|fo|fa|fía)|photographe|images?|pictures?)$",
    re.IGNORECASE,
)
_MAX_NAME = 60
_EDITOR_LABEL = re.compile(r"^(?:editor|edited by)\s*:?\s*", re.IGNORECASE)
_NAME_MARKS = " .-'’"  # what a name holds beside its letters (`ஆர். செந்தில்குமார்`)
_LATIN_LETTER = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")
_SITE_CHROME = frozenset({"footer", "nav", "aside", "header"})  # the site's frame, not the story
# What sets a job after a name (`Jane Doe | Staff Writer`, `Jane Doe – Reporter`).
_JOB_AFTER = re.compile(r"\s+[|–—-]\s+")
# Surname, given name (`Gillman, Steve`, `Brazil, Rachel`), as library and citation tags write.
_INVERTED = re.compile(r"^(?P<last>[^\s,]+(?: [^\s,]+)?),\s*(?P<first>[A-Z][\w'’-]*\.?)$")
# The names and agency a byline shows (the byline zone's, `page_byline`; the credit under the
# headline, `_header_credit`), read when first asked for.
_Marked = Callable[[], tuple[list[str], str | None] | None]
_GLUED_WORDS = 4  # the fewest words of two names run together (`Jane Okafor Luis Mendes`)


def page_people(
    tree: HtmlElement, page: PageMeta, *, headline: str | None, guessed: str | None,
    site: str | None,
) -> tuple[list[str], str] | None:  # fmt: skip
    """The byline of a saved page with where it came from, or None when it names no one.

    Where the author slot holds only a role (`Guest Columnist`) or nothing, the writer the
    story's closing tagline names is the byline (`tagline.py`)."""
    found = _page_people(tree, page, headline=headline, guessed=guessed, site=site)
    if found is None or all(map(is_role, found[0])):
        tagline = closing_tagline(tree) or right_set_signature(tree)
        # A syndicated story closes with its outlet's own line (`Ohio Capital Journal is part
        # of States Newsroom`): an organisation, no writer; nor is a picture's credit set last
        # (`Getty Images`).
        if tagline is not None and not (
            _is_site(tagline, site) or is_outlet_like(tagline) or _PICTURE_CREDIT.search(tagline)
        ):
            return [tagline], "tagline"
    sites = (site, page.meta.get("og:site_name"))
    if found is None or all(
        is_outlet_like(n) or any(_is_site(n, s) for s in sites) for n in found[0]
    ):
        # A site that credits only itself signs the writer in a bold line of the story.
        signed = signed_line(tree)
        if signed:
            return signed, "signed-line"
    return found


def _page_people(
    tree: HtmlElement, page: PageMeta, *, headline: str | None, guessed: str | None,
    site: str | None,
) -> tuple[list[str], str] | None:  # fmt: skip
    """The byline the page's author fields and credits give, or None."""
    lines = visible_lines(tree)  # read once: the credit under the headline, then any label
    marked = cache(partial(page_byline, tree))  # the byline zone, read at most once
    credit = cache(partial(_header_credit, lines, headline, page.lang, marked))
    shown_byline = cache(lambda: credit() or marked())  # under the headline, else the zone's
    text = "\n".join(line for line, _ in lines)
    ld_people, ld_orgs = ld_authors(_ld_author(shown_byline, page, site), site, text)
    if ld_people:
        ld_people = [_shown_name(tree, page, name) for name in ld_people]
        ld_people = _marked_script(marked, ld_people)
        ld_people = _shown_spellings(shown_byline, ld_people)
        ld_people = ld_people + co_authors(lines, headline, ld_people)  # a copy: `marked` stays
        writers = _writers_not_editors(lines, shown_byline, ld_people, site) or ld_people
        # An organisation or agency credited beside the people is part of the byline, unless
        # the shown byline credits it as a source the writer worked with (`(avec Belga)`).
        ld_orgs = [o for o in ld_orgs if not _worked_with(lines, o, writers)]
        return _unique(writers + ld_orgs), "jsonld"
    meta_tags, meta_orgs = meta_authors(page, site)
    linked = linked_authors(tree, _author_urls(page))
    if linked:
        meta_tags["linked"] = linked
    meta_people = _unique([n for names in meta_tags.values() for n in names])
    shown = credit()
    how = "byline-line"
    if shown is None:
        shown, how = marked() or labelled_author(lines), "byline-zone"
    if shown is not None:
        names = _people(shown[0], site)
        if names:
            tags = [[n for n in tag if not _other_work(n, text)] for tag in meta_tags.values()]
            return _checked(names, tags), how
    # A CMS account named after a section (`Nachrichten`, filed `in Nachrichten`) is no writer;
    # a column filed under its writer's full name is theirs, and a wire's copy filed under the
    # wire (`in Markets, Reuters`) is the wire's.
    sections = category_names(tree) if meta_people else set()
    meta_people = [
        n
        for n in meta_people
        if " " in n or n.casefold() not in sections or canonical_outlet(n) is not None
    ]
    if meta_people:
        return meta_people, "meta"
    # `Jane Doe | 05.04.2025` under the headline: a byline neither marked nor labelled.
    stamped = _people(stamped_writer(lines, tree) or [], site)
    if stamped:
        return stamped, "byline-line"
    if guessed:
        # trafilatura guesses its author from the page's text: keep only what reads as a name
        # (`Submitted on …` in Drupal, a commenter's handle, a desk are no byline), and not
        # the writer of a related or most-read card below or beside the story.
        names = [n for n in supplied_names(guessed.split("; ")) if _name_like(n)]
        cards = card_credits(tree, names)
        names = [n for n in names if n not in cards]
        cited = cited_names(tree, names)
        names = [n for n in names if n not in cited]
        names = _people(names, site)
        if names:
            return names, "trafilatura"
    # An organisation that publishes its own release (`About Northfield Health` closing it)
    # issues it; no one signs it.
    if not _newsroom(page):
        ld_orgs = [o for o in ld_orgs if not (_is_site(o, site) and _issues_release(tree, o))]
    # A desk's code in the author tag (`red`: the editorial desk) says the desk wrote it: no
    # writer, and the schema's organisation (not an agency) names only the publisher.
    if any(map(_desk_code, meta_orgs)) and not any(canonical_outlet(o) in WIRES for o in ld_orgs):
        return None
    if ld_orgs:
        return ld_orgs, "jsonld"
    if meta_orgs:
        return meta_orgs[:1], "meta"
    # The site's own name as the byline shows it: an organisation's credit (`Lesotho Times`),
    # or a person's own site (`Jane Doe` on janedoe.example).
    own = [n for n in map(tidy_name, shown[0] if shown else []) if n and not generic_credit(n)]
    own = _unique(own)
    if own:
        return own, how
    handle = pen_name(tree)
    return ([handle], "byline-zone") if handle else None


def _ld_author(shown_byline: _Marked, page: PageMeta, site: str | None) -> Any:
    """The JSON-LD node's `author`, but none from a video headed like the story when a `By`
    line signs the page: the video's author shot the story's clip, the line names its writer."""
    if not page.ld:
        return None
    author = page.ld.get("author")
    if author is None or "VideoObject" not in _types(page.ld):
        return author
    shown = shown_byline()
    return None if shown is not None and _people(shown[0], site) else author


def _types(node: dict[str, Any]) -> list[Any]:
    """A JSON-LD node's types as a list."""
    kind = node.get("@type")
    return kind if isinstance(kind, list) else [kind]


def _worked_with(lines: list[tuple[str, bool]], org: str, writers: list[str]) -> bool:
    """Whether a short line credits an agency as what the writer worked with (`Par Jane Doe
    (avec Belga)`, `mit dpa`, `with AP`): its source, not a co-author. The credit is the
    byline's (it names a writer) or a line of its own; a sentence of the story that meets the
    agency (`en una entrevista con EFE.`) credits nothing."""
    with_org = re.compile(rf"\b(?:{_WITH_WORDS})\s+{re.escape(org)}\b", re.IGNORECASE)
    alone = re.compile(rf"[\s(\[/–—-]*{with_org.pattern}[\s)\]]*", re.IGNORECASE)
    return any(
        len(text) <= _MAX_NAME * 2
        and with_org.search(text)
        and (alone.fullmatch(text) or any(name in text for name in writers))
        for text, _ in lines
    )


def _writers_not_editors(
    lines: list[tuple[str, bool]], shown_byline: _Marked, people: list[str], site: str | None
) -> list[str]:
    """The writers the byline shows where the page labels every JSON-LD author its editor
    (`Editor : Jane Doe` under the story, `John Roe` under the headline): a CMS that files
    the desk's editor as the schema's author; else nothing."""
    edited = {_key(_EDITOR_LABEL.sub("", line)) for line, _ in lines if _EDITOR_LABEL.match(line)}
    if not all(_key(name) in edited for name in people):
        return []
    shown = shown_byline()
    names = _people(shown[0], site) if shown is not None else []
    if not names or set(map(_key, names)) & edited or not all(map(_name_like, names)):
        return []
    return names


def ld_authors(value: Any, site: str | None, text: str = "") -> tuple[list[str], list[str]]:
    """The people and the organisations a JSON-LD `author` names (a name given in two scripts
    as the page's `text` shows it).

    A "person" named like the site (`"author": {"@type": "Person", "name": "Der Postillon"}`)
    or like a web address is the site's placeholder, an organisation.
    """
    people: list[str] = []
    orgs: list[str] = []
    items = _flat(value, text)
    # A photographer credited beside a writer took the pictures, not the story; alone (a
    # gallery) they are its byline.
    writers = [item for item in items if not _pictures_only(item)]
    items = writers or items
    for item in items:
        if isinstance(item, dict):
            is_org = any(t in ORGANISATION_TYPES for t in _types(item))
            name = item.get("name") or _given_family(item) or item.get("byline")
        else:
            name = item
            is_org = isinstance(name, str) and canonical_outlet(name) not in (None, *WIRES)
        if not isinstance(name, str) or not name.strip() or _URL.match(name.strip()):
            continue
        name = " ".join(name.split())
        if is_org or _is_site(name, site) or _DOMAIN.search(name):
            orgs.append(name)
            continue
        for person in _one_spelling(_scripts_apart(name) or _split(name), text):
            tidy = _person(person)
            if tidy is None:
                continue
            people.append(tidy)
    # Two nodes may name one writer in two scripts (`Ivan Petrov`, `Иван Петров`).
    return _one_spelling(_unique(people), text, apart=True), _unique(orgs)


def meta_authors(page: PageMeta, site: str | None) -> tuple[dict[str, list[str]], list[str]]:
    """The people each author meta tag names (by tag), and the organisations they name."""
    values = [(key, v) for key in AUTHOR_META for v in page.meta_all.get(key, [])]
    for n in range(1, 5):
        label = page.meta.get(f"twitter:label{n}", "")
        if _WRITTEN_BY.match(label.strip()) and page.meta.get(f"twitter:data{n}"):
            values.append(("twitter:data", page.meta[f"twitter:data{n}"]))
    people: dict[str, list[str]] = {}
    orgs: list[str] = []
    for key, value in values:
        value = " ".join(value.split())
        if not value or _URL.match(value) or _PICTURE_CREDIT.search(value):
            continue
        if "@" in value and " " not in value:
            continue  # a handle or an address
        if _is_site(value, site) or _DOMAIN.search(value) or is_outlet_like(value):
            if canonical_outlet(value) in WIRES:
                people.setdefault(key, []).append(value)  # an agency stands for its reporters
            else:
                orgs.append(value)
            continue
        for person in _split(value):
            tidy = _person(person)
            if tidy is None or _is_site(tidy, site):
                continue
            if _desk(tidy) or (is_outlet_like(tidy) and canonical_outlet(tidy) not in WIRES):
                orgs.append(tidy)
            else:
                people.setdefault(key, []).append(tidy)
    return {k: _unique(v) for k, v in people.items()}, _unique(orgs)


def linked_authors(tree: HtmlElement, urls: list[str]) -> list[str]:
    """The names of the page's links to the author pages its meta tags give as the author
    (`article:author` = `…/profile/julia-carrie-wong`, linked from `Julia Carrie Wong`)."""
    texts = _profile_texts(tree, {_slug(url) for url in urls} - {""})
    names = [clean_name(text) if len(text) <= _MAX_NAME else None for text in texts]
    return _unique([name for name in names if name is not None])


def _shown_name(tree: HtmlElement, page: PageMeta, name: str) -> str:
    """The name the page's links to a JSON-LD writer's profile show for them, else `name`. A
    profile address that spells the Latin name (`/author/r-senthilkumar` for `R. Senthilkumar`)
    is the writer's too where the node gives none: a link to it in another script shows the
    name the reader sees."""
    slugs = _profile_slugs(page, name)
    texts = set(_profile_texts(tree, slugs))
    if not slugs and name.isascii():
        spelled = "-".join(filter(None, map(_ascii, name.split())))
        if "-" in spelled:
            texts = set(_profile_texts(tree, {spelled}))
    return (
        _shown_script(name, texts)
        or _shown_alone(name, texts, slugs)
        or _respelled(name, texts)
        or name
    )


def _shown_script(name: str, texts: set[str]) -> str | None:
    """The name a JSON-LD writer in Latin letters goes by where the page links to their profile
    (the node's `url`) in its own script (`Ankit Mishra`, shown as `अंकित मिश्रा`): the name the
    reader sees, written by the story's own desk; the Latin one is the site's database's."""
    if not name.isascii():
        return None
    shown = {
        text
        for text in texts
        # A name in another script has as many words as in Latin letters: a link of other
        # words to the profile (`Все материалы автора`, all the writer's stories) is none.
        if len(text.split()) == len(name.split())
        and all(_script_letter(c) or c in _NAME_MARKS for c in text)
        and any(map(_script_letter, text))
    }
    return shown.pop() if len(shown) == 1 else None


def _marked_script(marked: _Marked, people: list[str]) -> list[str]:
    """The one JSON-LD writer in Latin letters as the page's marked byline shows them in its
    own script (`Sunil Patil` in a byline reading `सुनील पाटील`), where that byline shows one
    name of as many words whose initials may spell theirs: the name the reader sees; a desk's
    label or a place marked there (`डिजिटल डेस्क`, `नई दिल्ली`) is none; else the writers as
    they are."""
    if len(people) != 1 or not people[0].isascii():
        return people
    shown = marked()
    names = shown[0] if shown is not None else []
    if len(names) == 1 and _shown_script(people[0], set(names)) and may_spell(people[0], names[0]):
        return names
    return people


def _shown_spellings(shown_byline: _Marked, people: list[str]) -> list[str]:
    """The JSON-LD writers as the byline under the headline (or the marked one) spells them
    where it writes one of them otherwise (`respelled`): the name the reader sees."""
    shown = shown_byline()
    if shown is None:
        return people
    return [_respelled(name, shown[0]) or name for name in people]


def _respelled(name: str, shown: Iterable[str]) -> str | None:
    """The one shown name that writes a JSON-LD writer's in another spelling (`Szabó Gergely`
    for `Gergely Szabo`, `Francisca Muñoz` for `Francisca Muñoz M.`): the site's database drops
    accents, puts the given name first or adds an initial; the page shows the name as written."""
    found = {text for text in shown if respelled(name, text) and clean_name(text) is not None}
    return found.pop() if len(found) == 1 else None


def _shown_alone(name: str, texts: set[str], slugs: set[str]) -> str | None:
    """The name a JSON-LD writer goes by where the page's link to their profile (the node's
    `url`) shows the first words of the JSON-LD name alone (`Álvaro Ruiz` for `Álvaro Ruiz
    Redactor de Deportes`): the site's database glued the writer's job title to their name.
    A profile address spelling the dropped words (`/staff/mary-ann-smith/` for a link showing
    `Mary Ann`) names the writer in full: the shown name is then a short form of the name."""
    words = name.split()
    shown = {
        text
        for text in texts
        if 2 <= len(text.split()) < len(words) and words[: len(text.split())] == text.split()
    }
    if len(shown) != 1:
        return None
    text = shown.pop()
    spelled = {part for slug in slugs for part in re.split(r"[-_]", slug)}
    dropped = {_ascii(word) for word in words[len(text.split()) :]}
    return None if dropped & spelled else clean_name(text)


def _ascii(word: str) -> str:
    """A word as an address spells it (`Núñez` -> `nunez`)."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in folded if c.isascii() and c.isalnum())


def _profile_slugs(page: PageMeta, name: str) -> set[str]:
    """The last parts of the profile addresses of the JSON-LD writer named `name`."""
    items = _flat(page.ld.get("author") if page.ld else None)
    urls = [i.get("url") for i in items if isinstance(i, dict) and i.get("name") == name]
    return {_slug(u) for u in urls if isinstance(u, str)} - {""}


def _profile_texts(tree: HtmlElement, slugs: set[str]) -> list[str]:
    """The texts of the page's links to the profile addresses ending in `slugs`, in order."""
    if not slugs:
        return []
    return [
        " ".join(link.text_content().split())
        for link in tree.iter("a")
        if _slug(link.get("href") or "") in slugs
    ]


def _script_letter(char: str) -> bool:
    """Whether a character is a letter or mark of a script other than Latin (`अ`, `ि`)."""
    return (
        not char.isascii()
        and unicodedata.category(char)[0] in "LM"
        and not _LATIN_LETTER.match(char)
    )


def _author_urls(page: PageMeta) -> list[str]:
    """The author pages the author meta tags give instead of names."""
    values = [v for key in AUTHOR_META for v in page.meta_all.get(key, [])]
    return [u.strip() for v in values for u in v.split(",") if _URL.match(u.strip())]


def _slug(url: str) -> str:
    """The last part of an address's path (`…/profile/sam-levin/` -> `sam-levin`)."""
    path = re.sub(r"[?#].*$", "", url).rstrip("/")
    slug = path.rsplit("/", 1)[-1].casefold() if "/" in path else ""
    return slug if "-" in slug or "_" in slug else ""  # a name's slug joins its words


def _split(value: str) -> list[str]:
    """The names in one author value (`A, B und C`, `A og B`, `Gillman, Steve`)."""
    value = value.strip()
    inverted = _INVERTED.match(value)
    if inverted and not is_outlet_like(inverted.group("first")):
        return [f"{inverted.group('first')} {inverted.group('last')}"]
    value = _JOINS.sub(", ", value)
    names = supplied_names(value) or [value]
    # An agency credited beside the people (`A und B, dpa`) is kept, as the page writes it.
    for piece in _AUTHOR_PIECES.split(value):
        piece = piece.strip(" .")
        if piece and piece not in names and canonical_outlet(piece) in WIRES:
            names.append(piece)
    return names


def _issues_release(tree: HtmlElement, org: str) -> bool:
    """Whether the story closes with a release's boilerplate about the organisation, a heading
    `About <organisation>` in its text (a newsroom's site footer says the same of itself)."""
    about = f"about {org}".casefold()
    for heading in tree.iter("h2", "h3", "h4", "h5", "h6", "strong", "b"):
        if " ".join(heading.text_content().split()).casefold().rstrip(":") != about:
            continue
        if not any(parent.tag in _SITE_CHROME for parent in heading.iterancestors()):
            return True
    return False


def _newsroom(page: PageMeta) -> bool:
    """Whether the page's JSON-LD publisher is a news organisation (`NewsMediaOrganization`),
    which describes itself in an `About …` box beside its own stories, not a release."""
    publisher = page.ld.get("publisher") if page.ld else None
    return isinstance(publisher, dict) and "NewsMediaOrganization" in _types(publisher)


def _pictures_only(item: Any) -> bool:
    """Whether an author entry's role says it made the pictures (`"role": "photographer"`)."""
    if not isinstance(item, dict):
        return False
    roles = [item.get(key) for key in ("role", "roleName", "jobTitle")]
    return any(isinstance(role, str) and _PICTURE_ROLE.match(role.strip()) for role in roles)


def _person(name: str) -> str | None:
    """A person's name from an author field, without the job a pipe or dash sets after it
    (`Jane Doe | Staff Writer`)."""
    tidy = tidy_name(name)
    if tidy is None or generic_credit(tidy):
        return None  # `Staff Reporter`: a desk's credit, no one's name
    name, *jobs = _JOB_AFTER.split(tidy)
    return name if jobs and all(map(is_role, jobs)) else tidy


def _checked(shown: list[str], tags: list[list[str]]) -> list[str]:
    """The names the page shows, completed and tidied by the author meta tags that agree.

    A shown name that starts with a tag's name (`Gina Trapani CEO`) is that name; where one
    tag names everyone shown and more (a second author outside the byline element), that
    tag's list is the byline.
    """
    keys = {_key(m): m for names in tags for m in names}
    names = []
    for name in shown:
        match = next((m for k, m in keys.items() if _key(name).startswith(k)), None)
        names.append(match or name)
    for tag in tags:
        if set(map(_key, names)) < set(map(_key, tag)) and all(map(_name_like, tag)):
            return tag
    return _unique(names)


def _other_work(name: str, text: str) -> bool:
    """Whether the page credits a name for other work than the writing (`Photographed by Ann
    Lee; Styled by Bo Chu`): some templates list every contributor in the author tag."""
    found = re.finditer(_OTHER_ROLE + re.escape(name) + r"(?!\w)", text, re.IGNORECASE)
    return any(not match.group("writing") for match in found)


def _people(names: list[str], site: str | None) -> list[str]:
    """Names tidied, without the site's own name or one of its desks (`MDR Thüringen` on
    MDR's site, credited after the reporter), and with the people a Japanese `PLACE＝NAME`
    credit names in its place (none for a wire's, `北京＝共同`)."""
    posted = [(n, posted_credit(n)) for n in names]
    kept = [tidy_name(p) for n, found in posted for p in (found if found is not None else [n])]
    return _unique(
        [
            n
            for n in kept
            if n
            and not _is_site(n, site)
            and not _is_site(n.split()[0], site)
            and not generic_credit(n)
        ]
    )


def _given_family(item: dict[str, Any]) -> str | None:
    """A person's name from `givenName` and `familyName`, when `name` is missing."""
    parts = [item.get("givenName"), item.get("familyName")]
    words = [p.strip() for p in parts if isinstance(p, str) and p.strip()]
    return " ".join(words) if words else None


def _flat(value: Any, text: str = "") -> list[Any]:
    """A JSON-LD value as a flat list (authors are sometimes lists of lists, and one node
    sometimes lists its people's names: `{"@type": "Person", "name": ["A", "B"]}`); the page's
    `text` tells which spelling of one person's name it shows."""
    if isinstance(value, list):
        return [item for part in value for item in _flat(part, text)]
    if isinstance(value, dict) and isinstance(value.get("name"), list):
        names = _flat(value["name"])
        # An organisation's list gives one body's names (`Harbour Post`, its desk), not several.
        names = _one_spelling(names, text) if "Person" in _types(value) else names[:1]
        return [{**value, "name": name} for name in names]
    return [] if value is None else [value]


def _one_spelling(names: list[Any], text: str, *, apart: bool = False) -> list[Any]:
    """A person's names with each name that spells a Latin one in another script given once
    (`["Ivan Petrov", "Иван Петров"]`, `Иван Петров, Ivan Petrov`): one person's name written
    twice, not two people. The spelling the page's `text` shows stays, else the Latin one.
    Names of nodes `apart` are one person's only where the page shows one spelling alone."""
    spelled = [n for n in names if isinstance(n, str)]
    latin = [n for n in spelled if not any(map(_script_letter, n))]
    pairs = [
        (a, b)
        for b in spelled
        if b not in latin
        for a in latin
        if may_spell(" ".join(a.split()), " ".join(b.split()))
    ]
    shown = "".join(text.split())
    drop = set()
    for a, b in pairs:
        seen = ["".join(a.split()) in shown, "".join(b.split()) in shown]
        if apart and seen == [False, True] and spelled_elsewhere(a, b, text):
            continue  # `Иэн Паркер, Игорь Павлов`: the Latin node is a co-author shown so
        if not apart or seen[0] != seen[1]:
            drop.add(a if seen[1] else b)
    return [n for n in names if n not in drop]


def _scripts_apart(name: str) -> list[str]:
    """A name and its spelling in another script after it, in brackets or after a slash
    (`Иван Петров (Ivan Petrov)`), as two names; else none."""
    match = _BESIDE.match(name)
    if match is None:
        return []
    pair = [match.group("name"), match.group("other") or match.group("after")]
    latin = [not any(map(_script_letter, n)) for n in pair]
    return pair if latin[0] != latin[1] else []


def _is_site(name: str, site: str | None) -> bool:
    """Whether a name is the site's own (`mdr.de` and `MDR`, `Krautreporter eG`)."""
    return site is not None and _outlet_key(name) == _outlet_key(site)


def _outlet_key(name: str) -> str:
    """An outlet's name compared by its letters only, without a company form or domain."""
    name = re.sub(r"\.(?:com|de|at|ch|co\.uk|net|org|fr|es|it)\b.*$", "", name.casefold())
    name = _COMPANY.sub("", name)
    return re.sub(r"\W+", "", canonical_outlet(name) or name).casefold()


def _desk(name: str) -> bool:
    """Whether a name is a desk, a team or a site's technical account, not a person."""
    words = re.split(r"[\W_]+", name.casefold())
    return bool(_DESK_WORDS.intersection(words)) or _desk_code(name)


def _desk_code(name: str) -> bool:
    """Whether a name is the code a desk signs with (`red`, `red.`), no name a reader sees."""
    return name.strip(" .()").casefold() in _DESK_CODES


def _name_like(name: str) -> bool:
    """Whether a guessed author reads as a person's name (or is written in CJK script)."""
    return clean_name(name) is not None or (not name.isascii() and cjk_count(name) >= 2)


def _header_credit(
    lines: list[tuple[str, bool]], headline: str | None, lang: str | None, marked: _Marked
) -> tuple[list[str], str | None] | None:
    """The credit line under the headline, its names taken apart as the byline zone marks them
    one by one (`By <a>Jane Okafor</a> <a>Luis Mendes</a>`, the separator left to the style
    sheet): the shown text runs them together as one name."""
    shown = header_byline(lines, headline, lang)
    if shown is None or all(len(name.split()) < _GLUED_WORDS for name in shown[0]):
        return shown
    zone = marked()
    if (
        zone is not None
        and len(zone[0]) > len(shown[0])
        and _key(" ".join(zone[0])) == _key(" ".join(shown[0]))
    ):
        return zone[0], shown[1]
    return shown


def _key(name: str) -> str:
    """A name compared by its lower-cased words."""
    return " ".join(re.findall(r"\w+", name.casefold()))


def _unique(names: list[str]) -> list[str]:
    """Names in order, each once."""
    seen: set[str] = set()
    kept = []
    for name in names:
        if _key(name) not in seen:
            seen.add(_key(name))
            kept.append(name)
    return kept
