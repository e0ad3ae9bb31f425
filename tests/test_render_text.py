"""Plain text rendering and the JSON side: to_dict and its schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import jsonschema
import pytest

import wpparse
from tests.conftest import SAMPLE
from tests.render_support import fixture_post
from wpparse import Block, BlockKind, Post, Section


def _post(*blocks: Block, title: str | None = None) -> Post:
    return Post(
        id=1,
        title="Post title",
        sections=(Section(title=title, level=2 if title else 0, blocks=blocks),),
    )


def test_text_has_headings_paragraphs_and_marked_items() -> None:
    post = _post(
        Block(kind=BlockKind.PARAGRAPH, text="First &amp; <b>not a tag</b>"),
        Block(kind=BlockKind.LIST, text="a b", items=("a", "b")),
        Block(kind=BlockKind.LIST, text="c", items=("c",), ordered=True),
        Block(kind=BlockKind.TABLE, text="h1 h2 x", rows=(("h1", "h2"), ("x",))),
        Block(kind=BlockKind.CODE, text="  keep\n    indent"),
        Block(kind=BlockKind.SEPARATOR, text=""),
        title="Heading",
    )

    assert (
        "Post title\n\nHeading\n\nFirst &amp; <b>not a tag</b>\n\n- a\n- b\n\n1. c\n\n"
        "h1\th2\nx\n\n  keep\n    indent\n"
    ) == wpparse.to_text(post, title=True)


def test_nested_and_numbered_lists_from_html() -> None:
    block = Block(
        kind=BlockKind.LIST,
        html='<ol start="4"><li>four<ul><li>in <b>ner</b><script>x</script></li></ul></li>'
        "<li><p>five</p><p>again</p></li></ol>",
        text="four inner five again",
        items=("four inner", "five again"),
        ordered=True,
    )

    assert "4. four\n   - in ner\n5. five again\n" == wpparse.to_text(_post(block))


def test_empty_post_is_empty_text() -> None:
    assert "" == wpparse.to_text(Post(id=1))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = wpparse.post_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_sample_and_fixture_validate(
    validator: jsonschema.Draft202012Validator,
) -> None:
    for post in (wpparse.parse_post(SAMPLE.read_bytes()), fixture_post("hostile")):
        data = wpparse.to_dict(post)

        assert json.loads(json.dumps(data)) == data
        validator.validate(data)


def test_schema_rejects_what_to_dict_never_gives(
    validator: jsonschema.Draft202012Validator,
) -> None:
    data = wpparse.to_dict(fixture_post("hostile"))
    data["sections"][1]["blocks"][0]["kind"] = "poem"

    assert not validator.is_valid(data)
    assert not validator.is_valid({**wpparse.to_dict(Post(id=1)), "surprise": 1})


def test_schema_lists_every_field_of_the_models() -> None:
    schema = wpparse.post_schema()
    defs = schema["$defs"]

    for model, properties in [
        (wpparse.Post, schema["properties"]),
        (wpparse.Section, defs["section"]["properties"]),
        (wpparse.Block, defs["block"]["properties"]),
        (wpparse.Link, defs["link"]["properties"]),
        (wpparse.Relation, defs["relation"]["properties"]),
    ]:
        import attrs

        assert {f.name for f in attrs.fields(model)} <= set(properties), model
        assert all(p.get("description") for p in properties.values()), model


def test_dates_keep_their_offset_and_deep_extra_is_copied() -> None:
    deep: dict[str, object] = {}
    node = deep
    for _ in range(5_000):
        node["x"] = {}
        node = node["x"]  # type: ignore[assignment]
    post = Post(
        id=1,
        date=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        modified=datetime(2026, 1, 2, 3, 4, 5),
        extra={"deep": deep, "list": [1, (2, 3)]},
    )
    data = wpparse.to_dict(post)

    assert "2026-01-02T03:04:05+00:00" == data["date"]
    assert "2026-01-02T03:04:05" == data["modified"]
    assert [1, [2, 3]] == data["extra"]["list"]
    copied = data["extra"]["deep"]
    depth = 0
    while copied:
        assert isinstance(copied, dict)
        copied = copied["x"]
        depth += 1
    assert 5_000 == depth
    assert data["extra"]["deep"] is not deep


def test_post_methods_are_the_renderers() -> None:
    post = wpparse.parse_post(SAMPLE.read_bytes())

    assert wpparse.to_text(post, title=True) == post.to_text(title=True)
    assert wpparse.to_markdown(post, front_matter=True) == post.to_markdown(
        front_matter=True
    )
    assert wpparse.to_dict(post) == post.to_dict()
    assert wpparse.chunks(post, 300) == post.chunks(300)
    assert wpparse.chunks(post, 9, length=lambda s: len(s.split())) == post.chunks(
        9, length=lambda s: len(s.split())
    )


def test_a_control_character_after_an_emptied_element_does_not_stop_to_text() -> None:
    # Found by the fuzzer: libxml2 keeps \x01 in the tail of the <svg> that
    # to_text empties; setting that tail again from Python raised ValueError.
    post = wpparse.parse_post(
        json.dumps(
            {
                "id": 1,
                "title": {"rendered": "t"},
                "content": {"rendered": "<p><a><svg/>\x01<li>"},
            }
        )
    )

    assert wpparse.to_text(post).strip() == "\x01"
    assert [chunk.text for chunk in wpparse.chunks(post)] == ["\x01"]
