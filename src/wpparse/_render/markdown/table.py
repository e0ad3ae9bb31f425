"""
Tables in CommonMark: a GFM pipe table when every cell is one line, else HTML.

The HTML fallback holds only the table's tags (and the cells' spans); each
cell holds its Markdown between blank lines (where CommonMark reads Markdown
again), so a table too complex for pipes keeps every cell's links, images and
lists and never carries the post's markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from wpparse._html.vocabulary import cell_span
from wpparse._render.markdown.inline import collapse_ws, escape, escape_line_starts

__all__ = ["pipe_table", "table_blocks"]


def table_blocks(table: Any, convert: Callable[[Any], list[str]]) -> list[str]:
    """
    Return the Markdown blocks of *table*: its caption, then the table.

    *convert* turns a cell into its Markdown blocks; only the table's own
    rows and caption count, not those of tables nested in it.
    """
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
    pipe = _pipe_table(table, rows, convert)
    blocks.append(pipe if pipe is not None else _html_table(rows, convert))
    return blocks


def _pipe_table(
    table: Any, rows: list[list[Any]], convert: Callable[[Any], list[str]]
) -> str | None:
    for el in table.iter("pre", "ul", "ol", "blockquote", "table"):
        if el is not table:
            return None
    lines: list[list[str]] = []
    for row in rows:
        cells = []
        for cell in row:
            colspan = cell.get("colspan")  # (usually none: 1)
            rowspan = cell.get("rowspan")
            if (colspan is not None and cell_span(colspan) != 1) or (
                rowspan is not None and cell_span(rowspan, "rowspan") != 1
            ):
                return None
            blocks = convert(cell)
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
    return pipe_table(header, body)


def pipe_table(header: Sequence[str], body: Iterable[Sequence[str]]) -> str:
    """
    The one GFM pipe-table writer: *header* and *body* rows hold each
    cell's Markdown (one line, pipes escaped); short rows are padded.

    >>> print(pipe_table(["a", "b"], [["1"]]))
    | a | b |
    | --- | --- |
    | 1 |  |
    """
    rows = [header, *body]
    width = max(map(len, rows))
    out = [_pipe_row(header, width), "| " + " | ".join(["---"] * width) + " |"]
    out.extend(_pipe_row(cells, width) for cells in rows[1:])
    return "\n".join(out)


def _pipe_row(cells: Sequence[str], width: int) -> str:
    padded = [*cells, *[""] * (width - len(cells))]
    return "| " + " | ".join(padded) + " |"


def _html_table(rows: list[list[Any]], convert: Callable[[Any], list[str]]) -> str:
    """
    A table too complex for a pipe table, as HTML: only the table's own tags
    (and the cells' spans); each cell's content is its Markdown, between
    blank lines, so it keeps its links, images and structure.
    """
    out = ["<table>"]
    for row in rows:
        cells = []
        for cell in row:
            attrs = ""
            for name in ("colspan", "rowspan"):
                span = cell_span(cell.get(name), name)
                if span != 1:
                    attrs += f' {name}="{span}"'
            blocks = convert(cell)
            if blocks:
                # A blank line ends the HTML block: the cell's content is
                # Markdown again (links, images, lists), up to its end tag.
                body = "\n\n".join(blocks)
                cells.append(f"<{cell.tag}{attrs}>\n\n{body}\n\n</{cell.tag}>")
            else:
                cells.append(f"<{cell.tag}{attrs}></{cell.tag}>")
        out.append("<tr>\n" + "\n".join(cells) + "\n</tr>")
    out.append("</table>")
    return "\n".join(out)
