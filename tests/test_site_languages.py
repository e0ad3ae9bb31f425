"""Post.language and Post.translations from Polylang and WPML, and translations through a SiteIndex."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import wpparse
from wpparse import Post, SiteIndex, Translation

DATA = Path(__file__).resolve().parent / "data" / "multilingual"


def _posts(name: str) -> list[Post]:
    return list(wpparse.parse_posts((DATA / name).read_bytes()))


def _by_id(posts: list[Post]) -> dict[int, Post]:
    return {post.id: post for post in posts}


# --- Polylang ----------------------------------------------------------------------


def test_polylang_language_and_translations() -> None:
    posts = _by_id(_posts("polylang-posts.json"))
    iron = posts[10]

    assert iron.language == "en"
    # The post itself is in Polylang's list; Post.translations holds the others.
    assert iron.translations == (
        Translation(language="fr", id=12),
        Translation(language="de", id=14),
    )
    assert posts[12].language == "fr"
    assert [t.id for t in posts[12].translations] == [10, 14]
    assert posts[16].translations == ()
    assert "lang" not in iron.extra
    assert "translations" not in iron.extra


def test_polylang_pages_have_their_tree() -> None:
    posts = _by_id(_posts("polylang-posts.json"))

    assert (posts[30].parent, posts[30].menu_order) == (None, 0)
    assert (posts[32].parent, posts[32].menu_order) == (30, 2)
    assert (posts[33].parent, posts[33].menu_order) == (30, 1)
    assert (posts[10].parent, posts[10].menu_order) == (
        None,
        None,
    )  # posts have neither


# --- WPML ---------------------------------------------------------------------------


def test_wpml_locale_and_translations() -> None:
    posts = _by_id(_posts("wpml-posts.json"))
    thaw = posts[20]

    assert thaw.language == "en_US"
    assert thaw.translations == (
        Translation(
            language="fr_FR",
            id=22,
            title="Le dégel & le printemps",
            link="https://lakes.example/fr/degel-printemps/",
        ),
        Translation(
            language="es_ES",
            id=24,
            title="El deshielo",
            link="https://lakes.example/es/deshielo/",
        ),
    )
    assert [t.language for t in posts[22].translations] == ["en_US"]
    assert "wpml_translations" not in thaw.extra


def test_wpml_without_language_details() -> None:
    post = _by_id(_posts("wpml-posts.json"))[26]

    assert post.language is None
    assert post.translations == ()


def test_wpml_2_keys_its_translations_by_locale() -> None:
    post = wpparse.parse_post((DATA / "wpml-v2-post.json").read_bytes())

    assert post.language == "en_US"
    assert [(t.language, t.id, t.title) for t in post.translations] == [
        ("de_DE", 41, "Die Seen besuchen"),
        ("fr_FR", 42, "Visiter les lacs"),
    ]
    assert (post.parent, post.menu_order) == (None, 3)


# --- odd shapes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "language", "translations"),
    [
        ({}, None, ()),
        ({"lang": "", "translations": {}}, None, ()),
        ({"lang": "fr", "translations": []}, "fr", ()),  # PHP's empty array
        (
            {"lang": "fr", "translations": {"en": "10"}},
            "fr",
            (Translation(language="en", id=10),),
        ),
        ({"wpml_current_locale": "fr_FR", "wpml_translations": None}, "fr_FR", ()),
        ({"lang": "fr", "wpml_current_locale": "fr_FR"}, "fr", ()),  # Polylang first
    ],
)
def test_shapes_that_still_read(
    fields: dict[str, Any], language: str | None, translations: tuple[Translation, ...]
) -> None:
    post = wpparse.parse_post({"id": 1, **fields})

    assert (post.language, post.translations) == (language, translations)


@pytest.mark.parametrize(
    "fields",
    [
        {"translations": {"fr": "une-page"}},  # another plugin's field of the same name
        {"translations": ["fr", "de"]},
        {"lang": {"code": "fr"}},
        {"wpml_translations": [{"locale": "fr_FR"}]},  # no id
        {"wpml_translations": "fr_FR"},
        # int() of 5,000 digits raised a bare ValueError out of parse_post
        {"translations": {"fr": "9" * 5000}},
        {"wpml_translations": [{"id": "9" * 5000, "locale": "fr_FR"}]},
    ],
)
def test_shapes_that_are_not_the_plugins_stay_in_extra(fields: dict[str, Any]) -> None:
    post = wpparse.parse_post({"id": 1, **fields})

    assert post.translations == ()
    assert post.extra == fields


def test_parent_and_menu_order_must_be_integers() -> None:
    with pytest.raises(wpparse.InvalidPostError, match=r"@ \$\.parent"):
        wpparse.parse_post({"id": 1, "parent": "x"})
    with pytest.raises(wpparse.InvalidPostError, match=r"@ \$\.menu_order"):
        wpparse.parse_post({"id": 1, "menu_order": [1]})


# --- to_dict and the schema ---------------------------------------------------------------


def test_to_dict_carries_the_new_fields() -> None:
    post = _by_id(_posts("wpml-posts.json"))[20]
    data = wpparse.to_dict(post)

    assert data["language"] == "en_US"
    assert data["parent"] is None
    assert data["translations"][0] == {
        "language": "fr_FR",
        "id": 22,
        "link": "https://lakes.example/fr/degel-printemps/",
        "title": "Le dégel & le printemps",
    }
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(json.dumps(data)), wpparse.post_schema())


# --- through the index ----------------------------------------------------------------------


def test_a_translation_resolves_to_its_post() -> None:
    posts = _posts("polylang-posts.json")
    index = SiteIndex(posts)
    iron = posts[0]

    assert {lang: post.title for lang, post in index.translations(iron).items()} == {
        "fr": "Le fer dans la rivière",
        "de": "Eisen im Fluss",
    }
    found = index.target(iron.translations[0])
    assert found is not None
    assert found.id == 12


def test_a_wpml_translation_resolves_by_its_link_or_id() -> None:
    posts = _posts("wpml-posts.json")
    index = SiteIndex(posts)
    thaw = posts[0]

    assert [post.id for post in index.translations(thaw).values()] == [
        22
    ]  # 24 is not there
    assert index.target(thaw.translations[1]) is None


def test_a_parallel_dataset_from_the_index() -> None:
    index = SiteIndex(_posts("polylang-posts.json"))
    pairs = sorted(
        (post.title, other.title)
        for post in index
        if isinstance(post, Post) and post.language == "en"
        for lang, other in index.translations(post).items()
        if lang == "fr"
    )

    assert pairs == [
        ("About", "À propos"),
        ("Iron in the river", "Le fer dans la rivière"),
    ]
