"""
Stage 1: a REST API JSON object to a :class:`~wpparse.Post`.

:func:`build_post` is called through
:func:`wpparse._rest.dispatch.post_from_mapping`, which hands it a
:class:`~wpparse._rest.context.Context` holding the readers of what a post
embeds (see :mod:`wpparse._rest.embedded`).

Strict about what a post must have (an object with an ``id``), lenient about
what it may have: any field can be missing (``_fields`` responses) or null.
A modelled field of the wrong type raises
:class:`~wpparse.exceptions.InvalidPostError` naming its JSON path; fields
wpparse does not model are kept, untouched, in :attr:`Post.extra`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from wpparse._content.sections import HeadingRule, build_content
from wpparse._editor.blocks import parse_blocks
from wpparse._editor.seo import seo_from_heads
from wpparse._editor.shortcodes import (
    ShortcodeMode,
    check_mode,
    scan_shortcodes,
    strip_shortcodes,
)
from wpparse._html.snippet import html_to_text
from wpparse._json.kinds import object_kind, raise_for_error, what
from wpparse._model.build import builder
from wpparse._model.deferred import Deferred
from wpparse._model.editor import SEO, ParsedBlock
from wpparse._model.objects import Source
from wpparse._model.post import Post
from wpparse._rest.context import Context, is_mapping
from wpparse._rest.dates import wp_date_at
from wpparse._rest.dumped import from_dict, is_dumped_post
from wpparse._rest.embedded import deferred_embedded
from wpparse._rest.fields import (
    _excerpt_text,
    _field,
    _int,
    author_at,
    bool_at,
    excerpt_markup,
    excerpt_text,
    int_at,
    ints_at,
    rendered_at,
    str_at,
    strs_at,
)
from wpparse._rest.languages import languages_of
from wpparse._rest.relations import deferred_relations
from wpparse._text import collapse
from wpparse.exceptions import InvalidPostError, NotAPostError, describe

__all__ = ["build_post"]

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
        "parent",
        "menu_order",
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


def build_post(
    obj: Mapping[str, Any],
    ctx: Context,
    *,
    headings: HeadingRule = "auto",
    source: Source | None = None,
    shortcodes: ShortcodeMode = "strip",
) -> Post:
    """
    Build a :class:`Post` from one decoded post object at ``ctx.path``.

    *ctx* says how to read it (see :class:`~wpparse._rest.context.Context`);
    :func:`wpparse._rest.dispatch.post_from_mapping` makes it.
    *shortcodes* is ``"strip"`` (shortcode tags are taken out of the content
    before it is parsed) or ``"keep"``.
    """
    check_mode(shortcodes)
    path = ctx.path
    kind = object_kind(obj)  # "error" for a WordPress error response
    if kind == "error":
        raise_for_error(obj, path)
    if kind == "post" and is_dumped_post(obj):  # to_dict's output: read it back
        post = from_dict(obj, path=path)
        return post if source is None else attrs.evolve(post, source=source)
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
    # (str_at, ...) take the name of the field and the context of the object.
    title_html, _ = rendered_at(obj, "title", ctx)
    excerpt_html, _ = rendered_at(obj, "excerpt", ctx)
    content_html, protected = rendered_at(obj, "content", ctx)
    guid_html, _ = rendered_at(obj, "guid", ctx)
    found, stripped = scan_shortcodes(content_html)
    body = stripped if shortcodes == "strip" else content_html
    excerpt, truncated = (
        _excerpt_fields(excerpt_html, path, strip=shortcodes == "strip")
        if excerpt_html
        else ("", False)
    )
    meta = obj.get("meta")
    if meta is not None and not is_mapping(meta):
        if not isinstance(meta, list) or meta:
            raise InvalidPostError(
                f"expected an object of meta fields, got {describe(meta)}",
                path=_field("meta", path),
            )
        meta = None
    link = str_at(obj, "link", ctx)
    title = (
        html_to_text(title_html, f"{path}.title", repaired=True) if title_html else ""
    )
    content = build_content(
        body,
        base_url=link,
        headings=headings,
        where=f"{path}.content.rendered",
        title=title,
    )

    relations = deferred_relations(obj.get("_links"), path + "._links")
    languages = languages_of(obj, post_id)
    # The fields in Post's order, as Post(...) would read them: errors and
    # warnings come in the same order.
    return _new_post(
        id=post_id,
        type=str_at(obj, "type", ctx),
        slug=str_at(obj, "slug", ctx),
        status=str_at(obj, "status", ctx),
        link=link,
        guid=collapse(guid_html) or None,
        date=wp_date_at(obj, "date", "date_gmt", ctx),
        modified=wp_date_at(obj, "modified", "modified_gmt", ctx),
        author=author_at(obj, "author", ctx),
        featured_media=int_at(obj, "featured_media", ctx),
        comment_status=str_at(obj, "comment_status", ctx),
        ping_status=str_at(obj, "ping_status", ctx),
        sticky=bool_at(obj, "sticky", ctx),
        template=str_at(obj, "template", ctx),
        parent=int_at(obj, "parent", ctx) or None,
        menu_order=int_at(obj, "menu_order", ctx),
        format=str_at(obj, "format", ctx),
        categories=ints_at(obj, "categories", ctx),
        tags=ints_at(obj, "tags", ctx),
        meta=dict(meta) if meta else {},
        class_list=strs_at(obj, "class_list", ctx),
        language=languages.language,
        translations=languages.translations,
        title=title,
        title_html=title_html,
        excerpt=excerpt,
        excerpt_html=excerpt_html,
        excerpt_truncated=truncated,
        content_html=content_html,
        protected=protected,
        parsed_blocks=_parsed_blocks(obj),
        sections=content.sections,
        links=content.links,
        shortcodes=found,
        relations=relations,
        embedded=deferred_embedded(obj, relations, ctx),
        seo=_seo(obj, ctx.clean)
        if "yoast_head_json" in obj or "yoast_head" in obj
        else None,
        extra=_extra(obj, languages.read)
        if not ctx.clean
        else _extra_field(obj, languages.read),
        source=source,
    )


def _excerpt(both: Deferred) -> str:
    text: str = both.get()[0]
    return text


def _truncated(both: Deferred) -> bool:
    cut: bool = both.get()[1]
    return cut


def _quiet_excerpt(html: str) -> bool:
    """
    Whether reading the text of the excerpt markup *html* can neither fail nor warn.

    Only markup other than bare ``<p>`` and ``</p>`` tags could make it: the
    HTML parser repairs nothing in those, and the text holds no lone
    surrogate (the field reader replaced them).
    """
    return "<" not in html or html.count("<") == (
        html.count("<p>") + html.count("</p>")
    )


def _excerpt_fields(
    excerpt_html: str, path: str, *, strip: bool
) -> tuple[str | Deferred, bool | Deferred]:
    """
    :attr:`Post.excerpt` and :attr:`Post.excerpt_truncated`: read on first use when that changes nothing.

    Most programs never read the excerpt, and its text costs as much as the
    rest of the post's fields.  An excerpt in bare paragraphs (see
    :func:`_quiet_excerpt`) has no "read more" link, and keeps only bare
    paragraphs once its shortcode tags are out (they are found in its text,
    never in a tag): all of it waits.  Otherwise the link and the tags go
    now, and the text waits if what is left is bare paragraphs; else it is
    read at once, as before.
    """
    where = f"{path}.excerpt"
    if _quiet_excerpt(excerpt_html):
        both = Deferred(_excerpt_now, excerpt_html, where, strip)
        return Deferred(_excerpt, both), Deferred(_truncated, both)
    html, cut = excerpt_markup(
        strip_shortcodes(excerpt_html) if strip else excerpt_html
    )
    if _quiet_excerpt(html):
        both = Deferred(_excerpt_rest, html, where, cut)
        return Deferred(_excerpt, both), Deferred(_truncated, both)
    return excerpt_text(html, where, cut=cut, repaired=True)


def _excerpt_now(excerpt_html: str, where: str, strip: bool) -> tuple[str, bool]:  # noqa: FBT001
    html = strip_shortcodes(excerpt_html) if strip else excerpt_html
    return _excerpt_text(html, where, repaired=True)


def _excerpt_rest(html: str, where: str, cut: bool) -> tuple[str, bool]:  # noqa: FBT001
    return excerpt_text(html, where, cut=cut, repaired=True)


def _seo(obj: Mapping[str, Any], clean: bool) -> SEO | Deferred | None:  # noqa: FBT001
    """
    :attr:`Post.seo`: read on first use from a post decoded from *clean* text.

    Yoast's head is plugin data, read without an error or a warning whatever
    JSON it holds.  Anything else (a mapping a program built and may change
    later, or made of other values, which could raise) is read at once, as before.
    """
    head_json, head_html = obj.get("yoast_head_json"), obj.get("yoast_head")
    if clean:
        return Deferred(seo_from_heads, head_json, head_html)
    return seo_from_heads(head_json, head_html)


def _parsed_blocks(
    obj: Mapping[str, Any],
) -> tuple[ParsedBlock, ...] | Deferred | None:
    """
    The block tree of ``content.raw``, when the response has it (``context=edit``).

    Parsed on first read: :func:`~wpparse.parse_blocks` never raises nor warns.
    """
    content = obj.get("content")
    if content.__class__ is not dict and not isinstance(content, Mapping):
        return None
    raw = content.get("raw")
    return Deferred(parse_blocks, raw) if isinstance(raw, str) else None


def _extra_field(
    obj: Mapping[str, Any], read: frozenset[str]
) -> dict[str, Any] | Deferred:
    """
    :func:`_extra`, gathered on first read: for a post decoded from clean
    text (a dict of wpparse's own, which nobody changes later).
    """
    if obj.keys() <= _MODELLED:
        return {}
    return Deferred(_extra, obj, read)


def _extra(obj: Mapping[str, Any], read: frozenset[str]) -> dict[str, Any]:
    """The fields of *obj* no field of Post holds, as received."""
    if obj.keys() <= _MODELLED:
        return {}
    if read:
        return {k: v for k, v in obj.items() if k not in _MODELLED and k not in read}
    return {k: v for k, v in obj.items() if k not in _MODELLED}
