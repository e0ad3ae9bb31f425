"""
The items of the flat stream between the walk and the section stage.

:class:`Piece` is a block in the stream (:class:`HeadingPiece` a real
heading).  The walk builds its blocks with :func:`new_block` (and the most
common, :func:`paragraph_block`), which take the fields as ``Block(...)``
does and build the same block for a quarter of the cost (see
:mod:`wpparse._model.build`); their ``html`` may be a string or what
serialises it on first read (:mod:`wpparse._content.later`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs

from wpparse._model.build import builder
from wpparse._model.content import (
    Block,
    BlockKind,
    HtmlSource,
    Link,
    block_html_source,
)

__all__ = ["HeadingPiece", "Piece", "new_block", "paragraph_block", "replaced"]

# Enum members read once, here: on Python 3.11 reading one off its class
# is a call (EnumType has a __getattr__), a global is a dict lookup.
_PARAGRAPH: Final = BlockKind.PARAGRAPH

new_block: Final[Callable[..., Block]] = builder(
    Block,
    *("kind", "text", "html", "links", "lead", "items", "ordered", "rows"),
    *("src", "alt", "caption", "attachment_id", "language"),
    defaults=True,
)
"""``Block(...)``, built quickly: keyword arguments only, ``html`` maybe deferred."""

_FIELDS: Final = tuple(field.name for field in attrs.fields(Block))


def paragraph_block(
    text: str,
    html: HtmlSource,
    links: tuple[Link, ...] = (),
    lead: str | None = None,
) -> Block:
    """``Block(kind=BlockKind.PARAGRAPH, text=text, html=html, links=links, lead=lead)``."""
    return new_block(kind=_PARAGRAPH, text=text, html=html, links=links, lead=lead)


def replaced(block: Block, **changes: Any) -> Block:
    """``attrs.evolve(block, **changes)``, leaving HTML not read yet unread."""
    fields = {name: getattr(block, name) for name in _FIELDS if name != "html"}
    fields["html"] = block_html_source(block)
    fields.update(changes)
    return new_block(**fields)


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
    heading_html: HtmlSource = ""

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
        heading_html: HtmlSource,
    ) -> None:
        super().__init__(None, 0, anchor)
        self.level = level
        self.title = title
        self.links = links
        self.heading_html = heading_html
