"""
Block.html and Section.heading_html, serialised on first read.

The parser leaves each block's HTML unserialised until something reads it
(:mod:`wpparse._content.later`).  What is read must be what the walk would
have serialised on the spot: every corpus post and every fixture is parsed
both ways and compared.  Models stay frozen, equal, hashable and picklable,
whether their HTML has been read or not.
"""

from __future__ import annotations

import copy
import json
import pickle
import warnings
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import attrs
import pytest

import wpparse
from tests.conftest import corpus_params
from wpparse._content import later
from wpparse._content.stream import new_block, paragraph_block
from wpparse._json.kinds import object_kind
from wpparse._json.load import load_json
from wpparse._model import build
from wpparse._model.content import block_html_source, heading_html_source

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted(
    [
        *(ROOT / "tests" / "data").rglob("*.json"),
        *(ROOT / "examples").rglob("*.json"),
    ]
)

POST = {
    "id": 7,
    "link": "https://example.org/lazy/",
    "title": {"rendered": "Lazy"},
    "content": {
        "rendered": (
            "<p>Intro &amp; more &lt;text&gt;</p>"
            '<p class="x" id="p1">With <a href="/a">a link</a> and <b>bold</b></p>'
            '<h2 id="one">One <a href="#one">#</a></h2>'
            "loose <em>inline</em> text"
            "<ul><li>a</li><li>b</li></ul>"
            "<p><strong>A bold heading</strong></p>"
            "<p>A paragraph long enough to sit under the bold heading above it.</p>"
            '<figure><img src="/i.png" alt="An image"><figcaption>Cap</figcaption></figure>'
            "<table><tr><td>1</td><td>2</td></tr></table><hr>"
            "<pre><code>x = 1</code></pre><blockquote><p>Quoted</p></blockquote>"
            '<a href="#gone">to nowhere</a>'
        )
    },
}


def _parse_eager_and_lazy(
    obj: Any, monkeypatch: pytest.MonkeyPatch, **kwargs: Any
) -> tuple[wpparse.Post, wpparse.Post]:
    with monkeypatch.context() as patch:
        patch.setattr(
            later.LaterHtml, "of", lambda _self, source: later._serialised(source)
        )
        eager_post = wpparse.parse_post(obj, **kwargs)
    return eager_post, wpparse.parse_post(obj, **kwargs)


def _sources(post: wpparse.Post) -> list[str | partial[str]]:
    found: list[str | partial[str]] = []
    for section in post.walk():
        found.append(heading_html_source(section))
        found.extend(block_html_source(block) for block in section.blocks)
    return found


def _html(post: wpparse.Post) -> list[str]:
    return [
        html
        for section in post.walk()
        for html in (section.heading_html, *(b.html for b in section.blocks))
    ]


def _assert_same(eager_post: wpparse.Post, lazy_post: wpparse.Post) -> None:
    # Compared field by field first, for a readable failure.
    assert all(isinstance(s, str) for s in _sources(eager_post))
    assert _html(lazy_post) == _html(eager_post)
    assert lazy_post == eager_post
    assert wpparse.to_dict(lazy_post) == wpparse.to_dict(eager_post)


# -- the same HTML, read later -------------------------------------------------


def test_the_parse_serialises_nothing() -> None:
    post = wpparse.parse_post(POST)

    sources = [s for s in _sources(post) if s != ""]
    assert len(sources) > 10
    assert all(type(s) is partial for s in sources)
    assert repr(post.sections[0].blocks[0])  # a repr reads no HTML
    assert all(type(s) is partial for s in sources)


def test_html_read_later_is_what_the_walk_serialised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    eager_post, lazy_post = _parse_eager_and_lazy(POST, monkeypatch)

    _assert_same(eager_post, lazy_post)
    first = lazy_post.sections[0].blocks[0]
    assert first.html == "<p>Intro &amp; more &lt;text&gt;</p>"
    heading = next(s for s in lazy_post.walk() if s.title == "One #")
    assert heading.heading_html == '<h2 id="one">One <a href="#one">#</a></h2>'
    assert heading.blocks[0].html == "loose <em>inline</em> text"
    bold = next(s for s in lazy_post.walk() if s.title == "A bold heading")
    assert bold.heading_html == "<p><strong>A bold heading</strong></p>"


def test_the_first_read_serialises_the_whole_post_and_lets_the_tree_go() -> None:
    post = wpparse.parse_post(POST)
    sources = [s for s in _sources(post) if isinstance(s, partial)]
    holder = sources[0].args[0]
    assert all(s.args[0] is holder for s in sources)  # one per post
    assert holder.sources

    assert post.sections[-1].blocks[-1].html

    assert holder.sources is None  # the elements, and so the tree, are gone
    assert holder.strings is not None
    assert len(holder.strings) >= len(sources)
    # The block read holds its string now; the others still their partial,
    # which now only indexes the strings.
    assert type(block_html_source(post.sections[-1].blocks[-1])) is str
    assert type(block_html_source(post.sections[0].blocks[0])) is partial


@pytest.mark.parametrize("rule", ["html", "bold", "auto"])
def test_fixtures_read_later_as_serialised_then(
    rule: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = 0
    for path in FIXTURES:
        for obj in _post_objects(path):
            eager_post, lazy_post = _parse_eager_and_lazy(
                obj, monkeypatch, headings=rule
            )
            _assert_same(eager_post, lazy_post)
            checked += 1
    assert checked > 10


def test_html_fixture_read_later_as_serialised_then() -> None:
    html = (ROOT / "tests" / "data" / "structure.html").read_text(encoding="utf-8")
    lazy = wpparse.parse_content(html, base_url="https://example.org/")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            later.LaterHtml, "of", lambda _self, source: later._serialised(source)
        )
        eager_sections = wpparse.parse_content(html, base_url="https://example.org/")

    assert [s.html for s in lazy] == [s.html for s in eager_sections]
    assert lazy == eager_sections


@pytest.mark.parametrize("path", corpus_params("posts"))
def test_corpus_html_read_later_as_serialised_then(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for obj in _post_objects(path):
        eager_post, lazy_post = _parse_eager_and_lazy(obj, monkeypatch)
        _assert_same(eager_post, lazy_post)


def _post_objects(path: Path) -> Iterator[dict[str, Any]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        try:
            value = load_json(path.read_bytes())
        except wpparse.WPParseError:
            return
    items = value if isinstance(value, list) else [value]
    for obj in items:
        if (
            isinstance(obj, dict)
            and object_kind(obj) == "post"
            and isinstance(obj.get("content"), (dict, str))
        ):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", wpparse.WPParseWarning)
                try:
                    wpparse.parse_post(obj)
                except wpparse.WPParseError:
                    continue
            yield obj


# -- models as before ----------------------------------------------------------


def test_pickle_writes_the_strings_not_the_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    eager_post, lazy_post = _parse_eager_and_lazy(POST, monkeypatch)
    block = wpparse.parse_post(POST).sections[0].blocks[1]
    assert type(block_html_source(block)) is partial

    data = pickle.dumps(lazy_post)
    alone = pickle.dumps(block)

    assert b"lxml" not in data
    assert b"functools" not in data
    assert b"wpparse._content" not in data
    assert pickle.loads(data) == eager_post
    assert _sources(pickle.loads(data)) == _html(eager_post)
    assert pickle.loads(alone) == eager_post.sections[0].blocks[1]
    assert (
        pickle.loads(alone).html
        == '<p class="x" id="p1">With <a href="/a">a link</a> and <b>bold</b></p>'
    )


def test_equal_and_hashed_by_the_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    eager_post, _ = _parse_eager_and_lazy(POST, monkeypatch)
    for n, eager_block in enumerate(eager_post.sections[0].blocks):
        lazy_block = wpparse.parse_post(POST).sections[0].blocks[n]
        by_hand = wpparse.Block(
            **{
                f.name: getattr(eager_block, f.name)
                for f in attrs.fields(wpparse.Block)
            }
        )
        assert type(block_html_source(lazy_block)) is partial
        assert hash(lazy_block) == hash(eager_block) == hash(by_hand)
        assert lazy_block == eager_block == by_hand
        assert by_hand == lazy_block
        assert len({lazy_block, by_hand, eager_block}) == 1
    lazy_post = wpparse.parse_post(POST)
    assert hash(lazy_post.sections) == hash(eager_post.sections)
    different = wpparse.parse_post(
        {**POST, "content": {"rendered": "<p>Intro &amp; more &lt;text&gt;!</p>"}}
    )
    assert different.sections[0].blocks[0] != lazy_post.sections[0].blocks[0]


def test_copies_evolve_and_dicts_see_the_strings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    eager_post, lazy_post = _parse_eager_and_lazy(POST, monkeypatch)
    block = lazy_post.sections[0].blocks[1]
    assert type(block_html_source(block)) is partial

    assert copy.copy(block) == eager_post.sections[0].blocks[1]
    assert copy.deepcopy(lazy_post) == eager_post
    evolved = attrs.evolve(block, text="changed")
    assert evolved.html == eager_post.sections[0].blocks[1].html
    assert type(block_html_source(evolved)) is str
    assert wpparse.from_dict(wpparse.to_dict(lazy_post)) == eager_post
    assert json.loads(json.dumps(wpparse.to_dict(lazy_post))) == wpparse.to_dict(
        eager_post
    )


def test_a_block_built_by_hand_keeps_its_string() -> None:
    block = wpparse.Block(kind=wpparse.BlockKind.PARAGRAPH, text="x", html="<p>x</p>")

    assert block.html == "<p>x</p>"
    assert block_html_source(block) == "<p>x</p>"
    assert attrs.evolve(block, html="<p>y</p>").html == "<p>y</p>"
    assert pickle.loads(pickle.dumps(block)) == block
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        block.html = "<p>z</p>"  # type: ignore[misc]
    section = wpparse.Section(title="T", level=2, heading_html="<h2>T</h2>")
    assert section.heading_html == "<h2>T</h2>"
    assert (
        wpparse.Block.html is wpparse.Block.__dict__["html"]._slot
    )  # the slot, as for any field
    assert wpparse.Block(kind=wpparse.BlockKind.OTHER, text="").html == ""


def test_blocks_built_quickly_are_the_blocks_attrs_builds() -> None:
    fast = new_block(kind=wpparse.BlockKind.LIST, text="a", items=("a",), html="<ul>")
    slow = wpparse.Block(
        kind=wpparse.BlockKind.LIST, text="a", items=("a",), html="<ul>"
    )

    assert type(fast) is wpparse.Block
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert attrs.asdict(fast) == attrs.asdict(slow)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.text = "b"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del fast.text
    assert paragraph_block("t", "<p>t</p>") == wpparse.Block(
        kind=wpparse.BlockKind.PARAGRAPH, text="t", html="<p>t</p>"
    )


# -- how many trees wait ---------------------------------------------------------


def _holder(post: wpparse.Post) -> later.LaterHtml:
    source = block_html_source(post.sections[0].blocks[-1])
    assert isinstance(source, partial)
    holder = source.args[0]
    assert isinstance(holder, later.LaterHtml)
    return holder


def _content_post(n: int) -> dict[str, Any]:
    return {"id": n, "content": {"rendered": f"<p>Post {n}</p><p>More {n}</p>"}}


def test_only_the_latest_contents_kept_wait_unread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(later, "WAITING_CONTENTS", 3)
    read = wpparse.parse_post(_content_post(0))
    assert read.sections[0].blocks[0].html == "<p>Post 0</p>"  # its tree gone already
    posts = [read, *(wpparse.parse_post(_content_post(n)) for n in range(1, 6))]

    waiting = [_holder(post).sources is not None for post in posts]
    assert waiting == [False, False, False, True, True, True]
    # Serialised early, or on first read: the same HTML.
    assert [p.sections[0].blocks[1].html for p in posts] == [
        f"<p>More {n}</p>" for n in range(6)
    ]


def test_a_large_content_waits_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(later, "WAITING_CHARS", 100)
    small = wpparse.parse_post(_content_post(1))
    large = wpparse.parse_post(
        {"id": 2, "content": {"rendered": "<p>" + "word " * 50 + "</p>"}}
    )

    assert _holder(small).sources is None
    assert _holder(large).sources is not None  # the latest always waits


def test_posts_dropped_take_their_trees_with_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(later, "WAITING_CONTENTS", 2)
    kept = wpparse.parse_post(_content_post(0))
    for n in range(1, 5):
        wpparse.parse_post(_content_post(n))  # dropped at once: nothing to serialise

    assert all(ref() is None for ref, _ in list(later._waiting)[-1:])
    assert _holder(kept).sources is None
    assert kept.sections[0].blocks[0].html == "<p>Post 0</p>"


@pytest.mark.parametrize("class_assignment", [True, False])
def test_both_ways_of_building_give_the_model(
    class_assignment: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Free-threaded CPython builds with slot setters (__class__ assignment
    # may stop the world there); both ways give the same frozen instance.
    monkeypatch.setattr(build, "CLASS_ASSIGNMENT", class_assignment)
    new = build.builder(wpparse.Block, defaults=True)
    html = partial(str, "<p>t</p>")

    fast = new(kind=wpparse.BlockKind.PARAGRAPH, text="t", html=html)

    assert type(fast) is wpparse.Block
    assert block_html_source(fast) is html  # stored as given, read on demand
    assert fast == wpparse.Block(
        kind=wpparse.BlockKind.PARAGRAPH, text="t", html="<p>t</p>"
    )
    assert block_html_source(fast) == "<p>t</p>"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.text = "u"  # type: ignore[misc]
    assert ("__class__" in new.__code__.co_names) is class_assignment
