"""
Flat paragraphs converted from their HTML string, without parsing it again.

Most paragraph blocks are one ``<p>`` holding text, links, emphasis and line
breaks, and nothing else.  Their HTML is wpparse's own serialisation (or
text it escaped itself), so one regular expression reads its tags and text
exactly as the parser would; :func:`flat_paragraph` does that and drives the
same :class:`~wpparse._render.markdown.inline.Inline` builder, with the same
rules, as the walk of :mod:`wpparse._render.markdown.convert` does over the
parsed tree, so the Markdown is the walk's, byte for byte.  Anything else
(another tag, an entity or a character the parser might read differently, a
link in a link) gives ``None``, and the block goes through the parse and the
walk.  A paragraph costs a regular expression over its HTML, not a parse and
an element object for every tag.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

from wpparse._model.content import Link
from wpparse._render.markdown.inline import (
    Inline,
    escape_line_starts,
    link_destination,
    link_title,
)
from wpparse._render.markdown.pairing import image_markdown, live_url
from wpparse._render.markdown.roles import (
    R_BR,
    R_EM,
    R_IMG,
    R_LINK,
    R_NONE,
    R_STRONG,
)

__all__ = [
    "EMPHASIS",
    "FLAT_ROLES",
    "TAG",
    "flat_link",
    "flat_paragraph",
    "segment_text",
    "tag_attributes",
]

# A start or end tag as wpparse serialises it: lower-case name, attributes
# quoted or not, no "/" before the ">".
TAG: Final = re.compile(
    r"""<(/?)([a-z][a-z0-9]*)((?:\s+[^\s"'>/=]+(?:=(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)>"""
)
# An attribute of a start tag: findall gives (name, value as written) pairs,
# the value "" for a bare name.
_ATTR: Final = re.compile(r"""\s+([^\s"'>/=]+)(?:=("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# The tags a flat paragraph may hold, by their role in the walk.
FLAT_ROLES: Final = {
    "a": R_LINK,
    "strong": R_STRONG,
    "b": R_STRONG,
    "em": R_EM,
    "i": R_EM,
    "br": R_BR,
    "span": R_NONE,
    "img": R_IMG,
}
EMPHASIS: Final = {R_STRONG: ("strong", "**"), R_EM: ("em", "*")}
# The character references a serialiser writes, and what they stand for.
_REFERENCES: Final = (
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", '"'),
    ("&#39;", "'"),
    ("&nbsp;", "\xa0"),
)


def _decode(text: str) -> str | None:
    """*text* (serialised) as the parser reads it; ``None`` for a reference it does not know."""
    if "&" not in text:
        return text
    for reference, char in _REFERENCES:
        if reference in text:
            text = text.replace(reference, char)
    # Every "&" left must start "&amp;" (a serialiser escapes each "&").
    if text.count("&") != text.count("&amp;"):
        return None
    return text.replace("&amp;", "&")


class _Quoted(dict[str, str]):
    """A start tag's attributes, each value as written (quoted or not, no references)."""

    __slots__ = ()

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        value = dict.get(self, name)
        if value is None:
            return default
        return value[1:-1] if value[0] in "\"'" else value


def tag_attributes(source: str) -> Mapping[str, str] | None:
    """The attributes of a start tag, decoded; ``None`` when one is doubtful."""
    pairs = _ATTR.findall(source)
    if "&" not in source:  # nothing to decode: the values as written
        quoted = _Quoted(pairs)
        # A bare name (no value) or a repeated one is doubtful.
        if len(quoted) != len(pairs) or "" in quoted.values():
            return None
        return quoted
    found: dict[str, str] = {}
    for name, value in pairs:
        if not value or name in found:  # a bare name or a repeated one
            return None
        decoded = _decode(value[1:-1] if value[0] in "\"'" else value)
        if decoded is None:
            return None
        found[name] = decoded
    return found


def flat_paragraph(
    html: str, links: Sequence[Link], base: str | None, image: str | None = None
) -> str | None:
    """
    The Markdown of a paragraph block whose *html* is flat (see the module),
    as the walk would write it; ``None`` when the HTML is not flat.

    *links* are the block's links (those of its ``<a href>`` elements, in
    order), *base* the post's URL, *image* the source the parser read from
    the block's first image (:attr:`Block.src <wpparse.Block.src>` of a
    figure), which that image shows.

    >>> flat_paragraph('<p>A <strong>bold</strong> move.</p>', (), None)
    'A **bold** move.'
    """
    if "\x00" in html or "\r" in html:  # the parser reads them differently
        return None
    if not html.isascii():
        try:  # a lone surrogate (a block built by hand) stops the parser
            html.encode()
        except UnicodeEncodeError:
            return None
    inline = _inline(html, links, base, image)
    if inline is None:
        return None
    if not inline.out:
        return ""
    markdown = inline.finish()
    return escape_line_starts(markdown) if markdown else ""


def _inline(  # noqa: PLR0915 - one loop over the tags: a call per tag costs
    html: str, links: Sequence[Link], base: str | None, image: str | None
) -> Inline | None:
    """The walk's paragraph builder fed with *html*, or ``None`` when it is not flat."""
    inline = Inline()
    first_image = html.find("<img")  # the image *image* is of
    skip = 0  # a linked image ends there: its tags are written
    root = html[:2] == "<p"  # else loose text and inline tags
    inside = not root  # within the paragraph's <p>
    open_tags: list[tuple[str, object]] = []
    in_link = False
    hrefs = 0
    position = 0
    for match in TAG.finditer(html):
        start = match.start()
        if start < skip:
            continue
        if start > position:
            text = segment_text(html[position:start]) if inside else None
            if text is None:  # text before the <p> or after the </p>
                return None
            inline.text(text)
        position = match.end()
        closing, tag, source = match.groups()
        if tag == "p" and root:
            if not closing and not start:
                inside = True
            elif closing and inside and not open_tags:
                inside = False  # and nothing may follow
            else:
                return None
            continue
        role = FLAT_ROLES.get(tag)
        if role is None or not inside:
            return None
        if closing:
            if not open_tags or open_tags[-1][0] != tag:
                return None
            key = open_tags.pop()[1]
            if role != R_NONE:
                inline.pop(key)
                in_link = in_link and role != R_LINK
        elif role == R_BR:
            inline.line_break()
        elif role == R_IMG:
            attributes = tag_attributes(source) if source else {}
            if attributes is None:
                return None
            paired = image if start == first_image else None
            inline.atom(image_markdown(attributes, paired, base))
        elif role == R_LINK:
            if in_link:  # a link in a link: the parser would close the first
                return None
            # The block's links belong to its <a href> elements in order;
            # when the counts differ, the walk pairs them by href.
            link = links[hrefs] if hrefs < len(links) else None
            found = flat_link(
                inline, html, match, link, base=base, image=(image, first_image)
            )
            if found is None:
                return None
            hrefs, skip = hrefs + found[0], found[1]
            if skip:  # a linked image, written whole
                position = skip
            else:
                in_link = True
                open_tags.append((tag, match))
        else:
            open_tags.append((tag, match))
            mark = EMPHASIS.get(role)
            if mark is not None and not inline.is_open(mark[0]):
                inline.push(mark[0], match, mark[1], mark[1])
    if position < len(html):  # text after the last tag: no <p> around it
        if root or (text := segment_text(html[position:])) is None:
            return None
        inline.text(text)
    if open_tags or (root and inside) or hrefs != len(links):
        return None
    return inline


# What a link holding one image and no text holds.
_LINKED_IMAGE: Final = re.compile(
    r"""\s*<img((?:\s+[^\s"'>/=]+(?:=(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)>\s*"""
)


def flat_link(
    inline: Inline,
    html: str,
    match: re.Match[str],
    link: Link | None,
    *,
    base: str | None,
    image: tuple[str | None, int],
) -> tuple[int, int] | None:
    """
    Open the link of the ``<a>`` start tag *match*, as the walk does, or
    write it whole when it is a linked image; ``None`` if doubtful.

    Returns whether it has an ``href`` (1 or 0) and, for a linked image,
    where its end tag ends (else 0).
    """
    source = match.group(3)
    attributes = tag_attributes(source) if source else {}
    if attributes is None:
        return None
    href = attributes.get("href")
    url = None if href is None else live_url(href, link, base)
    # (No link in a link: the next "</a>" is this one's, or there is none.)
    end = html.find("</a>", match.end())
    at = html.find("<img", match.end(), end) if end >= 0 <= image[1] else -1
    if at >= 0:
        # The walk's linked image: one image and only white space in the link.
        inner = _LINKED_IMAGE.fullmatch(html, match.end(), end)
        img = tag_attributes(inner.group(1)) if inner is not None else None
        if img is None:
            return None
        markdown = image_markdown(img, image[0] if at == image[1] else None, base)
        if markdown:
            dest = f"]({link_destination(url)})" if url else ""
            inline.atom(f"[{markdown}{dest}" if url else markdown)
            return int(href is not None), end + len("</a>")
    if url is not None:
        title = attributes.get("title")
        title = link_title(title) if title else ""
        inline.push("link", match, "[", f"]({link_destination(url)}{title})")
    return int(href is not None), 0


def segment_text(segment: str) -> str | None:
    """The text a serialised *segment* between two tags stands for, or ``None``."""
    if "<" in segment:  # a "<" that is no tag
        return None
    return _decode(segment) if "&" in segment else segment
