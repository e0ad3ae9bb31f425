"""
A tiny stand-in for a WordPress site, so the docs' recipes run for real.

:func:`make_posts` writes REST API post objects the way WordPress 6 sends them
(texturized titles, block-editor HTML, ``_links`` with CURIEs, and an
``_embedded`` author and terms), with the shapes real sites have: the site is in
Berlin, so dates change offset with daylight saving time (``+01:00``, then
``+02:00`` from 29 March 2026); posts 5, 15, 25 ... have no date (drafts
never published); posts 7, 17 ... share their slug and date with the post
before (a re-post); posts 9, 19 ... have a non-ASCII slug, percent-encoded as
WordPress sends it (``%c3%bcber-...``, "über-..."); posts 8, 18 ... come
without ``_embedded`` (the author's profile is private).  :class:`FakeSite` serves them on 127.0.0.1
under ``/wp-json/wp/v2/posts`` with WordPress's paging: ``page`` and
``per_page`` parameters, the ``X-WP-Total`` and ``X-WP-TotalPages`` headers, a
``Link`` header with ``next``/``prev``, ``_embed``, and the
``rest_post_invalid_page_number`` error past the last page.

The docs import it from their doctest setup; it is not part of wpparse.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlencode, urlsplit
from zoneinfo import ZoneInfo

SITE = "https://rivers.example"
ZONE = ZoneInfo("Europe/Berlin")
"""The site's time zone: +01:00 in winter, +02:00 in summer."""
# Post 1; post 22 is the first in summer time.
_FIRST = datetime(2026, 3, 8, 10, 0, tzinfo=ZONE)

_TOPICS = [
    ("Iron", "iron", "Bog iron &amp; the orange springs"),
    ("Chalk", "chalk", "Why chalk streams run clear"),
    ("Peat", "peat", "Peat, tannins &amp; &#8220;tea-coloured&#8221; water"),
    ("Flint", "flint", "Flint beds and the river&#8217;s course"),
    ("Clay", "clay", "Clay banks after heavy rain"),
]

_AUTHORS = [
    {"id": 3, "name": "Ada Brook", "slug": "ada"},
    {"id": 5, "name": "Tom O&#8217;Reilly", "slug": "tom"},
]

_CATEGORIES = [
    {"id": 7, "name": "Field notes", "slug": "field-notes", "taxonomy": "category"},
    {"id": 12, "name": "News &amp; Views", "slug": "news", "taxonomy": "category"},
]


def _content(topic: str, slug: str) -> str:
    return "\n\n".join(
        [
            (
                f"<p>Every survey season somebody asks about {topic.lower()} in the river. "
                f'This note answers that, with the <a href="/data/{slug}.csv">open data</a>.</p>'
            ),
            f'<h2 class="wp-block-heading" id="what-{slug}-does">What {topic.lower()} does</h2>',
            (
                f"<p>{topic} changes the colour and the taste of the water, but not its safety. "
                "Readings stay within the limits all year.</p>"
            ),
            "<p><strong>Where to see it</strong></p>",
            (
                f"<p>Walk the mill trail after rain. The {topic.lower()} shows best at the "
                'springs; see the <a href="https://maps.example.net/springs">map</a>.</p>'
            ),
            '<h2 class="wp-block-heading">How to help</h2>',
            (
                "<p><strong>Before you go, </strong>read the safety notes. "
                '<a href="mailto:survey@rivers.example">Write to us</a> for a kit.</p>'
            ),
        ]
    )


def _when(n: int) -> datetime | None:
    """When post *n* was published, one a day; None for the drafts (5, 15, ...)."""
    if n % 10 == 5:  # a draft
        return None
    if n % 10 == 7:  # a re-post: the same day as the post before
        n -= 1
    return _FIRST + timedelta(days=n - 1)


def _dates(when: datetime | None) -> dict[str, str | None]:
    """The four date fields as WordPress sends them: local and UTC, without offsets."""
    if when is None:
        return {"date": None, "date_gmt": None, "modified": None, "modified_gmt": None}
    edited = when + timedelta(hours=2, minutes=30)
    return {
        "date": f"{when:%Y-%m-%dT%H:%M:%S}",
        "date_gmt": f"{when.astimezone(UTC):%Y-%m-%dT%H:%M:%S}",
        "modified": f"{edited:%Y-%m-%dT%H:%M:%S}",
        "modified_gmt": f"{edited.astimezone(UTC):%Y-%m-%dT%H:%M:%S}",
    }


def make_post(n: int) -> dict[str, Any]:
    """Return post number *n* (1-based) as WordPress would send it with ``_embed``."""
    # A re-post (7, 17, ...) has the topic and the slug of the post before.
    same = n - 1 if n % 10 == 7 else n
    topic, slug, title = _TOPICS[(same - 1) % len(_TOPICS)]
    slug = f"{slug}-{same}"
    if n % 10 == 9:  # "über-flint-9", percent-encoded as WordPress sends it
        slug = f"%c3%bcber-{slug}"
    author = _AUTHORS[n % len(_AUTHORS)]
    category = _CATEGORIES[n % len(_CATEGORIES)]
    when = _when(n)
    link = f"{SITE}/{when:%Y/%m/%d}/{slug}/" if when else f"{SITE}/?p={100 + n}"
    api = f"{SITE}/wp-json/wp/v2"
    post = _post(
        n,
        topic=topic,
        slug=slug,
        title=title,
        author=author,
        category=category,
        when=when,
        link=link,
        api=api,
    )
    if n % 10 == 8:  # nothing embedded: the author's profile is private
        del post["_embedded"]
    return post


def _post(
    n: int,
    *,
    topic: str,
    slug: str,
    title: str,
    author: dict[str, Any],
    category: dict[str, Any],
    when: datetime | None,
    link: str,
    api: str,
) -> dict[str, Any]:
    return {
        "id": 100 + n,
        **_dates(when),
        "slug": slug,
        "status": "publish" if when else "draft",
        "type": "post",
        "link": link,
        "title": {"rendered": f"{title} ({n})"},
        "content": {
            "rendered": _content(topic, f"{topic.lower()}-{n}"),
            "protected": False,
        },
        "excerpt": {
            "rendered": f"<p>Every survey season somebody asks about {topic.lower()} "
            f'&hellip; <a href="{link}">Continue reading</a></p>',
            "protected": False,
        },
        "author": author["id"],
        "featured_media": 0,
        "categories": [category["id"]],
        "tags": [],
        "_links": {
            "self": [{"href": f"{api}/posts/{100 + n}"}],
            "author": [{"embeddable": True, "href": f"{api}/users/{author['id']}"}],
            "wp:term": [
                {
                    "taxonomy": "category",
                    "embeddable": True,
                    "href": f"{api}/categories?post={100 + n}",
                },
                {
                    "taxonomy": "post_tag",
                    "embeddable": True,
                    "href": f"{api}/tags?post={100 + n}",
                },
            ],
            "curies": [
                {"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}
            ],
        },
        "_embedded": {
            "author": [
                {
                    **author,
                    "link": f"{SITE}/author/{author['slug']}/",
                    "description": "",
                    "avatar_urls": {},
                }
            ],
            "wp:term": [
                [{**category, "link": f"{SITE}/category/{category['slug']}/"}],
                [],
            ],
        },
    }


def make_posts(count: int) -> list[dict[str, Any]]:
    """Return *count* posts, newest first, as a collection request lists them."""
    return [make_post(n) for n in range(count, 0, -1)]


class FakeSite:
    """
    Serve *posts* on 127.0.0.1 (a free port) as ``/wp-json/wp/v2/posts``.

    Use it as a context manager; :attr:`url` is the site's root.  The server
    runs in a daemon thread and answers only loopback requests.
    """

    def __init__(self, posts: list[dict[str, Any]]) -> None:
        self.posts = posts
        self.requests: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        host, port = self._server.server_address[:2]
        self.url = f"http://{host!s}:{port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        # A proxy set in the environment must not see loopback requests.
        for name in ("NO_PROXY", "no_proxy"):
            hosts = [h for h in os.environ.get(name, "").split(",") if h]
            os.environ[name] = ",".join([*hosts, "127.0.0.1"])
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop serving and release the port."""
        self._server.shutdown()
        self._server.server_close()

    def respond(
        self, path: str, query: dict[str, list[str]]
    ) -> tuple[int, dict[str, str], Any]:
        """Answer one GET request: (status, headers, JSON body)."""
        self.requests.append(
            path + ("?" + urlencode(query, doseq=True) if query else "")
        )
        embed = "_embed" in query
        prefix = "/wp-json/wp/v2/posts"
        if path.rstrip("/") == prefix:
            return self._collection(query, embed=embed)
        if path.startswith(prefix + "/") and path[len(prefix) + 1 :].isdigit():
            wanted = int(path[len(prefix) + 1 :])
            for post in self.posts:
                if post["id"] == wanted:
                    return 200, {}, _maybe_embedded(post, embed=embed)
            return 404, {}, _error("rest_post_invalid_id", "Invalid post ID.", 404)
        return 404, {}, _error("rest_no_route", "No route was found.", 404)

    def _collection(
        self, query: dict[str, list[str]], *, embed: bool
    ) -> tuple[int, dict[str, str], Any]:
        try:
            page = int(query.get("page", ["1"])[0])
            per_page = int(query.get("per_page", ["10"])[0])
        except ValueError:
            return 400, {}, _error("rest_invalid_param", "Invalid parameter(s).", 400)
        if not 1 <= per_page <= 100 or page < 1:  # WordPress caps per_page at 100
            return 400, {}, _error("rest_invalid_param", "Invalid parameter(s).", 400)
        total = len(self.posts)
        pages = max(1, -(-total // per_page))
        if page > pages:
            return (
                400,
                {},
                _error(
                    "rest_post_invalid_page_number",
                    "The page number requested is larger than the number of pages available.",
                    400,
                ),
            )
        body = [
            _maybe_embedded(p, embed=embed)
            for p in self.posts[(page - 1) * per_page : page * per_page]
        ]
        headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
        links = []
        base = f"{self.url}/wp-json/wp/v2/posts"
        for rel, other in (("prev", page - 1), ("next", page + 1)):
            if 1 <= other <= pages:
                params = {k: v for k, v in query.items() if k != "page"}
                params["page"] = [str(other)]
                links.append(f'<{base}?{urlencode(params, doseq=True)}>; rel="{rel}"')
        if links:
            headers["Link"] = ", ".join(links)
        return 200, headers, body


def _maybe_embedded(post: dict[str, Any], *, embed: bool) -> dict[str, Any]:
    if embed:
        return post
    return {k: v for k, v in post.items() if k != "_embedded"}


def _error(code: str, message: str, status: int) -> dict[str, Any]:
    return {"code": code, "message": message, "data": {"status": status}}


def _handler(site: FakeSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            status, headers, body = site.respond(parts.path, parse_qs(parts.query))
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Keep the docs build quiet."""

    return Handler
