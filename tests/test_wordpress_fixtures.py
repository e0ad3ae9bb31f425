"""
Regression tests over responses saved from a real WordPress 6.1.

The files in ``tests/data/wordpress/`` come from the integration tests'
throwaway site (see its README); these tests keep what that site taught us
when WordPress is not running.
"""

from __future__ import annotations

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


def test_embed_response() -> None:
    post = wpparse.parse_post(_read("post-block-embed.json"), tz="Europe/Paris")

    assert post.embedded is not None
    assert post.author_user is not None
    assert (post.author_user.id, post.author_user.name) == (1, "Ada Admin")
    assert post.featured_image is not None
    assert post.featured_image.caption == "Rust & rain, photographed"
    assert post.featured_image.title == "Rust & Rain “photo”"
    assert [t.name for t in post.terms("category")] == ["Rock & Roll"]
    # Term names are escaped (&amp;) but never texturized.
    assert [t.name for t in post.terms("post_tag")] == ["Don't Panic", "Rivers"]
    assert [(c.id, c.parent, c.author_name) for c in post.embedded.replies] == [
        (3, 2, 'Guest & "Reader"'),
        (2, 0, "Zoë O'Brien"),
    ]
    # Embedded replies have no date_gmt: the zone given supplies the offset.
    assert post.embedded.replies[0].date == datetime(2024, 1, 17, 21, 15, tzinfo=PARIS)


def test_envelope_page() -> None:
    posts = wpparse.parse_posts(_read("posts-page2-envelope.json"))

    assert (posts.total, posts.total_pages) == (6, 3)
    assert posts.next is not None
    assert posts.next.endswith("/wp-json/wp/v2/posts?per_page=2&page=3&_envelope=1")
    assert [(p.id, p.title) for p in posts] == [
        (19, "Offshore notes"),
        (18, "Monsoon notes"),
    ]
    # A manual UTC-3:30 offset, then Asia/Kolkata (UTC+5:30).
    assert posts[0].date == datetime(
        2024, 5, 1, 12, 0, tzinfo=timezone(-timedelta(hours=3, minutes=30))
    )
    assert posts[1].date == datetime(
        2024, 3, 10, 8, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))
    )


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


def test_media() -> None:
    media = wpparse.parse(_read("media.json"))

    assert isinstance(media, wpparse.Media)
    assert (media.id, media.post, media.alt_text) == (4, 6, "A rusty river")
    assert (media.width, media.height, media.mime_type) == (400, 300, "image/png")
    assert {name: (s.width, s.height) for name, s in media.sizes.items()} == {
        "medium": (300, 225),
        "thumbnail": (150, 150),
        "full": (400, 300),
    }
    assert media.caption == "Rust & rain, photographed"
    assert media.description == "A river that has seen better days."


def test_users() -> None:
    users = wpparse.parse_objects(_read("users.json"))

    assert [(u.id, u.name) for u in users if isinstance(u, wpparse.User)] == [
        (1, "Ada Admin"),
        (2, "Zoë O'Brien"),
    ]
    zoe = users[1]
    assert isinstance(zoe, wpparse.User)
    assert zoe.description == "Writes about summer & rivers."  # sent as &amp;


def test_categories() -> None:
    terms = wpparse.parse_objects(_read("categories.json"))

    assert [
        (t.id, t.name, t.parent, t.count) for t in terms if isinstance(t, wpparse.Term)
    ] == [
        (1, "Uncategorized", 0, 0),
        (2, "Rock & Roll", 0, 2),
        (3, "News", 0, 4),
        (4, 'Local "news"', 3, 1),
    ]


def test_comments() -> None:
    comments = wpparse.parse_objects(_read("comments.json"))

    assert [type(c) for c in comments] == [wpparse.Comment, wpparse.Comment]
    zoe, guest = comments
    assert isinstance(zoe, wpparse.Comment)
    assert isinstance(guest, wpparse.Comment)
    assert zoe.content == "I’d paint it “red”."
    assert zoe.date == datetime(2024, 1, 16, 8, 0, tzinfo=PARIS)
    assert (guest.parent, guest.author, guest.author_name) == (2, 0, 'Guest & "Reader"')


def _shape(sections: tuple[wpparse.Section, ...]) -> list[object]:
    return [
        (
            s.title,
            s.level,
            s.heading_source,
            [b.kind for b in s.blocks],
            _shape(s.children),
        )
        for s in sections
    ]


def test_block_post_sections_and_links() -> None:
    post = wpparse.parse_post(_read("post-block.json"))
    html, bold = wpparse.HeadingSource.HTML, wpparse.HeadingSource.BOLD
    k = wpparse.BlockKind

    assert _shape(post.sections) == [
        (None, 0, None, [k.PARAGRAPH], []),
        (
            "Why rust happens",
            2,
            html,
            [k.PARAGRAPH],
            [
                (
                    "Water & “air”",
                    3,
                    html,
                    [k.LIST],
                    [("Deeper still", 4, html, [k.PARAGRAPH], [])],
                )
            ],
        ),
        (
            "The fix",
            2,
            html,
            [k.PARAGRAPH, k.QUOTE],
            [("A bold pseudo heading", 3, bold, [k.PARAGRAPH, k.TABLE, k.FIGURE], [])],
        ),
    ]
    assert [s.anchor for s in post.walk()] == [
        None,
        "why-rust",
        None,
        None,
        "the-fix",
        None,
    ]
    assert post.sections[2].blocks[0].lead == "In short,"
    kinds = wpparse.LinkKind
    assert [link.kind for link in post.links] == [
        kinds.INTERNAL,
        kinds.INTERNAL,
        kinds.EXTERNAL,
        kinds.FRAGMENT,
        kinds.FRAGMENT,
        kinds.MAILTO,
        kinds.TEL,
        kinds.OTHER,
        kinds.UNSAFE,
        kinds.EXTERNAL,
    ]
    assert [link.target_anchor for link in post.links[3:5]] == ["the-fix", None]
    assert post.links[-1].url == "http://cdn.example.net/rust.css"


def test_nested_blocks_post() -> None:
    post = wpparse.parse_post(_read("post-layout.json"))
    line = wpparse.HeadingSource.LINE

    assert [(s.title, s.level) for s in post.walk()] == [
        (None, 0),
        ("Grouped heading", 2),
        ("Left column", 3),
        ("Right column", 3),
        ("Code & friends", 2),
        ("Repainting", 2),
        ("Sand the surface", 3),
        ("Prime it", 3),
    ]
    assert [s.heading_source for s in post.sections[3].children] == [line, line]
    code = post.sections[2].blocks[0]
    assert (code.kind, code.language) == (wpparse.BlockKind.CODE, "python")
    assert code.text == 'def rust(metal):\n    return metal != "gold"'


def test_search_results() -> None:
    posts = wpparse.parse_objects(_read("search-posts.json"))
    terms = wpparse.parse_objects(_read("search-terms.json"))
    found = [r for r in (*posts, *terms) if isinstance(r, wpparse.SearchResult)]

    assert len(found) == len(posts) + len(terms) == 4
    assert [(r.id, r.title, r.type, r.subtype) for r in found] == [
        (19, "Offshore notes", "post", "post"),
        (18, "Monsoon notes", "post", "post"),
        (4, 'Local "news"', "category", None),  # a term's type is its taxonomy
        (3, "News", "category", None),
    ]
    assert found[0].url is not None
    assert found[0].url.endswith("/2024/05/offshore-notes/")
    assert [r.rel for r in found[2].relations] == ["self", "about", "collection"]


def test_types_taxonomies_and_statuses_are_skipped(tmp_path: Path) -> None:
    for name in ("types", "taxonomies", "statuses"):
        (tmp_path / f"{name}.json").write_bytes(_read(name + ".json"))
    problems: list[wpparse.Problem] = []

    reader = wpparse.read_objects(tmp_path, on_error=problems.append)

    assert list(reader) == []
    assert problems == []
    assert dict(reader.skipped) == {"post type": 9, "taxonomy": 4, "status": 6}
