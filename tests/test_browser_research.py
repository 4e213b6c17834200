"""The research tools in Chromium against `newsindex serve`: compare, top terms, samples."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest

from indexer.pipeline import build_index

from .conftest import serving
from .research_data import RESEARCH
from .test_a11y import AXE, SERIOUS
from .test_browser import SCREENSHOTS, browser, page  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.slow]
BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)


@pytest.fixture(scope="module")
def research_server(tmp_path_factory: pytest.TempPathFactory, engine_name: str) -> Iterator[str]:
    """`newsindex serve` over the research archive, on a free port."""
    root = tmp_path_factory.mktemp(f"served-research-{engine_name}")
    shutil.copytree(RESEARCH, root / "research")
    build_index([root / "research"], root / "index", backend=engine_name)
    with serving(root / "index", NEWSINDEX_BACKEND=engine_name) as url:
        yield url


def _count(tab) -> int:
    """The number of matching articles the search page shows."""
    return int(tab.locator("#result-count strong.total").inner_text().replace(",", ""))


def test_compare_two_queries_and_follow_a_point(page, research_server):  # noqa: F811
    page.goto(research_server + "/compare")
    page.get_by_label("Query 1", exact=True).fill("cocoa")
    page.get_by_label("Query 2", exact=True).fill("coffee")
    page.get_by_label("Points per").select_option("week")
    page.get_by_label("Show").select_option("share")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_load_state()
    assert "normalize=share" in page.url and "granularity=week" in page.url
    legend = page.locator(".legend li")
    assert legend.count() == 2
    assert "cocoa" in legend.nth(0).inner_text() and "coffee" in legend.nth(1).inner_text()
    assert page.locator("svg.timeline-plot .series").count() == 2
    ticks = page.locator("svg.timeline-plot .tick-label").all_text_contents()
    assert any(t.endswith("%") for t in ticks) and "1987-03-02" in ticks
    points = page.locator('svg.timeline-plot a.point[aria-label^="cocoa"]')
    assert points.count() == 13
    # A point with matches: its label says "N of M (share%)"; following it narrows the search.
    labels = points.evaluate_all("(els) => els.map((e) => e.getAttribute('aria-label'))")
    others = page.locator('svg.timeline-plot a.point[aria-label^="coffee"]').evaluate_all(
        "(els) => els.map((e) => e.getAttribute('aria-label'))"
    )
    # A week with cocoa and without coffee: its two points lie apart, where a pointer reaches.
    chosen = next(
        n
        for n, (label, other) in enumerate(zip(labels, others, strict=True))
        if not re.search(r": 0 of", label) and re.search(r": 0 of", other)
    )
    count, everything = map(int, re.search(r": (\d+) of (\d+)", labels[chosen]).groups())
    page.screenshot(path=str(SCREENSHOTS / "research-compare.png"), full_page=True)
    points.nth(chosen).click()
    page.wait_for_load_state()
    assert "q=cocoa" in page.url and "from=" in page.url and "to=" in page.url
    assert _count(page) == count
    assert 0 < count <= everything
    assert page.console_errors == []


def test_top_terms_panel_adds_a_term_to_the_query(page, research_server):  # noqa: F811
    page.goto(research_server + "/?q=cocoa")
    before = _count(page)
    page.get_by_role("link", name="What these articles talk about").click()
    page.wait_for_load_state()
    panel = page.get_by_role("region", name="What these articles talk about")
    assert panel.is_visible()
    assert "all 15 matching articles" in panel.inner_text()
    panel.get_by_role("link", name="buffer stock", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_label("Search the news archive").input_value() == 'cocoa "buffer stock"'
    after = _count(page)
    assert 0 < after <= before
    assert page.console_errors == []


def test_draw_a_random_sample_from_the_page(page, research_server):  # noqa: F811
    page.goto(research_server + "/?q=crude+OR+coffee&group=none")
    matches = _count(page)
    page.get_by_label("Random sample of").fill("4")
    page.get_by_label("seed").fill("21")
    page.get_by_role("button", name="Draw").click()
    page.wait_for_load_state()
    assert "sample=4" in page.url and "seed=21" in page.url
    note = page.locator("#sample-note")
    assert f"A random sample of 4 of the {matches} articles" in " ".join(note.inner_text().split())
    ids = page.locator("li.hit h2 a, li.hit h3 a").evaluate_all(
        "(els) => els.map((e) => e.getAttribute('href'))"
    )
    assert len(ids) == 4
    page.reload()
    again = page.locator("li.hit h2 a, li.hit h3 a").evaluate_all(
        "(els) => els.map((e) => e.getAttribute('href'))"
    )
    assert again == ids  # the same seed, the same sample
    assert page.console_errors == []


@pytest.mark.parametrize("path", ["/compare?q=cocoa&q=coffee&normalize=share", "/?q=cocoa&terms=1"])
def test_no_serious_accessibility_violation(browser, research_server, path):  # noqa: F811
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `make axe` (make test does it)")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    assert tab.goto(research_server + path).status == 200
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]
    context.close()
    assert found == [], "\n".join(found)
