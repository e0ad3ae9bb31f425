"""
From any address of a site to its REST API root, as WordPress advertises it.

In order: an address that already is the API (``.../wp-json/...`` or
``?rest_route=``); the ``Link: <...>; rel="https://api.w.org/"`` header of the
page; the ``<link rel="https://api.w.org/" href="...">`` in its HTML; then
``/wp-json/`` and ``/?rest_route=/`` under the address's folder and at the
site's root.  A root counts when its index is a JSON object whose
``namespaces`` list ``wp/v2``.  When none does, the error says what the site
answered (a refusal, a web page, nothing).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import attrs

from wpparse._fetch.client import Client, Reply, shown_url
from wpparse._fetch.errors import MirrorError

__all__ = ["Api", "discover", "refusal"]

API_REL = "https://api.w.org/"
_LINK = re.compile(r"<([^>]*)>([^,<]*)")
_REL = re.compile(r"""rel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;,]+))""", re.IGNORECASE)
_HTML_LIMIT = 1 << 20  # the <link> is in the <head>: the first megabyte is plenty


@attrs.frozen(kw_only=True)
class Api:
    """A site's REST API root and its index."""

    root: str
    """``https://example.org/wp-json/`` or ``https://example.org/?rest_route=/``."""
    index: dict[str, Any] = attrs.field(eq=False, repr=False)
    date: str | None = attrs.field(default=None, eq=False)
    """The server's ``Date`` header when the index was read."""

    def route(self, route: str) -> tuple[str, dict[str, str]]:
        """The URL and query parameters that reach *route* (``wp/v2/posts``)."""
        parts = urlsplit(self.root)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        if "rest_route" in query:
            query["rest_route"] = "/" + route.lstrip("/")
            return urlunsplit(parts._replace(query="")), query
        return self.root + route.lstrip("/"), {}


def refusal(reply: Reply, what: str) -> MirrorError:
    """The error for an answer that is not what was asked: refused, missing, a page."""
    code_message = reply.wordpress_error()
    code = code_message[0] if code_message else None
    said = f" ({code}: {code_message[1]})" if code_message else ""
    url = shown_url(reply.url)
    if reply.status in {401, 403} or (code or "").startswith("rest_forbidden"):
        msg = f"the site refused access to {what} (HTTP {reply.status}){said}"
    elif reply.status == 404:  # noqa: PLR2004
        msg = f"{what} was not found (HTTP 404){said}"
    elif reply.status >= 400:  # noqa: PLR2004
        msg = f"{what} failed (HTTP {reply.status}){said}"
    elif reply.looks_like_html():
        msg = (
            f"the site answered a web page (HTML) where {what} should be JSON: "
            "its REST API may be disabled or blocked (a security plugin, a "
            "maintenance or login page)"
        )
    else:
        msg = f"{what} is not valid JSON"
    return MirrorError(msg, url=url, status=reply.status, code=code)


class _HeadLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link" or self.found is not None:
            return
        values = dict(attrs)
        rels = (values.get("rel") or "").split()
        if API_REL in rels and values.get("href"):
            self.found = values["href"]


def link_header_api(value: str | None) -> str | None:
    """The API root a ``Link`` header names with ``rel="https://api.w.org/"``."""
    for target, params in _LINK.findall(value or ""):
        for rel in _REL.finditer(params):
            tokens: str = next(group for group in rel.groups() if group is not None)
            if API_REL in tokens.split():
                return str(target).strip()
    return None


def html_api(body: bytes) -> str | None:
    """The API root a page's ``<link rel="https://api.w.org/">`` names."""
    parser = _HeadLinks()
    parser.feed(body[:_HTML_LIMIT].decode("utf-8", errors="replace"))
    return parser.found


def _as_root(url: str) -> str:
    """Trim an API address to the API root."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if "rest_route" in query:
        return urlunsplit(parts._replace(query="rest_route=/", fragment=""))
    at = parts.path.find("/wp-json")
    path = parts.path[: at + len("/wp-json")] + "/" if at >= 0 else parts.path
    if not path.endswith("/"):
        path += "/"
    return urlunsplit(parts._replace(path=path, query="", fragment=""))


def _fallbacks(url: str) -> list[str]:
    parts = urlsplit(url)
    origin = urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
    folder = (
        parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    )
    here = urlunsplit((parts.scheme, parts.netloc, folder, "", ""))
    roots = [
        here + "wp-json/",
        origin + "wp-json/",
        here + "?rest_route=/",
        origin + "?rest_route=/",
    ]
    return list(dict.fromkeys(roots))


def normalise(url: str) -> str:
    """
    An absolute http(s) address: ``example.org`` becomes ``https://example.org/``.

    A :class:`MirrorError` when it is none, or when it holds credentials.

    >>> normalise("example.org")
    'https://example.org/'
    """
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port that is not a number raises here, not in httpx
    except ValueError as exc:
        msg = f"not a web address: {shown_url(url)!r} ({exc})"
        raise MirrorError(msg) from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        msg = f"not a web address: {shown_url(url)!r}"
        raise MirrorError(msg)
    if parts.username is not None or parts.password is not None:
        # httpx would send them, over plain http too, and the address is
        # kept in the folder's state and in MirrorResult.api.
        msg = (
            "the address holds a user name or password; pass "
            "auth=(user, application password) instead (--user on the command line)"
        )
        raise MirrorError(msg, url=shown_url(url))
    return urlunsplit(parts._replace(path=parts.path or "/", fragment=""))


def _index(client: Client, root: str) -> tuple[Api | None, Reply]:
    api = Api(root=root, index={})
    url, params = api.route("")
    reply = client.get(url, params)
    if reply.status != 200:  # noqa: PLR2004
        return None, reply
    try:
        index = reply.json()
    except ValueError:
        return None, reply
    namespaces = index.get("namespaces") if isinstance(index, dict) else None
    if not isinstance(namespaces, list) or "wp/v2" not in namespaces:
        return None, reply
    return Api(root=root, index=index, date=reply.headers.get("date")), reply


def discover(client: Client, url: str) -> Api:
    """Find the REST API of the site at *url* (any page of it)."""
    url = normalise(url)
    parts = urlsplit(url)
    candidates: list[str] = []
    if "/wp-json" in parts.path or "rest_route=" in parts.query:
        candidates.append(_as_root(url))
    else:
        page = client.get(url)
        advertised = link_header_api(page.headers.get("link"))
        if advertised is None and page.looks_like_html():
            advertised = html_api(page.body)
        if advertised is not None:
            candidates.append(_as_root(urljoin(page.url, advertised)))
    candidates.extend(_fallbacks(url))
    first_failure: Reply | None = None
    for root in dict.fromkeys(candidates):
        api, reply = _index(client, root)
        if api is not None:
            return api
        # A refusal says most; a web page or a 404 next.
        if first_failure is None or (
            reply.status in {401, 403} and first_failure.status not in {401, 403}
        ):
            first_failure = reply
    assert first_failure is not None  # noqa: S101 - there is always a fallback
    if first_failure.status == 200 and not first_failure.looks_like_html():  # noqa: PLR2004
        msg = "no WordPress REST API (wp/v2) found at this site"
        raise MirrorError(msg, url=shown_url(url), status=200)
    raise refusal(first_failure, "the REST API index")
