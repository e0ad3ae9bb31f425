"""
Stage 1: a REST API JSON object to a :class:`~wpparse.Post`.

Strict about what a post must have (an object with an ``id``), lenient about
what it may have: any field can be missing (``_fields`` responses) or null.
A modelled field of the wrong type raises
:class:`~wpparse.exceptions.InvalidPostError` naming its JSON path; fields
wpparse does not model are kept, untouched, in :attr:`Post.extra`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo
from typing import Any, Literal

from wpparse._content.sections import build_content
from wpparse._dates import resolve_tz, wp_date_at
from wpparse._fields import (
    _excerpt_text,
    _field,
    _int,
    author_at,
    bool_at,
    int_at,
    ints_at,
    rendered_at,
    str_at,
    strs_at,
)
from wpparse._html.snippet import html_to_text
from wpparse._json.kinds import is_error_object, object_kind, raise_for_error, what
from wpparse._json.load import JSONInput, load_json, load_json_clean
from wpparse._model.build import builder
from wpparse._model.objects import Relation, Source
from wpparse._model.post import Embedded, Post
from wpparse._relations import parse_relations
from wpparse._text import collapse
from wpparse.exceptions import (
    InvalidPostError,
    NotAPostError,
    describe,
)

__all__ = [
    "HeadingRule",
    "is_error_object",
    "object_kind",
    "parse_post",
    "post_from_mapping",
    "raise_for_error",
]

HeadingRule = Literal["html", "bold", "auto"]
"""Which rules make a heading: see :func:`wpparse.parse_post`."""

# Top-level keys the Post model consumes.  Everything else goes to Post.extra.
_MODELLED = frozenset(
    {
        "id",
        "ID",
        "type",
        "slug",
        "status",
        "link",
        "guid",
        "date",
        "date_gmt",
        "modified",
        "modified_gmt",
        "author",
        "featured_media",
        "comment_status",
        "ping_status",
        "sticky",
        "template",
        "format",
        "categories",
        "tags",
        "meta",
        "class_list",
        "title",
        "excerpt",
        "content",
        "_links",
        "_embedded",
    }
)
# A post is built slot by slot, every field by name (see wpparse._model.build.builder).
_new_post = builder(Post)


def post_from_mapping(
    obj: Mapping[str, Any],
    *,
    path: str = "$",
    headings: HeadingRule = "auto",
    tz: tzinfo | None = None,
    source: Source | None = None,
    clean: bool = False,
) -> Post:
    """
    Build a :class:`Post` from one decoded post object; *path* prefixes error paths.

    *clean* says that no string in *obj* holds a lone surrogate (see
    :func:`~wpparse._json.load.load_json_clean`): the field readers then skip
    looking for them.
    """
    kind = object_kind(obj)  # "error" for a WordPress error response
    if kind == "error":
        raise_for_error(obj, path)
    if kind not in {"post", "media"}:
        raise NotAPostError(f"expected a post object, got {what(kind)}", path=path)
    id_key = "id" if "id" in obj else "ID"
    post_id = obj[id_key]
    if post_id.__class__ is not int:
        post_id = _int(post_id, _field(id_key, path))
        if post_id is None:
            raise NotAPostError(
                "expected a post object with an integer 'id', got null", path=path
            )

    # Field paths are built only for an error or a warning: the readers
    # (str_at, ...) take the name and the path of the object.
    title_html, _ = rendered_at(obj, "title", path, clean=clean)
    excerpt_html, _ = rendered_at(obj, "excerpt", path, clean=clean)
    content_html, protected = rendered_at(obj, "content", path, clean=clean)
    guid_html, _ = rendered_at(obj, "guid", path, clean=clean)
    excerpt, truncated = (
        _excerpt_text(excerpt_html, f"{path}.excerpt", repaired=True)
        if excerpt_html
        else ("", False)
    )
    meta = obj.get("meta")
    if (
        meta is not None
        and meta.__class__ is not dict
        and not isinstance(meta, Mapping)
    ):
        if not isinstance(meta, list) or meta:
            raise InvalidPostError(
                f"expected an object of meta fields, got {describe(meta)}",
                path=_field("meta", path),
            )
        meta = None
    link = str_at(obj, "link", path, clean=clean)
    content = build_content(
        content_html,
        base_url=link,
        headings=headings,
        where=f"{path}.content.rendered",
    )

    relations = parse_relations(obj.get("_links"), path + "._links")
    # The fields in Post's order, as Post(...) would read them: errors and
    # warnings come in the same order.
    return _new_post(
        id=post_id,
        type=str_at(obj, "type", path, clean=clean),
        slug=str_at(obj, "slug", path, clean=clean),
        status=str_at(obj, "status", path, clean=clean),
        link=link,
        guid=collapse(guid_html) or None,
        date=wp_date_at(obj, "date", "date_gmt", path, tz),
        modified=wp_date_at(obj, "modified", "modified_gmt", path, tz),
        author=author_at(obj, "author", path),
        featured_media=int_at(obj, "featured_media", path),
        comment_status=str_at(obj, "comment_status", path, clean=clean),
        ping_status=str_at(obj, "ping_status", path, clean=clean),
        sticky=bool_at(obj, "sticky", path),
        template=str_at(obj, "template", path, clean=clean),
        format=str_at(obj, "format", path, clean=clean),
        categories=ints_at(obj, "categories", path),
        tags=ints_at(obj, "tags", path),
        meta=dict(meta) if meta else {},
        class_list=strs_at(obj, "class_list", path, clean=clean),
        title=html_to_text(title_html, f"{path}.title", repaired=True)
        if title_html
        else "",
        title_html=title_html,
        excerpt=excerpt,
        excerpt_html=excerpt_html,
        excerpt_truncated=truncated,
        content_html=content_html,
        protected=protected,
        sections=content.sections,
        links=content.links,
        relations=relations,
        embedded=_embedded(obj, relations, path, tz, clean=clean),
        extra={}
        if obj.keys() <= _MODELLED
        else {k: v for k, v in obj.items() if k not in _MODELLED},
        source=source,
    )


# What json.loads makes that is no mapping: isinstance(value, Mapping) asks
# the ABC machinery, a few times slower than a set lookup.
_NOT_MAPPINGS = frozenset({int, str, float, bool, list, type(None)})


def _is_mapping(value: Any) -> bool:
    cls = value.__class__
    return cls is dict or (cls not in _NOT_MAPPINGS and isinstance(value, Mapping))


def _embedded(
    obj: Mapping[str, Any],
    relations: tuple[Relation, ...],
    path: str,
    tz: tzinfo | None,
    *,
    clean: bool = False,
) -> Embedded | None:
    if "_embedded" not in obj and not (
        _is_mapping(obj.get("author")) or _is_mapping(obj.get("terms"))
    ):
        return None
    from wpparse import _embedded as stage  # noqa: PLC0415 - an import cycle

    if "_embedded" in obj:
        value = obj["_embedded"]
        where = f"{path}._embedded"
        return stage.parse_embedded(value, relations, path=where, tz=tz, clean=clean)
    return stage.embedded_from_v1(obj, path=path, tz=tz)  # WP-API v1: in place


def _decode(data: JSONInput) -> Any:
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        return load_json(data)
    return data


def _decode_clean(data: JSONInput) -> tuple[Any, bool]:
    """Return the decoded value, and whether it is clean (see :func:`load_json_clean`)."""
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        return load_json_clean(data)
    return data, False


def parse_post(
    data: JSONInput,
    *,
    headings: HeadingRule = "auto",
    tz: tzinfo | str | None = None,
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
        tz: The site's time zone (a :class:`datetime.tzinfo` or a name such as
            ``"Europe/Paris"``), used for dates that come without ``date_gmt``.

    Returns:
        The post.

    Raises:
        WordPressError: *data* is a WordPress error response.
        NotAPostError: *data* is valid JSON but not a post object.
        InvalidPostError: A field has the wrong type; the message names its path.
        InvalidJSONError: *data* is text that is not valid JSON.

    .. versionadded:: 0.1.0
    """
    obj, clean = _decode_clean(data)
    if obj.__class__ is not dict and not isinstance(obj, Mapping):
        shown = what("list") if isinstance(obj, list) else describe(obj)
        raise NotAPostError(f"expected a post object, got {shown}", path="$")
    return post_from_mapping(obj, headings=headings, tz=resolve_tz(tz), clean=clean)
