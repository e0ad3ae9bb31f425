"""
Shortcodes left unrendered in a post's content, found with WordPress's own syntax.

WordPress expands ``[gallery ids="1,2"]`` only for names a plugin registered;
when the plugin is gone (or a page builder's content is served raw), the tags
stay in ``content.rendered``: ``[vc_row][vc_column]...[/vc_column][/vc_row]``.
This module finds them the way ``do_shortcode()`` would (``get_shortcode_regex()``
and ``shortcode_parse_atts()`` in ``wp-includes/shortcodes.php``) and strips them
while keeping the text they enclose.

WordPress knows its registry; a reader of the JSON does not.  So the registry
is guessed per document (:mod:`~wpparse._editor.shortcode_names`): a name counts as a shortcode when it
is a known one (WordPress's own, popular plugins' and page builders'), or when
the document itself shows it used as one (an attribute ``key=value``, or a
closing tag ``[/name]``).  Prose brackets (``[1]``, ``[sic]``,
``[the report]``, ``[…]``) show neither.  The rule's precision on the corpus is
measured in ``tests/test_editor_shortcodes.py`` and reported in ``docs/editor.md``.

Everything here is linear in the length of the text: each ``[`` is looked at
once, a tag's end and a pair's closing tag are found through indexes built in
one pass, never by scanning ahead again for every tag.

Text in, :class:`Shortcode` objects, or the text without its tags out.  The steps
before the matching have modules of their own:
:mod:`~wpparse._editor.shortcode_tags` (where the text is, and the
tag-shaped ``[...]`` in it), :mod:`~wpparse._editor.shortcode_names` (the
registry guess) and :mod:`~wpparse._editor.shortcode_attributes`
(``shortcode_parse_atts()``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from typing import Final, Literal

import attrs

from wpparse._editor.shortcode_attributes import parse_attributes
from wpparse._editor.shortcode_names import may_register, registry
from wpparse._editor.shortcode_tags import Tag, tags_in, text_runs
from wpparse._model.build import builder
from wpparse._model.deferred import Deferred
from wpparse._model.editor import Shortcode

__all__ = [
    "Shortcode",
    "ShortcodeMode",
    "check_mode",
    "find_shortcodes",
    "scan_shortcodes",
    "strip_shortcodes",
]

ShortcodeMode = Literal["strip", "keep"]
"""What :func:`wpparse.parse_post` does with shortcode tags: see its *shortcodes*."""
_MODES: Final = ("strip", "keep")


def check_mode(mode: str) -> None:
    """Raise :class:`ValueError` unless *mode* is a :data:`ShortcodeMode`."""
    if mode not in _MODES:
        msg = f"shortcodes must be one of {', '.join(map(repr, _MODES))}, got {mode!r}"
        raise ValueError(msg)


@attrs.frozen
class _Found:
    """What a scan found: the shortcodes, and the spans to cut out of the text."""

    shortcodes: tuple[Shortcode, ...]
    cuts: tuple[tuple[int, int, str], ...]
    """(start, end, replacement): tags to remove, escapes to unwrap."""


# What a scan of a text without shortcodes finds (most texts): made once.
_NOTHING: Final = _Found((), ())

# Shortcode(...), its attributes deferred (see _scan), built by slot stores.
_new_shortcode: Final = builder(Shortcode)

# Where a tag could start; most contents have none, and are done in one C-level search.
_CANDIDATE: Final = re.compile(r"\[/?[A-Za-z_]")


def _scan(source: str, *, attributes: bool = True) -> _Found:
    """Match the tags as ``do_shortcode()`` would; *attributes* says whether to build :class:`Shortcode`\\ s."""
    # A substring test first: memchr speed, where sre's scan for the "[" costs
    # 30 times more on a long content without any (most contents).
    start = source.find("[")
    if (
        start < 0
        or _CANDIDATE.search(source, start) is None
        or not may_register(source)
    ):
        return _NOTHING
    runs = text_runs(source)
    tags = tags_in(source, runs)
    registered = registry(tags)
    if not registered:
        return _NOTHING
    closers, closer_at = _closer_index(tags, registered)
    shortcodes: list[Shortcode] = []
    cuts: list[tuple[int, int, str]] = []
    used_closers: set[int] = set()
    # The enclosing pairs being read: (end of their content, ...), innermost last.
    regions: list[int] = [len(source)]
    resume = 0
    for tag in tags:
        while tag.start >= regions[-1]:
            resume = max(resume, _closer_end(closer_at, regions.pop()))
        if tag.start < resume or tag.name not in registered:
            continue
        if tag.closing:
            if tag.start not in used_closers:
                cuts.append(
                    (tag.start, tag.end, "")
                )  # a closing tag without its opener
            continue
        escaped_open = tag.start > 0 and source[tag.start - 1] == "["
        close = None
        if not tag.self_closing:
            candidates = closers.get(tag.name, [])
            index = bisect.bisect_left(candidates, tag.end)
            if (
                index < len(candidates)
                and closer_at[candidates[index]].end <= regions[-1]
            ):
                close = closer_at[candidates[index]]
        end = close.end if close is not None else tag.end
        if (
            escaped_open
            and source.startswith("]", end)
            and not _inside_cut(cuts, tag.start - 1)
        ):
            # [[name]] shows "[name]": WordPress's escape, not a shortcode.
            cuts.append((tag.start - 1, tag.start, ""))
            cuts.append((end, end + 1, ""))
            resume = end + 1
            if close is not None:
                used_closers.add(close.start)
            continue
        if attributes:
            # Read on first use (most programs never look): both fields from
            # one reading of the tag's text.
            parsed = Deferred(parse_attributes, tag.atts_text)
            content = source[tag.end : close.start] if close is not None else None
            shortcodes.append(
                _new_shortcode(
                    name=tag.name,
                    attrs=Deferred(_named, parsed),
                    positional=Deferred(_positional, parsed),
                    start=tag.start,
                    end=end,
                    content=content,
                )
            )
        cuts.append((tag.start, tag.end, ""))
        if close is not None:
            used_closers.add(close.start)
            cuts.append((close.start, close.end, ""))
            regions.append(close.start)
        else:
            resume = tag.end
    cuts.sort()
    return _Found(tuple(shortcodes), tuple(cuts))


def _named(parsed: Deferred) -> Mapping[str, str]:
    named: Mapping[str, str] = parsed.get()[0]
    return named


def _positional(parsed: Deferred) -> tuple[str, ...]:
    positional: tuple[str, ...] = parsed.get()[1]
    return positional


def _closer_index(
    tags: Iterable[Tag], registered: set[str]
) -> tuple[dict[str, list[int]], dict[int, Tag]]:
    """Where each name's closing tags are, to find a pair's end by bisection."""
    closers: dict[str, list[int]] = {}
    closer_at: dict[int, Tag] = {}
    for tag in tags:
        if tag.closing and tag.name in registered:
            closers.setdefault(tag.name, []).append(tag.start)
            closer_at[tag.start] = tag
    return closers, closer_at


def _closer_end(closer_at: Mapping[int, Tag], region_end: int) -> int:
    closer = closer_at.get(region_end)
    return closer.end if closer is not None else region_end


def _inside_cut(cuts: list[tuple[int, int, str]], position: int) -> bool:
    return bool(cuts) and cuts[-1][0] <= position < cuts[-1][1]


def find_shortcodes(source: str) -> tuple[Shortcode, ...]:
    """
    Find the unrendered shortcodes in *source* (a post's ``content.rendered``).

    In document order, pairs before what they enclose; a tag inside
    ``<script>``, ``<style>``, ``<pre>``, ``<code>``, a comment or a tag's
    attributes is not one.  Which names count is guessed from the document
    (see :doc:`/editor`): prose brackets such as ``[1]``, ``[sic]`` and
    ``[the report]`` are not shortcodes.

    >>> import wpparse
    >>> html = "<p>[vc_row][vc_column_text]Hello [sic][/vc_column_text][/vc_row]</p>"
    >>> [(code.name, code.content) for code in wpparse.find_shortcodes(html)]
    [('vc_row', '[vc_column_text]Hello [sic][/vc_column_text]'), ('vc_column_text', 'Hello [sic]')]

    .. versionadded:: 0.1.0
    """
    return _scan(source).shortcodes


def strip_shortcodes(source: str) -> str:
    """
    Remove the unrendered shortcode tags from *source*, keeping what they enclose.

    The same tags as :func:`find_shortcodes` finds, and closing tags left
    without their opening one; ``[[name]]``, WordPress's way to show a tag
    verbatim, becomes ``[name]``.

    >>> import wpparse
    >>> wpparse.strip_shortcodes('<p>[toggle title="Q"]Yes [1].[/toggle]</p>')
    '<p>Yes [1].</p>'

    .. versionadded:: 0.1.0
    """
    return _apply(source, _scan(source, attributes=False).cuts)


def _apply(source: str, cuts: Iterable[tuple[int, int, str]]) -> str:
    parts: list[str] = []
    position = 0
    for start, end, replacement in cuts:
        if start < position:
            continue
        parts.append(source[position:start])
        parts.append(replacement)
        position = end
    if not parts:
        return source
    parts.append(source[position:])
    return "".join(parts)


def scan_shortcodes(source: str) -> tuple[tuple[Shortcode, ...], str]:
    """Both at once: :func:`find_shortcodes` and :func:`strip_shortcodes` of *source*."""
    found = _scan(source)
    return found.shortcodes, _apply(source, found.cuts)
