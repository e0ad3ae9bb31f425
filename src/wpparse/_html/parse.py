"""The one HTML parser wpparse uses, its safe parse, and plain text of small fragments."""

from __future__ import annotations

import lxml.html
from lxml import etree

from wpparse._html.repair import first_fatal, parse_repaired

__all__ = ["fragment_text", "make_parser", "parse_fragment"]

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


def _parse(html: str) -> tuple[lxml.html.HtmlElement, str]:
    # Not lxml.html.fragment_fromstring(): it sets leading text from Python,
    # which refuses control characters that libxml2 itself accepts.  And no
    # closing </body></html>: an unclosed <textarea> would read them as text.
    document = etree.fromstring(f"<html><body>{html}", _PARSER)
    fatal = first_fatal(_PARSER.error_log)
    body = document.find("body")
    if body is None:  # <frameset> and the like replace the body
        body = lxml.html.Element("body")
        body.extend(list(document))
    body.tag = "div"
    return body, fatal


def parse_fragment(html: str, where: str = "$") -> lxml.html.HtmlElement:
    """Parse an HTML fragment into a ``<div>`` holding it, never losing text silently."""
    return parse_repaired(html, where, _parse)


def fragment_text(fragment: str, where: str = "$") -> str:
    """Return the text of *fragment*, entities decoded, without collapsing whitespace."""
    root = parse_fragment(fragment, where)
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
