"""
The cheap tests that spare ordinary content the careful paths of the parse.

Each guard must let through everything its careful path would change: the
repairs before libxml2 (attribute floods, document tags), the end tags of
elements libxml2 lets swallow text, the WordPress rewrites of the tree, and
the id prescan of fragment links.  Each test here fails if its guard lets
such input take the fast path.
"""

from __future__ import annotations

import html
import warnings

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import wpparse
from wpparse import LinkKind, WPParseWarning
from wpparse._content import walk
from wpparse._content.links import LinkResolver
from wpparse._html.repair import (
    _DOCUMENT_TAGS,
    MAX_ATTRIBUTES,
    _needs_repair,
    strip_excess_attributes,
)
from wpparse._html.snippet import _unescape, html_to_text

# --- the repairs before libxml2 -----------------------------------------------------

_FLOOD = MAX_ATTRIBUTES + 1
_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "text ",
        "<header>",
        "<bdo>",
        "<heading>",
        "<html>",
        "</HTML >",
        "<Body class=x>",
        "</bOdY>",
        "<head>",
        "</hEaD\n>",
        "<body_x>",
        '<a href="x">',
        '<a title="1 > 0">',
        "=",
        "<i " + " ".join(f"a{i}" for i in range(_FLOOD)) + ">",
        "<i " + " ".join(f'a{i}=">"' for i in range(_FLOOD)) + ">",
        "<i " + " ".join(f'a{i}=">"' for i in range(MAX_ATTRIBUTES - 2)) + ">",
        "<i " + "\t".join(f"a{i}='x'" for i in range(_FLOOD)) + ">",
        "<i " + " ".join(f"a{i}=1" for i in range(MAX_ATTRIBUTES - 1)) + ">",
        "x" * (2 * MAX_ATTRIBUTES),
        "=" * MAX_ATTRIBUTES,
    ]
)


def _changed_by_repairs(html: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        stripped = strip_excess_attributes(html, "$")
    return stripped != html or _DOCUMENT_TAGS.search(html) is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=6).map("".join))
def test_the_repair_hint_finds_everything_the_repairs_change(html: str) -> None:
    if _changed_by_repairs(html):
        assert _needs_repair(html)


@pytest.mark.parametrize(
    "html",
    [
        "<p>a</p></body>after",
        "a</HTML>b",
        "<Head><title>t</title></Head>x",
        "<p>a</p><BODY\nclass=x>b",
        "<p><i " + " ".join(f'a{i}=">"' for i in range(_FLOOD)) + ">b</i></p>",
        "<p><i " + " ".join(f"a{i}" for i in range(_FLOOD)) + ">b</i></p>",
    ],
    ids=["end-body", "end-html", "head", "start-body", "angle-flood", "bare-flood"],
)
def test_content_the_repairs_change_takes_the_careful_path(html: str) -> None:
    assert _needs_repair(html)
    assert _changed_by_repairs(html)


@pytest.mark.parametrize(
    "html",
    [
        "<header><h2>Title</h2></header><p>text</p>",
        "<p>" + "word " * 1_000 + "</p>",
        "<p><a title='1 > 0' href='/x'>x</a></p>",
    ],
)
def test_ordinary_content_takes_the_fast_path(html: str) -> None:
    assert not _needs_repair(html)


def test_a_stray_body_tag_with_an_odd_case_still_keeps_the_text_after_it() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = html_to_text("<p>before</p></bOdY ><p>after</p>")

    assert "before after" == text


def test_an_attribute_flood_hidden_behind_angles_is_still_cut() -> None:
    attrs = " ".join(f'a{i}=">"' for i in range(3 * MAX_ATTRIBUTES))

    with pytest.warns(WPParseWarning, match="dropped 2000 attributes"):
        sections = wpparse.parse_content(f"<p>a <i {attrs}>b</i> c</p>")

    assert "a b c" == " ".join(sections[0].blocks[0].text.split())


# --- the text of titles and excerpts ------------------------------------------------

_REFERENCE_PIECES = st.sampled_from(
    [
        "&",
        "#",
        ";",
        "amp;",
        "&amp;",
        "&#038;",
        "&#8217;",
        "&#82170;",
        "&#08217;",
        "&hellip;",
        "&hellip",
        "&nbsp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&#039;",
        "&#x2019;",
        "&notit;",
        "x",
        " ",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_REFERENCE_PIECES, max_size=8).map("".join))
@example("&#038;amp;")
@example("&amp;amp;")
@example("&amp;#8217;")
@example("&&#8217;")
@example("&#8217;&amp;&hellip")
@example("Rust &amp; Rain: Isn&#8217;t [&hellip;]")
def test_common_references_decode_as_html_unescape_decodes_them(text: str) -> None:
    assert html.unescape(text) == _unescape(text)


# --- what libxml2 lets an unclosed element swallow -----------------------------------


def _text(html: str) -> str:
    return wpparse.to_text(wpparse.parse_post({"id": 1, "content": {"rendered": html}}))


def test_an_end_tag_in_capitals_closes_a_video() -> None:
    """A closed <video>'s fallback is not shown; an unclosed one swallowed the rest."""
    closed = _text('<video><source src="a.mp4">fallback</VIDEO><p>after</p>')
    unclosed = _text('<video><source src="a.mp4"><p>after</p>')

    assert "fallback" not in closed
    assert "after" in closed
    assert "after" in unclosed


# --- the WordPress rewrites --------------------------------------------------------------


def test_a_verse_in_capitals_is_still_a_verse() -> None:
    """The tag is found in the tree (libxml2 lower-cases it), the class in the markup."""
    sections = wpparse.parse_content('<PRE class="wp-block-verse">one\ntwo</PRE>')

    (block,) = sections[0].blocks
    assert "paragraph" == block.kind
    assert ["one", "two"] == block.text.split("\n")


def test_a_button_among_plain_links_stands_apart() -> None:
    html = (
        '<p><a href="/a">a</a> <a href="/b">b</a>Report'
        '<a class="wp-element-button" href="/r.pdf">Download</a></p>'
    )

    (block,) = wpparse.parse_content(html)[0].blocks

    assert "a bReport Download" == block.text


# --- fragment links and the id prescan -----------------------------------------------


def test_anchors_are_read_on_the_first_fragment_link_only() -> None:
    calls: list[int] = []

    def anchors() -> frozenset[str]:
        calls.append(1)
        return frozenset({"usage"})

    resolver = LinkResolver("https://example.org/guide/", anchors=anchors)
    assert LinkKind.INTERNAL == resolver.link("/about/").kind
    assert LinkKind.EXTERNAL == resolver.link("https://other.example/").kind
    assert not calls

    assert "usage" == resolver.link("#usage").target_anchor
    assert resolver.link("#nowhere").target_anchor is None
    assert "usage" == resolver.link("https://example.org/guide/#usage").target_anchor
    assert [1] == calls


def test_content_with_anchors_and_no_links_reads_no_ids(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_prescan(*_: object) -> frozenset[str]:
        raise AssertionError("the ids were read for content without fragment links")

    monkeypatch.setattr(walk, "_prescan_anchors", no_prescan)
    sections = wpparse.parse_content(
        '<h2 id="intro">Intro</h2><p id="p1">a <a href="/x">x</a></p>'
        '<h2 id="next">Next</h2><p>b</p>'
    )

    assert ["intro", "next"] == [s.anchor for s in sections]


def test_fragment_links_still_find_their_anchors() -> None:
    html = (
        '<p><a href="#next">to next</a> <a href="#p1">to a paragraph</a> '
        '<a href="#caf%C3%A9">to café</a></p>'
        '<h2 id="next">Next</h2><p id="p1">b</p><h2 id="café">Café</h2>'
    )

    post = wpparse.parse_post(
        {"id": 1, "link": "https://example.org/p/", "content": {"rendered": html}}
    )

    assert ["next", None, "café"] == [link.target_anchor for link in post.links]
