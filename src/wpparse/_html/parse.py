"""
The one HTML parser wpparse uses: its settings, the one parse of a fragment,
and the plain text of small fragments.

Every stage parses HTML through :func:`parse_body` (or :func:`parse_div`):
the content walk once per post, the renderers again for a block's HTML.  So
the settings, the repairs and the fix-ups for what libxml2 reads differently
from a browser are written once, and the stages see the same tree.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from wpparse._html.repair import parse_repaired
from wpparse._html.vocabulary import STRIPPED

__all__ = ["PARSER", "fragment_text", "parse_body", "parse_div"]

PARSER: Final[etree.HTMLParser] = etree.HTMLParser(
    no_network=True,
    huge_tree=True,
    remove_comments=True,
    remove_pis=True,
    default_doctype=False,
    collect_ids=False,
)
"""
The parser, on lxml's plain element class (``lxml.html``'s HtmlElement costs
a class lookup, in Python, for every element it hands out).  Network access
is off, entities are not expanded from any DTD, and ``huge_tree`` lifts
libxml2's limits on text size and depth so that nothing is dropped silently.
No table of ids is built: nothing looks an element up by its id.
"""


# --- what libxml2 reads differently from a browser ------------------------------

# Void elements libxml2 does not know: it makes the text after them their content.
_VOID: Final = frozenset({"embed", "source", "track"})
# Elements whose content a browser shows in part or not at all; when one is
# never closed, libxml2 puts the rest of its parent in it.  The children a
# browser reads (a <video>'s <source>s) stay, what comes after them goes out.
_KEEP_INSIDE: Final = {
    "video": frozenset({"source", "track"}),
    "audio": frozenset({"source", "track"}),
    "picture": frozenset({"source", "img"}),
    "select": frozenset({"option", "optgroup", "hr"}),
    "canvas": frozenset(),
    "template": frozenset(),
}
_MAY_SWALLOW: Final = (*_VOID, *_KEEP_INSIDE)
# Their end tags in any case.  (Not html.lower(): on a long content it costs
# more than the parse.  ASCII case folding finds what lower() would: no
# other character lower-cases to a letter of these names.)
_END_TAG: Final = {
    tag: re.compile(f"</{tag}", re.IGNORECASE | re.ASCII) for tag in _KEEP_INSIDE
}


# What lxml refuses to set from Python although libxml2 read it into the tree.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _set_tail(el: etree._Element, text: str | None) -> None:
    """``el.tail = text``; characters lxml refuses from Python (C0 controls) are dropped."""
    try:
        el.tail = text
    except ValueError:
        el.tail = _NOT_XML.sub("", text or "")


def _move_out(el: etree._Element, keep: frozenset[str]) -> None:
    """Move what *el* holds after its leading *keep* children out, right after it."""
    children = list(el)
    first = 0
    text = None
    if not keep or (el.text and not el.text.isspace()):
        text, el.text = el.text, None
    else:
        while first < len(children) and children[first].tag in keep:
            child = children[first]
            first += 1
            if child.tail and not child.tail.isspace():
                text = child.tail
                child.tail = None
                break
    moved = children[first:]
    if not text and not moved:
        return
    parent = el.getparent()
    if parent is None:  # pragma: no cover - the body holds every element
        return
    tail = el.tail
    _set_tail(el, text)
    index = parent.index(el)
    for offset, child in enumerate(moved, 1):
        parent.insert(index + offset, child)  # its tail goes with it
    last = moved[-1] if moved else el
    if tail:
        _set_tail(last, (last.tail or "") + tail)


def _unswallow(body: etree._Element, html: str) -> None:
    """
    Give back the text libxml2 puts inside elements a browser keeps it out of.

    ``<embed>``, ``<source>`` and ``<track>`` are void: what libxml2 nests in
    them follows them.  A ``<video>``, ``<audio>``, ``<picture>``,
    ``<select>``, ``<canvas>`` or ``<template>`` whose end tag never appears
    in *html* was left open by mistake: what it swallowed (after the
    children it may hold) follows it.  One pass over the tree, in C, when
    none is there.
    """
    found = list(body.iter(*_MAY_SWALLOW))  # libxml2 lower-cases tag names
    if not found:
        return
    closed: dict[str, bool] = {}  # looked for once, for the tags found
    # Innermost first (reversed document order): each move is then final.
    for el in reversed(found):
        tag = str(el.tag)
        if tag in _KEEP_INSIDE:
            if tag not in closed:
                closed[tag] = _END_TAG[tag].search(html) is not None
            if closed[tag]:
                continue
        if len(el) or (el.text and not el.text.isspace()):
            _move_out(el, _KEEP_INSIDE.get(tag, frozenset()))


# --- the one parse -----------------------------------------------------------------


_FATAL: Final = etree.ErrorLevels.FATAL


def _parse(html: str) -> tuple[etree._Element, str]:
    # No closing </body></html>: an unclosed <textarea>, <xmp> or <plaintext>
    # would read them as text.  libxml2 closes everything at the end.
    # (Not lxml.html.fragment_fromstring(): it sets leading text from Python,
    # which refuses control characters that libxml2 itself accepts.)
    root = etree.fromstring(f"<html><body>{html}", PARSER)
    log = PARSER.error_log
    if log.last_error is None:  # most content: nothing logged at all
        return root, ""
    # The first fatal error, picked in C: a page of markup libxml2 does not
    # know (<svg>, custom tags) logs an error per tag.
    fatal = log.filter_from_level(_FATAL)
    return root, fatal[0].type_name if fatal else ""


def parse_body(html: str, where: str | None = "$") -> etree._Element:
    """
    Parse an HTML fragment and return the ``<body>`` holding it.

    *where* (a JSON path) names the fragment in the warnings of
    :func:`~wpparse._html.repair.parse_repaired`, which makes hostile markup
    safe first and never loses text silently.  ``None`` parses without
    those repairs: for HTML wpparse serialised itself from a repaired tree.
    """
    if where is None:
        root, _ = _parse(html)
    else:
        root = parse_repaired(html, where, _parse)
    # The wrapper opens the body: it is the root's first child, unless
    # libxml2 put something else first (find() then looks for it).
    body = root[0] if len(root) and root[0].tag == "body" else root.find("body")
    if body is None:  # <frameset> and the like replace the body
        body = etree.Element("body")
        body.extend(list(root))
    _unswallow(body, html)
    return body


def parse_div(html: str, where: str | None = "$") -> etree._Element:
    """:func:`parse_body`, the body renamed ``<div>``: a fragment in a wrapper."""
    body = parse_body(html, where)
    body.tag = "div"
    return body


# --- small fragments -----------------------------------------------------------------

_BREAKS = frozenset(
    {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th"}
)


def fragment_text(fragment: str, where: str = "$") -> str:
    """Return the text of *fragment*, entities decoded, without collapsing whitespace."""
    root = parse_div(fragment, where)
    etree.strip_elements(root, *STRIPPED, with_tail=False)
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if el.tag in _BREAKS:
                parts.append(" ")
            if el.text:
                parts.append(el.text)
        elif el is not root:
            if el.tag in _BREAKS:
                parts.append(" ")
            if el.tail:
                parts.append(el.tail)
    return "".join(parts)
