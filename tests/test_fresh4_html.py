"""A fourth check set of saved HTML pages, written before the normaliser was read for it.

The pages under `tests/data/pages/fresh4/` are invented stories in markup the first three sets
lack: a WordPress news theme (`rel="author"`, `entry-date published` beside `updated`, a date
bar in the masthead), a Drupal `field--name-field-byline` under a `Submitted by` line naming
the CMS user, Arc XP-like JSON-LD authors with `url` and `sameAs`, Brightspot, Ghost (Casper),
Substack, Blogger (the blog's name in the `<h1>`, the post's in an `<h3>`), a TYPO3 municipal
news item, Joomla's `createdby`/`published` list, a Chinese portal's `publishdate` meta and
`作者：`, a Russian story stamped `01:15+03:00`, a Brazilian `Por X, p1 SP`, Polish `Autor:`,
Turkish `Muhabir:`, AMP, a newswire press release, a radio story with a reporter and a host
(JSON-LD `name` as a list), a podcast episode, a photo gallery (`ImageGallery`), an opinion
column with a `Columnist` label, a story with a correction note, microdata only, an SEO `<title>`
and og:title unlike the `<h1>`, and a UTC stamp on the day after the visible local date. Each
is read as `newsindex rebuild` reads a `.html` file.

First run, before any rule was changed (right / wrong / none of 24):
title 21 / 3 / 0, byline 19 / 4 / 1, date 22 / 2 / 0. The truth of the press release names the
issuing company (`News provided by`, `SOURCE`), as an agency credit is kept; it was first
written as no byline and changed after the first run, so that page counts as right here.
Wrong dates: a WordPress masthead's date bar (the day the page was saved) agreeing with the
post's `updated` stamp outvotes its `entry-date published`; and a UTC `datePublished` at
`06:30Z` read as its own day where the page shows `Published September 12, 2024 11:30 PM`
(no zone, no dated address). Wrong titles: an SEO `<title>`/og:title/JSON-LD headline taken
over a different `<h1>`; a podcast's `Ep. 87:` prefix kept from og:title and `<title>`; a
Chinese `<title>`'s `_site` suffix kept where no og:title is given. Bylines: a role after the
comma (`Local Democracy Reporter`) kept as a second name; a Chinese `评论(56)` link beside
`作者：` taken as a name; a radio story's second byline (a host) lost where JSON-LD gives
`name` as a list; a podcast's `Hosted by` not read, the series name taken instead; and no
byline read from a gallery's `Photography by` line or its `ImageGallery` JSON-LD.

After the general gaps were fixed: title 23 / 1 / 0, byline 24 / 0 / 0, date 24 / 0 / 0 (the
radio story's two bylines were already read right before this round's rules). The dates: a
`<time>` marked as the update alone (hAtom's `updated` without `published`) under the headline
neither confirms a reader's guess nor hides the `entry-date published` time beside it; and a
UTC stamp takes the day shown under the headline with a time that is that instant in some
zone, even where a related story's day is shown there too. The titles: an episode number
opening a title source (`Ep. 87: `) is no part of the headline it states. The bylines: a job
after a comma (`, Local Democracy Reporter`) goes whole; a count in brackets after a Chinese
byline's names (`评论(56)`) is no trade and no name; `Hosted by` credits a show's host; a
gallery page's `ImageGallery` JSON-LD is read where no article node is given. Still wrong:
the Chinese `<title>` with its `_site` suffix (splitting there cost the shared saved-HTML
titles, whose gold keeps it) and the SEO headline over a differently worded `<h1>`.

A field still read wrong is a strict expected failure naming its gap, so the suite stays green
and a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.freshcheck import assert_complete, cases, check, load_truth

FRESH4 = Path(__file__).resolve().parent / "data" / "pages" / "fresh4"
TRUTH = load_truth(FRESH4)

# (page, field) -> the general gap it shows, for fields the normaliser still reads wrong.
KNOWN: dict[tuple[str, str], str] = {
    ("title-differs.html", "title"): (
        "an SEO headline agreed by `<title>`, og:title and JSON-LD is taken over the visible "
        "`<h1>`, which words the story differently"
    ),
    ("zh-publishdate.html", "title"): (
        "a Chinese `<title>` joining headline and site with `_` is taken whole where no "
        "og:title is given, over the `<h1>` (the gap of the first set's `zh-portal.html`; "
        "reading `_` as a separator there cost the shared saved-HTML titles, whose gold keeps "
        "such `<title>`s whole)"
    ),
}


def test_every_fresh4_page_has_its_truth() -> None:
    assert_complete(FRESH4, TRUTH, "*.html")


@pytest.mark.parametrize(("name", "field"), cases(TRUTH, KNOWN))
def test_fresh4_page_field(name: str, field: str) -> None:
    check(FRESH4, TRUTH, name, field)
