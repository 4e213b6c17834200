"""What one line of a copied page stamps: its dates, each the publication or an update, read
once a page; and whether the line is a stamp at all, not a sentence, a caption or a table row
that names a date (the header's reading of them: `header.py`)."""

from __future__ import annotations

import re

from indexer.models import PartialDate
from indexer.normalize.cluster import STAMP_BITS
from indexer.normalize.dates import GLUED_UPDATED, date_label, find_date, span_follows
from indexer.normalize.factbox import fact_box, names_place
from indexer.normalize.lines import cjk_count, word_count
from indexer.normalize.mailheader import in_mail_header
from indexer.normalize.story import Page

_META_CHARS = 240  # a header line (byline, date, place, reading time) is shorter than this
_META_WORDS = 30
_LEFTOVER_WORDS = 10
_PROSE_WORDS = 3
_COMMA_END = re.compile(r",\s*(?:\w{1,3}\s+)?$")  # `…, 24 April`, `…, le 30 avril`
_WORDS = re.compile(r"[^\W\d_]+")
# The labels of buttons a copy glues to a stamp (`… 11:30 am cancel email link share Save`).
_BUTTONS = frozenset(
    "share shares email e mail link copy copied bookmark save saved print cancel comment comments"
    " tweet facebook twitter whatsapp linkedin reddit pinterest flipboard telegram gift".split()
)
_LABEL_CHARS = 24
_LABEL_WORDS = 3  # a label on a line of its own above its date (`Last updated:`)
_NOT_PUBLISHED = re.compile(
    r"\b(?:until|till|bis|expires?|available|verfügbar|hasta|jusqu'?au|retrieved|accessed|as of"
    r"|when|wann|quand|cuándo|deadline|event date|born|geboren|died|passed away|gestorben"
    r"|verstorben|décédée?|fallecid[oa]|overleden"
    # What happens on that day (`Consultation closes March 31`, `Kick-off: Saturday 22 March`,
    # `Doors open`, `Offer ends`): an event's day or a term's, not when the story appeared.
    r"|ends|closes?|opens?|starts?|begins?|kick-?off|kicks off|premieres?|airs|takes place"
    r"|effective(?: date)?|endet|beginnt|startet|findet statt|se termine|commence|termina"
    r"|comienza)\b"
    r"(?:\s+(?:on|am|le|el|il))?\W*$",
    re.IGNORECASE,
)  # how far before a date its `Updated` label may stand
_UPDATED = re.compile(
    r"(?:\b(?:last\s*+)?(?:update[ds]?\b|modified|aktualisiert|aktualisierung|akt\.|stand\b"
    r"|actualizado|actualización|mise? à jour|aggiornamento|(?:medically\s+)?reviewed"
    r"|fact[- ]checked"
    r"|güncelleme|oppdatert|uppdaterad|aktualizacja|aggiornato|modifica|bijgewerkt|opdateret"
    r"|aktualizováno|atualizado|обновлено|päivitetty|modifié|geändert|gewijzigd|ändrad|endret"
    r"|ændret|güncellenme|frissítve|ενημερώθηκε|ενημέρωση|оновлено|diperbarui|cập nhật"
    r"|actualizat|actualitzat|ažurirano|aktualizované|atnaujinta|dikemas kini|imesasishwa"
    r"|עודכן|تحديث|التحديث|अपडेटेड|अपडेट|اپ ڈیٹ|আপডেট|به[\u200c ]?روزرسانی)"
    r"|更新|수정|อัปเดต|แก้ไขล่าสุด)",
    re.IGNORECASE,
)
# `2019.03.26 lastupdate`, `2019年3月26日 更新`: an update label after the last date of a line.
_UPDATED_TAIL = re.compile(r"^[\W_]*" + _UPDATED.pattern + r"[\W_]*$", re.IGNORECASE)
# `Related: Baths to reopen | March 3, 2019`, `Lesen Sie auch: …`: a link to another story,
# whose day is that story's.
_TEASER = re.compile(
    r"^(?:watch|video|listen|audio|podcast|related|read (?:more|also|next)|also read|see also"
    r"|more|recommended|trending|previous|next|lesen sie auch|mehr zum thema|auch interessant"
    r"|lire aussi|à lire aussi|a lire aussi|voir aussi|leer más|lee también|ver también"
    r"|leggi anche|veja também|leia também|zie ook|lees ook|läs också|læs også|les også"
    r"|czytaj (?:też|także)|čtěte také|читайте также)\s*[:|–—]"
    # `原文(投稿日：2019/02/16)へのリンク`, `Original article: …`: a translation links its original.
    r"|^(?:原文|original(?:\s+(?:article|story|post|text))?|originalartikel|article original"
    r"|artículo original|articolo originale)\s*[:|–—(（]",
    re.IGNORECASE,
)
# `Aus: Ausgabe vom 26.04.2024, Seite 1`, `A version of this article appears in print on May 3,
# 2024, on Page A7`: the day of the printed issue the story ran in. A paper puts a story online
# before its issue comes out (the evening before, or days before a weekly's), so the issue's
# day is no evidence of the day the page was published.
_PRINT_EDITION = re.compile(
    r"\b(?:(?:print|printed|paper|newspaper)\s+(?:edition|issue)|appears?\s+in\s+print"
    r"|appeared\s+in\s+print|in\s+print\s+on|(?:print|zeitungs|papier)?ausgabe\s+vom"
    r"|édition\s+(?:imprimée\s+)?du|edición\s+impresa\s+del|edizione\s+cartacea\s+del"
    r"|editie\s+van|papieren\s+krant\s+van)\b",
    re.IGNORECASE,
)
# `— Jane Doe (@jane) May 3, 2024`: the attribution of a quoted post or a pull quote.
_ATTRIBUTION = re.compile(r"^[—–―]\s*\S")
# A label that says a sentence states the page's own date (`This story was first published on`).
_DATE_LABEL = re.compile(
    r"\b(?:published|posted|updated|modified|written|veröffentlicht|erschienen|aktualisiert"
    r"|geändert|erstellt|publicado|actualizado|modificado|publié|modifié|mis à jour|pubblicato"
    r"|aggiornato)\b",
    re.IGNORECASE,
)
# Lower-case words before a date that make the line a sentence: a stamp's label has three at most
# besides a publishing word (`This story is from`, `Aus: Ausgabe vom`, `Posted by Jane Doe on`).
_PROSE_BEFORE = 4
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w.])")
_DATA_NUMBERS = 3  # numbers beside the date and the time that make a line a table row
_LAST_DIGIT = re.compile(r"\d")
# A picture's credit opening its line or closing a caption's sentence (`Photo: Jane Roe /
# 3 May 2024`, `… on Tuesday. Photo taken May 3, 2024`, `(Foto: …)`): its date is the picture's.
_PICTURE_LINE = re.compile(
    r"^(?:[^|·•]*?[.!?]\s+)?[(\[]?(?:file\s+)?(?:photo(?:graph)?s?|fotos?|image|picture|bild)"
    r"\s*(?:by\b|taken\b|:|/)",
    re.IGNORECASE,
)
# A media player's playhead (`0:00`, `00:00 / 03:15`) and the bits of its clock on lines of
# their own (`/`, `4:32`).
_PLAYHEAD = re.compile(r"(?<![\d:.])0?0:00(?![\d:])|\b\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}\b")
_CLOCK_BITS = re.compile(r"^[\d:/\s-]*$")
_PLAYER_LINES = 3  # clock bits between a playhead and the title under it
_RUN_ON_WORDS = 2  # words after the last date that make a sentence's predicate (`gilt weiter.`)


def print_edition(text: str) -> bool:
    """Whether a line cites the printed issue a story ran in (`Ausgabe vom 26.04.2024`)."""
    return _PRINT_EDITION.search(text) is not None


def picture_line(text: str) -> bool:
    """Whether a line credits a picture (`Photo: Jane Roe / 3 May 2024`), alone or after its
    caption: a date on it is the picture's."""
    return _PICTURE_LINE.match(text) is not None


def names_stamp(text: str) -> bool:
    """Whether a short label names the page's own date (`Published`, `Veröffentlicht`)."""
    return len(text) <= _META_CHARS and _DATE_LABEL.search(text) is not None


def names_publication(text: str) -> bool:
    """Whether a short label names the page's publication, not its update (`Published`)."""
    return names_stamp(text) and not names_update(text)


def names_update(text: str) -> bool:
    """Whether a line names an update (`Updated`, `modifica il`, `更新`): a cheap test first."""
    # A longer line is a sentence of the story, whose stamps no one reads.
    return len(text) <= _META_CHARS and _UPDATED.search(text) is not None


def updated_above(page: Page, i: int) -> bool:
    """Whether line `i` stands under a label line of its own (`Updated:` / `Mar 6, 2018`)."""
    if i == 0:
        return False
    label = page.text(i - 1)
    if word_count(label) > _LABEL_WORDS:
        return False
    # `Updated:` or a bare `Last updated` standing alone above the date it labels.
    if _UPDATED_TAIL.match(label):
        return True
    return label.endswith(":") and bool(_UPDATED.search(label))


def page_dates(page: Page, i: int) -> list[tuple[str, PartialDate]]:
    """The dated stamps of line `i`, numeric ones read in the page's order; read once a line."""
    if i not in page.stamps:
        # A quoted mail's `Sent:` says when it was sent, not when the story appeared.
        quoted = in_mail_header(page.lines, i)
        other = quoted or fact_day(page, i) or _in_player(page, i)
        page.stamps[i] = [] if other else line_dates(page.text(i), page.day_first, page.buddhist)
    return page.stamps[i]


def _in_player(page: Page, i: int) -> bool:
    """Whether line `i` is a media player's: it shows the playhead, or it is the title under it
    (`0:00` / `/` / `4:32` / `Council meeting, May 3, 2024`), whose day is the clip's."""
    text = page.text(i)
    if _PLAYHEAD.search(text):
        return True
    for j in range(i - 1, max(-1, i - _PLAYER_LINES - 1), -1):
        if _PLAYHEAD.search(page.text(j)):
            return bool(stamp_words(text, page.day_first))
        if not _CLOCK_BITS.match(page.text(j)):
            return False
    return False


def fact_day(page: Page, i: int) -> bool:
    """Whether line `i` is an entry of a box of labelled facts whose label does not name the
    page's own date: its day is the reviewed work's or the event's (`Release date: …`)."""
    text = page.text(i)
    if names_stamp(text) or names_update(text):
        return False
    box = fact_box(page, i)
    if box is None:
        return False
    # `Objavljeno:`, `Zadnja izmjena:` name the page's own stamp, and so may a bare `Date:` (a
    # release's `Date:` / `Time:` / `Reference:`), unless the box names the event's venue.
    return date_label(text) is None or names_place(page, box)


def line_dates(
    text: str, day_first: bool | None = None, buddhist: bool | None = None
) -> list[tuple[str, PartialDate]]:
    """The dated stamps of a header line, each as (`published` or `updated`, date)."""
    if len(text) > _META_CHARS or word_count(text) > _META_WORDS:
        return []  # a sentence of the story that names a date
    if _ATTRIBUTION.match(text) or _TEASER.match(text) or print_edition(text):
        return []  # a quoted post's date, a linked story's or the printed issue's
    if picture_line(text):
        return []  # a picture's credit or caption: the day the picture was taken
    found: list[tuple[str, PartialDate]] = []
    rest, before, plain = text, "", ""
    while rest:
        hit = find_date(rest, day_first, buddhist)
        if hit is None:
            break
        date, expr = hit
        at = rest.find(expr)
        before += rest[:at]
        plain += rest[:at] + " "
        rest = rest[at + len(expr) :]
        if span_follows(rest, day_first, buddhist):
            return []  # `June 3, 1931 – March 27, 2024`: a life or a period, not when it was filed
        if date.year is None or date.day is None:
            before += expr
            continue
        # `By Jane Doe Updated Nov 13, 2019`, `Akt.: 29. Juni 2025`: the label just before it.
        label = before[-_LABEL_CHARS:]
        if _NOT_PUBLISHED.search(label):
            continue  # `Verfügbar bis 06.05.2024`: a video's expiry, an event's date
        updated = _UPDATED.search(label) or GLUED_UPDATED.search(label) or _UPDATED_TAIL.match(rest)
        found.append(("updated" if updated else "published", date))
        before += expr
    # What the dates leave must be a label, names or a place, not a caption or a sentence.
    # Counted without the dates and times themselves (`Posted: Aug 08, 2024 4:00 AM EDT`).
    leftover = STAMP_BITS.sub(" ", plain + rest)
    words = [w for w in _WORDS.findall(leftover) if w.casefold() not in _BUTTONS]
    if found and _words(words) > _LEFTOVER_WORDS:
        return []
    if found and (caption_date(text) or _prose_date(text) or _data_row(leftover)):
        return []
    if found and _runs_on(text):
        return []
    return found


def stamp_words(text: str, day_first: bool | None = None) -> tuple[str, ...]:
    """The words of a stamp line besides its dates, times and buttons (`Jane Doe` of `Jane
    Doe11/13/19 9:00AM`): a list of stories repeats them on each item's stamp."""
    rest, kept = text, ""
    while (hit := find_date(rest, day_first)) is not None:
        at = rest.find(hit[1])
        kept, rest = kept + rest[:at] + " ", rest[at + len(hit[1]) :]
    words = _WORDS.findall(STAMP_BITS.sub(" ", kept + rest))
    return tuple(w.casefold() for w in words if w.casefold() not in _BUTTONS and len(w) > 1)


def _runs_on(text: str) -> bool:
    """Whether a sentence runs on past the line's last date to its full stop (`Die Verordnung
    vom 05.03.2024, zuletzt geändert am 06.03.2024, gilt weiter.`): a stamp ends on its date,
    its time or a button."""
    tail = _LAST_DIGIT.split(text)[-1]
    words = [w for w in _WORDS.findall(tail) if len(w) > 1 and w.casefold() not in _BUTTONS]
    return len(words) >= _RUN_ON_WORDS and tail.rstrip().endswith(".")


def _words(words: list[str]) -> int:
    """How many words these are, a run of Chinese or Japanese characters counting one word per
    two characters (`カテゴリー 社会`: three), not once as a word and again by its characters."""
    return sum(max(1, cjk_count(w) // 2) if not w.isascii() else 1 for w in words)


def _prose_date(text: str) -> bool:
    """Whether a date is named in a sentence (`… berichtet BR24 im Radio am 26.08.2024`)."""
    hit = find_date(text)
    if hit is None:
        return False
    head = text[: text.find(hit[1])]
    if _DATE_LABEL.search(head):
        return False  # `This story was first published on`: the sentence is a label
    lower = sum(w.islower() and len(w) > 1 for w in _WORDS.findall(head))
    return lower >= _PROSE_BEFORE


def _data_row(leftover: str) -> bool:
    """Whether what a line holds beside its dates and times is a row of figures (a table)."""
    return len(_NUMBER.findall(leftover)) >= _DATA_NUMBERS


def caption_date(text: str) -> bool:
    """Whether a line is a caption or a sentence ending on a date (`…, 24 April 2023`)."""
    hit = find_date(text)
    if hit is None:
        return False
    head = text[: text.find(hit[1])]
    # Labels and names are capitalised or short (`Published on`, `Von Eva Doe |`); the words of a
    # caption before its comma run in lower case.
    lower = sum(w.islower() and len(w) > 1 for w in _WORDS.findall(head))
    return bool(_COMMA_END.search(head)) and lower >= _PROSE_WORDS
