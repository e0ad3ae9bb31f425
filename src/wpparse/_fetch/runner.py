"""
The mirror's work: a locked folder and a client in, one JSON Lines file per collection and the run's tallies out.

A run goes: take the folder's lock and read its state; find the API; list the
site's collections and pick the asked ones; for each, decide whether it is up
to date, resumes an interrupted fetch, or starts one; then fetch every missing
page with at most *concurrency* requests at a time, staging each page
atomically as it arrives; when a collection has all its pages, write its JSON
Lines file (replacing it, or merging into it for ``since=``) and record it as
done.  Pages are asked by ascending id, so that objects published during a
long run land on the last pages instead of shifting the ones already fetched.

:func:`wpparse.mirror` (:mod:`~wpparse._fetch.run`) takes the lock and makes
the :class:`Runner`; one page's fetch is :func:`~wpparse._fetch.pages.fetch_page`.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from wpparse._fetch.auth import check_login, check_target
from wpparse._fetch.client import Client
from wpparse._fetch.discover import Api, discover
from wpparse._fetch.errors import MirrorError
from wpparse._fetch.files import (
    count_lines,
    json_bytes,
    write_atomic,
    write_records,
)
from wpparse._fetch.pages import PER_PAGE, Job, Page, fetch_page, same_query
from wpparse._fetch.plan import Target, select, targets_from
from wpparse._fetch.progress import Progress
from wpparse._fetch.result import MirrorResult, plural_s
from wpparse._fetch.since import LAST, server_time, since_last
from wpparse._fetch.state import Pending, State
from wpparse.exceptions import WPParseWarning

__all__ = ["Runner"]


class Runner:
    """
    One run of the mirror over a locked folder: :meth:`plan`, then :meth:`fetch`, then :meth:`result`.

    It holds the run's bookkeeping: the folder's :class:`State`, the client,
    what was fetched, refused or up to date, in the order the site lists its
    collections.
    """

    def __init__(
        self,
        url: str,
        folder: Path,
        *,
        types: Iterable[str] | None,
        since: str | None,
        auth: tuple[str, str] | None,
        concurrency: int,
        client: Client,
        progress: Progress,
    ) -> None:
        self.url = url
        self.folder = folder
        self.types = None if types is None else list(types)
        self.since = since
        self.auth = auth
        self.concurrency = concurrency
        self.client = client
        self.progress = progress
        self.state = State.load(folder)
        self.api: Api | None = None
        self.refused: dict[str, str] = {}
        self.refusals: list[MirrorError] = []
        self.fetched: dict[str, int] = {}
        self.objects: dict[str, int] = {}
        self.up_to_date: list[str] = []
        self.order: list[str] = []
        self.started_at: str | None = None
        self.pages = 0
        self.reused = 0
        self.started = time.monotonic()

    # -- planning ------------------------------------------------------------

    def _listing(self, api: Api, route: str, file: str) -> Any:
        url, params = api.route(route)
        reply = self.client.get(url, params)
        try:
            value = reply.json() if reply.status == 200 else None  # noqa: PLR2004
        except ValueError:
            value = None
        if not isinstance(value, dict):
            self.warn(
                f"the site does not list its {route.rsplit('/', 1)[-1]} "
                f"(HTTP {reply.status}); mirroring WordPress's core ones"
            )
            return None
        descriptions = [entry for entry in value.values() if isinstance(entry, dict)]
        write_atomic(self.folder / "api" / file, json_bytes(descriptions, indent=1))
        return value

    def plan(self) -> list[Job]:
        api = self.api = discover(self.client, self.url)
        self.started_at = server_time(api.date)
        if self.state.api is not None and self.state.api != api.root:
            msg = (
                f"{self.folder} holds a mirror of {self.state.api}, not of {api.root}; "
                "use another folder"
            )
            raise MirrorError(msg)
        if self.auth is not None:
            check_target(api.root, self.url)
            check_login(self.client, api, self.auth[0])
        self.state.api = api.root
        (self.folder / "api").mkdir(exist_ok=True)
        write_atomic(
            self.folder / "api" / "index.json", json_bytes(api.index, indent=1)
        )
        types = self._listing(api, "wp/v2/types", "types.json")
        taxonomies = self._listing(api, "wp/v2/taxonomies", "taxonomies.json")
        chosen, named = select(targets_from(types, taxonomies), self.types)
        self.order = [target.name for target in chosen]
        jobs = []
        for target in chosen:
            job = self._job(target, named=target.name in named)
            if job is not None:
                jobs.append(job)
        self.state.save()
        return jobs

    def _job(self, target: Target, *, named: bool) -> Job | None:
        entry = self.state.entry(target.name)
        query = target.query(authenticated=self.auth is not None)
        since = self.since
        if since == LAST:
            since = since_last(entry.fetched_at) if entry.fetched_at else None
        update = since is not None and target.dated
        if update:
            assert since is not None  # noqa: S101 - for mypy
            query["modified_after"] = since
        file = self.folder / f"{target.name}.jsonl"
        pending = entry.pending
        if pending is not None and same_query(pending.query, query):
            staged = self.state.staged(target.name, check=True)
            job = Job(
                target,
                pending.query,
                pending.merge,
                named,
                set(staged),
                total_pages=pending.total_pages,
                open_ended=pending.open_ended,
                total=pending.total,
                reused=len(staged),
            )
            if job.total_pages is None and 1 in job.done:
                # Killed between page 1 and the state that counts its pages:
                # page 1 is asked again, for the count.
                job.done.discard(1)
                job.reused -= 1
            return job
        if self.since is None and entry.done == query and file.exists():
            self.up_to_date.append(target.name)
            return None
        self.state.drop_pages(target.name)
        entry.pending = Pending(query=query, merge=update, started=self.started_at)
        return Job(target, query, update, named, set())

    # -- fetching ------------------------------------------------------------

    def fetch_page(self, job: Job, page: int) -> Page:
        assert self.api is not None  # noqa: S101 - planned first
        return fetch_page(self.client, self.api, self.state, job, page)

    def record(self, job: Job, page: int, result: Page) -> None:
        job.in_flight.discard(page)
        if result.query is not None:
            job.query = result.query
            pending = self.state.entry(job.target.name).pending
            if pending is not None:
                pending.query = result.query
        before = job.total_pages
        if result.past_end or result.count == 0:
            job.total_pages = min(job.total_pages or 0, page - 1) if page > 1 else 0
            if page == 1:
                job.done.add(1)
        else:
            job.done.add(page)
            job.objects += result.count
            if page == 1:
                job.total = result.total
                if result.total_pages is None:
                    job.open_ended = True
                    job.total_pages = 1
                else:
                    job.total_pages = max(result.total_pages, 1)
                    self.progress.expect(job.total_pages - 1)
            if job.open_ended and page == job.total_pages and result.count >= PER_PAGE:
                job.total_pages += 1  # no count from the site: one page after the other
                self.progress.expect(1)
        self.pages += 1
        self.progress.page(job.target.name, result.count)
        if job.total_pages != before:
            pending = self.state.entry(job.target.name).pending
            if pending is not None:
                pending.total_pages = job.total_pages
                pending.open_ended = job.open_ended
                pending.total = job.total
                self.state.save()

    def finish(self, job: Job) -> None:
        name = job.target.name
        pages = [path for _, path in sorted(self.state.staged(name).items())]
        file = self.folder / f"{name}.jsonl"
        entry = self.state.entry(name)
        if job.merge and not file.exists():
            entry.done = None  # the changes alone are no full mirror of the type
        count = write_records(file, pages, merge=job.merge)
        if not job.merge:
            entry.done = dict(job.query)
        if entry.pending is not None:
            entry.fetched_at = entry.pending.started
        entry.pending = None
        self.state.save()
        self.state.drop_pages(name)
        self.objects[name] = count
        self.fetched[name] = job.objects
        self.progress.say(
            f"{name}: {count:,} object{plural_s(count)} ({job.objects:,} fetched)"
        )
        if not job.merge and job.total is not None and count < job.total:
            self.warn(
                f"{name}: the site counted {job.total:,}, the mirror has {count:,}: "
                "some were deleted during the run, or some pages repeated others "
                "(a cache that ignores ?page=?)"
            )

    def warn(self, text: str) -> None:
        """Say *text* on the progress stream, or as a warning without one."""
        if self.progress.shown:
            self.progress.say(f"warning: {text}")
        else:
            warnings.warn(text, WPParseWarning, stacklevel=2)

    def refuse(self, job: Job, error: MirrorError) -> None:
        self.refusals.append(error)
        self.refused[job.target.name] = error.reason
        self.warn(
            f"skipped {job.target.name}: {error.reason}"
            + ("" if self.auth else "; an application password (--user) may open it")
        )

    def fetch(self, jobs: list[Job]) -> None:
        for job in jobs:
            for _ in job.done:
                self.progress.page(job.target.name, 0, fetched=False)
            if job.total_pages is not None:
                self.progress.expect(job.total_pages)
            elif 1 not in job.done:
                self.progress.expect(1)
            self.reused += job.reused
        running: dict[Future[Page], tuple[Job, int]] = {}
        live = list(jobs)
        with ThreadPoolExecutor(
            self.concurrency, thread_name_prefix="wpparse-mirror"
        ) as pool:
            try:
                self._loop(pool, running, live)
            except BaseException:
                # Ctrl-C, a refusal, a dead network: stop asking, let the
                # requests under way land (their pages are kept), save.
                self.client.stop.set()
                for future in running:
                    future.cancel()
                pool.shutdown(wait=True, cancel_futures=True)
                for future, (job, page) in running.items():
                    if (
                        future.done()
                        and not future.cancelled()
                        and future.exception() is None
                    ):
                        self.record(job, page, future.result())
                self.state.save()
                raise
        if self.refusals and not self.objects and not self.up_to_date:
            # Nothing could be fetched: the site refuses the API as a whole.
            raise self.refusals[0]

    def _loop(
        self,
        pool: ThreadPoolExecutor,
        running: dict[Future[Page], tuple[Job, int]],
        live: list[Job],
    ) -> None:
        while True:
            for job in [j for j in live if j.complete()]:
                live.remove(job)
                self.finish(job)
            self._fill(pool, running, live)
            if not running:
                if live:  # every job waits on nothing: cannot happen, but never spin
                    msg = f"internal error: {', '.join(j.target.name for j in live)} stalled"
                    raise MirrorError(msg)
                return
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                job, page = running.pop(future)
                if future.cancelled() or job not in live:
                    continue  # a collection given up: what it still brings is dropped
                try:
                    result = future.result()
                except MirrorError as error:
                    if job.named or not error.refused:
                        raise
                    live.remove(job)
                    self._forget(running, job)
                    self.refuse(job, error)
                    continue
                self.record(job, page, result)

    def _fill(
        self,
        pool: ThreadPoolExecutor,
        running: dict[Future[Page], tuple[Job, int]],
        live: list[Job],
    ) -> None:
        # Work on the collections in order, a few pages ahead: memory and the
        # number of queued requests stay small however many pages a site claims.
        for job in live:
            while len(running) < self.concurrency:
                page = job.next_page()
                if page is None:
                    break
                job.in_flight.add(page)
                running[pool.submit(self.fetch_page, job, page)] = (job, page)
            if len(running) >= self.concurrency:
                return

    @staticmethod
    def _forget(running: dict[Future[Page], tuple[Job, int]], job: Job) -> None:
        for future, (other, _) in list(running.items()):
            if other is job:
                future.cancel()

    def result(self) -> MirrorResult:
        for name in self.up_to_date:
            self.objects[name] = count_lines(self.folder / f"{name}.jsonl")
            self.fetched[name] = 0
        return MirrorResult(
            folder=self.folder,
            api=self.api.root if self.api is not None else "",
            objects={
                name: self.objects[name] for name in self.order if name in self.objects
            },
            fetched={
                name: self.fetched[name] for name in self.order if name in self.fetched
            },
            up_to_date=tuple(self.up_to_date),
            refused=dict(self.refused),
            pages=self.pages,
            reused_pages=self.reused,
            requests=self.client.requests,
            retries=self.client.retried,
            seconds=time.monotonic() - self.started,
        )
