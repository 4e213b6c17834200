"""The writer a copied page names under its story: biographies and contact lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.models import Article, RawRecord
from indexer.normalize import normalize

DATA = Path(__file__).resolve().parent / "data" / "copied"
HEADLINE = "Water board to replace old mains under the market district"


def _normalize(name: str) -> Article:
    """Normalise one copied page as `newsindex rebuild` reads a `.txt` file."""
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    return normalize(RawRecord(id=name, file=name, path=path, kind="text", text=text))


@pytest.mark.parametrize(
    ("name", "byline"),
    [
        # The header names no one; `Mira Okafor is a staff writer at …` under the story does.
        ("byline-bio.txt", ["Mira Okafor"]),
        # `Mira Okafor Mira is …`: the author box's name glued to the biography's first word.
        ("byline-bio-avatar.txt", ["Mira Okafor"]),
        # `Contact Tobias Quenneville at …` under the story.
        ("byline-bio-contact.txt", ["Tobias Quenneville"]),
        # A bare phrase under the headline (`Festive Lights`) is no name when the story's foot
        # says who wrote it.
        ("byline-bio-over-phrase.txt", ["Mira Okafor"]),
        ("byline-bio-about.txt", ["Tobias Quenneville"]),
    ],
)
def test_a_biography_under_the_story_names_its_writer(name: str, byline: list[str]) -> None:
    article = _normalize(name)
    assert article.title == HEADLINE
    assert article.byline == byline


def test_a_biography_of_someone_the_story_is_about_names_no_writer() -> None:
    # The story reports what `Mira Okafor` found: the biography under it is its subject's.
    article = _normalize("byline-bio-subject.txt")
    assert article.title == HEADLINE
    assert article.byline == []
