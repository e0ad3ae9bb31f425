"""
Stage 1 for the other REST objects: media, users, terms and comments.

:func:`object_from_mapping` looks at an object's shape
(:func:`~wpparse._wpjson.object_kind`) and builds the matching model;
:func:`parse` is its public face.  The same rules as for posts hold: strict
about the ``id``, lenient about missing or null fields, and a modelled field of
the wrong type raises :class:`~wpparse.InvalidPostError` naming its JSON path.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo
from typing import Any

from wpparse._dates import parse_wp_date, resolve_tz
from wpparse._fields import _int, _rendered, _str
from wpparse._kinds import what as _what
from wpparse._load import JSONInput
from wpparse._models import Post
from wpparse._objects import Comment, Media, MediaSize, Source, Term, User
from wpparse._relations import parse_relations
from wpparse._text import collapse, html_to_text
from wpparse._wpjson import (
    HeadingRule,
    _decode,
    _embedded,
    object_kind,
    post_from_mapping,
    raise_for_error,
)
from wpparse.exceptions import InvalidPostError, NotAPostError, describe

__all__ = [
    "WPObject",
    "comment_from_mapping",
    "media_from_mapping",
    "object_from_mapping",
    "parse",
    "term_from_mapping",
    "user_from_mapping",
]

WPObject = Post | Media | User | Term | Comment
"""Any model :func:`wpparse.parse` returns."""

_MEDIA_KEYS = frozenset(
    {
        "id",
        "source_url",
        "alt_text",
        "caption",
        "description",
        "title",
        "media_type",
        "mime_type",
        "slug",
        "link",
        "date",
        "date_gmt",
        "author",
        "post",
        "_links",
        "_embedded",
    }
)
_USER_KEYS = frozenset(
    {"id", "name", "slug", "link", "url", "description", "avatar_urls", "_links"}
)
_TERM_KEYS = frozenset(
    {
        "id",
        "name",
        "slug",
        "taxonomy",
        "link",
        "count",
        "parent",
        "description",
        "_links",
    }
)
_COMMENT_KEYS = frozenset(
    {
        "id",
        "post",
        "parent",
        "author",
        "author_name",
        "author_url",
        "date",
        "date_gmt",
        "content",
        "status",
        "type",
        "link",
        "author_avatar_urls",
        "_links",
    }
)


def _id(obj: Mapping[str, Any], path: str) -> int:
    key = "id" if "id" in obj else "ID"
    value = _int(obj.get(key), f"{path}.{key}")
    if value is None:
        raise NotAPostError(
            f"expected an object with an integer 'id', got {describe(obj.get(key))}",
            path=f"{path}.{key}",
        )
    return value


def _text(value: Any, path: str) -> tuple[str, str]:
    """Return ``(plain text, html)`` of a ``{"rendered": ...}`` field or a plain string."""
    html, _ = _rendered(value, path)
    return (html_to_text(html) if html else ""), html


def _plain(value: Any, path: str) -> str:
    text = _str(value, path)
    return html_to_text(text) if text else ""


def _extra(obj: Mapping[str, Any], modelled: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in modelled}


def _avatars(value: Any, path: str) -> dict[int, str]:
    if value is None or (isinstance(value, list) and not value):
        return {}
    if not isinstance(value, Mapping):
        raise InvalidPostError(
            f"expected an object of avatar URLs, got {describe(value)}", path=path
        )
    out: dict[int, str] = {}
    for size, url in value.items():
        number = _int(size, f"{path}[{size!r}]")
        text = _str(url, f"{path}[{size!r}]")
        if number is not None and text:
            out[number] = text
    return out


def _sizes(value: Any, path: str) -> dict[str, MediaSize]:
    if not isinstance(value, Mapping):
        return {}
    out: dict[str, MediaSize] = {}
    for name, size in value.items():
        if not isinstance(size, Mapping):
            continue
        where = f"{path}[{name!r}]"
        out[str(name)] = MediaSize(
            name=str(name),
            source_url=_str(size.get("source_url"), f"{where}.source_url"),
            width=_int(size.get("width"), f"{where}.width"),
            height=_int(size.get("height"), f"{where}.height"),
            mime_type=_str(size.get("mime_type"), f"{where}.mime_type"),
            file=_str(size.get("file"), f"{where}.file"),
        )
    return out


def media_from_mapping(
    obj: Mapping[str, Any],
    *,
    path: str = "$",
    tz: tzinfo | None = None,
    source: Source | None = None,
) -> Media:
    """Build a :class:`Media` from one decoded media object; *path* prefixes error paths."""
    raise_for_error(obj, path)
    caption, caption_html = _text(obj.get("caption"), f"{path}.caption")
    description, description_html = _text(obj.get("description"), f"{path}.description")
    title, _ = _text(obj.get("title"), f"{path}.title")
    details = obj.get("media_details")
    details = details if isinstance(details, Mapping) else {}
    dpath = f"{path}.media_details"
    relations = parse_relations(obj.get("_links"), f"{path}._links")
    return Media(
        id=_id(obj, path),
        source_url=_str(obj.get("source_url"), f"{path}.source_url"),
        alt_text=_plain(obj.get("alt_text"), f"{path}.alt_text"),
        caption=caption,
        caption_html=caption_html,
        description=description,
        description_html=description_html,
        title=title,
        media_type=_str(obj.get("media_type"), f"{path}.media_type"),
        mime_type=_str(obj.get("mime_type"), f"{path}.mime_type"),
        width=_int(details.get("width"), f"{dpath}.width"),
        height=_int(details.get("height"), f"{dpath}.height"),
        file=_str(details.get("file"), f"{dpath}.file"),
        sizes=_sizes(details.get("sizes"), f"{dpath}.sizes"),
        slug=_str(obj.get("slug"), f"{path}.slug"),
        link=_str(obj.get("link"), f"{path}.link"),
        date=parse_wp_date(
            obj.get("date"),
            obj.get("date_gmt"),
            path=f"{path}.date",
            gmt_path=f"{path}.date_gmt",
            tz=tz,
        ),
        author=_int(obj.get("author"), f"{path}.author"),
        post=_int(obj.get("post"), f"{path}.post"),
        embedded=_embedded(obj, relations, path, tz),
        relations=relations,
        extra=_extra(obj, _MEDIA_KEYS),
        source=source,
    )


def user_from_mapping(
    obj: Mapping[str, Any], *, path: str = "$", source: Source | None = None
) -> User:
    """Build a :class:`User` from one decoded user object; *path* prefixes error paths."""
    raise_for_error(obj, path)
    return User(
        id=_id(obj, path),
        name=_plain(obj.get("name"), f"{path}.name"),
        slug=_str(obj.get("slug"), f"{path}.slug"),
        link=_str(obj.get("link"), f"{path}.link"),
        url=_str(obj.get("url"), f"{path}.url") or None,
        description=_plain(obj.get("description"), f"{path}.description"),
        avatar_urls=_avatars(obj.get("avatar_urls"), f"{path}.avatar_urls"),
        relations=parse_relations(obj.get("_links"), f"{path}._links"),
        extra=_extra(obj, _USER_KEYS),
        source=source,
    )


def term_from_mapping(
    obj: Mapping[str, Any],
    *,
    path: str = "$",
    taxonomy: str | None = None,
    source: Source | None = None,
) -> Term:
    """
    Build a :class:`Term` from one decoded term object; *path* prefixes error paths.

    *taxonomy* is used when the object does not name its own.
    """
    raise_for_error(obj, path)
    return Term(
        id=_id(obj, path),
        name=_plain(obj.get("name"), f"{path}.name"),
        slug=_str(obj.get("slug"), f"{path}.slug"),
        taxonomy=_str(obj.get("taxonomy"), f"{path}.taxonomy") or taxonomy,
        link=_str(obj.get("link"), f"{path}.link"),
        count=_int(obj.get("count"), f"{path}.count"),
        parent=_int(obj.get("parent"), f"{path}.parent"),
        description=_plain(obj.get("description"), f"{path}.description"),
        relations=parse_relations(obj.get("_links"), f"{path}._links"),
        extra=_extra(obj, _TERM_KEYS),
        source=source,
    )


def comment_from_mapping(
    obj: Mapping[str, Any],
    *,
    path: str = "$",
    tz: tzinfo | None = None,
    source: Source | None = None,
) -> Comment:
    """Build a :class:`Comment` from one decoded comment object; *path* prefixes error paths."""
    raise_for_error(obj, path)
    content, content_html = _text(obj.get("content"), f"{path}.content")
    return Comment(
        id=_id(obj, path),
        post=_int(obj.get("post"), f"{path}.post"),
        parent=_int(obj.get("parent"), f"{path}.parent"),
        author=_int(obj.get("author"), f"{path}.author"),
        author_name=collapse(_plain(obj.get("author_name"), f"{path}.author_name")),
        author_url=_str(obj.get("author_url"), f"{path}.author_url") or None,
        date=parse_wp_date(
            obj.get("date"),
            obj.get("date_gmt"),
            path=f"{path}.date",
            gmt_path=f"{path}.date_gmt",
            tz=tz,
        ),
        content=content,
        content_html=content_html,
        status=_str(obj.get("status"), f"{path}.status"),
        type=_str(obj.get("type"), f"{path}.type"),
        link=_str(obj.get("link"), f"{path}.link"),
        author_avatar_urls=_avatars(
            obj.get("author_avatar_urls"), f"{path}.author_avatar_urls"
        ),
        relations=parse_relations(obj.get("_links"), f"{path}._links"),
        extra=_extra(obj, _COMMENT_KEYS),
        source=source,
    )


def object_from_mapping(
    obj: Any,
    *,
    path: str = "$",
    headings: HeadingRule = "auto",
    tz: tzinfo | None = None,
    source: Source | None = None,
) -> WPObject:
    """Build the model that fits *obj*'s shape; *path* prefixes error paths."""
    kind = object_kind(obj)
    if kind == "error":
        raise_for_error(obj, path)
    if kind == "post":
        return post_from_mapping(
            obj, path=path, headings=headings, tz=tz, source=source
        )
    if kind == "media":
        return media_from_mapping(obj, path=path, tz=tz, source=source)
    if kind == "user":
        return user_from_mapping(obj, path=path, source=source)
    if kind == "term":
        return term_from_mapping(obj, path=path, source=source)
    if kind == "comment":
        return comment_from_mapping(obj, path=path, tz=tz, source=source)
    what = describe(obj) if kind == "not an object" else _what(kind)
    raise NotAPostError(
        f"expected a WordPress object (post, media, user, term or comment), got {what}",
        path=path,
    )


def parse(
    data: JSONInput,
    *,
    headings: HeadingRule = "auto",
    tz: tzinfo | str | None = None,
) -> WPObject:
    """
    Parse any one WordPress REST API object into the model its shape calls for.

    A post, page or custom post type gives a :class:`~wpparse.Post`; an
    attachment a :class:`~wpparse.Media`; a user a :class:`~wpparse.User`; a
    category, tag or custom taxonomy term a :class:`~wpparse.Term`; a comment
    a :class:`~wpparse.Comment`.

    >>> import wpparse
    >>> term = wpparse.parse({"id": 7, "name": "News &amp; Views", "taxonomy": "category"})
    >>> type(term).__name__, term.name
    ('Term', 'News & Views')

    Args:
        data: The object, decoded or as JSON text (as for :func:`parse_post`).
        headings: As for :func:`parse_post`.
        tz: As for :func:`parse_post`.

    Returns:
        The model.

    Raises:
        WordPressError: *data* is a WordPress error response.
        NotAPostError: *data* is valid JSON but of no kind wpparse knows
            (the message says what it looks like instead).
        InvalidPostError: A field has the wrong type; the message names its path.
        InvalidJSONError: *data* is text that is not valid JSON.

    .. versionadded:: 0.1.0
    """
    return object_from_mapping(_decode(data), headings=headings, tz=resolve_tz(tz))
