"""
Files of a mirror: atomic writes, staged pages, and the JSON Lines of each type.

Nothing is ever written in place: every file is written whole under a
temporary name in its own folder, flushed to disk, then renamed over the old
one (:func:`os.replace`), so a reader, a crash or a killed process sees the old
file or the new one, never half of one.  The temporary names start with
:data:`TMP_PREFIX` and end without ``.json``, so :func:`wpparse.read_objects`
never reads them; a later run removes those a killed run left behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from wpparse._fetch.errors import MirrorError

__all__ = [
    "TMP_PREFIX",
    "atomic_write",
    "count_lines",
    "json_bytes",
    "record_id",
    "remove_temporaries",
    "write_atomic",
    "write_records",
]

TMP_PREFIX = ".wpparse-tmp-"


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[IO[bytes]]:
    """
    Write *path* whole or not at all: yield a binary file that replaces it on success.

    The file gets the permissions a plain ``open()`` would give it (the
    umask applies), unlike :func:`tempfile.mkstemp`'s private ones.
    """
    temporary = path.with_name(f"{TMP_PREFIX}{path.name}-{secrets.token_hex(6)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(path)  # os.replace: atomic on POSIX and Windows
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Replace *path* with *data*, atomically."""
    with atomic_write(path) as out:
        out.write(data)


def remove_temporaries(folder: Path) -> int:
    """Delete what killed runs left half-written under *folder*; return how many."""
    removed = 0
    for path in folder.rglob(f"{TMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def record_id(obj: Any) -> int | str | None:
    """The key that makes two copies the same object: its ``id``, if it has one."""
    if isinstance(obj, dict):
        key = obj.get("id")
        if isinstance(key, int | str) and not isinstance(key, bool):
            return key
    return None


def json_bytes(value: Any, *, indent: int | None = None) -> bytes:
    r"""
    *value* as UTF-8 JSON, ending in a newline; compact without *indent*.

    Text stays as written, except when it holds a lone surrogate (a site may
    send ``"\ud800"`` escaped; UTF-8 cannot hold it): the value is then
    written with every non-ASCII character escaped, so it reads back the same.

    >>> json_bytes({"t": "\u00e9"}), json_bytes({"t": "\u00e9\ud800"})
    (b'{"t":"\xc3\xa9"}\n', b'{"t":"\\u00e9\\ud800"}\n')
    """
    separators = (",", ":") if indent is None else None
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
    try:
        return text.encode() + b"\n"
    except UnicodeEncodeError:
        return json.dumps(value, indent=indent, separators=separators).encode() + b"\n"


def _line(obj: Any) -> bytes:
    # Compact, one object per line: JSON escapes every newline inside strings.
    return json_bytes(obj)


def _page_objects(page: Path) -> list[Any]:
    value = json.loads(page.read_bytes())
    return value if isinstance(value, list) else []


def write_records(target: Path, pages: Iterable[Path], *, merge: bool) -> int:
    """
    Write the objects of the staged *pages* to *target*, JSON Lines; return how many.

    With *merge*, the objects already in *target* stay, except those with the
    id of a new copy: the new copy replaces them.  Without it the file holds
    exactly the pages' objects.  An object met twice (the site's paging shifted
    between two pages) is written once, its first copy.  Memory holds the set
    of ids, never the objects of the whole file.
    """
    pages = list(pages)
    new_ids: set[int | str] = set()
    if merge:
        for page in pages:
            new_ids.update(
                key for key in map(record_id, _page_objects(page)) if key is not None
            )
    written = 0
    with atomic_write(target) as out:
        if merge and target.exists():
            with target.open("rb") as old:
                for number, raw in enumerate(old, 1):
                    if not raw.strip():
                        continue
                    try:
                        key = record_id(json.loads(raw))
                    except ValueError:
                        msg = (
                            f"{target}, line {number}: not JSON; the mirror cannot "
                            "merge into it (remove the file to fetch the type again)"
                        )
                        raise MirrorError(msg) from None
                    if key in new_ids:
                        continue
                    out.write(raw if raw.endswith(b"\n") else raw + b"\n")
                    written += 1
        seen: set[int | str] = set()
        for page in pages:
            for obj in _page_objects(page):
                key = record_id(obj)
                if key is not None:
                    if key in seen:
                        continue
                    seen.add(key)
                out.write(_line(obj))
                written += 1
    return written


def count_lines(path: Path) -> int:
    """How many records a JSON Lines file of the mirror holds (0 when it is absent)."""
    try:
        with path.open("rb") as lines:
            return sum(1 for raw in lines if raw.strip())
    except FileNotFoundError:
        return 0
