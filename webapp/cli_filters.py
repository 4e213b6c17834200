"""The filter options of a search on the command line, shared by every command that searches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

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
