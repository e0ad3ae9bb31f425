"""
The immutable models every stage produces and consumes.

This module imports only attrs and the standard library, so models are cheap to
import and easy to build by hand in tests.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any

import attrs

__all__ = [
    "Block",
    "BlockKind",
    "Chunk",
    "HeadingSource",
    "Link",
    "LinkKind",
    "Post",
    "Relation",
    "Section",
]


class LinkKind(enum.StrEnum):
    """
    What a :class:`Link` points at.

    .. versionadded:: 0.1.0
    """

    INTERNAL = "internal"
    """Same site as the post's ``link`` (with or without ``www.``).  A relative
    link in a post whose ``link`` is missing or itself relative (mirrored sites)
    cannot be made absolute: it stays relative and still counts as internal."""
    EXTERNAL = "external"
    """Another web site."""
    FRAGMENT = "fragment"
    """A ``#fragment`` inside the post itself."""
    MAILTO = "mailto"
    """A ``mailto:`` address."""
    TEL = "tel"
    """A ``tel:`` number."""
    OTHER = "other"
    """Any other scheme (``ftp:``, ``sms:``, ...), or a URL too malformed to parse."""
    UNSAFE = "unsafe"
    """``javascript:``, ``vbscript:`` or a non-image ``data:`` URL: never follow it."""


class BlockKind(enum.StrEnum):
    """
    The kind of a :class:`Block` of content.

    .. versionadded:: 0.1.0
    """

    PARAGRAPH = "paragraph"
    """A paragraph of running text (``<p>``, or loose text)."""
    HEADING = "heading"
    """A heading that titles only part of a section.  The parser does not make
    these today: a heading inside a table cell, quote or list item stays part of
    that container's block, and every other heading starts a :class:`Section`."""
    LIST = "list"
    """An ordered or unordered list; see :attr:`Block.items`."""
    QUOTE = "quote"
    """A block quote or pull quote."""
    TABLE = "table"
    """A table; see :attr:`Block.rows`."""
    FIGURE = "figure"
    """An image or figure; see :attr:`Block.src`, :attr:`Block.alt`, :attr:`Block.caption`."""
    EMBED = "embed"
    """An iframe, video or audio player; see :attr:`Block.src`."""
    CODE = "code"
    """Preformatted text or code, whitespace kept."""
    SEPARATOR = "separator"
    """A horizontal rule."""
    OTHER = "other"
    """Anything else that holds text (a ``<div>`` soup, a form, ...)."""


class HeadingSource(enum.StrEnum):
    """
    Which rule made a :class:`Section`'s title a heading.

    .. versionadded:: 0.1.0
    """

    HTML = "html"
    """A real ``<h1>``-``<h6>`` element."""
    BOLD = "bold"
    """A paragraph that is bold from end to end."""
    LINE = "line"
    """A short, title-like line standing alone between paragraphs."""


@attrs.frozen(kw_only=True)
class Link:
    """
    A hyperlink found in a post's content.

    .. versionadded:: 0.1.0
    """

    url: str
    """The absolute URL, resolved against the post's ``link`` (and ``<base>``).
    Entities are decoded.  For an unsafe or malformed link, the href as written;
    with no absolute base to resolve against, a relative URL stays relative."""
    href: str
    """The ``href`` attribute exactly as written in the HTML (entities decoded)."""
    text: str = ""
    """The link's visible text, whitespace collapsed.  For a link that wraps
    blocks (a card), the text of its first 64 elements, at most 1,000 characters."""
    title: str | None = None
    """The ``title`` attribute, if any."""
    rel: tuple[str, ...] = ()
    """The ``rel`` attribute's tokens, lower-cased (``("nofollow", "noopener")``)."""
    kind: LinkKind = LinkKind.OTHER
    """What the link points at."""
    target_anchor: str | None = None
    """For a :attr:`LinkKind.FRAGMENT` link whose fragment matches a section's
    :attr:`Section.anchor`, that anchor; otherwise ``None``."""


@attrs.frozen(kw_only=True)
class Block:
    """
    One block of content: a paragraph, list, quote, table, figure, ...

    Blocks are what the content's sections hold, in document order.  Fields that
    do not apply to a block's :attr:`kind` are empty or ``None``.

    .. versionadded:: 0.1.0
    """

    kind: BlockKind
    """What kind of block this is."""
    text: str
    """The block's plain text: tags stripped, entities decoded, whitespace
    collapsed (kept as is for :attr:`BlockKind.CODE`)."""
    html: str = ""
    """The block's HTML, serialised from the parsed content."""
    links: tuple[Link, ...] = ()
    """The links inside this block, in document order."""
    lead: str | None = None
    """For a paragraph that opens with a bold run-in phrase
    (``<strong>In conclusion,</strong> armed ...``), that phrase."""
    items: tuple[str, ...] = ()
    """For a list, the plain text of each top-level item."""
    ordered: bool = False
    """For a list, whether it is numbered (``<ol>``)."""
    rows: tuple[tuple[str, ...], ...] = ()
    """For a table, the plain text of each cell, row by row (header rows first)."""
    src: str | None = None
    """For a figure or embed, the absolute URL of the image, video, audio or frame."""
    alt: str | None = None
    """For a figure, the image's ``alt`` text."""
    caption: str | None = None
    """For a figure, table or quote, its caption or citation as plain text."""
    attachment_id: int | None = None
    """For a figure, the WordPress attachment id from a ``wp-image-123`` class."""
    language: str | None = None
    """For code, the language named by a ``language-xxx`` or ``lang-xxx`` class."""


@attrs.frozen(kw_only=True)
class Section:
    """
    A heading and everything under it, up to the next heading of the same or a
    higher level.

    The content before the first heading is a *lead* section with
    :attr:`title` ``None`` and :attr:`level` ``0``.

    .. versionadded:: 0.1.0
    """

    title: str | None
    """The heading's plain text, entities decoded; ``None`` for the lead."""
    level: int
    """1-6 for a heading, 0 for the lead.  Children are always deeper."""
    anchor: str | None = None
    """The heading's ``id`` attribute, if any: the target of ``#anchor`` links.
    Failing that, the first ``id`` (or ``<a name>``) inside the heading, or that of
    an empty element right before it (``<a name="part-2"></a><h2>...``)."""
    heading_source: HeadingSource | None = None
    """Which rule made this a heading; ``None`` for the lead."""
    blocks: tuple[Block, ...] = ()
    """The blocks directly under the heading, before the first child section."""
    children: tuple[Section, ...] = ()
    """Sub-sections, in document order."""
    heading_html: str = ""
    """The HTML of the heading: the ``<h2>`` element, or the paragraph a pseudo
    heading was made from; ``""`` for the lead."""
    heading_links: tuple[Link, ...] = ()
    """The links inside the heading itself, in document order."""

    @property
    def text(self) -> str:
        """The plain text of this section's own blocks, separated by blank lines."""
        return "\n\n".join(b.text for b in self.blocks if b.text)

    @property
    def links(self) -> tuple[Link, ...]:
        """The links of the heading and of this section's own blocks, in document order."""
        return self.heading_links + tuple(link for b in self.blocks for link in b.links)

    @property
    def html(self) -> str:
        """The HTML of the whole section: its heading, its blocks and its sub-sections."""
        parts: list[str] = []
        for section in self.walk():
            parts.append(section.heading_html)
            parts.extend(b.html for b in section.blocks)
        return "\n".join(p for p in parts if p)

    def soup(self) -> Any:
        """
        Return a BeautifulSoup of :attr:`html`, built now (BeautifulSoup is imported only here).

        The soup is a fresh copy on each call: change it freely.
        """
        from bs4 import BeautifulSoup  # noqa: PLC0415 - bs4 only when asked for

        return BeautifulSoup(self.html, "lxml")

    def walk(self) -> Iterator[Section]:
        """Yield this section and all its descendants, depth first, in document order."""
        stack = [self]
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))


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
    sections: tuple[Section, ...] = ()
    """The content as a tree: the top-level sections in document order."""
    links: tuple[Link, ...] = ()
    """Every link in the content, in document order."""
    relations: tuple[Relation, ...] = ()
    """The ``_links`` object, one :class:`Relation` per link object."""
    embedded: Embedded | None = None
    """The objects embedded by ``?_embed`` (``_embedded``): authors, featured
    media, terms by taxonomy, replies.  ``None`` when the response embedded nothing."""
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

    def walk(self) -> Iterator[Section]:
        """Yield every section, depth first, in document order."""
        for top in self.sections:
            yield from top.walk()

    def to_text(self, *, title: bool = False) -> str:
        """Render the post as plain text: :func:`wpparse.to_text` (``title`` puts the title first)."""
        from wpparse._render_text import to_text  # noqa: PLC0415 - renderers load on use

        return to_text(self, title=title)

    def to_markdown(self, *, front_matter: bool = False, title: bool = False) -> str:
        """Render the post as CommonMark: :func:`wpparse.to_markdown`."""
        from wpparse._render_markdown import to_markdown  # noqa: PLC0415

        return to_markdown(self, front_matter=front_matter, title=title)

    def to_dict(self) -> dict[str, Any]:
        """Return the post as JSON-serialisable data: :func:`wpparse.to_dict`."""
        from wpparse._dict import to_dict  # noqa: PLC0415

        return to_dict(self)

    def chunks(
        self, max_chars: int = 1000, *, length: Callable[[str], int] = len
    ) -> list[Chunk]:
        """Split the post into chunks that follow its sections: :func:`wpparse.chunks`."""
        from wpparse._chunks import chunks  # noqa: PLC0415

        return chunks(self, max_chars, length=length)

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
class Chunk:
    """
    A piece of a post's text, with where it sits in the article.

    .. versionadded:: 0.1.0
    """

    text: str
    """The chunk's text: ``post.text[start:end]``."""
    headings: tuple[str, ...]
    """The heading trail: the titles of the sections the chunk sits in, outermost
    first (``("Divergent Strategic lenses", "Relations With the Gulf States")``);
    empty in the lead."""
    post_id: int
    """The post's id."""
    link: str | None
    """The post's public URL."""
    anchor: str | None = None
    """The ``id`` of the chunk's section heading, if it has one (the target of
    ``link#anchor``)."""
    links: tuple[Link, ...] = ()
    """The links whose text lies inside this chunk, in document order."""
    start: int
    """Where the chunk starts in :attr:`Post.text <wpparse.Post.text>`."""
    end: int
    """Where the chunk ends (exclusive) in :attr:`Post.text <wpparse.Post.text>`."""
    index: int = 0
    """The chunk's position among the post's chunks, from 0."""
    title: str = ""
    """The post's title."""

    @property
    def url(self) -> str | None:
        """The post's URL with the section's ``#anchor`` when there is one."""
        if self.link and self.anchor:
            return f"{self.link.partition('#')[0]}#{self.anchor}"
        return self.link

    def to_dict(self) -> dict[str, Any]:
        """Return the chunk as JSON-serialisable data (the CLI's ``chunks`` format)."""
        from wpparse._dict import link_dict  # noqa: PLC0415 - keep imports one-way

        return {
            "index": self.index,
            "post_id": self.post_id,
            "title": self.title,
            "link": self.link,
            "anchor": self.anchor,
            "url": self.url,
            "headings": list(self.headings),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "links": [link_dict(link) for link in self.links],
        }


# Resolve Post's forward references (typing.get_type_hints, autodoc).  At the
# bottom: _objects imports Post and Relation from this module.
from wpparse._objects import Embedded, Media, Source, Term, User  # noqa: E402
