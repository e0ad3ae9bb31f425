"""Collections: paging facts, strict and lenient parsing, mixed objects."""

from __future__ import annotations

from typing import Any

import pytest

import wpparse
from wpparse._rest.collections import paging_from_headers

NEXT = "https://example.org/wp-json/wp/v2/posts?page=3"
PREV = "https://example.org/wp-json/wp/v2/posts?page=1"


class CaseInsensitiveHeaders(dict[str, str]):
    """A stand-in for requests' headers: the names as the server wrote them."""


def test_paging_from_headers_any_case() -> None:
    headers = CaseInsensitiveHeaders(
        {
            "X-Wp-Total": "42",
            "x-wp-totalpages": "5",
            "LINK": f'<{PREV}>; rel="prev", <{NEXT}>; rel="next"',
        }
    )
    posts = wpparse.parse_posts([{"id": 1}], headers=headers)

    assert (42, 5, NEXT, PREV) == (
        posts.total,
        posts.total_pages,
        posts.next,
        posts.prev,
    )


def test_paging_unknown_without_headers() -> None:
    posts = wpparse.parse_posts([{"id": 1}, {"id": 2}])

    assert (None, None, None, None) == (
        posts.total,
        posts.total_pages,
        posts.next,
        posts.prev,
    )
    assert (1, 2) == tuple(p.id for p in posts)
    assert () == posts.problems


def test_paging_from_envelope() -> None:
    envelope = {
        "body": [{"id": 4}],
        "status": 200,
        "headers": {
            "X-WP-Total": 7,
            "X-WP-TotalPages": 7,
            "Link": f"<{NEXT}>; rel=next",
        },
    }
    posts = wpparse.parse_posts(envelope)

    assert [4] == [p.id for p in posts]
    assert (7, 7, NEXT, None) == (
        posts.total,
        posts.total_pages,
        posts.next,
        posts.prev,
    )
    envelope["body"] = [{"id": 4}, {"id": "x"}]
    assert ["$.body[1].id"] == [
        p.path for p in wpparse.parse_posts(envelope, strict=False).problems
    ]


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        (f'<{NEXT}>; rel="next"', {"next": NEXT}),
        (f'<{NEXT}>;rel="next",<{PREV}>;rel="previous"', {"next": NEXT, "prev": PREV}),
        (f'<{NEXT}>; title="a, b"; rel="next"', {"next": NEXT}),
        ([f"<{NEXT}>; rel=next", f"<{PREV}>; rel=prev"], {"next": NEXT, "prev": PREV}),
        ('<https://example.org/wp-json/>; rel="https://api.w.org/"', {}),
        ("garbage", {}),
    ],
)
def test_link_header_forms(link: Any, expected: dict[str, str]) -> None:
    assert expected == paging_from_headers({"Link": link})


def test_collection_is_a_tuple() -> None:
    posts = wpparse.parse_posts('[{"id": 1}, {"id": 2}, {"id": 3}]')

    assert isinstance(posts, tuple)
    assert 3 == len(posts)
    assert [2, 3] == [p.id for p in posts[1:]]
    assert "Collection([<Post id=1 " in repr(posts)
    assert 1 == posts[1].source.index  # type: ignore[union-attr]


def test_strict_raises_naming_the_record() -> None:
    data: list[Any] = [
        {"id": 1},
        {"id": 2},
        {"id": 3},
        {"id": 4, "title": []},
        {"id": 5},
    ]

    with pytest.raises(wpparse.InvalidPostError, match=r"@ \$\[3\]\.title$"):
        wpparse.parse_posts(data)


def test_lenient_skips_and_collects() -> None:
    data: list[Any] = [
        {"id": 1},
        {"id": 2, "title": []},
        "not an object",
        {"code": "rest_forbidden", "message": "No", "data": {"status": 403}},
        {"id": 5},
    ]
    posts = wpparse.parse_posts(data, strict=False)

    assert [1, 5] == [p.id for p in posts]
    assert [(1, "$[1].title"), (2, "$[2]"), (3, "$[3]")] == [
        (p.source.index, p.path) for p in posts.problems
    ]
    assert "expected an object with 'rendered', got a list" == posts.problems[0].reason
    assert isinstance(posts.problems[2].error, wpparse.WordPressError)
    assert (
        str(posts.problems[0])
        == "<input>: expected an object with 'rendered', got a list @ $[1].title"
    )


def test_lenient_json_lines_skips_a_bad_line() -> None:
    text = '{"id": 1}\n{"id": \n\n{"id": 3}\n'
    posts = wpparse.parse_posts(text, strict=False)

    assert [1, 3] == [p.id for p in posts]
    (problem,) = posts.problems
    assert (2, 1) == (problem.source.line, problem.source.index)
    assert problem.reason.startswith("truncated JSON")
    assert 4 == posts[1].source.line  # type: ignore[union-attr]


def test_parse_objects_mixed_collection() -> None:
    data = [
        {"id": 1, "title": {"rendered": "A post"}},
        {"id": 2, "source_url": "https://example.org/a.jpg"},
        {"id": 3, "name": "Ann", "slug": "ann"},
        {"id": 4, "name": "News", "taxonomy": "category"},
        {"id": 5, "post": 1, "author_name": "Bo", "content": {"rendered": "Hi"}},
    ]
    objects = wpparse.parse_objects(data)

    assert [
        wpparse.Post,
        wpparse.Media,
        wpparse.User,
        wpparse.Term,
        wpparse.Comment,
    ] == [type(o) for o in objects]


def test_parse_posts_refuses_other_objects_by_name() -> None:
    with pytest.raises(wpparse.NotAPostError, match=r"got a term object .* @ \$\[1\]$"):
        wpparse.parse_posts(
            [{"id": 1}, {"id": 4, "name": "News", "taxonomy": "category"}]
        )


def test_error_response_instead_of_collection_raises() -> None:
    with pytest.raises(wpparse.WordPressError):
        wpparse.parse_posts(
            {"code": "rest_no_route", "message": "No", "data": {"status": 404}}
        )


def test_collection_pickles_with_its_paging() -> None:
    import pickle

    posts = wpparse.parse_posts(
        [{"id": 1}, {"id": "x"}], strict=False, headers={"X-WP-Total": "5"}
    )
    copy = pickle.loads(pickle.dumps(posts))

    assert isinstance(copy, wpparse.Collection)
    assert (posts, 5, posts.problems) == (copy, copy.total, copy.problems)


def test_paging_from_urllib_headers() -> None:
    """``urlopen(...).headers`` is an HTTPMessage, not a Mapping: it is accepted."""
    from email.parser import Parser
    from http.client import HTTPMessage

    message = Parser(_class=HTTPMessage).parsestr(
        "X-WP-Total: 5\r\nX-WP-TotalPages: 3\r\n"
        'Link: <https://x.test/wp-json/wp/v2/posts?page=3>; rel="next"\r\n\r\n'
    )

    posts = wpparse.parse_posts('[{"id": 1}, {"id": 2}]', headers=message)

    assert (5, 3, "https://x.test/wp-json/wp/v2/posts?page=3") == (
        posts.total,
        posts.total_pages,
        posts.next,
    )
