"""
Flat paragraphs: converted from their HTML string, they give the walk's Markdown exactly.

:func:`wpparse._render.markdown.flat.flat_paragraph` skips the parse and the
walk for paragraphs holding only text, links, emphasis, ``<span>`` and
``<br>``.  Each test compares it with the walk over the parsed HTML (the
path every other block takes), on hand-picked shapes, on messy generated
HTML parsed as a post, and on every post the renderer tests build.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import wpparse
from tests.conftest import corpus_params
from tests.property.strategies import html_fragments
from wpparse import Block, BlockKind, Link, LinkKind, Post, WPParseWarning
from wpparse._render.markdown import render
from wpparse._render.markdown.convert import Converter
from wpparse._render.markdown.flat import flat_paragraph
from wpparse._render.markdown.flat_blocks import flat_blocks, flat_heading
from wpparse._render.markdown.pairing import pair_links

BASE = "https://example.org/post/"
DATA = Path(__file__).parent / "data"


def _walk(html: str, *links: Link) -> str:
    """The Markdown the walk over the parsed HTML gives a paragraph block."""
    block = Block(kind=BlockKind.PARAGRAPH, text="", html=html, links=links)
    return render._from_html([block], BASE)[0]


def _link(href: str, url: str, kind: LinkKind = LinkKind.EXTERNAL) -> Link:
    return Link(url=url, href=href, text="", kind=kind)


@pytest.mark.parametrize(
    ("html", "links"),
    [
        ("<p>A <strong>bold</strong> move.</p>", ()),
        ("<p><b>In conclusion,</b> armed</p>", ()),
        ("<p>x<em> spaced </em>y</p>", ()),
        ("<p><strong>a<strong>b</strong>c</strong></p>", ()),
        ("<p>one<br>two<br>\n<br>three</p>", ()),
        ("<p><br>lead break</p>", ()),
        ('<p class="x" id="y">a <span class="s">*b*</span> c!</p>', ()),
        ("<p>1. not a list &amp; &lt;b&gt; # \u00a0x</p>", ()),
        ("# loose text &amp; no tags", ()),
        ("- loose <b>bold</b>", ()),
        ('<p>see <a href="/x">this</a>!</p>', (_link("/x", "https://example.org/x"),)),
        (
            '<p><a href="javascript:alert(1)">bad</a> and <a href="/ok" title=\'say "hi"\'>ok</a></p>',
            (
                _link("javascript:alert(1)", "javascript:alert(1)", LinkKind.UNSAFE),
                _link("/ok", "https://example.org/ok"),
            ),
        ),
        (
            '<p><a href="/a?x=1&amp;y=2">q</a></p>',
            (_link("/a?x=1&y=2", "https://example.org/a?x=1&y=2"),),
        ),
        (
            '<p><a name="top"></a><a href="#top">up</a></p>',
            (_link("#top", BASE + "#top"),),
        ),
        (
            '<p><em><a href="/x">link in em</a></em>, <strong></strong></p>',
            (_link("/x", "https://example.org/x"),),
        ),
        ("<p>   </p>", ()),
        ('<p>x <img src="/i.png" alt="A *b*" title="T"> y</p>', ()),
        (
            '<p><img src="javascript:x" alt="no"><img data-src="/d.png" src="data:image/gif;base64,AA"></p>',
            (),
        ),
        (
            '<a href="/l"> <img src="/i.png" alt="A"> </a>',
            (_link("/l", "https://example.org/l"),),
        ),
        (
            '<a href="/l"><img src="javascript:x"></a> after',
            (_link("/l", "https://example.org/l"),),
        ),
        ('<a name="n"><img src="/i.png"></a>', ()),
    ],
)
def test_flat_paragraph_is_the_walk(html: str, links: tuple[Link, ...]) -> None:
    flat = flat_paragraph(html, links, BASE)
    assert flat is not None  # the fast path took it
    assert flat == _walk(html, *links)


@pytest.mark.parametrize(
    "html",
    [
        "<p>a <code>x</code></p>",  # another tag
        '<p><a href="/l"><img src="/i.png"> text</a></p>',  # not a linked image
        '<p><a href="/l">&nbsp;<img src="/i.png"></a></p>',
        '<p><a href="/l"><img src="/i.png"><img src="/j.png"></a></p>',
        '<p><a href="/a">a <a href="/b">b</a></a></p>',  # a link in a link
        "<p>a &copy; b</p>",  # a reference a serialiser does not write
        "<p>a &amp b</p>",
        "<p>a\x00b</p>",  # characters the parser reads differently
        "<p>a\rb</p>",
        "<p>a\ud800b</p>",
        "<p>a < b</p>",
        "<p>a</p>tail",
        "lead<p>a</p>",
        "<p>a<p>b</p></p>",
        "<p><b>unclosed</p>",
        "<p>a</b></p>",
        '<p><a href="/x" href="/y">twice</a></p>',
        "<p>unclosed",
    ],
)
def test_flat_paragraph_leaves_the_rest_to_the_walk(html: str) -> None:
    assert flat_paragraph(html, (), BASE) is None


def test_links_that_do_not_pair_in_order_go_to_the_walk() -> None:
    # One <a href> for two links: the walk pairs them by href.
    html = '<p><a href="/x">x</a></p>'
    links = (_link("/y", "https://example.org/y"), _link("/x", "https://example.org/x"))
    assert flat_paragraph(html, links, BASE) is None
    assert flat_paragraph(html, links[1:], BASE) == _walk(html, links[1])


_MESSY = settings(
    max_examples=max(10, settings().max_examples),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.mark.property
@_MESSY
@given(html_fragments)
def test_flat_paragraphs_of_messy_posts_are_the_walk(html: str) -> None:
    """Every paragraph the parser makes of messy HTML: flat or walked, the same Markdown."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        post = wpparse.parse_post(
            {
                "id": 1,
                "link": BASE,
                "title": {"rendered": "t"},
                "content": {"rendered": html},
            }
        )
    for section in post.walk():
        for block in section.blocks:
            if not block.html:
                continue
            walked = render._from_html([block], post.link)[0]
            if block.kind is BlockKind.PARAGRAPH:
                flat = flat_paragraph(block.html, block.links, post.link)
                assert flat is None or flat == walked
            assert _flat_blocks(block, post.link) in (None, walked)


def _posts() -> list[Post]:
    posts: list[Post] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        for path in sorted(DATA.rglob("*.json")):
            try:
                posts.extend(
                    obj
                    for obj in wpparse.parse_objects(path.read_bytes(), strict=False)
                    if isinstance(obj, Post)
                )
            except wpparse.WPParseError:
                continue
    return posts


def test_to_markdown_is_the_same_without_the_flat_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    posts = _posts()
    flat = [wpparse.to_markdown(post) for post in posts]
    taken = sum(
        flat_paragraph(block.html, block.links, post.link) is not None
        for post in posts
        for section in post.walk()
        for block in section.blocks
        if block.kind is BlockKind.PARAGRAPH and block.html
    )
    assert taken > 20  # the fixtures exercise the fast path
    monkeypatch.setattr(render, "flat_paragraph", lambda *_: None)
    assert [wpparse.to_markdown(post) for post in posts] == flat


def test_a_linked_figure_shows_the_source_the_parser_read() -> None:
    # The figure's first image is Block.src (resolved against a <base>, say),
    # not what its attributes would resolve to: as the walk pairs them.
    html = '<a href="/big.jpg"><img src="/small.jpg" alt="A photo"></a>'
    links = (_link("/big.jpg", "https://cdn.example/big.jpg"),)
    block = Block(
        kind=BlockKind.FIGURE,
        text="",
        html=html,
        links=links,
        src="https://cdn.example/small.jpg",
    )
    expected = (
        "[![A photo](https://cdn.example/small.jpg)](https://cdn.example/big.jpg)"
    )
    assert flat_paragraph(html, links, BASE, block.src) == expected
    assert render._from_html([block], BASE)[0] == expected
    assert render._without_html(block, block.kind, block.html, BASE) == expected


# --- flat blocks: figures, lists, quotes -----------------------------------------


def _flat_blocks(block: Block, base: str | None) -> str | None:
    """:func:`flat_blocks` of *block*, its figure's image paired as the renderer does."""
    src = block.src if block.kind is BlockKind.FIGURE and block.src else None
    return flat_blocks(block.html, block.links, base, src)


def _walk_block(block: Block) -> str:
    return render._from_html([block], BASE)[0]


@pytest.mark.parametrize(
    ("html", "links", "src"),
    [
        ("<ul><li>one</li><li><em>two</em></li></ul>", (), None),
        ('<ol start="3">\n<li>a <b>b</b></li>\n<li>c<br>d</li>\n</ol>', (), None),
        ("<ol><li>1. x</li><li># y</li></ol>", (), None),
        (
            "<ul><li>a<ul><li>nested</li></ul></li><li>b<ol><li>n</li></ol></li></ul>",
            (),
            None,
        ),
        ("<ul><li><p>para</p><p>two</p></li><li></li></ul>", (), None),
        ('<ol class="wp-block-footnotes"><li id="x">note</li></ol>', (), None),
        (
            "<blockquote><p>quoted <cite>who</cite></p><p>more</p></blockquote>",
            (),
            None,
        ),
        (
            '<figure class="q"><blockquote><p>a</p></blockquote><figcaption>b</figcaption></figure>',
            (),
            None,
        ),
        (
            '<figure><img src="/i.png" alt="A"></figure>',
            (),
            "https://cdn.example/i.png",
        ),
        ('<img src="/i.png" alt="A" srcset="/i.png 1x, /j.png 2x">', (), None),
        (
            '<figure><img src="/i.png" alt="A"><figcaption>The <em>cap</em><br>two</figcaption></figure>',
            (),
            "https://cdn.example/i.png",
        ),
        (
            '<figure><a href="/big.jpg"><img src="/small.jpg" alt="A"></a><figcaption>c</figcaption></figure>',
            (_link("/big.jpg", "https://example.org/big.jpg"),),
            "https://example.org/small.jpg",
        ),
        (
            '<figure><img src="/a.png" alt="first"><img src="/b.png" alt="second"></figure>',
            (),
            "https://cdn.example/a.png",
        ),
        (
            '<figure><a href="/x">text</a> <img src="/a.png" alt="a"></figure>',
            (_link("/x", "https://example.org/x"),),
            "https://cdn.example/a.png",
        ),
        (
            '<div class="wp-caption"><img src="/i.png" alt="A"><p>cap &amp; more</p></div>',
            (),
            None,
        ),
        (
            '<ul><li><a href="/a" title="T">a</a></li><li><a href="#b">b</a></li></ul>',
            (
                _link("/a", "https://example.org/a"),
                _link("#b", BASE + "#b", LinkKind.FRAGMENT),
            ),
            None,
        ),
        ("<ul>\n<li>  spaced   out  </li>\n</ul>\n", (), None),
        ("loose <b>text</b><p>then a paragraph</p>tail", (), None),
    ],
)
def test_flat_blocks_are_the_walk(
    html: str, links: tuple[Link, ...], src: str | None
) -> None:
    kind = BlockKind.FIGURE if src else BlockKind.LIST
    block = Block(kind=kind, text="", html=html, links=links, src=src)
    flat = flat_blocks(html, links, BASE, src)
    assert flat is not None  # the fast path took it
    assert flat == _walk_block(block)


@pytest.mark.parametrize(
    "html",
    [
        "<ul>text between<li>a</li></ul>",  # text outside the items
        "<ul><p>a</p></ul>",  # something else than an item in a list
        "<li>a</li>",  # an item outside a list
        "<ul><li>a</li>",  # not closed
        "<ul><li>a</ul></li>",  # closed out of order
        "<p>a<ul><li>b</li></ul></p>",  # a list in a paragraph
        "<p>a<p>b</p></p>",
        "<b><ul><li>a</li></ul></b>",  # a block in an inline element
        "<ul hidden><li>a</li></ul>",  # a bare attribute
        '<ol start="1" start="2"><li>a</li></ol>',  # a repeated one
        '<img src="/i.png" src="/j.png">',
        "<table><tr><td>a</td></tr></table>",  # another tag
        '<figure><iframe src="/v"></iframe></figure>',
        "<ul><li><code>x</code></li></ul>",
        "<figure>a &copy; b</figure>",  # a reference a serialiser does not write
        "<figure>a\rb</figure>",
        "<figure>a\ud800b</figure>",
        "<"
        + "ul><li>" * 11
        + "deep"
        + "</li></ul>" * 11,  # deeper than the flat walk goes
    ],
)
def test_flat_blocks_leave_the_rest_to_the_walk(html: str) -> None:
    assert flat_blocks(html, (), BASE) is None


@pytest.mark.parametrize("path", corpus_params())
def test_flat_blocks_of_corpus_posts_are_the_walk(path: Path | None) -> None:
    assert path is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        try:
            objects = list(wpparse.parse_objects(path.read_bytes(), strict=False))
        except wpparse.WPParseError:  # an error response, not a post
            return
    for post in objects:
        if not isinstance(post, Post):
            continue
        for section in post.walk():
            for block in section.blocks:
                if not block.html:
                    continue
                flat = _flat_blocks(block, post.link)
                if flat is not None:
                    assert flat == render._from_html([block], post.link)[0]
            html, links = section.heading_html, section.heading_links
            if html and links:
                heading = flat_heading(html, links, post.link)
                assert heading is None or heading == _walk_heading(
                    html, links, post.link
                )


def test_to_markdown_is_the_same_without_flat_blocks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    posts = _posts()
    flat = [wpparse.to_markdown(post) for post in posts]
    taken = sum(
        _flat_blocks(block, post.link) is not None
        for post in posts
        for section in post.walk()
        for block in section.blocks
        if block.kind in {BlockKind.FIGURE, BlockKind.LIST, BlockKind.QUOTE}
        and block.html
    )
    assert taken > 10  # the fixtures exercise the fast path
    monkeypatch.setattr(render, "flat_blocks", lambda *_: None)
    assert [wpparse.to_markdown(post) for post in posts] == flat


def _walk_heading(html: str, links: tuple[Link, ...], base: str | None) -> list[str]:
    """The blocks the walk makes of a heading's HTML, as the renderer asks for them."""
    root = render._fragment(html)
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "b"):
        el.tag = "span"
    return Converter(base, pair_links(root, links)).blocks(root)


@pytest.mark.parametrize(
    ("html", "links"),
    [
        ('<h2 id="a"><a href="/x">Le Q</a>\xa0: la <em>cachette</em></h2>', ("/x",)),
        ('<h3><a href="/x">A</a><strong>\xa0: </strong>b!</h3>', ("/x",)),
        ('<p><strong><a href="/x">Bold</a> pseudo</strong></p>', ("/x",)),
        ('<h2><a href="javascript:x">bad</a> #</h2>', ("javascript:x",)),
        ('<h2><a href="/x">two</a><br>lines</h2>', ("/x",)),
    ],
)
def test_flat_headings_are_the_walk(html: str, links: tuple[str, ...]) -> None:
    found = tuple(
        _link(href, href, LinkKind.UNSAFE)
        if href.startswith("javascript")
        else _link(href, "https://example.org" + href)
        for href in links
    )
    flat = flat_heading(html, found, BASE)
    assert flat is not None
    assert flat == _walk_heading(html, found, BASE)


@pytest.mark.parametrize(
    "html",
    [
        "<h2>a<h3>b</h3></h2>",  # a heading in a heading
        "<h2><p>a</p></h2>",
        "<h2>a<table><tr><td>b</td></tr></table></h2>",
    ],
)
def test_flat_headings_leave_the_rest_to_the_walk(html: str) -> None:
    assert flat_heading(html, (), BASE) is None
