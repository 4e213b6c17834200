"""Fields a user supplies (JSON records, sidecars): normalised, and winning over heuristics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from indexer.errors import SkipArticle
from indexer.models import Article, PartialDate, RawRecord
from indexer.normalize import normalize
from indexer.normalize.fields import supplied_date, supplied_names

DATA = Path(__file__).resolve().parent / "data" / "normalize"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000-reuters-rednote-wary-welcome.txt"
BODY = (
    "SHANGHAI, Jan 15 (Reuters) - Users of the Chinese social media app welcomed newcomers "
    "from the United States on Wednesday, as officials encouraged cultural ties.\n\n"
    "The influx has been driven by a looming ban on another app, used by millions of people."
)


def _fields(fields: dict[str, Any]) -> Article:
    """Normalise a JSON record."""
    return normalize(
        RawRecord(id="r1", file="feed.jsonl:1", path=DATA, kind="fields", fields=fields)
    )


def test_supplied_fields_win_and_say_so() -> None:
    article = _fields(
        {
            "title": "  App welcomes   newcomers ",
            "source": "reuters",
            "publisher": "Example Portal",
            "date": "January 2025",
            "byline": "By Brenda Goh and Sophie Yu",
            "url": "https://example.com/a",
            "language": "en-GB",
            "body": BODY,
        }
    )
    assert article.title == "App welcomes newcomers"
    assert (article.source, article.publisher) == ("Reuters", "Example Portal")
    assert article.date == PartialDate(2025, 1)
    assert article.byline == ["Brenda Goh", "Sophie Yu"]
    assert article.language == "en"
    for name in ("title", "source", "publisher", "date", "byline", "url", "language"):
        assert article.provenance[name] == "supplied"
    # What was not supplied still comes from the text.
    assert article.dateline == "SHANGHAI"
    assert article.provenance["dateline"] == "dateline"
    assert (article.id, article.file) == ("r1", "feed.jsonl:1")


def test_text_field_and_derived_title() -> None:
    article = _fields({"text": BODY})
    assert article.title is not None and article.title.startswith("Users of the Chinese")
    assert article.provenance["title"] == "derived"
    assert article.source == "Reuters"
    assert article.body.startswith("SHANGHAI, Jan 15 (Reuters)")


def test_a_record_without_text_is_skipped() -> None:
    with pytest.raises(SkipArticle, match="body"):
        _fields({"title": "Headline only"})


def test_a_short_supplied_body_is_kept() -> None:
    article = _fields({"title": "Flash", "body": "Rates unchanged."})
    assert article.body == "Rates unchanged."


def test_sidecar_fields_beside_a_text_file() -> None:
    record = RawRecord(
        id="000",
        file="seeds/000.txt",
        path=SEED,
        kind="text",
        text=SEED.read_text(encoding="utf-8"),
        fields={"byline": ["Brenda Goh"], "date": "2025-01-15", "dateline": "Shanghai -"},
    )
    article = normalize(record)
    assert article.byline == ["Brenda Goh"]
    assert article.date == PartialDate(2025, 1, 15)
    assert article.dateline == "Shanghai"
    assert {article.provenance[k] for k in ("byline", "date", "dateline")} == {"sidecar"}
    assert article.source == "Reuters"
    assert article.provenance["source"] == "dateline"


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2025-01-15", PartialDate(2025, 1, 15)),
        ("2025-01", PartialDate(2025, 1)),
        ("2025", PartialDate(2025)),
        (2025, PartialDate(2025)),
        ("15 January 2025", PartialDate(2025, 1, 15)),
        ("2025-01-15T01:00:00+09:00", PartialDate(2025, 1, 15)),  # the local day, not UTC's
        ("Published Jan 15, 2025, 9:00 AM", PartialDate(2025, 1, 15)),
        ("sometime", None),
        (True, None),
    ],
)
def test_supplied_dates_keep_their_precision(value: Any, date: PartialDate | None) -> None:
    assert supplied_date(value) == date


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("By Brenda Goh and Sophie Yu", ["Brenda Goh", "Sophie Yu"]),
        (["Brenda Goh", {"name": "Sophie Yu"}], ["Brenda Goh", "Sophie Yu"]),
        ("By Janie Gabbett, Reuters", ["Janie Gabbett"]),
        ("Staff", []),
        ("Reuters", []),
        ("Xiao Ming", ["Xiao Ming"]),
        ("Madonna", ["Madonna"]),  # a supplied name is trusted even when it is one word
    ],
)
def test_supplied_bylines_are_people(value: Any, names: list[str]) -> None:
    assert supplied_names(value) == names
