"""Chunks for retrieval: sizes, sentence boundaries, heading trails, offsets, links."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wpparse
from tests.render_support import fixture_post
from wpparse import Block, BlockKind, Chunk, Link, Post, Section


def _para(text: str, *links: Link) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=text, links=links)


def _check_partition(post: Post, chunks: list[Chunk]) -> None:
    """Chunks are in-order slices of the post's text with only whitespace between them."""
    text = post.text
    position = 0
    for index, chunk in enumerate(chunks):
        assert index == chunk.index
        assert chunk.text == text[chunk.start : chunk.end]
        assert chunk.text == chunk.text.strip() or chunk.text.strip() == ""
        assert text[position : chunk.start].strip() == ""
        position = chunk.end
    assert text[position:].strip() == ""


SENTENCES = [
    "The first sentence is here.",
    "A second one follows it!",
    "Is this the third?",
    "U.S. officials said so.",
    "Lower case after a period, e.g. this one, stays whole.",
]


def _nested_post() -> Post:
    paragraph = " ".join(SENTENCES)
    return Post(
        id=9,
        title="T",
        link="https://example.org/t/",
        sections=(
            Section(title=None, level=0, blocks=(_para("Lead paragraph."),)),
            Section(
                title="Divergent Strategic lenses",
                level=2,
                blocks=(),
                children=(
                    Section(
                        title="Relations With the Gulf States",
                        level=3,
                        anchor="gulf",
                        blocks=(_para(paragraph), _para("Short.")),
                    ),
                    Section(title="Tel Aviv", level=3, blocks=(_para("Last words."),)),
                ),
            ),
        ),
    )


def test_heading_trails_and_anchors() -> None:
    post = _nested_post()
    chunks = wpparse.chunks(post, max_chars=1000)

    assert [
        ((), None, "Lead paragraph."),
        (
            ("Divergent Strategic lenses", "Relations With the Gulf States"),
            "gulf",
            "Divergent Strategic lenses\n\nRelations With the Gulf States\n\n"
            + " ".join(SENTENCES)
            + "\n\nShort.",
        ),
        (("Divergent Strategic lenses", "Tel Aviv"), None, "Tel Aviv\n\nLast words."),
    ] == [(c.headings, c.anchor, c.text) for c in chunks]
    assert "https://example.org/t/#gulf" == chunks[1].url
    assert "https://example.org/t/" == chunks[2].url
    _check_partition(post, chunks)


def test_long_paragraph_splits_between_sentences_only() -> None:
    post = _nested_post()
    chunks = wpparse.chunks(post, max_chars=60)
    pieces = [c.text for c in chunks]

    _check_partition(post, chunks)
    assert all(len(piece) <= 60 for piece in pieces)
    for sentence in SENTENCES:
        assert any(sentence in piece for piece in pieces), sentence
    assert "Lower case after a period, e.g. this one, stays whole." in pieces


def test_sentence_longer_than_the_limit_splits_between_words() -> None:
    words = "word " * 40 + "end."
    post = Post(
        id=1, sections=(Section(title=None, level=0, blocks=(_para(words.strip()),)),)
    )
    chunks = wpparse.chunks(post, max_chars=23)

    _check_partition(post, chunks)
    assert all(len(c.text) <= 23 for c in chunks)
    assert all(re.fullmatch(r"(word ?)*(end\.)?", c.text) for c in chunks)


def test_word_longer_than_the_limit_is_cut() -> None:
    post = Post(
        id=1, sections=(Section(title=None, level=0, blocks=(_para("x" * 25 + " y"),)),)
    )
    chunks = wpparse.chunks(post, max_chars=10)

    assert ["x" * 10, "x" * 10, "x" * 5 + " y"] == [c.text for c in chunks]
    _check_partition(post, chunks)


def test_length_function_counts_tokens() -> None:
    post = _nested_post()

    def tokens(text: str) -> int:
        return len(text.split())

    chunks = wpparse.chunks(post, max_chars=8, length=tokens)

    _check_partition(post, chunks)
    assert all(tokens(c.text) <= 8 for c in chunks)
    assert max(len(c.text) for c in chunks) > 8


def test_links_go_with_the_chunk_holding_their_text() -> None:
    first = Link(url="https://a.example/", href="https://a.example/", text="alpha")
    second = Link(url="https://b.example/", href="https://b.example/", text="beta")
    block = _para("See alpha here. Then see beta there.", first, second)
    post = Post(id=1, sections=(Section(title=None, level=0, blocks=(block,)),))
    chunks = wpparse.chunks(post, max_chars=20)

    assert [("See alpha here.", (first,)), ("Then see beta there.", (second,))] == [
        (c.text, c.links) for c in chunks
    ]


def test_chunk_to_dict_is_plain_data() -> None:
    chunk = wpparse.chunks(_nested_post())[1]
    data = chunk.to_dict()

    assert ["Divergent Strategic lenses", "Relations With the Gulf States"] == data[
        "headings"
    ]
    assert (9, "T", "gulf", "https://example.org/t/#gulf") == (
        data["post_id"],
        data["title"],
        data["anchor"],
        data["url"],
    )
    assert chunk.text == data["text"]


def test_bad_limit_and_empty_post() -> None:
    with pytest.raises(ValueError, match="max_chars must be at least 1, got 0"):
        wpparse.chunks(_nested_post(), max_chars=0)

    assert [] == wpparse.chunks(Post(id=1))


def test_fixture_chunks_cover_the_text() -> None:
    post = fixture_post("hostile")
    for limit in (1, 7, 50, 1000):
        chunks = wpparse.chunks(post, max_chars=limit)

        _check_partition(post, chunks)
        assert all(len(c.text) <= limit for c in chunks)


_words = st.text(alphabet="abcdefghij XYZ.!?,\n", min_size=1, max_size=120).map(
    lambda s: " ".join(s.split())
)


@pytest.mark.property
@given(
    st.lists(
        st.lists(_words.filter(bool), min_size=0, max_size=4), min_size=1, max_size=5
    ),
    st.integers(min_value=1, max_value=150),
)
def test_chunks_partition_any_text(sections: list[list[str]], limit: int) -> None:
    post = Post(
        id=1,
        sections=tuple(
            Section(
                title=f"Heading {n}" if n else None,
                level=2 if n else 0,
                blocks=tuple(_para(text) for text in texts),
            )
            for n, texts in enumerate(sections)
        ),
    )
    chunks = wpparse.chunks(post, max_chars=limit)

    _check_partition(post, chunks)
    assert all(len(c.text) <= limit for c in chunks)
    assert "".join(c.text for c in chunks).replace(" ", "").replace("\n", "") == (
        post.text.replace(" ", "").replace("\n", "")
    )


def test_many_links_each_go_to_one_chunk_in_order() -> None:
    # One paragraph of many links, cut into many chunks: every link lands in
    # exactly one chunk, in document order, the one holding its text; a link
    # without text (an image link) goes where the previous link's text ended.
    def link(n: int) -> Link:
        text = "" if n % 7 == 0 else f"link {n}"
        return Link(url=f"https://x.example/{n}", href=f"/{n}", text=text)

    links = [link(n) for n in range(300)]
    text = " ".join(
        f"Image{n}." if n % 7 == 0 else f"Word{n}, link {n}." for n in range(300)
    )
    block = _para(text, *links)
    post = Post(id=1, sections=(Section(title=None, level=0, blocks=(block,)),))
    chunks = wpparse.chunks(post, max_chars=90)

    _check_partition(post, chunks)
    assert len(chunks) > 30
    assert links == [link for chunk in chunks for link in chunk.links]
    where = {link.url: chunk.text for chunk in chunks for link in chunk.links}
    assert "Image0." in where["https://x.example/0"]
    for n in range(1, 300):
        expected = f", link {n - 1 if n % 7 == 0 else n}."
        assert expected in where[f"https://x.example/{n}"], n
