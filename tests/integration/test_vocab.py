"""Embedded objects, media, users, terms, comments and paging from the real site."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import wpparse
from tests.integration.stack import Response, Stack

pytestmark = pytest.mark.integration

PARIS = ZoneInfo("Europe/Paris")


def _headers(response: Response) -> Mapping[str, Any]:
    return dict(response.headers.items())


def _get(wp: Stack, path: str, **params: str | int) -> Response:
    response = wp.request(f"/wp-json/wp/v2/{path}", params)
    assert response.status == 200, response.body[:500]
    return response


def test_embedded_author_media_terms_replies(
    wp: Stack, save_fixture: Callable[[str, bytes], None]
) -> None:
    response = _get(wp, f"posts/{wp.ids['structure']}", _embed=1)
    save_fixture("post-block-embed.json", response.body)
    post = wpparse.parse_post(response.body)
    embedded = post.embedded
    assert embedded is not None

    assert post.author_user == wpparse.User(
        id=wp.ids["admin"],
        name="Ada Admin",
        slug="admin",
        link=f"{wp.base}/author/admin/",
        url=wp.base,
        description="Runs the site.",
        avatar_urls=post.author_user.avatar_urls if post.author_user else {},
        relations=post.author_user.relations if post.author_user else (),
    )
    assert post.author_user is not None
    assert sorted(post.author_user.avatar_urls) == [24, 48, 96]

    image = post.featured_image
    assert image is not None
    assert (image.id, image.source_url, image.alt_text) == (
        wp.ids["image"],
        wp.seed["image_url"],
        "A rusty river",
    )
    assert image.title == "Rust & Rain “photo”"
    assert image.caption == "Rust & rain, photographed"
    assert (image.media_type, image.mime_type) == ("image", "image/png")
    assert (image.width, image.height, image.file) == (
        400,
        300,
        "2024/01/rust-rain.png",
    )
    uploads = f"{wp.base}/wp-content/uploads/2024/01"
    assert {
        name: (size.width, size.height, size.file, size.source_url, size.mime_type)
        for name, size in image.sizes.items()
    } == {
        "medium": (
            300,
            225,
            "rust-rain-300x225.png",
            f"{uploads}/rust-rain-300x225.png",
            "image/png",
        ),
        "thumbnail": (
            150,
            150,
            "rust-rain-150x150.png",
            f"{uploads}/rust-rain-150x150.png",
            "image/png",
        ),
        "full": (400, 300, "rust-rain.png", f"{uploads}/rust-rain.png", "image/png"),
    }

    assert [(t.id, t.name, t.slug, t.taxonomy) for t in post.terms("category")] == [
        (wp.ids["rock"], "Rock & Roll", "rock-roll", "category")
    ]
    # Term names are escaped (&amp;) but never texturized: the apostrophe stays.
    assert [t.name for t in post.terms("post_tag")] == ["Don't Panic", "Rivers"]
    assert [t if isinstance(t, int) else t.name for t in post.category_terms] == [
        "Rock & Roll"
    ]
    assert post.terms("category")[0].link == f"{wp.base}/category/rock-roll/"

    guest, zoe = embedded.replies
    assert (guest.id, guest.parent, guest.author) == (
        wp.ids["comment_guest"],
        wp.ids["comment_zoe"],
        0,
    )
    assert guest.author_name == 'Guest & "Reader"'
    assert guest.author_url == "https://guest.example.org/"
    assert (zoe.id, zoe.parent, zoe.author) == (wp.ids["comment_zoe"], 0, wp.ids["zoe"])
    assert zoe.author_name == "Zoë O'Brien"
    assert zoe.content == "I’d paint it “red”."
    assert zoe.link == f"{wp.base}/2024/01/rust-and-rain/#comment-{zoe.id}"
    # Embedded replies carry no date_gmt: the wall clock, unless the zone is given.
    assert guest.date == datetime(2024, 1, 17, 21, 15)
    assert embedded.absences == ()


def test_embedded_reply_dates_with_the_site_zone(wp: Stack) -> None:
    response = _get(wp, f"posts/{wp.ids['structure']}", _embed=1)
    post = wpparse.parse_post(response.body, tz="Europe/Paris")

    assert post.embedded is not None
    guest, zoe = post.embedded.replies
    assert guest.date == datetime(2024, 1, 17, 21, 15, tzinfo=PARIS)
    assert zoe.date == datetime(2024, 1, 16, 8, 0, tzinfo=PARIS)


def test_embedded_parent_page_and_custom_terms(wp: Stack) -> None:
    team = wpparse.parse_post(_get(wp, f"pages/{wp.ids['team']}", _embed=1).body)
    book = wpparse.parse_post(_get(wp, f"books/{wp.ids['book']}", _embed=1).body)

    assert team.embedded is not None
    (about,) = team.embedded.parents
    assert (about.id, about.title) == (wp.ids["about"], "About us")
    (genre,) = book.terms("genre")
    assert (genre.id, genre.name, genre.taxonomy) == (
        wp.ids["scifi"],
        "Sci-Fi & Fantasy",
        "genre",
    )
    assert book.author_user is not None
    assert book.author_user.name == "Zoë O'Brien"


def test_missing_featured_image_is_an_absence(wp: Stack) -> None:
    # The attachment does not exist: WordPress links (and embeds) the API index.
    response = _get(wp, f"posts/{wp.ids['kolkata']}", _embed=1)
    post = wpparse.parse_post(response.body)

    assert post.featured_media == 999_999
    assert post.featured_image is None
    assert post.embedded is not None
    assert post.embedded.featured_media == ()
    (absence,) = post.embedded.absences
    assert (absence.rel, absence.href, absence.code) == (
        "wp:featuredmedia",
        f"{wp.base}/wp-json/",
        "wpparse_invalid",
    )
    assert post.author_user is not None
    assert post.author_user.name == "Zoë O'Brien"


def test_draft_parent_is_an_absence(wp: Stack) -> None:
    response = _get(wp, f"pages/{wp.ids['old_news']}", _embed=1)
    page = wpparse.parse_post(response.body)

    assert page.parent == wp.ids["archive"]
    assert page.embedded is not None
    assert page.embedded.parents == ()
    (absence,) = page.embedded.absences
    assert (absence.rel, absence.code, absence.status, absence.href) == (
        "up",
        "rest_forbidden",
        401,
        f"{wp.base}/wp-json/wp/v2/pages/{wp.ids['archive']}",
    )


def test_paging_from_headers(wp: Stack) -> None:
    first = _get(wp, "posts", per_page=2)
    last = _get(wp, "posts", per_page=2, page=3)
    page1 = wpparse.parse_posts(first.body, headers=_headers(first))
    page3 = wpparse.parse_posts(last.body, headers=_headers(last))

    assert (page1.total, page1.total_pages) == (6, 3)
    assert page1.prev is None
    assert page1.next == f"{wp.base}/wp-json/wp/v2/posts?per_page=2&page=2"
    assert (page3.total, page3.total_pages, page3.next) == (6, 3, None)
    assert page3.prev == f"{wp.base}/wp-json/wp/v2/posts?per_page=2&page=2"
    assert [p.id for p in page3] == [wp.ids["protected"], wp.ids["structure"]]


def test_paging_from_an_envelope(wp: Stack) -> None:
    response = _get(wp, "posts", per_page=2, page=2, _envelope=1)
    page = wpparse.parse_posts(response.body)

    assert (page.total, page.total_pages) == (6, 3)
    # WordPress keeps _envelope in the links it puts in the envelope.
    api = f"{wp.base}/wp-json/wp/v2"
    assert page.prev == f"{api}/posts?per_page=2&page=1&_envelope=1"
    assert page.next == f"{api}/posts?per_page=2&page=3&_envelope=1"


def test_media(wp: Stack, save_fixture: Callable[[str, bytes], None]) -> None:
    response = _get(wp, f"media/{wp.ids['image']}")
    save_fixture("media.json", response.body)
    media = wpparse.parse(response.body)

    assert isinstance(media, wpparse.Media)
    assert media.id == wp.ids["image"]
    assert media.post == wp.ids["structure"]
    assert media.author == wp.ids["admin"]
    assert media.slug == "rust-rain-photo"
    assert media.link == f"{wp.base}/2024/01/rust-and-rain/rust-rain-photo/"
    assert media.description == "A river that has seen better days."
    assert media.caption_html == "<p>Rust &#038; rain, photographed</p>\n"
    assert media.date == datetime(2024, 1, 14, 9, 0, tzinfo=PARIS)


def test_users(wp: Stack, save_fixture: Callable[[str, bytes], None]) -> None:
    response = _get(wp, "users")
    save_fixture("users.json", response.body)
    users = wpparse.parse_objects(response.body, headers=_headers(response))

    assert users.total == 2
    assert all(isinstance(u, wpparse.User) for u in users)
    by_id = {u.id: u for u in users if isinstance(u, wpparse.User)}
    zoe = by_id[wp.ids["zoe"]]
    assert (zoe.name, zoe.slug, zoe.url) == (
        "Zoë O'Brien",
        "zoe",
        "https://zoe.example.org/",
    )
    # Stored through kses as "summer &amp; rivers".
    assert zoe.description == "Writes about summer & rivers."
    assert by_id[wp.ids["admin"]].name == "Ada Admin"


def test_terms(wp: Stack, save_fixture: Callable[[str, bytes], None]) -> None:
    response = _get(wp, "categories", orderby="id")
    save_fixture("categories.json", response.body)
    categories = wpparse.parse_objects(response.body, headers=_headers(response))
    tags = wpparse.parse_objects(_get(wp, "tags").body)
    genres = wpparse.parse_objects(_get(wp, "genres", orderby="id").body)

    def facts(terms: wpparse.Collection[Any]) -> list[tuple[Any, ...]]:
        assert all(isinstance(t, wpparse.Term) for t in terms)
        return [(t.id, t.name, t.taxonomy, t.parent, t.count) for t in terms]

    assert categories.total == 4
    assert facts(categories) == [
        (1, "Uncategorized", "category", 0, 0),
        (wp.ids["rock"], "Rock & Roll", "category", 0, 2),
        (wp.ids["news"], "News", "category", 0, 4),
        (wp.ids["local"], 'Local "news"', "category", wp.ids["news"], 1),
    ]
    rock = categories[1]
    assert isinstance(rock, wpparse.Term)
    assert rock.description == "Loud & proud."
    assert rock.link == f"{wp.base}/category/rock-roll/"
    assert facts(tags) == [
        (wp.ids["panic"], "Don't Panic", "post_tag", None, 1),
        (wp.ids["rivers"], "Rivers", "post_tag", None, 1),
    ]
    assert facts(genres) == [
        (wp.ids["fiction"], "Fiction", "genre", 0, 0),
        (wp.ids["scifi"], "Sci-Fi & Fantasy", "genre", wp.ids["fiction"], 1),
    ]


def test_comments(wp: Stack, save_fixture: Callable[[str, bytes], None]) -> None:
    response = _get(wp, "comments", post=wp.ids["structure"], order="asc")
    save_fixture("comments.json", response.body)
    comments = wpparse.parse_objects(response.body, headers=_headers(response))
    held = wp.request(
        "/wp-json/wp/v2/comments",
        {"post": wp.ids["structure"], "status": "hold", "context": "edit"},
        auth=True,
    )

    assert comments.total == 2  # the held comment is not public
    zoe, guest = comments
    assert isinstance(zoe, wpparse.Comment)
    assert isinstance(guest, wpparse.Comment)
    assert (zoe.post, zoe.status, zoe.type) == (
        wp.ids["structure"],
        "approved",
        "comment",
    )
    assert zoe.date == datetime(2024, 1, 16, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    assert guest.date == datetime(2024, 1, 17, 21, 15, tzinfo=PARIS)
    assert guest.author_name == 'Guest & "Reader"'
    assert guest.content_html == (
        "<p>Agreed &#8212; red it is.</p>\n"
        '<p>See <a href="https://example.org/red" rel="nofollow ugc">red</a>.</p>\n'
    )
    (spam,) = wpparse.parse_objects(held.body)
    assert isinstance(spam, wpparse.Comment)
    assert (spam.id, spam.status, spam.author_name) == (
        wp.ids["comment_held"],
        "hold",
        "Spammy",
    )


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("posts/{structure}", wpparse.Post),
        ("pages/{about}", wpparse.Post),
        ("books/{book}", wpparse.Post),
        ("media/{image}", wpparse.Media),
        ("users/{zoe}", wpparse.User),
        ("categories/{rock}", wpparse.Term),
        ("genres/{scifi}", wpparse.Term),
        ("comments/{comment_zoe}", wpparse.Comment),
    ],
)
def test_parse_picks_the_model(wp: Stack, path: str, model: type) -> None:
    response = _get(wp, path.format(**wp.ids))

    assert type(wpparse.parse(response.body)) is model


@pytest.mark.parametrize(
    "path", ["users/{zoe}", "categories/{rock}", "comments/{comment_zoe}"]
)
def test_parse_post_refuses_other_objects(wp: Stack, path: str) -> None:
    response = _get(wp, path.format(**wp.ids))

    with pytest.raises(wpparse.NotAPostError):
        wpparse.parse_post(response.body)
