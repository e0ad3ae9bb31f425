"""
WordPress blocks read as a reader sees them, in every output (issue #15).

Each test is markup a block (or a theme, or a plugin) renders, and what the
text and the Markdown must say of it.
"""

from __future__ import annotations

import warnings

import pytest

import wpparse
from wpparse import BlockKind

BASE = "https://example.org/2024/01/post/"


def _post(markup: str) -> wpparse.Post:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        return wpparse.parse_post(
            {"id": 1, "link": BASE, "content": {"rendered": markup}}
        )


def _blocks(post: wpparse.Post) -> list[wpparse.Block]:
    return [b for s in post.walk() for b in s.blocks]


# -- #15.5: words glued or polluted -----------------------------------------

FILE = (
    '<div class="wp-block-file"><a id="f1" href="https://example.org/r.pdf">'
    'Annual report</a><a href="https://example.org/r.pdf" '
    'class="wp-block-file__button wp-element-button" download>Download</a></div>'
)


def test_a_file_block_keeps_its_name_apart_from_its_button() -> None:
    post = _post(FILE)

    assert "Annual report Download\n" == post.to_text()
    assert (
        "[Annual report](https://example.org/r.pdf) "
        "[Download](https://example.org/r.pdf)\n" == post.to_markdown()
    )


@pytest.mark.parametrize(
    "button",
    [
        '<a class="btn btn-primary" href="https://example.org/go">Go</a>',
        '<button class="elementor-button">Go</button>',
        '<span class="wp-element-button">Go</span>',
    ],
)
def test_any_button_stands_apart_from_the_text_around_it(button: str) -> None:
    post = _post(f"<p>Ready?{button}Now.</p>")

    assert "Ready? Go Now.\n" == post.to_text()


FOOTNOTES = (
    '<p>Rises in spring<sup data-fn="a1" class="fn"><a href="#a1" id="a1-link">1'
    '</a></sup> and falls<sup data-fn="b2" class="fn"><a href="#b2" id="b2-link">'
    "2</a></sup>.</p>"
    '<ol class="wp-block-footnotes"><li id="a1">Snow melt. <a href="#a1-link" '
    'aria-label="Jump to footnote reference 1">↩︎</a></li><li id="b2">See <a '
    'href="https://example.org/r">the report</a>. <a href="#b2-link" '
    'aria-label="Jump to footnote reference 2">↩︎</a></li></ol>'
)


def test_footnote_marks_do_not_merge_into_the_word_in_text() -> None:
    text = _post(FOOTNOTES).to_text()

    assert text.startswith("Rises in spring[1] and falls[2].\n")
    assert "spring1" not in text
    assert "↩" not in text
    assert "1. Snow melt.\n2. See the report.\n" in text


def test_footnotes_are_footnotes_in_markdown() -> None:
    markdown = _post(FOOTNOTES).to_markdown()

    assert markdown == (
        "Rises in spring[^1] and falls[^2].\n\n"
        "[^1]: Snow melt.\n"
        "[^2]: See [the report](https://example.org/r).\n"
    )


def test_the_footnote_links_stay_links_of_the_post() -> None:
    post = _post(FOOTNOTES)

    assert [(link.url, link.text) for link in post.links] == [
        (BASE + "#a1", "[1]"),
        (BASE + "#b2", "[2]"),
        (BASE + "#a1-link", ""),
        ("https://example.org/r", "the report"),
        (BASE + "#b2-link", ""),
    ]


def test_an_accordion_icon_does_not_leak_into_its_title() -> None:
    post = _post(
        '<div class="wp-block-accordion-item"><h3 class="wp-block-accordion-heading">'
        '<button class="wp-block-accordion-heading__toggle"><span class="'
        'wp-block-accordion-heading__toggle-title">Accordion Title</span><span '
        'class="wp-block-accordion-heading__toggle-icon" aria-hidden="true">+</span>'
        '</button></h3><div role="region" class="wp-block-accordion-panel"><p>Body'
        "</p></div></div>"
    )

    assert ["Accordion Title"] == [s.title for s in post.sections]
    assert post.to_markdown().startswith("### Accordion Title\n")


def test_a_details_icon_does_not_leak_into_its_summary() -> None:
    post = _post(
        '<details><summary>More <span class="toggle-icon">▸</span></summary>'
        "<p>Hidden</p></details>"
    )

    assert "More\n\nHidden\n" == post.to_text()


def test_select_options_do_not_glue_in_markdown() -> None:
    post = _post(
        "<form><label>Pick</label><select><option>Apple</option>"
        "<option>Pear</option></select></form>"
    )

    assert "Pick\n\nApple\\\nPear\n" == post.to_markdown()
    assert "Pick\n\nApple\nPear\n" == post.to_text()


MATH = (
    '<div class="wp-block-math"><math display="block"><semantics><mrow><msup>'
    '<mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">'
    "x^2</annotation></semantics></math></div>"
    "<p>So <math><semantics><msub><mi>y</mi><mn>1</mn></msub><annotation "
    'encoding="application/x-tex">y_1</annotation></semantics></math> grows.</p>'
)


def test_math_reads_as_its_tex_source_not_mathml_glued_to_it() -> None:
    post = _post(MATH)

    assert "x^2\n\nSo y_1 grows.\n" == post.to_text()
    assert "```math\nx^2\n```\n\nSo `y_1` grows.\n" == post.to_markdown()


def test_math_without_tex_keeps_its_mathml_text() -> None:
    post = _post("<p>So <math><mi>y</mi></math> grows.</p>")

    assert "So y grows.\n" == post.to_text()


def test_the_normalised_blocks_keep_their_kinds() -> None:
    kinds = [b.kind for b in _blocks(_post(FILE + FOOTNOTES + MATH))]

    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.LIST,
        BlockKind.CODE,
        BlockKind.PARAGRAPH,
    ]


# -- #15.6: plain text keeps what an image shows -----------------------------

IMAGES = (
    "<h2>Pets</h2><p>Our cat sleeps all day.</p>"
    '<figure class="wp-block-image"><img src="https://example.org/cat.jpg" '
    'alt="A  grey cat asleep"></figure>'
    '<figure><img src="https://example.org/dog.jpg" alt="A dog">'
    "<figcaption>Rex, our dog</figcaption></figure>"
    '<p><img src="https://example.org/spacer.gif" alt=""></p>'
    "<p>The end.</p>"
)


def test_a_captionless_image_gives_its_marked_alt_text() -> None:
    post = _post(IMAGES)

    assert "[Image: A grey cat asleep]" in post.text
    assert post.to_text() == (
        "Pets\n\nOur cat sleeps all day.\n\n[Image: A grey cat asleep]\n\n"
        "Rex, our dog\n\nThe end.\n"
    )
    assert "[Image: A grey cat asleep]" in " ".join(c.text for c in post.chunks())


def test_the_alt_text_can_be_left_out() -> None:
    post = _post(IMAGES)

    assert wpparse.to_text(post, alt_text=False) == (
        "Pets\n\nOur cat sleeps all day.\n\nRex, our dog\n\nThe end.\n"
    )
    for max_chars in (10, 40, 1000):
        texts = [c.text for c in wpparse.chunks(post, max_chars, alt_text=False)]
        assert "Image" not in " ".join(texts)
        assert " ".join(texts).split() == (
            [
                "Pets",
                "Our",
                "cat",
                "sleeps",
                "all",
                "day.",
                "Rex,",
                "our",
                "dog",
                "The",
                "end.",
            ]
        )


def test_the_markdown_shows_the_image_not_the_marker() -> None:
    markdown = _post(IMAGES).to_markdown()

    assert "![A grey cat asleep](https://example.org/cat.jpg)" in markdown
    assert "[Image:" not in markdown


def test_a_description_list_reads_alike_in_text_and_markdown() -> None:
    post = _post(
        "<dl><dt>Iron</dt><dd>2 mg/l</dd><dt>Lead</dt><dd>none</dd>"
        "<dd>not even a trace</dd></dl>"
    )

    assert "Iron\n: 2 mg/l\nLead\n: none\n: not even a trace\n" == post.to_text()
    assert (
        "Iron\n\n: 2 mg/l\n\nLead\n\n: none\n\n: not even a trace\n"
        == post.to_markdown()
    )


def test_a_list_inside_details_keeps_its_bullets_in_text() -> None:
    post = _post(
        '<details class="wp-block-details"><summary>More</summary><p>Intro</p>'
        '<ul><li>one</li><li>two<ol start="3"><li>deep</li></ol></li></ul>'
        "<p>after</p></details>"
    )
    (block,) = _blocks(post)

    assert block.kind is BlockKind.OTHER
    assert "More\n\nIntro\n\n- one\n- two\n   3. deep\n\nafter\n" == post.to_text()


def test_text_after_a_list_starts_a_new_line() -> None:
    post = _post(
        "<blockquote><p>Said:</p><ol><li>a</li><li>b</li></ol><cite>Me</cite>"
        "</blockquote>"
    )

    assert "Said:\n\na\nb\nMe" == post.text
    assert "Said:\n\n1. a\n2. b\nMe\n" == post.to_text()


def test_a_verse_keeps_its_stanzas() -> None:
    post = _post(
        '<pre class="wp-block-verse">Roses are <em>red</em>,\nviolets are blue\n\n'
        "sugar is <b>sweet\nand</b> so\n\nare you\n</pre>"
    )

    assert [b.kind for b in _blocks(post)] == [BlockKind.PARAGRAPH] * 3
    assert post.to_text() == (
        "Roses are red,\nviolets are blue\n\nsugar is sweet\nand so\n\nare you\n"
    )
    assert post.to_markdown() == (
        "Roses are *red*,\\\nviolets are blue\n\n"
        "sugar is **sweet\\\nand** so\n\nare you\n"
    )


# -- #15.1: buttons keep their links -----------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        (
            '<div class="wp-block-buttons"><div class="wp-block-button"><a class="'
            'wp-block-button__link wp-element-button" href="https://example.org/go">'
            "Click here</a></div></div>"
        ),
        (
            '<div class="elementor-button-wrapper"><a class="elementor-button '
            'elementor-size-sm" href="https://example.org/go"><span class="elementor-'
            'button-content-wrapper"><span class="elementor-button-icon"><i aria-hidden='
            '"true" class="fas fa-arrow-right"></i></span><span class="elementor-button-'
            'text">Click here</span></span></a></div>'
        ),
        (
            '<div class="wp-block-file"><a href="https://example.org/go">Click here</a>'
            "</div>"
        ),
    ],
)
def test_a_button_is_a_link_in_markdown(markup: str) -> None:
    post = _post(markup)

    assert "[Click here](https://example.org/go)\n" == post.to_markdown()
    assert "Click here\n" == post.to_text()


def test_the_post_methods_take_alt_text_too() -> None:
    post = _post(IMAGES)

    assert post.to_text(alt_text=False) == wpparse.to_text(post, alt_text=False)
    assert "Image" not in post.to_text(alt_text=False)
    assert "[Image: " in post.to_text()
    assert post.chunks(40, alt_text=False) == wpparse.chunks(post, 40, alt_text=False)
    assert "Image" not in " ".join(c.text for c in post.chunks(40, alt_text=False))
