"""Readers for the evaluation corpora: Reuters-21578 (SGML) and the BBC news data set.

Each reader yields one dict per article with the corpus's own metadata, so the same readers can
feed the extraction benchmark and a larger benchmark corpus. The corpora are read in place.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from indexer import sgml

_STAMP = re.compile(r"(\d{1,2})-([A-Z]{3})-(\d{4})(?:\s+(\d{1,3}):(\d{2}):(\d{2})(?:\.(\d+))?)?")
_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
_CATEGORY_FIELDS = ("topics", "places", "people", "orgs", "exchanges")


def _text(raw: str | None) -> str | None:
    """SGML content as plain text, or None when it holds none."""
    plain = sgml.text(raw)
    return plain if raw is not None and plain.strip() else None


def _stamp(raw: str | None) -> dt.datetime | None:
    """The <DATE> stamp (`26-FEB-1987 15:01:01.79`, sometimes with noise after it)."""
    match = _STAMP.search(raw or "")
    if match is None:
        return None
    day, month, year, hour, minute, second, fraction = match.groups()
    date = dt.datetime(int(year), _MONTHS[month], int(day))
    if hour is None or int(hour) > 23:
        return date  # one stamp reads `605:12:19`: keep its day, not an impossible time
    micro = int((fraction or "0").ljust(6, "0")[:6])
    return date.replace(hour=int(hour), minute=int(minute), second=int(second), microsecond=micro)


def iter_reuters(path: str | Path) -> Iterator[dict[str, Any]]:
    """Every Reuters-21578 story in `reut2-*.sgm` under `path`, in NEWID order."""
    # Keys: id (NEWID), file, text_type (NORM, BRIEF or UNPROC), lewissplit, cgisplit, date
    # (datetime of the <DATE> stamp), topics, places, people, orgs, exchanges (lists), title,
    # author, dateline (strings or None, as the corpus writes them) and body (text or None).
    for file in sorted(Path(path).glob("reut2-*.sgm")):
        # The files are ASCII with a few stray high bytes; latin-1 reads every byte.
        content = file.read_text(encoding="latin-1")
        for attrs, inner in sgml.documents(content):
            text_open = re.search(r"<TEXT(?:\s+TYPE=\"(\w+)\")?>", inner)
            text_type = text_open.group(1) if text_open and text_open.group(1) else "NORM"
            doc: dict[str, Any] = {
                "id": attrs.get("NEWID"),
                "file": file.name,
                "text_type": text_type,
                "lewissplit": attrs.get("LEWISSPLIT"),
                "cgisplit": attrs.get("CGISPLIT"),
                "date": _stamp(sgml.element(inner, "DATE")),
            }
            for name in _CATEGORY_FIELDS:
                raw = sgml.element(inner, name.upper()) or ""
                doc[name] = [html.unescape(d) for d in re.findall(r"<D>(.*?)</D>", raw)]
            doc["title"] = sgml.line(sgml.element(inner, "TITLE"))
            doc["author"] = sgml.line(sgml.element(inner, "AUTHOR"))
            doc["dateline"] = sgml.line(sgml.element(inner, "DATELINE"))
            body = sgml.element(inner, "BODY")
            if body is None and text_type == "UNPROC":
                body = sgml.element(inner, "TEXT")
            doc["body"] = _text(body)
            yield doc


def render_reuters(doc: dict[str, Any]) -> str | None:
    """A story as a plain wire file: title line, `By AUTHOR` line, then `DATELINE - body`."""
    if not doc.get("title") or not doc.get("body"):
        return None
    parts = [doc["title"]]
    author = doc.get("author")
    if author:
        parts.append(author if author.lower().startswith("by ") else f"By {author}")
    body = doc["body"].rstrip()
    lead = f"{doc['dateline']} {body.lstrip()}" if doc.get("dateline") else body
    parts.append(lead)
    return "\n\n".join(parts) + "\n"


def iter_bbc(path: str | Path) -> Iterator[dict[str, Any]]:
    """Every BBC story under `path/<category>/NNN.txt`: keys id, file, category, title, body."""
    root = Path(path)
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for file in sorted(folder.glob("*.txt")):
            raw = file.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                # A few files are latin-1 (a pound sign as byte 0xA3).
                text = raw.decode("latin-1")
            title, _, body = text.replace("\r\n", "\n").partition("\n")
            yield {
                "id": f"{folder.name}/{file.stem}",
                "file": f"{folder.name}/{file.name}",
                "category": folder.name,
                "title": title.strip(),
                "body": body.strip(),
            }


def render_bbc(doc: dict[str, Any]) -> str:
    """A BBC story as the plain text it is distributed as: title line, blank line, body."""
    return f"{doc['title']}\n\n{doc['body']}\n"
