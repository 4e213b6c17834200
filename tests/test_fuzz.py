"""Query fuzzing with Hypothesis: whatever a client sends, the answer is never a 5xx."""

from __future__ import annotations

import importlib.util
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from webapp import create_app

from .conftest import ROOT


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
def fuzz_client(built_index):
    """One app and client for every example (Hypothesis calls the test many times)."""
    app = create_app({"TESTING": True, "INDEX_DIR": built_index})
    yield app.test_client()
    live = app.extensions.get("newsindex")
    if live is not None:
        live.close()


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
