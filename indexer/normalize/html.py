"""Saved HTML pages: trafilatura for the text; metadata from JSON-LD, meta tags and the page."""

from __future__ import annotations

import logging
import re
from typing import Any

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from indexer.errors import SkipArticle
from indexer.normalize.authors import page_people
from indexer.normalize.extraction import Extraction
from indexer.normalize.fields import supplied_date
from indexer.normalize.language import language_code
from indexer.normalize.metadata import PageMeta, read_page, shown_headline
from indexer.normalize.pagedate import choose_date, updated_candidates
from indexer.normalize.pagetitle import choose_title
from indexer.normalize.sources import WIRES, canonical_outlet, outlet_name
from indexer.normalize.text import extract_text

# trafilatura and htmldate log every page they judge thin; a rebuild reports skips itself.
for _name in ("trafilatura", "htmldate", "justext", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_ORGANISATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation"})
_URL = re.compile(r"^https?://", re.IGNORECASE)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def extract_html(html: str, *, title: str | None = None) -> Extraction:
    """Read a saved HTML page; `title`, when supplied, replaces the page's own."""
    if not html.strip():
        raise SkipArticle("empty HTML page: nothing to index")
    tree = load_html(html)
    if tree is None:
        raise SkipArticle("not a readable HTML page")
    page = read_page(tree)
    ld, meta = page.ld, page.meta
    doc = bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None or not (doc.text or "").strip():
        raise SkipArticle("no article text in the HTML page")

    found = Extraction()
    site = _site_name(ld, meta, doc.sitename)
    page_title = choose_title(page, site and site[0], doc.title, None)
    # The page's own headline is taken out of the text even when a sidecar renames the story.
    text = extract_text(doc.text, title=page_title[0] if page_title else title)
    if page_title and not title:
        found.offer("title", *page_title)
    found.offer("title", text.get("title"), text.provenance.get("title", "derived"))
    found.offer("body", text.get("body"), "trafilatura")
    url = _url(ld, meta, tree, doc.url)
    if url is not None:
        found.offer("url", *url)
    url_value = url[0] if url else None
    _offer_dates(found, page, doc.date, text, url_value, shown_headline(page, found.get("title")))
    people = page_people(
        tree, page, headline=found.get("title"), guessed=doc.author, site=site[0] if site else None
    )
    if people is not None:
        found.offer("byline", *people)
    _offer_outlets(found, ld, site, text)
    _offer_language(found, ld, meta, tree)
    # Everything else (dateline, credits) comes from the text; its date only as evidence above.
    for name, value in text.values.items():
        if name not in ("date", "updated"):
            found.offer(name, value, text.provenance[name])
    return found


def _names(value: Any, *, people: bool) -> list[str]:
    """The names of the people (or, with `people=False`, the organisations) in a JSON-LD field."""
    names = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            is_org = any(t in _ORGANISATION_TYPES for t in types)
            name = item.get("name")
        else:
            # A bare string is a person unless it names a known outlet (`"author": "Reuters"`).
            name = item
            is_org = isinstance(name, str) and canonical_outlet(name) is not None
        if is_org != people and isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def _site_name(
    ld: dict[str, Any] | None, meta: dict[str, str], sitename: str | None
) -> tuple[str, str] | None:
    """The site the page was saved from, with provenance."""
    if ld is not None:
        for name in _names(ld.get("publisher"), people=False):
            cleaned = outlet_name(name) or name
            return cleaned, "jsonld"
    if meta.get("og:site_name"):
        return outlet_name(meta["og:site_name"]) or meta["og:site_name"], "meta"
    if sitename:
        return outlet_name(sitename) or sitename, "trafilatura"
    return None


def _offer_dates(
    found: Extraction,
    page: PageMeta,
    guessed: str | None,
    text: Extraction,
    url: str | None,
    title: str | None,
) -> None:
    """The publication date chosen on evidence (see `pagedate.choose_date`), and the update."""
    text_date = text.get("date") if text.provenance.get("date") != "copyright-line" else None
    chosen = choose_date(
        page,
        guessed=supplied_date(guessed) if guessed else None,
        text=text_date,
        url=url,
        title=title,
    )
    if chosen is not None:
        found.offer("date", *chosen)
    updated = updated_candidates(page)
    if updated:
        found.offer("updated", updated[0], "jsonld" if page.ld else "meta")


def _offer_outlets(
    found: Extraction, ld: dict[str, Any] | None, site: tuple[str, str] | None, text: Extraction
) -> None:
    """The credited outlet (a wire named by the page or the text) and the site that carried it."""
    if ld is not None:
        for org in _names(ld.get("author"), people=False) + _names(
            ld.get("sourceOrganization"), people=False
        ):
            if canonical_outlet(org) in WIRES:
                found.offer("source", canonical_outlet(org), "jsonld")
    if text.has("source"):
        found.offer("source", text.get("source"), text.provenance["source"])
    if site is not None:
        found.offer("publisher", *site)


def _url(
    ld: dict[str, Any] | None, meta: dict[str, str], tree: HtmlElement, url: str | None
) -> tuple[str, str] | None:
    """The page's own address: JSON-LD, og:url, the canonical link, or trafilatura's."""
    candidates: list[tuple[Any, str]] = []
    if ld is not None:
        entity = ld.get("mainEntityOfPage")
        entity_id = entity.get("@id") if isinstance(entity, dict) else entity
        candidates += [(ld.get("url"), "jsonld"), (entity_id, "jsonld")]
    candidates.append((meta.get("og:url"), "meta"))
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical":
            candidates.append((link.get("href"), "meta"))
    candidates.append((url, "trafilatura"))
    for value, how in candidates:
        if isinstance(value, str) and _URL.match(value.strip()):
            return value.strip(), how
    return None


def _offer_language(
    found: Extraction, ld: dict[str, Any] | None, meta: dict[str, str], tree: HtmlElement
) -> None:
    """The page's declared language."""
    for value, how in (
        (ld.get("inLanguage") if ld else None, "jsonld"),
        (tree.get("lang"), "meta"),
        (meta.get("og:locale"), "meta"),
        (meta.get("content-language"), "meta"),
    ):
        if isinstance(value, str) and value.strip():
            found.offer("language", language_code(value.strip()), how)
            return
