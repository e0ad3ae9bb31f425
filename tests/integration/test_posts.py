"""Single posts, pages and custom types fetched from the real site."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import wpparse
from tests.integration.stack import Stack

pytestmark = pytest.mark.integration

PARIS = ZoneInfo("Europe/Paris")


def _hours(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


def _get(wp: Stack, path: str, **params: str | int) -> wpparse.Post:
    response = wp.request(f"/wp-json/wp/v2/{path}", params)
    assert response.status == 200, response.body[:500]
    return wpparse.parse_post(response.body)


def test_block_post_fields(
    wp: Stack, save_fixture: Callable[[str, bytes], None]
) -> None:
    response = wp.request(f"/wp-json/wp/v2/posts/{wp.ids['structure']}")
    save_fixture("post-block.json", response.body)
    post = wpparse.parse_post(response.body)

    assert post.id == wp.ids["structure"]
    assert post.type == "post"
    assert post.status == "publish"
    assert post.slug == "rust-and-rain"
    assert post.link == f"{wp.base}/2024/01/rust-and-rain/"
    assert post.guid == post.link
    # wptexturize: & -> &#038;, "..." -> &#8220;...&#8221;, ' -> &#8217;
    assert post.title_html == (
        "Rust &#038; Rain: Why the &#8220;Iron River&#8221; Isn&#8217;t Dangerous"
    )
    assert post.title == "Rust & Rain: Why the “Iron River” Isn’t Dangerous"
    assert post.excerpt == "Why rust happens & how to fix it."
    assert post.excerpt_truncated is False
    assert post.author == wp.ids["admin"]
    assert post.featured_media == wp.ids["image"]
    assert post.sticky is True
    assert post.categories == (wp.ids["rock"],)
    assert post.tags == (wp.ids["panic"], wp.ids["rivers"])
    assert post.comment_status == "open"
    assert post.ping_status == "open"
    assert post.format == "standard"
    assert post.template == ""
    assert post.meta == {}
    assert post.protected is False
    assert '<h2 id="why-rust">Why rust happens</h2>' in post.content_html


def test_block_post_relations(wp: Stack) -> None:
    post = _get(wp, f"posts/{wp.ids['structure']}")
    api = f"{wp.base}/wp-json/wp/v2"

    (author,) = post.relation("author")
    assert author.href == f"{api}/users/{wp.ids['admin']}"
    assert author.embeddable is True
    (media,) = post.relation("https://api.w.org/featuredmedia")
    assert media.rel == "wp:featuredmedia"
    assert media.href == f"{api}/media/{wp.ids['image']}"
    assert media.embeddable is True
    terms = post.relation("wp:term")
    assert [(t.taxonomy, t.href, t.embeddable) for t in terms] == [
        ("category", f"{api}/categories?post={post.id}", True),
        ("post_tag", f"{api}/tags?post={post.id}", True),
    ]
    assert {r.rel_uri for r in terms} == {"https://api.w.org/term"}
    (history,) = post.relation("version-history")
    assert history.count == 0
    # The curies only serve to expand names; they are not relations.
    assert post.relation("curies") == ()
    (replies,) = post.relation("replies")
    assert replies.href == f"{api}/comments?post={post.id}"


@pytest.mark.parametrize(
    ("name", "wall", "offset"),
    [
        # Europe/Paris, winter (CET) and summer (CEST).
        ("structure", datetime(2024, 1, 15, 10, 30), _hours(1)),
        ("protected", datetime(2024, 2, 1, 9, 0), _hours(1)),
        ("classic", datetime(2024, 7, 15, 10, 30), _hours(2)),
        # Asia/Kolkata, and a manual UTC-3:30 offset from the General Settings.
        ("kolkata", datetime(2024, 3, 10, 8, 0), _hours(5.5)),
        ("offset", datetime(2024, 5, 1, 12, 0), _hours(-3.5)),
    ],
)
def test_dates_carry_the_offset_in_force(
    wp: Stack, name: str, wall: datetime, offset: timezone
) -> None:
    post = _get(wp, f"posts/{wp.ids[name]}")

    assert post.date == wall.replace(tzinfo=offset)
    assert post.date is not None
    assert post.date.utcoffset() == offset.utcoffset(None)
    assert post.date.replace(tzinfo=None) == wall  # the wall clock is kept
    # A new post's modified date is its date.
    assert post.modified == post.date


def test_dates_equal_the_zone_instants(wp: Stack) -> None:
    winter = _get(wp, f"posts/{wp.ids['structure']}")
    summer = _get(wp, f"posts/{wp.ids['classic']}")

    assert winter.date == datetime(2024, 1, 15, 10, 30, tzinfo=PARIS)
    assert summer.date == datetime(2024, 7, 15, 10, 30, tzinfo=PARIS)
    assert summer.date is not None
    assert summer.date.astimezone(UTC) == datetime(2024, 7, 15, 8, 30, tzinfo=UTC)


def test_classic_post(wp: Stack, save_fixture: Callable[[str, bytes], None]) -> None:
    response = wp.request(f"/wp-json/wp/v2/posts/{wp.ids['classic']}")
    save_fixture("post-classic.json", response.body)
    post = wpparse.parse_post(response.body)

    assert post.author == wp.ids["zoe"]
    # Terms come ordered by name: 'Local "news"' before 'News'.
    assert post.categories == (wp.ids["local"], wp.ids["news"])
    assert post.title == "Summer in the city"
    assert post.sticky is False
    # wpautop wrapped the paragraphs; wptexturize curled the quotes.
    assert post.content_html.startswith(
        "<p>This is the classic editor. It&#8217;s &#8220;texturized&#8221; &#8212; and"
    )
    # WordPress made the excerpt from the content: under 55 words, so not cut.
    assert post.excerpt == (
        "This is the classic editor. It’s “texturized” — and auto-paragraphed. "
        "Second paragraph with a link. A classic heading Text under the classic "
        "heading. one two"
    )
    assert post.excerpt_truncated is False


def test_protected_post(wp: Stack) -> None:
    locked = _get(wp, f"posts/{wp.ids['protected']}")
    unlocked = _get(wp, f"posts/{wp.ids['protected']}", password="sesame")

    assert locked.protected is True
    assert locked.content_html == ""
    assert locked.title == "Members only"
    assert unlocked.protected is True
    assert "The secret is rust." in unlocked.content_html


def test_draft_date_follows_the_site_zone(wp: Stack) -> None:
    def fetch() -> wpparse.Post:
        response = wp.request(
            f"/wp-json/wp/v2/posts/{wp.ids['draft']}", {"context": "edit"}, auth=True
        )
        assert response.status == 200, response.body[:500]
        return wpparse.parse_post(response.body)

    def set_zone(zone: str) -> None:
        response = wp.request(
            "/wp-json/wp/v2/settings",
            {"timezone": zone},
            auth=True,
            method="POST",
            data=b"",
        )
        assert response.status == 200, response.body[:500]
        assert response.json()["timezone"] == zone

    paris = fetch()
    set_zone("Asia/Kolkata")
    try:
        kolkata = fetch()
    finally:
        set_zone("Europe/Paris")

    wall = datetime(2024, 2, 20, 12, 0)
    assert paris.status == kolkata.status == "draft"
    assert paris.author == wp.ids["zoe"]
    assert paris.title == "Work in progress"
    # A draft's date floats: WordPress derives date_gmt from the zone in force.
    assert paris.date == wall.replace(tzinfo=_hours(1))
    assert kolkata.date == wall.replace(tzinfo=_hours(5.5))


def test_scheduled_post(wp: Stack) -> None:
    response = wp.request(
        f"/wp-json/wp/v2/posts/{wp.ids['future']}", {"context": "edit"}, auth=True
    )
    post = wpparse.parse_post(response.body)

    assert post.status == "future"
    assert post.date == datetime(2031, 6, 1, 9, 0, tzinfo=PARIS)
    assert post.date is not None
    assert post.date.utcoffset() == timedelta(hours=2)
    assert post.title_html == "Coming soon"


def test_fields_trims_the_post(wp: Stack) -> None:
    post = _get(wp, f"posts/{wp.ids['structure']}", _fields="id,title,date,categories")
    with_zone = wpparse.parse_post(
        wp.request(
            f"/wp-json/wp/v2/posts/{wp.ids['structure']}",
            {"_fields": "id,date"},
        ).body,
        tz="Europe/Paris",
    )

    assert post.id == wp.ids["structure"]
    assert post.title == "Rust & Rain: Why the “Iron River” Isn’t Dangerous"
    assert post.categories == (wp.ids["rock"],)
    assert (post.slug, post.link, post.author, post.content_html) == (
        None,
        None,
        None,
        "",
    )
    assert post.relations == ()
    # Without date_gmt the offset is unknown: the naive wall clock, unless told.
    assert post.date == datetime(2024, 1, 15, 10, 30)
    assert with_zone.date == datetime(2024, 1, 15, 10, 30, tzinfo=PARIS)


def test_page_hierarchy(wp: Stack) -> None:
    about = _get(wp, f"pages/{wp.ids['about']}")
    team = _get(wp, f"pages/{wp.ids['team']}")
    alumni = _get(wp, f"pages/{wp.ids['alumni']}")

    assert [p.type for p in (about, team, alumni)] == ["page"] * 3
    assert team.title == "Team & culture"
    assert team.title_html == "Team &#038; culture"
    assert alumni.link == f"{wp.base}/about-us/team-culture/alumni/"
    # WordPress's parent 0 (top level) reads None.
    assert (about.parent, team.parent, alumni.parent) == (
        None,
        wp.ids["about"],
        wp.ids["team"],
    )
    assert team.menu_order == 1
    assert "parent" not in team.extra
    assert "menu_order" not in team.extra
    assert team.sticky is None  # pages are never sticky: the field is absent
    assert team.categories == ()
    (up,) = team.relation("up")
    assert up.href == f"{wp.base}/wp-json/wp/v2/pages/{wp.ids['about']}"
    assert up.embeddable is True


def test_custom_post_type(wp: Stack) -> None:
    book = _get(wp, f"books/{wp.ids['book']}")

    assert book.type == "book"
    assert book.title == "The Hitchhiker’s Guide"
    assert book.link == f"{wp.base}/book/the-hitchhikers-guide/"
    assert book.author == wp.ids["zoe"]
    assert book.meta == {"isbn": "0-330-25864-8"}
    # The field is named after the taxonomy's rest_base.
    assert book.extra["genres"] == [wp.ids["scifi"]]
    assert book.date == datetime(2024, 3, 1, 18, 0, tzinfo=PARIS)
    (genre,) = book.relation("wp:term")
    assert genre.taxonomy == "genre"
    assert genre.href == f"{wp.base}/wp-json/wp/v2/genres?post={book.id}"


def test_attachment_parses_as_a_post(wp: Stack) -> None:
    media = _get(wp, f"media/{wp.ids['image']}")

    assert media.type == "attachment"
    assert media.title == "Rust & Rain “photo”"
    assert media.extra["alt_text"] == "A rusty river"
    assert media.extra["media_type"] == "image"
    assert media.extra["source_url"] == wp.seed["image_url"]
    assert media.extra["post"] == wp.ids["structure"]
    assert media.date == datetime(2024, 1, 14, 9, 0, tzinfo=PARIS)
