"""
Render a :class:`~wpparse.Post` as CommonMark, optionally with YAML front matter.

Sections become ATX headings at their own level; each block is converted from
its HTML (re-parsed once per post with lxml) so emphasis, links, nested lists,
tables, images and code keep their structure.  Text from the post is escaped
so it can never become markup it was not, and unsafe URLs never become links.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from wpparse._html.parse import parse_div
from wpparse._html.vocabulary import is_image_text
from wpparse._model.content import Block, BlockKind, Link, Section
from wpparse._model.objects import Term
from wpparse._model.post import Post
from wpparse._render.markdown.convert import DROP, Converter, fenced_code
from wpparse._render.markdown.flat import flat_paragraph
from wpparse._render.markdown.flat_blocks import flat_blocks, flat_heading
from wpparse._render.markdown.frontmatter import yaml_mapping
from wpparse._render.markdown.inline import (
    MARK_STARTS,
    escape,
    escape_heading,
    escape_line_starts,
    has_special,
    heading_content,
    link_destination,
)
from wpparse._render.markdown.pairing import pair_links, pair_source
from wpparse._render.markdown.table import pipe_table
from wpparse._urls import safe_url

__all__ = ["front_matter", "to_markdown"]

_SEPARATOR = "* * *"
_TAGS_OF_PLAIN_PARAGRAPH = 2  # <p> and </p>
_PLAIN_OPENINGS = frozenset({"<p>", "<p "})
_FLAT_KINDS = frozenset({BlockKind.FIGURE, BlockKind.LIST, BlockKind.QUOTE})


def to_markdown(
    post: Post, *, front_matter: bool = False, title: bool = False, seo: bool = False
) -> str:
    """
    Render *post* as CommonMark (with GFM pipe tables).

    Each section's title is an ATX heading at the section's level; the blocks
    keep their emphasis, links (absolute URLs), nested lists, block quotes,
    tables, images with their alt text and caption, and code (fenced by more
    backticks than any run inside).  Characters that would change the
    Markdown's meaning are escaped, and ``javascript:``-like URLs are never
    written as links: the text of such a link stays, the link does not.

    Args:
        post: The post to render.
        front_matter: Start with YAML front matter (title, date, modified,
            slug, link, author, categories, tags, excerpt), ready for Hugo,
            Jekyll, Astro or MkDocs.  The author and the terms are names when
            the response embedded them (``?_embed``), ids otherwise.
        title: Start the body with the post's title as a ``#`` heading.
        seo: Add the SEO ``description`` and ``canonical`` URL to the front
            matter, from :attr:`Post.seo`, when the post has them.

    .. versionadded:: 0.1.0
    """
    parts: list[str] = []
    if front_matter:
        parts.append(_front_matter_block(post, seo=seo))
    if title and post.title:
        parts.append("# " + escape_heading(post.title))
    parts.extend(_body(post))
    return "\n\n".join(parts) + "\n" if parts else ""


def _body(post: Post) -> list[str]:
    """The Markdown of every section title and block of *post*, in order, none empty."""
    base = post.link
    out: list[str] = []
    # The blocks that need their HTML parsed, and where their Markdown goes:
    # they are parsed in one go at the end.
    todo: list[Block] = []
    places: list[int] = []
    stack = list(reversed(post.sections))  # Post.walk(), without its generators
    while stack:
        section = stack.pop()
        if section.children:
            stack.extend(reversed(section.children))
        title = section.title
        if title:
            if section.level > 0:
                out.append("#" * min(section.level, 6) + " " + _heading(section, base))
            else:  # a titled lead, built by hand: keep its text
                out.append(_paragraph(title))
        for block in section.blocks:
            kind = block.kind
            html = block.html
            if (
                kind is BlockKind.PARAGRAPH
                and html[:3] in _PLAIN_OPENINGS
                and html.count("<") == _TAGS_OF_PLAIN_PARAGRAPH
            ):
                # <p>plain text</p>: nothing inline to keep.  (A paragraph that
                # is one other element, a button's <a> or a <strong>, keeps its
                # mark.)
                markdown: str | None = _plain(block.text)
            else:
                markdown = _without_html(block, kind, html, base)
                if markdown is None:
                    places.append(len(out))
                    todo.append(block)
                    out.append("")
                    continue
            if markdown:
                out.append(markdown)
    if todo:
        for index, block, markdown in zip(
            places, todo, _from_html(todo, base), strict=True
        ):
            out[index] = _checked(block, markdown)
        out = [markdown for markdown in out if markdown]
    return out


def _plain(text: str) -> str:
    """:func:`escape_line_starts` of :func:`escape` of *text*, with their tests inline."""
    if has_special(text) or ("&" in text and ";" in text):
        text = escape(text)
    if "\n" in text or text[:1] in MARK_STARTS or text[:1].isdecimal():
        return escape_line_starts(text)
    return text


def _heading(section: Section, base: str | None) -> str:
    """The heading's Markdown: its inline HTML when it holds links, else its title."""
    title = section.title or ""
    if not (section.heading_links and section.heading_html):
        return escape_heading(title)
    html = section.heading_html
    blocks = flat_heading(html, section.heading_links, base)
    if blocks is None:
        root = _fragment(html)
        # The heading element (or a bold pseudo-heading's paragraph and its
        # bold run) becomes plain inline content: the "#" marks already say
        # "heading".
        for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "b"):
            el.tag = "span"
        blocks = Converter(base, pair_links(root, section.heading_links)).blocks(root)
    if len(blocks) != 1 or "\n" in blocks[0]:
        return escape_heading(title)
    return heading_content(blocks[0])


def _checked(block: Block, markdown: str) -> str:
    """*markdown* converted from *block*'s HTML, or its text if that would lose some."""
    # Text outside any item or cell (invalid HTML, but a browser shows it)
    # would be lost: keep the text, not the structure.  (An image's alt
    # text in Block.text is in the image's "![...]".)
    lost = block.kind not in _INLINE_ONLY and not _keeps_text(
        _shown_text(block), markdown
    )
    return _paragraph(block.text) if lost else markdown


# Blocks that hold only inline markup convert without losing text; lists,
# tables, quotes (which may hold either) and the rest are checked.
_INLINE_ONLY = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.CODE})
_NOT_WORD = re.compile(r"\W+")


# The ASCII characters _NOT_WORD matches, as bytes to delete or to split at.
_ASCII_NOT_WORD = bytes(
    byte for byte in range(128) if _NOT_WORD.match(chr(byte)) is not None
)
_ASCII_NOT_WORD_TO_SPACE = bytes.maketrans(_ASCII_NOT_WORD, b" " * len(_ASCII_NOT_WORD))
# A link or image destination (and title) in the Markdown: never the text's.
# Possessive, and no "(" unless paired: "](" repeated without a ")" must not
# make every "](" scan to the end (quadratic).  Destinations hold balanced
# parentheses only (link_destination encodes the others).
_DESTINATION = re.compile(r"\]\((?:[^()]++|\([^()]*+\))*+\)")


def _loose(text: str) -> bytes:
    """*text* as UTF-8 without no-break spaces and without ASCII non-word characters."""
    data = text.replace("\xa0", "").encode("utf-8", "surrogatepass")
    return data.translate(None, _ASCII_NOT_WORD)


def _loose_words(text: str) -> list[bytes]:
    """The runs :func:`_loose` keeps of *text*, one per word."""
    data = text.replace("\xa0", " ").encode("utf-8", "surrogatepass")
    return data.translate(_ASCII_NOT_WORD_TO_SPACE).split()


def _keeps_text(text: str, markdown: str) -> bool:
    """Whether every letter and digit of *text* is in *markdown*, in order."""
    # Sufficient tests at C speed first: what they keep of the text holds
    # all its letters and digits (UTF-8 matches only whole characters), and
    # dropping destinations only takes characters out of the Markdown.  The
    # text in one run, else word by word (list numbers, link destinations
    # come between words).
    words = _loose_words(text)
    if not words:  # (a figure's alt text only: nothing to lose)
        return True
    bare = _DESTINATION.sub("", markdown) if "](" in markdown else markdown
    kept = _loose(bare)
    if b"".join(words) in kept:
        return True
    position = 0
    for word in words:
        position = kept.find(word, position)
        if position < 0:
            break
        position += len(word)
    else:
        return True
    rest = iter(_NOT_WORD.sub("", markdown))
    return all(char in rest for char in _NOT_WORD.sub("", text))


def _shown_text(block: Block) -> str:
    """*block*'s text less the alt text a captionless image gives it."""
    if block.kind is BlockKind.FIGURE and is_image_text(block.text, block.alt):
        return ""
    return block.text


def _without_html(
    block: Block, kind: BlockKind, html: str, base: str | None
) -> str | None:
    """
    Render *block* (of *kind*, with *html*) from its fields, or its HTML
    string when it is flat; else ``None``.  (Plain paragraphs are done.)
    """
    if kind is BlockKind.PARAGRAPH:
        if html:
            return flat_paragraph(html, block.links, base)
    elif kind in _FLAT_KINDS and html:
        # Figures, lists and quotes of flat paragraphs: converted from their
        # HTML string too.  (The walk pairs a figure's first image with the
        # source the parser read.)
        src = block.src if kind is BlockKind.FIGURE and block.src else None
        markdown = flat_blocks(html, block.links, base, src)
        return None if markdown is None else _checked(block, markdown)
    elif kind is BlockKind.CODE:
        return fenced_code(block.text, block.language) if block.text else ""
    elif kind is BlockKind.SEPARATOR:
        return _SEPARATOR
    if not html:
        return _from_fields(block)
    return None


def _from_html(blocks: list[Block], base: str | None) -> list[str]:
    """Convert the blocks' HTML, parsing it once for all of them when possible."""
    wrapped = "".join(f"<div>{block.html}</div>" for block in blocks)
    root = _fragment(wrapped)
    children = list(root)
    if len(children) == len(blocks) and all(
        child.tag == "div" and child.tail is None for child in children
    ):
        # Each wrapper is a <div>: removing what shows nothing from the whole
        # tree at once removes what converting each wrapper would, and one
        # walk converts them all.
        links: dict[Any, Link] = {}
        sources: dict[Any, str] = {}
        for child, block in zip(children, blocks, strict=True):
            links.update(pair_links(child, block.links))
            pair_source(child, block, sources)
        etree.strip_elements(root, *DROP, with_tail=False)
        converter = Converter(base, links, sources)
        return ["\n\n".join(blocks) for blocks in converter.each(root)]
    # The blocks' HTML did not nest as written: convert each on its own.
    out = []
    for block in blocks:
        root = _fragment(block.html)
        sources = {}
        pair_source(root, block, sources)
        converter = Converter(base, pair_links(root, block.links), sources)
        out.append("\n\n".join(converter.blocks(root)))
    return out


def _fragment(html: str) -> Any:
    """
    Parse *html* (a block's HTML, which wpparse serialised) into a ``<div>``
    holding it, with the parser the content stage used; leading text that
    is only whitespace is dropped.
    """
    root = parse_div(html, None)
    if root.text is not None and not root.text.strip():
        root.text = None
    return root


def _from_fields(block: Block) -> str:
    """Render a block built without HTML (by hand, or by another tool)."""
    kind = block.kind
    if kind is BlockKind.LIST and block.items:
        items = (
            f"{n}. {_paragraph(item)}" if block.ordered else f"- {_paragraph(item)}"
            for n, item in enumerate(block.items, 1)
        )
        return "\n".join(items)
    if kind is BlockKind.TABLE and block.rows:
        cells = [[escape(" ".join(cell.split())) for cell in row] for row in block.rows]
        return pipe_table(cells[0], cells[1:])
    if kind is BlockKind.FIGURE:
        parts = []
        if block.src and safe_url(block.src, image=True):
            alt = escape(block.alt or "")
            parts.append(f"![{alt}]({link_destination(block.src)})")
        if block.caption:
            parts.append(_paragraph(block.caption))
        return "\n\n".join(parts)
    if kind is BlockKind.EMBED and block.src and safe_url(block.src):
        url = link_destination(block.src)
        return f"[{escape(block.text or block.src)}]({url})"
    if kind is BlockKind.QUOTE and block.text:
        return "> " + _paragraph(block.text)
    if kind is BlockKind.HEADING and block.text:
        return f"**{escape(block.text)}**"
    return _paragraph(block.text) if block.text else ""


def _paragraph(text: str) -> str:
    return escape_line_starts(escape(" ".join(text.split())))


def front_matter(post: Post, *, seo: bool = False) -> dict[str, Any]:
    """
    Return the front matter fields of *post*, in the order they are written.

    ``title``, ``date``, ``modified``, ``slug``, ``link``, ``author``,
    ``categories``, ``tags`` and ``excerpt``; fields the post does not have are
    left out.  Dates are ISO 8601 strings with their offset.  The author and
    the terms are names when the response embedded them, ids otherwise.  With
    *seo*, also ``description`` (the SEO description, else the Open Graph one)
    and ``canonical`` from :attr:`Post.seo`.

    .. versionadded:: 0.1.0
    """
    data: dict[str, Any] = {"title": post.title}
    if post.date is not None:
        data["date"] = post.date.isoformat()
    if post.modified is not None:
        data["modified"] = post.modified.isoformat()
    if post.slug:
        data["slug"] = post.slug
    if post.link:
        data["link"] = post.link
    user = post.author_user
    if user is not None and user.name:
        data["author"] = user.name
    elif post.author is not None:
        data["author"] = post.author
    data["categories"] = [_term_name(term) for term in post.category_terms]
    data["tags"] = [_term_name(term) for term in post.tag_terms]
    if post.excerpt:
        data["excerpt"] = post.excerpt
    if seo and post.seo is not None:
        description = post.seo.description or post.seo.og_description
        if description:
            data["description"] = description
        if post.seo.canonical:
            data["canonical"] = post.seo.canonical
    return data


def _term_name(term: Term | int) -> str | int:
    if isinstance(term, Term) and term.name:
        return term.name
    return term.id if isinstance(term, Term) else term


def _front_matter_block(post: Post, *, seo: bool = False) -> str:
    return "---\n" + yaml_mapping(front_matter(post, seo=seo)) + "\n---"
