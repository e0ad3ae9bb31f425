"""
The rules that make a paragraph a pseudo heading.

Both rules look at one paragraph and its neighbours in the flat stream; the
section stage then drops pseudo headings with nothing under them.  The text
tests run only on short candidates, so their regular expressions never touch
long or numerous strings.

What never becomes a heading: a caption (by class, or a line right after an
image), a byline (``By Jane Doe``, ``Photo: ...``), boilerplate such as "Read
more", "Share this" or "Continue reading", a lone date, a greeting or a
salutation ("Hello everyone", "Kind regards"), a field of a form-like page
(``Phone: +49 30 1234``), a sentence ending in a full stop (or ``!``, ``…``,
``;``, ``,``), two sentences (but for the items of a numbered series), a
clause ending with a colon, a note (``* Prices include VAT``), a callout's
label (``Note:``, ``Warning``), the first line of an address, and text that is
all link (navigation, calls to action).
"""

from __future__ import annotations

import re
from typing import Final

from wpparse._content.stream import Piece
from wpparse._content.vocabulary import BOLD, BREAKS, CAPTION, ITALIC, LINKED, MEDIA
from wpparse._model.content import BlockKind

__all__ = [
    "FIELD_VALUE_WORDS",
    "LINE_BODY_MIN",
    "MAX_TITLE_CHARS",
    "bold_heading",
    "bold_part",
    "bold_slogan",
    "counted_label",
    "echoes_title",
    "is_field_label",
    "is_question",
    "line_heading",
    "over_list",
    "series_mark",
    "short_body",
    "title_like",
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
_TRAILING: Final = _CLOSERS + " "  # stripped before reading how a line ends
_ALWAYS_END: Final = frozenset(".!…;,。！；，、")
_LINE_END: Final = frozenset("?？؟:：")
_QUESTION: Final = frozenset("?？؟")
_STOP: Final = frozenset(".!。！")  # may end a numbered bold line
_EMPHASIS_END: Final = _STOP | {"…"}
_SENTENCE_END_BEFORE: Final = frozenset(".!?:;…。！？：；")
# Blocks set apart from the prose: a numbered line over one names it.
_SET_APART: Final = frozenset(
    {BlockKind.LIST, BlockKind.CODE, BlockKind.QUOTE, BlockKind.TABLE}
)
_PROSE: Final = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST})
_NOT_TEXT: Final = frozenset(
    {BlockKind.FIGURE, BlockKind.EMBED, BlockKind.SEPARATOR, BlockKind.OTHER}
)

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


_LETTER: Final = re.compile(r"[^\W\d_]")
_DIGIT: Final = re.compile(r"\d")


def _is_date(text: str) -> bool:
    return _DIGIT.search(text) is not None and not _DATE_WORDS.sub("", text)


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
    return text.rstrip(_TRAILING)[-1:] in _QUESTION


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
    if not text or len(text) > max_chars:
        return False
    if _is_cjk(text):
        if len(text) > CJK_MAX_CHARS and _cjk_length(text) > CJK_MAX_CHARS:
            return False
    elif len(text.split()) > max_words:
        return False
    if _LETTER.search(text) is None or text[0] in _NOTE_MARKS:
        return False
    end = text.rstrip(_TRAILING)[-1:]
    if numbered:
        if end in _ALWAYS_END and (strict or end not in _STOP):
            return False
        if strict and end in _QUESTION:
            return False
    elif end in _ALWAYS_END or (strict and end in _LINE_END):
        return False
    if end in "：:" and not numbered and _too_long_for_a_label(text):
        return False  # a clause introducing what follows, not a label
    stops = "." in text or "!" in text or "?" in text
    return not (
        (stops and not numbered and _TWO_SENTENCES.search(text))
        or _NOT_A_TITLE.match(text)
        or (end not in _LINE_END and is_field_label(text))
        or _is_date(text)
    )


def _continued(after: Piece | None) -> bool:
    """
    Whether *after* opens with a short line that goes on in the next (it ends
    with a comma): an address or a signature, whose first line a name is.
    """
    nxt = after.block if after is not None else None
    if nxt is None or nxt.kind is not BlockKind.PARAGRAPH:
        return False
    line = nxt.text.partition("\n")[0]
    return len(line) < LINE_BODY_MIN and line.rstrip(_TRAILING)[-1:] in ",，"


def over_list(after: Piece | None) -> bool:
    """Whether *after*, the piece after a line, is a list: a line over one names it."""
    return (
        after is not None
        and after.block is not None
        and after.block.kind is BlockKind.LIST
    )


def _emphasis_before(before: Piece | None) -> bool:
    """
    Whether *before* is a bold sentence (ending with a stop, not numbered):
    a bold line right after it goes on with the same emphasis
    ("Please like and share. / What am I missing?"), it names no section
    (unless it ends with a colon or is over a list: see :func:`bold_heading`).
    """
    prev = before.block if before is not None else None
    return (
        prev is not None
        and before is not None
        and bool(before.flags & BOLD)
        and prev.kind is BlockKind.PARAGRAPH
        and prev.text.rstrip(_TRAILING)[-1:] in _EMPHASIS_END
        and series_mark(prev.text) is None
    )


def _subtitle(before: Piece | None, after: Piece | None) -> bool:
    """
    Whether a line between *before* and *after* would be a real heading's subtitle.

    Right under a real heading, a line is its subtitle (a role, a dek), unless
    a list follows it: a dek leads into prose, a line over a list names it.
    """
    return before is not None and before.block is None and not over_list(after)


def bold_heading(
    piece: Piece,
    before: Piece | None,
    after: Piece | None = None,
    *,
    numbered: bool = False,
) -> bool:
    """
    Whether a paragraph is a heading by the bold rule.

    It is bold from end to end (a leading number aside, or a plain aside in
    brackets after it: :func:`bold_part`), on one line, not a caption, not all
    link, and title-like (a question, or an item of a numbered series, may be
    longer; a line may trail off with an ellipsis, unless a list finishes it).
    Right under a real heading it is that heading's subtitle (a role, a dek),
    unless it ends with a colon (it introduces what follows), is a question of
    a title's length (an FAQ under its heading), is over a list (it names the
    list) or is *numbered*: one of a numbered series (:func:`series_mark`)
    whose other items are headings too, the first of them right under the
    heading of the part they divide.  After a bold sentence it is the same
    emphasis running on, unless it ends with a colon or is over a list.
    """
    block = piece.block
    if block is None:
        return False
    flags = piece.flags
    if flags & (CAPTION | MEDIA | BREAKS | LINKED):
        return False
    text = block.text
    if not flags & BOLD:
        # Bold but for a plain aside in brackets: the bold part is the title.
        bold = bold_part(text, block.lead) if block.lead is not None else None
        if bold is None:
            return False
        text = bold
    end = text.rstrip(_TRAILING)[-1:]
    if _subtitle(before, after) and not numbered:
        if end in _QUESTION:
            # An FAQ's question under its heading is as short as a title; a
            # longer one there is the heading's dek (or a rhetorical cry).
            if len(text) > BOLD_MAX_CHARS or len(text.split()) > BOLD_MAX_WORDS:
                return False
        elif end not in ":：":
            return False
    if _continued(after):
        return False  # the first line of an address: a name over "80 London Road,"
    if _emphasis_before(before) and end not in ":：" and not over_list(after):
        return False  # bold text running on from a bold sentence
    if end in _QUESTION or numbered:
        return title_like(
            text,
            max_words=QUESTION_MAX_WORDS,
            max_chars=QUESTION_MAX_CHARS,
            strict=False,
            numbered=numbered,
        )
    if end in ".…" and (stem := _trailing_off(text)) is not None:
        # "A question for you...": a title trailing off, unless a list
        # finishes its sentence ("Make sure that your friend...").
        if over_list(after):
            return False
        text = stem
    return title_like(
        text,
        max_words=BOLD_MAX_WORDS,
        max_chars=BOLD_MAX_CHARS,
        strict=False,
    )


def _trailing_off(text: str) -> str | None:
    """*text* without the ellipsis it ends with (``…`` or ``...``), if it ends with one."""
    text = text.rstrip(_TRAILING)
    if text.endswith("…"):
        return text[:-1].rstrip()
    if text.endswith("..."):
        return text.rstrip(".").rstrip()
    return None


def bold_part(text: str, lead: str) -> str | None:
    """
    The bold title of a paragraph that opens in bold (*lead*) and goes on only
    with a plain aside in brackets, or ``None``.

    >>> bold_part("Pros and cons (from a forum thread)", "Pros and cons")
    'Pros and cons'
    >>> bold_part("In conclusion, wars (and conflicts)", "In conclusion,") is None
    True
    """
    if len(text) > BOLD_MAX_CHARS or not text.startswith(lead):
        return None
    aside = text[len(lead) :].strip()
    if (
        len(aside) < 3  # noqa: PLR2004 - two brackets and something in them
        or aside[0] not in "(（"
        or aside[-1] not in ")）"
        or ")" in aside[1:-1]
        or "）" in aside[1:-1]
    ):
        return None
    return lead


def bold_slogan(piece: Piece, before: Piece | None, after: Piece | None) -> bool:
    """
    Whether a bold paragraph of two short sentences is a heading where bold headings are the habit.

    The bold rule refuses two sentences (``Tu carta puede recomendar. Puede
    convertir.``): a bold sentence between paragraphs is usually emphasis.  In
    a post whose author marks headings in bold, such a line standing alone
    over prose or a list, within a bold title's length and not ending with a
    colon, is one of them; the section stage asks only when the post has
    another bold heading.
    """
    block = piece.block
    flags = piece.flags
    if (
        block is None
        or not flags & BOLD
        or flags & (CAPTION | MEDIA | BREAKS | LINKED)
        or after is None
        or after.block is None
        or after.block.kind not in _PROSE
        or _subtitle(before, after)
    ):
        return False
    text = block.text
    return (
        text.rstrip(_TRAILING)[-1:] not in ":："
        and _TWO_SENTENCES.search(text) is not None
        and not _emphasis_before(before)
        and not _continued(after)
        and title_like(
            text,
            max_words=BOLD_MAX_WORDS,
            max_chars=BOLD_MAX_CHARS,
            strict=False,
            numbered=True,  # a sentence: two of them, a final stop
        )
    )


def line_heading(
    piece: Piece,
    before: Piece | None,
    after: Piece | None,
    *,
    numbered: bool = False,
    announced: bool = False,
) -> bool:
    """
    Whether a paragraph is a heading by the short-line rule.

    A short, plain (no bold, italic or link covering it), title-like line that
    starts with a capital (in scripts that have them), right after a complete
    block of text (not an image: that would be a caption) and right before a
    paragraph or a list at least twice as long as itself.  Right under a real
    heading it is a subtitle, unless a list follows it or it is *numbered*
    (one of a numbered series, which may also end with a colon, and then
    announces a paragraph of any length).  A line *announced* by a numbered
    pseudo heading ending with a colon right before it (``Day 1:``) may
    follow it.
    """
    block = piece.block
    if block is None or after is None or after.block is None:
        return False
    if _subtitle(before, after) and not numbered:
        return False  # right under a real heading: its subtitle
    flags = piece.flags
    if flags & (BOLD | ITALIC | LINKED | CAPTION | MEDIA | BREAKS) or block.lead:
        return False
    text = block.text
    # The neighbours first: they are cheaper to check than the text.
    nxt = after.block
    if numbered and (
        nxt.kind in _SET_APART
        or (nxt.kind is BlockKind.PARAGRAPH and text.rstrip(_TRAILING)[-1:] in ":：")
    ):
        pass  # a step over its code, quote or table names it, however short
    elif nxt.kind is BlockKind.LIST:
        # A line over a list names it ("Online volunteers" over their tasks).
        if len(nxt.text) < 2 * len(text):
            return False
    elif (
        nxt.kind is not BlockKind.PARAGRAPH
        or len(nxt.text) < 2 * len(text)
        or short_body(nxt.text)
    ):
        return False
    prev = before.block if before is not None else None
    if prev is not None:  # (a real heading before it: a numbered line)
        if prev.kind in _NOT_TEXT:
            return False
        if prev.kind is BlockKind.PARAGRAPH and not announced:
            ending = prev.text.rstrip(_TRAILING)[-1:]
            if ending not in _SENTENCE_END_BEFORE or len(prev.text) < 2 * len(text):
                return False
    # An item of a numbered series may run to a bold title's length.
    if not title_like(
        text,
        max_words=BOLD_MAX_WORDS if numbered else LINE_MAX_WORDS,
        max_chars=BOLD_MAX_CHARS if numbered else LINE_MAX_CHARS,
        strict=True,
        numbered=numbered,
    ):
        return False
    first = _LETTER.search(text)
    return first is None or not first.group().islower()
