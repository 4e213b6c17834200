"""Issue 14 in Chromium at 1280 and 390 px: paging, dates, facets, chart, article, phone."""

from __future__ import annotations

import re

import pytest

from .test_browser import SCREENSHOTS, browser, server  # noqa: F401 - fixtures

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDE, PHONE = 1280, 390


def _tab(browser, width: int):  # noqa: F811 - the fixture
    """A page at the given width that records console errors."""
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 800 else 900})
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda msg: msg.type == "error" and tab.console_errors.append(msg.text))
    tab.on("pageerror", lambda exc: tab.console_errors.append(str(exc)))
    return context, tab


def _shot(tab, name: str) -> None:
    """Save a full-page screenshot under tests/screenshots/."""
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def _contrast(rgb_a: str, rgb_b: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""

    def luminance(rgb: str) -> float:
        channels = [int(v) / 255 for v in re.findall(r"\d+", rgb)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(rgb_a), luminance(rgb_b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_page_numbers_reach_the_last_page_in_one_click(browser, server, width):  # noqa: F811
    context, tab = _tab(browser, width)
    tab.goto(server + "/?group=none&per_page=1")
    pages = int(re.search(r"of (\d+)", tab.locator(".pager-where").inner_text()).group(1))
    assert pages > 5
    tab.get_by_role("link", name=f"Page {pages}", exact=True).click()
    tab.wait_for_load_state()
    assert f"page={pages}" in tab.url
    assert tab.locator(".pager-where").inner_text() == f"Page {pages} of {pages}"
    current = tab.locator('.pager a[aria-current="page"]')
    assert current.inner_text() == str(pages)
    box = current.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    tab.get_by_role("link", name="Page 1", exact=True).click()
    tab.wait_for_load_state()
    assert "&page=" not in tab.url and "?page=" not in tab.url
    assert tab.console_errors == []
    context.close()


def test_dates_per_page_and_back_to_the_same_search(browser, server):  # noqa: F811
    context, tab = _tab(browser, WIDE)
    tab.goto(server + "/?q=tiktok&group=none")
    everything = int(tab.locator("#result-count strong.total").inner_text())
    tab.get_by_label("From", exact=True).fill("2025-01-14")
    tab.get_by_label("To", exact=True).fill("2025-01-31")
    tab.get_by_label("Per page", exact=True).select_option("25")
    tab.get_by_label("Sort", exact=True).select_option("oldest")
    tab.get_by_role("button", name="Apply").click()
    tab.wait_for_load_state()
    for part in ("from=2025-01-14", "to=2025-01-31", "per_page=25", "sort=oldest", "q=tiktok"):
        assert part in tab.url
    narrowed = int(tab.locator("#result-count strong.total").inner_text())
    assert 0 < narrowed <= everything
    assert tab.locator(".chip", has_text="Dates").count() == 1
    search_url = tab.url
    tab.locator("li.hit h2 a").first.click()
    tab.wait_for_load_state()
    tab.get_by_role("link", name="← Back to the search").click()
    tab.wait_for_load_state()
    assert sorted(tab.url.split("?")[1].split("&")) == sorted(search_url.split("?")[1].split("&"))
    assert tab.get_by_label("Per page", exact=True).input_value() == "25"
    assert tab.get_by_label("From", exact=True).input_value() == "2025-01-14"
    assert tab.console_errors == []
    context.close()


def test_a_phone_reaches_the_filters_from_the_top_and_can_tap_bars(browser, server):  # noqa: F811
    context, tab = _tab(browser, PHONE)
    tab.goto(server + "/?q=cocoa+OR+trams+OR+tiktok+OR+port+OR+wheat")
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE
    jump = tab.get_by_role("link", name=re.compile(r"^Filters"))
    box = jump.bounding_box()
    assert box["y"] + box["height"] < 844  # in the first screenful
    assert box["height"] >= 24
    filters_top = tab.locator("#filters").bounding_box()["y"]
    assert filters_top > 844  # the filters themselves come after the results
    jump.click()
    tab.wait_for_timeout(200)
    assert (
        -2 <= tab.evaluate("document.getElementById('filters').getBoundingClientRect().top") < 100
    )
    assert tab.locator("#facet-source").is_visible()
    bars = tab.locator("svg a.bar-link")
    assert bars.count() >= 2
    for n in range(bars.count()):
        bar = bars.nth(n).bounding_box()
        assert bar["width"] >= 24 and bar["height"] >= 24, bar
    tab.evaluate("window.scrollTo(0, 0)")
    _shot(tab, "issue14-search-390.png")
    bars.first.click()
    tab.wait_for_load_state()
    assert "from=" in tab.url
    assert tab.console_errors == []
    context.close()


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_chart_axis_peak_and_period_choice(browser, server, width):  # noqa: F811
    context, tab = _tab(browser, width)
    tab.goto(server + "/?q=tiktok+OR+cocoa")
    ticks = tab.locator(".chart-y .tick")
    assert ticks.count() >= 2 and ticks.first.inner_text() == "0"
    assert all(t.is_visible() for t in ticks.all())
    peak = tab.locator(".chart-peak")
    assert peak.is_visible()
    count = int(re.search(r"peak (\d+)", peak.inner_text()).group(1))
    assert ticks.last.inner_text() == str(count)
    label = re.search(r"· (\S+)$", peak.inner_text()).group(1)
    # The label stands over its bar: the bar's centre is within the label's horizontal extent.
    bar = tab.locator(f'svg a.bar-link[aria-label^="{label}:"] rect.bar').bounding_box()
    text = peak.bounding_box()
    centre = bar["x"] + bar["width"] / 2
    assert text["x"] - 1 <= centre <= text["x"] + text["width"] + 1
    assert text["y"] + text["height"] <= bar["y"] + 2
    tab.get_by_role("link", name="year", exact=True).click()
    tab.wait_for_load_state()
    assert "interval=year" in tab.url
    assert "per year" in tab.locator("#chart-caption").inner_text()
    assert tab.locator('.chart-intervals a[aria-current="true"]').inner_text() == "year"
    _shot(tab, f"issue14-chart-{width}.png")
    assert tab.console_errors == []
    context.close()


def test_all_values_of_a_facet_and_back(browser, server):  # noqa: F811
    context, tab = _tab(browser, WIDE)
    tab.goto(server + "/?facet_limit=2")
    assert tab.locator("#facet-dateline + ul li").count() == 2
    tab.get_by_role("link", name="All dateline values for this search").click()
    tab.wait_for_load_state()
    assert "/facets/dateline" in tab.url
    assert tab.locator("h1").inner_text().startswith("Dateline: 5 values")
    _shot(tab, "issue14-facet-page-1280.png")
    tab.get_by_role("link", name=re.compile("Winnipeg")).click()
    tab.wait_for_load_state()
    assert tab.locator(".chip", has_text="Dateline: Winnipeg").count() == 1
    assert tab.locator("li.hit").count() == 1
    assert tab.console_errors == []
    context.close()


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_article_page_reads_plainly(browser, server, width):  # noqa: F811
    context, tab = _tab(browser, width)
    tab.goto(server + "/?q=rednote+wary+welcome&group=none")
    # The Reuters original; the portal's copy of it took its date and byline from it.
    own_file = tab.locator("xpath=./p[@class='file']", has_text="000-reuters")
    tab.locator("li.hit").filter(has=own_file).locator("h2 a").click()
    tab.wait_for_load_state()
    fields = tab.locator("dl.fields")
    assert "taken from another copy of this story" in fields.inner_text()
    assert not re.search(r"\bfrom (copy|derived|supplied|portal-line)\b", fields.inner_text())
    for dd in fields.locator("dd").all():
        assert dd.inner_text().strip()
    assert "000-reuters-rednote-wary-welcome.txt" in fields.inner_text()
    assert "seeds/" not in fields.inner_text()
    similar = tab.locator("section.similar li a").all_inner_texts()
    assert similar and not any("wary welcome" in title for title in similar)
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    _shot(tab, f"issue14-article-{width}.png")
    assert tab.console_errors == []
    context.close()


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_focus_ring_and_field_borders_have_3_to_1_contrast(browser, server, width):  # noqa: F811
    context, tab = _tab(browser, width)
    tab.goto(server + "/?q=cocoa")
    for _ in range(4):
        tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "q"
    ring = tab.evaluate("getComputedStyle(document.activeElement).outlineColor")
    width_px = tab.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
    masthead = tab.evaluate("getComputedStyle(document.querySelector('.masthead')).backgroundColor")
    assert width_px >= 2
    assert _contrast(ring, "rgb(255, 255, 255)") >= 3 and _contrast(ring, masthead) >= 3
    border = tab.evaluate("getComputedStyle(document.getElementById('q')).borderTopColor")
    assert _contrast(border, "rgb(255, 255, 255)") >= 3 and _contrast(border, masthead) >= 3
    context.close()
