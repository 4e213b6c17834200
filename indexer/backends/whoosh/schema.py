"""The Whoosh schema of an article, and the document written for each article."""

from __future__ import annotations

import json
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import StandardAnalyzer

from indexer.backends.analysis import text_analyzer
from indexer.models import Article
from indexer.query.facets import MULTI_SEP, facet_values
from indexer.query.indexed import micros
from indexer.query.mentions import LENGTH_FIELD, word_count


def build_schema() -> fields.Schema:
    """The Whoosh schema: searchable text, facet columns, sort keys and the stored record."""
    text = text_analyzer()  # every word stemmed, no stop list; CJK runs as overlapping bigrams
    names = StandardAnalyzer(stoplist=None)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        origin=fields.ID(),
        title=fields.TEXT(analyzer=text, stored=True, field_boost=2.0),
        body=fields.TEXT(analyzer=text, stored=True),
        source=fields.TEXT(analyzer=names),
        publisher=fields.TEXT(analyzer=names),
        byline=fields.TEXT(analyzer=names),
        dateline=fields.TEXT(analyzer=names),
        date_new=fields.NUMERIC(int, bits=32, sortable=True),
        indexed_at=fields.NUMERIC(int, bits=64, sortable=True),  # microseconds since 1970, UTC
        words=fields.NUMERIC(int, bits=32, sortable=True),  # the body's length in words
        meta=fields.STORED(),
        c_id=fields.COLUMN(columns.VarBytesColumn()),
        c_origin=fields.COLUMN(columns.VarBytesColumn()),
        c_mtime=fields.COLUMN(columns.NumericColumn("d")),
        c_source=fields.COLUMN(columns.RefBytesColumn()),
        c_publisher=fields.COLUMN(columns.RefBytesColumn()),
        c_byline=fields.COLUMN(columns.VarBytesColumn()),
        c_dateline=fields.COLUMN(columns.RefBytesColumn()),
        c_month=fields.COLUMN(columns.RefBytesColumn()),
        c_language=fields.COLUMN(columns.RefBytesColumn()),
        c_story=fields.COLUMN(columns.VarBytesColumn()),
        c_precision=fields.COLUMN(columns.RefBytesColumn()),
    )


def document(article: Article) -> dict[str, Any]:
    """The Whoosh document for an article."""
    meta = article.to_record()
    body = meta.pop("body")
    doc: dict[str, Any] = {
        "id": article.id,
        "origin": article.origin,
        "title": article.title or "",
        "body": body,
        "source": " ".join(filter(None, [article.source])),
        "publisher": article.publisher or "",
        "byline": "; ".join(article.byline),
        "dateline": article.dateline or "",
        "meta": json.dumps(meta, ensure_ascii=False),
        "c_id": article.id.encode(),
        "c_origin": article.origin.encode(),
        "c_mtime": float(article.mtime),
        LENGTH_FIELD: word_count(body),
    }
    start = article.date.start() if article.date else None
    doc["date_new"] = start.toordinal() if start else 0
    doc["indexed_at"] = micros(article.indexed_at)
    for name, values in facet_values(article).items():
        doc[f"c_{name}"] = MULTI_SEP.join(values).encode()
    precision = article.date.precision if article.date else None
    doc["c_precision"] = (precision or "").encode()
    doc["c_story"] = (article.story_id or f"solo-{article.id}").encode()
    return doc
