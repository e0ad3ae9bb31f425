"""
The containers of the Markdown walk: block quotes, lists, list items, definitions.

:func:`open_box` gives the :class:`Box` an element opens; the walk fills its
:attr:`Box.blocks` (each paragraph through :class:`~wpparse._render.markdown.inline.Inline`),
and :func:`close_box` writes them into the parent box when the element ends:
prefixed with ``> ``, ``: ``, ``- `` or ``1. `` and indented, lists tight
where CommonMark lets a list interrupt a paragraph.
"""

from __future__ import annotations

from typing import Any

from wpparse._html.vocabulary import is_footnote_list, list_start
from wpparse._render.markdown.inline import Inline, escape_line_starts

__all__ = ["Box", "close_box", "open_box"]

_LISTS = frozenset({"ul", "ol", "footnotes"})


def _prefix(text: str, first: str, rest: str) -> str:
    if "\n" not in text:  # most list items and quoted paragraphs
        return first + text if text else first.rstrip()
    lines = text.split("\n")
    out = [first + lines[0] if lines[0] else first.rstrip()]
    out.extend(rest + line if line else rest.rstrip() for line in lines[1:])
    return "\n".join(out)


class Box:
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


def open_box(el: Any) -> Box:
    """The container a block quote, a list or a list item opens."""
    tag = el.tag
    if tag == "blockquote":
        return Box("quote", el)
    if tag == "li":
        return Box("li", el)
    if tag == "dd":
        return Box("dd", el)
    kind = "ul" if tag != "ol" else "footnotes" if is_footnote_list(el) else "ol"
    return Box(kind, el, _start_number(el.get("start")))


def _start_number(value: str | None) -> int:
    # CommonMark reads at most nine digits: leave room for the items.
    return min(list_start(value), 999_999_000)


def close_box(box: Box, parent: Box) -> None:
    """Write the blocks of *box*, which ends, into *parent*: quoted, a definition, an item, a list."""
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


def _item_body(box: Box) -> str:
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
