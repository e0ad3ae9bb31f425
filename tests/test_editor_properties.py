"""Invariants of the editor data readers on any text (Hypothesis)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from wpparse._editor.blocks import parse_blocks
from wpparse._editor.seo import seo_from_head_html, seo_from_head_json
from wpparse._editor.shortcodes import find_shortcodes, strip_shortcodes

# Text made of the pieces that matter to the parsers, and anything else.
_PIECES = st.sampled_from(
    [
        "<!-- wp:a -->", "<!-- /wp:a -->", "<!-- wp:b /-->", '<!-- wp:c {"x":"}"} -->',
        "<!--", "-->", "{", "}", "[", "]", "[/", "[[", "]]", "[gallery", "[vc_row",
        "[/vc_row]", "[toggle]", "[/toggle]", ' a="1"', " b=2", "/", "<p>", "</p>",
        "<script>", "</script>", "<pre>", "<b ", ">", "=", '"', "'", " ", "\n", "x",
        "&#8221;", "\u00a0",
    ]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=60),
    st.lists(_PIECES | st.text(max_size=3), max_size=30).map("".join),
)


def _is_subsequence(short: str, long: str) -> bool:
    characters = iter(long)
    return all(character in characters for character in short)


@given(TEXT)
def test_parse_blocks_takes_any_text(text: str) -> None:
    blocks = parse_blocks(text)

    assert all(
        block.name is None or block.name.count("/") == 1
        for b in blocks
        for block in b.walk()
    )
    json.dumps([block.to_dict() for block in blocks])
    for block in blocks:
        if block.name is None:
            assert block.inner_html in text
            assert block.inner_content == (block.inner_html,)
        for inner in block.walk():
            assert inner.inner_content.count(None) == len(inner.inner_blocks)
            assert inner.inner_html == "".join(
                p for p in inner.inner_content if p is not None
            )


@given(TEXT)
def test_text_without_delimiters_is_one_freeform_block(text: str) -> None:
    text = text.replace("<!--", "")

    assert [block.to_dict() for block in parse_blocks(text)] == (
        [
            {
                "blockName": None,
                "attrs": {},
                "innerBlocks": [],
                "innerHTML": text,
                "innerContent": [text],
            }
        ]
        if text
        else []
    )


@given(TEXT)
def test_stripping_only_removes(text: str) -> None:
    stripped = strip_shortcodes(text)

    assert _is_subsequence(stripped, text)
    assert strip_shortcodes(stripped) == stripped or "[[" in text


@given(TEXT)
def test_found_shortcodes_are_where_they_say(text: str) -> None:
    previous = -1
    for code in find_shortcodes(text):
        assert text.startswith("[" + code.name, code.start)
        assert text[code.end - 1] == "]"
        assert code.start > previous
        previous = code.start
        if code.content is not None:
            assert code.content in text[code.start : code.end]


@given(TEXT)
def test_seo_readers_take_any_text(text: str) -> None:
    seo_from_head_html(text)
    seo_from_head_json(
        {"title": text, "og_image": [{"url": text, "width": text}], "robots": text}
    )
