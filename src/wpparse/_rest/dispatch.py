"""
The face of stage 1: which model a JSON object becomes, and the readers of it.

:func:`object_from_mapping` looks at an object's shape
(:func:`~wpparse._json.kinds.object_kind`) and builds the matching model;
:func:`parse` and :func:`parse_post` are the public faces.
:func:`post_from_mapping` and :func:`object_from_mapping` are what the
collection and whole-site readers call.

This is where the recursion of ``?_embed`` closes: a post embeds its parent
post and its media, and a media record its uploader.  :data:`READERS` hands
the readers of those down, in the :class:`~wpparse._rest.context.Context`, to
:mod:`wpparse._rest.embedded`, which sits below them, so that no import goes
in a circle.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo
from typing import Any

from wpparse._content.sections import HeadingRule
from wpparse._editor.shortcodes import ShortcodeMode
from wpparse._json.kinds import object_kind, raise_for_error, what
from wpparse._json.load import JSONInput, decode_input, decode_input_clean
from wpparse._model.objects import Comment, SearchResult, Source, Term, User
from wpparse._model.post import Media, Post
from wpparse._rest.context import Context, Readers, is_mapping
from wpparse._rest.dates import resolve_tz
from wpparse._rest.media import media_of
from wpparse._rest.objects import comment_of, search_result_of, term_of, user_of
from wpparse._rest.post import build_post
from wpparse.exceptions import NotAPostError, describe

__all__ = [
    "READERS",
    "WPObject",
    "object_from_mapping",
    "parse",
    "parse_post",
    "post_from_mapping",
]

WPObject = Post | Media | User | Term | Comment | SearchResult
"""Any model :func:`wpparse.parse` returns."""


def post_from_mapping(
    obj: Mapping[str, Any],
    *,
    path: str = "$",
    headings: HeadingRule = "auto",
    tz: tzinfo | None = None,
    source: Source | None = None,
    clean: bool = False,
    shortcodes: ShortcodeMode = "strip",
) -> Post:
    """
    Build a :class:`Post` from one decoded post object; *path* prefixes error paths.

    *clean* says that no string in *obj* holds a lone surrogate (see
    :func:`~wpparse._json.load.load_json_clean`): the field readers then skip
    looking for them.
    """
    ctx = Context(path, tz=tz, clean=clean, readers=READERS)
    return build_post(obj, ctx, headings=headings, source=source, shortcodes=shortcodes)


def _embedded_post(obj: Mapping[str, Any], ctx: Context) -> Post:
    return build_post(obj, ctx)


def _embedded_model(obj: Any, ctx: Context) -> WPObject:
    return _object(obj, ctx, "auto", None)


READERS = Readers(post=_embedded_post, media=media_of, model=_embedded_model)
"""The readers of embedded objects that embed in turn, handed down to :mod:`wpparse._rest.embedded`."""


def object_from_mapping(
    obj: Any,
    *,
    path: str = "$",
    headings: HeadingRule = "auto",
    tz: tzinfo | None = None,
    source: Source | None = None,
    clean: bool = False,
) -> WPObject:
    """Build the model that fits *obj*'s shape; *path* prefixes error paths."""
    ctx = Context(path, tz=tz, clean=clean, readers=READERS)
    return _object(obj, ctx, headings, source)


def _object(
    obj: Any, ctx: Context, headings: HeadingRule, source: Source | None
) -> WPObject:
    kind = object_kind(obj)
    if kind == "error":
        raise_for_error(obj, ctx.path)
    if kind == "post":
        return build_post(obj, ctx, headings=headings, source=source)
    if kind == "media":
        return media_of(obj, ctx, source)
    if kind == "user":
        return user_of(obj, ctx, source)
    if kind == "term":
        return term_of(obj, ctx, None, source)
    if kind == "comment":
        return comment_of(obj, ctx, source)
    if kind == "search result":
        return search_result_of(obj, ctx, source)
    shown = describe(obj) if kind == "not an object" else what(kind)
    raise NotAPostError(
        f"expected a WordPress object (post, media, user, term or comment), got {shown}",
        path=ctx.path,
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
    a :class:`~wpparse.Comment`; an item of a search (``/wp/v2/search``) a
    :class:`~wpparse.SearchResult`.

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
    return object_from_mapping(decode_input(data), headings=headings, tz=resolve_tz(tz))


def parse_post(
    data: JSONInput,
    *,
    headings: HeadingRule = "auto",
    tz: tzinfo | str | None = None,
    shortcodes: ShortcodeMode = "strip",
) -> Post:
    """
    Parse one WordPress REST API post object into a :class:`~wpparse.Post`.

    Args:
        data: The object as :func:`json.loads` or ``requests.Response.json()``
            returns it (a mapping), or its JSON text (``str`` or ``bytes``, UTF-8,
            UTF-16 or UTF-32, with or without a BOM).  Any post type works:
            posts, pages, custom post types, attachments.
        headings: Which headings split the content into sections: ``"html"``
            (only ``<h1>``-``<h6>``), ``"bold"`` (also paragraphs bold from end
            to end) or ``"auto"`` (also short title-like lines).
        tz: The site's time zone, used for dates that come without
            ``date_gmt``: a :class:`datetime.tzinfo`, an IANA name such as
            ``"Europe/Paris"``, or a UTC offset such as ``"+05:30"``.
            Anything else raises :class:`ValueError`.
        shortcodes: What to do with shortcodes left unrendered in the content
            (``[vc_row]...[/vc_row]``): ``"strip"`` takes their tags out of the
            sections, text and Markdown and keeps what they enclose; ``"keep"``
            leaves them as written.  Either way :attr:`Post.shortcodes` lists them.

    wpparse's own shape, as :func:`~wpparse.to_dict` writes it (a post the
    ``wpparse`` command wrote with ``-f json`` or ``-f jsonl``), is read back
    with :func:`~wpparse.from_dict`: the post written, not an empty one.

    Returns:
        The post.

    Raises:
        WordPressError: *data* is a WordPress error response.
        NotAPostError: *data* is valid JSON but not a post object.
        InvalidPostError: A field has the wrong type; the message names its path.
        InvalidJSONError: *data* is text that is not valid JSON.

    .. versionadded:: 0.1.0
    """
    obj, clean = decode_input_clean(data)
    if not is_mapping(obj):
        shown = what("list") if isinstance(obj, list) else describe(obj)
        raise NotAPostError(f"expected a post object, got {shown}", path="$")
    return post_from_mapping(
        obj, headings=headings, tz=resolve_tz(tz), clean=clean, shortcodes=shortcodes
    )
