"""A third check set of saved HTML pages, written before the normaliser was read for it.

The pages under `tests/data/pages/fresh3/` are invented stories in the markup of large news
organisations: a public broadcaster's `data-testid` byline block with a role and a relative
`<time>`, a broadsheet's `article:author` profile URL and its live blog, a paper of record's
`byl` and "Reporting from" line, a JSON-LD `author` array with `dateModified`, a cable site's
`Updated … EST` div, wire pages with `By` and linked (or upper-case) names, an Organization
author beside a person, German `Von X, Y und Z`, French `Publié le … modifié le …`, a Spanish
place (`Madrid -`), Italian `di`, Japanese, Korean `입력`/`업데이트`, Hong Kong and Indian
(`IST`) bylines, an Australian and a US TV station's UTC stamps on the next day, an agency
byline, a magazine dek, `citation_*` meta with a later print date, and a Medium custom domain.
Each is read as `newsindex rebuild` reads a `.html` file.

First run, before any rule was changed (right / wrong / none of 24):
title 24 / 0 / 0, byline 22 / 2 / 0, date 22 / 2 / 0. Wrong were: bylines keeping the site
named as an Organization beside the Person authors of a JSON-LD `author` array (Al Jazeera-
and Spiegel-like); and two dates taken from a UTC `datePublished` / `article:published_time` on
the wrong side of midnight: a cable site's evening story (`01:30Z` next day; the page shows
`EST` and its URL the day before) and a Spanish story published at `00:20 CET` (`23:20Z` the day
before; its URL and the visible `12 mar 2024` say the local day).

After the general gaps were fixed: title 24 / 0 / 0, byline 22 / 2 / 0, date 24 / 0 / 0. The
dates: an update shown under the headline on the day before a UTC publication stamp's day puts
the publication on that day (no story is updated before it is published), and a day shown under
the headline that the page's address states too counts even where the update fell on it (an
address is dated on publication). Dropping the site's own Organization beside JSON-LD Person
authors cost the shared saved-HTML byline figures (their gold keeps such credits), so those two
bylines stay strict expected failures naming their gap; a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.freshcheck import assert_complete, cases, check, load_truth

FRESH3 = Path(__file__).resolve().parent / "data" / "pages" / "fresh3"
TRUTH = load_truth(FRESH3)

# (page, field) -> the general gap it shows, for fields the normaliser still reads wrong.
KNOWN: dict[tuple[str, str], str] = {
    ("aljazeera-org.html", "byline"): (
        "the site's own Organization listed beside the Person authors of a JSON-LD `author` "
        "array is kept in the byline; the shared gold keeps such site credits beside people "
        "(dropping it cost a development byline), so the rule was not kept"
    ),
    ("spiegel-von.html", "byline"): (
        "the same: a German magazine's JSON-LD lists the magazine as an Organization after "
        "its three Person authors, and it is kept as a fourth name"
    ),
}


def test_every_fresh3_page_has_its_truth() -> None:
    assert_complete(FRESH3, TRUTH, "*.html")


@pytest.mark.parametrize(("name", "field"), cases(TRUTH, KNOWN))
def test_fresh3_page_field(name: str, field: str) -> None:
    check(FRESH3, TRUTH, name, field)
