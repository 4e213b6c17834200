"""A fifteenth check set of saved HTML pages: title, byline and date against an editor's.

The pages under `tests/data/pages/fresh15/` were written, truth first, before the normaliser was
run on them, to stress titles and dates on kinds of publisher the earlier sets did not cover: a
German regional paper (a kicker in a `<span>` inside the `<h1>`, `article:published_time` a UTC
instant the evening before the local day shown), a Spanish national paper (a kicker over the
`<h1>`, a standfirst `<h2>`, `Madrid - 02 dic 2026 - 05:30 CET`), an Italian paper (`occhiello`
over the headline, `5 dicembre 2026 (modifica il 6 dicembre 2026 | 08:12)`), a Swedish paper
(`Publicerad … kl. 22.15` and `Uppdaterad` the next day), a Greek portal (`Δημοσίευση:` just after
local midnight, a UTC instant the day before, `Newsroom` as author), a Turkish news site (`Giriş:`
and `Güncelleme:`, a currency ticker), an Indonesian portal (`Senin, 30 Nov 2026 21:47 WIB`, an
editor named apart from the writer), a Hindi paper (`Publish Date:` in IST, a UTC instant), an
Arabic paper (Arabic-Indic digits, a Hijri date beside the Gregorian one, a masthead day), a
Chinese paper (no Open Graph, `本报讯（记者 …）`, `责任编辑`), a Japanese paper (`2026年12月4日
21時05分`, a UTC `datePublished`, the paper as author), a Korean paper (`입력`/`수정` across
midnight), a British tabloid live blog (`LiveBlogPosting` with many updates, two writers), a wire
story on a newspaper site (AP bylines in capitals, `11:48 p.m. ET` against a UTC instant the next
day), a sports match report (match day before publication day, a scores ticker), a business story
(a market strip and a quote box with other dates), a council news page with no metadata at all,
a university press release (`<time>` for the release and for a lecture), an old CMS page laid out
in tables and `<font>` with the date in a plain `<td>`, and a page whose `<head>` describes the
site's home page (`og:title` the site's name, `og:type website`) while its body carries a story.
Each is read as `newsindex rebuild` reads a saved `.html` file.

First run: (to be measured by the lead)

A field still read wrong is marked `xfail(strict=True)` with the gap it shows, so the suite
stays green and a fix shows up as an unexpected pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.freshcheck import assert_complete, cases, check, load_truth

FRESH15 = Path(__file__).resolve().parent / "data" / "pages" / "fresh15"
TRUTH = load_truth(FRESH15)

# (page, field) -> the general gap it shows, for fields the normaliser still reads wrong.
KNOWN: dict[tuple[str, str], str] = {}


def test_every_fresh15_page_has_its_truth() -> None:
    assert_complete(FRESH15, TRUTH, "*.html")


@pytest.mark.parametrize(("name", "field"), cases(TRUTH, KNOWN))
def test_fresh15_page_field(name: str, field: str) -> None:
    check(FRESH15, TRUTH, name, field)
