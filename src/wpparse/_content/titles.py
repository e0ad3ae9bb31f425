"""
What a line's text says on its own, for the pseudo-heading rules: whether it
reads like a title (:func:`title_like`), opens an item of a numbered series
(:func:`series_mark`, :func:`counted_label`), is a field's label
(:func:`is_field_label`), a question, or the post's title again
(:func:`echoes_title`); and the limits the rules share.

Only short candidates reach these tests, so their regular expressions never
touch long or numerous strings.  :mod:`wpparse._content.pseudo_headings`
judges a line with the blocks around it.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "BOLD_MAX_CHARS",
    "BOLD_MAX_WORDS",
    "CJK_BODY_MIN",
    "CJK_MAX_CHARS",
    "FIELD_VALUE_WORDS",
    "LABEL_MAX_CJK_CHARS",
    "LABEL_MAX_WORDS",
    "LETTER",
    "LINE_BODY_MIN",
    "LINE_MAX_CHARS",
    "LINE_MAX_WORDS",
    "MAX_TITLE_CHARS",
    "QUESTION_ENDS",
    "QUESTION_MAX_CHARS",
    "QUESTION_MAX_WORDS",
    "STOP_ENDS",
    "TRAILING",
    "counted_label",
    "echoes_title",
    "is_field_label",
    "is_question",
    "series_mark",
    "short_body",
    "title_like",
    "two_sentences",
]

BOLD_MAX_WORDS: Final = 16
BOLD_MAX_CHARS: Final = 120
QUESTION_MAX_WORDS: Final = 30  # a bold question (an interview, an FAQ) may be longer
QUESTION_MAX_CHARS: Final = 200
LINE_MAX_WORDS: Final = 12
LINE_MAX_CHARS: Final = 80
CJK_MAX_CHARS: Final = 40  # scripts written without spaces: count characters
# A heading ending with a colon is a label ("How to use:"); a longer line is a
# clause leading into what follows ("The employer may, by law:").
LABEL_MAX_WORDS: Final = 8
LABEL_MAX_CJK_CHARS: Final = 20
LINE_BODY_MIN: Final = 80  # the paragraph under a line heading is at least this long
CJK_BODY_MIN: Final = 40  # the same in scripts written without spaces
MAX_TITLE_CHARS: Final = max(BOLD_MAX_CHARS, QUESTION_MAX_CHARS, LINE_MAX_CHARS)
"""No rule takes a longer paragraph for a heading: the section stage skips them."""

_CLOSERS: Final = "\"'”’»)]*"
TRAILING: Final = _CLOSERS + " "  # stripped before reading how a line ends
_ALWAYS_END: Final = frozenset(".!…;,。！；，、")
_LINE_END: Final = frozenset("?？؟:：")
QUESTION_ENDS: Final = frozenset("?？؟")
STOP_ENDS: Final = frozenset(".!。！")  # may end a numbered bold line

_BOILERPLATE: Final = (  # an expression of _NOT_A_TITLE
    r"^(?:read more|read on|continue reading|keep reading|share this|share on|share:?$|"
    r"click here|learn more|see more|view more|more info|find out more|subscribe|"
    r"follow us|sign up|tags?:|tagged|filed under|posted in|posted on|published|"
    r"updated|last updated|advertisement|sponsored|leave a (?:comment|reply)|"
    r"comments?$|print$|download$|back to top|table of contents$|"
    r"lire la suite|en savoir plus|leer m[aá]s|seguir leyendo|weiterlesen|"
    r"mehr lesen|leggi (?:tutto|di pi[uù])|czytaj wi[eę]cej|saiba mais|ler mais|"
    r"(?:read also|see also|related|baca juga|baca|lihat juga|voir aussi|lire aussi|"
    r"ver tambi[eé]n|lee tambi[eé]n|siehe auch|leggi anche)\s*:|"
    # A callout's label: it remarks on what follows, it names no section.
    r"(?:note|nota|nb|hinweis|anmerkung|achtung|remarque|attention|avviso|aviso|"
    r"warning|caution|important|tip|tipp|astuce|consejo)\s*[:：!]?$)"
)
_BYLINE: Final = (  # an expression of _NOT_A_TITLE
    r"^(?:(?:(?:a\s+)?guest\s+(?:post|article|blog)|written|posted|photos?|words|"
    r"images?|illustrations?|text|story|reporting|edited)\s+by\b|(?-i:[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$|"
    r"(?:photo|image|source|credit|credits|via|caption|foto|fuente|quelle)\s*:|"
    r"(?-i:(?:[Pp]ar|[Pp]or|[Vv]on)\s+[A-Z])|[©—–]|-\s)"
)
_DATE_WORDS: Final = re.compile(
    r"[\W\d_年月日]+|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
    r"june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?|st|nd|rd|th|of|de|del|le|am|pm|at|"
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|"
    r"novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre)\b",
    re.IGNORECASE,
)
# A note opens with a reference mark ("* Prices include VAT", "※ 注意"): it
# remarks on what is around it, and never names a section.
_NOTE_MARKS: Final = "*＊※†‡"
_TWO_SENTENCES: Final = re.compile(r"\w{4,}[.!?]\s+\S")
# A greeting or a salutation standing alone: a reader is addressed, not a
# section named.  Openers that only ever address someone ("Dear ...", "Good
# morning ...") may take a few words after them; a bare "Hi" or "Hello" only
# an addressee ("Hello everyone", "Hi Sarah") -- "Hello World" is a title; a
# sign-off ("Kind regards", "Liebe Grüße") at most ", Name".
_ADDRESSEE: Final = (
    r"(?:every(?:one|body)|all(?:\s+of\s+you)?|y'?all|friends|folks|guys|there|"
    r"team|readers?|colleagues|customers|members|ladies\s+and\s+gentlemen|"
    r"(?:à\s+)?tous|tout\s+le\s+monde|les\s+amis|a\s+todos|amig[oa]s|zusammen|"
    r"alle|leute|a\s+tutti|(?!world\b)(?-i:[A-Z])[\w'’-]+)"
)
_GREETING: Final = (  # an expression of _NOT_A_TITLE
    r"^(?:"
    # Salutations and greetings by the time of day: anything short after them.
    r"(?:dear|dearest|greetings|good\s+(?:morning|afternoon|evening|day)|"
    r"bonjour|bonsoir|chers?|ch[eè]res?|buen[oa]s\s+(?:d[ií]as|tardes|noches)|"
    r"querid[oa]s?|estimad[oa]s?|bom\s+dia|caros?|guten\s+(?:morgen|tag|abend)|"
    r"liebe[rs]?|sehr\s+geehrte[rs]?|buongiorno|buonasera|car[oaie]|witam)"
    r"(?:[\s,]+[\w.'’-]+){0,4}"
    # Hello and its kin: alone, or to an addressee.
    r"|(?:hi|hello|hey|hiya|howdy|welcome(?:\s+back)?|salut|coucou|hola|ol[aá]|"
    r"hallo|moin|servus|ciao|salve|cześć)"
    rf"(?:[\s,]+{_ADDRESSEE}(?:\s+(?-i:[A-Z])[\w'’-]+)?)?"
    # Sign-offs: alone, or with a name.
    r"|(?:(?:best|kind|warm|warmest|kindest)\s+(?:regards|wishes)|regards|"
    r"sincerely|yours(?:\s+(?:truly|sincerely|faithfully))?|cheers|thanks|"
    r"thank\s+you|many\s+thanks|love|xoxo|cordialement|bien\s+(?:à|a)\s+(?:vous|toi)|"
    r"amicalement|bisous|merci|saludos|atentamente|un\s+(?:saludo|abrazo)|gracias|"
    r"abraços|obrigad[oa]|mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en|"
    r"(?:viele|liebe|beste|herzliche)\s+gr(?:ü|ue)(?:ß|ss)e|danke|grazie|"
    r"cordiali\s+saluti|distinti\s+saluti|pozdrawiam)"
    r"(?:,\s*(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)?)?"
    r")$"
)
# The three above in one expression, compiled once: one match call for a
# line, not three.
_NOT_A_TITLE: Final = re.compile(
    "|".join(f"(?:{p})" for p in (_BOILERPLATE, _BYLINE, _GREETING)), re.IGNORECASE
)
# The expression tries some 150 alternatives on every line, and most lines
# open as none of them: the first letters of a line tell.  These are the
# first six letters (fewer when a word is shorter, lowercased; "-" for
# "- Name") that a line it matches can open with, when those are ASCII.
# tests/test_title_prefilter.py derives them from the expression itself:
# a word added to it fails that test until its letters are added here.
_NOT_A_TITLE_OPENINGS: Final = frozenset(
    """
    - a achtun advert amical anmerk astuce atenta attent aviso avviso baca back best
    beste bien bisous bom bonjou bonsoi buenas buenos buonas buongi by captio cara
    care cari caro caros cautio cheers cher chere cheres chers ciao click commen
    consej contin cordia coucou credit czytaj danke dear deares distin downlo edited
    en estima filed find follow foto fuente good gracia grazie greeti guest guten
    hallo hello herzli hey hi hinwei hiya hola howdy illust image images import keep
    kind kindes last learn leave lee leer leggi ler liebe lieber liebes lihat lire
    love many mehr merci mit moin more nb nota note obriga ola par photo photos por
    posted pozdra print publis quelle querid read regard relate remarq report saiba
    saludo salut salve see seguir sehr servus share siehe sign sincer source sponso
    story subscr table tag tagged tags text thank thanks tip tipp un update ver via
    viele view voir von warm warmes warnin weiter welcom witam words writte xoxo
    yours
    """.split()  # noqa: SIM905 - words read better as words
)
_OPENING_KEY: Final = str.maketrans(
    {
        chr(c): chr(c).lower() if chr(c).isalpha() or chr(c) == "-" else " "
        for c in range(128)
    }
)

# A field of an imprint page or a spec sheet: a short label, a colon, a value
# ("Phone: +49 30 1234", "Managing director: Max Mustermann").  A label with
# a number is a step or a part of a series ("Step 3: Enter the tag"): a title.
_FIELD: Final = re.compile(r"^([^\W\d_][^:：\d]{0,40}?)\s*[:：]\s*(\S.*)?$")
_FIELD_LABEL_WORDS: Final = 4
# A label ending in a number word or a Roman numeral names a part of a series
# too ("Part One:", "Chapter IV:").
_SERIES: Final = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|"
    r"fourth|fifth|last|final|(?-i:[IVX]{1,4}))\s*$",
    re.IGNORECASE,
)
FIELD_VALUE_WORDS: Final = 5
"""A field's value has at most this many words (``Max Mustermann``, ``2.4 kg``)."""
_ECHO_LABEL_WORDS: Final = 3  # "Exercise 1: <the title>" is still an echo
# A number opening a line, as the items of a numbered series open theirs:
# "1.", "2、", "3)", "(4)", "（5）", and the items of a sub-series, "2.1.",
# "1.3)" (not "2.4 kg", "31.12.2022" or "1.22.6 released").
_SERIES_MARK: Final = re.compile(
    r"\s*([(（]?)(\d{1,2}(?:[.．]\d{1,2})*)([.．、)）])(?![\d.])"
)
_SERIES_FIRST: Final = frozenset("0123456789(（")
# A word and a number counting the parts of a series: "Day 1:", "Step 2 -",
# "Chapter 3".
_COUNTED: Final = re.compile(r"([^\W\d_]+)\s+(\d{1,3})\s*([:：.)\-–—]|$)")
_COUNTED_WORD_MAX: Final = 24
_WORD_CHARS: Final = re.compile(r"[\W_]+")


_CJK: Final = re.compile("[\u2e80-\u9fff\uf900-\ufaff]")
_NOT_CJK_RUN: Final = re.compile("[^\\s\u2e80-\u9fff\uf900-\ufaff]+")


def _is_cjk(text: str) -> bool:
    return not text.isascii() and _CJK.search(text) is not None


def _cjk_length(text: str) -> int:
    """The length of a line of CJK text: a character each, a word of another script one."""
    cjk = len(_CJK.findall(text))
    return cjk + len(_NOT_CJK_RUN.findall(text))


def _opening(text: str) -> str | None:
    """
    The letters *text* opens with, lowercased, up to six (with ``-``), or
    ``None`` when its first six characters are not all ASCII.

    >>> _opening("Read more"), _opening("A guest post"), _opening("Olá")
    ('read', 'a', None)
    """
    head = text[:6]
    if not head.isascii():
        return None
    return head.translate(_OPENING_KEY).partition(" ")[0]


def _not_a_title(text: str) -> bool:
    """Whether *text* is boilerplate, a byline or a greeting (``_NOT_A_TITLE``)."""
    opening = _opening(text)
    if opening is not None and opening not in _NOT_A_TITLE_OPENINGS:
        return False  # most lines: no expression to run
    return _NOT_A_TITLE.match(text) is not None


LETTER: Final = re.compile(r"[^\W\d_]")
_DIGIT: Final = re.compile(r"\d")


def is_field_label(text: str) -> bool:
    """
    Whether *text* is a field of a form-like page: ``Label: value`` or a bare ``Label:``.

    The label is at most four words without a digit, the value at most five
    words; a label with a number (``Step 3:``, ``Day 2:``, ``Part One:``,
    ``Chapter IV:``) names a part of a series and may be a title.

    >>> is_field_label("Phone: +49 30 1234567"), is_field_label("Step 3: Enter the tag")
    (True, False)
    """
    if ":" not in text and "：" not in text:
        return False  # the pattern needs a colon: skip its lazy scan
    match = _FIELD.match(text.strip())
    if (
        match is None
        or len(match.group(1).split()) > _FIELD_LABEL_WORDS
        or _SERIES.search(match.group(1))
    ):
        return False
    value = match.group(2)
    # A value is short ("Max Mustermann", "2.4 kg"); a long clause after a
    # colon is a headline's ("Buhari warns police: You are not above ...").
    return value is None or len(value.split()) <= FIELD_VALUE_WORDS


def series_mark(text: str) -> tuple[str, tuple[int, ...]] | None:
    """
    The numbering of a line that opens with a series number: its style and numbers.

    An item of a sub-series has the numbers of its parents first (``2.1.``).

    >>> series_mark("2、deepin 23 update"), series_mark("（3）驱动更新：")
    (('、', (2,)), ('（）', (3,)))
    >>> series_mark("1.3) Update the packages"), series_mark("2.4 kg")
    ((')', (1, 3)), None)
    """
    first = text[:1]
    if first not in _SERIES_FIRST and not first.isspace():
        return None  # most lines: no regular expression to run
    match = _SERIES_MARK.match(text)
    if match is None:
        return None
    numbers = tuple(int(n) for n in match.group(2).replace("．", ".").split("."))
    return match.group(1) + match.group(3), numbers


def counted_label(text: str) -> tuple[str, tuple[int, ...]] | None:
    """
    The word and number of a line that opens by counting a part: its style and number.

    >>> counted_label("Day 2: Istanbul tour"), counted_label("Day two")
    (('day:', (2,)), None)
    """
    space = text.find(" ")
    if not 0 < space <= _COUNTED_WORD_MAX or not text[space + 1 : space + 2].isdigit():
        return None  # most lines: no regular expression to run
    match = _COUNTED.match(text)
    if match is None:
        return None
    return match.group(1).casefold() + match.group(3), (int(match.group(2)),)


def is_question(text: str) -> bool:
    """Whether *text* ends with a question mark (of any script)."""
    return text.rstrip(TRAILING)[-1:] in QUESTION_ENDS


def echoes_title(text: str, title: str | None) -> bool:
    """
    Whether *text* repeats the post's *title* (case, spacing and punctuation aside).

    A short label before the title (at most three words: ``Exercise 1:``,
    ``Review:``) still makes an echo.

    >>> echoes_title("Storm Closes the Pass", "Storm closes the pass")
    True
    >>> echoes_title("EXERCISE 1: MY INNER COMPASS", "My inner compass")
    True
    """
    if not title:
        return False
    mine = _WORD_CHARS.sub(" ", text).strip().casefold()
    theirs = _WORD_CHARS.sub(" ", title).strip().casefold()
    if not mine or not theirs:
        return False
    if mine == theirs:
        return True
    label = mine[: -len(theirs)]
    return (
        mine.endswith(theirs)
        and label.endswith(" ")
        and len(label.split()) <= _ECHO_LABEL_WORDS
    )


def short_body(text: str) -> bool:
    """
    Whether *text* is too short for a paragraph of body text: under 80
    characters, or 40 in scripts written without spaces (as a title has half
    as many characters there).

    >>> short_body("Max Mustermann"), short_body("我们用这个模块操作窗口句柄。" * 3)
    (True, False)
    """
    n = len(text)
    return n < LINE_BODY_MIN and (n < CJK_BODY_MIN or not _is_cjk(text))


def _too_long_for_a_label(text: str) -> bool:
    if _is_cjk(text):
        return len(text) > LABEL_MAX_CJK_CHARS
    return len(text.split()) > LABEL_MAX_WORDS


def two_sentences(text: str) -> bool:
    """
    Whether *text* holds two sentences: a word of four letters or more, a
    stop, a space and more.

    >>> two_sentences("Tu carta puede recomendar. Puede convertir."), two_sentences("Dr. No")
    (True, False)
    """
    if "." not in text and "!" not in text and "?" not in text:
        return False  # no stop, no second sentence: most lines need no search
    return _TWO_SENTENCES.search(text) is not None


def title_like(
    text: str, *, max_words: int, max_chars: int, strict: bool, numbered: bool = False
) -> bool:
    """
    Whether *text* reads like a title rather than a sentence, caption or byline.

    *strict* (the short-line rule) also refuses a line ending in ``?`` or ``:``;
    a line ending with a colon is a label of at most eight words (20 characters
    in scripts written without spaces), a longer one the start of a sentence.
    A *numbered* line, one of a numbered series (:func:`series_mark`), may be a
    sentence: hold two sentences and end with a full stop or ``!``
    (``1. We start with cravings, not code.``); by the short-line rule it may
    end with a colon (``(1) Kernel upgrade:``) but not with a stop.
    """
    if not text or len(text) > max_chars or text[0] in _NOTE_MARKS:
        return False
    if not _is_cjk(text):
        if len(text.split()) > max_words:
            return False
    elif len(text) > CJK_MAX_CHARS and _cjk_length(text) > CJK_MAX_CHARS:
        return False
    # (Most titles open with a letter: no search for one.)
    if not text[0].isalpha() and LETTER.search(text) is None:
        return False
    end = text.rstrip(TRAILING)[-1:]
    if numbered:
        if end in _ALWAYS_END and (strict or end not in STOP_ENDS):
            return False
        if strict and end in QUESTION_ENDS:
            return False
    elif end in _ALWAYS_END or (strict and end in _LINE_END):
        return False
    if end in "：:" and not numbered and _too_long_for_a_label(text):
        return False  # a clause introducing what follows, not a label
    return not (
        (not numbered and two_sentences(text))
        or _not_a_title(text)
        or (end not in _LINE_END and is_field_label(text))
        # A lone date.
        or (_DIGIT.search(text) is not None and not _DATE_WORDS.sub("", text))
    )
