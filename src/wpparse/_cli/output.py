"""
The output side of the command line: one writer per format, and ``-o DIR``.

Every writer is a module-level function ``(model, stream) -> None`` (options
bound with :func:`functools.partial`), so ``-j`` can send it to worker
processes.  With ``-o DIR`` a writer's output is framed as one JSON line per
model and a :class:`DirectorySink` in the main process turns each frame into a
file named after the post's slug: the names are made safe and unique in one
place, whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import secrets
import sys
import unicodedata
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import unquote

from wpparse._model.post import Post
from wpparse._render.chunks import chunks
from wpparse._render.markdown.render import to_markdown
from wpparse._render.text import to_text

__all__ = [
    "EXTENSIONS",
    "JSON_FORMATS",
    "DirectorySink",
    "cleaned",
    "framed",
    "json_safe",
    "one_line",
    "safe_filename",
    "silence_stdout",
    "terminal_safe",
    "write_chunks",
    "write_markdown",
    "write_text",
]

Writer = Callable[[Any, TextIO], None]

EXTENSIONS = {
    "outline": ".txt",
    "text": ".txt",
    "markdown": ".md",
    "json": ".json",
    "jsonl": ".json",
    "chunks": ".jsonl",
}
"""The file extension of each format under ``-o DIR``."""

JSON_FORMATS = frozenset({"json", "jsonl", "chunks"})
"""The formats that write JSON: control characters are escaped, not dropped."""

# C0 and C1 control characters and DEL, but tab and newline: what a terminal
# acts on (ESC starts a sequence that can retitle it, clear it, hide a link).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]+")
# What json.dumps(ensure_ascii=False) leaves raw (it escapes C0 itself), and
# lone surrogates (in fields kept as sent: UTF-8 cannot write them).
_JSON_RAW = re.compile("[\x7f-\x9f\ud800-\udfff]")
# In a one-line message: every control character but tab, newline included.
_LINE_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")

_FRAME = "\x1ewpparse-file "
# Characters no file system takes well: separators, controls, Windows' set,
# and lone surrogates (not encodable as a file name).
_UNSAFE_CHARS = re.compile('[\x00-\x1f\x7f/\\\\:*?"<>|\ud800-\udfff]+')
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$", "clock$"}
    | {f"{name}{n}" for name in ("com", "lpt") for n in "0123456789¹²³"}
)
_MAX_NAME_BYTES = 200  # leaves room for "-12345", a counter and the extension


def terminal_safe(text: str) -> str:
    r"""
    Return *text* without the control characters a terminal acts on.

    C0 and C1 control characters and DEL are dropped; tab and newline stay.

    >>> terminal_safe("Hello \x1b]0;PWNED\x07\x1b[31mRED\tend\n")
    'Hello ]0;PWNED[31mRED\tend\n'
    """
    return _CONTROLS.sub("", text)


def json_safe(text: str) -> str:
    r"""
    Return JSON *text* with DEL, C1 control characters and lone surrogates escaped as ``\u``.

    ``json.dumps(ensure_ascii=False)`` escapes C0 but leaves these raw; in
    JSON they can only stand inside strings, so escaping them keeps the value
    (and a lone surrogate, which UTF-8 cannot hold, can be written).

    >>> json_safe('"\x9b31m"')
    '"\\u009b31m"'
    """
    return _JSON_RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def one_line(text: str) -> str:
    r"""
    Return a message as one line a terminal shows as it is: controls made visible.

    >>> one_line("bad.json: title 'a\x1b[2Jb'\nsecond")
    "bad.json: title 'a\\x1b[2Jb'\\nsecond"
    """
    return _LINE_CONTROLS.sub(lambda match: repr(match.group())[1:-1], text)


def _cleaned(
    obj: Any, out: TextIO, *, write: Writer, clean: Callable[[str], str]
) -> None:
    buffer = io.StringIO()
    write(obj, buffer)
    out.write(clean(buffer.getvalue()))


def cleaned(write: Writer, fmt: str) -> Writer:
    """
    Wrap the writer of format *fmt* so that its output is safe for a terminal.

    Text formats (outline, text, Markdown) lose their control characters
    (:func:`terminal_safe`); JSON formats escape the ones JSON leaves raw
    (:func:`json_safe`), so that their values are unchanged.
    """
    clean = json_safe if fmt in JSON_FORMATS else terminal_safe
    return partial(_cleaned, write=write, clean=clean)


def write_text(obj: Any, out: TextIO) -> None:
    """Write a post as plain text, its title first (other objects are skipped)."""
    if isinstance(obj, Post):
        out.write(to_text(obj, title=True) + "\n")


def write_markdown(
    obj: Any, out: TextIO, *, front_matter: bool = False, seo: bool = False
) -> None:
    """Write a post as Markdown: with front matter (*seo*: and its SEO fields), or with its title as ``#``."""
    if isinstance(obj, Post):
        markdown = to_markdown(
            obj, front_matter=front_matter, title=not front_matter, seo=seo
        )
        out.write(markdown + "\n")


def write_chunks(obj: Any, out: TextIO, *, max_chars: int = 1000) -> None:
    """Write a post's chunks as JSON Lines, one chunk per line."""
    if isinstance(obj, Post):
        out.writelines(
            json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n"
            for chunk in chunks(obj, max_chars)
        )


def _framed(obj: Any, out: TextIO, *, write: Writer, extension: str) -> None:
    buffer = io.StringIO()
    write(obj, buffer)
    content = buffer.getvalue()
    if not content:
        return
    frame = {
        "slug": getattr(obj, "slug", None),
        "id": getattr(obj, "id", None),
        "extension": extension,
        "content": content,
    }
    out.write(_FRAME + json.dumps(frame, ensure_ascii=True) + "\n")


def framed(write: Writer, extension: str) -> Writer:
    """Wrap *write* so that each model's output becomes one frame for a :class:`DirectorySink`."""
    return partial(_framed, write=write, extension=extension)


def safe_filename(slug: str | None, fallback: str, extension: str) -> str:
    """
    Return a file name made from *slug* that stays inside the output folder.

    Percent-encoding is decoded (WordPress sends non-ASCII slugs encoded);
    path separators, control characters (NUL included) and characters Windows
    refuses become ``-``; leading and trailing dots and spaces go, so ``..``
    and hidden files cannot appear; Windows' reserved names (``CON``,
    ``NUL``, ``COM1`` ...) get a ``_`` in front; very long names are cut.  An
    empty result becomes *fallback*.
    """
    name = unquote(slug or "", errors="replace")
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE_CHARS.sub("-", name).strip(" .-")
    encoded = name.encode("utf-8")
    if len(encoded) > _MAX_NAME_BYTES:
        name = encoded[:_MAX_NAME_BYTES].decode("utf-8", errors="ignore").rstrip(" .-")
    if not name:
        name = fallback
    if name.split(".", 1)[0].rstrip(" ").casefold() in _WINDOWS_RESERVED:
        name = "_" + name
    return name + extension


class DirectorySink(io.TextIOBase):
    """
    A text stream that turns frames into files in *folder*, one per model.

    Names come from :func:`safe_filename`; a name already used in this run
    (compared case-insensitively, as on macOS and Windows) gets the object's
    id, then a counter.  Anything that is not a frame is ignored.  A file that
    cannot be written is reported on *err* and listed in :attr:`failed`.

    Each file is written to a temporary file in *folder*, then renamed into
    place: what was at that name before (a file, a symbolic or hard link
    planted there) is replaced, never written through, and a run that stops
    half-way leaves no half-written file under a post's name.
    """

    def __init__(self, folder: Path, err: TextIO) -> None:
        super().__init__()
        self.folder = folder
        self.err = err
        self.written: list[Path] = []
        self.failed: list[Path] = []
        self._used: set[str] = set()
        # The next counter to try for each base name, so that thousands of
        # posts with one slug are named in linear time.
        self._counters: dict[tuple[str, str], int] = {}
        self._pending = ""

    def writable(self) -> bool:
        """A sink is always writable."""
        return True

    def write(self, text: str) -> int:
        """Take *text*; write a file for each complete frame in it."""
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        for line in lines:
            if line.startswith(_FRAME):
                self._file(json.loads(line.removeprefix(_FRAME)))
        return len(text)

    def _free(self, filename: str) -> bool:
        return filename.casefold() not in self._used

    def _name(self, frame: dict[str, Any]) -> str:
        extension: str = frame["extension"]
        ident = frame.get("id")
        fallback = f"post-{ident}" if ident is not None else "post"
        name = safe_filename(frame.get("slug"), fallback, extension)
        base = name.removesuffix(extension)
        tries = [base] if ident is None else [base, f"{base}-{ident}"]
        stem = next((t for t in tries if self._free(t + extension)), None)
        key = (base.casefold(), extension.casefold())
        number = self._counters.get(key, 2)
        while stem is None:
            if self._free(f"{base}-{number}{extension}"):
                stem = f"{base}-{number}"
            number += 1
        self._counters[key] = number
        filename = stem + extension
        self._used.add(filename.casefold())
        return filename

    def _file(self, frame: dict[str, Any]) -> None:
        path = self.folder / self._name(frame)
        if path.parent != self.folder:  # pragma: no cover - safe_filename forbids it
            raise ValueError(f"refusing to write outside {self.folder}: {path.name!r}")
        try:
            _replace(path, frame["content"])
        except OSError as exc:
            self.failed.append(path)
            self.err.write(f"wpparse: cannot write {path}: {exc.strerror or exc}\n")
            return
        self.written.append(path)


# A new file, never an existing one or a link; the umask applies, as for any file.
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_TRIES = 10


def _temporary(folder: Path) -> tuple[int, Path]:
    """Create a new, hidden temporary file in *folder*; return its descriptor and path."""
    for _ in range(_TRIES):
        path = folder / f".wpparse-{secrets.token_hex(8)}.tmp"
        try:
            return os.open(path, _NEW, 0o644), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _replace(path: Path, content: str) -> None:
    """Write *content* to a temporary file beside *path*, then rename it to *path*."""
    descriptor, temporary = _temporary(path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def silence_stdout() -> None:
    """
    Point standard output at the null device, after its reader went away.

    Python flushes ``sys.stdout`` at exit and would complain of the broken
    pipe a second time.
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
