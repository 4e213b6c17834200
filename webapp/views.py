"""The HTML pages: search and article."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue

from webapp import live_index, search

bp = Blueprint("views", __name__)

FACET_LABELS = {
    "source": "Source",
    "publisher": "Publisher",
    "byline": "Byline",
    "dateline": "Dateline",
    "date": "Month",
}


@bp.get("/")
def index() -> ResponseReturnValue:
    """The search page; an empty query lists the newest articles."""
    backend = live_index(current_app).backend()
    data = search.run(backend, request.args)
    json_url = url_for("api.api_search") + search.state_url(request.args, page=data["page"])
    html = render_template(
        "search.html",
        data=data,
        args=request.args,
        labels=FACET_LABELS,
        state_url=search.state_url,
        toggled=search.toggled,
        json_url=json_url,
    )
    return html, 200, {"Link": f'<{json_url}>; rel="alternate"; type="application/json"'}


@bp.get("/article/<article_id>")
def article(article_id: str) -> ResponseReturnValue:
    """One article: fields with provenance, the body with the query's terms marked."""
    backend = live_index(current_app).backend()
    found = backend.get(article_id)
    if found is None:
        abort(404, description=f"No article with id {article_id!r}.")
    q = request.args.get("q", "")
    paragraphs = backend.highlight_paragraphs(found.body, q)
    json_url = url_for("api.api_article", article_id=article_id)
    html = render_template(
        "article.html", article=found, paragraphs=paragraphs, q=q, json_url=json_url
    )
    return html, 200, {"Link": f'<{json_url}>; rel="alternate"; type="application/json"'}
