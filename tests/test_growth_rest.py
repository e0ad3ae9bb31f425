"""
Linear time on hostile JSON: each input is read at two sizes, 8x apart.

Linear code takes about 8 times as long on the larger one, quadratic code 64
times: the tests allow 24 (and a floor for timer noise), no wall-clock limit.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import pytest

import wpparse
from tests.growth import cpu_seconds

_FACTOR = 8
_SLACK = 3
_FLOOR = 0.002  # seconds: below this, the timer and the machine are the noise


def assert_linear(
    make: Callable[[int], Any], run: Callable[[Any], object], n: int
) -> None:
    """*run* on ``make(n * 8)`` takes at most 24 times what it takes on ``make(n)``."""
    small, large = make(n), make(n * _FACTOR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run(small)  # warm up: imports, caches
        small_time = cpu_seconds(lambda: run(small))
        large_time = cpu_seconds(lambda: run(large))
    allowed = max(small_time, _FLOOR) * _FACTOR * _SLACK
    assert large_time < allowed, (
        f"{n} -> {n * _FACTOR}: {small_time:.4f}s -> {large_time:.4f}s"
    )


@pytest.mark.parametrize(
    "piece", ["<", '<a>; rel="', "<a>;rel=", '<a> rel="x', ', <a>; rel="next"', '"']
)
def test_link_header_in_headers(piece: str) -> None:
    # _LINK matched "<[^>]*>" from every "<": "<" * n took quadratic time.
    assert_linear(
        lambda n: {"Link": piece * n},
        lambda headers: wpparse.parse_posts("[]", headers=headers),
        20_000,
    )


def test_link_header_in_an_envelope() -> None:
    assert_linear(
        lambda n: {"body": [], "status": 200, "headers": {"Link": "<" * n}},
        wpparse.parse_posts,
        20_000,
    )


@pytest.mark.parametrize(
    "piece",
    [
        "<p ",
        '<p class="x',
        "class='more-link' ",
        '<p data="more-link" ',
        "<a>more-link",
    ],
)
def test_excerpt_read_more_search(piece: str) -> None:
    # _MORE_LINK ran "[^>]*" from every "<p": a 200 KB excerpt of "<p " took 46 s.
    assert_linear(
        lambda n: {"id": 1, "excerpt": {"rendered": piece * n}},
        wpparse.parse_post,
        2_000,
    )


def test_embedded_keys_against_many_links() -> None:
    # Each _embedded key looked through every relation: keys x links.
    def make(n: int) -> dict[str, Any]:
        return {
            "id": 1,
            "_links": {
                f"x:r{i}": [{"href": f"/r/{i}", "embeddable": True}] for i in range(n)
            },
            "_embedded": {f"x:r{i}": [{"id": i, "name": "u"}] for i in range(n)},
        }

    assert_linear(make, wpparse.parse_post, 500)


def test_header_numbers_of_any_text_never_raise() -> None:
    # "²".isdigit() is true and int() refuses it; int() refuses 5,000 digits.
    for value in ("²", "1" * 5000, "-3", " 12 ", "٣"):
        posts = wpparse.parse_posts("[]", headers={"X-WP-Total": value})
        assert posts.total == (12 if value == " 12 " else None)


def test_json_lines_full_of_bad_lines() -> None:
    assert_linear(
        lambda n: '{"id": 1}\n' + "not json\n" * n + '{"id": 2}\n',
        lambda text: wpparse.parse_posts(text, strict=False),
        2_000,
    )


def test_deeply_nested_embedded_lists_are_no_recursion() -> None:
    value: list[Any] = [{"id": 3, "name": "A"}]
    for _ in range(5_000):
        value = [value]

    post = wpparse.parse_post({"id": 1, "_embedded": {"author": value}})

    assert post.embedded is not None
    assert [3] == [user.id for user in post.embedded.authors]
