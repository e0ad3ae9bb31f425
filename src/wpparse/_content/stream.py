"""
The items of the flat stream between the walk and the section stage.

:class:`Piece` is a block in the stream (:class:`HeadingPiece` a real
heading); :func:`paragraph_block` builds the most common block quickly.
"""

from __future__ import annotations

from wpparse._model.build import builder
from wpparse._model.content import Block, BlockKind, Link

__all__ = ["HeadingPiece", "Piece", "paragraph_block"]

# Paragraphs are most blocks: they are built slot by slot.
_new_block = builder(
    Block,
    *("kind", "text", "html", "links", "lead", "items", "ordered", "rows"),
    *("src", "alt", "caption", "attachment_id", "language"),
)


def paragraph_block(
    text: str, html: str, links: tuple[Link, ...] = (), lead: str | None = None
) -> Block:
    """``Block(kind=BlockKind.PARAGRAPH, text=text, html=html, links=links, lead=lead)``."""
    return _new_block(
        kind=BlockKind.PARAGRAPH,
        text=text,
        html=html,
        links=links,
        lead=lead,
        items=(),
        ordered=False,
        rows=(),
        src=None,
        alt=None,
        caption=None,
        attachment_id=None,
        language=None,
    )


class Piece:
    """
    One item of the flat stream: a block (see :class:`HeadingPiece` for a real
    heading, whose ``block`` is None).

    ``anchor`` is the id a paragraph would give as a heading; ``flags`` are
    paragraph facts.  The heading attributes (``level`` 0, no ``title``,
    ``links`` or ``heading_html``) are class defaults: most pieces are blocks,
    and three slots make them cheap to create.
    """

    __slots__ = ("anchor", "block", "flags")

    level: int = 0
    title: str = ""
    links: tuple[Link, ...] = ()
    heading_html: str = ""

    def __init__(
        self, block: Block | None, flags: int = 0, anchor: str | None = None
    ) -> None:
        self.block = block
        self.flags = flags
        self.anchor = anchor


class HeadingPiece(Piece):
    """A real heading: ``level`` 1-6, its ``title``, own ``links`` and HTML."""

    __slots__ = ("heading_html", "level", "links", "title")

    def __init__(
        self,
        *,
        level: int,
        title: str,
        anchor: str | None,
        links: tuple[Link, ...],
        heading_html: str,
    ) -> None:
        super().__init__(None, 0, anchor)
        self.level = level
        self.title = title
        self.links = links
        self.heading_html = heading_html
