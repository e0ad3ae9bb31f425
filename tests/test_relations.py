"""``_links`` to Relation objects."""

from __future__ import annotations

from types import MappingProxyType

import attrs
import pytest

import wpparse


def test_curies_expand_and_attributes() -> None:
    links = {
        "self": [
            {
                "href": "https://x.test/wp-json/wp/v2/posts/1",
                "targetHints": {"allow": ["GET"]},
            }
        ],
        "version-history": [{"count": 4, "href": "https://x.test/r"}],
        "predecessor-version": [{"id": 77, "href": "https://x.test/r/77"}],
        "wp:term": [
            {"taxonomy": "post_tag", "embeddable": True, "href": "https://x.test/tags"}
        ],
        "acme:thing": [{"href": "https://x.test/thing"}],
        "https://api.w.org/featuredmedia": [
            {"embeddable": True, "href": "/wp-json/wp/v2/media/5"}
        ],
        "curies": [
            {"name": "wp", "href": "https://api.w.org/{rel}", "templated": True},
            {"name": "acme", "href": "https://acme.test/rels/{rel}", "templated": True},
        ],
    }

    relations = wpparse.parse_post({"id": 1, "_links": links}).relations
    by_rel = {r.rel: r for r in relations}

    assert 6 == len(relations)
    assert {"allow": ["GET"]} == by_rel["self"].target_hints
    assert {"allow": ["GET"]} == by_rel["self"].get("targetHints")
    assert "self" == by_rel["self"].rel_uri
    assert 4 == by_rel["version-history"].count
    assert 77 == by_rel["predecessor-version"].id
    assert "https://api.w.org/term" == by_rel["wp:term"].rel_uri
    assert by_rel["wp:term"].embeddable
    assert "https://acme.test/rels/thing" == by_rel["acme:thing"].rel_uri
    full = by_rel["https://api.w.org/featuredmedia"]
    assert ("https://api.w.org/featuredmedia", "/wp-json/wp/v2/media/5") == (
        full.rel_uri,
        full.href,
    )


def test_wp_curie_without_curies() -> None:
    links = {"wp:featuredmedia": [{"href": "https://x.test/m/1", "embeddable": True}]}

    (relation,) = wpparse.parse_post({"id": 1, "_links": links}).relations

    assert "https://api.w.org/featuredmedia" == relation.rel_uri


def test_relation_lookup_by_either_name() -> None:
    links = {"wp:term": [{"href": "a"}], "https://api.w.org/term": [{"href": "b"}]}
    post = wpparse.parse_post({"id": 1, "_links": links})

    assert ["a", "b"] == [r.href for r in post.relation("https://api.w.org/term")]
    assert ["a", "b"] == [r.href for r in post.relation("wp:term")]


def test_relations_equal_the_ones_attrs_builds() -> None:
    full = {
        "href": "https://x.test/r/7",
        "embeddable": True,
        "taxonomy": "category",
        "name": "wp",
        "id": "7",
        "count": 3,
        "templated": True,
        "targetHints": {"allow": ["GET"]},
    }
    bare = {"href": "https://x.test/t"}
    odd = {"href": "h", "embeddable": 1, "id": True, "count": "x", "targetHints": []}
    links = {"wp:term": [full, bare], "about": odd}

    relations = wpparse.parse_post({"id": 1, "_links": links}).relations

    term = "https://api.w.org/term"
    assert (
        wpparse.Relation(
            rel="wp:term",
            rel_uri=term,
            href="https://x.test/r/7",
            embeddable=True,
            taxonomy="category",
            name="wp",
            id=7,
            count=3,
            templated=True,
            target_hints={"allow": ["GET"]},
            attributes=full,
        ),
        wpparse.Relation(
            rel="wp:term",
            rel_uri=term,
            href="https://x.test/t",
            attributes=bare,
        ),
        wpparse.Relation(rel="about", rel_uri="about", href="h", attributes=odd),
    ) == relations
    for relation in relations:  # every field set, as attrs would
        assert repr(relation) == repr(attrs.evolve(relation))


def test_a_site_with_its_own_wp_curie_expands_through_it() -> None:
    own = {
        "wp:term": [{"href": "a"}],
        "curies": [{"name": "wp", "href": "https://own.test/{rel}", "templated": True}],
    }
    usual = {"wp:term": [{"href": "a"}]}

    uris = [
        wpparse.parse_post({"id": 1, "_links": links}).relations[0].rel_uri
        for links in (usual, own, usual, own)
    ]

    assert ["https://api.w.org/term", "https://own.test/term"] * 2 == uris


def test_link_objects_that_are_other_mappings_read_the_same() -> None:
    item = {"href": "h", "embeddable": True, "taxonomy": "t", "count": "2", "x": 1}
    as_dict = wpparse.parse_post({"id": 1, "_links": {"a": [item]}})
    as_proxy = wpparse.parse_post({"id": 1, "_links": {"a": [MappingProxyType(item)]}})

    (relation,) = as_proxy.relations
    assert (True, "t", 2) == (relation.embeddable, relation.taxonomy, relation.count)
    assert attrs.evolve(relation, attributes=item) == as_dict.relations[0]


def test_curies_past_the_expansion_cache_read_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wpparse._rest import relations as _relations

    links = {"wp:term": [{"href": "a"}], "wp:odd": [{"href": "b"}]}
    cached = wpparse.parse_post({"id": 1, "_links": links}).relations
    monkeypatch.setattr(_relations, "_WP_EXPANDED", {})
    monkeypatch.setattr(_relations, "_MAX_EXPANDED", 0)

    assert cached == wpparse.parse_post({"id": 1, "_links": links}).relations
    assert {} == _relations._WP_EXPANDED


def test_a_relation_name_that_is_not_text_is_an_invalid_post() -> None:
    # Only a dict built in Python can have one; rel.partition raised AttributeError.
    with pytest.raises(wpparse.InvalidPostError, match=r"relation name.*@ \$\._links"):
        wpparse.parse_post({"id": 1, "_links": {0: [{"href": "https://x.org/"}]}})
