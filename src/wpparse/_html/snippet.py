"""
The plain text of a short HTML snippet: a title, an excerpt, a caption, a name.

Kept free of lxml at import time: :mod:`wpparse._html.parse` is imported only
when a string actually holds markup.
"""

from __future__ import annotations

import html
import re
from typing import Final

from wpparse._text import collapse, fix_surrogates

__all__ = ["html_to_text"]


# An excerpt is mostly "<p>text with entities [&hellip;]</p>": for text whose
# only markup is bare <p> tags, and whose entities libxml2 and html.unescape
# decode alike, the tags are word breaks and lxml is not needed.
_PARAGRAPH_TAG = re.compile(r"</?p>")
_TEXT = (
    r"(?:[^<&\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]++"
    r"|&(?:amp|lt|gt|quot|nbsp|hellip|mdash|ndash|lsquo|rsquo|ldquo|rdquo);"
    r"|&#(?:3[89]|[1-9][0-9]{2,4});)*+"  # possessive: no backtracking
)
_PLAIN_PARAGRAPHS = re.compile(rf"\s*(?:<p>{_TEXT}</p>\s*)+")
_NUMERIC = re.compile(r"&#([0-9]+);")
_SAME_NUMERIC = frozenset({38, 39})  # & and '
_SAME_RANGE_LOW = range(0xA0, 0xD800)
_SAME_RANGE_HIGH = range(0xE000, 0xFFFE)


# The references WordPress writes in titles and excerpts (texturized quotes
# and dashes, the excerpt's [&hellip;]), after their '&', each as
# html.unescape decodes it.
_COMMON_REFERENCES: Final = {
    "#8217;": "\u2019",
    "#8216;": "\u2018",
    "#8220;": "\u201c",
    "#8221;": "\u201d",
    "#8211;": "\u2013",
    "#8212;": "\u2014",
    "#8230;": "\u2026",
    "#038;": "&",
    "#039;": "'",
    "amp;": "&",
    "hellip;": "\u2026",
    "nbsp;": "\xa0",
    "quot;": '"',
    "lt;": "<",
    "gt;": ">",
}
_LONGEST_REFERENCE: Final = max(map(len, _COMMON_REFERENCES))


def _unescape(text: str) -> str:
    """
    :func:`html.unescape`, without its Python call per reference for text
    whose references are all common ones.  html.unescape reads each ``&``
    on its own, up to the end of its digits or name (the first ``;``): so
    does this, in one pass, and any other reference leaves it to
    html.unescape.

    >>> _unescape("Rust &amp; Rain: Isn&#8217;t &amp;amp; [&hellip;]")
    'Rust & Rain: Isn’t &amp; […]'
    """
    if "&" not in text:
        return text
    first, *rest = text.split("&")
    parts = [first]
    for part in rest:
        end = part.find(";", 0, _LONGEST_REFERENCE) + 1
        character = _COMMON_REFERENCES.get(part[:end]) if end else None
        if character is None:
            return html.unescape(text)
        parts.append(character)
        parts.append(part[end:])
    return "".join(parts)


def _plain_paragraphs(fragment: str) -> bool:
    if not _PLAIN_PARAGRAPHS.fullmatch(fragment):
        return False
    # Numeric references below U+00A0 (but & and ') and past the BMP's
    # characters decode differently (html.unescape reads 0x80-0x9F as cp1252).
    return "&#" not in fragment or all(
        number in _SAME_NUMERIC
        or number in _SAME_RANGE_LOW
        or number in _SAME_RANGE_HIGH
        for number in map(int, _NUMERIC.findall(fragment))
    )


def html_to_text(fragment: str, where: str = "$", *, repaired: bool = False) -> str:
    """
    Return the plain text of a short HTML fragment (a title, an excerpt, a caption).

    Tags are dropped, ``<script>``/``<style>``/comments give no text, every
    entity is decoded and whitespace is collapsed.  *where* (a JSON path)
    names the fragment in warnings about repaired markup; *repaired* says
    that it holds no lone surrogate (a field reader has replaced them).
    """
    if "<" not in fragment or _plain_paragraphs(fragment):
        if not repaired:
            fragment = fix_surrogates(fragment, where)
        if "<" in fragment:
            fragment = _PARAGRAPH_TAG.sub(" ", fragment)
        return collapse(_unescape(fragment))
    from wpparse._html.parse import fragment_text  # noqa: PLC0415 - lxml only when needed

    return collapse(fragment_text(fragment, where))
