"""
The text and the formatting facts of one element of post content.

Text comes from lxml's tree directly: entities are decoded by the parser,
whitespace is collapsed within lines, ``<br>`` and block boundaries become
line breaks.  An element is read the cheapest way its shape allows
(:func:`text_shape`): its joined text nodes, its text nodes and ``<br>``s from
one XPath call, or the walk that knows blocks and hidden content.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from lxml import etree

from wpparse._content.facts import BOLD_TAGS, FONT_BOLD, ITALIC_TAGS, flat_facts
from wpparse._content.facts import facts as _pure_facts
from wpparse._content.vocabulary import (
    BR,
    BREAK,
    MEDIA_SET,
    NO_TEXT,
    PARA_BREAK,
    SPECIAL,
    anchor_of,
)
from wpparse._text import collapse

__all__ = [
    "BLOCK_TEXT",
    "BR_TEXT",
    "PLAIN_TEXT",
    "TEXT_SPECIAL",
    "ElementRead",
    "add_inline",
    "add_text",
    "code_text",
    "collect",
    "facts",
    "finish",
    "has_descendant",
    "joined_text",
    "line_of",
    "read_element",
    "read_flat",
    "read_general",
    "run_in_lead",
    "text_of",
    "text_shape",
]


def finish(parts: list[str | int]) -> str:
    """Join text parts, collapsing whitespace within lines; ints are line breaks."""
    out: list[str] = []
    line: list[str] = []
    pending = 0
    for part in parts:
        if isinstance(part, str):
            line.append(part)
            continue
        if line:
            text = collapse("".join(line))
            line.clear()
            if text:
                if out:
                    out.append("\n\n" if pending == PARA_BREAK else "\n")
                out.append(text)
                pending = 0
        if part > pending:  # noqa: PLR1730 - a compare costs less than a call to max()
            pending = part
    if line:
        text = collapse("".join(line))
        if text:
            if out:
                out.append("\n\n" if pending == PARA_BREAK else "\n")
            out.append(text)
    return "".join(out)


def collect(el: etree._Element, parts: list[str | int]) -> None:
    """Append the text of *el* (not its tail) to *parts*, with line-break markers."""
    add = parts.append
    walker = etree.iterwalk(el, events=("start", "end"))
    next(walker)  # the start of el: its text, no break before it
    if el.tag in NO_TEXT:
        return
    text = el.text
    if text:
        add(text)
    for event, node in walker:
        tag = node.tag
        # (A processing instruction's tag is a function: no break.)
        brk = BREAK.get(tag)  # type: ignore[arg-type]
        if event == "start":
            if brk is not None:
                add(brk)
            if tag in NO_TEXT:
                walker.skip_subtree()
            else:
                text = node.text
                if text:
                    add(text)
        elif node is not el:
            # What follows a block (a list's end included) starts a new
            # line: "b</li></ol><cite>Me" reads "b", then "Me".
            if brk is not None and tag != "br":
                add(brk)
            text = node.tail
            if text:
                add(text)


def joined_text(el: etree._Element) -> str:
    """
    The text nodes of *el* and its descendants, joined (not its tail).

    lxml's text serialiser does in one call to C what ``"".join(el.itertext())``
    does with a Python object per text node (8 times slower on a paragraph).
    """
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def has_descendant(el: etree._Element, tags: frozenset[str]) -> bool:
    """
    Whether *el* has a descendant whose tag is in *tags*.

    A loop in Python: lxml's ``iterdescendants(*tags)`` builds a matcher for
    every call, which costs more than walking a paragraph's few children.
    """
    return any(node.tag in tags for node in el.iterdescendants())


# What an element's text needs (text_shape): its joined text nodes, line
# breaks at its <br>s only, or the walk that knows blocks and hidden content.
PLAIN_TEXT, BR_TEXT, BLOCK_TEXT = range(3)
TEXT_SPECIAL: Final = frozenset((*BREAK, *NO_TEXT))
"""Tags that make an element's text more than its joined text nodes (see text_shape)."""
_TEXT_AND_BR: Final = etree.XPath(".//text() | .//br", smart_strings=False)


def text_shape(el: etree._Element) -> int:
    """PLAIN_TEXT, BR_TEXT or BLOCK_TEXT: how :func:`text_of` must read *el*."""
    if el.tag in NO_TEXT:
        return BLOCK_TEXT
    shape = PLAIN_TEXT
    for node in el.iterdescendants():
        if node.tag in TEXT_SPECIAL:
            if node.tag != "br":
                return BLOCK_TEXT
            shape = BR_TEXT
    return shape


def add_text(el: etree._Element, parts: list[str | int]) -> None:
    """:func:`collect`, taking the shortcuts :func:`text_of` takes."""
    shape = text_shape(el)
    if shape == PLAIN_TEXT:
        parts.append(joined_text(el))
    elif shape == BR_TEXT:
        parts.extend(_text_and_br(el))
    else:
        collect(el, parts)


_INLINE_SCAN: Final = SPECIAL | MEDIA_SET


def _scan(
    el: etree._Element, scan: frozenset[str], shape: int, found: list[etree._Element]
) -> tuple[int, bool]:
    """
    One pass over *el*'s descendants: append its ``<a>`` elements to *found*,
    and return the text shape (*shape* to start with, as :func:`text_shape`
    reads it) and whether a tag of *scan* that is an image or a player is there.
    """
    media = False
    for node in el.iterdescendants():
        name = node.tag
        if name == "a":
            found.append(node)
        elif name in scan:
            if name in MEDIA_SET:
                media = True
            if name == "br":
                if shape == PLAIN_TEXT:
                    shape = BR_TEXT
            elif name in TEXT_SPECIAL:
                shape = BLOCK_TEXT
    return shape, media


def add_inline(
    el: etree._Element, parts: list[str | int]
) -> tuple[bool, list[etree._Element]]:
    """
    Read an element of a run of loose inline content in one pass over its descendants.

    Appends its text to *parts* as :func:`add_text` does, and returns whether
    it holds an image or a player (a ``<picture>`` included) and its links:
    itself if it is an ``<a>``, else the ``<a>`` elements inside it, in
    document order.

    >>> from lxml import html
    >>> parts = []
    >>> add_inline(html.fragment_fromstring('<span>a <a href="/x">b</a></span>'), parts)[1][0].text
    'b'
    >>> parts
    ['a b']
    """
    tag = el.tag
    found = [el] if tag == "a" else []
    if not len(el):
        if tag in NO_TEXT:
            return False, found
        text = el.text
        parts.append(text if text is not None else "")
        return False, found
    # A link's own links are not read: the walk keeps the outer one.
    shape, media = _scan(
        el,
        _INLINE_SCAN,
        BLOCK_TEXT if tag in NO_TEXT else PLAIN_TEXT,
        found if tag != "a" else [],
    )
    if shape == PLAIN_TEXT:
        parts.append(joined_text(el))
    elif shape == BR_TEXT:
        parts.extend(_text_and_br(el))
    else:
        collect(el, parts)
    return media, found


def _text_and_br(el: etree._Element) -> list[str | int]:
    """
    Text nodes and ``<br>`` markers of *el* in document order, from one XPath
    call: the parts :func:`collect` gives an element whose only line breaks
    are ``<br>``, without a Python step per event.
    """
    found = _TEXT_AND_BR(el)
    assert isinstance(found, list)  # noqa: S101 - for mypy: a node-set query
    return [item if isinstance(item, str) else BR for item in found]


def text_of(el: etree._Element, *, shape: int | None = None) -> str:
    """
    The plain text of *el*: entities decoded, whitespace collapsed within lines.

    *shape* is :func:`text_shape` of *el*, when the caller already knows it.
    """
    if not len(el):
        text = el.text
        return collapse(text) if text else ""
    if shape is None:
        shape = text_shape(el)
    if shape == PLAIN_TEXT:
        return collapse(joined_text(el))
    if shape == BR_TEXT:
        return finish(_text_and_br(el))
    parts: list[str | int] = []
    collect(el, parts)
    return finish(parts)


def line_of(el: etree._Element) -> str:
    """The text of *el* on one line (for titles)."""
    return " ".join(text_of(el).split())


facts = _pure_facts
"""The formatting facts of a short paragraph (:func:`wpparse._content.facts.facts`)."""

_BR_OR_NO_TEXT: Final = NO_TEXT | {"br"}


def code_text(el: etree._Element) -> str:
    """The text of a ``<pre>``, whitespace kept; ``<br>`` is a newline."""
    if not has_descendant(el, _BR_OR_NO_TEXT):
        text = joined_text(el)
    else:
        parts: list[str] = []
        walker = etree.iterwalk(el, events=("start", "end"))
        for event, node in walker:
            if event == "start":
                if node.tag == "br":
                    parts.append("\n")
                if node.tag in NO_TEXT:
                    walker.skip_subtree()
                elif node.text:
                    parts.append(node.text)
            elif node is not el and node.tail:
                parts.append(node.tail)
        text = "".join(parts)
    return text.strip("\r\n")


def run_in_lead(el: etree._Element, text: str) -> str | None:
    """The bold run-in phrase a paragraph opens with (``In conclusion,``), if any."""
    first = el[0]
    if first.tag not in BOLD_TAGS or (el.text and not el.text.isspace()):
        return None
    lead = line_of(first)
    if not lead or len(lead) >= len(text):
        return None
    return lead


class ElementRead(NamedTuple):
    """
    What :func:`read_element` reads of a paragraph or a heading.

    ``text`` is :func:`text_of` of the element; ``anchors`` its ``<a>``
    descendants in document order (with or without ``href``: the caller's
    link reader decides); ``media`` whether it holds an image or a player
    (an ``<img>``, not its ``<picture>``); ``facts`` :func:`facts` of the
    element (``BOLD`` / ``ITALIC`` / ``LINKED``), or 0 when ``text`` is
    longer than the *short* limit given; ``lead`` :func:`run_in_lead`
    (``None`` when ``text`` is empty); ``anchor``
    :func:`~wpparse._content.vocabulary.anchor_of` when ``text`` is short (a
    heading's or a pseudo heading's anchor), else (and when ``text`` is
    empty) the element's own ``id`` as written.
    """

    text: str
    anchors: list[etree._Element]
    media: bool
    facts: int
    lead: str | None
    anchor: str | None


def read_element(el: etree._Element, short: int) -> ElementRead:
    """
    Read a paragraph or a heading: its text, links, media, facts, lead and anchor.

    An element whose children hold only text (most paragraphs with links or
    emphasis) is read in one pass over its children.  Otherwise one pass over
    the descendants finds the links, the images and players, and what the
    text needs to know (line breaks, blocks, hidden content); the text then
    comes from lxml in one call when nothing breaks its lines
    (:func:`text_of`).  The formatting facts and the anchor, which only
    matter to a paragraph that may be a heading, are read only for text of at
    most *short* characters; the run-in lead looks at the first child only.

    The pure-Python reference of the walk's inner loop: whatever reads a
    paragraph faster must give the same :class:`ElementRead`.

    >>> from lxml import html
    >>> p = html.fragment_fromstring('<p id="x"><b>Note:</b> read <a href="/a">this</a></p>')
    >>> r = read_element(p, 200)
    >>> r.text, [a.get("href") for a in r.anchors], r.facts, r.lead, r.anchor
    ('Note: read this', ['/a'], 0, 'Note:', 'x')
    >>> read_element(html.fragment_fromstring("<p><b><i>Part one</i></b></p>"), 200).facts == BOLD | ITALIC
    True
    """
    flat = read_flat(el, short)
    return flat if flat is not None else read_general(el, short)


def read_general(el: etree._Element, short: int) -> ElementRead:
    """:func:`read_element` of any element, by the general reading (the flat one's reference)."""
    found: list[etree._Element] = []
    shape, media = _scan(el, SPECIAL, PLAIN_TEXT, found)
    text = text_of(el, shape=shape)
    if not text:
        return ElementRead(text, found, media, 0, None, el.get("id"))
    lead = run_in_lead(el, text) if len(el) else None
    if len(text) > short:
        return ElementRead(text, found, media, 0, lead, el.get("id"))
    return ElementRead(text, found, media, facts(el), lead, anchor_of(el))


# A child that makes an element more than flat text for read_flat: a block,
# hidden content or an image (a <br> it reads itself).
_NOT_FLAT: Final = SPECIAL - {"br"}


def read_flat(el: etree._Element, short: int) -> ElementRead | None:
    """
    :func:`read_element` of an element whose children hold only text (most
    paragraphs with links or emphasis), in one pass over its children; or
    ``None`` when it has no children, is hidden content, or a child has
    children, is special (:data:`_NOT_FLAT`) or is a comment: the general
    reading is taken then.

    It gives what the general reading gives: the text as :func:`text_of`
    reads it (the joined text nodes, or with ``<br>`` breaks as
    :func:`finish` joins them), no media, and the facts, lead and anchor
    from the same functions, read without walking the element again.
    """
    if not len(el) or el.tag in NO_TEXT:
        return None
    head = el.text
    parts: list[str | int] = [head] if head else []
    found: list[etree._Element] = []
    lines = media = False  # no image: an <img> is special
    for child in el:
        tag = child.tag
        if len(child) or tag in _NOT_FLAT or not isinstance(tag, str):
            return None
        if tag == "a":
            found.append(child)
        elif tag == "br":
            parts.append(BR)
            lines = True
        text = child.text
        if text:
            parts.append(text)
        text = child.tail
        if text:
            parts.append(text)
    text = finish(parts) if lines else collapse("".join(parts))  # type: ignore[arg-type]
    if not text:
        return ElementRead(text, found, media, 0, None, el.get("id"))
    lead = run_in_lead(el, text)
    if len(text) > short:
        return ElementRead(text, found, media, 0, lead, el.get("id"))
    return ElementRead(text, found, media, flat_facts(el), lead, anchor_of(el))


# The compiled twins of text_of, facts and read_element (wpparse._speedups),
# when built and not switched off; the functions above stay the reference.
from wpparse._speedups import compiled as _compiled  # noqa: E402 - after the reference

pure_text_of, pure_facts, pure_read_element = text_of, _pure_facts, read_element
if _compiled is not None:
    _compiled.configure(
        no_text=NO_TEXT,
        breaks=BREAK,
        bold=BOLD_TAGS,
        italic=ITALIC_TAGS,
        br=BR,
        font_bold=FONT_BOLD,
        text_of=pure_text_of,
        special=SPECIAL,
        media=MEDIA_SET,
        element_read=ElementRead,
        read_element=pure_read_element,
    )
    text_of = _compiled.text_of
    facts = _compiled.facts
    read_element = _compiled.read_element
