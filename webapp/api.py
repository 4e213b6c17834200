"""The JSON API under /api: search and single articles."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from webapp import live_index, search

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def api_search() -> ResponseReturnValue:
    """Search results as JSON (the page's data dict)."""
    backend = live_index(current_app).backend()
    return jsonify(search.run(backend, request.args))


@bp.get("/articles/<article_id>")
def api_article(article_id: str) -> ResponseReturnValue:
    """One article with every normalised field and the full body."""
    article = live_index(current_app).backend().get(article_id)
    if article is None:
        abort(404, description=f"No article with id {article_id!r}.")
    return jsonify({"ok": True, **article.to_dict()})
