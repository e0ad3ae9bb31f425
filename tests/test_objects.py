"""Media, users, terms and comments: ``wpparse.parse`` picks the model from the shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import wpparse
from wpparse._json.kinds import object_kind

MEDIA: dict[str, Any] = {
    "id": 62,
    "date": "2016-11-25T18:33:33",
    "date_gmt": "2016-11-25T17:33:33",
    "slug": "iceland",
    "type": "attachment",
    "link": "https://example.org/iceland/",
    "title": {"rendered": "Iceland &amp; fire"},
    "author": 2,
    "caption": {"rendered": "<p>Gullfoss &#8211; the <em>golden</em> falls</p>\n"},
    "description": {"rendered": "<p>A long description</p>"},
    "alt_text": "Falls &amp; mist",
    "media_type": "image",
    "mime_type": "image/jpeg",
    "post": 60,
    "source_url": "https://example.org/uploads/iceland.jpg",
    "media_details": {
        "width": 5000,
        "height": 3025,
        "file": "2016/11/iceland.jpg",
        "sizes": {
            "thumbnail": {
                "file": "iceland-150x150.jpg",
                "width": 150,
                "height": 150,
                "mime_type": "image/jpeg",
                "source_url": "https://example.org/uploads/iceland-150x150.jpg",
            }
        },
        "image_meta": {"camera": "X"},
    },
    "_links": {"self": [{"href": "https://example.org/wp-json/wp/v2/media/62"}]},
}


def test_media_fields_and_decoded_text() -> None:
    media = wpparse.parse(MEDIA)

    assert isinstance(media, wpparse.Media)
    assert 62 == media.id
    assert "Gullfoss – the golden falls" == media.caption
    assert MEDIA["caption"]["rendered"] == media.caption_html
    assert "Falls & mist" == media.alt_text
    assert "Iceland & fire" == media.title
    assert (5000, 3025) == (media.width, media.height)
    assert "2016-11-25T18:33:33+01:00" == media.date.isoformat()  # type: ignore[union-attr]
    assert 150 == media.sizes["thumbnail"].width
    assert media.sizes["thumbnail"].source_url.endswith("150x150.jpg")  # type: ignore[union-attr]
    assert {"camera": "X"} == media.extra["media_details"]["image_meta"]
    assert "self" == media.relations[0].rel


def test_media_with_plain_string_caption_and_php_empty_details() -> None:
    media = wpparse.parse(
        {
            "id": 1571,
            "source_url": "/wp-content/uploads/a.jpg",
            "caption": "Une l&eacute;gende",
            "description": "",
            "media_details": [],
        }
    )

    assert isinstance(media, wpparse.Media)
    assert "Une légende" == media.caption
    assert {} == media.sizes
    assert media.width is None


def test_user() -> None:
    user = wpparse.parse(
        {
            "id": 4,
            "name": "Ana &amp; Bo",
            "slug": "ana",
            "url": "",
            "description": "Writes <b>things</b>",
            "link": "https://example.org/author/ana/",
            "avatar_urls": {"24": "https://g/24", "96": "https://g/96"},
        }
    )

    assert isinstance(user, wpparse.User)
    assert "Ana & Bo" == user.name
    assert "Writes things" == user.description
    assert user.url is None
    assert {24: "https://g/24", 96: "https://g/96"} == user.avatar_urls


def test_term_name_is_decoded() -> None:
    term = wpparse.parse(
        {
            "id": 7,
            "count": 3,
            "name": "News &amp; Views",
            "slug": "news",
            "taxonomy": "category",
            "parent": 0,
            "description": "",
            "meta": [],
        }
    )

    assert isinstance(term, wpparse.Term)
    assert "News & Views" == term.name
    assert ("category", 3, 0) == (term.taxonomy, term.count, term.parent)
    assert {"meta": []} == term.extra


def test_comment() -> None:
    comment = wpparse.parse(
        {
            "id": 138,
            "post": 60,
            "parent": 0,
            "author": 0,
            "author_name": "Dav&#233;",
            "author_url": "",
            "date": "2019-02-11T13:16:56",
            "date_gmt": "2019-02-11T12:16:56",
            "content": {"rendered": "<p>Nice &amp; clear.</p>\n"},
            "status": "approved",
            "type": "comment",
            "author_avatar_urls": {"48": "https://g/48"},
        }
    )

    assert isinstance(comment, wpparse.Comment)
    assert "Davé" == comment.author_name
    assert "Nice & clear." == comment.content
    assert "<p>Nice &amp; clear.</p>\n" == comment.content_html
    assert ("approved", 60, 0) == (comment.status, comment.post, comment.parent)
    assert {48: "https://g/48"} == comment.author_avatar_urls


def test_embedded_reply_without_post_field_is_a_comment() -> None:
    reply = {"id": 1, "author_name": "X", "type": "comment", "content": {}}

    assert "comment" == object_kind(reply)
    assert isinstance(wpparse.parse(reply), wpparse.Comment)


def test_posts_still_parse_as_posts() -> None:
    post = wpparse.parse('{"id": 3, "title": {"rendered": "T"}, "type": "page"}')

    assert isinstance(post, wpparse.Post)
    assert "T" == post.title


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"namespaces": ["wp/v2"], "routes": {}, "name": "Site"}, "index"),
        (
            {
                "name": "Tags",
                "slug": "post_tag",
                "types": ["post"],
                "hierarchical": False,
            },
            "taxonomy",
        ),
        ({"body": [], "status": 200, "headers": {}}, "envelope"),
        ([{"id": 1}], "list"),
        ({"title": "no id"}, "unknown"),
        ({"id": 3, "name": "Ann", "slug": "ann", "avatar_urls": {}}, "user"),
        ({"id": 9, "name": "Mug", "type": "simple", "permalink": "/mug"}, "post"),
        ("text", "not an object"),
    ],
)
def test_object_kind_names_what_is_not_modelled(data: Any, kind: str) -> None:
    assert kind == object_kind(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"namespaces": [], "routes": {}},
            "got the REST API index (wp-json/) @ $",
        ),
        ([1], "got a list (use wpparse.parse_posts) @ $"),
        (
            {"id": 1, "name": "Ann", "slug": "ann"},
            "got a user object (use wpparse.parse) @ $",
        ),
    ],
)
def test_parse_post_says_what_it_got(data: Any, message: str) -> None:
    with pytest.raises(wpparse.NotAPostError) as info:
        wpparse.parse_post(data)

    assert str(info.value).endswith(message)


def test_parse_unknown_object_is_a_clear_error() -> None:
    with pytest.raises(
        wpparse.NotAPostError, match=r"got the REST API index \(wp-json/\) @ \$$"
    ):
        wpparse.parse({"namespaces": [], "routes": {}})


def test_parse_error_response_raises_wordpress_error() -> None:
    with pytest.raises(wpparse.WordPressError) as info:
        wpparse.parse(
            {"code": "rest_forbidden", "message": "No", "data": {"status": 401}}
        )

    assert 401 == info.value.status


def test_wrong_field_type_names_its_path() -> None:
    with pytest.raises(wpparse.InvalidPostError, match=r"@ \$\.media_details\.width$"):
        wpparse.parse({"id": 1, "source_url": "x", "media_details": {"width": "wide"}})
    with pytest.raises(wpparse.InvalidPostError, match=r"@ \$\.avatar_urls\['x'\]$"):
        wpparse.parse({"id": 1, "name": "A", "avatar_urls": {"x": "u"}})


def test_media_title_of_the_wrong_type_names_its_path() -> None:
    with pytest.raises(wpparse.InvalidPostError) as info:
        wpparse.parse({**MEDIA, "title": 5})

    assert "expected an object with 'rendered', got the number 5 @ $.title" == str(
        info.value
    )


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({**MEDIA, "caption": {"rendered": "<b>" * 3000 + "deep"}}, "$.caption"),
        ({"id": 3, "name": "Ada", "description": "<i>" * 3000 + "x"}, "$.description"),
    ],
)
def test_repaired_markup_in_an_object_field_names_its_path(
    data: dict[str, Any], where: str
) -> None:
    with pytest.warns(wpparse.WPParseWarning) as caught:
        wpparse.parse(data)

    assert [str(w.message).endswith(f"@ {where}") for w in caught] == [True]


# /wp/v2/search items as WordPress core's search handlers write them: a post's
# has a subtype (its post type), a term's has its taxonomy as the type, a post
# format's has its slug as the id.
_SEARCH = "https://example.org/wp-json/wp/v2/search"
SEARCH_RESULTS: list[dict[str, Any]] = [
    {
        "id": 7,
        "title": "Rock &amp; Roll &#8211; live",
        "url": "https://example.org/rock/",
        "type": "post",
        "subtype": "page",
        "_links": {
            "self": [
                {
                    "embeddable": True,
                    "href": "https://example.org/wp-json/wp/v2/pages/7",
                }
            ],
            "about": [{"href": "https://example.org/wp-json/wp/v2/types/page"}],
            "collection": [{"href": _SEARCH}],
        },
    },
    {
        "id": 3,
        "title": "News &amp; Views",
        "url": "https://example.org/category/news/",
        "type": "category",
        "_links": {
            "self": [
                {
                    "embeddable": True,
                    "href": "https://example.org/wp-json/wp/v2/categories/3",
                }
            ],
            "about": [
                {"href": "https://example.org/wp-json/wp/v2/taxonomies/category"}
            ],
            "collection": [{"href": _SEARCH}],
        },
    },
    {
        "id": "aside",
        "title": "Aside",
        "url": "https://example.org/type/aside/",
        "type": "post-format",
        "_links": {"collection": [{"href": _SEARCH}]},
    },
]


def test_search_results_are_their_own_model() -> None:
    found = [wpparse.parse(item) for item in SEARCH_RESULTS]
    page, term, post_format = (r for r in found if isinstance(r, wpparse.SearchResult))

    assert (7, "Rock & Roll – live", "https://example.org/rock/") == (
        page.id,
        page.title,
        page.url,
    )
    assert ("post", "page") == (page.type, page.subtype)
    assert ["self", "about", "collection"] == [r.rel for r in page.relations]
    assert page.relations[0].embeddable
    assert {} == page.extra
    assert (
        wpparse.SearchResult(
            id=3,
            title="News & Views",
            url="https://example.org/category/news/",
            type="category",
            relations=term.relations,
        )
        == term
    )
    assert ("aside", "post-format", None) == (
        post_format.id,
        post_format.type,
        post_format.subtype,
    )


def test_search_results_from_collections_and_files(tmp_path: Path) -> None:
    collection = wpparse.parse_objects(SEARCH_RESULTS)
    file = tmp_path / "search.json"
    file.write_text(json.dumps(SEARCH_RESULTS), encoding="utf-8")
    reader = wpparse.read_objects(file)
    read = list(reader)

    assert all(isinstance(r, wpparse.SearchResult) for r in [*collection, *read])
    assert [7, 3, "aside"] == [r.id for r in collection]
    assert [7, 3, "aside"] == [r.id for r in read]
    assert [0, 1, 2] == [r.source.index for r in read if r.source is not None]
    assert {"search result": 3} == reader.counts
    assert () == reader.problems


def test_search_result_fields_of_the_wrong_type_name_their_path() -> None:
    with pytest.raises(wpparse.InvalidPostError, match=r"@ \$\.id$"):
        wpparse.parse({**SEARCH_RESULTS[0], "id": [7]})
    with pytest.raises(wpparse.InvalidPostError, match=r"@ \$\.subtype$"):
        wpparse.parse({**SEARCH_RESULTS[0], "subtype": {"x": 1}})


def test_a_post_with_a_url_field_is_still_a_post() -> None:
    # Only the search item's shape makes one: a post has a link, and its title
    # is an object.
    post = {"id": 1, "title": {"rendered": "T"}, "url": "u", "type": "post"}
    trimmed = {"id": 1, "title": "T", "url": "u", "type": "post", "link": "l"}

    assert "post" == object_kind(post)
    assert "post" == object_kind(trimmed)
    assert "search result" == object_kind(SEARCH_RESULTS[0])


def test_parse_post_says_it_got_a_search_result() -> None:
    with pytest.raises(
        wpparse.NotAPostError, match=r"got a search result \(use wpparse\.parse\) @ \$$"
    ):
        wpparse.parse_post(SEARCH_RESULTS[0])
