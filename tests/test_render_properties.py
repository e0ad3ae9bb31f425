"""Hypothesis: whatever the HTML and its text, the Markdown shows the same text and nothing more."""

from __future__ import annotations

import html as html_lib
import re

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wpparse
from tests.render_support import MARKDOWN
from wpparse import Block, BlockKind, Post, Section

pytestmark = pytest.mark.property

# Text full of Markdown's special characters, at line starts and everywhere.
_TEXT = (
    st.lists(
        st.sampled_from([*"ab1. *_[]()<>#!`|\\~&;:-+=\"'\n\t", "&amp;", "é", "\u00a0"]),
        max_size=12,
    )
    .map("".join)
    .map(html_lib.escape)
)
_HREFS = st.sampled_from(
    [
        "/x",
        "https://e.org/a_(b)",
        "javascript:alert(1)",
        " JavaScript:x",
        "data:text/html,x",
        "#f",
        "",
    ]
)


def _wrap(tag: str) -> st.SearchStrategy[str]:
    return st.lists(st.deferred(lambda: _INLINE), max_size=3).map(
        lambda parts: f"<{tag}>{''.join(parts)}</{tag}>"
    )


_INLINE: st.SearchStrategy[str] = st.recursive(
    _TEXT,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map("".join),
        st.tuples(
            st.sampled_from(["strong", "em", "b", "i", "span", "code", "sup"]),
            st.lists(inner, max_size=3),
        ).map(lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"),
        st.tuples(_HREFS, st.lists(inner, max_size=2)).map(
            lambda t: f'<a href="{html_lib.escape(t[0])}">{"".join(t[1])}</a>'
        ),
        st.just("<br>"),
    ),
    max_leaves=12,
)
_BLOCK = st.one_of(
    _INLINE.map(lambda s: f"<p>{s}</p>"),
    st.lists(_INLINE, min_size=1, max_size=3).map(
        lambda items: "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    ),
    st.lists(_INLINE, min_size=1, max_size=2).map(
        lambda ps: "<blockquote>" + "".join(f"<p>{p}</p>" for p in ps) + "</blockquote>"
    ),
    _INLINE.map(lambda s: f"<h3>{s}</h3>"),
    _TEXT.map(lambda s: f"<pre>{s}</pre>"),
    st.lists(st.lists(_INLINE, min_size=1, max_size=3), min_size=1, max_size=3).map(
        lambda rows: (
            "<table>"
            + "".join(
                "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows
            )
            + "</table>"
        )
    ),
)
_ALLOWED = {"p", "pre", "h2", "strong", "em", "a", "code", "br", "ul", "ol", "li", "blockquote",
            "table", "thead", "tbody", "tr", "th", "td", "div"}  # fmt: skip


def _text(html: str) -> str:
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return "".join("".join(root.itertext()).split())


@given(st.lists(_BLOCK, min_size=1, max_size=4), _TEXT.map(html_lib.unescape))
def test_markdown_shows_the_text_of_any_html(blocks: list[str], title: str) -> None:
    post = Post(
        id=1,
        link="https://e.org/p/",
        sections=(
            Section(
                title=" ".join(title.split()) or None,
                level=2 if title.split() else 0,
                blocks=tuple(
                    Block(kind=BlockKind.OTHER, html=b, text="") for b in blocks
                ),
            ),
        ),
    )
    markdown = wpparse.to_markdown(post)
    rendered = MARKDOWN.render(markdown)
    root = lxml.html.fragment_fromstring(rendered or "<p></p>", create_parent="div")

    assert "".join(title.split()) + _text("".join(blocks)) == _text(rendered)
    assert len(root.findall("h2")) == (1 if title.split() else 0)
    assert {el.tag for el in root.iter()} <= _ALLOWED, rendered
    for link in root.iter("a"):
        assert re.match(r"https://e\.org/", link.get("href") or ""), rendered


@given(st.one_of(st.text(), st.text().map(lambda s: "\udfff" + s)))
def test_yaml_quote_reads_back_as_the_same_string(text: str) -> None:
    import yaml

    from wpparse._render.markdown.frontmatter import quote

    expected = re.sub("[\ud800-\udfff]", "\ufffd", text)

    assert expected == yaml.safe_load(f"key: {quote(text)}")["key"]


@given(
    st.one_of(st.text(), st.text().map(lambda s: s + "\ud800")),
    st.integers(min_value=0, max_value=10**9),
)
def test_any_slug_gives_a_plain_file_name(slug: str, ident: int) -> None:
    from wpparse._cli.output import safe_filename

    name = safe_filename(slug, f"post-{ident}", ".md")

    assert name.endswith(".md")
    assert name not in {".md", "..md"}
    assert not set(name) & set('/\\\x00:*?"<>|')
    assert not name.startswith((".", " "))
    assert len(name.encode("utf-8")) <= 210
