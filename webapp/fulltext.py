"""Full-text export: every match of a search with its body and all fields, as JSON Lines or CSV.

`/api/search.jsonl` streams up to EXPORT_CAP matches, as the CSV export does, and says in its
headers how many matched and whether the rows stop short of them. `newsindex export` (see
`webapp.saved_commands`) writes every match, without a cap. Both read one generation from
start to end: a `LiveIndex.hold()` keeps it open across a swap until the last row is sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from flask import Blueprint, Response, current_app, request, stream_with_context
from flask.typing import ResponseReturnValue

from indexer.backends.base import EXPORT_CAP, Export, SearchBackend, SearchQuery
from indexer.models import Article
from webapp import alias_table, export, live_index, search
from webapp.api import article_page
from webapp.display import attachment, download_name

bp = Blueprint("fulltext", __name__, url_prefix="/api")

JSONL_TYPE = "application/jsonl"


def article_line(article: Article, page_url: Callable[[str], str]) -> str:
    """One JSON Lines row: every public field of the article, its body, and its page's address."""
    data = {**article.to_dict(), "page": page_url(article.id)}
    return json.dumps(data, ensure_ascii=False) + "\n"


def jsonl_lines(articles: Iterable[Article], page_url: Callable[[str], str]) -> Iterator[str]:
    """A JSON Lines row per article, in order."""
    for article in articles:
        yield article_line(article, page_url)


def export_articles(backend: SearchBackend, sq: SearchQuery, cap: int | None) -> Export:
    """The matches of a search in its order, up to `cap` (None: all); runs the search now."""
    if cap is None:
        cap = max(backend.count(), 1)  # every article: no search can match more
    return backend.export(sq, cap=cap)


@bp.get("/search.jsonl")
def api_search_jsonl() -> ResponseReturnValue:
    """Every matching article with its full body as JSON Lines, streamed (capped: see README)."""
    hold = live_index(current_app).hold()  # this generation stays open until the stream ends
    try:
        sq = search.parse_args(request.args, alias_table(current_app))
        found = export_articles(hold.backend, sq, EXPORT_CAP)
        rows = jsonl_lines(found, article_page)
    except BaseException:
        hold.release()
        raise
    filename = download_name("", sq.text).removesuffix(".csv") + ".jsonl"
    response = Response(
        stream_with_context(rows),
        mimetype=JSONL_TYPE,
        headers={
            "Content-Disposition": attachment(filename),
            **export.truncation_headers(found, EXPORT_CAP),
        },
    )
    response.call_on_close(hold.release)
    return response
