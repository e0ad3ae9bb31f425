"""Stage 1: REST JSON objects to Post."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

import wpparse
from wpparse import InvalidJSONError, InvalidPostError, NotAPostError, WordPressError


def test_seed_post_fields(seed_bytes: bytes) -> None:
    """The seed post gives the values the foundation issue lists."""
    post = wpparse.parse_post(seed_bytes)

    assert 13652 == post.id
    assert "post" == post.type
    assert "iran-abandoned-by-key-allies" == post.slug
    assert "Iran Abandoned by Key Allies" == post.title
    assert "2025-07-03T08:56:33+03:00" == post.date.isoformat()  # type: ignore[union-attr]
    assert datetime(2025, 7, 3, 5, 56, 33, tzinfo=UTC) == post.date
    assert "2025-07-03T09:22:59+03:00" == post.modified.isoformat()  # type: ignore[union-attr]
    assert 67 == post.author
    assert 13653 == post.featured_media
    assert (16,) == post.categories
    assert () == post.tags
    assert post.excerpt.endswith("…")
    assert "&" not in post.excerpt
    assert "[" not in post.excerpt
    assert post.excerpt_truncated
    (category, _tag) = post.relation("wp:term")
    assert "https://api.w.org/term" == category.rel_uri
    assert "category" == category.taxonomy
    assert category.embeddable


def test_sample_post(sample_data: dict[str, Any]) -> None:
    post = wpparse.parse_post(sample_data)

    assert "Rust & Rain: Why the “Iron River” Isn’t Dangerous" == post.title
    assert timezone(timedelta(hours=-4)) == post.date.tzinfo  # type: ignore[union-attr]
    assert sample_data["content"]["rendered"] == post.content_html
    assert sample_data["title"]["rendered"] == post.title_html
    assert {"footnotes": ""} == post.meta
    assert not post.protected


def test_accepts_text_bytes_and_mapping(sample_data: dict[str, Any]) -> None:
    text = json.dumps(sample_data)

    from_text = wpparse.parse_post(text)
    from_bytes = wpparse.parse_post(text.encode("utf-8"))
    from_utf16 = wpparse.parse_post(text.encode("utf-16"))
    from_bom = wpparse.parse_post(b"\xef\xbb\xbf" + text.encode("utf-8"))

    assert (
        from_text
        == from_bytes
        == from_utf16
        == from_bom
        == wpparse.parse_post(sample_data)
    )


def test_post_is_frozen(sample_data: dict[str, Any]) -> None:
    post = wpparse.parse_post(sample_data)

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        post.title = "x"  # type: ignore[misc]


def test_unknown_fields_go_to_extra_untouched() -> None:
    yoast = {"title": "A &amp; B", "robots": {"index": "index"}}
    data = {
        "id": 1,
        "title": {"rendered": "T"},
        "yoast_head_json": yoast,
        "acf": [],
        "_embedded": {},
    }

    post = wpparse.parse_post(data)

    assert {"yoast_head_json": yoast, "acf": []} == post.extra
    assert post.extra["yoast_head_json"] is yoast
    assert wpparse.Embedded() == post.embedded


def test_missing_fields_are_empty() -> None:
    post = wpparse.parse_post(
        {"id": 5, "slug": "only-a-slug", "title": {"rendered": "Only"}}
    )

    assert (None, None, None, (), (), "", "", False) == (
        post.date,
        post.status,
        post.link,
        post.categories,
        post.relations,
        post.excerpt,
        post.content_html,
        post.excerpt_truncated,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<p>Short text [&hellip;]</p>", ("Short text…", True)),
        ("<p>Listed a, b, [&#8230;]</p>", ("Listed a, b, …", True)),
        (
            '<p>Intro.</p><a href="/x" class="more-link">Continue reading<span> "X"</span></a>',
            ("Intro.", True),
        ),
        ("<p>Whole excerpt.</p>", ("Whole excerpt.", False)),
        ("<p>Lunch&#8230;</p>", ("Lunch…", True)),
        ("<p>Dots [...]</p>", ("Dots…", True)),
        ("<p>Story here. Read more about it</p>", ("Story here.…", True)),
        ("<p>A [ &hellip; ] and read   more</p>", ("A [ … ] and…", True)),
        ("<p>Nothing to cut [x]</p>", ("Nothing to cut [x]", False)),
        # Case and text beyond ASCII: the scans that skip work must not skip these.
        ("<p>Café — a story. READ MORE</p>", ("Café — a story.…", True)),
        ("<p>İstanbul, ’tis here. rEaD mOrE »</p>", ("İstanbul, ’tis here.…", True)),
        ('<p>Één.</p><A CLASS="More-Link" HREF="/x">Lees verder</A>', ("Één.", True)),
    ],
)
def test_excerpt_tail(value: str, expected: tuple[str, bool]) -> None:
    post = wpparse.parse_post({"id": 1, "excerpt": {"rendered": value}})

    assert expected == (post.excerpt, post.excerpt_truncated)


def test_wp_api_v1_shape() -> None:
    """WP-API v1 (2014): ``ID``, plain-string title, embedded author, dates with offsets."""
    data = {
        "ID": 9,
        "title": "Hello &amp; welcome",
        "content": "<p>Hi</p>",
        "author": {"ID": 3, "name": "admin"},
        "date": "2014-05-01T10:00:00+02:00",
        "guid": "http://example.com/?p=9",
    }

    post = wpparse.parse_post(data)

    assert (9, "Hello & welcome", 3, "http://example.com/?p=9") == (
        post.id,
        post.title,
        post.author,
        post.guid,
    )
    assert timezone(timedelta(hours=2)) == post.date.tzinfo  # type: ignore[union-attr]


def test_numbers_as_strings_are_read() -> None:
    post = wpparse.parse_post(
        {"id": "12", "author": "3", "categories": ["4", 5], "slug": 77}
    )

    assert (12, 3, (4, 5), "77") == (post.id, post.author, post.categories, post.slug)


def test_meta_as_empty_list() -> None:
    assert {} == wpparse.parse_post({"id": 1, "meta": []}).meta


_BAD_FIELDS: list[tuple[dict[str, Any], str]] = [
    ({"id": "x"}, "expected an integer, got 'x' @ $.id"),
    (
        {"id": 1, "title": 3},
        "expected an object with 'rendered', got the number 3 @ $.title",
    ),
    (
        {"id": 1, "categories": "1,2"},
        "expected a list of ids, got '1,2' @ $.categories",
    ),
    (
        {"id": 1, "categories": [1, "b"]},
        "expected an integer, got 'b' @ $.categories[1]",
    ),
    (
        {"id": 1, "date": "yesterday-ish"},
        (
            "expected an ISO 8601 date such as '2025-07-03T08:56:33', "
            "got 'yesterday-ish' @ $.date"
        ),
    ),
    (
        {"id": 1, "_links": []},
        "expected an object of link relations, got a list @ $._links",
    ),
    (
        {"id": 1, "sticky": "maybe"},
        "expected true or false, got 'maybe' @ $.sticky",
    ),
    (
        {"id": 1, "class_list": 5},
        "expected a list of strings, got the number 5 @ $.class_list",
    ),
    (
        {"id": 1, "class_list": [None, {"x": 1}]},
        "expected a string, got an object @ $.class_list[1]",
    ),
    (
        {"id": 1, "class_list": {"0": "a", "it's": [1]}},
        "expected a string, got a list @ $.class_list['it\\'s']",
    ),
    (
        {"id": 1, "featured_media": 1.5},
        "expected an integer, got the number 1.5 @ $.featured_media",
    ),
    ({"id": 1, "author": {"id": "x"}}, "expected an integer, got 'x' @ $.author.id"),
    ({"id": 1, "type": [1]}, "expected a string, got a list @ $.type"),
    ({"id": True}, "expected an integer, got true @ $.id"),
    (
        {"id": 1, "modified_gmt": 5},
        "expected an ISO 8601 date string, got the number 5 @ $.modified_gmt",
    ),
    (
        {"id": 1, "date": "2025-07-03T08:56:33+30:00"},
        "expected a UTC offset under 24 hours, got '2025-07-03T08:56:33+30:00' @ $.date",
    ),
    ({"id": 1, "sticky": 2}, "expected true or false, got the number 2 @ $.sticky"),
    ({"id": 1, "tags": [True]}, "expected an integer, got true @ $.tags[0]"),
    ({"id": 1, "meta": "x"}, "expected an object of meta fields, got 'x' @ $.meta"),
]


@pytest.mark.parametrize(("data", "message"), _BAD_FIELDS)
def test_bad_field_names_its_path(data: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidPostError) as info:
        wpparse.parse_post(data)

    assert message == str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(("data", "message"), _BAD_FIELDS)
def test_bad_field_names_its_path_in_json_text_and_in_a_collection(
    data: dict[str, Any], message: str
) -> None:
    in_list = message.replace(" @ $", " @ $[1]")

    with pytest.raises(InvalidPostError) as from_text:
        wpparse.parse_post(json.dumps(data))
    with pytest.raises(InvalidPostError) as from_bytes:
        wpparse.parse_post(json.dumps(data, ensure_ascii=False).encode())
    with pytest.raises(InvalidPostError) as from_list:
        wpparse.parse_posts(json.dumps([{"id": 2}, data]))

    assert [message, message, in_list] == [
        str(info.value) for info in (from_text, from_bytes, from_list)
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("[]", "expected a post object, got a list (use wpparse.parse_posts) @ $"),
        ('"hello"', "expected a post object, got 'hello' @ $"),
        ("42", "expected a post object, got the number 42 @ $"),
        (
            {"title": {"rendered": "no id"}},
            "expected a post object, got an object without an 'id' @ $",
        ),
        (
            {"id": 3, "name": "Cat", "slug": "cat", "taxonomy": "category", "count": 2},
            "expected a post object, got a term object (use wpparse.parse) @ $",
        ),
    ],
)
def test_not_a_post(data: Any, message: str) -> None:
    with pytest.raises(NotAPostError) as info:
        wpparse.parse_post(data)

    assert message == str(info.value)


def test_wordpress_error_response() -> None:
    body = {
        "code": "rest_post_invalid_id",
        "message": "無効な投稿 ID。",
        "data": {"status": 404},
    }

    with pytest.raises(WordPressError) as info:
        wpparse.parse_post(json.dumps(body, ensure_ascii=False))

    assert ("rest_post_invalid_id", "無効な投稿 ID。", 404) == (
        info.value.code,
        info.value.message,
        info.value.status,
    )


def test_field_named_code_is_not_an_error() -> None:
    """A custom post type may have a ``code`` field (seen on a travel site)."""
    post = wpparse.parse_post(
        {"id": 4, "code": "TR-9", "message": "x", "title": {"rendered": "Trip"}}
    )

    assert "TR-9" == post.extra["code"]


def test_malformed_json() -> None:
    with pytest.raises(InvalidJSONError) as info:
        wpparse.parse_post('{"id": 1,')

    assert "truncated JSON" in str(info.value)
    assert str(info.value).endswith("@ $")


def test_parse_posts_collection_and_paths() -> None:
    posts = wpparse.parse_posts('[{"id": 1}, {"id": 2}]')

    assert [1, 2] == [p.id for p in posts]

    with pytest.raises(InvalidPostError) as info:
        wpparse.parse_posts([{"id": 1}, {"id": 2, "title": []}])

    assert str(info.value).endswith("@ $[1].title")


def test_parse_posts_json_lines_and_envelope() -> None:
    lines = '{"id": 1}\n\n{"id": 2}\n{"id": 3}\n'
    envelope = {"body": [{"id": 4}], "status": 200, "headers": {"X-WP-Total": 1}}

    assert [1, 2, 3] == [p.id for p in wpparse.parse_posts(lines)]
    assert [1, 2, 3] == [p.id for p in wpparse.parse_posts(lines.encode())]
    assert [4] == [p.id for p in wpparse.parse_posts(envelope)]


def test_parse_posts_error_inside_json_lines() -> None:
    with pytest.raises(InvalidJSONError) as info:
        wpparse.parse_posts('{"id": 1}\n{"id": \n')

    assert "line 2" in str(info.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # libxml2 opens a second <body> here; lxml.html.fragment_fromstring
        # asserted there was one, and raised on an empty document.
        ("Tom </body><body> Jerry", "Tom Jerry"),
        ("<!doctype html>", ""),
    ],
)
def test_title_odd_documents_never_raise(value: str, expected: str) -> None:
    post = wpparse.parse_post({"id": 1, "title": {"rendered": value}})

    assert expected == post.title


def test_a_parsed_post_is_the_post_attrs_builds() -> None:
    # post_from_mapping builds a Post slot by slot (see wpparse._model.build): every
    # field must be set, to the value Post(...) would hold.
    data = {
        "id": 7,
        "title": {"rendered": "A &amp; B"},
        "date": "2025-07-03T08:56:33",
        "date_gmt": "2025-07-03T05:56:33",
        "tags": [3],
        "_links": {"self": [{"href": "https://x.test/7"}]},
        "acf": {"x": 1},
    }

    post = wpparse.parse_post(data)
    again = attrs.evolve(post)

    assert again == post
    assert repr(again) == repr(post)
    assert attrs.asdict(again, recurse=False) == attrs.asdict(post, recurse=False)


def test_slot_setters_refuse_a_field_list_that_is_not_the_class() -> None:
    from wpparse._model.build import slot_setters

    names = [field.name for field in attrs.fields(wpparse.Relation)]

    assert len(names) == len(slot_setters(wpparse.Relation, *names))
    with pytest.raises(TypeError, match="Relation has changed"):
        slot_setters(wpparse.Relation, *names[:-1])
    with pytest.raises(TypeError, match="Relation has changed"):
        slot_setters(wpparse.Relation, *reversed(names))


def test_fast_constructors_take_fields_by_name_only() -> None:
    # Positional arguments let two fields of one type be swapped unseen
    # (new_media had 23 of them): the builders take keywords only.
    from wpparse._model.build import builder
    from wpparse._rest import object_fields

    new_media = object_fields.new_media
    with pytest.raises(TypeError, match="positional"):
        new_media(*range(len(attrs.fields(wpparse.Media))))
    names = [field.name for field in attrs.fields(wpparse.Media)]
    values = dict.fromkeys(names)
    media = new_media(**{**values, "id": 5, "caption": "c", "title": "t"})
    assert (media.id, media.caption, media.title) == (5, "c", "t")
    with pytest.raises(TypeError, match="missing"):
        builder(wpparse.Relation)(rel="self")


def test_nulls_in_id_lists_are_skipped() -> None:
    post = wpparse.parse_post({"id": 1, "categories": [1, None, "2"], "tags": [None]})

    assert ((1, 2), ()) == (post.categories, post.tags)
