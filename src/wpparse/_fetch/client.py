"""
One polite HTTP client for a mirror: retries, backoff, ``Retry-After``, clear failures.

httpx is an optional dependency (``pip install wpparse[fetch]``): it is
imported here only, when a mirror starts, so ``import wpparse`` never needs it.
Every request names wpparse and its version in ``User-Agent``.  Timeouts,
dropped connections, 429 and 5xx answers are retried up to *retries* times,
waiting as ``Retry-After`` says or, without it, exponentially longer with
jitter; any other answer goes back to the caller as a :class:`Reply`.
"""

from __future__ import annotations

import email.utils
import importlib.metadata
import json
import random
import re
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import attrs

from wpparse._fetch.errors import MirrorError

if TYPE_CHECKING:
    import httpx

__all__ = [
    "INSTALL_HINT",
    "Cancelled",
    "Client",
    "Reply",
    "require_httpx",
    "retry_after",
    "shown_url",
    "user_agent",
]

INSTALL_HINT = "pip install 'wpparse[fetch]'"
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_WAIT = 600.0
"""The longest ``Retry-After`` honoured; a site asking for more fails the run."""
_USERINFO = re.compile(r"//[^/?#]*@")
MAX_BODY = 256 << 20
"""The largest response read, in bytes: a page of 100 posts is a few megabytes."""


class Cancelled(Exception):  # noqa: N818 - a signal, not an error
    """The run was stopped (Ctrl-C) while this request waited."""


def require_httpx() -> Any:
    """Import httpx, or say how to install it."""
    try:
        import httpx  # noqa: PLC0415 - an optional dependency, imported on use
    except ModuleNotFoundError as exc:
        msg = f"wpparse.mirror needs httpx, an optional dependency: {INSTALL_HINT}"
        raise ModuleNotFoundError(msg, name="httpx") from exc
    return httpx


def user_agent() -> str:
    """``wpparse/<version> (+<home page>)``: who asks, and where to read about it."""
    # From the installed metadata: importing the package (for __version__)
    # from here would make an import circle of wpparse -> _fetch -> wpparse.
    try:
        version = importlib.metadata.version("wpparse")
    except (
        importlib.metadata.PackageNotFoundError
    ):  # pragma: no cover - a bare checkout
        version = "0+unknown"
    return f"wpparse/{version} (+https://github.com/wpparse/wpparse)"


def shown_url(url: str) -> str:
    """*url* without any user or password in it, for messages."""
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed [IPv6]: no netloc to take apart
        return _USERINFO.sub("//", url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """
    Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date).

    >>> retry_after("7"), retry_after(None), retry_after("soon")
    (7.0, None, None)
    """
    if value is None:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{1,10}(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@attrs.frozen(kw_only=True)
class Reply:
    """One response, read whole."""

    url: str
    status: int
    headers: Mapping[str, str]
    """Lower-case names; repeated headers joined with ``, ``."""
    body: bytes

    @property
    def content_type(self) -> str:
        """The media type, without parameters, in lower case."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def looks_like_html(self) -> bool:
        """Whether the body is a web page rather than JSON."""
        head = self.body[:512].lstrip(b" \t\r\n\xef\xbb\xbf").lower()
        return self.content_type in {"text/html", "application/xhtml+xml"} or (
            head.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<"))
        )

    def json(self) -> Any:
        """The body as JSON; raises :class:`ValueError` if it is not."""
        return json.loads(self.body.decode("utf-8-sig"))

    def wordpress_error(self) -> tuple[str, str] | None:
        """
        ``(code, message)`` if the body is a WordPress error object.

        A refusal hidden in a parameter error (``rest_invalid_param`` whose
        detail is ``rest_forbidden_status``: drafts asked by a user who may not
        see them) comes out as that refusal.
        """
        try:
            value = self.json()
        except ValueError:
            return None
        if not isinstance(value, dict) or not isinstance(value.get("code"), str):
            return None
        message = value.get("message")
        found = value["code"], message if isinstance(message, str) else ""
        data = value.get("data")
        details = data.get("details") if isinstance(data, dict) else None
        if found[0] == "rest_invalid_param" and isinstance(details, dict):
            for detail in details.values():
                code = detail.get("code") if isinstance(detail, dict) else None
                if isinstance(code, str) and code.startswith("rest_forbidden"):
                    said = detail.get("message")
                    return code, said if isinstance(said, str) else ""
        return found


class Client:
    """
    A thread-safe client for one mirror run: ``get`` with retries, counted.

    *sleep* waits between tries; by default it waits on the run's stop event,
    so that Ctrl-C does not wait out a long ``Retry-After``.
    """

    def __init__(
        self,
        *,
        auth: tuple[str, str] | None,
        timeout: float,
        retries: int,
        concurrency: int,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        module = require_httpx()
        self._httpx = module
        self.stop = threading.Event()
        self._sleep = sleep or self.stop.wait
        self._retries = retries
        self._lock = threading.Lock()
        self.requests = 0
        self.retried = 0
        self.waits: list[float] = []
        self._http: httpx.Client = module.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=10,
            headers={
                "User-Agent": user_agent(),
                "Accept": "application/json, */*;q=0.1",
            },
            auth=auth,
            limits=module.Limits(
                max_connections=concurrency, max_keepalive_connections=concurrency
            ),
        )

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def _count(self, *, retry: bool = False) -> None:
        with self._lock:
            self.requests += 1
            if retry:
                self.retried += 1

    def _wait(self, seconds: float) -> None:
        with self._lock:
            self.waits.append(seconds)
        self._sleep(seconds)
        if self.stop.is_set():
            raise Cancelled

    def get(self, url: str, params: Mapping[str, str] | None = None) -> Reply:
        """GET *url*; retry what may pass; return the final answer, whatever its status."""
        transport_error = self._httpx.TransportError
        attempt = 0
        while True:
            if self.stop.is_set():
                raise Cancelled
            self._count(retry=attempt > 0)
            try:
                reply = self._once(url, params)
            except transport_error as exc:
                if attempt >= self._retries:
                    what = type(exc).__name__
                    msg = f"no answer after {attempt + 1} tries ({what}: {exc or 'no detail'})"
                    raise MirrorError(msg, url=shown_url(url)) from exc
                self._wait(_backoff(attempt))
                attempt += 1
                continue
            if reply.status not in RETRY_STATUSES or attempt >= self._retries:
                return reply
            wait = retry_after(reply.headers.get("retry-after"))
            if wait is not None and wait > MAX_WAIT:
                msg = (
                    f"the site asks to wait {wait:.0f} s before the next request "
                    f"(HTTP {reply.status}); try again later"
                )
                raise MirrorError(msg, url=shown_url(reply.url), status=reply.status)
            self._wait(_backoff(attempt) if wait is None else wait)
            attempt += 1

    def _once(self, url: str, params: Mapping[str, str] | None) -> Reply:
        with self._http.stream("GET", url, params=params) as response:
            chunks = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BODY:
                    msg = f"the answer is larger than {MAX_BODY >> 20} MiB"
                    raise MirrorError(msg, url=shown_url(str(response.url)))
                chunks.append(chunk)
            headers = {
                name: ", ".join(response.headers.get_list(name))
                for name in {key.lower() for key in response.headers}
            }
            return Reply(
                url=str(response.url),
                status=response.status_code,
                headers=headers,
                body=b"".join(chunks),
            )


def _backoff(attempt: int) -> float:
    """1, 2, 4 ... 60 seconds, each between half and all of it (jitter)."""
    ceiling = min(60.0, 2.0**attempt)
    return ceiling * (0.5 + random.random() / 2)  # noqa: S311 - jitter, not secrets


def now_utc() -> datetime:
    """The time now (kept in one place for the run's clock)."""
    return datetime.fromtimestamp(time.time(), UTC)
