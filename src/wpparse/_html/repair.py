"""
Input repair: make hostile text safe for the later stages without losing any of it.

libxml2 (under lxml) has limits that lose text silently: it cuts a text node at
a lone surrogate, stops building the tree past a nesting depth, and slows down
quadratically with thousands of attributes on one tag.  The functions here
repair such markup *before* it reaches lxml, and say what they changed with a
:class:`~wpparse.WPParseWarning` (lone surrogates are repaired by
:func:`wpparse._text.fix_surrogates`, for every string, markup or not).

Every function has a fast path (a C-speed search) so that ordinary input pays
next to nothing.  This module does not import lxml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import escape, unescape
from typing import TypeVar

from wpparse._text import fix_surrogates, warn

__all__ = [
    "MAX_ATTRIBUTES",
    "MAX_DEPTH",
    "flatten_deep_nesting",
    "parse_repaired",
    "strip_excess_attributes",
    "strip_tags",
]

MAX_ATTRIBUTES = 1_000
"""Attributes kept on one tag; libxml2 checks duplicates in quadratic time beyond."""

MAX_DEPTH = 1_000
"""Elements kept open at once; libxml2 stops building the tree at 2,048 (with huge_tree)."""

# --- attributes --------------------------------------------------------------

# A tag with MAX_ATTRIBUTES attributes spans at least 2 * MAX_ATTRIBUTES
# characters.  Unless its attribute values hide a '>', the first pattern finds
# it (fast: one bounded scan per '<').  Values holding a '>' are rare (WordPress
# escapes them); only a text with that many '=' and such a value is scanned tag
# by tag.
_LONG_TAG = re.compile(f"<[^>]{{{2 * MAX_ATTRIBUTES}}}")
_ANGLE_IN_VALUE = re.compile(r"""=\s*(?:"[^"<>]*>|'[^'<>]*>)""")
_ATTR = r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]*))?"""
_ATTR_RE = re.compile(_ATTR)
_TAG_START = re.compile(r"<[A-Za-z][^\s/<>]*")


def _candidates(html: str) -> Iterator[int]:
    """Yield the offsets of the start tags that may carry too many attributes."""
    if html.count("=") >= MAX_ATTRIBUTES and _ANGLE_IN_VALUE.search(html):
        for match in _TAG_START.finditer(html):
            yield match.start()
        return
    for match in _LONG_TAG.finditer(html):
        yield match.start()


def strip_excess_attributes(html: str, where: str) -> str:
    """
    Drop attributes past the first :data:`MAX_ATTRIBUTES` of any tag, with a warning.

    Attributes hold no visible text, and a real tag never has that many; what
    they cost libxml2 grows with the square of their number.
    """
    if len(html) < 2 * MAX_ATTRIBUTES:
        return html
    pieces: list[str] = []
    pos = 0
    dropped = 0
    for start in _candidates(html):
        if start < pos:
            continue
        name = _TAG_START.match(html, start)
        if name is None:
            continue
        end = name.end()
        count = 0
        keep = end
        while (attr := _ATTR_RE.match(html, end)) is not None and attr.end() > end:
            count += 1
            if count == MAX_ATTRIBUTES:
                keep = attr.end()
            end = attr.end()
        if count > MAX_ATTRIBUTES:
            pieces.append(html[pos:keep])
            pos = end
            dropped += count - MAX_ATTRIBUTES
    if not dropped:
        return html
    pieces.append(html[pos:])
    warn(
        f"dropped {dropped} attributes past the first {MAX_ATTRIBUTES} of a tag "
        f"(no text is lost) @ {where}"
    )
    return "".join(pieces)


# --- nesting -----------------------------------------------------------------

# Possessive: a "<a" followed by a long run and no ">" fails at once, where
# backtracking into the name would make it quadratic.
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/<>]*+)([^<>]*+)>")
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)


def flatten_deep_nesting(html: str, where: str, limit: int = MAX_DEPTH) -> str:
    """
    Drop the tags of elements nested deeper than *limit*, keeping their text.

    Depth is tracked as an HTML parser would, approximately: void elements and
    ``<x/>`` open nothing, an end tag closes up to its open element, and a
    stray end tag is ignored.  The inner elements' text stays, in order, as
    text of their deepest kept ancestor; a warning says how many tags went.
    Runs in time linear in the input.
    """
    pieces: list[str] = []
    stack: list[str] = []
    open_count: dict[str, int] = {}
    dropped_open: dict[str, int] = {}
    dropped = 0
    pos = 0
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        self_closing = match.group(3).endswith("/")
        keep = True
        if closing:
            if dropped_open.get(name):
                dropped_open[name] -= 1
                keep = False
            elif open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
        elif name not in _VOID and not self_closing:
            if len(stack) >= limit:
                dropped_open[name] = dropped_open.get(name, 0) + 1
                keep = False
            else:
                stack.append(name)
                open_count[name] = open_count.get(name, 0) + 1
        if not keep:
            dropped += 1
            pieces.append(html[pos : match.start()])
            pos = match.end()
    if not dropped:
        return html
    pieces.append(html[pos:])
    warn(
        f"content nested deeper than {limit} elements: dropped {dropped} inner tags, "
        f"their text is kept @ {where}"
    )
    return "".join(pieces)


_HIDDEN_START = re.compile(
    r"<(script|style|template|noscript|title)\b|<!--", re.IGNORECASE
)
_ANY_TAG = re.compile(r"<[!/?A-Za-z][^<>]*>")


def _drop_hidden(html: str) -> str:
    """
    *html* without its scripts, styles and comments (an element not closed
    stays, tag aside).  Linear: each search for an end starts where the last
    one ended, and a name found unclosed once is never searched for again.
    """
    pieces: list[str] = []
    pos = 0
    unclosed: set[str] = set()
    for start in _HIDDEN_START.finditer(html):
        if start.start() < pos:
            continue
        name = (start.group(1) or "").lower()
        if not name:  # a comment: to its end, or to the end of the text
            end = html.find("-->", start.end())
            end = len(html) if end < 0 else end + 3
        else:
            if name in unclosed:
                continue
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(
                html, start.end()
            )
            if close is None:
                unclosed.add(name)
                continue
            end = close.end()
        pieces.append(html[pos : start.start()])
        pieces.append(" ")
        pos = end
    pieces.append(html[pos:])
    return "".join(pieces)


def strip_tags(html: str, where: str, reason: str) -> str:
    """
    Return *html* as plain text, escaped for an HTML parser, as a last resort.

    Scripts, styles and comments go with their content (a reader never sees
    them); every other tag goes, its text stays; entities are decoded and the
    result escaped, so the parser reads it as text alone.  Used when lxml
    still could not build a whole tree; a warning says why.
    """
    text = _ANY_TAG.sub(" ", _drop_hidden(html))
    warn(f"{reason}: the markup was dropped and its text kept as plain text @ {where}")
    return escape(unescape(text), quote=False)


# --- the parse ------------------------------------------------------------------

# Document-level tags inside a fragment: libxml2 drops the text after a stray
# </body> or </html>, where a browser keeps it.  (A regex: it finds the '<'
# at C speed, faster than str.find for each spelling.)
_DOCUMENT_TAGS = re.compile(
    r"</?(?:[hH][tT][mM][lL]|[bB][oO][dD][yY]|[hH][eE][aA][dD])\b[^<>]*>"
)

# One scan that every input needing a pre-parse repair hits (a superset, so
# ordinary content pays for this scan and a count of '=' alone): a '<' with
# 2 * MAX_ATTRIBUTES characters and no '>' after it (the only tags
# strip_excess_attributes reads, unless attribute values hide a '>'), or a
# '<' before something spelled like html, body or head (each letter from one
# of the three names: a tag that is none of them only costs the careful path).
_REPAIR_HINT = re.compile(
    rf"<(?:/?[hHbB][tToOeE][mMdDaA][lLyYdD]\b|[^>]{{{2 * MAX_ATTRIBUTES}}})"
)


def _needs_repair(html: str) -> bool:
    """
    Whether :func:`strip_excess_attributes` or the document tags may change *html*.

    ``False`` only when neither does: :func:`strip_excess_attributes` reads
    the tags the hint's long tag finds or, when the text holds
    :data:`MAX_ATTRIBUTES` ``=`` and an attribute value hiding a ``>``, every
    tag (the same test here); every document tag starts as the hint does.

    >>> _needs_repair("<p>a</p>"), _needs_repair("<p>a</p></BODY>b")
    (False, True)
    """
    if _REPAIR_HINT.search(html) is not None:
        return True
    return (
        len(html) >= 2 * MAX_ATTRIBUTES
        and html.count("=") >= MAX_ATTRIBUTES
        and _ANGLE_IN_VALUE.search(html) is not None
    )


T = TypeVar("T")


def parse_repaired(html: str, where: str, parse: Callable[[str], tuple[T, str]]) -> T:
    """
    Parse *html* with *parse*, repairing what would make libxml2 slow or lossy.

    *parse* returns the tree and the type name of a fatal libxml2 error (``""``
    for none).  Before parsing, attributes past the first thousand of a tag go
    and document tags (``</body>``) are dropped; after a fatal error, lone
    surrogates become U+FFFD, or nesting past 1,000 levels is flattened, and
    the text is parsed again; if libxml2 still fails, the text alone is parsed.
    Every repair issues a :class:`~wpparse.WPParseWarning` naming *where*.
    Ordinary input is parsed once, for the cost of one regex scan and a count.
    """
    if _needs_repair(html):
        html = strip_excess_attributes(html, where)
        if _DOCUMENT_TAGS.search(html):
            html = _DOCUMENT_TAGS.sub("", html)
    tried: set[str] = set()
    while True:
        root, fatal = parse(html)
        if not fatal:
            return root
        if fatal in tried:
            break
        tried.add(fatal)
        if fatal == "ERR_INVALID_ENCODING":
            html = fix_surrogates(html, where)
        elif fatal == "ERR_RESOURCE_LIMIT":
            flat = flatten_deep_nesting(html, where)
            if flat == html:
                break
            html = flat
        else:
            break
    reason = f"libxml2 could not read the markup ({fatal})"
    root, _ = parse(strip_tags(html, where, reason))
    return root
