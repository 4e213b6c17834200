"""The saved-searches page in headless Chromium against `newsindex serve`, after an update."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import DATA, run_cli, serving
from .test_a11y import AXE, SERIOUS
from .test_browser import SCREENSHOTS, browser, page  # noqa: F401 - the shared Chromium fixtures

pytestmark = [pytest.mark.browser, pytest.mark.slow]
BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

SAVED = DATA / "saved"


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, engine_name: str
) -> Iterator[tuple[str, Path]]:
    """A saved search, then an update that adds articles, then `newsindex serve`."""
    root = tmp_path_factory.mktemp(f"saved-served-{engine_name}")
    shutil.copytree(SAVED / "first", root / "corpus")
    index, saved = root / "index", root / "saved.json"
    env = {"NEWSINDEX_SAVED_SEARCHES_FILE": str(saved), "NEWSINDEX_BACKEND": engine_name}
    assert run_cli(["rebuild", "corpus"], root, index, **env).returncode == 0
    assert run_cli(["saved", "add", "cocoa", "cocoa"], root, index, **env).returncode == 0
    shutil.copytree(SAVED / "later", root / "corpus", dirs_exist_ok=True)
    assert run_cli(["update", "corpus"], root, index, **env).returncode == 0
    with serving(index, "--workers", "1", probe="/saved", **env) as url:
        yield url, root


def test_saved_page_lists_new_matches_that_open_their_articles(page, served):  # noqa: F811
    url, root = served
    # Counted another way: the new files whose text holds the word.
    new_titles = {
        json.loads(p.read_text())["title"]
        for p in (SAVED / "later").iterdir()
        if "cocoa" in p.read_text().lower()
    }
    page.goto(url + "/saved")
    search = page.locator("#saved-cocoa")
    assert search.locator(".saved-count strong").inner_text() == str(len(new_titles)) == "3"
    links = search.locator(".saved-hits a")
    assert links.count() == 3
    shown = set(links.all_inner_texts())
    assert "Cocoa prices jump on buffer stock buying" in shown
    assert len(shown) == 3 and any(t.startswith('=HYPERLINK("http://evil.example"') for t in shown)
    assert any('Cocoa & "chocolate" ]]>' in t for t in shown)  # markup dropped, text kept
    assert page.locator("script").count() == 0  # the hostile headline is text, not markup
    assert search.get_by_role("link", name="Atom feed").get_attribute("href") == "/feed/cocoa.atom"

    search.get_by_role("link", name="Cocoa prices jump on buffer stock buying").click()
    page.wait_for_load_state()
    assert page.locator("article.article h1").inner_text() == (
        "Cocoa prices jump on buffer stock buying"
    )
    assert page.locator("article.article mark").count() >= 1  # reached with the search's words

    page.goto(url + "/saved")
    page.locator("#saved-cocoa .saved-count a").click()  # the new matches as a search
    page.wait_for_load_state()
    assert page.locator("#result-count strong.total").inner_text() == "3"
    assert set(page.locator("li.hit h2 a").all_inner_texts()) == shown

    page.goto(url + "/saved")
    page.locator("#saved-cocoa").get_by_role("link", name="Open the search").click()
    page.wait_for_url("**/?q=cocoa")
    assert int(page.locator("#result-count strong.total").inner_text()) >= 3
    assert page.console_errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_saved_page_has_no_serious_accessibility_violation(browser, served, width):  # noqa: F811
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `make axe` (make test does it)")
    url, _root = served
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    assert tab.goto(url + "/saved").status == 200
    assert tab.locator(".saved-hits a").count() == 3
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"saved-{width}.png"), full_page=True)
    context.close()
    assert found == [], "\n".join(found)
