"""
A WordPress stand-in on 127.0.0.1 for the mirror's tests and the docs' recipe.

It serves what :func:`wpparse.mirror` reads, the way WordPress 6 does: a home
page advertising the API (``Link`` header and ``<link rel>``), the index at
``/wp-json/`` (or only at ``/?rest_route=/``, as a site without pretty
permalinks), ``/wp/v2/types`` and ``/wp/v2/taxonomies`` with a custom post
type and taxonomy, and every collection with WordPress's paging (``page``,
``per_page`` up to 100, ``X-WP-Total``/``X-WP-TotalPages``, the past-the-end
error of post types and comments), ``orderby=id``, ``modified_after``,
``context=edit`` behind basic authentication, and ``status``.

Tests change it while it runs: objects are plain dicts in
:attr:`StandIn.collections`, and :attr:`StandIn.faults` answer in WordPress's
place (429, 503, a dropped connection, a web page, a request held until the
test lets it go).  Every request is recorded in :attr:`StandIn.requests`.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit

__all__ = ["Answer", "Request", "StandIn", "answer_json", "make_site_objects"]

SITE_TZ = UTC  # the stand-in's site clock is UTC: modified == modified_gmt


@dataclass(frozen=True)
class Request:
    """One request the stand-in received."""

    path: str
    query: dict[str, str]
    headers: dict[str, str]

    @property
    def route(self) -> str | None:
        """``wp/v2/posts`` for an API request, ``""`` for the index, ``None`` otherwise."""
        if "rest_route" in self.query:
            return self.query["rest_route"].strip("/")
        for prefix in ("/wp-json", "/custom-api"):
            if self.path == prefix or self.path.startswith(prefix + "/"):
                return self.path[len(prefix) :].strip("/")
        return None

    @property
    def page(self) -> int:
        """The ``page`` asked (1 when absent)."""
        return int(self.query.get("page", "1"))


@dataclass
class Answer:
    """What the stand-in sends back."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json; charset=UTF-8"
    drop: bool = False  # close the connection without an answer


def answer_json(
    value: Any, status: int = 200, headers: dict[str, str] | None = None
) -> Answer:
    """A JSON answer."""
    return Answer(status, json.dumps(value).encode(), dict(headers or {}))


def _error(code: str, message: str, status: int) -> Answer:
    return answer_json(
        {"code": code, "message": message, "data": {"status": status}}, status
    )


Fault = Callable[[Request], Answer | None]


def _stamp(day: int, hour: int = 12) -> str:
    return f"2026-03-{day:02d}T{hour:02d}:00:00"


def _post(n: int, kind: str = "post", base: str = "posts") -> dict[str, Any]:
    day = 1 + (n - 1) % 28
    return {
        "id": n,
        "date": _stamp(day, 10),
        "date_gmt": _stamp(day, 10),
        "modified": _stamp(day),
        "modified_gmt": _stamp(day),
        "slug": f"{kind}-{n}",
        "status": "publish",
        "type": kind,
        "link": f"https://rivers.example/{kind}-{n}/",
        "title": {"rendered": f"River notes &amp; rust ({kind} {n})"},
        "content": {
            "rendered": f"<p>Iron in the river, part {n}.</p>\n<h2>Why</h2>\n<p>Rain.</p>",
            "protected": False,
        },
        "excerpt": {
            "rendered": f"<p>Iron in the river, part {n}.</p>",
            "protected": False,
        },
        "author": 3,
        "categories": [7] if kind == "post" else [],
        "_links": {
            "self": [{"href": f"https://rivers.example/wp-json/wp/v2/{base}/{n}"}]
        },
    }


def make_site_objects(
    posts: int = 23, pages: int = 3, books: int = 2, comments: int = 4
) -> dict[str, list[dict[str, Any]]]:
    """The collections of a small site, by REST base; ids ascending."""
    media = {
        "id": 9000,
        "date": _stamp(1),
        "modified": _stamp(1),
        "modified_gmt": _stamp(1),
        "slug": "rusty-river",
        "type": "attachment",
        "link": "https://rivers.example/rusty-river/",
        "title": {"rendered": "Rusty river"},
        "media_type": "image",
        "mime_type": "image/png",
        "source_url": "https://rivers.example/wp-content/uploads/rusty-river.png",
        "alt_text": "A rusty river",
    }
    return {
        "posts": [_post(n) for n in range(1, posts + 1)],
        "pages": [_post(500 + n, "page", "pages") for n in range(1, pages + 1)],
        "books": [_post(700 + n, "book", "books") for n in range(1, books + 1)],
        "media": [media],
        "categories": [
            {
                "id": 7,
                "name": "Field notes",
                "slug": "field-notes",
                "taxonomy": "category",
                "count": posts,
            },
            {
                "id": 8,
                "name": "News &amp; Views",
                "slug": "news",
                "taxonomy": "category",
                "count": 0,
            },
        ],
        "tags": [
            {
                "id": 20,
                "name": "Rust",
                "slug": "rust",
                "taxonomy": "post_tag",
                "count": 0,
            }
        ],
        "genres": [
            {
                "id": 30,
                "name": "Fiction",
                "slug": "fiction",
                "taxonomy": "genre",
                "count": books,
            }
        ],
        "users": [
            {
                "id": 3,
                "name": "Ada Brook",
                "slug": "ada",
                "link": "https://rivers.example/author/ada/",
                "avatar_urls": {},
            }
        ],
        "comments": [
            {
                "id": 40 + n,
                "post": 1,
                "author_name": "Reader",
                "date": _stamp(2),
                "content": {"rendered": f"<p>Comment {n}</p>"},
                "type": "comment",
                "status": "approved",
            }
            for n in range(1, comments + 1)
        ],
        "blocks": [_post(800, "wp_block", "blocks")],
    }


_TYPES = {
    "post": ("posts", ["category", "post_tag"]),
    "page": ("pages", []),
    "attachment": ("media", []),
    "book": ("books", ["genre"]),
    "wp_block": ("blocks", []),
}
_TAXONOMIES = {
    "category": ("categories", ["post"]),
    "post_tag": ("tags", ["post"]),
    "genre": ("genres", ["book"]),
}
_POST_BASES = frozenset(base for base, _ in _TYPES.values())


class StandIn:
    """
    The stand-in site; use it as a context manager, at :attr:`url`.

    Args:
        collections: Objects by REST base (default: :func:`make_site_objects`).
        pretty: Serve the API at ``/wp-json/`` (else only ``?rest_route=``).
        advertise: How the home page names the API: ``"header"`` (a ``Link``
            header), ``"html"`` (a ``<link>``), ``"both"`` or ``None``.
        api_prefix: Where the pretty API lives (``/wp-json``; ``/custom-api``
            tests that discovery follows what the site advertises).
        credentials: ``(user, password)`` that ``context=edit`` needs.
        totals: Send ``X-WP-Total`` and ``X-WP-TotalPages``.
    """

    def __init__(
        self,
        collections: dict[str, list[dict[str, Any]]] | None = None,
        *,
        pretty: bool = True,
        advertise: str | None = "both",
        api_prefix: str = "/wp-json",
        credentials: tuple[str, str] | None = ("editor", "abcd efgh ijkl mnop"),
        totals: bool = True,
    ) -> None:
        self.collections = make_site_objects() if collections is None else collections
        self.pretty = pretty
        self.advertise = advertise
        self.api_prefix = api_prefix
        self.credentials = credentials
        self.totals = totals
        self.faults: list[Fault] = []
        self.no_drafts: set[str] = set()
        """Collections whose drafts even the authorised user may not see."""
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self._server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        host, port = self._server.server_address[:2]
        self.url = f"http://{host!s}:{port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.02},
            daemon=True,
        )

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

    @property
    def api_root(self) -> str:
        """The API root the site advertises."""
        if self.pretty:
            return f"{self.url}{self.api_prefix}/"
        return f"{self.url}/?rest_route=/"

    def pages_asked(self, route: str) -> list[int]:
        """The ``page`` of every request for *route*, in order."""
        return [r.page for r in self.requests if r.route == route]

    # -- answering ------------------------------------------------------------

    def answer(self, request: Request) -> Answer:
        """Answer one GET request."""
        with self._lock:
            self.requests.append(request)
            faults = list(self.faults)
        for fault in faults:
            found = fault(request)
            if found is not None:
                return found
        prefix = self.api_prefix
        if "rest_route" in request.query:
            route = request.query["rest_route"].strip("/")
        elif self.pretty and (
            request.path == prefix or request.path.startswith(prefix + "/")
        ):
            route = request.path[len(prefix) :].strip("/")
        else:
            return self._home(request)
        return self._api(route, request)

    def _home(self, request: Request) -> Answer:
        if request.path not in {"/", ""} and not request.path.startswith("/20"):
            return Answer(
                404, b"<html><body>Not found</body></html>", content_type="text/html"
            )
        head = ""
        headers = {}
        if self.advertise in {"html", "both"}:
            head = f'<link rel="https://api.w.org/" href="{self.api_root}" />'
        if self.advertise in {"header", "both"}:
            headers["Link"] = f'<{self.api_root}>; rel="https://api.w.org/"'
        body = f"<!DOCTYPE html><html><head><title>Rivers</title>{head}</head><body>Rivers</body></html>"
        return Answer(200, body.encode(), headers, "text/html; charset=UTF-8")

    def _authorised(self, request: Request) -> bool:
        given = request.headers.get("authorization", "")
        if not given.startswith("Basic ") or self.credentials is None:
            return False
        user, _, password = base64.b64decode(given[6:]).decode().partition(":")
        return (user, password) == self.credentials

    def _api(self, route: str, request: Request) -> Answer:
        # As WordPress: a wrong password makes the request anonymous, no more.
        if route == "":
            return answer_json(
                {
                    "name": "Rivers",
                    "url": self.url,
                    "home": self.url,
                    "gmt_offset": 0,
                    "timezone_string": "UTC",
                    "namespaces": ["oembed/1.0", "wp/v2"],
                    "routes": {"/wp/v2/posts": {}},
                },
                headers={"Date": "Mon, 07 Dec 2026 03:00:00 GMT"},
            )
        if route == "wp/v2/types":
            return answer_json(
                {
                    slug: {
                        "slug": slug,
                        "name": slug.title(),
                        "hierarchical": slug == "page",
                        "taxonomies": taxonomies,
                        "rest_base": base,
                        "rest_namespace": "wp/v2",
                    }
                    for slug, (base, taxonomies) in _TYPES.items()
                }
            )
        if route == "wp/v2/taxonomies":
            return answer_json(
                {
                    slug: {
                        "slug": slug,
                        "name": slug.title(),
                        "hierarchical": slug != "post_tag",
                        "types": types,
                        "rest_base": base,
                        "rest_namespace": "wp/v2",
                    }
                    for slug, (base, types) in _TAXONOMIES.items()
                }
            )
        if route == "wp/v2/users/me":
            if not self._authorised(request):
                return _error(
                    "rest_not_logged_in", "You are not currently logged in.", 401
                )
            return answer_json(self.collections["users"][0])
        base = route.removeprefix("wp/v2/")
        if base in self.collections and "/" not in base:
            return self._collection(base, request)
        return _error(
            "rest_no_route",
            "No route was found matching the URL and request method.",
            404,
        )

    def _collection(self, base: str, request: Request) -> Answer:
        query = request.query
        edit = query.get("context") == "edit"
        status = query.get("status")
        if status not in {None, "publish", "approve"} and (
            base in self.no_drafts or not self._authorised(request)
        ):
            # WordPress checks the parameter before the context.
            forbidden = {
                "code": "rest_forbidden_status",
                "message": "Status is forbidden.",
            }
            return answer_json(
                {
                    "code": "rest_invalid_param",
                    "message": "Invalid parameter(s): status",
                    "data": {
                        "status": 400,
                        "params": {"status": "Status is forbidden."},
                        "details": {"status": {**forbidden, "data": {"status": 401}}},
                    },
                },
                400,
            )
        if edit and not self._authorised(request):
            return _error(
                "rest_forbidden_context",
                "Sorry, you are not allowed to edit posts in this post type.",
                401,
            )
        try:
            page = int(query.get("page", "1"))
            per_page = int(query.get("per_page", "10"))
        except ValueError:
            return _error("rest_invalid_param", "Invalid parameter(s): page", 400)
        if not 1 <= per_page <= 100 or page < 1:
            return _error("rest_invalid_param", "Invalid parameter(s): per_page", 400)
        objects = list(self.collections[base])
        if query.get("orderby") == "id":
            objects.sort(key=lambda o: o["id"], reverse=query.get("order") == "desc")
        after = query.get("modified_after")
        if after is not None and base in _POST_BASES:
            when = datetime.fromisoformat(after)
            when = (
                when.astimezone(SITE_TZ).replace(tzinfo=None) if when.tzinfo else when
            )
            objects = [
                o for o in objects if datetime.fromisoformat(o["modified_gmt"]) > when
            ]
        total = len(objects)
        pages = -(-total // per_page)
        if page > max(pages, 1) and base in _POST_BASES | {"comments"}:
            code = (
                "rest_comment_invalid_page_number"
                if base == "comments"
                else "rest_post_invalid_page_number"
            )
            return _error(
                code,
                "The page number requested is larger than the number of pages available.",
                400,
            )
        body = [
            self._shown(o, edit=edit)
            for o in objects[(page - 1) * per_page : page * per_page]
        ]
        headers = (
            {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
            if self.totals
            else {}
        )
        return answer_json(body, headers=headers)

    @staticmethod
    def _shown(obj: dict[str, Any], *, edit: bool) -> dict[str, Any]:
        if not edit or "content" not in obj:
            return obj
        shown = dict(obj)
        raw = obj["content"]["rendered"].replace("<p>", "<!-- wp:paragraph -->\n<p>")
        shown["content"] = {**obj["content"], "raw": raw, "block_version": 1}
        if "title" in obj:
            shown["title"] = {
                **obj["title"],
                "raw": obj["title"]["rendered"].replace("&amp;", "&"),
            }
        return shown


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that goes away (a killed mirror) is part of the tests."""


def _handler(site: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            request = Request(
                parts.path,
                dict(parse_qsl(parts.query, keep_blank_values=True)),
                {k.lower(): v for k, v in self.headers.items()},
            )
            with site._lock:
                site.in_flight += 1
                site.max_in_flight = max(site.max_in_flight, site.in_flight)
            try:
                answer = site.answer(request)
            finally:
                with site._lock:
                    site.in_flight -= 1
            if answer.drop:
                self.close_connection = True
                self.connection.shutdown(2)
                return
            headers = dict(answer.headers)
            self.send_response_only(answer.status)
            self.send_header("Date", headers.pop("Date", self.date_time_string()))
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Keep the tests quiet."""

    return Handler


def once(fault: Fault, times: int = 1) -> Fault:
    """*fault*, for its first *times* matches only."""
    left = [times]
    lock = threading.Lock()

    def limited(request: Request) -> Answer | None:
        with lock:
            if left[0] <= 0:
                return None
            found = fault(request)
            if found is not None:
                left[0] -= 1
            return found

    return limited


def on_page(route: str, page: int, answer: Answer) -> Fault:
    """Answer *answer* to page *page* of *route*."""

    def fault(request: Request) -> Answer | None:
        return answer if request.route == route and request.page == page else None

    return fault


def held(route: str, page: int, release: threading.Event) -> Fault:
    """Hold page *page* of *route* until *release* is set (a minute at most)."""

    def fault(request: Request) -> Answer | None:
        if request.route == route and request.page == page:
            release.wait(60)
        return None

    return fault


def iter_ids(lines: Iterator[str]) -> list[int]:
    """The ``id`` of every line of a JSON Lines file."""
    return [json.loads(line)["id"] for line in lines if line.strip()]
