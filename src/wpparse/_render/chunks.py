"""
Split a :class:`~wpparse.Post` into chunks for search indexes and language models.

Chunks follow the article's sections: a chunk never spans two sections, so it
has one heading trail.  Inside a section, whole blocks are packed together up
to the size limit; a block too long for one chunk is split between sentences,
and only a sentence longer than the limit is split between words (or, for a
word longer than the limit, anywhere).

Every chunk's :attr:`~Chunk.text` is a slice of :attr:`Post.text
<wpparse.Post.text>` (``post.text[chunk.start:chunk.end]``), chunks come in
order, and only whitespace lies between one chunk and the next, so nothing of
the post's text is lost or repeated (unless ``alt_text=False`` leaves out the
marked alt text of captionless images).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from itertools import chain

import attrs

from wpparse._html.vocabulary import is_image_text
from wpparse._model.content import BlockKind, Chunk, Link, Section
from wpparse._model.post import Post

__all__ = ["chunks"]

# A sentence ends at . ! ? … (or their CJK forms), perhaps followed by closing
# quotes or brackets, then whitespace and something that is not lower case.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*(\s+)(?=[^\s])")
_SPACE = re.compile(r"\s+")


@attrs.frozen
class _Piece:
    """A span of the post's text that stays whole, and the section it belongs to."""

    start: int
    end: int
    section: int
    heading: bool = False
    links: tuple[Link, ...] = ()
    image: bool = False
    """A captionless image's marked alt text (``[Image: A cat]``)."""


Trails = list[tuple[tuple[str, ...], str | None]]


def chunks(
    post: Post,
    max_chars: int = 1000,
    *,
    length: Callable[[str], int] = len,
    alt_text: bool = True,
) -> list[Chunk]:
    """
    Split *post* into chunks of at most *max_chars*, following its sections.

    Args:
        post: The post to split.
        max_chars: The largest chunk, measured by *length*.
        length: How to measure a text: ``len`` (characters) by default, or a
            token counter (``lambda s: len(encoding.encode(s))``) to cut by
            tokens.
        alt_text: Keep the alt text of images without a caption, marked as
            the image's (``[Image: A cat]``), as :attr:`Post.text
            <wpparse.Post.text>` has it.  ``False`` leaves it out: a chunk
            then ends before such an image and the next starts after it.

    A chunk never spans two sections; a section heading goes with the first
    chunk of its section (a heading directly followed by a sub-section goes with
    the sub-section's first chunk).  Blocks are kept whole when they fit,
    otherwise split between sentences; only a sentence longer than
    *max_chars* is split inside.

    Raises:
        ValueError: if *max_chars* is less than 1.

    .. versionadded:: 0.1.0
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    text = post.text
    trails: Trails = []
    measure = _measure(text, length)
    pieces = list(_pieces(post, text, trails, max_chars, measure))
    out: list[Chunk] = []
    current: list[_Piece] = []

    def emit() -> None:
        first, last = current[0], current[-1]
        headings, anchor = trails[last.section]
        out.append(
            Chunk(
                text=text[first.start : last.end],
                headings=headings,
                post_id=post.id,
                link=post.link,
                anchor=anchor,
                links=tuple(chain.from_iterable(piece.links for piece in current)),
                start=first.start,
                end=last.end,
                index=len(out),
                title=post.title,
            )
        )
        current.clear()

    for piece in pieces:
        if piece.image and not alt_text:
            if current:  # a chunk is one slice of the text: it ends here
                emit()
            continue
        if current and (
            not _same_chunk(current, piece, trails)
            or measure(current[0].start, piece.end) > max_chars
        ):
            emit()
        current.append(piece)
    if current:
        emit()
    return out


Measure = Callable[[int, int], int]


def _measure(text: str, length: Callable[[str], int]) -> Measure:
    """Return a function giving the length of ``text[start:end]``, cheaply for ``len``."""
    if length is len:
        return lambda start, end: end - start
    return lambda start, end: length(text[start:end])


def _same_chunk(current: list[_Piece], piece: _Piece, trails: Trails) -> bool:
    """Whether *piece* may join the chunk being built (same section, or its heading)."""
    last = current[-1].section
    if piece.section == last:
        return True
    # Headings alone (sections with no blocks of their own) join the first
    # chunk of the sub-section that follows, whose trail extends theirs.
    inner, outer = trails[piece.section][0], trails[last][0]
    return (
        all(p.heading for p in current)
        and len(inner) > len(outer)
        and inner[: len(outer)] == outer
    )


def _pieces(
    post: Post,
    text: str,
    trails: Trails,
    max_chars: int,
    measure: Measure,
) -> Iterator[_Piece]:
    """Yield the spans of *text* that stay whole, section by section."""
    cursor = 0
    stack: list[tuple[Section, tuple[str, ...]]] = [
        (section, ()) for section in reversed(post.sections)
    ]
    while stack:
        section, parents = stack.pop()
        trail = (*parents, section.title) if section.title else parents
        stack.extend((child, trail) for child in reversed(section.children))
        trails.append((trail, section.anchor))
        number = len(trails) - 1
        if section.title:
            start = text.find(section.title, cursor)
            if start >= 0:
                cursor = start + len(section.title)
                for s_start, s_end in _split(text, start, cursor, max_chars, measure):
                    yield _Piece(s_start, s_end, number, heading=True)
        for block in section.blocks:
            if not block.text:
                continue
            start = text.find(block.text, cursor)
            if start < 0:
                continue
            cursor = start + len(block.text)
            positions = _link_positions(block.text, start, block.links)
            image = block.kind is BlockKind.FIGURE and is_image_text(
                block.text, block.alt
            )
            for s_start, s_end in _split(text, start, cursor, max_chars, measure):
                first = bisect_left(positions, s_start)
                last = bisect_left(positions, s_end, first)
                links = block.links[first:last]
                yield _Piece(s_start, s_end, number, links=links, image=image)


def _link_positions(block_text: str, offset: int, links: tuple[Link, ...]) -> list[int]:
    """
    Return where each link of a block sits in the post's text, in the links' order.

    Only integers: a pair per link would be a container object per link for
    the garbage collector to scan, which made a post with 100,000 links grow
    faster than linearly.
    """
    out: list[int] = []
    cursor = 0
    for link in links:
        found = block_text.find(link.text, cursor) if link.text else -1
        if found >= 0:
            cursor = found + len(link.text)
            out.append(offset + found)
        else:
            out.append(offset + cursor)
    return out


def _split(
    text: str, start: int, end: int, max_chars: int, measure: Measure
) -> Iterator[tuple[int, int]]:
    """Yield *text[start:end]* whole if it fits, else in sentences, words, or slices."""
    if measure(start, end) <= max_chars:
        yield start, end
        return
    for s_start, s_end in _sentences(text, start, end):
        if measure(s_start, s_end) <= max_chars:
            yield s_start, s_end
        else:
            yield from _words(text, s_start, s_end, max_chars, measure)


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split *text[start:end]* between sentences (the next one must not start in lower case)."""
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        gap_start, gap_end = match.span(1)
        if gap_end >= end or text[gap_end].islower():
            continue
        yield position, gap_start
        position = gap_end
    yield position, end


def _words(
    text: str, start: int, end: int, max_chars: int, measure: Measure
) -> Iterator[tuple[int, int]]:
    """Split a sentence longer than the limit between words, or a word anywhere."""
    position = start
    while position < end:
        if measure(position, end) <= max_chars:
            yield position, end
            return
        best = None
        for match in _SPACE.finditer(text, position + 1, end):
            if measure(position, match.start()) > max_chars:
                break
            best = match
        if best is not None:
            yield position, best.start()
            position = best.end()
            continue
        gap = _SPACE.search(text, position, end)
        word_end = gap.start() if gap else end
        yield from _slices(position, word_end, max_chars, measure)
        position = gap.end() if gap else end


def _slices(
    start: int, end: int, max_chars: int, measure: Measure
) -> Iterator[tuple[int, int]]:
    """Cut a word longer than the limit into the longest slices that fit."""
    position = start
    while position < end:
        size = min(max_chars, end - position)
        while size > 1 and measure(position, position + size) > max_chars:
            size -= 1
        yield position, position + size
        position += size
