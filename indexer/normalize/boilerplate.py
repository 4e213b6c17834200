"""Recognise what a page wraps around an article: menus, prompts, link lists, boxes, captions."""

from __future__ import annotations

import re

from indexer.normalize.lines import (
    Line,
    ends_sentence,
    is_glued_menu,
    is_paragraph,
    word_count,
)

# Lines that are never article text, wherever they stand (matched on the whole line).
_WHOLE_LINE = re.compile(
    r"^(?:story continues(?: below)?(?: (?:the )?(?:advertisement|ad))?|continue reading.*"
    r"|advertisement|advertising|sponsored(?: content)?|ad|skip (?:to|past) .*"
    r"|scroll (?:down )?to continue.*|read more|show more|see more|load more|loading"
    r"|click here.*|tap here.*|\d+[- ]min(?:ute)?s?(?: read| listen)?|listen(?: to (?:this|the) "
    r"(?:article|story|podcast))?(?: \d+ min(?:ute)?s?)?|print|e-?mail|share(?: this)?"
    r"(?: (?:article|story|page|post))?(?: on \w+)?|copy link|link copied|save|saved|bookmark"
    r"|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|flipboard"
    r"|(?:\d+ )?comments?|leave a (?:comment|reply)|menu|search|home"
    r"|toggle navigation|back to top|top of page|close|open|expand|collapse|next|previous|prev"
    r"|log ?in|sign ?in|log ?out|register|subscribe(?: now)?|sign up|get the app|download the app"
    # The account's buttons and a call to pay, in the page's own language.
    r"|join(?: (?:us|now|today))?"
    r"|donate(?: now| today)?|support us|my account|create (?:an |your )?account"
    r"|(?:jetzt )?(?:anmelden|abmelden|einloggen|ausloggen|registrieren|abonnieren)"
    r"|mein konto|se (?:connecter|déconnecter)|(?:dé)?connexion|s['’]inscrire|s['’]abonner"
    r"|abonnez-vous|je m['’]abonne|mon compte|(?:iniciar|inicia|cerrar) sesi[oó]n|reg[ií]strate"
    r"|suscr[ií]bete|mi cuenta|entrar|sair|iniciar sess[aã]o|cadastre-se|assine(?: já)?"
    r"|minha conta|accedi|registrati|iscriviti|abbonati|inloggen|uitloggen|registreren|abonneren"
    r"|image|photo|photos|video|videos|gallery|audio|watch|watch live|live|breaking news"
    r"|opens in (?:a )?new (?:tab|window)|view (?:comments|gallery|image)|read full article"
    r"|view all .*(?:posts?|articles?|stories|news)|explore more articles in .*|trophy|logo"
    r"|\w+ logo|most read from .*|more from .*|related|related (?:articles|stories|posts|news"
    r"|content|coverage|topics|links)|recommended(?: for you| stories| articles| reading)?"
    r"|you (?:may|might) also (?:like|be interested in)|read (?:next|also)|also read"
    r"|further reading|don'?t miss|editor'?s picks?|trending(?: now| stories)?"
    r"|most (?:read|popular|viewed|shared)(?: stories| articles)?|latest (?:news|stories)"
    r"|top stories|popular (?:now|stories)|in other news)[.!:]?$",
    re.IGNORECASE,
)

# Lines that start the way captions, prompts and link labels start.
_PREFIX = re.compile(
    r"^(?:image for |image:|images?: |photo: |photos: |picture: |pictured: |file photo\b"
    r"|\(?photo (?:by|credit|courtesy)|credit: |caption: |watch: |video: |listen: |related: "
    r"|read more: |read also: |also read: |see also: |more: |recommended: |trending: "
    r"|read the full (?:story|article)|previous (?:\w+ )?(?:post|article|story)"
    r"|next (?:\w+ )?(?:post|article|story)|tags?:|topics?:|filed under:?|categories:"
    r"|keywords:|related topics:|share (?:this|on) |click (?:here|to) "
    # A call to follow the site or a writer's handle: `Follow @jdoe`, `Siga @jornal`,
    # `Suivez-nous sur …`, `Folgen Sie uns auf …`.
    r"|(?:follow|siga|sigue|segue|segui|suivez|folge|folgen sie|volg)(?:[ -](?:us|nos|nous|uns"
    r"|ci|ons))?(?: (?:on|en|no|na|sur|auf|su|op|a))? ?@|follow us\b|s[ií]guenos\b"
    r"|sigam?-nos\b|suivez-nous\b|folg(?:en sie|e) uns\b|seguici\b|volg ons\b"
    r"|this (?:article|story) (?:was|is) (?:originally|first) (?:published|posted|appeared)"
    r"|sign up (?:for|to) |subscribe (?:to|for|now|today) |already (?:a )?(?:subscriber|member)"
    r"|get (?:the latest|breaking|our|unlimited|full access)|download (?:our|the) \w* ?app"
    r"|we use cookies|by (?:clicking|continuing|using this)|accept (?:all )?cookies"
    r"|editorial (?:&|and) advertiser disclosure|advertiser disclosure"
    # A government site's banner (`An official website of the State of …`, `Here's how you
    # know`) over every page of it.
    r"|an official (?:website|site) of |here[’']?s how you know)",
    re.IGNORECASE,
)

# Prompts recognised anywhere in a short line.
# Prompts recognised anywhere in a short line. News text says "signing up for the app" and
# "subscribe for shares", so only phrasings that address the reader count.
_PROMPT = re.compile(
    r"\b(?:our newsletters?|newsletter subscription|(?:in|to) your inbox|subscribe to (?:our|the)"
    r" (?:newsletter|channel|podcast|feed)|subscribe (?:now|today|here)|subscribe for free"
    r"|sign up (?:for|to) (?:our|free|the free)|sign up (?:now|here|today)"
    r"|unlock (?:this|unlimited|full)|subscribers? only|create (?:a|your) free account"
    r"|(?:accept|use of|we use) cookies|cookie (?:policy|settings|preferences)"
    r"|privacy (?:&|and) cookie|affiliate (?:links?|commission)|advertiser disclosure"
    r"|all rights reserved|follow us on|share this (?:article|story)|(?:click|tap) here to"
    # The page telling its reader about their account or settings, never about a story: the
    # notice opens its sentence (`You are signed in as`, `Logged in as jdoe`), and an option
    # stands `at any time`. A story tells of someone's account within its sentence (`… tracks
    # you when you're logged out`, `Intruder logged in as …`, `Here's how you can opt out`).
    r"|(?:^|(?<=[.!?] ))(?:(?:you are|you['’]re) (?:now )?(?:signed|logged) (?:in|out)"
    r"|(?:signed|logged) in as|you can (?:unsubscribe|opt out|change (?:your|the|these|this)"
    r" (?:settings|preferences|location|consent|choices?)|withdraw your consent)[^.!?]*"
    r"\bany ?time))\b",
    re.IGNORECASE,
)
# A notice the page shows when the browser runs no scripts: it tells the reader that JavaScript
# is off or blocked, or asks to turn it on (`Please enable JavaScript to …`, `Sie haben
# Javascript für Ihren Browser deaktiviert.`, `Tu explorador está configurado para bloquear
# JavaScript.`, `devi abilitare javascript`). A story about the language names it beside other
# words (`JavaScript engine`, `custom JavaScript to load it`), never beside a switch; a switch
# that turns on something named after it (`enable JavaScript developers to …`) is no notice.
_SCRIPT_NOTICE = re.compile(
    r"\b(?:enable|turn on|aktivieren sie|activez|activa|habilita|ative|abilitare|bloquear"
    r"|benötigen sie)\b[^.!?]{0,30}\bjavascript\b(?=\s*(?:$|[.,;:!)]|(?:to|in|on|for|and|um"
    r"|damit|jetzt|dies|para|pour|per|en|e|und|y|et)\b))"
    r"|\bjavascript\b[^.!?]{0,40}\b(?:disabled|deaktiviert|desactivado|deshabilitado"
    r"|désactivé|disattivato|desativado|is required|erforderlich|(?:is|be) (?:enabled|turned on))"
    r"|\baktiviert\w*\s+javascript\b",
    re.IGNORECASE,
)
# A notice speaks to the reader about the page: `you`, `your browser`, `please`, `this page`,
# `Sie`, `Ihr Browser`, `bitte`, `vous`, `veuillez`, `tu navegador`, `por favor`, `devi`, or it
# opens with the switch (`Enable JavaScript to continue`). A headline reports what others do
# (`Chrome will ask users to enable JavaScript`, `Why Tor users keep JavaScript disabled`).
_TO_READER = re.compile(
    r"^\W*(?:enable|turn on|activez|activa|habilita|ative|abilita|aktivieren sie)\b"
    r"|\b(?:you|your|please|this (?:page|site|website|app|content|feature|video)|sie|ihr\w*"
    r"|bitte|du|dein\w*|diese[rsmn]? (?:seite|website|inhalte?|funktion)|vous|votre|veuillez"
    r"|(?:ce|cette) (?:site|page)|tu|su navegador|usted|por favor|(?:este|esta) (?:sitio|página"
    r"|site|web)|seu|sua|você|devi|tuo|per favore|questo sito|questa pagina)\b",
    re.IGNORECASE,
)
_NOTICE_WORDS = 30
# A form's field asks for what to type, and says no more: `Enter City and State or Zip Code`,
# `Enter your email address`, `Geben Sie Ihre E-Mail-Adresse ein`, `Entrez votre adresse
# e-mail`, `Introduce tu correo electrónico`, `Digite seu e-mail`. A headline or a story's
# sentence that opens on the same verb runs on past the field (`Input costs squeeze city bakers
# as …`, `Enter your postcode on the council's website to …`, `Ingresa una mujer en prisión …`).
_FORM_FIELD = re.compile(
    r"^(?:(?:enter|type in|insert|input) (?:your |an? |the )?(?:[\w-]+ ){0,4}(?:e-?mail|address"
    r"|zip|post ?code|postal code|city|location|password|user ?name|search terms?|keywords?"
    r"|phone|mobile|name)(?: (?:code|number|address|here|below))?"
    r"|(?:(?:geben sie|gib) (?:ihre|deine|hier)|(?:entrez|saisissez|tapez|indiquez) (?:votre|vos"
    r"|ici)|(?:introduce|introduzca|ingresa|ingrese|escriba) (?:tu|su|sus|tus|aqu[ií])"
    r"|(?:digite|insira|informe|introduza) (?:o |a )?(?:seu|sua|seus|suas|aqui)"
    r"|(?:inserisci|digita) (?:il |la |i |le )?(?:tuo|tua|tuoi|tue|qui))(?: \S+){0,3})"
    r"\s*[.:*…]?$",
    re.IGNORECASE,
)
# A newsletter named together with a call to act: `Get our free newsletter`, `Newsletter: sign up`.
_NEWSLETTER_CALL = re.compile(
    r"\b(?:sign up|subscribe|get|join|free|stay informed|don't miss|inbox)\b", re.IGNORECASE
)

_PROMPT_HINTS = (
    "newsletter", "subscri", "sign up", "inbox", "unlock", "free account",
    "cookie", "affiliate", "advertiser", "rights reserved", "follow us", "share this", "click",
    "tap here", "signed ", "logged ", "you can",
)  # fmt: skip
# Photo credits such as "REUTERS/Aly Song/File Photo" at the end of a caption.
_PHOTO_CREDIT = re.compile(
    r"(?:REUTERS|Reuters|AFP|AP Photo|Getty Images|Xinhua|EPA(?:-EFE)?|Bloomberg|Shutterstock)"
    r"(?:/[A-Z][\w .'-]+)*(?:/File(?: Photo)?)?\)?$"
)
# A caption ends with its picture's credit: `…California.David McNew—Getty Images`,
# `…PHOTOGRAPH: AHMAD GHARABLI/GETTY IMAGES`, `Photo by Jane Doe`, `（写真＝ロイター）`; Polish
# abbreviates its label (`Fot. PAP/Jan Kowalski`, `Zdj. Anna Nowak`: photograph).
_CAPTION_END = re.compile(
    r"(?:(?:\b(?i:photo(?:graph)?s?|image|picture|credit|foto)\s*(?:by\s|:)|\b(?i:fot|zdj)\.\s)"
    r"\s*\S[^.!?]{1,60}"
    r"|(?:Getty Images|GETTY IMAGES|AP Photo|Shutterstock|REUTERS|AFP|EPA(?:-EFE)?)"
    r"(?:/[A-Z][\w .'-]+)*(?:/File(?: Photo)?)?\)?"
    r"|[（(]写真[＝=][^）)]{1,30}[）)])$"
)
_BREADCRUMB = re.compile(r"^(?:home|startseite|accueil|inicio)\s*(?:>|›|»|/|\|)", re.IGNORECASE)

_COPYRIGHT_STARTS = frozenset("©(Cc")
COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright\b)\s*(?:copyright\s*)?"
    r"(?P<first>(?:19|20)\d{2})?(?:\s*[-–—/]\s*(?P<last>(?:19|20)\d{2}))?[\s.,]*(?P<holder>.*)$",
    re.IGNORECASE,
)

_SUMMARY_BOX = re.compile(
    r"^(?:quick summary|summary|key (?:takeaways?|points|facts)|takeaways?|highlights"
    r"|at a glance|in brief|in short|tl;?dr|what you need to know|the big picture"
    r"|why it matters|article summary|ai summary|story highlights)[.:]?$",
    re.IGNORECASE,
)
_FAQ_BOX = re.compile(
    r"^(?:frequently asked questions(?: about .*)?|faqs?|questions and answers|q ?& ?a)[.:]?$",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"^(?:\d+[.)]?\s*|q\d*[.:)]\s*)?\S.*\?$", re.IGNORECASE)
_LINK_BOX = re.compile(
    r"^(?:more from .*|most read from .*|related(?: (?:articles|stories|posts|news|content"
    r"|coverage|reading|links))?|recommended(?: for you| stories| articles| reading)?"
    r"|you (?:may|might) also (?:like|be interested in)|read (?:next|more|also)|also read"
    r"|further reading|don'?t miss|editor'?s picks?|trending(?: now| stories)?|top stories"
    r"|most (?:read|popular|viewed|shared)(?: stories| articles| now)?|latest (?:news|stories)"
    r"|popular (?:now|stories)|in other news|explore more.*|see also"
    # The same headings in other languages: `Tin liên quan`, `Bài liên quan` (Vietnamese),
    # `Articles similaires`, `Sur le même sujet`, `Noticias relacionadas`, `Artigos
    # relacionados`, `Articoli correlati`, `Ähnliche Artikel`.
    r"|(?:tin|bài(?: viết)?) liên quan|articles? (?:similaires|liés|connexes)|sur le même sujet"
    r"|(?:noticias|notícias|artículos|artigos|matérias) relacionad[oa]s|articoli correlati"
    r"|ähnliche (?:artikel|beiträge))[.:]?$",
    re.IGNORECASE,
)
# A readers' thread opening with its count or its call (`3 Comments`, `Leave a reply`).
_THREAD = r"\d+ comments?|comments \(\d+\)|leave a (?:comment|reply)"
_HARD_STOP = re.compile(
    rf"^(?:about the author|about us|{_THREAD}|join the conversation|related tags)[.:]?$",
    re.IGNORECASE,
)


# The heading of the readers' thread under a story (`Comments`, `3 Comments`, `Leave a reply`).
COMMENTS_HEADING = re.compile(rf"^(?:(?:reader |user )?comments?|{_THREAD})[.:]?$", re.IGNORECASE)


def is_copyright(text: str) -> bool:
    """Whether the line is a copyright notice."""
    if text[:1] not in _COPYRIGHT_STARTS:
        return False
    return word_count(text) <= 30 and bool(COPYRIGHT.match(text))


def is_caption(text: str) -> bool:
    """Whether the line is a picture's caption, ending with the picture's credit."""
    return word_count(text) <= 60 and bool(_CAPTION_END.search(text))


def is_breadcrumb(text: str) -> bool:
    """Whether the line is a breadcrumb trail such as `Home > Finance > Headline`."""
    return bool(_BREADCRUMB.match(text))


def breadcrumb_tail(text: str) -> str | None:
    """The last step of a breadcrumb trail, which is usually the headline."""
    if not is_breadcrumb(text):
        return None
    tail = re.split(r"\s(?:>|›|»|/|\|)\s", text)[-1].strip()
    return tail if word_count(tail) >= 3 else None


def is_inline_boilerplate(text: str) -> bool:
    """Whether the line is page furniture wherever it stands."""
    words = word_count(text)
    if words <= 15 and (_WHOLE_LINE.match(text) or is_glued_menu(text)):
        return True
    if _PREFIX.match(text) or _FORM_FIELD.match(text):
        return True
    if is_breadcrumb(text) or is_copyright(text):
        return True
    if words <= 45:
        low = text.lower()
        if words <= _NOTICE_WORDS and "javascript" in low and _script_notice(text):
            return True
        # Cheap substring hints first: the prompt pattern is costly to search on every line.
        if any(hint in low for hint in _PROMPT_HINTS) and _PROMPT.search(text):
            return True
        if "newsletter" in low and _NEWSLETTER_CALL.search(text):
            return True
    return words <= 40 and "/" in text and bool(_PHOTO_CREDIT.search(text))


def box_kind(text: str) -> str | None:
    """The kind of box a heading opens (`summary`, `faq` or `links`), or None."""
    if word_count(text) > 12:
        return None
    if _SUMMARY_BOX.match(text):
        return "summary"
    if _FAQ_BOX.match(text):
        return "faq"
    if _LINK_BOX.match(text):
        return "links"
    return None


def is_hard_stop(text: str) -> bool:
    """Whether the line ends the article for good (comments, author box, copyright)."""
    return bool(_HARD_STOP.match(text)) or is_copyright(text)


def box_end(lines: list[Line], start: int, kind: str) -> int:
    """The index just past the box whose heading is at `start`."""
    i = start + 1
    n = len(lines)
    if kind == "links":
        while i < n and not _resumes_text(lines[i]):
            i += 1
        return i
    if kind == "faq":
        while i < n:
            text = lines[i].text
            if _QUESTION.match(text):
                i += 1
                if i < n and is_paragraph(lines[i].text) and not _QUESTION.match(lines[i].text):
                    i += 1
                continue
            if lines[i].bullet or box_kind(text):
                i += 1
                continue
            break
        return i
    # A summary box holds bullets, or else a single paragraph.
    if i < n and lines[i].bullet:
        while i < n and lines[i].bullet:
            i += 1
        return i
    return i + 1 if i < n and is_paragraph(lines[i].text) else i


def _resumes_text(line: Line) -> bool:
    """Whether a line after a link list is article text again."""
    text = line.text
    return is_paragraph(text) and ends_sentence(text) and not line.bullet


def _short(line: Line) -> bool:
    """Whether a line is short and unfinished, like a menu item or a link."""
    return word_count(line.text) <= 12 and not ends_sentence(line.text)


def _joined(prev: Line, line: Line) -> bool:
    """Whether two neighbouring lines belong to one list (no blank line, or both bullets)."""
    return not line.block_start or (prev.bullet and line.bullet)


def in_list_run(lines: list[Line], i: int) -> bool:
    """Whether line `i` sits in a run of three or more short lines (a menu, a link list)."""
    if not _short(lines[i]):
        return False
    first = last = i
    while first > 0 and _joined(lines[first - 1], lines[first]) and _short(lines[first - 1]):
        first -= 1
        if last - first >= 2:
            return True
    while (
        last + 1 < len(lines) and _joined(lines[last], lines[last + 1]) and _short(lines[last + 1])
    ):
        last += 1
        if last - first >= 2:
            return True
    return last - first >= 2


def drop_repeats(lines: list[Line]) -> list[Line]:
    """Drop pull quotes and repeated paragraphs: text already found in a longer line."""
    keys = [line.text.casefold() for line in lines]
    joined = "\n".join(keys)
    kept: list[Line] = []
    seen: set[str] = set()
    for line, key in zip(lines, keys, strict=True):
        if key in seen:
            continue
        seen.add(key)
        # More occurrences than exact copies: the line also stands inside a longer one.
        if key.count(" ") >= 7 and joined.count(key) > keys.count(key):
            continue
        kept.append(line)
    return kept


def is_repeated_elsewhere(key: str, running: str, copies: int) -> bool:
    """Whether a long case-folded line stands inside longer running text (beyond its `copies`)."""
    if key.count(" ") < 7:
        return False
    return running.count(key.rstrip(".!?;:,")) > copies


def _script_notice(text: str) -> bool:
    """Whether a line tells the reader that the page needs JavaScript (`Please enable JavaScript
    to view the comments`), not a story's line about it."""
    return _SCRIPT_NOTICE.search(text) is not None and _TO_READER.search(text) is not None
