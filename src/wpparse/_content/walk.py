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

from collections.abc import Iterator
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
            self.out.loose(self.run)
            self.run.clear()

    # -- the walk -----------------------------------------------------------

    def block_holders(self) -> set[etree._Element]:
        """
        The inline elements that hold a block element, found on first use in one pass.

        Each block marks its inline ancestors, up to a block (which marks its
        own) or one already marked, so the pass is linear however deep inline
        wrappers nest.  Only inline elements are ever looked up here.
        """
        if self.holders is None:
            holders: set[etree._Element] = set()
            self.holders = holders
            if self.body is not None:
                for block in self.body.iterdescendants(*BLOCK_TAGS):
                    for ancestor in block.iterancestors():
                        if ancestor.tag in _BLOCK_SET or ancestor in holders:
                            break
                        holders.add(ancestor)
        return self.holders

    def refine(self, child: etree._Element, tag: object, role: Role) -> Role:
        """
        The role of a block-level *child* (of *tag*, whose role is *role*): a
        gallery, a layout table or a caption box is read otherwise.
        """
        if role is TRANSPARENT:
            if tag == "div" and is_caption_box(child):
                return FIGURE
            return role
        if (role is LIST or role is FIGURE) and is_gallery(child):
            return TRANSPARENT
        if role is TABLE and is_layout_table(child):
            return TRANSPARENT
        return role

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
            if child not in self.block_holders():
                return INLINE
            return self.holder_role(child)
        return self.refine(child, tag, role)

    def holder_role(self, child: etree._Element) -> Role:
        """
        The role of inline content holding blocks: a wrapper (a link around a
        card), or a linked figure (a link round one image and no text).
        """
        return FIGURE if child.tag == "a" and is_linked_image(child) else TRANSPARENT

    def card_link(self, a: etree._Element) -> None:
        """Record the link of an ``<a>`` wrapping blocks (a card), in document order."""
        link = read_link(a, self.out.resolver)
        if link is not None:
            self.out.links.append(link)

    def walk(self, body: etree._Element) -> None:
        """
        Walk *body*'s children without recursion, emitting pieces in order.

        The hot loop of the parse: the common cases (a plain paragraph, a
        wrapper, inline content) are read inline, with locals, and a wrapper's
        children by a ``for`` loop over its iterator.
        """
        out = self.out
        run = self.run
        tails = self.tails
        text = body.text
        if text and not text.isspace():
            run.append(text)
        holders = None  # found on first use: see block_holders
        stack: list[Iterator[etree._Element]] = []
        it: Iterator[etree._Element] = iter(body)
        while True:
            for child in it:
                tag = child.tag
                if tag == "p" and not len(child):  # most of a post: plain paragraphs
                    if run:
                        self.flush()
                    out.plain_paragraph(child)
                else:
                    role = ROLE.get(tag, INLINE) if isinstance(tag, str) else None
                    if role is INLINE:
                        if holders is None:
                            holders = self.block_holders()
                        if child in holders:
                            role = self.holder_role(child)
                        else:
                            run.append(child)
                            role = None
                    elif role is not None:
                        role = self.refine(child, tag, role)
                    if role is not None:
                        if role is TRANSPARENT:
                            self.enter(child)
                            stack.append(it)
                            it = iter(child)
                            break
                        if run:
                            self.flush()
                        out.block(child, role)
                tail = child.tail
                if tail and (run or not tail.isspace()):
                    run.append(tail)
            else:
                # The wrapper is read: what follows it is loose text again.
                if run:
                    self.flush()
                if not stack:
                    return
                it = stack.pop()
                tail = tails.pop()
                if tail and not tail.isspace():
                    run.append(tail)

    def enter(self, wrapper: etree._Element) -> None:
        """
        Start reading a wrapper's children: end the run before it, record the
        link of a card, start a run with its own text; keep its tail for later.
        """
        if self.run:
            self.flush()
        if wrapper.tag == "a":
            self.card_link(wrapper)
        text = wrapper.text
        if text and not text.isspace():
            self.run.append(text)
        self.tails.append(wrapper.tail)


# The compiled twin of _Walker.walk (wpparse._speedups), when built and not
# switched off: the same walk over libxml2's nodes, a proxy made only for what
# is handed to Python.  The method above stays the reference.
from wpparse._speedups import compiled as _compiled  # noqa: E402 - after the reference

pure_walk = _Walker.walk
if _compiled is not None:
    _compiled.configure_walk(
        role=ROLE,
        roles=list(Role),
        inline=INLINE,
        transparent=TRANSPARENT,
        list_role=LIST,
        figure=FIGURE,
        table=TABLE,
    )
    _Walker.walk = _compiled.walk  # type: ignore[method-assign]

_BLOCK_SET: Final = frozenset(BLOCK_TAGS)
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
