"""
Turn a block's HTML into CommonMark, walking lxml's tree without recursion.

One pass of :func:`lxml.etree.iterwalk` with a small stack of containers
(block quotes, lists, list items) that prefix their lines when they close.
Paragraph-like elements only end the paragraph being built; inline elements
add marks to it (see :mod:`wpparse._render.markdown.inline`).  Tables are rendered on
their own (see :mod:`wpparse._render.markdown.table`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any, Final

from lxml import etree

from wpparse._html.vocabulary import (
    FOOTNOTE_REF,
    IMAGE_SOURCES,
    NO_TEXT,
    PLAYER_SOURCES,
    STRIPPED,
    code_language,
    footnote_label,
    is_footnote_list,
    list_start,
    source_of,
)
from wpparse._model.content import Block, BlockKind, Link, LinkKind
from wpparse._render.markdown.inline import (
    Inline,
    collapse_ws,
    escape,
    escape_line_starts,
    link_destination,
    link_title,
)
from wpparse._render.markdown.table import table_blocks
from wpparse._urls import resolve, safe_url

__all__ = ["DROP", "Converter", "fenced_code", "pair_links", "pair_source"]

DROP = (*STRIPPED, "head", "meta", "link")
"""Elements removed, with their content, before converting: they show nothing."""
# Elements that end the paragraph being built, before and after them.
_BREAKS = frozenset(
    {
        "p", "div", "section", "article", "aside", "header", "footer", "main",
        "nav", "figure", "figcaption", "details", "summary", "center", "form",
        "fieldset", "legend", "dl", "dt", "dd", "hgroup", "address", "body",
        "html", "caption", "li", "ul", "ol", "menu", "blockquote", "noembed",
        "select", "textarea", "dialog",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_STRONG = frozenset({"strong", "b"})
_EM = frozenset({"em", "i"})
_CODE = frozenset({"code", "kbd", "samp", "tt", "var"})
_EMBEDS = frozenset({"iframe", "video", "audio", "embed", "object"})
_BACKTICK_FENCE = re.compile(r"`{3,}")
# An info string is one word: no backticks, no whitespace, no line breaks.
_INFO_UNSAFE = re.compile(r"[^\w+#.\-]")
_NEWLINES = re.compile(r"\r\n?")
# Containers deeper than this stop adding "> " or indentation: a hostile post
# with thousands of nested quotes must not make the output quadratic.
_MAX_NESTING = 16
_LISTS = frozenset({"ul", "ol", "footnotes"})
# What a footnote label may hold (GFM: no spaces, no brackets, no backslash).
_FOOTNOTE_LABEL = re.compile(r"[^\w.-]")


class _Role(IntEnum):
    """
    What a tag does in the Markdown walk.

    Their order is the walk's grouping, tested with ``<=`` and ``>=``:
    BREAK and CONTAINER end the paragraph being built; STRONG to LINK are
    marks, closed at their end tag (HEADING ends the paragraph too); BR,
    IMG and HR are single items; from CODE on, the element makes one unit
    of its whole subtree.
    """

    NONE = 0
    """Text and inline content only."""
    BREAK = 1
    CONTAINER = 2
    STRONG = 3
    EM = 4
    HEADING = 5
    LINK = 6
    BR = 7
    IMG = 8
    HR = 9
    CODE = 10
    PRE = 11
    TABLE = 12
    EMBED = 13
    NO_TEXT = 14
    """A drawing or fallback content: nothing shown (as in the blocks)."""


# The members as plain ints, for the walk's hot loop: CPython compares exact
# ints faster than an IntEnum's (about 15% of to_markdown's time on the corpus).
_R_NONE: Final = int(_Role.NONE)
_R_BREAK: Final = int(_Role.BREAK)
_R_CONTAINER: Final = int(_Role.CONTAINER)
_R_STRONG: Final = int(_Role.STRONG)
_R_EM: Final = int(_Role.EM)
_R_HEADING: Final = int(_Role.HEADING)
_R_LINK: Final = int(_Role.LINK)
_R_BR: Final = int(_Role.BR)
_R_IMG: Final = int(_Role.IMG)
_R_HR: Final = int(_Role.HR)
_R_CODE: Final = int(_Role.CODE)
_R_PRE: Final = int(_Role.PRE)
_R_TABLE: Final = int(_Role.TABLE)
_R_EMBED: Final = int(_Role.EMBED)
_R_NO_TEXT: Final = int(_Role.NO_TEXT)
_CONTAINERS = frozenset({"blockquote", "ul", "ol", "menu", "li", "dd"})
_ROLE: dict[object, int] = {
    **dict.fromkeys(_BREAKS, _R_BREAK),
    **dict.fromkeys(_CONTAINERS, _R_CONTAINER),
    **dict.fromkeys(_HEADINGS, _R_HEADING),
    **dict.fromkeys(_STRONG, _R_STRONG),
    **dict.fromkeys(_EM, _R_EM),
    "a": _R_LINK,
    "br": _R_BR,
    "option": _R_BR,  # one option a line, as the text has them
    "img": _R_IMG,
    "hr": _R_HR,
    **dict.fromkeys(_CODE, _R_CODE),
    "pre": _R_PRE,
    "table": _R_TABLE,
    **dict.fromkeys(NO_TEXT - _EMBEDS, _R_NO_TEXT),  # as the content stage: no text
    **dict.fromkeys(_EMBEDS, _R_EMBED),
}


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


def fenced_code(text: str, language: str | None = None) -> str:
    """Return *text* as a fenced code block, fenced by more backticks than any run inside."""
    text = _NEWLINES.sub("\n", text).strip("\n")
    runs = _BACKTICK_FENCE.findall(text)
    fence = "`" * max(3, max(map(len, runs), default=0) + 1)
    info = _INFO_UNSAFE.sub("", language or "")
    return f"{fence}{info}\n{text}\n{fence}"


def _prefix(text: str, first: str, rest: str) -> str:
    if "\n" not in text:  # most list items and quoted paragraphs
        return first + text if text else first.rstrip()
    lines = text.split("\n")
    out = [first + lines[0] if lines[0] else first.rstrip()]
    out.extend(rest + line if line else rest.rstrip() for line in lines[1:])
    return "\n".join(out)


class _Box:
    """A container being built: a block quote, a list, a list item, or the root."""

    __slots__ = ("blocks", "element", "inline", "kind", "lists", "start")

    def __init__(self, kind: str, element: Any, start: int = 1) -> None:
        self.kind = kind
        self.element = element
        self.blocks: list[str] = []
        self.lists: set[int] = set()
        self.inline = Inline()
        self.start = start

    def flush(self) -> None:
        inline = self.inline
        if not inline.out:  # nothing (so no mark either) since the last flush
            inline.space = False
            return
        text = inline.finish()
        if text:
            self.blocks.append(escape_line_starts(text))
        self.inline = Inline()


def _container(el: Any) -> _Box:
    """The container a block quote, a list or a list item opens."""
    tag = el.tag
    if tag == "blockquote":
        return _Box("quote", el)
    if tag == "li":
        return _Box("li", el)
    if tag == "dd":
        return _Box("dd", el)
    kind = "ul" if tag != "ol" else "footnotes" if is_footnote_list(el) else "ol"
    return _Box(kind, el, _start_number(el.get("start")))


def _start_number(value: str | None) -> int:
    # CommonMark reads at most nine digits: leave room for the items.
    return min(list_start(value), 999_999_000)


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
        box = _Box("root", root)
        stack = [box]
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            # A comment's tag is a function: no role, and its text is not shown.
            role = _ROLE.get(el.tag, _R_NONE)
            if event == "start":
                if role <= _R_CONTAINER and role:
                    if box.inline.out:
                        box.flush()
                    else:  # what flush() would do with nothing to end
                        box.inline.space = False
                    if role == _R_CONTAINER and len(stack) <= _MAX_NESTING:
                        box = _container(el)
                        stack.append(box)
                elif (
                    role >= _R_CODE
                    or (role == _R_LINK and len(el) and self._linked_image(el, box))
                    or (el.tag == "sup" and self._footnote_ref(el, box))
                ):  # the element is done with its subtree
                    self._atomic(el, role, box)
                    walker.skip_subtree()
                    continue
                elif role:
                    self._inline(el, role, box)
                elif not isinstance(el.tag, str):
                    continue
                text = el.text
                if text:
                    box.inline.text(text)
            else:
                if role <= _R_CONTAINER and role:
                    if box.inline.out:
                        box.flush()
                    else:
                        box.inline.space = False
                    if box.element is el and len(stack) > 1:
                        stack.pop()
                        self._close(box, stack[-1])
                        box = stack[-1]
                    elif el in cuts:  # (the stack holds only the root box)
                        out.append(box.blocks)
                        stack[0] = box = _Box("root", el)
                elif role == _R_HEADING:
                    box.inline.pop(el)
                    box.flush()
                elif role and role <= _R_LINK:
                    box.inline.pop(el)
                tail = el.tail
                if tail and el is not root:
                    box.inline.text(tail)
        box = stack[0]
        box.flush()
        out.append(box.blocks)
        return out

    def _inline(self, el: Any, role: int, box: _Box) -> None:
        """Start an inline element (or a heading, which reads as bold)."""
        inline = box.inline
        if role == _R_LINK:
            self._link(el, inline)
        elif role == _R_STRONG:
            if not inline.is_open("strong"):
                inline.push("strong", el, "**", "**")
        elif role == _R_EM:
            if not inline.is_open("em"):
                inline.push("em", el, "*", "*")
        elif role == _R_BR:
            inline.line_break()
        elif role == _R_IMG:
            inline.atom(self._image(el))
        elif role == _R_HEADING:
            box.flush()
            box.inline.push("strong", el, "**", "**")
        else:  # _R_HR
            box.flush()
            box.blocks.append("* * *")

    def _atomic(self, el: Any, role: int, box: _Box) -> None:
        """Convert an element whose whole subtree makes one unit: code, a table, an embed."""
        if role < _R_CODE:  # a linked image or a footnote mark, written already
            return
        if role == _R_CODE:
            box.inline.code("".join(el.itertext()))
            return
        if role == _R_NO_TEXT:  # a drawing or fallback content: nothing shown
            return
        box.flush()
        if role == _R_PRE:
            box.blocks.append(fenced_code("".join(el.itertext()), code_language(el)))
        elif role == _R_TABLE:
            box.blocks.extend(table_blocks(el, self._cell))
        elif role == _R_EMBED:
            embed = self._embed(el)
            if embed:
                box.blocks.append(embed)

    def _cell(self, cell: Any) -> list[str]:
        """The Markdown blocks of a table cell (its table was stripped already)."""
        return self.blocks(cell, stripped=True)

    @staticmethod
    def _close(box: _Box, parent: _Box) -> None:
        kind = box.kind
        if kind == "quote":
            if box.blocks:
                parent.blocks.append(_prefix("\n\n".join(box.blocks), "> ", "> "))
        elif kind == "dd":  # a definition: ": " as Pandoc and Markdown Extra write it
            if box.blocks:
                parent.blocks.append(_prefix("\n\n".join(box.blocks), ": ", ""))
        elif kind == "li":
            if parent.kind in _LISTS:
                parent.blocks.append(_item_body(box))
            else:
                parent.blocks.append(_prefix(_item_body(box), "- ", "  "))
        elif box.blocks:  # a list
            items = []
            number = box.start
            for body in box.blocks:
                if kind == "footnotes":  # GFM footnote definitions
                    items.append(_prefix(body, f"[^{number}]: ", "    "))
                    number += 1
                    continue
                marker = f"{number}. " if kind == "ol" else "- "
                number += 1
                items.append(_prefix(body, marker, " " * len(marker)))
            parent.lists.add(len(parent.blocks))
            parent.blocks.append("\n".join(items))

    def _linked_image(self, el: Any, box: _Box) -> bool:
        """
        Write ``<a>`` *el* as a linked image, ``[![alt](src)](href)``, when it
        holds one image and no text, whatever wraps the image (a card's
        ``<div>``); say whether it did.
        """
        images = el.iter("img")
        img = next(images, None)
        if img is None or next(images, None) is not None:
            return False
        if next(el.iter(*_EMBEDS, "table", "pre"), None) is not None:
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
    def _footnote_ref(el: Any, box: _Box) -> bool:
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
        link = self.links.get(el)
        if link is not None:
            # The parser's verdict and URL: UNSAFE is exactly "no live link".
            if link.kind is LinkKind.UNSAFE:
                return None
            url = link.url
        else:  # a block built without its links (by hand): the same one table
            url = resolve(href, self.base)
        return url if url and safe_url(url) else None

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
        url = self.sources.get(el)
        if url is None:  # an image no block's src stands for: the same rules
            src = source_of(el, IMAGE_SOURCES)
            if not src:
                return ""
            url = resolve(src, self.base)
        if not safe_url(url, image=True):
            return ""
        alt = escape(collapse_ws(el.get("alt") or ""))
        return f"![{alt}]({link_destination(url)}{link_title(el.get('title'))})"

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


def _item_body(box: _Box) -> str:
    """
    Join a list item's blocks.

    A nested list follows its paragraph on the next line (a tight list) when it
    can interrupt a paragraph: a bullet list, or a numbered one starting at 1.
    """
    blocks = box.blocks
    if not blocks:
        return ""
    out = [blocks[0]]
    for index in range(1, len(blocks)):
        block = blocks[index]
        tight = (
            index in box.lists
            and index - 1 not in box.lists
            and block.startswith(("- ", "1. "))
        )
        out.append("\n" if tight else "\n\n")
        out.append(block)
    return "".join(out)
