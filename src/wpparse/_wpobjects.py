"""
Stage 1 for the other REST objects: media, users, terms and comments.

:func:`object_from_mapping` looks at an object's shape
(:func:`~wpparse._json.kinds.object_kind`) and builds the matching model;
:func:`parse` is its public face.  The same rules as for posts hold: strict
about the ``id``, lenient about missing or null fields, and a modelled field of
the wrong type raises :class:`~wpparse.InvalidPostError` naming its JSON path.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo
from typing import Any

from wpparse._dates import resolve_tz, wp_date_at
from wpparse._fields import _int, _str, int_at, rendered_at, str_at
from wpparse._html.snippet import html_to_text
from wpparse._json.kinds import object_kind, raise_for_error
from wpparse._json.kinds import what as _what
from wpparse._json.load import JSONInput
from wpparse._model.objects import Comment, MediaSize, Source, Term, User
from wpparse._model.post import Media, Post
from wpparse._objectfields import (
    COMMENT_KEYS,
    MEDIA_KEYS,
    TERM_KEYS,
    USER_KEYS,
    extra_of,
    id_of,
    new_comment,
    new_media,
    new_media_size,
    new_term,
    new_user,
)
from wpparse._relations import key_path, parse_relations
from wpparse._text import collapse
from wpparse._wpjson import HeadingRule, _decode, _embedded, post_from_mapping
from wpparse.exceptions import InvalidPostError, NotAPostError, describe

__all__ = [
    "WPObject",
    "comment_from_mapping",
    "comment_of",
    "media_from_mapping",
    "media_of",
    "object_from_mapping",
    "parse",
    "term_from_mapping",
    "term_of",
    "user_from_mapping",
    "user_of",
]

WPObject = Post | Media | User | Term | Comment
"""Any model :func:`wpparse.parse` returns."""


def text_at(
    obj: Mapping[str, Any], name: str, path: str, *, clean: bool = False
) -> tuple[str, str]:
    """Return ``(plain text, html)`` of the ``{"rendered": ...}`` field or plain string *name*."""
    html, _ = rendered_at(obj, name, path, clean=clean)
    return (_plain_text(html, path, name) if html else ""), html


def plain_at(
    obj: Mapping[str, Any], name: str, path: str, *, clean: bool = False
) -> str:
    """The plain text of the string field *name* (HTML entities decoded)."""
    text = str_at(obj, name, path, clean=clean)
    return _plain_text(text, path, name) if text else ""


def _plain_text(html: str, path: str, name: str) -> str:
    """:func:`html_to_text` of the field *name* of the object at *path*, read by its reader."""
    if "<" in html or "&" in html:
        return html_to_text(html, f"{path}.{name}", repaired=True)
    return collapse(html)  # what html_to_text comes to: no tag, no entity


def avatars_at(
    obj: Mapping[str, Any], name: str, path: str, *, clean: bool = False
) -> dict[int, str]:
    """The avatar URLs by size of the field *name* (``{"24": url, ...}``)."""
    value = obj.get(name)
    if value is None or (isinstance(value, list) and not value):
        return {}
    if not isinstance(value, Mapping):
        raise InvalidPostError(
            f"expected an object of avatar URLs, got {describe(value)}",
            path=f"{path}.{name}",
        )
    out: dict[int, str] = {}
    for size, url in value.items():
        if (
            size.__class__ is str
            and len(size) < 5  # noqa: PLR2004 - few digits: int() takes them
            and size.isascii()
            and size.isdigit()
            and url.__class__ is str
            and (clean or url.isascii())
        ):
            if url:
                out[int(size)] = url
            continue
        where = key_path(f"{path}.{name}", size)
        number = _int(size, where)
        text = _str(url, where)
        if number is not None and text:
            out[number] = text
    return out


def sizes_of(
    details: Mapping[str, Any], path: str, *, clean: bool = False
) -> dict[str, MediaSize]:
    """The sizes of the ``media_details`` object *details* at *path*, by name."""
    value = details.get("sizes")
    if not isinstance(value, Mapping):
        return {}
    out: dict[str, MediaSize] = {}
    for name, size in value.items():
        if size.__class__ is not dict and not isinstance(size, Mapping):
            continue
        url, width, height = (
            size.get("source_url"),
            size.get("width"),
            size.get("height"),
        )
        mime_type, file = size.get("mime_type"), size.get("file")
        key = str(name)
        # Strings the reader would return unchanged, and plain integers.
        if not (
            (url is None or (url.__class__ is str and (clean or url.isascii())))
            and (width is None or width.__class__ is int)
            and (height is None or height.__class__ is int)
            and (mime_type.__class__ is str and (clean or mime_type.isascii()))
            and (file is None or (file.__class__ is str and (clean or file.isascii())))
        ):
            where = key_path(f"{path}.sizes", name)
            url = _str(url, f"{where}.source_url")
            width = _int(width, f"{where}.width")
            height = _int(height, f"{where}.height")
            mime_type = _str(mime_type, f"{where}.mime_type")
            file = _str(file, f"{where}.file")
        out[key] = new_media_size(key, url, width, height, mime_type, file)
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
    return media_of(obj, path, tz, source)


def media_of(
    obj: Mapping[str, Any],
    path: str,
    tz: tzinfo | None,
    source: Source | None = None,
    *,
    clean: bool = False,
) -> Media:
    """:func:`media_from_mapping` of an object known to be no error object."""
    # The fields in the order of Media's own: errors and warnings come in
    # the order Media(field=..., ...) gave them.
    caption, caption_html = text_at(obj, "caption", path, clean=clean)
    description, description_html = text_at(obj, "description", path, clean=clean)
    title, _ = text_at(obj, "title", path, clean=clean)
    details = obj.get("media_details")
    details = details if isinstance(details, Mapping) else {}
    dpath = f"{path}.media_details"
    relations = parse_relations(obj.get("_links"), f"{path}._links")
    return new_media(
        id_of(obj, path),
        str_at(obj, "source_url", path, clean=clean),
        plain_at(obj, "alt_text", path, clean=clean),
        caption,
        caption_html,
        description,
        description_html,
        title,
        str_at(obj, "media_type", path, clean=clean),
        str_at(obj, "mime_type", path, clean=clean),
        int_at(details, "width", dpath),
        int_at(details, "height", dpath),
        str_at(details, "file", dpath, clean=clean),
        sizes_of(details, dpath, clean=clean),
        str_at(obj, "slug", path, clean=clean),
        str_at(obj, "link", path, clean=clean),
        wp_date_at(obj, "date", "date_gmt", path, tz),
        int_at(obj, "author", path),
        int_at(obj, "post", path),
        _embedded(obj, relations, path, tz, clean=clean),
        relations,
        extra_of(obj, MEDIA_KEYS),
        source,
    )


def user_from_mapping(
    obj: Mapping[str, Any], *, path: str = "$", source: Source | None = None
) -> User:
    """Build a :class:`User` from one decoded user object; *path* prefixes error paths."""
    raise_for_error(obj, path)
    return user_of(obj, path, source)


def user_of(
    obj: Mapping[str, Any],
    path: str,
    source: Source | None = None,
    *,
    clean: bool = False,
) -> User:
    """:func:`user_from_mapping` of an object known to be no error object."""
    return new_user(
        id_of(obj, path),
        plain_at(obj, "name", path, clean=clean),
        str_at(obj, "slug", path, clean=clean),
        str_at(obj, "link", path, clean=clean),
        str_at(obj, "url", path, clean=clean) or None,
        plain_at(obj, "description", path, clean=clean),
        avatars_at(obj, "avatar_urls", path, clean=clean),
        parse_relations(obj.get("_links"), f"{path}._links"),
        extra_of(obj, USER_KEYS),
        source,
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
    return term_of(obj, path, taxonomy, source)


def term_of(
    obj: Mapping[str, Any],
    path: str,
    taxonomy: str | None,
    source: Source | None = None,
    *,
    clean: bool = False,
) -> Term:
    """:func:`term_from_mapping` of an object known to be no error object."""
    return new_term(
        id_of(obj, path),
        plain_at(obj, "name", path, clean=clean),
        str_at(obj, "slug", path, clean=clean),
        str_at(obj, "taxonomy", path, clean=clean) or taxonomy,
        str_at(obj, "link", path, clean=clean),
        int_at(obj, "count", path),
        int_at(obj, "parent", path),
        plain_at(obj, "description", path, clean=clean),
        parse_relations(obj.get("_links"), f"{path}._links"),
        extra_of(obj, TERM_KEYS),
        source,
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
    return comment_of(obj, path, tz, source)


def comment_of(
    obj: Mapping[str, Any],
    path: str,
    tz: tzinfo | None,
    source: Source | None = None,
    *,
    clean: bool = False,
) -> Comment:
    """:func:`comment_from_mapping` of an object known to be no error object."""
    content, content_html = text_at(obj, "content", path, clean=clean)
    return new_comment(
        id_of(obj, path),
        int_at(obj, "post", path),
        int_at(obj, "parent", path),
        int_at(obj, "author", path),
        collapse(plain_at(obj, "author_name", path, clean=clean)),
        str_at(obj, "author_url", path, clean=clean) or None,
        wp_date_at(obj, "date", "date_gmt", path, tz),
        content,
        content_html,
        str_at(obj, "status", path, clean=clean),
        str_at(obj, "type", path, clean=clean),
        str_at(obj, "link", path, clean=clean),
        avatars_at(obj, "author_avatar_urls", path, clean=clean),
        parse_relations(obj.get("_links"), f"{path}._links"),
        extra_of(obj, COMMENT_KEYS),
        source,
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
        return media_of(obj, path, tz, source)
    if kind == "user":
        return user_of(obj, path, source)
    if kind == "term":
        return term_of(obj, path, None, source)
    if kind == "comment":
        return comment_of(obj, path, tz, source)
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
