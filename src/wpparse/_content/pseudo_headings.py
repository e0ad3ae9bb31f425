"""
The rules that make a paragraph a pseudo heading.

Both rules look at one paragraph and its neighbours in the flat stream
(:mod:`wpparse._content.styles` gives them those); what the line's text says
on its own, :mod:`wpparse._content.titles` tells.  The section stage then
drops pseudo headings with nothing under them.

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

from typing import Final

from wpparse._content.stream import Piece
from wpparse._content.titles import (
    BOLD_MAX_CHARS,
    BOLD_MAX_WORDS,
    LETTER,
    LINE_BODY_MIN,
    LINE_MAX_CHARS,
    LINE_MAX_WORDS,
    QUESTION_ENDS,
    QUESTION_MAX_CHARS,
    QUESTION_MAX_WORDS,
    STOP_ENDS,
    TRAILING,
    series_mark,
    short_body,
    title_like,
    two_sentences,
)
from wpparse._content.vocabulary import BOLD, BREAKS, CAPTION, ITALIC, LINKED, MEDIA
from wpparse._model.content import BlockKind

__all__ = [
    "bold_heading",
    "bold_part",
    "bold_slogan",
    "line_heading",
    "over_list",
]

# Enum members read once, here: on Python 3.11 reading one off its class is a
# call (EnumType has a __getattr__), a global is a dict lookup.
_PARAGRAPH: Final = BlockKind.PARAGRAPH
_LIST: Final = BlockKind.LIST
_EMPHASIS_END: Final = STOP_ENDS | {"…"}
_SENTENCE_END_BEFORE: Final = frozenset(".!?:;…。！？：；")
# Blocks set apart from the prose: a numbered line over one names it.
_SET_APART: Final = frozenset(
    {BlockKind.LIST, BlockKind.CODE, BlockKind.QUOTE, BlockKind.TABLE}
)
_PROSE: Final = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST})
_NOT_TEXT: Final = frozenset(
    {BlockKind.FIGURE, BlockKind.EMBED, BlockKind.SEPARATOR, BlockKind.OTHER}
)
# A caption, an image in it, a line break, a link covering it: no heading by
# either rule.  By the short-line rule, no emphasis either.
_NEVER: Final = CAPTION | MEDIA | BREAKS | LINKED
_NOT_PLAIN: Final = _NEVER | BOLD | ITALIC


def _continued(after: Piece | None) -> bool:
    """
    Whether *after* opens with a short line that goes on in the next (it ends
    with a comma): an address or a signature, whose first line a name is.
    """
    nxt = after.block if after is not None else None
    if nxt is None or nxt.kind is not _PARAGRAPH:
        return False
    text = nxt.text
    # The first line, looked for only as far as a short one goes.
    end = text.find("\n", 0, LINE_BODY_MIN)
    if end < 0 and len(text) >= LINE_BODY_MIN:
        return False
    line = text if end < 0 else text[:end]
    return line.rstrip(TRAILING)[-1:] in ",，"


def over_list(after: Piece | None) -> bool:
    """Whether *after*, the piece after a line, is a list: a line over one names it."""
    return after is not None and after.block is not None and after.block.kind is _LIST


def _emphasis_before(before: Piece | None) -> bool:
    """
    Whether *before* is a bold sentence (ending with a stop, not numbered):
    a bold line right after it goes on with the same emphasis
    ("Please like and share. / What am I missing?"), it names no section
    (unless it ends with a colon or is over a list: see :func:`bold_heading`).
    """
    prev = before.block if before is not None else None
    return (
        before is not None
        and bool(before.flags & BOLD)
        and prev is not None
        and prev.kind is _PARAGRAPH
        and prev.text.rstrip(TRAILING)[-1:] in _EMPHASIS_END
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
    if flags & _NEVER:
        return False
    text = block.text
    if not flags & BOLD:
        # Bold but for a plain aside in brackets: the bold part is the title.
        bold = bold_part(text, block.lead) if block.lead is not None else None
        if bold is None:
            return False
        text = bold
    end = text.rstrip(TRAILING)[-1:]
    if not numbered and _subtitle(before, after):
        if end in QUESTION_ENDS:
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
    if end in QUESTION_ENDS or numbered:
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
    text = text.rstrip(TRAILING)
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
        or flags & _NEVER
        or after is None
        or after.block is None
        or after.block.kind not in _PROSE
        or _subtitle(before, after)
    ):
        return False
    text = block.text
    return (
        text.rstrip(TRAILING)[-1:] not in ":："
        and two_sentences(text)
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
    flags = piece.flags
    if flags & _NOT_PLAIN or block.lead:
        return False
    if not numbered and _subtitle(before, after):
        return False  # right under a real heading: its subtitle
    text = block.text
    # The neighbours first: they are cheaper to check than the text.
    nxt = after.block
    if numbered and (
        nxt.kind in _SET_APART
        or (nxt.kind is _PARAGRAPH and text.rstrip(TRAILING)[-1:] in ":：")
    ):
        pass  # a step over its code, quote or table names it, however short
    elif nxt.kind is _LIST:
        # A line over a list names it ("Online volunteers" over their tasks).
        if len(nxt.text) < 2 * len(text):
            return False
    elif (
        nxt.kind is not _PARAGRAPH
        or len(nxt.text) < 2 * len(text)
        or short_body(nxt.text)
    ):
        return False
    prev = before.block if before is not None else None
    if prev is not None:  # (a real heading before it: a numbered line)
        if prev.kind in _NOT_TEXT:
            return False
        if prev.kind is _PARAGRAPH and not announced:
            ending = prev.text.rstrip(TRAILING)[-1:]
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
    if text[0].isalpha():  # (most lines: no search for the first letter)
        return not text[0].islower()
    first = LETTER.search(text)
    return first is None or not first.group().islower()
