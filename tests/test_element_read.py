"""
The one-pass readers of the content walk give what the separate readers give.

:func:`~wpparse._content.element_text.read_element` reads a paragraph's or a
heading's text, links, media, facts, lead and anchor together; each field must
be what the reader of that one thing (``text_of``, ``facts``, ``run_in_lead``,
``anchor_of``) says, on hand-picked shapes and on generated HTML.
:func:`~wpparse._content.vocabulary.is_caption_hint` must agree with the
pattern it stands for.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.property.strategies import html_fragments
from wpparse._content.element_text import (
    ElementRead,
    add_inline,
    add_text,
    facts,
    has_descendant,
    read_element,
    read_flat,
    read_general,
    run_in_lead,
    text_of,
)
from wpparse._content.vocabulary import (
    CAPTION_HINT,
    MEDIA_SET,
    anchor_of,
    content_root,
    is_caption_hint,
)
from wpparse._text import collecting_warnings

_SHORT = 200


def _reference(el: etree._Element, short: int) -> ElementRead:
    """What read_element gives, from one reader per field."""
    text = text_of(el)
    anchors = list(el.iterdescendants("a"))
    media = any(n.tag in MEDIA_SET - {"picture"} for n in el.iterdescendants())
    if not text:
        return ElementRead(text, anchors, media, 0, None, el.get("id"))
    lead = run_in_lead(el, text) if len(el) else None
    if len(text) > short:
        return ElementRead(text, anchors, media, 0, lead, el.get("id"))
    return ElementRead(text, anchors, media, facts(el), lead, anchor_of(el))


def _elements(html: str) -> list[etree._Element]:
    with collecting_warnings():  # repaired markup is not what is tested here
        body = content_root(html)
    if body is None:
        return []
    return list(body.iter("p", "h1", "h2", "h3", "h4", "h5", "h6"))


@pytest.mark.parametrize(
    "html",
    [
        "<p>plain</p>",
        "<p id=' x '>  spaced \n out  </p>",
        "<p><strong>In conclusion,</strong> it works.</p>",
        "<p> <b>Lead only</b></p>",
        "<p>1. <strong>Numbered title</strong></p>",
        "<p><em>all <a href='/x'>italic</a></em></p>",
        "<p><a href='/a'>all</a> <a href='/b'>linked</a></p>",
        "<p><a name='anchor'></a>named</p>",
        "<p>a<br>b<br></p>",
        "<p>text<iframe src='https://v.example/1'>fallback</iframe>after</p>",
        "<p><img src='/i.png'> caption</p>",
        "<p><picture><img src='/i.png'></picture></p>",
        "<p><picture></picture>text</p>",
        "<p>a<?php echo 1; ?>b</p>",
        "<p><span style='font-weight:700'>styled bold</span></p>",
        "<p><span><b>deep</b> <i>nest</i></span><svg><text>no</text></svg></p>",
        "<p>" + "long " * 60 + "<b>x</b></p>",
        "<p id='long'>" + "long " * 60 + "<span id='inner'>x</span></p>",
        "<h2>Title <a href='#t' id='t'>link</a></h2>",
        "<h3><b>Bold</b><br>subtitle</h3>",
        "<p><b></b></p>",
        "<p> </p>",
    ],
)
@pytest.mark.parametrize("short", [0, _SHORT])
def test_read_element_is_the_separate_readers(html: str, short: int) -> None:
    elements = _elements(html)
    assert elements
    for el in elements:
        assert read_element(el, short) == _reference(el, short)


@given(html_fragments)
@settings(max_examples=200, deadline=None)
def test_read_element_agrees_on_generated_html(html: str) -> None:
    for el in _elements(html):
        assert read_element(el, _SHORT) == _reference(el, _SHORT)


@pytest.mark.parametrize(
    "html",
    [
        "<p><strong>A bold title</strong></p>",
        "<p> <b>Lead</b> and more text after it</p>",
        "<p>x <b>  </b> y</p>",
        "<p><b>\u00a0In  two\n lines</b></p>",
        "<p><b>1.</b> Step one</p>",
        "<p><a href='/a'>all</a> <a href='/b'>linked</a></p>",
        "<p><a name='n'></a>named</p>",
        "<p><span id='inner'>x</span> y</p>",
        "<p><a href='/a'>a</a><br>b<br></p>",
        "<p><br><br></p>",
        "<p><span style='font-weight: bold'>styled</span></p>",
        "<p><i>italic</i><em> all</em></p>",
        "<p>" + "long " * 60 + "<b>x</b></p>",
        "<h2>Title <a href='#t' id='t'>link</a></h2>",
    ],
)
@pytest.mark.parametrize("short", [0, _SHORT])
def test_flat_reading_is_the_general_one(html: str, short: int) -> None:
    """Children without children: read_flat takes them, and reads as the general path."""
    (el,) = _elements(html)
    flat = read_flat(el, short)
    assert flat is not None
    assert flat == read_general(el, short)


@pytest.mark.parametrize(
    "html",
    [
        "<p><b><i>nested</i></b></p>",
        "<p><img src='/i.png'> caption</p>",
        "<p>x<iframe src='https://v.example/1'></iframe>y</p>",
        "<p>a<label>b</label><textarea>c</textarea></p>",
        "<p><svg><text>no</text></svg>text</p>",
        "<p>no children</p>",
    ],
)
def test_flat_reading_leaves_other_shapes(html: str) -> None:
    """Nested children, images, players, blocks and hidden content: the general path."""
    (el,) = _elements(html)
    assert read_flat(el, _SHORT) is None


def test_flat_reading_leaves_comments() -> None:
    """(The content's parser drops comments; a tree from elsewhere may hold them.)"""
    el = etree.fromstring("<p>a<!-- note -->b <b>c</b></p>")
    assert read_flat(el, _SHORT) is None
    assert read_element(el, _SHORT) == read_general(el, _SHORT)
    assert read_element(el, _SHORT).text == "ab c"


@given(html_fragments)
@settings(max_examples=200, deadline=None)
def test_flat_reading_agrees_on_generated_html(html: str) -> None:
    for el in _elements(html):
        flat = read_flat(el, _SHORT)
        if flat is not None:
            assert flat == read_general(el, _SHORT)


@pytest.mark.parametrize(
    "classes",
    [
        "",
        "wp-caption-text",
        "WP-CAPTION",
        "has-text-align-center",
        "elementor-widget elementor-button-wrapper",
        "post-Date",
        "\u017fource",  # a long s: IGNORECASE takes it for "s"
        "\u212atime",  # a Kelvin sign before "time"
        "caf\u00e9 byline",
        "caf\u00e9",
    ],
)
def test_caption_hint_is_the_pattern(classes: str) -> None:
    assert is_caption_hint(classes) is (CAPTION_HINT.search(classes) is not None)


@given(st.text())
def test_caption_hint_is_the_pattern_on_any_text(classes: str) -> None:
    assert is_caption_hint(classes) is (CAPTION_HINT.search(classes) is not None)


def _inline_reference(
    el: etree._Element,
) -> tuple[list[str | int], bool, list[etree._Element]]:
    """What add_inline gives, from add_text, has_descendant and the links' search."""
    parts: list[str | int] = []
    add_text(el, parts)
    media = has_descendant(el, MEDIA_SET)
    anchors = [el] if el.tag == "a" else list(el.iterdescendants("a"))
    return parts, media, anchors


def _inline(el: etree._Element) -> tuple[list[str | int], bool, list[etree._Element]]:
    parts: list[str | int] = []
    media, anchors = add_inline(el, parts)
    return parts, media, anchors


@pytest.mark.parametrize(
    "html",
    [
        "<div>x <span>plain</span></div>",
        "<div><span></span></div>",
        "<div><a href='/a'>link <a href='/b'>inner</a></a></div>",
        "<div><span>a <a href='/a'>b</a> <b>c<br>d</b></span></div>",
        "<div><span><picture><source srcset='/p.webp'></picture> pic</span></div>",
        "<div><span><img src='/i.png'>img</span></div>",
        "<div><span>t<iframe src='/f'>fallback</iframe>u</span></div>",
        "<div><svg><text>hidden</text></svg></div>",
        "<div><canvas></canvas></div>",
        "<div><label>a<select><option>one<option>two</select></label></div>",
        "<div><em>a<?php x ?>b</em></div>",
    ],
)
def test_add_inline_is_the_separate_readers(html: str) -> None:
    with collecting_warnings():
        body = content_root(html)
    assert body is not None
    for el in body.iter():
        if el.tag not in {"body", "div"} and isinstance(el.tag, str):
            assert _inline(el) == _inline_reference(el)


@given(html_fragments)
@settings(max_examples=200, deadline=None)
def test_add_inline_agrees_on_generated_html(html: str) -> None:
    with collecting_warnings():
        body = content_root(html)
    if body is None:
        return
    for el in body.iter():
        if isinstance(el.tag, str):
            assert _inline(el) == _inline_reference(el)
