"""
Stage 3: the flat stream of pieces to a tree of sections, and the links on the way.

:func:`build_content` gives both; :func:`parse_content` and
:func:`extract_links` are its public faces.

Three heading rules, each a superset of the one before:

``"html"``
    Only real ``<h1>``-``<h6>`` elements.
``"bold"``
    Also a paragraph bold from end to end that reads like a title
    (:func:`wpparse._content.pseudo_headings.bold_heading`).
``"auto"``
    Also a short, plain, title-like line standing alone between longer
    paragraphs (:func:`wpparse._content.pseudo_headings.line_heading`).

Which pieces are headings, and by which rule, :mod:`wpparse._content.styles`
decides; this module builds the tree.  Levels nest as a reader sees them.  A real heading's level is its element's;
a pseudo heading sits one level under the innermost open heading of a stronger
kind (a real heading, or a pseudo heading whose style appeared first in the
post, as reStructuredText ranks its title styles), or, with none open, at the
level of the post's top real headings (2 when it has none).  A child is always
deeper than its parent.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

import attrs

from wpparse._content.stream import replaced
from wpparse._content.styles import heading_styles
from wpparse._content.walk import split_content
from wpparse._model.build import builder
from wpparse._model.content import (
    Block,
    HeadingSource,
    HtmlSource,
    Link,
    LinkKind,
    Section,
    block_html_source,
)

__all__ = ["ContentTree", "build_content", "extract_links", "parse_content"]

HeadingRule = Literal["html", "bold", "auto"]
_RULES = ("html", "bold", "auto")
_new_section: Final = builder(Section)


class ContentTree(NamedTuple):
    """What the content stage gives a post: its sections and all its links."""

    sections: tuple[Section, ...]
    links: tuple[Link, ...]


class _Open:
    """A section being filled while the stream is read."""

    __slots__ = (
        "anchor",
        "blocks",
        "children",
        "heading_html",
        "level",
        "links",
        "rank",
        "source",
        "title",
    )

    def __init__(
        self,
        title: str | None,
        level: int,
        *,
        source: HeadingSource | None = None,
        rank: int = 0,
        anchor: str | None = None,
        links: tuple[Link, ...] = (),
        heading_html: HtmlSource = "",
    ) -> None:
        self.title = title
        self.level = level
        self.source = source
        self.rank = rank  # 0 for a real heading, 1+ for pseudo styles in order seen
        self.anchor = anchor
        self.links = links
        self.heading_html = heading_html
        self.blocks: list[Block] = []
        self.children: list[Section] = []

    def close(self, fix: dict[Link, Link] | None) -> Section:
        blocks = tuple(self.blocks)
        links = self.links
        if fix:
            blocks = tuple(_fix_block(b, fix) for b in blocks)
            links = tuple(fix.get(link, link) for link in links)
        return _new_section(
            title=self.title,
            level=self.level,
            anchor=self.anchor,
            heading_source=self.source,
            heading_html=self.heading_html,
            heading_links=links,
            blocks=blocks,
            children=tuple(self.children),
        )


def _fix_block(block: Block, fix: dict[Link, Link]) -> Block:
    if not any(link in fix for link in block.links):
        return block
    return replaced(block, links=tuple(fix.get(link, link) for link in block.links))


def build_content(
    html: str,
    *,
    base_url: str | None = None,
    headings: HeadingRule = "auto",
    where: str = "content",
    title: str | None = None,
) -> ContentTree:
    """
    Parse content HTML into its section tree and its links (see :func:`parse_content`).

    *where* (a JSON path) names the content in warnings about repaired markup;
    *title* (the post's, as text) lets a first line that repeats it stay an
    echo rather than become a heading.
    """
    if headings not in _RULES:
        msg = (
            f"headings must be one of {', '.join(map(repr, _RULES))}, got {headings!r}"
        )
        raise ValueError(msg)
    pieces, links = split_content(html, base_url, where)
    styles = heading_styles(pieces, headings, title)

    real_levels = [p.level for p in pieces if p.block is None]
    base = min(real_levels) if real_levels else 2
    ranks: dict[HeadingSource, int] = {}
    top: list[Section] = []
    lead = _Open(None, 0)
    stack: list[_Open] = []
    opened: list[_Open] = []

    html_style = HeadingSource.HTML  # (once: a call on Python 3.11, see stream.py)
    # Blocks go to the section opened last (the lead before any).
    target = lead.blocks
    for piece, style in zip(pieces, styles, strict=True):
        if style is None:
            target.append(piece.block)  # type: ignore[arg-type] # real headings have a style
            continue
        if style is html_style:
            level = piece.level
            while stack and stack[-1].level >= level:
                _pop(stack, top)
            node = _Open(
                piece.title,
                level,
                source=style,
                anchor=piece.anchor,
                links=piece.links,
                heading_html=piece.heading_html,
            )
        else:
            rank = ranks.setdefault(style, len(ranks) + 1)
            while stack and stack[-1].rank >= rank:
                _pop(stack, top)
            if stack and stack[-1].level >= 6:  # noqa: PLR2004 - deepest HTML level
                _pop(stack, top)
            level = stack[-1].level + 1 if stack else base
            block = piece.block
            node = _Open(
                " ".join(block.text.split()) if block else piece.title,
                level,
                source=style,
                rank=rank,
                anchor=piece.anchor,
                links=block.links if block else (),
                heading_html=block_html_source(block) if block else "",
            )
        stack.append(node)
        opened.append(node)
        target = node.blocks

    fix = _anchor_fixes(links, {n.anchor for n in opened if n.anchor})
    while stack:
        _pop(stack, top, fix)
    sections = tuple(_pending_close(top, lead, fix))
    if fix:
        links = [fix.get(link, link) for link in links]
    return ContentTree(sections, tuple(links))


def _pop(
    stack: list[_Open], top: list[Section], fix: dict[Link, Link] | None = None
) -> None:
    node = stack.pop()
    section = node.close(fix)
    if stack:
        stack[-1].children.append(section)
    else:
        top.append(section)


def _pending_close(
    top: list[Section], lead: _Open, fix: dict[Link, Link] | None
) -> list[Section]:
    if lead.blocks:
        return [lead.close(fix), *top]
    return top


def _anchor_fixes(links: list[Link], anchors: set[str]) -> dict[Link, Link] | None:
    """Links whose guessed target anchor did not become a section's: clear it."""
    fix: dict[Link, Link] = {}
    fragment = LinkKind.FRAGMENT
    for link in links:
        if (
            link.kind is fragment
            and link.target_anchor is not None
            and link.target_anchor not in anchors
        ):
            fix[link] = attrs.evolve(link, target_anchor=None)
    return fix or None


def parse_content(
    html: str, *, base_url: str | None = None, headings: HeadingRule = "auto"
) -> tuple[Section, ...]:
    """
    Parse post content (``content.rendered``) into a tree of sections.

    Args:
        html: The content HTML.  Malformed markup never raises: lxml repairs it.
        base_url: The post's ``link``, which relative links and image sources
            resolve against (a ``<base href>`` in *html* is honoured).
        headings: Which headings split the content: ``"html"`` (only
            ``<h1>``-``<h6>``), ``"bold"`` (also paragraphs bold from end to
            end) or ``"auto"`` (also short title-like lines).

    Returns:
        The top-level sections in document order; the content before the first
        heading, if any, is a lead section with ``title`` ``None`` and
        ``level`` 0.

    Raises:
        ValueError: *headings* is not one of the three rules.

    .. versionadded:: 0.1.0
    """
    return build_content(html, base_url=base_url, headings=headings).sections


def extract_links(html: str, *, base_url: str | None = None) -> tuple[Link, ...]:
    """
    Return every link (``<a href>``) of an HTML fragment, in document order.

    Args:
        html: Post content, as ``content.rendered``.
        base_url: The URL relative links resolve against: the post's ``link``.
            A ``<base href>`` in *html* is honoured.

    Returns:
        The links; a fragment link to a heading's ``id`` names it in
        :attr:`~wpparse.Link.target_anchor`.

    .. versionadded:: 0.1.0
    """
    return build_content(html, base_url=base_url, headings="html").links
