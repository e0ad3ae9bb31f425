"""
Small text helpers shared by the stages: entity decoding and whitespace.

Kept free of lxml at import time: the HTML path is imported only when a string
actually holds markup.
"""

from __future__ import annotations

import html

__all__ = ["collapse", "html_to_text"]


def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends, as a browser shows text."""
    return " ".join(text.split())


def html_to_text(fragment: str, where: str = "$") -> str:
    """
    Return the plain text of a short HTML fragment (a title, an excerpt, a caption).

    Tags are dropped, ``<script>``/``<style>``/comments give no text, every
    entity is decoded and whitespace is collapsed.  *where* (a JSON path)
    names the fragment in warnings about repaired markup.
    """
    if "<" not in fragment:
        from wpparse._repair import fix_surrogates  # noqa: PLC0415 - lxml-free, small

        return collapse(html.unescape(fix_surrogates(fragment, where)))
    from wpparse._htmltext import fragment_text  # noqa: PLC0415 - lxml only when needed

    return collapse(fragment_text(fragment, where))
