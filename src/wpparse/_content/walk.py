"""
Stage 2: content HTML to a flat stream of pieces, walking lxml's tree directly.

:func:`split_content` parses the content once and walks it once, without
recursion, into :class:`Piece` objects in document order: one per block
(paragraph, list, quote, table, figure, embed, code, separator, other) and one
per real heading.  Paragraphs carry the formatting facts the section stage
needs to judge pseudo headings (bold from end to end, italic, linked ...).

This module is the walk: it decides what each element is (a wrapper, inline
content, or a block of some role).  :mod:`wpparse._content.pieces` turns each block,
and each run of loose inline content, into pieces; :mod:`wpparse._content.blocks`
builds the richer blocks (figures, embeds, tables, quotes, code, lists).

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

from functools import partial
from typing import Final

from lxml import etree

from wpparse._content.blocks import (
    is_caption_box,
    is_gallery,
    is_layout_table,
    is_linked_image,
    read_link,
)
from wpparse._content.links import LinkResolver
from wpparse._content.normalise import normalise
from wpparse._content.pieces import Pieces
from wpparse._content.stream import Piece
from wpparse._content.vocabulary import (
    BLOCK_TAGS,
    FIGURE,
    INLINE,
    LIST,
    ROLE,
    STRIPPED,
    TABLE,
    TRANSPARENT,
    Role,
    content_root,
)
from wpparse._model.content import Link

__all__ = ["Piece", "split_content"]


class _Walker:
    """The single walk over the content tree; see :func:`split_content`."""

    def __init__(self, resolver: LinkResolver) -> None:
        self.out = Pieces(resolver)
        self.run: list[str | etree._Element] = []
        self.tails: list[str | None] = []
        self.body: etree._Element | None = None
        self.holders: set[etree._Element] | None = None

    def flush(self) -> None:
        """Turn the pending run of inline content into a paragraph (or figures)."""
        if self.run:
            run, self.run = self.run, []
            self.out.loose(run)

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

    def role_of(self, child: etree._Element) -> Role | None:
        """
        What *child* of a wrapper is: INLINE, TRANSPARENT or a block role;
        ``None`` for a comment or a processing instruction.  Reads only.
        """
        tag = child.tag
        if not isinstance(tag, str):
            return None
        role = ROLE.get(tag, INLINE)
        if role is INLINE:
            # Inline content holding blocks (a link around a card) is a
            # wrapper; a link round one image and no text, a linked figure.
            if child not in self.block_holders():
                return INLINE
            return FIGURE if tag == "a" and is_linked_image(child) else TRANSPARENT
        if (role is LIST or role is FIGURE) and is_gallery(child):
            return TRANSPARENT
        if role is TABLE and is_layout_table(child):
            return TRANSPARENT
        if role is TRANSPARENT and tag == "div" and is_caption_box(child):
            return FIGURE
        return role

    def card_link(self, a: etree._Element) -> None:
        """Record the link of an ``<a>`` wrapping blocks (a card), in document order."""
        link = read_link(a, self.out.resolver)
        if link is not None:
            self.out.links.append(link)

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
                self.out.plain_paragraph(child)
                tail = child.tail
                if tail and not tail.isspace():
                    self.run.append(tail)
                continue
            role = self.role_of(child)
            if role is INLINE:
                self.run.append(child)
            elif role is TRANSPARENT:
                self.flush()
                if child.tag == "a":
                    self.card_link(child)
                self.text(child.text)
                tails.append(child.tail)
                stack.append(iter(child))
                continue
            elif role is not None:
                self.flush()
                self.out.block(child, role)
            self.text(child.tail)
        self.flush()


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
) -> tuple[list[Piece], list[Link]]:
    """
    Parse *html* once and return its pieces and its links.

    The links are every ``<a href>`` of the content in document order (those in
    headings included); a fragment link names the id it points to as its
    target anchor, which the section stage keeps only if a section carries it.
    """
    body = content_root(html, where)
    if body is None:
        return [], []
    etree.strip_elements(body, *STRIPPED, with_tail=False)
    normalise(body, html)
    base_el = next(body.iter("base"), None)
    base = base_el.get("href") if base_el is not None else None
    # The ids are read on the first fragment link (most posts have none):
    # the walk reads the tree and changes nothing, so they are the same then.
    resolver = LinkResolver(page_url, base, partial(_prescan_anchors, body))
    walker = _Walker(resolver)
    walker.body = body
    walker.walk(body)
    walker.out.later.wait(len(html))
    return walker.out.pieces, walker.out.links
