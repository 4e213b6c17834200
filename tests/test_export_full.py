"""Full-text export: /api/search.jsonl (capped, and saying so) and `newsindex export` (no cap)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from indexer.pipeline import build_index, update_index
from indexer.store import IndexStore
from webapp import api, create_app, fulltext

from .conftest import DATA, close_app, run_cli

BOTH_ENGINES = True  # every test here runs on Whoosh and on Xapian (conftest)

SAVED = DATA / "saved"
WORD = re.compile(r"\bcocoa\b", re.IGNORECASE)


def _source_articles() -> dict[str, dict]:
    """The test articles as written in their JSON files, by file name."""
    return {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for batch in ("first", "later")
        for p in sorted((SAVED / batch).iterdir())
    }


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory, engine_name: str) -> Path:
    """Both batches of the saved-search articles in one index, built as `rebuild corpus`."""
    root = tmp_path_factory.mktemp(f"export-{engine_name}")
    for batch in ("first", "later"):
        shutil.copytree(SAVED / batch, root / "corpus", dirs_exist_ok=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        build_index(["corpus"], root / "index", backend=engine_name)
    return root / "index"


@pytest.fixture
def client(index_dir: Path, engine_name: str):
    """A test client of the app over that index."""
    app = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BACKEND": engine_name})
    yield app.test_client()
    close_app(app)


def _rows(response) -> list[dict]:
    """The JSON Lines of a response, each parsed."""
    text = response.get_data(as_text=True)
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def test_jsonl_has_a_row_per_match_with_the_full_body(client):
    response = client.get("/api/search.jsonl?q=cocoa")
    assert response.status_code == 200
    assert response.mimetype == "application/jsonl"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = _rows(response)
    # Counted another way: the source files whose title or body holds the word.
    written = _source_articles()
    expected = {n for n, a in written.items() if WORD.search(a["title"] + " " + a["body"])}
    assert len(rows) == len(expected) == 6
    assert response.headers["X-Total-Count"] == "6"
    assert response.headers["X-Truncated"] == "false"
    assert response.headers["X-Export-Count"] == "6"
    for row in rows:
        source = written[Path(row["file"]).name]
        assert row["body"].split() == source["body"].split()  # the whole text, not a snippet
        assert row["indexed_at"] and row["page"].endswith(f"/article/{row['id']}")
        article = client.get(f"/api/articles/{row['id']}").get_json()
        article.pop("ok")
        assert {k: v for k, v in row.items() if k != "page"} == article  # every field


def test_jsonl_takes_every_filter_of_a_search(client):
    rows = _rows(client.get("/api/search.jsonl?q=cocoa&source=Reuters&from=1987-03-03"))
    written = _source_articles()
    expected = {
        n
        for n, a in written.items()
        if WORD.search(a["title"] + " " + a["body"])
        and a["source"] == "Reuters"
        and a["date"] >= "1987-03-03"
    }
    assert (
        {Path(r["file"]).name for r in rows}
        == expected
        == {
            "ivory-coast.json",
            "cocoa-prices-jump.json",
        }
    )
    sorted_rows = _rows(client.get("/api/search.jsonl?q=&sort=oldest"))
    assert [r["date"] for r in sorted_rows] == sorted(a["date"] for a in written.values())


def test_jsonl_states_its_cap(client, monkeypatch):
    monkeypatch.setattr(fulltext, "EXPORT_CAP", 4)
    response = client.get("/api/search.jsonl?q=cocoa")
    assert len(_rows(response)) == 4
    assert response.headers["X-Total-Count"] == "6"
    assert response.headers["X-Export-Cap"] == "4"
    assert response.headers["X-Export-Count"] == "4"
    assert response.headers["X-Truncated"] == "true"


def test_jsonl_errors_are_json(client):
    bad = client.get('/api/search.jsonl?q="cocoa')
    assert bad.status_code == 400 and bad.get_json()["error"].startswith("Unbalanced quote")
    assert client.get("/api/search.jsonl?from=1987-13").status_code == 400


@pytest.mark.slow
def test_cli_export_writes_every_match_to_a_file_jsonl_and_csv(index_dir, tmp_path):
    cwd = index_dir.parent
    out = tmp_path / "all.jsonl"
    done = run_cli(["export", "", "--format", "jsonl", "--out", str(out)], cwd, index_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # rows go to the file; the summary and the bar to stderr
    assert "Exporting" in done.stderr and "Exported 9 articles" in done.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    written = _source_articles()
    assert sorted(Path(r["file"]).name for r in rows) == sorted(written)  # all: no cap
    assert all(r["body"].split() == written[Path(r["file"]).name]["body"].split() for r in rows)

    sheet = tmp_path / "cocoa.csv"
    done = run_cli(
        ["export", "cocoa", "--format", "csv", "--out", str(sheet), "--source", "AFP"],
        cwd,
        index_dir,
        NEWSINDEX_BASE_URL="https://news.example.org",
    )
    assert done.returncode == 0, done.stderr
    table = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    assert {r["source"] for r in table} == {"AFP"} and len(table) == 2
    formula = next(r for r in table if "HYPERLINK" in r["title"])
    assert formula["title"].startswith("'=HYPERLINK(")  # neutralised as /api/search.csv does
    assert all(r["page"].startswith("https://news.example.org/article/") for r in table)

    later = {r["indexed_at"] for r in rows}
    assert len(later) == 1  # one build
    none = run_cli(["export", "", "--indexed-after", later.pop()], cwd, index_dir)
    assert (none.returncode, none.stdout) == (0, "") and "Exported 0 articles" in none.stderr

    missing = run_cli(
        ["export", "cocoa", "--out", str(tmp_path / "no" / "x.jsonl")], cwd, index_dir
    )
    assert missing.returncode == 1 and "Could not write" in missing.stderr
    assert not (tmp_path / "no").exists()


@pytest.mark.slow
def test_a_jsonl_stream_keeps_its_generation_while_updates_swap_and_prune(tmp_path, engine_name):
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    with feed.open("w") as fh:
        for n in range(1_200):  # three export batches
            fh.write(json.dumps({"title": f"Item {n}", "body": f"cocoa item {n} " * 20}) + "\n")
    build_index([tmp_path / "in"], tmp_path / "index", backend=engine_name)
    app = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "index", "BACKEND": engine_name})
    try:
        client = app.test_client()
        response = client.get("/api/search.jsonl?q=cocoa", buffered=False)
        chunks = iter(response.response)
        lines = [next(chunks) for _ in range(100)]
        for n in range(2):  # each update swaps; the second prunes the stream's generation
            (tmp_path / "in" / f"new{n}.txt").write_text(f"New {n}\n\nA new cocoa story {n}.\n")
            update_index([tmp_path / "in"], tmp_path / "index", backend=engine_name)
        lines.extend(chunks)
        response.close()
        rows = [json.loads(line) for line in b"".join(lines).decode().splitlines()]
        assert len(rows) == 1_200 and len({r["id"] for r in rows}) == 1_200
        assert client.get("/api/search?q=cocoa&group=none").get_json()["total"] == 1_202
    finally:
        close_app(app)
    store = IndexStore(tmp_path / "index")
    with store.lock():
        store.clear_leftovers()
    assert len(list(store.generations_dir.iterdir())) == 2


def test_the_search_page_links_the_full_text_export_and_the_saved_searches(client):
    html = client.get("/?q=tiktok&source=Reuters").get_data(as_text=True)
    assert 'href="/api/search.jsonl?q=tiktok&amp;source=Reuters"' in html
    assert 'href="/saved"' in html


def test_csv_states_its_cap_as_the_jsonl_does(client, monkeypatch):
    # The CSV export said only how many matched: a capped download looked complete.
    monkeypatch.setattr(api, "EXPORT_CAP", 4)
    response = client.get("/api/search.csv?q=cocoa")
    assert len(list(csv.reader(io.StringIO(response.get_data(as_text=True))))) == 1 + 4
    assert response.headers["X-Total-Count"] == "6"
    assert response.headers["X-Export-Cap"] == "4"
    assert response.headers["X-Export-Count"] == "4"
    assert response.headers["X-Truncated"] == "true"
