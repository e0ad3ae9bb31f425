"""
Stage 2, the output side of the walk: how one element, or one run of loose
inline content, becomes pieces.

The walker (:mod:`wpparse._content.walk`) decides what each element of the content
is (its role) and hands it to :class:`Pieces`, which emits the pieces in
document order and records every link read on the way.  Paragraphs carry
the formatting facts the section stage needs to judge pseudo headings; the
richer block kinds are built by :mod:`wpparse._content.blocks`.
"""

from __future__ import annotations

import re
from typing import Final

import attrs
from lxml import etree

from wpparse._content.blocks import (
    code_block,
    embed_block,
    figure_block,
    figure_content,
    list_block,
    quote_block,
    read_link,
    table_block,
)
from wpparse._content.element_text import (
    add_inline,
    facts,
    finish,
    line_of,
    read_element,
    text_of,
)
from wpparse._content.later import LaterHtml
from wpparse._content.links import LinkResolver
from wpparse._content.stream import HeadingPiece, Piece, new_block, paragraph_block
from wpparse._content.titles import MAX_TITLE_CHARS
from wpparse._content.vocabulary import (
    BOLD,
    BR,
    BREAKS,
    CAPTION,
    CODE,
    EMBED,
    FIGURE,
    HEADING,
    HEADINGS,
    ITALIC,
    LEVEL,
    LINKED,
    LIST,
    LOOSE,
    MEDIA,
    MEDIA_TAGS,
    PARA,
    QUOTE,
    SEP,
    TABLE,
    Role,
    anchor_of,
    is_caption_hint,
)
from wpparse._model.content import Block, BlockKind, Link
from wpparse._text import collapse

__all__ = ["Pieces"]

_LETTER: Final = re.compile(r"[^\W\d_]")
# (Read off BlockKind once: on Python 3.11 reading a member off its class is
# a call, as EnumType has a __getattr__.)
_FIGURE: Final = BlockKind.FIGURE


class Pieces:
    """The pieces and links of one content, in document order, and how elements become them."""

    def __init__(self, resolver: LinkResolver) -> None:
        self.resolver = resolver
        self.later = LaterHtml()  # every block's HTML, serialised on first read
        self.pieces: list[Piece] = []
        self.links: list[Link] = []
        # The id of an empty element (<a name="x"></a>, <p id="x"></p>) just
        # read: the anchor of the heading right after it, if one comes next.
        self.marker: str | None = None

    # -- links ---------------------------------------------------------------

    def links_in(self, el: etree._Element) -> tuple[Link, ...]:
        if el.tag == "a":
            found = [el]
        elif not len(el):
            return ()
        else:
            found = list(el.iterdescendants("a"))
        return self.read_links(found)

    def read_links(self, found: list[etree._Element]) -> tuple[Link, ...]:
        """Read the ``<a>`` elements *found* (in document order) and record their links."""
        if not found:
            return ()
        resolver = self.resolver
        out = [link for a in found if (link := read_link(a, resolver)) is not None]
        self.links.extend(out)
        return tuple(out)

    # -- emitting ------------------------------------------------------------

    def add(self, block: Block, flags: int = 0, anchor: str | None = None) -> None:
        if not block.text and block.kind in _EMPTY_IS_NOTHING:
            return  # an empty list, table or box: nothing to read (its links are kept)
        if block.kind is _FIGURE and not (block.src or block.text or block.alt):
            return  # an <img> without a source
        self.marker = None
        self.pieces.append(Piece(block, flags, anchor))

    def heading(self, el: etree._Element, level: int) -> None:
        # Headings are not judged by their facts: a limit of 0 skips them.
        text, found, has_media, _, _, _ = read_element(el, 0)
        links = self.read_links(found)
        title = " ".join(text.split())
        if not title:
            if has_media or (
                len(el) and next(el.iterdescendants("picture"), None) is not None
            ):
                self.media(el, links)
            return
        marker, self.marker = self.marker, None
        self.pieces.append(
            HeadingPiece(
                level=level,
                title=title,
                anchor=anchor_of(el) or marker,
                links=links,
                heading_html=self.later.of(el),
            )
        )

    def plain_paragraph(self, el: etree._Element) -> None:
        """A ``<p>`` without children: the common case, kept short."""
        raw = el.text
        text = collapse(raw) if raw else ""
        if not raw or not text:
            self.marker = el.get("id") or self.marker
            return
        self.marker = None
        if el.keys():
            hint = el.get("class")
            flags = CAPTION if hint and is_caption_hint(hint) else 0
            html, anchor = self.later.of(el), el.get("id")
        else:
            flags, anchor = 0, None
            html = self.later.of(raw)
        self.pieces.append(Piece(paragraph_block(text, html), flags, anchor))

    def paragraph(self, el: etree._Element) -> None:
        if not len(el):
            self.plain_paragraph(el)
            return
        text, found, has_media, flags, lead, anchor = read_element(el, MAX_TITLE_CHARS)
        links = self.read_links(found)
        if not text:
            if has_media:
                self.media(el, links)
            else:
                self.marker = anchor_of(el) or self.marker
            return
        if has_media:
            flags |= MEDIA
        if "\n" in text:  # a line break between text, not a trailing <br>
            flags |= BREAKS
        hint = el.get("class")
        if hint and is_caption_hint(hint):
            flags |= CAPTION
        block = paragraph_block(text, self.later.of(el), links, lead)
        self.add(block, flags, anchor)

    def media(self, el: etree._Element, links: tuple[Link, ...]) -> None:
        """
        Emit figures/embeds for the images and players of a text-less element.

        A linked image's figure is its ``<a>`` and holds that link; the other
        links go with the first block.
        """
        nodes = [n for n in el.iter(*MEDIA_TAGS) if n.tag != "picture"]
        boxes = [_link_around(n, el) if n.tag == "img" else n for n in nodes]
        anchors = [a for a in el.iter("a") if a.get("href") is not None]
        own: dict[etree._Element, Link] = {}
        if len(anchors) == len(links):
            linked = set(boxes)
            own = {a: x for a, x in zip(anchors, links, strict=True) if a in linked}
        owned = {id(x) for x in own.values()}
        rest = tuple(x for x in links if id(x) not in owned)
        for node, box in zip(nodes, boxes, strict=True):
            link = own.get(box)
            mine = (*rest, link) if link is not None else rest
            if node.tag == "img":
                html = self.later.of(box)
                self.add(figure_block(self.resolver, box, node, mine, html=html))
            else:
                html = self.later.of(node)
                self.add(embed_block(self.resolver, node, mine, html=html))
            rest = ()

    def loose(self, run: list[str | etree._Element]) -> None:
        """Turn a run of inline content into a paragraph (or figures)."""
        if len(run) == 1 and isinstance(run[0], str):
            text = collapse(run[0])
            if text:
                self.add(paragraph_block(text, self.later.of([text])), LOOSE)
            return
        parts: list[str | int] = []
        links: list[Link] = []
        media: list[etree._Element] = []
        owned: dict[etree._Element, tuple[Link, ...]] = {}
        hinted = False
        for item in run:
            if isinstance(item, str):
                parts.append(item)
                continue
            tag = item.tag
            if tag == "br":
                parts.append(BR)
                anchors: list[etree._Element] = []
            elif tag in MEDIA_TAGS:
                media.append(item)
                anchors = list(item.iterdescendants("a")) if len(item) else []
            else:
                holds_media, anchors = add_inline(item, parts)
                if holds_media and tag != "img":
                    media.append(item)
            found = self.read_links(anchors)
            links.extend(found)
            if found and item in media:
                owned[item] = found
            hint = item.get("class")
            if hint and is_caption_hint(hint):
                hinted = True
        text = finish(parts)
        if not text:
            # Each image or player keeps the links around it; the others go
            # with the first.
            mine = {id(x) for found in owned.values() for x in found}
            rest = tuple(x for x in links if id(x) not in mine)
            for node in media:
                self.media(node, (*rest, *owned.get(node, ())))
                rest = ()
            if not media:
                for item in run:
                    if not isinstance(item, str) and (anchor := anchor_of(item)):
                        self.marker = anchor
            return
        flags = LOOSE | (BREAKS if "\n" in text else 0) | (MEDIA if media else 0)
        if hinted:
            flags |= CAPTION
        if len(text) <= MAX_TITLE_CHARS:
            flags |= _run_facts(run)
        html = self.later.of(run.copy())  # the walk reuses its run list
        self.add(paragraph_block(text, html, tuple(links)), flags)

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
            HeadingPiece(
                level=LEVEL[str(head.tag)],
                title=title,
                anchor=anchor,
                links=self.links_in(el),
                heading_html=self.later.of(el),
            )
        )
        return True

    def block(self, el: etree._Element, role: Role) -> None:
        if role == PARA:
            self.paragraph(el)
            return
        if role == HEADING:
            self.heading(el, LEVEL[str(el.tag)])
            return
        if role == SEP:
            html = self.later.of(el)
            self.add(new_block(kind=BlockKind.SEPARATOR, text="", html=html))
            self.links_in(el)
            return
        if (
            role in {LIST, QUOTE, TABLE}
            and next(el.iterdescendants(*HEADINGS), None) is not None
            and self.lone_heading(el)
        ):
            return
        links = self.links_in(el)
        html = self.later.of(el)
        if role == CODE:
            self.add(code_block(el, links, html=html))
        elif role == LIST:
            self.add(*list_block(el, links, html=html))
        elif role == QUOTE:
            self.add(quote_block(el, links, "cite", "footer", html=html))
        elif role == TABLE:
            self.add(table_block(el, el, links, html=html))
        elif role == EMBED:
            self.add(embed_block(self.resolver, el, links, html=html))
        elif role == FIGURE:
            self.add(figure_content(self.resolver, el, links, html=html))
        else:
            text = text_of(el)
            self.add(new_block(kind=BlockKind.OTHER, text=text, html=html, links=links))


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


def _link_around(img: etree._Element, within: etree._Element) -> etree._Element:
    """
    The ``<a>`` around *img* (inside *within*, or *within* itself) that holds
    no other image or player: a linked image's figure keeps its link.  Else *img*.
    """
    for node in img.iterancestors():
        if node.tag == "a":
            if (
                next(node.iter(*MEDIA_TAGS), None) is img
                and sum(1 for _ in node.iter(*MEDIA_TAGS)) == 1
            ):
                return node
            return img
        if node is within:
            break
    return img


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


def _paragraph_fields() -> dict[str, object]:
    """A paragraph block's fields but its text and HTML, as ``paragraph_block`` gives them."""
    block = paragraph_block("-", "")
    return {
        field.name: getattr(block, field.name)
        for field in attrs.fields(Block)
        if field.name not in {"text", "html"}
    }


# The compiled twin of Pieces.plain_paragraph (wpparse._speedups), when built
# and not switched off: it reads the paragraph and builds its block and piece
# in one call.  The method above stays the reference.
from wpparse._speedups import compiled as _compiled  # noqa: E402 - after the reference

pure_plain_paragraph = Pieces.plain_paragraph
pure_paragraph = Pieces.paragraph
if _compiled is not None:
    _compiled.configure_blocks(
        block=Block,
        fields=[field.name for field in attrs.fields(Block)],
        paragraph=_paragraph_fields(),
        piece=Piece,
        caption_hint=is_caption_hint,
        caption=CAPTION,
    )
    Pieces.plain_paragraph = _compiled.plain_paragraph  # type: ignore[method-assign]
    _compiled.configure_paragraphs(
        paragraph=Pieces.paragraph,
        title_chars=MAX_TITLE_CHARS,
        media=MEDIA,
        breaks=BREAKS,
    )
    Pieces.paragraph = _compiled.paragraph  # type: ignore[method-assign]
