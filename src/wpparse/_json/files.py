"""
Which files of a directory tree hold JSON records: paths in, paths out.

:func:`iter_files` takes a file or a directory and yields, in sorted order, the
files worth reading: ``*.json``, ``*.jsonl``, ``*.ndjson``, a static mirror's
``index.html`` files that hold JSON, anything under a ``wp-json`` folder.  It
opens a file only to peek at an ``index.html``; reading the records is
:mod:`wpparse._json.stream`'s work.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["iter_files"]

_SUFFIXES = (".json", ".jsonl", ".ndjson")


def _looks_like_json(path: Path) -> bool:
    """Whether a mirrored ``index.html`` holds JSON rather than a web page."""
    try:
        with path.open("rb") as raw:
            head = raw.read(512)
    except OSError:
        return True  # let the reader report it
    text = head.decode("utf-8", errors="ignore").lstrip(" \t\r\n\ufeff")
    return text[:1] in {"{", "["}


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_regular(path: Path) -> str | None:
    """What *path* is if it is not a regular file (after links): ``"a named pipe"`` ..."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # let the reader report it
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def iter_files(
    path: str | os.PathLike[str],
    on_skip: Callable[[Path, str], object] | None = None,
) -> Iterator[Path]:
    """
    Yield the JSON files under *path*, in sorted order; *path* itself if a file.

    Under a directory: ``*.json``, ``*.jsonl``, ``*.ndjson``, the
    ``index.html`` files of static mirrors that hold JSON (an ``index.html``
    that is a web page is not a record and is passed over), and, under a
    ``wp-json`` folder, any file that holds JSON whatever its name (wget saves
    ``wp-json/wp/v2/posts?page=2`` as is).  Only regular files are read under
    a directory: a named pipe, socket or device (or a link to one, such as
    ``/dev/stdin``) would block or never end; each one is passed to *on_skip*
    with what it is (``"a named pipe"``).  *path* itself is read whatever it
    is, as the caller named it (``<(curl ...)`` is a pipe).
    """
    root = Path(path)
    if not root.is_dir():
        yield root
        return
    # Depth first in sorted order, so that a/b.json comes before a_c.json as a
    # file manager shows them; an explicit stack, however deep the mirror.
    stack = [root]
    while stack:
        entry = stack.pop()
        if entry.is_symlink() and entry is not root and entry.is_dir():
            continue  # as os.walk: a linked folder may loop back on the tree
        if entry.is_dir():
            try:
                children = sorted(entry.iterdir(), reverse=True)
            except OSError:
                yield entry  # let the reader report it
                continue
            stack.extend(children)
            continue
        name = entry.name
        wanted = name.lower().endswith(_SUFFIXES)
        if not wanted and name != "index.html" and "wp-json" not in entry.parts:
            continue
        kind = _not_regular(entry)
        if kind is not None:
            if on_skip is not None:
                on_skip(entry, kind)
            continue
        if wanted or _looks_like_json(entry):
            yield entry
