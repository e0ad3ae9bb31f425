"""
Render a :class:`~wpparse.Post` as plain text, the way a reader would copy it.

Headings stand on their own lines, blocks are separated by a blank line, list
items are marked (``-`` or ``1.``, nested items indented), table cells are
separated by tabs, code keeps its whitespace.  No tags, no entities.
"""

from __future__ import annotations

import re

from lxml import etree

from wpparse._html.parse import parse_div
from wpparse._html.vocabulary import NO_TEXT, STRIPPED, is_image_text, list_start
from wpparse._model.content import Block, BlockKind
from wpparse._model.post import Post

__all__ = ["block_text", "to_text"]

_LISTS = frozenset({"ul", "ol", "menu"})
_SPACED = frozenset({"p", "div", "br", "figure", "figcaption", "blockquote", "pre"})


def to_text(post: Post, *, title: bool = False, alt_text: bool = True) -> str:
    """
    Render *post* as plain text.

    Section titles are lines of their own; blocks are separated by a blank
    line; list items are marked; tags are gone and entities decoded.  With
    *title*, the post's title comes first.  An image without a caption gives
    its alt text, marked as the image's (``[Image: A cat]``); *alt_text*
    ``False`` leaves it out.

    >>> import wpparse
    >>> post = wpparse.parse_post({"id": 1, "content": {"rendered":
    ...     '<p>Our cat.</p><p><img src="/cat.jpg" alt="A cat"></p>'}})
    >>> print(wpparse.to_text(post), end="")
    Our cat.
    <BLANKLINE>
    [Image: A cat]
    >>> print(wpparse.to_text(post, alt_text=False), end="")
    Our cat.

    .. versionadded:: 0.1.0
    """
    parts: list[str] = []
    if title and post.title:
        parts.append(post.title)
    for section in post.walk():
        if section.title:
            parts.append(section.title)
        for block in section.blocks:
            if not alt_text and _is_alt_text(block):
                continue
            text = block_text(block)
            if text:
                parts.append(text)
    return "\n\n".join(parts) + "\n" if parts else ""


def block_text(block: Block) -> str:
    """Return the plain text of one block as :func:`to_text` writes it."""
    kind = block.kind
    if kind is BlockKind.LIST and block.items:
        listed = _list_text(block)
        # Text outside any <li> (invalid, but a browser shows it) is in
        # Block.text only: never drop it for the sake of the markers.
        unmarked = _MARKER.sub("", listed)
        if "".join(unmarked.split()) == "".join(block.text.split()):
            return listed
        return block.text
    if kind is BlockKind.TABLE and block.rows:
        table = "\n".join("\t".join(row) for row in block.rows)
        if block.caption:
            table += "\n" + block.caption
        # Text outside any cell (a browser shows it above the table) is in
        # Block.text only.
        if "".join(table.split()) == "".join(block.text.split()):
            return table
    if kind in _HOLDERS and "<li" in block.html:
        # A list inside a <details>, a quote, a form: its items keep their
        # markers, as a list block's do (unless that would lose text).
        marked = _marked_text(block.html)
        if "".join(_MARKER.sub("", marked).split()) == "".join(block.text.split()):
            return marked
    return block.text


_HOLDERS = frozenset({BlockKind.OTHER, BlockKind.QUOTE, BlockKind.PARAGRAPH})
# How the blocks of _marked_text break its lines: a new line, or a paragraph.
_LINE_TAGS = frozenset(
    {"br", "li", "dt", "dd", "tr", "td", "th", "caption", "figcaption", "summary"}
    | {"option", "ul", "ol", "menu", "dl", "table", "thead", "tbody", "tfoot"}
)
_PARAGRAPH_TAGS = frozenset(
    {"p", "div", "section", "article", "aside", "header", "footer", "main", "nav"}
    | {"blockquote", "details", "figure", "form", "fieldset", "pre", "address"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "hr", "select", "textarea", "center"}
)


class _Lines:
    """The lines of :func:`_marked_text`: each closed with a break, a marker for the next."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.line: list[str] = []
        self.pending = 0
        self.marker = ""

    def close(self, brk: int) -> None:
        """End the line being built; *brk* (1: a line, 2: a paragraph) comes after it."""
        text = " ".join("".join(self.line).split())
        self.line.clear()
        if text:
            if self.out:
                self.out.append("\n\n" if self.pending == _PARAGRAPH else "\n")
            self.out.append(self.marker + text)
            self.pending, self.marker = 0, ""
        self.pending = max(self.pending, brk)


_LINE, _PARAGRAPH = 1, 2


def _marked_text(html: str) -> str:
    """
    The text of a block's *html* with its list items marked (``-``, ``1.``,
    nested ones indented) and its lines and paragraphs broken as
    :attr:`Block.text <wpparse.Block.text>` breaks them.
    """
    root = parse_div(html, None)
    etree.strip_elements(root, *STRIPPED, with_tail=False)
    for el in list(root.iter(*NO_TEXT)):
        # keep_tail: the tail is not set again from Python, which refuses
        # control characters libxml2 itself keeps in a text node.
        el.clear(keep_tail=True)
    lines = _Lines()
    lists: list[list[int]] = []  # [ordered, count] per open list
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        brk = (
            _LINE if tag in _LINE_TAGS else _PARAGRAPH if tag in _PARAGRAPH_TAGS else 0
        )
        if event == "start":
            if brk and el is not root:
                lines.close(brk)
            if tag in _LISTS:
                lists.append([tag == "ol", list_start(el.get("start")) - 1])
            elif tag == "li" and lists:
                lists[-1][1] += 1
                ordered, count = lists[-1]
                indent = "   " * (len(lists) - 1)
                lines.marker = f"{indent}{count}. " if ordered else f"{indent}- "
            if el.text:
                lines.line.append(el.text)
        else:
            if tag in _LISTS and lists:
                lists.pop()
            # What follows a block (a list's end included) starts a new line.
            if brk and tag != "br" and el is not root:
                lines.close(brk)
            if el.tail and el is not root:
                lines.line.append(el.tail)
    lines.close(0)
    return "".join(lines.out)


def _is_alt_text(block: Block) -> bool:
    """Whether *block* is a captionless image, its text the marked alt text."""
    return block.kind is BlockKind.FIGURE and is_image_text(block.text, block.alt)


_MARKER = re.compile(r"^[ \t]*(?:-|\d+\.|:) ", re.MULTILINE)


def _list_text(block: Block) -> str:
    html = block.html
    if html.startswith("<dl"):
        terms = _definition_text(block)
        if terms is not None:
            return terms
    if html.count("<ul") + html.count("<ol") > 1 or " start=" in html:
        nested = _nested_list(html)
        if nested:
            return nested
    return "\n".join(
        f"{n}. {item}" if block.ordered else f"- {item}"
        for n, item in enumerate(block.items, 1)
    )


def _definition_text(block: Block) -> str | None:
    """
    A description list as the Markdown writes it: each term on its line,
    each description on the next, after ``": "``.
    """
    root = parse_div(block.html, None)
    dl = next(root.iter("dl"), None)
    if dl is None:
        return None
    tags = [child.tag for child in dl if child.tag in {"dt", "dd"}]
    if len(tags) != len(block.items):
        return None
    return "\n".join(
        f": {item}" if tag == "dd" else item
        for tag, item in zip(tags, block.items, strict=True)
        if item
    )


def _nested_list(html: str) -> str:
    """Mark the items of a list with nested lists, indenting the inner ones."""
    root = parse_div(html, None)
    etree.strip_elements(root, *STRIPPED, *NO_TEXT, with_tail=False)
    lists: list[list[int]] = []  # [ordered, count] per open list
    items: list[tuple[str, list[str]]] = []  # (marker, text parts)
    open_items: list[list[str]] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag in _LISTS:
                lists.append([tag == "ol", list_start(el.get("start")) - 1])
            elif tag == "li" and lists:
                ordered, count = lists[-1]
                lists[-1][1] = count + 1
                indent = "   " * (len(lists) - 1)
                marker = f"{indent}{count + 1}. " if ordered else f"{indent}- "
                parts: list[str] = []
                items.append((marker, parts))
                open_items.append(parts)
            elif tag in _SPACED and open_items:
                open_items[-1].append(" ")
            if el.text and open_items:
                open_items[-1].append(el.text)
        else:
            if tag in _LISTS and lists:
                lists.pop()
            elif tag == "li" and open_items:
                open_items.pop()
            elif tag in _SPACED and open_items:
                open_items[-1].append(" ")
            if el.tail and open_items:
                open_items[-1].append(el.tail)
    lines = [marker + " ".join("".join(parts).split()) for marker, parts in items]
    return "\n".join(line.rstrip() for line in lines)
