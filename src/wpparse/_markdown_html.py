"""
Turn a block's HTML into CommonMark, walking lxml's tree without recursion.

One pass of :func:`lxml.etree.iterwalk` with a small stack of containers
(block quotes, lists, list items) that prefix their lines when they close.
Paragraph-like elements only end the paragraph being built; inline elements
add marks to it (see :mod:`wpparse._markdown_inline`).  Tables are rendered on
their own: a GFM pipe table when every cell is one line, escaped HTML otherwise.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from lxml import etree

from wpparse._markdown_inline import (
    Inline,
    collapse_ws,
    escape,
    escape_line_starts,
    link_destination,
    link_title,
)
from wpparse._models import Link, LinkKind
from wpparse._urlsafety import resolve, safe_url

__all__ = ["Converter", "fenced_code"]

_DROP = frozenset(
    {"script", "style", "template", "noscript", "head", "title", "meta", "link"}
)
# Elements that end the paragraph being built, before and after them.
_BREAKS = frozenset(
    {
        "p", "div", "section", "article", "aside", "header", "footer", "main",
        "nav", "figure", "figcaption", "details", "summary", "center", "form",
        "fieldset", "legend", "dl", "dt", "dd", "hgroup", "address", "body",
        "html", "caption", "li", "ul", "ol", "menu", "blockquote", "noembed",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_STRONG = frozenset({"strong", "b"})
_EM = frozenset({"em", "i"})
_CODE = frozenset({"code", "kbd", "samp", "tt", "var"})
_EMBEDS = frozenset({"iframe", "video", "audio", "embed", "object"})
_LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang)-([\w+#.-]+)")
_BACKTICK_FENCE = re.compile(r"`{3,}")
# An info string is one word: no backticks, no whitespace, no line breaks.
_INFO_UNSAFE = re.compile(r"[^\w+#.\-]")
_NEWLINES = re.compile(r"\r\n?")
# Containers deeper than this stop adding "> " or indentation: a hostile post
# with thousands of nested quotes must not make the output quadratic.
_MAX_NESTING = 16
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-orig-file")


def fenced_code(text: str, language: str | None = None) -> str:
    """Return *text* as a fenced code block, fenced by more backticks than any run inside."""
    text = _NEWLINES.sub("\n", text).strip("\n")
    runs = _BACKTICK_FENCE.findall(text)
    fence = "`" * max(3, max(map(len, runs), default=0) + 1)
    info = _INFO_UNSAFE.sub("", language or "")
    return f"{fence}{info}\n{text}\n{fence}"


def _prefix(text: str, first: str, rest: str) -> str:
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


def _start_number(value: str | None) -> int:
    if value and value.strip().isdigit():
        return min(int(value.strip()), 999_999_000)
    return 1


def _language(element: Any) -> str | None:
    for el in (element, *element.iterchildren("code")):
        match = _LANGUAGE.search(el.get("class") or "")
        if match:
            return match.group(1)
    return None


class Converter:
    """
    Converts HTML elements of one post to Markdown.

    *base* is the post's URL (relative URLs resolve against it); *links* maps
    an ``href`` as written to the :class:`~wpparse.Link` the parser made of it,
    so links keep the parser's resolution and safety verdict.
    """

    __slots__ = ("base", "links")

    def __init__(self, base: str | None, links: Mapping[str, Link]) -> None:
        self.base = base
        self.links = links

    def blocks(self, root: Any) -> list[str]:
        """Return the Markdown blocks of *root* and everything in it."""
        etree.strip_elements(root, *_DROP, with_tail=False)
        stack = [_Box("root", root)]
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            if not isinstance(tag, str):  # a comment or processing instruction
                if event == "end" and el.tail:
                    stack[-1].inline.text(el.tail)
                continue
            box = stack[-1]
            if event == "start":
                if self._start(el, tag, box, stack):
                    walker.skip_subtree()
                elif el.text:
                    stack[-1].inline.text(el.text)
            else:
                self._end(el, tag, box, stack)
                if el.tail and el is not root:
                    stack[-1].inline.text(el.tail)
        box = stack[0]
        box.flush()
        return box.blocks

    def _start(self, el: Any, tag: str, box: _Box, stack: list[_Box]) -> bool:
        """Handle a start tag; return True when the element's subtree is done."""
        if tag in _BREAKS:
            box.flush()
            nested = len(stack) <= _MAX_NESTING
            if tag == "blockquote" and nested:
                stack.append(_Box("quote", el))
            elif tag in {"ul", "ol", "menu"} and nested:
                kind = "ol" if tag == "ol" else "ul"
                stack.append(_Box(kind, el, _start_number(el.get("start"))))
            elif tag == "li" and nested:
                stack.append(_Box("li", el))
            return False
        inline = box.inline
        if tag in _HEADINGS:
            box.flush()
            box.inline.push("strong", el, "**", "**")
        elif tag in _STRONG:
            if not inline.is_open("strong"):
                inline.push("strong", el, "**", "**")
        elif tag in _EM:
            if not inline.is_open("em"):
                inline.push("em", el, "*", "*")
        elif tag == "a":
            self._link(el, inline)
        elif tag == "br":
            inline.line_break()
        elif tag == "img":
            inline.atom(self._image(el))
        elif tag in _CODE:
            inline.code("".join(el.itertext()))
            return True
        elif tag == "pre":
            box.flush()
            box.blocks.append(fenced_code("".join(el.itertext()), _language(el)))
            return True
        elif tag == "hr":
            box.flush()
            box.blocks.append("* * *")
        elif tag == "table":
            box.flush()
            box.blocks.extend(self._table(el))
            return True
        elif tag in _EMBEDS:
            box.flush()
            embed = self._embed(el)
            if embed:
                box.blocks.append(embed)
            return True
        return False

    def _end(self, el: Any, tag: str, box: _Box, stack: list[_Box]) -> None:
        if tag in _BREAKS:
            box.flush()
            if box.element is el and len(stack) > 1:
                stack.pop()
                self._close(box, stack[-1])
        elif tag in _HEADINGS:
            box.inline.pop(el)
            box.flush()
        elif tag in _STRONG or tag in _EM or tag == "a":
            box.inline.pop(el)

    @staticmethod
    def _close(box: _Box, parent: _Box) -> None:
        kind = box.kind
        if kind == "quote":
            if box.blocks:
                parent.blocks.append(_prefix("\n\n".join(box.blocks), "> ", "> "))
        elif kind == "li":
            if parent.kind in {"ul", "ol"}:
                parent.blocks.append(_item_body(box))
            else:
                parent.blocks.append(_prefix(_item_body(box), "- ", "  "))
        elif box.blocks:  # a list
            items = []
            number = box.start
            for body in box.blocks:
                marker = f"{number}. " if kind == "ol" else "- "
                number += 1
                items.append(_prefix(body, marker, " " * len(marker)))
            parent.lists.add(len(parent.blocks))
            parent.blocks.append("\n".join(items))

    def _link(self, el: Any, inline: Inline) -> None:
        href = el.get("href")
        if href is None or inline.is_open("link"):
            return
        link = self.links.get(href)
        if link is not None:
            if link.kind is LinkKind.UNSAFE:
                return
            url = link.url
        else:
            url = resolve(href, self.base)
        if not url or not safe_url(url):
            return
        title = link_title(el.get("title"))
        inline.push("link", el, "[", f"]({link_destination(url)}{title})")

    def _image(self, el: Any) -> str:
        src = el.get("src")
        if not src or src.startswith("data:"):
            for name in _LAZY_SOURCES:
                value = el.get(name)
                if value:
                    src = value
                    break
        if not src:
            return ""
        url = resolve(src, self.base)
        if not safe_url(url, image=True):
            return ""
        alt = escape(collapse_ws(el.get("alt") or ""))
        return f"![{alt}]({link_destination(url)}{link_title(el.get('title'))})"

    def _embed(self, el: Any) -> str:
        src = el.get("src") or el.get("data-src") or el.get("data")
        if not src:
            source = next(el.iterchildren("source"), None)
            src = source.get("src") if source is not None else None
        if not src:
            return ""
        url = resolve(src, self.base)
        if not safe_url(url):
            return ""
        text = escape(collapse_ws(el.get("title") or "") or url)
        return f"[{text}]({link_destination(url)})"

    def _table(self, table: Any) -> list[str]:
        rows: list[list[Any]] = []
        caption = None
        for el in table.iter("tr", "caption"):
            if next(el.iterancestors("table")) is not table:
                continue
            if el.tag == "caption":
                caption = el
            else:
                rows.append([c for c in el if c.tag in {"td", "th"}])
        rows = [row for row in rows if row]
        if not rows:
            return []
        blocks: list[str] = []
        if caption is not None:
            text = escape(collapse_ws(" ".join(caption.itertext())))
            if text:
                blocks.append(escape_line_starts(text))
        pipe = self._pipe_table(table, rows)
        blocks.append(pipe if pipe is not None else _html_table(rows))
        return blocks

    def _pipe_table(self, table: Any, rows: list[list[Any]]) -> str | None:
        for el in table.iter("pre", "ul", "ol", "blockquote", "table"):
            if el is not table:
                return None
        lines: list[list[str]] = []
        for row in rows:
            cells = []
            for cell in row:
                if (cell.get("colspan") or "1").strip() != "1" or (
                    cell.get("rowspan") or "1"
                ).strip() != "1":
                    return None
                blocks = Converter(self.base, self.links).blocks(cell)
                if len(blocks) > 1 or (blocks and "\n" in blocks[0]):
                    return None
                text = blocks[0] if blocks else ""
                # GFM splits cells at "|" before it sees code spans: a pipe in
                # code (escaped or not) would split the cell or lose its "\\".
                if "|" in text and ("`" in text or "|" in text.replace("\\|", "")):
                    return None
                cells.append(text)
            lines.append(cells)
        width = max(map(len, lines))
        header_row = rows[0]
        in_head = next(header_row[0].iterancestors("thead", "table")).tag == "thead"
        if in_head or all(cell.tag == "th" for cell in header_row):
            header, body = lines[0], lines[1:]
        else:
            header, body = [""] * width, lines
        out = [_pipe_row(header, width), "| " + " | ".join(["---"] * width) + " |"]
        out.extend(_pipe_row(cells, width) for cells in body)
        return "\n".join(out)


def _pipe_row(cells: list[str], width: int) -> str:
    cells = cells + [""] * (width - len(cells))
    return "| " + " | ".join(cells) + " |"


def _html_table(rows: list[list[Any]]) -> str:
    """A table too complex for a pipe table, as HTML that holds only escaped text."""
    out = ["<table>"]
    for row in rows:
        cells = []
        for cell in row:
            attrs = ""
            for name in ("colspan", "rowspan"):
                value = (cell.get(name) or "").strip()
                if value.isdigit() and value != "1":
                    attrs += f' {name}="{int(value)}"'
            text = html.escape(collapse_ws(" ".join(cell.itertext())))
            cells.append(f"<{cell.tag}{attrs}>{text}</{cell.tag}>")
        out.append("<tr>\n" + "\n".join(cells) + "\n</tr>")
    out.append("</table>")
    return "\n".join(out)


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
