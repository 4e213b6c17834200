"""What a person does on the page, in headless Chromium against `newsindex serve`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.pipeline import build_index

from .conftest import ARTICLES, SEEDS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`newsindex serve` (waitress) over seeds and test articles, on a free port."""
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(ARTICLES, root / "articles")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        build_index(["seeds", "articles"], root / "index")
    finally:
        os.chdir(cwd)
    port = _free_port()
    env = {**os.environ, "NEWSINDEX_INDEX_DIR": str(root / "index")}
    script = Path(sys.executable).parent / "newsindex"
    proc = subprocess.Popen(
        [str(script), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/api/search?q=x", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (it cannot download its own browsers here)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: `apt-get install chromium` (make test does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda msg: msg.type == "error" and tab.console_errors.append(msg.text))
    tab.on("pageerror", lambda exc: tab.console_errors.append(str(exc)))
    yield tab
    context.close()


def test_search_facet_and_article(page, server):
    page.goto(server + "/")
    page.get_by_label("Search the news archive").fill("TikTok refugees")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/?q=TikTok+refugees")
    hits = page.locator("li.hit")
    assert hits.count() == 5
    assert page.locator("li.hit mark").count() >= 5
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search-tiktok-refugees.png"), full_page=True)

    source_links = page.locator("#facet-source + ul a")
    assert source_links.count() >= 2
    first = source_links.nth(0)
    name = first.locator(".facet-value").inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.locator(f'.chip:has-text("{name}")').count() == 1
    narrowed = page.locator("li.hit").count()
    assert 1 <= narrowed < 5
    # The other sources stay listed with their counts so a second one can be added.
    assert page.locator("#facet-source + ul li").count() >= 2

    page.locator("li.hit h2 a").first.click()
    page.wait_for_load_state()
    assert page.locator("article.article h1").is_visible()
    assert page.locator("article.article mark").count() >= 1
    page.get_by_text("This article as JSON").is_visible()
    assert page.console_errors == []


def test_paging_and_bad_query(page, server):
    page.goto(server + "/?per_page=3")
    assert page.locator("li.hit").count() == 3
    page.get_by_role("link", name="Next →").click()
    page.wait_for_load_state()
    assert "page=2" in page.url
    assert page.console_errors == []
    # The 400 page itself is logged by Chromium as a failed load; the page must still explain.
    page.goto(server + '/?q="tiktok ban')
    assert "Unbalanced quote" in page.locator(".error .message").inner_text()
    assert page.get_by_label("Search the news archive").input_value() == '"tiktok ban'


def test_readable_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(server + "/?q=TikTok")
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    tab.screenshot(path=str(SCREENSHOTS / "search-phone.png"))
    context.close()
