"""Find article files under the paths a user gives and read each into raw records."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from indexer.errors import NewsIndexError, SkipArticle
from indexer.guards import (
    MAX_ID_CHARS,
    characters_note,
    html_problem,
    id_problem,
    replace_bad_chars,
    replace_bad_chars_in,
)
from indexer.models import RawRecord, RecordKind, Skipped
from indexer.sgml import read_reuters

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SGML_SUFFIXES = {".sgm"}  # Reuters-21578-style wire archives
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | SGML_SUFFIXES
METADATA_CSV = "metadata.csv"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
BINARY_PROBE = 8192


MAX_DEPTH = 256  # folder levels below a given path; deeper ones are skipped with the reason


@dataclass(slots=True)
class FoundFile:
    """A file to read: its `path`, its `file` as users see it, its `origin` (resolved path).

    See indexer.models for what each name means.
    """

    path: Path
    file: str
    origin: str = ""
    sidecar: dict[str, Any] = field(default_factory=dict)
    sidecar_from: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    def mtime(self) -> float | None:
        """The file's modification time now (None if it can no longer be read)."""
        try:
            return self.path.stat().st_mtime
        except OSError:
            return None


def record_id(file: str) -> str:
    """A stable article id derived from the `file` users see."""
    return hashlib.sha1(file.encode("utf-8")).hexdigest()[:16]


def _given(root_arg: str, rel: str) -> str:
    """The `file` users see: the path as reached from the path the user gave (`seeds/a.txt`)."""
    return os.path.normpath(os.path.join(root_arg, rel)) if rel else os.path.normpath(root_arg)


def _inside(real: str, roots: Sequence[str]) -> bool:
    """Whether a resolved path lies inside one of the resolved roots."""
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _valid_name(name: str) -> bool:
    """Whether a file name decodes as UTF-8 (os.walk keeps bad bytes as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def discover(
    paths: Sequence[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[FoundFile], list[Skipped]]:
    """List the article files under `paths` (files or folders) and the files skipped, with why.

    Never follows a path outside the given folders: links that leave them are skipped, and
    linked folders are not descended into (which also rules out directory loops).
    """
    found: list[FoundFile] = []
    skipped: list[Skipped] = []
    args = [os.fspath(p) for p in paths]
    for arg in args:
        if not os.path.lexists(arg):
            raise NewsIndexError(f"No such file or folder: {arg}")
    roots = [os.path.realpath(a) for a in args]
    seen: set[str] = set()

    def consider(full: str, file: str) -> None:
        """Check one candidate file and add it to `found` or `skipped`."""
        if not _valid_name(file):
            shown = file.encode("utf-8", "backslashreplace").decode("ascii", "replace")
            skipped.append(Skipped(shown, "file name is not valid UTF-8"))
            return
        try:
            st = os.lstat(full)
            if stat.S_ISLNK(st.st_mode):
                real = os.path.realpath(full)
                if not _inside(real, roots):
                    skipped.append(Skipped(file, "symbolic link leads outside the given folders"))
                    return
                st = os.stat(full)
            else:
                real = os.path.realpath(full)
        except OSError as exc:
            skipped.append(Skipped(file, f"cannot read file: {exc.strerror or exc}"))
            return
        if stat.S_ISDIR(st.st_mode):
            skipped.append(Skipped(file, "linked folder not followed"))
            return
        if not stat.S_ISREG(st.st_mode):
            skipped.append(Skipped(file, "not a regular file (device, pipe or socket)"))
            return
        suffix = os.path.splitext(full)[1].lower()
        if suffix not in SUPPORTED and os.path.basename(full).lower() != METADATA_CSV:
            kind = suffix or "without an extension"
            skipped.append(Skipped(file, f"unsupported file type {kind}"))
            return
        # A JSONL export holds many articles: its limit applies to each line instead.
        if st.st_size > max_bytes and suffix not in JSONL_SUFFIXES:
            skipped.append(Skipped(file, f"file is larger than the {max_bytes} byte limit"))
            return
        if real in seen:
            skipped.append(Skipped(file, "same file already reached by another path"))
            return
        seen.add(real)
        found.append(FoundFile(Path(full), file, real, max_bytes=max_bytes))

    for arg in args:
        if os.path.isdir(arg) and not os.path.islink(arg):
            for dirpath, rel_dir, filenames in _walk(arg, skipped):
                for name in filenames:
                    consider(os.path.join(dirpath, name), _given(arg, os.path.join(rel_dir, name)))
        else:
            consider(arg, _given(arg, ""))
    return _attach_sidecars(found, skipped)


def _walk(arg: str, skipped: list[Skipped]) -> Iterator[tuple[str, str, list[str]]]:
    """(folder, its path below `arg`, its file names) for every folder under `arg`, in order.

    Iterative (os.walk recurses, and a tree ~1,000 levels deep raised RecursionError), hidden
    entries left out, linked folders and folders deeper than MAX_DEPTH skipped with the reason.
    """
    stack = [(arg, "", 0)]
    while stack:
        dirpath, rel_dir, depth = stack.pop()
        try:
            with os.scandir(dirpath) as entries:
                listed = sorted((e.name, e.is_dir(), e.is_symlink()) for e in entries)
        except OSError as exc:
            skipped.append(Skipped(_given(arg, rel_dir), f"cannot read folder: {exc.strerror}"))
            continue
        visible = [entry for entry in listed if not entry[0].startswith(".")]
        yield dirpath, rel_dir, [name for name, is_dir, _link in visible if not is_dir]
        for name, _is_dir, _link in (e for e in visible if e[1] and e[2]):
            skipped.append(
                Skipped(_given(arg, os.path.join(rel_dir, name)), "linked folder not followed")
            )
        folders = [name for name, is_dir, link in visible if is_dir and not link]
        if folders and depth >= MAX_DEPTH:
            skipped.append(
                Skipped(
                    _given(arg, os.path.join(rel_dir, folders[0])),
                    f"folder nested more than {MAX_DEPTH} levels deep: not read",
                )
            )
            continue
        for name in reversed(folders):
            stack.append((os.path.join(dirpath, name), os.path.join(rel_dir, name), depth + 1))


def _attach_sidecars(
    found: list[FoundFile], skipped: list[Skipped]
) -> tuple[list[FoundFile], list[Skipped]]:
    """Turn `x.json` beside `x.txt`/`x.html` and `metadata.csv` rows into article fields."""
    by_stem = {
        (f.path.parent, f.path.stem): f
        for f in found
        if f.path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
    }
    articles: list[FoundFile] = []
    for f in found:
        partner = by_stem.get((f.path.parent, f.path.stem))
        if f.path.suffix.lower() in JSON_SUFFIXES and partner is not None:
            try:
                data = json.loads(decode_bytes(f.path.read_bytes()))
                if not isinstance(data, dict):
                    raise ValueError("a sidecar must hold one JSON object")
            except (OSError, ValueError, RecursionError, SkipArticle) as exc:
                skipped.append(Skipped(f.file, f"sidecar ignored: {_why(exc)}"))
                continue
            partner.sidecar.update(data)
            partner.sidecar_from = f.file
            continue
        articles.append(f)
    csv_files = [f for f in found if f.path.name.lower() == METADATA_CSV]
    for meta in csv_files:
        try:
            rows = list(csv.DictReader(io.StringIO(decode_bytes(meta.path.read_bytes()))))
        except (OSError, ValueError, csv.Error, SkipArticle) as exc:  # ValueError: bad bytes
            skipped.append(Skipped(meta.file, f"metadata.csv ignored: {exc}"))
            continue
        targets = {f.path.name: f for f in articles if f.path.parent == meta.path.parent}
        for row in rows:
            name = (row.pop("file", None) or row.pop("filename", None) or "").strip()
            target = targets.get(name)
            if target is None:
                continue
            values = {k: v for k, v in row.items() if k and v not in (None, "")}
            target.sidecar = {**values, **target.sidecar}  # a JSON sidecar beats the CSV row
            target.sidecar_from = target.sidecar_from or meta.file
    return [f for f in articles if f.path.name.lower() != METADATA_CSV], skipped


def _looks_binary(probe: bytes) -> bool:
    """Whether a file's opening bytes are binary rather than text with a stray NUL."""
    if not probe:
        return False
    controls = sum(1 for b in probe if b < 32 and b not in b"\t\n\r\f\x1b")
    return probe.count(0) > max(2, len(probe) // 100) or controls > len(probe) // 10


def decode_bytes(data: bytes) -> str:
    """Decode file contents: UTF-8 (with or without BOM), else the detected charset."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").replace("\x00", "")
        except UnicodeDecodeError as exc:
            raise SkipArticle(f"not valid UTF-16 (bad bytes at offset {exc.start})") from None
    if _looks_binary(data[:BINARY_PROBE]):
        raise SkipArticle("binary file (NUL or control bytes in its first 8 KiB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        matches = from_bytes(data)
        best = matches.best()
        if best is None:
            raise SkipArticle("text encoding could not be detected") from None
        # Among equally plausible guesses prefer windows-1252, the web's usual legacy charset.
        tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        best = next((m for m in tied if m.encoding == "cp1252"), best)
        text = str(best)
    return text.replace("\x00", "")


def read_file(found: FoundFile) -> Iterator[RawRecord | Skipped]:
    """Read one found file into raw records (several for JSON lists and JSONL)."""
    suffix = found.path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(found)
        return
    if suffix in SGML_SUFFIXES:
        yield from _read_sgml(found)
        return
    try:
        data = found.path.read_bytes()
        mtime = found.path.stat().st_mtime
    except OSError as exc:
        yield Skipped(found.file, f"cannot read file: {exc.strerror or exc}")
        return
    try:
        text = decode_bytes(data)
    except SkipArticle as exc:
        yield Skipped(found.file, str(exc))
        return
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        kind = "html" if suffix in HTML_SUFFIXES else "text"
        problem = html_problem(text) if kind == "html" else None
        if problem:
            yield Skipped(found.file, problem)
            return
        yield _record(found, found.file, kind, mtime, dict(found.sidecar), text)
        return
    try:
        data_obj = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield Skipped(found.file, f"invalid JSON: {_why(exc)}")
        return
    items = data_obj if isinstance(data_obj, list) else [data_obj]
    many = isinstance(data_obj, list)
    for n, item in enumerate(items, start=1):
        file = f"{found.file}:{n}" if many else found.file
        yield _fields_record(item, file, found, mtime)


def _read_jsonl(found: FoundFile) -> Iterator[RawRecord | Skipped]:
    """Stream a JSONL file line by line; each line is one article (UTF-8, size-capped)."""
    try:
        mtime = found.path.stat().st_mtime
        handle = found.path.open("rb")
    except OSError as exc:
        yield Skipped(found.file, f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        for n, raw in enumerate(handle, start=1):
            file = f"{found.file}:{n}"
            if len(raw) > found.max_bytes:
                yield Skipped(file, f"line is larger than the {found.max_bytes} byte limit")
                continue
            if not raw.strip():
                continue
            try:
                item = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
            except UnicodeDecodeError:
                yield Skipped(file, "JSON line is not UTF-8")
                continue
            except (ValueError, RecursionError) as exc:
                yield Skipped(file, f"invalid JSON line: {_why(exc)}")
                continue
            yield _fields_record(item, file, found, mtime)


def _read_sgml(found: FoundFile) -> Iterator[RawRecord | Skipped]:
    """Every story of a wire archive in Reuters-21578 SGML, labelled `file:NEWID`."""
    try:
        mtime = found.path.stat().st_mtime
        stories = list(read_reuters(found.path))
    except OSError as exc:
        yield Skipped(found.file, f"cannot read file: {exc.strerror or exc}")
        return
    if not stories:
        yield Skipped(found.file, "no <REUTERS> stories in this SGML file")
    for newid, fields in stories:
        yield _fields_record(fields, f"{found.file}:{newid}", found, mtime)


def _why(exc: Exception) -> str:
    """A short reason for a JSON error (nesting too deep is a RecursionError in the parser)."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)


def _fields_record(item: Any, file: str, found: FoundFile, mtime: float) -> RawRecord | Skipped:
    """A record from one JSON object, or the reason it is not one."""
    if not isinstance(item, dict):
        return Skipped(file, "JSON record is not an object")
    return _record(found, file, "fields", mtime, item)


def _record(
    found: FoundFile,
    file: str,
    kind: RecordKind,
    mtime: float,
    fields: dict[str, Any],
    text: str = "",
) -> RawRecord:
    """A raw record, its characters cleaned and its supplied id checked (noted if changed)."""
    notes = []
    text, bad = replace_bad_chars(text)
    fields, bad_fields = replace_bad_chars_in(fields)
    if bad + bad_fields:
        notes.append(characters_note(bad + bad_fields))
    article_id = record_id(file)
    value = fields.get("id")
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        supplied = str(value).strip()[:MAX_ID_CHARS]
        problem = id_problem(supplied)
        if problem is None:
            article_id = supplied
        else:
            shown = supplied[:60].encode("unicode_escape").decode("ascii")
            notes.append(f"supplied id {shown!r} {problem}: replaced by {article_id}")
    return RawRecord(
        id=article_id,
        file=file,
        path=found.path,
        kind=kind,
        text=text,
        fields=fields,
        mtime=mtime,
        origin=found.origin,
        notes=notes,
    )
