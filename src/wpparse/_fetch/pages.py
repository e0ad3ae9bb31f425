"""
A collection fetched page by page: a :class:`Job` and a page number in, the page staged and a :class:`Page` out.

A :class:`Job` is one collection being fetched: the query, the pages done
and in flight, which page to ask next (page 1 first, for the count of pages,
then the rest in order).  :func:`fetch_page` asks the site for one page and
stages its body, as it came, in the folder's bookkeeping; the runner records
the :class:`Page` it brought on the job.  A resumed job takes over the staged
pages of an interrupted one when the query is the same (:func:`same_query`).

>>> posts = Target(
...     name="posts", route="wp/v2/posts", kind="post type", slug="post", default=True
... )
>>> job = Job(posts, {}, merge=False, named=False, done=set())
>>> job.next_page(), job.complete()
(1, False)
>>> job.done.add(1)
>>> job.total_pages = 3
>>> job.next_page(), job.next_page(), job.next_page()
(2, 3, None)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from wpparse._fetch.client import Client, Reply, shown_url
from wpparse._fetch.discover import Api, refusal
from wpparse._fetch.errors import MirrorError
from wpparse._fetch.files import write_atomic
from wpparse._fetch.plan import Target
from wpparse._fetch.state import State

__all__ = ["PER_PAGE", "Job", "Page", "fetch_page", "same_query"]

PER_PAGE = 100
"""Objects a page holds at most (``per_page``, as :mod:`~wpparse._fetch.plan` asks)."""


@attrs.define
class Page:
    """What one page brought: its objects' count, and the site's counts from page 1."""

    count: int
    total_pages: int | None = None
    total: int | None = None
    past_end: bool = False
    query: dict[str, str] | None = None  # set when the site made the query change


@attrs.define(eq=False)
class Job:
    """One collection being fetched: its query, its pages done and under way, its counts."""

    target: Target
    query: dict[str, str]
    merge: bool
    named: bool
    done: set[int]
    total_pages: int | None = None
    open_ended: bool = False
    total: int | None = None
    in_flight: set[int] = attrs.field(factory=set)
    cursor: int = 2
    objects: int = 0
    reused: int = 0

    def next_page(self) -> int | None:
        """The page to ask next; ``None`` while page 1 (the count) is under way, or when all are asked."""
        if 1 not in self.done:
            return None if 1 in self.in_flight else 1
        if self.total_pages is None:
            return None
        while self.cursor <= self.total_pages:
            page = self.cursor
            self.cursor += 1
            if page not in self.done and page not in self.in_flight:
                return page
        return None

    def complete(self) -> bool:
        """Whether every page is in: the collection can be written."""
        return (
            1 in self.done
            and not self.in_flight
            and self.total_pages is not None
            and self.cursor > self.total_pages
        )


def same_query(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    """Whether staged pages fetched with query *a* may serve query *b*."""
    # A resumed fetch may have dropped orderby for a collection that refused it.
    loose = {"orderby", "order"}
    return {k: v for k, v in a.items() if k not in loose} == {
        k: v for k, v in b.items() if k not in loose
    }


def fetch_page(client: Client, api: Api, state: State, job: Job, page: int) -> Page:
    """
    Fetch page *page* of *job*'s collection, and stage it in *state*'s folder.

    A page past the end (WordPress's ``*_invalid_page_number``) brings
    nothing; a collection that refuses ``orderby=id`` on its first page is
    asked again in its own order, and the :class:`Page` says so.  Any other
    refusal raises :class:`MirrorError`.
    """
    url, base = api.route(job.target.route)
    query = job.query
    while True:
        reply = client.get(url, {**base, **query, "page": str(page)})
        if reply.status == 200:  # noqa: PLR2004
            break
        error = reply.wordpress_error()
        code = error[0] if error else ""
        if reply.status == 400 and code.endswith("_invalid_page_number"):  # noqa: PLR2004
            return Page(count=0, past_end=True)
        if (
            reply.status == 400  # noqa: PLR2004
            and code == "rest_invalid_param"
            and page == 1
            and "orderby" in query
            and b"orderby" in reply.body
        ):
            # A collection that cannot be ordered by id: take its own order.
            query = {k: v for k, v in query.items() if k not in {"orderby", "order"}}
            continue
        raise refusal(reply, f"the {job.target.name} ({job.target.route})")
    value = _json_list(reply, job.target)
    if value:
        stage = state.pages(job.target.name)
        stage.mkdir(parents=True, exist_ok=True)
        write_atomic(stage / f"{page:06d}.part", reply.body)
    return Page(
        count=len(value),
        total_pages=_header_int(reply, "x-wp-totalpages"),
        total=_header_int(reply, "x-wp-total"),
        query=query if query is not job.query else None,
    )


def _header_int(reply: Reply, name: str) -> int | None:
    value = reply.headers.get(name, "").strip()
    return (
        int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None  # noqa: PLR2004
    )


def _json_list(reply: Reply, target: Target) -> list[Any]:
    what = f"the {target.name} ({target.route})"
    try:
        value = reply.json()
    except ValueError:
        raise refusal(reply, what) from None
    if isinstance(value, list):
        return value
    error = reply.wordpress_error()
    if error is not None:
        msg = f"{what}: WordPress error {error[0]!r}: {error[1]}"
        raise MirrorError(
            msg, url=shown_url(reply.url), status=reply.status, code=error[0]
        )
    msg = f"{what} is not a list of objects"
    raise MirrorError(msg, url=shown_url(reply.url), status=reply.status)
