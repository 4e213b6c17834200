"""An eleventh check set of saved HTML pages, written (truth first) before the normaliser was run.

The pages under `tests/data/pages/fresh11/` are invented stories from publishers of kinds the
earlier sets lacked: a wire story republished by a small-town WordPress paper under its own
"Wire Desk" user with an "Originally published by" footer, a film review with a star rating and
`Review` JSON-LD, a Drupal corrections notice credited only to "Herald Staff", a Ghost Q&A
explainer with two authors, a central-bank policy statement on a hand-written static site, a
student newspaper, an Arc match report with `ReportageNewsArticle` in UTC, a Substack
newsletter post, a tabloid transfer exclusive whose og:title shouts differently, and a
Medium-hosted company blog launch with a co-author; then a Turkish weather warning from a
"Haber Merkezi" desk, an Indonesian election-results story whose JSON-LD date in UTC falls on
the previous day, a Vietnamese science story signed at its foot, a Thai travel feature dated
in the Buddhist era, a Hungarian earnings story by two writers (family name first), a Romanian
translated long read crediting its translator, a Swedish county board press notice with a
contact person but no writer, a German magazine long read whose JSON-LD puts local midnight on
the day before, a Spanish hyperlocal WordPress site with dd/mm/yyyy dates, and a Brazilian AMP
page stamped late evening local and next day in UTC. Each is read as `newsindex rebuild` reads
a saved page.

First run, before any rule was changed for it (right / wrong / none of 20):
title 19 / 1 / 0, byline 16 / 3 / 1, date 18 / 2 / 0 (two wrong dates: a UTC instant given its
UTC day where the header shows the page's own, the day before: an untimed stamp after a desk's
byline link read as another story's, and a numeric `03/12/2026, 06:20 WIB` left unread, its
order open). After the gaps it showed were fixed: title 20 / 0 / 0, byline 18 / 2 / 0,
date 20 / 0 / 0, no wrong date.

A field still read wrong is marked `xfail(strict=True)` with the gap it shows, so the suite
stays green and a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.freshcheck import assert_complete, cases, check, load_truth

FRESH11 = Path(__file__).resolve().parent / "data" / "pages" / "fresh11"
TRUTH = load_truth(FRESH11)

# (page, field) -> the general gap it shows, for fields the normaliser still reads wrong.
KNOWN: dict[tuple[str, str], str] = {
    ("en-valleygazette-wire-grain-exports.html", "byline"): (
        "a wire story posted under a desk's account (`Gazette Wire Desk` in the JSON-LD and the "
        "header) whose text opens with the wire's own credit (`By Name, Agency`): taking the "
        "person credited under the headline where the byline is only a desk cost a byline of "
        "the shared check sources in saved HTML (measured, dropped)"
    ),
    ("tr-egehaberhatti-turuncu-kod-uyari.html", "byline"): (
        "a JSON-LD author of type Organization that is the site itself (the header credits "
        "only `Haber Merkezi`, the news desk) is taken as the byline; the shared golds take "
        "such an author, so the conventions conflict"
    ),
}


def test_every_fresh11_page_has_its_truth() -> None:
    assert_complete(FRESH11, TRUTH, "*.html")


@pytest.mark.parametrize(("name", "field"), cases(TRUTH, KNOWN))
def test_fresh11_page_field(name: str, field: str) -> None:
    check(FRESH11, TRUTH, name, field)
