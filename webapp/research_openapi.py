"""The OpenAPI description of the research routes (/api/timeline, its CSV, /api/terms)."""

from __future__ import annotations

from typing import Any

from indexer.research.sample import MAX_SAMPLE, MAX_SEED
from indexer.research.terms import MAX_SIZE
from indexer.research.timeline import GRANULARITIES, MAX_SERIES, NORMALIZE

SAMPLE_PARAMETERS = [
    {
        "name": "sample",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_SAMPLE},
        "description": "A random sample of this many matches (one per story unless "
        "group=none), drawn after every filter; the hits, pages and CSV rows are the sample's.",
    },
    {
        "name": "seed",
        "in": "query",
        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_SEED},
        "description": "The sample's seed: the same seed on the same index draws the same "
        "sample (default: a fresh one, reported in `sample.seed`).",
    },
]

SAMPLE_FIELD = {
    "oneOf": [
        {"type": "null"},
        {
            "type": "object",
            "required": ["size", "seed", "drawn_from"],
            "properties": {
                "size": {"type": "integer", "minimum": 1},
                "seed": {"type": "integer", "minimum": 0},
                "drawn_from": {"type": ["integer", "null"], "minimum": 0},
            },
        },
    ]
}

POINT = {
    "type": "object",
    "required": ["period", "from", "to", "count", "all", "share"],
    "properties": {
        "period": {"type": "string"},
        "from": {"type": "string"},
        "to": {"type": "string"},
        "count": {"type": "integer", "minimum": 0},
        "all": {"type": "integer", "minimum": 0},
        "share": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
    },
}

TIMELINE = {
    "type": "object",
    "required": ["ok", "granularity", "normalize", "counts", "all_total", "series"],
    "properties": {
        "ok": {"const": True},
        "granularity": {"type": "string", "enum": list(GRANULARITIES)},
        "normalize": {"type": "string", "enum": list(NORMALIZE)},
        "counts": {"type": "string", "enum": ["articles", "stories"]},
        "all_total": {"type": "integer", "minimum": 0},
        "series": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["query", "total", "undated", "less_precise", "points"],
                "properties": {
                    "query": {"type": "string"},
                    "total": {"type": "integer", "minimum": 0},
                    "undated": {"type": "integer", "minimum": 0},
                    "less_precise": {"type": "integer", "minimum": 0},
                    "points": {"type": "array", "items": POINT},
                },
            },
        },
    },
}

TERMS = {
    "type": "object",
    "required": ["ok", "total", "analysed", "sampled", "archive", "method", "from", "terms"],
    "properties": {
        "ok": {"const": True},
        "total": {"type": "integer", "minimum": 0},
        "analysed": {"type": "integer", "minimum": 0},
        "sampled": {"type": "boolean"},
        "sample_seed": {"type": "integer", "minimum": 0},
        "archive": {"type": "integer", "minimum": 0},
        "method": {"type": "string"},
        "from": {"type": "string"},
        "terms": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["term", "kind", "matches", "archive", "score"],
                "properties": {
                    "term": {"type": "string"},
                    "kind": {"type": "string", "enum": ["word", "phrase"]},
                    "matches": {"type": "integer", "minimum": 0},
                    "archive": {"type": "integer", "minimum": 0},
                    "score": {"type": "number", "minimum": 0},
                },
            },
        },
    },
}


def research_paths(
    filters: list[dict[str, Any]], errors: dict[str, Any], csv: dict[str, Any]
) -> dict[str, Any]:
    """The research routes, taking the search's filter parameters (without q and page)."""
    queries = {
        "name": "q",
        "in": "query",
        "required": True,
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": {"type": "string"}, "maxItems": MAX_SERIES},
        "description": f"One query per series, repeatable: 1 to {MAX_SERIES}.",
    }
    timeline_params = [
        queries,
        *filters,
        {
            "name": "granularity",
            "in": "query",
            "schema": {"type": "string", "enum": list(GRANULARITIES)},
            "description": "Period of each point (default: chosen from the span).",
        },
        {
            "name": "normalize",
            "in": "query",
            "schema": {"type": "string", "enum": list(NORMALIZE)},
            "description": "`share`: the page and CLI plot count / all (the JSON has both).",
        },
    ]
    terms_params = [
        {
            "name": "q",
            "in": "query",
            "schema": {"type": "string"},
            "description": "The search whose matches are analysed.",
        },
        *filters,
        {
            "name": "size",
            "in": "query",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_SIZE},
            "description": "Terms listed (default 50).",
        },
        {
            "name": "seed",
            "in": "query",
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_SEED},
            "description": "Seed of the sample read when over 500 articles match (default 0).",
        },
    ]
    json_ok = {
        "description": "The timeline.",
        "content": {"application/json": {"schema": TIMELINE}},
    }
    return {
        "/api/timeline": {
            "get": {
                "operationId": "timeline",
                "summary": "Matches of up to five queries per period, and their share of all.",
                "parameters": timeline_params,
                "responses": {"200": json_ok, **errors},
            }
        },
        "/api/timeline.csv": {
            "get": {
                "operationId": "timelineCsv",
                "summary": "The timeline as CSV: query, period, from, to, count, all, share.",
                "parameters": timeline_params,
                "responses": {"200": {"description": "The CSV.", "content": csv}, **errors},
            }
        },
        "/api/terms": {
            "get": {
                "operationId": "terms",
                "summary": "Words and two-word phrases over-represented in a search's matches.",
                "parameters": terms_params,
                "responses": {
                    "200": {
                        "description": "The top terms.",
                        "content": {"application/json": {"schema": TERMS}},
                    },
                    **errors,
                },
            }
        },
    }
