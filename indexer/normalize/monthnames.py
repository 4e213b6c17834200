"""The names of months and weekdays in the languages whose pages the normaliser reads.

Slavic languages and Greek name a day's month in the genitive (`8. dubna 2025`, `8 января`,
`8 Απριλίου`), Finnish in the partitive (`8. huhtikuuta`); those are the forms listed.
Hebrew writes the month after `ב` (in: `3 במרץ 2024`), and that form is listed too.
Hungarian writes the year first (`2024. március 12.`), with the month in the nominative; so do
Estonian (`12. märts 2024`), Bulgarian, Macedonian and Serbian (`12 март 2024`, `12. septembar`),
and Slovene (`12. marec 2024`, or in the genitive, `12. marca 2024`) after the day; Serbian,
Croatian and Bosnian in Latin script write the genitive after the day (`12. oktobra 2024.`).
Croatian `listopad` (October) is left out: it is November in Czech and Polish. Thai months are
listed in their abbreviated form too (`มี.ค.`, without its last dot). Marathi names the
months after English (`डिसेंबर`), Hindi after older loans (`दिसंबर`): both are listed.
Abbreviations that are common words of another language read on the same pages (French `des`)
are left out.
"""

from __future__ import annotations

import re
import unicodedata

MONTHS: dict[int, tuple[str, ...]] = {
    1: ("jan", "january", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio",
        "gen", "janeiro", "januari", "stycznia", "styczeń", "ledna", "leden", "января", "січня",
        "ocak", "tammikuuta", "ianuarie", "január",
        "ιανουαρίου", "ιανουαριου", "يناير", "जनवरी", "जानेवारी", "ינואר",
        "ιαν", "בינואר",
        "siječnja", "siječanj", "sausio", "januára", "gener", "জানুয়ারি", "جنوری", "มกราคม",
        "ม.ค",
        "jaanuar", "januarja", "januara", "януари", "јануар", "јануари"),
    2: ("feb", "february", "februar", "février", "fevrier", "févr", "fevr", "febrero",
        "febbraio", "fevereiro", "fev", "februari", "lutego", "luty", "února", "únor",
        "февраля", "лютого", "şubat", "subat", "helmikuuta", "februarie", "február", "febr",
        "φεβρουαρίου", "φεβρουαριου", "فبراير", "شباط", "फ़रवरी", "फरवरी", "फेब्रुवारी", "פברואר",
        "φεβ", "בפברואר",
        "veljače", "veljača", "vasario", "februára", "febrer", "ফেব্রুয়ারি", "فروری", "กุมภาพันธ์",
        "ก.พ",
        "veebruar", "februarja", "februara", "февруари", "фебруар"),
    3: ("mar", "march", "märz", "mär", "mrz", "maerz", "mars", "marzo", "março", "maart", "mrt",
        "marts", "marca", "marzec", "března", "březen", "марта", "березня", "maaliskuuta",
        "martie", "március", "márc",
        "maret", "μαρτίου", "μαρτιου", "مارس", "آذار", "मार्च", "מרץ",
        "mart", "μαρ", "במרץ",
        "ožujka", "ožujak", "kovo", "març", "mac", "machi", "মার্চ", "مارچ", "มีนาคม", "มี.ค",
        "märts", "marec", "marta", "март"),
    4: ("apr", "april", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień",
        "dubna", "duben", "апреля", "квітня", "nisan", "huhtikuuta", "aprilie", "április", "ápr",
        "απριλίου", "απριλιου", "أبريل", "إبريل", "نيسان", "अप्रैल", "एप्रिल", "אפריל",
        "απρ", "באפריל",
        "travnja", "travanj", "balandžio", "apríla", "aprili", "এপ্রিল", "اپریل", "เมษายน", "เม.ย",
        "aprill", "aprila", "април"),
    5: ("may", "mai", "mayo", "maggio", "maio", "mei", "maj", "maja", "května", "květen",
        "мая", "травня", "mayıs", "toukokuuta", "május", "máj",
        "μαΐου", "μαιου", "مايو", "أيار", "मई", "मे", "מאי",
        "mayis", "μαΐ", "μαι", "במאי",
        "svibnja", "svibanj", "gegužės", "mája", "maig", "মে", "مئی", "พฤษภาคม", "พ.ค",
        "май", "мај"),
    6: ("jun", "june", "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec",
        "června", "červen", "июня", "червня", "haziran", "kesäkuuta", "iunie", "június", "jún",
        "ιουνίου", "ιουνιου", "يونيو", "حزيران", "जून", "יוני",
        "ιουν", "ביוני",
        "lipnja", "lipanj", "birželio", "júna", "juny", "জুন", "جون", "มิถุนายน", "มิ.ย",
        "juuni", "junij", "junija", "juna", "юни", "јун", "јуни"),
    7: ("jul", "july", "juli", "juillet", "juil", "julio", "luglio", "julho", "lipca",
        "lipiec", "července", "červenec", "июля", "липня", "temmuz", "heinäkuuta", "iulie",
        "július", "júl",
        "ιουλίου", "ιουλιου", "يوليو", "تموز", "जुलाई", "जुलै", "יולי",
        "ιουλ", "ביולי",
        "srpnja", "srpanj", "liepos", "júla", "juliol", "julai", "জুলাই", "جولائی", "กรกฎาคม",
        "ก.ค",
        "juuli", "julij", "julija", "jula", "юли", "јул", "јули"),
    8: ("aug", "august", "août", "aout", "agosto", "augustus", "augusti", "sierpnia",
        "sierpień", "srpna", "srpen", "августа", "серпня", "ağustos", "agustos", "elokuuta",
        "agustus", "ogos", "augusztus", "αυγούστου", "αυγουστου", "أغسطس", "آب", "अगस्त", "אוגוסט",
        "ऑगस्ट", "αυγ", "באוגוסט",
        "kolovoza", "kolovoz", "rugpjūčio", "augusta", "agost", "agosti", "আগস্ট", "اگست",
        "สิงหาคม", "ส.ค",
        "avgust", "avgusta", "август"),
    9: ("sep", "sept", "september", "septembre", "septiembre", "setiembre", "settembre",
        "setembro", "września", "wrzesień", "září", "сентября", "вересня", "eylül", "eylul",
        "syyskuuta", "septembrie", "szeptember", "szept",
        "σεπτεμβρίου", "σεπτεμβριου", "سبتمبر", "أيلول", "सितंबर", "सितम्बर", "सप्टेंबर", "ספטמבר",
        "σεπ", "σεπτ", "בספטמבר",
        "rujna", "rujan", "rugsėjo", "septembra", "setembre", "septemba", "সেপ্টেম্বর", "ستمبر",
        "กันยายน", "ก.ย",
        "septembar", "септември", "септембар"),
    10: ("oct", "october", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro",
         "października", "październik", "října", "říjen", "октября", "жовтня", "ekim",
         "lokakuuta", "octombrie", "október",
        "οκτωβρίου", "οκτωβριου", "أكتوبر", "अक्टूबर", "अक्तूबर", "ऑक्टोबर", "אוקטובר",
        "οκτ", "באוקטובר",
        "spalio", "októbra", "oktoba", "অক্টোবর", "اکتوبر", "ตุลาคม", "ต.ค",
        "oktoober", "oktobar", "oktobra", "октомври", "октобар"),
    11: ("nov", "november", "novembre", "noviembre", "novembro", "listopada", "listopad",
         "listopadu", "ноября", "листопада", "kasım", "kasim", "marraskuuta", "noiembrie",
        "νοεμβρίου", "νοεμβριου", "نوفمبر", "नवंबर", "नवम्बर", "नोव्हेंबर", "נובמבר",
        "νοε", "בנובמבר",
        "studenoga", "studenog", "lapkričio", "novembra", "novemba", "নভেম্বর", "نومبر",
        "พฤศจิกายน", "พ.ย",
        "novembar", "ноември", "новембар"),
    12: ("dec", "december", "dezember", "dez", "décembre", "decembre", "déc", "diciembre",
         "dic", "dicembre", "dezembro", "desember", "grudnia", "grudzień", "prosince",
         "prosinec", "декабря", "грудня", "aralık", "aralik", "joulukuuta", "decembrie",
        "disember", "δεκεμβρίου", "δεκεμβριου", "ديسمبر", "दिसंबर", "दिसम्बर", "डिसेंबर", "דצמבר",
        "δεκ", "בדצמבר",
        "prosinca", "gruodžio", "decembra", "desembre", "desemba", "ডিসেম্বর", "دسمبر", "ธันวาคม",
        "ธ.ค",
        "detsember", "decembar", "декември", "децембар"),
}  # fmt: skip
MONTH_NUMBER = {name: number for number, names in MONTHS.items() for name in names}


def _marks() -> str:
    """A regex class of the combining marks of the scripts up to Japanese kana (a vowel sign, a
    nasal dot: `ं` on `में`)."""
    marks = [chr(c) for c in range(0x300, 0x3100) if unicodedata.category(chr(c))[0] == "M"]
    return "[" + re.escape("".join(marks)) + "]"


# A letter of a word, its combining marks included, which Python's `\w` leaves out.
WORD_CHAR = rf"(?:\w|{_marks()})"
# Any month name above as a whole word, the longest first. Not `\b` at the end: a name may end
# on a vowel sign (Bengali `মে`, May), which is no word character, so no word boundary follows;
# nor may a mark follow (Marathi `मे`, May, is Hindi `में`, in, without its nasal dot).
MONTH_ANY = (
    rf"(?<!{WORD_CHAR})(?i:"
    + "|".join(sorted(map(re.escape, MONTH_NUMBER), key=len, reverse=True))
    + rf")(?!{WORD_CHAR})"
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Weekday names of the languages above (a masthead's `TORSDAG 8 JANUARI 2026`), any day.
WEEKDAY_NAMES = frozenset(
    """montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag lundi mardi
    mercredi jeudi vendredi samedi dimanche lunes martes miércoles miercoles jueves viernes
    sábado sabado domingo lunedì martedì mercoledì giovedì venerdì domenica segunda-feira
    terça-feira quarta-feira quinta-feira sexta-feira maandag dinsdag woensdag donderdag vrijdag
    zaterdag zondag måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag
    søndag poniedziałek wtorek środa czwartek piątek sobota niedziela pondělí úterý středa
    čtvrtek pátek neděle maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai
    pazartesi salı çarşamba perşembe cumartesi понедельник вторник среда четверг пятница
    суббота воскресенье senin selasa rabu kamis jumat sabtu minggu δευτέρα τρίτη τετάρτη
    πέμπτη παρασκευή σάββατο κυριακή सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार
    hétfő kedd szerda csütörtök péntek szombat vasárnap
    الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت""".split()
).union(WEEKDAYS, ("thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật"))
# Vietnamese names its weekdays in two words (`Thứ Sáu`, Friday; `Chủ Nhật`, Sunday).
_LONGEST_WEEKDAY = max(len(name.split()) for name in WEEKDAY_NAMES)

# Dutch abbreviates its weekdays to two letters (`di 19 nov 2019, 10:31`); they are words of
# other languages too (Italian `di`, `ma`; Portuguese `do`), so they are read as a weekday only
# directly before a day number. Capitalised, one opens its line or a part of it after a mark
# (`Di 19 nov`, `| Di 19 nov`); after a name it is a surname (`By Wei Ma 19 November 2019`).
SHORT_WEEKDAYS = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}
SHORT_WEEKDAY = (
    rf"(?:(?<!\w)(?:{'|'.join(SHORT_WEEKDAYS)})"
    rf"|(?:^|(?<=[^\w\s])|(?<=[^\w\s]\s))(?:{'|'.join(map(str.title, SHORT_WEEKDAYS))}))\.?"
)


def is_weekday_name(text: str) -> bool:
    """Whether `text` is a weekday's name in a known language, in any case and spacing."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold() in WEEKDAY_NAMES


def weekday_words(words: list[str]) -> int:
    """How many of the last of `words` name a weekday (`Freitag`: 1; `Thứ Sáu`: 2), its
    punctuation aside; 0 when they name none."""
    for k in range(min(_LONGEST_WEEKDAY, len(words)), 0, -1):
        if is_weekday_name(" ".join(words[-k:]).strip(",;:·|")):
            return k
    return 0


def month_number(name: str) -> int | None:
    """The month number of a month name or abbreviation in a known language."""
    return MONTH_NUMBER.get(name.lower().rstrip("."))


def weekday_number(name: str) -> int | None:
    """The weekday number (0 = Monday) of an English weekday name or abbreviation, or of a
    Dutch abbreviation (`di`)."""
    key = name.lower().rstrip(".")
    if key in SHORT_WEEKDAYS:
        return SHORT_WEEKDAYS[key]
    key = key[:3]
    for number, day in enumerate(WEEKDAYS):
        if day.startswith(key):
            return number
    return None
