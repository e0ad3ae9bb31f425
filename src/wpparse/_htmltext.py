"""The one HTML parser wpparse uses, its safe parse, and plain text of small fragments."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from wpparse._repair import (
    fix_surrogates,
    flatten_deep_nesting,
    strip_excess_attributes,
    strip_tags,
)

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

# libxml2 errors after which the tree may miss text: it stopped decoding (a lone
# surrogate) or stopped building (nesting past its depth limit).
_LOSSY = frozenset({"ERR_INVALID_ENCODING", "ERR_RESOURCE_LIMIT"})
# Document-level tags inside a fragment: libxml2 drops the text after a stray
# </body> or </html>, where a browser keeps it.
_DOCUMENT_TAG_HINTS = (
    "<html",
    "<HTML",
    "</html",
    "</HTML",
    "<body",
    "<BODY",
    "</body",
    "</BODY",
)
_DOCUMENT_TAGS = re.compile(r"</?(?:html|body|head)\b[^<>]*>", re.IGNORECASE)


def _parse(html: str) -> tuple[lxml.html.HtmlElement, set[str]]:
    # Not lxml.html.fragment_fromstring(): it sets leading text from Python,
    # which refuses control characters that libxml2 itself accepts.
    document = etree.fromstring(f"<html><body>{html}</body></html>", _PARSER)
    errors = {error.type_name for error in _PARSER.error_log}
    body = document.find("body")
    if body is None:  # <frameset> and the like replace the body
        body = lxml.html.Element("body")
        body.extend(list(document))
    body.tag = "div"
    return body, errors


def parse_fragment(html: str, where: str = "$") -> lxml.html.HtmlElement:
    """
    Parse an HTML fragment into a ``<div>`` holding it, never losing text silently.

    Input that would make libxml2 slow or lossy is repaired first (too many
    attributes on a tag) or after a first parse shows a problem (a lone
    surrogate, nesting past libxml2's depth limit, a stray ``</body>``); each
    repair issues a :class:`~wpparse.WPParseWarning` naming *where* (a JSON
    path).  Ordinary input is parsed once, with no extra cost.
    """
    html = strip_excess_attributes(html, where)
    if any(tag in html for tag in _DOCUMENT_TAG_HINTS):
        html = _DOCUMENT_TAGS.sub("", html)
    root, errors = _parse(html)
    if not errors:
        return root
    repaired = html
    if "ERR_INVALID_ENCODING" in errors:
        repaired = fix_surrogates(repaired, where)
    if "ERR_RESOURCE_LIMIT" in errors:
        repaired = flatten_deep_nesting(repaired, where)
    repaired = _DOCUMENT_TAGS.sub("", repaired)  # </Body> in any case
    if repaired != html:
        root, errors = _parse(repaired)
    if errors & _LOSSY:
        reason = (
            f"libxml2 could not read the markup ({', '.join(sorted(errors & _LOSSY))})"
        )
        root, _ = _parse(strip_tags(repaired, where, reason))
    return root


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
