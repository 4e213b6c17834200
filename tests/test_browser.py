"""What a person does on the page, in headless Chromium against `newsindex serve`."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.pipeline import build_index

from .conftest import ARTICLES, SEEDS, serving

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

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

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, engine_name: str) -> Iterator[str]:
    """`newsindex serve` (waitress) over seeds and test articles, on a free port."""
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(ARTICLES, root / "articles")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        build_index(["seeds", "articles"], root / "index", backend=engine_name)
    finally:
        os.chdir(cwd)
    with serving(root / "index", NEWSINDEX_BACKEND=engine_name) as url:
        yield url


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


def test_search_two_sources_and_article(page, server):
    page.goto(server + "/")
    page.get_by_label("Search the news archive").fill("TikTok refugees")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/?q=TikTok+refugees")
    # Five articles, four stories: the Reuters story and its portal copy are one result.
    assert page.locator("#result-count strong.total").inner_text() == "5"
    assert page.locator("li.hit").count() == 4
    assert page.locator("li.hit mark").count() >= 4
    copies = page.locator("details.copies")
    assert copies.count() == 1
    copies.locator("summary").click()
    assert copies.get_by_role("link", name="Global Banking & Finance Review").is_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search-tiktok-refugees.png"), full_page=True)

    sources = page.locator("#facet-source + ul li")
    names = sources.locator(".facet-value").all_inner_texts()
    counts = sources.locator(".facet-count").all_inner_texts()
    assert {"Reuters", "CGTN", "Bloomberg", "Xinhua"} <= set(names)
    page.locator("#facet-source + ul a", has_text="Reuters").click()
    page.wait_for_load_state()
    page.locator("#facet-source + ul a", has_text="Xinhua").click()
    page.wait_for_load_state()
    assert page.locator(".chip").count() == 2
    selected = page.locator("#facet-source + ul li.selected .facet-value").all_inner_texts()
    assert sorted(selected) == ["Reuters", "Xinhua"]
    # Both selected sources keep their counts, and the other sources stay listed.
    after = dict(
        zip(
            page.locator("#facet-source + ul .facet-value").all_inner_texts(),
            page.locator("#facet-source + ul .facet-count").all_inner_texts(),
            strict=True,
        )
    )
    assert after == dict(zip(names, counts, strict=True))
    assert page.locator("#result-count strong.total").inner_text() == str(
        int(after["Reuters"]) + int(after["Xinhua"])
    )
    assert page.locator("li.hit").count() == 2  # the Reuters story (two copies) and Xinhua

    page.locator("li.hit h2 a").first.click()
    page.wait_for_load_state()
    assert page.locator("article.article h1").is_visible()
    assert page.locator("article.article mark").count() >= 1
    assert page.get_by_text("More like this").is_visible()
    assert page.get_by_text("This article as JSON").is_visible()
    assert page.console_errors == []


def test_chart_bar_narrows_to_its_period(page, server):
    page.goto(server + "/?q=cocoa+OR+trams+OR+tiktok+OR+port")
    total = int(page.locator("#result-count strong.total").inner_text().replace(",", ""))
    bars = page.locator("svg a.bar-link")
    assert bars.count() >= 2
    bars.first.click()
    page.wait_for_load_state()
    assert "from=" in page.url and "to=" in page.url
    narrowed = int(page.locator("#result-count strong.total").inner_text().replace(",", ""))
    assert 0 < narrowed < total
    assert page.locator(".chip", has_text="Dates").count() == 1
    assert page.console_errors == []


def test_did_you_mean_and_csv_download(page, server):
    page.goto(server + "/?q=refugess")
    page.get_by_role("link", name="refugees").click()
    page.wait_for_load_state()
    assert "q=refugees" in page.url
    assert page.locator("li.hit").count() >= 4
    with page.expect_download() as info:
        page.get_by_role("link", name="Download every match as CSV").click()
    lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,title,source,publisher,date")
    assert len(lines) == 1 + int(page.locator("#result-count strong.total").inner_text())
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
    page.get_by_role("link", name='"tiktok ban"').click()
    page.wait_for_load_state()
    assert page.locator("li.hit").count() >= 1


def test_keyboard_reaches_search_and_facets(page, server):
    page.goto(server + "/?q=tiktok")
    for _ in range(4):  # skip to the results, skip to the filters, the brand, the search box
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.facet') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('.facet') !== null")


def test_two_key_presses_reach_the_first_result(page, server):
    """Issue 14: a skip link first, so the first result is two presses away, not 62."""
    page.goto(server + "/?q=cocoa")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert skip == "Skip to the results"
    assert page.locator(".skip-link").first.is_visible()  # shown when focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('li.hit h2') !== null")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert href == page.locator("li.hit h2 a").first.get_attribute("href")


def test_readable_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(server + "/?q=TikTok")
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "search-phone.png"))
    context.close()
