# The compiled twins of wpparse._content.element_text's readers (core.pyx),
# of wpparse._content.vocabulary.anchor_of, of wpparse._text.collapse and of
# wpparse._content.pieces.Pieces.plain_paragraph (with configure_blocks) and
# .paragraph (with configure_paragraphs), of
# wpparse._content.walk._Walker.walk (with configure_walk) and of
# wpparse._content.blocks.read_link (with configure_links).
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from lxml import etree

def configure(
    *,
    no_text: Collection[str],
    breaks: Mapping[str, int],
    bold: Collection[str],
    italic: Collection[str],
    br: int,
    font_bold: re.Pattern[str],
    text_of: Callable[..., str],
    special: Collection[str] = (),
    media: Collection[str] = (),
    element_read: Callable[..., Any] | None = None,
    read_element: Callable[[etree._Element, int], Any] | None = None,
) -> None: ...
def configured() -> bool: ...
def text_of(el: etree._Element, *, shape: int | None = None) -> str: ...
def facts(el: etree._Element) -> int: ...
def collapse(text: str) -> str: ...
def anchor_of(el: etree._Element) -> str | None: ...
def read_element(el: etree._Element, short: int) -> Any: ...
def configure_blocks(
    *,
    block: type,
    fields: Collection[str],
    paragraph: Mapping[str, object],
    piece: type,
    caption_hint: Callable[[str], bool] | None,
    caption: int,
) -> None: ...
def plain_paragraph(self: Any, el: etree._Element) -> None: ...
def configure_walk(
    *,
    role: Mapping[str, int],
    roles: Collection[Any],
    inline: int,
    transparent: int,
    list_role: int,
    figure: int,
    table: int,
) -> None: ...
def walk(self: Any, body: etree._Element) -> None: ...
def configure_links(
    *,
    read_link: Callable[..., Any],
    bounded_text: Callable[[etree._Element], str],
    link_nodes: int,
    link_chars: int,
) -> None: ...
def read_link(a: etree._Element, resolver: Any) -> Any: ...
def configure_paragraphs(
    *,
    paragraph: Callable[[Any, etree._Element], None],
    title_chars: int,
    media: int,
    breaks: int,
) -> None: ...
def paragraph(self: Any, el: etree._Element) -> None: ...
