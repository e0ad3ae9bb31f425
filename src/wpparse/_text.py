"""
Plain-string helpers every stage shares: whitespace as a browser shows it,
lone surrogates, which JSON allows and no encoder writes, and the models' short
reprs.

A leaf: it imports only the standard library and :mod:`wpparse.exceptions`.
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from types import FrameType

from wpparse.exceptions import WPParseWarning

__all__ = ["collapse", "collecting_warnings", "fix_surrogates", "short_repr", "warn"]

_SURROGATE = re.compile("[\ud800-\udfff]")
# Every module of wpparse lives under this folder: a warning names the first
# frame outside it, the caller's code.
_PACKAGE = str(Path(__file__).resolve().parent) + "/"
_PACKAGE_PREFIXES = (_PACKAGE, str(Path(__file__).parent) + "/")
_SINK: ContextVar[list[WPParseWarning] | None] = ContextVar(
    "wpparse_warnings", default=None
)


def warn(message: str, *, collect: bool = True) -> None:
    """
    Issue a :class:`~wpparse.WPParseWarning` about repaired input, attributed to the caller.

    The warning names the first frame outside wpparse (the user's call, not
    a line of wpparse): ``skip_file_prefixes`` on Python 3.12 and later, the
    same walk up the stack on 3.11.  Inside :func:`collecting_warnings`, the
    warning is collected instead of issued, unless not *collect* (a problem
    reported as a warning, not a repair).
    """
    sink = _SINK.get() if collect else None
    if sink is not None:
        sink.append(WPParseWarning(message))
        return
    if sys.version_info >= (3, 12):
        warnings.warn(message, WPParseWarning, skip_file_prefixes=_PACKAGE_PREFIXES)
        return
    frame: FrameType | None = sys._getframe(1)  # noqa: SLF001 - as warnings.warn walks
    level = 2  # stacklevel 2 is the frame that called warn()
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_PREFIXES):
        frame = frame.f_back
        level += 1
    warnings.warn(message, WPParseWarning, stacklevel=level)


@contextmanager
def collecting_warnings() -> Iterator[list[WPParseWarning]]:
    """
    Collect the warnings :func:`warn` would issue in this block (in this thread or task), in order.

    >>> with collecting_warnings() as found:
    ...     warn("repaired something @ $.title")
    >>> [str(w) for w in found]
    ['repaired something @ $.title']
    """
    found: list[WPParseWarning] = []
    token = _SINK.set(found)
    try:
        yield found
    finally:
        _SINK.reset(token)


def fix_surrogates(text: str, where: str) -> str:
    """
    Replace lone surrogates in *text* with U+FFFD, warning once, naming *where*.

    JSON allows ``"\\ud800"`` although it is no character; lxml cuts text at it
    and no encoder writes it.
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-16-le")  # C speed; fails only on a lone surrogate
    except UnicodeEncodeError:
        pass
    else:
        return text
    fixed, count = _SURROGATE.subn("\ufffd", text)
    warn(
        f"replaced {count} lone surrogate{'s' if count != 1 else ''} "
        f"(not valid Unicode) with U+FFFD @ {where}"
    )
    return fixed


def collapse(text: str) -> str:
    """
    Collapse runs of whitespace to one space and strip the ends, as a browser shows text.

    >>> collapse("  a\\n\\tb  c\\xa0d ")
    'a b c d'
    """
    # The space is the only whitespace character str.isprintable() accepts:
    # printable text without a double space is collapsed once stripped.
    # Cheaper than splitting it into words and joining them, and than
    # searching for each whitespace character (measured with callgrind).
    stripped = text.strip()
    if stripped.isprintable() and "  " not in stripped:
        return stripped
    return " ".join(stripped.split())


_CLIP = 40  # characters of a title or text in a short repr


def _clip(value: object) -> str:
    if isinstance(value, str) and len(value) > _CLIP:
        value = value[: _CLIP - 1] + "\u2026"
    return repr(value)


def short_repr(obj: object, **facts: object) -> str:
    """
    Return ``<Name key=value ...>``: what tells a model apart, not all it holds.

    Strings are cut to 40 characters; facts that are None are left out.  The
    models' reprs are made so, to keep logs, tracebacks and notebooks
    readable; ``to_dict()`` and the attributes give the whole value.

    >>> short_repr(object(), id=7, slug="a" * 50, title=None, links=3)
    "<object id=7 slug='aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u2026' links=3>"
    """
    parts = [
        f"{key}={_clip(value)}" for key, value in facts.items() if value is not None
    ]
    return f"<{type(obj).__name__} {' '.join(parts)}>"


# The compiled twin of collapse (wpparse._speedups), when built and not
# switched off; the function above stays the reference.
from wpparse._speedups import compiled as _compiled  # noqa: E402 - after the reference

pure_collapse = collapse
if _compiled is not None:
    collapse = _compiled.collapse
