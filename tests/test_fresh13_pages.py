"""A thirteenth check set of saved HTML pages, written (truth first) before the normaliser was run.

The pages under `tests/data/pages/fresh13/` are invented stories that stress bylines and dates
across CMSs and countries the earlier sets lacked: an Italian regional paper (`di NAME`, JSON-LD
author the paper, UTC dates); a Portuguese paper (`Por NAME | 5 Dezembro 2026, 23:50`, JSON-LD
with only `dateModified`); an Austrian page credited only `(apa/red)` at its foot (`@graph`,
an Organization author, `meta name=author` `red`); a Swiss German paywalled page by two writers
(`parsely-` tags, a UTC date on the evening before `Publiziert: 07.12.2026, 00.35 Uhr`); a
Belgian French page (`Par NAME (avec Belga)`, the agency as a second JSON-LD author); an Irish
page by two writers joined with `and` (avatar, Twitter handle, `sailthru.` tags); a South African
Arc XP page (a UTC instant on the SAST day before, `Additional reporting by` at the foot); a
Nigerian WordPress (Yoast `@graph`, tagDiv theme) whose byline and author node name the online
editor who posted it while the body opens `By NAME`; a Kenyan Drupal 10 page (EAT day after the
UTC instant); a Philippine page (Manila time shown, UTC meta on the same day); a Pakistani page
credited `Our Correspondent` (Hijri date in the top bar); a Marathi page with Devanagari digits
and a JSON-LD headline and writer in Latin letters; a Russian regional (`Автор:`); a Turkish
columnist page (the `<title>` and JSON-LD headline start `NAME yazdı:`); a Colombian page
(`Por NAME | Corresponsal`, a UTC instant on the next day); then a Ghost science magazine with
three writers; a trade journal's Squarespace guest post (blog author `Editorial Team`, the guest
writer named in an italic note); a university's Drupal news release (`By NAME, College of
Engineering`, a media contact, photo credit); a football club's official news page (no writer,
no article metadata); and a wire story on a business site (`Reuters` as the metadata author,
`(Reporting by …; Additional reporting by …; Editing by …)` at the foot). Each is read as
`newsindex rebuild` reads a saved page.

A field still read wrong is marked `xfail(strict=True)` with the gap it shows, so the suite
stays green and a fix shows up as an unexpected pass.

First run (right/wrong/none): title 17/3/0, byline 14/6/0, date 19/1/0. After the general fixes
of branch gap15h (a spaced `p. m.` read as a clock, so the shown local day beats a UTC
instant; a desk's code `red` in the author tag is no writer; an agency the byline credits
`avec`/`with` is a source, not an author; a `NAME wrote:` prefix of the metadata title left
out; a Latin JSON-LD writer shown in the marked byline in the page's script): title 18/2/0,
byline 17/3/0, date 20/0/0.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.freshcheck import assert_complete, cases, check, load_truth

FRESH13 = Path(__file__).resolve().parent / "data" / "pages" / "fresh13"
TRUTH = load_truth(FRESH13)

# (page, field) -> the general gap it shows, for fields the normaliser still reads wrong.
KNOWN: dict[tuple[str, str], str] = {
    ("en-coldchainquarterly-guest-post-reefer-audits.html", "byline"): (
        "a blog platform's author slot holding the site's own name while the guest writer is "
        "named only in an italic note in the story: the site's name is taken"
    ),
    ("de-ch-zuercherbote-tramdepot.html", "title"): (
        "the JSON-LD headline and `<title>` agree on a search engine's version while og:title "
        "states the visible `<h1>`: taking the heading og:title confirms over the JSON-LD cost "
        "right titles on the shared pages (measured), so the JSON-LD wins"
    ),
    ("en-meridianwire-lithium-strike.html", "title"): (
        "the JSON-LD headline and og:title agree on a shorter headline while only the `<title>` "
        "states the longer visible `<h1>`: the two agreeing metadata fields win"
    ),
    ("en-meridianwire-lithium-strike.html", "byline"): (
        "a wire story whose metadata credits only the agency, its reporters named in the "
        "`(Reporting by …; Editing by …)` note at the foot: the agency is taken"
    ),
    ("en-ng-lagosherald-fuel-queues.html", "byline"): (
        "a CMS byline and author node naming the editor who posted the story while its body "
        "opens `By NAME`: the CMS user is taken"
    ),
}


def test_every_fresh13_page_has_its_truth() -> None:
    assert_complete(FRESH13, TRUTH, "*.html")


@pytest.mark.parametrize(("name", "field"), cases(TRUTH, KNOWN))
def test_fresh13_page_field(name: str, field: str) -> None:
    check(FRESH13, TRUTH, name, field)
