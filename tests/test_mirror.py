"""
``wpparse.mirror`` against a WordPress stand-in on 127.0.0.1: discovery,
paging, retries, refusals, resuming, ``since=``, auth; never beyond loopback.
"""

from __future__ import annotations

import _thread
import io
import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import wpparse
from tests.wpstandin import (
    Answer,
    Request,
    StandIn,
    answer_json,
    held,
    iter_ids,
    make_site_objects,
    on_page,
    once,
)

pytest.importorskip("httpx")

DEFAULT_FILES = [
    "books.jsonl",
    "categories.jsonl",
    "genres.jsonl",
    "media.jsonl",
    "pages.jsonl",
    "posts.jsonl",
    "tags.jsonl",
    "users.jsonl",
]


@pytest.fixture
def site() -> Iterator[StandIn]:
    with StandIn() as running:
        yield running


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits between tries, recorded instead of slept."""
    asked: list[float] = []
    monkeypatch.setattr("wpparse._fetch.run.SLEEP", asked.append)
    return asked


def ids(path: Path) -> list[int]:
    with path.open(encoding="utf-8") as lines:
        return iter_ids(lines)


def many_posts(n: int) -> dict[str, list[dict[str, object]]]:
    return make_site_objects(posts=n)


# -- what a mirror holds ---------------------------------------------------------


def test_mirror_reads_back_as_the_site_holds_it(site: StandIn, tmp_path: Path) -> None:
    result = wpparse.mirror(site.url, tmp_path)

    assert sorted(p.name for p in tmp_path.glob("*.jsonl")) == DEFAULT_FILES
    reader = wpparse.read_objects(tmp_path)
    by_type: dict[str, list[int]] = {}
    for obj in reader:
        assert isinstance(obj.id, int)  # a search result's may be a slug
        by_type.setdefault(type(obj).__name__, []).append(obj.id)
    assert reader.problems == ()
    # The API's descriptions are saved beside the records, and passed over.
    assert reader.skipped == {"index": 1, "post type": 5, "taxonomy": 3}
    posts = sorted(
        o["id"] for base in ("posts", "pages", "books") for o in site.collections[base]
    )
    assert sorted(by_type["Post"]) == posts
    assert by_type["Media"] == [9000]
    assert sorted(by_type["Term"]) == [7, 8, 20, 30]
    assert by_type["User"] == [3]
    assert result.objects == {
        "posts": 23,
        "pages": 3,
        "media": 1,
        "books": 2,
        "categories": 2,
        "tags": 1,
        "genres": 1,
        "users": 1,
    }
    assert result.api == site.url + "/wp-json/"
    assert result.up_to_date == ()
    # Each line is the object as the site sent it.
    first = json.loads((tmp_path / "posts.jsonl").read_text().splitlines()[0])
    assert first == site.collections["posts"][0]


def test_read_posts_reads_a_type_file(site: StandIn, tmp_path: Path) -> None:
    wpparse.mirror(site.url, tmp_path, types=["posts"])

    posts = list(wpparse.read_posts(tmp_path / "posts.jsonl"))

    assert [p.title for p in posts[:2]] == [
        "River notes & rust (post 1)",
        "River notes & rust (post 2)",
    ]
    assert [s.title for s in posts[0].walk()] == [None, "Why"]


def test_comments_and_internal_types_only_when_asked(
    site: StandIn, tmp_path: Path
) -> None:
    wpparse.mirror(site.url, tmp_path)
    assert not (tmp_path / "comments.jsonl").exists()
    assert not (tmp_path / "blocks.jsonl").exists()

    result = wpparse.mirror(site.url, tmp_path, types=["all"])
    assert result.fetched["comments"] == 4
    assert not (tmp_path / "blocks.jsonl").exists()

    wpparse.mirror(site.url, tmp_path, types=["wp_block"])
    assert ids(tmp_path / "blocks.jsonl") == [800]


def test_types_by_rest_or_wordpress_name(site: StandIn, tmp_path: Path) -> None:
    result = wpparse.mirror(site.url, tmp_path, types=["posts", "post_tag", "genre"])

    assert list(result.objects) == ["posts", "tags", "genres"]
    assert sorted(p.name for p in tmp_path.glob("*.jsonl")) == [
        "genres.jsonl",
        "posts.jsonl",
        "tags.jsonl",
    ]


def test_an_unknown_type_names_what_the_site_has(site: StandIn, tmp_path: Path) -> None:
    with pytest.raises(wpparse.MirrorError, match=r"no 'bookz'.*books.*or all"):
        wpparse.mirror(site.url, tmp_path, types=["bookz"])


# -- paging ------------------------------------------------------------------------


def test_pages_of_100_by_id_each_asked_once(tmp_path: Path) -> None:
    with StandIn(many_posts(250)) as site:
        wpparse.mirror(site.url, tmp_path, types=["posts"], concurrency=3)

    asked = [r for r in site.requests if r.route == "wp/v2/posts"]
    assert sorted(r.page for r in asked) == [1, 2, 3]
    assert {
        (r.query["per_page"], r.query["orderby"], r.query["order"]) for r in asked
    } == {("100", "id", "asc")}
    assert ids(tmp_path / "posts.jsonl") == list(range(1, 251))
    assert site.max_in_flight <= 3


def test_without_total_headers_pages_follow_one_another(tmp_path: Path) -> None:
    with StandIn(many_posts(200), totals=False) as site:
        result = wpparse.mirror(site.url, tmp_path, types=["posts", "categories"])

    # Page 2 is full, so page 3 is asked, and answers the past-the-end error.
    assert site.pages_asked("wp/v2/posts") == [1, 2, 3]
    assert result.objects == {"posts": 200, "categories": 2}
    assert ids(tmp_path / "posts.jsonl") == list(range(1, 201))


def test_a_count_larger_than_the_pages_stops_at_the_past_the_end_error(
    site: StandIn, tmp_path: Path
) -> None:
    # A caching proxy serves yesterday's headers: 5 pages, where 1 is left.
    def stale(request: Request) -> Answer | None:
        if request.route == "wp/v2/posts" and request.page == 1:
            return answer_json(
                site.collections["posts"], headers={"X-WP-TotalPages": "5"}
            )
        return None

    site.faults.append(stale)

    result = wpparse.mirror(site.url, tmp_path, types=["posts"])

    assert result.objects == {"posts": 23}
    assert 2 in site.pages_asked("wp/v2/posts")


def test_a_cache_that_ignores_the_page_is_noticed(
    site: StandIn, tmp_path: Path
) -> None:
    site.collections["posts"] = make_site_objects(posts=250)["posts"]

    def same_page(request: Request) -> Answer | None:
        if request.route == "wp/v2/posts" and request.page > 1:
            return answer_json(
                site.collections["posts"][:100],
                headers={"X-WP-Total": "250", "X-WP-TotalPages": "3"},
            )
        return None

    site.faults.append(same_page)

    with pytest.warns(
        wpparse.WPParseWarning, match=r"posts: the site counted 250, the mirror has 100"
    ):
        result = wpparse.mirror(site.url, tmp_path, types=["posts"])

    assert result.objects == {"posts": 100}


def test_an_empty_collection_gives_an_empty_file(tmp_path: Path) -> None:
    objects = make_site_objects()
    objects["books"] = []
    with StandIn(objects) as site:
        result = wpparse.mirror(site.url, tmp_path, types=["books"])

    assert result.objects == {"books": 0}
    assert (tmp_path / "books.jsonl").read_bytes() == b""


# -- politeness and retries ------------------------------------------------------


def test_user_agent_names_wpparse_and_its_version(
    site: StandIn, tmp_path: Path
) -> None:
    wpparse.mirror(site.url, tmp_path, types=["tags"])

    agents = {r.headers["user-agent"] for r in site.requests}
    assert len(agents) == 1
    assert agents.pop().startswith(f"wpparse/{wpparse.__version__} ")


def test_429_waits_as_retry_after_says(
    site: StandIn, tmp_path: Path, waits: list[float]
) -> None:
    busy = Answer(429, b'{"code":"too_many"}', {"Retry-After": "7"})
    site.faults.append(once(on_page("wp/v2/posts", 1, busy)))

    result = wpparse.mirror(site.url, tmp_path, types=["posts"])

    assert waits == [7.0]
    assert result.retries == 1
    assert result.objects == {"posts": 23}


def test_503_backs_off_longer_each_time(
    site: StandIn, tmp_path: Path, waits: list[float]
) -> None:
    down = Answer(503, b"<html>Service Unavailable</html>", content_type="text/html")
    site.faults.append(once(on_page("wp/v2/posts", 1, down), times=3))

    result = wpparse.mirror(site.url, tmp_path, types=["posts"])

    assert len(waits) == 3
    assert 0.5 <= waits[0] <= 1 <= waits[1] <= 2 <= waits[2] <= 4
    assert result.retries == 3
    assert ids(tmp_path / "posts.jsonl") == list(range(1, 24))


def test_a_dropped_connection_is_retried(
    site: StandIn, tmp_path: Path, waits: list[float]
) -> None:
    site.faults.append(once(on_page("wp/v2/posts", 1, Answer(drop=True))))

    result = wpparse.mirror(site.url, tmp_path, types=["posts"])

    assert len(waits) == 1
    assert result.objects == {"posts": 23}


def test_a_retry_after_of_hours_fails_at_once(
    site: StandIn, tmp_path: Path, waits: list[float]
) -> None:
    site.faults.append(
        on_page("wp/v2/posts", 1, Answer(429, b"", {"Retry-After": "86400"}))
    )

    with pytest.raises(wpparse.MirrorError, match=r"asks to wait 86400 s") as caught:
        wpparse.mirror(site.url, tmp_path, types=["posts"])

    assert caught.value.status == 429
    assert waits == []


def test_giving_up_keeps_what_was_saved(
    site: StandIn, tmp_path: Path, waits: list[float]
) -> None:
    down = Answer(503, b"{}")
    site.faults.append(on_page("wp/v2/tags", 1, down))

    with pytest.raises(wpparse.MirrorError, match=r"HTTP 503") as caught:
        wpparse.mirror(site.url, tmp_path, types=["posts", "tags"], retries=2)

    assert caught.value.status == 503
    assert len(waits) == 2
    assert ids(tmp_path / "posts.jsonl") == list(range(1, 24))
    assert not (tmp_path / "tags.jsonl").exists()


# -- refusals ------------------------------------------------------------------------


def test_a_site_that_answers_html_fails_clearly(tmp_path: Path) -> None:
    with StandIn() as site:
        page = Answer(
            200,
            b"<!DOCTYPE html><html><body>Maintenance</body></html>",
            content_type="text/html",
        )
        site.faults.append(lambda _: page)

        with pytest.raises(wpparse.MirrorError, match=r"web page \(HTML\)") as caught:
            wpparse.mirror(site.url, tmp_path)

    assert caught.value.status == 200
    assert list(tmp_path.glob("*.jsonl")) == []


def test_html_instead_of_a_collection_keeps_the_finished_types(
    site: StandIn, tmp_path: Path
) -> None:
    login = Answer(200, b"<html><form>Log in</form></html>", content_type="text/html")
    site.faults.append(on_page("wp/v2/tags", 1, login))

    with pytest.raises(wpparse.MirrorError, match=r"web page \(HTML\) where the tags"):
        wpparse.mirror(site.url, tmp_path, types=["posts", "tags"], concurrency=1)

    assert ids(tmp_path / "posts.jsonl") == list(range(1, 24))


def test_401_everywhere_fails_with_the_wordpress_code(tmp_path: Path) -> None:
    with StandIn() as site:
        refused = answer_json(
            {
                "code": "rest_login_required",
                "message": "REST API restricted to authenticated users.",
                "data": {"status": 401},
            },
            401,
        )
        site.faults.append(lambda r: refused if r.route is not None else None)

        with pytest.raises(wpparse.MirrorError, match=r"refused.*HTTP 401") as caught:
            wpparse.mirror(site.url, tmp_path)

    assert (caught.value.status, caught.value.code) == (401, "rest_login_required")


def test_a_refused_default_type_is_skipped_a_named_one_fails(
    site: StandIn, tmp_path: Path
) -> None:
    forbidden = answer_json(
        {"code": "rest_user_cannot_view", "message": "No.", "data": {"status": 401}},
        401,
    )
    site.faults.append(lambda r: forbidden if r.route == "wp/v2/users" else None)
    shown: list[str] = []

    class Out:
        def write(self, text: str) -> None:
            shown.append(text)

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return False

    result = wpparse.mirror(site.url, tmp_path, progress=Out())  # type: ignore[arg-type]

    assert list(result.refused) == ["users"]
    assert "users" not in result.objects
    assert result.objects["posts"] == 23
    assert any("skipped users" in line for line in shown)
    with pytest.raises(wpparse.MirrorError, match=r"users.*HTTP 401"):
        wpparse.mirror(site.url, tmp_path, types=["users"])


def test_a_folder_holds_one_site(site: StandIn, tmp_path: Path) -> None:
    wpparse.mirror(site.url, tmp_path, types=["tags"])
    with (
        StandIn() as other,
        pytest.raises(wpparse.MirrorError, match="holds a mirror of"),
    ):
        wpparse.mirror(other.url, tmp_path, types=["tags"])


# -- discovery -----------------------------------------------------------------------


def test_discovery_follows_the_link_header(tmp_path: Path) -> None:
    with StandIn(advertise="header", api_prefix="/custom-api") as site:
        result = wpparse.mirror(
            site.url + "/2026/03/some-post/", tmp_path, types=["tags"]
        )

    assert result.api == site.url + "/custom-api/"
    assert site.requests[0].path == "/2026/03/some-post/"


def test_discovery_reads_the_home_page_link_element(tmp_path: Path) -> None:
    # No pretty permalinks: /wp-json/ is a 404 page, the API is at ?rest_route=.
    with StandIn(pretty=False, advertise="html") as site:
        result = wpparse.mirror(site.url, tmp_path, types=["posts", "tags"])

    assert result.api == site.url + "/?rest_route=/"
    assert result.objects == {"posts": 23, "tags": 1}
    assert not any(r.path.startswith("/wp-json") for r in site.requests)
    assert {r.query["rest_route"] for r in site.requests[1:]} >= {
        "/",
        "/wp/v2/posts",
    }


def test_discovery_falls_back_to_wp_json(tmp_path: Path) -> None:
    with StandIn(advertise=None) as site:
        result = wpparse.mirror(site.url + "/about/", tmp_path, types=["tags"])

    assert result.api == site.url + "/wp-json/"
    # The page, /about/wp-json/ (a subfolder install would have it), then the root's.
    assert [r.path for r in site.requests[:3]] == [
        "/about/",
        "/about/wp-json/",
        "/wp-json/",
    ]


def test_the_api_root_itself_is_a_starting_point(site: StandIn, tmp_path: Path) -> None:
    result = wpparse.mirror(
        site.url + "/wp-json/wp/v2/posts?page=3", tmp_path, types=["tags"]
    )

    assert result.api == site.url + "/wp-json/"
    assert site.requests[0].path == "/wp-json/"


# -- resuming ----------------------------------------------------------------------


def staged(folder: Path, name: str) -> list[int]:
    return sorted(
        int(p.stem)
        for p in (folder / ".wpparse-mirror" / "pages" / name).glob("*.part")
    )


@pytest.mark.usefixtures("waits")
def test_an_interrupted_run_resumes_without_fetching_a_finished_page_again(
    tmp_path: Path,
) -> None:
    with StandIn(many_posts(350)) as site:
        site.faults.append(on_page("wp/v2/posts", 3, Answer(drop=True)))
        with pytest.raises(wpparse.MirrorError, match=r"no answer after 1 tries"):
            wpparse.mirror(
                site.url, tmp_path, types=["posts"], retries=0, concurrency=1
            )
        assert staged(tmp_path, "posts") == [1, 2]
        assert not (tmp_path / "posts.jsonl").exists()

        site.faults.clear()
        site.requests.clear()
        result = wpparse.mirror(site.url, tmp_path, types=["posts"], concurrency=1)

    assert site.pages_asked("wp/v2/posts") == [3, 4]
    assert result.reused_pages == 2
    assert ", 2 pages from the interrupted run" in result.summary()
    assert result.pages == 2
    assert ids(tmp_path / "posts.jsonl") == list(range(1, 351))
    assert staged(tmp_path, "posts") == []
    assert list(tmp_path.rglob(".wpparse-tmp-*")) == []


@pytest.mark.usefixtures("waits")
def test_resuming_without_page_counts_and_with_a_page_lost_on_disk(
    tmp_path: Path,
) -> None:
    with StandIn(many_posts(350), totals=False) as site:
        site.faults.append(on_page("wp/v2/posts", 3, Answer(drop=True)))
        with pytest.raises(wpparse.MirrorError):
            wpparse.mirror(
                site.url, tmp_path, types=["posts"], retries=0, concurrency=1
            )
        assert staged(tmp_path, "posts") == [1, 2]
        # A power cut emptied page 2 on disk: it is fetched again.
        (tmp_path / ".wpparse-mirror" / "pages" / "posts" / "000002.part").write_bytes(
            b""
        )
        site.faults.clear()
        site.requests.clear()

        result = wpparse.mirror(site.url, tmp_path, types=["posts"], concurrency=1)

    assert site.pages_asked("wp/v2/posts") == [2, 3, 4]
    assert result.reused_pages == 1
    assert ids(tmp_path / "posts.jsonl") == list(range(1, 351))


def test_a_damaged_file_is_named_when_merging(site: StandIn, tmp_path: Path) -> None:
    wpparse.mirror(site.url, tmp_path, types=["posts"])
    with (tmp_path / "posts.jsonl").open("a") as out:
        out.write('{"id": 99, "title": \n')

    with pytest.raises(wpparse.MirrorError, match=r"posts\.jsonl, line 24: not JSON"):
        wpparse.mirror(site.url, tmp_path, types=["posts"], since="2026-03-01")


def test_a_killed_process_loses_nothing_written_and_leaves_nothing_half_written(
    tmp_path: Path,
) -> None:
    release = threading.Event()
    with StandIn(many_posts(350)) as site:
        site.faults.append(held("wp/v2/posts", 3, release))
        command = [
            sys.executable,
            "-m",
            "wpparse",
            "mirror",
            site.url,
            "-o",
            str(tmp_path),
        ]
        process = subprocess.Popen(
            [*command, "--types", "posts", "-j", "1", "-q"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while 3 not in site.pages_asked("wp/v2/posts"):
                assert process.poll() is None, "the mirror ended before page 3"
                assert time.monotonic() < deadline, "page 3 was never asked"
                time.sleep(0.02)
        finally:
            process.kill()
            process.wait()
            release.set()
        assert staged(tmp_path, "posts") == [1, 2]
        assert not (tmp_path / "posts.jsonl").exists()
        site.requests.clear()

        wpparse.mirror(site.url, tmp_path, types=["posts"], concurrency=1)

    assert site.pages_asked("wp/v2/posts") == [3, 4]
    assert ids(tmp_path / "posts.jsonl") == list(range(1, 351))


def test_ctrl_c_keeps_the_pages_that_arrived(tmp_path: Path) -> None:
    def ctrl_c(request: Request) -> Answer | None:
        if request.route == "wp/v2/posts" and request.page == 3:
            _thread.interrupt_main()  # as a SIGINT would, in the main thread
        return None

    with StandIn(many_posts(450)) as site:
        site.faults.append(once(ctrl_c))
        with pytest.raises(KeyboardInterrupt):
            wpparse.mirror(site.url, tmp_path, types=["posts"], concurrency=1)
        before = staged(tmp_path, "posts")
        site.requests.clear()
        wpparse.mirror(site.url, tmp_path, types=["posts"])

    # Page 3 was under way: it landed, and is kept too.
    assert before == [1, 2, 3]
    assert sorted(site.pages_asked("wp/v2/posts")) == [4, 5]
    assert ids(tmp_path / "posts.jsonl") == list(range(1, 451))


def test_a_finished_mirror_asks_for_no_page_again(
    site: StandIn, tmp_path: Path
) -> None:
    wpparse.mirror(site.url, tmp_path)
    site.requests.clear()

    result = wpparse.mirror(site.url, tmp_path)

    collections = [r for r in site.requests if (r.route or "").count("/") == 2]
    assert [r.route for r in collections] == ["wp/v2/types", "wp/v2/taxonomies"]
    assert result.pages == 0
    assert result.up_to_date == tuple(result.objects)
    assert result.objects["posts"] == 23


def test_a_new_query_starts_the_type_afresh(site: StandIn, tmp_path: Path) -> None:
    wpparse.mirror(site.url, tmp_path, types=["posts"])
    site.requests.clear()

    wpparse.mirror(
        site.url, tmp_path, types=["posts"], auth=("editor", "abcd efgh ijkl mnop")
    )

    assert [
        r.query.get("context") for r in site.requests if r.route == "wp/v2/posts"
    ] == ["edit"]


# -- since= ------------------------------------------------------------------------------


def test_since_merges_the_changes_into_the_mirror(
    site: StandIn, tmp_path: Path
) -> None:
    wpparse.mirror(site.url, tmp_path, types=["posts", "categories"])
    posts = site.collections["posts"]
    posts[4] = {
        **posts[4],
        "title": {"rendered": "Rewritten"},
        "modified": "2026-04-01T09:00:00",
        "modified_gmt": "2026-04-01T09:00:00",
    }
    posts.append({**posts[0], "id": 24, "modified_gmt": "2026-04-02T09:00:00"})
    site.collections["categories"][0] = {
        **site.collections["categories"][0],
        "name": "Notes",
    }
    site.requests.clear()

    result = wpparse.mirror(
        site.url, tmp_path, types=["posts", "categories"], since="2026-03-31"
    )

    (asked,) = [r for r in site.requests if r.route == "wp/v2/posts"]
    assert asked.query["modified_after"] == "2026-03-31T00:00:00"
    assert result.fetched == {"posts": 2, "categories": 2}
    assert result.objects == {"posts": 24, "categories": 2}
    lines = [
        json.loads(line) for line in (tmp_path / "posts.jsonl").read_text().splitlines()
    ]
    assert sorted(o["id"] for o in lines) == list(range(1, 25))
    assert next(o for o in lines if o["id"] == 5)["title"] == {"rendered": "Rewritten"}
    # Terms have no modification time: fetched whole again.
    assert (
        json.loads((tmp_path / "categories.jsonl").read_text().splitlines()[0])["name"]
        == "Notes"
    )


def test_since_with_an_offset_is_sent_with_it(site: StandIn, tmp_path: Path) -> None:
    from datetime import datetime, timedelta, timezone

    wpparse.mirror(
        site.url,
        tmp_path,
        types=["posts"],
        since=datetime(2026, 3, 20, 9, 30, tzinfo=timezone(timedelta(hours=2))),
    )

    (asked,) = [r for r in site.requests if r.route == "wp/v2/posts"]
    assert asked.query["modified_after"] == "2026-03-20T09:30:00+02:00"
    # Posts 20-23 were modified on March 20-23 at 12:00 UTC, after 07:30 UTC.
    assert ids(tmp_path / "posts.jsonl") == list(range(20, 24))


def test_since_last_takes_each_type_since_its_last_fetch_began(
    site: StandIn, tmp_path: Path
) -> None:
    wpparse.mirror(site.url, tmp_path, types=["posts", "tags"])
    state = json.loads((tmp_path / ".wpparse-mirror" / "state").read_bytes())
    # The stand-in's Date header: Mon, 07 Dec 2026 03:00:00 GMT.
    assert state["types"]["posts"]["fetched_at"] == "2026-12-07T03:00:00+00:00"
    site.collections["posts"][2] = {
        **site.collections["posts"][2],
        "title": {"rendered": "Changed"},
        "modified_gmt": "2026-12-07T03:00:05",
    }
    site.requests.clear()

    result = wpparse.mirror(site.url, tmp_path, types=["posts", "tags"], since="last")

    (asked,) = [r for r in site.requests if r.route == "wp/v2/posts"]
    assert asked.query["modified_after"] == "2026-12-07T02:59:50+00:00"
    assert result.fetched == {"posts": 1, "tags": 1}
    lines = [
        json.loads(line) for line in (tmp_path / "posts.jsonl").read_text().splitlines()
    ]
    assert [o["title"]["rendered"] for o in lines if o["id"] == 3] == ["Changed"]


def test_since_last_on_a_new_folder_fetches_everything(
    site: StandIn, tmp_path: Path
) -> None:
    result = wpparse.mirror(site.url, tmp_path, types=["posts"], since="last")

    assert result.objects == {"posts": 23}
    assert (
        "modified_after"
        not in next(r for r in site.requests if r.route == "wp/v2/posts").query
    )


def test_a_bad_since_is_a_value_error(site: StandIn, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="since: not an ISO 8601"):
        wpparse.mirror(site.url, tmp_path, since="last tuesday")


# -- auth --------------------------------------------------------------------------------

SECRET = "abcd efgh ijkl mnop"


def test_auth_fetches_the_edit_context_and_stores_no_secret(
    site: StandIn, tmp_path: Path
) -> None:
    result = wpparse.mirror(site.url, tmp_path, auth=("editor", SECRET), types=["all"])

    asked = {
        r.route: r.query for r in site.requests if r.route and r.route.count("/") == 2
    }
    assert asked["wp/v2/posts"]["context"] == "edit"
    assert asked["wp/v2/posts"]["status"] == "any"
    assert "status" not in asked["wp/v2/media"]
    assert asked["wp/v2/comments"]["status"] == "all"
    first = json.loads((tmp_path / "posts.jsonl").read_text().splitlines()[0])
    assert first["content"]["raw"].startswith("<!-- wp:paragraph -->")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
            assert b"abcd" not in path.read_bytes(), path
    assert SECRET not in repr(result) + result.summary()


def test_a_wrong_password_fails_before_any_collection(
    site: StandIn, tmp_path: Path
) -> None:
    with pytest.raises(
        wpparse.MirrorError, match="did not accept the application password of 'editor'"
    ) as caught:
        wpparse.mirror(site.url, tmp_path, auth=("editor", "wrong"))

    assert (caught.value.status, caught.value.code) == (401, "rest_not_logged_in")
    assert "wrong" not in str(caught.value)
    assert [r.route for r in site.requests if r.route is not None] == [
        "",
        "wp/v2/users/me",
    ]


def test_drafts_a_user_may_not_see_skip_that_type(
    site: StandIn, tmp_path: Path
) -> None:
    site.no_drafts = {"pages"}

    with pytest.warns(wpparse.WPParseWarning, match=r"skipped pages: the site refused"):
        result = wpparse.mirror(site.url, tmp_path, auth=("editor", SECRET))

    assert list(result.refused) == ["pages"]
    assert "pages" not in result.objects
    assert result.objects["posts"] == 23
    with pytest.raises(
        wpparse.MirrorError, match=r"refused.*rest_forbidden_status"
    ) as caught:
        wpparse.mirror(site.url, tmp_path, auth=("editor", SECRET), types=["pages"])
    assert caught.value.refused


def test_no_password_over_plain_http(tmp_path: Path) -> None:
    # Refused before any request: wp.example is never looked up.
    with pytest.raises(wpparse.MirrorError, match="over plain http"):
        wpparse.mirror("http://wp.example/", tmp_path, auth=("editor", SECRET))


# -- the command line ----------------------------------------------------------------


def test_cli_mirrors_and_prints_a_summary(
    site: StandIn, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wpparse._cli import main

    status = main(["mirror", site.url, "-o", str(tmp_path), "--types", "posts,tags"])

    out, err = capsys.readouterr()
    assert status == 0
    assert out.startswith(f"mirrored 2 types into {tmp_path}: 23 posts, 1 tags;")
    assert "posts: 23 objects" in err
    assert ids(tmp_path / "posts.jsonl") == list(range(1, 24))


def test_cli_reads_a_mirror_back_with_the_api_folder_skipped(
    site: StandIn, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wpparse._cli import main

    assert main(["mirror", site.url, "-o", str(tmp_path), "-q"]) == 0
    status = main(["-f", "jsonl", str(tmp_path)])

    out, err = capsys.readouterr()
    assert status == 0
    mirrored = [p.read_text(encoding="utf-8") for p in tmp_path.glob("*.jsonl")]
    assert len(out.splitlines()) == sum(text.count("\n") for text in mirrored)
    assert err.endswith("skipped (5 post type, 3 taxonomy, 1 index), 0 failed\n"), err


def test_cli_quiet_prints_nothing(
    site: StandIn, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wpparse._cli import main

    assert main(["mirror", site.url, "-o", str(tmp_path), "-q", "--types", "tags"]) == 0
    assert capsys.readouterr() == ("", "")


def test_cli_password_from_the_environment_is_never_shown(
    site: StandIn,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wpparse._cli import main

    monkeypatch.setenv("WPPARSE_APP_PASSWORD", SECRET)
    status = main(["mirror", site.url, "-o", str(tmp_path), "--user", "editor"])

    out, err = capsys.readouterr()
    assert status == 0
    assert SECRET not in out + err
    assert {
        r.query.get("context") for r in site.requests if r.route == "wp/v2/posts"
    } == {"edit"}


def test_cli_refusal_exits_1_saying_what_is_kept(
    site: StandIn, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wpparse._cli import main

    refused = answer_json(
        {"code": "rest_forbidden", "message": "No.", "data": {"status": 403}}, 403
    )
    site.faults.append(lambda r: refused if r.route == "wp/v2/tags" else None)

    status = main(
        ["mirror", site.url, "-o", str(tmp_path), "--types", "posts,tags", "-j", "1"]
    )

    _, err = capsys.readouterr()
    assert status == 1
    assert (
        "error: the site refused access to the tags (wp/v2/tags) (HTTP 403) (rest_forbidden: No.)"
        in err
    )
    assert "is kept" in err
    assert ids(tmp_path / "posts.jsonl") == list(range(1, 24))


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    from wpparse._cli import main

    for argv in (
        ["mirror", "x"],
        ["mirror", "x", "-o", str(tmp_path), "--since", "soon"],
    ):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2


def test_without_httpx_the_message_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from wpparse._cli import main

    monkeypatch.setitem(__import__("sys").modules, "httpx", None)

    with pytest.raises(ModuleNotFoundError, match=r"pip install 'wpparse\[fetch\]'"):
        wpparse.mirror("https://wp.example/", tmp_path)
    assert main(["mirror", "https://wp.example/", "-o", str(tmp_path)]) == 1
    assert "pip install 'wpparse[fetch]'" in capsys.readouterr().err


def test_progress_on_a_terminal_shows_pages_objects_rate_and_eta(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("wpparse._fetch.progress._REDRAW", 0.0)  # every change shows

    class Terminal:
        def __init__(self) -> None:
            self.text = ""

        def write(self, text: str) -> None:
            self.text += text

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    with StandIn(many_posts(250)) as site:
        wpparse.mirror(site.url, tmp_path, types=["posts"], progress=terminal)  # type: ignore[arg-type]

    assert "\rposts: pages 1/3 · 100 objects · " in terminal.text
    assert " pages/s · ETA 0:0" in terminal.text
    assert "posts: 250 objects (250 fetched)\n" in terminal.text
    assert terminal.text.endswith("\r")  # the live line is cleared at the end


# -- odd sites and odd calls ------------------------------------------------------------


def home(answer: Answer) -> Callable[[Request], Answer | None]:
    return lambda r: answer if r.route is None and r.path == "/" else None


def test_a_link_header_among_others_and_relative(tmp_path: Path) -> None:
    with StandIn(advertise=None, api_prefix="/custom-api") as site:
        link = (
            '<https://cdn.example/style.css>; rel=preload; as="style", '
            "</custom-api/>; rel='https://api.w.org/', </?p=4>; rel=shortlink"
        )
        site.faults.append(
            home(Answer(200, b"<html></html>", {"Link": link}, "text/html"))
        )
        result = wpparse.mirror(site.url, tmp_path, types=["tags"])

    assert result.api == site.url + "/custom-api/"


def test_retry_after_as_an_http_date(
    site: StandIn, tmp_path: Path, waits: list[float]
) -> None:
    past = "Wed, 21 Oct 2015 07:28:00 GMT"  # already gone: retry at once
    site.faults.append(
        once(on_page("wp/v2/tags", 1, Answer(503, b"", {"Retry-After": past})))
    )

    wpparse.mirror(site.url, tmp_path, types=["tags"])

    assert waits == [0.0]


def test_an_index_without_wp_v2_is_no_wordpress_api(tmp_path: Path) -> None:
    with StandIn() as site:
        index = answer_json({"namespaces": ["other/v1"], "routes": {}})
        site.faults.append(lambda r: index if r.route == "" else None)

        with pytest.raises(
            wpparse.MirrorError, match=r"no WordPress REST API \(wp/v2\)"
        ):
            wpparse.mirror(site.url, tmp_path)


def test_an_answer_that_is_not_json(site: StandIn, tmp_path: Path) -> None:
    site.faults.append(
        on_page("wp/v2/tags", 1, Answer(200, b"{oops", content_type="text/plain"))
    )

    with pytest.raises(
        wpparse.MirrorError, match=r"the tags \(wp/v2/tags\) is not valid JSON"
    ):
        wpparse.mirror(site.url, tmp_path, types=["tags"])


def test_an_object_where_a_list_should_be(site: StandIn, tmp_path: Path) -> None:
    site.faults.append(on_page("wp/v2/tags", 1, answer_json({"id": 1})))

    with pytest.raises(wpparse.MirrorError, match=r"not a list of objects"):
        wpparse.mirror(site.url, tmp_path, types=["tags"])


def test_a_wordpress_error_with_status_200(site: StandIn, tmp_path: Path) -> None:
    error = {"code": "plugin_broke", "message": "Oops.", "data": None}
    site.faults.append(on_page("wp/v2/tags", 1, answer_json(error)))

    with pytest.raises(
        wpparse.MirrorError, match=r"WordPress error 'plugin_broke': Oops\."
    ) as caught:
        wpparse.mirror(site.url, tmp_path, types=["tags"])
    assert caught.value.code == "plugin_broke"


def test_a_collection_that_cannot_be_ordered_by_id(
    site: StandIn, tmp_path: Path
) -> None:
    refused = answer_json(
        {
            "code": "rest_invalid_param",
            "message": "Invalid parameter(s): orderby",
            "data": {"status": 400, "params": {"orderby": "no"}},
        },
        400,
    )
    site.faults.append(
        lambda r: (
            refused if r.route == "wp/v2/genres" and "orderby" in r.query else None
        )
    )

    result = wpparse.mirror(site.url, tmp_path, types=["genres"])

    assert result.objects == {"genres": 1}
    assert [
        ("orderby" in r.query) for r in site.requests if r.route == "wp/v2/genres"
    ] == [True, False]


def test_a_site_that_hides_its_types_gets_the_core_ones(
    site: StandIn, tmp_path: Path
) -> None:
    hidden = answer_json(
        {"code": "rest_forbidden", "message": "No.", "data": {"status": 401}}, 401
    )
    site.faults.append(
        lambda r: hidden if r.route in {"wp/v2/types", "wp/v2/taxonomies"} else None
    )

    with pytest.warns(
        wpparse.WPParseWarning,
        match=r"does not list its (types|taxonomies) \(HTTP 401\)",
    ):
        result = wpparse.mirror(site.url, tmp_path)

    assert list(result.objects) == [
        "posts",
        "pages",
        "media",
        "categories",
        "tags",
        "users",
    ]


def test_listed_types_odd_and_namespaced(site: StandIn, tmp_path: Path) -> None:
    listing = {
        "post": {"slug": "post", "rest_base": "posts", "rest_namespace": "wp/v2"},
        "junk": "not an object",
        "hidden": {"slug": "hidden", "rest_base": False},
        "product": {
            "slug": "product",
            "rest_base": "products",
            "rest_namespace": "shop/v1",
        },
        "escape": {"slug": "escape", "rest_base": "../../etc", "rest_namespace": "x"},
        "wp_template": {"slug": "wp_template", "rest_base": "templates"},
    }
    site.faults.append(
        lambda r: answer_json(listing) if r.route == "wp/v2/types" else None
    )
    site.collections["products"] = [{"id": 1, "title": {"rendered": "Rust remover"}}]
    shop = Answer(
        200,
        json.dumps(site.collections["products"]).encode(),
        {"X-WP-Total": "1", "X-WP-TotalPages": "1"},
    )
    site.faults.append(lambda r: shop if r.route == "shop/v1/products" else None)

    result = wpparse.mirror(site.url, tmp_path, types=["post", "product"])

    assert list(result.objects) == ["posts", "shop-v1-products"]
    assert ids(tmp_path / "shop-v1-products.jsonl") == [1]
    for absent in ("hidden", "escape"):
        with pytest.raises(
            wpparse.MirrorError, match=r"no '\w+'.*posts.*shop-v1-products.*templates"
        ):
            wpparse.mirror(site.url, tmp_path, types=[absent])


def test_odd_calls_are_value_errors(tmp_path: Path) -> None:
    options: dict[str, Any]
    for options in (
        {"concurrency": 0},
        {"retries": -1},
        {"timeout": 0},
        {"auth": ("", "x")},
    ):
        with pytest.raises(ValueError, match=r"must|auth"):
            wpparse.mirror("https://wp.example/", tmp_path, **options)
    with pytest.raises(wpparse.MirrorError, match="not a web address"):
        wpparse.mirror("ftp://wp.example/", tmp_path)


def test_a_folder_inside_wp_json_is_refused(tmp_path: Path) -> None:
    with pytest.raises(wpparse.MirrorError, match="inside a folder named wp-json"):
        wpparse.mirror("https://wp.example/", tmp_path / "wp-json" / "site")


def test_one_run_at_a_time_per_folder(tmp_path: Path) -> None:
    release = threading.Event()
    with StandIn() as site:
        site.faults.append(held("wp/v2/tags", 1, release))
        first = threading.Thread(
            target=wpparse.mirror, args=(site.url, tmp_path), kwargs={"types": ["tags"]}
        )
        first.start()
        try:
            deadline = time.monotonic() + 60
            while 1 not in site.pages_asked("wp/v2/tags"):
                assert time.monotonic() < deadline
                time.sleep(0.02)
            with pytest.raises(wpparse.MirrorError, match="another mirror is writing"):
                wpparse.mirror(site.url, tmp_path, types=["tags"])
        finally:
            release.set()
            first.join()
    assert ids(tmp_path / "tags.jsonl") == [20]


def test_unreadable_bookkeeping_says_what_to_remove(
    site: StandIn, tmp_path: Path
) -> None:
    wpparse.mirror(site.url, tmp_path, types=["tags"])
    (tmp_path / ".wpparse-mirror" / "state").write_text("{not json")

    with pytest.raises(
        wpparse.MirrorError, match=r"bookkeeping cannot be read.*remove"
    ):
        wpparse.mirror(site.url, tmp_path, types=["tags"])


def test_the_password_goes_to_no_other_host(tmp_path: Path) -> None:
    with StandIn(advertise="header") as site:
        elsewhere = site.url.replace("127.0.0.1", "localhost")
        link = f'<{elsewhere}/wp-json/>; rel="https://api.w.org/"'
        site.faults.append(
            home(Answer(200, b"<html></html>", {"Link": link}, "text/html"))
        )

        with pytest.raises(wpparse.MirrorError, match=r"another host \(localhost\)"):
            wpparse.mirror(site.url, tmp_path, auth=("editor", SECRET))
    assert not any("authorization" in r.headers for r in site.requests if r.route)


def test_an_answer_too_large_is_refused(
    site: StandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("wpparse._fetch.client.MAX_BODY", 1000)

    with pytest.raises(wpparse.MirrorError, match=r"larger than"):
        wpparse.mirror(site.url, tmp_path, types=["posts"])


def test_the_error_pickles_and_keeps_its_parts() -> None:
    import pickle

    error = wpparse.MirrorError(
        "refused", url="https://wp.example/", status=403, code="rest_forbidden"
    )
    back = pickle.loads(pickle.dumps(error))

    assert (str(back), back.url, back.status, back.code) == (
        str(error),
        error.url,
        403,
        "rest_forbidden",
    )
    assert back.refused
    assert isinstance(back, OSError)


def test_the_summary_says_what_happened(
    site: StandIn, tmp_path: Path, waits: list[float]
) -> None:
    site.faults.append(once(on_page("wp/v2/tags", 1, Answer(503, b""))))
    first = wpparse.mirror(site.url, tmp_path, types=["tags", "categories"])
    refused = answer_json(
        {"code": "rest_forbidden", "message": "No.", "data": {"status": 403}}, 403
    )
    site.faults.append(lambda r: refused if r.route == "wp/v2/users" else None)
    with pytest.warns(wpparse.WPParseWarning):
        second = wpparse.mirror(site.url, tmp_path, types=None)

    assert first.summary().startswith(
        f"mirrored 2 types into {tmp_path}: 2 categories, 1 tags; 2 pages in 0:0"
    )
    assert ", 1 retry" in first.summary()
    assert (
        "; up to date: categories, tags; refused by the site: users" in second.summary()
    )
    assert waits


def test_cli_password_missing_without_a_terminal_is_a_usage_error(
    site: StandIn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wpparse._cli import main

    monkeypatch.delenv("WPPARSE_APP_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO())
    with pytest.raises(SystemExit) as caught:
        main(["mirror", site.url, "-o", str(tmp_path), "--user", "editor"])
    assert caught.value.code == 2


def test_cli_ctrl_c_exits_130(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wpparse._cli import main

    def ctrl_c(request: Request) -> Answer | None:
        if request.route == "wp/v2/posts" and request.page == 2:
            _thread.interrupt_main()
        return None

    with StandIn(many_posts(250)) as site:
        site.faults.append(once(ctrl_c))
        status = main(
            ["mirror", site.url, "-o", str(tmp_path), "--types", "posts", "-j", "1"]
        )

    assert status == 130
    assert "interrupted; what was saved" in capsys.readouterr().err
    assert staged(tmp_path, "posts")[0] == 1


def test_every_collection_refused_is_an_error(site: StandIn, tmp_path: Path) -> None:
    refused = answer_json(
        {"code": "rest_cannot_read", "message": "No.", "data": {"status": 401}}, 401
    )
    listings = {"", "wp/v2/types", "wp/v2/taxonomies"}

    def collections(request: Request) -> Answer | None:
        return refused if request.route not in listings and request.route else None

    site.faults.append(collections)

    with (
        pytest.warns(wpparse.WPParseWarning, match="skipped"),
        pytest.raises(wpparse.MirrorError, match=r"refused access.*HTTP 401") as caught,
    ):
        wpparse.mirror(site.url, tmp_path)
    assert caught.value.code == "rest_cannot_read"


def test_since_as_a_date(site: StandIn, tmp_path: Path) -> None:
    from datetime import date

    wpparse.mirror(site.url, tmp_path, types=["posts"], since=date(2026, 3, 22))

    (asked,) = [r for r in site.requests if r.route == "wp/v2/posts"]
    assert asked.query["modified_after"] == "2026-03-22T00:00:00"
    assert ids(tmp_path / "posts.jsonl") == [22, 23]


def test_what_a_killed_run_left_half_written_is_removed(
    site: StandIn, tmp_path: Path
) -> None:
    (tmp_path / ".wpparse-mirror" / "pages" / "posts").mkdir(parents=True)
    left = [
        tmp_path / ".wpparse-tmp-posts.jsonl-0123456789ab",
        tmp_path
        / ".wpparse-mirror"
        / "pages"
        / "posts"
        / ".wpparse-tmp-000001.part-ab",
    ]
    for path in left:
        path.write_bytes(b'{"id": 1, "tit')

    wpparse.mirror(site.url, tmp_path, types=["posts"])

    assert not any(path.exists() for path in left)
    assert list(wpparse.read_objects(tmp_path).problems) == []


def test_the_main_help_points_at_the_mirror_subcommand(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from wpparse._cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--help"])

    assert stopped.value.code == 0
    assert "wpparse mirror URL -o DIR" in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(
    "name",
    [
        "wpparse._fetch.since",
        "wpparse._fetch.auth",
        "wpparse._fetch.pages",
        "wpparse._fetch.result",
        "wpparse._fetch.client",
        "wpparse._fetch.discover",
        "wpparse._fetch.errors",
        "wpparse._fetch.files",
    ],
)
def test_the_examples_in_the_mirror_modules_run(name: str) -> None:
    import doctest
    import importlib

    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = [test for test in doctest.DocTestFinder().find(module) if test.examples]

    for test in tests:
        runner.run(test)

    assert tests
    assert runner.failures == 0


@pytest.mark.parametrize(
    "address", ["http://[::1", "https://example.org:abc/", "ftp://example.org/"]
)
def test_a_malformed_address_is_a_mirror_error(tmp_path: Path, address: str) -> None:
    with pytest.raises(wpparse.MirrorError, match="not a web address"):
        wpparse.mirror(address, tmp_path / "m")
    assert not (tmp_path / "m").exists()


def test_credentials_in_the_address_are_refused_and_never_stored(
    tmp_path: Path,
) -> None:
    # httpx would send them (over plain http too), and the API root found
    # from them was kept in the folder's state and in MirrorResult.api.
    with StandIn(advertise=None) as site:
        address = site.url.replace("http://", "http://editor:s3cret@") + "/wp-json/"
        with pytest.raises(wpparse.MirrorError, match="auth=") as caught:
            wpparse.mirror(address, tmp_path, types=["tags"])

    assert "s3cret" not in str(caught.value)
    assert site.requests == []
    assert not any(
        b"s3cret" in path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()
    )


def test_a_lone_surrogate_the_site_sent_escaped_is_kept(tmp_path: Path) -> None:
    # json.loads gives "\ud800" for the site's escaped "\\ud800"; UTF-8 cannot
    # hold it, and writing the file raised UnicodeEncodeError.
    objects = make_site_objects(posts=3)
    objects["posts"][1]["title"]["rendered"] = "a\ud800b \u00e9"
    with StandIn(objects) as site:
        result = wpparse.mirror(site.url, tmp_path, types=["posts"])

    assert result.objects == {"posts": 3}
    lines = (tmp_path / "posts.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[1])["title"]["rendered"] == "a\ud800b \u00e9"
    assert json.loads(lines[0]) == objects["posts"][0]


def test_a_page_count_in_other_digits_is_no_count(tmp_path: Path) -> None:
    # "²" is a digit to str.isdigit() but not to int(): a ValueError escaped.
    objects = make_site_objects(posts=3)
    with StandIn(objects) as site:

        def superscript(request: Request) -> Answer | None:
            if request.route == "wp/v2/posts" and request.page == 1:
                headers = {"X-WP-Total": "\u00b3", "X-WP-TotalPages": "\u00b2"}
                return answer_json(objects["posts"], headers=headers)
            return None

        site.faults.append(superscript)
        result = wpparse.mirror(site.url, tmp_path, types=["posts"])

    assert result.objects == {"posts": 3}


def test_a_folder_that_cannot_be_made_is_a_mirror_error(
    site: StandIn, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A raw FileExistsError escaped, and the command line printed a traceback.
    (tmp_path / "file").write_text("not a folder")
    folder = tmp_path / "file" / "mirror"

    with pytest.raises(wpparse.MirrorError, match="cannot write the mirror in"):
        wpparse.mirror(site.url, folder, types=["tags"])

    from wpparse._cli import main

    assert main(["mirror", site.url, "-o", str(folder), "-q"]) == 1
    assert "cannot write the mirror in" in capsys.readouterr().err
