"""
SiteIndex on the real sites of ../shared/corpus (skipped when it is absent).

Each site's files (``NNN_<site>_<kind>.json``) make one index.  An oracle
written independently of wpparse's URL code (lower-case host without
``www.``, no scheme, fragment or trailing slash, percent-decoded path) says
which object each internal link names; the index must find exactly that one,
and whatever else it finds (by an id query, a guid, a file size) must be
right by another measure.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

import wpparse
from tests.conftest import corpus_files

_SITES: dict[str, list[Path]] = defaultdict(list)
for _file in corpus_files("posts"):
    _SITES[_file.stem.split("_")[1]].append(_file)

needs_corpus = pytest.mark.skipif(not _SITES, reason="the shared corpus is absent")
Ident = tuple[str, int]
Obj = wpparse.Post | wpparse.Media | wpparse.Term | wpparse.User


def _read(site: str) -> list[object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        return list(wpparse.read_objects(_SITES[site], on_error=lambda _: None))


def _ident(obj: object) -> Ident:
    kind = (
        "post" if isinstance(obj, wpparse.Post | wpparse.Media) else type(obj).__name__
    )
    return (kind.lower(), obj.id)  # type: ignore[attr-defined]


def _naive(url: str) -> tuple[str, str] | None:
    """(host, path) the simple way: no scheme, www., fragment, query or trailing slash."""
    url = url.split("#", maxsplit=1)[0]
    match = re.match(r"^(?:https?:)?//([^/?]+)(.*)$", url, re.IGNORECASE)
    host, rest = (match.group(1).lower(), match.group(2)) if match else ("", url)
    host = host.removeprefix("www.").removesuffix(":80").removesuffix(":443")
    if "?" in rest:
        return None  # queries are the id forms' business, checked another way
    return host, unquote(rest).rstrip("/")


def _all_objects(objects: list[object]) -> Iterator[Obj]:
    for obj in objects:
        if isinstance(obj, wpparse.Post | wpparse.Media | wpparse.Term | wpparse.User):
            yield obj
            embedded = (
                obj.embedded if isinstance(obj, wpparse.Post | wpparse.Media) else None
            )
            if embedded is not None:
                yield from embedded.authors
                yield from embedded.media()
                yield from embedded.all_terms()
                yield from embedded.parents


def _oracle(objects: list[object]) -> dict[tuple[str, str], set[Ident]]:
    named: dict[tuple[str, str], set[Ident]] = defaultdict(set)
    for obj in _all_objects(objects):
        urls = [obj.link]
        if isinstance(obj, wpparse.Media):
            urls.append(obj.source_url)
            urls.extend(size.source_url for size in obj.sizes.values())
        for url in urls:
            key = _naive(url) if url else None
            if key is not None:
                named[key].add(_ident(obj))
    return named


def _expected(named: dict[tuple[str, str], set[Ident]], url: str) -> set[Ident] | None:
    key = _naive(url)
    if key is None:
        return None
    host, path = key
    found = set(named.get(key, set()))
    if not found:  # a relative link, or an object with a relative link
        for (other_host, other_path), idents in named.items():
            if other_path == path and (not host or not other_host):
                found |= idents
    return found or None


def _right_by_other_means(url: str, target: Obj) -> bool:
    number = re.search(r"[?&](?:p|page_id|attachment_id|cat|tag_id|author)=(\d+)", url)
    if number:
        return int(number.group(1)) == target.id
    if isinstance(target, wpparse.Media) and target.source_url:
        stem = re.sub(r"\.\w+$", "", target.source_url.rsplit("/", 1)[-1])
        return unquote(url.rsplit("/", 1)[-1]).startswith(unquote(stem))
    guid = target.guid if isinstance(target, wpparse.Post) else None
    return guid is not None and _naive(guid) == _naive(url)


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("site", sorted(_SITES) or ["none"])
def test_internal_links_resolve_to_the_right_object(site: str) -> None:
    objects = _read(site)
    index = wpparse.SiteIndex(objects)
    named = _oracle(objects)
    for post, link, target in index.links():
        expected = _expected(named, link.url)
        got = None if target is None else _ident(target)
        if expected is not None and len(expected) == 1:
            assert got == next(iter(expected)), (post.id, link.url)
        elif expected is not None:
            assert got is None, (post.id, link.url, expected)  # two objects: neither
        elif target is not None:
            assert _right_by_other_means(link.url, target), (post.id, link.url, got)


def _targets(site: str, source: int) -> list[Ident | None]:
    index = wpparse.SiteIndex(_read(site))
    return [
        None if target is None else _ident(target)
        for post, _, target in index.links()
        if post.id == source
    ]


@needs_corpus
@pytest.mark.corpus
def test_the_links_the_issue_names() -> None:
    # worona post 57 links https://demo.worona.org/banff-national-park/: post 36
    assert ("post", 36) in _targets("frontity-demo-worona", 57)
    # golkar's posts link each other
    assert _targets("golkar.or.id", 3497) == [("post", 3440)]
    assert ("post", 3470) in _targets("golkar.or.id", 3493)
    # vantaiducphuc: the post links the home page (page 22), the page links the post
    assert ("post", 22) in _targets("van-tai-duc-phuc", 1118)
    assert ("post", 1118) in _targets("van-tai-duc-phuc", 22)


@needs_corpus
@pytest.mark.corpus
def test_a_link_two_objects_answer_to_resolves_to_neither() -> None:
    # marqgray's mirror rewrote every "link" to "/": the home page is nobody.
    index = wpparse.SiteIndex(_read("marqgray"))

    assert len(index) == 2
    assert index.target("/") is None


@needs_corpus
@pytest.mark.corpus
def test_backlinks_and_embedded_objects_on_a_real_site() -> None:
    objects = _read("frontity-demo-worona")
    index = wpparse.SiteIndex(objects)
    banff = next(o for o in objects if isinstance(o, wpparse.Post) and o.id == 36)

    assert [(post.id, link.url) for post, link in index.links_to(banff)] == [
        (57, "https://demo.worona.org/banff-national-park/")
    ]
    # the user of author-4.json, and the media item of media-193.json
    assert isinstance(index.target("https://demo.worona.org/?author=4"), wpparse.User)
    assert isinstance(
        index.target("https://demo.worona.org/?attachment_id=193"), wpparse.Media
    )


def _raw_records(path: Path) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8-sig")
    value, _ = json.JSONDecoder().raw_decode(text.lstrip())
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, dict)]


@needs_corpus
@pytest.mark.corpus
def test_every_page_keeps_its_parent_and_menu_order() -> None:
    pages = [
        record
        for path in corpus_files("posts")
        for record in _raw_records(path)
        if record.get("type") == "page" and "id" in record
    ]
    for record in pages:
        post = wpparse.parse_post(record)

        assert post.parent == (record.get("parent") or None), post.id
        assert post.menu_order == record.get("menu_order"), post.id
        assert "parent" not in post.extra
        assert "menu_order" not in post.extra
    assert len(pages) >= 50  # 52 pages in 24 files today
    assert any(record.get("parent") for record in pages)  # some have a parent


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("site", sorted(_SITES) or ["none"])
def test_images_resolve_to_their_own_attachment(site: str) -> None:
    index = wpparse.SiteIndex(_read(site))
    for post, src, target in index.images():
        if target is not None:
            assert isinstance(target, wpparse.Media), (post.id, src)
            assert _right_by_other_means(src, target), (post.id, src, target.id)


@needs_corpus
@pytest.mark.corpus
def test_images_of_the_frontity_sites() -> None:
    worona = wpparse.SiteIndex(_read("frontity-demo-worona"))
    found = [(post.id, target.id) for post, _, target in worona.images() if target]
    frontity = wpparse.SiteIndex(_read("frontity-test"))
    gullfoss = [
        target.id for post, _, target in frontity.images() if target and post.id == 60
    ]

    # the road-trip.png of media-193.json, shown on the About us page
    assert found == [(184, 193)]
    # each file a size of a media record embedded with ?_embed in post-60.json
    assert gullfoss == [70, 62, 84, 13, 95, 118]
