"""
What WordPress blocks render, read as a reader sees it, before the walk.

Some blocks' markup says something other than what its tags say: a verse
(``<pre class="wp-block-verse">``) is poetry, not code.  Each rule here
rewrites the parsed tree in place, once, in linear time, so that the walk,
the text and the Markdown all read the same thing.
"""

from __future__ import annotations

from typing import Final

from lxml import etree

__all__ = ["normalise"]

_VERSE: Final = "wp-block-verse"


def normalise(body: etree._Element) -> None:
    """Rewrite the blocks of *body* whose tags say something other than what they show."""
    verses = [
        pre for pre in body.iter("pre") if _VERSE in (pre.get("class") or "").split()
    ]
    for pre in verses:
        _verse(pre)


def _verse(pre: etree._Element) -> None:
    """
    A verse is a paragraph whose lines end in ``<br>``: its marks and links
    stay, its line breaks too (a ``<pre>`` would make it code).
    """
    pre.tag = "p"
    if pre.text and pre.text.startswith("\n"):  # as a <pre> drops it
        pre.text = pre.text[1:]
    nodes = [n for n in pre.iter() if isinstance(n.tag, str)]
    for node in nodes:
        text = node.text
        if text and "\n" in text:
            first, *rest = text.split("\n")
            node.text = first
            for line in reversed(rest):
                br = node.makeelement("br")
                br.tail = line or None
                node.insert(0, br)
        tail = node.tail
        if node is not pre and tail and "\n" in tail:
            first, *rest = tail.split("\n")
            node.tail = first
            for line in reversed(rest):
                br = node.makeelement("br")
                br.tail = line or None
                node.addnext(br)
