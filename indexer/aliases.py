"""Aliases: names that mean the same thing, so that a search for one finds articles with any.

The list is a text file, `instance/aliases.txt` when present, else the shipped
`indexer/data/aliases.txt`: one set of equivalent names per line, separated by `|`; `#` starts a
comment line. `expand_query` rewrites a query so that each name in it becomes an OR of its set,
`RedNote` → `(RedNote OR Xiaohongshu OR "Little Red Book" OR "小红书" OR "小紅書")`, and says
which names it added. What was typed stays as typed, so expansion only ever adds matches; names
brought in are quoted unless they are one plain word. It leaves alone what it cannot rewrite
safely: quoted phrases (quotes mean "exactly this"), words with wildcards or other syntax, and
values of fields other than title and body. Names are matched whole and case-insensitively; a
name run into other CJK text (小红书用户) is not recognised, as CJK has no spaces to tell where
a word ends.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "aliases.txt"
SEPARATOR = "|"
EXPANDABLE_FIELDS = frozenset({"title", "body"})
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})

# A query as a sequence of pieces; whatever is not a word is copied through unchanged.
_PIECE = re.compile(
    r"""(?P<space>\s+)
      | (?P<phrase>"[^"]*"(?:~\d+)?)
      | (?P<range>[\[{][^\]}]*[\]}])
      | (?P<open>[+-]?(?:(?P<group_field>\w+):)?\()
      | (?P<close>\))
      | (?P<word>[^\s()"]+)
      | (?P<other>.)""",
    re.VERBOSE,
)
_WORD = re.compile(r"(?P<sign>[+-]?)(?:(?P<field>\w+):)?(?P<name>[^:]+)")
_SYNTAX = re.compile(r"""[*?~^:"'\[\]{}\\]""")
_BARE_NAME = re.compile(r"[^\W\u2e80-\U0003134f]+")


def _key(name: str) -> str:
    """How names are compared: case-folded, runs of spaces made one."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True, slots=True)
class AliasTable:
    """Sets of equivalent names, looked up case-insensitively."""

    groups: tuple[tuple[str, ...], ...] = ()
    source: Path | None = None  # the file read, for messages
    _index: dict[str, int] = dataclass_field(init=False, repr=False, compare=False)
    longest: int = dataclass_field(init=False, repr=False, compare=False)  # most words in one name

    def __post_init__(self) -> None:
        """Index the names by their comparison key."""
        index = {_key(name): n for n, group in enumerate(self.groups) for name in group}
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "longest", max((len(k.split()) for k in index), default=1))

    def aliases(self, name: str) -> tuple[str, ...]:
        """The set a name belongs to (itself included), or () when it has no aliases."""
        n = self._index.get(_key(name))
        return () if n is None else self.groups[n]

    def __len__(self) -> int:
        """Number of sets."""
        return len(self.groups)


def parse_aliases(text: str, source: Path | None = None) -> AliasTable:
    """Read aliases text: sets of names separated by `|`, one per line, `#` comment lines."""
    label = source or "aliases"
    sets: list[list[str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        names = []
        for raw in line.split(SEPARATOR):
            name = " ".join(raw.split())
            if not name:
                continue
            if '"' in name:
                log.warning(
                    "%s:%d: skipped %r: a name cannot hold a double quote", label, number, name
                )
                continue
            names.append(name)
        if len(names) < 2:
            log.warning("%s:%d: skipped a line with fewer than two names", label, number)
            continue
        sets.append(names)
    return AliasTable(tuple(tuple(names) for names in _merged(sets)), source)


def _merged(sets: list[list[str]]) -> Iterator[list[str]]:
    """Join sets that share a name (case-insensitively), keeping first-seen order."""
    merged: list[list[str]] = []
    where: dict[str, int] = {}
    for names in sets:
        targets = sorted({where[_key(n)] for n in names if _key(n) in where})
        if not targets:
            merged.append([])
            target = len(merged) - 1
        else:
            target = targets[0]
            for other in targets[1:]:  # this line bridges two earlier sets
                merged[target].extend(merged[other])
                merged[other] = []
        for name in merged[target] + names:
            where[_key(name)] = target
        seen = {_key(n) for n in merged[target]}
        for name in names:
            if _key(name) not in seen:
                seen.add(_key(name))
                merged[target].append(name)
    return (names for names in merged if names)


def load_aliases(path: Path | None = None) -> AliasTable:
    """The aliases in `path`, or the shipped default list when path is None or absent."""
    if path is None or not path.is_file():
        path = DEFAULT_PATH
    return parse_aliases(path.read_text(encoding="utf-8"), path)


def _render(name: str) -> str:
    """A name as query syntax: a bare word when it is one plain word, else a quoted phrase."""
    if _BARE_NAME.fullmatch(name) and name not in OPERATORS:
        return name
    return f'"{name}"'


@dataclass(slots=True)
class _Word:
    """One word of the query, with where it sits in the text."""

    start: int
    end: int
    sign: str
    field: str | None
    name: str
    expandable: bool


def expand_query(
    text: str, table: AliasTable, fields: Collection[str] = EXPANDABLE_FIELDS
) -> tuple[str, list[str]]:
    """Rewrite a query so each name also matches its aliases; return it and the names added."""
    if not table.groups or text.count('"') % 2:
        return text, []
    words = list(_words(text, fields))
    matches: list[tuple[int, int, tuple[str, ...]]] = []  # (first word, word count, set)
    i = 0
    while i < len(words):
        found = _match_at(words, i, text, table)
        if found:
            matches.append((i, found[0], found[1]))
            i += found[0]
        else:
            i += 1
    if not matches:
        return text, []
    typed = {_key(_span(text, words, i, n)) for i, n, _ in matches}
    out, added, last = [], [], 0
    for i, n, names in matches:
        first, final = words[i], words[i + n - 1]
        typed_name = _span(text, words, i, n)
        shown = typed_name if n == 1 else f"({typed_name})"  # as typed: only ever adds matches
        others = [name for name in names if _key(name) not in typed]
        for name in others:
            if name not in added:
                added.append(name)
        prefix = first.sign + (f"{first.field}:" if first.field else "")
        group = " OR ".join([shown, *(_render(name) for name in others)])
        out.append(text[last : first.start])
        out.append(f"{prefix}({group})")
        last = final.end
    out.append(text[last:])
    return "".join(out), added


def _span(text: str, words: list[_Word], i: int, n: int) -> str:
    """The name typed as words i … i+n-1, spaces between them made single."""
    if n == 1:
        return words[i].name
    return " ".join(w.name for w in words[i : i + n])


def _match_at(
    words: list[_Word], i: int, text: str, table: AliasTable
) -> tuple[int, tuple[str, ...]] | None:
    """The longest name starting at word i, as (word count, its set), or None."""
    first = words[i]
    if not first.expandable:
        return None
    # Several words form one name only when nothing but spaces separates them and none of
    # them carries a sign or a field (`-Little Red Book` keeps Whoosh's meaning).
    most = 1
    if not first.sign and not first.field:
        while (
            most < table.longest
            and i + most < len(words)
            and words[i + most].expandable
            and not words[i + most].sign
            and not words[i + most].field
            and not text[words[i + most - 1].end : words[i + most].start].strip()
        ):
            most += 1
    for n in range(most, 0, -1):
        names = table.aliases(_span(text, words, i, n))
        if names:
            return n, names
    return None


def _words(text: str, fields: Collection[str]) -> Iterator[_Word]:
    """The query's words, each marked expandable or not; other syntax yields a stop word."""
    stack: list[bool] = []  # whether each open group may be expanded (its field allows it)
    for piece in _PIECE.finditer(text):
        kind = piece.lastgroup
        inside = stack[-1] if stack else True
        if kind == "space":
            continue
        if kind == "open":
            name = piece.group("group_field")
            stack.append(inside and (name is None or name in fields))
            yield _stop(piece)
        elif kind == "close":
            if stack:
                stack.pop()
            yield _stop(piece)
        elif kind == "word":
            yield _word(piece, inside, fields)
        else:
            yield _stop(piece)


def _stop(piece: re.Match[str]) -> _Word:
    """A piece that is not a name and ends any name being read across words."""
    return _Word(piece.start(), piece.end(), "", None, "", False)


def _word(piece: re.Match[str], inside: bool, fields: Collection[str]) -> _Word:
    """One word of the query, expandable when it is a plain name in an expandable field."""
    raw = piece.group()
    parsed = _WORD.fullmatch(raw)
    if raw in OPERATORS or parsed is None or _SYNTAX.search(parsed.group("name")):
        return _stop(piece)
    field = parsed.group("field")
    expandable = inside and (field is None or field in fields)
    return _Word(
        piece.start(), piece.end(), parsed.group("sign"), field, parsed.group("name"), expandable
    )
