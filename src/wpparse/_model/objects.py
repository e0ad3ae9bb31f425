"""
The models of the REST objects a post refers to (users, terms, comments, link
relations, image sizes), of search results and the bookkeeping of whole-site reading (where a
record came from, what went wrong with one, what WordPress would not embed).

None of these models holds another REST object, so they sit below
:mod:`wpparse._model.post`, whose models embed one another.  Like every module
of :mod:`wpparse._model`, this one imports only attrs, the standard library,
:mod:`wpparse.exceptions` and the leaf :mod:`wpparse._text` (for short reprs);
the mapping from JSON lives in :mod:`wpparse._rest`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from wpparse._model.deferred import build_on_read
from wpparse._text import short_repr
from wpparse.exceptions import WPParseError, WPParseWarning

__all__ = [
    "Absence",
    "Comment",
    "MediaSize",
    "Problem",
    "Relation",
    "SearchResult",
    "Source",
    "Term",
    "Translation",
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
    error: WPParseError | WPParseWarning = attrs.field(eq=False, repr=False)
    """The exception that described the problem; for a record that was kept
    but repaired (:attr:`Reader.warnings <wpparse.Reader.warnings>`), the warning."""

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

    def __repr__(self) -> str:
        return short_repr(self, id=self.id, slug=self.slug, name=self.name)


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

    def __repr__(self) -> str:
        return short_repr(
            self, id=self.id, taxonomy=self.taxonomy, slug=self.slug, name=self.name
        )


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

    def __repr__(self) -> str:
        return short_repr(
            self,
            id=self.id,
            post=self.post,
            author_name=self.author_name,
            content=self.content,
        )


@attrs.frozen(kw_only=True)
class SearchResult:
    """
    One result of a search (``/wp/v2/search``): what was found, and where.

    WordPress answers a search with short items that point to the objects
    found, not the objects themselves.  Which fields say what depends on the
    kind searched (the request's ``type``): a post or page has :attr:`type`
    ``"post"`` and its post type as :attr:`subtype`; a term has its taxonomy
    (``"category"``) as :attr:`type`; a post format has ``"post-format"``,
    and its slug (``"aside"``) as :attr:`id`.  The object found is the
    ``self`` relation, which ``?_embed`` embeds (kept in :attr:`extra`).

    >>> import wpparse
    >>> found = wpparse.parse(
    ...     {"id": 7, "title": "Rock &amp; Roll", "url": "https://example.org/rock/",
    ...      "type": "post", "subtype": "page"}
    ... )
    >>> found.title, found.type, found.subtype
    ('Rock & Roll', 'post', 'page')

    .. versionadded:: 0.1.0
    """

    id: int | str
    """The id of the object found; for a post format, its slug (``"aside"``)."""
    title: str = ""
    """The object's title (a term's name), entities decoded."""
    url: str | None = None
    """The object's public URL (the post's permalink, the term's archive)."""
    type: str | None = None
    """What kind of object was found: ``post``, a term's taxonomy
    (``category``, ``post_tag`` ...), or ``post-format``."""
    subtype: str | None = None
    """For a post, its post type (``post``, ``page`` ...); WordPress sends
    none for terms and post formats."""
    relations: tuple[Relation, ...] = attrs.field(default=(), repr=False)
    """The ``_links`` object: ``self`` is the object found."""
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    """Every top-level field wpparse does not model, exactly as received."""
    source: Source | None = attrs.field(default=None, eq=False)
    """Where the record was read from (see :func:`wpparse.read_objects`)."""


@attrs.frozen(kw_only=True)
class Relation:
    """
    One link relation from a REST object's ``_links``.

    ``"wp:term": [{"taxonomy": "category", "embeddable": true, "href": ...}]``
    becomes one :class:`Relation` with :attr:`rel` ``"wp:term"`` and
    :attr:`rel_uri` ``"https://api.w.org/term"``.

    .. versionadded:: 0.1.0
    """

    rel: str
    """The relation name as written: ``self``, ``wp:term``, ``https://api.w.org/term``."""
    rel_uri: str
    """The relation with CURIEs expanded through ``_links.curies``; a name that is
    already a URL, or a plain registered name (``self``), stays itself."""
    href: str
    """The target URL as written (it may be relative on mirrored sites)."""
    embeddable: bool = False
    """Whether ``?_embed`` embeds the target under ``_embedded``."""
    taxonomy: str | None = None
    """For ``wp:term``, the taxonomy (``category``, ``post_tag``, ...)."""
    name: str | None = None
    """The ``name`` attribute (used by ``curies``)."""
    id: int | None = None
    """The ``id`` attribute (``predecessor-version``)."""
    count: int | None = None
    """The ``count`` attribute (``version-history``)."""
    templated: bool = False
    """Whether :attr:`href` is a URI template."""
    target_hints: Mapping[str, Any] | None = None
    """The ``targetHints`` object (``{"allow": ["GET"]}``), if any."""
    attributes: Mapping[str, Any] = attrs.field(factory=dict)
    """Every attribute of the link object as written, including the ones above."""

    def get(self, name: str, default: Any = None) -> Any:
        """Return the attribute *name* as WordPress wrote it (``"targetHints"``)."""
        return self.attributes.get(name, default)


@attrs.frozen(kw_only=True)
class Translation:
    """
    Another language's version of a post, as a multilingual plugin names it.

    Polylang (``"translations": {"fr": 12}``) gives the language and the id;
    WPML (``"wpml_translations": [{"locale": "fr_FR", "id": 12, ...}]``) also
    the title and the link.  :meth:`wpparse.SiteIndex.translations` finds the
    post itself.

    >>> import wpparse
    >>> post = wpparse.parse_post({"id": 10, "lang": "en", "translations": {"en": 10, "fr": 12}})
    >>> post.language, post.translations
    ('en', (Translation(language='fr', id=12, link=None, title=None),))

    .. versionadded:: 0.1.0
    """

    language: str
    """The language as the plugin names it: Polylang's code (``fr``),
    WPML's locale (``fr_FR``)."""
    id: int
    """The translated post's id, on the same site."""
    link: str | None = None
    """The translated post's URL, when the plugin gives it (WPML's ``href``)."""
    title: str | None = None
    """The translated post's title as plain text, when the plugin gives it
    (WPML's ``post_title``, entities decoded)."""


# Relations are read from _links on first use (see wpparse._model.deferred).
build_on_read(User, "relations")
build_on_read(Term, "relations")
build_on_read(Comment, "relations")
build_on_read(SearchResult, "relations")
