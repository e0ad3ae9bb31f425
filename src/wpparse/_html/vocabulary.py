"""
What HTML attributes mean, read once for the content stage and the renderers.

The content walk (:mod:`wpparse._content`) and the renderers
(:mod:`wpparse._render`) may not import each other, and both read the same
attributes: a code block's language, a lazy-loaded image's real source, where
an ordered list starts, how many columns a cell spans.  Each rule is written
here, once, as a plain function of an element or an attribute value.  Every
function takes what hostile markup can hold (superscript digits, numbers
thousands of digits long) and never raises.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any, Final, Protocol

__all__ = [
    "FOOTNOTE_LIST",
    "FOOTNOTE_REF",
    "IMAGE_SOURCES",
    "LANGUAGE",
    "LIST_START_MAX",
    "NO_TEXT",
    "PLAYER_SOURCES",
    "STRIPPED",
    "cell_span",
    "code_language",
    "footnote_label",
    "image_text",
    "is_footnote_list",
    "is_image_text",
    "list_start",
    "source_of",
]


class _Element(Protocol):
    """What these rules read of an element (lxml's, plain or ``lxml.html``)."""

    def get(self, key: str, /) -> str | None: ...


STRIPPED: Final = ("script", "style", "template", "noscript", "title")
"""Elements that show nothing: removed, with their content, before anything is read."""
NO_TEXT: Final = frozenset({"iframe", "video", "audio", "object", "canvas", "svg"})
"""Elements whose content is fallback or drawing, not text a reader sees."""

LANGUAGE: Final = re.compile(r"\b(?:language|lang)-([\w+#.-]+)|\bbrush:\s*([\w+#.-]+)")
"""A code language in a class: ``language-x``, ``lang-x`` or ``brush: x`` (SyntaxHighlighter)."""

IMAGE_SOURCES: Final = ("src", "data-src", "data-lazy-src", "data-orig-file")
"""Where an ``<img>`` keeps its source, lazy-loading plugins' attributes included."""
PLAYER_SOURCES: Final = ("src", "data-src", "data-lazy-src")
"""Where an ``<iframe>``, ``<video>``, ``<audio>`` or ``<embed>`` keeps its source."""

FOOTNOTE_REF: Final = "data-fn"
"""The attribute of a Gutenberg footnote reference (``<sup data-fn="id">``)."""
FOOTNOTE_LIST: Final = "wp-block-footnotes"
"""The class of the Gutenberg footnotes list (``<ol class="wp-block-footnotes">``)."""

_LABEL_NODES: Final = 8  # a label is read from a few text nodes, a few characters
_LABEL_CHARS: Final = 32

LIST_START_MAX: Final = 999_999_999
"""The largest ``<ol start>`` read; longer numbers are clamped to it."""
_SPAN_MAX: Final = {"colspan": 1_000, "rowspan": 65_534}  # as the HTML standard clamps
_ASCII_DIGITS: Final = re.compile(r"[0-9]+")


def code_language(el: Any) -> str | None:
    """
    The language a code block names in its classes, or those of the
    ``<code>`` inside it, lower-cased; ``None`` when it names none.

    >>> from lxml import etree
    >>> code_language(etree.fromstring('<pre class="brush: PHP; gutter: false"/>'))
    'php'
    """
    classes = " ".join(
        c
        for c in (
            el.get("class"),
            *(n.get("class") for n in el.iterdescendants("code")),
        )
        if c
    )
    match = LANGUAGE.search(classes)
    if match is None:
        return None
    return str(match.group(1) or match.group(2)).lower()


def source_of(el: _Element, names: tuple[str, ...]) -> str | None:
    """
    The first of the attributes *names* of *el* that is set, ends stripped.

    A lazy-load placeholder (a ``data:`` URL) gives way to a real source in
    a later attribute; it is the answer only when there is none.
    """
    found = None
    for name in names:
        value = el.get(name)
        if value and value.strip():
            if not value.lstrip().startswith("data:"):
                return value.strip()
            found = found or value.strip()
    return found


def _ascii_number(value: str | None) -> str | None:
    """*value*'s digits when it is an ASCII number (spaces around), leading zeros gone."""
    if not value:
        return None
    value = value.strip()
    if not _ASCII_DIGITS.fullmatch(value):  # not str.isdigit(): "²" is a digit to it
        return None
    return value.lstrip("0") or "0"


def list_start(value: str | None) -> int:
    """
    The number an ``<ol start>`` of *value* gives its first item: 1 when it
    is not an ASCII number, at most :data:`LIST_START_MAX`.

    >>> list_start(" 3 "), list_start("²"), list_start("9" * 5000)
    (3, 1, 999999999)
    """
    digits = _ascii_number(value)
    if digits is None:
        return 1
    if len(digits) > len(str(LIST_START_MAX)):  # int() refuses 4,300+ digits
        return LIST_START_MAX
    return min(int(digits), LIST_START_MAX)


def cell_span(value: str | None, name: str = "colspan") -> int:
    """
    The ``colspan`` (or, with *name*, ``rowspan``) of *value*, as a browser
    reads it: 1 when it is not an ASCII number, clamped to the standard's limit.

    >>> cell_span("2"), cell_span("²"), cell_span("9" * 5000, "rowspan")
    (2, 1, 65534)
    """
    digits = _ascii_number(value)
    if digits is None:
        return 1
    limit = _SPAN_MAX[name]
    if len(digits) > len(str(limit)):
        return limit
    number = int(digits)
    if number == 0:
        return 0 if name == "rowspan" else 1
    return min(number, limit)


def footnote_label(sup: Any) -> str:
    """
    The label of a footnote reference: its text without brackets or spaces.

    >>> from lxml import etree
    >>> footnote_label(etree.fromstring('<sup data-fn="x"><a href="#x"> [2] </a></sup>'))
    '2'
    """
    text = "".join(islice(sup.itertext(), _LABEL_NODES))[:_LABEL_CHARS]
    return "".join(text.split()).strip("[]()")


def is_footnote_list(el: _Element) -> bool:
    """Whether *el* is the footnotes list of a post (``<ol class="wp-block-footnotes">``)."""
    return FOOTNOTE_LIST in (el.get("class") or "").split()


def image_text(alt: str) -> str:
    """
    The text an image without a caption gives the plain text: its alt text,
    marked so that it can be told from the prose around it.

    >>> image_text("  A  cat ")
    '[Image: A cat]'
    """
    return f"[Image: {' '.join(alt.split())}]"


def is_image_text(text: str, alt: str | None) -> bool:
    """Whether *text* is what :func:`image_text` gives *alt* (a figure's marked alt text)."""
    return alt is not None and text == image_text(alt)
