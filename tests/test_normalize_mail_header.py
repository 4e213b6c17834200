"""A forwarded mail's header above a pasted story: its date is the mailing's, not the story's."""

from __future__ import annotations

from pathlib import Path

from indexer.models import Article, RawRecord
from indexer.normalize import normalize

DATA = Path(__file__).resolve().parent / "data" / "copied"


def _normalize(name: str) -> Article:
    """Normalise one copied page as `newsindex rebuild` reads it."""
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    return normalize(RawRecord(id=name, file=name, path=path, kind="text", text=text))


def _iso(article: Article) -> str | None:
    """The article's date as ISO text, or None."""
    return article.date.iso() if article.date is not None else None


def test_a_forwarded_mail_s_date_is_not_the_story_s() -> None:
    # The story's own `February 27, 2024` under its byline, or its `Published …` at the foot,
    # wins over the forwarding header's `Date: Tue, Mar 5, 2024 at 9:14 AM`.
    assert _iso(_normalize("date-forwarded-mail.txt")) == "2024-02-27"
    article = _normalize("date-forwarded-trailer.txt")
    assert _iso(article) == "2024-02-27"
    assert article.title == "Water board to replace old mains under the market district"


def test_a_forwarded_mail_dates_an_undated_story_only_when_its_headers_agree() -> None:
    article = _normalize("date-forwarded-undated.txt")
    assert _iso(article) == "2024-03-05"
    assert article.provenance.get("date") == "mail-header"
    assert "Forwarded message" not in article.body
    # Forwarded on 5 March, again on 8 March: when the story appeared is not known.
    assert _normalize("date-forwarded-chain.txt").date is None


def test_a_mail_quoted_in_a_story_stays_in_it_and_dates_nothing() -> None:
    # An investigation quoting a leaked mail's `From:`/`Sent:`: the header is the story's text,
    # and when the mail was sent is not when the story appeared.
    for name, field in (
        ("date-quoted-mail.txt", "Sent: Monday, March 4, 2024"),
        ("date-quoted-forward.txt", "Forwarded message"),
    ):
        article = _normalize(name)
        assert article.date is None, name
        assert field in article.body, name


def test_a_memo_header_above_a_press_release_dates_it() -> None:
    # `From:`/`Date:`/`Subject:` over a release, before any of its sentences: the release's date.
    assert _iso(_normalize("date-press-memo.txt")) == "2024-03-05"
