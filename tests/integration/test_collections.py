"""Collections, paging headers and ``_envelope`` responses from the real site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import wpparse
from tests.integration.stack import Stack

pytestmark = pytest.mark.integration

# The published posts, newest first (the REST API ignores stickiness here).
PUBLISHED = ["classic", "layout", "offset", "kolkata", "protected", "structure"]


def test_posts_in_pages_of_two(wp: Stack) -> None:
    seen: list[int] = []
    for page in (1, 2, 3):
        response = wp.request("/wp-json/wp/v2/posts", {"per_page": 2, "page": page})
        assert response.status == 200
        assert response.headers["X-WP-Total"] == "6"
        assert response.headers["X-WP-TotalPages"] == "3"
        posts = wpparse.parse_posts(response.body)
        assert len(posts) == 2
        seen.extend(p.id for p in posts)

    assert seen == [wp.ids[name] for name in PUBLISHED]


def test_envelope_collection(
    wp: Stack, save_fixture: Callable[[str, bytes], None]
) -> None:
    response = wp.request(
        "/wp-json/wp/v2/posts", {"per_page": 2, "page": 2, "_envelope": 1}
    )
    save_fixture("posts-page2-envelope.json", response.body)
    envelope = response.json()
    posts = wpparse.parse_posts(response.body)

    assert envelope["status"] == 200
    assert envelope["headers"]["X-WP-Total"] == 6
    assert envelope["headers"]["X-WP-TotalPages"] == 3
    assert [p.id for p in posts] == [wp.ids["offset"], wp.ids["kolkata"]]
    assert [p.title for p in posts] == ["Offshore notes", "Monsoon notes"]


def test_envelope_single_post(wp: Stack) -> None:
    response = wp.request(
        f"/wp-json/wp/v2/posts/{wp.ids['structure']}", {"_envelope": 1}
    )

    (post,) = wpparse.parse_posts(response.body)
    assert post.id == wp.ids["structure"]
    with pytest.raises(wpparse.NotAPostError, match=r"use wpparse\.parse_posts"):
        wpparse.parse_post(response.body)
    assert post.title == "Rust & Rain: Why the “Iron River” Isn’t Dangerous"


def test_collection_of_pages(wp: Stack) -> None:
    response = wp.request(
        "/wp-json/wp/v2/pages", {"orderby": "menu_order", "order": "asc", "per_page": 2}
    )
    pages = wpparse.parse_posts(response.body)

    assert response.headers["X-WP-Total"] == "5"  # not the draft
    assert response.headers["X-WP-TotalPages"] == "3"
    assert all(p.type == "page" for p in pages)
    assert len(pages) == 2


def test_edit_context_collection_includes_drafts_and_scheduled(wp: Stack) -> None:
    response = wp.request(
        "/wp-json/wp/v2/posts",
        {"context": "edit", "status": "draft,future", "per_page": 10},
        auth=True,
    )
    posts = wpparse.parse_posts(response.body)

    assert response.status == 200
    assert {p.id: p.status for p in posts} == {
        wp.ids["draft"]: "draft",
        wp.ids["future"]: "future",
    }
    assert response.headers["X-WP-Total"] == "2"


def test_filter_by_category_and_custom_taxonomy(wp: Stack) -> None:
    news = wpparse.parse_posts(
        wp.request("/wp-json/wp/v2/posts", {"categories": wp.ids["news"]}).body
    )
    books = wpparse.parse_posts(
        wp.request("/wp-json/wp/v2/books", {"genres": wp.ids["scifi"]}).body
    )

    assert {p.id for p in news} == {
        wp.ids[name] for name in ("classic", "offset", "kolkata", "protected")
    }
    assert [b.id for b in books] == [wp.ids["book"]]


def test_search_results(wp: Stack, save_fixture: Callable[[str, bytes], None]) -> None:
    posts = wp.request("/wp-json/wp/v2/search", {"search": "notes"})
    terms = wp.request("/wp-json/wp/v2/search", {"search": "news", "type": "term"})
    save_fixture("search-posts.json", posts.body)
    save_fixture("search-terms.json", terms.body)

    found = wpparse.parse_objects(posts.body)
    assert all(isinstance(r, wpparse.SearchResult) for r in found)
    by_id = {r.id: r for r in found if isinstance(r, wpparse.SearchResult)}
    assert {wp.ids["offset"], wp.ids["kolkata"]} <= by_id.keys()
    offshore = by_id[wp.ids["offset"]]
    assert ("Offshore notes", "post", "post") == (
        offshore.title,
        offshore.type,
        offshore.subtype,
    )
    assert offshore.url is not None
    assert offshore.url.startswith(wp.base)
    assert {"self", "about", "collection"} <= {r.rel for r in offshore.relations}

    categories = wpparse.parse_objects(terms.body)
    assert all(isinstance(r, wpparse.SearchResult) for r in categories)
    assert {("News", "category"), ('Local "news"', "category")} <= {
        (r.title, r.type) for r in categories if isinstance(r, wpparse.SearchResult)
    }


def test_the_api_describing_itself_is_skipped_not_failed(
    wp: Stack, tmp_path: Path, save_fixture: Callable[[str, bytes], None]
) -> None:
    from wpparse._cli import main

    routes = {
        "wp-json": ("/wp-json/", False),
        "wp-json/wp/v2": ("/wp-json/wp/v2", False),
        "wp-json/wp/v2/types": ("/wp-json/wp/v2/types", False),
        "wp-json/wp/v2/types/post": ("/wp-json/wp/v2/types/post", False),
        "wp-json/wp/v2/taxonomies": ("/wp-json/wp/v2/taxonomies", False),
        "wp-json/wp/v2/statuses": ("/wp-json/wp/v2/statuses", True),
        "wp-json/wp/v2/statuses/publish": ("/wp-json/wp/v2/statuses/publish", False),
        "wp-json/wp/v2/settings": ("/wp-json/wp/v2/settings", True),
        "wp-json/wp/v2/posts": ("/wp-json/wp/v2/posts", False),
    }
    for folder, (path, auth) in routes.items():
        response = wp.request(path, auth=auth)
        assert response.status == 200, (path, response.body[:300])
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "index.html").write_bytes(response.body)
    for name in ("types", "taxonomies", "statuses"):
        save_fixture(
            f"{name}.json",
            (tmp_path / "wp-json/wp/v2" / name / "index.html").read_bytes(),
        )

    reader = wpparse.read_objects(tmp_path)
    ids = [obj.id for obj in reader]

    assert ids == [wp.ids[name] for name in PUBLISHED]
    assert reader.problems == ()
    assert {"index", "post type", "taxonomy", "status", "settings"} == set(
        reader.skipped
    )
    assert reader.skipped["index"] == 2
    assert reader.skipped["settings"] == 1
    assert main(["-q", "-f", "jsonl", str(tmp_path)]) == 0
