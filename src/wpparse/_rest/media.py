"""
Stage 1 for media records (attachments): a JSON object to a :class:`~wpparse.Media`.

Apart from users, terms and comments (:mod:`wpparse._rest.objects`) because a
media record embeds objects in turn (its uploader): it reads its ``_embedded``
through :mod:`wpparse._rest.embedded`, with the readers it is handed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wpparse._model.objects import MediaSize, Source
from wpparse._model.post import Media
from wpparse._rest.context import Context, is_mapping
from wpparse._rest.dates import wp_date_at
from wpparse._rest.embedded import deferred_embedded
from wpparse._rest.fields import _int, _str, int_at, str_at
from wpparse._rest.object_fields import (
    MEDIA_KEYS,
    extra_of,
    id_of,
    new_media,
    new_media_size,
)
from wpparse._rest.objects import plain_at, text_at
from wpparse._rest.relations import deferred_relations, key_path

__all__ = ["media_of", "sizes_of"]


def sizes_of(details: Mapping[str, Any], ctx: Context) -> dict[str, MediaSize]:
    """The sizes of the ``media_details`` object *details* (at ``ctx.path``), by name."""
    value = details.get("sizes")
    if not is_mapping(value):
        return {}
    path, clean = ctx.path, ctx.clean
    out: dict[str, MediaSize] = {}
    for name, size in value.items():
        if size.__class__ is not dict and not is_mapping(size):
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
        out[key] = new_media_size(
            name=key,
            source_url=url,
            width=width,
            height=height,
            mime_type=mime_type,
            file=file,
        )
    return out


def media_of(
    obj: Mapping[str, Any], ctx: Context, source: Source | None = None
) -> Media:
    """
    Build a :class:`Media` from one decoded media object, known to be no error object.

    ``ctx.readers`` read what the record embeds (its uploader).
    """
    # The fields in the order of Media's own: errors and warnings come in
    # the order Media(field=..., ...) gave them.
    caption, caption_html = text_at(obj, "caption", ctx)
    description, description_html = text_at(obj, "description", ctx)
    title, _ = text_at(obj, "title", ctx)
    details = obj.get("media_details")
    details = details if is_mapping(details) else {}
    in_details = ctx.at(f"{ctx.path}.media_details")
    relations = deferred_relations(obj.get("_links"), f"{ctx.path}._links")
    return new_media(
        id=id_of(obj, ctx.path),
        source_url=str_at(obj, "source_url", ctx),
        alt_text=plain_at(obj, "alt_text", ctx),
        caption=caption,
        caption_html=caption_html,
        description=description,
        description_html=description_html,
        title=title,
        media_type=str_at(obj, "media_type", ctx),
        mime_type=str_at(obj, "mime_type", ctx),
        width=int_at(details, "width", in_details),
        height=int_at(details, "height", in_details),
        file=str_at(details, "file", in_details),
        sizes=sizes_of(details, in_details),
        slug=str_at(obj, "slug", ctx),
        link=str_at(obj, "link", ctx),
        date=wp_date_at(obj, "date", "date_gmt", ctx),
        author=int_at(obj, "author", ctx),
        post=int_at(obj, "post", ctx),
        embedded=deferred_embedded(obj, relations, ctx),
        relations=relations,
        extra=extra_of(obj, MEDIA_KEYS),
        source=source,
    )
