"""A saved page's headline, chosen by agreement among its title sources: the JSON-LD
`headline`, og:title, twitter:title, the `<title>` and the visible `<h1>` headings (and the
one microdata's `itemprop="headline"` marks on the article).

A headline that several sources state wins over one that a single source states; a heading no
other source repeats may be a menu, a logo or a widget and is not taken on its own.
"""

from __future__ import annotations

import re
import unicodedata

from indexer.normalize.metadata import PageMeta, names_section, plain, title_key

TITLE_SEPARATORS = (
    " | ", " || ", " -- ", " - ", " – ", " — ", " :: ", " : ", " · ", " • ", "｜", "："
)  # fmt: skip
# The punctuation a site's name is set off by at either end of a page title (`Headline:Site`).
_SITE_GLUE = r"\s*[|:·•/｜：_~\-–—]+\s*"
_WORD = re.compile(r"\w+")
_GLUE = re.compile(r"\s*[|\-–—/·•]\s*")  # what joins a kicker to its headline but a colon
_LATIN = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")
_SITE_WORDS = 6  # a site's name is short
# A podcast's or series' episode number opening a title (`Ep. 87: `, `Episode 12 - `, `#87 | `),
# maybe after the series' or newsletter's name (`The Transit Brief #214: `), which the feed and
# the meta tags keep and the page's heading leaves out.
_EPISODE = re.compile(
    r"^(?:(?i:ep(?:isode)?)\.?\s*#?\s*\d+|(?P<series>[^:|#]+\s)?#\d+)\s*[:|–—-]\s+(?=\S)"
)
# A tag in brackets that the metadata sets before a headline (`[뉴스9] `, `【独自】`, `(VIDEO) `):
# a programme's or a label's name, which the page's heading leaves out.
_BRACKET_TAG = re.compile(r"^[\[【［〔(（][^\]】］〕)）]{1,24}[\]】］〕)）]$")
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "HALFWIDTH", "FULLWIDTH"})
# The punctuation that sets a writer's name before a column's headline (`Jane Doe. Headline`).
_NAME_GLUE = " .:|-–—"
# The small words a name in Title Case keeps in lower case (`The State of the Union #12`).
_NAME_SMALL_WORDS = frozenset("a an and at for in of on the to".split())
# An article or possessive before the number makes it a rank in a sentence (`Fans Rank The #1:`,
# `Our #3 |`), whatever the case it is written in; no series' name ends with one.
_RANK_WORDS = frozenset("a an the our their its my your his her this".split())


def strip_site(title: str, site: str | None) -> str:
    """A title without a leading or trailing site name (`Site | Title`, `Title - Site`)."""
    if not site or title_key(site) == title_key(title):
        return title
    name = re.escape(site.strip())
    glue = rf"(?P<glue>{_SITE_GLUE})"
    for pattern in (rf"^(?P<rest>.+?){glue}{name}$", rf"^{name}{glue}(?P<rest>.+)$"):
        match = re.match(pattern, title.strip(), re.IGNORECASE)
        if match and not _compound(match):
            return match.group("rest").strip()
    return title


def _compound(match: re.Match[str]) -> bool:
    """Whether a site's name is joined to the title by a hyphen or a slash between two letters
    of Latin script, as the words of a compound are (`hard-wired`, `Reuters/Ipsos poll`): a
    separator is spaced, or stands between the parts of a title in a script without spaces."""
    start, end = match.span("glue")
    text = match.string
    return (
        text[start:end] in ("-", "/")
        and _LATIN.match(text, start - 1) is not None
        and _LATIN.match(text, end) is not None
    )


def choose_title(
    page: PageMeta, site: str | None, guessed: str | None, fallback: str | None
) -> tuple[str, str] | None:
    """The page's headline, with where it came from; entities decoded, the site's name removed.

    The JSON-LD `headline`, the article's own metadata, comes first, unless no other source
    states it while they state the JSON-LD node's own `name` (a description or a page type put
    in `headline`) or while the one visible heading, which no source states either, rewrites
    the social title (every source words the story its own way: the reader's headline wins);
    a kicker the `<h1>` sets in an element of its own, which the JSON-LD joins to the headline
    and another source leaves out, is dropped, and so is one the JSON-LD joins to the `<h1>`
    that the social titles state alone (the page shows that kicker nowhere above it), and so
    is a clause in lower case the JSON-LD appends to the one `<h1>` after a dash or a semicolon
    (written for search engines).
    Otherwise the headline is chosen by agreement: each candidate (the visible `<h1>` headings,
    og:title, twitter:title) counts the title sources that state it (those and the `<title>`),
    whole or as the longer part beside a site or section name. Social titles are often rewritten
    for sharing and menus, logos or widgets are headings too, so a heading no other source
    repeats is not taken, unless microdata marks it as the article's headline
    (`itemprop="headline"`).
    trafilatura's guess `guessed` copies one of these sources, so it is no vote of its own; it
    is a fallback unless it copies such a lone heading while the `<title>` names more than the
    site, then the `<title>` without a short site or section tail, then `fallback` (the text
    reader's).
    Before all of these, where the JSON-LD `headline` is the page's name that ends its
    breadcrumb trail, the social title that states the heading set under the trail wins.
    """
    sources = {
        "og": plain(page.meta.get("og:title")),
        "twitter": plain(page.meta.get("twitter:title")),
        "title": page.title_tag,
    }
    jsonld = plain(page.ld.get("headline")) if page.ld else None
    if site and (
        len(site.split()) > _SITE_WORDS
        or any(t and title_key(t) == title_key(site) for t in [*sources.values(), jsonld])
    ):
        site = None  # a guessed site name that is a whole title or a sentence is no site name
    stated = {name: _title_forms(text, site) for name, text in sources.items() if text}
    # Each heading as the headline it shows, without a kicker set before it in its `<h1>`.
    shown = {h: _without_kicker(h, page, stated, jsonld) for h in page.headings}
    headings = [text for h, text in shown.items() if not _is_site(h, site)]
    candidates = [(h, "heading") for h in headings]
    candidates += [(strip_site(t, site), n) for n, t in sources.items() if t and n != "title"]
    # A heading without the kicker its `<h1>` sets apart is stated by a source that puts
    # another kicker before the same words (`Other kicker: Headline`).
    unkicked = {text for h, text in shown.items() if text != h}
    scored = []
    for text, how in candidates:
        key = title_key(text)
        votes = sum(_states(forms, key, text in unkicked) for forms in stated.values())
        votes += any(title_key(h) == key for h in headings)
        # Ties: the visible heading, the longer one (a logo repeats only the site's part).
        scored.append((votes, how == "heading", len(text), -len(scored), text, how))
    rewritten = _headline_of_rewritten_story(headings, sources, stated)
    hosts = [site, plain(page.meta.get("og:site_name"))]
    social = {n: forms for n, forms in stated.items() if n != "title"}  # the sharing titles
    if jsonld:
        under_trail = _under_trail(jsonld, sources, site, page, shown)
        if under_trail:
            return under_trail, "meta"
        confirmed = _confirmed(jsonld, site, stated, headings)
        rejoined = None if confirmed else _rejoined(jsonld, page)
        if rejoined and any(title_key(rejoined) in forms for forms in stated.values()):
            return rejoined, "meta"
        name = plain(page.ld.get("name")) if page.ld else None
        if not confirmed:
            if name and _confirmed(name, site, stated, headings):
                return strip_site(name, site), "jsonld"
            # Every source words the story its own way: the headline the reader sees wins.
            if rewritten:
                return rewritten, "heading"
            # A headline in another script than the one the page shows and its social titles
            # state (`Chennai rain: …` over a Tamil heading) is written for search engines. A
            # `<title>` alone may state only the site's name, which a brand's `<h1>` shows too.
            for text in headings:
                if _confirmed(text, site, social, []) and _script(text) != _script(jsonld):
                    return text, "heading"
        labelled = _labelled_heading(jsonld, headings)
        if labelled:
            return labelled, "heading"
        clipped = _heading_without_clause(jsonld, headings, hosts, page.lower_headings)
        if clipped:
            return clipped, "heading"
        # A kicker the `<h1>` sets in an element of its own before the headline, which the
        # JSON-LD joins to it and another source leaves out, is no part of it.
        for heading, text in shown.items():
            if text != heading and _kicked(jsonld, text) and _confirmed(text, site, stated, []):
                return text, "heading"
        # A kicker the JSON-LD joins to the headline that the page shows nowhere above it: the
        # `<h1>` and the social titles state the headline alone, as the reader sees it.
        for text in headings:
            if _kicked(jsonld, text) and any(title_key(text) in f for f in social.values()):
                return text, "heading"
        decorated = _decorated_heading(jsonld, headings, page)
        if decorated:
            return decorated, "heading"
        others = [text for text, _ in candidates]
        return _without_sites(_uncut(jsonld, others), hosts), "jsonld"
    names = {title_key(n) for n in hosts if n}
    if page.story_heading and all(title_key(t) in names for t in sources.values() if t):
        return page.story_heading, "heading"  # the title sources name only the site
    if rewritten:
        return rewritten, "heading"
    # A heading no other source repeats may be a menu, a logo, a widget or a prompt, unless the
    # article's microdata marks it as its headline.
    marked = title_key(page.microdata_headline or "")
    eligible = [c for c in scored if c[0] >= 2 or c[5] != "heading" or title_key(c[4]) == marked]
    if eligible:
        *_, text, how = max(eligible)
        decorated = _decorated_heading(text, headings, page) if how != "heading" else None
        if decorated:
            return decorated, "heading"
        # A heading the social title repeats word for word is credited to the meta tags.
        same = any(h != "heading" and title_key(t) == title_key(text) for *_, t, h in scored)
        return text, "meta" if how != "heading" or same else "heading"
    # A `<title>` that names only a section and the site (`News - Town Council`) titles no
    # story: the page's one visible heading, none of its parts, is its headline.
    if len(headings) == 1 and names_section(page.title_tag, page.link_names, headings[0]):
        return headings[0], "heading"
    guess = plain(guessed)
    if guess and any(title_key(guess) == title_key(logo) for logo in page.logos):
        guess = None  # trafilatura copied the site's logo
    text = next((shown[h] for h in shown if guess and title_key(h) == title_key(guess)), guess)
    # A heading that sets a kicker before its words is styled as a story's headline, no widget.
    lone = text == guess and text and any(title_key(h) == title_key(text) for h in headings)
    # An `<h1>` in an `<article>`'s `<header>` is the story's headline, whatever the `<title>`.
    lone = lone and text not in page.header_headings
    if text and not (lone and _names_page(page.title_tag, site)):
        return strip_site(text, site), "trafilatura"
    if page.title_tag:
        return _without_short_tail(strip_site(page.title_tag, site)), "title"
    if fallback:
        return fallback, "text"
    return None


def _under_trail(
    jsonld: str,
    sources: dict[str, str | None],
    site: str | None,
    page: PageMeta,
    shown: dict[str, str],
) -> str | None:
    """The social title where the JSON-LD headline is the page's name that ends its breadcrumb
    trail, which no heading shows, and the social title states the heading the page sets under
    the trail (whole, without its kicker, or `Kicker: Headline`): the template fills the trail,
    the JSON-LD and the `<title>` from the headline written for search engines."""
    keys = {title_key(jsonld), title_key(strip_site(jsonld, site))}
    social = sources.get("og") or sources.get("twitter")
    seen = _page_keys(page, shown)
    if not social or keys & seen or not keys & {title_key(n) for n in page.trail_names}:
        return None
    social = strip_site(social, site)
    return social if title_key(social) in seen else None


def _rejoined(jsonld: str, page: PageMeta) -> str | None:
    """A heading's kicker and headline joined by a colon (`Kicker: Headline`), where the JSON-LD
    joins the two by other punctuation (`Kicker - Headline`) and the heading sets the kicker
    apart by styling alone: a kicker written on one line with its headline takes a colon."""
    whole = title_key(jsonld)
    for kicker, rest in _set_apart(page).values():
        before, after = title_key(kicker), title_key(rest)
        glue = whole[len(before) : len(whole) - len(after)]
        if whole.startswith(before) and whole.endswith(after) and _GLUE.fullmatch(glue):
            return f"{kicker}: {rest}"
    return None


def _page_keys(page: PageMeta, shown: dict[str, str]) -> set[str]:
    """The keys of the headlines the page shows: each heading whole and without a kicker its
    heading sets apart, and that kicker joined to the rest by a colon, as a title writes the
    two on one line (`Kicker: Headline`)."""
    apart = _set_apart(page)
    keys = set()
    for heading, text in shown.items():
        keys |= {title_key(heading), title_key(text)}
        if heading in apart:
            keys.add(title_key("{}: {}".format(*apart[heading])))
    return keys


def _set_apart(page: PageMeta) -> dict[str, tuple[str, str]]:
    """Each heading's kicker and headline where the heading sets the kicker apart by styling
    alone, no punctuation joining the two (`kicker.py`)."""
    found = {}
    for heading, (rest, joined) in page.kickers.items():
        kicker = heading.removesuffix(rest).strip()
        if not joined and kicker != heading:
            found[heading] = (kicker, rest)
    return found


def _labelled_heading(title: str, headings: list[str]) -> str | None:
    """The visible heading a JSON-LD headline puts a section's label before, set off by a bar
    as a `<title>` sets off its parts (`Opinion | Headline`), which the `<h1>` leaves out: the
    template fills the field as it fills the `<title>`. A kicker joined by a colon or a dash
    (`Ukraine: Headline`) is the headline's own and stays."""
    label, found, rest = title_key(title).partition(" | ")
    if not found:
        return None
    for heading in headings:
        key = title_key(heading)
        if rest == key and len(_WORD.findall(label)) < len(_WORD.findall(key)):
            return heading
    return None


# What sets a clause a template appends to a headline apart from it: a semicolon or a dash.
_CLAUSE_GLUE = re.compile(r"^(?:\s*;|\s+[-–—])\s+\w")


def _heading_without_clause(
    title: str, headings: list[str], hosts: list[str | None], lower: set[str]
) -> str | None:
    """The page's one visible heading when the JSON-LD headline is that heading with a clause
    in lower case appended after a semicolon or a dash (`Headline – interview with the
    architect`, `Headline; check if yours is on the list`): written for search engines, while
    the reader sees the headline alone. A capitalised tail is a name (the site's, a section's,
    the writer's), which the JSON-LD may keep as its headline's own; a headline a lower heading
    shows whole is the story's under a banner's `<h1>` (`Budget 2025`)."""
    distinct = {title_key(h): h for h in headings}
    if len(distinct) != 1 or title_key(title) in {title_key(h) for h in lower}:
        return None
    key, heading = next(iter(distinct.items()))
    headline = _without_sites(title, hosts)
    rest = title_key(headline)[len(key) :]
    if not title_key(headline).startswith(key) or not _CLAUSE_GLUE.match(rest):
        return None
    first = _WORD.findall(headline)[-len(_WORD.findall(rest))]
    return heading if first[:1].islower() else None


def _decorated_heading(title: str, headings: list[str], page: PageMeta) -> str | None:
    """The visible heading a metadata title sets a tag in brackets before (`[뉴스9] Headline`,
    a programme's name) or the writer's name (`Jane Doe. Headline`, as a column's is filed):
    the template decorates the field, and the reader sees the headline alone."""
    writers = _writer_keys(page)
    for heading in headings:
        if not _kicked(title, heading):
            continue
        whole, rest = title_key(title), title_key(heading)
        before = whole[: -len(rest)].strip()
        if _BRACKET_TAG.match(before) or _writer_said(before.rstrip(_NAME_GLUE).strip(), writers):
            return heading
    return None


def _writer_said(before: str, writers: set[str]) -> bool:
    """Whether what a title sets before the headline is a writer's name, alone or with the one
    word that says they wrote it (`Jane Doe writes:`, `Ayşe Demirtaş yazdı:`)."""
    if before in writers:
        return True
    name, _, verb = before.rpartition(" ")
    return name in writers and len(_WORD.findall(verb)) == 1


def _script(text: str) -> str:
    """The script most of a text's letters are written in (`LATIN`, `TAMIL`, `CJK`)."""
    names = [unicodedata.name(c, "").split(" ")[0] for c in text if c.isalpha()]
    # Chinese characters, kana and hangul are written together: one East Asian script.
    names = ["CJK" if n in _EAST_ASIAN else n for n in names]
    return max(set(names), key=names.count) if names else ""


def _writer_keys(page: PageMeta) -> set[str]:
    """The keys of the writers' names the JSON-LD `author` and the author meta tag give."""
    found = page.ld.get("author") if page.ld else None
    items = found if isinstance(found, list) else [found]
    names = [i.get("name") if isinstance(i, dict) else i for i in items]
    names.append(page.meta.get("author"))
    return {title_key(n) for n in names if isinstance(n, str) and n.strip()}


def _without_sites(title: str, names: list[str | None]) -> str:
    """A title without the names of the site and of the platform that hosts it, set after it one
    after the other (`Headline - Publication - Platform`): a template appends each to the
    headline field, the publisher's name and og:site_name."""
    for _ in names:
        for name in names:
            title = strip_site(title, name)
    return title


def _uncut(title: str, others: list[str]) -> str:
    """A title cut short with an ellipsis (`… switched billing…`) as the longest other title
    source that starts with its words: a headline trimmed to a length limit by a template."""
    stem = title.rstrip()
    for mark in ("…", "..."):
        if stem.endswith(mark):
            stem = stem.removesuffix(mark).rstrip()
            break
    else:
        return title
    key = title_key(stem)
    fuller = [t for t in others if len(t) > len(stem) and title_key(t).startswith(key)]
    return max(fuller, key=len) if key and fuller else title


def _without_kicker(
    heading: str, page: PageMeta, stated: dict[str, set[str]], jsonld: str | None
) -> str:
    """A heading without the kicker its `<h1>` sets before it, as the title sources confirm:
    the form they state when they state one form only (the rest too where they set another
    kicker before it, `Other kicker: Headline`, and none states the whole), else without a
    kicker set apart by styling alone and whole with one punctuation joins to the headline
    (`Ukraine: …`)."""
    if heading not in page.kickers:
        return heading
    rest, joined = page.kickers[heading]
    said = [*stated.values(), {title_key(jsonld)} if jsonld else set()]
    whole_said = any(title_key(heading) in forms for forms in said)
    # A source that states the whole heading outweighs one that sets its own kicker before the
    # rest (`<em>Title</em> star dies` stated whole, and `Obituary: star dies`).
    rest_said = any(_states(forms, title_key(rest), not whole_said) for forms in said)
    if whole_said != rest_said:
        return heading if whole_said else rest
    return heading if joined else rest


def _states(forms: set[str], key: str, after_kicker: bool) -> bool:
    """Whether a title source's forms state a title's key, or with `after_kicker` end in it
    after a kicker of their own (`Other kicker: Headline`)."""
    return key in forms or (after_kicker and any(f.endswith(": " + key) for f in forms))


def _kicked(title: str, headline: str) -> bool:
    """Whether a title is a headline with a kicker joined before it (`Kicker: Headline`)."""
    whole, rest = title_key(title), title_key(headline)
    return whole != rest and whole.endswith(rest) and not whole[: -len(rest)][-1:].isalnum()


def _headline_of_rewritten_story(
    headings: list[str], sources: dict[str, str | None], stated: dict[str, set[str]]
) -> str | None:
    """The page's only visible headline when the social title is a rewrite of the same story.

    Sites rewrite og:title and twitter:title for sharing (and copy one into the `<title>`, one
    field written twice): a lone `<h1>` that no source repeats but that shares at least half
    the words of the shorter title with the social title is the story's headline as the reader
    sees it. A heading that shares no such words (a widget, a section name) is not, nor one that
    only puts a kicker before the social title (`Kicker - Headline`) or cuts it short.
    """
    distinct = {title_key(h): h for h in headings}
    social = [sources[n] for n in ("og", "twitter") if sources.get(n)]
    if len(distinct) != 1 or not social:
        return None
    heading = next(iter(distinct.values()))
    if any(forms & _title_forms(heading, None) for forms in stated.values()):
        return None  # stated elsewhere, alone or after a kicker: the vote decides
    return heading if any(_rewrite_of(heading, s) for s in social if s) else None


def _rewrite_of(heading: str, social: str) -> bool:
    """Whether a heading and a social title tell one story in different words: they share at
    least half the content words of the shorter (words of four or more letters, compared by
    their first five so `compliment` meets `compliments`), and the heading is not a fragment of
    the social title (fewer words, all of them in it: a name, the social title cut short)."""
    words = [_WORD.findall(title_key(t)) for t in (heading, social)]
    fragment = set(words[0]) <= set(words[1]) and len(words[0]) < len(words[1])
    own, other = ({w[:5] for w in found if len(w) >= 4} for found in words)
    shorter = min(own, other, key=len)
    return bool(shorter) and 2 * len(own & other) >= len(shorter) and not fragment


def _confirmed(
    text: str, site: str | None, stated: dict[str, set[str]], headings: list[str]
) -> bool:
    """Whether another title source or a visible heading states `text`, whole or without the
    site's name."""
    keys = {title_key(text), title_key(strip_site(text, site))}
    return any(keys & forms for forms in stated.values()) or any(
        title_key(h) in keys for h in headings
    )


def _names_page(title: str | None, site: str | None) -> bool:
    """Whether a `<title>` names more than the site, so it can stand in for a lone heading."""
    return bool(title) and not _is_site(strip_site(title or "", site), site)


def _title_forms(text: str, site: str | None) -> set[str]:
    """The keys a title source states: whole, without the site, and without a first or last
    part shorter than the rest (`Headline | Section`, `Opinion | Headline`), which names the
    site or section rather than the story."""
    cleaned = strip_site(text, site)
    stated = {text, cleaned}
    for sep in TITLE_SEPARATORS:
        for head, found, tail in (cleaned.rpartition(sep), cleaned.partition(sep)):
            if found and head.strip() and tail.strip():
                stated.add(max(head, tail, key=len))
    forms = {title_key(form) for title in stated for form in (title, without_episode(title))}
    return {f for f in forms if f}


def without_episode(title: str) -> str:
    """A title without the episode number and series name opening it (`Ep. 87: `, `The Transit
    Brief #214: `); a sentence before a number is part of the headline (`Fans rank the #1: `),
    as a series' name is written in Title Case and ends in no article (`Fans Rank The #1: `)."""
    match = _EPISODE.match(title)
    if match is None:
        return title
    series = (match.group("series") or "").split()
    if series[-1:] and series[-1].casefold() in _RANK_WORDS:
        return title
    if any(not w[:1].isupper() and not w[:1].isdigit() for w in series[:1]) or any(
        w[:1].islower() and w not in _NAME_SMALL_WORDS for w in series
    ):
        return title
    return title[match.end() :]


def _is_site(heading: str, site: str | None) -> bool:
    """Whether a heading is only the site's name (a logo)."""
    return bool(site) and title_key(heading) == title_key(site or "")


def _without_short_tail(title: str) -> str:
    """A page title without a last part of at most four words (a site or section name)."""
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head, found, tail = title.rpartition(sep)
        if found and head and len(tail.split()) <= 4 and len(head.split()) >= 3:
            return head.strip()
    return title
