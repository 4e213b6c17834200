"""Exposure and overload on the real app: headers, allowed hosts, feed links, caps, busy 503s."""

from __future__ import annotations

import os
import re
import shutil
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from indexer.pipeline import build_index
from webapp import create_app, protect
from webapp.search import MAX_FACET_VALUES, MAX_PARAMETERS

from .conftest import SEEDS, close_app

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

ATOM = "{http://www.w3.org/2005/Atom}"

# Item 14: the headers every answer carries, whatever its kind or status.


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?q=tiktok",
        "/help",
        "/api/search?q=tiktok",
        "/api/search.csv?q=tiktok",
        "/feed.atom",
        "/static/style.css",
        "/api/openapi.json",
        "/no/such/page",
        "/api/search?sort=sideways",
    ],
)
def test_every_answer_carries_the_security_headers(client, path):
    with client.get(path) as response:
        headers = response.headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cache-Control"]
    if response.status_code >= 400:
        assert headers["Cache-Control"] == "no-store"


def test_the_page_loads_nothing_the_policy_forbids(client):
    html = client.get("/?q=tiktok").get_data(as_text=True)
    assert "<script" not in html and "<style" not in html  # inline code would be blocked
    # Style attributes (allowed by style-src-attr) carry only the chart's computed numbers.
    styles = re.findall(r' style="([^"]*)"', html)
    assert styles, "the chart places its bars with style attributes"
    for style in styles:
        assert re.fullmatch(r"(\s*[-a-z]+: [-0-9.]+(px|%)?;?)+", style), style
    assert 'href="http' not in html.split("<body", 1)[1].split("</header>", 1)[0]


# Item 14: only allowed Host headers are answered (DNS rebinding).


@pytest.mark.parametrize("path", ["/", "/api/search?q=tiktok", "/feed.atom"])
def test_a_foreign_host_gets_a_400_that_says_what_to_set(client, path):
    response = client.get(path, headers={"Host": "attacker.example"})
    assert response.status_code == 400
    assert "ALLOWED_HOSTS" in response.get_data(as_text=True)
    assert "attacker.example" in response.get_data(as_text=True)


@pytest.mark.parametrize("host", ["localhost", "localhost:5000", "127.0.0.1:8080", "[::1]:5000"])
def test_localhost_is_allowed_by_default(client, host):
    assert client.get("/api/search?q=tiktok", headers={"Host": host}).status_code == 200


@pytest.fixture
def public_app(built_index: Path, engine_name: str) -> Iterator[Flask]:
    """The app as configured for a public name behind a proxy."""
    app = create_app(
        {
            "TESTING": True,
            "INDEX_DIR": built_index,
            "BACKEND": engine_name,
            "ALLOWED_HOSTS": "news.example.org, .archive.example.org",
            "BASE_URL": "https://news.example.org/",
        }
    )
    yield app
    close_app(app)


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("news.example.org", 200),
        ("NEWS.example.org:443", 200),
        ("archive.example.org", 200),
        ("eu.archive.example.org", 200),
        ("localhost", 400),
        ("evil-news.example.org", 400),
        ("news.example.org.attacker.example", 400),
    ],
)
def test_allowed_hosts_come_from_the_setting(public_app, host, status):
    response = public_app.test_client().get("/api/search?q=tiktok", headers={"Host": host})
    assert response.status_code == status


def test_default_hosts_follow_the_bound_address():
    assert protect.default_hosts("10.0.0.5") == ["localhost", "127.0.0.1", "::1", "10.0.0.5"]
    everywhere = protect.default_hosts("0.0.0.0")
    assert protect.host_allowed("192.168.1.20:5000", everywhere)  # an address typed as such
    assert not protect.host_allowed("rebind.attacker.example", everywhere)


def _feed_links(xml: str) -> list[str]:
    """Every id and href of an Atom feed."""
    root = ET.fromstring(xml)
    ids = [el.text or "" for el in root.iter(f"{ATOM}id")]
    hrefs = [el.get("href", "") for el in root.iter(f"{ATOM}link")]
    return ids + hrefs


def test_feed_links_are_built_from_base_url_not_from_the_host(public_app):
    client = public_app.test_client()
    response = client.get("/feed.atom?q=tiktok", headers={"Host": "eu.archive.example.org"})
    assert response.status_code == 200
    links = _feed_links(response.get_data(as_text=True))
    assert len(links) > 4
    assert all(link.startswith("https://news.example.org/") for link in links), links
    assert any(link.startswith("https://news.example.org/article/") for link in links)


def test_a_forged_host_never_reaches_the_feed(built_index, engine_name):
    app = create_app(
        {"TESTING": True, "INDEX_DIR": built_index, "ALLOWED_HOSTS": ["*"], "BACKEND": engine_name}
    )
    try:
        xml = app.test_client().get("/feed.atom", headers={"Host": "attacker.example"}).text
    finally:
        close_app(app)
    assert "attacker.example" not in xml
    assert all(link.startswith("http://localhost/") for link in _feed_links(xml))


# Item 11: repeated filter values are capped.


def test_many_values_of_one_facet_are_a_400_on_the_page_and_the_api(client):
    query = "&".join(f"source=s{n}" for n in range(MAX_FACET_VALUES + 1))
    page = client.get("/?q=tiktok&" + query)
    assert page.status_code == 400
    assert f"Too many source values ({MAX_FACET_VALUES + 1})" in page.text
    assert len(page.data) < 50_000  # the error page does not list every value back
    api = client.get("/api/search?" + query)
    assert api.status_code == 400
    assert api.json["error"].startswith("Too many source values")
    assert client.get("/api/search.csv?" + query).status_code == 400
    assert client.get("/feed.atom?" + query).status_code == 400


def test_the_cap_leaves_a_full_selection_alone(client):
    query = "&".join(f"source=s{n}" for n in range(MAX_FACET_VALUES - 1)) + "&source=Reuters"
    response = client.get("/api/search?q=tiktok&" + query)
    assert response.status_code == 200
    assert len(response.json["filters"]["source"]) == MAX_FACET_VALUES


def test_too_many_parameters_are_a_400(client):
    query = "&".join(f"x{n}=1" for n in range(MAX_PARAMETERS + 1))
    response = client.get("/api/search?q=tiktok&" + query)
    assert response.status_code == 400
    assert f"at most {MAX_PARAMETERS}" in response.json["error"]


# Item 13: a saturated process answers 503 with Retry-After at once.


@pytest.fixture
def small_app(built_index: Path, engine_name: str) -> Iterator[Flask]:
    """The app allowed one request at work and one waiting for at most 0.2 s."""
    app = create_app(
        {
            "TESTING": True,
            "INDEX_DIR": built_index,
            "BACKEND": engine_name,
            "MAX_ACTIVE": 1,
            "MAX_QUEUE": 1,
            "QUEUE_TIMEOUT": 0.2,
        }
    )
    yield app
    close_app(app)


def test_a_busy_process_answers_503_with_retry_after(small_app):
    client = small_app.test_client()
    gate = protect.gate(small_app)
    assert gate.enter()  # another request is at work
    try:
        api = client.get("/api/search?q=tiktok")
        page = client.get("/?q=tiktok")
        with client.get("/static/style.css") as static:
            assert static.status_code == 200  # files are never refused as busy
    finally:
        gate.leave()
    assert api.status_code == 503
    assert api.headers["Retry-After"] == "1"
    assert api.json == {
        "ok": False,
        "status": 503,
        "error": "The server is busy answering other searches; try again in a moment.",
    }
    assert page.status_code == 503 and page.headers["Retry-After"] == "1"
    assert "The server is busy" in page.text
    assert client.get("/api/search?q=tiktok").status_code == 200  # the place is free again


def test_a_full_queue_answers_at_once_and_a_waiting_request_gets_the_place(small_app):
    gate = protect.gate(small_app)
    assert gate.enter()
    statuses: list[int] = []
    waiting = threading.Thread(
        target=lambda: statuses.append(small_app.test_client().get("/api/search").status_code)
    )
    waiting.start()
    while not gate.waiting:  # the thread's request now waits for the place
        threading.Event().wait(0.01)
    assert small_app.test_client().get("/api/search").status_code == 503  # queue of 1 is full
    gate.leave()
    waiting.join()
    assert statuses == [200]


def test_a_request_that_would_wait_too_long_is_refused_without_waiting():
    gate = protect.BusyGate(active=1, queued=10, timeout=3600)
    assert gate.enter()
    gate.leave(seconds=1e6)  # requests have been taking far longer than the hour allowed
    assert gate.enter()
    assert not gate.enter()  # refused now, not after an hour in the queue
    assert gate.waiting == 0
    gate.leave(seconds=0.01)


# Item 15: no absolute paths on pages or in 503s.


def test_a_missing_index_503_shows_the_index_folder_relative(empty_app, tmp_path):
    client = empty_app.test_client()
    for path in ("/", "/api/search"):
        response = client.get(path)
        assert response.status_code == 503
        assert str(tmp_path) not in response.text
        assert "index" in response.text


def test_pages_show_files_indexed_by_absolute_path_relatively(tmp_path, monkeypatch, engine_name):
    folder = tmp_path / "archive" / "seeds"
    shutil.copytree(SEEDS, folder)
    build_index([os.fspath(folder)], tmp_path / "index", backend=engine_name)  # absolute labels
    monkeypatch.chdir(tmp_path)
    app = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "index", "BACKEND": engine_name})
    try:
        client = app.test_client()
        page = client.get("/?q=tiktok").text
        article_id = client.get("/api/search?q=tiktok").json["hits"][0]["id"]
        article = client.get(f"/article/{article_id}").text
    finally:
        close_app(app)
    for html in (page, article):
        assert str(tmp_path) not in html
        assert "archive/seeds/0" in html
