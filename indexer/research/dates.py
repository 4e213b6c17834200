"""Date columns of a list of articles (for engines that do not keep them as columns)."""

from __future__ import annotations

from collections.abc import Iterable

from indexer.models import Article
from indexer.query.facets import DateColumns


def dates_of(articles: Iterable[Article], stories: bool = False) -> DateColumns:
    """The articles' date columns; with `stories`, only each story's earliest dated article."""
    chosen = list(articles)
    if stories:
        first: dict[str, Article] = {}
        for article in sorted(chosen, key=_day):
            first.setdefault(article.story_id or article.id, article)
        chosen = list(first.values())
    starts = [a.date.start() if a.date else None for a in chosen]
    precisions = [((a.date.precision or "") if a.date else "").encode() for a in chosen]
    return DateColumns.from_values([d.toordinal() if d else 0 for d in starts], precisions)


def _day(article: Article) -> int:
    """The ordinal of the article's first day, undated last."""
    start = article.date.start() if article.date else None
    return start.toordinal() if start else 10**7
