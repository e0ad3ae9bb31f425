"""
``wpparse.mirror`` of the real site: a mirror reads back as what the seed made,
with ``context=edit`` through the seed's application password.
"""

from __future__ import annotations

import json
import time
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

import wpparse
from tests.integration.stack import ADMIN, Stack

pytestmark = pytest.mark.integration
pytest.importorskip("httpx")


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _auth(wp: Stack) -> tuple[str, str]:
    return ADMIN, wp.seed["app_password"]


@pytest.fixture(scope="module")
def mirrored(
    wp: Stack, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, wpparse.MirrorResult]:
    folder = tmp_path_factory.mktemp("mirror") / "site"
    result = wpparse.mirror(wp.base, folder, types=["all"], auth=_auth(wp))
    return folder, result


def test_the_mirror_holds_every_object_the_seed_made(
    wp: Stack, mirrored: tuple[Path, wpparse.MirrorResult]
) -> None:
    folder, result = mirrored
    ids = wp.ids
    posts = [
        "classic",
        "structure",
        "protected",
        "draft",
        "future",
        "kolkata",
        "offset",
        "layout",
    ]
    pages = ["about", "team", "alumni", "contact", "archive", "old_news"]

    assert result.api == wp.base + "/wp-json/"
    assert result.refused == {}
    found = {
        name: sorted(o["id"] for o in _lines(folder / f"{name}.jsonl"))
        for name in result.objects
    }
    assert found["posts"] == sorted(
        ids[name] for name in posts
    )  # drafts and scheduled too
    assert found["pages"] == sorted(ids[name] for name in pages)
    assert found["books"] == sorted([ids["book"], ids["cyrillic"]])
    assert found["media"] == [ids["image"]]
    assert set(found["categories"]) >= {ids["rock"], ids["news"], ids["local"]}
    assert found["tags"] == sorted([ids["panic"], ids["rivers"]])
    assert found["genres"] == sorted([ids["fiction"], ids["scifi"]])
    assert found["users"] == sorted([ids["admin"], ids["zoe"]])
    assert len(found["comments"]) == 3  # the held one too, with context=edit
    # WordPress's own machinery is not content.
    assert not any(
        name.startswith(("wp_", "navigation", "templates", "blocks", "menu"))
        for name in result.objects
    )


def test_the_mirror_reads_back_equal_to_the_site(
    wp: Stack, mirrored: tuple[Path, wpparse.MirrorResult]
) -> None:
    folder, _ = mirrored
    reader = wpparse.read_objects(folder)
    models: dict[tuple[str, int | str], Any] = {
        (type(obj).__name__, obj.id): obj for obj in reader
    }

    assert reader.problems == ()
    for name, route in (
        ("structure", "posts"),
        ("draft", "posts"),
        ("team", "pages"),
        ("cyrillic", "books"),
    ):
        response = wp.request(
            f"/wp-json/wp/v2/{route}/{wp.ids[name]}", {"context": "edit"}, auth=True
        )
        direct = wpparse.parse_post(response.body)
        mirrored_post = models["Post", wp.ids[name]]
        # Equal but for where each was read from.
        assert {**wpparse.to_dict(mirrored_post), "source": None} == wpparse.to_dict(
            direct
        ), name
    structure = models["Post", wp.ids["structure"]]
    assert structure.title == "Rust & Rain: Why the “Iron River” Isn’t Dangerous"
    assert [s.title for s in structure.walk()][:3] == [
        None,
        "Why rust happens",
        "Water & “air”",
    ]
    assert models["Post", wp.ids["draft"]].status == "draft"
    assert models["User", wp.ids["zoe"]].name == "Zoë O'Brien"


def test_the_edit_context_brings_the_raw_content_and_no_secret_is_kept(
    wp: Stack, mirrored: tuple[Path, wpparse.MirrorResult]
) -> None:
    folder, result = mirrored
    by_id = {o["id"]: o for o in _lines(folder / "posts.jsonl")}

    raw = by_id[wp.ids["structure"]]["content"]["raw"]
    assert raw.startswith("<!-- wp:paragraph -->")
    assert '<!-- wp:heading {"anchor":"why-rust"} -->' in raw
    secret = wp.seed["app_password"].encode()
    for path in folder.rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes(), path
    assert wp.seed["app_password"] not in result.summary()


def test_a_second_run_is_up_to_date_and_since_merges_a_change(
    wp: Stack, mirrored: tuple[Path, wpparse.MirrorResult]
) -> None:
    folder, first = mirrored
    again = wpparse.mirror(wp.base, folder, types=["all"], auth=_auth(wp))
    assert again.pages == 0
    assert set(again.up_to_date) == set(first.objects)

    since = parsedate_to_datetime(wp.request("/wp-json/").headers["Date"])
    time.sleep(1.1)  # WordPress keeps modification times to the second
    created = wp.request(
        "/wp-json/wp/v2/posts",
        data=json.dumps(
            {"title": "Fresh rust", "status": "publish", "content": "<p>New.</p>"}
        ).encode(),
        headers={"Content-Type": "application/json"},
        auth=True,
    )
    assert created.status == 201, created.body[:300]
    new_id = created.json()["id"]
    try:
        update = wpparse.mirror(
            wp.base, folder, types=["posts"], auth=_auth(wp), since=since
        )
    finally:
        wp.request(
            f"/wp-json/wp/v2/posts/{new_id}",
            {"force": "true"},
            method="DELETE",
            auth=True,
        )

    # WordPress compares post_modified, the site's wall clock when the post was
    # saved: posts seeded under another time zone (Kolkata's) may count as
    # changed too.  The mirror fetches exactly what WordPress says changed.
    changed = wp.request(
        "/wp-json/wp/v2/posts",
        {"modified_after": since.isoformat(), "status": "any", "context": "edit"},
        auth=True,
    )
    assert update.fetched == {"posts": int(changed.headers["X-WP-Total"]) + 1}
    posts = _lines(folder / "posts.jsonl")
    assert update.objects == {"posts": first.objects["posts"] + 1}
    assert [p["title"]["raw"] for p in posts if p["id"] == new_id] == ["Fresh rust"]
    assert len({p["id"] for p in posts}) == len(posts)


def test_anonymously_the_mirror_has_what_the_public_sees(
    wp: Stack, tmp_path: Path
) -> None:
    result = wpparse.mirror(
        wp.base + "/2024/01/rust-and-rain/", tmp_path, types=["posts", "users"]
    )

    posts = _lines(tmp_path / "posts.jsonl")
    assert result.objects["posts"] == 6  # published only
    assert all("raw" not in p["content"] for p in posts)
    assert result.objects["users"] == 2  # authors with published posts


def test_a_wrong_application_password_is_a_clear_refusal(
    wp: Stack, tmp_path: Path
) -> None:
    with pytest.raises(wpparse.MirrorError, match=r"did not accept") as caught:
        wpparse.mirror(wp.base, tmp_path, auth=(ADMIN, "xxxx xxxx xxxx xxxx xxxx xxxx"))

    assert (caught.value.status, caught.value.code) == (401, "rest_not_logged_in")
    assert list(tmp_path.glob("*.jsonl")) == []
