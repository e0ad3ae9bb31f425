"""
Turn a block's HTML into CommonMark, walking lxml's tree without recursion.

An element of a block's HTML in, its Markdown blocks (strings) out.  One pass
of :func:`lxml.etree.iterwalk`, each tag taken by its role
(:mod:`wpparse._render.markdown.roles`), with a small stack of containers
(block quotes, lists, list items: :mod:`wpparse._render.markdown.boxes`) that
prefix their lines when they close.  Paragraph-like elements only end the
paragraph being built; inline elements add marks to it (see
:mod:`wpparse._render.markdown.inline`).  Tables are rendered on their own
(see :mod:`wpparse._render.markdown.table`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from lxml import etree

from wpparse._html.vocabulary import (
    FOOTNOTE_REF,
    PLAYER_SOURCES,
    STRIPPED,
    code_language,
    footnote_label,
    source_of,
)
from wpparse._model.content import Link
from wpparse._render.markdown.boxes import Box, close_box, open_box
from wpparse._render.markdown.inline import (
    Inline,
    collapse_ws,
    escape,
    escape_line_starts,
    link_destination,
    link_title,
)
from wpparse._render.markdown.pairing import image_markdown, live_url
from wpparse._render.markdown.roles import (
    EMBEDS,
    R_BR,
    R_CODE,
    R_CONTAINER,
    R_EM,
    R_EMBED,
    R_HEADING,
    R_IMG,
    R_LINK,
    R_NO_TEXT,
    R_NONE,
    R_PRE,
    R_STRONG,
    R_TABLE,
    ROLE,
)
from wpparse._render.markdown.table import table_blocks
from wpparse._urls import resolve, safe_url

__all__ = ["DROP", "Converter", "fenced_code"]

DROP = (*STRIPPED, "head", "meta", "link")
"""Elements removed, with their content, before converting: they show nothing."""
_BACKTICK_FENCE = re.compile(r"`{3,}")
# An info string is one word: no backticks, no whitespace, no line breaks.
_INFO_UNSAFE = re.compile(r"[^\w+#.\-]")
_NEWLINES = re.compile(r"\r\n?")
# Containers deeper than this stop adding "> " or indentation: a hostile post
# with thousands of nested quotes must not make the output quadratic.
_MAX_NESTING = 16
# What a footnote label may hold (GFM: no spaces, no brackets, no backslash).
_FOOTNOTE_LABEL = re.compile(r"[^\w.-]")


def fenced_code(text: str, language: str | None = None) -> str:
    """Return *text* as a fenced code block, fenced by more backticks than any run inside."""
    text = _NEWLINES.sub("\n", text).strip("\n")
    runs = _BACKTICK_FENCE.findall(text)
    fence = "`" * max(3, max(map(len, runs), default=0) + 1)
    info = _INFO_UNSAFE.sub("", language or "")
    return f"{fence}{info}\n{text}\n{fence}"


class Converter:
    """
    Converts HTML elements of one post to Markdown.

    *base* is the post's URL (relative URLs resolve against it); *links* maps
    each ``<a>`` element to the :class:`~wpparse.Link` the parser made of it
    (see :func:`pair_links`), so links keep the parser's URL and safety verdict.
    """

    __slots__ = ("base", "links", "sources")

    def __init__(
        self,
        base: str | None,
        links: Mapping[Any, Link],
        sources: Mapping[Any, str] | None = None,
    ) -> None:
        self.base = base
        self.links = links
        self.sources = sources or {}

    def blocks(self, root: Any, *, stripped: bool = False) -> list[str]:
        """
        Return the Markdown blocks of *root* and everything in it.

        Elements that show nothing (scripts, styles ...) are removed first,
        unless the caller says it already did (*stripped*).
        """
        if not stripped:
            etree.strip_elements(root, *DROP, with_tail=False)
        return self._walk(root, frozenset())[0]

    def each(self, root: Any) -> list[list[str]]:
        """
        Return the Markdown blocks of each child of *root*, as :meth:`blocks` would.

        The children hold no tails and *root* no text (wrappers made to
        convert several blocks from one parse), and *root* is stripped already.
        """
        children = list(root)
        return self._walk(root, frozenset(children))[: len(children)]

    def _walk(self, root: Any, cuts: frozenset[Any]) -> list[list[str]]:
        """
        Convert *root*; the blocks so far are cut off after each element in *cuts*.

        Returns the blocks of each cut, then those after the last one.
        """
        out: list[list[str]] = []
        box = Box("root", root)
        stack = [box]
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            # A comment's tag is a function: no role, and its text is not shown.
            role = ROLE.get(tag := el.tag, R_NONE)
            if event == "start":
                if role <= R_CONTAINER and role:
                    if box.inline.out:
                        box.flush()
                    else:  # what flush() would do with nothing to end
                        box.inline.space = False
                    if role == R_CONTAINER and len(stack) <= _MAX_NESTING:
                        box = open_box(el)
                        stack.append(box)
                elif (
                    role >= R_CODE
                    or (role == R_LINK and len(el) and self._linked_image(el, box))
                    or (tag == "sup" and self._footnote_ref(el, box))
                ):  # the element is done with its subtree
                    self._atomic(el, role, box)
                    walker.skip_subtree()
                    continue
                elif role:
                    self._inline(el, role, box)
                elif not isinstance(tag, str):
                    continue
                text = el.text
                if text:
                    box.inline.text(text)
            else:
                if role <= R_CONTAINER and role:
                    if box.inline.out:
                        box.flush()
                    else:
                        box.inline.space = False
                    if box.element is el and len(stack) > 1:
                        stack.pop()
                        close_box(box, stack[-1])
                        box = stack[-1]
                    elif el in cuts:  # (the stack holds only the root box)
                        out.append(box.blocks)
                        stack[0] = box = Box("root", el)
                elif role == R_HEADING:
                    box.inline.pop(el)
                    box.flush()
                elif role and role <= R_LINK:
                    box.inline.pop(el)
                tail = el.tail
                if tail and el is not root:
                    box.inline.text(tail)
        box = stack[0]
        box.flush()
        out.append(box.blocks)
        return out

    def _inline(self, el: Any, role: int, box: Box) -> None:
        """Start an inline element (or a heading, which reads as bold)."""
        inline = box.inline
        if role == R_LINK:
            self._link(el, inline)
        elif role == R_STRONG:
            if not inline.is_open("strong"):
                inline.push("strong", el, "**", "**")
        elif role == R_EM:
            if not inline.is_open("em"):
                inline.push("em", el, "*", "*")
        elif role == R_BR:
            inline.line_break()
        elif role == R_IMG:
            inline.atom(self._image(el))
        elif role == R_HEADING:
            box.flush()
            box.inline.push("strong", el, "**", "**")
        else:  # R_HR
            box.flush()
            box.blocks.append("* * *")

    def _atomic(self, el: Any, role: int, box: Box) -> None:
        """Convert an element whose whole subtree makes one unit: code, a table, an embed."""
        if role < R_CODE:  # a linked image or a footnote mark, written already
            return
        if role == R_CODE:
            box.inline.code("".join(el.itertext()))
            return
        if role == R_NO_TEXT:  # a drawing or fallback content: nothing shown
            return
        box.flush()
        if role == R_PRE:
            box.blocks.append(fenced_code("".join(el.itertext()), code_language(el)))
        elif role == R_TABLE:
            box.blocks.extend(table_blocks(el, self._cell))
        elif role == R_EMBED:
            embed = self._embed(el)
            if embed:
                box.blocks.append(embed)

    def _cell(self, cell: Any) -> list[str]:
        """The Markdown blocks of a table cell (its table was stripped already)."""
        if len(cell):
            return self.blocks(cell, stripped=True)
        # Only text (most cells): what the walk would make of it, without the walk.
        text = cell.text
        if not text:
            return []
        inline = Inline()
        inline.text(text)
        markdown = inline.finish() if inline.out else ""
        return [escape_line_starts(markdown)] if markdown else []

    def _linked_image(self, el: Any, box: Box) -> bool:
        """
        Write ``<a>`` *el* as a linked image, ``[![alt](src)](href)``, when it
        holds one image and no text, whatever wraps the image (a card's
        ``<div>``); say whether it did.
        """
        text = el.text
        if text and not text.isspace():  # the usual link: its text comes first
            return False
        images = el.iter("img")
        img = next(images, None)
        if img is None or next(images, None) is not None:
            return False
        if next(el.iter(*EMBEDS, "table", "pre"), None) is not None:
            return False
        if any(not text.isspace() for text in el.itertext()):
            return False
        url = self._link_url(el)
        image = self._image(img)
        if not image:
            return False
        box.inline.atom(f"[{image}]({link_destination(url)})" if url else image)
        return True

    @staticmethod
    def _footnote_ref(el: Any, box: Box) -> bool:
        """Write a footnote reference ``<sup data-fn>`` as ``[^1]``; say whether it did."""
        if el.get(FOOTNOTE_REF) is None:
            return False
        label = _FOOTNOTE_LABEL.sub("", footnote_label(el))
        if not label:
            return False
        box.inline.atom(f"[^{label}]")
        return True

    def _link_url(self, el: Any) -> str | None:
        """The URL ``<a>`` *el* links to, or None when it must not be a link."""
        href = el.get("href")
        if href is None:
            return None
        return live_url(href, self.links.get(el), self.base)

    def _link(self, el: Any, inline: Inline) -> None:
        if inline.is_open("link"):
            return
        url = self._link_url(el)
        if url is None:
            return
        title = el.get("title")
        title = link_title(title) if title else ""
        inline.push("link", el, "[", f"]({link_destination(url)}{title})")

    def _image(self, el: Any) -> str:
        return image_markdown(el, self.sources.get(el), self.base)

    def _embed(self, el: Any) -> str:
        url = self.sources.get(el)
        if url is None:
            names = ("data",) if el.tag == "object" else PLAYER_SOURCES
            src = source_of(el, names)
            if not src:
                source = next(el.iterdescendants("source"), None)
                src = source_of(source, ("src",)) if source is not None else None
            if not src:
                return ""
            url = resolve(src, self.base)
        if not safe_url(url):
            return ""
        text = escape(collapse_ws(el.get("title") or "") or url)
        return f"[{text}]({link_destination(url)})"
