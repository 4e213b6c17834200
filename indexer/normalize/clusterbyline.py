"""The byline of a copied page's header cluster: `By` lines first, then bare names with evidence.

A page signs its story by the headline (`By Jane Doe`, `Jane Doe | May 3, 2024`); the lines
around it also hold menus, section names, photo credits and widgets set in capitals like a name
(`Closing Bell`, `APA/AFP/Jane Doe`). A labelled line is trusted; a bare name must look like a
person's and stand where a byline stands.
"""

from __future__ import annotations

import re

from indexer.normalize import boilerplate as bp
from indexer.normalize.authorbio import (
    blog_owner,
    bracketed_signature,
    last_line_writer,
    writer_bios,
)
from indexer.normalize.avatarname import avatar_writer
from indexer.normalize.bylines import (
    HOSTED,
    RANK,
    TRANSLATOR,
    caseless_name,
    cjk_byline,
    cjk_editors,
    cjk_lead_byline,
    clean_name,
    dutch_joined,
    is_event_host,
    is_role,
    names_cjk_reporter,
)
from indexer.normalize.cluster import cluster
from indexer.normalize.creditline import (
    CONTACT,
    LIST_SEPARATOR,
    SEPARATOR,
    all_common,
    bare_names,
    button_free,
    byline_names,
    common_words,
    is_cjk_name,
    is_house,
    may_hold_label,
    name_before_job,
    titled_name,
    without_stamps,
)
from indexer.normalize.dates import find_date, parse_date_line
from indexer.normalize.factbox import work_credits
from indexer.normalize.gallery import UNDER_HEADLINE, gallery_credit
from indexer.normalize.gluednames import glued_names
from indexer.normalize.lines import JOINERS, is_paragraph
from indexer.normalize.othercredit import (
    AGENCY_LINE,
    DATE_REACH,
    agency_byline,
    cited_wire,
    dated_beside,
    dated_close,
    dated_desk,
    dated_pen_name,
    desk_name,
    house_credit,
    is_wire,
    pen_name,
    post_account,
    stamped_house,
    stamped_pen_name,
    wire_under,
)
from indexer.normalize.sources import canonical_outlet
from indexer.normalize.story import Page
from indexer.normalize.teaserrun import section_trail, teaser_credit, top_section
from indexer.normalize.zone import Zone

ABOVE_ANCHOR = 3  # lines above a dateline where a wire story's byline stands
BYLINE_INTO_ZONE = 8  # a byline may stand below a longer standfirst and a caption
# `Autor: Jane Doe`, `Autorin/Autor Jane Doe`, `Written by Jane Doe`, `投稿者 Jane Doe`, `Story:
# Jane Doe`; not `Redacción:`, which signs related items' boxes too. The writer's and the
# reporter's words of more languages: `Γράφει ο`, `Napisała`, `Bởi`, `بواسطة` (by), `Yazar:`,
# `Muhabir:`, `Haber:` (Turkish), `Συντάκτης:`, `Tác giả:`, `Wartawan:`, `כתב:`, `كتبت:`,
# `संवाददाता:`, `ผู้เขียน:` (Thai writer), `خبرنگار:` (Persian reporter); the writers (author,
# authors, reporter) of `Autorzy:` (Polish), `Autori:` (Italian, Slovak), `Autorius:`
# (Lithuanian), `Kirjoittaja:`, `Toimittaja:` (Finnish), `Författare:` (Swedish), `Forfatter:`
# (Danish, Norwegian), `Yazan:` (Turkish), `Piše:` (Croatian, Serbian: writes).
# Besides `Autor(in)`; Turkish `Yazar` and Indonesian `Penulis` (writer) head a columnist's box.
_WRITER_WORDS = r"authors?|auteur|autore|автор(?:ы|и|ка)?|yazar|penulis|written by"
# A magazine's credit for the writer's part (Hindi `शब्द`, words).
_TEXT_WORDS = r"words|text|texte|texto|testo|tekst|शब्द"
# Danish, Norwegian and Swedish write `i` for `in` (`Forfatter: Kari Nordmann i New York`), and
# `Tekst:` is theirs as well as Polish or Croatian, where `i` is `and`: such a label is read as
# their `Av`, after which `i` joins no second writer.
_IN_LABEL = re.compile(r"^(?:forfatter|författare|tekst)\s*:", re.IGNORECASE)

# `Texto y fotos:`, `Texte et photos :`, `Text und Fotos:`, `Text & Photos:`, `शब्द और
# तस्वीरें:`: the writer took the pictures too.
_AND = r"\s+(?:and|&|y|e|et|und|en|og|och|i|और)\s+"
_PICTURES = (
    r"(?:photos|pictures|photographs|images|fotos|fotografías|fotografias|fotografie|foto|bilder"
    r"|तस्वीरें|फ़ोटो|फोटो)"
)
_AND_PICTURES = rf"(?:{_AND}{_PICTURES})?"
# The same credit the other way round: `Fotos e texto:`, `Photos and text:`, `Photos et texte :`.
_PICTURES_AND_TEXT = rf"{_PICTURES}{_AND}(?:{_TEXT_WORDS})"
# Either credit labelled, with both parts: `Words and pictures: Jane Doe`.
_WRITER_PICTURES = re.compile(
    rf"^(?:(?:{_TEXT_WORDS}){_AND}{_PICTURES}|{_PICTURES_AND_TEXT})\s*:", re.IGNORECASE
)
_AUTHOR_LABEL = re.compile(
    rf"^(?:(?:autor(?:in)?(?:/autor(?:in)?)?|{_WRITER_WORDS}"
    r"|投稿者|著者|作者|γράφει(?:\s+(?:ο|η))?|napisał(?:a)?|bởi|بواسطة)"
    rf"(?!\w)\s*[:：]?|(?:contributors?|(?:{_TEXT_WORDS}){_AND_PICTURES}|{_PICTURES_AND_TEXT}|story|reporting|reporter"
    r"|writer|penulis|wartawan|γράφει|συντάκτης|συντάκτρια|yazar|muhabir|haber|tác giả|כתב|כתבת"
    r"|autorzy|autori|autorius|kirjoittaja|toimittaja|författare|forfatter|yazan|piše"
    r"|szerzők?|كتب|كتبت|लेखक|रिपोर्ट|संवाददाता|ผู้เขียน|ผู้สื่อข่าว|خبرنگار|نویسنده)\s*:)\s*",
    re.IGNORECASE,
)
# `Words Catriona Bell`, `Words and photos Jane Doe`: a magazine's credit just under its headline
# names the writer straight after its label, with no `by` or colon; only capitalised names follow.
# (Elsewhere `Text Edge Style` is a video player's caption setting.)
_WORDS_LABEL = re.compile(
    rf"^(?:{_TEXT_WORDS}){_AND_PICTURES}"
    r"(?!\s+by\b)\s+(?=(?-i:[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|and|&)){1,6}$))",
    re.IGNORECASE,
)
_LABEL_ALONE = re.compile(
    rf"^(?:by|von|par|por|autor(?:in)?|{_WRITER_WORDS}"
    r"|author of the article"
    r"|autor des artikels|(?:ein\s+|eine\s+)?(?:kommentar|kolumne|gastbeitrag|analyse|analysis"
    r"|essay|commentary|column|opinion|meinung)\s+(?:von|by|par|por|di)"
    # `Written on Mar 17 by` / `Jane Doe`: a short stamp that ends in its label.
    r"|(?:written|posted|published|veröffentlicht)\b[^.!?]{0,30}\s(?:by|von)"
    # `この記事の筆者` (this article's writer), `この記事を書いた人`: an author box's label; a
    # bare `著者` (authors) is a book site's menu entry.
    r"|(?:この記事の)?(?:筆者|執筆者)|この記事の著者|この記事を書いた人)\s*[:：]?$",
    re.IGNORECASE,
)
# `Top Story | Published: 5 hours ago | Written by Jane Doe`, `Le Monde | 04.05.2015 | Par Jane
# Doe`: a labelled part of a meta line; a blog's theme parts its fields with slashes too
# (`May 3, 2024/0 Comments/in News /by Jane Doe`), after a date or a count: a picture's
# credit is slashed too (`Photo / by Jane Doe`).
_DIGIT = re.compile(r"\d")
_LABELLED_PART = re.compile(
    r"(?:\s[|·•]\s|(?P<slash>\s?/\s?))(?i:(?:written|reported|story|words)\s+by|by|par|von|por)\s+"
    r"(?=[A-ZÀ-Þ])"
)
# `WALKING THE HARBOUR WALL written by Mara`: a headline in capitals and the credit under it, which
# the copy joined as if its lower-case label went on with the headline's sentence. A headline
# runs to four words at least; fewer are a label's (`SPONSORED CONTENT by …`, `PHOTO GALLERY by
# …`, `BROUGHT TO YOU by …`), which credits a sponsor or a photographer, not the story's writer.
_CAPS_HEAD_BY = re.compile(
    r"^(?:[^a-z\s]+\s+){4,}(?:written\s+|posted\s+)?by\s+(?P<rest>[A-ZÀ-Þ].*)$"
)
# `Posted on March 4, 2024 by Jane Doe`, `This entry was posted in News by Jane Doe`, `Publié le
# 3 mai 2024 par Jeanne Doe`: a stamp (a date, or the category the post is filed in), its author
# after it.
_STAMP_BY = re.compile(
    r"^(?i:this entry was )?(?i:posted|published|written|submitted|filed|publié|publiée|publicado"
    r"|publicada|veröffentlicht|pubblicato)(?P<stamp>\s[^.!?]{4,40}?)\s(?i:by|par|por|von|da)"
    r"\s+(?P<rest>\S.*)$"
)
# `Media Contact:`, `Press enquiries`, `Pressekontakt:`: a release's contact, a name under it.
_CONTACT_LABEL = re.compile(
    r"^(?:(?:media|press|news|pr)\s+)?(?:contacts?|enquiries|inquiries)\s*:?$"
    r"|^(?:pressekontakt|kontakt|contacto(?:\s+de\s+prensa)?|contact\s+presse)\s*:?$",
    re.IGNORECASE,
)
# `Topics` / `Head First, Programming, Python`: a heading alone over the story's tags, which
# may be set in capitals like a name.
_TAGS_LABEL = re.compile(
    r"^(?:tags?|topics?|keywords|filed under|categories|themen|schlagw(?:ö|o)rte?|etiquetas"
    r"|temas|mots-clés|sujets)\s*:?$",
    re.IGNORECASE,
)
# `Press release`, `Communiqué de presse`, `Pressemitteilung`: a page's label over a release.
_RELEASE_LABEL = re.compile(
    r"^(?:press release|news release|media release|communiqué de presse|pressemitteilung"
    r"|comunicado de (?:prensa|imprensa)|comunicato stampa|persbericht|komunikat prasowy)$",
    re.IGNORECASE,
)
_CASELESS_WORDS = 3  # words of a bare name without capitals (given and family names)
# The words that name an institution, never part of a person's name (`Example State
# University`, `Riverside General Hospital`, `Stiftung Lesen`): a site that such a body owns
# speaks for it, and the body signs none of its pages as their writer.
_INSTITUTION = re.compile(
    r"\b(?i:university|universities|college|institute|school|academy|hospital|foundation"
    r"|society|association|museum|library|council|ministry|department|centre|center|agency"
    r"|universit(?:ät|é|à|y|eit|ad|ade)|hochschule|institut|stiftung|fondation|fundación"
    r"|fundação|fondazione|ministerium|ministère|ministerio)\b"
)
# The words for news or a newspaper in a paper's own name (`Новини Придніпров'я`, Ukrainian
# news; `Báo Sông Hương`, Vietnamese newspaper; `Kieler Nachrichten`): a paper's site, whose
# copyright names the house, not the person a personal site is.
_PAPER_WORDS = re.compile(
    r"(?<!\w)(?i:nachrichten|zeitung|nouvelles|gazette|noticias|notícias|notizie|giornale"
    r"|gazzetta|diario|diário|periódico|jornal|nieuws|dagblad|nyheter|nyheder|tidning|uutiset"
    r"|lehti|wiadomości|gazeta|novinky|zprávy|hírek|știri|haberler|gazete|новини|новости|вести"
    r"|вісті|газета|tin tức|báo|berita|balita|ειδήσεις)(?!\w)"
)
# Vietnamese `Tin` (news) opens a paper's name too (`Tin Sông Hương`); elsewhere it may be a
# given name (Burmese `Tin Aung`), so it tells only on a Vietnamese page.
_VI_PAPER = re.compile(r"^Tin\s")
# `كتب أحمد السيد` (wrote), `بقلم …` (by the pen of): the Arabic writer's word set before the
# name with no colon, as Thai sets `โดย` (by) apart from the name; over the date line under the
# headline it is that word, no name's.
_CASELESS_BY = re.compile(r"^(?:كتب|كتبت|بقلم|โดย)\s+")
# `सुनील पारीक, जयपुर`: the city the writer files from, after a comma, a word or two.
_CASELESS_PLACE = re.compile(r"\s*[,،]\s*\S+(?:\s\S+)?$")
# `دبي - عمر الحمادي`: an Arabic paper sets the city its reporter files from before the name,
# parted by a dash, as a wire's dateline opens its story with the city.
_CASELESS_PLACE_BEFORE = re.compile(r"^[\u0600-\u06ff]+(?:\s[\u0600-\u06ff]+)?\s+[-–—]\s+")
# After that dash an Arabic paper credits its source as often as its reporter: a given name
# seldom takes the article (`ال`), a paper's or a desk's name does (`الرياض - الشرق الأوسط`),
# and an agency goes by its initials (`القاهرة - أ ش أ`). A Maghrebi given name with the article
# (`الطاهر`) is lost so: no byline is better than a paper's name read as one.
_ARABIC_ARTICLE = "ال"
_COMMAS = str.maketrans({",": " ", "،": " "})
# A desk's words in scripts without capitals (`डिजिटल डेस्क`, digital desk; `هيئة التحرير`,
# the editorial board), and the jobs a paper credits an unnamed reporter by (`संवाददाता`,
# correspondent; `محرر`, editor): no person's name. After the comma a desk says that the words
# before it are the place it files from (`नई दिल्ली, जागरण ब्यूरो`); a job may follow a name.
_CASELESS_DESKS = frozenset(
    "डेस्क ब्यूरो टीम एजेंसी فريق وكالة وكالات مكتب التحرير تحرير قسم מערכת דסק סוכנויות".split()
)
_CASELESS_JOBS = frozenset("संवाददाता प्रतिनिधि रिपोर्टर محرر المحرر مراسل مراسلنا כתב".split())
_CASELESS_NOT_NAMES = _CASELESS_DESKS | _CASELESS_JOBS
# The jobs a column's role line opens with (writer, journalist, researcher, professor) in
# Arabic, Hebrew, Hindi and Persian, besides the reporter's and editor's.
_CASELESS_ROLES = _CASELESS_JOBS | frozenset(
    "كاتب كاتبة صحفي صحفية مراسلة محررة باحث باحثة أستاذ أستاذة أكاديمي أكاديمية כותב כותבת"
    " עיתונאי עיתונאית פרשן פרשנית חוקר חוקרת लेखक लेखिका पत्रकार स्तंभकार نویسنده پژوهشگر"
    " روزنامه‌نگار".split()
)
_ROLE_WORDS = 8  # a role line under a name is short: a job and a field or two
_ROLE_ECHO = 6  # the story's first lines, where a standfirst's subject is named again
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s")  # not after an initial (`Jane K. Doe`)
_RANK_DOT = re.compile(rf"\b({RANK})\.(?=\s)")  # nor after a rank (`Sgt. Jane Doe`)
_FILED_IN = re.compile(r"^\s(?:in|under)\s", re.IGNORECASE)
_SUBSCRIBERS = re.compile(
    r"^\d[\d.,]*\s?[KkMm]?\s+(?:subscribers|abonnenten|abonnés|suscriptores)$", re.IGNORECASE
)
_MAX_STAMP_LINE = 120
# `Jane DoeView More Articles`, `Jane Doe | See all stories`: a writer's name with the button
# of the link to their other pieces (their author page), which only a writer's credit carries.
_MORE_BY = re.compile(
    r"^(?P<name>[^|·•]*?[^\s|·•])\s*(?:[|·•]\s*)?"
    r"(?i:(?:view|see|read|browse)\s+(?:more|all)|more|all)\s+(?i:articles|stories|posts)\s*$"
)
# The button alone under a writer's name that links their other pieces (`All articles`, Turkish
# `Tüm Yazıları`, German `Alle Artikel`): no co-author, though capitalised like a name.
_OTHER_PIECES = re.compile(
    r"^(?:(?:view|see|read|browse)\s+)?(?:more|all)\s+(?:articles|stories|posts|columns)"
    r"|^(?:tüm|diğer)\s+yazıları?|^alle\s+artikel|^tous\s+(?:ses|les)\s+articles"
    r"|^(?:todos\s+(?:sus|los)|más)\s+artículos",
    re.IGNORECASE,
)
# `[佐藤健一，テックウォッチ]`, `［佐藤健一］`: a Japanese site's credit under the date, the
# writer's name in square brackets, the outlet perhaps after a comma.
_BRACKETED_CJK = re.compile(
    r"^[\[［]\s*(?P<name>[^\]］，,、]+?)\s*(?P<outlet>[，,、][^\]］]*)?[\]］]$"
)
# A full name alone in brackets has a family and a given name (`［佐藤健一］`); a word of two
# characters there is a button, a section or a place (`[写真]`, `[動画]`, `[速報]`, `[東京]`).
_BRACKETED_NAME_CHARS = 3
_MASTHEAD = 5  # the page's first lines, where a site's own name stands
_BOX_REACH = 12  # lines under a link box's heading where its teasers' names may stand
_LEAD_LINES = 3  # lines from a byline to the story under it (`Jane Doe` / `Madrid` / date)
_OWN_NAME_WORDS = 3  # words of a site's name printed before its writer's
_OWN_NAME_COPIES = 2  # lines where the site's name stands alone: masthead and footer
_ARTICLE = re.compile(r"^(?:the|los|las|les|die|gli|il)\s", re.IGNORECASE)
_WIRE_CHARS = 40
_JOINED_END = re.compile(r"(?:,|\s(?:and|und|et|&))\s*$", re.IGNORECASE)
_COAUTHOR_LINES = 6  # lines under a credit where names split over lines may go on
# A plural label alone (`Authors`): its list sets each writer over their job (`Jane Doe` /
# `Partner` / `John Roe` / `Counsel`).
_AUTHORS_LABEL = re.compile(r"^(?:authors|autoren|auteurs|autori|autores)\s*:?$", re.IGNORECASE)
_JOB = r"[A-ZÀ-Þ][a-zß-ÿ]+(?: [A-Za-zÀ-ÿ][a-zß-ÿ]*){0,3}"  # `Partner`, `Collaboration spéciale`
_JOB_LINE = re.compile(rf"^{_JOB}$")
# A job under a name, perhaps with its field after a comma (`Product Manager, Mobile`).
_JOB_FIELD = re.compile(rf"^(?P<job>{_JOB})(?:, [A-ZÀ-Þ][\w&'’ -]*)?$")
# A newsroom's job in other languages (`Journaliste`, `Chroniqueuse`, `Redakteurin`,
# `Periodista`); a Québec paper sets `Collaboration spéciale` under a freelance's name.
_NEWSROOM_JOB = re.compile(
    r"^(?:journaliste|chroniqueu(?:r|se)|correspondant(?:e)?|rédact(?:eur|rice)|reporter"
    r"|reporteu(?:r|se)|collaborat(?:eur|rice|ion)|redakteur(?:in)?|korrespondent(?:in)?"
    r"|journalist(?:in)?|periodista|redactor(?:a)?|corresponsal|colaborador(?:a)?|giornalista"
    r"|corrispondente|jornalista|repórter)\b",
    re.IGNORECASE,
)
_COPY_REACH = 20  # lines above the headline where an earlier copy of it may stand
_BELOW_COPY = 2  # lines under that copy where its byline stands
_LONE_BELOW_ZONE = 12  # lines under the story where its one signature may stand
_BELOW_TITLE = 10  # lines under the headline, above the story, where its byline may stand
_DATED_ABOVE_ZONE = 20  # lines above the story where a name over its date may stand
_LONE_INTO_ZONE = 16  # lines into the story where its one `By` line may still stand
_OPENERS = frozenset("\"'“‘„«[(—–―")
# A columnist, in the words of the job line a column sets under its writer's name.
_COLUMNIST = re.compile(
    r"\b(?:columnist[ae]?|colunista|kolumnist(?:in)?|chroniqueu(?:r|se)|editorialista"
    r"|opinionista|felietonista|cronista)s?\b",
    re.IGNORECASE,
)
# Photo credits: `Foto: …`, `Bild: …`, `© …`, `Photo by …`, `Getty Images`.
_PICTURE = re.compile(
    r"©|\b(?:copyright|foto|fotos|photo|photos|bild|bilder|image|images|picture|credit)\b",
    re.IGNORECASE,
)


def header_byline(
    page: Page, zone: Zone, title_at: int | None, body: str, anchor: int | None = None
) -> list[str]:
    """The names the header cluster signs the story with (`By` lines first, then bare names)."""
    span = cluster(page, zone, title_at, BYLINE_INTO_ZONE)
    if title_at is not None:
        # A headline printed again above the story's copy may carry the byline under it.
        span = sorted(set(span) | set(_under_copies(page, title_at)))
    if title_at is not None and title_at < zone.start:
        # A long standfirst in short lines and a player may part the byline from the headline.
        below = range(title_at + 1, min(zone.start, title_at + _BELOW_TITLE + 1))
        span = sorted(set(span) | set(below))
    if anchor is not None:
        # A wire story on a portal: its byline stands just above its dateline.
        span = sorted(set(span) | set(range(max(0, anchor - ABOVE_ANCHOR), anchor)))
    span = [i for i in span if not contents_entry(page, i)] or span
    # A short story's cluster reaches past its foot into a box of links under it (`Related` /
    # a headline / `By Jane Roe`), whose teasers each sign their own story.
    span = [i for i in span if not _under_story_box(page, zone, i)]
    mark = title_at if title_at is not None and title_at < zone.end else span[0]
    # The headline printed twice (over the story and again in a player): what stands between
    # the copies is under the headline too.
    top = min(_copies_above(page, title_at), default=mark) if mark == title_at else mark
    order = sorted((i for i in span if i != title_at), key=lambda j: (j < mark, abs(j - mark)))
    # A one-line biography just under the headline (`Jane Doe is a staff writer …`) names the
    # writer as one under the story does.
    under = title_at + 1 if title_at is not None and title_at < zone.start else None
    bios = writer_bios(page, zone, body, under)
    body = CONTACT.sub(" ", body)  # `jane.doe@example.com`, `@janedoe` write names in lower case
    signed = {i: _credited(page, i, body, mark < i <= mark + UNDER_HEADLINE) for i in span}
    # A paper signing with its own name (`by Lesotho Times`) stands in only where no person does.
    bylines = {i: [n for n in names if not is_house(n)] for i, names in signed.items()}
    for i in order:
        if bylines.get(i) and i < top and _name_under(page, mark, body):
            continue  # a teaser's `By` line above the headline; a name stands under it
        if bylines.get(i) and i > mark and _in_link_box(page, i, mark):
            continue  # `Related` / a headline / `By Jane Roe`: a teaser under the headline
        if bylines.get(i) and teaser_credit(page, i, title_at):
            continue  # headline / `By Jane Roe` / headline / `By John Roe`: unlabelled teasers
        if bylines.get(i):
            # Consecutive `By` lines sign together (`By Daniel Okoro` / `By Priya Natarajan`).
            low = high = i
            while bylines.get(low - 1):
                low -= 1
            while bylines.get(high + 1):
                high += 1
            names: list[str] = []
            for j in range(low, high + 1):
                names.extend(n for n in bylines[j] if n not in names)
            names = names[:1] + [n for n in names[1:] if not _masthead_edition(page, n, mark)]
            return names + [n for n in _coauthors(page, high, body) if n not in names]
    avatar = avatar_writer(page, order)
    if avatar is not None:
        return [avatar]  # `JD` / `Jonas Dvaras, professor …`: the badge's writer
    # A Taiwanese paper credits its reporter in brackets opening the story's first paragraph
    # (`〔記者林佩君／花蓮報導〕…`).
    low = zone.start if title_at is None else max(zone.start, title_at + 1)
    first = next((j for j in range(low, zone.end) if is_paragraph(page.text(j))), None)
    lead = cjk_lead_byline(page.text(first)) if first is not None else []
    if lead:
        return lead
    gallery = gallery_credit(page, title_at, body)
    if gallery:
        return gallery
    channel = _channel(page, order)
    if channel is not None:
        return [channel]
    agency = next((a for i in order if (a := agency_byline(_signed_text(page, i)))), None)
    if agency is not None:
        return [agency]
    pen = next(
        (
            a
            for i in order
            if (a := pen_name(_signed_text(page, i), body))
            and (dated_beside(page, i) or _author_box(page, i, a))
            and not teaser_credit(page, i, title_at)
        ),
        None,
    )
    if pen is not None:
        return [pen]
    # A credit just under the headline signs before a lone `By` line further off (a teaser's).
    lone = [] if _name_under(page, mark, body) else _lone_byline(page, zone, body, signed)
    if lone:
        return lone
    teasers = {i for i in order if signed[i] and teaser_credit(page, i, title_at)}
    houses = [
        names
        for i in order
        if i not in teasers and (names := signed[i] or _dated_house(page, i, body))
    ]
    # A name over its date line (`Jane Doe` / `30. Juni 2025`) signs deeper into the story too.
    cluster_lines = set(order)
    order += [i for i in _over_dates(page, zone) if i not in cluster_lines and i != title_at]
    brackets = {i: _bracketed_cjk(page.text(i)) for i in order}
    bare = {
        i: brackets[i]
        or (
            _without_own_name(page, bare_names(_joined(page, text)))
            if _may_be_credit(text := page.text(i))
            else []
        )
        for i in order
    }
    for i in order:
        if not bare[i] and dated_beside(page, i, 1):
            # `Jane Doe Ann Marie Roe` over the date: linked names a copy ran together.
            bare[i] = glued_names(page, i)
        if not bare[i] and _over_date(page, i) and _may_be_credit(text := page.text(i)):
            # `Jane Doe North of England correspondent` / the date: the job run into the name.
            bare[i] = [name] if (name := name_before_job(text)) else []
    # A name without capitals is told by its place over the date, not by the story's case.
    placed: set[int] = set()
    for i in order:
        if not bare[i] and mark < i <= mark + UNDER_HEADLINE + 1:
            bare[i] = _caseless_over_date(page, i)
            if bare[i]:
                placed.add(i)
    prose = "\n".join(line for line in body.split("\n") if is_paragraph(line))
    # `Associated Press` alone just under the headline signs the story; elsewhere an agency's
    # name alone credits a picture (`Xinhua` under a caption).
    wire_at, wire = wire_under(page, title_at, zone.start, _BELOW_TITLE)
    found: list[tuple[bool, int, list[str]]] = []
    for i in order:
        names = bare[i]
        stamped = bool(names) and find_date(page.text(i)) is not None
        # Dated on its own line, or right under the headline, a name may hold a common word
        # (`Will Doe/May 3, 2024`, `Grace Long`); a bare phrase elsewhere may not (`Closing
        # Bell`), and no name opens with a definite article (`Los Gallardos`: a place).
        common = all_common if stamped or mark < i <= mark + UNDER_HEADLINE else common_words
        # A CJK name stamped on its line just under the headline (`松村太郎2019年04月13日`)
        # signs though the story names it (a columnist's series is named after them).
        cjk_stamp = stamped and mark < i <= mark + UNDER_HEADLINE and is_cjk_name(names[0])
        # Its brackets mark `[佐藤健一，テックウォッチ]` a credit, though the story opens above it.
        vouched = cjk_stamp or i in placed or bool(brackets[i])
        if len(names) > 1 and LIST_SEPARATOR.search(page.text(i)):
            # `Jane Doe | Mexico City`, `Jane Doe • Climate Change`: what a list's separator
            # sets after the writer may be their place or beat, whose words the story writes
            # in lower case (`the city`); a co-author's name it does not.
            names = names[:1] + [n for n in names[1:] if not common_words(n, body)]
        if not names or any(
            (common(n, body) and not vouched) or _place(n) or cited_wire(n) for n in names
        ):
            continue
        if is_paragraph(page.text(i)) and page.dateline(i) is not None:
            continue  # `ST. ELWYN, Maine (AP) — …`: the place a story was filed from opens it
        if (not stamped or _before_desk(page.text(i))) and any(_subject(n, prose) for n in names):
            # `Friedrich Merz` over a photo credit: the story says what Merz did; `New Delhi,
            # Example Bureau | Updated …`: the place a desk filed from, which the story names.
            continue
        if len(names) > 1 and not set(names) & set(bios) and _topics(page.text(i), names, prose):
            continue  # `Premier League | Champions League`: what the story is about, listed
        if i > 0 and _CONTACT_LABEL.match(page.text(i - 1)):
            continue  # `Media Contact:` / `Jane Roe`: whom the press calls, not the writer
        if not stamped and i > 0 and _TAGS_LABEL.match(page.text(i - 1).strip()):
            # `Topics` / `Head First, Python`: the story's tags, not its writer; a tag carries
            # no date (`Topics` / `Jane Doe | May 3, 2024`: the tags box was empty).
            continue
        if not stamped and _caption_name(page, i):
            continue  # `Friedrich Merz` / `Foto: Reuters/Jane Roe`: a caption names who is shown
        if (
            i < top
            and not (dated_beside(page, i) and not _across(page, i, mark))
            and not _columnist_over(page, i, mark)
        ):
            # Above the headline stand kickers, sections and menus, not bylines; a date under
            # the headline dates the story, not a menu entry over it (`More` / `City Radio`).
            continue
        if (_in_link_box(page, i, mark) and not _leads_story(page, i)) or bp.box_kind(
            page.text(i)
        ) is not None:
            # `You may also like` / a headline / `Jane Roe` / `Today 7:30AM`; the box's heading
            # itself (`Trending Now`) is shaped like a name.
            continue
        if is_cjk_name(names[0]) and not dated_close(page, i):
            continue  # a section's name (`国際`) is shaped like a person's: a date must vouch
        if wire is not None and not mark < i < wire_at:
            continue  # the agency under the headline signs before what stands further off
        if any(is_house(n) for n in names):
            houses.append(names)
            continue
        if teaser_credit(page, i, title_at, bare=True):
            continue  # headline / `Jane Roe` / headline / `John Roe`: teasers signed bare
        if not stamped and i > mark and section_trail(page, i, mark, names):
            continue  # `Real Estate Public Safety` over the date: a breadcrumb of section links
        if stamped and i > mark and any(map(top_section, names)):
            continue  # `World Europe | 05.04.2025`: the story's section beside its date
        found.append((stamped, i, names))
    if found:
        # A name stamped with its date on one line (`Jane Doe · CBC News · Posted: May 3`) is
        # the byline before a nearer bare phrase (`Social Sharing`, a picture's `Warner Bros.`).
        stamped_first, i, names = next((one for one in found if one[0]), found[0])
        if bios and not set(names) & set(bios):
            return bios  # `Christmas Shopping` over a story whose foot says who wrote it
        # A bare name by the headline (a picture's photographer, a caption's subject) gives
        # way to a sign-off under the story that the page credits again; a dated one does not.
        off = _signed_off(page, zone, body, prose)
        if off and not stamped_first and not set(names) & set(off):
            return off
        return names + [n for n in _coauthors(page, i, body) if n not in names]
    if wire is not None:
        return [wire]
    if bios:
        return bios
    # An agency alone over or under its date (`dpa` / `25.10.2025 - 15:26 Uhr`) signs too.
    dated_wire = next(
        (t for i in order if is_wire(t := page.text(i).strip()) and dated_beside(page, i, 1)),
        None,
    )
    if dated_wire is not None:
        return [dated_wire]
    desk = dated_desk(page, order, mark)
    if desk:
        return [desk]
    if houses:
        return houses[0]
    return (
        dated_pen_name(page, mark, body)
        or _owner(page, zone, mark)
        or _signed_off(page, zone, body, prose)
        or _editor(page, order, body)
        or last_line_writer(page, zone, body)
        or bracketed_signature(page, zone)
        or blog_owner(page, zone, body)
    )


_EDITED_BY = re.compile(r"(?i:edited by)\s+(?P<rest>\S.*)$")
_EDITOR_IN_ZONE = 2  # the story's last lines, where its editor's credit may close it


def credits_pictures(text: str) -> bool:
    """Whether a line credits the writer who took the pictures (`तस्वीरें और शब्द: …`)."""
    return bool(_WRITER_PICTURES.match(text))


def _editor(page: Page, order: list[int], body: str) -> list[str]:
    """The editor a header credits when no writer is named (`Edited by Jane Doe`): such pages
    (a portal rewriting agency copy) name the editor as the story's author."""
    for i in order:
        match = _EDITED_BY.search(page.text(i))
        if match is not None:
            names = byline_names("By " + match.group("rest"), body)
            if names:
                return names
    return []


def story_editors(page: Page, zone: Zone, title_at: int | None) -> list[str]:
    """The responsible editors a Chinese portal credits in its header's fields or under the
    story (`…作者：责任编辑：王五`, `（责编：王五）`): where no one else signs, the editor stands
    for the story's author, as `Edited by` does."""
    span = cluster(page, zone, title_at, BYLINE_INTO_ZONE)
    foot = range(max(zone.start, zone.end - _EDITOR_IN_ZONE), min(len(page.lines), zone.end + 3))
    # A reporter credited under the headline or in the dateline in a form no byline reader
    # knows (`新华社记者 张伟`) wrote the story: its editor does not sign then. (Reporters
    # credited at the foot, `（记者宋晨）`, the portal's own credit puts after its editor.)
    if any(names_cjk_reporter(page.text(i)) for i in [*span, zone.start]):
        return []
    return next((names for i in [*span, *foot] if (names := cjk_editors(page.text(i)))), [])


def _signed_off(page: Page, zone: Zone, body: str, prose: str) -> list[str]:
    """The names on the line right under the story's last paragraph (`Jane Doe`): a sign-off
    (`prose`: the story's paragraphs, where a subject is named)."""
    if zone.end >= len(page.lines):
        return []
    text = page.text(zone.end)
    # Names alone, not a part of a line of links (`Also read: Gold Rate | Silver Rate`).
    alone = _may_be_credit(text) and ":" not in text and SEPARATOR.search(text) is None
    names = bare_names(text) if alone else []
    if not names or any(common_words(n, body) or is_house(n) or _subject(n, prose) for n in names):
        return []
    # A writer is credited again on the page (in its header or an author box); a tag or a
    # heading under the story is not, nor a photographer credited with a picture.
    others = [
        text.casefold()
        for i in range(len(page.lines))
        if not zone.start <= i <= zone.end
        and not is_paragraph(text := page.text(i))
        and _PICTURE.search(text) is None
    ]
    return names if all(any(n.casefold() in o for o in others) for n in names) else []


def _author_box(page: Page, i: int, name: str) -> bool:
    """Whether an author box below line `i` sets `name` alone over a biography opening with it
    (`Mara` / `Mara is a coastal-town native …`): it vouches for a one-word pen name."""
    return any(
        page.text(j).strip() == name and page.text(j + 1).startswith(f"{name} ")
        for j in range(i + 1, len(page.lines) - 1)
    )


def _across(page: Page, i: int, mark: int) -> bool:
    """Whether line `i`, above the headline (`mark`), has its only date beside it under the
    headline."""
    return find_date(page.text(i)) is None and not any(
        parse_date_line(page.text(j)) is not None for j in range(max(0, i - DATE_REACH), mark)
    )


def _channel(page: Page, order: list[int]) -> str | None:
    """The channel a video page names over its subscriber count (`Confreaks` / `41.3K
    subscribers`): the one who posted the video."""
    for i in order:
        if i > 0 and _SUBSCRIBERS.match(page.text(i)):
            name = page.text(i - 1).strip()
            if len(name) <= _WIRE_CHARS and not any(c.isdigit() for c in name):
                return name
    return None


def _name_under(page: Page, mark: int, body: str) -> bool:
    """Whether a credit stands just under the headline (`mark`): names, perhaps with their
    house or date (`Jane Doe | Reuters`, `Jane Doe May 3, 2024`), or an agency alone."""
    for i in range(mark + 1, min(len(page.lines), mark + UNDER_HEADLINE + 1)):
        text = page.text(i).strip()
        if is_wire(text) or is_wire(without_stamps(text)) or agency_byline(text):
            return True
        names = bare_names(text) if _may_be_credit(text) else []
        if names and is_cjk_name(names[0]) and not dated_beside(page, i):
            continue  # a section's name (`国際`) is shaped like a person's: a date must vouch
        if names and not any(common_words(n, body) or _subject(n, body) for n in names):
            return True
    return False


def _dated_house(page: Page, i: int, body: str) -> list[str]:
    """The house a dated `By` line credits alone (`By TPN, in News · 31 Jan 2025`), or a stamp
    line after its date (`… / 10:07 AM / CBS News`); an undated `By` line is a widget's (`by
    Taboola`)."""
    text = page.text(i)
    return (house_credit(text) if dated_beside(page, i) else []) or stamped_house(text, body)


def _leads_story(page: Page, i: int) -> bool:
    """Whether a name in a box of links under the headline stands, with only its place and the
    date line, right over the text the box gives way to: the story's byline after related links
    set between the standfirst and the story (`Noticias relacionadas` / teasers / `Juan Pérez`
    / `Madrid` / `Publicada 14 marzo 2025` / the story), not a teaser's credit between teasers."""
    end = bp.box_end(page.lines, i, "links")  # where the text resumes
    if end >= len(page.lines) or end > i + _LEAD_LINES:
        return False
    between = [page.text(j) for j in range(i + 1, end)]
    dated = [text for text in between if parse_date_line(text) is not None]
    return bool(dated) and all(text in dated or len(text.split()) <= 2 for text in between)


def _in_link_box(page: Page, i: int, mark: int) -> bool:
    """Whether line `i` stands in a box of links to other stories (`You may also like`) opened
    under the headline (`mark`); a menu's `Trending` above the headline opens none."""
    for j in range(i - 1, max(mark, i - _BOX_REACH - 1), -1):
        if bp.box_kind(page.text(j)) == "links":
            return bp.box_end(page.lines, j, "links") > i
    return False


def _under_story_box(page: Page, zone: Zone, i: int) -> bool:
    """Whether line `i` stands in a box of links opened under the story (`Related`)."""
    return i >= zone.end and _in_link_box(page, i, zone.end - 1)


def _owner(page: Page, zone: Zone, mark: int) -> list[str]:
    """The person a personal site is: named alone atop the page and holding its copyright
    (`Jane Doe` … `© Jane Doe 2016-2020`); a newspaper's notice names a house, and a press
    release (labelled so right over its headline, `mark`; a menu's `Press release` links a
    page of them) speaks for the body whose site issues it, which no one signs; so does any
    page of a body named as an institution (`Example State University`)."""
    if mark > 0 and _RELEASE_LABEL.match(page.text(mark - 1)):
        return []
    top = {page.keys[j] for j in range(min(zone.start, _MASTHEAD))}
    for i in range(zone.end, len(page.lines)):
        holder = _copyright_holder(page.text(i))
        if holder is None:
            continue
        holder = re.sub(r"\b(?:19|20)\d{2}\b", " ", holder)
        names = bare_names(holder.split(".")[0].strip(" ,-–—"))
        if len(names) != 1 or is_house(names[0]):
            continue
        if _INSTITUTION.search(names[0]) or _paper(page, names[0]):
            continue
        if names[0].casefold() in top:
            return names
    return []


def _paper(page: Page, name: str) -> bool:
    """Whether a site's name holds its language's word for news or a newspaper (`Báo …`)."""
    return bool(_PAPER_WORDS.search(name)) or (
        page.language == "vi" and _VI_PAPER.match(name) is not None
    )


def _masthead_edition(page: Page, name: str, mark: int) -> bool:
    """Whether a name after a byline's first is the site's own name with its local edition
    (`Por Ana Souza, Portal Paulista Campinas`): its first words, two or more, stand alone
    above the headline as the masthead, and a person's name is no masthead."""
    words = name.split()
    top = set(page.keys[:mark])
    return any(" ".join(words[:cut]).casefold() in top for cut in range(2, len(words)))


def _without_own_name(page: Page, names: list[str]) -> list[str]:
    """The names with the site's own name cut from their front (`Ouest-France Jane Doe.`): a
    paper may print its name before its writer's, and that name stands alone on other lines of
    the page (its masthead, its footer) and holds its copyright (a section or town's name in
    the menus, `Santiago`, may be a writer's given name too: `Santiago Pérez Gómez`)."""
    out: list[str] = []
    holders: list[str] | None = None
    for name in names:
        words = name.split()
        for cut in range(1, min(_OWN_NAME_WORDS, len(words) - 2) + 1):
            own = " ".join(words[:cut]).casefold()
            if page.keys.count(own) < _OWN_NAME_COPIES:
                continue
            holders = _copyright_holders(page) if holders is None else holders
            if any(holder.startswith(own) for holder in holders):
                name = clean_name(" ".join(words[cut:])) or name
                break
        out.append(name)
    return out


def _copyright_holders(page: Page) -> list[str]:
    """Who the page's copyright notices name, case-folded (`© 2024 Ouest-France` …)."""
    holders = (_copyright_holder(line.text) for line in page.lines)
    return [
        re.sub(r"^\W*(?:(?:19|20)\d{2}\W*)*", "", holder).casefold()
        for holder in holders
        if holder is not None
    ]


def _copyright_holder(text: str) -> str | None:
    """Who a copyright notice names, as it writes them (`Jane Doe 2016-2020`); else None."""
    match = bp.COPYRIGHT.match(text) if bp.is_copyright(text) else None
    return None if match is None else match.group("holder")


def _caption_name(page: Page, i: int) -> bool:
    """Whether line `i` names who a picture shows: it stands over the picture's credit and
    another name stands under that credit (`Friedrich Merz` / `Foto: Reuters/Jane Roe` /
    `Piotr Doe`): the byline follows the picture; a name over its picture alone signs."""
    if i + 2 >= len(page.lines):
        return False
    credit, after = page.text(i + 1), page.text(i + 2)
    if len(credit) > 2 * _WIRE_CHARS or _PICTURE.search(credit) is None:
        return False
    return _may_be_credit(after) and bool(bare_names(after))


def _joined(page: Page, text: str) -> str:
    """A bare line with its names parted as the page's language joins them: Dutch sets `en`
    (and) between two writers (`Jan Peeters en Lotte De Smet`), which in Spanish or French is
    `in` (`Ana Ruiz en Nueva York`), so it joins only on a Dutch page."""
    return dutch_joined(text) if page.language == "nl" else text


def _before_desk(text: str) -> bool:
    """Whether a line's first part, after a comma, names a desk (`New Delhi, Example Bureau |
    Updated …`): what stands before it is the writer or the place the desk filed from. After a
    writer's name a paper's name is their employer (`Jane Singh, Example Times`), whatever the
    story says of another Singh."""
    first = SEPARATOR.split(text, maxsplit=1)[0]
    _, comma, house = first.partition(",")
    return bool(comma) and desk_name(without_stamps(house).strip(" ,")) is not None


def _place(name: str) -> bool:
    """Whether a name opens with a definite article and names no house: a place or a title."""
    return _ARTICLE.match(name) is not None and not is_house(name)


def _topics(text: str, names: list[str], prose: str) -> bool:
    """Whether a line lists, parted by a list's separator, names the story's paragraphs write
    in full (`United States | United Kingdom`): what it is about (places, teams, people), not
    its co-authors, whom a story does not tell of but in their biographies."""
    return LIST_SEPARATOR.search(text) is not None and any(
        re.search(rf"\b{re.escape(name)}\b", prose, re.IGNORECASE) for name in names
    )


def _subject(name: str, prose: str) -> bool:
    """Whether the story's paragraphs call a person by the family name alone (`Merz said`): a
    person it is about; its writer is named in full, if at all (`Jane Doe contributed`)."""
    words = name.split()
    # A CJK name's last word is its given name (`大渡 美咲`), by which no story calls a subject.
    if len(words) < 2 or is_cjk_name(name):
        return False
    rest, full = re.subn(re.escape(name), " ", prose, flags=re.IGNORECASE)
    if full or name.isascii():
        return re.search(rf"\b{re.escape(words[-1])}\b", rest) is not None
    # A name with accents the story never names in full may share only a family name, or a
    # word, with another name it writes (`Ana Martínez` over `el alcalde, Pedro Martínez`;
    # `Trần Văn Nam`, whose given name comes last, over `Việt Nam`): its last word must
    # stand alone (`sagt Brändli`, `in Zürich`).
    return any(_alone(m, rest) for m in re.finditer(rf"\b{re.escape(words[-1])}\b", rest))


def _alone(match: re.Match[str], text: str) -> bool:
    """Whether a word found in a text is no part of a longer name: no capitalised word beside
    it but one opening a sentence (`Laut Brändli`)."""
    after = re.match(r"[ \t]+(\w)", text[match.end() :])
    if after is not None and after.group(1).isupper():
        return False
    before = re.search(
        r"(?P<stop>^|[.!?«»\"“”]\s*|\s)(?P<word>\w[\w'’-]*)[ \t]+$", text[: match.start()]
    )
    if before is None or not before.group("word")[:1].isupper():
        return True
    return before.group("stop").strip() != "" or before.start() == 0


def _coauthors(page: Page, i: int, body: str) -> list[str]:
    """The names on the lines that go on with the credit of line `i` (`Jane Doe` / `and` /
    `John Roe`, `By Jane Doe,` / `John Roe`): a copy puts each linked name on a line of its
    own, and only a joining word or comma says the next line goes on with the credit."""
    paired = _paired_writers(page, i, body)
    if paired:
        return paired
    names: list[str] = []
    joined = _JOINED_END.search(page.text(i)) is not None
    labelled = i > 0 and _LABEL_ALONE.match(page.text(i - 1)) is not None
    listed = i > 0 and _AUTHORS_LABEL.match(page.text(i - 1).strip()) is not None
    for j in range(i + 1, min(len(page.lines), i + _COAUTHOR_LINES + 1)):
        # `Jane Doe` / `Follow` / `and` / `John Roe` / `Follow`: each linked name has its button.
        text = button_free(page.text(j).strip())
        if not text:
            continue
        if text.casefold() in JOINERS:
            joined = True
            continue
        if _OTHER_PIECES.match(text):
            break
        more = bare_names(text) if _may_be_credit(text) else []
        if listed and not more and _JOB_LINE.match(text):
            continue  # `Authors` / `Jane Doe` / `Partner`: the writer's job under their name
        # `Jane Doe – Journalist` / `John Roe – Journalist in Paris`: each credit with its role.
        titled = titled_name(page.text(j - 1)) is not None and titled_name(text) is not None
        if not joined and not titled and (more != [text] or not labelled):
            break  # unjoined, only names alone under a label alone go on (`Von` / A / B)
        if not more or any(common_words(n, body) or is_house(n) for n in more):
            break
        names.extend(more)
        joined = _JOINED_END.search(text) is not None
    return names


def _paired_writers(page: Page, i: int, body: str) -> list[str]:
    """The writers after the one on line `i` in a credit that sets each name over its job
    (`Jane Doe` / `Product Manager, Mobile` / `John Roe` / `Engineering Lead`), with no label
    or joining word: each name stands between two job lines."""
    names: list[str] = []
    j = i + 1
    while j + 2 < len(page.lines) and _job(page.text(j), body) and _job(page.text(j + 2), body):
        text = page.text(j + 1).strip()
        more = bare_names(text) if _may_be_credit(text) else []
        if more != [text] or common_words(text, body) or is_house(text):
            break
        names.append(text)
        j += 2
    return names


def _job(text: str, body: str) -> bool:
    """Whether a short line under a name is the writer's job, no name: a role (`Staff
    Writer`, `Journaliste`) or words the story writes in lower case (`Engineering Lead`)."""
    match = _JOB_FIELD.match(text.strip())
    if match is None:
        return False
    job = match["job"]
    return is_role(job) or _NEWSROOM_JOB.match(job) is not None or common_words(job, body)


def _over_date(page: Page, i: int) -> bool:
    """Whether line `i` stands over a date line of its own."""
    return i + 1 < len(page.lines) and parse_date_line(page.text(i + 1)) is not None


def _under_date(page: Page, i: int) -> bool:
    """Whether line `i` stands under a date line, perhaps with its time between (`5/24/2016` /
    `02:05 PM` / `Jane Doe`)."""
    above = [page.text(j) for j in range(max(0, i - 2), i)]
    if above and parse_date_line(above[-1]) is not None:
        return True
    return (
        len(above) == 2 and not without_stamps(above[1]) and parse_date_line(above[0]) is not None
    )


def _over_dates(page: Page, zone: Zone) -> list[int]:
    """The short lines around the story's start that stand over a date line of their own, or
    under one: a stamp and its name stand together in either order."""
    end = min(len(page.lines), zone.start + _LONE_INTO_ZONE, zone.end)
    start = max(0, zone.start - _DATED_ABOVE_ZONE)
    short = (i for i in range(start, end) if len(page.text(i)) <= _WIRE_CHARS)
    return [i for i in short if _over_date(page, i) or _under_date(page, i)]


def _under_copies(page: Page, title_at: int) -> list[int]:
    """The lines just under earlier copies of the headline, a few lines above it."""
    return [
        j
        for i in _copies_above(page, title_at)
        for j in range(i + 1, min(title_at, i + _BELOW_COPY + 1))
    ]


def _copies_above(page: Page, title_at: int) -> list[int]:
    """The earlier copies of the headline, a few lines above it."""
    key = page.keys[title_at]
    return [i for i in range(max(0, title_at - _COPY_REACH), title_at) if page.keys[i] == key]


def _caseless_over_date(page: Page, i: int) -> list[str]:
    """A name without capitals alone on its line right over the date line under the headline
    (`נועה לוי` / `פורסם: 03.03.24`): there its place tells it, as capitals do elsewhere. The
    writer's word before it (`كتب`), the city after it (`, जयपुर`) or before it with a dash
    (`دبي - `) are no part of it."""
    line = page.text(i).strip()
    named = _CASELESS_BY.sub("", line)
    before = _CASELESS_PLACE_BEFORE.match(named)
    head = before.group().rstrip(" -–—") if before else ""
    named = named[before.end() :] if before else named
    place = _CASELESS_PLACE.search(named)
    text = named[: place.start()] if place else named
    after = set(head.split()) | (set(place.group().translate(_COMMAS).split()) if place else set())
    below = page.text(i + 1) if i + 1 < len(page.lines) else ""
    # The words around the name are caseless too.
    whole = (f"{head} {named}" if before else line).translate(_COMMAS)
    if not 2 <= len(text.split()) <= _CASELESS_WORDS or not caseless_name(whole):
        return []
    if set(text.split()) & _CASELESS_NOT_NAMES or after & _CASELESS_DESKS:
        return []
    if before and (text.startswith(_ARABIC_ARTICLE) or min(map(len, text.split())) < 2):
        return []
    if i + 2 < len(page.lines) and parse_date_line(below) is None and _caseless_role(page, i + 1):
        below = page.text(i + 2)  # `ليلى منصور` / `كاتبة وباحثة` (writer and researcher) / date
    return [text] if parse_date_line(below) is not None else []


def _caseless_role(page: Page, i: int) -> bool:
    """Whether a short line names a writer's job (`كاتبة وباحثة`, writer and researcher), as a
    column sets it between its writer's name and the date. A standfirst may open with a job too
    (`باحثة مصرية تفوز …`, a researcher wins …), and the story it sums up names that job again;
    a column's writer is not its subject."""
    words = page.text(i).split()
    if not 0 < len(words) <= _ROLE_WORDS or words[0] not in _CASELESS_ROLES:
        return False
    story = page.lines[i + 2 : i + 2 + _ROLE_ECHO]
    return not any(words[0] in line.text.split() for line in story)


def _lone_byline(page: Page, zone: Zone, body: str, signed: dict[int, list[str]]) -> list[str]:
    """The names of the one `By` line above the story (or at its top) when the cluster has none
    (`signed`: the names of the cluster's lines, already read).

    The headline may have been missed, or a gallery parts it from the story; a list of other
    stories signs each teaser, so a second `By` line with other names makes the first no byline.
    """
    found: list[list[str]] = []
    last = -2  # the line of the last `By` line read: consecutive ones sign together
    # The story's foot may sign it too (`Autor: Jane Doe` under the last paragraph), above the
    # boxes of links to other stories (`Most Popular`), whose teasers each sign their own.
    reach = min(len(page.lines), zone.end + _LONE_BELOW_ZONE)
    box = next((j for j in range(zone.end, reach) if bp.box_kind(page.text(j)) == "links"), reach)
    foot = range(zone.end, box)
    top = range(min(len(page.lines), zone.start + _LONE_INTO_ZONE))
    for i in [*(i for i in top if not _under_story_box(page, zone, i)), *foot]:
        text = _signed_text(page, i)
        if not may_hold_label(text):
            continue
        names = signed[i] if i in signed else _credited(page, i, body)
        names = [n for n in names if not is_house(n)]
        if names and last == i - 1 and found:
            found[-1] += [n for n in names if n not in found[-1]]  # `By A` / `By B`
        elif names and names not in found:
            found.append(names)
            if len(found) > 1:
                return []
        last = i if names else last
    return found[0] if found else []


def contents_entry(page: Page, i: int) -> bool:
    """Whether line `i` is inside a table of contents: it and the lines around it stand again
    below as headings, with the text of a section between each (a header cluster printed
    again, as under the story, stands again line after line)."""
    return _listed(page, i) and ((i > 0 and _listed(page, i - 1)) or _listed(page, i + 1))


def _listed(page: Page, i: int) -> bool:
    """Whether lines `i` and `i + 1` stand again below, apart, in the same order."""
    if i + 1 >= len(page.lines):
        return False
    again = _below(page, i, i + 1)
    after = _below(page, i + 1, i + 2)
    return again is not None and after is not None and after > again + 1


def _below(page: Page, i: int, start: int) -> int | None:
    """Where line `i`'s words stand again at or below line `start`, or None."""
    key = page.keys[i]
    return next((j for j in range(start, len(page.lines)) if page.keys[j] == key), None)


def event_host(page: Page, i: int) -> bool:
    """Whether line `i` names the host of an event the page announces (see `is_event_host`)."""
    after = [page.text(j) for j in range(i + 1, min(i + 5, len(page.lines)))]
    return is_event_host(page.text(i), after)


def _credited(page: Page, i: int, body: str, under: bool = False) -> list[str]:
    """The names line `i` (`under` the headline or not) credits as a `By` line; a CJK name counts
    alone under a label alone (`この記事の筆者` / `松岡大地`), where no `By` precedes it."""
    if HOSTED.match(page.text(i)) and (not under or event_host(page, i)):
        # A show's host signs its page just under its title; away from the headline, or
        # beside an event's hours, `Hosted by` names an event's host.
        return []
    if work_credits(page, i):
        return []  # `Writer: Tom Hale` among a film's `Director:` and `Cast:`: its maker
    names = byline_names(_signed_text(page, i, under), body)
    if not names and (pen := stamped_pen_name(page.text(i), body)) and not _comments(page, i):
        names = [pen]
    if names or i == 0 or not _LABEL_ALONE.match(page.text(i - 1)):
        return names
    return [n for n in bare_names(page.text(i)) if is_cjk_name(n)]


def _comments(page: Page, i: int) -> bool:
    """Whether post stamp `i` stamps a reader's comment, not the story: it stands below the
    comments' heading (`3 Comments`, `Reader comments`) or below another account's stamp (a
    post has one stamp, and its comments follow it)."""
    account = post_account(page.text(i))
    return any(
        bp.is_hard_stop(t := page.text(j))
        or bp.COMMENTS_HEADING.match(t)
        or post_account(t) not in (None, account)
        for j in range(i)
    )


def author_page_link(text: str) -> bool:
    """Whether a line is a writer's name with the button to their other pieces (`Jane DoeView
    More Articles`), not a section's (`Sports More Stories`)."""
    return _author_page_name(text) is not None


def _author_page_name(text: str) -> str | None:
    """The writer's name a line sets before the button to their other pieces, else None."""
    more = _MORE_BY.match(text)
    return more.group("name") if more is not None and len(more.group("name").split()) > 1 else None


def _signed_text(page: Page, i: int, under: bool = False) -> str:
    """Line `i`, as a `By` line when it carries a label (`Autor: …`) or stands under one alone
    (`Author of the article:` / `Jane Doe`); `under`: it stands just under the headline."""
    text = page.text(i)
    if under and _WORDS_LABEL.match(text):
        return _WORDS_LABEL.sub("By ", text, count=1)
    if i > 0 and _LABEL_ALONE.match(page.text(i - 1)):
        return f"By {text}"
    caps = _CAPS_HEAD_BY.match(text)
    if caps is not None:
        return "By " + caps.group("rest")
    author = _author_page_name(text)
    if author is not None:
        return "By " + author
    part = _LABELLED_PART.search(text)
    if part is not None and (not part.group("slash") or _DIGIT.search(text[: part.start()])):
        return "By " + SEPARATOR.split(text[part.end() :])[0]
    stamp = _STAMP_BY.match(text) if len(text) <= _MAX_STAMP_LINE else None
    if stamp is not None and (
        _FILED_IN.match(stamp.group("stamp")) or find_date(stamp.group("stamp")) is not None
    ):
        # `Posted on March 4, 2024 by Jane Doe`; `… by Jane Doe. Bookmark the permalink.`
        rest = _RANK_DOT.sub(r"\1", stamp.group("rest"))
        return "By " + _SENTENCE_END.split(rest, maxsplit=1)[0]
    if cjk_byline(text):
        return text  # `作者：刘婧`: a CJK label read with its CJK name, which `By` would lose
    return _AUTHOR_LABEL.sub("Av " if _IN_LABEL.match(text) else "By ", text, count=1)


def _bracketed_cjk(text: str) -> list[str]:
    """The CJK name a bracketed credit gives (`[佐藤健一，テックウォッチ]`), else none."""
    match = _BRACKETED_CJK.match(text.strip())
    names = bare_names(match.group("name")) if match is not None else []
    if len(names) != 1 or not is_cjk_name(names[0]):
        return []  # no `[打印]` button
    if match.group("outlet") is None and len(names[0].replace(" ", "")) < _BRACKETED_NAME_CHARS:
        return []
    return names


def _columnist_over(page: Page, i: int, mark: int) -> bool:
    """Whether line `i` is a columnist's name over a line about them that calls them one, just
    over the headline (`Jane Doe` / `Economist and columnist for Example Syndicate` / headline):
    a column's box, not a menu."""
    return i + 2 == mark and _COLUMNIST.search(page.text(i + 1)) is not None


def _asks(text: str) -> bool:
    """Whether a line is a question as a whole (a headline); a credit's last field may ask the
    reader for their tips (`Jane Doe | Got a story?`)."""
    return text.rstrip().endswith("?") and LIST_SEPARATOR.search(text) is None


def _may_be_credit(text: str) -> bool:
    """False for a line that is a label, a quotation, a pull quote's source or a photo credit."""
    if AGENCY_LINE.match(text) or TRANSLATOR.match(text):
        return False  # a `By` line that named no one (`by Lesotho Times`), a translator
    if text[:1] in _OPENERS or text.rstrip().endswith(":") or _asks(text):
        # `“Lady Gaga”`, `[Guitar Solo]`, `— Jane Doe (@jane)`, `Das Wichtigste:`; a question
        # is a headline (`Deep Dive – The Future of Money?`), never a credit.
        return False
    hit = find_date(text) if ":" in text else None
    head = text[: text.find(hit[1])].rstrip() if hit is not None else ""
    if head.endswith(":") and not SEPARATOR.search(head) and "/" not in head:
        return False  # `Son Güncelleme : 30.04.2024`: a date's label, not a name beside it
    if _PICTURE.search(text):
        return False  # `Foto: Jane Doe`, `© Jane Doe`
    # `APA/AFP/Jane Doe`, `Jane Doe / AP`: a photographer credited with the picture's agency.
    pieces = [p.strip() for p in text.split("/")]
    if len(pieces) == 1 or find_date(text) is not None:
        return True  # a picture's credit carries no date (`Jane Doe / TNN / Updated: May 3`)
    return not any(canonical_outlet(p) for p in pieces)
