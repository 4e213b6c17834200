"""The newsindex web app: search page, article pages and the JSON API over the index."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from markupsafe import Markup

from indexer.live import FixedIndex, LiveIndex, open_live
from indexer.loaders import DEFAULT_MAX_BYTES
from indexer.query.aliases import AliasTable, load_aliases
from indexer.safehtml import sanitize


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the app: defaults, then instance/config.py, then NEWSINDEX_* variables, then tests."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        INDEX_DIR=os.path.join(app.instance_path, "index"),
        BACKEND="whoosh",  # or "xapian" (pip install 'newsindex[xapian]')
        XAPIAN_SHARDS=None,  # "host:port|replica:port,host:port": search remote Xapian shards
        XAPIAN_COUNTERS=None,  # their count servers (`newsindex serve-counts`), in the same form
        MAX_FILE_BYTES=DEFAULT_MAX_BYTES,
        DEFAULT_PATHS=["seeds"],
        ALLOWED_HOSTS=None,  # None: the bound address and localhost (webapp.protect)
        BASE_URL=None,  # None: the bound address (set by `newsindex serve`)
        MAX_ACTIVE=4,  # requests one process works on at once
        MAX_QUEUE=64,  # requests that may wait for a place; past it, 503 at once
        QUEUE_TIMEOUT=0.5,  # seconds a request waits for a place before a 503
        RETRY_AFTER=1,  # seconds, in the Retry-After header of a busy 503
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("NEWSINDEX")
    else:
        app.config.from_mapping(test_config)
    app.config["INDEX_DIR"] = os.fspath(app.config["INDEX_DIR"])

    from webapp import api, commands, errors, fulltext, protect, research, saved, views

    protect.register(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(saved.bp)
    app.register_blueprint(fulltext.bp)
    app.register_blueprint(research.bp)
    errors.register(app)
    commands.register(app)
    app.add_template_filter(marked)
    app.add_template_filter(shown_path)
    app.json.sort_keys = False  # keep the documented key order
    return app


def marked(fragment: str) -> Markup:
    """Template filter: a snippet reduced to escaped text plus `<mark>`, then marked safe."""
    return Markup(sanitize(fragment))


def shown_path(path: str | None) -> str:
    """Template filter: a file or index path as the page may show it, never absolute."""
    return relative_path(path or "", current_app.instance_path)


def relative_path(path: str, instance_path: str) -> str:
    """`path` relative to the working folder or the project, else `…/` and its last two parts."""
    if not os.path.isabs(path):
        return path
    target = Path(path)
    for base in (Path.cwd(), Path(instance_path).parent):
        if target.is_relative_to(base):
            return os.fspath(target.relative_to(base))
    return os.path.join("…", *target.parts[-2:])


def alias_table(app: Flask) -> AliasTable:
    """The names to expand in queries: instance/aliases.txt, else the shipped default list."""
    table = app.extensions.get("newsindex_aliases")
    if table is None:
        path = app.config.get("ALIASES_FILE") or os.path.join(app.instance_path, "aliases.txt")
        table = app.extensions.setdefault("newsindex_aliases", load_aliases(Path(path)))
    return table


def live_index(app: Flask) -> LiveIndex | FixedIndex:
    """The process's one LiveIndex (or remote shards), created on first use (nothing on import)."""
    live = app.extensions.get("newsindex")
    if live is None:
        live = app.extensions.setdefault(
            "newsindex",
            open_live(
                app.config["INDEX_DIR"],
                app.config["BACKEND"],
                app.config.get("XAPIAN_SHARDS"),
                app.config.get("XAPIAN_COUNTERS"),
            ),
        )
    return live
