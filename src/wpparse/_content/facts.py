"""
The formatting facts of a short paragraph: which of bold, italic and link
cover all its text (:func:`facts`).

The pseudo-heading rules read them (:mod:`wpparse._content.pseudo_headings`):
a paragraph bold from end to end may be a heading, one all link text never
is.  :mod:`wpparse._content.element_text` reads them with the rest of a
paragraph; the compiled twin of :func:`facts` takes its tag sets from here.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from wpparse._content.vocabulary import BOLD, ITALIC, LINKED, NO_TEXT

__all__ = ["BOLD_TAGS", "FONT_BOLD", "ITALIC_TAGS", "facts", "flat_facts"]

BOLD_TAGS: Final = frozenset({"strong", "b"})
ITALIC_TAGS: Final = frozenset({"em", "i", "cite"})
FONT_BOLD: Final = re.compile(
    r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.IGNORECASE
)


def _is_bold(node: etree._Element) -> bool:
    if node.tag in BOLD_TAGS:
        return True
    style = node.get("style")
    return style is not None and FONT_BOLD.search(style) is not None


def facts(el: etree._Element) -> int:
    """
    BOLD / ITALIC / LINKED facts of a short paragraph: which cover all its text.

    Text outside the bold that has no letter (``1.``, a dash, a colon) does not
    break BOLD: ``1. <strong>Title</strong>`` is a bold title with its number.
    """
    if el.tag not in NO_TEXT and not any(len(child) for child in el):
        return flat_facts(el)
    runs: list[_Run] = []
    bold = italic = linked = 0
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        step = 1 if event == "start" else -1
        if _is_bold(node):
            bold += step
        if tag in ITALIC_TAGS:
            italic += step
        if tag == "a" and node.get("href") is not None:
            linked += step
        if event == "start":
            if tag in NO_TEXT:
                walker.skip_subtree()
                continue
            text = node.text
        else:
            text = node.tail if node is not el else None
        if text and not text.isspace():
            runs.append((text, bold > 0, italic > 0, linked > 0))
    return _flags(runs)


# A run of visible text and whether it is bold, italic and link text.
_Run = tuple[str, bool, bool, bool]


def _flat_runs(el: etree._Element) -> list[_Run]:
    """The runs of an element whose children have no children (most
    paragraphs), from one pass over the children instead of a walk."""
    runs: list[_Run] = []
    bold = _is_bold(el)
    italic = el.tag in ITALIC_TAGS
    linked = el.tag == "a" and el.get("href") is not None
    text = el.text
    if text and not text.isspace():
        runs.append((text, bold, italic, linked))
    for child in el:
        tag = child.tag
        text = child.text
        if text and tag not in NO_TEXT and not text.isspace():
            runs.append(
                (
                    text,
                    bold or _is_bold(child),
                    italic or tag in ITALIC_TAGS,
                    linked or (tag == "a" and child.get("href") is not None),
                )
            )
        text = child.tail
        if text and not text.isspace():
            runs.append((text, bold, italic, linked))
    return runs


def _flags(runs: list[_Run]) -> int:
    """BOLD unless a letter is outside the bold; ITALIC / LINKED if every run is."""
    flags = BOLD | ITALIC | LINKED
    for text, bold, italic, linked in runs:
        if not bold and flags & BOLD and any(map(str.isalpha, text)):
            flags &= ~BOLD
        if not italic:
            flags &= ~ITALIC
        if not linked:
            flags &= ~LINKED
    return flags


def flat_facts(el: etree._Element) -> int:
    """:func:`facts` of an element whose children have no children."""
    return _flags(_flat_runs(el))
