"""Filling a copy's gaps (year, byline) from the other articles of its story."""

from __future__ import annotations

import datetime as dt

from indexer.models import Article, PartialDate

COPY = "copy"  # provenance of a value taken from another article of the story
_PRECISION = {"day": 0, "month": 1, "year": 2}


def year_for(date: PartialDate, dated: list[PartialDate]) -> int | None:
    """The year a year-less date takes from the first dated copy whose month and day agree."""
    for other in dated:
        if other.month != date.month or (date.day is not None and other.day != date.day):
            continue
        if date.weekday is not None and date.day is not None:
            if dt.date(other.year, date.month, date.day).weekday() != date.weekday:
                continue
        return other.year
    return None


def _wire(article: Article) -> bool:
    """Whether the article is the credited outlet's own, not a portal's copy."""
    publisher = article.publisher.casefold() if article.publisher else ""
    return not publisher or publisher == (article.source or "").casefold()


def fill_from_copies(group_articles: list[Article]) -> list[str]:
    """Give one story's articles the year and byline they lack; return the ids changed."""
    # Evidence is a value its article states (provenance other than `copy`), preferring the
    # most precise date, then the wire's own copy, then the earliest. A stated field is never
    # replaced; a year-less date takes a year only from a date whose month and day agree (and
    # which falls on its weekday, when one is named).
    dated = [
        a
        for a in group_articles
        if a.date and a.date.year is not None and a.provenance.get("date") != COPY
    ]
    dated.sort(key=lambda a: (_PRECISION[a.date.precision], not _wire(a), a.date.start(), a.id))
    has_date = {a.id for a in dated}
    signed = [a for a in group_articles if a.byline and a.provenance.get("byline") != COPY]
    signed.sort(key=lambda a: (not _wire(a), a.id not in has_date, a.id))
    changed = []
    for article in group_articles:
        touched = False
        if dated and article.date is None:
            article.date_from(dated[0].date, COPY)
            touched = True
        elif dated and article.date.year is None and article.date.month is not None:
            year = year_for(article.date, [a.date for a in dated])
            if year is not None:
                article.date_from(PartialDate(year, article.date.month, article.date.day), COPY)
                touched = True
        if signed and not article.byline:
            article.byline_from(signed[0].byline, COPY)
            touched = True
        if touched:
            changed.append(article.id)
    return changed
