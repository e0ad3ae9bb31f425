"""
Stage 3, the decisions: which pieces of the stream are headings, and by which rule.

:func:`heading_styles` applies the pseudo-heading rules of
:mod:`wpparse._content.pseudo_headings` to the stream, each paragraph with the
pieces around it: numbered series and their steps, labels and the fields of
forms, runs of candidate lines.  :mod:`wpparse._content.sections` builds the
tree from what it decides.
"""

from __future__ import annotations

from typing import Final

from wpparse._content.pseudo_headings import (
    bold_heading,
    bold_slogan,
    line_heading,
    over_list,
)
from wpparse._content.stream import Piece
from wpparse._content.titles import (
    FIELD_VALUE_WORDS,
    MAX_TITLE_CHARS,
    counted_label,
    echoes_title,
    is_field_label,
    series_mark,
    short_body,
)
from wpparse._content.vocabulary import BOLD
from wpparse._model.content import Block, BlockKind, HeadingSource

__all__ = ["heading_styles"]

# Enum members read once, here: on Python 3.11 reading one off its class is a
# call (EnumType has a __getattr__), a global is a dict lookup.
_PARAGRAPH: Final = BlockKind.PARAGRAPH
_HTML: Final = HeadingSource.HTML
_BOLD: Final = HeadingSource.BOLD
_LINE: Final = HeadingSource.LINE
_MEDIA_KINDS = frozenset({BlockKind.FIGURE, BlockKind.EMBED, BlockKind.SEPARATOR})
# Blocks a bare `Label:` over them names: none is a field's value.  (Over an
# image, a label reads as its caption: "Before:", "After:".)
_NAMED_BLOCKS = frozenset(
    {BlockKind.LIST, BlockKind.CODE, BlockKind.QUOTE, BlockKind.TABLE, BlockKind.EMBED}
)


def heading_styles(
    pieces: list[Piece], rule: str, title: str | None = None
) -> list[HeadingSource | None]:
    """Decide, for every piece, whether it is a heading and by which rule."""
    styles: list[HeadingSource | None] = [
        _HTML if piece.block is None else None for piece in pieces
    ]
    if rule == "html":
        return styles
    # The short paragraphs: longer text is never title-like, and a list item,
    # even of a one-item list, keeps its list and its number.  Only these are
    # judged, and only these can be pseudo headings.
    short = [
        (i, piece, block)
        for i, piece in enumerate(pieces)
        if (block := piece.block) is not None
        and block.kind is _PARAGRAPH
        and len(block.text) <= MAX_TITLE_CHARS
    ]
    if not short:
        return styles
    n = len(pieces)
    # The first line of text (images and embeds before it aside).
    first = next(
        (
            i
            for i, p in enumerate(pieces)
            if p.block is None or p.block.kind not in _MEDIA_KINDS
        ),
        None,
    )
    series, steps = _numbered(short)
    announcers: set[int] = set()
    namers: set[int] = set()  # bold headings ending with a colon or over a list
    slogans: list[int] = []  # bold lines of two sentences: headings by habit
    pseudo: list[int] = []  # where the pseudo headings are, in order
    for i, piece, block in short:
        if i in steps:
            continue  # a step of a list written as paragraphs
        before = pieces[i - 1] if i else None
        after = pieces[i + 1] if i + 1 < n else None
        numbered = i in series
        # Right under a numbered pseudo heading ending with a colon
        # ("Day 1:"), which announces it.
        prior = before.block if before is not None else None
        announced = (
            i - 1 in series
            and styles[i - 1] is not None
            and prior is not None
            and prior.text.rstrip().endswith((":", "："))
        )
        if bold_heading(piece, before, after, numbered=numbered):
            style = _BOLD
        elif rule == "auto" and line_heading(
            piece, before, after, numbered=numbered, announced=announced
        ):
            style = _LINE
        else:
            if (
                piece.flags & BOLD
                and bold_slogan(piece, before, after)
                and not (i == first and echoes_title(block.text, title))
            ):
                slogans.append(i)
            continue
        # A first line repeating the post's title is an echo, not a
        # section (asked last: comparing the words costs more than the rules).
        if i == first and echoes_title(block.text, title):
            continue
        if not _bare_label(pieces, i):
            styles[i] = style
            pseudo.append(i)
            if announced:
                announcers.add(i - 1)
            if style is _BOLD and _names_next(block, after):
                namers.add(i)
    if not pseudo:
        return styles  # real headings only: nothing to settle
    if slogans and any(styles[i] is _BOLD for i in pseudo):
        # The author marks headings in bold: two short sentences in bold
        # over prose are one of them too.
        for i in slogans:
            styles[i] = _BOLD
        pseudo = sorted(pseudo + slogans)
    # One short line alone in a post is weak evidence ("Let's get started"):
    # it needs a sibling, a paragraph announcing it with a colon, or to open
    # the content (a headline).
    lines = [i for i in pseudo if styles[i] is _LINE]
    if len(lines) == 1:
        (i,) = lines
        prior = pieces[i - 1].block if i else None
        if prior is not None and not prior.text.rstrip().endswith((":", "：")):
            styles[i] = None
            pseudo.remove(i)
    _runs(styles, pseudo, announcers, namers)
    return styles


def _numbered(
    short: list[tuple[int, Piece, Block]],
) -> tuple[frozenset[int], frozenset[int]]:
    """
    The *short* paragraphs that are items of a numbered series, and the steps among them.

    An item opens with a number (``1.``, ``2、``, ``(3)``, ``2.1.``) and
    another paragraph, bold or plain as it is, has the number before or after
    it in the same style, or is its parent (``1)`` for ``1.3)``) or its child.
    A step is an item right over the next item: a list written as paragraphs.
    """
    marks: dict[int, tuple[str, tuple[int, ...], bool]] = {}
    for i, piece, block in short:
        text = block.text
        if (mark := series_mark(text) or counted_label(text)) is not None:
            marks[i] = (*mark, bool(piece.flags & BOLD))
    if not marks:
        return frozenset(), frozenset()
    seen = set(marks.values())
    parents = {(style, ns[:-1], bold) for style, ns, bold in seen if len(ns) > 1}
    series = frozenset(
        i
        for i, (style, ns, bold) in marks.items()
        if (style, (*ns[:-1], ns[-1] - 1), bold) in seen
        or (style, (*ns[:-1], ns[-1] + 1), bold) in seen
        or (len(ns) > 1 and (style, ns[:-1], bold) in seen)
        or (style, ns, bold) in parents
    )
    # An item right over the next one is a step of a list written as
    # paragraphs: nothing of its own under it.
    steps = frozenset(
        i
        for i in series
        if (nxt := marks.get(i + 1)) is not None
        and nxt[0] == marks[i][0]
        and nxt[1] == (*marks[i][1][:-1], marks[i][1][-1] + 1)
    )
    return series, steps


def _bare_label(pieces: list[Piece], i: int) -> bool:
    """
    A ``Label:`` with its value on the next line, or over another field.

    ``Fax:`` over ``E-mail: office@example.org``, ``Address:`` over a short
    line, ``Goal:`` over a paragraph and then ``Duration:``: fields of an
    imprint, a spec sheet or a form, not a heading over a section.  A label
    over a list, code, a quote, a table or a video, or over several lines none
    of them a field (``How to use:`` over its steps), heads them
    (:func:`_heads_lines`).
    """
    block = pieces[i].block
    if block is None or not block.text.rstrip().endswith((":", "：")):
        return False
    if not is_field_label(block.text) or _heads_lines(pieces, i):
        return False
    nxt = pieces[i + 1].block if i + 1 < len(pieces) else None
    if nxt is None or is_field_label(nxt.text) or short_body(nxt.text):
        return True
    # Label, value, label: the fields of a form, each value a paragraph (but
    # a label over code or a list names it, and is no field).
    later = pieces[i + 2].block if i + 2 < len(pieces) else None
    return (
        later is not None
        and _is_bare_field(later)
        and not _over_named_block(pieces, i + 2)
    )


def _over_named_block(pieces: list[Piece], i: int) -> bool:
    """Whether a list, code, a quote, a table or a video follows the piece at *i*."""
    nxt = pieces[i + 1].block if i + 1 < len(pieces) else None
    return nxt is not None and nxt.kind in _NAMED_BLOCKS


def _is_bare_field(block: Block) -> bool:
    text = block.text.rstrip()
    return text.endswith((":", "：")) and is_field_label(text)


def _heads_lines(pieces: list[Piece], i: int, depth: int = 0) -> bool:
    """
    Whether a ``Label:`` at *i* heads what follows it rather than hold one value.

    It does over a list, code, a quote, a table or a video (no field's value),
    over two or more paragraphs none of which is a field, over a line of more
    than a value's words leading into one of those blocks, and over a
    ``Label:`` that itself heads such lines (a sub-label).
    """
    after = pieces[i + 1 : i + 3]
    blocks = [p.block for p in after if p.block is not None]
    if not blocks or len(blocks) < len(after):
        return False  # the end, or a real heading next
    first = blocks[0]
    if _over_named_block(pieces, i):
        return True
    if first.kind is not _PARAGRAPH:
        return False
    if is_field_label(first.text):
        return (
            depth == 0
            and first.text.rstrip().endswith((":", "："))
            and _heads_lines(pieces, i + 1, depth + 1)
        )
    if len(blocks) < 2:  # noqa: PLR2004 - two blocks make a run
        return False
    second = blocks[1]
    if second.kind in _NAMED_BLOCKS:
        # A line leading into code or a list ("We call the API like this:"),
        # longer than a field's value.
        return len(first.text.split()) > FIELD_VALUE_WORDS
    return second.kind is _PARAGRAPH and not is_field_label(second.text)


def _names_next(block: Block, after: Piece | None) -> bool:
    """Whether a heading ends with a colon or is over a list: it names what follows."""
    return block.text.rstrip().endswith((":", "：")) or over_list(after)


def _runs(
    styles: list[HeadingSource | None],
    pseudo: list[int],
    announcers: set[int],
    namers: set[int],
) -> None:
    """
    A pseudo heading needs something under it: settle runs of pseudo headings
    (*pseudo*, where they are, in order).

    A pseudo heading right before a real heading or at the end is just bold
    text.  Two bold lines over content are a heading and its subtitle (a
    speaker's name and credentials, a title and its dek), unless the second
    is one of the *namers* (it ends with a colon or is over a list, and so
    names what follows): then both are headings.  Three or more are an
    address or a signature block, none a heading.  Otherwise only the last
    of a run of lines is one, but a bold heading keeps a line sub-heading
    right under it, and one of the *announcers* (a heading ending with a
    colon, ``Day 1:``) the heading it announces.
    """
    n = len(styles)
    raw = styles.copy()
    html = _HTML
    bold = _BOLD
    # Only the pseudo headings are looked at: most pieces are neither.
    count = len(pseudo)
    k = 0
    while k < count:
        i = end = pseudo[k]
        k += 1
        while k < count and pseudo[k] == end + 1:
            end += 1
            k += 1
        if end + 1 >= n or raw[end + 1] is html:
            for j in range(i, end + 1):
                styles[j] = None
        elif end == i:
            continue  # one pseudo heading over content: it stays
        elif all(raw[j] is bold for j in range(i, end + 1)):
            for j in range(i, end + 1):
                styles[j] = None
            if end == i + 1:  # a heading and its subtitle
                styles[i] = bold
                if end in namers:  # or two headings, the second naming a part
                    styles[end] = bold
        else:
            for j in range(i, end):
                if not ((raw[j] is bold and raw[j + 1] is _LINE) or j in announcers):
                    styles[j] = None
