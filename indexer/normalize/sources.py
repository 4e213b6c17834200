"""Outlets: canonical names of wires and papers, outlet label lines and publisher lines."""

from __future__ import annotations

import re

from indexer.normalize.lines import cjk_count, word_count

# Canonical name -> the spellings found in credits, datelines and copyright lines.
_DIGIT = re.compile(r"\d")
_OUTLETS: dict[str, tuple[str, ...]] = {
    "Reuters": ("reuters", "reuter", "thomson reuters", "reuters news", "reuters.com", "路透社"),
    "AP": ("ap", "associated press", "the associated press", "ap news", "美联社", "美聯社"),
    "AFP": ("afp", "agence france-presse", "agence france presse", "agence france-presse (afp)",
            "法新社"),
    "Bloomberg": ("bloomberg", "bloomberg news", "bloomberg l.p.", "bloomberg lp",
                  "bloomberg businessweek"),
    "Xinhua": ("xinhua", "xinhua news agency", "xinhuanet", "xinhua net", "news.cn", "新华社",
               "新华网", "新華社"),
    "CGTN": ("cgtn", "china global television network"),
    "CNN": ("cnn", "cnn business", "cnn wire"),
    "BBC": ("bbc", "bbc news"),
    "UPI": ("upi", "united press international"),
    "dpa": ("dpa", "deutsche presse-agentur"),
    "Kyodo": ("kyodo", "kyodo news", "共同通信", "共同通信社", "共同社"),
    "Yonhap": ("yonhap", "yonhap news agency", "연합뉴스", "聯合ニュース", "韩联社", "韓聯社"),
    "TASS": ("tass", "itar-tass"),
    "EFE": ("efe", "agencia efe"),
    "ANSA": ("ansa",),
    "ΑΠΕ-ΜΠΕ": ("απε-μπε", "απε", "ana-mpa", "athens-macedonian news agency",
                "αθηναϊκό-μακεδονικό πρακτορείο ειδήσεων"),
    "PTI": ("pti", "press trust of india"),
    "IANS": ("ians",),
    "ANI": ("ani", "asian news international"),
    "Jiji Press": ("jiji", "jiji press", "時事通信", "時事通信社", "时事社"),
    "Central News Agency": ("central news agency", "中央社", "中央通讯社", "中央通訊社"),
    "Bernama": ("bernama",),
    "Anadolu Agency": ("anadolu", "anadolu agency", "aa"),
    "Dow Jones": ("dow jones", "dow jones newswires"),
    "China News Service": ("china news service", "chinanews", "中新社", "中新网", "中国新闻社"),
    "CCTV": ("cctv", "china central television", "央视", "央视新闻", "央视网", "中央电视台"),
    "China Daily": ("china daily", "中国日报"),
    "Global Times": ("global times", "环球时报"),
    "People's Daily": ("people's daily", "people’s daily", "人民日报", "人民网"),
    "South China Morning Post": ("south china morning post", "scmp"),
    "The New York Times": ("the new york times", "new york times", "nyt"),
    "The Washington Post": ("the washington post", "washington post"),
    "The Wall Street Journal": ("the wall street journal", "wall street journal", "wsj"),
    "Financial Times": ("financial times", "the financial times", "ft"),
    "The Guardian": ("the guardian", "guardian"),
    "Al Jazeera": ("al jazeera", "aljazeera"),
    "NPR": ("npr",),
    "CNBC": ("cnbc",),
    "Nikkei Asia": ("nikkei", "nikkei asia"),
    "Deutsche Welle": ("dw", "deutsche welle"),
    "France 24": ("france 24", "france24"),
    "RFI": ("rfi",),
    "Sky News": ("sky news",),
    "NBC News": ("nbc news", "nbc"),
    "ABC News": ("abc news",),
    "CBS News": ("cbs news", "cbs"),
    "Fox News": ("fox news",),
    "Axios": ("axios",),
    "Politico": ("politico",),
}  # fmt: skip
_CANONICAL = {alias: name for name, aliases in _OUTLETS.items() for alias in aliases}
# Wire services: their credit names the journalism even when a portal carries the copy.
WIRES = frozenset(
    {"Reuters", "AP", "AFP", "Bloomberg", "Xinhua", "UPI", "dpa", "Kyodo", "Yonhap", "TASS",
     "EFE", "ANSA", "ΑΠΕ-ΜΠΕ", "PTI", "IANS", "ANI", "Jiji Press", "Bernama", "Anadolu Agency",
     "Dow Jones", "China News Service", "Central News Agency"}
)  # fmt: skip

_MARKS = re.compile(r"[®™©]")
_CORPORATE = re.compile(
    r"(?:,?\s+(?:L\.?P\.?|LLC|Ltd\.?|Limited|Inc\.?|Corp\.?|Co\.?|GmbH|S\.A\.|plc|PLC|AG"
    r"|Publications|Publishing|Media Group|Group))+\.?$"
)
_OUTLET_WORDS = re.compile(
    r"\b(?:News|Times|Post|Journal|Review|Herald|Tribune|Daily|Gazette|Telegraph|Observer"
    r"|Chronicle|Press|Agency|Media|Wire|Network|Broadcasting|Radio|TV|Television|Magazine"
    r"|Weekly|Standard|Express|Mail|Insider|Today|Report|Business|Finance|Online)\b"
)
# What ends a Chinese or Japanese outlet's name (`…新聞`, `…日报`, `…通訊`, `…社`): no
# given name ends so. A one-character kind ends an outlet's name only after three characters or
# more: a personal name is two or three (`李建社`: `建社` is a given name), and the three-
# character agencies (`新华社`, `共同社`) are known outlets.
_CJK_OUTLET_END = re.compile(
    r"(?:新聞|新闻|日報|日报|晚報|晚报|時報|时报|週刊|周刊|通訊|通讯|電視|电视|電台|电台|廣播|广播)$"
    r"|^\S{3,}[網网社報报]$"
)
_OUTLET_SHAPE = re.compile(
    r"^(?:The )?[A-Z0-9][\w&'’.-]*(?: (?:&|of|the|and|[A-Z0-9][\w&'’.-]*)){0,6}$"
)
_CJK_LABELS = frozenset("来稿出")
_PUBLISHER_LINE = re.compile(
    r"^(?:published|brought to you|distributed|syndicated|provided) by\s+(?P<name>.+)$"
    r"|^(?:publisher|source|courtesy(?: of)?|content from|via|来源|稿源|出处)"
    r"(?:\s*[:：\-]\s*|\s+)(?P<name2>.+)$",
    re.IGNORECASE,
)


def canonical_outlet(name: str) -> str | None:
    """The canonical name of a known outlet (`Reuter` -> `Reuters`), or None."""
    name = _MARKS.sub("", name).strip(" .,;:()[]-–—")
    known = _CANONICAL.get(name.casefold())
    if known is None:
        known = _CANONICAL.get(_CORPORATE.sub("", name).strip(" .,").casefold())
    return known


def outlet_name(text: str) -> str | None:
    """An outlet's name as it should be shown: canonical if known, else cleaned; None if unlike."""
    known = canonical_outlet(text)
    if known:
        return known
    name = _MARKS.sub("", text).strip(" .,;:()[]-–—")
    name = _CORPORATE.sub("", name).strip(" .,")
    if not name or word_count(name) > 7 or not _OUTLET_SHAPE.match(name):
        return None
    if bool(_DIGIT.search(name)) and not _OUTLET_WORDS.search(name):
        return None
    return name


def is_outlet_like(text: str) -> bool:
    """Whether a short phrase names an organisation rather than a person."""
    if canonical_outlet(text):
        return True
    name = _MARKS.sub("", text).strip()
    return bool(
        _OUTLET_WORDS.search(name) or _CORPORATE.search(name) or _CJK_OUTLET_END.search(name)
    ) or (name.isupper() and 2 <= len(name) <= 6)


def parse_outlet_line(text: str) -> str | None:
    """A line naming only a known outlet (`Xinhua`, `Source: Reuters`), as its canonical name."""
    if word_count(text) > 6:
        return None
    match = _PUBLISHER_LINE.match(text)
    if match and match.group("name2"):
        return canonical_outlet(match.group("name2"))
    return canonical_outlet(text)


def parse_publisher_line(text: str) -> str | None:
    """The site named by a `Published by …` line."""
    if word_count(text) > 12:
        return None
    match = _PUBLISHER_LINE.match(text)
    if match is None:
        return None
    if match.group("name2") and text[:1] in _CJK_LABELS:
        # `来源：中国日报网`: a Chinese site names itself in Chinese.
        name = match.group("name2").strip()
        return name if 2 <= len(name) <= 12 and cjk_count(name) == len(name) else None
    if not match.group("name"):
        return None
    return outlet_name(match.group("name"))


def site_brand(text: str) -> str | None:
    """A line that is just a registered brand (`Global Banking & Finance Review®`)."""
    if not _MARKS.search(text) or word_count(text) > 8 or text.endswith("."):
        return None
    return outlet_name(text)
