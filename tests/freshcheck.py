"""The fresh check sets' shared reading: each page as a rebuild reads it, each field against its
truth in the same terms, and the known gaps as strict expected failures."""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from indexer.loaders import discover, read_file
from indexer.models import Article, RawRecord
from indexer.normalize import normalize

FIELDS = ("title", "byline", "date")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def load_truth(folder: Path) -> dict[str, dict]:
    """A set's `truth.json`: each page's title, byline names and date."""
    return json.loads((folder / "truth.json").read_text(encoding="utf-8"))


@cache
def read(path: Path) -> Article:
    """One fresh page through the loader and `normalize`, as a rebuild reads it."""
    found, skipped = discover([path])
    assert found and not skipped, f"{path.name} was not found as an input file"
    record = next(read_file(found[0]))
    assert isinstance(record, RawRecord), f"{path.name} was skipped: {record}"
    return normalize(record)


def _text_key(text: str | None) -> str:
    """A title up to Unicode width, quote and dash styles, case and whitespace."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return " ".join(text.casefold().split())


def _name_key(name: str) -> str:
    """A name by its lower-cased, accent-free words (`JUAN PÉREZ` is `juan perez`)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def found(article: Article, field: str) -> object:
    """What the reader gives for one field, in the truth's terms."""
    if field == "title":
        return _text_key(article.title)
    if field == "byline":
        return sorted(_name_key(name) for name in article.byline)
    return article.date.iso() if article.date is not None else None


def wanted(truth: dict[str, dict], name: str, field: str) -> object:
    """What the truth says for one field of one page."""
    value = truth[name][field]
    if field == "title":
        return _text_key(value)
    if field == "byline":
        return sorted(_name_key(person) for person in value)
    return value


def assert_complete(folder: Path, truth: dict[str, dict], pattern: str = "*.txt") -> None:
    """Every page of a set (`pattern`) has its truth, and every truth names each field."""
    assert sorted(p.name for p in folder.glob(pattern)) == sorted(truth)
    for fields in truth.values():
        assert set(fields) == set(FIELDS)


def check(folder: Path, truth: dict[str, dict], name: str, field: str) -> None:
    """One page's field as read, against its truth."""
    assert found(read(folder / name), field) == wanted(truth, name, field)


def cases(truth: dict[str, dict], known: dict[tuple[str, str], str]) -> list:
    """Every page and field, with the `known` gaps marked as strict expected failures."""
    out = []
    for name in sorted(truth):
        for field in FIELDS:
            reason = known.get((name, field))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(name, field, marks=marks, id=f"{name}-{field}"))
    return out
