"""
A tiny, safe YAML writer for front matter.

Only what front matter needs: a mapping of scalars and lists of scalars.
Strings are always double-quoted with every special character escaped, so no
value can become a tag, an anchor, a number, a date or a second document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

__all__ = ["quote", "yaml_mapping"]

Scalar = str | int | bool | None

# Double-quoted YAML: escape the backslash and the quote, and spell out every
# character that is not printable in YAML 1.2 (C0, DEL, C1, surrogates,
# U+FEFF) or that a reader could take for a line break (U+2028, U+2029).
_NEEDS_ESCAPE = re.compile(
    '[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]'
)
_NAMED = {
    "\\": "\\\\",
    '"': '\\"',
    "\x00": "\\0",
    "\x07": "\\a",
    "\x08": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
_TWO_DIGITS = 0x100
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    if "\ud800" <= char <= "\udfff":  # a lone surrogate cannot be written
        return "\\uFFFD"
    code = ord(char)
    return f"\\x{code:02X}" if code < _TWO_DIGITS else f"\\u{code:04X}"


def quote(text: str) -> str:
    """Return *text* as a double-quoted YAML scalar."""
    return '"' + _NEEDS_ESCAPE.sub(_escape_char, text) + '"'


def _scalar(value: Scalar) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return quote(value)


def yaml_mapping(data: Mapping[str, Scalar | Sequence[Scalar]]) -> str:
    """Return *data* as block-style YAML lines (keys must be plain identifiers)."""
    lines: list[str] = []
    for key, value in data.items():
        if not _KEY.fullmatch(key):
            raise ValueError(f"not a plain YAML key: {key!r}")
        if isinstance(value, str | int | bool) or value is None:
            lines.append(f"{key}: {_scalar(value)}")
        elif not value:
            lines.append(f"{key}: []")
        else:
            lines.append(f"{key}:")
            lines.extend(f"  - {_scalar(item)}" for item in value)
    return "\n".join(lines)
