"""
``wpparse.mirror()``: a site's address, a folder and the options in, a :class:`MirrorResult` out.

The public entry of the mirror: it checks the arguments (before anything
touches the network or the folder), makes the client and the progress
display, takes the folder's lock, clears what a killed run left half
written, and hands the work to a :class:`~wpparse._fetch.runner.Runner`,
closing the client and the display however the run ends.  Ctrl-C while
pages are under way stops the requests and leaves the folder resumable.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from wpparse._fetch.auth import check_secure
from wpparse._fetch.client import Cancelled, Client
from wpparse._fetch.discover import normalise
from wpparse._fetch.errors import MirrorError
from wpparse._fetch.files import remove_temporaries
from wpparse._fetch.progress import Progress
from wpparse._fetch.result import MirrorResult
from wpparse._fetch.runner import Runner
from wpparse._fetch.since import since_text
from wpparse._fetch.state import locked

__all__ = ["mirror"]

SLEEP: Callable[[float], object] | None = None
"""How to wait between tries; ``None``: on the run's stop event (tests make it instant)."""


def mirror(
    url: str,
    folder: str | os.PathLike[str],
    *,
    types: Iterable[str] | None = None,
    since: datetime | date | str | None = None,
    auth: tuple[str, str] | None = None,
    concurrency: int = 2,
    retries: int = 5,
    timeout: float = 30.0,
    progress: bool | TextIO = False,
) -> MirrorResult:
    """
    Copy a WordPress site's REST API objects into *folder*, resumably.

    From any address of the site, finds its REST API (the ``Link`` header or
    ``<link rel="https://api.w.org/">`` of the page, else ``/wp-json/`` or
    ``/?rest_route=/``), lists its post types and taxonomies, and fetches every
    object of the asked types, 100 a page, into one JSON Lines file per type
    that :func:`read_objects` and :func:`read_posts` read as they are.  Run it
    again with the same folder and it fetches only what is missing: pages that
    arrived before an interruption (Ctrl-C, a dead network, a killed process)
    are not fetched again, and types already finished are skipped.  Every
    file is written atomically.  See :doc:`/mirror` for the folder's layout.

    Args:
        url: Any address of the site (``example.org`` means
            ``https://example.org/``), or its API root.
        folder: Where the mirror lives; created if needed.  One site per folder.
        types: The collections to fetch, by REST name (``posts``, ``books``,
            ``genres``) or WordPress name (``post``, ``post_tag``); ``"all"``
            adds comments to the default: every post type and taxonomy the site
            lists (not WordPress's internal ones such as ``wp_template``), and
            users.  A default type the site refuses (users, often) is skipped
            and reported in :attr:`MirrorResult.refused`; a type asked by name
            that the site refuses raises :class:`MirrorError`.
        since: Fetch only the posts, pages, media and custom posts modified
            after this time (WordPress's ``modified_after``, 5.7 and later), and
            merge them into the folder, replacing older copies.  Taxonomies,
            users and comments have no modification time: they are fetched
            whole again.  A time without offset, or a date, is the site's clock.
            ``"last"``: for each type, since its last fetch into this folder
            began (on the site's clock); a type never fetched comes whole.
        auth: ``(user, application password)``: fetch with ``context=edit``
            (raw content, drafts, private and scheduled posts, held comments).
            Sent only over https (or to loopback), never printed or stored.
        concurrency: Requests at a time.
        retries: Tries after the first for a timeout, a dropped connection,
            429 or 5xx; the wait honours ``Retry-After``, else doubles from 1 s.
        timeout: Seconds to wait for a response.
        progress: Show progress on stderr (``True``) or on a given stream: a
            live line on a terminal, a line per finished type elsewhere.

    Returns:
        A :class:`MirrorResult`: objects by type, pages, requests, time.

    Raises:
        MirrorError: The site refused (401/403), has no REST API, answered a
            web page instead of JSON, or kept failing, or the folder cannot
            be written; what was saved stays.
        ModuleNotFoundError: httpx is not installed
            (``pip install 'wpparse[fetch]'``).

    >>> import wpparse
    >>> result = wpparse.mirror("https://example.org", "example-mirror")  # doctest: +SKIP
    >>> posts = list(wpparse.read_posts("example-mirror/posts.jsonl"))  # doctest: +SKIP

    .. versionadded:: 0.1.0
    """
    if concurrency < 1 or retries < 0 or timeout <= 0:
        msg = "concurrency must be at least 1, retries at least 0, timeout positive"
        raise ValueError(msg)
    modified_after = since_text(since)
    address = normalise(url)  # a bad address fails before the folder is made
    wanted = [types] if isinstance(types, str) else types
    root = Path(folder)
    if "wp-json" in root.resolve().parts:
        msg = (
            f"{root} is inside a folder named wp-json, whose every file the "
            "readers take for a record (the mirror's bookkeeping too); use another folder"
        )
        raise MirrorError(msg)
    stream: TextIO | None
    if progress is True:
        stream = sys.stderr
    elif progress is False:
        stream = None
    else:
        stream = progress
    shown = Progress(stream)
    if auth is not None:
        user, password = auth
        if not user or not password:
            msg = "auth: give (user, application password), both non-empty"
            raise ValueError(msg)
        check_secure(address)
    client = Client(
        auth=auth,
        timeout=timeout,
        retries=retries,
        concurrency=concurrency,
        sleep=SLEEP,
    )
    try:
        root.mkdir(parents=True, exist_ok=True)
        with locked(root):
            remove_temporaries(root)
            run = Runner(
                url,
                root,
                types=wanted,
                since=modified_after,
                auth=auth,
                concurrency=concurrency,
                client=client,
                progress=shown,
            )
            try:
                jobs = run.plan()
                run.fetch(jobs)
            except Cancelled:
                raise KeyboardInterrupt from None
            return run.result()
    except MirrorError:
        raise
    except OSError as exc:  # the folder: not writable, full, gone
        msg = f"cannot write the mirror in {root}: {exc.strerror or exc}"
        raise MirrorError(msg) from exc
    finally:
        shown.close()
        client.close()
