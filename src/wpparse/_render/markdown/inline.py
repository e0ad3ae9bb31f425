"""
Inline CommonMark: escaping, code spans, link destinations, and a paragraph builder.

The builder collects text, atoms (code spans, images, line breaks) and the
opening and closing marks of emphasis and links, then decides per pair whether
``*``/``**`` will really parse as emphasis next to its neighbours; where it
would not, it writes ``<em>``/``<strong>`` instead, so no asterisk ever shows
and no text is ever taken as markup.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, cast

__all__ = [
    "HARD_BREAK",
    "MARK_STARTS",
    "Inline",
    "code_span",
    "escape",
    "escape_heading",
    "escape_line_starts",
    "has_special",
    "heading_content",
    "link_destination",
    "link_title",
    "ws_to_space",
]

HARD_BREAK = "\\\n"

# Characters that can start markup anywhere in a line.  `>` and `|` matter only
# at a line start and in tables, `~` only doubled (GFM), but escaping them
# everywhere is cheap and keeps the rule simple.
_SPECIAL = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What would start a block at the beginning of a line: a heading, a setext
# underline or thematic break, a bullet or an ordered list item.
_LINE_START_MARK = re.compile(r"^([#=+-])", re.MULTILINE)
_LINE_START_NUMBER = re.compile(r"^(\d{1,9})([.)])", re.MULTILINE)
MARK_STARTS = frozenset("#=+-")  # what _LINE_START_MARK escapes (and "": nothing)
_HTML_SPACE = " \t\n\r\f"
_BACKTICKS = re.compile(r"`+")
_DEST_UNSAFE = re.compile(r"[\x00-\x20\x7f<>\\|`]")
_PARENS = re.compile(r"[()]")


def has_special(text: str) -> bool:
    """Whether *text* holds a character :data:`_SPECIAL` matches."""
    # Substring tests run at memchr speed; a regex search costs ten times
    # more on long text, above all on non-ASCII text.
    return (
        "\\" in text
        or "`" in text
        or "*" in text
        or "_" in text
        or "[" in text
        or "]" in text
        or "<" in text
        or ">" in text
        or "~" in text
        or "|" in text
    )


def escape(text: str) -> str:
    """Escape *text* so CommonMark shows it as it is, wherever it sits in a line."""
    # Most text has nothing to escape; and no replacement template (expanded
    # in Python for every match) when there is something.
    if has_special(text):
        parts = _SPECIAL.split(text)
        parts[1::2] = ["\\" + char for char in parts[1::2]]
        text = "".join(parts)
    if "&" in text and ";" in text:  # a reference needs both
        text = _ENTITY.sub(r"\\&", text)
    return text


def escape_line_starts(markdown: str) -> str:
    """Escape what would open a block at the start of any line of a paragraph."""
    if "\n" not in markdown:  # one line: only its first character can open a block
        first = markdown[:1]
        if first not in MARK_STARTS and not first.isdecimal():
            return markdown
    if _LINE_START_MARK.search(markdown) is not None:
        markdown = _LINE_START_MARK.sub(r"\\\1", markdown)
    if _LINE_START_NUMBER.search(markdown) is not None:
        markdown = _LINE_START_NUMBER.sub(r"\1\\\2", markdown)
    return markdown


def ws_to_space(text: str) -> str:
    """
    Replace each run of HTML whitespace in *text* with one space.

    What ``re.sub("[ \\t\\n\\r\\f]+", " ", text)`` gives, by string
    methods: the regex cost a match, and a replacement, for every space
    between two words (90 ns a character on prose).  Other white space (a
    no-break space) is text.

    >>> ws_to_space(" a \\n\\t b  ")
    ' a b '
    """
    if "\n" in text:
        text = text.replace("\n", " ")
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\r" in text:
        text = text.replace("\r", " ")
    if "\f" in text:
        text = text.replace("\f", " ")
    if "  " not in text:
        return text
    text = text.replace("  ", " ").replace("  ", " ")  # runs of up to four spaces
    if "  " not in text:
        return text
    inner = " ".join(filter(None, text.split(" ")))
    if not inner:
        return " "
    if text[0] == " ":
        inner = " " + inner
    if text[-1] == " ":
        inner += " "
    return inner


def escape_heading(text: str) -> str:
    """Escape plain *text* for the content of an ATX heading line."""
    return heading_content(escape(collapse_ws(text)))


def heading_content(markdown: str) -> str:
    """Keep a trailing ``#`` of inline *markdown* from closing an ATX heading."""
    if not markdown.endswith("#"):
        return markdown
    # String methods, not a regex: a search for "#+$" tries every "#" of a
    # long run of them, and "#" * n + "a#" made that quadratic.
    body = markdown.rstrip("#")
    run = markdown[len(body) :]
    if body.endswith("\\"):  # its first "#" is escaped already
        body, run = body + run[0], run[1:]
    return f"{body}\\{run}" if run else body


def collapse_ws(text: str) -> str:
    """Collapse runs of HTML whitespace to one space and strip the ends."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        text = ws_to_space(text)
    return text.strip(" ")


def code_span(text: str) -> str:
    """Return *text* as a code span fenced by more backticks than any run inside."""
    text = ws_to_space(text)
    if not text.strip(" "):
        return ""
    runs = _BACKTICKS.findall(text)
    fence = "`" * (max(map(len, runs)) + 1 if runs else 1)
    if text[0] in "` " or text[-1] in "` ":
        text = f" {text} "
    return f"{fence}{text}{fence}"


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def link_destination(url: str) -> str:
    r"""
    Return *url* as a link destination: spaces, brackets, pipes percent-encoded.

    An ``&`` that would start a character reference is escaped: CommonMark
    decodes references in destinations, so ``&#106;avascript:`` would
    become a live ``javascript:`` link.

    >>> link_destination("&#106;avascript:alert(1)")
    '\\&#106;avascript:alert(1)'
    """
    if _DEST_UNSAFE.search(url) is not None:
        url = _DEST_UNSAFE.sub(_percent, url)
    if "&" in url and ";" in url:
        url = _ENTITY.sub(r"\\&", url)
    if "(" not in url and ")" not in url:  # balanced, found at C speed
        return url
    depth = 0
    for char in _PARENS.findall(url):
        depth += 1 if char == "(" else -1
        if depth < 0:
            break
    if depth:
        url = url.replace("(", "%28").replace(")", "%29")
    return url


def link_title(title: str | None) -> str:
    """Return `` "title"`` for a link or image, or ``""`` when there is none."""
    if not title:
        return ""
    title = escape(collapse_ws(title)).replace('"', '\\"')
    return f' "{title}"' if title else ""


def _char_class(char: str | None) -> str:
    known = _ASCII_CLASS.get(char)
    if known is not None:
        return known
    if char is None or char.isspace():
        return "space"
    if unicodedata.category(char)[0] in "PS":
        return "punct"
    return "word"


_ASCII_CLASS: dict[str | None, str] = {}
_ASCII_CLASS.update((chr(code), _char_class(chr(code))) for code in range(128))


class Mark:
    """The opening or closing half of an emphasis or a link in an :class:`Inline`."""

    __slots__ = ("closed", "element", "html", "kind", "markdown", "opening", "partner")

    def __init__(
        self, kind: str, element: Any, markdown: str, *, opening: bool
    ) -> None:
        self.kind = kind
        self.element = element
        self.markdown = markdown
        self.opening = opening
        self.closed = False
        self.html = False
        self.partner: Mark = self


_EMPHASIS_HTML = {
    "em": ("<em>", "</em>"),
    "strong": ("<strong>", "</strong>"),
}


class Inline:
    """
    Builds one paragraph of inline Markdown.

    Whitespace is collapsed as a browser would; a space next to an emphasis
    mark moves outside it (``**In conclusion,** armed``); empty emphasis and
    empty links vanish.
    """

    __slots__ = ("emphasis", "marked", "open", "out", "space")

    def __init__(self) -> None:
        self.out: list[str | Mark] = []
        self.open: list[Mark] = []
        self.space = False
        self.marked = False  # whether a mark was ever pushed
        self.emphasis = False  # whether an emphasis mark was ever pushed

    def is_open(self, kind: str) -> bool:
        """Whether a mark of *kind* is open in this paragraph."""
        # Usually nothing is open: no generator for that.
        return bool(self.open) and any(mark.kind == kind for mark in self.open)

    def text(self, raw: str) -> None:
        """Add *raw* text (not yet escaped, not empty) as a browser would show it."""
        # Most text has nothing to collapse and nothing to escape: substring
        # tests tell, and the text is used as it is.
        # (Printable text holds none of "\t\n\r\f": one test for the usual case.)
        if "  " in raw or (
            not raw.isprintable()
            and ("\n" in raw or "\t" in raw or "\r" in raw or "\f" in raw)
        ):
            if not raw.strip(_HTML_SPACE):  # only whitespace: one space, no text
                self.space = True
                return
            text = ws_to_space(raw)
            plain = False
        else:
            text = raw
            plain = "&" not in raw and not has_special(raw)
        if text[0] == " ":
            self.space = True
            text = text[1:]
            if not text:
                return
        trailing = text[-1] == " "
        if trailing:
            text = text[:-1]
        markdown = text if plain else escape(text)
        if markdown[-1] == "!":  # "!" before a link would make it an image
            markdown = markdown[:-1] + "\\!"
        if self.space:
            self._visible(markdown)
        else:
            self.out.append(markdown)
        self.space = trailing

    def atom(self, markdown: str) -> None:
        """Add ready-made Markdown (a code span, an image) as one visible unit."""
        if markdown:
            self._visible(markdown)

    def code(self, text: str) -> None:
        """Add inline code; right after another code span it is ``<code>``, as runs would merge."""
        markdown = code_span(text)
        if not markdown:
            return
        last = self.out[-1] if self.out and not self.space else None
        if isinstance(last, str) and last.endswith("`"):
            # Only the tags are HTML: what lies between them is Markdown.
            markdown = f"<code>{escape(collapse_ws(text))}</code>"
        self._visible(markdown)

    def line_break(self) -> None:
        """Add a hard line break (``<br>``), unless nothing precedes it on its line."""
        self.space = False
        out = self.out
        index = len(out)
        while index and isinstance(out[index - 1], Mark):
            index -= 1
        if index and out[index - 1] != HARD_BREAK:
            out.append(HARD_BREAK)

    def _visible(self, markdown: str) -> None:
        out = self.out
        if self.space:
            self.space = False
            index = len(out)
            while index and isinstance(out[index - 1], Mark) and out[index - 1].opening:  # type: ignore[union-attr]
                index -= 1
            if index and out[index - 1] != HARD_BREAK:
                out.insert(index, " ")
        out.append(markdown)

    def push(self, kind: str, element: Any, opening: str, closing: str) -> None:
        """Open a mark of *kind* for *element*; *closing* is written when it closes."""
        mark = Mark(kind, element, opening, opening=True)
        mark.partner = Mark(kind, element, closing, opening=False)
        mark.partner.partner = mark
        self.out.append(mark)
        self.open.append(mark)
        self.marked = True
        if kind != "link":
            self.emphasis = True

    def pop(self, element: Any) -> None:
        """Close the mark opened for *element*, if it is the innermost one open here."""
        if not self.open or self.open[-1].element is not element:
            return
        mark = self.open.pop()
        if self.out and self.out[-1] is mark:
            self.out.pop()
            return
        closing = mark.partner
        mark.closed = closing.closed = True
        self.out.append(closing)

    def finish(self) -> str:
        """Return the paragraph's Markdown (empty if it shows nothing)."""
        out = self.out
        index = len(out)
        while index:
            token = out[index - 1]
            if isinstance(token, Mark):
                index -= 1
            elif token == HARD_BREAK or not token.strip():  # or only (nbsp) spaces
                del out[index - 1]
                index -= 1
            else:
                break
        else:  # no text left (pieces of text are never empty)
            return ""
        if not self.marked:
            return "".join(cast("list[str]", out))
        if not self.emphasis:  # links only: no flanking rules to apply
            return "".join(
                [
                    (token.markdown if token.closed else "")
                    if isinstance(token, Mark)
                    else token
                    for token in out
                ]
            )
        parts: list[str] = []
        for i, token in enumerate(out):
            if isinstance(token, str):
                parts.append(token)
                continue
            if not token.closed:
                continue
            if token.kind == "link":
                parts.append(token.markdown)
                continue
            partner = token.partner
            if token.opening:
                token.html = not (
                    _fits(out, i, opening=True)
                    and _fits(out, out.index(partner, i + 1), opening=False)
                )
                html = token.html
            else:
                html = partner.html
            if html:
                tags = _EMPHASIS_HTML[token.kind]
                parts.append(tags[0] if token.opening else tags[1])
            else:
                parts.append(token.markdown)
        return "".join(parts)


def _fits(out: list[str | Mark], index: int, *, opening: bool) -> bool:
    """Whether ``*``/``**`` parse as emphasis at *index* (CommonMark flanking rules)."""
    before = _edge(out[index - 1], last=True) if index else None
    after = _edge(out[index + 1], last=False) if index + 1 < len(out) else None
    if before == "*" or after == "*":
        return False
    inside, outside = (after, before) if opening else (before, after)
    if inside is None or inside == "\\":
        return False
    if (_ASCII_CLASS.get(inside) or _char_class(inside)) == "space":
        return False
    if outside == "\\":
        return False
    return (_ASCII_CLASS.get(outside) or _char_class(outside)) != "word"


def _edge(token: str | Mark, *, last: bool) -> str | None:
    """The character of *token* next to a mark: an emphasis mark counts as ``*``."""
    if isinstance(token, Mark):
        if not token.closed or token.kind != "link":
            return "*"
        text = token.markdown
    else:
        text = token
    if not text:
        return None
    return text[-1] if last else text[0]
