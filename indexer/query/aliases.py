"""Aliases: names that mean the same thing, so that a search for one finds articles with any.

The list is a text file, `instance/aliases.txt` when present, else the shipped
`indexer/data/aliases.txt`: one set of equivalent names per line, separated by `|`; `#` starts a
comment line. `expand` rewrites a query tree so that each name in it becomes an OR of its set,
`RedNote` → `(RedNote OR Xiaohongshu OR "Little Red Book" OR "小红书" OR "小紅書")`, and says
which names it added. What was typed stays as typed, so expansion only ever adds matches; names
brought in are phrases unless they are one plain word. It leaves alone what it cannot rewrite
safely: phrases (quotes mean "exactly this"), quoted words, patterns, words with other syntax,
and values of fields other than title and body. A name of several words is recognised only in
words typed side by side with nothing but spaces between them, all in the same field. Names are
matched whole and case-insensitively; a name run into other CJK text (小红书用户) is not
recognised, as CJK has no spaces to tell where a word ends.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

from indexer.query.grammar import (
    OPERATORS,
    And,
    AndMaybe,
    AndNot,
    Node,
    Not,
    Or,
    Phrase,
    Require,
    Word,
    parse,
    render,
)

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "aliases.txt"
SEPARATOR = "|"
EXPANDABLE_FIELDS = frozenset({"title", "body"})

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


def _alias(name: str, field: str | None) -> Node:
    """A name brought in: a word when it is one plain word, else a phrase."""
    if _BARE_NAME.fullmatch(name) and name not in OPERATORS:
        return Word(name, field)
    return Phrase(name, field)


def expand(
    tree: Node | None, text: str, table: AliasTable, fields: Collection[str] = EXPANDABLE_FIELDS
) -> tuple[Node | None, list[str]]:
    """A tree in which each name also matches its aliases, and the names added (in order).

    `text` is the query the tree was read from: words of one name must stand side by side
    in it, with nothing but spaces between them.
    """
    if tree is None or not table.groups:
        return tree, []
    expander = _Expander(table, fields, text)
    expander.visit(tree)  # first pass: which names were typed (they are not added again)
    expander.rewriting = True
    expanded = expander.visit(tree)
    return expanded, expander.added


def expand_query(
    text: str, table: AliasTable, fields: Collection[str] = EXPANDABLE_FIELDS
) -> tuple[str, list[str]]:
    """Query text with its names expanded (as `expand` does on its tree), and the names added."""
    tree, added = expand(parse(text).tree, text, table, fields)
    return (render(tree) if added else text), added


class _Expander:
    """Walks a tree, finding names among side-by-side words and replacing them by OR groups."""

    def __init__(self, table: AliasTable, fields: Collection[str], text: str) -> None:
        self.text = text
        self.table = table
        self.fields = fields
        self.typed: set[str] = set()
        self.added: list[str] = []
        self.rewriting = False

    def visit(self, node: Node) -> Node:
        """The node with the names in it expanded (unchanged in the first pass)."""
        if isinstance(node, Word):
            return self.run([node])[0]
        if isinstance(node, And):
            items = self.run(list(node.items))
            return items[0] if len(items) == 1 else And(tuple(items))
        if isinstance(node, Or):
            return Or(tuple(self.visit(item) for item in node.items))
        if isinstance(node, Not):
            return Not(self.visit(node.item))
        if isinstance(node, AndNot):
            return AndNot(self.visit(node.positive), self.visit(node.negative))
        if isinstance(node, AndMaybe):
            return AndMaybe(self.visit(node.required), self.visit(node.optional))
        if isinstance(node, Require):
            return Require(self.visit(node.required), self.visit(node.condition))
        return node

    def run(self, items: list[Node]) -> list[Node]:
        """Items side by side, with each name among their words made an OR of its set."""
        out: list[Node] = []
        i = 0
        while i < len(items):
            found = self.match_at(items, i)
            if found is None:
                item = items[i]
                out.append(item if isinstance(item, Word) else self.visit(item))
                i += 1
                continue
            count, names = found
            words = [w for w in items[i : i + count] if isinstance(w, Word)]
            out.append(self.replace(words, names))
            i += count
        return out

    def expandable(self, node: Node) -> bool:
        """Whether a node is a plain word in a field that may be expanded."""
        return (
            isinstance(node, Word)
            and not node.quoted
            and (node.field is None or node.field in self.fields)
            and node.text not in OPERATORS
            and not _SYNTAX.search(node.text)
        )

    def match_at(self, items: list[Node], i: int) -> tuple[int, tuple[str, ...]] | None:
        """The longest name starting at item i, as (word count, its set), or None."""
        first = items[i]
        if not isinstance(first, Word) or not self.expandable(first):
            return None
        most = 1
        while most < self.table.longest and i + most < len(items):
            before, word = items[i + most - 1], items[i + most]
            if not (
                self.expandable(word)
                and isinstance(word, Word)
                and isinstance(before, Word)
                and word.field == first.field
                and 0 <= before.end < word.start
                and not self.text[before.end : word.start].strip()
            ):
                break
            most += 1
        for n in range(most, 0, -1):
            typed = " ".join(w.text for w in items[i : i + n] if isinstance(w, Word))
            names = self.table.aliases(typed)
            if names:
                return n, names
        return None

    def replace(self, words: list[Word], names: tuple[str, ...]) -> Node:
        """The OR of what was typed and the other names of its set."""
        typed = " ".join(w.text for w in words)
        if not self.rewriting:
            self.typed.add(_key(typed))
            return words[0]
        others = [name for name in names if _key(name) not in self.typed]
        for name in others:
            if name not in self.added:
                self.added.append(name)
        shown: Node = words[0] if len(words) == 1 else And(tuple(words))
        field = words[0].field
        return Or((shown, *(_alias(name, field) for name in others)))
