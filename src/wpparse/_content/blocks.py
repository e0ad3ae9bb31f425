"""
Stage 2, one element at a time: what a link, a figure, an embed, a table, a
quote, a code block or a list element gives.

The walker (:mod:`wpparse._content.walk`) decides what each element of the content
is and calls these to build the result.  They are plain functions of the
element: the walker passes in the element's links (already recorded in
document order) and the link resolver, so nothing here keeps state or walks
the whole document.  The element predicates the walker asks before deciding
(a gallery, a layout table, a caption box) live here too.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Final
from urllib.parse import urlsplit

from lxml import etree

from wpparse._content.element_text import (
    BLOCK_TEXT,
    code_text,
    facts,
    joined_text,
    line_of,
    text_of,
    text_shape,
)
from wpparse._content.links import LinkResolver
from wpparse._content.stream import new_block, replaced
from wpparse._content.titles import MAX_TITLE_CHARS
from wpparse._content.vocabulary import (
    ATTACHMENT,
    MEDIA_TAGS,
    NO_TEXT,
    SINGLE,
    SPECIAL,
    WP_IMAGE,
)
from wpparse._html.vocabulary import (
    IMAGE_SOURCES,
    PLAYER_SOURCES,
    code_language,
    image_text,
    source_of,
)
from wpparse._model.content import Block, BlockKind, HtmlSource, Link
from wpparse._text import collapse

__all__ = [
    "LINK_CHARS",
    "LINK_NODES",
    "caption_of",
    "code_block",
    "embed_block",
    "figure_block",
    "figure_content",
    "is_caption_box",
    "is_gallery",
    "is_layout_table",
    "is_linked_image",
    "list_block",
    "quote_block",
    "read_link",
    "table_block",
]

LINK_NODES: Final = 64
"""A link's text is read from at most this many elements (a link may wrap a card)."""
LINK_CHARS: Final = 1000
"""A link's text keeps at most this many characters."""

# -- links and sources -------------------------------------------------------


def read_link(a: etree._Element, resolver: LinkResolver) -> Link | None:
    """The :class:`Link` of ``<a>`` element *a*, or None without an ``href``."""
    href = a.get("href")
    if href is None:
        return None
    if not len(a):
        text = a.text or ""
    elif not any(n.tag in SPECIAL for n in islice(a.iterdescendants(), LINK_NODES)):
        text = joined_text(a)  # inline markup only: the fast way
    else:  # a card, a line break, or links nested in links: bounded work
        text = _bounded_text(a)
    title = a.get("title")
    return resolver.link(
        href,
        text=collapse(text[:LINK_CHARS]),
        title=title.strip() if title else None,
        rel=a.get("rel"),
    )


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


def _src(
    resolver: LinkResolver, el: etree._Element, names: tuple[str, ...]
) -> str | None:
    """The source :func:`~wpparse._html.vocabulary.source_of` finds, resolved
    (a ``data:`` placeholder as it is)."""
    found = source_of(el, names)
    if found is None or found.startswith("data:"):
        return found
    return resolver.resolve(found)


# -- media -------------------------------------------------------------------


def figure_block(
    resolver: LinkResolver,
    el: etree._Element,
    img: etree._Element | None,
    links: tuple[Link, ...],
    *,
    html: HtmlSource,
    text: str = "",
    caption: str | None = None,
) -> Block:
    """A FIGURE block for *el* (of HTML *html*), its image *img* (if any) giving the source."""
    attachment = None
    alt = None
    src = None
    if img is not None:
        src = _src(resolver, img, IMAGE_SOURCES)
        alt = img.get("alt")
        classes = img.get("class")
        match = WP_IMAGE.search(classes) if classes and "wp-image-" in classes else None
        if match:
            attachment = int(match.group(1))
    if attachment is None:
        for node in (el, *el.iterancestors("div", "figure")):
            ident = node.get("id")
            # (The pattern starts so: most ids are skipped without it.)
            match = (
                ATTACHMENT.match(ident)
                if ident and ident.startswith("attachment_")
                else None
            )
            if match:
                attachment = int(match.group(1))
                break
    if not text and not caption and alt and alt.strip():
        # What the image shows, for the text, the chunks and search: marked
        # as the image's, not the prose's.
        text = image_text(alt)
    return new_block(
        kind=BlockKind.FIGURE,
        text=text,
        html=html,
        links=links,
        src=src,
        alt=alt,
        caption=caption,
        attachment_id=attachment,
    )


def embed_block(
    resolver: LinkResolver,
    player: etree._Element | None,
    links: tuple[Link, ...],
    *,
    html: HtmlSource,
    text: str = "",
    caption: str | None = None,
) -> Block:
    """An EMBED block of HTML *html*: the source from *player*, else a URL in *text*."""
    src = None
    if player is not None:
        if player.tag == "object":
            src = _src(resolver, player, ("data",))
        else:
            src = _src(resolver, player, PLAYER_SOURCES)
            if src is None:
                source = next(player.iterdescendants("source"), None)
                if source is not None:
                    src = _src(resolver, source, ("src",))
    elif text:
        url = next(
            (w for w in text.split() if w.startswith(("http://", "https://"))), None
        )
        src = resolver.resolve(url) if url else None
    return new_block(
        kind=BlockKind.EMBED,
        text=text,
        html=html,
        links=links,
        src=src,
        caption=caption,
    )


def caption_of(el: etree._Element) -> str | None:
    """The text of *el*'s ``<figcaption>``, ``<caption>`` or ``wp-caption-text``."""
    cap = next(el.iterdescendants("figcaption", "caption"), None)
    if cap is None:
        for node in el.iterdescendants("p", "div", "dd", "span"):
            if "wp-caption-text" in (node.get("class") or ""):
                cap = node
                break
    if cap is None:
        return None
    return line_of(cap) or None


def figure_content(
    resolver: LinkResolver,
    el: etree._Element,
    links: tuple[Link, ...],
    *,
    html: HtmlSource,
) -> Block:
    """The block a ``<figure>`` (or caption box) of HTML *html* gives: what it holds decides."""
    classes = el.get("class") or ""
    provider = _provider(classes)
    table = next(el.iterdescendants("table"), None)
    if table is not None:
        return table_block(el, table, links, html=html)
    players = list(el.iterdescendants("iframe", "video", "audio", "embed", "object"))
    if provider is not None and not players:
        # A rich embed whose iframe the oEmbed provider's fallback markup
        # stands for (a tweet's <blockquote>, an Instagram card ...).
        block = embed_block(
            resolver,
            None,
            links,
            html=html,
            text=text_of(el),
            caption=caption_of(el),
        )
        return replaced(block, src=_permalink(resolver, el, provider) or block.src)
    if next(el.iterdescendants("blockquote"), None) is not None:
        return quote_block(el, links, "cite", "figcaption", html=html)
    images = list(el.iterdescendants("img"))
    text = text_of(el)
    caption = caption_of(el)
    if players or (not images and "wp-block-embed" in classes):
        return embed_block(
            resolver,
            players[0] if players else None,
            links,
            html=html,
            text=text,
            caption=caption,
        )
    if images:
        return figure_block(
            resolver, el, images[0], links, html=html, text=text, caption=caption
        )
    return new_block(kind=BlockKind.OTHER, text=text, html=html, links=links)


_PROVIDER: Final = re.compile(
    r"\bwp-block-embed-([a-z0-9-]+)|\bis-provider-([a-z0-9-]+)"
)
# Where a provider's fallback markup names the post it stands for.
_PERMALINK_ATTRIBUTES: Final = (
    "data-instgrm-permalink",
    "cite",
    "data-href",
    "data-url",
    "data-permalink",
)
# The hosts of providers whose name is not their host.
_PROVIDER_HOSTS: Final = {"twitter": ("twitter.com", "x.com")}


def _provider(classes: str) -> str | None:
    """The oEmbed provider a ``wp-block-embed`` figure names in its classes, if any."""
    if "wp-block-embed" not in classes:
        return None
    match = _PROVIDER.search(classes)
    return (match.group(1) or match.group(2)) if match else None


def _permalink(resolver: LinkResolver, el: etree._Element, provider: str) -> str | None:
    """
    The URL of what a rich embed's fallback markup stands for: an attribute
    naming it (``cite``, ``data-href`` ...), else the last link to the
    provider's site (a tweet's date links to the tweet), else the last link.
    """
    for node in el.iterdescendants():
        for name in _PERMALINK_ATTRIBUTES:
            value = node.get(name)
            if value and value.strip().startswith(("http://", "https://")):
                return resolver.resolve(value.strip())
    hosts = _PROVIDER_HOSTS.get(provider, (provider.replace("-", ""),))
    found = None
    last = None
    for a in el.iterdescendants("a"):
        href = (a.get("href") or "").strip()
        if not href.startswith(("http://", "https://")):
            continue
        last = href
        host = urlsplit(href).hostname or ""
        if any(host == h or host.endswith("." + h) or h in host for h in hosts):
            found = href
    url = found or last
    return resolver.resolve(url) if url else None


# -- text blocks -------------------------------------------------------------


def quote_block(
    el: etree._Element, links: tuple[Link, ...], *cite_tags: str, html: HtmlSource
) -> Block:
    """A QUOTE block of HTML *html*; the first of *cite_tags* inside it gives the caption."""
    cite = next(el.iterdescendants(*cite_tags), None)
    return new_block(
        kind=BlockKind.QUOTE,
        text=text_of(el),
        html=html,
        links=links,
        caption=(line_of(cite) or None) if cite is not None else None,
    )


def code_block(
    el: etree._Element, links: tuple[Link, ...], *, html: HtmlSource
) -> Block:
    """A CODE block of HTML *html*; a ``language-x`` or ``brush: x`` class gives the language."""
    return new_block(
        kind=BlockKind.CODE,
        text=code_text(el),
        html=html,
        links=links,
        language=code_language(el),
    )


_ITEMS: Final = frozenset({"li", "dt", "dd"})


def _blank(text: str | None) -> bool:
    return not text or text.isspace()


def list_block(
    el: etree._Element, links: tuple[Link, ...], *, html: HtmlSource
) -> tuple[Block, int]:
    """A LIST block of HTML *html* and its flags (SINGLE and its item's facts for a short one-item list)."""
    items: list[str] = []
    # A list of items holding text and <br>s only, with nothing but
    # whitespace around them, reads as its items one per line: its text is
    # theirs joined, without walking the list again.
    simple = _blank(el.text)
    for child in el:
        if child.tag in _ITEMS:
            shape = text_shape(child)
            simple = simple and shape != BLOCK_TEXT and _blank(child.tail)
            items.append(text_of(child, shape=shape))
        else:
            simple = False
    flags = 0
    if len(items) == 1 and len(items[0]) <= MAX_TITLE_CHARS and len(el) == 1:
        flags = SINGLE | facts(el[0])
    block = new_block(
        kind=BlockKind.LIST,
        text="\n".join(item for item in items if item) if simple else text_of(el),
        html=html,
        links=links,
        items=tuple(items),
        ordered=el.tag == "ol",
    )
    return block, flags


def table_block(
    el: etree._Element,
    table: etree._Element,
    links: tuple[Link, ...],
    *,
    html: HtmlSource,
) -> Block:
    """A TABLE block for *el* (of HTML *html*), its rows read from *table* (*el* itself or inside it)."""
    rows = tuple(
        tuple(text_of(cell) for cell in tr if cell.tag in {"td", "th"})
        for tr in _own_rows(table)
    )
    return new_block(
        kind=BlockKind.TABLE,
        text=text_of(el),
        html=html,
        links=links,
        rows=rows,
        caption=caption_of(el),
    )


# -- what an element is ------------------------------------------------------


def _own_rows(table: etree._Element) -> list[etree._Element]:
    """The rows of *table* itself, not of tables nested in its cells."""
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in {"thead", "tbody", "tfoot"}:
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def is_layout_table(table: etree._Element) -> bool:
    """A table of one cell: a layout wrapper (old themes, e-mail-style posts), not data."""
    rows = _own_rows(table)
    return (
        len(rows) == 1
        and sum(cell.tag in {"td", "th"} for cell in rows[0]) == 1
        and not any(child.tag == "caption" for child in table)
    )


def is_gallery(el: etree._Element) -> bool:
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


def is_caption_box(el: etree._Element) -> bool:
    """A ``wp-caption`` ``<div>`` around an image: read as a figure."""
    cls = el.get("class")
    return (
        cls is not None
        and "wp-caption" in cls
        and next(el.iterdescendants("img"), None) is not None
    )


def is_linked_image(a: etree._Element) -> bool:
    """
    An ``<a>`` round one image and no text, whatever wraps the image (a
    card's ``<div>``): read as a figure whose HTML keeps the link.
    """
    images = a.iterdescendants("img")
    if next(images, None) is None or next(images, None) is not None:
        return False
    if next(a.iterdescendants(*MEDIA_TAGS[1:], "table", "pre"), None) is not None:
        return False
    return all(text.isspace() for text in a.itertext())


# The compiled twin of read_link (wpparse._speedups), when built and not
# switched off; the function above stays the reference.
from wpparse._speedups import compiled as _compiled  # noqa: E402 - after the reference

pure_read_link = read_link
if _compiled is not None:
    _compiled.configure_links(
        read_link=pure_read_link,
        bounded_text=_bounded_text,
        link_nodes=LINK_NODES,
        link_chars=LINK_CHARS,
    )
    read_link = _compiled.read_link
