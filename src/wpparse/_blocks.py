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
from itertools import islice
from typing import Final

from lxml import etree

from wpparse._elements import (
    ATTACHMENT,
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
    LANGUAGE,
    LEVEL,
    LINKED,
    LIST,
    LOOSE,
    MEDIA,
    MEDIA_SET,
    MEDIA_TAGS,
    NO_TEXT,
    PARA,
    QUOTE,
    ROLE,
    SEP,
    SHORT,
    SINGLE,
    SPECIAL,
    STRIPPED,
    TABLE,
    TRANSPARENT,
    WP_IMAGE,
    anchor_of,
    code_text,
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

__all__ = ["LINK_CHARS", "LINK_NODES", "Piece", "split_content"]

LINK_NODES: Final = 64
"""A link's text is read from at most this many elements (a link may wrap a card)."""
_LETTER: Final = re.compile(r"[^\W\d_]")
LINK_CHARS: Final = 1000
"""A link's text keeps at most this many characters."""


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
        href = a.get("href")
        if href is None:
            return None
        if not len(a):
            text = a.text or ""
        elif not any(n.tag in SPECIAL for n in islice(a.iterdescendants(), LINK_NODES)):
            text = "".join(a.itertext())  # inline markup only: the fast way
        else:  # a card, a line break, or links nested in links: bounded work
            text = _bounded_text(a)
        title = a.get("title")
        return self.resolver.link(
            href,
            text=collapse_ws(text[:LINK_CHARS]),
            title=title.strip() if title else None,
            rel=a.get("rel"),
        )

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

    def src(self, el: etree._Element, *names: str) -> str | None:
        """The first of the attributes *names* that is set, resolved; lazy-load
        placeholders (``data:`` URLs) give way to the real source."""
        found = None
        for name in names:
            value = el.get(name)
            if value and value.strip():
                if not value.lstrip().startswith("data:"):
                    return self.resolver.resolve(value)
                found = found or value
        return found.strip() if found else None

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
                self.add(self.figure_block(node, node, links, "", None))
            elif tag != "picture":
                self.add(self.embed_block(node, node, links, "", None))
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

    def figure_block(
        self,
        el: etree._Element,
        img: etree._Element | None,
        links: tuple[Link, ...],
        text: str,
        caption: str | None,
    ) -> Block:
        attachment = None
        alt = None
        src = None
        if img is not None:
            src = self.src(img, "src", "data-src", "data-lazy-src", "data-orig-file")
            alt = img.get("alt")
            match = WP_IMAGE.search(img.get("class") or "")
            if match:
                attachment = int(match.group(1))
        if attachment is None:
            for node in (el, *el.iterancestors("div", "figure")):
                match = ATTACHMENT.match(node.get("id") or "")
                if match:
                    attachment = int(match.group(1))
                    break
        return Block(
            kind=BlockKind.FIGURE,
            text=text,
            html=serialise(el),
            links=links,
            src=src,
            alt=alt,
            caption=caption,
            attachment_id=attachment,
        )

    def embed_block(
        self,
        el: etree._Element,
        player: etree._Element | None,
        links: tuple[Link, ...],
        text: str,
        caption: str | None,
    ) -> Block:
        src = None
        if player is not None:
            if player.tag == "object":
                src = self.src(player, "data")
            else:
                src = self.src(player, "src", "data-src", "data-lazy-src")
                if src is None:
                    source = next(player.iterdescendants("source"), None)
                    if source is not None:
                        src = self.src(source, "src")
        elif text:
            url = next(
                (w for w in text.split() if w.startswith(("http://", "https://"))), None
            )
            src = self.resolver.resolve(url) if url else None
        return Block(
            kind=BlockKind.EMBED,
            text=text,
            html=serialise(el),
            links=links,
            src=src,
            caption=caption,
        )

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

    def caption_of(self, el: etree._Element) -> str | None:
        cap = next(el.iterdescendants("figcaption", "caption"), None)
        if cap is None:
            for node in el.iterdescendants("p", "div", "dd", "span"):
                if "wp-caption-text" in (node.get("class") or ""):
                    cap = node
                    break
        if cap is None:
            return None
        return line_of(cap) or None

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
            classes = " ".join(
                c
                for c in (
                    el.get("class"),
                    *(n.get("class") for n in el.iterdescendants("code")),
                )
                if c
            )
            match = LANGUAGE.search(classes)
            self.add(
                Block(
                    kind=BlockKind.CODE,
                    text=code_text(el),
                    html=serialise(el),
                    links=self.links_in(el),
                    language=(match.group(1) or match.group(2)).lower()
                    if match
                    else None,
                )
            )
            return
        if role == LIST:
            items = tuple(text_of(li) for li in el if li.tag in {"li", "dt", "dd"})
            flags = 0
            if len(items) == 1 and len(items[0]) <= SHORT and len(el) == 1:
                flags = SINGLE | facts(el[0])
            self.add(
                Block(
                    kind=BlockKind.LIST,
                    text=text_of(el),
                    html=serialise(el),
                    links=self.links_in(el),
                    items=items,
                    ordered=el.tag == "ol",
                ),
                flags,
            )
            return
        if role == QUOTE:
            cite = next(el.iterdescendants("cite", "footer"), None)
            self.add(
                Block(
                    kind=BlockKind.QUOTE,
                    text=text_of(el),
                    html=serialise(el),
                    links=self.links_in(el),
                    caption=(line_of(cite) or None) if cite is not None else None,
                )
            )
            return
        if role == TABLE:
            self.table(el, el)
            return
        if role == EMBED:
            self.add(self.embed_block(el, el, self.links_in(el), "", None))
            return
        if role == FIGURE:
            self.figure(el)
            return
        self.add(
            Block(
                kind=BlockKind.OTHER,
                text=text_of(el),
                html=serialise(el),
                links=self.links_in(el),
            )
        )

    def table(self, el: etree._Element, table: etree._Element) -> None:
        rows = tuple(
            tuple(text_of(cell) for cell in tr if cell.tag in {"td", "th"})
            for tr in _own_rows(table)
        )
        self.add(
            Block(
                kind=BlockKind.TABLE,
                text=text_of(el),
                html=serialise(el),
                links=self.links_in(el),
                rows=rows,
                caption=self.caption_of(el),
            )
        )

    def figure(self, el: etree._Element) -> None:
        table = next(el.iterdescendants("table"), None)
        if table is not None:
            self.table(el, table)
            return
        quote = next(el.iterdescendants("blockquote"), None)
        if quote is not None:
            cite = next(el.iterdescendants("cite", "figcaption"), None)
            self.add(
                Block(
                    kind=BlockKind.QUOTE,
                    text=text_of(el),
                    html=serialise(el),
                    links=self.links_in(el),
                    caption=(line_of(cite) or None) if cite is not None else None,
                )
            )
            return
        players = list(
            el.iterdescendants("iframe", "video", "audio", "embed", "object")
        )
        images = list(el.iterdescendants("img"))
        text = text_of(el)
        caption = self.caption_of(el)
        if players or (not images and "wp-block-embed" in (el.get("class") or "")):
            self.add(
                self.embed_block(
                    el,
                    players[0] if players else None,
                    self.links_in(el),
                    text,
                    caption,
                )
            )
            return
        if images:
            self.add(self.figure_block(el, images[0], self.links_in(el), text, caption))
            return
        self.add(
            Block(
                kind=BlockKind.OTHER,
                text=text,
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
        if role in {LIST, FIGURE} and _is_gallery(child):
            return TRANSPARENT
        if role == TABLE and _is_layout_table(child):
            return TRANSPARENT
        if role == TRANSPARENT and tag == "div" and _is_caption_box(child):
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


def _bounded_text(el: etree._Element) -> str:
    """
    The text of the first LINK_NODES elements of *el*, a space between blocks:
    bounded work however deep the link goes.
    """
    parts: list[str] = []
    events = etree.iterwalk(el, events=("start", "end"))
    for event, node in islice(events, 2 * LINK_NODES):
        if node.tag in SPECIAL:
            parts.append(" ")
        if event == "start":
            if node.tag in NO_TEXT:
                events.skip_subtree()
            elif node.text:
                parts.append(node.text)
        elif node is not el and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _own_rows(table: etree._Element) -> list[etree._Element]:
    """The rows of *table* itself, not of tables nested in its cells."""
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in {"thead", "tbody", "tfoot"}:
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def _is_layout_table(table: etree._Element) -> bool:
    """A table of one cell: a layout wrapper (old themes, e-mail-style posts), not data."""
    rows = _own_rows(table)
    return (
        len(rows) == 1
        and sum(cell.tag in {"td", "th"} for cell in rows[0]) == 1
        and not any(child.tag == "caption" for child in table)
    )


def _is_gallery(el: etree._Element) -> bool:
    """A gallery (a list or figure of images): read as the images it holds, in order."""
    cls = el.get("class")
    if cls is not None and "gallery" in cls:
        return True
    if el.tag != "figure":
        return False
    images = el.iterdescendants("img")
    if next(images, None) is None or next(images, None) is None:
        return False
    return (
        next(el.iterdescendants(*MEDIA_TAGS[1:], "table", "blockquote"), None) is None
    )


def _is_caption_box(el: etree._Element) -> bool:
    cls = el.get("class")
    return (
        cls is not None
        and "wp-caption" in cls
        and next(el.iterdescendants("img"), None) is not None
    )


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
