"""
Where the shortcode tags of a post's content are: HTML in, its text runs and the ``[...]`` in them out.

HTML is cut into the spans a reader sees as text (:func:`text_runs`: not
tags, comments, ``<script>``, ``<pre>`` or ``<code>``), and every
tag-shaped ``[name ...]`` or ``[/name]`` inside one of them is a :class:`Tag`
(:func:`tags_in`), whether or not its name turns out to be a shortcode:
:mod:`wpparse._editor.shortcode_names` guesses that, and
:mod:`wpparse._editor.shortcodes` pairs the tags.  Both passes are linear.

>>> source = "<p>[toggle title=Q]Yes</p><code>[no]</code>[/toggle]"
>>> runs = text_runs(source)
>>> [source[start:stop] for start, stop in runs]
['[toggle title=Q]Yes', '[/toggle]']
>>> [(tag.name, tag.closing, tag.atts_text) for tag in tags_in(source, runs)]
[('toggle', False, ' title=Q'), ('toggle', True, '')]
"""

from __future__ import annotations

import re
from typing import Final

import attrs

__all__ = ["Tag", "tags_in", "text_runs"]

# A name as the guess accepts it: what ``add_shortcode()`` allows, less
# everything but ASCII letters, digits, "_" and "-" (WordPress's `(?![\w-])`
# cannot end any other name), and starting with a letter or "_".
_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*+")

# Elements whose content is not text a reader sees, or is code shown as is.
_OPAQUE: Final = ("script", "style", "textarea", "pre", "code", "xmp")
_OPAQUE_END: Final = {
    name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _OPAQUE
}
_OPAQUE_START: Final = re.compile(r"<(" + "|".join(_OPAQUE) + r")[\s/>]", re.IGNORECASE)


def text_runs(source: str) -> list[tuple[int, int]]:
    """
    The spans of *source* that are text: outside tags, comments and opaque elements.

    HTML is cut the way a browser's tokenizer would, roughly: a ``<`` followed
    by a letter, ``/``, ``!`` or ``?`` starts markup that runs to the next
    ``>`` (or to ``-->`` for a comment); ``<script>``, ``<style>``, ``<pre>``,
    ``<code>`` and their kind run to their end tag.  Markup left open runs to
    the end.  One pass.
    """
    runs: list[tuple[int, int]] = []
    position, length = 0, len(source)
    while position < length:
        tag = source.find("<", position)
        if tag == -1:
            runs.append((position, length))
            break
        following = source[tag + 1 : tag + 2]
        if not following or not (
            following.isascii() and (following.isalpha() or following in "/!?")
        ):
            # A "<" that starts no markup is text.
            next_tag = source.find("<", tag + 1)
            stop = length if next_tag == -1 else next_tag
            runs.append((position, stop))
            position = stop
            continue
        if tag > position:
            runs.append((position, tag))
        if source.startswith("<!--", tag):
            close = source.find("-->", tag + 4)
            position = length if close == -1 else close + 3
            continue
        close = source.find(">", tag + 1)
        if close == -1:
            break
        opaque = _OPAQUE_START.match(source, tag)
        if opaque is not None and source[close - 1] != "/":
            end = _OPAQUE_END[opaque.group(1).lower()].search(source, close + 1)
            if end is None:
                break
            close = source.find(">", end.start())
            if close == -1:
                break
        position = close + 1
    return _merge(runs)


def _merge(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, stop in runs:
        if start >= stop:
            continue
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], stop)
        else:
            merged.append((start, stop))
    return merged


@attrs.frozen
class Tag:
    """An opening or closing tag: ``[name ...]`` or ``[/name]``, within one text run."""

    start: int
    end: int
    name: str
    closing: bool
    atts_text: str = ""
    self_closing: bool = False


def tags_in(source: str, runs: list[tuple[int, int]]) -> list[Tag]:
    """
    Every tag-shaped ``[...]`` in the text runs, in order.

    A tag ends at the first ``]`` after its name, as in WordPress's expression,
    and must end in the text run it starts in (a ``]`` beyond a ``<`` is not
    its end).  Finding that ``]`` once per run keeps this linear: the next
    ``]`` is the same for every ``[`` before it.
    """
    tags: list[Tag] = []
    for run_start, run_stop in runs:
        bracket = source.find("[", run_start, run_stop)
        next_close = -1
        while bracket != -1:
            closing = source.startswith("/", bracket + 1)
            name_at = bracket + 2 if closing else bracket + 1
            name = _NAME.match(source, name_at, run_stop)
            if name is not None:
                if next_close < name.end():
                    next_close = source.find("]", name.end(), run_stop)
                if next_close == -1:
                    break  # no "]" left in this run: no more tags in it
                if closing:
                    if next_close == name.end():
                        tags.append(
                            Tag(bracket, next_close + 1, name.group(), closing=True)
                        )
                else:
                    atts = source[name.end() : next_close]
                    self_closing = atts.endswith("/")
                    tags.append(
                        Tag(
                            bracket,
                            next_close + 1,
                            name.group(),
                            closing=False,
                            atts_text=atts[:-1] if self_closing else atts,
                            self_closing=self_closing,
                        )
                    )
            bracket = source.find("[", bracket + 1, run_stop)
    return tags
