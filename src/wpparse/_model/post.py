"""
The models that embed one another: a post, a media record and what ``?_embed``
embedded in either (authors, featured media, terms, replies, the parent post).

They share a module because their references go in a circle (a post embeds its
parent post and its media; a media record embeds its uploader), and type hints
must resolve without an import going in one.  The convenience renderers
(:meth:`Post.to_text` and friends) import their renderer when called: the one
kind of import that points up (see ``docs/architecture.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any

import attrs

from wpparse._model.content import Block, Chunk, Link, Section
from wpparse._model.deferred import build_on_read
from wpparse._model.editor import SEO, ParsedBlock, Shortcode
from wpparse._model.objects import (
    Absence,
    Comment,
    MediaSize,
    Relation,
    Source,
    Term,
    Translation,
    User,
)
from wpparse._text import short_repr

__all__ = ["Embedded", "Media", "Post"]


@attrs.frozen(kw_only=True)
class Post:
    """
    A WordPress post, page, or object of a custom post type.

    Fields keep their WordPress names, so the REST API handbook doubles as the
    field reference.  A field absent from the JSON (trimmed with ``_fields``,
    or not served for this post type) is ``None`` or empty.

    .. versionadded:: 0.1.0
    """

    id: int
    """The object's id."""
    type: str | None = None
    """The post type: ``post``, ``page``, or a custom type's name."""
    slug: str | None = None
    """The URL slug (percent-encoded for non-ASCII slugs, as WordPress sends it)."""
    status: str | None = None
    """``publish``, ``draft``, ``future``, ``private``, ..."""
    link: str | None = None
    """The post's public URL; content links resolve against it."""
    guid: str | None = None
    """The globally unique id WordPress assigned (``guid.rendered``)."""
    date: datetime | None = None
    """Publication date.  Timezone-aware when the offset is known (from
    ``date_gmt``, an explicit offset, or the caller's ``tz``); else naive wall-clock."""
    modified: datetime | None = None
    """Last modification date, same rules as :attr:`date`."""
    author: int | None = None
    """The author's user id."""
    featured_media: int | None = None
    """The featured image's attachment id (``0`` for none, as WordPress says)."""
    comment_status: str | None = None
    """``open`` or ``closed``."""
    ping_status: str | None = None
    """``open`` or ``closed``."""
    sticky: bool | None = None
    """Whether the post is sticky (posts only)."""
    template: str | None = None
    """The page template's file name, ``""`` for the default."""
    parent: int | None = None
    """The parent page's id in a hierarchical post type (pages); ``None`` at
    the top level (WordPress's ``0``) and for types without a hierarchy."""
    menu_order: int | None = None
    """The position among its siblings that menus and page lists sort by
    (pages); ``None`` when WordPress does not send it."""
    format: str | None = None
    """The post format: ``standard``, ``aside``, ``video``, ..."""
    categories: tuple[int, ...] = ()
    """Category ids."""
    tags: tuple[int, ...] = ()
    """Tag ids."""
    meta: Mapping[str, Any] = attrs.field(factory=dict)
    """Registered post meta (WordPress sends ``[]`` for none: that becomes ``{}``)."""
    class_list: tuple[str, ...] = ()
    """The CSS classes WordPress gives the post (WordPress 6.5 and later)."""
    language: str | None = None
    """The post's language, from a multilingual plugin: Polylang's ``lang``
    (``fr``) or WPML's ``wpml_current_locale`` (``fr_FR``); ``None`` without one."""
    translations: tuple[Translation, ...] = ()
    """The post's versions in other languages (Polylang's ``translations``,
    WPML's ``wpml_translations``), the post itself left out."""
    title: str = ""
    """The title as plain text: tags stripped, entities decoded, whitespace collapsed."""
    title_html: str = ""
    """``title.rendered`` exactly as received."""
    excerpt: str = ""
    """The excerpt as plain text, without WordPress's ``[…]`` / "Continue reading" tail."""
    excerpt_html: str = ""
    """``excerpt.rendered`` exactly as received."""
    excerpt_truncated: bool = False
    """Whether WordPress cut the excerpt (it had a ``[…]`` or "Continue reading" tail)."""
    content_html: str = ""
    """``content.rendered`` exactly as received."""
    protected: bool = False
    """Whether the content is password protected (``content.protected``)."""
    parsed_blocks: tuple[ParsedBlock, ...] | None = None
    """The block tree of ``content.raw``, as WordPress's ``parse_blocks()`` gives
    it (see :func:`~wpparse.parse_blocks`).  ``content.raw`` is in responses
    requested with ``context=edit``; without it this is ``None``."""
    sections: tuple[Section, ...] = ()
    """The content as a tree: the top-level sections in document order."""
    links: tuple[Link, ...] = ()
    """Every link in the content, in document order."""
    shortcodes: tuple[Shortcode, ...] = ()
    """The shortcodes left unrendered in :attr:`content_html`, in document order
    (see :func:`~wpparse.find_shortcodes`).  Unless parsed with
    ``shortcodes="keep"``, their tags are not in the sections, the text or the
    Markdown; what they enclose is."""
    relations: tuple[Relation, ...] = ()
    """The ``_links`` object, one :class:`Relation` per link object."""
    embedded: Embedded | None = None
    """The objects embedded by ``?_embed`` (``_embedded``): authors, featured
    media, terms by taxonomy, replies.  ``None`` when the response embedded nothing."""
    seo: SEO | None = None
    """Yoast SEO's head, from ``yoast_head_json`` (or the older ``yoast_head``
    HTML); ``None`` without either.  Both stay in :attr:`extra` as received."""
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    """Every top-level field wpparse does not model (``yoast_head_json``, ``acf``,
    plugin fields ...), exactly as received."""
    source: Source | None = attrs.field(default=None, eq=False)
    """Where the record was read from (see :func:`wpparse.read_objects`)."""

    @property
    def text(self) -> str:
        """The plain text of the whole content: section titles and block texts."""
        parts: list[str] = []
        for top in self.sections:
            for section in top.walk():
                if section.title:
                    parts.append(section.title)
                parts.extend(b.text for b in section.blocks if b.text)
        return "\n\n".join(parts)

    def __repr__(self) -> str:
        return short_repr(
            self,
            id=self.id,
            type=self.type,
            slug=self.slug,
            title=self.title,
            sections=sum(1 for _ in self.walk()),
            links=len(self.links),
        )

    def walk(self) -> Iterator[Section]:
        """Yield every section, depth first, in document order."""
        # One stack for the whole tree (as Section.walk keeps for its own):
        # a generator per top-level section cost a frame and a resumption
        # through "yield from" for every section.
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))

    def to_text(self, *, title: bool = False, alt_text: bool = True) -> str:
        """
        Render the post as plain text: :func:`wpparse.to_text`.

        ``title`` puts the title first; ``alt_text=False`` leaves out the
        ``[Image: ...]`` lines of images without a caption.
        """
        from wpparse._render.text import to_text  # noqa: PLC0415 - renderers load on use

        return to_text(self, title=title, alt_text=alt_text)

    def to_markdown(
        self, *, front_matter: bool = False, title: bool = False, seo: bool = False
    ) -> str:
        """Render the post as CommonMark: :func:`wpparse.to_markdown`."""
        from wpparse._render.markdown.render import to_markdown  # noqa: PLC0415

        return to_markdown(self, front_matter=front_matter, title=title, seo=seo)

    def to_dict(self) -> dict[str, Any]:
        """Return the post as JSON-serialisable data: :func:`wpparse.to_dict`."""
        from wpparse._render.data import to_dict  # noqa: PLC0415

        return to_dict(self)

    def chunks(
        self,
        max_chars: int = 1000,
        *,
        length: Callable[[str], int] = len,
        alt_text: bool = True,
    ) -> list[Chunk]:
        """Split the post into chunks that follow its sections: :func:`wpparse.chunks`."""
        from wpparse._render.chunks import chunks  # noqa: PLC0415

        return chunks(self, max_chars, length=length, alt_text=alt_text)

    def soup(self) -> Any:
        """
        Return a BeautifulSoup of :attr:`content_html`, built now (BeautifulSoup is
        imported only here).

        The soup is a fresh copy on each call: change it freely.
        """
        from bs4 import BeautifulSoup  # noqa: PLC0415 - bs4 only when asked for

        return BeautifulSoup(self.content_html, "lxml")

    def relation(self, rel: str) -> tuple[Relation, ...]:
        """
        Return the relations named *rel*, by CURIE or by expanded URI.

        ``post.relation("wp:term")`` and
        ``post.relation("https://api.w.org/term")`` are the same.
        """
        uris = {r.rel_uri for r in self.relations if r.rel == rel}
        uris.add(rel)
        return tuple(r for r in self.relations if r.rel == rel or r.rel_uri in uris)

    @property
    def author_user(self) -> User | None:
        """
        The author as a :class:`~wpparse.User`, when the response embedded it.

        The embedded user whose id is :attr:`author`, else the first embedded
        author (WP-API v1 embeds the author object itself).
        """
        if self.embedded is None or not self.embedded.authors:
            return None
        for user in self.embedded.authors:
            if user.id == self.author:
                return user
        return self.embedded.authors[0]

    @property
    def featured_image(self) -> Media | None:
        """The featured media as a :class:`~wpparse.Media`, when the response embedded it."""
        if self.embedded is None:
            return None
        for media in self.embedded.featured_media:
            if self.featured_media in {None, 0, media.id}:
                return media
        return None

    @property
    def category_terms(self) -> tuple[Term | int, ...]:
        """
        The categories: a :class:`~wpparse.Term` for each embedded one, the id otherwise.

        Without ``?_embed`` this is :attr:`categories` itself.
        """
        return self._terms_or_ids(self.categories, "category")

    @property
    def tag_terms(self) -> tuple[Term | int, ...]:
        """The tags: a :class:`~wpparse.Term` for each embedded one, the id otherwise."""
        return self._terms_or_ids(self.tags, "post_tag")

    def media_for(self, block: Block) -> Media | None:
        """
        Return the embedded :class:`~wpparse.Media` record of a figure *block*.

        The block's :attr:`Block.attachment_id` (from its ``wp-image-<id>``
        class) is looked up among the embedded media (featured media and any
        other embedded media list); ``None`` when it was not embedded.
        """
        if block.attachment_id is None or self.embedded is None:
            return None
        for media in self.embedded.media():
            if media.id == block.attachment_id:
                return media
        return None

    def terms(self, taxonomy: str | None = None) -> tuple[Term, ...]:
        """
        Return the embedded terms of *taxonomy* (``"category"``, ``"post_tag"``, ...).

        Without *taxonomy*, every embedded term.  Empty when nothing was embedded.
        """
        if self.embedded is None:
            return ()
        if taxonomy is None:
            return self.embedded.all_terms()
        return tuple(self.embedded.terms.get(taxonomy, ()))

    def _terms_or_ids(
        self, ids: tuple[int, ...], taxonomy: str
    ) -> tuple[Term | int, ...]:
        if self.embedded is None:
            return ids
        by_id = {term.id: term for term in self.embedded.terms.get(taxonomy, ())}
        return tuple(by_id.get(term_id, term_id) for term_id in ids)


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

    def __repr__(self) -> str:
        return short_repr(
            self,
            id=self.id,
            media_type=self.media_type,
            mime_type=self.mime_type,
            slug=self.slug,
            title=self.title,
        )


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


# Relations and embedded objects are read from _links and _embedded on first
# use (see wpparse._model.deferred), and so are a post's excerpt, block tree,
# SEO head and extra fields when reading them can neither fail nor warn (see
# wpparse._rest.post).
build_on_read(
    Post,
    "excerpt",
    "excerpt_truncated",
    "parsed_blocks",
    "relations",
    "embedded",
    "seo",
    "extra",
)
build_on_read(Media, "relations", "embedded")
