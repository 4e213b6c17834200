"""The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.

Built from the same constants `webapp.search` validates against (sorts, facets, limits), so the
enums and bounds cannot drift; tests/test_openapi.py checks the rest against the real app.
"""

from __future__ import annotations

from typing import Any

from indexer.backends.base import EXPORT_CAP, FACETS, SORTS
from indexer.models import ARTICLE_FIELDS as MODEL_FIELDS
from indexer.models import FieldSpec
from indexer.query.limits import MAX_PER_PAGE, MAX_QUERY_CHARS, MAX_RESULT_WINDOW
from webapp.research_openapi import SAMPLE_FIELD, SAMPLE_PARAMETERS, research_paths
from webapp.search import (
    CHARTS,
    COUNTS,
    FACET_LIMIT,
    GROUPS,
    INTERVALS,
    MAX_FACET_LIMIT,
    MAX_FACET_VALUES,
    MAX_PARAMETERS,
)

ISO_DATE = r"^\s*\d{4}(-\d{2}(-\d{2})?)?\s*$"
KNOWN_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # as stored: the precision actually known
DAY = r"^\d{4}-\d{2}-\d{2}$"


# What the rows of a capped export (CSV or JSON Lines) are of (webapp.export.truncation_headers).
EXPORT_HEADERS = {
    name: {"description": text, "schema": schema}
    for name, text, schema in (
        ("X-Total-Count", "Matching articles.", {"type": "integer", "minimum": 0}),
        (
            "X-Total-Exact",
            "`false` when matching ran out of time: the count and rows are a lower bound.",
            {"type": "string", "enum": ["true", "false"]},
        ),
        ("X-Export-Cap", "The most rows this route sends.", {"type": "integer", "minimum": 1}),
        (
            "X-Export-Count",
            "The rows sent: the matches, up to the cap.",
            {"type": "integer", "minimum": 0},
        ),
        (
            "X-Truncated",
            "`true` when more articles match than the rows sent.",
            {"type": "string", "enum": ["true", "false"]},
        ),
    )
}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema, or null."""
    return {"anyOf": [schema, {"type": "null"}]}


def _ref(name: str) -> dict[str, str]:
    """A reference to a schema under components."""
    return {"$ref": f"#/components/schemas/{name}"}


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A response whose body is JSON of the given schema."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, schema: dict[str, Any], description: str, **extra: Any) -> dict[str, Any]:
    """One query-string parameter."""
    return {"name": name, "in": "query", "description": description, "schema": schema, **extra}


FACET_DOCS = {
    "source": "Outlet credited for the journalism (the wire for a wire story).",
    "publisher": "Site the copy was taken from, when it differs from the source.",
    "byline": "A reporter's name.",
    "dateline": "Place the story was filed from.",
    "month": "`YYYY-MM`, or `YYYY` for articles dated only to the year.",
    "language": "Detected or supplied language code, such as `en` or `zh`.",
}


def search_parameters(*, page: bool = True) -> list[dict[str, Any]]:
    """The parameters `webapp.search.parse_args` reads (`page` left out where it is dropped)."""
    string = {"type": "string"}
    params = [
        _query(
            "q",
            {"type": "string", "maxLength": MAX_QUERY_CHARS},
            "Query text in the syntax of /help; empty or absent means every article. Text that "
            "breaks the query limits (README, Query syntax) is a 400 with a readable message.",
        )
    ]
    for name in FACETS:
        params.append(
            _query(
                name,
                {"type": "array", "items": string, "maxItems": MAX_FACET_VALUES},
                f"Facet filter, repeatable: values of one facet are ORed, facets ANDed. At most "
                f"{MAX_FACET_VALUES} values, and {MAX_PARAMETERS} parameters in all (else a 400). "
                f"{FACET_DOCS.get(name, '')}",
                style="form",
                explode=True,
            )
        )
    params += [
        _query(
            "from",
            {"type": "string", "pattern": ISO_DATE},
            "First day, inclusive: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (the period's first day). "
            "An article matches when its whole date period lies inside from..to.",
        ),
        _query(
            "to",
            {"type": "string", "pattern": ISO_DATE},
            "Last day, inclusive: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (the period's last day); "
            "not before `from`.",
        ),
        _query(
            "sort",
            {"type": "string", "enum": list(SORTS)},
            "Order (default relevance; an empty query is listed newest first, and the answer's "
            "`sort` says so).",
        ),
    ]
    params.append(
        _query(
            "indexed_after",
            {"type": "string", "format": "date-time"},
            "Only articles indexed after this time (ISO 8601; no zone means UTC): what is new "
            "since then, as a saved search's alerts see it. Compare with `indexed_at`.",
        )
    )
    if page:
        params.append(
            _query(
                "page",
                {"type": "integer", "minimum": 1, "maximum": MAX_RESULT_WINDOW},
                "Page number from 1 (default 1). A page past the last one, or past result "
                f"{MAX_RESULT_WINDOW:,} (page × per_page), is a 400.",
            )
        )
    params += [
        _query(
            "per_page",
            {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
            f"Hits per page (default 10, at most {MAX_PER_PAGE}).",
        ),
        _query(
            "group",
            {"type": "string", "enum": list(GROUPS)},
            "`story` (default): one hit per story, syndicated copies under `copies`; "
            "`none`: every article.",
        ),
        _query(
            "count",
            {"type": "string", "enum": list(COUNTS)},
            "What the date chart counts: `articles` (default) or distinct `stories`.",
        ),
        _query(
            "chart",
            {"type": "string", "enum": [c for c in CHARTS if c]},
            "`source`: one date series per source (the five largest) in `chart.series`.",
        ),
        _query(
            "interval",
            {"type": "string", "enum": list(INTERVALS)},
            "The date chart's periods (default: chosen from the span). A span that would need "
            "more than 120 bars is shown by the next coarser period; `chart.granularity` says "
            "which.",
        ),
        _query(
            "facet_limit",
            {"type": "integer", "minimum": 1, "maximum": MAX_FACET_LIMIT},
            f"Values listed per facet (default {FACET_LIMIT}); `facets_more` says which facets "
            "have more. Selected values are listed whatever the limit.",
        ),
        _query(
            "aliases",
            {"type": "string", "enum": ["0", "1"]},
            "`1` (default): expand names to their equivalents (RedNote → Xiaohongshu, 小红书); "
            "`0`: search the words as typed.",
        ),
    ]
    return params + SAMPLE_PARAMETERS


FORMAT = _query(
    "format",
    {"type": "string", "enum": ["json", "csv"]},
    "`json` (default), or `csv` for the export of /api/search.csv.",
)

ERRORS = {
    "400": _json("The request cannot run as given: the message says what to fix.", _ref("Error")),
    "503": _json("No usable index: run `newsindex rebuild`.", _ref("Error")),
}

FACET_VALUE = {
    "type": "object",
    "required": ["value", "count", "selected"],
    "properties": {
        "value": {"type": "string"},
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"},
    },
}

DATE_BIN = {
    "type": "object",
    "required": ["value", "from", "to", "count", "selected"],
    "properties": {
        "value": {
            "type": "string",
            "description": "The period: `2025-01-15`, `2025-W03`, `2025-01` or `2025`.",
        },
        "from": {"type": "string", "pattern": DAY},
        "to": {"type": "string", "pattern": DAY},
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"},
    },
}

_KIND_SCHEMAS: dict[str, dict[str, Any]] = {
    "key": {"type": "string"},
    "text": _nullable({"type": "string"}),
    "texts": {"type": "array", "items": {"type": "string"}},
    "date": _nullable({"type": "string", "pattern": KNOWN_DATE}),
    "precision": _nullable({"type": "string", "enum": ["day", "month", "year"]}),
    "mapping": {"type": "object", "additionalProperties": {"type": "string"}},
    "number": {"type": "number"},
    "instant": _nullable({"type": "string", "format": "date-time"}),
}


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    """The JSON schema of one article field, with its meaning."""
    return {**_KIND_SCHEMAS[spec.kind], "description": spec.doc}


# Derived from the one list of article fields (indexer.models), so they cannot drift.
ARTICLE_FIELDS: dict[str, Any] = {
    f.name: _field_schema(f) for f in MODEL_FIELDS if f.public and f.in_hits
}
BODY_FIELDS: dict[str, Any] = {
    f.name: _field_schema(f) for f in MODEL_FIELDS if f.public and not f.in_hits
}

COPY = {
    "type": "object",
    "required": ["id", "title", "publisher", "source", "date", "file"],
    "properties": {
        key: ARTICLE_FIELDS[key] for key in ("id", "title", "publisher", "source", "date", "file")
    },
}

HIT = {
    "type": "object",
    "required": [*ARTICLE_FIELDS, "score", "snippets", "copies", "copies_total"],
    "properties": {
        **ARTICLE_FIELDS,
        "score": _nullable({"type": "number"}),
        "snippets": {
            "type": "array",
            "items": {"type": "string"},
            "description": "HTML: the text escaped, `<mark>` the only tag.",
        },
        "copies": {
            "type": "array",
            "items": COPY,
            "description": "The story's other articles (the first 20).",
        },
        "copies_total": {
            "type": "integer",
            "minimum": 0,
            "description": "How many other articles the story has.",
        },
    },
}

ARTICLE = {
    "type": "object",
    "required": ["ok", *ARTICLE_FIELDS, *BODY_FIELDS],
    "properties": {"ok": {"const": True}, **ARTICLE_FIELDS, **BODY_FIELDS},
}

CHART = {
    "type": "object",
    "required": ["counts", "granularity", "undated", "less_precise", "series"],
    "properties": {
        "counts": {"type": "string", "enum": list(COUNTS)},
        "granularity": {"type": "string", "enum": ["day", "week", "month", "year"]},
        "undated": {"type": "integer", "minimum": 0},
        "less_precise": {"type": "integer", "minimum": 0},
        "series": _nullable(
            {
                "type": "object",
                "description": "Per source (chart=source), counts aligned with `facets.date`.",
                "additionalProperties": {"type": "array", "items": {"type": "integer"}},
            }
        ),
    },
}

SEARCH_FIELDS: dict[str, Any] = {
    "ok": {"const": True},
    "query": {"type": "string"},
    "total": {
        "type": "integer",
        "minimum": 0,
        "description": "Matching articles: exact when `total_exact`, else a lower bound.",
    },
    "total_exact": {
        "type": "boolean",
        "description": "False when matching ran out of the search's time budget (a sloppy "
        "phrase over a large archive): `total`, `stories` and `pages` are then lower bounds. "
        "Words, phrases, prefixes and wildcards are always counted exactly.",
    },
    "stories": {"type": "integer", "minimum": 0, "description": "Distinct stories among them."},
    "group": {"type": "string", "enum": list(GROUPS)},
    "page": {"type": "integer", "minimum": 1},
    "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
    "pages": {"type": "integer", "minimum": 1},
    "sort": {
        "type": "string",
        "enum": list(SORTS),
        "description": "The order of the hits: `newest` for an empty query asked by relevance.",
    },
    "from": _nullable({"type": "string", "pattern": DAY}),
    "to": _nullable({"type": "string", "pattern": DAY}),
    "date_range": {
        "type": "object",
        "description": "The dates the query asked for, from `from`/`to` and `date:` terms.",
        "required": ["from", "to"],
        "properties": {
            "from": _nullable({"type": "string", "pattern": DAY}),
            "to": _nullable({"type": "string", "pattern": DAY}),
        },
    },
    "filters": {
        "type": "object",
        "description": "The facet values selected, by facet.",
        "propertyNames": {"enum": list(FACETS)},
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    "took_ms": {"type": "number", "minimum": 0},
    "timed_out": {
        "type": "boolean",
        "description": "The ranking ran out of its time budget: hits are what was ranked so far.",
    },
    "suggestion": _nullable({"type": "string", "description": "A corrected query."}),
    "suggestion_unavailable": _nullable(
        {
            "type": "string",
            "description": "Why no corrected query can be offered, when this search would have "
            "looked for one (fewer than 3 matches) and the engine has no spelling data (remote "
            "Xapian shards); null otherwise.",
        }
    ),
    "aliases": {"type": "boolean", "description": "Whether names were expanded."},
    "aliases_added": {"type": "array", "items": {"type": "string"}},
    "hits": {"type": "array", "items": _ref("Hit"), "maxItems": MAX_PER_PAGE},
    "facets": {
        "type": "object",
        "description": "Counts per facet value (each facet counted with the other facets' "
        "selections applied, not its own); `date` is the chart, one item per period.",
        "required": list(FACETS),
        "properties": {
            **{name: {"type": "array", "items": FACET_VALUE} for name in FACETS},
            "date": {"type": "array", "items": DATE_BIN},
        },
    },
    "facet_limit": {"type": "integer", "minimum": 1, "maximum": MAX_FACET_LIMIT},
    "facets_more": {
        "type": "object",
        "description": "Per facet, whether it has more values than `facet_limit` listed.",
        "additionalProperties": {"type": "boolean"},
    },
    "facet_counts": {"const": "articles"},
    "date_granularity": _nullable({"type": "string", "enum": ["day", "week", "month", "year"]}),
    "interval": _nullable({"type": "string", "enum": list(INTERVALS)}),
    "chart": _nullable(CHART),
    "sample": SAMPLE_FIELD,
}

CSV = {
    "text/csv": {
        "schema": {"type": "string", "description": "RFC 4180 CSV with a header line."},
    }
}


def spec() -> dict[str, Any]:
    """The OpenAPI document."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "newsindex",
            "version": "1",
            "description": "Full-text search over a news archive. Every error is JSON of the "
            'shape `{"ok": false, "status": 400, "error": "…"}` with the matching status. '
            "Query syntax: /help.",
        },
        "paths": {
            "/api/search": {
                "get": {
                    "operationId": "search",
                    "summary": "Search: a page of hits, facet counts and the date chart.",
                    "parameters": [*search_parameters(), FORMAT],
                    "responses": {
                        "200": {
                            "description": "The search's data (or, with format=csv, the "
                            "export of /api/search.csv).",
                            "content": {
                                "application/json": {"schema": _ref("SearchResults")},
                                **CSV,
                            },
                        },
                        **ERRORS,
                    },
                }
            },
            "/api/search.csv": {
                "get": {
                    "operationId": "searchCsv",
                    "summary": f"Every matching article as CSV (at most {EXPORT_CAP:,} rows).",
                    "description": "Columns: id, title, source, publisher, date, byline, "
                    "dateline, url, file, story_id, page (the article's page here, an absolute "
                    "address) and snippet (its first snippet, plain text). Streamed in the "
                    "search's order; page and per_page are checked but every match is listed. "
                    "Named after the query: `newsindex-cocoa-2026-12-06.csv`.",
                    "parameters": search_parameters(),
                    "responses": {
                        "200": {
                            "description": "The CSV.",
                            "content": CSV,
                            "headers": EXPORT_HEADERS,
                        },
                        **ERRORS,
                    },
                }
            },
            "/api/search.jsonl": {
                "get": {
                    "operationId": "searchJsonl",
                    "summary": f"Every matching article with its full body as JSON Lines (at "
                    f"most {EXPORT_CAP:,} rows).",
                    "description": "One JSON object per line: every field of "
                    "/api/articles/{id} (the body too, and `indexed_at`) plus `page`, the "
                    "article's page here. Streamed in the search's order, every filter of a "
                    "search applied; page and per_page are checked but every match is listed. "
                    "The headers say what the rows are of; `newsindex export` writes every "
                    "match without a cap.",
                    "parameters": search_parameters(),
                    "responses": {
                        "200": {
                            "description": "The JSON Lines.",
                            "content": {
                                "application/jsonl": {
                                    "schema": {
                                        "type": "string",
                                        "description": "One Article object and `page` per line.",
                                    }
                                }
                            },
                            "headers": EXPORT_HEADERS,
                        },
                        **ERRORS,
                    },
                }
            },
            "/api/chart.csv": {
                "get": {
                    "operationId": "chartCsv",
                    "summary": "The search's date chart as CSV.",
                    "description": "Columns: period, from, to, articles, and one per source "
                    "with chart=source.",
                    "parameters": search_parameters(page=False),
                    "responses": {"200": {"description": "The CSV.", "content": CSV}, **ERRORS},
                }
            },
            "/api/articles/{id}": {
                "get": {
                    "operationId": "article",
                    "summary": "One article with every normalised field and the full body.",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "description": "The article's id, as in a hit's `id`.",
                            "schema": {"type": "string", "minLength": 1},
                        }
                    ],
                    "responses": {
                        "200": _json("The article.", _ref("Article")),
                        "404": _json("No article with that id.", _ref("Error")),
                        **ERRORS,
                    },
                }
            },
            **research_paths(
                [
                    p
                    for p in search_parameters(page=False)
                    if p["name"] not in ("q", "sample", "seed")
                ],
                ERRORS,
                CSV,
            ),
            "/api/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This description.",
                    "responses": {"200": _json("OpenAPI 3.1.", {"type": "object"})},
                }
            },
        },
        "components": {
            "schemas": {
                "SearchResults": {
                    "type": "object",
                    "required": list(SEARCH_FIELDS),
                    "properties": SEARCH_FIELDS,
                },
                "Hit": HIT,
                "Article": ARTICLE,
                "Error": {
                    "type": "object",
                    "required": ["ok", "status", "error"],
                    "properties": {
                        "ok": {"const": False},
                        "status": {"type": "integer", "minimum": 400, "maximum": 599},
                        "error": {"type": "string", "minLength": 1},
                        "suggestion": {
                            "type": "string",
                            "description": "A corrected query, when one is obvious.",
                        },
                    },
                },
            }
        },
    }
