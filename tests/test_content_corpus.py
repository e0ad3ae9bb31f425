"""
The content stage over every real post of ``../shared/corpus`` (skipped when absent).

Every post parses with no text lost, every ``<h1>``-``<h6>`` outside a
container is a section, and every ``<a href>`` of the content is a link.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from lxml import etree

import wpparse
from tests.conftest import corpus_params
from wpparse._content.vocabulary import CONTAINERS, NO_TEXT, STRIPPED
from wpparse._json.kinds import object_kind
from wpparse._json.load import load_json


def visible_text(html: str) -> str:
    """
    The text a reader sees in *html*, all whitespace removed.

    An independent reading through ``lxml.html``: no script, style, template,
    noscript or title, and no fallback content of players and frames.
    """
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    etree.strip_elements(root, *STRIPPED, with_tail=False)
    for el in list(root.iter(*NO_TEXT)):
        tail = el.tail
        el.clear()
        el.tail = tail
    return "".join("".join(root.itertext()).split())


def prose(block: wpparse.Block) -> str:
    """
    The visible text of *block*: its text, less the marked alt text a
    captionless image gives (``[Image: A cat]``, not text a reader sees).
    """
    if (
        block.kind is wpparse.BlockKind.FIGURE
        and block.alt is not None
        and block.text == f"[Image: {' '.join(block.alt.split())}]"
    ):
        return ""
    return block.text


def parsed_text(post: wpparse.Post) -> str:
    """Section titles and block texts in order, all whitespace removed."""
    parts: list[str] = []
    for section in post.walk():
        if section.title:
            parts.append(section.title)
        parts.extend(prose(b) for b in section.blocks)
    return "".join("".join(parts).split())


def _posts(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        value = load_json(path.read_bytes())
    items = value if isinstance(value, list) else [value]
    for n, obj in enumerate(items):
        if object_kind(obj) == "post" and isinstance(obj.get("content"), (dict, str)):
            yield f"$[{n}]", obj


def _content(obj: dict[str, Any]) -> str:
    content = obj["content"]
    html = content.get("rendered") if isinstance(content, dict) else content
    return html if isinstance(html, str) else ""


def _outside_containers(html: str) -> Iterator[etree._Element]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    etree.strip_elements(root, *STRIPPED, with_tail=False)
    for heading in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        if not any(a.tag in CONTAINERS for a in heading.iterancestors()):
            yield heading


def _hrefs(html: str) -> list[str]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    etree.strip_elements(root, *STRIPPED, with_tail=False)
    return [a.get("href", "") for a in root.iter("a") if a.get("href") is not None]


@pytest.mark.parametrize("path", corpus_params("posts"))
def test_corpus_content(path: Path) -> None:
    for where, obj in _posts(path):
        html = _content(obj)
        for rule in ("html", "bold", "auto"):
            post = wpparse.parse_post(obj, headings=rule)

            # Unrendered shortcode tags are taken out, and only they.
            assert visible_text(wpparse.strip_shortcodes(html)) == parsed_text(post), (
                where,
                rule,
            )
            for top in post.sections:
                for section in top.walk():
                    assert all(c.level > section.level for c in section.children)
        post = wpparse.parse_post(obj, headings="html")
        titles = {" ".join(s.title.split()) for s in post.walk() if s.title}
        for heading in _outside_containers(html):
            title = " ".join("".join(heading.itertext()).split())
            if title:
                assert title in titles, (where, title)
        assert _hrefs(html) == [link.href for link in post.links], where
