"""
Collections: a page of REST objects in, a :class:`Collection` of models out.

A collection arrives as a JSON array, as JSON Lines, or wrapped in an
``?_envelope`` body.  The paging facts WordPress sends beside it
(``X-WP-Total``, ``X-WP-TotalPages`` and the ``Link`` header's ``next`` and
``prev``) come from the response headers the caller passes in, or from the
envelope's ``headers``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import tzinfo
from typing import Any, Protocol, TypeVar

from wpparse._content.sections import HeadingRule
from wpparse._editor.shortcodes import ShortcodeMode, check_mode
from wpparse._json.kinds import envelope, raise_for_error
from wpparse._json.load import (
    JSONInput,
    _decode_one,
    _skip_ws,
    as_clean_text,
    load_json_clean,
    load_repaired_json,
    looks_like_json_lines,
)
from wpparse._model.objects import Problem, Source
from wpparse._model.post import Post
from wpparse._rest.context import INT_TEXT
from wpparse._rest.dates import resolve_tz
from wpparse._rest.dispatch import WPObject, object_from_mapping, post_from_mapping
from wpparse.exceptions import InvalidJSONError, NotAPostError, WPParseError, describe

__all__ = [
    "Collection",
    "Headers",
    "make_problem",
    "paging_from_headers",
    "parse_objects",
    "parse_posts",
]

T = TypeVar("T")


class Collection(tuple[T, ...]):  # noqa: SLOT001 - it carries paging attributes
    """
    The records of a collection, in order, with the paging facts when known.

    A :class:`Collection` is a tuple: index it, slice it, iterate over it.
    Beside the records it carries what WordPress said about the whole
    collection, and the records a lenient parse skipped.

    >>> import wpparse
    >>> posts = wpparse.parse_posts(
    ...     '[{"id": 1}, {"id": 2}]',
    ...     headers={"x-wp-total": "12", "X-WP-TotalPages": "6",
    ...              "Link": '<https://example.org/wp-json/wp/v2/posts?page=2>; rel="next"'},
    ... )
    >>> [p.id for p in posts], posts.total, posts.total_pages
    ([1, 2], 12, 6)
    >>> posts.next
    'https://example.org/wp-json/wp/v2/posts?page=2'

    .. versionadded:: 0.1.0
    """

    total: int | None
    """How many records the whole collection holds (``X-WP-Total``), when known."""
    total_pages: int | None
    """How many pages it has (``X-WP-TotalPages``), when known."""
    next: str | None
    """The URL of the next page (``Link: <...>; rel="next"``), if any."""
    prev: str | None
    """The URL of the previous page (``Link: <...>; rel="prev"``), if any."""
    problems: tuple[Problem, ...]
    """The records skipped by a lenient parse (``strict=False``), in order."""

    def __new__(
        cls,
        items: tuple[T, ...] | list[T] = (),
        *,
        total: int | None = None,
        total_pages: int | None = None,
        next: str | None = None,  # noqa: A002 - the link relation's name
        prev: str | None = None,
        problems: tuple[Problem, ...] = (),
    ) -> Collection[T]:
        """Make a collection of *items* with the given paging facts."""
        self = super().__new__(cls, items)
        self.total = total
        self.total_pages = total_pages
        self.next = next
        self.prev = prev
        self.problems = problems
        return self

    def __repr__(self) -> str:
        return (
            f"Collection({list(self)!r}, total={self.total!r}, "
            f"total_pages={self.total_pages!r}, next={self.next!r}, "
            f"prev={self.prev!r}, problems={self.problems!r})"
        )


_REL = re.compile(r"""\brel\s*=\s*(?:"([^"]*)"|([^\s;,]+))""", re.IGNORECASE)


def _link_values(header: str) -> Iterator[tuple[str, str]]:
    """
    The ``(URL, parameters)`` of each link of a ``Link`` header, in linear time.

    ``<url>; rel="next", <url>; rel="prev"``: a regular expression that
    matched ``<[^>]*>`` at every ``<`` took quadratic time on ``"<" * n``.

    >>> list(_link_values('<https://a.example/?page=2>; rel="next", <x>; rel=prev'))
    [('https://a.example/?page=2', '; rel="next"'), ('x', '; rel=prev')]
    """
    pos = 0
    while True:
        start = header.find("<", pos)
        if start < 0:
            return
        end = header.find(">", start + 1)
        if end < 0:
            return  # no '>' after this '<': none after a later one either
        stop = _params_end(header, end + 1)
        yield header[start + 1 : end], header[end + 1 : stop]
        pos = stop


def _params_end(header: str, pos: int) -> int:
    """Where the parameters from *pos* end: at the next comma outside quotes."""
    comma = header.find(",", pos)
    while comma >= 0:
        quote = header.find('"', pos, comma)
        if quote < 0:
            return comma
        close = header.find('"', quote + 1)
        if close < 0:
            return len(header)
        pos = close + 1
        if pos > comma:
            comma = header.find(",", pos)
    return len(header)


def _header_int(value: Any) -> int | None:
    if isinstance(value, list | tuple) and value:
        value = value[0]
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and INT_TEXT.fullmatch(value):
        number = int(value)
        return number if number >= 0 else None
    return None


class Headers(Protocol):
    """
    HTTP response headers, as any HTTP client gives them.

    Anything with an ``items()`` of ``(name, value)`` pairs: a :class:`dict`,
    ``requests``' and ``httpx``'s headers, or the
    ``http.client.HTTPMessage`` that :func:`urllib.request.urlopen`
    returns.  Names are matched whatever their case.

    .. versionadded:: 0.1.0
    """

    def items(self) -> Iterable[tuple[str, Any]]:
        """Return the ``(name, value)`` pairs of the headers."""
        ...  # pragma: no cover - a protocol


def paging_from_headers(headers: Headers | None) -> dict[str, Any]:
    """
    Read ``X-WP-Total``, ``X-WP-TotalPages`` and the ``Link`` header's
    ``next``/``prev`` from *headers*, whatever the case of their names.

    Returns the keyword arguments of :class:`Collection` that were found.
    """
    if not headers:
        return {}
    lower = {str(k).lower(): v for k, v in headers.items()}
    found: dict[str, Any] = {}
    total = _header_int(lower.get("x-wp-total"))
    pages = _header_int(lower.get("x-wp-totalpages"))
    if total is not None:
        found["total"] = total
    if pages is not None:
        found["total_pages"] = pages
    link = lower.get("link")
    values = link if isinstance(link, list | tuple) else [link]
    for value in values:
        if not isinstance(value, str):
            continue
        for url, params in _link_values(value):
            rel = _REL.search(params)
            if rel is None:
                continue
            for name in (rel.group(1) or rel.group(2)).lower().split():
                if name in {"next", "prev", "previous"}:
                    key = "next" if name == "next" else "prev"
                    found.setdefault(key, url)
    return found


def collection_records(
    data: JSONInput,
) -> tuple[Iterator[tuple[Source, str, Any]], dict[str, Any], bool]:
    """
    Split a collection into ``(source, path, record)`` and its envelope's paging.

    Bad JSON Lines lines come out as :class:`~wpparse.exceptions.InvalidJSONError`
    records, so that a lenient caller can skip just them.  Also return whether
    the records' strings are clean (see :func:`~wpparse._json.load.load_json_clean`).
    """
    repaired = clean = False  # as_clean_text's text needs no second repair
    if isinstance(data, bytes | bytearray | memoryview):
        (data, clean), repaired = as_clean_text(data), True
    if isinstance(data, str):
        if looks_like_json_lines(data):
            return _json_lines(data), {}, clean
        if repaired:
            data = load_repaired_json(data)
        else:
            data, clean = load_json_clean(data)
    records, paging = _records(data)
    return records, paging, clean


def _records(data: Any) -> tuple[Iterator[tuple[Source, str, Any]], dict[str, Any]]:
    if isinstance(data, Mapping):
        raise_for_error(data)
        parts = envelope(data)
        if parts is not None:  # an ?_envelope response
            body, headers = parts
            paging = paging_from_headers(headers)
            if isinstance(body, Mapping):
                raise_for_error(body, "$.body")
                return _items([body], "$.body"), paging
            if isinstance(body, list):
                return _items(body, "$.body"), paging
        return _items([data], None), {}
    if isinstance(data, list | tuple):
        return _items(data, "$"), {}
    raise NotAPostError(
        f"expected a collection of objects, got {describe(data)}", path="$"
    )


def _items(items: Any, prefix: str | None) -> Iterator[tuple[Source, str, Any]]:
    for index, item in enumerate(items):
        path = "$" if prefix is None else f"{prefix}[{index}]"
        yield Source(index=index), path, item


def _json_lines(text: str) -> Iterator[tuple[Source, str, Any]]:
    index = 0
    offset = 0
    # Only "\n" ends a line: str.splitlines() also splits at U+2028, which a
    # JSON string may hold raw.
    for number, line in enumerate(text.split("\n"), start=1):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        source, path = Source(line=number, index=index), f"$[{index}]"
        index += 1
        yield source, path, _json_line(line, path, number, start)


def _json_line(line: str, path: str, number: int, offset: int) -> Any:
    """Return the value on *line* (line *number*, at *offset*), or the :class:`InvalidJSONError` it gives."""
    try:
        value, end = _decode_one(
            line, _skip_ws(line, 0), path, line=number, offset=offset
        )
    except InvalidJSONError as exc:
        return exc
    if _skip_ws(line, end) < len(line):
        reason = (
            f"invalid JSON Lines: more than one value on line {number} "
            f"(from column {end + 1})"
        )
        return InvalidJSONError(reason, path=path, position=offset + end)
    return value


def make_problem(source: Source, path: str, exc: WPParseError) -> Problem:
    """Describe the bad record at *source* and *path* that raised *exc*."""
    where = getattr(exc, "path", None) or path
    reason = getattr(exc, "reason", None)
    if not isinstance(reason, str):
        reason = str(exc).removesuffix(f" @ {where}")
    return Problem(source=source, path=where, reason=reason, error=exc)


def _parse_all(
    data: JSONInput,
    headers: Headers | None,
    strict: bool,  # noqa: FBT001
    build: Callable[[Any, str, Source, bool], T],
) -> Collection[T]:
    records, paging, clean = collection_records(data)
    paging.update(paging_from_headers(headers))
    out: list[T] = []
    problems: list[Problem] = []
    for source, path, record in records:
        try:
            if isinstance(record, InvalidJSONError):
                raise record
            out.append(build(record, path, source, clean))
        except WPParseError as exc:
            if strict:
                raise
            problems.append(make_problem(source, path, exc))
    return Collection(out, problems=tuple(problems), **paging)


def parse_posts(
    data: JSONInput,
    *,
    headers: Headers | None = None,
    strict: bool = True,
    headings: HeadingRule = "auto",
    tz: tzinfo | str | None = None,
    shortcodes: ShortcodeMode = "strip",
) -> Collection[Post]:
    """
    Parse a collection of post objects, in order.

    Args:
        data: A JSON array (decoded, or as text), JSON Lines text (one object a
            line), or an ``?_envelope`` response whose ``body`` is an array.  A
            single post object is a collection of one.
        headers: The HTTP response's headers (``response.headers`` of requests
            or httpx, urllib's ``response.headers``, or any mapping; names in any
            case), for the paging facts.
        strict: With ``True`` (the default) the first bad record raises.  With
            ``False`` bad records are skipped, and each is described in
            :attr:`Collection.problems`.
        headings: As for :func:`parse_post`.
        tz: As for :func:`parse_post`.
        shortcodes: As for :func:`parse_post`.

    Returns:
        The posts, in input order, with the paging facts.

    Raises:
        WPParseError: The first bad record (when *strict*); its path names the
            record (``@ $[3].title``).  Input that is not JSON at all, or a
            WordPress error response in place of the collection, raises
            whatever *strict* says.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.1.0 Returns a :class:`Collection`; *headers* and *strict*.
    """
    zone = resolve_tz(tz)
    check_mode(shortcodes)

    def build(record: Any, path: str, source: Source, clean: bool) -> Post:  # noqa: FBT001
        if not isinstance(record, Mapping):
            raise NotAPostError(
                f"expected a post object, got {describe(record)}", path=path
            )
        return post_from_mapping(
            record,
            path=path,
            headings=headings,
            tz=zone,
            source=source,
            clean=clean,
            shortcodes=shortcodes,
        )

    return _parse_all(data, headers, strict, build)


def parse_objects(
    data: JSONInput,
    *,
    headers: Headers | None = None,
    strict: bool = True,
    headings: HeadingRule = "auto",
    tz: tzinfo | str | None = None,
) -> Collection[WPObject]:
    """
    Parse a collection of any REST objects, each into its own model.

    As :func:`parse_posts`, but a record may be a post, a media item, a user,
    a term or a comment, in any mix: each becomes the model :func:`parse`
    would give it.

    .. versionadded:: 0.1.0
    """
    zone = resolve_tz(tz)

    def build(record: Any, path: str, source: Source, clean: bool) -> WPObject:  # noqa: FBT001
        return object_from_mapping(
            record, path=path, headings=headings, tz=zone, source=source, clean=clean
        )

    return _parse_all(data, headers, strict, build)
