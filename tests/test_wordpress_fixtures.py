"""
Regression tests over responses saved from a real WordPress 6.1.

The files in ``tests/data/wordpress/`` come from the integration tests'
throwaway site (see its README); these tests keep what that site taught us
when WordPress is not running.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest

import wpparse

FIXTURES = Path(__file__).resolve().parent / "data" / "wordpress"
PARIS = ZoneInfo("Europe/Paris")


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _site(post: wpparse.Post) -> str:
    assert post.link is not None
    parts = urlsplit(post.link)
    return f"{parts.scheme}://{parts.netloc}"


def test_block_post() -> None:
    post = wpparse.parse_post(_read("post-block.json"))

    assert (post.id, post.type, post.status, post.slug) == (
        6,
        "post",
        "publish",
        "rust-and-rain",
    )
    assert post.title_html == (
        "Rust &#038; Rain: Why the &#8220;Iron River&#8221; Isn&#8217;t Dangerous"
    )
    assert post.title == "Rust & Rain: Why the “Iron River” Isn’t Dangerous"
    assert post.excerpt == "Why rust happens & how to fix it."
    assert post.date == datetime(2024, 1, 15, 10, 30, tzinfo=PARIS)
    assert post.date is not None
    assert post.date.utcoffset() == timedelta(hours=1)
    assert (post.author, post.featured_media, post.sticky) == (1, 4, True)
    assert (post.categories, post.tags) == ((2,), (5, 6))
    assert post.meta == {}  # WordPress sent []


def test_block_post_relations() -> None:
    post = wpparse.parse_post(_read("post-block.json"))
    api = f"{_site(post)}/wp-json/wp/v2"

    assert [(r.taxonomy, r.href) for r in post.relation("https://api.w.org/term")] == [
        ("category", f"{api}/categories?post=6"),
        ("post_tag", f"{api}/tags?post=6"),
    ]
    (media,) = post.relation("wp:featuredmedia")
    assert (media.href, media.embeddable) == (f"{api}/media/4", True)
    assert post.relation("curies") == ()


def test_classic_post_in_summer() -> None:
    post = wpparse.parse_post(_read("post-classic.json"))

    assert post.date == datetime(2024, 7, 15, 10, 30, tzinfo=PARIS)
    assert post.date is not None
    assert post.date.utcoffset() == timedelta(hours=2)
    assert post.author == 2
    assert post.categories == (4, 3)  # ordered by term name, as WordPress sends them
    assert post.excerpt.startswith(
        "This is the classic editor. It’s “texturized” — and"
    )
    assert post.excerpt_truncated is False


def test_embed_response_parses() -> None:
    post = wpparse.parse_post(_read("post-block-embed.json"))

    assert post.id == 6
    embedded = post.extra["_embedded"]
    assert [a["name"] for a in embedded["author"]] == ["Ada Admin"]
    assert [[t["name"] for t in group] for group in embedded["wp:term"]] == [
        ["Rock &amp; Roll"],
        ["Don't Panic", "Rivers"],
    ]


def test_envelope_page() -> None:
    data = _read("posts-page2-envelope.json")
    posts = wpparse.parse_posts(data)
    envelope = json.loads(data)

    assert envelope["headers"]["X-WP-Total"] == 5
    assert envelope["headers"]["X-WP-TotalPages"] == 3
    assert [(p.id, p.title) for p in posts] == [
        (15, "Monsoon notes"),
        (7, "Members only"),
    ]
    # Asia/Kolkata is UTC+5:30; the protected post is Paris winter time.
    assert posts[0].date == datetime(
        2024, 3, 10, 8, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))
    )
    assert posts[1].date == datetime(2024, 2, 1, 9, 0, tzinfo=PARIS)
    assert posts[1].protected is True
    assert posts[1].content_html == ""


@pytest.mark.parametrize(
    ("name", "code", "status"),
    [
        ("error-invalid-id.json", "rest_post_invalid_id", 404),
        ("error-forbidden-context.json", "rest_forbidden_context", 401),
    ],
)
def test_error_responses(name: str, code: str, status: int) -> None:
    with pytest.raises(wpparse.WordPressError) as caught:
        wpparse.parse_post(_read(name))

    assert (caught.value.code, caught.value.status, caught.value.path) == (
        code,
        status,
        "$",
    )
