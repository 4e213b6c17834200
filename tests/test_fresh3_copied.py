"""A third check set of copied pages: title, byline and date against an editor's.

The pages under `tests/data/copied/fresh3/` were written after the first two sets had been
fixed, to say again how the normaliser reads pages it has never seen. This set is about how
copied text gets messy: a mobile line holding byline, date and reading time, an audio player
over the story, a paywall cut-off, a print view, a forwarded email newsletter, an aggregator
republishing a wire story, a tabloid's all-caps kickers, a headline repeated in a breadcrumb and
a share text, a wire dateline as the only date, an `Updated`-first stamp, a US numeric date, a
table of contents, an embedded post with its own date, reader comments, a correction over the
headline, an opinion piece signed only in its foot bio, wire credits with roles, a translation,
a video page, photo captions with credits, and pages in Catalan, Slovak (dotted date), Croatian,
Lithuanian, Persian (solar calendar), Urdu, Thai (Buddhist era), Bengali, Malay and Swahili.
Each is read as `newsindex rebuild` reads a `.txt` file.

First run, before any rule was changed for it (right / wrong / none of 30):
title 25 / 5 / 0, byline 25 / 2 / 3, date 23 / 0 / 7.

A field still read wrong is marked `xfail(strict=True)` with the gap it shows, so the suite
stays green and a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.freshcheck import assert_complete, cases, check, load_truth

FRESH3 = Path(__file__).resolve().parent / "data" / "copied" / "fresh3"
TRUTH = load_truth(FRESH3)

# (page, field) -> the general gap it shows, for fields the normaliser still reads wrong.
KNOWN: dict[tuple[str, str], str] = {
    ("aggregator-wire.txt", "byline"): (
        "an aggregator's `Source: <agency>` line names the only credit; it is not read as one"
    ),
    ("bn-news.txt", "title"): (
        "a Bengali headline (no full stop) is passed over for the lead, which ends in a dari `।`"
    ),
    ("bn-news.txt", "date"): "a date in Bengali digits and month names is not read",
    ("fa-news.txt", "byline"): "a Persian `خبرنگار:` (reporter) credit at the foot is not read",
    ("fa-news.txt", "date"): "a Persian solar-calendar date in Persian digits is not read",
    ("hr-portal.txt", "title"): (
        "a Croatian `Autor:`/`Objavljeno:` header under the headline is not seen as the "
        "story's head, so the lead is taken for the headline"
    ),
    ("hr-portal.txt", "date"): "a Croatian date (`3. travnja 2024.`, genitive month) is not read",
    ("ms-news.txt", "date"): "a Malay date (`Mac 5, 2024 @ 11:02am`) is not read",
    ("newsletter-forward.txt", "title"): (
        "a forwarded newsletter: its name in capitals over the issue date is taken for the headline"
    ),
    ("sw-news.txt", "byline"): "the Swahili byline word `Na` (by) is kept as part of the name",
    ("sw-news.txt", "date"): "a Swahili date (`Jumatatu, Machi 11, 2024`) is not read",
    ("tabloid-exclusive.txt", "byline"): (
        "a tabloid's all-caps kicker (`STAR'S ORDEAL`) just over the byline is taken for a name"
    ),
    (
        "th-news.txt",
        "title",
    ): "a Thai date stamp (`4 มี.ค. 2567 09:15 น.`) is taken for the headline",
    ("th-news.txt", "byline"): "a Thai `ผู้เขียน:` (writer) credit is not read",
    ("th-news.txt", "date"): "a Thai Buddhist-era date with abbreviated month is not read",
    ("ur-news.txt", "date"): "an Urdu `شائع` (published) date with Urdu month names is not read",
    ("video-page.txt", "title"): (
        "a video page: the clip's running time under the headline hides the headline, and the "
        "lead is taken"
    ),
}


def test_every_fresh3_page_has_its_truth() -> None:
    assert_complete(FRESH3, TRUTH)


@pytest.mark.parametrize(("name", "field"), cases(TRUTH, KNOWN))
def test_fresh3_page_field(name: str, field: str) -> None:
    check(FRESH3, TRUTH, name, field)
