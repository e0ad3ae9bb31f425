"""The models' reprs: short enough for logs, tracebacks and notebooks, and telling."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime

import pytest

import wpparse
from tests.conftest import SAMPLE, corpus_params
from wpparse import Comment, Media, Term, User

LIMIT = 300  # characters: a log line, not a dump


def _big_post() -> wpparse.Post:
    paragraphs = "".join(
        f'<h2>Part {n}</h2><p>{"words " * 400}<a href="/p{n}">link</a></p>'
        for n in range(200)
    )
    return wpparse.parse_post(
        {
            "id": 42,
            "type": "page",
            "slug": "a-very-long-slug-" * 10,
            "title": {"rendered": "A title " * 30},
            "content": {"rendered": paragraphs},
            "meta": {"big": "x" * 10_000},
        }
    )


def test_post_repr_is_short_and_says_what_the_post_is() -> None:
    post = _big_post()
    text = repr(post)

    assert len(text) < LIMIT
    assert text.startswith("<Post id=42 type='page' slug='a-very-long-slug-")
    assert "title='A title A title" in text
    assert "sections=200 links=200>" in text
    assert len(str(post.to_dict())) > 100_000  # the full value is one call away


def test_sample_post_repr() -> None:
    post = wpparse.parse_post(SAMPLE.read_bytes())

    assert (
        "<Post id=2718 type='post' slug='iron-river-spring-survey' "
        "title='Rust & Rain: Why the “Iron River” Isn’t…' sections=5 links=7>"
    ) == repr(post)


def test_section_and_block_reprs_are_short() -> None:
    post = _big_post()
    section = post.sections[0]
    block = section.blocks[0]

    assert "<Section level=2 title='Part 0' blocks=1 children=0 links=1>" == repr(
        section
    )
    assert repr(block).startswith("<Block kind='paragraph' text='words words")
    assert repr(block).endswith("…' links=1>")
    assert len(repr(block)) < LIMIT


def test_other_models_reprs_are_short() -> None:
    long = "x" * 5000
    models = [
        User(id=1, name="Ada", slug="ada", description=long),
        Term(id=2, name="News", slug="news", taxonomy="category", description=long),
        Comment(
            id=3,
            post=42,
            author_name="Bob",
            content=long,
            content_html=long,
            date=datetime(2026, 1, 1, tzinfo=UTC),
        ),
        Media(id=4, slug="photo", title="Photo", media_type="image", description=long),
    ]

    assert [
        "<User id=1 slug='ada' name='Ada'>",
        "<Term id=2 taxonomy='category' slug='news' name='News'>",
        "<Comment id=3 post=42 author_name='Bob' content='xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'>",
        "<Media id=4 media_type='image' slug='photo' title='Photo'>",
    ] == [repr(model) for model in models]


def test_models_stay_frozen_hashable_and_picklable() -> None:
    post = _big_post()

    assert post == pickle.loads(pickle.dumps(post))
    assert hash(post.sections[0]) == hash(pickle.loads(pickle.dumps(post.sections[0])))
    with pytest.raises(AttributeError):
        post.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("path", corpus_params("posts"))
def test_corpus_post_reprs_are_short(path: object) -> None:
    for post in wpparse.read_posts(path, on_error=_ignore):  # type: ignore[arg-type]
        assert len(repr(post)) < LIMIT, post.id


def _ignore(problem: wpparse.Problem) -> None:
    """An on_error that keeps nothing (the test looks at reader.problems)."""
