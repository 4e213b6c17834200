"""Reference engines doing the same search work as the Whoosh backend: SQLite FTS5 and tantivy.

Each engine indexes the normalised articles (read back from the project's index, so the three
engines hold the same values) and answers a `BenchQuery` with the work of one full search request:
the total, the top 10 (BM25 with the title weighted 2, or newest first), facet counts over the
whole match set for source, publisher, byline and dateline (top 20 each), the month histogram
(every month), and one highlighted snippet per hit about as long as the backend's three.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.models import Article

FACET_NAMES = ("source", "publisher", "byline", "dateline")
FACET_LIMIT = 20
TOP = 10


@dataclass(frozen=True, slots=True)
class BenchQuery:
    """One query in each engine's syntax; `sort` is relevance or newest."""

    whoosh: str
    fts5: str | None
    tantivy: str | None
    sort: str = "relevance"


def _row(article: Article) -> dict[str, Any]:
    """The values every reference engine indexes for an article."""
    start = article.date.start() if article.date else None
    iso = article.date.iso() if article.date else None
    return {
        "id": article.id,
        "title": article.title or "",
        "body": article.body,
        "source": article.source or "",
        "publisher": article.publisher or "",
        "byline": list(article.byline),
        "dateline": article.dateline or "",
        "month": iso[:7] if iso else "",
        "date_ord": start.toordinal() if start else 0,
        "date": iso or "",
    }


class Fts5Engine:
    """SQLite FTS5 (porter + unicode61), metadata in a plain table, facets by GROUP BY."""

    name = "fts5"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db: sqlite3.Connection | None = None

    def build(self, articles: Iterable[Article]) -> int:
        """Create the database from scratch; returns the number of articles."""
        self.path.unlink(missing_ok=True)
        db = sqlite3.connect(self.path)
        db.executescript(
            """
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE VIRTUAL TABLE fts USING fts5(
                title, body, source, dateline, tokenize='porter unicode61');
            CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, title TEXT, source TEXT,
                publisher TEXT, dateline TEXT, month TEXT, date TEXT, date_ord INTEGER,
                byline TEXT);
            CREATE TABLE bylines(rowid INTEGER, name TEXT);
            """
        )
        n = 0
        for n, article in enumerate(articles, start=1):
            r = _row(article)
            db.execute(
                "INSERT INTO fts(rowid, title, body, source, dateline) VALUES (?,?,?,?,?)",
                (n, r["title"], r["body"], r["source"], r["dateline"]),
            )
            db.execute(
                "INSERT INTO meta VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    n,
                    r["id"],
                    r["title"],
                    r["source"],
                    r["publisher"],
                    r["dateline"],
                    r["month"],
                    r["date"],
                    r["date_ord"],
                    "\x1f".join(r["byline"]),
                ),
            )
            db.executemany("INSERT INTO bylines VALUES (?,?)", [(n, b) for b in r["byline"]])
        db.executescript(
            """
            CREATE INDEX meta_date ON meta(date_ord);
            CREATE INDEX bylines_rowid ON bylines(rowid);
            INSERT INTO fts(fts) VALUES ('optimize');
            """
        )
        db.commit()
        db.close()
        return n

    def open(self) -> None:
        """Open the database (one connection, as a serving process would hold)."""
        self.db = sqlite3.connect(self.path, check_same_thread=False)
        self.db.execute("PRAGMA temp_store=MEMORY")

    def size_bytes(self) -> int:
        """Size of the database file."""
        return self.path.stat().st_size

    def search(self, q: BenchQuery) -> dict[str, Any]:
        """The full search request."""
        db = self.db
        assert db is not None
        if q.fts5 is None:
            # Every article matches: count over the tables themselves, as whoosh does.
            top = db.execute(
                "SELECT rowid, NULL, substr((SELECT body FROM fts WHERE fts.rowid = meta.rowid),"
                " 1, 220) FROM meta ORDER BY date_ord DESC LIMIT ?",
                (TOP,),
            ).fetchall()
            total = db.execute("SELECT count(*) FROM meta").fetchone()[0]
            join = ""
        else:
            db.execute("DROP TABLE IF EXISTS temp.m")
            db.execute("CREATE TEMP TABLE m AS SELECT rowid FROM fts WHERE fts MATCH ?", (q.fts5,))
            top = db.execute(
                "SELECT rowid, bm25(fts, 2.0, 1.0, 0.0, 0.0),"
                " snippet(fts, 1, '<mark>', '</mark>', '…', 64)"
                " FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?",
                (q.fts5, TOP),
            ).fetchall()
            total = db.execute("SELECT count(*) FROM temp.m").fetchone()[0]
            join = " JOIN temp.m USING(rowid)"
        facets: dict[str, list[tuple[str, int]]] = {}
        for name in ("source", "publisher", "dateline"):
            facets[name] = db.execute(
                f"SELECT {name}, count(*) c FROM meta{join}"
                f" WHERE {name} != '' GROUP BY {name} ORDER BY c DESC, {name} LIMIT ?",
                (FACET_LIMIT,),
            ).fetchall()
        facets["byline"] = db.execute(
            f"SELECT name, count(*) c FROM bylines{join}"
            " GROUP BY name ORDER BY c DESC, name LIMIT ?",
            (FACET_LIMIT,),
        ).fetchall()
        facets["date"] = db.execute(
            f"SELECT month, count(*) FROM meta{join}"
            " WHERE month != '' GROUP BY month ORDER BY month"
        ).fetchall()
        hits = []
        for rowid, score, snippet in top:
            meta = db.execute(
                "SELECT id, title, source, publisher, date, byline, dateline FROM meta"
                " WHERE rowid = ?",
                (rowid,),
            ).fetchone()
            hits.append({"meta": meta, "score": score, "snippet": snippet})
        return {"total": total, "hits": hits, "facets": facets}

    def close(self) -> None:
        """Close the connection."""
        if self.db is not None:
            self.db.close()
            self.db = None


class TantivyEngine:
    """tantivy via its Python binding: en_stem text, raw fast fields aggregated with `terms`."""

    name = "tantivy"

    def __init__(self, path: Path) -> None:
        import tantivy

        self.t = tantivy
        self.path = path
        self.index: Any = None
        self.searcher: Any = None
        b = tantivy.SchemaBuilder()
        b.add_text_field("id", stored=True, tokenizer_name="raw")
        b.add_text_field("title", stored=True, tokenizer_name="en_stem")
        b.add_text_field("body", stored=True, tokenizer_name="en_stem")
        b.add_text_field("source", tokenizer_name="default")
        b.add_text_field("dateline", tokenizer_name="default")
        for name in (*FACET_NAMES, "month"):
            b.add_text_field(f"f_{name}", stored=True, fast=True, tokenizer_name="raw")
        b.add_integer_field("date_ord", fast=True, stored=True)
        b.add_text_field("date", stored=True, tokenizer_name="raw")
        self.schema = b.build()

    def build(self, articles: Iterable[Article]) -> int:
        """Create the index from scratch; returns the number of articles."""
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        index = self.t.Index(self.schema, path=str(self.path))
        writer = index.writer(heap_size=256_000_000, num_threads=2)
        n = 0
        for article in articles:
            n += 1
            r = _row(article)
            doc = self.t.Document()
            doc.add_text("id", r["id"])
            doc.add_text("title", r["title"])
            doc.add_text("body", r["body"])
            doc.add_text("source", r["source"])
            doc.add_text("dateline", r["dateline"])
            for name in ("source", "publisher", "dateline", "month"):
                if r[name]:
                    doc.add_text(f"f_{name}", r[name])
            for person in r["byline"]:
                doc.add_text("f_byline", person)
            doc.add_integer("date_ord", r["date_ord"])
            doc.add_text("date", r["date"])
            writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()
        return n

    def open(self) -> None:
        """Open the index and its searcher."""
        self.index = self.t.Index.open(str(self.path))
        self.index.reload()
        self.searcher = self.index.searcher()

    def size_bytes(self) -> int:
        """Size of the index directory."""
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())

    def search(self, q: BenchQuery) -> dict[str, Any]:
        """The full search request."""
        t, searcher = self.t, self.searcher
        if q.tantivy is None:
            query = t.Query.all_query()
            result = searcher.search(query, TOP, order_by_field="date_ord", order=t.Order.Desc)
            generator = None
        else:
            query = self.index.parse_query(
                q.tantivy, default_field_names=["title", "body"], field_boosts={"title": 2.0}
            )
            result = searcher.search(query, TOP)
            generator = t.SnippetGenerator.create(searcher, query, self.schema, "body")
            generator.set_max_num_chars(660)
        aggs = {
            name: {"terms": {"field": f"f_{name}", "size": FACET_LIMIT}} for name in FACET_NAMES
        }
        aggs["date"] = {"terms": {"field": "f_month", "size": 1000, "order": {"_key": "asc"}}}
        counted = searcher.aggregate(query, aggs)
        facets = {
            name: [(b["key"], b["doc_count"]) for b in counted[name]["buckets"]] for name in aggs
        }
        hits = []
        for key, address in result.hits:
            doc = searcher.doc(address)
            if generator is not None:
                snippet = generator.snippet_from_doc(doc).to_html()
            else:
                snippet = (doc.get_first("body") or "")[:220]
            hits.append({"meta": doc.to_dict(), "score": key, "snippet": snippet})
        return {"total": result.count, "hits": hits, "facets": facets}

    def close(self) -> None:
        """Drop the searcher."""
        self.searcher = None
        self.index = None


def timed_build(engine: Fts5Engine | TantivyEngine, articles: list[Article]) -> dict[str, float]:
    """Build an engine's index from articles already in memory; its rate and size."""
    started = time.perf_counter()
    n = engine.build(articles)
    seconds = time.perf_counter() - started
    return {"articles": n, "seconds": seconds, "rate": n / seconds, "bytes": engine.size_bytes()}
