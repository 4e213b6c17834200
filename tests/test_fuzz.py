"""Query fuzzing with Hypothesis and schemathesis: whatever a client sends, never a 5xx."""

from __future__ import annotations

import importlib.util
from urllib.parse import quote

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from webapp import create_app
from webapp.openapi import spec

from .conftest import ROOT

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

pytestmark = pytest.mark.slow


def _fuzz_module():
    """bench/fuzz_api.py, whose strategies these tests share."""
    spec = importlib.util.spec_from_file_location("bench_fuzz_api", ROOT / "bench" / "fuzz_api.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fuzz_api = _fuzz_module()
FUZZ = settings(
    max_examples=60,  # bench/fuzz_api.py runs thousands
    deadline=None,  # no timing assertions: machines are noisy
    database=None,  # nothing written to the work tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def fuzz_app(built_index, engine_name):
    """One app for every example (Hypothesis calls the test many times)."""
    app = create_app({"TESTING": True, "INDEX_DIR": built_index, "BACKEND": engine_name})
    yield app
    live = app.extensions.get("newsindex")
    if live is not None:
        live.close()


@pytest.fixture(scope="module")
def fuzz_client(fuzz_app):
    """A test client of the fuzzed app."""
    return fuzz_app.test_client()


def _check(response, path: str) -> None:
    """A fuzzed response: below 500, in the right shape for its kind of path."""
    assert response.status_code < 500, (path, response.get_data(as_text=True)[:500])
    if 300 <= response.status_code < 400:  # Werkzeug's redirect for `//` in a path
        return
    if path.startswith("/api/"):
        data = response.get_json()
        assert isinstance(data, dict) and isinstance(data.get("ok"), bool), path
        if not data["ok"]:
            assert data["status"] == response.status_code and data["error"], path
    else:
        assert response.mimetype == "text/html", path


@FUZZ
@given(query=fuzz_api.query_texts())
def test_any_query_text_is_answered_below_500(fuzz_client, query):
    for path in (f"/api/search?q={quote(query)}", f"/?q={quote(query)}"):
        _check(fuzz_client.get(path), path)


@FUZZ
@given(params=fuzz_api.search_params())
def test_any_combination_of_parameters_is_answered_below_500(fuzz_client, params):
    path = "/api/search?" + fuzz_api.encode(params)
    _check(fuzz_client.get(path), path)


@FUZZ
@given(
    name=st.sampled_from(["from", "to", "page", "per_page", "facet_limit", "q"]),
    value=fuzz_api.huge_numbers(),
    path=st.sampled_from(["/api/search", "/api/search.csv", "/api/chart.csv", "/", "/feed.atom"]),
)
def test_huge_numbers_in_any_date_or_number_parameter_are_a_400(fuzz_client, name, value, path):
    params = [("q", f"cocoa {value}")] if name == "q" else [("q", "cocoa"), (name, value)]
    url = f"{path}?{fuzz_api.encode(params)}"
    response = fuzz_client.get(url)
    response.get_data()  # a CSV streams: read it all before the next request
    response.close()
    assert response.status_code < 500, url
    ignored = name in ("page", "per_page") and path in ("/api/chart.csv", "/feed.atom")
    if not ignored and (name != "q" or value.startswith("date:")):
        assert response.status_code == 400, (url, response.status_code)
        _check(response, url)  # the error's shape: JSON under /api, a page elsewhere


@FUZZ
@given(article_id=st.text(max_size=80), query=fuzz_api.query_texts())
def test_any_article_id_is_answered_below_500(fuzz_client, article_id, query):
    safe = quote(article_id, safe="")
    for path in (f"/api/articles/{safe}", f"/article/{safe}?q={quote(query)}"):
        _check(fuzz_client.get(path), path)


@FUZZ
@given(raw=st.binary(max_size=200).map(lambda b: bytes(c & 0x7F for c in b)))
def test_raw_query_strings_are_answered_below_500(fuzz_client, raw):
    # ASCII bytes as a client may send them unencoded: stray % escapes (also of invalid
    # UTF-8), NUL and control bytes, bare & and =. Bytes above 0x7F: see the next test.
    query_string = raw.decode("latin-1")  # the WSGI form of the bytes on the wire
    response = fuzz_client.get("/api/search", environ_overrides={"QUERY_STRING": query_string})
    _check(response, "/api/search?" + query_string)


@pytest.mark.parametrize("path", ["/api/search", "/"])
def test_raw_non_ascii_bytes_in_the_query_string_are_not_a_500(fuzz_client, path):
    # waitress refuses such a request line itself ("Bad URI"), but the app is a WSGI app:
    # under another server (or this test client) Werkzeug's request.args decodes the raw
    # query string as strict UTF-8 and raises UnicodeDecodeError, in the error handler too.
    response = fuzz_client.get(path, environ_overrides={"QUERY_STRING": "q=\x80\xff"})
    assert response.status_code in (200, 400)


def test_the_bench_runs_and_finds_no_5xx():
    figures = fuzz_api.run(examples=40, seed=6)
    assert figures["requests"] >= 40
    assert figures["server_errors"] == 0, figures["examples"]


# The description the app serves at /api/openapi.json (tests/test_openapi.py checks that it
# is). Loaded from the module rather than through `schemathesis.pytest.from_fixture`, whose
# lazy loader sets `Function._nodeid`, which pytest 9 no longer has; the app comes from a
# fixture at call time instead.
api = schemathesis.openapi.from_dict(spec())


@api.parametrize()
@settings(
    max_examples=50,  # per operation and phase; `bench/fuzz_api.py --schemathesis` runs more
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_schemathesis_finds_no_5xx_and_responses_match_the_description(case, fuzz_app):
    # Valid and invalid arguments (schemathesis's positive and negative modes) through the
    # real app: never a 5xx, and every answer (200, 400, 404) in its described shape.
    case.call_and_validate(
        app=fuzz_app,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
