"""A second check set of copied pages: title, byline and date against an editor's.

The pages under `tests/data/copied/fresh2/` were written after the first set had been fixed,
so that a set nobody had tuned for could say how the normaliser reads pages it has never
seen: invented stories in the layouts of regional US papers (a BLOX-style page, a Gannett-style
page), an Indian portal, Nigerian, Kenyan, Irish, Canadian, Hong Kong, Singaporean, Philippine
and Thai pages, Swiss, Austrian, French regional, Portuguese, Brazilian, Mexican, Argentine,
Ukrainian, Finnish, Norwegian, Romanian and Hungarian papers, an Italian agency, a Japanese
broadcaster, a Korean wire and a Taiwanese portal, and a fact check, an explainer in questions,
a photo gallery, a podcast episode, a newsletter issue, a story with a correction appended, one
`Originally published`, a syndicated column, a cricket report, a science magazine, a long read
in chapters, a page dated only at its foot and one dated only in relative terms. Each is read
as `newsindex rebuild` reads a `.txt` file.

First run, before any rule was changed for it (right / wrong / none of 40):
title 37 / 3 / 0, byline 33 / 6 / 1, date 38 / 0 / 2. After its general gaps were fixed:
title 39 / 1 / 0, byline 40 / 0 / 0, date 40 / 0 / 0 (so it no longer says how unseen pages
fare: a third set would). The last title (a standfirst of two sentences over the byline) came
right with the twelfth round's `standfirst` rule: 40 / 0 / 0.

A field still read wrong is marked `xfail(strict=True)` with the gap it shows, so the suite
stays green and a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.freshcheck import assert_complete, cases, check, load_truth

FRESH2 = Path(__file__).resolve().parent / "data" / "copied" / "fresh2"
TRUTH = load_truth(FRESH2)

# (page, field) -> the general gap it shows, for fields the normaliser still reads wrong.
KNOWN: dict[tuple[str, str], str] = {}


def test_every_fresh2_page_has_its_truth() -> None:
    assert_complete(FRESH2, TRUTH)


@pytest.mark.parametrize(("name", "field"), cases(TRUTH, KNOWN))
def test_fresh2_page_field(name: str, field: str) -> None:
    check(FRESH2, TRUTH, name, field)
