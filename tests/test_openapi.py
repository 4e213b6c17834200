"""The OpenAPI description at /api/openapi.json stays true to what the app reads and answers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from flask import Flask, Request
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.datastructures import MultiDict

from webapp import create_app
from webapp.openapi import spec

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
READ: set[str] = set()  # names the app read from a request's query string


class RecordingArgs(MultiDict):
    """Query arguments that note each name the app reads (but not ones it dropped first)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dropped: set[str] = set()

    def _note(self, key: str) -> None:
        if key not in self.dropped:
            READ.add(key)

    def get(self, key, default=None, type=None):
        self._note(key)
        return super().get(key, default, type)

    def getlist(self, key, type=None):
        self._note(key)
        return super().getlist(key, type)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)

    def pop(self, key, *default):
        self.dropped.add(key)
        return super().pop(key, *default)

    def copy(self):
        return type(self)(self)


class RecordingRequest(Request):
    parameter_storage_class = RecordingArgs


@pytest.fixture
def recording_app(built_index, engine_name) -> Iterator[Flask]:
    """The app over the shared index, noting which query arguments it reads."""
    application = create_app({"TESTING": True, "INDEX_DIR": built_index, "BACKEND": engine_name})
    application.request_class = RecordingRequest
    yield application
    application.extensions["newsindex"].close()


@pytest.fixture
def schema(app: Flask):
    """The description as schemathesis loads it from the running app."""
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


def _parameters(path: str, where: str = "query") -> dict[str, dict[str, Any]]:
    """The documented parameters of GET `path`, by name."""
    params = spec()["paths"][path]["get"].get("parameters", [])
    return {p["name"]: p for p in params if p["in"] == where}


def _example(param: dict[str, Any]) -> list[str]:
    """A valid value for a documented parameter, as query-string values."""
    schema = param["schema"]
    if "enum" in schema:
        return [schema["enum"][-1]]
    if schema["type"] == "integer":
        return ["1"]
    if schema["type"] == "array":
        return ["Reuters"]
    known = {"from": ["2024"], "to": ["2025-12-31"], "indexed_after": ["2020-01-01T00:00:00Z"]}
    return known.get(param["name"], ["tiktok"])


def test_the_description_is_served_and_is_valid_openapi(client, schema):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.get_json()["openapi"].startswith("3.1")
    schema.validate()  # against the OpenAPI 3.1 meta-schema
    fuzzed = {result.ok().path for result in schema.get_all_operations()}
    assert fuzzed == set(spec()["paths"]) - {"/api/openapi.json"}  # not its own document


def test_the_description_needs_no_index(empty_app):
    response = empty_app.test_client().get("/api/openapi.json")
    assert response.status_code == 200
    assert response.get_json()["paths"]


def test_every_json_route_is_described(app):
    routes = {
        rule.rule.replace("<path:article_id>", "{id}")
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/")
    }
    assert routes == set(spec()["paths"])


@pytest.mark.parametrize(
    "path", ["/api/search", "/api/search.csv", "/api/search.jsonl", "/api/chart.csv"]
)
def test_every_argument_the_app_reads_is_described_and_no_other(recording_app, path):
    documented = _parameters(path)
    query = [(name, value) for name, p in documented.items() for value in _example(p)]
    client = recording_app.test_client()
    READ.clear()
    for args in ([], query):
        response = client.get(path, query_string=query if args else None)
        body = response.get_data(as_text=True)  # also ends a streamed CSV
        if args and response.status_code == 400 and "cannot draw random samples" in body:
            # An engine without samples reads `sample` and says so; the rest is read without.
            response = client.get(path, query_string=[p for p in query if p[0] != "sample"])
            body = response.get_data(as_text=True)
        assert response.status_code == 200, body
    assert READ == set(documented), f"read: {sorted(READ)}; described: {sorted(documented)}"


def test_article_path_parameter_is_described():
    assert set(_parameters("/api/articles/{id}", "path")) == {"id"}


REQUESTS = [
    ("/api/search", {}),
    ("/api/search", {"q": "tiktok refugees", "per_page": 3}),
    ("/api/search", {"q": "tiktok", "chart": "source", "count": "stories", "group": "none"}),
    ("/api/search", {"q": "tiktk"}),  # suggestion
    ("/api/search", {"q": "rednote", "aliases": "1", "source": ["Reuters", "CGTN"]}),
    ("/api/search", {"from": "2025-01", "to": "2025", "sort": "newest"}),
    ("/api/search", {"q": '"tiktok'}),  # 400 with a suggestion
    ("/api/search", {"sort": "sideways"}),
    ("/api/search", {"page": 999}),
    ("/api/search", {"format": "csv", "q": "tiktok"}),
    ("/api/search", {"format": "xml"}),
    ("/api/search.csv", {"q": "tiktok"}),
    ("/api/search.csv", {"from": "2025-99"}),
    ("/api/search.jsonl", {"q": "tiktok", "source": "Reuters"}),
    ("/api/search.jsonl", {"q": '"tiktok'}),
    ("/api/chart.csv", {"q": "tiktok", "chart": "source"}),
    ("/api/chart.csv", {"per_page": 0}),
    ("/api/openapi.json", {}),
]


@pytest.mark.parametrize(("path", "query"), REQUESTS)
def test_real_responses_conform_to_the_description(schema, path, query):
    case = schema[path]["GET"].Case(query=query)
    response = case.call()
    case.validate_response(response, checks=CHECKS)


def test_real_article_responses_conform_to_the_description(client, schema):
    hits = client.get("/api/search?group=none&per_page=100").get_json()["hits"]
    ids = [hit["id"] for hit in hits]
    operation = schema["/api/articles/{id}"]["GET"]
    for article_id in [*ids, "no-such-article"]:
        case = operation.Case(path_parameters={"id": article_id})
        case.validate_response(case.call(), checks=CHECKS)


def test_every_field_of_a_response_is_described(client):
    """The described fields are exactly those the app sends (additions need a description)."""
    components = spec()["components"]["schemas"]
    data = client.get("/api/search?q=tiktok&group=story").get_json()
    assert list(data) == components["SearchResults"]["required"]
    assert set(data) == set(components["SearchResults"]["properties"])
    hit = next(h for h in data["hits"] if h["copies"])
    assert set(hit) == set(components["Hit"]["properties"]) == set(components["Hit"]["required"])
    copy_schema = components["Hit"]["properties"]["copies"]["items"]
    assert set(hit["copies"][0]) == set(copy_schema["properties"])
    facets = components["SearchResults"]["properties"]["facets"]["properties"]
    assert set(data["facets"]) == set(facets)
    article = client.get(f"/api/articles/{hit['id']}").get_json()
    assert set(article) == set(components["Article"]["properties"])
    error = client.get("/api/search?sort=sideways").get_json()
    assert set(error) <= set(components["Error"]["properties"])


@pytest.mark.slow
def test_an_index_missing_answer_conforms(empty_app):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", empty_app)
    case = schema["/api/search"]["GET"].Case(query={"q": "tiktok"})
    response = case.call()
    assert response.status_code == 503
    case.validate_response(response, checks=CHECKS[1:])


def test_the_help_page_links_the_description(client):
    assert 'href="/api/openapi.json"' in client.get("/help").get_data(as_text=True)
