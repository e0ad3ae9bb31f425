"""Stage 2: content HTML to blocks of the right kind, with their text, HTML, links and media."""

from __future__ import annotations

import pytest

import wpparse
from wpparse import Block, BlockKind
from wpparse._content.blocks import list_block
from wpparse._content.element_text import collect, finish, text_of
from wpparse._content.stream import paragraph_block
from wpparse._content.vocabulary import content_root, serialise

PAGE = "https://example.org/2025/07/post/"


def _blocks(html: str) -> list[Block]:
    return [
        b
        for top in wpparse.parse_content(html, base_url=PAGE, headings="html")
        for s in top.walk()
        for b in s.blocks
    ]


def _one(html: str) -> Block:
    (block,) = _blocks(html)
    return block


def test_paragraph_text_html_and_entities() -> None:
    block = _one("<p>Tom &amp; Jerry&#8217;s   <em>big</em>\n day&hellip;</p>")

    assert BlockKind.PARAGRAPH == block.kind
    assert "Tom & Jerry’s big day…" == block.text
    assert "<p>Tom &amp; Jerry’s   <em>big</em>\n day…</p>" == block.html
    assert block.lead is None


def test_line_breaks_are_kept_as_newlines() -> None:
    assert (
        "12 Main Street\nSpringfield"
        == _one("<p>12 Main Street<br />\nSpringfield</p>").text
    )


def test_run_in_lead() -> None:
    block = _one("<p><strong>Note:</strong> the lead is recorded.</p>")

    assert "Note:" == block.lead
    assert "Note: the lead is recorded." == block.text


def test_script_style_and_comments_give_no_text() -> None:
    html = "<p>a<script>var x = 1;</script>b<!-- hidden --></p><style>p{}</style><noscript>n</noscript>"

    assert ["ab"] == [b.text for b in _blocks(html)]


def test_lists() -> None:
    block = _one("<ol><li>One <b>1</b></li><li>Two<ul><li>Two a</li></ul></li></ol>")

    assert BlockKind.LIST == block.kind
    assert block.ordered
    assert ("One 1", "Two\nTwo a") == block.items
    assert "One 1\nTwo\nTwo a" == block.text


def test_quote_with_citation() -> None:
    block = _one(
        "<blockquote><p>To be.</p><p>Or not.</p><cite>Hamlet</cite></blockquote>"
    )

    assert BlockKind.QUOTE == block.kind
    assert "To be.\n\nOr not.\n\nHamlet" == block.text
    assert "Hamlet" == block.caption


def test_table_rows_and_caption() -> None:
    html = (
        '<figure class="wp-block-table"><table><thead><tr><th>Name</th><th>Qty</th></tr></thead>'
        "<tbody><tr><td>Apple</td><td>3</td></tr></tbody></table>"
        "<figcaption>Fruit</figcaption></figure>"
    )

    block = _one(html)

    assert BlockKind.TABLE == block.kind
    assert (("Name", "Qty"), ("Apple", "3")) == block.rows
    assert "Fruit" == block.caption
    assert "Name\nQty\nApple\n3\nFruit" == block.text


def test_gutenberg_image() -> None:
    html = (
        '<figure class="wp-block-image size-large"><a href="/full.jpg">'
        '<img src="/wp-content/uploads/a.jpg" alt="A cat" class="wp-image-123"/></a>'
        "<figcaption class='wp-element-caption'>The <em>cat</em></figcaption></figure>"
    )

    block = _one(html)

    assert BlockKind.FIGURE == block.kind
    assert "https://example.org/wp-content/uploads/a.jpg" == block.src
    assert "A cat" == block.alt
    assert "The cat" == block.caption
    assert "The cat" == block.text
    assert 123 == block.attachment_id
    assert ["https://example.org/full.jpg"] == [link.url for link in block.links]


def test_classic_caption_shortcode_output() -> None:
    html = (
        '<div id="attachment_77" class="wp-caption aligncenter">'
        '<img data-src="//cdn.example.org/b.png" src="data:image/gif;base64,R0lGOD" alt="">'
        '<p class="wp-caption-text">A lazy image</p></div>'
    )

    block = _one(html)

    assert BlockKind.FIGURE == block.kind
    assert "https://cdn.example.org/b.png" == block.src
    assert "" == block.alt
    assert 77 == block.attachment_id
    assert "A lazy image" == block.caption


def test_image_alone_in_a_paragraph_is_a_figure() -> None:
    block = _one('<p><img src="x.jpg" class="alignnone wp-image-9 size-full"></p>')

    assert (BlockKind.FIGURE, f"{PAGE}x.jpg", 9) == (
        block.kind,
        block.src,
        block.attachment_id,
    )


def test_gallery_gives_one_figure_per_image() -> None:
    html = (
        '<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="/1.jpg">'
        "<figcaption>One</figcaption></figure><figure class='wp-block-image'><img src='/2.jpg'></figure>"
        "<figcaption>Both</figcaption></figure>"
    )

    blocks = _blocks(html)

    assert [
        (BlockKind.FIGURE, "https://example.org/1.jpg", "One"),
        (BlockKind.FIGURE, "https://example.org/2.jpg", None),
        (BlockKind.PARAGRAPH, None, None),
    ] == [(b.kind, b.src, b.caption) for b in blocks]
    assert "Both" == blocks[2].text


def test_classic_gallery_shortcode() -> None:
    html = (
        '<div id="gallery-1" class="gallery galleryid-5"><dl class="gallery-item">'
        '<dt class="gallery-icon"><a href="/a/"><img src="/a.jpg" class="attachment-thumbnail"></a></dt>'
        '<dd class="wp-caption-text gallery-caption">First</dd></dl>'
        '<dl class="gallery-item"><dt class="gallery-icon"><img src="/b.jpg"></dt></dl></div>'
    )

    blocks = _blocks(html)

    assert [
        (BlockKind.FIGURE, "https://example.org/a.jpg"),
        (BlockKind.PARAGRAPH, None),
        (BlockKind.FIGURE, "https://example.org/b.jpg"),
    ] == [(b.kind, b.src) for b in blocks]
    assert ["https://example.org/a/"] == [link.url for link in blocks[0].links]


@pytest.mark.parametrize(
    ("html", "src"),
    [
        (
            (
                '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">'
                '<iframe src="https://www.youtube.com/embed/abc" title="v"></iframe></div></figure>'
            ),
            "https://www.youtube.com/embed/abc",
        ),
        (
            (
                '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
                "https://twitter.com/x/status/1\n</div></figure>"
            ),
            "https://twitter.com/x/status/1",
        ),
        (
            '<video controls><source src="/v.mp4" type="video/mp4">Old browser</video>',
            "https://example.org/v.mp4",
        ),
        ('<div class="wp-audio"><audio src="a.mp3"></audio></div>', f"{PAGE}a.mp3"),
        (
            '<p><iframe src="//player.vimeo.com/video/1"></iframe></p>',
            "https://player.vimeo.com/video/1",
        ),
    ],
)
def test_embeds(html: str, src: str) -> None:
    block = _one(html)

    assert BlockKind.EMBED == block.kind
    assert src == block.src
    assert "Old browser" not in block.text


def test_code_keeps_whitespace_and_language() -> None:
    block = _one(
        '<pre class="wp-block-code"><code class="language-python">def f():\n    return 1 &lt; 2\n</code></pre>'
    )

    assert BlockKind.CODE == block.kind
    assert "def f():\n    return 1 < 2" == block.text
    assert "python" == block.language


def test_syntaxhighlighter_brush() -> None:
    assert (
        "php"
        == _one('<pre class="brush: php; title: ; notranslate">echo 1;</pre>').language
    )


def test_separator_and_other() -> None:
    blocks = _blocks(
        "<hr class='wp-block-separator'/><details><summary>More</summary><p>Hidden</p></details>"
    )

    assert [BlockKind.SEPARATOR, BlockKind.OTHER] == [b.kind for b in blocks]
    assert "More\n\nHidden" == blocks[1].text


def test_loose_text_in_wrappers_becomes_paragraphs() -> None:
    html = "<div class='elementor'>Loose <b>text</b><div>Inner</div>tail</div>Outside"

    blocks = _blocks(html)

    assert ["Loose text", "Inner", "tail", "Outside"] == [b.text for b in blocks]
    assert "Loose <b>text</b>" == blocks[0].html


def test_links_of_wrapping_anchor_and_empty_paragraph_are_kept() -> None:
    html = '<a href="/card/"><div><h3>Card</h3><p>Body</p></div></a><p><a href="/empty/"></a></p>'

    links = wpparse.extract_links(html, base_url=PAGE)

    assert ["https://example.org/card/", "https://example.org/empty/"] == [
        link.url for link in links
    ]


def test_post_fields_are_filled(sample_data: dict[str, object]) -> None:
    post = wpparse.parse_post(sample_data)

    assert post.sections
    assert all(link.url for link in post.links)
    assert post.soup().get_text()


def test_nested_table_rows_belong_to_their_own_table() -> None:
    html = "<table><tr><td>Outer<table><tr><td>Inner</td></tr></table></td><td>B</td></tr></table>"

    block = _one(html)

    assert (("Outer\nInner", "B"),) == block.rows


def test_a_card_link_takes_the_text_of_its_card() -> None:
    html = '<a href="/card/"><div><h3>Card title</h3><p>Card body</p></div></a>'

    (link,) = wpparse.extract_links(html, base_url=PAGE)

    assert "Card title Card body" == link.text


def test_link_text_of_a_huge_card_is_bounded() -> None:
    html = '<a href="/card/"><div>' + "<p>word</p>" * 500 + "</div></a>"

    (link,) = wpparse.extract_links(html, base_url=PAGE)

    assert link.text.startswith("word word")
    assert len(link.text.split()) < 500


def test_empty_containers_give_no_blocks_but_keep_their_links() -> None:
    html = '<ul></ul><table><tr><td> </td></tr></table><figure></figure><img><ul><li><a href="/x"></a></li></ul>'

    assert [] == _blocks(html)
    assert ["https://example.org/x"] == [
        link.url for link in wpparse.extract_links(html, base_url=PAGE)
    ]


def test_a_byte_order_mark_is_not_text() -> None:
    assert ["bom"] == [b.text for b in _blocks("\ufeff<p>bom</p>")]


def test_object_embed_takes_its_data_url() -> None:
    block = _one(
        '<object data="/movie.swf" type="application/x-shockwave-flash"></object>'
    )

    assert (BlockKind.EMBED, "https://example.org/movie.swf") == (block.kind, block.src)


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li><h3>One</h3></li><li><h3>Two</h3></li></ul>",
        "<blockquote><h3>Title</h3><img src='/a.jpg'></blockquote>",
    ],
)
def test_a_container_with_more_than_one_heading_keeps_them(html: str) -> None:
    assert [BlockKind.QUOTE if "blockquote" in html else BlockKind.LIST] == [
        b.kind for b in _blocks(html)
    ]


@pytest.mark.parametrize(
    "html",
    [
        "<p>one<br>two</p>",
        "<p><br>lead<br><br>  spaced   out <br></p>",
        "<p><b>bold<br>line</b> tail<br><i>it<br></i>end</p>",
        "<p>a <a href='/x'>link<br>broken</a> b<br>\n \n<br>c</p>",
        "<p>no breaks <b>at</b> all</p>",
        "<p>img <img src='x.png'> and <a href='/y'><img src='y.png'></a> text</p>",
        "<p>x<br>y<iframe>fallback</iframe>z</p>",
        "<p>x<br><span>y<div>block</div>z</span></p>",
    ],
)
def test_text_shortcuts_agree_with_the_full_walk(html: str) -> None:
    # text_of reads plain and <br>-only elements without walking every event;
    # it must give what the walk that knows every block gives.
    body = content_root(html)
    assert body is not None
    el = body[0]
    parts: list[str | int] = []
    collect(el, parts)

    assert finish(parts) == text_of(el)
    assert text_of(el)


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li>a</li><li>b<br>c</li><li></li><li> d  e </li></ul>",
        "<ul>\n  <li>a</li>\n  <li><b>b</b> and <a href='/x'>c</a></li>\n</ul>",
        "<ul>stray<li>a</li></ul>",
        "<ul><li>a</li>tail text<li>b</li></ul>",
        "<ol><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ol>",
        "<dl><dt>term</dt><dd>one<br>two<br></dd></dl>",
        "<ul><li><p>a</p><p>b</p></li></ul>",
        "<ul><li>a<iframe>fallback</iframe>b</li></ul>",
        "<ul><li>a</li><br><li>b</li></ul>",
    ],
)
def test_list_text_shortcut_agrees_with_the_full_walk(html: str) -> None:
    # A list of plain items takes its text from its items; any list must get
    # what the walk over the whole list gives.
    body = content_root(html)
    assert body is not None
    el = body[0]

    block, _ = list_block(el, (), html="")

    assert text_of(el) == block.text


def test_fast_paragraph_block_is_the_block_attrs_builds() -> None:
    link = wpparse.Link(url="https://example.com/", href="/", text="home")
    built = Block(
        kind=BlockKind.PARAGRAPH, text="a b", html="<p>a b</p>", links=(link,), lead="a"
    )

    fast = paragraph_block("a b", "<p>a b</p>", (link,), "a")

    assert built == fast
    assert hash(built) == hash(fast)
    assert repr(built) == repr(fast)


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "a &amp; b &lt;c&gt; &quot;q&quot; 'x'",
        "nb&nbsp;sp\u2009thin",
        "x\r\ny\tz",
        "émoji 😀",
    ],
)
def test_plain_paragraph_html_is_what_lxml_writes(text: str) -> None:
    # A <p> without attributes or children is serialised by escaping its text,
    # without a call into lxml: it must be what lxml itself would write.
    body = content_root(f"<p>{text}</p>")
    assert body is not None
    (section,) = wpparse.parse_content(f"<p>{text}</p>")

    assert serialise(body[0]) == section.blocks[0].html


def test_roles_and_facts_are_named() -> None:
    from wpparse._content.vocabulary import ROLE, Fact, Role
    from wpparse._content.walk import split_content

    assert Role.LIST is ROLE["ol"]
    assert Role.TRANSPARENT is ROLE["div"]
    pieces, _ = split_content(
        "<p><strong><a href='/x'>Bold link</a></strong></p>", None
    )
    assert Fact.BOLD | Fact.LINKED == Fact(pieces[0].flags)


def test_asking_an_elements_role_records_nothing() -> None:
    from wpparse._content.links import LinkResolver
    from wpparse._content.vocabulary import Role
    from wpparse._content.walk import _Walker

    body = content_root("<a href='/card'><div>Card</div></a>")
    assert body is not None
    walker = _Walker(LinkResolver("https://example.org/"))
    walker.body = body
    card = body[0]

    assert Role.TRANSPARENT is walker.role_of(card)
    assert Role.TRANSPARENT is walker.role_of(card)
    assert [] == walker.out.links
    walker.walk(body)
    assert ["https://example.org/card"] == [link.url for link in walker.out.links]
