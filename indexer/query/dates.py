"""`date:` terms in query text: ISO dates, ranges and phrases such as `yesterday` or `last week`."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta

from indexer.errors import QueryError
from indexer.models import PartialDate
from indexer.query.grammar import DATE_TERM, Token, tokenize

DateBounds = tuple[dt.date | None, dt.date | None]

_RANGE_SPLIT = re.compile(r"\s*\bto\b\s*|\s*\.\.\s*", re.IGNORECASE)
_LAST_N = re.compile(r"^(?:last|past)\s+(\d{1,4})\s+(day|week|month|year)s?$")
_NUMBERS = re.compile(r"[0-9]+(?:-[0-9]+){0,2}")  # the shape of an ISO date
_HELP = (
    "use YYYY, YYYY-MM or YYYY-MM-DD, a range [2025-01-01 to 2025-01-31], or yesterday, last week…"
)


def _week_start(day: dt.date) -> dt.date:
    """The Monday of the week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def _relative(text: str, today: dt.date) -> DateBounds | None:
    """Bounds of a relative phrase (`today`, `last week`, `past 30 days`), or None."""
    year_start = dt.date(today.year, 1, 1)
    month_start = today.replace(day=1)
    fixed: dict[str, DateBounds] = {
        "today": (today, today),
        "yesterday": (today - dt.timedelta(days=1), today - dt.timedelta(days=1)),
        "this week": (_week_start(today), today),
        "last week": (
            _week_start(today) - dt.timedelta(days=7),
            _week_start(today) - dt.timedelta(days=1),
        ),
        "this month": (month_start, today),
        "last month": (month_start - relativedelta(months=1), month_start - dt.timedelta(days=1)),
        "this year": (year_start, today),
        "last year": (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)),
    }
    if text in fixed:
        return fixed[text]
    match = _LAST_N.match(text)
    if match:
        count, unit = int(match.group(1)), match.group(2)
        delta = relativedelta(**{f"{unit}s": count})
        return today - delta + dt.timedelta(days=1), today
    return None


def _one_date(text: str, today: dt.date, term: str) -> DateBounds:
    """The first and last day a single date expression covers."""
    text = " ".join(text.lower().split())
    if not text:
        raise QueryError(f"Empty date in {term}: {_HELP}.")
    try:
        partial = PartialDate.parse_iso(text)
    except OverflowError:  # a year too large for a date: say so rather than fail the search
        raise QueryError(f"The date {text!r} in {term} is out of range: {_HELP}.") from None
    except ValueError:
        if _NUMBERS.fullmatch(text):  # ISO-shaped but no date: dateutil would guess (00100)
            raise QueryError(f"Could not read the date {text!r} in {term}: {_HELP}.") from None
        partial = None
    if partial is not None:
        return partial.start(), partial.end()
    relative = _relative(text, today)
    if relative is not None:
        return relative
    # Parse twice with different defaults: a part that changes was not in the text.
    try:
        first = dateparser.parse(text, default=dt.datetime(2000, 1, 1))
        second = dateparser.parse(text, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError, dateparser.ParserError):
        raise QueryError(f"Could not read the date {text!r} in {term}: {_HELP}.") from None
    if first.year != second.year:
        raise QueryError(f"The date {text!r} in {term} has no year: {_HELP}.")
    known = PartialDate(
        first.year,
        first.month if first.month == second.month else None,
        first.day if first.month == second.month and first.day == second.day else None,
    )
    try:
        return known.start(), known.end()
    except (ValueError, OverflowError):
        raise QueryError(f"The date {text!r} in {term} is out of range: {_HELP}.") from None


def _term_bounds(term: str, today: dt.date) -> DateBounds:
    """The bounds one `date:` term asks for."""
    match = DATE_TERM.fullmatch(term)
    assert match is not None  # the tokenizer made the term with this expression
    if match.group("range") is not None:
        parts = _RANGE_SPLIT.split(match.group("range").strip(), maxsplit=1)
        if len(parts) != 2:
            raise QueryError(
                f"A date range needs two ends, as in date:[2025-01-01 to 2025-01-31]: {term}"
            )
        low = _one_date(parts[0], today, term)[0] if parts[0].strip() else None
        high = _one_date(parts[1], today, term)[1] if parts[1].strip() else None
        return low, high
    text = next(
        g
        for g in (match.group("phrase"), match.group("single"), match.group("word"))
        if g is not None
    )
    return _one_date(text, today, term)


def narrow(bounds: DateBounds, other: DateBounds) -> DateBounds:
    """The intersection of two date bounds."""
    lows = [d for d in (bounds[0], other[0]) if d]
    highs = [d for d in (bounds[1], other[1]) if d]
    return (max(lows) if lows else None, min(highs) if highs else None)


def date_bounds(tokens: list[Token], today: dt.date | None = None) -> DateBounds:
    """The bounds the `date:` terms among a query's tokens ask for, narrowing each other.

    A date term applies to the whole query, wherever it stands in it.
    """
    today = today or dt.date.today()
    bounds: DateBounds = (None, None)
    for token in tokens:
        if token.kind == "date":
            bounds = narrow(bounds, _term_bounds(token.text, today))
    if bounds[0] and bounds[1] and bounds[0] > bounds[1]:
        raise QueryError(f"The dates in the query leave no days: {bounds[0]} is after {bounds[1]}.")
    return bounds


def extract_date_terms(text: str, today: dt.date | None = None) -> tuple[str, DateBounds]:
    """Query text without its `date:` terms, and the bounds they ask for."""
    tokens = tokenize(text)
    bounds = date_bounds(tokens, today)
    rest = "".join(
        " "
        if t.kind == "date"
        else text[t.start : (tokens[n + 1].start if n + 1 < len(tokens) else len(text))]
        for n, t in enumerate(tokens)
    )
    return " ".join(rest.split()), bounds
