"""Read wire archives in the Reuters-21578 SGML format (`<REUTERS>` documents in `.sgm` files)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from indexer.normalize.datelines import dateline_place

_DOC = re.compile(r"<REUTERS(?P<attrs>[^>]*)>(?P<inner>.*?)</REUTERS>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TAG = re.compile(r"<[^>]+>")
_STAMP = re.compile(r"(\d{1,2})-([A-Z]{3})-(\d{4})")
_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
_PARAGRAPH = re.compile(r"\n(?=[ \t]{2,}\S)")  # wire copy indents each new paragraph
_SIGN_OFF = re.compile(r"\s*\bReuter\s*$")
_CATEGORIES = ("topics", "places", "people", "orgs", "exchanges")


def element(inner: str, tag: str) -> str | None:
    """The raw content of the first <TAG> element, or None."""
    match = re.search(rf"<{tag}(?:\s[^>]*)?>(.*?)</{tag}>", inner, re.DOTALL)
    return match.group(1) if match else None


def text(raw: str | None) -> str:
    """SGML content as plain text: entities decoded, tags and control characters removed."""
    return _CONTROL.sub("", html.unescape(_TAG.sub("", raw or "")))


def line(raw: str | None) -> str | None:
    """SGML content as one line of text, or None when empty."""
    joined = " ".join(text(raw).split())
    return joined or None


def _date(raw: str | None) -> str | None:
    """The day of a `26-FEB-1987 15:01:01.79` stamp as `1987-02-26`."""
    match = _STAMP.search(raw or "")
    if match is None or match.group(2) not in _MONTHS:
        return None
    day, month, year = match.groups()
    return f"{int(year):04d}-{_MONTHS[month]:02d}-{int(day):02d}"


def _body(raw: str | None) -> str:
    """The story text with its paragraphs separated by blank lines and the sign-off dropped."""
    story = _SIGN_OFF.sub("", text(raw).strip())
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH.split(story))
    return "\n\n".join(p for p in paragraphs if p)


def documents(content: str) -> Iterator[tuple[dict[str, str], str]]:
    """The attributes and raw inner SGML of every <REUTERS> document of a file's text."""
    for match in _DOC.finditer(content):
        yield dict(_ATTR.findall(match.group("attrs"))), match.group("inner")


def parse_reuters(content: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(NEWID, article fields) for every story of one SGML file's text."""
    for attrs, inner in documents(content):
        body = element(inner, "BODY")
        if body is None and 'TYPE="UNPROC"' in inner:
            body = element(inner, "TEXT")
        dateline = line(element(inner, "DATELINE"))
        fields: dict[str, Any] = {
            "title": line(element(inner, "TITLE")),
            "source": "Reuters",
            "date": _date(element(inner, "DATE")),
            "byline": line(element(inner, "AUTHOR")),
            "dateline": dateline_place(dateline),
            "body": _body(body),
        }
        for name in _CATEGORIES:
            raw = element(inner, name.upper()) or ""
            values = [html.unescape(v) for v in re.findall(r"<D>(.*?)</D>", raw)]
            if values:
                fields[name] = values
        yield attrs.get("NEWID") or str(len(fields)), {k: v for k, v in fields.items() if v}


def read_reuters(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Stories of one `.sgm` file (ASCII with stray high bytes, so read as latin-1)."""
    yield from parse_reuters(path.read_text(encoding="latin-1"))
