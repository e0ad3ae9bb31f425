"""
The block serialization parser of WordPress, in Python.

A port of the algorithm of ``@wordpress/block-serialization-default-parser``
(Gutenberg's ``packages/block-serialization-default-parser/src/index.js``) and
of its PHP twin ``WP_Block_Parser`` (``wp-includes/class-wp-block-parser.php``),
which ``parse_blocks()`` runs.  Both read block delimiters, HTML comments such as
``<!-- wp:paragraph {"align":"right"} -->``, with one regular expression; that
expression backtracks badly on hostile input (a ``{`` that never closes makes it
try every later ``}``).  Here the same tokens are found with a scan that looks
at each character a bounded number of times:

* a delimiter starts at ``<!--``, found with :meth:`str.find`;
* its head (``<!-- /wp:namespace/name``) is matched with possessive quantifiers;
* the attributes run from ``{`` to the first ``}`` that a run of whitespace,
  an optional ``/`` and ``-->`` follow, which is what both references' regular
  expressions accept (the JavaScript one through a lazy ``[^]*?`` fallback, the
  PHP one through a possessive group that stops exactly there).  That position
  only moves forward, so it is searched for once and remembered.

The tree is built with an explicit stack, as the references build it: no
recursion, whatever the depth.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

import attrs
from attrs import field

from wpparse._model.editor import ParsedBlock

__all__ = ["ParsedBlock", "parse_blocks"]

# ECMAScript's \s: the JavaScript reference reads delimiters with it.
_JS_SPACE: Final = (
    "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
# PCRE's \s without the u flag, as PHP's WP_Block_Parser reads delimiters.
_PHP_SPACE: Final = "\t\n\v\f\r "


def _tokenizer(space: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """
    Return the two patterns of a tokenizer for the whitespace class *space*.

    A delimiter up to its end or to the ``{`` of its attributes (groups: the
    closer's ``/``, the namespace, the name, the void ``/``, the ``{``), and
    the end of attributes.  Every quantifier is possessive: what follows each
    one cannot start with what it repeats, so giving characters back never
    helps, and a search tries each ``<!--`` once.
    """
    head = re.compile(
        rf"<!--[{space}]++(/)?+wp:([a-z][a-z0-9_-]*+/)?([a-z][a-z0-9_-]*+)[{space}]++"
        r"(?:(/)?-->|(\{))"
    )
    # Group 1 is the attributes' tail: the references hand their JSON decoder
    # the whitespace after the closing brace too (JSON refuses "\v" there).
    attrs_end = re.compile(rf"(\}}[{space}]++)(/)?-->")
    return head, attrs_end


_JS_TOKENIZER: Final = _tokenizer(_JS_SPACE)
_PHP_TOKENIZER: Final = _tokenizer(_PHP_SPACE)


def _reject_constant(name: str) -> Any:
    """JSON.parse and json_decode refuse ``NaN`` and ``Infinity``; so does this."""
    raise ValueError(name)


def _parse_int(digits: str) -> int | float:
    """A JSON integer; one too long for :class:`int` is a float, as in JavaScript."""
    return int(digits) if len(digits) <= _INT_DIGITS else float(digits)


_INT_DIGITS: Final = 4000  # under Python's default limit of 4300 digits
_DECODER: Final = json.JSONDecoder(parse_constant=_reject_constant)
# Only for text the plain decoder refused: an integer too long for int().
_LONG_INT_DECODER: Final = json.JSONDecoder(
    parse_constant=_reject_constant, parse_int=_parse_int
)


def _parse_attrs(text: str) -> dict[str, Any] | None:
    """
    Decode a delimiter's attributes as the references do: ``None`` when not JSON.

    JSON nested deeper than Python's recursion limit also gives ``None`` (PHP's
    ``json_decode`` gives null past 512 levels).
    """
    try:
        value = _DECODER.decode(text)
    except RecursionError:
        return None
    except ValueError:
        try:
            value = _LONG_INT_DECODER.decode(text)
        except (ValueError, RecursionError):
            return None
    # The text starts with "{" and ends with "}": valid JSON there is an object.
    return value if isinstance(value, dict) else None


# The kinds of token, as the references name them.
_OPENER: Final = 0
_CLOSER: Final = 1
_VOID: Final = 2


@attrs.define
class _Frame:
    """A block being read: what the references call a frame, mutable until closed."""

    name: str
    attrs: dict[str, Any] | None
    token_start: int
    token_length: int
    prev_offset: int
    leading_html_start: int | None
    inner_blocks: list[ParsedBlock] = field(factory=list)
    inner_content: list[str | None] = field(factory=list)

    def close(self, rest: tuple[str, int] | None = None) -> ParsedBlock:
        return ParsedBlock(
            name=self.name,
            attrs=self.attrs,
            inner_blocks=tuple(self.inner_blocks),
            inner_content=tuple(self.inner_content),
            _rest=rest,
        )


class _Parser:
    """
    One run of the default parser over one document.

    The methods mirror the JavaScript reference's functions (``proceed``,
    ``nextToken``, ``addFreeform``, ``addInnerBlock``, ``addBlockFromStack``),
    so that the port can be read side by side with it.
    """

    def __init__(self, document: str, *, php: bool) -> None:
        self.document = document
        self.php = php
        self.head, self.attrs_end = _PHP_TOKENIZER if php else _JS_TOKENIZER
        self.offset = 0
        self.output: list[ParsedBlock] = []
        self.stack: list[_Frame] = []
        # Where the tokenizer resumes (the reference's `lastIndex`).
        self.scan = 0
        # The end of attributes found last: (searched from, "}" position or -1).
        self.attrs_from = -1
        self.attrs_found = -1
        self.attrs_match: re.Match[str] | None = None

    def parse(self) -> list[ParsedBlock]:
        while self.proceed():
            pass
        return self.output

    def nonempty(self, html: str) -> bool:
        # PHP's `! empty( $html )` is also false for "0"; JavaScript's `if ( html )` is not.
        return bool(html) and not (self.php and html == "0")

    def proceed(self) -> bool:
        stack_depth = len(self.stack)
        token = self.next_token()
        if token is None:
            if stack_depth == 0:
                self.add_freeform()
                return False
            # An implicit closer for every open block, innermost first.
            while self.stack:
                self.add_block_from_stack(None)
            return False
        kind, name, block_attrs, start, length = token
        leading_html_start = self.offset if start > self.offset else None
        end = start + length
        if kind == _VOID:
            block = ParsedBlock(name=name, attrs=block_attrs)
            if stack_depth == 0:
                if leading_html_start is not None:
                    self.output.append(
                        _freeform(self.document[leading_html_start:start])
                    )
                self.output.append(block)
            else:
                self.add_inner_block(block, start, length, None)
            self.offset = end
            return True
        if kind == _OPENER:
            self.stack.append(
                _Frame(name, block_attrs, start, length, end, leading_html_start)
            )
            self.offset = end
            return True
        # A closer.  With nothing open, the rest of the document is freeform.
        if stack_depth == 0:
            self.add_freeform()
            return False
        if stack_depth == 1:
            self.add_block_from_stack(start)
            self.offset = end
            return True
        # Closing a nested block: its HTML is kept even when empty, as in both references.
        top = self.stack.pop()
        html = self.document[top.prev_offset : start]
        top.inner_content.append(html)
        top.prev_offset = end
        self.add_inner_block(top.close(), top.token_start, top.token_length, end)
        self.offset = end
        return True

    def next_token(
        self,
    ) -> tuple[int, str, dict[str, Any] | None, int, int] | None:
        document = self.document
        search = self.head.search
        head = search(document, self.scan)
        while head is not None:
            start = head.start()
            attrs_text = None
            if head.group(5) is None:
                void, stop = head.group(4), head.end()
            else:
                close = self.find_attrs_end(head.end())
                if close is None:
                    # Not a delimiter after all: look again from the next character.
                    head = search(document, start + 1)
                    continue
                attrs_text = document[head.start(5) : close.end(1)]
                void, stop = close.group(2), close.end()
            self.scan = stop
            namespace = head.group(2) or "core/"
            name = namespace + head.group(3)
            length = stop - start
            if void:
                attrs_value = {} if attrs_text is None else _parse_attrs(attrs_text)
                return _VOID, name, attrs_value, start, length
            if head.group(1):
                return _CLOSER, name, None, start, length
            attrs_value = {} if attrs_text is None else _parse_attrs(attrs_text)
            return _OPENER, name, attrs_value, start, length
        self.scan = len(document)
        return None

    def find_attrs_end(self, position: int) -> re.Match[str] | None:
        """
        The first ``}`` at or after *position* that closes a delimiter's attributes.

        Searches only when the last answer cannot serve: positions only grow,
        so every character is searched over once in all.
        """
        if (
            self.attrs_from != -1
            and position >= self.attrs_from
            and (self.attrs_found == -1 or position <= self.attrs_found)
        ):
            return self.attrs_match
        match = self.attrs_end.search(self.document, position)
        self.attrs_from = position
        self.attrs_match = match
        self.attrs_found = -1 if match is None else match.start()
        return match

    def add_freeform(self) -> None:
        if len(self.document) > self.offset:
            self.output.append(_freeform(self.document[self.offset :]))

    def add_inner_block(
        self,
        block: ParsedBlock,
        token_start: int,
        token_length: int,
        last_offset: int | None,
    ) -> None:
        parent = self.stack[-1]
        parent.inner_blocks.append(block)
        html = self.document[parent.prev_offset : token_start]
        if self.nonempty(html):
            parent.inner_content.append(html)
        parent.inner_content.append(None)
        parent.prev_offset = (
            last_offset if last_offset is not None else token_start + token_length
        )

    def add_block_from_stack(self, end_offset: int | None) -> None:
        top = self.stack.pop()
        rest = None
        if end_offset is not None:
            html = self.document[top.prev_offset : end_offset]
            if self.nonempty(html):
                top.inner_content.append(html)
        elif self.nonempty(self.document[top.prev_offset : top.prev_offset + 2]):
            # The rest of the document, cut when read (and "0" only in PHP).
            rest = (self.document, top.prev_offset)
        if top.leading_html_start is not None:
            self.output.append(
                _freeform(self.document[top.leading_html_start : top.token_start])
            )
        self.output.append(top.close(rest))


def _freeform(html: str) -> ParsedBlock:
    return ParsedBlock(name=None, attrs={}, inner_content=(html,))


def parse_blocks(raw: str) -> tuple[ParsedBlock, ...]:
    """
    Parse serialized blocks (a post's ``content.raw``) into their tree.

    The same tree, in the same order, as WordPress's ``parse_blocks()`` and the
    block editor's ``@wordpress/block-serialization-default-parser``: void
    blocks (``<!-- wp:spacer /-->``), namespaced names (``wp:paragraph`` is
    ``core/paragraph``), nested blocks, attributes with escaped characters,
    unclosed and mismatched delimiters, and the freeform HTML between blocks,
    whose :attr:`~ParsedBlock.name` is ``None``.  It never raises on any string,
    and its time grows linearly with the input's length.

    ``content.raw`` is in responses requested with ``context=edit``;
    ``content.rendered`` has no delimiters left, so it parses as one freeform block.

    >>> import wpparse
    >>> blocks = wpparse.parse_blocks(
    ...     '<!-- wp:heading {"level":3} --><h3>Tea</h3><!-- /wp:heading -->\\n'
    ...     "<!-- wp:my-plugin/rating {\\"stars\\":4} /-->"
    ... )
    >>> [(block.name, block.attrs) for block in blocks]
    [('core/heading', {'level': 3}), (None, {}), ('my-plugin/rating', {'stars': 4})]
    >>> blocks[1].inner_html
    '\\n'

    Where the two references differ, this follows the JavaScript one (see
    :doc:`/editor`).

    Args:
        raw: The serialized post content.

    Returns:
        The top-level blocks, freeform runs included.

    .. versionadded:: 0.1.0
    """
    return tuple(_Parser(raw, php=False).parse())


def _parse_blocks_php(raw: str) -> tuple[ParsedBlock, ...]:
    """
    Parse as PHP's ``WP_Block_Parser`` does, where it differs from the JavaScript one.

    It reads only ASCII whitespace in delimiters, and it drops HTML that is
    exactly ``"0"`` (PHP's ``empty("0")``).  For the differential tests.
    """
    return tuple(_Parser(raw, php=True).parse())
