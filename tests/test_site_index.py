"""SiteIndex: what a link resolves to, backlinks, the rows for a dataframe, the page tree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import wpparse
from wpparse import Media, Post, SiteIndex, Term, User

SITE = "https://example.org"


def _post(number: int, link: str, *, content: str = "", **fields: Any) -> Post:
    data = {
        "id": number,
        "type": "post",
        "link": link,
        "guid": {"rendered": f"{SITE}/?p={number}"},
        "title": {"rendered": f"Post {number}"},
        "content": {"rendered": content},
        **fields,
    }
    return wpparse.parse_post(data)


def _a(*hrefs: str) -> str:
    return "".join(f'<p><a href="{href}">link</a></p>' for href in hrefs)


def _media(number: int = 9, **fields: Any) -> Media:
    data = {
        "id": number,
        "type": "attachment",
        "link": f"{SITE}/rain/photo/",
        "source_url": f"{SITE}/wp-content/uploads/2026/03/photo.jpg",
        "media_details": {
            "file": "2026/03/photo.jpg",
            "sizes": {
                "medium": {
                    "source_url": f"{SITE}/wp-content/uploads/2026/03/photo-300x200.jpg"
                },
                "large": {
                    "source_url": f"{SITE}/wp-content/uploads/2026/03/photo-1024x683.jpg"
                },
            },
        },
        **fields,
    }
    media = wpparse.parse(data)
    assert isinstance(media, Media)
    return media


def _term(number: int, taxonomy: str, slug: str) -> Term:
    path = "category" if taxonomy == "category" else "tag"
    term = wpparse.parse(
        {
            "id": number,
            "taxonomy": taxonomy,
            "slug": slug,
            "link": f"{SITE}/{path}/{slug}/",
        }
    )
    assert isinstance(term, Term)
    return term


def _user(number: int = 3) -> User:
    user = wpparse.parse(
        {"id": number, "name": "Ada", "slug": "ada", "link": f"{SITE}/author/ada/"}
    )
    assert isinstance(user, User)
    return user


RAIN = _post(36, f"{SITE}/2026/03/rain/")
ABOUT = _post(2, f"{SITE}/about/", type="page")


def _ident(obj: object) -> tuple[str, int] | None:
    if obj is None:
        return None
    assert isinstance(obj, Post | Media | Term | User)
    return type(obj).__name__, obj.id


# --- target: pages --------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/2026/03/rain/",
        "http://www.example.org/2026/03/rain",
        "https://EXAMPLE.ORG/2026/03/rain/#comments",
        "https://example.org/2026/03/rain/?utm_source=newsletter",
        "//example.org/2026/03/%72ain/",
        "/2026/03/rain/",  # relative: the only host the index knows
    ],
)
def test_a_link_resolves_whatever_its_spelling(url: str) -> None:
    index = SiteIndex([RAIN, ABOUT])

    assert _ident(index.target(url)) == ("Post", 36)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/2026/03/rain/?lang=fr",
        "https://example.org/2026/03/Rain/",
        "https://other.example/2026/03/rain/",
        "https://example.org/2026/03/",
        "mailto:ada@example.org",
        "",
    ],
)
def test_a_different_page_resolves_to_nothing(url: str) -> None:
    assert SiteIndex([RAIN, ABOUT]).target(url) is None


def test_target_takes_a_link() -> None:
    post = _post(7, f"{SITE}/hello/", content=_a("/about/"))
    index = SiteIndex([post, ABOUT])

    assert _ident(index.target(post.links[0])) == ("Post", 2)


# --- target: id forms ---------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"{SITE}/?p=36", ("Post", 36)),
        (f"{SITE}/?p=2", ("Post", 2)),  # WordPress redirects ?p= to any post type
        (f"{SITE}/?page_id=2", ("Post", 2)),
        (f"{SITE}/?attachment_id=9", ("Media", 9)),
        (f"{SITE}/?cat=7", ("Term", 7)),
        (f"{SITE}/?tag_id=8", ("Term", 8)),
        (f"{SITE}/?author=3", ("User", 3)),
        (f"{SITE}/?post_type=post&p=36", ("Post", 36)),
        ("http://www.example.org/?p=36#respond", ("Post", 36)),
        ("/?page_id=2", ("Post", 2)),
        (f"{SITE}/?cat=8", None),  # 8 is a tag
        (f"{SITE}/?tag_id=7", None),  # 7 is a category
        (f"{SITE}/?author=36", None),  # ids are per kind
        (f"{SITE}/?p=3", None),
        (f"{SITE}/?p=404", None),
        ("https://other.example/?p=36", None),
    ],
)
def test_id_forms(url: str, expected: tuple[str, int] | None) -> None:
    index = SiteIndex(
        [
            RAIN,
            ABOUT,
            _media(),
            _term(7, "category", "news"),
            _term(8, "post_tag", "rain"),
            _user(),
        ]
    )

    assert _ident(index.target(url)) == expected


def test_a_guid_that_is_no_id_form_resolves() -> None:
    # Imported content keeps the guid of the site it came from.
    post = _post(
        40,
        f"{SITE}/moved/",
        guid={"rendered": "http://old.example/?page=moved&amp;x=1"},
    )
    page = _post(41, f"{SITE}/home/", guid={"rendered": "http://old.example/home/"})
    index = SiteIndex([post, page])

    assert _ident(index.target("https://old.example/home")) == ("Post", 41)


def test_a_guid_id_does_not_override_the_real_id() -> None:
    # unitingnc.org: post 1990's guid is .../?p=1848, a post that is not this one.
    post = _post(1990, f"{SITE}/new-immigrants/", guid={"rendered": f"{SITE}/?p=1848"})
    index = SiteIndex([post])

    assert index.target(f"{SITE}/?p=1848") is None
    assert _ident(index.target(f"{SITE}/?p=1990")) == ("Post", 1990)


def test_a_page_link_wins_over_a_guid() -> None:
    first = _post(50, f"{SITE}/one/")
    second = _post(51, f"{SITE}/two/", guid={"rendered": f"{SITE}/one/"})
    index = SiteIndex([second, first])

    assert _ident(index.target(f"{SITE}/one/")) == ("Post", 50)


# --- target: media files ---------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"{SITE}/wp-content/uploads/2026/03/photo.jpg",  # source_url
        f"{SITE}/wp-content/uploads/2026/03/photo-300x200.jpg",  # a size
        "http://www.example.org/wp-content/uploads/2026/03/photo-1024x683.jpg?ver=2",
        f"{SITE}/wp-content/uploads/2026/03/photo-150x150.jpg",  # a size the record omits
        f"{SITE}/wp-content/uploads/2026/03/photo-scaled.jpg",
        "https://i0.wp.com/example.org/wp-content/uploads/2026/03/photo.jpg?w=640",
        "/wp-content/uploads/2026/03/photo-300x200.jpg",
        f"{SITE}/rain/photo/",  # the attachment page
    ],
)
def test_an_image_resolves_to_its_attachment(url: str) -> None:
    assert _ident(SiteIndex([_media()]).target(url)) == ("Media", 9)


def test_a_different_file_does_not_resolve() -> None:
    index = SiteIndex([_media()])

    assert index.target(f"{SITE}/wp-content/uploads/2026/03/photo2.jpg") is None
    assert index.target(f"{SITE}/wp-content/uploads/2026/04/photo.jpg") is None


def test_the_original_image_of_a_scaled_upload_resolves() -> None:
    media = _media(
        source_url=f"{SITE}/up/big-scaled.jpg",
        media_details={"original_image": "big-original.jpg", "sizes": {}},
    )

    assert _ident(SiteIndex([media]).target(f"{SITE}/up/big-original.jpg")) == (
        "Media",
        9,
    )


def test_an_attachment_read_as_a_post_resolves_by_its_files() -> None:
    # read_posts() reads a media record as a Post: its files are in extra.
    post = wpparse.parse_post(
        {
            "id": 9,
            "type": "attachment",
            "link": f"{SITE}/rain/photo/",
            "guid": {"rendered": f"{SITE}/up/photo.jpg"},
            "source_url": f"{SITE}/up/photo.jpg",
            "media_details": {
                "sizes": {"thumbnail": {"source_url": f"{SITE}/up/photo-150x150.jpg"}}
            },
        }
    )
    index = SiteIndex([post])

    assert _ident(index.target(f"{SITE}/up/photo-150x150.jpg")) == ("Post", 9)
    assert _ident(index.target(f"{SITE}/up/photo.jpg")) == ("Post", 9)


# --- ambiguity, duplicates, embedded copies -----------------------------------------


def test_a_url_two_objects_answer_to_resolves_to_neither() -> None:
    # A mirror that rewrote every link to "/".
    index = SiteIndex([_post(1, "/"), _post(2, "/")])

    assert index.target("/") is None
    assert _ident(index.target("/?p=2")) == ("Post", 2)


def test_a_relative_link_that_two_hosts_answer_resolves_to_neither() -> None:
    index = SiteIndex(
        [_post(1, "https://a.example/about/"), _post(2, "https://b.example/about/")]
    )

    assert index.target("/about/") is None
    assert _ident(index.target("https://b.example/about/")) == ("Post", 2)


def test_objects_with_relative_links_answer_absolute_urls() -> None:
    # webaquebec.org's export: every link is root-relative.
    room = _post(2093, "/rooms/international/", guid={"rendered": "/?p=2093"})
    index = SiteIndex([room])

    assert _ident(index.target("https://webaquebec.org/rooms/international/")) == (
        "Post",
        2093,
    )
    assert _ident(index.target("https://webaquebec.org/?p=2093")) == ("Post", 2093)


def test_the_same_record_read_twice_is_one_object_with_its_links_once() -> None:
    post = _post(7, f"{SITE}/hello/", content=_a("/2026/03/rain/"))
    index = SiteIndex([post, RAIN, post])

    assert len(index) == 2
    assert len(list(index.links())) == 1


def test_embedded_objects_are_indexed_and_a_direct_record_replaces_them() -> None:
    embedded_photo = {
        "id": 9,
        "source_url": f"{SITE}/up/photo.jpg",
        "media_details": {
            "sizes": {"medium": {"source_url": f"{SITE}/up/photo-300x200.jpg"}}
        },
    }
    post = _post(
        7,
        f"{SITE}/hello/",
        featured_media=9,
        _embedded={
            "wp:featuredmedia": [embedded_photo],
            "author": [{"id": 3, "name": "Ada", "link": f"{SITE}/author/ada/"}],
        },
    )
    direct = _media(9, source_url=f"{SITE}/up/photo.jpg", alt_text="Rain on the river")

    only_embedded = SiteIndex([post])
    both = SiteIndex([post, direct])

    assert _ident(only_embedded.target(f"{SITE}/up/photo-300x200.jpg")) == ("Media", 9)
    assert _ident(only_embedded.target(f"{SITE}/author/ada")) == ("User", 3)
    found = both.target(f"{SITE}/up/photo-300x200.jpg")
    assert isinstance(found, Media)
    assert found.alt_text == "Rain on the river"


# --- links and backlinks ----------------------------------------------------------


def _site() -> list[Post]:
    hello = _post(
        7,
        f"{SITE}/hello/",
        content=_a(
            "/2026/03/rain/",
            "https://maps.example.net/",  # external: not kept
            "/about/#team",
            "/nowhere/",
            "mailto:ada@example.org",
        ),
    )
    other = _post(
        8, f"{SITE}/other/", content=_a("http://www.example.org/2026/03/rain")
    )
    return [hello, other, RAIN, ABOUT]


def test_links_yields_every_internal_link_with_its_target() -> None:
    rows = [
        (post.id, link.url, _ident(target))
        for post, link, target in SiteIndex(_site()).links()
    ]

    assert rows == [
        (7, f"{SITE}/2026/03/rain/", ("Post", 36)),
        (7, f"{SITE}/about/#team", ("Post", 2)),
        (7, f"{SITE}/nowhere/", None),
        (8, "http://www.example.org/2026/03/rain", ("Post", 36)),
    ]


def test_links_to_gives_the_backlinks() -> None:
    site = _site()
    index = SiteIndex(iter(site))  # a stream will do

    assert [(post.id, link.url) for post, link in index.links_to(RAIN)] == [
        (7, f"{SITE}/2026/03/rain/"),
        (8, "http://www.example.org/2026/03/rain"),
    ]
    assert index.links_to(site[0]) == ()
    # the index's own copy names the same object
    copy = index.target("/about/")
    assert copy is not None
    assert [post.id for post, _ in index.links_to(copy)] == [7]


def test_the_index_keeps_light_copies_and_leaves_the_objects_alone() -> None:
    site = _site()
    index = SiteIndex(site)
    copy = index.target("/hello/")

    assert isinstance(copy, Post)
    assert (copy.id, copy.title, copy.link) == (7, "Post 7", f"{SITE}/hello/")
    assert (copy.sections, copy.links, copy.content_html) == ((), (), "")
    assert site[0].links  # the object read is untouched


# --- the page tree -------------------------------------------------------------


def _page(number: int, parent: int, order: int, title: str, host: str = SITE) -> Post:
    return wpparse.parse_post(
        {
            "id": number,
            "type": "page",
            "link": f"{host}/page-{number}/",
            "title": {"rendered": title},
            "parent": parent,
            "menu_order": order,
        }
    )


def test_children_come_in_menu_order_then_title() -> None:
    top = _page(10, 0, 0, "Rivers")
    pages = [
        top,
        _page(11, 10, 2, "Chalk"),
        _page(12, 10, 1, "Iron"),
        _page(13, 10, 1, "Clay"),
        _page(14, 11, 0, "Deeper"),
        _page(15, 10, 0, "Elsewhere", host="https://other.example"),
    ]
    index = SiteIndex(pages)

    assert [p.id for p in index.children(top)] == [13, 12, 11]
    assert [p.id for p in index.children(pages[1])] == [14]
    assert index.children(pages[4]) == ()
    assert index.parent(top) is None
    parent = index.parent(pages[4])
    assert parent is not None
    assert parent.id == 11


# --- the collection ----------------------------------------------------------------


def test_iteration_length_and_repr() -> None:
    index = SiteIndex(
        [*_site(), _user(), wpparse.parse({"id": 5, "post": 7, "author_name": "x"})]
    )

    assert [_ident(obj) for obj in index] == [
        ("Post", 7),
        ("Post", 8),
        ("Post", 36),
        ("Post", 2),
        ("User", 3),
    ]
    assert len(index) == 5
    assert repr(index) == "<SiteIndex: 5 objects, 4 internal links>"


def test_foreign_objects_are_refused() -> None:
    with pytest.raises(TypeError, match="SiteIndex takes wpparse objects, got dict"):
        SiteIndex([{"id": 1}])


def test_relative_lookups_stay_linear_over_many_hosts() -> None:
    # Each object on its own host: a relative URL must not try every host.
    count = 20_000

    def posts() -> Iterator[Post]:
        for n in range(1, count + 1):
            yield Post(id=n, type="post", link=f"https://h{n}.example/p{n}/")

    index = SiteIndex(posts())
    found = [index.target(f"/p{n}/") for n in range(1, count + 1)]

    assert all(obj is not None and obj.id == n for n, obj in enumerate(found, 1))
    assert index.target("/?p=5") is not None


# --- images ----------------------------------------------------------------------


def test_images_resolve_by_file_or_by_their_wp_image_class() -> None:
    content = (
        f'<figure><img src="{SITE}/wp-content/uploads/2026/03/photo-300x200.jpg"></figure>'
        '<figure><img src="https://cdn.example.net/copy-of-photo.jpg" class="wp-image-9"></figure>'
        '<figure><img src="https://cdn.example.net/unknown.jpg"></figure>'
        '<figure><img src="https://cdn.example.net/gone.jpg" class="wp-image-404"></figure>'
    )
    post = _post(7, f"{SITE}/hello/", content=content)
    rows = [
        (p.id, src, _ident(t)) for p, src, t in SiteIndex([post, _media()]).images()
    ]

    assert rows == [
        (7, f"{SITE}/wp-content/uploads/2026/03/photo-300x200.jpg", ("Media", 9)),
        (7, "https://cdn.example.net/copy-of-photo.jpg", ("Media", 9)),
        (7, "https://cdn.example.net/unknown.jpg", None),
        (7, "https://cdn.example.net/gone.jpg", None),
    ]


def test_a_post_without_figures_has_no_image_rows() -> None:
    assert list(SiteIndex(_site()).images()) == []


# Post fields a light copy keeps: what names and places a post.  Any other
# field (a new one too) must come back at its default, so that the index
# never holds content.
_KEPT = {
    *("id", "type", "slug", "status", "link", "guid", "date", "modified", "author"),
    *("featured_media", "comment_status", "ping_status", "sticky", "template"),
    *("parent", "menu_order", "format", "categories", "tags", "language"),
    *("translations", "title", "excerpt_truncated", "protected", "source"),
}


def test_a_light_copy_keeps_no_content_whatever_the_post_holds() -> None:
    post = wpparse.parse_post(
        {
            "id": 7,
            "type": "post",
            "link": f"{SITE}/hello/",
            "title": {"rendered": "Hello &amp; welcome"},
            "excerpt": {"rendered": "<p>Short [&hellip;]</p>"},
            "content": {
                "rendered": '<h2>Part</h2><p>Text [gallery ids="1,2"] <a href="/a/">a</a></p>',
                "raw": "<!-- wp:paragraph --><p>Text</p><!-- /wp:paragraph -->",
            },
            "meta": {"footnotes": ""},
            "class_list": ["post-7"],
            "yoast_head_json": {"title": "Hello"},
            "acf": {"colour": "blue"},
            "_links": {"self": [{"href": f"{SITE}/wp-json/wp/v2/posts/7"}]},
            "_embedded": {"author": [{"id": 3, "name": "Ada"}]},
            "lang": "en",
            "translations": {"fr": 8},
            "parent": 0,
            "menu_order": 0,
        }
    )
    copy = SiteIndex([post]).target(f"{SITE}/hello/")

    assert isinstance(copy, Post)
    for field in attrs.fields(Post):
        value = getattr(copy, field.name)
        if field.name in _KEPT:
            assert value == getattr(post, field.name), field.name
        else:
            default: Any = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = default.factory()
            assert value == default, field.name
    # ... and the post read had all of them
    assert post.sections
    assert post.shortcodes
    assert post.seo
    assert post.parsed_blocks
