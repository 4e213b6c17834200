"""How values read to a person: place names in one case, file labels, provenance, file names."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath
from urllib.parse import quote

# Where a field's value came from (`Article.provenance`), in words a reader understands.
PROVENANCE = {
    "supplied": "given in the {record}",
    "sidecar": "given in the JSON file beside the article",
    "derived": "worked out from the text",
    "text": "found in the text",
    "portal-line": "found in the site's header line",
    "byline-line": "found in the byline",
    "sign-off": "found in the reporter's sign-off",
    "credit-line": "found in the credit line",
    "dateline": "found in the dateline",
    "weekday": "worked out from the weekday in the dateline",
    "sunday": "worked out from the weekday in the dateline",
    "copy": "taken from another copy of this story",
    "meta": "given in the page's meta tags",
    "jsonld": "given in the page's structured data",
    "heading": "taken from the headline",
    "trafilatura": "found by the page extractor",
    "xmp": "given in the file's metadata",
    "author": "given as the author",
    "language": "given as the language",
}
DERIVED = {
    "title": "taken from the first line",
    "language": "guessed from the words",
}
RECORDS = {".json": "JSON", ".jsonl": "JSON", ".ndjson": "JSON", ".sgm": "SGML record"}
# Words of a place name written in lower case inside it (Rio de Janeiro, King of Prussia).
_PARTICLES = frozenset({"de", "da", "do", "del", "des", "du", "es", "el", "la", "of", "on", "au"})
_RECORD_SUFFIX = re.compile(r"^(?P<path>.+?\.[A-Za-z0-9]{1,6}):(?P<record>\d+)$")
_SLUG = re.compile(r"[^\w]+")


def provenance_label(field: str, how: str | None, file: str | None = None) -> str | None:
    """Where a field's value came from, as a reader would say it; None when unknown."""
    if not how:
        return None
    if how == "derived" and field in DERIVED:
        return DERIVED[field]
    label = PROVENANCE.get(how)
    if label is None:
        return "from " + how.replace("-", " ")
    suffix = PurePath(_split_file(file or "")[0]).suffix.lower()
    return label.format(record=RECORDS.get(suffix, "article's fields"))


def place_case(value: str) -> str:
    """A place name in title case when written all in capitals (SHANGHAI -> Shanghai).

    Abbreviations of one or two letters (US, N.Y.) stay as written; particles such as `de` are
    lower case inside a name. A name already in mixed case is kept as it is.
    """
    if not value.isupper():
        return value
    words = []
    for n, word in enumerate(value.split(" ")):
        letters = re.sub(r"[^A-Za-z]", "", word)
        if len(letters) <= 2 and "." in word:
            words.append(word)
        elif n and word.lower() in _PARTICLES:
            words.append(word.lower())
        else:
            words.append("-".join(_cap(part, k) for k, part in enumerate(word.split("-"))))
    return " ".join(words)


def _cap(part: str, position: int) -> str:
    """One hyphenated part: particles inside a name lower case (Port-au-Prince)."""
    if position and part.lower() in _PARTICLES:
        return part.lower()
    return part[:1].upper() + part[1:].lower()


def _split_file(label: str) -> tuple[str, str | None]:
    """A file label's path and its record number within the file (`reut2-014.sgm:14468`)."""
    match = _RECORD_SUFFIX.match(label)
    if match:
        return match["path"], match["record"]
    return label, None


def file_name(label: str | None) -> str:
    """A readable name for a file label: the file's name and the record within it."""
    if not label:
        return ""
    path, record = _split_file(label)
    name = PurePath(path).name or path
    return f"{name}, record {record}" if record else name


def download_name(kind: str, query: str, today: dt.date | None = None) -> str:
    """A download's file name after the query: `newsindex-cocoa-2026-12-06.csv`."""
    slug = _SLUG.sub("-", query.casefold()).strip("-_")[:60].strip("-_")
    day = (today or dt.date.today()).isoformat()
    parts = ["newsindex", kind, slug or "all", day]
    return "-".join(p for p in parts if p) + ".csv"


def attachment(filename: str) -> str:
    """A download's Content-Disposition: an ASCII name, and the exact one when it differs."""
    plain = filename.encode("ascii", "ignore").decode() or "newsindex" + PurePath(filename).suffix
    disposition = f'attachment; filename="{plain}"'
    if plain != filename:
        disposition += f"; filename*=UTF-8''{quote(filename)}"
    return disposition
