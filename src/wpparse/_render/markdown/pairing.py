"""
The parser's findings matched to the elements of a block's HTML, parsed again.

A block's HTML is parsed once more to be converted; :func:`pair_links` maps
its ``<a href>`` elements to the :class:`~wpparse.Link` values the parser
recorded, and :func:`pair_source` its image or player to the
:attr:`Block.src <wpparse.Block.src>` the parser resolved, so that the
Markdown keeps the parser's URLs and safety verdicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wpparse._html.vocabulary import IMAGE_SOURCES, source_of
from wpparse._model.content import Block, BlockKind, Link, LinkKind
from wpparse._render.markdown.inline import (
    collapse_ws,
    escape,
    link_destination,
    link_title,
)
from wpparse._urls import resolve, safe_url

__all__ = ["image_markdown", "live_url", "pair_links", "pair_source"]


def pair_links(root: Any, links: Sequence[Link]) -> dict[Any, Link]:
    """
    Map the ``<a href>`` elements of *root* (a block's HTML, parsed again) to
    the block's *links*, which the parser recorded in the same document order.

    By position, not by ``href``: serialising the block's HTML may have
    escaped an ``href`` (libxml2 writes a tab in one as ``%09``).  When the
    counts differ (a block built by hand), by ``href`` as far as they match.
    """
    if not links:  # most blocks
        return {}
    anchors = [a for a in root.iter("a") if a.get("href") is not None]
    if len(anchors) == len(links):
        return dict(zip(anchors, links, strict=True))
    by_href: dict[str, Link] = {}
    for link in links:
        by_href.setdefault(link.href, link)
    return {a: by_href[a.get("href")] for a in anchors if a.get("href") in by_href}


_PLAYERS = ("iframe", "video", "audio", "embed", "object")


def pair_source(root: Any, block: Block, into: dict[Any, str]) -> None:
    """
    Map the element of *root* (a block's HTML, parsed again) whose source
    the parser read into :attr:`Block.src <wpparse.Block.src>` (a figure's
    first image, an embed's first player) to that source, resolved as the
    parser resolved it (against a ``<base>`` too).
    """
    if not block.src:
        return
    if block.kind is BlockKind.FIGURE:
        el = next(root.iter("img"), None)
    elif block.kind is BlockKind.EMBED:
        el = next(root.iter(*_PLAYERS), None)
    else:
        return
    if el is not None:
        into[el] = block.src


def live_url(href: str, link: Link | None, base: str | None) -> str | None:
    """
    The URL an ``<a>`` whose ``href`` is *href* links to in the Markdown, or
    ``None`` when it must not be a link.

    *link* is the :class:`~wpparse.Link` the parser made of it (the parser's
    URL and safety verdict), ``None`` for a block built without its links:
    then *href* is resolved against *base* by the same one table.
    """
    if link is not None:
        # The parser's verdict and URL: UNSAFE is exactly "no live link".
        if link.kind is LinkKind.UNSAFE:
            return None
        url = link.url
    else:
        url = resolve(href, base)
    return url if url and safe_url(url) else None


def image_markdown(img: Any, url: str | None, base: str | None) -> str:
    """
    ``![alt](src "title")`` for an ``<img>`` (anything with its attributes'
    ``get``), ``""`` when it has no safe source.

    *url* is the source the parser read for it (see :func:`pair_source`),
    ``None`` for an image no block's source stands for: then its own
    attributes give the source, by the same rules.
    """
    if url is None:
        src = source_of(img, IMAGE_SOURCES)
        if not src:
            return ""
        url = resolve(src, base)
    if not safe_url(url, image=True):
        return ""
    alt = escape(collapse_ws(img.get("alt") or ""))
    return f"![{alt}]({link_destination(url)}{link_title(img.get('title'))})"
