"""
The models of a post's content: links, blocks, sections and chunks.

Like every module of :mod:`wpparse._model`, this one imports only attrs, the
standard library and the leaf :mod:`wpparse._text` (for short reprs), so models are cheap to import and easy to build by hand in
tests.  :meth:`Chunk.to_dict` imports its renderer when called: the one kind of
import that points up (see ``docs/architecture.md``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from functools import partial
from types import MemberDescriptorType
from typing import Any

import attrs

from wpparse._text import short_repr

__all__ = [
    "Block",
    "BlockKind",
    "Chunk",
    "HeadingSource",
    "HtmlSource",
    "Link",
    "LinkKind",
    "Section",
    "block_html_source",
    "heading_html_source",
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
    """The block's HTML, serialised from the parsed content on first read
    (see :ref:`performance-lazy-html`)."""
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

    def __repr__(self) -> str:
        return short_repr(
            self, kind=self.kind.value, text=self.text, links=len(self.links) or None
        )


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
    heading was made from; ``""`` for the lead.  Serialised on first read, as
    :attr:`Block.html` is."""
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

    def __repr__(self) -> str:
        return short_repr(
            self,
            level=self.level,
            title=self.title,
            blocks=len(self.blocks),
            children=len(self.children),
            links=len(self.links),
        )

    def walk(self) -> Iterator[Section]:
        """Yield this section and all its descendants, depth first, in document order."""
        stack = [self]
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))


HtmlSource = str | partial[str]
"""An HTML field as its slot holds it: a string, or what serialises it on first read."""


class _OnFirstRead:
    """
    The attribute of an HTML field, standing in front of the field's slot.

    The parser does not serialise a block's HTML: the slot holds a
    :class:`functools.partial` that does (see :mod:`wpparse._content.later`).
    The first read calls it and puts the string in the slot, so the instance
    then holds a plain string, as one built with ``Block(html="...")`` does.
    Everything attrs generates (``==``, ``hash``, pickling, ``attrs.evolve``)
    reads the field by name, and so sees the string.  Read from the class,
    the attribute is the slot itself, as for any other field.
    """

    __slots__ = ("_slot",)

    def __init__(self, slot: MemberDescriptorType) -> None:
        self._slot = slot

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        slot = self._slot
        if obj is None:
            return slot
        value = slot.__get__(obj, owner)
        if type(value) is partial:
            value = value()
            slot.__set__(obj, value)
        return value

    def __set__(self, obj: object, value: object) -> None:
        self._slot.__set__(obj, value)


def _on_first_read(cls: type, name: str) -> MemberDescriptorType:
    slot: MemberDescriptorType = cls.__dict__[name]
    setattr(cls, name, _OnFirstRead(slot))
    return slot


_BLOCK_HTML = _on_first_read(Block, "html")
_HEADING_HTML = _on_first_read(Section, "heading_html")


def block_html_source(block: Block) -> HtmlSource:
    """*block*'s HTML as its slot holds it: a string, or what serialises it on first read."""
    source: HtmlSource = _BLOCK_HTML.__get__(block, Block)
    return source


def heading_html_source(section: Section) -> HtmlSource:
    """*section*'s heading HTML as its slot holds it (see :func:`block_html_source`)."""
    source: HtmlSource = _HEADING_HTML.__get__(section, Section)
    return source


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
        from wpparse._render.data import link_dict  # noqa: PLC0415 - keep imports one-way

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
