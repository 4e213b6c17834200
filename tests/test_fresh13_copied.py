"""A thirteenth check set of copied pages: title, byline and date against an editor's.

The pages under `tests/data/copied/fresh13/` were written, truth first, before the normaliser was
run on them, from kinds of publisher the earlier sets did not stress: a Japanese national daily
(`2026年11月3日 18時05分` with its update in brackets, a breaking-news ticker dated the next day,
a paywall cut), a Korean broadcaster's TV report (`[단독]`, `입력` and `수정`, anchor and report
cues, camera credits), a Chinese portal (`2026-11-03 08:15`, `来源：`, `作者：`, `责任编辑：`), a
Hebrew regional story (right to left, `עודכן:`), an Arabic sports story (`دبي - name`,
`نشر في:` and `آخر تحديث:`), a Greek regional paper (`Γράφει ο`, a masthead carrying the day),
a Czech regional paper (an all-caps section label, `Autor:` at the foot), a Dutch regional paper
with two writers and `Beluister dit artikel`, a Norwegian regional paper (a journalist and a
photographer over `Publisert:` and `Oppdatert:`), a Spanish fact-check with a claim and rating
box, a radio station's news page (`By … | Nov 3, 2026 | 7:42 AM`, a submitted photo credit), a
city council's news flash (`Posted on:`, a media contact, no writer), a weekly's police log
(`Compiled by … staff`, days of entries), an `OPINION` column with the columnist's bio and
reader comments stamped `3 hours ago`, a broadsheet's news obituary with a life span, an
election-night live page (three writers, `Updated` over `Published`, timed entries over
midnight), an archived story (`This article is more than 5 years old`, `Last modified on`), a
business story with `Published … Updated …` across midnight and `Listen to this article · 5
min`, a newspaper recipe feature (photography and styling credits, a food editor's bio), and an
AP soccer roundup on a member paper (`By NAME AP Sports Writer`, `Updated 2 hrs ago`). Each is
read as `newsindex rebuild` reads a `.txt` file.

First run, before any rule was changed for it (right / wrong / none of 20):
title 19 / 1 / 0, byline 14 / 1 / 5, date 20 / 0 / 0 (no wrong date).

After the fourteenth round's rules for its gaps (a CJK writer's label on a line of its own, a
teaser's `By` line in a link box under an unsigned story, two writers a Dutch page joins with
`en`, an Arabic city and dash before the name, a name run into its job in sentence case, a
Japanese writer's box at the foot): title 19 / 1 / 0, byline 20 / 0 / 0, date 20 / 0 / 0. The
title left is a Korean kind label (`[단독]`) the headline reader cuts on purpose (see KNOWN).

A field still read wrong is marked `xfail(strict=True)` with the gap it shows, so the suite
stays green and a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.freshcheck import assert_complete, cases, check, load_truth

FRESH13 = Path(__file__).resolve().parent / "data" / "copied" / "fresh13"
TRUTH = load_truth(FRESH13)

# (page, field) -> the general gap it shows, for fields the normaliser still reads wrong.
KNOWN: dict[tuple[str, str], str] = {
    ("ko-broadcaster-bus-strike.txt", "title"): (
        "a bracketed Korean kind label (`[단독]`) is cut from the headline on purpose (fresh9's"
        " blind truth drops it, this one keeps it; no shared gold shows such a label)"
    ),
}


def test_every_fresh13_page_has_its_truth() -> None:
    assert_complete(FRESH13, TRUTH)


@pytest.mark.parametrize(("name", "field"), cases(TRUTH, KNOWN))
def test_fresh13_page_field(name: str, field: str) -> None:
    check(FRESH13, TRUTH, name, field)
