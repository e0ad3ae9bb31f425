"""
How ``-j`` workers hand their output to the parent process.

A worker writes a whole file's records to a string.  When the parent's
stream is a text layer over bytes (``sys.stdout``) the worker encodes that
text itself, with the stream's encoding and error handler, and spools the
bytes to a temporary file; the parent copies the file to the stream in the
kernel (``sendfile``).  The parent then neither decodes nor re-encodes what
workers send, nor moves it through a pipe: on two cores, every second the
parent spends is taken from a worker.  Any step that cannot be taken falls
back to the one before: bytes sent through the pipe, or the text itself.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

import attrs

__all__ = ["Output", "Spooled", "byte_stream", "pack", "spool_folder", "write_output"]

# Encodings without state (no byte order mark, no shift state), so that each
# file's output can be encoded on its own and the pieces joined.
_STATELESS = frozenset({"utf-8", "ascii", "latin-1", "iso8859-1", "cp1252"})

# sendfile cannot write there (macOS wants a socket, some file systems or
# append-only files refuse): copy through a buffer instead.
_NO_SENDFILE = frozenset(
    {errno.EINVAL, errno.ENOSYS, errno.ENOTSOCK, errno.EOPNOTSUPP, errno.EBADF}
)


@attrs.frozen
class Spooled:
    """A worker's encoded output, waiting in a temporary file."""

    path: str
    """The file; the parent deletes it once copied."""


Output = str | bytes | Spooled
"""What a worker sends for one input file."""


def byte_stream(out: TextIO) -> tuple[str, str] | None:
    """
    Return (encoding, errors) if workers may encode *out*'s text themselves.

    That is when *out* is a text layer over a byte stream that writes ``\\n``
    as it is (as ``sys.stdout`` does on POSIX) in an encoding without state.
    """
    if not isinstance(out, io.TextIOWrapper) or os.linesep != "\n":
        return None
    try:
        name = codecs.lookup(out.encoding).name
    except LookupError:  # pragma: no cover - the stream was opened with it
        return None
    return (out.encoding, out.errors or "strict") if name in _STATELESS else None


@contextlib.contextmanager
def spool_folder(*, wanted: bool) -> Iterator[str | None]:
    """A temporary folder for the workers' output files, or None if not wanted or not possible."""
    if not wanted:
        yield None
        return
    try:
        folder = tempfile.TemporaryDirectory(
            prefix="wpparse-", ignore_cleanup_errors=True
        )
    except OSError:
        yield None
        return
    with folder as name:
        yield name


def pack(text: str, encoding: tuple[str, str] | None, spool: str | None) -> Output:
    """
    Return a worker's *text* as the parent's stream wants it (in the worker).

    Text the encoding refuses stays text: the parent's stream meets it and
    fails on it as it would without ``-j``.
    """
    if encoding is None or not text:
        return text
    try:
        data = text.encode(*encoding)
    except UnicodeEncodeError:
        return text
    if spool is None:
        return data
    try:
        descriptor, name = tempfile.mkstemp(dir=spool)
    except OSError:
        return data
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
    except OSError:
        Path(name).unlink(missing_ok=True)
        return data
    return Spooled(name)


def write_output(out: TextIO, output: Output) -> None:
    """Write a worker's output to *out* (in the parent), after any text already written."""
    if isinstance(output, str):
        out.write(output)
        return
    out.flush()
    if isinstance(output, bytes):
        out.buffer.write(output)
        return
    path = Path(output.path)
    try:
        with path.open("rb") as source:
            out.buffer.flush()
            _copy(source, out.buffer)
    finally:
        path.unlink(missing_ok=True)


def _copy(source: BinaryIO, target: BinaryIO) -> None:
    """Copy *source* to *target* in the kernel if it can, else through a buffer."""
    offset = 0
    try:
        in_fd, out_fd = source.fileno(), target.fileno()
        size = os.fstat(in_fd).st_size
        while offset < size:
            sent = os.sendfile(out_fd, in_fd, offset, size - offset)
            if not sent:
                break
            offset += sent
        else:
            return
    except (AttributeError, io.UnsupportedOperation):  # no descriptor, no sendfile
        pass
    except OSError as exc:
        if exc.errno not in _NO_SENDFILE:
            raise
    source.seek(offset)
    shutil.copyfileobj(source, target)
