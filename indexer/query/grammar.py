"""The query grammar: one tokenizer, and a small tree of what the user asked for.

What a user can type (README, "Query syntax"): words, `"phrases"` and `"proximity"~5`,
`'quoted words'`, field prefixes (`title:`, `source:`, …) on a word, phrase or group,
`AND`/`OR`/`NOT`/`ANDNOT`/`ANDMAYBE`/`REQUIRE` (upper case, between spaces), a `+` (required) or
`-` (excluded) at the start of a term, parentheses, wildcards (`refug*`, `wom?n`), `date:`
terms, mention counts (`atleast3:cocoa`) and article lengths (`words:>500`, `words:[200 TO
800]`; both read by `mentions`). Everything else is a word. Operators bind as they always have
here (Whoosh's order): `NOT` tightest, then `AND`, `OR`, `ANDNOT`, `ANDMAYBE`, `REQUIRE`, and
words side by side are ANDed last, so `a b OR c` is `a AND (b OR c)`.

The tree is engine-neutral: a `Word` is the text as typed (each engine analyses it: stems, CJK
units), a `Pattern` holds its wildcards, and nothing here knows an index. `render` writes a tree
back as query text that parses to the same tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from indexer.errors import QueryError
from indexer.query.mentions import AtLeast, Length, read_at_least, read_length

FIELDS = ("title", "body", "source", "publisher", "byline", "dateline")
TEXT_FIELDS = ("title", "body")  # what a word without a field searches
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "REQUIRE"})
_INFIX = ("AND", "OR", "ANDNOT", "ANDMAYBE", "REQUIRE")  # in binding order, tightest first
# Whoosh also reads the Armenian, Arabic and Ethiopic question marks as `?`.
QUESTION_MARKS = "?\u055e\u061f\u1367"
WILDCARDS = "*" + QUESTION_MARKS

_SPACE = re.compile(r"\s+")
_PHRASE = re.compile(r'"(?P<text>[^"]*)"(?:~(?P<slop>[1-9][0-9]{0,5}))?')
_QUOTED = re.compile(r"'(?P<text>[^']*?)'(?=\s|\]|[)}]|$)")
# date:[a to b], date:"a phrase", date:'a phrase', date:word — a range may leave an end empty.
DATE_TERM = re.compile(
    r"""date:(?:\[(?P<range>[^\]]*)\]|"(?P<phrase>[^"]*)"|'(?P<single>[^']*)'|(?P<word>[^\s()"]+))""",
    re.IGNORECASE,
)
# atleast3:cocoa (a mention count) and words:>500 (an article length), read by `mentions`.
_AT_LEAST = re.compile(r"atleast(?:\d*|\S*?):[^\s()]*", re.IGNORECASE)
_LENGTH = re.compile(r"words:(?:\[[^\]]*\]?|\{[^}]*\}?|[^\s()]*)", re.IGNORECASE)
_COUNTED = (("atleast", _AT_LEAST, read_at_least), ("length", _LENGTH, read_length))
_RANGE = re.compile(r"[\[{][^\]}]*\bto\b[^\]}]*[\]}]", re.IGNORECASE)
_FIELD = re.compile(r"(?P<name>\w+):(?=[^\s)])")
_OPERATOR = re.compile(r"(?P<name>[A-Z]+)(?=\s)")
_WORD = re.compile(r'[^\s()"]+')
_WILDCARD = re.compile(f"[{WILDCARDS}]")


@dataclass(frozen=True, slots=True)
class Token:
    """One piece of query text: its kind, the text, where it sits, and what it holds."""

    kind: str  # open close op sign field word phrase quoted date range atleast length
    text: str
    start: int
    end: int
    value: str = ""  # a phrase's or quoted word's inside, a field's or operator's name
    slop: int = 1  # a phrase's proximity (1: the words side by side)


def tokenize(text: str) -> list[Token]:
    """The tokens of query text; QueryError for an unclosed double quote."""
    tokens: list[Token] = []
    pos, size = 0, len(text)
    at_term = True  # at the start of a term: signs, fields, operators and dates count here
    while pos < size:
        char = text[pos]
        space = _SPACE.match(text, pos)
        if space:
            pos, at_term = space.end(), True
            continue
        if char in "()":
            kind = "open" if char == "(" else "close"
            tokens.append(Token(kind, char, pos, pos + 1))
            pos, at_term = pos + 1, char == "("
            continue
        if char == '"':
            match = _PHRASE.match(text, pos)
            if match is None:
                raise QueryError(f"Unbalanced quote in query: {text}")
            slop = int(match.group("slop") or 1)
            tokens.append(Token("phrase", match.group(), pos, match.end(), match["text"], slop))
            pos, at_term = match.end(), False
            continue
        match = _term_start(text, pos, tokens) if at_term else None
        if match is not None:
            tokens.append(match)
            pos = match.end
            at_term = match.kind in ("sign", "field")
            continue
        match = _WORD.match(text, pos)
        assert match is not None  # any other character starts a word
        tokens.append(Token("word", match.group(), pos, match.end()))
        pos, at_term = match.end(), False
    return tokens


def _term_start(text: str, pos: int, tokens: list[Token]) -> Token | None:
    """A token that only counts at the start of a term: operator, sign, date, field, range."""
    char = text[pos]
    after_sign = bool(tokens) and tokens[-1].kind == "sign" and tokens[-1].end == pos
    after_field = bool(tokens) and tokens[-1].kind == "field" and tokens[-1].end == pos
    if not after_sign and not after_field:
        match = _OPERATOR.match(text, pos)
        if match and match["name"] in OPERATORS:
            name = match["name"]
            before = text[pos - 1] if pos else ""
            # NOT may open the query or a group; the others need a space on both sides.
            if before.isspace() or (name == "NOT" and before in ("", "(")):
                return Token("op", name, pos, match.end(), name)
        if char in "+-" and pos + 1 < len(text) and not text[pos + 1].isspace():
            return Token("sign", char, pos, pos + 1, char)
    if not after_field:
        match = DATE_TERM.match(text, pos)
        if match:
            return Token("date", match.group(), pos, match.end())
        for kind, pattern, read in _COUNTED:
            match = pattern.match(text, pos)
            if match:
                read(match.group())  # a QueryError that says how to write it, when malformed
                return Token(kind, match.group(), pos, match.end())
        match = _FIELD.match(text, pos)
        if match and match["name"] in FIELDS:
            return Token("field", match.group(), pos, match.end(), match["name"])
    if char in "[{":
        match = _RANGE.match(text, pos)
        if match:
            return Token("range", match.group(), pos, match.end())
    if char == "'":
        match = _QUOTED.match(text, pos)
        if match:
            return Token("quoted", match.group(), pos, match.end(), match["text"])
    return None


# The tree. Spans (start, end) say where a leaf was typed; they take no part in equality.


@dataclass(frozen=True, slots=True)
class Word:
    """A word as typed (an engine may analyse it into several terms); `quoted`: in '…'."""

    text: str
    field: str | None = None
    quoted: bool = False
    start: int = dataclass_field(default=-1, compare=False)
    end: int = dataclass_field(default=-1, compare=False)


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words in this order; with `slop` > 1, within that many positions of each other."""

    text: str
    field: str | None = None
    slop: int = 1
    start: int = dataclass_field(default=-1, compare=False)
    end: int = dataclass_field(default=-1, compare=False)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A word with wildcards: `*` any run of characters, `?` one character."""

    text: str
    field: str | None = None
    start: int = dataclass_field(default=-1, compare=False)
    end: int = dataclass_field(default=-1, compare=False)

    @property
    def prefix(self) -> str | None:
        """The prefix when the pattern is a prefix search (`refug*`), else None."""
        text = self.text
        if len(text) > 1 and text.find("*") == len(text) - 1 and "[" not in text:
            if not any(mark in text for mark in QUESTION_MARKS):
                return text[:-1]
        return None


@dataclass(frozen=True, slots=True)
class And:
    """Every item (an empty And matches nothing)."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """Any item."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """Every article but those the item matches."""

    item: Node


@dataclass(frozen=True, slots=True)
class AndNot:
    """What `positive` matches, without what `negative` matches (`-word`, ANDNOT)."""

    positive: Node
    negative: Node


@dataclass(frozen=True, slots=True)
class AndMaybe:
    """What `required` matches, ranked higher when `optional` matches too (ANDMAYBE)."""

    required: Node
    optional: Node


@dataclass(frozen=True, slots=True)
class Require:
    """What `required` matches that `condition` matches too, scored by `required` alone."""

    required: Node
    condition: Node


Leaf = Word | Phrase | Pattern
Node = Word | Phrase | Pattern | AtLeast | Length | And | Or | Not | AndNot | AndMaybe | Require


@dataclass(frozen=True, slots=True)
class Parsed:
    """A query's tree (None when it has no terms) and its `date:` terms, in order."""

    tree: Node | None
    dates: tuple[Token, ...] = ()
    tokens: tuple[Token, ...] = ()


def parse(text: str) -> Parsed:
    """Read query text into a tree; `date:` terms are set apart (they apply to the whole query)."""
    tokens = tokenize(text)
    return parse_tokens(tokens)


def parse_tokens(tokens: list[Token]) -> Parsed:
    """The tree of already tokenized text."""
    dates = tuple(t for t in tokens if t.kind == "date")
    # A date term and any sign typed before it (`-date:2025`) are not terms of the tree.
    signs = {
        n for n, t in enumerate(tokens[:-1]) if t.kind == "sign" and tokens[n + 1].kind == "date"
    }
    rest = [t for n, t in enumerate(tokens) if t.kind != "date" and n not in signs]
    reader = _Reader(rest)
    tree = reader.sequence(None)
    while reader.pos < len(rest):  # a stray ")": carry on after it
        reader.pos += 1
        more = reader.sequence(None)
        if more is not None:
            tree = more if tree is None else And((tree, more))
    return Parsed(tree, dates, tuple(tokens))


class _Reader:
    """A recursive-descent reader over the tokens of one query."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0

    def sequence(self, field_name: str | None) -> Node | None:
        """Terms and operators up to a `)` or the end, combined by sign and operator."""
        lists: dict[str, list[Node | str]] = {"+": [], "": [], "-": []}
        while self.pos < len(self.tokens):
            token = self.tokens[self.pos]
            if token.kind == "close":
                break
            self.pos += 1
            if token.kind == "op":
                lists[""].append(token.value)
                continue
            sign = ""
            if token.kind == "sign":
                sign = token.value
                if self.pos >= len(self.tokens) or self.tokens[self.pos].kind in ("close", "op"):
                    continue
                token = self.tokens[self.pos]
                self.pos += 1
            node = self.term(token, field_name)
            if node is not None:
                lists[sign].append(node)
        required = _operators(lists["+"])
        optional = _operators(lists[""])
        banned = _operators(lists["-"])
        positive: list[Node] = required
        if optional:
            positive = [*required, _all(optional)] if required else optional
        if not banned:
            return _all(positive) if positive else None
        negative = banned[0] if len(banned) == 1 else Or(tuple(banned))
        return AndNot(_all(positive) if positive else And(()), negative)

    def term(self, token: Token, field_name: str | None) -> Node | None:
        """One term: a word, phrase, pattern or group, with the field it is searched in."""
        if token.kind == "field":
            if self.pos >= len(self.tokens):
                return Word(token.text, field_name, start=token.start, end=token.end)
            inner = self.tokens[self.pos]
            self.pos += 1
            if inner.kind in ("close", "op", "sign"):
                self.pos -= 1
                return Word(token.text, field_name, start=token.start, end=token.end)
            return self.term(inner, token.value)  # a field typed on a term beats its group's
        if token.kind == "open":
            node = self.sequence(field_name)
            if self.pos < len(self.tokens) and self.tokens[self.pos].kind == "close":
                self.pos += 1
            return node
        if token.kind == "phrase":
            return Phrase(token.value, field_name, token.slop, token.start, token.end)
        if token.kind == "quoted":
            return Word(token.value, field_name, True, token.start, token.end)
        if token.kind == "word" and _WILDCARD.search(token.text):
            return Pattern(token.text, field_name, token.start, token.end)
        if token.kind == "word" and token.text in OPERATORS:
            return None  # an operator out of place (`cocoa AND`) is ignored, as in between
        if token.kind in ("word", "range"):
            return Word(token.text, field_name, start=token.start, end=token.end)
        if token.kind == "atleast":
            count, word = read_at_least(token.text)
            return AtLeast(word, count, token.start, token.end)
        if token.kind == "length":
            low, high = read_length(token.text)
            return Length(low, high)
        return None  # a date term: set apart before reading


def _all(items: list[Node]) -> Node:
    """One node for items side by side: the item itself when alone."""
    return items[0] if len(items) == 1 else And(tuple(items))


def _operators(elements: list[Node | str]) -> list[Node]:
    """Apply NOT, then each infix operator in binding order; what is left is ANDed."""
    items = list(elements)
    i = 0
    while i < len(items):
        if items[i] == "NOT":
            del items[i]
            if i < len(items) and not isinstance(items[i], str):
                items[i] = Not(items[i])  # type: ignore[arg-type]
        i += 1
    for name in _INFIX:
        made: set[int] = set()  # ids of the nodes this operator made, which it extends
        i = 0
        while i < len(items):
            if items[i] != name:
                i += 1
                continue
            left = items[i - 1] if i > 0 else None
            right = items[i + 1] if i + 1 < len(items) else None
            if left is None or right is None or isinstance(left, str) or isinstance(right, str):
                del items[i]  # an operator without two terms beside it is ignored
                continue
            node = _infix(name, left, right, id(left) in made)
            made.add(id(node))
            items[i - 1 : i + 2] = [node]
    return [item for item in items if not isinstance(item, str)]


def _infix(name: str, left: Node, right: Node, extend: bool) -> Node:
    """Two terms joined by an infix operator (AND and OR extend a run of the same operator)."""
    if name == "AND":
        return And((*left.items, right)) if extend and isinstance(left, And) else And((left, right))
    if name == "OR":
        return Or((*left.items, right)) if extend and isinstance(left, Or) else Or((left, right))
    if name == "ANDNOT":
        return AndNot(left, right)
    if name == "ANDMAYBE":
        return AndMaybe(left, right)
    return Require(left, right)


def leaves(node: Node | None) -> Iterator[Leaf]:
    """The words, phrases and patterns of a tree, left to right (not counts and lengths)."""
    if node is None or isinstance(node, AtLeast | Length):
        return
    if isinstance(node, Word | Phrase | Pattern):
        yield node
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from leaves(item)
    elif isinstance(node, Not):
        yield from leaves(node.item)
    elif isinstance(node, AndNot):
        yield from leaves(node.positive)
        yield from leaves(node.negative)
    elif isinstance(node, AndMaybe):
        yield from leaves(node.required)
        yield from leaves(node.optional)
    else:
        yield from leaves(node.required)
        yield from leaves(node.condition)


def render(node: Node | None) -> str:
    """Query text that parses back to the same tree ("" for no tree)."""
    if node is None:
        return ""
    if isinstance(node, AtLeast | Length):
        return node.render()
    if isinstance(node, Word | Phrase | Pattern):
        prefix = f"{node.field}:" if node.field else ""
        if isinstance(node, Phrase):
            slop = f"~{node.slop}" if node.slop != 1 else ""
            return f'{prefix}"{node.text}"{slop}'
        if isinstance(node, Word) and (node.quoted or not _WORD.fullmatch(node.text)):
            return f"{prefix}'{node.text}'"
        return prefix + node.text
    if isinstance(node, And):
        return " ".join(
            _grouped(item, Or | AndNot | AndMaybe | Require | And) for item in node.items
        )
    if isinstance(node, Or):
        return " OR ".join(
            _grouped(item, And | Or | AndNot | AndMaybe | Require) for item in node.items
        )
    if isinstance(node, Not):
        return "NOT " + _grouped(node.item, And | Or | AndNot | AndMaybe | Require | Not)
    if isinstance(node, AndNot):
        negative = node.negative
        parts = [] if node.positive == And(()) else [_positive(node.positive)]
        parts.append("-" + _grouped(negative, And | Or | AndNot | AndMaybe | Require | Not))
        return " ".join(parts)
    name = "ANDMAYBE" if isinstance(node, AndMaybe) else "REQUIRE"
    left, right = (
        (node.required, node.optional)
        if isinstance(node, AndMaybe)
        else (node.required, node.condition)
    )
    compound = And | Or | AndNot | AndMaybe | Require
    return f"{_grouped(left, compound)} {name} {_grouped(right, compound)}"


def _positive(node: Node) -> str:
    """The part of `a b -c` before the excluded terms."""
    if isinstance(node, And) and node.items:
        return render(node)
    return _grouped(node, Or | AndNot | AndMaybe | Require)


def _grouped(node: Node, kinds: object) -> str:
    """A node's text, in parentheses when it is of one of `kinds`."""
    text = render(node)
    return f"({text})" if isinstance(node, kinds) else text  # type: ignore[arg-type]
