"""Plain text of small HTML fragments through lxml, for titles, excerpts and captions."""

from __future__ import annotations

import re

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

# How lxml.html.fragments_fromstring tells a whole document from a fragment.
_WHOLE_DOCUMENT = re.compile(r"^\s*<(?:html|!doctype)", re.IGNORECASE).match


def _bodies(fragment: str) -> list[lxml.html.HtmlElement]:
    # What lxml.html.fragment_fromstring(create_parent="div") parses, without
    # its Python overhead: the same wrapped document, whose <body> then stands
    # in for the new <div>.  Where that function fails (a stray "</body><body>"
    # makes libxml2 open a second body; a whole document may have none), the
    # text of every body is the text, as a browser shows it.
    if not _WHOLE_DOCUMENT(fragment):
        fragment = f"<html><body>{fragment}</body></html>"
    # A bare "<!doctype html>" parses to nothing, whatever the stubs say.
    doc: etree._Element | None = etree.fromstring(fragment, _PARSER)
    if doc is None:
        return []
    return [el for el in doc if el.tag == "body"]


def fragment_text(fragment: str) -> str:
    """Return the text of *fragment*, entities decoded, without collapsing whitespace."""
    parts: list[str] = []
    for root in _bodies(fragment):
        if root.text is not None and not root.text.strip():
            root.text = None  # fragment_fromstring drops whitespace-only leading text
        etree.strip_elements(root, *_NO_TEXT, with_tail=False)
        parts.append(" ")  # where the wrapping <div> started
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
