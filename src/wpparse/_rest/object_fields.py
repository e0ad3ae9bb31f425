"""
Stage 1 for the other REST objects, field by field: what their fields hold
beyond :mod:`wpparse._rest.fields`'s readers, and their fast construction.

As there, a field's JSON path is built only when its value needs it (to
raise, or to repair); the common values (ASCII or *clean* strings, plain
integers) take a fast path, and anything else the full reader.  The models
are built slot by slot (:func:`wpparse._model.build.builder`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wpparse._model.build import builder
from wpparse._model.objects import Comment, MediaSize, SearchResult, Term, User
from wpparse._model.post import Embedded, Media
from wpparse._rest.fields import _int
from wpparse.exceptions import NotAPostError, describe

__all__ = [
    "COMMENT_KEYS",
    "MEDIA_KEYS",
    "SEARCH_RESULT_KEYS",
    "TERM_KEYS",
    "USER_KEYS",
    "extra_of",
    "id_of",
    "new_comment",
    "new_embedded",
    "new_media",
    "new_media_size",
    "new_search_result",
    "new_term",
    "new_user",
]

# Built slot by slot, every field by name (see wpparse._model.build.builder).
new_media_size = builder(MediaSize)
new_media = builder(Media)
new_user = builder(User)
new_term = builder(Term)
new_comment = builder(Comment)
new_search_result = builder(SearchResult)
new_embedded = builder(Embedded)


def id_of(obj: Mapping[str, Any], path: str) -> int:
    """The object's ``id`` (or ``ID``); :class:`NotAPostError` without one."""
    value = obj.get("id")
    if value.__class__ is int:
        return value
    key = "id" if "id" in obj else "ID"
    value = _int(obj.get(key), f"{path}.{key}")
    if value is None:
        raise NotAPostError(
            f"expected an object with an integer 'id', got {describe(obj.get(key))}",
            path=f"{path}.{key}",
        )
    return value


MEDIA_KEYS = frozenset(
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
USER_KEYS = frozenset(
    {"id", "name", "slug", "link", "url", "description", "avatar_urls", "_links"}
)
TERM_KEYS = frozenset(
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
COMMENT_KEYS = frozenset(
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

SEARCH_RESULT_KEYS = frozenset({"id", "title", "url", "type", "subtype", "_links"})


def extra_of(obj: Mapping[str, Any], modelled: frozenset[str]) -> dict[str, Any]:
    """The fields of *obj* that are not *modelled*, as received."""
    if obj.keys() <= modelled:
        return {}
    return {k: v for k, v in obj.items() if k not in modelled}
