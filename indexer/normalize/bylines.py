"""People credited for a story: byline lines, wire credit lines and sign-offs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from indexer.models import PartialDate
from indexer.normalize.dates import find_date
from indexer.normalize.lines import cjk_count, is_upper, mostly_upper, word_count
from indexer.normalize.sources import canonical_outlet, is_outlet_like, outlet_name

_DIGIT = re.compile(r"\d")
# The words that open a byline; a label's last word is what every line signed with it holds.
BYLINE_LABELS = (
    *(f"{kind} by" for kind in "analysis opinion commentary review interview column".split()),
    *(
        f"{kind} by"
        for kind in "perspective essay written words story text reported posted hosted".split()
    ),
    *(f"{kind} by" for kind in "article profile feature obituary report".split()),
    *(f"guest {kind} by" for kind in "column post essay article".split()),
    # `Written by` in other languages.
    *"escrito por|escrita por|écrit par|écrite par|ecrit par|geschrieben von|verfasst von".split(
        "|"
    ),
    *"scritto da|scritta da|geschreven door|skrevet av|skrivet av".split("|"),
    # `Propos recueillis par Jane Doe` (remarks gathered by): a French interview's interviewer.
    *"propos recueillis par|entretien réalisé par|interview réalisée par".split("|"),
    # `Words and photos by Jane Doe`, `Text & photos by`, `Photos and text by`: the writer took
    # the pictures too.
    *(
        label
        for kind in "words text story".split()
        for pictures in "photos pictures photographs images".split()
        for label in (
            f"{kind} and {pictures} by",
            f"{kind} & {pictures} by",
            f"{pictures} and {kind} by",
        )
    ),
    # `Kolumne von Jane Doe`, `Ein Kommentar von Jane Doe`: the kind of piece before its author.
    *(
        f"{article}{kind} von"
        for kind in "kommentar kolumne gastbeitrag analyse essay reportage glosse".split()
        for article in ("", "ein ", "eine ")
    ),
    # `Oleh` (Indonesian, Malay), `بقلم` (Arabic, by the pen of), `מאת` (Hebrew): `By`.
    *"by von par por door af av oleh بقلم מאת".split(),
)
# A translator's credit (`Translated by`, `Tradução de`, `Traduit de l'anglais par`, `Übersetzt
# aus dem Englischen von`): the translator is never the writer.
TRANSLATOR = re.compile(
    r"^\W*(?:translated(?:\s+from\s+(?:the\s+)?\w+)?\s+by|translation\s*(?:by|:)"
    r"|tradu(?:ção|çao|cción|ccion|zione|ction|ccio)\s*(?:de|di|by|:)|traduzid[oa]\s+(?:do\s+\w+\s+)?por"
    r"|traducid[oa]\s+(?:del\s+\w+\s+)?por|tradott[oa]\s+(?:dall['’]\s*\w+\s+)?da"
    r"|tradui(?:t|te)\s+(?:de\s+l['’]\s*\w+\s+)?par|übersetzt(?:\s+aus\s+dem\s+\w+)?\s+von"
    r"|übersetzung\s*(?:von|:)|vertaald(?:\s+uit\s+het\s+\w+)?\s+door|vertaling\s*(?:door|:)"
    r"|översatt(?:\s+från\s+\w+)?\s+av|oversat(?:t)?(?:\s+fra\s+\w+)?\s+a[fv]"
    r"|tłumaczenie\s*:?|przełożył[a]?)(?!\w)",
    re.IGNORECASE,
)
# Romanian signs a story `de Jane Doe`; only in lower case, where `De` would open a headline or
# a Dutch or Flemish name (`De Vries`).
_BYLINE = re.compile(
    rf"^(?:{'|'.join(BYLINE_LABELS)}|(?-i:de))\s*:?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# `Jane Doe for Daily Mail`, `Jane Doe mit AP`, `Jane Doe with John Roe`: what follows the names.
_TAIL = re.compile(
    r"^(?P<names>.+?)\s+(?P<join>for|special to|für|pour|para|mit|with|avec|con)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_PART_SPLIT = re.compile(r"\s+[|•·]\s+|\s+[-–—]\s+|\s*/\s+")
# `and` of other languages, in lower case only: Spanish `y`, Italian and Portuguese `e`, Danish
# and Norwegian `og`, Swedish `och`.
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\b(?i:and|und|et)\b|\b(?:y|e|og|och)\b)\s*")
# Dutch joins two writers with `en` (`Door Jan Peeters en Lotte De Smet`); after `Por` or `Par`
# the same word is `in` (`Por Ana Ruiz en Nueva York`), so it joins only after a Dutch label.
_DUTCH_LABEL = re.compile(r"^(?:geschreven\s+)?door\s", re.IGNORECASE)
# Between two names only: `Door de storm en De Lijn …` opens a sentence (by the storm and …).
_DUTCH_AND = re.compile(r"(\b[A-ZÀ-Þ][\w'’.-]*)\s+en\s+(?=[A-ZÀ-Þ])")
# `and` of more languages: Finnish and Estonian `ja`, Turkish `ve`, Hungarian `és`, Lithuanian
# `ir`, Latvian `un`, Romanian `și`, Indonesian `dan`, Russian `и`, Ukrainian `і` and `та`, Greek
# `και`; Czech and Slovak `a`, Polish, Croatian and Catalan `i`, where the same word after a
# Romance or Scandinavian `By` is `to` or `in` (`Por Ana Ruiz a Buenos Aires`, `Av Ingrid Aasen
# i New York`). It joins two writers only between two full names (`Jan Novák a Petr Svoboda`):
# not a word of a sentence (`Por Ana Ruiz a las 9`) or a one-word place (`… i Oslo`).
_OTHER_AND = re.compile(r"(?<=\S)\s+(?:ja|ve|és|ir|un|și|şi|dan|и|і|та|και)\s+(?=\S)")
_SLAVIC_AND = re.compile(r"(?<=\S)\s+(?:a|i)\s+(?=\S)")
_PLACE_AFTER = re.compile(r"^(?:por|par|di|de|da|av|af|door)\b", re.IGNORECASE)
_FULL_NAME_WORDS = 2  # given and family name, on each side of such a joiner
_PIECE_END = re.compile(r"[,;|•·/()]|\s[-–—]\s")  # what ends a name's run of words
# A couple sharing a family name: one given name alone before `&` or `and`, then a full name of
# two words, whose family name is both (`Tom & Ann Harper`).
_COUPLE = re.compile(
    r"^(?P<given>[A-Z][a-z'’-]+)\s+(?:&|and)\s+(?P<second>[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)$"
)
# A writer's social handle after their name (`By Jane Doe @janedoe on June 26, 2014`, `(@jdoe)`,
# `@janedoe.bsky.social`, `@jdoe@mastodon.social`): it ends the name like a comma; an address's
# `@` (`jane@example.com`) is glued to its words.
_HANDLE = re.compile(r"\s+\(?@\w+(?:[.@][\w-]+)*\)?(?=[\s,]|$)")
# The word that sets a day after a writer's name (`By Jane Doe on 6 March`, `am 6. März`,
# `le 6 mars`, `el 6 de marzo`, `em 6 de março`, `il 6 marzo`, `op 6 maart`, `den 6. marts`):
# in lower case, or in a line all in capitals (`BY JANE DOE ON 11/13/19`); a capitalised word
# is a name's (`By Omar El May 3, 2024`). Only the word the date follows is cut: a name's
# particle of the same spelling stands before its family name (`Jan op den Akker op 6 maart`).
_DATE_WORDS = "on at am um le el em il op den".split()
_DATE_PREPOSITION = re.compile(rf"\s+(?:{'|'.join(_DATE_WORDS)})\s*$")
_SHOUTED_PREPOSITION = re.compile(rf"\s+(?:{'|'.join(_DATE_WORDS).upper()})\s*$")
# An hour after the name, with no day (`Posted by Jane Doe at 7:45 PM ET`, `um 10 Uhr`, `às
# 10h`, `kl. 10`): the time of posting, no part of a name. A bare number is an hour only with
# its unit or after `kl.`, which sets nothing else (`at 10 Downing Street` is a place).
_TIME_AFTER = re.compile(
    r"\s+(?:(?:at|um|à|às|alle|om|kl\.?)\s+\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?\s?m\.?|uhr|uur|h)"
    r"|(?:at|um|à|às|alle|om)\s+\d{1,2}[:.h]\d{2}|kl\.?\s+\d{1,2}(?:[:.]\d{2})?)"
    r"(?-i:\s+(?:[A-Z]{1,3}T|UTC))?\s*$",
    re.IGNORECASE,
)
_LOCATION = re.compile(r"\s+(?:in|from|at)\s+[A-Z].*$")
_PARTICLES = frozenset(
    "de da das do dos del della der den di du la le op van von ten ter bin binti al el y st".split()
)
NOT_NAME_WORDS = frozenset(
    """staff writer writers reporter reporters editor editors correspondent correspondents news
    press agency service services desk team newsroom bureau contributor contributors online
    communications relations digital media group the a an and of for in at with from by updated
    published posted photo photos video analysis opinion wire wires report reports reporting
    editing our your his her their
    chief senior special associate political economics business technology international
    national foreign affairs columnist producer anchor host journalist journalists guest
    contributing this that said says according january february october november december
    monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night
    today yesterday tomorrow week weekend year month
    reserved rights riservata riservati diritti reservados derechos réservés droits
    vorbehalten σύνταξη σύνταξης merkezi""".split()
)  # a rights notice (`RIPRODUZIONE RISERVATA`) where a credit stands; the Greek editorial staff;
# the Turkish newsroom (`Haber Merkezi`, news centre)
_ROLE = re.compile(
    r"^(?:(?:senior|chief|special|staff|global|national|foreign|political|business|tech"
    r"|technology|economics|markets|investigative|white house|europe|asia|china|u\.s\.)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|analyst|producer"
    r"|journalist|staff|staff writer|bureau chief)s?$|^special to .*|^for .*|^contributor$",
    re.IGNORECASE,
)
# A job title after the names, however long (`CNN Senior Supreme Court Analyst`).
_TITLED_ROLE = re.compile(
    r"^(?:[A-Z][\w.&'’-]*\s+){0,5}(?i:writer|reporter|correspondent|editor|columnist|contributor"
    r"|analyst|producer|journalist|commentator|critic)s?$"
)
# A firm's or a university's people sign a guest post with their office, then their employer
# (`Jane Doe, Vice President, Example Cloud`): what follows the office is no co-author.
_OFFICE_TITLE = re.compile(
    r"^(?:[A-Z][\w.&'’-]*\s+){0,5}(?i:president|officer|director|manager|founder|co-founder"
    r"|chairman|chairwoman|professor|ceo|cto|cfo|coo)s?$"
)
# The words of a credit that names a desk's reporter and no one (`Staff Reporter`, `Our
# Correspondent`; Bengali `নিজস্ব প্রতিবেদক`, own reporter; Hindi `विशेष संवाददाता`, special
# correspondent): papers in South Asia sign routine stories so.
_GENERIC_ROLES = frozenset(
    "correspondent correspondents reporter reporters প্রতিবেদক সংবাদদাতা প্রতিনিধি রিপোর্টার"
    " संवाददाता प्रतिनिधि रिपोर्टर".split()
)
_GENERIC_WORDS = _GENERIC_ROLES | frozenset(
    "staff our own special senior নিজস্ব বিশেষ স্টাফ विशेष स्टाफ हमारे".split()
)
HOSTED = re.compile(r"^hosted\s+by\b", re.IGNORECASE)
# An event's hours, from one time of day to another (`10 a.m. – 4 p.m.`, `18:00-20:00`).
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
# The end of the range is a time by its minutes or its `p.m.`, where a day's range has none.
_TIME_RANGE = re.compile(
    rf"\b{_CLOCK}\s*(?:[-–—]|to|until)\s*\d{{1,2}}(?::\d{{2}}|\s*[ap]\.?m\b)", re.IGNORECASE
)
_SIGN_UP = re.compile(
    r"^(?:register|register now|rsvp|tickets|get tickets|buy tickets|book now|sign up)$",
    re.IGNORECASE,
)
_EVENT_LINES = 4  # lines of an event's box after its host: hours, place, sign-up
_JOINED_NAME = re.compile(r"^(?:and|&)\s", re.IGNORECASE)  # `…, and John Roe`
# A police or military rank before a name (`Sgt. Jane Doe`): the writer's job, not the name.
# Only before a full name: before a single word (`Captain Beefheart`) it is part of the name.
RANK = r"(?:Sgt|Lt|Capt|Det|Cpl|Ofc|Sergeant|Lieutenant|Captain|Detective|Corporal|Officer)"
# An office abbreviated after a rank makes one title (`Lt. Gov.`, `Maj. Gen.`, `Atty. Gen.`).
_OFFICE = r"(?:Gov|Sen|Rep|Gen|Col|Maj|Brig|Adm|Atty|Cmdr|Supt|Insp)\."
_RANK_BEFORE = re.compile(
    rf"^(?:{RANK}\.?|{_OFFICE})(?:\s+{_OFFICE})?\s+(?=[A-Z][\w'’.-]*\s+[A-Z])"
)
# A clergyman's or a peer's style before a full name (`The Rev. Tom Lee`, `Hon. Jane Doe`): a
# person follows; bare, without `The` or its point, `Hon` may be a given name (`Hon Lee`).
_STYLE = r"(?:(?:Rt|Right|Most|Very)\.?\s+)?(?:Rev|Revd|Hon|Reverend|Honou?rable)"
_STYLE_BEFORE = re.compile(rf"^(?:The\s+{_STYLE}\.?|{_STYLE}\.|Revd)\s+(?=[A-Z][\w'’.-]*\s+[A-Z])")
# A job title before a name (`Chief Meteorologist Jane Doe`), as broadcasters credit; in
# lower case, the writer's beat (`By political reporter Jane Doe`, `By health correspondent …`).
_TITLE_BEFORE = re.compile(
    r"^(?:(?:[A-Z][a-z]+\s+){0,2}(?:Writer|Reporter|Correspondent|Editor|Columnist|Meteorologist"
    r"|Producer|Anchor|Journalist)|(?:[a-z]+\s+){0,2}(?:writer|reporter|correspondent|editor"
    r"|columnist|meteorologist|producer|anchor|journalist))\s+(?=[A-Z])"
)
# A Greek byline's article before a full name: the name follows in the genitive (`Της Μαρίας
# Κωνσταντίνου`, `Του Γιώργου Παππά`: by Maria …, by Giorgos …).
_GREEK_ARTICLE = re.compile(
    r"^(?P<article>Της|Του|ΤΗΣ|ΤΟΥ)\s+(?P<given>[\u0370-\u03ff\u1f00-\u1fff]+)"
    r"\s+(?P<rest>[\u0370-\u03ff\u1f00-\u1fff].*)$"
)
# The same article before one word only credits no person, who signs with a full name: an
# organisation (`Του ΑΠΕ-ΜΠΕ`, of the news agency) or the editorial staff (`Της Σύνταξης`).
GREEK_ARTICLE_ONE = re.compile(r"^(?:Της|Του|ΤΗΣ|ΤΟΥ)\s+(?P<one>\S+)$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|[a-z]{1,2}['’][A-Z][\w'’.-]*)$")
_NAME_REST = re.compile(r"^[\w'’.-]*$")
_CREDIT_ROLE = re.compile(
    r"^(?P<role>additional reporting|with additional reporting|reporting|reported|writing"
    r"|written|editing|edited|compiled|with assistance|assistance|additional writing|research"
    r"|graphics|photos?|video|fact-checking|production|produced|translation|translated"
    r"|sub-editing|contributing|with reporting)(?:\s+(?:by|from)\s+|\s*:\s*)(?P<names>.+)$",
    re.IGNORECASE,
)
# Credit lines open with a bracket, a dash or a role; anything else is skipped at once.
_CREDIT_START = re.compile(
    r"^[-–—(\s]*(?:additional|with|reporting|reported|writing|written|editing|edited|compiled"
    r"|assistance|research|graphics|photo|video|fact|production|produced|translat|sub-editing"
    r"|contributing)",
    re.IGNORECASE,
)
_BYLINE_ROLES = frozenset({"reporting", "reported", "writing", "written", "compiled"})
_CONTRIBUTED = re.compile(
    r"^(?P<names>.+?)\s+contributed(?:\s+reporting)?\s+(?:to|for)\s+(?:this|the)\s+"
    r"(?:report|story|article)\.?$",
    re.IGNORECASE,
)
_CONTRIBUTOR_PREFIX = re.compile(
    r"^(?:(?:the\s+)?(?:associated press|ap|reuters|afp|cnn|bloomberg)(?:'s)?\s+"
    r"(?:writers?|reporters?|correspondents?|journalists?)?\s*|[A-Z]{2,5}'s\s+)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"(?:^|(?<=[.!?\"”]\s))(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}),\s+"
    r"(?P<outlet>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})(?:,\s+(?P<place>[A-Z][\w'’.-]*"
    r"(?: [A-Z][\w'’.-]*){0,2}))?\.$"
)
# Chinese bylines and credits: `记者 张三 李四`, `作者：张三`, `（责任编辑：王五）`.
_CJK_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,5}"
_CJK_NAMES = rf"(?P<names>{_CJK_NAME}(?:[\s、，,]+{_CJK_NAME})*)"
# The writer's and reporter's labels; `文` (text) labels only with its mark (`文／林志明`): bare,
# it opens words (`文化芸能`, culture and entertainment, a menu entry).
# `記者會`/`记者会` (a press conference) is no reporter's label.
_CJK_LABEL = (
    r"(?:(?:记者|作者|撰文|采写|撰稿|編集委員|論説委員|記者|特派員|客員論説委員|著者|筆者|執筆者|コラムニスト)"
    r"(?![會会])\s*[:：/／｜|]?|文\s*[:：/／｜|])"
)
_CJK_BYLINE = re.compile(
    rf"^[（(【〔]?(?:本报)?{_CJK_LABEL}\s*{_CJK_NAMES}"
    # `記者陳美玲／新竹報導`: where the reporter filed from; `文／林志明（社工師）`: their trade.
    rf"(?:\s*[/／]\s*[\u4e00-\u9fff]{{1,8}}?(?:報導|报道|報道))?(?:[（(](?!\d+[）)])[^（()）]{{1,12}}[）)])?"
    # A count link the header sets after the names (`评论(56)`: comments), no name of theirs.
    rf"(?:\s*[\u4e00-\u9fff]{{1,4}}[（(]\d+[）)])?[）)】〕]?$"
)
# A credit in brackets opening the story's first paragraph, as Taiwanese papers set it
# (`〔記者林佩君／花蓮報導〕太魯閣…`).
_CJK_LEAD = re.compile(r"^\s*([〔（(【][^〔〕（()）【】]{3,30}[〕）)】])(?=\S)")
# Roles that are not the writer's: editors, proofreaders, interns, correspondents, and the
# photographer or cameraman credited beside the reporter (`记者 林晓燕 摄影 赵强`).
_CJK_ROLE = r"责任编辑|责编|責任編輯|責編|编辑|校对|审核|监制|实习生|通讯员|摄影|攝影|摄像|攝像"
_CJK_CREDIT = re.compile(
    rf"^[（(【\[]?(?P<role>{_CJK_ROLE})\s*[:：/｜|]?\s*"
    rf"{_CJK_NAMES}[）)】\]]?$"
)
# The editor responsible for a Chinese story (`责任编辑：王五`, `（责编：王五、赵六）`), alone
# on a line or the last of a header's fields (`…来源：新华网作者：责任编辑：王五`).
_CJK_EDITOR = re.compile(rf"(?:责任编辑|责编|責任編輯|責編)\s*[:：]\s*{_CJK_NAMES}\s*[）)】\]]?$")
_CJK_EDITOR_LINE = 80  # characters of a credit or a header's line of fields
# A reporter's or writer's label before a name, in any of the forms a credit takes
# (`新华社记者 张伟`, `文/图 张伟`, `（记者：张伟 实习生：李娜）`): where one stands, the story
# has a writer, though the byline reader may not know the form. Not `对记者表示` (told
# reporters): the label opens the credit or follows a house's name (`…社`, `…报`).
_CJK_REPORTER = re.compile(
    r"(?:^|[\s（(【\[■□●|｜]|[社报報网網台站视視闻聞刊])"
    r"(?:记者|記者|作者|撰文|采写|撰稿|文\s*[/／]\s*图|图\s*[/／]\s*文|文\s*[:：/／｜|])"
    # `作者：责任编辑：王五`: an empty writer's field before the editor's names no writer.
    r"\s*[:：/／｜|]?\s*(?!责任|责编|責任|責編)[\u4e00-\u9fff]{2}"
)
# A Chinese header's line of labelled fields after the time:
# `2024-03-08 09:12　来源：新华社　作者：张伟、王静`; the reporter's label opens its field
# without a colon too (`来源：杭城日报　记者 王丽 陈浩`), as another role's does (`通讯员 赵强`).
_CJK_FIELD = re.compile(
    rf"(?:^|(?<=\s))(?=[\u4e00-\u9fff]{{1,4}}\s*[:：]|(?:{_CJK_LABEL}|{_CJK_ROLE})\s)"
)
_CJK_STAMP = re.compile(r"^[\d\s:./年月日时分-]*$")
# Korean bylines: `홍길동 기자`, `홍길동·김철수 기자 hong@example.com`, a place first (`순천 홍길동
# 기자`): the reporter's title after the names is their label. `홍길동 기자 외 1명` (and one
# other) names the first reporter only.
_HANGUL_NAME = r"[\uac00-\ud7a3]{2,4}"
_HANGUL_BYLINE = re.compile(
    rf"^(?:[\uac00-\ud7a3]+,?\s+){{0,3}}?(?P<names>{_HANGUL_NAME}(?:\s*[·,]\s*{_HANGUL_NAME})*)"
    r"\s*기자(?:\s+외\s*\d+\s*명)?(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?$"
)
# A Japanese paper credits its correspondents with where each filed from, joined by `＝`
# (`ワシントン＝山田花子、北京＝高橋誠`): the place, then the name; a wire's short name in the
# name's place (`北京＝共同`) is the agency's credit, no one's name.
_JA_PLACE = r"[\u30a0-\u30ff\u4e00-\u9fff・]{1,12}"
_JA_NAME = r"[\u4e00-\u9fff][\u3040-\u30ff\u4e00-\u9fff]{1,7}"
# The correspondent's job after the name (`ワシントン＝山田花子特派員`): a title, no part of it.
_JA_JOB = r"(?:特派員|記者|編集委員|論説委員|支局長|総局長|通信員|編集長)"
_JA_POSTED_ONE = rf"{_JA_PLACE}\s*[＝=]\s*{_JA_NAME}(?:\s*{_JA_JOB})?"
_JA_POSTED = re.compile(rf"^{_JA_POSTED_ONE}(?:\s*[、，,]\s*{_JA_POSTED_ONE})*$")
_JA_POSTED_SPLIT = re.compile(r"[、，,]")  # between one correspondent's credit and the next
_JA_POSTED_JOIN = re.compile(r"\s*[＝=]\s*")  # between the place and the name
_JA_JOB_AFTER = re.compile(rf"(?<=..)\s*{_JA_JOB}$")
_JA_WIRES = frozenset({"共同", "時事"})
# The same `＝` credits a picture's maker after what they made (`写真＝高橋誠`, photo;
# `イラスト＝`, illustration): no place, and no writer of the story (`写真・文＝`, photo and
# text, is one).
_JA_PICTURE_WORK = frozenset(
    "写真 撮影 イラスト 絵 図 図版 画像 動画 映像 漫画 グラフィック カメラ".split()
)
_WIRE_MARK = re.compile(r"^[-–—(]*\s*(?P<name>[A-Za-z][A-Za-z .]{1,30}?)\s*[)]?\.?$")
# A Chinese, Japanese or Korean wire closes its story with its name in brackets (`（共同通信）`).
_CJK_WIRE_MARK = re.compile(
    r"^[(（【\[]\s*(?P<name>[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,8})\s*[)）】\]]$"
)


_REGION_OPENING = re.compile(
    r"^(?:(?:north|south)(?:-?(?:east|west))?|east|west|middle|central|far|near)$", re.IGNORECASE
)


@dataclass(slots=True)
class Credit:
    """Who a line credits: reporters, other contributors, an outlet, a date."""

    byline: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    outlet: str | None = None
    place: str | None = None
    date: PartialDate | None = None
    shouted: bool = False  # the first names were set in capitals (`By JANE DOE, JOHN ROE`)


_POSSESSIVE = re.compile(r"['’][sS]$|[sS]['’]$")


def _name_token(token: str) -> bool:
    """Whether a word is shaped like part of a name; its capital may be accented (`Álvaro`)."""
    if _NAME_TOKEN.match(token):
        return True
    return token[:1].isupper() and not token[:1].isascii() and bool(_NAME_REST.match(token[1:]))


def _caseless_word(token: str) -> bool:
    """Whether a word is written in a script without capitals (Arabic, Hebrew, Devanagari)."""
    letters = [c for c in token if c.isalpha()]
    return (
        bool(letters)
        and all(c.isalpha() or unicodedata.category(c) in ("Mn", "Mc") for c in token)
        and not any(c.isascii() or c.lower() != c.upper() or cjk_count(c) for c in letters)
    )


def caseless_name(name: str) -> bool:
    """Whether a name is written wholly in a script without capitals (`أحمد منصور`)."""
    return all(_caseless_word(word) for word in name.split())


def _greek_nominative(text: str) -> str:
    """A Greek byline without its article: `Της Μαρίας Κωνσταντίνου` (of Maria) is `Μαρία
    Κωνσταντίνου`, a woman's given name back in the nominative (her family name is written so
    in every case); after `Του` a man's name is kept as written, its nominative being unsure."""
    match = _GREEK_ARTICLE.match(text)
    if match is None:
        return text
    given, rest = match.group("given"), match.group("rest")
    # Capitals (`ΤΗΣ ΕΛΕΝΗΣ`) and a stressed ending (`Της Αθηνάς`, Athina) end alike.
    if match.group("article").lower() == "της" and given.lower().endswith(("ας", "ης", "άς", "ής")):
        given = given[:-1]
    return f"{given} {rest}"


def clean_name(text: str, *, caseless: bool = False) -> str | None:
    """A person's name from a credit, in its usual capitals; None if it is not a name.

    `caseless`: the text follows a byline label, where a name in a script without capitals
    (`كتب: أحمد منصور`) can be told by its place, as capitals tell it elsewhere.
    """
    text = _LOCATION.sub("", text.strip())
    text = re.sub(r"^(?:by|and)\s+", "", text, flags=re.IGNORECASE).strip(" .,;:()[]\"'“”")
    text = _greek_nominative(
        _TITLE_BEFORE.sub("", _RANK_BEFORE.sub("", _STYLE_BEFORE.sub("", text)))
    )
    if not text or bool(_DIGIT.search(text)) or "@" in text or "http" in text:
        return None
    if GREEK_ARTICLE_ONE.match(text):
        return None
    if text.islower():
        text = text.title()  # `By keith grant`: lower-case copy of a real byline
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return None
    if len(tokens[-1].strip(".")) == 1:
        return None  # `Ilanga D`: an account's name cut short; a family name is no initial
    if tokens[-1] in _PARTICLES:
        return None  # `Jan op`: a particle in lower case stands before the family name it is of
    for token in tokens:
        if len(token) == 2 and token[1] == "." and token[0].isupper():
            continue  # an initial: `A.` is no article
        low = token.lower().strip(".,")
        if low in NOT_NAME_WORDS:
            return None
        if low in _PARTICLES:
            continue
        if _POSSESSIVE.search(token):
            return None  # `STAR'S ORDEAL`, `Trump's Return`: a kicker; no name is possessive
        # A nickname in quotes (`Amanda "Tania Mae" Tan`) is part of the name.
        if not _name_token(token.strip('"“”')) and not (caseless and _caseless_word(token)):
            return None
    if canonical_outlet(text):
        return None
    if mostly_upper(text):
        text = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), text.lower())
    return text


def split_names(text: str, *, caseless: bool = False) -> list[str]:
    """The names in `A, B and C in Beijing`; places after a located name are not names
    (`caseless`: as in `clean_name`)."""
    couple = _couple(text)
    if couple is not None:
        return couple
    names: list[str] = []
    located = False
    parts = [p for p in _NAME_SPLIT.split(text) if p.strip()]
    for i, part in enumerate(parts):
        if TRANSLATOR.match(part):
            break  # `Ana Souza | Tradução de João Ribeiro`: the rest names translators
        if located and not _LOCATION.search(part):
            continue  # `... in Beijing and Shanghai newsroom`: the rest names places
        if _LOCATION.search(part):
            located = True
        name = clean_name(part, caseless=caseless) or before_outlet(part)
        if name is None and i < len(parts) - 1:
            name = _staff_surname(part)
        if name and name not in names:
            names.append(name)
    return names


def _couple(text: str) -> list[str] | None:
    """`Tom & Ann Harper`, `Tom and Ann Harper`: a couple sharing a family name, written once
    after the second given name; both names, or None for any other text."""
    match = _COUPLE.match(text.strip())
    if match is None:
        return None
    given, second = match.group("given"), clean_name(match.group("second"))
    if second is None or given.lower() in NOT_NAME_WORDS | _PARTICLES or is_outlet_like(given):
        return None
    return [f"{given} {second.split()[1]}", second]


def _staff_surname(part: str) -> str | None:
    """`Tom Staff` between two writers (`Tom Staff and Ann Lee`): a family name, as a house's
    staff (`Example Staff`) closes the list of its writers rather than standing among them."""
    words = part.split()
    if len(words) != 2 or words[1] != "Staff" or is_outlet_like(words[0]):
        return None
    first = words[0]
    return part.strip() if _name_token(first) and first.lower() not in NOT_NAME_WORDS else None


def _glued_outlet(text: str) -> tuple[list[str], str] | None:
    """(the names before it, the outlet) when a known outlet ends the text after a name
    (`Jane Doe The Associated Press`), else None."""
    words = text.split()
    for cut in (1, 2, 3):
        outlet = canonical_outlet(" ".join(words[-cut:])) if len(words) > cut else None
        if outlet is not None:
            names = split_names(" ".join(words[:-cut]))
            return (names, outlet) if names else None
    return None


def before_outlet(text: str) -> str | None:
    """The name before an outlet glued to it (`Jane Doe The Associated Press`), or None."""
    words = text.split()
    for cut in (1, 2, 3):
        if len(words) > cut + 1 and canonical_outlet(" ".join(words[-cut:])) is not None:
            name = clean_name(" ".join(words[:-cut]))
            if name is not None:
                return name
    return None


def _cjk_names(text: str) -> list[str]:
    """The names in a Chinese list of names (`张三、李四`)."""
    return [n for n in re.split(r"[\s、，,]+", text) if n]


def cjk_byline(text: str) -> list[str]:
    """The people a Chinese, Japanese or Korean byline line names (`作者：张三`, `홍길동 기자`),
    alone or among a header's labelled fields; [] for any other line."""
    cjk = _CJK_BYLINE.match(text) or _HANGUL_BYLINE.match(text.strip())
    if cjk is not None:
        return _cjk_names(cjk.group("names").replace("·", "、"))
    return posted_credit(text) or _cjk_fields(text)


def posted_credit(text: str) -> list[str] | None:
    """The people a Japanese `PLACE＝NAME` credit names, none for a wire's or a picture's, or
    None where the text is no such credit."""
    if _JA_POSTED.match(text.strip()) is None:
        return None
    names = [
        _JA_JOB_AFTER.sub("", name)
        for place, name in (
            _JA_POSTED_JOIN.split(piece.strip()) for piece in _JA_POSTED_SPLIT.split(text)
        )
        if not set(place.split("・")) <= _JA_PICTURE_WORK
    ]
    return [n for n in names if n not in _JA_WIRES and not canonical_outlet(n)]


def _cjk_fields(text: str) -> list[str]:
    """The authors a Chinese header's line of labelled fields names after the time
    (`来源：新华社　作者：张伟、王静`): the `来源` is the source, the `作者` or `记者`
    the people."""
    first, *fields = _CJK_FIELD.split(text.strip())
    if not fields or not _CJK_STAMP.match(first):
        return []
    names: list[str] = []
    for piece in fields:
        cjk = _CJK_BYLINE.match(piece.strip())
        if cjk is not None:
            names += _cjk_names(cjk.group("names").replace("·", "、"))
    return names


def cjk_lead_byline(text: str) -> list[str]:
    """The names a bracketed credit opening a paragraph gives (`〔記者林佩君／花蓮報導〕…`)."""
    lead = _CJK_LEAD.match(text)
    return cjk_byline(lead.group(1)) if lead else []


def cjk_editors(text: str) -> list[str]:
    """The editors a Chinese credit names as responsible for the story (`（责编：王五）`)."""
    text = text.strip()
    match = _CJK_EDITOR.search(text) if len(text) <= _CJK_EDITOR_LINE else None
    return _cjk_names(match.group("names")) if match is not None else []


def names_cjk_reporter(text: str) -> bool:
    """Whether a line credits a reporter or writer in some form (`新华社记者 张伟`)."""
    return _CJK_REPORTER.search(text) is not None


def parse_byline(text: str, *, strict: bool = False) -> Credit | None:
    """A byline line (`By A and B`, `By A, Reuters`, `By A | Jan 15, 2025`), or None.

    `strict`: every piece must be a name, an outlet or a role (a line without a real label).
    """
    if word_count(text) > 20 or len(text) > 200:
        return None
    if not text.isascii():
        names = cjk_byline(text)
        if names:
            return Credit(byline=names)
    match = _BYLINE.match(text)
    if match is None:
        return None
    credit = Credit()
    employer = False  # the piece before was the writer's office: its firm may follow
    rest = match.group("rest")
    if _DUTCH_LABEL.match(text):
        rest = dutch_joined(rest)
    rest = _OTHER_AND.sub(_between_names, rest)
    if not _PLACE_AFTER.match(text):
        rest = _SLAVIC_AND.sub(_between_names, rest)
    # Names in capitals: what is set in lower case after them names no one (a lower-case
    # byline, `by keith grant`, is a copy's style, and its names are read).
    cased = not rest.islower()
    for part in _PART_SPLIT.split(_HANDLE.sub(",", rest)):
        # A date is read before splitting at commas, which would cut `November 2, 2024` in two.
        found = find_date(part) if bool(_DIGIT.search(part)) else None
        if found is None:
            part = _TIME_AFTER.sub("", part)
        else:
            credit.date = credit.date or found[0]
            # The date parts the names from what the line sets after it (`By Jane Doe
            # 2019-11-18 Science & Astronomy`: the section), which is no part of a name; so
            # does its preposition (`BY JANE DOE ON 11/13/19 AT 4:00 PM`).
            # A lower-case start is a sentence's (`by its owners before August 1985 listing`):
            # the date and the word setting it only leave a gap there, as no names stand before
            # it; a handle in lower case signs without it (`posted by jdoe on may 3, 2024`).
            head, _, tail = part.partition(found[1])
            if head.strip()[:1].islower():
                part = f"{_DATE_PREPOSITION.sub('', head)} {tail}"
            else:
                preposition = _SHOUTED_PREPOSITION if head.isupper() else _DATE_PREPOSITION
                part = f"{preposition.sub('', head)}, {tail}"
        segments = [" ".join(segment.split()).strip(" .") for segment in part.split(",")]
        for k, segment in enumerate(segments):
            after = segments[k + 1] if k + 1 < len(segments) else ""
            if credit.byline and cased and segment.islower():
                continue  # `… 3:30p tweet share`: buttons in lower case after the names
            # The firm, and what else describes the writer, until `and John Roe`; a piece with
            # an office of its own after it is a co-author (`Jane Doe, CEO, John Roe, CTO`).
            if employer and not _JOINED_NAME.match(segment) and not _OFFICE_TITLE.match(after):
                continue
            employer = bool(credit.byline and _OFFICE_TITLE.match(segment))
            if not _read_byline_segment(segment, credit, strict):
                # After the names, what fits nowhere is the reporter's title or house
                # (`By Jane Doe, Senior Staff Technologist, ACLU Speech Project`).
                # (A lower-case start, `By selling shares, the firm …`, is a sentence.)
                lenient = not strict and rest[:1].isupper()
                return credit if credit.byline and lenient else None
    return credit if credit.byline else None


def dutch_joined(text: str) -> str:
    """The text with each Dutch `en` between two capitalised words made a comma (`Jan Peeters en
    Lotte De Smet`: two writers)."""
    return _DUTCH_AND.sub(r"\1, ", text)


def _between_names(match: re.Match[str]) -> str:
    """A comma for a joiner that stands between two full names, else the joiner as it was."""
    # Each name's words stand between its joiner and a comma or a mark: `Jordi Mas i Pujol,
    # Tarragona` is one Catalan name (two family names joined by `i`) and the place it is from.
    before = _PIECE_END.split(match.string[: match.start()])[-1].split()[-_FULL_NAME_WORDS:]
    after = _PIECE_END.split(match.string[match.end() :])[0].split()[:_FULL_NAME_WORDS]
    words = before + after
    names = len(words) == 2 * _FULL_NAME_WORDS and all(w[:1].isupper() for w in words)
    return ", " if names else match.group()


def styled_person(text: str) -> bool:
    """Whether a name opens with a clergyman's or a peer's style (`The Rev. Tom Lee`, `The
    Honourable Jane Daily`): a person, though `The` opens it."""
    return _STYLE_BEFORE.match(text) is not None


def _house_after_names(segment: str) -> bool:
    """Whether a piece after a byline's names is a house: it opens with `The` (no person's
    name does: `The Example Ledger`) or is a name of three words or more an outlet's word ends
    or holds (`Delta Daily Courier`)."""
    words = segment.split()
    if styled_person(segment):
        return False  # `The Rev. Tom Lee`: a person's style, no house
    if len(words) >= 2 and words[0] == "The" and all(w[:1].isupper() for w in words[1:]):
        return True
    return len(words) >= 3 and is_outlet_like(segment)


def opens_region(name: str) -> bool:
    """Whether a name left before a job opens with a compass point (`Middle East` of `Middle
    East Chief correspondent`, `South Asia`): the region the job covers, which no given name
    is."""
    words = name.split()
    return bool(words) and _REGION_OPENING.match(words[0]) is not None


def is_role(segment: str) -> bool:
    """Whether a piece of a byline after the names is the writer's job (`Staff Writer`, `Local
    Democracy Reporter`, `Vice President`), no name."""
    return bool(_ROLE.match(segment) or _TITLED_ROLE.match(segment) or _OFFICE_TITLE.match(segment))


def generic_credit(name: str) -> bool:
    """Whether a credit names a reporter's role and no one (`Staff Reporter`, `নিজস্ব
    প্রতিবেদক`)."""
    words = set(unicodedata.normalize("NFC", name).casefold().replace(".", " ").split())
    return words <= _GENERIC_WORDS and bool(words & _GENERIC_ROLES)


def _read_byline_segment(segment: str, credit: Credit, strict: bool = False) -> bool:
    """Add one comma-separated piece of a byline to `credit`; False if it fits nowhere."""
    if not segment or (credit.byline and is_role(segment)):
        return True
    if credit.byline and not strict and is_upper(segment) and not credit.shouted:
        # `von Jane Doe, MDR THÜRINGEN`, `By Jane Doe, CNN`: the house in capitals after the names.
        if credit.outlet is None and is_outlet_like(segment):
            credit.outlet = outlet_name(segment) or canonical_outlet(segment)
        return True
    if not credit.byline:
        credit.shouted = is_upper(segment)
    tail = None if strict else _TAIL.match(segment)
    if tail is not None and (named := split_names(tail.group("names"))):
        # `DOLORES DOE FOR DAILYMAIL.COM`, `Jane Doe mit AP`: a house or an agency after the
        # names; `Jane Doe with John Roe` adds a reporter.
        credit.byline.extend(n for n in named if n not in credit.byline)
        house = tail.group("join").lower() in ("for", "special to")
        helper = [] if house else split_names(tail.group("rest"))
        credit.byline.extend(n for n in helper if n not in credit.byline)
        return True
    if credit.byline and _house_after_names(segment):
        # `By A and B, The Example Ledger, and C, Delta Daily Courier`: each writer's house,
        # when two outlets share a story; the names after the first house still sign.
        credit.outlet = credit.outlet or outlet_name(segment) or segment
        return True
    names = split_names(segment, caseless=True)
    glued = _glued_outlet(segment)
    if glued is not None and names in ([], glued[0]):
        # `JANE DOE Associated Press`: an outlet glued to the names without a comma (which
        # split_names cuts off the names) is the credit's outlet.
        names = glued[0]
        credit.outlet = credit.outlet or glued[1]
    if names:
        credit.byline.extend(n for n in names if n not in credit.byline)
        return True
    if credit.byline and credit.outlet is None and is_outlet_like(segment):
        credit.outlet = outlet_name(segment) or canonical_outlet(segment)
        return True
    # A one-word tail after the names (`Reutersd`, a typo'd outlet) is no person.
    return bool(credit.byline) and word_count(segment) == 1


def is_event_host(text: str, after: list[str]) -> bool:
    """Whether `Hosted by …` names an event's host: the lines `after` it give the event's
    hours (`10 a.m. – 4 p.m.`) or a sign-up button (`Register`, `Tickets`), which no story's or
    show's credit has beside it."""
    return bool(HOSTED.match(text)) and any(
        _TIME_RANGE.search(line) or _SIGN_UP.match(line.strip()) for line in after[:_EVENT_LINES]
    )


def parse_name_line(text: str) -> Credit | None:
    """A bare byline without `By` (`Jane Doe`, `Jane Doe, Reuters`), as some sites print it."""
    if len(text) > 80 or text[:3].lower() == "by ":
        return None
    if text.islower():
        return None  # a bare line names no one in lower case alone: a title or a tag does
    credit = parse_byline(f"By {text}", strict=True)
    # Every piece must be a name or an outlet: a bare line has no `By` to vouch for it.
    return credit if credit is not None and all(clean_name(n) for n in credit.byline) else None


def parse_credit_line(text: str) -> Credit | None:
    """A wire credit line (`(Reporting by A; Editing by B)`, `With assistance from C.`)."""
    if len(text) > 500:
        return None
    if not text.isascii():
        cjk = _CJK_CREDIT.match(text.strip())
        if cjk is not None:
            return Credit(contributors=_cjk_names(cjk.group("names")))
    if not (_CREDIT_START.match(text) or "contribut" in text):
        return None
    body = text.strip().lstrip("-–—").strip()
    if body.startswith("(") and body.endswith((")", ").")):
        body = body[1:].rstrip(".")[:-1]
    body = body.strip().rstrip(".")
    contributed = _CONTRIBUTED.match(body)
    if contributed:
        names = split_names(_CONTRIBUTOR_PREFIX.sub("", contributed.group("names")))
        return Credit(contributors=names) if names else None
    credit = Credit()
    for segment in re.split(r"\s*;\s*|\.\s+(?=[A-Z])", body):
        if not segment:
            continue
        match = _CREDIT_ROLE.match(segment.strip())
        if match is None:
            return None
        names = split_names(match.group("names"))
        if not names:
            return None
        role = match.group("role").lower()
        target = credit.byline if role in _BYLINE_ROLES else credit.contributors
        target.extend(n for n in names if n not in target)
    return credit if credit.byline or credit.contributors else None


def parse_sign_off(text: str) -> Credit | None:
    """A reporter's sign-off ending a transcript (`... Yu Li, CGTN, Beijing.`)."""
    match = _SIGN_OFF.search(text[-120:])
    if match is None:
        return None
    outlet = canonical_outlet(match.group("outlet"))
    if outlet is None and not is_upper(match.group("outlet")):
        return None
    name = clean_name(match.group("name"))
    if name is None:
        return None
    return Credit(
        byline=[name],
        outlet=outlet or match.group("outlet"),
        place=match.group("place"),
    )


def parse_wire_mark(text: str) -> str | None:
    """A wire's end mark on a line of its own (`Reuter`, `(AFP)`, `-- Xinhua`, `（新华社）`)."""
    if len(text) > 40:
        return None
    match = _WIRE_MARK.match(text) or _CJK_WIRE_MARK.match(text)
    return canonical_outlet(match.group("name")) if match else None
