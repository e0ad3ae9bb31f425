"""
Stage 1, one field at a time: the typed reading of a REST object's fields.

Each reader takes a decoded JSON value and the JSON path naming it, and
returns the value as the models want it (``None`` or empty when absent) or
raises :class:`~wpparse.exceptions.InvalidPostError` naming that path.
They are lenient where WordPress and its plugins are known to vary (numbers
sent as strings, PHP arrays with holes sent as objects, v1 plain strings for
``{"rendered": ...}``).  The excerpt's "read more" tail is cut here too.
Shared by every reader of :mod:`wpparse._rest` (posts, media, users, terms, comments).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wpparse._html.snippet import html_to_text
from wpparse._rest.context import INT_TEXT, Context, is_mapping
from wpparse._rest.relations import key_path
from wpparse._text import fix_surrogates
from wpparse.exceptions import InvalidPostError, describe

__all__ = [
    "_bool",
    "_excerpt_text",
    "_field",
    "_int",
    "_int_or_object_id",
    "_ints",
    "_str",
    "_strs",
    "author_at",
    "bool_at",
    "excerpt_markup",
    "excerpt_text",
    "int_at",
    "ints_at",
    "rendered_at",
    "str_at",
    "strs_at",
]


def _field(name: str, base: str) -> str:
    return f"{base}.{name}"


# str(int) refuses more than 4,300 digits (about 14,000 bits); stay well under.
_MAX_INT_BITS = 4_000


def _int(value: Any, path: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and INT_TEXT.fullmatch(value):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise InvalidPostError(f"expected an integer, got {describe(value)}", path=path)


def _str(value: Any, path: str) -> str | None:
    if value is None:
        return value
    if isinstance(value, str):
        return fix_surrogates(value, path)
    if isinstance(value, float) or (
        isinstance(value, int)
        and not isinstance(value, bool)
        and value.bit_length() < _MAX_INT_BITS
    ):
        return str(value)
    raise InvalidPostError(f"expected a string, got {describe(value)}", path=path)


def _bool(value: Any, path: str) -> bool:
    # None and true/false are bool_at's: only other values come here.
    if value in (0, 1, "0", "1", "true", "false"):
        return value in (1, "1", "true")
    raise InvalidPostError(f"expected true or false, got {describe(value)}", path=path)


def _ints(value: Any, path: str) -> tuple[int, ...]:
    # None is ints_at's: only other values come here.
    if not isinstance(value, list):
        raise InvalidPostError(
            f"expected a list of ids, got {describe(value)}", path=path
        )
    out: list[int] = []
    for index, item in enumerate(value):
        number = _int(item, f"{path}[{index}]")
        if number is not None:
            out.append(number)
    return tuple(out)


def _strs(value: Any, path: str) -> tuple[str, ...]:
    # None is strs_at's: only other values come here.
    if is_mapping(value):
        # WordPress serialises a PHP array with holes as an object {"0": ..., "2": ...}.
        items = [(key_path(path, k), v) for k, v in value.items()]
    elif isinstance(value, list):
        items = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
    else:
        raise InvalidPostError(
            f"expected a list of strings, got {describe(value)}", path=path
        )
    return tuple(s for item_path, item in items if (s := _str(item, item_path)))


# The "[…]" / "Continue reading" tail of an excerpt: one of two patterns,
# ending the text.  A bracket tail starts at the last "[" and both read-more
# phrases contain "read", so each regex runs only where it can match: a
# single search with a leading \s* costs more than parsing the excerpt.
_BRACKET_TAIL = re.compile(r"\[\s*(?:…|\.\.\.)\s*\]\s*$")
_READ_MORE_TAIL = re.compile(
    r"(?:continue reading|read more)\b.*\s*$",
    re.IGNORECASE,
)
# The "read more" link or paragraph WordPress and themes end an excerpt with:
# an <a>, <p> or <div> tag whose class names one of these.  Found from the
# class name, one tag at a time: a regular expression run from every "<" took
# quadratic time on "<p " * k (no ">" to stop "[^>]*").
_MORE_CLASS = re.compile(r"more-link|link-more|readmore", re.IGNORECASE)
_MORE_TAG = re.compile(r"<(?:a|p|div)\b", re.IGNORECASE)
_CLASS_VALUE = re.compile(r"class=[\"']([^\"']*)[\"']", re.IGNORECASE)


def _more_link_start(html: str) -> int | None:
    """
    Where the excerpt's first "read more" tag starts, if it has one.

    The first ``<a``, ``<p`` or ``<div`` followed, with no ``>`` between, by
    a quoted ``class=`` value that names a read-more class, and a ``>`` later.
    Linear time: each ``class=`` value is read once, and the text before it
    scanned once for ``>`` and for a tag.

    >>> _more_link_start('Text <a class="more-link" href="/p">Read</a>')
    5
    """
    if "=" not in html:  # no attribute, no class: the usual "<p>...[&hellip;]</p>"
        return None
    last_close = html.rfind(">")
    scanned = 0  # html[:scanned] has been searched for ">"
    run_start = 0  # after the last ">" before the current class value
    searched = 0  # html[run_start:searched] holds no tag start
    value = _CLASS_VALUE.search(html)
    while value is not None and value.end() <= last_close:
        at = value.start()
        if _MORE_CLASS.search(value.group(1)):
            close = html.rfind(">", scanned, at)
            scanned = at
            if close >= 0:
                run_start = searched = close + 1
            tag = _MORE_TAG.search(html, max(run_start, searched - 4), at + 1)
            if tag is not None and tag.end() <= at:
                return tag.start()
            searched = at
        value = _CLASS_VALUE.search(html, at + 1)
    return None


def _tail_start(text: str) -> int | None:
    """Where the excerpt's "[…]" or "Continue reading" tail starts, if it has one."""
    start = None
    bracket = text.rfind("[")
    if bracket >= 0 and _BRACKET_TAIL.match(text, bracket):
        start = bracket
    # Only ASCII letters lower to r, e, a and d: lowering the UTF-8 bytes
    # (ASCII only) finds the same "read"s as str.lower(), for less.
    if b"read" in text.encode("utf-8", "surrogatepass").lower():
        more = _READ_MORE_TAIL.search(text)
        if more and (start is None or more.start() < start):
            start = more.start()
    return start


def _excerpt_text(
    excerpt_html: str, where: str, *, repaired: bool = False
) -> tuple[str, bool]:
    """
    Return the excerpt's plain text without WordPress's "read more" tail, and whether it was cut.

    *repaired*: as for :func:`~wpparse._html.snippet.html_to_text`.
    """
    html, cut = excerpt_markup(excerpt_html)
    return excerpt_text(html, where, cut=cut, repaired=repaired)


def excerpt_markup(excerpt_html: str) -> tuple[str, bool]:
    """
    The markup of the excerpt's text: *excerpt_html* up to its "read more" tag, if it has one; and whether it had one.

    >>> excerpt_markup('<p>Text</p> <a class="more-link" href="/p">Read</a>')
    ('<p>Text</p> ', True)
    """
    more = _more_link_start(excerpt_html)
    if more is None:
        return excerpt_html, False
    return excerpt_html[:more], True


def excerpt_text(
    html: str, where: str, *, cut: bool, repaired: bool = False
) -> tuple[str, bool]:
    """
    The second half of :func:`_excerpt_text`, from what :func:`excerpt_markup` returned.

    The text of *html* without its "[…]" tail, and whether the excerpt was
    cut: *cut* (a "read more" tag went), or a tail went, or it ends in one.
    """
    text = html_to_text(html, where, repaired=repaired)
    tail = _tail_start(text)
    if tail is not None:
        text = text[:tail].rstrip()
        cut = True
        if text and not text.endswith("…"):
            text = f"{text} …" if text[-1] in ",;:" else f"{text}…"
    elif text.endswith(("…", "...")):
        cut = True
    return text, cut


def _int_or_object_id(value: Any, path: str) -> int | None:
    # WP-API v1 and some customised sites embed the author object itself.
    if is_mapping(value):
        inner = value.get("id", value.get("ID"))
        return _int(inner, f"{path}.id")
    return _int(value, path)


# --- readers of one field of an object ---------------------------------------
# Each reads the field *name* of *obj*, the object *ctx* is reading (at
# ctx.path), returning what the reader above would for that value.  The
# common types take a fast path, and a field's JSON path is built only when
# its value needs the full reader (to raise, or to repair).  When ctx.clean,
# the object's strings are known to hold no lone surrogate (see
# wpparse._json.load.load_json_clean).


def str_at(obj: Mapping[str, Any], name: str, ctx: Context) -> str | None:
    """:func:`_str` of the field *name* of *obj*."""
    value = obj.get(name)
    if isinstance(value, str):
        # fix_surrogates is called from here, as _str calls it: its warning
        # (stacklevel) names the same frame.
        if ctx.clean or value.isascii():
            return value
        return fix_surrogates(value, f"{ctx.path}.{name}")
    if value is None:
        return None
    return _str(value, f"{ctx.path}.{name}")


def int_at(obj: Mapping[str, Any], name: str, ctx: Context) -> int | None:
    """:func:`_int` of the field *name* of *obj*."""
    value = obj.get(name)
    if value is None or value.__class__ is int:
        return value
    return _int(value, f"{ctx.path}.{name}")


def bool_at(obj: Mapping[str, Any], name: str, ctx: Context) -> bool | None:
    """:func:`_bool` of the field *name* of *obj*."""
    value = obj.get(name)
    if value is None or value.__class__ is bool:
        return value
    return _bool(value, f"{ctx.path}.{name}")


def ints_at(obj: Mapping[str, Any], name: str, ctx: Context) -> tuple[int, ...]:
    """:func:`_ints` of the field *name* of *obj*."""
    value = obj.get(name)
    if value is None:
        return ()
    if value.__class__ is list:
        for item in value:
            if item.__class__ is not int:
                break
        else:
            return tuple(value)
    return _ints(value, f"{ctx.path}.{name}")


def strs_at(obj: Mapping[str, Any], name: str, ctx: Context) -> tuple[str, ...]:
    """:func:`_strs` of the field *name* of *obj*."""
    value = obj.get(name)
    if value is None:
        return ()
    if value.__class__ is list:
        clean = ctx.clean
        for item in value:
            if item.__class__ is not str or not item or not (clean or item.isascii()):
                break
        else:
            return tuple(value)
    return _strs(value, f"{ctx.path}.{name}")


def rendered_at(obj: Mapping[str, Any], name: str, ctx: Context) -> tuple[str, bool]:
    """
    Return ``(html, protected)`` of the ``{"rendered": ...}`` field *name* of *obj*.

    Also a WP-API v1 plain string, and ``raw`` when ``rendered`` is null
    (``?context=edit`` responses trimmed by a plugin).
    """
    value = obj.get(name)
    if value is None:
        return "", False
    if isinstance(value, str):
        if ctx.clean or value.isascii():
            return value, False
        return fix_surrogates(value, f"{ctx.path}.{name}"), False
    if value.__class__ is dict or is_mapping(value):
        html = value.get("rendered")
        if html.__class__ is str and (ctx.clean or html.isascii()):
            return html, value.get("protected") is True
        key = "raw" if html is None and "raw" in value else "rendered"
        html = _str(value.get(key), f"{ctx.path}.{name}.{key}") or ""
        return html, value.get("protected") is True
    raise InvalidPostError(
        f"expected an object with 'rendered', got {describe(value)}",
        path=f"{ctx.path}.{name}",
    )


def author_at(obj: Mapping[str, Any], name: str, ctx: Context) -> int | None:
    """:func:`_int_or_object_id` of the field *name* of *obj*."""
    value = obj.get(name)
    if value is None or value.__class__ is int:
        return value
    return _int_or_object_id(value, f"{ctx.path}.{name}")
