"""A fifteenth check set of copied pages: title, byline and date against an editor's.

The pages under `tests/data/copied/fresh15/` were written, truth first, before the normaliser was
run on them, to stress bylines and dates in kinds of publisher and languages the earlier sets did
not cover: a Polish regional paper (`Autor:` over two writers joined by a comma, `Opublikowano:
3 grudnia 2026` and `Aktualizacja: 04.12.2026`), a Ukrainian news site (`Автори: … та …` under a
news feed of times and dates), a Vietnamese paper (`Thứ sáu, 4/12/2026` over the headline, the
writers `… - …` bare at the story's foot, `Tác giả:` on a related story), a Thai English-language
paper (`WRITER: … & …` under `PUBLISHED :` and `UPDATED :`), a Hungarian portal (`Szerző:` over a
family-first name and `2026. december 1.`), a Romanian paper (`de … și …`, `Publicat:` and
`Actualizat:`), a Finnish paper (`Kirjoittaja:`, `Julkaistu: 30.11.2026`, the writer's box with
`toimittaja` at the foot), a Danish paper (`Af … og …` over `Journalister`, `2. dec. 2026 kl.
06.00`), a Québec French paper (two writers each over their job, `Publié le … à 5 h 00`), a
Mexican paper (`Por: … y …` over `Monterrey, N.L. / 03.12.2026`), a Chilean paper (`Por …` over
`Periodista`, a day beside `Hace 5 horas`), an Australian regional paper (`…, Chief Reporter`
and a writer's box at the foot), a New Zealand news site (two writers bare over `5:32 pm,
Friday 4 December 2026`), a US local TV station (`Author:`, `Published:` late in the evening
and `Updated:` the next morning, a video box with its own `Updated: 2 hours ago`), a US
alt-weekly (`by …` under a standfirst, other stories' `by … | date`), a Substack post (the
writer's name over `Dec 2` with no year), a Medium post (`Follow`, `9 min read`, `Nov 18,
2026`), a student newspaper (two writers each over `Staff Writer`), an AP story on a portal
(`Associated Press` as provider over `By … and …` in capitals) and a translated feature
(`Translated by …`: a translator is no writer). Each is read as `newsindex rebuild` reads a
`.txt` file.

First run, before any rule was changed for it (right / wrong / none of 20):
title 19 / 1 / 0, byline 17 / 3 / 0, date 19 / 0 / 1 (no wrong date).

After the general rules it showed were missing (the Ukrainian plural `Автори:` as a writers'
label, a newsroom's job in other languages under each of two bare names, `Journaliste` and a
Québec paper's `Collaboration spéciale`, and a box of related stories headed in another language,
`Tin liên quan`, whose teasers sign their own stories): title 19 / 1 / 0, byline 19 / 0 / 1,
date 19 / 0 / 1 (no wrong date).

A field still read wrong is marked `xfail(strict=True)` with the gap it shows, so the suite
stays green and a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.freshcheck import assert_complete, cases, check, load_truth

FRESH15 = Path(__file__).resolve().parent / "data" / "copied" / "fresh15"
TRUTH = load_truth(FRESH15)

# (page, field) -> the general gap it shows, for fields the normaliser still reads wrong.
KNOWN: dict[tuple[str, str], str] = {
    ("vi-paper-metro-hanoi.txt", "title"): (
        "a headline of more words than a paragraph's fourteen (Vietnamese writes each syllable as"
        " a word) right under its stamp and over its standfirst is read as the story's first"
        " line, and the section trail over the stamp heads the page; opening the story under"
        " such a line still lost to the trail in the headline model, and with the headline"
        " found (a shortened copy) the stamp over it read as an item of the ticker of other"
        " days above it, and the masthead's `Thứ hai, 07/12/2026` (a Vietnamese weekday, not"
        " known as one) became a wrong date"
    ),
    ("vi-paper-metro-hanoi.txt", "byline"): (
        "the writers' names alone at the story's foot (`… - …`), under a `Xem thêm:` link and"
        " credited nowhere else, are not read: a bare line under a story signs only when the"
        " page credits its names again (else a tag or a heading would sign); the page gets no"
        " byline rather than a related story's `Tác giả:` credit"
    ),
    ("en-substack-newsletter-transit-budget.txt", "date"): (
        "a stamp without its year (`Dec 2`) is left undated: the page's only year is its"
        " copyright's (`© 2026 …`), which states when the page was rendered, not when the post"
        " ran; no weekday or other stamp fixes the year, and the clock is never asked"
    ),
}


def test_every_fresh15_page_has_its_truth() -> None:
    assert_complete(FRESH15, TRUTH)


@pytest.mark.parametrize(("name", "field"), cases(TRUTH, KNOWN))
def test_fresh15_page_field(name: str, field: str) -> None:
    check(FRESH15, TRUTH, name, field)
