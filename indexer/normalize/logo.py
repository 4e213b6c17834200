"""A site's logo set in an `<h1>`: `<h1><a href="/"><img alt="Hill Weekly"></a></h1>`.

Many templates put the site's name in an `<h1>` on every page, as a link to the front page.
Such a heading names the site, not the story: its whole text is that link's.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml.html import HtmlElement

# The paths a site's front page is served under.
_FRONT_PAGES = frozenset({"", "/", "/index.html", "/index.htm", "/index.php"})


def is_logo(heading: HtmlElement) -> bool:
    """Whether a heading is a link to the site's front page, whole: inside one, or holding
    only such links."""
    if any(_front_page(a.get("href")) for a in heading.iterancestors("a")):
        return True
    links = [a for a in heading.iter("a") if _front_page(a.get("href"))]
    if not links:
        return False
    linked = "".join(a.text_content() for a in links)
    return _letters(linked) == _letters(heading.text_content())


def _front_page(href: str | None) -> bool:
    """Whether a link's address is a site's front page (`/`, `https://example.com/`); a
    fragment that routes a script to a story (`/#!5781234/slug`, `/#/story/12`) is none."""
    if not href or not href.strip() or href.strip().startswith("#"):
        return False
    parts = urlsplit(href.strip())
    if parts.fragment.startswith(("!", "/")):
        return False
    return parts.path in _FRONT_PAGES and not parts.query and bool(parts.netloc or parts.path)


def _letters(text: str) -> str:
    """A text's letters and digits alone, to compare what two texts say."""
    return "".join(c for c in text if c.isalnum())
