"""
Stage 1 for the REST objects that embed nothing: users, terms, comments and
search results.

Also the field readers media records share with them (plain text of a
``{"rendered": ...}`` field, avatar URLs).  The same rules as for posts hold:
strict about the ``id``, lenient about missing or null fields, and a modelled
field of the wrong type raises :class:`~wpparse.InvalidPostError` naming its
JSON path.  Which reader an object goes to is decided by its shape, in
:mod:`wpparse._rest.dispatch`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wpparse._html.snippet import html_to_text
from wpparse._model.objects import Comment, SearchResult, Source, Term, User
from wpparse._rest.context import INT_TEXT, Context, is_mapping
from wpparse._rest.dates import wp_date_at
from wpparse._rest.fields import _int, _str, int_at, rendered_at, str_at
from wpparse._rest.object_fields import (
    COMMENT_KEYS,
    SEARCH_RESULT_KEYS,
    TERM_KEYS,
    USER_KEYS,
    extra_of,
    id_of,
    new_comment,
    new_search_result,
    new_term,
    new_user,
)
from wpparse._rest.relations import deferred_relations, key_path
from wpparse._text import collapse
from wpparse.exceptions import InvalidPostError, describe

__all__ = [
    "avatars_at",
    "comment_of",
    "plain_at",
    "search_result_of",
    "term_of",
    "text_at",
    "user_of",
]


def text_at(obj: Mapping[str, Any], name: str, ctx: Context) -> tuple[str, str]:
    """Return ``(plain text, html)`` of the ``{"rendered": ...}`` field or plain string *name*."""
    html, _ = rendered_at(obj, name, ctx)
    return (_plain_text(html, ctx.path, name) if html else ""), html


def plain_at(obj: Mapping[str, Any], name: str, ctx: Context) -> str:
    """The plain text of the string field *name* (HTML entities decoded)."""
    text = str_at(obj, name, ctx)
    return _plain_text(text, ctx.path, name) if text else ""


def _plain_text(html: str, path: str, name: str) -> str:
    """:func:`html_to_text` of the field *name* of the object at *path*, read by its reader."""
    if "<" in html or "&" in html:
        return html_to_text(html, f"{path}.{name}", repaired=True)
    return collapse(html)  # what html_to_text comes to: no tag, no entity


def avatars_at(obj: Mapping[str, Any], name: str, ctx: Context) -> dict[int, str]:
    """The avatar URLs by size of the field *name* (``{"24": url, ...}``)."""
    value = obj.get(name)
    if value is None or (isinstance(value, list) and not value):
        return {}
    path, clean = ctx.path, ctx.clean
    if not is_mapping(value):
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


def user_of(obj: Mapping[str, Any], ctx: Context, source: Source | None = None) -> User:
    """A :class:`User` of an object known to be no error object."""
    return new_user(
        id=id_of(obj, ctx.path),
        name=plain_at(obj, "name", ctx),
        slug=str_at(obj, "slug", ctx),
        link=str_at(obj, "link", ctx),
        url=str_at(obj, "url", ctx) or None,
        description=plain_at(obj, "description", ctx),
        avatar_urls=avatars_at(obj, "avatar_urls", ctx),
        relations=deferred_relations(obj.get("_links"), f"{ctx.path}._links"),
        extra=extra_of(obj, USER_KEYS),
        source=source,
    )


def term_of(
    obj: Mapping[str, Any],
    ctx: Context,
    taxonomy: str | None = None,
    source: Source | None = None,
) -> Term:
    """
    A :class:`Term` of an object known to be no error object.

    *taxonomy* is used when the object does not name its own.
    """
    return new_term(
        id=id_of(obj, ctx.path),
        name=plain_at(obj, "name", ctx),
        slug=str_at(obj, "slug", ctx),
        taxonomy=str_at(obj, "taxonomy", ctx) or taxonomy,
        link=str_at(obj, "link", ctx),
        count=int_at(obj, "count", ctx),
        parent=int_at(obj, "parent", ctx),
        description=plain_at(obj, "description", ctx),
        relations=deferred_relations(obj.get("_links"), f"{ctx.path}._links"),
        extra=extra_of(obj, TERM_KEYS),
        source=source,
    )


def comment_of(
    obj: Mapping[str, Any], ctx: Context, source: Source | None = None
) -> Comment:
    """A :class:`Comment` of an object known to be no error object."""
    content, content_html = text_at(obj, "content", ctx)
    return new_comment(
        id=id_of(obj, ctx.path),
        post=int_at(obj, "post", ctx),
        parent=int_at(obj, "parent", ctx),
        author=int_at(obj, "author", ctx),
        author_name=collapse(plain_at(obj, "author_name", ctx)),
        author_url=str_at(obj, "author_url", ctx) or None,
        date=wp_date_at(obj, "date", "date_gmt", ctx),
        content=content,
        content_html=content_html,
        status=str_at(obj, "status", ctx),
        type=str_at(obj, "type", ctx),
        link=str_at(obj, "link", ctx),
        author_avatar_urls=avatars_at(obj, "author_avatar_urls", ctx),
        relations=deferred_relations(obj.get("_links"), f"{ctx.path}._links"),
        extra=extra_of(obj, COMMENT_KEYS),
        source=source,
    )


def search_result_of(
    obj: Mapping[str, Any], ctx: Context, source: Source | None = None
) -> SearchResult:
    """
    A :class:`SearchResult` of an object known to be no error object.

    The ``id`` is an integer, or a post format's slug (a string).
    """
    value = obj.get("id")
    found: int | str
    if isinstance(value, str) and value and INT_TEXT.fullmatch(value) is None:
        found = str_at(obj, "id", ctx) or value  # a post format's slug
    else:
        found = id_of(obj, ctx.path)
    return new_search_result(
        id=found,
        title=text_at(obj, "title", ctx)[0],
        url=str_at(obj, "url", ctx) or None,
        type=str_at(obj, "type", ctx),
        subtype=str_at(obj, "subtype", ctx),
        relations=deferred_relations(obj.get("_links"), f"{ctx.path}._links"),
        extra=extra_of(obj, SEARCH_RESULT_KEYS),
        source=source,
    )
