"""
Stage 2: content HTML to a flat stream of pieces, walking lxml's tree directly.

:func:`split_content` parses the content once and walks it once, without
recursion, into :class:`Piece` objects in document order: one per block
(paragraph, list, quote, table, figure, embed, code, separator, other) and one
per real heading.  Paragraphs carry the formatting facts the section stage
needs to judge pseudo headings (bold from end to end, italic, linked ...).

How elements are read:

* ``div``, ``section``, ``article`` and other wrappers are transparent: their
  children are blocks of the article, and loose text between them becomes a
  paragraph.
* Containers with content of their own (lists, quotes, tables, figures,
  ``pre``, forms, ``details``) are one block each, headings inside them
  included, unless the container holds nothing but one heading.
* ``script``, ``style``, ``template``, ``noscript`` and ``title`` give no
  text; nor do the fallback contents of ``iframe``, ``video``, ``audio``,
  ``object``, ``canvas`` and ``svg``.  Comments are dropped by the parser.
"""

from __future__ import annotations

import re
from html import escape
from typing import Final

from lxml import etree

from wpparse._block_kinds import (
    code_block,
    embed_block,
    figure_block,
    figure_content,
    is_caption_box,
    is_gallery,
    is_layout_table,
    list_block,
    quote_block,
    read_link,
    table_block,
)
from wpparse._elements import (
    BLOCK_TAGS,
    BOLD,
    BR,
    BREAKS,
    CAPTION,
    CAPTION_HINT,
    CODE,
    EMBED,
    FIGURE,
    HEADING,
    HEADINGS,
    INLINE,
    ITALIC,
    LEVEL,
    LINKED,
    LIST,
    LOOSE,
    MEDIA,
    MEDIA_SET,
    MEDIA_TAGS,
    PARA,
    QUOTE,
    ROLE,
    SEP,
    SHORT,
    SPECIAL,
    STRIPPED,
    TABLE,
    TRANSPARENT,
    anchor_of,
    collapse_ws,
    collect,
    content_root,
    facts,
    finish,
    has_descendant,
    line_of,
    run_in_lead,
    serialise,
    text_of,
)
from wpparse._links import LinkResolver
from wpparse._models import Block, BlockKind, Link

__all__ = ["Piece", "split_content"]

_LETTER: Final = re.compile(r"[^\W\d_]")


class Piece:
    """
    One item of the flat stream: a block, or a real heading (``block`` None).

    ``level`` is 1-6 for a heading and 0 for a block; ``title`` and ``anchor``
    describe a heading (or, for a paragraph, what it would be as one);
    ``links`` are a heading's own links; ``flags`` are paragraph facts.
    """

    __slots__ = ("anchor", "block", "flags", "heading_html", "level", "links", "title")

    def __init__(
        self,
        block: Block | None,
        *,
        level: int = 0,
        title: str = "",
        anchor: str | None = None,
        links: tuple[Link, ...] = (),
        flags: int = 0,
        heading_html: str = "",
    ) -> None:
        self.heading_html = heading_html
        self.block = block
        self.level = level
        self.title = title
        self.anchor = anchor
        self.links = links
        self.flags = flags


class _Walker:
    """The single walk over the content tree; see :func:`split_content`."""

    def __init__(self, resolver: LinkResolver) -> None:
        self.resolver = resolver
        self.pieces: list[Piece] = []
        self.links: list[Link] = []
        self.run: list[str | etree._Element] = []
        self.tails: list[str | None] = []
        self.body: etree._Element | None = None
        self.holders: set[etree._Element] | None = None
        # The id of an empty element (<a name="x"></a>, <p id="x"></p>) just
        # read: the anchor of the heading right after it, if one comes next.
        self.marker: str | None = None

    # -- links and media -------------------------------------------------

    def link(self, a: etree._Element) -> Link | None:
        return read_link(a, self.resolver)

    def links_in(self, el: etree._Element) -> tuple[Link, ...]:
        if el.tag == "a":
            found = [el]
        elif not len(el):
            return ()
        else:
            found = list(el.iterdescendants("a"))
        if not found:
            return ()
        out = [link for a in found if (link := self.link(a)) is not None]
        self.links.extend(out)
        return tuple(out)

    # -- emitting ------------------------------------------------------------

    def add(self, block: Block, flags: int = 0, anchor: str | None = None) -> None:
        if not block.text and block.kind in _EMPTY_IS_NOTHING:
            return  # an empty list, table or box: nothing to read (its links are kept)
        if block.kind is BlockKind.FIGURE and not (
            block.src or block.text or block.alt
        ):
            return  # an <img> without a source
        self.marker = None
        self.pieces.append(Piece(block, flags=flags, anchor=anchor))

    def heading(self, el: etree._Element, level: int) -> None:
        title = line_of(el)
        links = self.links_in(el)
        if not title:
            if next(el.iterdescendants(*MEDIA_TAGS), None) is not None:
                self.media(el, links)
            return
        marker, self.marker = self.marker, None
        self.pieces.append(
            Piece(
                None,
                level=level,
                title=title,
                anchor=anchor_of(el) or marker,
                links=links,
                heading_html=serialise(el),
            )
        )

    def plain_paragraph(self, el: etree._Element) -> None:
        """A ``<p>`` without children: the common case, kept short."""
        text = el.text
        text = collapse_ws(text) if text else ""
        if not text:
            self.marker = el.get("id") or self.marker
            return
        if text:
            self.marker = None
            hint = el.get("class")
            self.pieces.append(
                Piece(
                    Block(kind=BlockKind.PARAGRAPH, text=text, html=serialise(el)),
                    flags=CAPTION if hint and CAPTION_HINT.search(hint) else 0,
                    anchor=el.get("id"),
                )
            )

    def paragraph(self, el: etree._Element) -> None:
        if not len(el):
            self.plain_paragraph(el)
            return
        special = has_media = False
        for node in el.iterdescendants():
            tag = node.tag
            if tag in SPECIAL:
                special = True
                if tag in MEDIA_SET:
                    has_media = True
                    break
        text = text_of(el, special=special)
        links = self.links_in(el)
        if not text:
            if has_media:
                self.media(el, links)
            else:
                self.marker = anchor_of(el) or self.marker
            return
        flags = MEDIA if has_media else 0
        if len(text) <= SHORT:
            flags |= facts(el)
        if "\n" in text:  # a line break between text, not a trailing <br>
            flags |= BREAKS
        hint = el.get("class")
        if hint and CAPTION_HINT.search(hint):
            flags |= CAPTION
        block = Block(
            kind=BlockKind.PARAGRAPH,
            text=text,
            html=serialise(el),
            links=links,
            lead=run_in_lead(el, text),
        )
        self.add(block, flags, anchor_of(el) if len(text) <= SHORT else el.get("id"))

    def media(self, el: etree._Element, links: tuple[Link, ...]) -> None:
        """Emit figures/embeds for the images and players of a text-less element."""
        for node in el.iter(*MEDIA_TAGS):
            tag = node.tag
            if tag == "img":
                self.add(figure_block(self.resolver, node, node, links))
            elif tag != "picture":
                self.add(embed_block(self.resolver, node, node, links))
            links = ()

    def flush(self) -> None:
        """Turn the pending run of inline content into a paragraph (or figures)."""
        run = self.run
        if not run:
            return
        self.run = []
        if len(run) == 1 and isinstance(run[0], str):
            text = collapse_ws(run[0])
            if text:
                self.add(
                    Block(
                        kind=BlockKind.PARAGRAPH,
                        text=text,
                        html=escape(text, quote=False),
                    ),
                    LOOSE,
                )
            return
        parts: list[str | int] = []
        html: list[str] = []
        links: list[Link] = []
        media: list[etree._Element] = []
        hinted = False
        for item in run:
            if isinstance(item, str):
                parts.append(item)
                html.append(escape(item, quote=False))
                continue
            tag = item.tag
            if tag == "br":
                parts.append(BR)
            elif tag in MEDIA_TAGS:
                media.append(item)
            else:
                collect(item, parts)
                if tag != "img" and has_descendant(item, MEDIA_SET):
                    media.append(item)
            html.append(serialise(item))
            links.extend(self.links_in(item))
            hint = item.get("class")
            if hint and CAPTION_HINT.search(hint):
                hinted = True
        text = finish(parts)
        if not text:
            for node in media:
                self.media(node, tuple(links))
                links = []
            if not media:
                for item in run:
                    if not isinstance(item, str) and (anchor := anchor_of(item)):
                        self.marker = anchor
            return
        flags = LOOSE | (BREAKS if "\n" in text else 0) | (MEDIA if media else 0)
        if hinted:
            flags |= CAPTION
        if len(text) <= SHORT:
            flags |= _run_facts(run)
        self.add(
            Block(
                kind=BlockKind.PARAGRAPH,
                text=text,
                html="".join(html).strip(),
                links=tuple(links),
            ),
            flags,
        )

    # -- blocks --------------------------------------------------------------

    def lone_heading(self, el: etree._Element) -> bool:
        """If *el* holds nothing but one heading, emit that heading and say so."""
        found = el.iterdescendants(*HEADINGS)
        head = next(found, None)
        if head is None or next(found, None) is not None:
            return False
        title = line_of(head)
        if not title or "".join(text_of(el).split()) != "".join(title.split()):
            return False
        if next(el.iterdescendants(*MEDIA_TAGS), None) is not None:
            return False
        anchor = anchor_of(head) or el.get("id") or self.marker
        self.marker = None
        self.pieces.append(
            Piece(
                None,
                level=LEVEL[str(head.tag)],
                title=title,
                anchor=anchor,
                links=self.links_in(el),
                heading_html=serialise(el),
            )
        )
        return True

    def block(self, el: etree._Element, role: int) -> None:
        if role == PARA:
            self.paragraph(el)
            return
        if role == HEADING:
            self.heading(el, LEVEL[str(el.tag)])
            return
        if role == SEP:
            self.add(Block(kind=BlockKind.SEPARATOR, text="", html=serialise(el)))
            self.links_in(el)
            return
        if (
            role in {LIST, QUOTE, TABLE}
            and next(el.iterdescendants(*HEADINGS), None) is not None
            and self.lone_heading(el)
        ):
            return
        if role == CODE:
            self.add(code_block(el, self.links_in(el)))
        elif role == LIST:
            self.add(*list_block(el, self.links_in(el)))
        elif role == QUOTE:
            self.add(quote_block(el, self.links_in(el), "cite", "footer"))
        elif role == TABLE:
            self.add(table_block(el, el, self.links_in(el)))
        elif role == EMBED:
            self.add(embed_block(self.resolver, el, el, self.links_in(el)))
        elif role == FIGURE:
            self.add(figure_content(self.resolver, el, self.links_in(el)))
        else:
            self.add(
                Block(
                    kind=BlockKind.OTHER,
                    text=text_of(el),
                    html=serialise(el),
                    links=self.links_in(el),
                )
            )

    # -- the walk -----------------------------------------------------------

    def block_holders(self) -> set[etree._Element]:
        """
        The elements that hold a block element, found on first use in one pass.

        Each block marks its ancestors up to one already marked, so the pass is
        linear however deep inline wrappers nest.
        """
        if self.holders is None:
            self.holders = set()
            if self.body is not None:
                for block in self.body.iterdescendants(*BLOCK_TAGS):
                    for ancestor in block.iterancestors():
                        if ancestor in self.holders or ancestor is self.body:
                            break
                        self.holders.add(ancestor)
        return self.holders

    def role(self, child: etree._Element) -> int:
        """What *child* of a wrapper is: INLINE, TRANSPARENT, a block role, or -1."""
        tag = child.tag
        if not isinstance(tag, str):
            return -1
        role = ROLE.get(tag, INLINE)
        if role == INLINE:
            if child not in self.block_holders():
                return INLINE
            if tag == "a":  # a link wrapping blocks (a card): still a link
                link = self.link(child)
                if link is not None:
                    self.flush()
                    self.links.append(link)
            return TRANSPARENT
        if role in {LIST, FIGURE} and is_gallery(child):
            return TRANSPARENT
        if role == TABLE and is_layout_table(child):
            return TRANSPARENT
        if role == TRANSPARENT and tag == "div" and is_caption_box(child):
            return FIGURE
        return role

    def text(self, text: str | None) -> None:
        """Add loose text to the run; whitespace alone cannot start one."""
        if text and (self.run or not text.isspace()):
            self.run.append(text)

    def walk(self, body: etree._Element) -> None:
        """Walk *body*'s children without recursion, emitting pieces in order."""
        self.text(body.text)
        stack = [iter(body)]
        tails = self.tails
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                self.flush()
                if stack:
                    self.text(tails.pop())
                continue
            if child.tag == "p" and not len(child):  # most of a post: plain paragraphs
                if self.run:
                    self.flush()
                self.plain_paragraph(child)
                tail = child.tail
                if tail and not tail.isspace():
                    self.run.append(tail)
                continue
            role = self.role(child)
            if role == INLINE:
                self.run.append(child)
            elif role == TRANSPARENT:
                self.flush()
                self.text(child.text)
                tails.append(child.tail)
                stack.append(iter(child))
                continue
            elif role >= 0:
                self.flush()
                self.block(child, role)
            self.text(child.tail)
        self.flush()


_EMPTY_IS_NOTHING: Final = frozenset(
    {
        BlockKind.PARAGRAPH,
        BlockKind.LIST,
        BlockKind.QUOTE,
        BlockKind.TABLE,
        BlockKind.CODE,
        BlockKind.OTHER,
    }
)


def _run_facts(run: list[str | etree._Element]) -> int:
    """BOLD / ITALIC / LINKED of loose inline content: what covers all its letters."""
    flags = BOLD | ITALIC | LINKED
    for item in run:
        if isinstance(item, str):
            if _LETTER.search(item):
                return 0
        else:
            flags &= facts(item)
    return flags


_IDS: Final = etree.XPath("//@id | //a/@name")


def _prescan_anchors(body: etree._Element) -> frozenset[str]:
    """
    Every id of the content (one XPath query): a superset of the anchors
    sections will carry, which the section stage narrows down.
    """
    ids = _IDS(body)
    if not isinstance(ids, list):  # pragma: no cover - the query gives a list
        return frozenset()
    return frozenset(str(v).strip() for v in ids if str(v).strip())


def split_content(
    html: str, page_url: str | None, where: str = "content"
) -> tuple[list[Piece], list[Link], LinkResolver]:
    """
    Parse *html* once and return its pieces, its links and the link resolver.

    The links are every ``<a href>`` of the content in document order (those in
    headings included); the resolver already knows the ``<base>`` and the
    candidate anchors, so the section stage can re-check fragment targets.
    """
    body = content_root(html, where)
    if body is None:
        return [], [], LinkResolver(page_url)
    etree.strip_elements(body, *STRIPPED, with_tail=False)
    base_el = next(body.iter("base"), None)
    base = base_el.get("href") if base_el is not None else None
    resolver = LinkResolver(page_url, base, _prescan_anchors(body))
    walker = _Walker(resolver)
    walker.body = body
    walker.walk(body)
    return walker.pieces, walker.links, resolver
