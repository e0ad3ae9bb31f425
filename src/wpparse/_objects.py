"""
The immutable models of the REST objects other than posts: media, users, terms
and comments, plus where a record came from and what went wrong with one.

Like :mod:`wpparse._models`, this module imports only attrs and the standard
library; the mapping from JSON lives in :mod:`wpparse._wpobjects`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from wpparse._models import Post, Relation
from wpparse.exceptions import WPParseError

__all__ = [
    "Absence",
    "Comment",
    "Embedded",
    "Media",
    "MediaSize",
    "Problem",
    "Source",
    "Term",
    "User",
]


@attrs.frozen(kw_only=True)
class Source:
    """
    Where a record was read from: a file, and the line or array index in it.

    Records read with :func:`wpparse.read_objects` carry one in their
    ``source`` field; records parsed from memory have ``None`` there.

    .. versionadded:: 0.1.0
    """

    file: str | None = None
    """The file's path as given (or found under a directory); ``None`` for data
    parsed from memory."""
    line: int | None = None
    """The 1-based line where the record starts, when known."""
    index: int | None = None
    """The record's 0-based position in its array (or its JSON Lines file)."""

    def __str__(self) -> str:
        where = self.file or "<input>"
        return f"{where}:{self.line}" if self.line is not None else where


@attrs.frozen(kw_only=True)
class Problem:
    """
    One record that could not be read or parsed, and why.

    Whole-site readers and lenient collection parsers go on after a bad record;
    each one they skip is reported as a :class:`Problem`.

    .. versionadded:: 0.1.0
    """

    source: Source
    """The file, line and array index of the record."""
    path: str
    """The JSON path of the offending value (``$[3].title``)."""
    reason: str
    """What was expected and what was found, for a person to read."""
    error: WPParseError = attrs.field(eq=False, repr=False)
    """The exception that described the problem."""

    def __str__(self) -> str:
        return f"{self.source}: {self.reason} @ {self.path}"


@attrs.frozen(kw_only=True)
class Absence:
    """
    An embedded object that is not there: WordPress sent an error object in its
    place, or an object wpparse could not read.

    WordPress.com answers ``?_embed`` for a private author with
    ``[{"code": "unauthorized", "message": ..., "data": {"status": 401}}]``
    where the user would be.  wpparse records that here instead of failing.
    An embedded object with a field of the wrong type (a plugin's pseudo-term
    with ``"id": "post"``) is recorded with the code ``"wpparse_invalid"``, the
    reason as its message, and the object itself as :attr:`value`.

    .. versionadded:: 0.1.0
    """

    rel: str
    """The embedded relation as written (``author``, ``wp:featuredmedia``)."""
    code: str
    """The WordPress error code (``rest_forbidden``, ``unauthorized``)."""
    message: str = ""
    """The error message, in the site's language."""
    status: int | None = None
    """The HTTP status from ``data.status``, when given."""
    href: str | None = None
    """The ``_links`` URL of the object that could not be embedded, when known."""
    path: str = "$"
    """The JSON path of the error object."""
    value: Any = attrs.field(default=None, eq=False, repr=False)
    """The embedded value exactly as received."""


@attrs.frozen(kw_only=True)
class MediaSize:
    """
    One generated size of an image (``thumbnail``, ``medium``, ``full`` ...).

    .. versionadded:: 0.1.0
    """

    name: str
    """The size's name as WordPress registered it."""
    source_url: str | None = None
    """The URL of this size's file."""
    width: int | None = None
    """Width in pixels."""
    height: int | None = None
    """Height in pixels."""
    mime_type: str | None = None
    """The file's MIME type."""
    file: str | None = None
    """The file name."""


@attrs.frozen(kw_only=True)
class Media:
    """
    A media item (attachment): an image, a video, a document.

    .. versionadded:: 0.1.0
    """

    id: int
    """The attachment's id."""
    source_url: str | None = None
    """The URL of the original file."""
    alt_text: str = ""
    """The image's alternative text, entities decoded."""
    caption: str = ""
    """The caption as plain text: tags stripped, entities decoded."""
    caption_html: str = ""
    """The caption's HTML exactly as received (``caption.rendered`` or a plain string)."""
    description: str = ""
    """The description as plain text."""
    description_html: str = ""
    """The description's HTML exactly as received."""
    title: str = ""
    """The title as plain text."""
    media_type: str | None = None
    """``image`` or ``file``."""
    mime_type: str | None = None
    """The MIME type (``image/jpeg``)."""
    width: int | None = None
    """Width in pixels of the original (``media_details.width``)."""
    height: int | None = None
    """Height in pixels of the original (``media_details.height``)."""
    file: str | None = None
    """The file's path under the uploads folder (``media_details.file``)."""
    sizes: Mapping[str, MediaSize] = attrs.field(factory=dict)
    """The generated sizes by name (``media_details.sizes``)."""
    slug: str | None = None
    """The URL slug."""
    link: str | None = None
    """The attachment page's URL."""
    date: datetime | None = None
    """Upload date, aware when the offset is known (as :attr:`Post.date`)."""
    author: int | None = None
    """The uploader's user id."""
    post: int | None = None
    """The id of the post the file was uploaded to, if any."""
    embedded: Embedded | None = None
    """The objects embedded by ``?_embed`` (the uploader), or ``None``."""
    relations: tuple[Relation, ...] = attrs.field(default=(), repr=False)
    """The ``_links`` object."""
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    """Every top-level field wpparse does not model, exactly as received."""
    source: Source | None = attrs.field(default=None, eq=False)
    """Where the record was read from (see :func:`wpparse.read_objects`)."""


@attrs.frozen(kw_only=True)
class User:
    """
    A user, as ``/wp/v2/users`` and ``_embedded.author`` show one.

    .. versionadded:: 0.1.0
    """

    id: int
    """The user's id."""
    name: str = ""
    """The display name, entities decoded."""
    slug: str | None = None
    """The URL slug (the author archive's last path segment)."""
    link: str | None = None
    """The author archive's URL."""
    url: str | None = None
    """The user's own web site, if given."""
    description: str = ""
    """The biography as plain text."""
    avatar_urls: Mapping[int, str] = attrs.field(factory=dict)
    """Avatar URLs by size in pixels (``{24: ..., 48: ..., 96: ...}``)."""
    relations: tuple[Relation, ...] = attrs.field(default=(), repr=False)
    """The ``_links`` object."""
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    """Every top-level field wpparse does not model, exactly as received."""
    source: Source | None = attrs.field(default=None, eq=False)
    """Where the record was read from (see :func:`wpparse.read_objects`)."""


@attrs.frozen(kw_only=True)
class Term:
    """
    A term of a taxonomy: a category, a tag, or a custom taxonomy's term.

    .. versionadded:: 0.1.0
    """

    id: int
    """The term's id."""
    name: str = ""
    """The name, entities decoded (``News &amp; Views`` reads ``News & Views``)."""
    slug: str | None = None
    """The URL slug."""
    taxonomy: str | None = None
    """``category``, ``post_tag``, or a custom taxonomy's name."""
    link: str | None = None
    """The term archive's URL."""
    count: int | None = None
    """How many published objects have the term."""
    parent: int | None = None
    """The parent term's id (``0`` for none) in hierarchical taxonomies."""
    description: str = ""
    """The description as plain text."""
    relations: tuple[Relation, ...] = attrs.field(default=(), repr=False)
    """The ``_links`` object."""
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    """Every top-level field wpparse does not model, exactly as received."""
    source: Source | None = attrs.field(default=None, eq=False)
    """Where the record was read from (see :func:`wpparse.read_objects`)."""


@attrs.frozen(kw_only=True)
class Comment:
    """
    A comment on a post (``/wp/v2/comments``, ``_embedded.replies``).

    .. versionadded:: 0.1.0
    """

    id: int
    """The comment's id."""
    post: int | None = None
    """The id of the post commented on (absent from embedded replies)."""
    parent: int | None = None
    """The id of the comment replied to; ``0`` for a top-level comment."""
    author: int | None = None
    """The commenter's user id; ``0`` for a guest."""
    author_name: str = ""
    """The commenter's display name, entities decoded."""
    author_url: str | None = None
    """The commenter's web site, if given."""
    date: datetime | None = None
    """When the comment was made, aware when the offset is known."""
    content: str = ""
    """The comment as plain text."""
    content_html: str = ""
    """``content.rendered`` exactly as received."""
    status: str | None = None
    """``approved``, ``hold``, ``spam`` ... (absent from embedded replies)."""
    type: str | None = None
    """``comment``, ``pingback`` or ``trackback``."""
    link: str | None = None
    """The comment's URL."""
    author_avatar_urls: Mapping[int, str] = attrs.field(factory=dict)
    """The commenter's avatar URLs by size in pixels."""
    relations: tuple[Relation, ...] = attrs.field(default=(), repr=False)
    """The ``_links`` object."""
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    """Every top-level field wpparse does not model, exactly as received."""
    source: Source | None = attrs.field(default=None, eq=False)
    """Where the record was read from (see :func:`wpparse.read_objects`)."""


@attrs.frozen(kw_only=True)
class Embedded:
    """
    The objects WordPress embedded in a response fetched with ``?_embed``.

    Read from ``_embedded`` and lined up with ``_links``: each entry of
    ``_embedded`` follows an embeddable relation, so a term list that came
    without a ``taxonomy`` of its own takes the one its link names.  An error
    object in place of an embedded object becomes an :class:`Absence`.

    .. versionadded:: 0.1.0
    """

    authors: tuple[User, ...] = ()
    """The author(s) (``_embedded.author``)."""
    featured_media: tuple[Media, ...] = ()
    """The featured image or video (``_embedded["wp:featuredmedia"]``)."""
    terms: Mapping[str, tuple[Term, ...]] = attrs.field(factory=dict)
    """The terms by taxonomy (``category``, ``post_tag``, ...), from ``_embedded["wp:term"]``."""
    replies: tuple[Comment, ...] = ()
    """The comments (``_embedded.replies``)."""
    parents: tuple[Post, ...] = ()
    """The parent page (``_embedded.up``)."""
    other: Mapping[str, tuple[Any, ...]] = attrs.field(factory=dict)
    """Any other embedded relation (``wp:contentmedia`` ...), by its name as
    written: each object parsed to its model, or kept as received when it is of
    no known kind."""
    absences: tuple[Absence, ...] = ()
    """The embedded objects WordPress answered with an error instead."""

    def all_terms(self) -> tuple[Term, ...]:
        """Every embedded term, taxonomy after taxonomy."""
        return tuple(term for group in self.terms.values() for term in group)

    def media(self) -> tuple[Media, ...]:
        """Every embedded media record, once each: the featured media, then any
        other (``wp:contentmedia`` ...)."""
        found: dict[int, Media] = {m.id: m for m in reversed(self.featured_media)}
        for group in self.other.values():
            for item in group:
                if isinstance(item, Media):
                    found.setdefault(item.id, item)
        return tuple(found.values())
