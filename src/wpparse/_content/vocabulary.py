"""
Elements of post content: the parse, what each tag is, an element's HTML and anchor.

Shared by the block walker (:mod:`wpparse._content.walk`) and the modules that
build its pieces (:mod:`wpparse._content.pieces`, :mod:`wpparse._content.blocks`);
nothing here walks the whole document.  An element's text and formatting
facts are read by :mod:`wpparse._content.element_text`.
"""

from __future__ import annotations

import re
from enum import IntEnum, IntFlag
from typing import Final

from lxml import etree

from wpparse._html.parse import parse_body
from wpparse._html.vocabulary import NO_TEXT, STRIPPED

__all__ = [
    "ATTACHMENT",
    "BLOCK_TAGS",
    "BOLD",
    "BR",
    "BREAK",
    "BREAKS",
    "CAPTION",
    "CAPTION_HINT",
    "CODE",
    "CONTAINERS",
    "EMBED",
    "FIGURE",
    "HEADING",
    "HEADINGS",
    "INLINE",
    "ITALIC",
    "LEVEL",
    "LINKED",
    "LIST",
    "LOOSE",
    "MEDIA",
    "MEDIA_SET",
    "MEDIA_TAGS",
    "NO_TEXT",
    "OTHER",
    "PARA",
    "PARA_BREAK",
    "QUOTE",
    "ROLE",
    "SEP",
    "SINGLE",
    "SPECIAL",
    "STRIPPED",
    "TABLE",
    "TRANSPARENT",
    "WP_IMAGE",
    "Break",
    "Fact",
    "Role",
    "anchor_of",
    "content_root",
    "is_caption_hint",
    "serialise",
]

HEADINGS: Final = ("h1", "h2", "h3", "h4", "h5", "h6")
LEVEL: Final = {tag: n for n, tag in enumerate(HEADINGS, 1)}


class Role(IntEnum):
    """
    What an element of the content becomes in the walk.

    The numbers mean nothing (nothing compares roles by order); the walk and
    :class:`~wpparse._content.pieces.Pieces` compare them by identity.
    """

    TRANSPARENT = 0
    """A wrapper: its children are blocks of the article, its loose text a paragraph."""
    HEADING = 1
    PARA = 2
    LIST = 3
    QUOTE = 4
    TABLE = 5
    FIGURE = 6
    EMBED = 7
    CODE = 8
    SEP = 9
    """A thematic break (``<hr>``)."""
    OTHER = 10
    """A form, ``<details>``, a dialog ...: one block of its text."""
    INLINE = 11
    """Inline content: part of the paragraph being built."""


# The members by name, for the walk's hot loop (a global, not an attribute).
TRANSPARENT: Final = Role.TRANSPARENT
HEADING: Final = Role.HEADING
PARA: Final = Role.PARA
LIST: Final = Role.LIST
QUOTE: Final = Role.QUOTE
TABLE: Final = Role.TABLE
FIGURE: Final = Role.FIGURE
EMBED: Final = Role.EMBED
CODE: Final = Role.CODE
SEP: Final = Role.SEP
OTHER: Final = Role.OTHER
INLINE: Final = Role.INLINE
ROLE: Final[dict[str, Role]] = {
    **dict.fromkeys(
        (
            "div",
            "section",
            "article",
            "main",
            "header",
            "footer",
            "aside",
            "nav",
            "center",
            "hgroup",
            "address",
            "body",
            "html",
            "li",
            "dd",
            "dt",
            "tr",
            "td",
            "th",
            "thead",
            "tbody",
            "tfoot",
            "caption",
            "figcaption",
            "summary",
            "legend",
            "search",
        ),
        TRANSPARENT,
    ),
    **dict.fromkeys(HEADINGS, HEADING),
    "p": PARA,
    **dict.fromkeys(("ul", "ol", "dl", "menu", "dir"), LIST),
    "blockquote": QUOTE,
    "table": TABLE,
    "figure": FIGURE,
    **dict.fromkeys(("iframe", "video", "audio", "embed", "object"), EMBED),
    **dict.fromkeys(("pre", "listing", "xmp", "plaintext"), CODE),
    "hr": SEP,
    **dict.fromkeys(
        ("form", "fieldset", "details", "dialog", "textarea", "select"), OTHER
    ),
}
BLOCK_TAGS: Final = tuple(tag for tag, role in ROLE.items() if role != INLINE)
CONTAINERS: Final = frozenset(
    tag
    for tag, role in ROLE.items()
    if role in {LIST, QUOTE, TABLE, FIGURE, CODE, OTHER}
) | {"li", "td", "th", "dd", "dt"}
"""Elements whose headings title only themselves (a table cell, a quote ...)."""


class Break(IntEnum):
    """How an element breaks a line of text."""

    BR = 1
    """A new line."""
    PARA = 2
    """A new paragraph (a blank line)."""


BR: Final = Break.BR
PARA_BREAK: Final = Break.PARA
BREAK: Final[dict[str, Break]] = dict.fromkeys(ROLE, PARA_BREAK)
"""How each tag breaks a line of text."""
_LINE_BREAKERS: Final = (
    *("br", "li", "dt", "dd", "tr", "td", "th", "caption", "figcaption"),
    *("summary", "option", "ul", "ol", "dl", "menu", "dir"),
    *("table", "thead", "tbody", "tfoot"),
)
BREAK.update(dict.fromkeys(_LINE_BREAKERS, BR))
SPECIAL: Final = frozenset((*BREAK, *NO_TEXT, "img"))
"""Tags that make an element's text more than its joined text nodes."""
MEDIA_TAGS: Final = ("img", "iframe", "video", "audio", "embed", "object", "picture")
MEDIA_SET: Final = frozenset(MEDIA_TAGS)


class Fact(IntFlag):
    """
    What the section stage needs to know of a paragraph (``Piece.flags``).

    The walk combines them with ``|`` and ``&`` as plain ints (an
    :class:`~enum.IntFlag` operation costs a microsecond, in Python, and the
    walk makes several per paragraph); ``Fact(piece.flags)`` reads them back.
    """

    BOLD = 1
    """Every visible character is bold."""
    ITALIC = 2
    """Every visible character is italic."""
    LINKED = 4
    """Every visible character is link text."""
    BREAKS = 8
    """The paragraph has a line break (``<br>``)."""
    CAPTION = 16
    """Its class says it is a caption, credit, byline, date or button: never a heading."""
    LOOSE = 32
    """Loose text in a wrapper, not a ``<p>``."""
    MEDIA = 64
    """It holds an image or a player besides its text."""
    SINGLE = 128
    """A list of one short item (which may be a heading in disguise)."""


BOLD: Final = int(Fact.BOLD)
ITALIC: Final = int(Fact.ITALIC)
LINKED: Final = int(Fact.LINKED)
BREAKS: Final = int(Fact.BREAKS)
CAPTION: Final = int(Fact.CAPTION)
LOOSE: Final = int(Fact.LOOSE)
MEDIA: Final = int(Fact.MEDIA)
SINGLE: Final = int(Fact.SINGLE)
_HINT_WORDS: Final = (
    r"caption|credit|byline|author|posted|meta|date|time|source|footnote|button|btn"
)
CAPTION_HINT: Final = re.compile(_HINT_WORDS, re.IGNORECASE)
# The same words in lower case: sre scans for their first letters at C speed,
# where IGNORECASE tries every position (page builders' classes are long).
_HINT_LOWER: Final = re.compile(_HINT_WORDS)


def is_caption_hint(classes: str) -> bool:
    """
    Whether a ``class`` attribute names a caption, credit, byline, date or button (:data:`CAPTION_HINT`).

    >>> is_caption_hint("wp-caption-text"), is_caption_hint("has-text-align-center")
    (True, False)
    """
    if classes.isascii():
        # In ASCII text, ignoring case is lower-casing (IGNORECASE also
        # matches a few non-ASCII letters, such as the long s).
        return _HINT_LOWER.search(classes.lower()) is not None
    return CAPTION_HINT.search(classes) is not None


# An attachment id is a database id: ASCII digits, at most 19 (int() would
# refuse a number thousands of digits long; "\d" would take any script's digits).
WP_IMAGE: Final = re.compile(r"\bwp-image-([0-9]{1,19})\b")
ATTACHMENT: Final = re.compile(r"^attachment_([0-9]{1,19})$")


def content_root(html: str, where: str = "content") -> etree._Element | None:
    """
    Parse *html* (post content) and return its ``<body>``, or ``None`` if empty.

    Never raises and never drops text silently: what would make libxml2 lose
    text or slow down (lone surrogates, nesting past its depth limit, a stray
    ``</body>``, thousands of attributes) is repaired, with a
    :class:`~wpparse.WPParseWarning` naming *where* (see
    :func:`wpparse._html.parse.parse_repaired`).
    """
    if html[:1] == "\ufeff":  # a byte order mark pasted into the content
        html = html.lstrip("\ufeff")
    if not html or html.isspace():
        return None
    return parse_body(html, where)


def serialise(el: etree._Element) -> str:
    return etree.tostring(el, encoding="unicode", method="html", with_tail=False)


def anchor_of(el: etree._Element) -> str | None:
    """The id of *el* (or its ``name``, for an ``<a>``), else the first id or ``<a name>`` inside it."""
    ident = el.get("id") or (el.get("name") if el.tag == "a" else None)
    if ident:
        return ident.strip() or None
    for node in el.iterdescendants():
        ident = node.get("id") or (node.get("name") if node.tag == "a" else None)
        if ident and ident.strip():
            return ident.strip()
    return None


# The compiled twin of anchor_of (wpparse._speedups), when built and not
# switched off; the function above stays the reference.
from wpparse._speedups import compiled as _compiled  # noqa: E402 - after the reference

pure_anchor_of = anchor_of
if _compiled is not None:
    anchor_of = _compiled.anchor_of
