"""
The HTML of one content's blocks and headings, serialised on first read.

Most programs read a post's text, sections and links, never
:attr:`Block.html <wpparse.Block.html>`: serialising every block as it is
walked cost a fifth of the walk.  The walk records instead what each block's
HTML is made from (its element, a plain paragraph's text, a run of loose
inline content) in one :class:`LaterHtml` per content, and gives the block a
:class:`functools.partial` in its place; the model calls it on first read
(see :mod:`wpparse._model.content`).

The first read of any block or heading of a content serialises all of them
at once, and the recorded sources go: the lxml tree is kept alive until
then, and no longer.  (Per block, a block never read would keep the whole
tree alive for the blocks that are.)  The tree is not changed after the walk,
so what is serialised later is what would have been serialised then.

A tree takes about six times its content's size.  A program that keeps
many posts and never reads their HTML would keep all their trees: only the
most recent contents (:data:`WAITING_CONTENTS`, :data:`WAITING_CHARS`) wait
unread; when more are kept, the oldest are serialised and their trees go
(:meth:`LaterHtml.wait`).  Posts read one at a time and dropped never reach
that bound, and cost no serialisation at all.
"""

from __future__ import annotations

import threading
import weakref
from collections import deque
from functools import partial
from html import escape
from typing import Final

from lxml import etree

from wpparse._content.vocabulary import serialise

__all__ = ["WAITING_CHARS", "WAITING_CONTENTS", "LaterHtml"]

WAITING_CONTENTS: Final = 256
"""At most this many contents kept alive keep their trees, unread."""
WAITING_CHARS: Final = 1 << 22
"""At most this many characters of content kept alive keep their trees, unread."""

# The contents walked most recently, oldest first, with their sizes: weak
# references, so that a post dropped takes its tree with it.
_waiting: deque[tuple[weakref.ref[LaterHtml], int]] = deque()
_waiting_chars = 0
_waiting_lock = threading.Lock()


class LaterHtml:
    """The HTML of one content's blocks, serialised together on first read."""

    __slots__ = ("__weakref__", "sources", "strings")

    def __init__(self) -> None:
        # What each HTML is made from: a string is a plain paragraph's text
        # (``<p>`` around it, escaped); a list, a run of loose inline content
        # (text escaped, elements serialised, joined and stripped); an
        # element, itself.
        self.sources: list[str | list[str | etree._Element] | etree._Element] | None
        self.sources = []
        self.strings: list[str] | None = None

    def of(
        self, source: str | list[str | etree._Element] | etree._Element
    ) -> partial[str]:
        """
        What gives the HTML of *source* on first read: an element (without
        its tail); the text of a ``<p>`` without attributes or children (a
        string); or a run of loose inline content (a list, not changed after).
        """
        sources = self.sources
        if sources is None:  # pragma: no cover - the walk records before any read
            msg = "the content's HTML was serialised already"
            raise RuntimeError(msg)
        sources.append(source)
        return partial(_html, self, len(sources) - 1)

    def wait(self, chars: int) -> None:
        """
        Let the tree wait for a first read, the walk of it (*chars* of
        content) done; serialise the oldest contents waiting beyond the bound.
        """
        global _waiting_chars  # noqa: PLW0603 - one queue for the process
        if not self.sources:
            return
        due: list[LaterHtml] = []
        with _waiting_lock:
            _waiting.append((weakref.ref(self), chars))
            _waiting_chars += chars
            while len(_waiting) > 1 and (
                len(_waiting) > WAITING_CONTENTS or _waiting_chars > WAITING_CHARS
            ):
                ref, size = _waiting.popleft()
                _waiting_chars -= size
                old = ref()
                if old is not None and old.sources is not None:
                    due.append(old)
        for old in due:  # outside the lock: serialising takes a while
            _serialise_all(old)


def _html(later: LaterHtml, index: int) -> str:
    """The HTML of *later*'s *index*-th source, all of them serialised on first call."""
    strings = later.strings
    if strings is None:
        strings = _serialise_all(later)
    return strings[index]


def _serialise_all(later: LaterHtml) -> list[str]:
    """
    Serialise every source of *later* and let them go (and the tree with them).

    Two threads may both get here: each makes the same strings.
    """
    sources = later.sources
    if sources is None:  # pragma: no cover - another thread has just done it
        return later.strings or []
    strings = [_serialised(source) for source in sources]
    later.strings = strings  # before the sources go: see the check above
    later.sources = None
    return strings


def _serialised(source: str | list[str | etree._Element] | etree._Element) -> str:
    if isinstance(source, str):
        # What lxml would serialise, built without a call into it.
        return f"<p>{escape(source, quote=False)}</p>"
    if isinstance(source, list):
        return "".join(
            escape(item, quote=False) if isinstance(item, str) else serialise(item)
            for item in source
        ).strip()
    return serialise(source)
