"""
Hypothesis properties of the content stage, on generated HTML.

Whatever the markup: no text is lost or repeated, every ``<a href>`` becomes a
link, every link URL is absolute or its kind says why not, and children are
always deeper than their parent.
"""

from __future__ import annotations

from html import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wpparse
from tests.test_content_corpus import prose, visible_text
from wpparse import LinkKind

pytestmark = pytest.mark.property

WORDS = st.sampled_from(
    [
        "alpha",
        "Beta",
        "gamma.",
        "In conclusion,",
        "Read more",
        "By Jane Doe",
        "July 3, 2025",
        "日本語のテキスト",
        "نص عربي",
        "&amp;",
        "&#8217;",
        "&nbsp;",
        "x < y",
        "Café",
        "Relations With the Gulf States",
        ":",
        "\n",
        "  ",
    ]
)
HREFS = st.sampled_from(
    [
        "/rel/",
        "https://example.org/a?x=1&amp;y=2",
        "//cdn.example.net/f",
        "#top",
        "mailto:a@example.org",
        "tel:+1555",
        "javascript:alert(1)",
        "data:text/html,x",
        "../up",
        "",
        "http://[::1",
    ]
)
TEXT = st.lists(WORDS, max_size=6).map(" ".join)

INLINE = ("strong", "b", "em", "i", "span", "code", "a")
BLOCK = (
    "p",
    "div",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "ul",
    "li",
    "figure",
    "figcaption",
    "pre",
    "section",
    "table",
    "tr",
    "td",
    "details",
    'figure class="wp-block-gallery"',
    'ul class="blocks-gallery-grid"',
    'div class="wp-caption"',
    'p class="wp-caption-text"',
    'span style="font-weight: bold"',
    'h3 id="anchor"',
    "dl",
    "dd",
    "video",
)


def _element(spec: str, children: list[str], href: str) -> str:
    tag = spec.split(maxsplit=1)[0]
    attrs = f' href="{href}"' if tag == "a" else spec[len(tag) :]
    return f"<{tag}{attrs}>{''.join(children)}</{tag}>"


LEAVES = st.one_of(
    TEXT,
    st.just("<br>"),
    st.just("<hr>"),
    st.just('<img src="/i.jpg" class="wp-image-7" alt="alt text">'),
    st.just('<iframe src="https://www.youtube.com/embed/x">fallback</iframe>'),
    st.just("<script>var hidden = 1;</script>"),
    st.just("<style>.hidden{}</style>"),
    st.just("<!-- a comment -->"),
    TEXT.map(lambda t: f"<p><strong>{t}</strong></p>"),
)
HTML = st.recursive(
    LEAVES,
    lambda inner: st.builds(
        _element,
        st.sampled_from(INLINE + BLOCK),
        st.lists(inner, max_size=4),
        HREFS,
    ),
    max_leaves=25,
).map(lambda h: h if h.strip() else escape(h))
DOCUMENTS = st.lists(HTML, max_size=8).map("".join)


@given(DOCUMENTS, st.sampled_from(["html", "bold", "auto"]))
def test_no_text_is_lost(html: str, rule: str) -> None:
    sections = wpparse.parse_content(html, headings=rule)  # type: ignore[arg-type]

    parts = [
        part
        for top in sections
        for section in top.walk()
        for part in ([section.title] if section.title else [])
        + [prose(b) for b in section.blocks]
    ]
    assert visible_text(html) == "".join("".join(parts).split())
    for top in sections:
        for section in top.walk():
            assert all(c.level > section.level for c in section.children)
            assert section.level <= 6


@given(DOCUMENTS)
def test_every_href_is_a_link_with_an_absolute_or_flagged_url(html: str) -> None:
    links = wpparse.extract_links(html, base_url="https://example.org/post/")

    assert html.count("<a href=") == len(links)
    for link in links:
        absolute = link.url.startswith(("https://", "http://"))
        assert absolute or link.kind in {
            LinkKind.MAILTO,
            LinkKind.TEL,
            LinkKind.UNSAFE,
            LinkKind.OTHER,
        }, link
