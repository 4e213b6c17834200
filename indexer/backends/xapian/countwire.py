"""What the searcher sends count servers: a search, the page asked, story ids, a word.

A search travels as every field of `SearchQuery` but those a count server never uses
(`NOT_SENT`: the page's size and place, snippets, the suggestion, samples), so a field added to
`SearchQuery` is sent unless it is listed there (a test checks every field round-trips). What
arrives is checked field by field: anything malformed is a QueryError, which the count server
answers with a 400.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, NamedTuple, get_args

from indexer.backends.base import SearchQuery, Sort
from indexer.errors import QueryError
from indexer.query.aliases import AliasTable
from indexer.query.histogram import Granularity

# Fields a count server does not use: the page is asked apart (PageAsked), snippets and
# suggestions are made by the searcher, samples are never drawn there.
NOT_SENT = frozenset({"page", "per_page", "snippets", "facet_limit", "suggest", "sample", "seed"})
SENT = tuple(f.name for f in dataclasses.fields(SearchQuery) if f.name not in NOT_SENT)
MAX_PLACES = 10_000  # a date-ordered page deeper than this is asked of Xapian
MAX_SHARDS = 1024
MAX_STORIES = 1_000  # the stories of one page's hits
MAX_WORD = 100


class PageAsked(NamedTuple):
    """A date-ordered page's places asked of a shard: how many, the shard's number, of how many."""

    want: int
    shard: int
    of: int


def query_to_json(sq: SearchQuery) -> dict[str, Any]:
    """What a count server needs of a search, JSON-ready."""
    return {name: _encode(getattr(sq, name)) for name in SENT}


def _encode(value: Any) -> Any:
    """A field's value as JSON: dates in ISO form, aliases as their groups, tuples as lists."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, AliasTable):
        return [list(group) for group in value.groups]
    if isinstance(value, dict):
        return {name: list(values) for name, values in value.items()}
    return value


def query_from_json(data: Any) -> SearchQuery:
    """A search from `query_to_json`'s form; QueryError naming what is malformed."""
    if not isinstance(data, dict):
        raise QueryError("Malformed count request: a JSON object is expected.")
    fields: dict[str, Any] = {"suggest": False, "snippets": 0}
    for name in SENT:
        if name in data:
            try:
                fields[name] = _DECODE[name](data[name])
            except (TypeError, ValueError) as exc:
                raise QueryError(f"Malformed count request: {name}: {exc}") from None
    return SearchQuery(**fields)


def _text(value: Any) -> str:
    """A string."""
    if not isinstance(value, str):
        raise TypeError("a string is expected")
    return value


def _flag(value: Any) -> bool:
    """A boolean."""
    if not isinstance(value, bool):
        raise TypeError("true or false is expected")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    """A list of strings."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("a list of strings is expected")
    return tuple(value)


def _filters(value: Any) -> dict[str, tuple[str, ...]]:
    """Facet name -> selected values."""
    if not isinstance(value, dict):
        raise TypeError("an object of facet names is expected")
    return {_text(name): _strings(values) for name, values in value.items()}


def _aliases(value: Any) -> AliasTable | None:
    """Sets of equivalent names, or none."""
    if value is None:
        return None
    if not isinstance(value, list):
        raise TypeError("a list of lists of names is expected")
    return AliasTable(tuple(_strings(group) for group in value))


def _choice(options: Any, optional: bool = False) -> Any:
    """A checker of one of a Literal's values (or None, when `optional`)."""

    def check(value: Any) -> Any:
        """The value, if it is one of the options."""
        if (value is None and optional) or value in get_args(options):
            return value
        raise ValueError(f"{value!r} is not one of {', '.join(get_args(options))}")

    return check


def _date(value: Any) -> dt.date | None:
    """A date in ISO form, or none."""
    return None if value is None else dt.date.fromisoformat(_text(value))


def _moment(value: Any) -> dt.datetime | None:
    """A time in ISO form, or none."""
    return None if value is None else dt.datetime.fromisoformat(_text(value))


_DECODE = {
    "text": _text,
    "filters": _filters,
    "date_from": _date,
    "date_to": _date,
    "sort": _choice(Sort),
    "facets": _flag,
    "interval": _choice(Granularity, optional=True),
    "histogram": _flag,
    "chart_by_source": _flag,
    "chart_stories": _flag,
    "aliases": _aliases,
    "group": _flag,
    "indexed_after": _moment,
}


def page_from_json(data: Any) -> PageAsked | None:
    """The page asked with a count request (None when none is)."""
    page = data.get("page") if isinstance(data, dict) else None
    if page is None:
        return None
    try:
        asked = PageAsked(*(_number(page[key]) for key in PageAsked._fields))
    except (TypeError, KeyError, ValueError) as exc:
        raise QueryError(f"Malformed count request: page {exc}") from None
    if not (0 < asked.want <= MAX_PLACES and 0 <= asked.shard < asked.of <= MAX_SHARDS):
        raise QueryError(f"Malformed count request: page {page!r}")
    return asked


def _number(value: Any) -> int:
    """An integer (not a boolean, not a float)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{value!r} is not an integer")
    return value


def stories_from_json(data: Any) -> list[str]:
    """The story ids of a copies request; QueryError naming what is malformed."""
    stories = data.get("stories") if isinstance(data, dict) else None
    if not isinstance(stories, list) or not all(isinstance(s, str) for s in stories):
        raise QueryError('Malformed copies request: give {"stories": [story ids]}.')
    if len(stories) > MAX_STORIES:
        raise QueryError(f"Malformed copies request: more than {MAX_STORIES} stories.")
    return stories


def spelling_from_json(data: Any) -> tuple[str, list[str]]:
    """The word of a spelling request and the candidates whose frequencies are asked;
    QueryError when malformed."""
    word = data.get("word") if isinstance(data, dict) else None
    candidates = data.get("candidates", []) if isinstance(data, dict) else None
    if (
        not isinstance(word, str)
        or not 0 < len(word) <= MAX_WORD
        or not isinstance(candidates, list)
        or len(candidates) > MAX_SHARDS
        or not all(isinstance(c, str) and 0 < len(c) <= MAX_WORD for c in candidates)
    ):
        raise QueryError(
            f'Malformed spelling request: give {{"word": a word of 1 to {MAX_WORD} characters, '
            '"candidates": [such words]}.'
        )
    return word, candidates
