"""The copies listed under a hit come from each copy's summary slot, the same as its record
gives, and an index built before the slot lists them from the records."""

from __future__ import annotations

import xapian

from indexer.backends.base import COPY_FIELDS, SearchQuery
from indexer.backends.xapian import XapianBackend, schema
from indexer.models import Article, PartialDate


def _articles() -> list[Article]:
    """Three copies of one story from different outlets, and an article alone."""
    outlets = [("Wire", None), ("Daily", "Daily Group"), ("Herald", "Herald Media")]
    story = [
        Article(
            id=f"c{n}",
            file=f"f/{n}.txt",
            origin=f"f/{n}.txt",
            title=f"Harbour reopens ({source})",
            body="The harbour reopened on Monday after repairs.",
            source=source,
            publisher=publisher,
            date=PartialDate.parse_iso(f"2024-05-0{n + 1}"),
            story_id="story-1",
            mtime=float(n),
        )
        for n, (source, publisher) in enumerate(outlets)
    ]
    alone = Article(id="solo", file="f/solo.txt", origin="f/solo.txt", title="Other",
                    body="Nothing about it.", mtime=9.0)  # fmt: skip
    return [*story, alone]


def _copies(engine: XapianBackend) -> list[dict]:
    """The copies listed under the one hit for "harbour"."""
    results = engine.search(SearchQuery(text="harbour"))
    assert results.total == 3 and len(results.hits) == 1
    return sorted(results.hits[0].copies, key=lambda c: c["id"])


def test_copies_come_from_the_summary_slot_or_the_record_alike(tmp_path):
    engine = XapianBackend.create(tmp_path / "x")
    try:
        articles = _articles()
        engine.add(articles)
        listed = _copies(engine)
        shown = {listed[0]["id"], listed[1]["id"]}
        assert len(listed) == 2 and shown < {"c0", "c1", "c2"}
        for copy in listed:
            stored = next(a for a in articles if a.id == copy["id"]).to_record()
            assert copy == {key: stored.get(key) for key in COPY_FIELDS}
        db = xapian.WritableDatabase(str(tmp_path / "x" / "shard-0"), xapian.DB_OPEN)
        for item in db.postlist(schema.STORY_PREFIX + "story-1"):
            doc = db.get_document(item.docid)
            assert doc.get_value(schema.SLOT_SUMMARY)
            doc.remove_value(schema.SLOT_SUMMARY)  # as an index built before the slot
            db.replace_document(item.docid, doc)
        db.commit()
        db.close()
        engine.refresh()
        assert _copies(engine) == listed
    finally:
        engine.close()
