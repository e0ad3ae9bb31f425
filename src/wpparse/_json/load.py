"""
Stage 0: bytes, text or already-decoded JSON in, JSON values out.

Everything that can go wrong while *reading* JSON is turned into an
:class:`~wpparse.exceptions.InvalidJSONError` here, so the later stages only
ever see Python values.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from wpparse._text import fix_surrogates, warn
from wpparse.exceptions import InvalidJSONError

__all__ = [
    "JSONInput",
    "as_clean_text",
    "decode_error",
    "decode_input",
    "decode_input_clean",
    "decode_text",
    "limit_error",
    "load_json",
    "load_json_clean",
    "load_repaired_json",
    "looks_like_json_lines",
]

JSONInput = str | bytes | bytearray | memoryview | Mapping[str, Any] | Sequence[Any]
"""What the parse functions accept: JSON text, or what :func:`json.loads` returned."""

# strict=False: raw control characters (tabs, newlines, NUL) inside strings are
# read as themselves; scraped and re-serialised JSON often has them.
_DECODER = json.JSONDecoder(strict=False)
_WS = " \t\n\r"


def decode_text(data: bytes | bytearray | memoryview) -> str:
    """
    Decode JSON bytes: UTF-8 (with or without a BOM), UTF-16 or UTF-32.

    Windows tools write JSON as UTF-16 with a BOM; :func:`json.detect_encoding`
    recognises it.  Bytes that are not valid in the detected encoding are
    replaced with U+FFFD and a :class:`~wpparse.WPParseWarning` says so.
    """
    raw = bytes(data)
    encoding = json.detect_encoding(raw)
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        warn(
            f"input is not valid {encoding} (first bad byte at offset {exc.start}); "
            "undecodable bytes were replaced with U+FFFD"
        )
        return raw.decode(encoding, errors="replace")


def decode_error(
    exc: json.JSONDecodeError,
    path: str,
    *,
    truncated: bool,
    line: int | None = None,
    column: int | None = None,
    position: int | None = None,
) -> InvalidJSONError:
    """
    The :class:`~wpparse.InvalidJSONError` of a decode error: what was expected, what was found, where.

    The one wording of a JSON decode error, for documents, JSON Lines and
    files read in chunks alike.  *truncated*: the text ends inside the value.
    *line*, *column* (1-based) and *position* (0-based, in characters) are
    where the error is in the whole input, when *exc* saw only part of it
    (a line, a chunk); by default, *exc*'s own.
    """
    line = exc.lineno if line is None else line
    column = exc.colno if column is None else column
    position = exc.pos if position is None else position
    if truncated:
        reason = f"truncated JSON: the text ends inside a value (line {line})"
    else:
        expected = exc.msg[0].lower() + exc.msg[1:]
        found = exc.doc[exc.pos : exc.pos + 20].partition("\n")[0]  # this line's
        more = (
            "\n" not in found
            and len(exc.doc) > exc.pos + 20
            and (exc.doc[exc.pos + 20] != "\n")
        )
        shown = repr(found) + ("…" if more else "")
        reason = (
            f"invalid JSON at line {line}, column {column}: {expected}, found {shown}"
        )
    return InvalidJSONError(reason, path=path, position=position)


# A \uD800-\uDFFF escape (the first regex: any text that may decode to a
# surrogate; the second: a whole escape).  Each is found by a scan for its
# literal "\\u" prefix, at C speed.
_SURROGATE_ESCAPE_HINT = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LOW_AFTER = re.compile(r"\\u[dD][c-fC-F]")
_HIGH_BEFORE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}")
_ESCAPE = len("\\ud800")


def _replace_lone_surrogate_escapes(text: str, start: int) -> tuple[str, int]:
    """
    Replace the lone surrogate escapes of *text*, from *start* on, with ``\\ufffd``.

    An escape counts unless its backslash is itself escaped (an even run of
    backslashes before it).  A high one (``\\ud800``) is lone unless a low
    escape follows it at once; a low one (``\\udc00``) is lone unless the
    text of a high escape precedes it at once, escaped or not.  Return the
    text and the number of escapes replaced.
    """
    pieces: list[str] = []
    pos = 0
    for match in _SURROGATE_ESCAPE.finditer(text, start):
        at = match.start()
        before = at
        while before and text[before - 1] == "\\":
            before -= 1
        if (at - before) % 2:
            continue  # "\\\\ud800": an escaped backslash, then text
        if text[at + 3] in "89abAB":
            lone = _LOW_AFTER.match(text, at + _ESCAPE) is None
        else:
            lone = at < _ESCAPE or _HIGH_BEFORE.match(text, at - _ESCAPE) is None
        if lone:
            pieces.append(text[pos:at])
            pieces.append("\\ufffd")
            pos = at + _ESCAPE
    if not pieces:
        return text, 0
    count = len(pieces) // 2
    pieces.append(text[pos:])
    return "".join(pieces), count


def _first_surrogate_escape(text: str) -> re.Match[str] | None:
    """
    The first ``\\uD800``-``\\uDFFF`` escape of *text* (as
    :data:`_SURROGATE_ESCAPE_HINT` finds it), or ``None``.

    One regular-expression search: sre skips to each ``\\u`` with a literal
    prefix scan, faster on WordPress's JSON (full of backslashes) than
    :meth:`str.find` for ``\\ud`` and ``\\uD`` (measured: 5.6 against 19 µs
    on the seed post, 3.3 against 5.9 ms over the corpus).
    """
    return _SURROGATE_ESCAPE_HINT.search(text)


def _fix_surrogate_escapes(text: str, *, decoded: bool) -> tuple[str, bool]:
    """
    Replace lone surrogates (``"\\ud800"`` escapes, or raw) with U+FFFD.

    JSON allows them, but they are no characters: lxml cuts text at one and
    no encoder writes one.  Valid pairs (emoji) are left alone.  Text
    *decoded* from bytes holds no raw surrogate (Python's UTF decoders refuse
    them).  Also return whether the text is *clean*: free of surrogate
    escapes of any kind, so that no string decoded from it can hold a lone
    surrogate.
    """
    clean = True
    hint = _first_surrogate_escape(text)
    if hint:
        clean = False  # pairs may be valid: a lone one may hide after "\\\\"
        text, count = _replace_lone_surrogate_escapes(text, hint.start())
        if count:
            warn(
                f"replaced {count} lone surrogate escape{'s' if count != 1 else ''} "
                "(not valid Unicode) with U+FFFD"
            )
    if not decoded and not text.isascii():
        text = fix_surrogates(text, "$")
    return text, clean


def limit_error(
    exc: RecursionError | ValueError,
    path: str,
    position: int,
    line: int | None = None,
) -> InvalidJSONError:
    """
    The :class:`~wpparse.InvalidJSONError` of JSON that is valid but beyond Python's limits.

    *line*, when the input has more than one value, is the line where the value starts.
    """
    if isinstance(exc, RecursionError):
        reason = "JSON nested too deeply to read"
    else:  # an integer with more digits than int() allows
        reason = (
            f"invalid JSON: expected a number of at most {sys.get_int_max_str_digits()} "
            "digits, found a longer one"
        )
    if line is not None:
        reason = f"{reason} (line {line})"
    return InvalidJSONError(reason, path=path, position=position)


def _decode_one(
    text: str, start: int, path: str, *, line: int | None = None, offset: int = 0
) -> tuple[Any, int]:
    """
    Decode the value at *start* of *text*.

    *text* may be one line of a larger input: *line* is its line number and
    *offset* the position of its start, for the error.
    """
    try:
        return _DECODER.raw_decode(text, start)
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip(_WS))
        raise decode_error(
            exc,
            path,
            truncated=truncated,
            line=exc.lineno if line is None else exc.lineno + line - 1,
            position=exc.pos + offset,
        ) from None
    except (RecursionError, ValueError) as exc:
        raise limit_error(exc, path, start + offset, line) from None


def _skip_ws(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in _WS:
        pos += 1
    return pos


def load_json(data: str | bytes | bytearray | memoryview) -> Any:
    """
    Parse one JSON document.

    Trailing data after a complete value (seen in real mirrors that appended
    HTML to a saved JSON file) is dropped with a :class:`~wpparse.WPParseWarning`.
    """
    text, _ = as_clean_text(data)
    return _load_text(text)


def load_json_clean(data: str | bytes | bytearray | memoryview) -> tuple[Any, bool]:
    """
    Parse one JSON document as :func:`load_json` does; also say whether it is clean.

    Clean: no string in the value can hold a lone surrogate (the text had no
    surrogate escape at all), so the field readers need not look for one.
    """
    text, clean = as_clean_text(data)
    return _load_text(text), clean


def load_repaired_json(text: str) -> Any:
    """
    Parse one JSON document from a text :func:`as_clean_text` returned.

    As :func:`load_json`, without repairing the text again: the repair is
    idempotent, and a second pass over a long text costs a scan of it.
    """
    return _load_text(text)


def as_clean_text(data: str | bytes | bytearray | memoryview) -> tuple[str, bool]:
    """
    Return JSON input as text, and whether it is clean (see :func:`load_json_clean`).

    Bytes are decoded, a leading BOM is dropped and lone surrogates are
    replaced with U+FFFD.  The repair's warnings name, by their stacklevel, the caller of this
    function's caller: the load functions and collections call it directly.
    """
    if isinstance(data, str):
        return _fix_surrogate_escapes(data.removeprefix("\ufeff"), decoded=False)
    text = decode_text(data).removeprefix("\ufeff")
    return _fix_surrogate_escapes(text, decoded=True)


def _load_text(text: str) -> Any:
    start = _skip_ws(text, 0)
    if start == len(text):
        raise InvalidJSONError(
            "empty input: expected a JSON value", path="$", position=0
        )
    value, end = _decode_one(text, start, "$")
    rest = _skip_ws(text, end)
    if rest < len(text):
        warn(
            f"ignored {len(text) - rest} characters of trailing data after the JSON value "
            f"(from offset {rest}: {text[rest : rest + 20]!r})"
        )
    return value


def looks_like_json_lines(text: str) -> bool:
    """Whether *text* holds more than one JSON value, one per line."""
    start = _skip_ws(text, 0)
    if start >= len(text) or text[start] == "[":
        return False
    try:
        _, end = _DECODER.raw_decode(text, start)
    except (ValueError, RecursionError):
        return False
    rest = _skip_ws(text, end)
    if rest >= len(text):
        return False
    newline = text.find("\n", end, rest + 1)
    return newline != -1 and text[rest] in "{["


def decode_input(data: JSONInput) -> Any:
    """Return *data* decoded when it is JSON text, else *data* itself (a decoded value)."""
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        return load_json(data)
    return data


def decode_input_clean(data: JSONInput) -> tuple[Any, bool]:
    """Return the decoded value, and whether it is clean (see :func:`load_json_clean`)."""
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        return load_json_clean(data)
    return data, False
