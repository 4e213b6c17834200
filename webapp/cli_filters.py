"""What every command that searches shares: its filter options, request arguments, errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click
from werkzeug.datastructures import MultiDict

from indexer.errors import IndexMissing, NewsIndexError, QueryError

FILTER_OPTIONS = (  # (option, parameter, help): the filters of a search, as the API names them
    ("--source", "source", "Only this source (repeatable, ORed)."),
    ("--publisher", "publisher", "Only this publisher (repeatable, ORed)."),
    ("--byline", "byline", "Only this byline (repeatable, ORed)."),
    ("--dateline", "dateline", "Only this dateline (repeatable, ORed)."),
    ("--month", "month", "Only this month, YYYY-MM (repeatable, ORed)."),
    ("--language", "language", "Only this language code (repeatable, ORed)."),
)


def search_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Add the filter options of a search (facets, dates, aliases) to a command."""
    for option, name, text in reversed(FILTER_OPTIONS):
        command = click.option(option, name, multiple=True, help=text)(command)
    command = click.option("--to", "date_to", help="Latest date, YYYY-MM-DD.")(command)
    command = click.option("--from", "date_from", help="Earliest date, YYYY-MM-DD.")(command)
    return click.option("--no-aliases", is_flag=True, help="Do not expand names to aliases.")(
        command
    )


def filter_pairs(options: dict[str, Any]) -> list[tuple[str, str]]:
    """The filter options given, as API parameters (in the order of FILTER_OPTIONS)."""
    pairs = [(name, value) for _o, name, _t in FILTER_OPTIONS for value in options.pop(name)]
    for key, name in (("date_from", "from"), ("date_to", "to")):
        if value := options.pop(key):
            pairs.append((name, value))
    if options.pop("no_aliases"):
        pairs.append(("aliases", "0"))
    return pairs


def request_args(pairs: list[tuple[str, str]], options: dict[str, Any]) -> MultiDict[str, str]:
    """Request-style arguments (as /api/search reads them) from a command's pairs and options."""
    names = {"date_from": "from", "date_to": "to"}
    pairs = [*pairs, ("aliases", "0" if options.pop("no_aliases", False) else "1")]
    for key, value in options.items():
        for item in value if isinstance(value, tuple) else [value]:
            if item is not None and item is not False:
                pairs.append((names.get(key, key), str(item)))
    return MultiDict(pairs)


def api_status(exc: NewsIndexError) -> int:
    """The HTTP status the API would give for a library error."""
    if isinstance(exc, QueryError):
        return 400
    return 503 if isinstance(exc, IndexMissing) else 500


def library_error(exc: NewsIndexError, as_json: bool) -> NoReturn:
    """A library error as a command reports it: the API's JSON error with --json, else a
    message; exit 1 either way."""
    if as_json:
        click.echo(json.dumps({"ok": False, "status": api_status(exc), "error": str(exc)}))
        sys.exit(1)
    raise click.ClickException(str(exc)) from exc
