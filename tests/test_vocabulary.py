"""The index's own vocabulary for "did you mean": counting, nearest words, saving.

Engine-free unit tests of the word counts the Whoosh engine suggests from (Xapian suggests
from its own spelling data): "did you mean" on both engines is in test_backend_contract.py and
the app tests.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from indexer.backends.base import SearchQuery
from indexer.backends.vocabulary import FILE_NAME, Vocabulary
from indexer.backends.whoosh.backend import WhooshBackend
from indexer.models import Article


def test_the_nearest_word_sharing_two_letters_wins_and_frequency_breaks_ties() -> None:
    vocabulary = Vocabulary()
    vocabulary.add(["Government governs; the governor and the govern-ment.", "tiktok TikTok"])
    assert vocabulary.suggest("goverment") == "government"
    assert vocabulary.suggest("tiktk") == "tiktok"
    assert vocabulary.suggest("tiktok") is None  # indexed already
    assert vocabulary.suggest("overnment") is None  # the first letters must agree
    counts = Vocabulary(Counter({"cart": 1, "card": 5}))
    assert counts.suggest("carx") == "card"


def test_saved_vocabulary_loads_and_a_damaged_one_is_ignored(tmp_path: Path) -> None:
    vocabulary = Vocabulary()
    vocabulary.add(["Refugees flock to RedNote"])
    vocabulary.save(tmp_path)
    loaded = Vocabulary.load(tmp_path)
    assert loaded is not None and loaded.counts == vocabulary.counts
    (tmp_path / FILE_NAME).write_bytes(b"not gzip")
    assert Vocabulary.load(tmp_path) is None
    assert Vocabulary.load(tmp_path / "missing") is None


def test_an_update_keeps_the_words_of_earlier_commits(tmp_path: Path) -> None:
    engine = WhooshBackend.create(tmp_path / "ix")
    try:
        engine.add([Article(id="a", file="a.txt", title="Cocoa", body="Cocoa prices rose.")])
        engine.add([Article(id="b", file="b.txt", title="Coffee", body="Coffee prices fell.")])
        assert engine.search(SearchQuery(text="cocao")).suggestion == "cocoa"
        assert engine.search(SearchQuery(text="cofee")).suggestion == "coffee"
        assert "spell_body" not in engine._schema.names()  # no second, unstemmed body field
    finally:
        engine.close()
