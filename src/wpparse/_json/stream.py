"""
Stage 0 for files: JSON values streamed out of one file, a record at a time.

A file may hold one object, an array, JSON Lines (or values simply
concatenated), or an ``?_envelope`` response.  The text is decoded and read in
chunks, and :meth:`json.JSONDecoder.raw_decode` takes one record at a time out
of the buffer, so a JSON array of a million posts never sits in memory whole.
Each value comes out with its :class:`~wpparse.Source` (file, line, index) and
JSON path; a value that cannot be read comes out as the
:class:`~wpparse.exceptions.InvalidJSONError` describing it.  Which files a
directory tree holds is :mod:`wpparse._json.files`'s question.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from wpparse._json.kinds import envelope
from wpparse._json.load import decode_error, limit_error
from wpparse._model.objects import Source
from wpparse._text import warn
from wpparse.exceptions import InvalidJSONError, WPParseError

__all__ = ["CHUNK", "iter_values", "read_error", "skip_error"]

CHUNK = 1 << 20
"""Characters read at a time."""

# strict=False, as wpparse._json.load: raw control characters in strings are read.
_DECODER = json.JSONDecoder(strict=False)
_WS = " \t\n\r"
# A JSONDecodeError this close to the end of the buffer may only mean that the
# value goes on in the next chunk.
_NEAR_END = 16
_MAYBE_CUT = ("Unterminated string", "Invalid \\uXXXX escape")
_STARTS = ("{", "[")  # what a next record can start with (not "": that is the end)

Record = tuple[Source, str, Any]
"""``(source, JSON path, value or the InvalidJSONError that stood for it)``."""


class _Text:
    """A window of decoded text over a binary file, refilled on demand."""

    def __init__(self, raw: IO[bytes], name: str | None, chunk: int) -> None:
        self.raw = raw
        self.name = name
        self.chunk = chunk
        self.text = ""
        self.pos = 0
        self.eof = False
        self._line = 1  # the line number at self._line_pos
        self._line_pos = 0
        self._offset = 0  # characters dropped before self.text
        self._column = 0  # the 0-based column of self.text[0]
        self._decoder: codecs.IncrementalDecoder | None = None
        self._warned = False
        self._tail = b""  # the last bytes read: a U+FFFD may straddle two reads

    def _decode(self, data: bytes, *, final: bool) -> str:
        if self._decoder is None:
            encoding = json.detect_encoding(data[:4]) if data else "utf-8"
            self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        text = self._decoder.decode(data, final=final)
        window, self._tail = self._tail + data, (self._tail + data)[-2:]
        if "\ufffd" in text and b"\xef\xbf\xbd" not in window and not self._warned:
            self._warned = True
            warn(
                f"{self.name or '<input>'}: input is not valid in its encoding; "
                "undecodable bytes were replaced with U+FFFD"
            )
        return text

    def fill(self, size: int | None = None) -> bool:
        """Read more text; drop what was consumed.  False at the end of the file."""
        if self.eof:
            return False
        self.line_at(self.pos)
        newline = self.text.rfind("\n", 0, self.pos)
        self._column = (
            self.pos - newline - 1 if newline >= 0 else self._column + self.pos
        )
        self._offset += self.pos
        self.text = self.text[self.pos :]
        self._line_pos -= self.pos
        self.pos = 0
        while True:
            data = self.raw.read(size or self.chunk)
            more = self._decode(data, final=not data)
            self.text += more
            if not data:
                self.eof = True
                return bool(more)
            if more:
                return True

    def line_at(self, pos: int) -> int:
        """The 1-based line of *pos* (which never goes backwards)."""
        if pos > self._line_pos:
            self._line += self.text.count("\n", self._line_pos, pos)
            self._line_pos = pos
        return self._line

    def peek(self) -> str:
        """Skip whitespace and return the next character, or ``""`` at the end."""
        while True:
            text, pos, n = self.text, self.pos, len(self.text)
            while pos < n and text[pos] in _WS:
                pos += 1
            self.pos = pos
            if pos < n:
                if text[pos] == "\ufeff" and pos == 0:
                    self.pos += 1
                    continue
                return text[pos]
            if not self.fill():
                return ""

    def value(self, path: str) -> Any:
        """Decode the value at the current position (reading more text as needed)."""
        size = self.chunk
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                cut = exc.pos >= len(self.text) - _NEAR_END or exc.msg.startswith(
                    _MAYBE_CUT
                )
                if cut and not self.eof:
                    # A big record: read more at a time, not quadratically.  At
                    # the end, decode again for positions in the final buffer.
                    if self.fill(size):
                        size *= 2
                    continue
                raise self._error(exc, path) from None
            except (RecursionError, ValueError) as exc:
                raise limit_error(exc, path, self._offset + self.pos) from None
            # A number near the end of the buffer may go on: "0" of "0E0"
            # decodes alone, and so does "0" of "0E" while "0" is awaited.
            # fill() moves the text, so decode again even if it read nothing.
            if end >= len(self.text) - 2 and not self.eof:
                self.fill(size)
                continue
            self.pos = end
            return value

    def _error(self, exc: json.JSONDecodeError, path: str) -> InvalidJSONError:
        # Count without moving the line cache: after this error the reader
        # goes back to the line after the record's start (skip_to_record).
        line = self._line
        if exc.pos >= self._line_pos:
            line += self.text.count("\n", self._line_pos, exc.pos)
        newline = self.text.rfind("\n", 0, exc.pos)
        column = exc.pos - newline if newline >= 0 else self._column + exc.pos + 1
        truncated = (self.eof and exc.pos >= len(self.text.rstrip(_WS)) - 1) or (
            self.eof and exc.msg.startswith("Unterminated string")
        )
        return decode_error(
            exc,
            path,
            truncated=truncated,
            line=line,
            column=column,
            position=self._offset + exc.pos,
        )

    def skip_to_record(self) -> bool:
        """
        Skip past a broken value to the next line that opens a record.

        That is a line starting with ``{`` or ``[`` in its first column, as
        in JSON Lines; the indented lines of a pretty-printed object are not
        records of their own.  False at the end of the file.
        """
        while True:
            newline = self.text.find("\n", self.pos)
            if newline == -1:
                self.pos = len(self.text)
                if not self.fill():
                    return False
                continue
            self.pos = newline + 1
            if self.pos == len(self.text) and not self.fill():
                return False
            if self.text[self.pos] in "{[":
                return True


def _trailing(text: _Text, what: str) -> None:
    line = text.line_at(text.pos)
    sample = text.text[text.pos : text.pos + 20]
    warn(
        f"{text.name or '<input>'}:{line}: ignored trailing data after {what} "
        f"({sample!r}...)"
    )


def _array(text: _Text) -> Iterator[Record]:
    name = text.name
    text.pos += 1  # the '['
    index = 0
    while True:
        char = text.peek()
        if char == "]":
            text.pos += 1
            if text.peek():
                _trailing(text, "the JSON array")
            return
        path = f"$[{index}]"
        if index and char == ",":
            text.pos += 1
            char = text.peek()
        elif index and char:
            source = Source(file=name, line=text.line_at(text.pos), index=index)
            reason = (
                f"invalid JSON: expected ',' or ']' after an array item, got {char!r}"
            )
            yield source, path, InvalidJSONError(reason, path=path, position=text.pos)
            return
        source = Source(file=name, line=text.line_at(text.pos), index=index)
        if not char:
            reason = "truncated JSON: the text ends inside the array"
            yield source, path, InvalidJSONError(reason, path=path, position=text.pos)
            return
        try:
            value = text.value(path)
        except InvalidJSONError as exc:
            yield source, path, exc
            return  # no way to find the next record of a broken array
        yield source, path, value
        index += 1


def _envelope_body(value: Any) -> tuple[str, list[Any]] | None:
    """The path and the records of an ``?_envelope`` response's body, if *value* is one."""
    parts = envelope(value) if value.__class__ is dict else None
    if parts is None:
        return None
    body = parts[0]
    if isinstance(body, list):
        return "$.body[{}]", body
    if isinstance(body, dict):
        return "$.body", [body]  # one object, or an error response: its record says
    return None


def _sequence(text: _Text) -> Iterator[Record]:
    """
    One value, or several (JSON Lines, concatenated values).

    After several values, whatever comes next is the next record: a line that
    is not JSON is one bad record, and reading goes on at the next line that
    opens a record.  After the first value, text that is not JSON is trailing
    data (mirrors append HTML to a saved response), warned about and dropped,
    unless records follow it: then the file is JSON Lines with a bad line.
    """
    name = text.name
    index = 0
    pending: list[Record] = []  # records read ahead after the first value
    while pending or text.peek():
        if pending:
            yield pending.pop(0)
            index += 1
            continue
        source = Source(file=name, line=text.line_at(text.pos), index=index)
        path = f"$[{index}]"
        try:
            value = text.value(path)
        except InvalidJSONError as exc:
            more = text.skip_to_record()
            if index == 0 and not more:  # the file's only value
                exc = InvalidJSONError(exc.reason, path="$", position=exc.position)
                yield Source(file=name, line=source.line), "$", exc
                return
            yield source, path, exc
            if not more:
                return
            index += 1
            continue
        following = text.peek()
        if index == 0 and following not in _STARTS:
            pending = _after_first(text) if following else []
            if not pending:  # the file's only value
                yield from _only_value(name, source, value)
                return
        yield source, path, value
        index += 1


def _after_first(text: _Text) -> list[Record]:
    """
    What follows the first value when it is no record start: the next record
    (the file is JSON Lines, or concatenated values), or nothing (trailing
    data, warned about).
    """
    line, position = text.line_at(text.pos), text.pos
    sample = text.text[position : position + 20]
    source = Source(file=text.name, line=line, index=1)
    try:
        return [(source, "$[1]", text.value("$[1]"))]
    except InvalidJSONError as exc:
        if text.skip_to_record():
            return [(source, "$[1]", exc)]
    warn(
        f"{text.name or '<input>'}:{line}: ignored trailing data after the JSON value "
        f"({sample!r}...)"
    )
    return []


def _only_value(name: str | None, source: Source, value: Any) -> Iterator[Record]:
    """The records of a file that holds one value: itself, or an envelope's body."""
    body = _envelope_body(value)
    if body is None:
        yield Source(file=name, line=source.line), "$", value
        return
    form, items = body
    for n, item in enumerate(items):
        yield Source(file=name, line=source.line, index=n), form.format(n), item


def iter_values(
    raw: IO[bytes], name: str | None = None, *, chunk: int = CHUNK
) -> Iterator[Record]:
    """
    Yield the records of one binary file object, streaming.

    *name* is the file name put in each :class:`~wpparse.Source`.
    """
    text = _Text(raw, name, chunk)
    char = text.peek()
    if not char:
        reason = "empty input: expected a JSON value"
        yield Source(file=name), "$", InvalidJSONError(reason, path="$", position=0)
    elif char == "[":
        yield from _array(text)
    elif char in '{"-0123456789tfn':
        yield from _sequence(text)
    else:
        what = "an HTML page" if char == "<" else f"text starting with {char!r}"
        reason = f"not JSON: expected a JSON value, got {what}"
        yield (
            Source(file=name, line=text.line_at(text.pos)),
            "$",
            InvalidJSONError(reason, path="$", position=text.pos),
        )


def skip_error(file: Path, kind: str) -> Record:
    """The record that stands for a file under a directory that is not read: *kind* says what it is."""
    reason = f"not read: {kind}, not a regular file"
    error: WPParseError = InvalidJSONError(reason, path="$")
    return Source(file=str(file)), "$", error


def read_error(file: Path, exc: OSError) -> Record:
    """The record that stands for a file that could not be opened or read."""
    reason = f"cannot read the file: {exc.strerror or exc}"
    error: WPParseError = InvalidJSONError(reason, path="$")
    return Source(file=str(file)), "$", error
