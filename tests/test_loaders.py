"""Finding and reading article files, including hostile ones."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from indexer import guards
from indexer.errors import NewsIndexError
from indexer.loaders import discover, read_file
from indexer.models import RawRecord, Skipped

from .conftest import ARTICLES, SEEDS


def _read_all(paths, **kwargs):
    """Records and skips for the given paths."""
    found, skipped = discover(paths, **kwargs)
    records = []
    for item in found:
        for record in read_file(item):
            (skipped if isinstance(record, Skipped) else records).append(record)
    return records, skipped


def test_reads_every_supported_format_with_labels(monkeypatch):
    monkeypatch.chdir(ARTICLES.parent)
    records, skipped = _read_all(["articles"])
    files = {r.file: r for r in records}
    assert files["articles/wire-cocoa.txt"].kind == "text"
    assert files["articles/page.html"].kind == "html"
    assert files["articles/single.json"].kind == "fields"
    assert files["articles/single.json"].id == "custom-id-1"
    assert "articles/nested/list.json:2" in files
    assert files["articles/export.jsonl:1"].fields["byline"] == "Ana Ruiz and Tom Berg"
    assert "articles/export.jsonl:3" in files  # line numbers count blank lines too
    reasons = {s.file: s.reason for s in skipped}
    assert reasons["articles/notes.pdf"] == "unsupported file type .pdf"
    assert reasons["articles/export.jsonl:4"].startswith("invalid JSON line")


def test_ids_are_stable_and_distinct(monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    first, _ = _read_all(["seeds"])
    again, _ = _read_all(["seeds/"])
    assert [r.id for r in first] == [r.id for r in again]
    assert len({r.id for r in first}) == 5
    assert all(r.file.startswith("seeds/") for r in first)


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(NewsIndexError, match="No such file or folder"):
        discover([tmp_path / "nope"])


def test_sidecar_json_and_metadata_csv_become_fields(tmp_path):
    (tmp_path / "story.txt").write_text("Headline\n\nBody text here.\n")
    (tmp_path / "story.json").write_text(json.dumps({"source": "AP", "date": "2024-03-01"}))
    (tmp_path / "other.txt").write_text("Other\n\nMore text.\n")
    (tmp_path / "metadata.csv").write_text("file,source,byline\nother.txt,AFP,Jane Doe\n")
    records, skipped = _read_all([tmp_path])
    by_name = {Path(r.file).name: r for r in records}
    assert set(by_name) == {"story.txt", "other.txt"}
    assert by_name["story.txt"].fields == {"source": "AP", "date": "2024-03-01"}
    assert by_name["other.txt"].fields == {"source": "AFP", "byline": "Jane Doe"}
    assert skipped == []


def test_hostile_files_are_skipped_with_reasons(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret\n\nDo not index me.\n")
    (root / "escape.txt").symlink_to(outside)
    (root / "loop").symlink_to(root)
    (root / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (root / "big.txt").write_text("word " * 3000)
    os.mkfifo(root / "pipe.txt")
    (root / "latin1.txt").write_bytes(
        "Café crème\n\nLe marché a ouvert à Zürich.\n".encode("latin-1")
    )
    (root / "bom.txt").write_bytes("\ufeffTitle with BOM\n\nBody.\n".encode())
    (root / "nul.txt").write_bytes(b"Title\n\nBody with a NUL\x00 byte." + b" x" * 3000)
    bad_name = os.fsencode(root) + b"/bad-\xff-name.txt"
    with open(bad_name, "wb") as fh:
        fh.write(b"Title\n\nBody.\n")
    records, skipped = _read_all([root], max_bytes=10_000)
    reasons = {Path(s.file).name: s.reason for s in skipped}
    assert reasons["escape.txt"] == "symbolic link leads outside the given folders"
    assert reasons["loop"] == "linked folder not followed"
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["big.txt"] == "file is larger than the 10000 byte limit"
    assert reasons["pipe.txt"].startswith("not a regular file")
    assert any(r == "file name is not valid UTF-8" for r in reasons.values())
    texts = {Path(r.file).name: r.text for r in records}
    assert texts["latin1.txt"].startswith("Café crème")
    assert texts["bom.txt"].startswith("Title with BOM")
    assert "\x00" not in texts["nul.txt"]
    assert "Do not index me" not in " ".join(texts.values())


def test_link_inside_the_folders_is_followed_once(tmp_path):
    (tmp_path / "a.txt").write_text("A\n\nBody.\n")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a.txt")
    records, skipped = _read_all([tmp_path])
    assert [Path(r.file).name for r in records] == ["a.txt"]
    assert skipped[0].reason == "same file already reached by another path"


def test_json_that_is_not_an_object_is_skipped(tmp_path):
    (tmp_path / "list.json").write_text('[1, {"title": "ok", "body": "fine"}]')
    (tmp_path / "broken.json").write_text("{nope")
    records, skipped = _read_all([tmp_path])
    assert [r.file for r in records] == [f"{tmp_path}/list.json:2"]
    assert isinstance(records[0], RawRecord)
    reasons = sorted(s.reason for s in skipped)
    assert reasons[0] == "JSON record is not an object"
    assert reasons[1].startswith("invalid JSON")


def test_reuters_sgml_archive_becomes_articles(monkeypatch):
    monkeypatch.chdir(ARTICLES.parent)
    records, skipped = _read_all(["articles/wire-archive.sgm"])
    assert skipped == []
    assert [r.file for r in records] == [
        "articles/wire-archive.sgm:101",
        "articles/wire-archive.sgm:102",
    ]
    wheat = records[0].fields
    assert wheat["title"] == "PRAIRIE WHEAT STOCKS SEEN LOWER"
    assert wheat["date"] == "1987-03-03" and wheat["dateline"] == "WINNIPEG"
    assert wheat["source"] == "Reuters" and wheat["byline"] == "By Jane Holt, Reuters"
    assert wheat["topics"] == ["grain", "wheat"]
    assert wheat["body"].split("\n\n")[1].startswith("Handlers said rail shipments")
    assert "<ports>" in wheat["body"] and "Reuter" not in wheat["body"].split()[-1]


def test_sgml_without_stories_is_skipped(tmp_path):
    (tmp_path / "empty.sgm").write_text("<!DOCTYPE lewis>\n")
    records, skipped = _read_all([tmp_path])
    assert records == [] and skipped[0].reason == "no <REUTERS> stories in this SGML file"


def test_deeply_nested_json_is_skipped_not_fatal(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep.jsonl").write_text('{"title": "ok", "body": "fine"}\n' + "[" * 100_000 + "\n")
    records, skipped = _read_all([tmp_path])
    assert [r.file for r in records] == [f"{tmp_path}/deep.jsonl:1"]
    assert sorted(s.reason for s in skipped) == [
        "invalid JSON line: nested too deeply",
        "invalid JSON: nested too deeply",
    ]


def test_bad_characters_in_json_fields_are_replaced_and_noted(tmp_path):
    record = {"title": "Lone \ud800 surrogate", "tags": ["x\ufdd0", {"k\udc80": "\U0010ffff"}]}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n")
    (records, skipped) = _read_all([tmp_path])
    assert skipped == [] and records[0].notes == [
        "4 invalid characters (lone surrogate, non-character or control) replaced with U+FFFD"
    ]
    assert records[0].fields == {
        "title": "Lone \ufffd surrogate",
        "tags": ["x\ufffd", {"k\ufffd": "\ufffd"}],
    }


@pytest.mark.parametrize(
    ("supplied", "kept"),
    [("reuters/2025/01/15", True), ("AP-1", True), ("a\nb", False), ("/a", False),
     ("a/", False), (".", False), ("..", False), ("x/../y", False), ("a//b", False)],
)  # fmt: skip
def test_a_supplied_id_that_cannot_be_an_address_is_replaced_with_a_note(tmp_path, supplied, kept):
    (tmp_path / "one.json").write_text(json.dumps({"id": supplied, "body": "Body."}))
    (record,), _skipped = _read_all([tmp_path])
    assert (record.id == supplied) is kept
    assert bool(record.notes) is not kept


@pytest.mark.parametrize(
    "text",
    ["plain ASCII\nwith\ttabs", "a\x00b\x1fc", "page\x0cbreak\x0bline", "café \ud800 \ufffe", ""],
)
def test_the_ascii_quick_path_replaces_what_the_full_class_replaces(text: str) -> None:
    # An ASCII text skips the long character class; the result must be the same.
    broken = guards._BREAKS.sub("\n", text)
    assert guards.replace_bad_chars(text) == guards._BAD.subn(guards.REPLACEMENT, broken)
