"""The newsindex web app: search page, article pages and the JSON API over the index."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask
from markupsafe import Markup

from indexer.live import LiveIndex
from indexer.loaders import DEFAULT_MAX_BYTES
from indexer.query.aliases import AliasTable, load_aliases
from indexer.safehtml import sanitize


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the app: defaults, then instance/config.py, then NEWSINDEX_* variables, then tests."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        INDEX_DIR=os.path.join(app.instance_path, "index"),
        BACKEND="whoosh",
        MAX_FILE_BYTES=DEFAULT_MAX_BYTES,
        DEFAULT_PATHS=["seeds"],
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("NEWSINDEX")
    else:
        app.config.from_mapping(test_config)
    app.config["INDEX_DIR"] = os.fspath(app.config["INDEX_DIR"])

    from webapp import api, commands, errors, views

    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    errors.register(app)
    commands.register(app)
    app.add_template_filter(marked)
    app.json.sort_keys = False  # keep the documented key order
    return app


def marked(fragment: str) -> Markup:
    """Template filter: a snippet reduced to escaped text plus `<mark>`, then marked safe."""
    return Markup(sanitize(fragment))


def alias_table(app: Flask) -> AliasTable:
    """The names to expand in queries: instance/aliases.txt, else the shipped default list."""
    table = app.extensions.get("newsindex_aliases")
    if table is None:
        path = app.config.get("ALIASES_FILE") or os.path.join(app.instance_path, "aliases.txt")
        table = app.extensions.setdefault("newsindex_aliases", load_aliases(Path(path)))
    return table


def live_index(app: Flask) -> LiveIndex:
    """The process's one LiveIndex, created on first use (nothing opens on import)."""
    live = app.extensions.get("newsindex")
    if live is None:
        live = app.extensions.setdefault(
            "newsindex", LiveIndex(app.config["INDEX_DIR"], app.config["BACKEND"])
        )
    return live
