"""
Invariants over generated, messy HTML: text is never lost, links are absolute or
flagged, and the renderers neither crash nor let markup or unsafe links through.

The HTML strategy puts sentinel words (``zq123zq``) in text positions only (never
in scripts, styles, comments or attributes); every one must come out, in order.
"""

from __future__ import annotations

import re
import warnings
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings

import wpparse
from tests.render_support import MARKDOWN
from wpparse import LinkKind, Post, WPParseWarning
from wpparse._html.snippet import html_to_text

from .strategies import SENTINEL, html_fragments, posts_with_content

pytestmark = pytest.mark.property

_HEAVY = settings(
    max_examples=max(10, settings().max_examples // 2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
_UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)


def sentinels(text: str) -> list[str]:
    return re.findall(SENTINEL, text)


def parse(obj: dict[str, Any]) -> Post:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        return wpparse.parse_post(obj)


def content_text(post: Post) -> str:
    """Section titles and block texts, in document order."""
    parts: list[str] = []
    for top in post.sections:
        for section in top.walk():
            if section.title:
                parts.append(section.title)
            parts.extend(block.text for block in section.blocks)
            parts.extend(block.caption or "" for block in section.blocks)
    return "\n".join(parts)


@given(html_fragments)
def test_fragment_text_keeps_every_word(html: str) -> None:
    """Titles and excerpts: every word in a text position comes out, in order."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        text = html_to_text(html)

    assert sentinels(html) == sentinels(text)
    text.encode("utf-8")


@given(posts_with_content())
@_HEAVY
def test_content_keeps_every_word(obj: dict[str, Any]) -> None:
    """Content: every word in a text position is in a section title or block."""
    post = parse(obj)

    expected = sentinels(obj["content"]["rendered"])
    found = sentinels(content_text(post))
    assert sorted(set(expected)) == sorted(set(found))
    assert sentinels(obj["title"]["rendered"]) == sentinels(post.title)


@given(posts_with_content())
@_HEAVY
def test_every_link_is_absolute_or_flagged(obj: dict[str, Any]) -> None:
    """An internal or external link has an absolute URL; a script URL is always unsafe."""
    post = parse(obj)
    # Without an absolute post URL, a relative link stays relative (and
    # internal): the content stage's documented choice.
    resolvable = (obj.get("link") or "").startswith(("http://", "https://"))

    for link in post.links:
        if link.kind is LinkKind.EXTERNAL or (
            link.kind is LinkKind.INTERNAL and resolvable
        ):
            parts = urlsplit(link.url)
            assert parts.scheme in {"http", "https"}, link
            assert parts.netloc, link
        browser_href = re.sub(r"[\t\n\r]", "", link.href)
        if _UNSAFE_SCHEME.match(browser_href) and not re.match(
            r"^\s*data:image/", browser_href, re.IGNORECASE
        ):
            assert link.kind is LinkKind.UNSAFE, link


@given(posts_with_content())
@_HEAVY
def test_renderers_never_crash_or_lose_text(obj: dict[str, Any]) -> None:
    """Text and Markdown output encode, and keep every word of the content."""
    post = parse(obj)

    text = wpparse.to_text(post, title=True)
    markdown = wpparse.to_markdown(post, front_matter=True, title=True)

    # (Markup safety is checked on the rendered Markdown, in the next test:
    # plain text output may say "<script>", it is text.)
    text.encode("utf-8")
    markdown.encode("utf-8")
    for word in sentinels(obj["content"]["rendered"]):
        assert word in text
        assert word in markdown


@given(posts_with_content())
@_HEAVY
def test_text_never_becomes_markdown_or_html(obj: dict[str, Any]) -> None:
    """What is text in the post is text after to_markdown() and a CommonMark renderer."""
    post = parse(obj)

    html = MARKDOWN.render(wpparse.to_markdown(post, title=True))

    assert not re.search(r"<zqtag|<script", html, re.IGNORECASE), html
    assert not re.search(r"(?:href|src)=\"[^\"]*(?:evil\.example|javascript:)", html), (
        html
    )
    # Markup made from text would start right at the injected word.
    made = r"<(?:em|code|h\d|li|blockquote)>\s*(?:<p>)?zq(?:em|code|head|item|quote)"
    assert not re.search(made, html), html
    assert not re.search(r"<img[^>]*zqimg", html), html
    assert "&lt;zqentity&gt;" not in html.replace("&amp;lt;zqentity&amp;gt;", "")
