"""Relations, embedded objects, excerpts and SEO heads built on first read: the same values, errors and warnings as built at once."""

from __future__ import annotations

import json
import pickle
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest

import wpparse
from tests.conftest import corpus_params
from wpparse import Media, Post
from wpparse._editor.seo import seo_from_heads
from wpparse._editor.shortcodes import strip_shortcodes
from wpparse._model.deferred import Deferred
from wpparse._rest import embedded as _embedded
from wpparse._rest import post as _post_reader
from wpparse._rest import relations as _relations
from wpparse._rest.fields import _excerpt_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted(
    [*(ROOT / "tests" / "data").rglob("*.json"), ROOT / "examples" / "sample-post.json"]
)

LINKS = {
    "self": [{"href": "https://x.test/wp-json/wp/v2/posts/1"}],
    "author": [{"embeddable": True, "href": "https://x.test/wp-json/wp/v2/users/2"}],
    "wp:term": [
        {
            "taxonomy": "category",
            "embeddable": True,
            "href": "https://x.test/wp-json/wp/v2/categories?post=1",
        }
    ],
    "curies": [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}],
}
EMBEDDED = {
    "author": [
        {"id": 2, "name": "Ann", "slug": "ann", "_links": {"self": [{"href": "u"}]}}
    ],
    "wp:term": [[{"id": 3, "name": "News", "slug": "news", "taxonomy": "category"}]],
}


def _post(**fields: Any) -> dict[str, Any]:
    return {"id": 1, "title": {"rendered": "T"}, "_links": LINKS, **fields}


def _stored(model: Any, name: str) -> Any:
    """What the slot of the field *name* holds, unbuilt (the field read from the class is its slot)."""
    return getattr(type(model), name).__get__(model, type(model))


def _eagerly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build every relation and embedded object at once, as before."""
    monkeypatch.setattr(_relations, "_well_formed", lambda _links: False)
    monkeypatch.setattr(_embedded, "_quiet", lambda _value, _clean: False)
    monkeypatch.setattr(_post_reader, "_quiet_excerpt", lambda _html: False)
    monkeypatch.setattr(
        _post_reader,
        "_seo",
        lambda obj, _clean: seo_from_heads(
            obj.get("yoast_head_json"), obj.get("yoast_head")
        ),
    )
    monkeypatch.setattr(_post_reader, "_extra_field", _post_reader._extra)


def _read(path: Path) -> list[Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        try:
            return list(wpparse.parse_objects(path.read_bytes(), strict=False))
        except wpparse.WPParseError:
            return []


def _check_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lazy = _read(path)
    with monkeypatch.context() as patch:
        _eagerly(patch)
        eager = _read(path)

    assert len(lazy) == len(eager)
    for one, other in zip(lazy, eager, strict=True):
        assert one == other  # reads (builds) every field
        if isinstance(one, Post):
            assert one.to_dict() == other.to_dict()


@pytest.mark.parametrize("path", corpus_params())
def test_corpus_objects_read_later_equal_the_ones_read_at_once(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check_same(path, monkeypatch)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_objects_read_later_equal_the_ones_read_at_once(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check_same(path, monkeypatch)


def test_relations_and_embedded_wait_until_read() -> None:
    post = wpparse.parse_post(_post(_embedded=EMBEDDED))

    assert isinstance(_stored(post, "relations"), Deferred)
    assert isinstance(_stored(post, "embedded"), Deferred)
    assert 3 == len(post.relations)
    assert post.relations is _stored(post, "relations")  # built once, kept
    assert post.embedded is not None
    assert ["Ann"] == [user.name for user in post.embedded.authors]
    assert isinstance(_stored(post.embedded.authors[0], "relations"), Deferred)
    assert "category" == post.embedded.terms["category"][0].taxonomy


def test_a_post_whose_relations_were_never_read_pickles_built() -> None:
    post = wpparse.parse_post(_post(_embedded=EMBEDDED))
    assert isinstance(_stored(post, "relations"), Deferred)

    data = pickle.dumps(post)

    assert isinstance(_stored(post, "relations"), tuple)  # built to be pickled
    assert b"Deferred" not in data
    assert b"parse_relations" not in data
    back = pickle.loads(data)
    assert isinstance(back.relations, tuple)
    assert back == post
    assert back.embedded == post.embedded


def test_equality_repr_and_evolve_see_built_values() -> None:
    lazy = wpparse.parse_post(_post(_embedded=EMBEDDED))
    term = lazy.embedded.terms["category"][0] if lazy.embedded else None
    built = wpparse.parse_post(_post(_embedded=EMBEDDED))
    _ = built.relations, built.embedded

    assert lazy == built
    assert attrs.evolve(lazy, title="U").relations == built.relations
    assert term is not None
    assert repr(term.relations) == "()"


def test_a_deferred_itself_pickles_as_its_value() -> None:
    value = Deferred(tuple, "ab")

    assert ("a", "b") == pickle.loads(pickle.dumps(value))


@pytest.mark.parametrize(
    ("links", "reason", "where"),
    [
        (
            [{"href": "h"}],
            "expected an object of link relations, got a list",
            "$._links",
        ),
        ({"self": ["h"]}, "expected a link object, got 'h'", "$._links['self'][0]"),
        (
            {"self": [{"href": "h"}, {"href": 5}]},
            "expected an 'href' string, got the number 5",
            "$._links['self'][1].href",
        ),
        (
            {"self": {"title": "x"}},
            "expected an 'href' string, got null",
            "$._links['self'].href",
        ),
        ({"self": 7}, "expected a link object, got the number 7", "$._links['self']"),
        (
            {0: [{"href": "h"}]},
            "expected a relation name, got the number 0",
            "$._links",
        ),
    ],
)
def test_a_malformed_links_object_fails_the_parse(
    links: Any, reason: str, where: str
) -> None:
    with pytest.raises(wpparse.InvalidPostError) as caught:
        wpparse.parse_post({"id": 1, "_links": links})

    assert (reason, where) == (caught.value.reason, caught.value.path)
    # A lenient parse skips the record then, not when its relations are read.
    posts = wpparse.parse_posts([{"id": 2}, {"id": 1, "_links": links}], strict=False)
    assert [2] == [post.id for post in posts]
    assert 1 == len(posts.problems)


def test_a_malformed_links_object_of_an_embedded_user_fails_it_at_once() -> None:
    embedded = {"author": [{"id": 2, "name": "Ann", "_links": {"self": ["h"]}}]}

    post = wpparse.parse_post(_post(_embedded=embedded))

    assert post.embedded is not None
    (absence,) = post.embedded.absences
    assert absence.path == "$._embedded['author'][0]._links['self'][0]"


@pytest.mark.parametrize(
    ("embedded", "where"),
    [
        ({"author": ["Ann"]}, "$._embedded['author'][0]"),
        ({"wp:term": [[{"id": 3}, 4]]}, "$._embedded['wp:term'][0][1]"),
        ("x", "$._embedded"),
    ],
)
def test_a_malformed_embedded_object_fails_the_parse(embedded: Any, where: str) -> None:
    with pytest.raises(wpparse.InvalidPostError) as caught:
        wpparse.parse_post(_post(_embedded=embedded))

    assert where == caught.value.path
    posts = wpparse.parse_posts([_post(_embedded=embedded)], strict=False)
    assert 1 == len(posts.problems)


def test_a_lone_surrogate_in_an_embedded_object_warns_at_parse_time() -> None:
    embedded = {"author": [{"id": 2, "name": "A\ud800nn"}]}

    with pytest.warns(
        wpparse.WPParseWarning, match=r"@ \$\._embedded\['author'\]\[0\]\.name"
    ):
        post = wpparse.parse_post(_post(_embedded=embedded))

    assert not isinstance(_stored(post, "embedded"), Deferred)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert post.embedded is not None
        assert "A\ufffdnn" == post.embedded.authors[0].name


def test_hostile_markup_in_an_embedded_object_warns_at_parse_time() -> None:
    deep = "<ul><li>" * 1100 + "x"
    embedded = {"wp:term": [[{"id": 3, "taxonomy": "category", "description": deep}]]}

    with pytest.warns(wpparse.WPParseWarning, match="nested deeper"):
        post = wpparse.parse_post(_post(_embedded=embedded))

    assert not isinstance(_stored(post, "embedded"), Deferred)
    assert post.embedded is not None
    assert "x" == post.embedded.terms["category"][0].description


def test_read_posts_collects_embedded_warnings_with_their_record(
    tmp_path: Path,
) -> None:
    embedded = {"author": [{"id": 2, "name": "A\\ud800nn"}]}
    source = tmp_path / "posts.json"
    source.write_text(json.dumps([_post(_embedded=embedded)]).replace("\\\\", "\\"))
    found: list[str] = []

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        posts = list(
            wpparse.read_posts(source, on_warning=lambda w: found.append(str(w)))
        )
        names = [
            user.name
            for post in posts
            if post.embedded
            for user in post.embedded.authors
        ]

    assert ["A\ufffdnn"] == names
    assert 1 == len(found)


def test_a_parent_post_is_read_at_once() -> None:
    parent = {"id": 9, "title": {"rendered": "Up"}, "content": {"rendered": "<p>x</p>"}}

    post = wpparse.parse_post(_post(_embedded={"up": [parent]}))

    assert not isinstance(_stored(post, "embedded"), Deferred)
    assert post.embedded is not None
    assert ["Up"] == [p.title for p in post.embedded.parents]


def test_media_defers_its_relations_and_embedded_uploader() -> None:
    media = wpparse.parse(
        {
            "id": 5,
            "media_type": "image",
            "source_url": "https://x.test/a.jpg",
            "_links": LINKS,
            "_embedded": {"author": [{"id": 2, "name": "Ann"}]},
        }
    )

    assert isinstance(media, Media)
    assert isinstance(_stored(media, "relations"), Deferred)
    assert isinstance(_stored(media, "embedded"), Deferred)
    assert media.embedded is not None
    assert ["Ann"] == [user.name for user in media.embedded.authors]


def test_shortcode_attributes_are_read_on_first_use_as_they_were_at_once() -> None:
    html = (
        '<p>[vc_row full_width=&#8221;stretch&#8221; "wide"][gallery ids="1,2" link=file]'
        "[/vc_row]</p>"
    )
    row, gallery = wpparse.find_shortcodes(html)
    # Nothing read yet: the slots hold what reads the tag's text.
    assert _stored(row, "attrs").__class__ is Deferred
    assert _stored(gallery, "positional").__class__ is Deferred

    assert row.attrs == {"full_width": "stretch"}
    assert row.positional == ("wide",)
    assert _stored(row, "attrs") == {"full_width": "stretch"}  # kept once read
    expected = wpparse.Shortcode(
        name="gallery",
        attrs={"ids": "1,2", "link": "file"},
        start=html.index("[gallery"),
        end=html.index("[/vc_row]"),
    )
    assert pickle.loads(pickle.dumps(gallery)) == expected
    assert gallery == expected


EXCERPT = (
    '<p>Rust &amp; rain, a long walk&#8217;s [gallery ids="1"]end [&hellip;]</p>\n'
)
HEAD = {
    "title": "A &amp; B",
    "og_image": [{"url": "https://x.test/a.jpg", "width": 800}],
    "robots": {"index": "index"},
}


def test_the_excerpt_and_seo_head_wait_until_read() -> None:
    post = wpparse.parse_post(
        json.dumps(_post(excerpt={"rendered": EXCERPT}, yoast_head_json=HEAD))
    )

    for name in ("excerpt", "excerpt_truncated", "seo"):
        assert isinstance(_stored(post, name), Deferred), name
    assert "Rust & rain, a long walk\u2019s end\u2026" == post.excerpt
    assert post.excerpt_truncated is True
    assert post.seo is not None
    assert ("A & B", 800) == (post.seo.title, post.seo.og_image[0].width)
    assert post.seo is _stored(post, "seo")  # built once, kept
    # Equal to what is read at once, and pickled built.
    again = wpparse.parse_post(
        _post(excerpt={"rendered": EXCERPT}, yoast_head_json=HEAD)
    )
    data = pickle.dumps(again)
    assert b"Deferred" not in data
    assert pickle.loads(data) == post == again


def test_an_old_yoast_head_is_read_later_too() -> None:
    head = (
        '<title>Hi &amp; bye</title><link rel="canonical" href="https://x.test/a/" />'
    )

    post = wpparse.parse_post(json.dumps(_post(yoast_head=head)))

    assert isinstance(_stored(post, "seo"), Deferred)
    assert post.seo is not None
    assert ("Hi & bye", "https://x.test/a/", "html") == (
        post.seo.title,
        post.seo.canonical,
        post.seo.origin,
    )


def test_the_extra_fields_wait_until_read_and_keep_their_order() -> None:
    record = _post(zeta=1, acf={"a": [1, 2]}, content={"rendered": "<p>x</p>"})
    record["alpha"] = None

    post = wpparse.parse_post(json.dumps(record))

    assert isinstance(_stored(post, "extra"), Deferred)
    assert ["zeta", "acf", "alpha"] == list(post.extra)
    assert {"zeta": 1, "acf": {"a": [1, 2]}, "alpha": None} == post.extra
    assert post == wpparse.parse_post(record)


def test_a_mapping_a_program_gave_is_read_at_once() -> None:
    # The program may change its dict afterwards: what was parsed stays.
    record = _post(yoast_head_json=dict(HEAD), acf={"a": 1})

    post = wpparse.parse_post(record)
    record["yoast_head_json"]["title"] = "changed"
    record["acf"] = "changed"

    assert not isinstance(_stored(post, "seo"), Deferred)
    assert not isinstance(_stored(post, "extra"), Deferred)
    assert post.seo is not None
    assert "A & B" == post.seo.title
    assert {"a": 1} == post.extra["acf"]


@pytest.mark.parametrize(
    "excerpt",
    [
        # More than bare <p> tags: its markup could be repaired, with a warning.
        "<p>Text <em>in</em> it</p>",
        "<div" + " a" * 1200 + ">Text</div>",
        "<div>" * 2100 + "Text",
    ],
)
def test_an_excerpt_whose_reading_could_warn_is_read_at_once(excerpt: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        post = wpparse.parse_post(_post(excerpt={"rendered": excerpt}))
    at_parse = [str(w.message) for w in caught]

    assert not isinstance(_stored(post, "excerpt"), Deferred)
    assert not isinstance(_stored(post, "excerpt_truncated"), Deferred)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert post.excerpt.startswith("Text")
    if not excerpt.startswith("<p>"):  # these two are repaired
        assert any("@ $.excerpt" in message for message in at_parse)


@pytest.mark.parametrize(
    "excerpt",
    [
        "<p>a\x00b\x01c\x7f\x9f\ufffe</p>",  # read by lxml: nothing to repair
        "<p>&#0; &#x110000; &foo; &amp</p>" * 3,
        "<p>" * 3000 + "deep",
        "plain text, no markup [&hellip;]",
        '<p>Prose that says class="more-link" [gallery ids="1"]and [[b]]</p>',
        # The "read more" link goes first: the text is in bare paragraphs.
        '<p>Text [&hellip;]</p> <a class="more-link" href="/p">Read <b>it</b></a>',
        '<p>[vc_row]Text[/vc_row] <a href="/p" class="more-link">More</a></p>',
    ],
)
def test_an_excerpt_read_later_never_warns(excerpt: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        post = wpparse.parse_post(_post(excerpt={"rendered": excerpt}))
        assert isinstance(_stored(post, "excerpt"), Deferred)
        text = post.excerpt
    assert (text, post.excerpt_truncated) == _excerpt_text(
        strip_shortcodes(excerpt), "$.excerpt", repaired=True
    )


def test_the_block_tree_of_content_raw_waits_until_read() -> None:
    raw = '<!-- wp:heading {"level":3} --><h3>Tea</h3><!-- /wp:heading -->'
    record = _post(content={"rendered": "<h3>Tea</h3>", "raw": raw})

    post = wpparse.parse_post(record)

    assert isinstance(_stored(post, "parsed_blocks"), Deferred)
    assert post.parsed_blocks == wpparse.parse_blocks(raw)
    assert pickle.loads(pickle.dumps(wpparse.parse_post(record))) == post
