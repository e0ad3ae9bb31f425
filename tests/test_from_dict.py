"""wpparse's own data back to models: ``from_dict(to_dict(post)) == post``."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest

import wpparse
from tests.conftest import DATA, SAMPLE, corpus_params

FIXTURES = [SAMPLE, *sorted((DATA / "wordpress").glob("post*.json"))]


def _posts(path: Path) -> list[wpparse.Post]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return list(wpparse.parse_posts(path.read_bytes(), strict=False))
        except wpparse.WordPressError:  # an error response in the corpus
            return []


def _stored(post: wpparse.Post) -> dict[str, Any]:
    """to_dict's output as it comes back from a JSON file."""
    stored: dict[str, Any] = json.loads(json.dumps(wpparse.to_dict(post)))
    return stored


def assert_round_trip(post: wpparse.Post) -> None:
    data = _stored(post)
    again = wpparse.from_dict(data)

    assert again == post
    # Every field, the ones that do not take part in == too.
    for field in attrs.fields(wpparse.Post):
        assert getattr(again, field.name) == getattr(post, field.name), field.name
    assert wpparse.to_dict(again) == data
    assert again.to_text() == post.to_text()
    assert again.to_markdown() == post.to_markdown()


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixtures_read_back_equal(path: Path) -> None:
    for post in _posts(path):
        assert_round_trip(post)


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_posts_read_back_equal(path: Path) -> None:
    for post in _posts(path):
        assert_round_trip(post)


def test_embedded_objects_read_back_as_their_models() -> None:
    post = _posts(DATA / "wordpress" / "post-block-embed.json")[0]
    assert post.embedded is not None
    assert post.embedded.authors or post.embedded.terms

    again = wpparse.from_dict(_stored(post))

    assert again.embedded == post.embedded
    assert {type(o) for o in again.embedded.authors} <= {wpparse.User}
    assert again.relations == post.relations


def test_other_relations_keep_models_and_raw_objects_apart() -> None:
    data = {
        "id": 1,
        "_links": {
            "wp:items": [{"href": "/u/2", "embeddable": True}],
            "x:raw": [{"href": "/r", "embeddable": True}],
        },
        "_embedded": {
            "wp:items": [{"id": 2, "name": "Ann", "slug": "ann"}],
            "x:raw": [{"anything": [1, 2]}],
        },
    }
    post = wpparse.parse_post(data)
    assert post.embedded is not None

    again = wpparse.from_dict(_stored(post))

    assert again == post
    assert again.embedded is not None
    assert isinstance(again.embedded.other["wp:items"][0], wpparse.User)
    assert {"anything": [1, 2]} == again.embedded.other["x:raw"][0]


def test_parse_post_reads_its_own_shape_back() -> None:
    # parse_post(to_dict(post)) gave a post with empty content, silently.
    post = _posts(SAMPLE)[0]
    assert post.content_html

    for data in (_stored(post), json.dumps(_stored(post))):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert post == wpparse.parse_post(data)
            assert post == wpparse.parse(data)
    assert [post] == list(wpparse.parse_posts([_stored(post)]))


def test_read_posts_reads_the_commands_jsonl_back(tmp_path: Path) -> None:
    posts = [p for path in FIXTURES for p in _posts(path)]
    file = tmp_path / "posts.jsonl"
    file.write_text(
        "".join(json.dumps(wpparse.to_dict(p)) + "\n" for p in posts), encoding="utf-8"
    )
    problems: list[wpparse.Problem] = []

    again = list(wpparse.read_posts(file, on_error=problems.append))

    assert [] == problems
    assert posts == again
    assert [(str(file), n + 1) for n in range(len(posts))] == [
        (p.source.file, p.source.line) for p in again if p.source
    ]


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"date": "yesterday"}, "$.date", "expected an ISO 8601 date"),
        ({"sections": [{"title": "x"}]}, "$.sections[0]", "missing"),
        (
            {"links": [{"url": "u", "href": "h", "kind": "nope"}]},
            "$.links[0].kind",
            "LinkKind",
        ),
        ({"colour": "red"}, "$.colour", "Post has no field 'colour'"),
        ({"categories": ["1"]}, "$.categories[0]", "expected int"),
        ({"sticky": 1}, "$.sticky", "expected bool"),
    ],
)
def test_values_that_do_not_fit_name_their_path(
    change: dict[str, Any], path: str, message: str
) -> None:
    data = {**_stored(_posts(SAMPLE)[0]), **change}

    with pytest.raises(wpparse.InvalidPostError, match=message) as info:
        wpparse.from_dict(data)

    assert path == info.value.path
