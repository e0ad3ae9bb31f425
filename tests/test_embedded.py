"""``_embedded``: authors, featured media, terms by taxonomy, replies, and error objects."""

from __future__ import annotations

import html
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import wpparse
from tests.conftest import corpus_params
from wpparse._json.load import load_json

API = "https://example.org/wp-json/wp/v2"


def _post(embedded: Any, **extra: Any) -> dict[str, Any]:
    return {
        "id": 60,
        "author": 4,
        "featured_media": 62,
        "categories": [57, 59],
        "tags": [10, 11],
        "title": {"rendered": "Gullfoss"},
        "_links": {
            "author": [{"embeddable": True, "href": f"{API}/users/4"}],
            "wp:featuredmedia": [{"embeddable": True, "href": f"{API}/media/62"}],
            "wp:term": [
                {
                    "taxonomy": "category",
                    "embeddable": True,
                    "href": f"{API}/categories?post=60",
                },
                {
                    "taxonomy": "post_tag",
                    "embeddable": True,
                    "href": f"{API}/tags?post=60",
                },
                {
                    "taxonomy": "genre",
                    "embeddable": True,
                    "href": f"{API}/genre?post=60",
                },
            ],
            "replies": [{"embeddable": True, "href": f"{API}/comments?post=60"}],
            "curies": [
                {"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}
            ],
        },
        "_embedded": embedded,
        **extra,
    }


EMBEDDED: dict[str, Any] = {
    "author": [{"id": 4, "name": "Ana &amp; Bo", "slug": "ana"}],
    "wp:featuredmedia": [
        {
            "id": 62,
            "source_url": "https://example.org/iceland.jpg",
            "alt_text": "Falls",
            "media_details": {"width": 50, "height": 30},
        }
    ],
    "wp:term": [
        [
            {"id": 57, "name": "News &amp; Views", "taxonomy": "category"},
            {"id": 59, "name": "Life", "taxonomy": "category"},
        ],
        [{"id": 10, "name": "Gullfoss", "taxonomy": "post_tag"}],
        [],
    ],
    "replies": [
        [
            {"id": 138, "author_name": "Dave", "type": "comment", "parent": 0},
            {"id": 139, "author_name": "Eve", "type": "comment", "parent": 138},
        ]
    ],
}


def test_embedded_objects_become_models() -> None:
    post = wpparse.parse_post(_post(EMBEDDED))
    embedded = post.embedded

    assert embedded is not None
    assert ["Ana & Bo"] == [u.name for u in embedded.authors]
    assert [62] == [m.id for m in embedded.featured_media]
    assert {
        "category": ["News & Views", "Life"],
        "post_tag": ["Gullfoss"],
        "genre": [],
    } == {tax: [t.name for t in terms] for tax, terms in embedded.terms.items()}
    assert [138, 139] == [c.id for c in embedded.replies]
    assert () == embedded.absences
    assert "_embedded" not in post.extra


def test_convenience_on_post() -> None:
    post = wpparse.parse_post(_post(EMBEDDED))

    assert post.author_user is not None
    assert "Ana & Bo" == post.author_user.name
    assert post.featured_image is not None
    assert 50 == post.featured_image.width
    categories = post.category_terms
    assert ["News & Views", "Life"] == [
        t.name for t in categories if isinstance(t, wpparse.Term)
    ]
    # Tag 11 was not embedded: it stays an id, in its place.
    assert 10 == post.tag_terms[0].id  # type: ignore[union-attr]
    assert 11 == post.tag_terms[1]
    assert ["Gullfoss"] == [t.name for t in post.terms("post_tag")]
    assert 3 == len(post.terms())


def test_without_embed_the_ids_stay() -> None:
    data = _post(EMBEDDED)
    del data["_embedded"]
    post = wpparse.parse_post(data)

    assert post.embedded is None
    assert (57, 59) == post.category_terms
    assert (10, 11) == post.tag_terms
    assert post.author_user is None
    assert post.featured_image is None
    assert () == post.terms("category")


def test_error_objects_become_absences() -> None:
    unauthorized = {
        "code": "unauthorized",
        "message": "That API call requires authentication",
        "data": {"status": 401},
    }
    post = wpparse.parse_post(
        _post({"author": [unauthorized], "wp:featuredmedia": [unauthorized]})
    )

    assert post.embedded is not None
    assert post.author_user is None
    assert post.featured_image is None
    absences = post.embedded.absences
    assert [("author", f"{API}/users/4"), ("wp:featuredmedia", f"{API}/media/62")] == [
        (a.rel, a.href) for a in absences
    ]
    assert {("unauthorized", 401)} == {(a.code, a.status) for a in absences}
    assert "$._embedded['author'][0]" == absences[0].path


def test_unreadable_embedded_object_is_recorded_not_fatal() -> None:
    odd = {"id": "post", "name": "Latest", "taxonomy": "latest"}
    post = wpparse.parse_post(_post({"wp:term": [[], [], [odd]]}))

    assert post.embedded is not None
    (absence,) = post.embedded.absences
    assert "wpparse_invalid" == absence.code
    assert "expected an integer, got 'post'" == absence.message
    assert "$._embedded['wp:term'][2][0].id" == absence.path
    assert odd == absence.value


def test_embedded_value_that_is_not_a_list_is_named_without_an_index() -> None:
    with pytest.raises(wpparse.InvalidPostError) as caught:
        wpparse.parse_post(_post({"author": None}))

    assert "$._embedded['author']" == caught.value.path


def test_full_uri_relation_names_line_up() -> None:
    data = {
        "id": 1,
        "_links": {
            "https://api.w.org/term": [
                {"taxonomy": "category", "embeddable": True, "href": "/cats"},
            ],
        },
        "_embedded": {
            "https://api.w.org/term": [[]],
            "up": [{"id": 9, "title": "Parent"}],
        },
    }
    post = wpparse.parse_post(data)

    assert post.embedded is not None
    assert {"category": ()} == post.embedded.terms
    assert ["Parent"] == [p.title for p in post.embedded.parents]


def test_other_relations_parse_to_their_model() -> None:
    post = wpparse.parse_post(
        _post({"wp:contentmedia": [[{"id": 5, "source_url": "u"}, {"odd": True}]]})
    )

    assert post.embedded is not None
    media, odd = post.embedded.other["wp:contentmedia"]
    assert isinstance(media, wpparse.Media)
    assert {"odd": True} == odd
    assert [5] == [m.id for m in post.embedded.media()]


def test_embedded_of_wrong_type_names_its_path() -> None:
    with pytest.raises(wpparse.InvalidPostError, match=r"@ \$\._embedded$"):
        wpparse.parse_post(_post("nope"))
    with pytest.raises(
        wpparse.InvalidPostError, match=r"@ \$\._embedded\['author'\]\[0\]$"
    ):
        wpparse.parse_post(_post({"author": [3]}))


@pytest.mark.parametrize(
    ("key", "step"),
    [
        ("it's", r"['it\'s']"),
        ("back\\slash", r"['back\\slash']"),
        ("bell\x07\ud800", "['bell\x07\ud800']"),
    ],
)
def test_embedded_key_in_a_path_is_quoted_as_every_key(key: str, step: str) -> None:
    # The key itself, with only ' and \ escaped, as _links and class_list
    # name theirs: not the repr of the key (its escapes look like the key).
    with pytest.raises(wpparse.InvalidPostError) as caught:
        wpparse.parse_post(_post({key: [3]}))

    assert f"$._embedded{step}[0]" == caught.value.path


def test_odd_avatar_size_and_media_size_keys_are_quoted_in_paths() -> None:
    user = {"id": 4, "name": "A", "avatar_urls": {"it's": "u"}}
    media = {
        "id": 62,
        "source_url": "u",
        "media_details": {"sizes": {"\x00'": {"width": "w"}}},
    }
    post = wpparse.parse_post(_post({"author": [user], "wp:featuredmedia": [media]}))

    assert post.embedded is not None
    assert [
        "$._embedded['author'][0].avatar_urls['it\\'s']",
        "$._embedded['wp:featuredmedia'][0].media_details.sizes['\x00\\''].width",
    ] == [a.path for a in post.embedded.absences]


def test_v1_terms_name_their_taxonomy_key_as_every_key() -> None:
    post = wpparse.parse_post({"id": 1, "terms": {"it's": [{"id": "x", "name": "N"}]}})

    assert post.embedded is not None
    assert ["$.terms['it\\'s'][0].id"] == [a.path for a in post.embedded.absences]


# The corpus: every embedded author, term and media record is reachable, decoded.


def _raw_embedded(post: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for rel, entries in post["_embedded"].items():
        for entry in entries:
            for item in entry if isinstance(entry, list) else [entry]:
                yield rel, item


def _decoded(name: str) -> str:
    return " ".join(html.unescape(name).split())


@pytest.mark.parametrize("path", corpus_params("posts"))
def test_corpus_embedded_records_are_reachable(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        value = load_json(path.read_bytes())
    raw_posts = [
        v
        for v in (value if isinstance(value, list) else [value])
        if isinstance(v, dict)
    ]
    for raw in (p for p in raw_posts if "_embedded" in p):
        post = wpparse.parse(raw)
        assert isinstance(post, wpparse.Post | wpparse.Media)
        embedded = post.embedded
        assert embedded is not None
        absent = [a.value for a in embedded.absences]
        for rel, item in _raw_embedded(raw):
            if item in absent:
                continue
            if rel == "author":
                found: list[Any] = [u for u in embedded.authors if u.id == item["id"]]
            elif rel == "wp:term":
                found = [t for t in embedded.all_terms() if t.id == item["id"]]
            elif rel == "wp:featuredmedia":
                found = [m for m in embedded.featured_media if m.id == item["id"]]
            else:
                continue
            assert found, (path.name, rel, item.get("id"))
            if "name" in item:
                assert _decoded(item["name"]) == found[0].name
                assert "&amp;" not in found[0].name


def test_content_images_join_embedded_media() -> None:
    data = _post(
        {
            "wp:featuredmedia": [{"id": 62, "source_url": "https://example.org/f.jpg"}],
            "wp:contentmedia": [
                [
                    {
                        "id": 70,
                        "source_url": "https://example.org/g.jpg",
                        "alt_text": "Falls",
                    },
                    {"id": 62, "source_url": "https://example.org/f.jpg"},
                ]
            ],
        },
        content={
            "rendered": '<p>Intro.</p><figure><img class="wp-image-70" src="https://example.org/g-300.jpg" alt=""></figure>'
            '<figure><img class="wp-image-99" src="https://example.org/x.jpg"></figure>'
        },
    )
    post = wpparse.parse_post(data)
    figures = [
        b for s in post.walk() for b in s.blocks if b.kind is wpparse.BlockKind.FIGURE
    ]

    assert [70, 99] == [b.attachment_id for b in figures]
    joined = post.media_for(figures[0])
    assert joined is not None
    assert ("Falls", "https://example.org/g.jpg") == (
        joined.alt_text,
        joined.source_url,
    )
    assert post.media_for(figures[1]) is None
    assert [62, 70] == [m.id for m in post.embedded.media()]  # type: ignore[union-attr]


def test_media_for_without_embed() -> None:
    post = wpparse.parse_post(
        {
            "id": 1,
            "content": {
                "rendered": '<img class="wp-image-5" src="https://e.org/a.jpg">'
            },
        }
    )
    (figure,) = [b for s in post.walk() for b in s.blocks if b.attachment_id]

    assert post.media_for(figure) is None


def test_wp_api_v1_author_and_terms_are_embedded_in_place() -> None:
    post = wpparse.parse_post(
        {
            "ID": 1,
            "title": "Hello",
            "author": {
                "ID": 2,
                "username": "ana",
                "name": "Ana &amp; Bo",
                "slug": "ana",
            },
            "terms": {
                "category": [
                    {
                        "ID": 30,
                        "name": "Sticky &amp; Co",
                        "slug": "sticky",
                        "parent": None,
                    }
                ],
                "post_tag": [],
            },
        }
    )

    assert 2 == post.author
    assert post.author_user is not None
    assert ("Ana & Bo", "ana") == (
        post.author_user.name,
        post.author_user.extra["username"],
    )
    assert ["Sticky & Co"] == [t.name for t in post.terms("category")]
    assert "category" == post.terms("category")[0].taxonomy
    assert () == post.terms("post_tag")
