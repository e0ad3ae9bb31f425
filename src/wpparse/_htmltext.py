"""Plain text of small HTML fragments through lxml, for titles, excerpts and captions."""

from __future__ import annotations

import lxml.html
from lxml import etree

__all__ = ["fragment_text", "make_parser"]

_NO_TEXT = ("script", "style", "template", "noscript")
_BREAKS = frozenset(
    {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th"}
)


def make_parser() -> lxml.html.HTMLParser:
    """
    Return the HTML parser wpparse uses everywhere.

    Network access is off, entities are not expanded from any DTD, and
    ``huge_tree`` lifts libxml2's limits on text size and depth so that
    nothing is dropped silently.
    """
    return lxml.html.HTMLParser(
        no_network=True,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
    )


_PARSER = make_parser()


def fragment_text(fragment: str) -> str:
    """Return the text of *fragment*, entities decoded, without collapsing whitespace."""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div", parser=_PARSER)
    etree.strip_elements(root, *_NO_TEXT, with_tail=False)
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if el.tag in _BREAKS:
                parts.append(" ")
            if el.text:
                parts.append(el.text)
        elif el is not root:
            if el.tag in _BREAKS:
                parts.append(" ")
            if el.tail:
                parts.append(el.tail)
    return "".join(parts)
