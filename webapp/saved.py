"""Saved searches on the web: `/saved` lists them with their new matches, a feed for each.

The searches are kept by `indexer.saved` in the instance folder (`SAVED_SEARCHES_FILE`) and
added with `newsindex saved add`. The page only reads them: it never marks a search checked,
which `newsindex alerts` does once it has printed.
"""

from __future__ import annotations

import os
from typing import Any

from flask import Blueprint, Flask, abort, current_app, render_template, url_for
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import MultiDict

from indexer.backends.base import INDEXED, SearchBackend, SearchQuery
from indexer.errors import NewsIndexError
from indexer.models import instant_text
from indexer.saved import FILE_NAME, SavedSearch, SavedSearches, SavedSearchMissing
from webapp import alias_table, live_index, search, views

bp = Blueprint("saved", __name__)

NEW_SHOWN = 10  # new matches linked per saved search on /saved
FEED_ENTRIES = views.FEED_ENTRIES


def saved_store(app: Flask) -> SavedSearches:
    """The instance's saved searches (`SAVED_SEARCHES_FILE`, else in the instance folder)."""
    path = app.config.get("SAVED_SEARCHES_FILE") or os.path.join(app.instance_path, FILE_NAME)
    return SavedSearches(path)


def query_of(app: Flask, saved: SavedSearch) -> SearchQuery:
    """The search a saved search runs, read as `/api/search` reads the same parameters."""
    sq = search.parse_args(MultiDict(saved.params), alias_table(app))
    sq.group = False  # alerts and feeds list every new article, copies too
    sq.facets = sq.histogram = sq.suggest = False
    return sq


def search_path(saved: SavedSearch) -> str:
    """The search page of a saved search."""
    return url_for("views.index") + search.state_url(MultiDict(saved.params))


def new_path(saved: SavedSearch) -> str:
    """The search page listing a saved search's new matches (every article, newest first)."""
    args = MultiDict(saved.params)
    changes: dict[str, Any] = {"group": "none", "sort": "newest"}
    if saved.seen_until is not None:
        changes["indexed_after"] = instant_text(saved.seen_until)
    return url_for("views.index") + search.state_url(args, **changes)


def _summary(backend: SearchBackend, saved: SavedSearch) -> dict[str, Any]:
    """One row of /saved: the search, its new matches (counted and the latest linked)."""
    row: dict[str, Any] = {
        "name": saved.name,
        "query": saved.query,
        "filters": saved.filters(),
        "checked_at": saved.checked_at,
        "seen_until": saved.seen_until,
        "search_url": search_path(saved),
        "new_url": new_path(saved),
        "feed_url": url_for("saved.feed", name=saved.name),
        "error": None,
        "new": 0,
        "hits": [],
    }
    try:
        sq = query_of(current_app, saved)
        sq.indexed_after, sq.sort, sq.per_page, sq.snippets = (
            saved.seen_until,
            INDEXED,
            NEW_SHOWN,
            0,
        )
        results = backend.search(sq)
    except NewsIndexError as exc:  # a search saved before the rules changed: say so, list others
        row["error"] = str(exc)
        return row
    row["new"] = results.total
    row["hits"] = [
        {
            "title": hit.article.title,
            "source": hit.article.source,
            "date": hit.article.date.iso() if hit.article.date else None,
            "url": url_for("views.article", article_id=hit.article.id, q=saved.query or None),
        }
        for hit in results.hits
    ]
    return row


@bp.get("/saved")
def saved_page() -> ResponseReturnValue:
    """The saved searches, each with the matches indexed since its alerts last ran."""
    searches = saved_store(current_app).all()
    rows = []
    if searches:
        with live_index(current_app).hold() as backend:  # one generation for every row
            rows = [_summary(backend, s) for s in searches]
    return render_template("saved.html", rows=rows, args=MultiDict())


@bp.get("/feed/<name>.atom")
def feed(name: str) -> ResponseReturnValue:
    """An Atom feed of a saved search: its most recently indexed matches, newest first."""
    try:
        saved = saved_store(current_app).get(name)
    except SavedSearchMissing as exc:
        abort(404, description=str(exc))
    sq = query_of(current_app, saved)
    sq.sort, sq.per_page = INDEXED, FEED_ENTRIES
    results = live_index(current_app).backend().search(sq)
    data = search.to_data(results, MultiDict(saved.params))
    return views.atom_response(
        data,
        url_for("saved.feed", name=saved.name),
        search_path(saved),
        title=f"newsindex: {saved.name}",
        subtitle=f"The most recently indexed of {data['total']} articles matching {saved.name}",
        entry_date=_indexed_date,
    )


def _indexed_date(hit: dict[str, Any], fallback: str) -> str:
    """An entry's time in a saved-search feed: when the article was indexed."""
    value = hit.get("indexed_at")
    return value or fallback
