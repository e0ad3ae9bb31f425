"""
What a site index keeps of each object: a model in, its light copy out.

:func:`light_copy` strips a :class:`~wpparse.Post`, :class:`~wpparse.Media`,
:class:`~wpparse.Term` or :class:`~wpparse.User` of its content (HTML,
sections, links, block tree, ``_embedded``, ``_links``, ``meta``, ``extra``),
so that an index grows with the number of objects, not with the text;
:func:`embedded_objects` lists the objects a record's ``_embedded`` holds,
which the index takes in too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeAlias

import attrs

from wpparse._model.objects import Term, User
from wpparse._model.post import Embedded, Media, Post

__all__ = ["SiteObject", "embedded_objects", "light_copy"]

SiteObject: TypeAlias = Post | Media | Term | User
"""What a link can point at: a post (of any type), a media item, a term or a user."""


def light_copy(obj: SiteObject) -> SiteObject:
    """
    *obj* without its content: what a lookup answers with, so that an index
    over a large site holds names and places, not pages of HTML.
    """
    if isinstance(obj, Post):
        return attrs.evolve(
            obj,
            title_html="",
            excerpt="",
            excerpt_html="",
            content_html="",
            parsed_blocks=None,
            sections=(),
            links=(),
            shortcodes=(),
            relations=(),
            embedded=None,
            seo=None,
            meta={},
            class_list=(),
            extra={},
        )
    if isinstance(obj, Media):
        return attrs.evolve(
            obj,
            caption_html="",
            description_html="",
            embedded=None,
            relations=(),
            extra={},
        )
    return attrs.evolve(obj, relations=(), extra={})


def embedded_objects(embedded: Embedded | None) -> Iterator[SiteObject]:
    """The objects ``?_embed`` put in a record: authors, media, terms, parent pages."""
    if embedded is None:
        return
    yield from embedded.authors
    yield from embedded.media()
    yield from embedded.all_terms()
    yield from embedded.parents
