"""A fifth check set of saved HTML pages, written (truth first) before the normaliser was run.

The pages under `tests/data/pages/fresh5/` are invented stories in markup and languages the
first four sets hold few of: a `<title>`, og:title, twitter:title, JSON-LD headline and `<h1>`
that all word the story differently; meta tags only (no JSON-LD) with a masthead's date bar;
schema.org microdata only (`itemprop="headline"`, a Person `author`) under a `Site | short
headline` `<title>`; a Japanese `<time>` in UTC on the day before the JST day it shows; a German
`<time datetime>` whose text is relative (`vor 2 Stunden`); AMP; a paywalled story
(`isAccessibleForFree`, `hasPart`) with two JSON-LD authors; WordPress (Newspack) with two
co-author vcards where Yoast names one; Drupal 10's `field--name-field-author` and its default
`Fri, 05/17/2024 - 14:32`; Arc XP's `Fusion.globalContent` (`credits.by`, a UTC
`first_publish_date` on the day after the local one shown); Next.js with `__NEXT_DATA__` and no
JSON-LD (`Words by` and `Photography by`); a page whose only date is in its address; a story
after a rail of other stories with their own writers and `<time>`s; a German kicker inside the
`<h1>` with `Von … und …`; Belgian French (`Par`, `Publié le 12/06/2025 à 14:27`); Spanish
(`firma` and `lugar`, a masthead on the next day and an `Actualizado` time); Italian (`di …`
where the meta author is `Redazione`); a Japanese portal's provider credit; Taiwanese
`〔記者…／…報導〕` where the meta author is the paper; a Danish UTC `<time>` at midnight local;
TownNews BLOX (`Name | Staff Writer` in every source); a wire story whose JSON-LD gives only
`dateModified`; an organisation's own press release (JSON-LD author is the organisation); and an
opinion page whose author slot says `Guest Columnist`, the writer named in the closing bio.
Each is read as `newsindex rebuild` reads a `.html` file.

First run, before any rule was changed for it (right / wrong / none of 24):
title 21 / 3 / 0, byline 18 / 6 / 0, date 22 / 1 / 1. The truth of the press release names no
writer (an organisation issuing its own release is its publisher, not a byline, as in the first
copied set's releases); the fourth HTML set's newswire release, issued through a wire service,
names its company.

After the rules this set asked for (right / wrong / none of 24): title 24 / 0 / 0, byline
23 / 1 / 0, date 24 / 0 / 0. Still wrong: a JSON-LD author naming one of the two co-authors the
credit under the headline shows (taking the shown pair over the JSON-LD cost right bylines on
the shared benchmark, where a source's gold is the JSON-LD's names, so it was dropped).

A field still read wrong is a strict expected failure naming its gap, so the suite stays green
and a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.freshcheck import assert_complete, cases, check, load_truth

FRESH5 = Path(__file__).resolve().parent / "data" / "pages" / "fresh5"
TRUTH = load_truth(FRESH5)

# (page, field) -> the general gap it shows, for fields the normaliser still reads wrong.
KNOWN: dict[tuple[str, str], str] = {
    ("wp-coauthors-yoast.html", "byline"): (
        "a JSON-LD author (Yoast's graph) naming one of two visible co-authors (`author vcard` "
        "twice) replaces the pair"
    ),
}


def test_every_fresh5_html_page_has_its_truth() -> None:
    assert_complete(FRESH5, TRUTH, "*.html")


@pytest.mark.parametrize(("name", "field"), cases(TRUTH, KNOWN))
def test_fresh5_html_page_field(name: str, field: str) -> None:
    check(FRESH5, TRUTH, name, field)
