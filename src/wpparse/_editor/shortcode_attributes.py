"""
The attributes of a shortcode tag, as ``shortcode_parse_atts()`` reads them: text in, names and values out.

The text comes from ``content.rendered``, so entities are decoded and the
quotes ``wptexturize()`` curled are straightened before the attributes are
read (:func:`parse_attributes`); :func:`has_named_attribute` is the cheaper
question the registry guess asks of every tag.
"""

from __future__ import annotations

import html
import re
from typing import Final

__all__ = ["has_named_attribute", "parse_attributes"]

# shortcode_parse_atts(): the three quoted forms, unquoted, and positional.
_ATTS: Final = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)"""
    r"""|'([^']*)'(?:\s|$)"""
    r"""|(\S+)(?:\s|$)""",
    re.ASCII,
)
_NAMED: Final = re.compile(
    r"""[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s'"]+)(?:\s|$)""", re.ASCII
)
_BALANCED_TAGS: Final = re.compile(r"[^<]*+(?:<[^>]*+>[^<]*+)*+")

# wptexturize() turns the quotes of an unregistered shortcode's attributes
# curly (`full_width=&#8221;stretch&#8221;`, `height=&#8221;20&#8243;`): read
# them as the straight quotes they were.
_UNTEXTURIZE: Final = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u2033": '"', "\u201e": '"',
        "\u2018": "'", "\u2019": "'", "\u2032": "'",
        "\u00a0": " ", "\u200b": " ",
    }
)  # fmt: skip
_UNTEXTURIZED: Final = re.compile(
    "[" + "".join(chr(code) for code in _UNTEXTURIZE) + "]"
)


def _decode(atts_text: str) -> str:
    """Entities decoded, texturized quotes straightened (the common entities without a call each)."""
    if "&" in atts_text:
        for entity, quote in _QUOTE_ENTITIES:
            atts_text = atts_text.replace(entity, quote)
        atts_text = html.unescape(atts_text)
    # str.translate looks every character up in the table (40 ns each past
    # ASCII): only a text holding one of its characters, all past ASCII, needs it.
    if atts_text.isascii() or _UNTEXTURIZED.search(atts_text) is None:
        return atts_text
    return atts_text.translate(_UNTEXTURIZE)


_QUOTE_ENTITIES: Final = (
    ("&#8221;", '"'), ("&#8220;", '"'), ("&#8243;", '"'), ("&quot;", '"'),
    ("&#8217;", "'"), ("&#8216;", "'"), ("&#8242;", "'"), ("&#039;", "'"),
)  # fmt: skip


def has_named_attribute(atts_text: str) -> bool:
    """
    Whether the tag's text has a ``key=value`` attribute, once decoded.

    >>> has_named_attribute(" id=&#8221;3&#8221;"), has_named_attribute(" 3")
    (True, False)
    """
    if "=" not in atts_text:
        return False
    text = _decode(atts_text)
    return _NAMED.search(text) is not None


def parse_attributes(atts_text: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """
    ``shortcode_parse_atts()``: the named and the positional attributes of a tag.

    Entities are decoded and texturized quotes straightened first, since the
    text comes from ``content.rendered``.

    >>> parse_attributes(' a="1" B=\\'2\\' c=3 "four" five')
    ({'a': '1', 'b': '2', 'c': '3'}, ('four', 'five'))
    """
    text = _decode(atts_text)
    named: dict[str, str] = {}
    positional: list[str] = []
    for match in _ATTS.finditer(text):
        # The last group that took part says which form matched: 2, 4 and 6
        # are the values of key=value forms, 7-9 positional values.
        last = match.lastindex
        value = match.group(last) if last is not None else ""
        if "\\" in value or "<" in value:
            value = _value(value)
        if last in _NAMED_VALUE_GROUPS:
            named[match.group(last - 1).lower()] = value
        elif value or last == _BARE_GROUP:
            # As in WordPress: an empty quoted positional value is dropped.
            positional.append(value)
    return named, tuple(positional)


_NAMED_VALUE_GROUPS: Final = frozenset({2, 4, 6})
_BARE_GROUP: Final = 9


def _value(raw: str) -> str:
    value = _stripcslashes(raw)
    # WordPress empties a value whose HTML elements are not closed.
    if "<" in value and _BALANCED_TAGS.fullmatch(value) is None:
        return ""
    return value


_C_ESCAPES: Final = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "v": "\v",
    "b": "\b",
    "f": "\f",
}
_C_ESCAPE: Final = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.?)", re.DOTALL)


def _stripcslashes(text: str) -> str:
    """PHP's ``stripcslashes()``: C escapes decoded, other backslashes dropped."""
    if "\\" not in text:
        return text

    def decode(match: re.Match[str]) -> str:
        escape = match.group(1)
        if not escape:
            return ""
        if escape[0] == "x" and len(escape) > 1:
            return chr(int(escape[1:], 16))
        if escape[0] in "01234567":
            return chr(int(escape, 8) & 0xFF)
        return _C_ESCAPES.get(escape, escape)

    return _C_ESCAPE.sub(decode, text)
