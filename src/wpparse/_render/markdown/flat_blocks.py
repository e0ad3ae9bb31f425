"""
Figures, lists, quotes and headings made of flat paragraphs, converted from their HTML string.

:func:`flat_blocks` reads a block whose HTML is flat paragraphs (see
:mod:`wpparse._render.markdown.flat`) inside figures, captions, lists, list
items and block quotes, and :func:`flat_heading` a section's heading, with
the tags and text of :mod:`~wpparse._render.markdown.flat` and the boxes of
the walk (:mod:`wpparse._render.markdown.boxes`), so that the Markdown is the
walk's, byte for byte; anything else gives ``None``, and the block goes
through the parse and the walk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from wpparse._model.content import Link
from wpparse._render.markdown.boxes import Box, close_box, open_box
from wpparse._render.markdown.flat import (
    EMPHASIS,
    FLAT_ROLES,
    TAG,
    flat_link,
    segment_text,
    tag_attributes,
)
from wpparse._render.markdown.pairing import image_markdown
from wpparse._render.markdown.roles import (
    R_BR,
    R_BREAK,
    R_CONTAINER,
    R_IMG,
    R_LINK,
    R_NONE,
)

__all__ = ["flat_blocks", "flat_heading"]

# --- flat blocks: figures, lists and quotes of flat paragraphs -------------------

# Tags that end the paragraph being built (breaks) or open a container: the
# walk's roles.  Only these: their start tags close nothing the parser would
# close differently when they hold what flat_blocks lets them hold.
_BLOCK_ROLES: Final = {
    "p": R_BREAK,
    "div": R_BREAK,
    "figure": R_BREAK,
    "figcaption": R_BREAK,
    "ul": R_CONTAINER,
    "ol": R_CONTAINER,
    "li": R_CONTAINER,
    "blockquote": R_CONTAINER,
}
# Inline tags with no role in the walk (text only), besides <span>.
_PLAIN_INLINE: Final = dict.fromkeys(
    ("cite", "small", "u", "mark", "abbr", "time", "sub", "s", "del", "ins"), R_NONE
)
_INLINE_ROLES: Final = {**FLAT_ROLES, **_PLAIN_INLINE}
# A heading's HTML: the heading element (or a bold pseudo heading's paragraph
# and bold run) is plain inline content, since the "#" marks say "heading".
_HEADING_TAGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p"})
_HEADING_BLOCK_ROLES: Final = {
    tag: role for tag, role in _BLOCK_ROLES.items() if tag not in _HEADING_TAGS
}
_HEADING_INLINE_ROLES: Final = {
    **_INLINE_ROLES,
    **dict.fromkeys((*_HEADING_TAGS, "strong", "b"), R_NONE),
}
_LISTS: Final = frozenset({"ul", "ol"})
# Deeper than this, a block goes to the walk (which stops boxing at 16).
_MAX_OPEN: Final = 10


class _Element:
    """A container's start tag, for :func:`open_box`: its tag and attributes."""

    __slots__ = ("attributes", "tag")

    def __init__(self, tag: str, attributes: Mapping[str, str]) -> None:
        self.tag = tag
        self.attributes = attributes

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attributes.get(name, default)


def flat_blocks(
    html: str, links: Sequence[Link], base: str | None, image: str | None = None
) -> str | None:
    """
    The Markdown of a block whose *html* is made of flat paragraphs, in
    figures, captions, lists, list items and block quotes, as the walk would
    write it; ``None`` when it holds anything else.

    *links* and *image* as for :func:`flat_paragraph` (*image* ``None`` when
    the block's source stands for no image of it).

    >>> flat_blocks('<ul><li>one</li><li><em>two</em></li></ul>', (), None)
    '- one\\n- *two*'
    """
    blocks = _blocks(html, links, base, image)
    return None if blocks is None else "\n\n".join(blocks)


def flat_heading(
    html: str, links: Sequence[Link], base: str | None
) -> list[str] | None:
    """
    The Markdown blocks of a section's heading *html* (its links *links*),
    with the heading element, paragraph and bold runs as plain inline content,
    as the walk would write them; ``None`` when the HTML is not flat.

    >>> flat_heading('<h2 id="a"><strong>Intro</strong> part</h2>', (), None)
    ['Intro part']
    """
    return _blocks(html, links, base, None, heading=True)


def _blocks(
    html: str,
    links: Sequence[Link],
    base: str | None,
    image: str | None,
    *,
    heading: bool = False,
) -> list[str] | None:
    if "\x00" in html or "\r" in html:  # the parser reads them differently
        return None
    if not html.isascii():
        try:  # a lone surrogate (a block built by hand) stops the parser
            html.encode()
        except UnicodeEncodeError:
            return None
    root = _walk(html, links, base, image, heading=heading)
    if root is None:
        return None
    root.flush()
    return root.blocks


def _walk(  # noqa: PLR0915 - one loop over the tags, as _inline
    html: str,
    links: Sequence[Link],
    base: str | None,
    image: str | None,
    *,
    heading: bool,
) -> Box | None:
    """The walk's root box fed with *html*, or ``None`` when it is not flat blocks."""
    block_roles = _HEADING_BLOCK_ROLES if heading else _BLOCK_ROLES
    inline_roles = _HEADING_INLINE_ROLES if heading else _INLINE_ROLES
    box = Box("root", None)
    stack = [box]
    pending = image  # the source of the first image, until it is written
    skip = 0  # a linked image ends there: its tags are written
    # (tag, key, role) of the open elements; blocks only outside inline ones.
    open_tags: list[tuple[str, object, int]] = []
    inline_open = 0  # how many of them are inline
    in_p = False
    in_link = False
    hrefs = 0
    position = 0
    for match in TAG.finditer(html):
        start = match.start()
        if start < skip:
            continue
        if start > position:
            text = segment_text(html[position:start])
            if text is None:
                return None
            if open_tags and open_tags[-1][0] in _LISTS and not text.isspace():
                return None  # text between the items
            box.inline.text(text)
        position = match.end()
        closing, tag, source = match.groups()
        role = block_roles.get(tag)
        if role is not None:
            if closing:
                if not open_tags or open_tags[-1][0] != tag:
                    return None
                key = open_tags.pop()[1]
                in_p = in_p and tag != "p"
            else:
                if inline_open or in_p or len(open_tags) >= _MAX_OPEN:
                    return None
                if (tag == "li") != bool(open_tags and open_tags[-1][0] in _LISTS):
                    return None  # an item outside a list, or else inside one
                if role == R_CONTAINER:
                    attributes = tag_attributes(source) if source else {}
                    if attributes is None:
                        return None
                    key = _Element(tag, attributes)
                else:
                    key = match
                open_tags.append((tag, key, role))
                in_p = tag == "p"
            # What the walk does at the start and at the end of a break or a
            # container: end the paragraph; open or close the container.
            inline = box.inline
            if inline.out:
                box.flush()
            else:
                inline.space = False
            if role == R_CONTAINER:
                if not closing:
                    box = open_box(key)
                    stack.append(box)
                elif box.element is key:
                    stack.pop()
                    close_box(box, stack[-1])
                    box = stack[-1]
            continue
        role = inline_roles.get(tag)
        if role is None or (open_tags and open_tags[-1][0] in _LISTS):
            return None
        if heading and not closing and tag in _HEADING_TAGS and open_tags:
            return None  # only the outermost element is the heading
        inline = box.inline
        if closing:
            if not open_tags or open_tags[-1][0] != tag:
                return None
            key = open_tags.pop()[1]
            inline_open -= 1
            if role != R_NONE:
                inline.pop(key)
                in_link = in_link and role != R_LINK
        elif role == R_BR:
            inline.line_break()
        elif role == R_IMG:
            attributes = tag_attributes(source) if source else {}
            if attributes is None:
                return None
            inline.atom(image_markdown(attributes, pending, base))
            pending = None
        elif role == R_LINK:
            if in_link:  # a link in a link: the parser would close the first
                return None
            link = links[hrefs] if hrefs < len(links) else None
            # (flat_link pairs the image at the second place with the first.)
            at = html.find("<img", position) if pending is not None else 0
            found = flat_link(inline, html, match, link, base=base, image=(pending, at))
            if found is None:
                return None
            if found[1] and at > 0:  # a linked image: the first image
                pending = None
            hrefs, skip = hrefs + found[0], found[1]
            if skip:  # a linked image, written whole
                position = skip
            else:
                in_link = True
                open_tags.append((tag, match, role))
                inline_open += 1
        else:
            open_tags.append((tag, match, role))
            inline_open += 1
            mark = EMPHASIS.get(role)
            if mark is not None and not inline.is_open(mark[0]):
                inline.push(mark[0], match, mark[1], mark[1])
    if position < len(html):
        text = segment_text(html[position:])
        if text is None:
            return None
        box.inline.text(text)
    if open_tags or hrefs != len(links):
        return None
    return box
