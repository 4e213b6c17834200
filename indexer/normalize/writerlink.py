"""Whether a link leads to a writer's page, the one test the byline and headline readers share.

A page links each writer's name to their page: marked `rel="author"`, under a writers' folder
(`/author/jane-doe`, `/autores/…`, `/?author=12`), or at an address that spells the name
(`/yazar/derya-aksoy`). A link to a writer's page is a byline's, not a story's headline.
A link marked `rel="category"` files the story under its section, whatever that is called.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# A profile's address: a writers' or members' folder, then the one name (`/u/EvilSpark`).
PROFILE_LINK = re.compile(
    r"/(?:authors?|autoren?|autor|auteurs?|writers?|users?|u|members?)/[^/]+$", re.I
)
# A link to a writer's page: by its path, or by an author's number in its query (WordPress's
# `/?author=12`, `author-bio.asp?author_id=837`).
AUTHOR_LINK = re.compile(
    r"/(?:authors?|autoren?|autor|by|people|staff|profile|journalist)/|[?&]author(?:_?id)?=", re.I
)
# The path a site files its writers' pages under, anywhere in the address (`/autores/…`,
# `/auteurs/jane-doe/page/2`).
_WRITER_PATH = re.compile(r"/(?:authors?|autor(?:en|es)?|auteurs?|writers?)/", re.IGNORECASE)


def writer_page(link: HtmlElement) -> bool:
    """Whether a link leads to its writer's page: marked `rel="author"`, under a writers' path
    (`/author/…`, `/?author=12`) or named by its own text's words (`/yazar/derya-aksoy`)."""
    href = link.get("href") or ""
    return (
        "author" in (link.get("rel") or "").lower().split()
        or bool(AUTHOR_LINK.search(href) or _WRITER_PATH.search(href))
        or bool(PROFILE_LINK.search(href.rstrip("/")))
        or names_own_page(href, link.text_content())
    )


def names_own_page(href: str, text: str) -> bool:
    """Whether a link's address ends in its text's words joined by hyphens (`Amina Mwakyusa`
    to `/mwandishi/amina-mwakyusa`): the link names the profile page of the person it shows,
    whatever the site calls its writers' pages."""
    slug = href.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1].casefold()
    words = re.findall(r"\w+", text.casefold())
    return len(words) >= 2 and slug == "-".join(words)


def category_names(tree: HtmlElement) -> set[str]:
    """The lower-cased texts of the links that file the story under a section, marked
    `rel="category"` (WordPress's `rel="category tag"`): its sections, not its writers."""
    return {
        " ".join(link.text_content().split()).casefold()
        for link in tree.iter("a")
        if "category" in (link.get("rel") or "").lower().split()
    }
