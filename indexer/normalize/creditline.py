"""What a credit line says: its names once stamps, roles, handles and glued buttons are cut.

A `By` line is read leniently (`By Jane Doe, Senior Editor, 5 min read`); a bare line must be
nothing but names, and a name whose words the story writes in lower case is no name
(`Closing Bell`, `Federal Politics`).
"""

from __future__ import annotations

import re

from indexer.normalize.bylines import (
    BYLINE_LABELS,
    NOT_NAME_WORDS,
    before_outlet,
    caseless_name,
    clean_name,
    opens_region,
    parse_byline,
)
from indexer.normalize.cluster import STAMP_BITS
from indexer.normalize.dates import find_date
from indexer.normalize.lines import is_upper, word_count
from indexer.normalize.monthnames import is_weekday_name
from indexer.normalize.sources import WIRES, canonical_outlet, is_outlet_like, parse_publisher_line

SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+")
LIST_SEPARATOR = re.compile(r"\s+[|·•]\s+")

_SLASH = re.compile(r"\s/\s")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|/|&|\b(?:and|und|et|y|e|og|och|i)\b)\s*")

_PARTICLE_WORDS = frozenset(
    "de da das do dos del della der den di du la le van von ten ter".split()
)

# Words of page furniture and firms that a copied page sets in capitals like a name
# (`Order Reprints`, `Email Me`, a blog's pager `Newer Post Older Post`, `Getty Images`, `Walt
# Disney Co`).
_FURNITURE = frozenset(
    """related tags tag topics watch live listen email mail me images image photo photos video
    order reprints reprint share save saved article articles link copied login signup sign log
    feed rss podcasts podcast episodes episode search show view connect directly follow
    subscribe newsletter comments comment print job jobs vacancies menu home more read next
    previous newer older advertisement sponsored privacy policy terms cookie cookies contact
    about careers help support imprint impressum sitemap accessibility settings account website
    webseite co inc corp ltd llc plc gmbh ag group company published updated posted
    veröffentlicht aktualisiert publicado actualizado publié pubblicato aggiornato facebook
    twitter linkedin whatsapp instagram youtube tiktok pinterest reddit telegram tumblr
    flipboard profile bio biography posts stories author authors all see full send from us pdf
    preview download gallery galerie launch license licence datenschutz agb kontakt weitere
    artikel""".split()
)
# The share, subscribe and follow buttons in the other languages read (Turkish `Abone Ol`,
# `Paylaş`; `Compartir`, `Partager`, `Condividi`, `Teilen`, `Bagikan`), set in capitals too.
_BUTTONS_ABROAD = frozenset(
    """abone paylaş takip compartir suscríbete suscribirse partager abonnez-vous s'abonner
    condividi iscriviti abbonati compartilhar partilhar assine teilen abonnieren folgen delen
    abonneren volgen bagikan langganan prenumerera""".split()
)
# A label's preposition before the date it governs (`EMBARGOED UNTIL 16:00 GMT, 30 NOVEMBER`,
# `Valid until`, `Online since`): no word of a name (`till` is: German `Till Eckert`).
_DATE_LABEL_WORDS = frozenset("until since".split())
_NOT_PERSON = _FURNITURE | _BUTTONS_ABROAD | _DATE_LABEL_WORDS

# A firm's legal form, written after its name (`Example Networks, Inc.`, `Example Ltd`).
_FIRM_SUFFIXES = frozenset("inc ltd llc corp plc gmbh s.a bv nv pty".split())

_GLUED_BY = re.compile(r"^(?:BY|By|by)(?=[A-Z][a-z])")

# `Kyle Doe 7 hours`, `Jane Doe | Published 4 months ago`: a relative time beside the name.
_RELATIVE = re.compile(
    r"(?:\b(?:published|updated|posted)\s*:?\s*)?(?:\b(?:vor|hace|il y a)\s+)?\b\d+\s*(?:seconds?"
    r"|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|stunden|minuten|tagen?|std\.?|horas?"
    r"|minutos?|días?|heures?|jours?)\b(?:\s+ago)?",
    re.IGNORECASE,
)

# `Kolumne von Carla Siepmann`, `Analysis by Jane Doe`: the kind of piece before its author.
_NAME_LABEL = re.compile(
    r"^(?:(?:ein\s+|eine\s+)?(?:kommentar|kolumne|gastbeitrag|analyse|analysis|essay|interview"
    r"|reportage|bericht|meinung|opinion|commentary|column|review|text|recherche)\s+)?"
    r"(?:von|by|par|por|di)\s+(?!(?:der|dem|den|la|le)\b)(?=[A-ZÀ-Þ])",
    re.IGNORECASE,
)

# `Sina Doe Landespolitische Korrespondentin`, `Daniel Doe Redakteur`, `Jane Doe Uhr`: a job
# title or the clock word of a stripped time after the name.
_ROLE = (
    r"(?:chef|ressort|fach)?(?:redakteur|korrespondent|reporter|autor|volontär|journalist)(?:in)?"
    r"|correspondent|editor|writer|director|contributor|columnist|reporter"
    # A guest writer's position (`Jane Doe, Professor of History at Example University`).
    r"|professor(?:in)?|profesora?|professeure?|professore|professoressa|lecturer|researcher"
    r"|economist|historian|lawyer|attorney"
)

# `Jane Doe North of England correspondent`, `Jane Doe Chief political correspondent`: a name run
# into the writer's job with no mark between, the job in sentence case after it.
_JOB_END = re.compile(
    r"\s(?i:correspondent|editor|writer|reporter|columnist|critic|commentator|journalist)s?$"
)
_NAME_CUTS = (2, 3)  # a name's words: a given and a family name, perhaps a middle one
_JOB_LINE_WORDS = 10

_ROLE_STEMS = tuple(
    "redakteur korrespondent reporter autor journalist correspondent editor writer director"
    " contributor columnist staff professor profesor professeur professore lecturer researcher"
    " economist historian lawyer attorney".split()
)  # every _ROLE or _COMMA_ROLE match holds one (volontär is not ASCII)

_ROLE_WORD = re.compile(rf"^(?:{_ROLE})$", re.IGNORECASE)

# `Jane DoeTravel News Reporter`: a job title glued to the name by the copy.
_GLUED_ROLE = re.compile(rf"(?<=[a-zà-ÿ])(?=(?:[A-Z][a-z]+\s+){{0,3}}(?i:{_ROLE})\b)")

_MAX_TITLE_WORDS = 3  # words of a job title before its role word (`Deputy Content Hub Director`)

# `Von Jane Doe, Redakteurin für Finanzen`, `Jane Doe, AP National Political Writer`: a job
# title after a comma; `Jane Doe, Example Staff`: the house's staff the writer belongs to, which
# no name ends with after a comma. A `Staff` followed by another writer (`Jane Doe, Tom Staff
# and Ann Lee`) is a family name. The title ends where a co-author is joined to the list
# (`Jane Doe, Chief White House Correspondent, and John Roe`), and where a sentence goes on
# after the name and its apposition (`Jane Doe, lawyer for the families, says …`: a standfirst).
_COMMA_ROLE = re.compile(
    rf",\s*(?:[\w-]+\s+){{0,{_MAX_TITLE_WORDS}}}?"
    rf"(?:{_ROLE}|staff(?!\s*(?:,|&|\band\b)\s*[A-Z]))\b"
    r"(?:(?!,\s*(?:(?:and|&)\s|(?-i:[a-zß-ÿ]))).)*",
    re.IGNORECASE,
)

# `By Jane Doe Staff Writer`: a job title's last word after the name, before a separator or
# the end of the line.
_TRAILING_ROLE = re.compile(rf"\s+(?i:{_ROLE})s?(?=\s*(?:$|[,;|·•]))")

_MAX_STAMPED_CREDIT = 200  # characters of a byline with its dates, times and handles

_BYLINE_LABEL_WORDS = frozenset(label.split()[-1] for label in BYLINE_LABELS)

CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+|@\w+")

# `5 min read`, `Lesedauer: 4 Minuten`, `Temps de lecture 4 min.`: reading time beside a byline.
_READING = re.compile(
    r"\b(?:reading time|read time|lesedauer|lesezeit|temps de lecture|tiempo de lectura)\s*:?\s*"
    r"(?:\d+\s*(?:minutes?|minuten|min)\b\.?)?|\b\d+\s*-?\s*(?:minutes?|minuten|min)\.?\s+"
    r"(?:read|lesen|de lecture|de lectura)\b"
    # `読了時間 3 分`, `阅读时间：5分钟`: the same in Japanese and Chinese.
    r"|(?:読了時間|読了目安|阅读时间|閱讀時間)\s*[:：]?\s*(?:約\s*)?(?:\d+\s*分(?:钟|鐘)?)?",
    re.IGNORECASE,
)

_ASIDE = re.compile(r"\s*\([^()]{1,60}\)")

# `Jane Doe1,2`, `John Roe3*`: the marks that tie an author to an affiliation or a note.
_AFFILIATION = re.compile(r"(?<=[a-zà-ÿ])\d{1,2}(?:,\d{1,2})*\*?(?=\s*(?:[,;&]|\band\b|$))")

# `2:00 PMTags`: a word glued to a time's `AM` or `PM`, or to another pair of capitals.
_GLUED_CAPS = re.compile(r"(?<=\b[A-Z]{2})(?=[A-Z][a-z]{2})")
_GLUED_WORD = re.compile(r"(?<=[a-zà-ÿ]{3})(?=[A-ZÀ-Þ])")
# `Jane DoeTwitter`, `Jane NgEmail`: a button glued to a short family name, which the rule above
# leaves (`McDonald`, `DeVeaux`): the glued word is the button's whole word.
_GLUED_BUTTON = re.compile(r"(?<=[a-zà-ÿ])(?=(?P<word>[A-Z][a-z]+)(?![a-z]))")

# A name in Han characters, its given name perhaps in hiragana (`松岡大地`, `大渡 美咲`,
# `小暮ひさのり`); in Hangul, perhaps labelled as the reporter's: `배윤경 기자`. The iteration
# mark `々` repeats the character before it (`佐々木`, `野々村`, `奈々`), so never starts a name.
_CJK_BARE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff々]{1,3}"
    r"(?:[ \u3000]?[\u4e00-\u9fff\u3040-\u309f][\u4e00-\u9fff\u3040-\u309f々]{0,3})?)$"
)
# A Japanese paper signs a story under its date with the writer's desk before the name (`文化部
# 森田 彩香`: culture desk; `社会部`, `金沢支局`, `東京総局`): the name alone signs. A desk is
# named by its beat; many surnames end in `部` too (`阿部`, `服部`, `長谷部`), and sign whole.
_CJK_DESK = re.compile(
    r"^[\u4e00-\u9fff]{0,4}(?:(?:社会|政治|経済|文化|国際|外信|外報|運動|写真|映像|編集|報道|科学"
    r"|生活|学芸|地域|地方|論説|解説|医療|くらし|スポーツ|デジタル)部|[\u4e00-\u9fff]{1,6}(?:支局|総局))"
    r"[ \u3000]+(?=[\u4e00-\u9fff])"
)
# A Chinese or Japanese page's buttons by its headline and date, shaped like names: print,
# share, bookmark, comment, report an error, close, and the font size's.
_CJK_BUTTONS = frozenset(
    """打印 列印 印刷 分享 共有 收藏 保存 评论 評論 纠错 糾錯 关闭 關閉 放大 缩小 縮小 拡大
    字号 大字号 中字号 小字号 字體 字体 字級 默认 默認""".split()
)
_CJK_DATE_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,}(?:日|日時|時間)$")  # `公開日`, `更新日時`
# What a stamp says it did at its time (`3/14(木) 18:30配信`: delivered; `更新`: updated).
_CJK_STAMP_WORDS = frozenset("配信 更新 公開 掲載 投稿 発表 发布 發布 发表 發表".split())
_CJK_NOT_NAMES = _CJK_BUTTONS | _CJK_STAMP_WORDS
# A menu's entry by a desk's name (`編集部　最新記事`: latest articles, `記事一覧`, `ニュース一覧`):
# no name of a person ends in `記事` (articles) or `一覧` (list).
_CJK_MENU_WORD = re.compile(r"(?:記事|一覧)$")
# A word and the count it labels (`瀏覽 2,314`, `阅读 1.2万`, `評論 56`): a number alone, not a
# date's or a time's (`2019年`, `09時`, `10:35`).
_CJK_COUNT = re.compile(
    r"[\u4e00-\u9fff]{2,4}\s*[:：]?\s*\d[\d,.]*(?:万|萬|次|人|回)?(?=\s|$|[|｜·•])"
)
_HANGUL_BARE = re.compile(r"^(?P<name>[\uac00-\ud7a3]{3,4})(?:\s*기자)?$")  # `입력`: a label
# Capitalised names, then a few lower-case words and a number: a stamp in a language whose dates
# are not read (`Per-Erik Doe mandag 5. august kl. 14:47`, `Jana Doe před 2 hodinami`).
_FOREIGN_STAMP = re.compile(
    r"^(?P<names>(?:[A-ZÀ-Þ][\w'’.-]*\s+){1,3}[A-ZÀ-Þ][\w'’.-]*)\s+(?:[a-zß-ÿ]\w*\.?\s+){1,3}\d"
)
# A phrase of some length with lower-case words in it: before a name on its line, it makes the
# line a picture's caption and the name its photographer's.
_CAPTION_PROSE = re.compile(r"(?<![\w'’-])[a-zß-ÿ][^\W\d_]{3,}")
_CAPTION_WORDS = 5
_DIGITS = re.compile(r"\S*\d\S*")  # what a stamp leaves of its times (`09時00分`)
# A weekday beside a Chinese or Japanese date (`週二`, `星期五`, `（水）`), no name; a word of its
# own, as `周` is also a family name (`周一鸣`).
_CJK_WEEKDAY = re.compile(
    r"(?<![\u4e00-\u9fff])(?:星期|週|周|禮拜|礼拜)[一二三四五六日天](?![\u4e00-\u9fff])"
    r"|[（(][月火水木金土日][)）]"
)
_JOINED_AGENCY = re.compile(
    r"(?:\s(?:and|und|et|y)\s|\s*&\s*)(?P<agency>[^,;|/&]+?)\s*(?=[,;|/]|$)", re.I
)
_AGENCY_CHARS = 40
# `Food & Dining`: an ampersand joining two single words, as section headings do; co-authors
# are joined by full names (`Jane Doe & John Roe`), an agency by its name (`Jane Doe & AP`),
# the news services by a plural (`Jane Doe & Agencies`, `& Wires`).
_AMPERSAND_WORD = re.compile(
    r"(?:^|\s)[A-Za-z]\w+\s*&\s*(?!(?i:co|agencies|wires|staff|team|others)\b)"
    r"(?P<last>[A-Za-z]\w+)\s*$"
)
_DIGIT = re.compile(r"\d")
_COUNTS = re.compile(r"\s+(?=\d)")  # the space before the first number of a credit line
_STAMP_HINT = re.compile(r"\d|@|updated|published|posted", re.IGNORECASE)  # else none to strip


def _credit_text(text: str) -> str:
    """A credit line without its reading or relative time, handles, asides, what the copy glued
    to the name and the job title after it."""
    text = _RELATIVE.sub(" ", _READING.sub(" ", text.replace("\xa0", " ")))
    text = _AFFILIATION.sub("", text)
    if "@" in text:
        text = CONTACT.sub(" ", text)  # `Jane Doe@janedoe`, `Jane Doe | jdoe@example.com`
    if "(" in text:
        text = _ASIDE.sub(" ", text)  # `Par Jane Doe(Bruxelles, bureau européen)`
    glued = (
        _GLUED_WORD.search(text) or _GLUED_CAPS.search(text)
        if len(text) <= _MAX_STAMPED_CREDIT
        else None
    )
    button = _glued_button(text) if len(text) <= _MAX_STAMPED_CREDIT else None
    if button is not None and (glued is None or button.start() < glued.start()):
        glued = button
    if glued is not None and len(text[: glued.start()].split()) >= 2:
        # `Jane DoeTwitter`, `Jane DoeCEO`, `Jane DoeJane Doe`: the copy glued the next element
        # to the name; a name's own capitals follow one or two letters (`McDonald`, `DeVeaux`).
        text = text[: glued.start()]
    return _without_role(text)


def without_buttons(text: str) -> str:
    """A credit without the button glued to its last name (`Jane DoeTwitter`)."""
    button = _glued_button(text) if len(text) <= _MAX_STAMPED_CREDIT else None
    return text[: button.start()] if button is not None else text


def _glued_button(text: str) -> re.Match[str] | None:
    """Where a button's word (`Twitter`, `Email`, `Follow`) is glued to the word before it."""
    return next(
        (m for m in _GLUED_BUTTON.finditer(text) if m.group("word").lower() in _NOT_PERSON), None
    )


def _without_role(text: str) -> str:
    """A credit line without the job title glued to or set after its name."""
    if text.isascii():
        # Both patterns need a role word; a substring test rules most lines out far faster
        # than the patterns' lookaheads at every letter (exact for ASCII: no ſ or K to fold).
        lower = text.lower()
        if not any(word in lower for word in _ROLE_STEMS):
            return text
    return _COMMA_ROLE.sub("", _GLUED_ROLE.sub(" ", text))


def _without_title(text: str) -> str:
    """A `By` line without the job title after its one name (`By Jane Doe Staff Writer`),
    which no name's words may hold; a list of names keeps what follows it (`A and B / Daily
    Example Staff Writers`: the house's staff)."""
    role = _TRAILING_ROLE.search(text)
    if role is None or _NAME_SPLIT.search(text[: role.start()]):
        return text
    label = _NAME_LABEL.match(text)
    head = text[label.end() if label else 0 : role.end()]
    tidy = tidy_name(head)
    if tidy is None or tidy == head.strip():
        return text
    return text[: label.end() if label else 0] + tidy + text[role.end() :]


def byline_names(text: str, body: str) -> list[str]:
    """The names of a `By` line that are not common words of the story."""
    text = _without_title(_credit_text(text))
    if parse_publisher_line(text) is not None:
        return []  # `Published by Global Banking & Finance Review`: the site, not a person
    credit = parse_byline(_unstutter(text))
    if (
        (credit is None or _DIGIT.search(text))
        and len(text) <= _MAX_STAMPED_CREDIT
        and _STAMP_HINT.search(text)
        and may_hold_label(text)
    ):
        # Only a credit-sized line is worth stripping of its dates (a date search per line).
        # What numbers are left after the names once dates are cut are counts (`By Jane Doe 12
        # 3`: comments and shares): they part the names from the rest.
        apart = parse_byline(_COUNTS.sub(" | ", without_stamps(_unstutter(text)), count=1))
        if apart is not None and (credit is None or len(apart.byline) > len(credit.byline)):
            credit = apart
    if credit is None:
        return []
    # `Jane Doe New York Times`: a known outlet glued to the name, whose words the story writes
    # in lower case (`new`, `times`), is cut where it would void the name.
    names = (_without_glued_outlet(_without_furniture(tidy_name(n)), body) for n in credit.byline)
    # A CJK name here stood after its label (`記者`, `文／`): the story may print it again
    # (`（記者陳美玲攝）` under a picture) without making it a word of the story.
    # A name without capitals (`كتب: أحمد منصور`) cannot be told from the story's words by case:
    # its label vouches for it.
    people = [
        n for n in names if n and (is_cjk_name(n) or caseless_name(n) or not common_words(n, body))
    ]
    # `Von Jane Doe und John Roe, dpa`, `Jane Doe and AP`: an agency credited beside the people
    # is part of the byline, as the line writes it.
    return people + [a for a in _agencies(text) if a not in people] if people else []


def _without_glued_outlet(name: str | None, body: str) -> str | None:
    """A name without the known outlet glued to its end when the whole is made of the story's
    words; the name as it is otherwise."""
    if name is None or not common_words(name, body):
        return name
    return before_outlet(name) or name


def _agencies(text: str) -> list[str]:
    """The news agencies a credit line names as co-authors (`Jane Doe and AP`), as written.

    An agency after a comma is the house the reporter writes for (`Jane Doe, Reuters`: the
    story's source), and one after `mit`, `with` lent material: neither signs with the people.
    """
    pieces = (m.group("agency").strip(" .()") for m in _JOINED_AGENCY.finditer(text))
    return [p for p in pieces if p and len(p) <= _AGENCY_CHARS and canonical_outlet(p) in WIRES]


def _without_furniture(name: str | None) -> str | None:
    """A name without the page's buttons after it (`Jane Doe Follow`, `Jane Doe View Profile`)."""
    words = (name or "").split()
    while len(words) > 2 and words[-1].lower() in _NOT_PERSON:
        words.pop()
    return " ".join(words) or None


def is_house(name: str) -> bool:
    """Whether a credited name is a newspaper or a company rather than a person or an agency."""
    return is_outlet_like(name) and canonical_outlet(name) not in WIRES


def tidy_name(name: str) -> str | None:
    """A name without the label before it or the job title and clock word after it."""
    words = _NAME_LABEL.sub("", name).split()
    if words and words[-1].lower() == "uhr":
        words.pop()  # the clock word of a stripped time
    elif len(words) > 2 and _ROLE_WORD.match(words[-1]):
        # `Sina Doe Landespolitische Korrespondentin`: the title's words, two names kept.
        if len(words) == 3 and words[-1].islower() and words[1][-1].isalnum():
            # A job's title opens on a capital (`Jane Doe` / `Political correspondent`): a
            # lower-case job word right after two capitalised ones is their job's end, and
            # they its region (`Latin America editor`, `Hong Kong correspondent`).
            return None
        words.pop()
        titled = False  # a word of a job title was cut (`Senior Staff`): the name stands before
        for _ in range(_MAX_TITLE_WORDS):
            title_word = words[-1].lower() in NOT_NAME_WORDS
            if len(words) <= 2 or not words[-1][:1].isupper() or (titled and not title_word):
                break
            titled = titled or title_word
            words.pop()
        if opens_region(" ".join(words)):
            return None  # `Middle East Chief correspondent`: a job alone, no one's name
    tidy = " ".join(words).strip(" ,|·-–—")
    # What stood beside a one-word remainder (`Do 14:07 Uhr` leaves `Do`) was no name either.
    return tidy if tidy == name or len(tidy.split()) > 1 else None


def may_hold_label(text: str) -> bool:
    """False when a line cannot hold a byline label (`By`, `Von`...) even without its stamps."""
    # Stripping stamps only cuts and spaces: a label's letters must stand in the line already.
    if not text.isascii():
        return True  # CJK bylines have labels of their own
    lower = text.lower()
    return any(word in lower for word in _BYLINE_LABEL_WORDS)


def _unstutter(text: str) -> str:
    """`Byby JANE DOE`, `BYKia Doe`: a byline label copied twice or glued to the name."""
    if text[:4].lower() == "byby":
        return text[2:]
    return _GLUED_BY.sub("By ", text, count=1)


def without_stamps(text: str) -> str:
    """A credit line without its dates, times, handles and `Updated` labels, names left."""
    found = find_date(text)
    while found is not None:
        text = text.replace(found[1], " | ")
        found = find_date(text)
    # Twice: a time cut first leaves its `at` at the end (`Posted by Jane Doe at 16:42`).
    text = STAMP_BITS.sub(" ", STAMP_BITS.sub(" ", text))
    return " ".join(text.split()).strip(" |·•-–—/:,")


def bare_names(text: str) -> list[str]:
    """The names of a line that is nothing but names, perhaps with a date (`Jane Doe, 3.5.2024`)."""
    if len(text) > 120:
        return []
    text = _credit_text(text)
    listed = _listed_names(text)
    if listed:
        return listed
    stamp = _FOREIGN_STAMP.match(text)
    dated = False  # a caption's credit dates its picture (`- 2.mar.2024/AP`)
    if stamp is not None:
        text = stamp.group("names")  # `Jane Doe mandag 5. august kl. 14:47`, `Jane Doe před 2 h`
    elif (found := find_date(text)) is not None:
        dated = True
        # The date parts what stands before it from what follows (`Daily Example 9/21/2016 Jane
        # Doe`).
        text = STAMP_BITS.sub(" ", text.replace(found[1], " | "))
        # `May 3, 2024 / Jane Doe / 2 Comments`: a dated line's slashes part its fields too.
        text = _SLASH.sub(" | ", text)
    if not text.isascii():
        cjk = _cjk_name(text)
        if cjk is not None:
            return [cjk]
    # `Politik · Jochen Bittner, Tina Hildebrandt`: the first part made only of names, and a
    # person's before the house's (`Daily Example | Jane Doe`).
    houses: list[str] = []
    for part in SEPARATOR.split(text.strip(" ,|·•-–—")):
        if dated and len(part.split()) >= _CAPTION_WORDS and len(_CAPTION_PROSE.findall(part)) >= 2:
            # `Riders at the station - Jane Doe - 3.4.2024/AP`: a caption's credit (undated,
            # `Published less than an hour ago · Jane Doe` is a stamp before a byline)
            return []
        if _is_firm(part):
            continue  # `Example Networks, Inc.`: a firm's name, its legal form after a comma
        if is_weekday_name(part.strip(" ,")):
            continue  # `Thứ Sáu, 14/03/2025`: a date's weekday, in two words, is no name
        # `Jane Doe Follow`: the button after the name.
        names = _names_only(_without_furniture(part.strip(" ,|·•-–—")) or "")
        if names and all(is_house(n) for n in names):
            houses = houses or names
        elif names:
            return names + [a for a in _agencies(text) if a not in names]
    return houses


def _listed_names(text: str) -> list[str]:
    """The people of a line that lists nothing else, parted by a list's separator (`Jane Doe |
    John Roe`, `Jane Doe · John Roe`): co-authors set apart. A house or a stamp among them
    (`Jane Doe · Daily Example · Posted: May 3`) makes a meta line, and a dash joins a name
    to what is not a co-author (`Nina Doe - Morning Light`, a song; a title; a house)."""
    parts = LIST_SEPARATOR.split(text.strip())
    if len(parts) < 2 or len(SEPARATOR.split(text.strip())) > len(parts):
        return []
    names: list[str] = []
    for part in parts:
        found = _names_only(part.strip())
        if len(found) != 1 or is_house(found[0]):
            return []
        names += [n for n in found if n not in names]
    return names


def _is_firm(text: str) -> bool:
    """Whether a text ends in a firm's legal form after a comma (`Example Networks, Inc.`)."""
    _, comma, tail = text.rpartition(",")
    return bool(comma) and tail.strip(" .").lower() in _FIRM_SUFFIXES


def is_cjk_name(name: str) -> bool:
    """Whether a name is written in Chinese, Japanese or Korean characters."""
    return bool(_CJK_BARE.match(name) or _HANGUL_BARE.match(name))


def _cjk_name(text: str) -> str | None:
    """A Chinese, Japanese or Korean name alone on its line, its stamp cut (`松村太郎2019年…`);
    none where the word labels a count after it (`瀏覽 2,314`: views, `阅读 1.2万`: reads)."""
    if _CJK_COUNT.search(text):
        return None
    text = " ".join(_CJK_WEEKDAY.sub(" ", _DIGITS.sub(" ", text)).split()).strip(" ,|·•-–—")
    text = _CJK_DESK.sub("", text)
    match = _CJK_BARE.match(text) or _HANGUL_BARE.match(text)
    if match is None or _CJK_DATE_LABEL.search(match.group("name")):
        return None  # `配信開始日` / `2019/3/5`: a date's label (`… day`) over its date
    if match.group("name") in _CJK_NOT_NAMES or _CJK_MENU_WORD.search(match.group("name")):
        return None  # `小字号` by the date: the font size's button; `配信` after the time
    return match.group("name")


def _names_only(text: str) -> list[str]:
    """The names of a text that holds nothing else (one-word pieces aside), or none."""
    if not text or word_count(text) > 8 or any(c.isdigit() for c in text):
        return []
    if text.islower():
        # Without a label a name is told by its capitals: lower-case words after a date are
        # the story's tags (`platform ci monorepo`), a slug or a handle.
        return []
    if text.rstrip().endswith((":", "：")):
        return []  # `Start Date : | May 13, 2016`: a field's label; a name follows its label
    joined = _AMPERSAND_WORD.search(text)
    if joined is not None and canonical_outlet(joined.group("last")) is None:
        return []  # `RI Food & Dining`, `Science & Astronomy`: a section's heading
    # A one-word part is no person: an outlet or what a date leaves (`Jane Doe, Reuters`, `Uhr`).
    parts = [p for p in _NAME_SPLIT.split(text) if len(p.split()) > 1]
    # `Jane Doe Senior Editor, The Daily Example`: the house after the names is no name.
    # (`Jane Doe and John Roe Associated Press`: the house glued to the last name is cut.)
    parts = [before_outlet(p) or p if is_outlet_like(p) else p for p in parts]
    parts = [p for p in parts if not is_outlet_like(p)] or parts
    if len(parts) > 1 and is_upper(parts[-1]) and not is_upper(parts[0]):
        parts.pop()  # `Jane Doe, USA TODAY`: the house in capitals after mixed-case names
    names = [clean_name(tidy_name(p) or p) for p in parts]
    if not names or any(n is None for n in names):
        return []
    tidy = (tidy_name(n) for n in names if n)
    return [n for n in tidy if n]


def button_free(text: str) -> str:
    """A line without the buttons at its ends (`Follow and` -> `and`; `Follow` -> ``)."""
    words = text.split()
    while words and words[0].lower().strip(".:") in _NOT_PERSON:
        words.pop(0)
    while words and words[-1].lower().strip(".:") in _NOT_PERSON:
        words.pop()
    return " ".join(words)


def all_common(name: str, body: str) -> bool:
    """Whether every word of a `name` is one the story writes in lower case (`Closing Bell`), or
    one is page furniture (`Actualizado Lunes`)."""
    words = name.split()
    return any(w.lower().strip(".") in _NOT_PERSON for w in words) or all(
        common_words(word, body) for word in words
    )


def common_words(name: str, body: str) -> bool:
    """Whether a `name` is made of words the story writes in lower case (`Federal Politics`)."""
    if is_cjk_name(name):
        return name.replace(" ", "") in body  # the story's own words, not its writer's name
    if name.split()[-1].lower() in _PARTICLE_WORDS:
        return True  # `Kommentar von`: a label before the name, not a name
    for word in name.split():
        low = word.lower().strip(".")
        if low in _NOT_PERSON:
            return True
        if (
            len(low) > 2
            and low not in _PARTICLE_WORDS
            and re.search(rf"\b{re.escape(low)}\b", body)
        ):
            return True
    return False


def titled_name(text: str) -> str | None:
    """The name of a line that is a name and its job title apart (`Jane Doe – Journalist`,
    `John Roe, Correspondent in Paris`), or None."""
    parts = re.split(r"\s+[-–—|]\s+|,\s*", text.strip(), maxsplit=1)
    if len(parts) != 2 or not re.match(rf"^(?:[\w-]+\s+){{0,3}}?(?i:{_ROLE})", parts[1]):
        return None
    names = _names_only(parts[0])
    return names[0] if len(names) == 1 else None


def name_before_job(text: str) -> str | None:
    """The name of a line that runs a name into its job (`Jane Doe Political correspondent`):
    the one cut where a name ends and a job opening on a capital begins; None where no cut or
    more than one reads so (`Mary Ann Lee Health editor`: the middle name or the job's?), or
    where the line opens with a paper's name (`Irish Times Political correspondent`)."""
    text = text.strip()
    if _JOB_END.search(text) is None or word_count(text) > _JOB_LINE_WORDS:
        return None
    words = text.split()
    if any(is_house(" ".join(words[:cut])) for cut in range(2, max(_NAME_CUTS) + 2)):
        return None  # `New York Times Chief theater critic`: the paper's, which names no one
    if opens_region(text):
        return None  # `Middle East Chief correspondent`: a job alone, no one's name
    names: list[str] = []
    for cut in _NAME_CUTS:
        if len(words) > cut and words[cut][:1].isupper():
            found = _names_only(" ".join(words[:cut]))
            names += found if len(found) == 1 and len(found[0].split()) == cut else []
    return names[0] if len(names) == 1 else None
