"""
Stage 2: content HTML to a flat stream of pieces, walking lxml's tree directly.

:func:`split_content` parses the content once and walks it once, without
recursion, into :class:`Piece` objects in document order: one per block
(paragraph, list, quote, table, figure, embed, code, separator, other) and one
per real heading.  Paragraphs carry the formatting facts the section stage
needs to judge pseudo headings (bold from end to end, italic, linked ...).

How elements are read:

* ``div``, ``section``, ``article`` and other wrappers are transparent: their
  children are blocks of the article, and loose text between them becomes a
  paragraph.
* Containers with content of their own (lists, quotes, tables, figures,
  ``pre``, forms, ``details``) are one block each, headings inside them
  included, unless the container holds nothing but one heading.
* ``script``, ``style``, ``template``, ``noscript`` and ``title`` give no
  text; nor do the fallback contents of ``iframe``, ``video``, ``audio``,
  ``object``, ``canvas`` and ``svg``.  Comments are dropped by the parser.
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import Final

from lxml import etree

from wpparse._links import LinkResolver
from wpparse._models import Block, BlockKind, Link

__all__ = [
    "CONTAINERS",
    "NO_TEXT",
    "STRIPPED",
    "Piece",
    "content_root",
    "split_content",
]

# The same settings as wpparse._htmltext.make_parser(), on lxml's plain
# element class: lxml.html's HtmlElement lookup costs time on every node.
_PARSER: Final = etree.HTMLParser(
    no_network=True,
    huge_tree=True,
    remove_comments=True,
    remove_pis=True,
    default_doctype=False,
)

STRIPPED: Final = ("script", "style", "template", "noscript", "title")
"""Elements removed, with their content, before anything is read."""
NO_TEXT: Final = frozenset({"iframe", "video", "audio", "object", "canvas", "svg"})
"""Elements whose content is fallback or drawing, not text a reader sees."""
HEADINGS: Final = ("h1", "h2", "h3", "h4", "h5", "h6")
_LEVEL: Final = {tag: n for n, tag in enumerate(HEADINGS, 1)}

# What a top-level element becomes.
_TRANSPARENT, _HEADING, _PARA, _LIST, _QUOTE, _TABLE, _FIGURE = range(7)
_EMBED, _CODE, _SEP, _OTHER, _INLINE = range(7, 12)
_ROLE: Final = {
    **dict.fromkeys(
        (
            "div",
            "section",
            "article",
            "main",
            "header",
            "footer",
            "aside",
            "nav",
            "center",
            "hgroup",
            "address",
            "body",
            "html",
            "li",
            "dd",
            "dt",
            "tr",
            "td",
            "th",
            "thead",
            "tbody",
            "tfoot",
            "caption",
            "figcaption",
            "summary",
            "legend",
            "search",
        ),
        _TRANSPARENT,
    ),
    **dict.fromkeys(HEADINGS, _HEADING),
    "p": _PARA,
    **dict.fromkeys(("ul", "ol", "dl", "menu", "dir"), _LIST),
    "blockquote": _QUOTE,
    "table": _TABLE,
    "figure": _FIGURE,
    **dict.fromkeys(("iframe", "video", "audio", "embed", "object"), _EMBED),
    **dict.fromkeys(("pre", "listing", "xmp", "plaintext"), _CODE),
    "hr": _SEP,
    **dict.fromkeys(
        ("form", "fieldset", "details", "dialog", "textarea", "select"), _OTHER
    ),
}
_BLOCK_TAGS: Final = tuple(tag for tag, role in _ROLE.items() if role != _INLINE)
CONTAINERS: Final = frozenset(
    tag
    for tag, role in _ROLE.items()
    if role in {_LIST, _QUOTE, _TABLE, _FIGURE, _CODE, _OTHER}
) | {"li", "td", "th", "dd", "dt"}
"""Elements whose headings title only themselves (a table cell, a quote ...)."""

# Elements that break a line of text, and how: a new line or a new paragraph.
_BR, _PARA_BREAK = 1, 2
_BREAK: Final[dict[str, int]] = dict.fromkeys(_ROLE, _PARA_BREAK)
_LINE_BREAKERS: Final = (
    *("br", "li", "dt", "dd", "tr", "td", "th", "caption", "figcaption"),
    *("summary", "option", "ul", "ol", "dl", "menu", "dir"),
    *("table", "thead", "tbody", "tfoot"),
)
_BREAK.update(dict.fromkeys(_LINE_BREAKERS, _BR))
_SPECIAL: Final = (*_BREAK, *NO_TEXT, "img")
_BOLD: Final = frozenset({"strong", "b"})
_ITALIC: Final = frozenset({"em", "i", "cite"})
_MEDIA: Final = ("img", "iframe", "video", "audio", "embed", "object", "picture")

# Paragraph facts for the section stage (Piece.flags).
BOLD: Final = 1
"""Every visible character is bold."""
ITALIC: Final = 2
"""Every visible character is italic."""
LINKED: Final = 4
"""Every visible character is link text."""
BREAKS: Final = 8
"""The paragraph has a line break (``<br>``)."""
CAPTION: Final = 16
"""Its class or id says it is a caption, credit, byline or date."""
LOOSE: Final = 32
"""Loose text in a wrapper, not a ``<p>``."""
MEDIA: Final = 64
"""It holds an image or a player besides its text."""
SINGLE: Final = 128
"""A list of one short item (which may be a heading in disguise)."""
_CAPTION_HINT: Final = re.compile(
    r"caption|credit|byline|author|posted|meta|date|time|source|footnote",
    re.IGNORECASE,
)
_WP_IMAGE: Final = re.compile(r"\bwp-image-(\d+)\b")
_ATTACHMENT: Final = re.compile(r"^attachment_(\d+)$")
_LANG: Final = re.compile(r"\b(?:language|lang)-([\w+#.-]+)|\bbrush:\s*([\w+#.-]+)")
_FONT_BOLD: Final = re.compile(
    r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.IGNORECASE
)
_TAG: Final = re.compile(r"<[^>]*>")
_HIDDEN: Final = re.compile(
    r"<(script|style|template|noscript|title)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_SHORT: Final = 300  # paragraphs longer than this are never headings: skip the facts


class Piece:
    """
    One item of the flat stream: a block, or a real heading (``block`` None).

    ``level`` is 1-6 for a heading and 0 for a block; ``title`` and ``anchor``
    describe a heading (or, for a paragraph, what it would be as one);
    ``links`` are a heading's own links; ``flags`` are paragraph facts.
    """

    __slots__ = ("anchor", "block", "flags", "heading_html", "level", "links", "title")

    def __init__(
        self,
        block: Block | None,
        *,
        level: int = 0,
        title: str = "",
        anchor: str | None = None,
        links: tuple[Link, ...] = (),
        flags: int = 0,
        heading_html: str = "",
    ) -> None:
        self.heading_html = heading_html
        self.block = block
        self.level = level
        self.title = title
        self.anchor = anchor
        self.links = links
        self.flags = flags

    def __repr__(self) -> str:
        if self.block is None:
            return f"<Piece h{self.level} {self.title!r}>"
        return f"<Piece {self.block.kind} {self.block.text[:40]!r} flags={self.flags}>"


def _parse(html: str) -> tuple[etree._Element, int]:
    root = etree.fromstring(f"<html><body>{html}</body></html>", _PARSER)
    error = _PARSER.error_log.last_error
    fatal = error is not None and error.level == etree.ErrorLevels.FATAL
    return root, error.type if fatal and error is not None else 0


def content_root(html: str) -> etree._Element | None:
    """
    Parse *html* (post content) and return its ``<body>``, or ``None`` if empty.

    Never raises and never drops text silently: lone surrogates (which JSON
    escapes can carry) become U+FFFD, and content nested deeper than libxml2
    allows (2,048 levels) is read as plain text.
    """
    if not html or html.isspace():
        return None
    root, fatal = _parse(html)
    if fatal == etree.ErrorTypes.ERR_INVALID_ENCODING:
        html = html.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        root, fatal = _parse(html)
    if fatal:
        text = _TAG.sub(" ", _HIDDEN.sub(" ", html))
        root, fatal = _parse(escape(unescape(text), quote=False))
    body = root.find("body")
    return body if body is not None else root


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _finish(parts: list[str | int]) -> str:
    """Join text parts, collapsing whitespace within lines; ints are line breaks."""
    out: list[str] = []
    line: list[str] = []
    pending = 0
    for part in parts:
        if isinstance(part, str):
            line.append(part)
            continue
        if line:
            text = " ".join("".join(line).split())
            line.clear()
            if text:
                if out:
                    out.append("\n\n" if pending == _PARA_BREAK else "\n")
                out.append(text)
                pending = 0
        pending = max(pending, part)
    if line:
        text = " ".join("".join(line).split())
        if text:
            if out:
                out.append("\n\n" if pending == _PARA_BREAK else "\n")
            out.append(text)
    return "".join(out)


def _collect(el: etree._Element, parts: list[str | int]) -> None:
    """Append the text of *el* (not its tail) to *parts*, with line-break markers."""
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if event == "start":
            brk = _BREAK.get(tag) if isinstance(tag, str) else None
            if brk is not None and node is not el:
                parts.append(brk)
            if tag in NO_TEXT:
                walker.skip_subtree()
            elif node.text:
                parts.append(node.text)
        elif node is not el:
            brk = _BREAK.get(tag) if isinstance(tag, str) else None
            if brk is not None and brk != _BR:
                parts.append(brk)
            if node.tail:
                parts.append(node.tail)


def text_of(el: etree._Element) -> str:
    """The plain text of *el*: entities decoded, whitespace collapsed within lines."""
    if not len(el):
        text = el.text
        return " ".join(text.split()) if text else ""
    if el.tag not in NO_TEXT and next(el.iterdescendants(*_SPECIAL), None) is None:
        return " ".join("".join(el.itertext()).split())
    parts: list[str | int] = []
    _collect(el, parts)
    return _finish(parts)


def _line_of(el: etree._Element) -> str:
    """The text of *el* on one line (for titles)."""
    return " ".join(text_of(el).split())


def _code_text(el: etree._Element) -> str:
    """The text of a ``<pre>``, whitespace kept; ``<br>`` is a newline."""
    if next(el.iterdescendants("br"), None) is None:
        text = "".join(el.itertext())
    else:
        parts: list[str] = []
        for event, node in etree.iterwalk(el, events=("start", "end")):
            if event == "start":
                if node.tag == "br":
                    parts.append("\n")
                if node.text:
                    parts.append(node.text)
            elif node is not el and node.tail:
                parts.append(node.tail)
        text = "".join(parts)
    return text.strip("\r\n")


def _serialise(el: etree._Element) -> str:
    return etree.tostring(el, encoding="unicode", method="html", with_tail=False)


def _anchor(el: etree._Element) -> str | None:
    """The id of *el*, else the first id or ``<a name>`` inside it."""
    ident = el.get("id")
    if ident:
        return ident.strip() or None
    for node in el.iterdescendants():
        ident = node.get("id") or (node.get("name") if node.tag == "a" else None)
        if ident and ident.strip():
            return ident.strip()
    return None


def _is_bold(node: etree._Element) -> bool:
    if node.tag in _BOLD:
        return True
    style = node.get("style")
    return style is not None and _FONT_BOLD.search(style) is not None


def _facts(el: etree._Element) -> int:
    """
    BOLD / ITALIC / LINKED facts of a short paragraph: which cover all its text.

    Text outside the bold that has no letter (``1.``, a dash, a colon) does not
    break BOLD: ``1. <strong>Title</strong>`` is a bold title with its number.
    """
    unbold: list[str] = []
    italic_gap = link_gap = False
    bold = italic = linked = 0
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        step = 1 if event == "start" else -1
        if _is_bold(node):
            bold += step
        if tag in _ITALIC:
            italic += step
        if tag == "a" and node.get("href") is not None:
            linked += step
        if event == "start":
            if tag in NO_TEXT:
                walker.skip_subtree()
                continue
            text = node.text
        else:
            text = node.tail if node is not el else None
        if text and not text.isspace():
            if not bold:
                unbold.append(text)
            italic_gap = italic_gap or not italic
            link_gap = link_gap or not linked
    flags = 0
    if not any(c.isalpha() for c in "".join(unbold)):
        flags |= BOLD
    if not italic_gap:
        flags |= ITALIC
    if not link_gap:
        flags |= LINKED
    return flags


def _lead(el: etree._Element, text: str) -> str | None:
    """The bold run-in phrase a paragraph opens with (``In conclusion,``), if any."""
    first = el[0]
    if first.tag not in _BOLD or (el.text and not el.text.isspace()):
        return None
    lead = _line_of(first)
    if not lead or len(lead) >= len(text):
        return None
    return lead


class _Walker:
    """The single walk over the content tree; see :func:`split_content`."""

    def __init__(self, resolver: LinkResolver) -> None:
        self.resolver = resolver
        self.pieces: list[Piece] = []
        self.links: list[Link] = []
        self.run: list[str | etree._Element] = []
        self.tails: list[str | None] = []

    # -- links and media -------------------------------------------------

    def link(self, a: etree._Element) -> Link | None:
        href = a.get("href")
        if href is None:
            return None
        text = " ".join("".join(a.itertext()).split()) if len(a) else (a.text or "")
        title = a.get("title")
        return self.resolver.link(
            href,
            text=" ".join(text.split()),
            title=title.strip() if title else None,
            rel=a.get("rel"),
        )

    def links_in(self, el: etree._Element) -> tuple[Link, ...]:
        found = [el] if el.tag == "a" else list(el.iterdescendants("a"))
        if not found:
            return ()
        out = [link for a in found if (link := self.link(a)) is not None]
        self.links.extend(out)
        return tuple(out)

    def src(self, el: etree._Element, *names: str) -> str | None:
        """The first of the attributes *names* that is set, resolved; lazy-load
        placeholders (``data:`` URLs) give way to the real source."""
        found = None
        for name in names:
            value = el.get(name)
            if value and value.strip():
                if not value.lstrip().startswith("data:"):
                    return self.resolver.resolve(value)
                found = found or value
        return found.strip() if found else None

    # -- emitting ------------------------------------------------------------

    def add(self, block: Block, flags: int = 0, anchor: str | None = None) -> None:
        self.pieces.append(Piece(block, flags=flags, anchor=anchor))

    def heading(self, el: etree._Element, level: int) -> None:
        title = _line_of(el)
        links = self.links_in(el)
        if not title:
            if next(el.iterdescendants(*_MEDIA), None) is not None:
                self.media(el, links)
            return
        self.pieces.append(
            Piece(
                None,
                level=level,
                title=title,
                anchor=_anchor(el),
                links=links,
                heading_html=_serialise(el),
            )
        )

    def paragraph(self, el: etree._Element) -> None:
        text = text_of(el)
        links = self.links_in(el)
        has_media = next(el.iterdescendants(*_MEDIA), None) is not None
        if not text:
            if has_media:
                self.media(el, links)
            return
        flags = MEDIA if has_media else 0
        lead = None
        if len(el):
            if len(text) <= _SHORT:
                flags |= _facts(el)
            if next(el.iterdescendants("br"), None) is not None:
                flags |= BREAKS
            lead = _lead(el, text)
        hint = el.get("class")
        if hint and _CAPTION_HINT.search(hint):
            flags |= CAPTION
        block = Block(
            kind=BlockKind.PARAGRAPH,
            text=text,
            html=_serialise(el),
            links=links,
            lead=lead,
        )
        self.add(block, flags, _anchor(el) if len(text) <= _SHORT else el.get("id"))

    def media(self, el: etree._Element, links: tuple[Link, ...]) -> None:
        """Emit figures/embeds for the images and players of a text-less element."""
        for node in el.iter(*_MEDIA):
            tag = node.tag
            if tag == "img":
                self.add(self.figure_block(node, node, links, "", None))
            elif tag != "picture":
                self.add(self.embed_block(node, node, links, "", None))
            links = ()

    def flush(self) -> None:
        """Turn the pending run of inline content into a paragraph (or figures)."""
        run = self.run
        if not run:
            return
        self.run = []
        if len(run) == 1 and isinstance(run[0], str):
            text = _collapse(run[0])
            if text:
                self.add(
                    Block(
                        kind=BlockKind.PARAGRAPH,
                        text=text,
                        html=escape(text, quote=False),
                    ),
                    LOOSE,
                )
            return
        parts: list[str | int] = []
        html: list[str] = []
        links: list[Link] = []
        media: list[etree._Element] = []
        for item in run:
            if isinstance(item, str):
                parts.append(item)
                html.append(escape(item, quote=False))
                continue
            tag = item.tag
            if tag == "br":
                parts.append(_BR)
            elif tag in _MEDIA:
                media.append(item)
            else:
                _collect(item, parts)
                if (
                    tag != "img"
                    and next(item.iterdescendants(*_MEDIA), None) is not None
                ):
                    media.append(item)
            html.append(_serialise(item))
            links.extend(self.links_in(item))
        text = _finish(parts)
        if not text:
            for node in media:
                self.media(node, tuple(links))
                links = []
            return
        flags = LOOSE | (BREAKS if _BR in parts else 0) | (MEDIA if media else 0)
        self.add(
            Block(
                kind=BlockKind.PARAGRAPH,
                text=text,
                html="".join(html).strip(),
                links=tuple(links),
            ),
            flags,
        )

    # -- blocks --------------------------------------------------------------

    def figure_block(
        self,
        el: etree._Element,
        img: etree._Element | None,
        links: tuple[Link, ...],
        text: str,
        caption: str | None,
    ) -> Block:
        attachment = None
        alt = None
        src = None
        if img is not None:
            src = self.src(img, "src", "data-src", "data-lazy-src", "data-orig-file")
            alt = img.get("alt")
            match = _WP_IMAGE.search(img.get("class") or "")
            if match:
                attachment = int(match.group(1))
        if attachment is None:
            for node in (el, *el.iterancestors("div", "figure")):
                match = _ATTACHMENT.match(node.get("id") or "")
                if match:
                    attachment = int(match.group(1))
                    break
        return Block(
            kind=BlockKind.FIGURE,
            text=text,
            html=_serialise(el),
            links=links,
            src=src,
            alt=alt,
            caption=caption,
            attachment_id=attachment,
        )

    def embed_block(
        self,
        el: etree._Element,
        player: etree._Element | None,
        links: tuple[Link, ...],
        text: str,
        caption: str | None,
    ) -> Block:
        src = None
        if player is not None:
            if player.tag == "object":
                src = self.src(player, "data")
            else:
                src = self.src(player, "src", "data-src", "data-lazy-src")
                if src is None:
                    source = next(player.iterdescendants("source"), None)
                    if source is not None:
                        src = self.src(source, "src")
        elif text:
            url = next(
                (w for w in text.split() if w.startswith(("http://", "https://"))), None
            )
            src = self.resolver.resolve(url) if url else None
        return Block(
            kind=BlockKind.EMBED,
            text=text,
            html=_serialise(el),
            links=links,
            src=src,
            caption=caption,
        )

    def lone_heading(self, el: etree._Element) -> bool:
        """If *el* holds nothing but one heading, emit that heading and say so."""
        found = el.iterdescendants(*HEADINGS)
        head = next(found, None)
        if head is None or next(found, None) is not None:
            return False
        title = _line_of(head)
        if not title or "".join(text_of(el).split()) != "".join(title.split()):
            return False
        if next(el.iterdescendants(*_MEDIA), None) is not None:
            return False
        anchor = _anchor(head) or el.get("id") or None
        self.pieces.append(
            Piece(
                None,
                level=_LEVEL[str(head.tag)],
                title=title,
                anchor=anchor,
                links=self.links_in(el),
                heading_html=_serialise(el),
            )
        )
        return True

    def caption_of(self, el: etree._Element) -> str | None:
        cap = next(el.iterdescendants("figcaption", "caption"), None)
        if cap is None:
            for node in el.iterdescendants("p", "div", "dd", "span"):
                if "wp-caption-text" in (node.get("class") or ""):
                    cap = node
                    break
        if cap is None:
            return None
        return _line_of(cap) or None

    def block(self, el: etree._Element, role: int) -> None:
        if role == _PARA:
            self.paragraph(el)
            return
        if role == _HEADING:
            self.heading(el, _LEVEL[str(el.tag)])
            return
        if role == _SEP:
            self.add(Block(kind=BlockKind.SEPARATOR, text="", html=_serialise(el)))
            self.links_in(el)
            return
        if (
            role in {_LIST, _QUOTE, _TABLE}
            and next(el.iterdescendants(*HEADINGS), None) is not None
            and self.lone_heading(el)
        ):
            return
        if role == _CODE:
            classes = " ".join(
                c
                for c in (
                    el.get("class"),
                    *(n.get("class") for n in el.iterdescendants("code")),
                )
                if c
            )
            match = _LANG.search(classes)
            self.add(
                Block(
                    kind=BlockKind.CODE,
                    text=_code_text(el),
                    html=_serialise(el),
                    links=self.links_in(el),
                    language=(match.group(1) or match.group(2)).lower()
                    if match
                    else None,
                )
            )
            return
        if role == _LIST:
            items = tuple(text_of(li) for li in el if li.tag in {"li", "dt", "dd"})
            flags = 0
            if len(items) == 1 and len(items[0]) <= _SHORT and len(el) == 1:
                flags = SINGLE | _facts(el[0])
            self.add(
                Block(
                    kind=BlockKind.LIST,
                    text=text_of(el),
                    html=_serialise(el),
                    links=self.links_in(el),
                    items=items,
                    ordered=el.tag == "ol",
                ),
                flags,
            )
            return
        if role == _QUOTE:
            cite = next(el.iterdescendants("cite", "footer"), None)
            self.add(
                Block(
                    kind=BlockKind.QUOTE,
                    text=text_of(el),
                    html=_serialise(el),
                    links=self.links_in(el),
                    caption=(_line_of(cite) or None) if cite is not None else None,
                )
            )
            return
        if role == _TABLE:
            self.table(el, el)
            return
        if role == _EMBED:
            self.add(self.embed_block(el, el, self.links_in(el), "", None))
            return
        if role == _FIGURE:
            self.figure(el)
            return
        self.add(
            Block(
                kind=BlockKind.OTHER,
                text=text_of(el),
                html=_serialise(el),
                links=self.links_in(el),
            )
        )

    def table(self, el: etree._Element, table: etree._Element) -> None:
        rows = tuple(
            tuple(text_of(cell) for cell in tr if cell.tag in {"td", "th"})
            for tr in table.iter("tr")
        )
        self.add(
            Block(
                kind=BlockKind.TABLE,
                text=text_of(el),
                html=_serialise(el),
                links=self.links_in(el),
                rows=rows,
                caption=self.caption_of(el),
            )
        )

    def figure(self, el: etree._Element) -> None:
        table = next(el.iterdescendants("table"), None)
        if table is not None:
            self.table(el, table)
            return
        quote = next(el.iterdescendants("blockquote"), None)
        if quote is not None:
            cite = next(el.iterdescendants("cite", "figcaption"), None)
            self.add(
                Block(
                    kind=BlockKind.QUOTE,
                    text=text_of(el),
                    html=_serialise(el),
                    links=self.links_in(el),
                    caption=(_line_of(cite) or None) if cite is not None else None,
                )
            )
            return
        players = list(
            el.iterdescendants("iframe", "video", "audio", "embed", "object")
        )
        images = list(el.iterdescendants("img"))
        text = text_of(el)
        caption = self.caption_of(el)
        if len(images) > 1 and not players:
            self.gallery(el, images)
            return
        if players or (not images and "wp-block-embed" in (el.get("class") or "")):
            self.add(
                self.embed_block(
                    el,
                    players[0] if players else None,
                    self.links_in(el),
                    text,
                    caption,
                )
            )
            return
        if images:
            self.add(self.figure_block(el, images[0], self.links_in(el), text, caption))
            return
        self.add(
            Block(
                kind=BlockKind.OTHER,
                text=text,
                html=_serialise(el),
                links=self.links_in(el),
            )
        )

    def gallery(self, el: etree._Element, images: list[etree._Element]) -> None:
        """A gallery: one figure per image, then the gallery's own caption, if any."""
        for img in images:
            holder = next(img.iterancestors("figure", "li"), el)
            if holder is el:
                holder = img
            caption = self.caption_of(holder) if holder is not img else None
            self.add(
                self.figure_block(
                    holder, img, self.links_in(holder), caption or "", caption
                )
            )
        own = [c for c in el if c.tag == "figcaption"]
        for cap in own:
            text = text_of(cap)
            if text:
                self.add(
                    Block(
                        kind=BlockKind.FIGURE,
                        text=text,
                        html=_serialise(cap),
                        links=self.links_in(cap),
                        caption=_line_of(cap),
                    )
                )

    # -- the walk -----------------------------------------------------------

    def walk(self, body: etree._Element) -> None:
        """Walk *body*'s children without recursion, emitting pieces in order."""
        if body.text:
            self.run.append(body.text)
        stack = [iter(body)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                self.flush()
                if stack:
                    parent_tail = self.tails.pop()
                    if parent_tail:
                        self.run.append(parent_tail)
                continue
            tag = child.tag
            if not isinstance(tag, str):
                if child.tail:
                    self.run.append(child.tail)
                continue
            role = _ROLE.get(tag, _INLINE)
            if role == _INLINE:
                if next(child.iterdescendants(*_BLOCK_TAGS), None) is None:
                    self.run.append(child)
                    if child.tail:
                        self.run.append(child.tail)
                    continue
                role = _TRANSPARENT
                if tag == "a":
                    link = self.link(child)
                    if link is not None:
                        self.flush()
                        self.links.append(link)
            if role == _TRANSPARENT:
                if tag == "div" and _is_caption_box(child):
                    self.flush()
                    self.figure(child)
                    if child.tail:
                        self.run.append(child.tail)
                    continue
                self.flush()
                if child.text:
                    self.run.append(child.text)
                self.tails.append(child.tail)
                stack.append(iter(child))
                continue
            self.flush()
            self.block(child, role)
            if child.tail:
                self.run.append(child.tail)
        self.flush()


def _is_caption_box(el: etree._Element) -> bool:
    cls = el.get("class")
    return (
        cls is not None
        and "wp-caption" in cls
        and next(el.iterdescendants("img"), None) is not None
    )


def _prescan_anchors(body: etree._Element) -> frozenset[str]:
    """Ids a section may carry: those of headings and paragraphs, and of their insides."""
    anchors: set[str] = set()
    for el in body.iter(*HEADINGS, "p"):
        anchor = _anchor(el)
        if anchor:
            anchors.add(anchor)
    return frozenset(anchors)


def split_content(
    html: str, page_url: str | None
) -> tuple[list[Piece], list[Link], LinkResolver]:
    """
    Parse *html* once and return its pieces, its links and the link resolver.

    The links are every ``<a href>`` of the content in document order (those in
    headings included); the resolver already knows the ``<base>`` and the
    candidate anchors, so the section stage can re-check fragment targets.
    """
    body = content_root(html)
    if body is None:
        return [], [], LinkResolver(page_url)
    etree.strip_elements(body, *STRIPPED, with_tail=False)
    base_el = next(body.iter("base"), None)
    base = base_el.get("href") if base_el is not None else None
    resolver = LinkResolver(page_url, base, _prescan_anchors(body))
    walker = _Walker(resolver)
    walker.walk(body)
    return walker.pieces, walker.links, resolver
