"""
URLs as a browser compares them, and the id forms WordPress answers.

A URL becomes a *key*: the host (lower case, IDNA, without ``www.`` and
without a default port), the path (percent-encoding made canonical, no
trailing slash, no ``/index.php``) and the query (sorted, tracking
parameters dropped), joined in one string.  The scheme and the fragment
are not part of it: ``http://www.example.org/a/#x`` and
``https://example.org/a`` give the same key.  A relative URL (a mirror that
kept root-relative links) has an empty host.

:func:`id_form` reads the queries WordPress answers with one object whatever
the path: ``?p=``, ``?page_id=`` and ``?attachment_id=`` (any post type:
``redirect_canonical()`` sends each to the post with that id), ``?cat=``,
``?tag_id=`` and ``?author=``.
"""

from __future__ import annotations

import contextlib
import re
from typing import NamedTuple
from urllib.parse import parse_qsl, quote, unquote_to_bytes, urlencode, urlsplit

__all__ = ["Address", "IdForm", "address", "file_variants", "id_form"]

# Query parameters that say where a click came from, not what it asks for.
_TRACKING = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "wbraid",
        "gbraid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "share",
    }
)
# Beside an id, these do not change which object WordPress shows.
_ID_COMPANIONS = frozenset(
    {"post_type", "preview", "preview_id", "preview_nonce", "lang", "page", "paged"}
)
_ID_PARAMS = (
    ("p", "post"),
    ("page_id", "post"),
    ("attachment_id", "post"),
    ("cat", "category"),
    ("tag_id", "post_tag"),
    ("author", "user"),
)
_ID_NAMES = frozenset(name for name, _ in _ID_PARAMS)
# RFC 3986 unreserved characters, sub-delims, ':' and '@' stay as they are in a
# path; everything else is percent-encoded with upper-case hex digits.
_PATH_SAFE = "/!$&'()*+,;=:@-._~"
_QUERY_SAFE = "!$'()*+,;:@-._~/?"
# A URL as most are written: http(s) or scheme-relative with a plain ASCII host
# and port, or root-relative.  Anything else takes urlsplit's way.
_PLAIN = re.compile(
    r"(?:(?:[Hh][Tt][Tt][Pp][Ss]?:)?//([A-Za-z0-9.-]+)(?::([0-9]{1,5}))?)?"
    r"([^?#]*)(?:\?([^#]*))?(?:#.*)?",
    re.DOTALL,
)
_PATH_PLAIN = re.compile(r"[A-Za-z0-9/!$&'()*+,;=:@._~-]*")
_MAX_PORT = 65_535
_MAX_ID_DIGITS = 19
_SIZED = re.compile(r"-(?:\d{1,5}x\d{1,5}|scaled)(\.[A-Za-z0-9]{1,5})$")
_PHOTON = re.compile(r"i[0-3]\.wp\.com")


class Address(NamedTuple):
    """A URL reduced to what a browser compares."""

    host: str
    """Lower case, IDNA, without ``www.`` and without a default port; ``""`` for a relative URL."""
    path: str
    """Canonical percent-encoding, no trailing slash (``""`` for the root)."""
    query: str
    """The query without tracking parameters, sorted; ``""`` for none."""
    pairs: tuple[tuple[str, str], ...]
    """The query's parameters, decoded, tracking parameters left out."""

    @property
    def page(self) -> str:
        """The key of the page: host, path and query in one string."""
        return (
            f"{self.host}{self.path}?{self.query}"
            if self.query
            else self.host + self.path
        )

    @property
    def file(self) -> str:
        """The key of a file: host and path (a file does not vary with its query)."""
        return self.host + self.path


class IdForm(NamedTuple):
    """An id form: which kind of object (``post``, ``category``, ``post_tag``, ``user``) and its id."""

    kind: str
    id: int


def _host(netloc_host: str | None, port: int | None) -> str:
    host = (netloc_host or "").rstrip(".")
    if not host.isascii():
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    host = host.removeprefix("www.")
    if port is not None and port not in {80, 443}:
        host = f"{host}:{port}"
    return host


def _path(path: str) -> str:
    if "%" in path or not path.isascii() or not path.isprintable():
        path = quote(unquote_to_bytes(path), safe=_PATH_SAFE)
    elif not _PATH_PLAIN.fullmatch(path):
        path = quote(path, safe=_PATH_SAFE)
    if "/." in path:
        path = _remove_dots(path)
    return path.removesuffix("/index.php").rstrip("/")


def _remove_dots(path: str) -> str:
    out: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(out) > 1:
                out.pop()
        elif segment != ".":
            out.append(segment)
    if path.endswith(("/.", "/..")):
        out.append("")
    return "/".join(out)


def address(url: str) -> Address | None:
    """
    The :class:`Address` of *url*, or ``None`` for a URL that names no page of
    a web site: another scheme (``mailto:``), a path relative to the current
    page (``../a``), or a URL too malformed to split.

    >>> address("HTTP://www.Example.org/a%c3%a9/?utm_source=x#top").page
    'example.org/a%C3%A9'
    """
    url = url.strip()
    if url.isascii() and url.isprintable():
        plain = _PLAIN.fullmatch(url)
        if plain is not None:
            host, port, path, query = plain.groups()
            if not path or (path[0] == "/" and (host or path[:2] != "//")):
                return _address(host or "", port, path or "", query or "")
    return _address_of_any(url)


def _address(host: str, port: str | None, path: str, query: str) -> Address | None:
    """The Address of a URL split by :data:`_PLAIN`: plain ASCII host and port."""
    number = int(port) if port else None
    if number is not None and number > _MAX_PORT:
        return None
    host = host.lower().rstrip(".").removeprefix("www.")
    if number is not None and number not in {80, 443}:
        host = f"{host}:{number}"
    pairs, canonical = _query(query) if query else ((), "")
    return Address(host, _path(path), canonical, pairs)


def _query(query: str) -> tuple[tuple[tuple[str, str], ...], str]:
    pairs = tuple(
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if key not in _TRACKING and not key.startswith("utm_")
    )
    canonical = (
        urlencode(sorted(pairs), quote_via=quote, safe=_QUERY_SAFE) if pairs else ""
    )
    return pairs, canonical


def _address_of_any(url: str) -> Address | None:
    """:func:`address` the general way, through :func:`urllib.parse.urlsplit`."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in {"http", "https", ""}:
        return None
    if parts.netloc:
        host = _host(parts.hostname, port)
    elif parts.scheme:
        return None
    else:
        host = ""
    if not host and parts.path and not parts.path.startswith("/"):
        return None  # relative to a page we do not know
    pairs, query = _query(parts.query)
    return Address(host, _path(parts.path), query, pairs)


def id_form(where: Address) -> IdForm | None:
    """
    The object an id query names, whatever the path, or ``None``.

    >>> id_form(address("https://example.org/?page_id=7&lang=fr"))
    IdForm(kind='post', id=7)
    >>> id_form(address("https://example.org/?s=x&cat=3")) is None
    True
    """
    if not where.pairs:
        return None
    names = {key for key, _ in where.pairs}
    if not names & _ID_NAMES or not names <= _ID_NAMES | _ID_COMPANIONS:
        return None
    values = dict(where.pairs)
    for name, kind in _ID_PARAMS:
        value = values.get(name)
        # No id has more than 19 digits (a 64-bit number); int() of a
        # hostile 5,000-digit value would raise.
        if (
            value is not None
            and len(value) <= _MAX_ID_DIGITS
            and value.isascii()
            and value.isdigit()
            and int(value)
        ):
            return IdForm(kind, int(value))
    return None


def file_variants(where: Address) -> list[str]:
    """
    The file keys a file URL may be known by, most exact first.

    Jetpack's image CDN (``i0.wp.com/example.org/...``) serves the site's own
    files; a size WordPress made (``photo-300x200.jpg``, ``photo-scaled.jpg``)
    that a media record does not list is a copy of the original it names.

    >>> file_variants(address("https://i1.wp.com/www.example.org/up/a-300x200.jpg?resize=1"))
    ['example.org/up/a-300x200.jpg', 'example.org/up/a.jpg']
    """
    host, path = where.host, where.path
    if _PHOTON.fullmatch(host) and path.find("/", 1) > 0:
        inner = address("https:/" + path)
        if inner is not None and inner.host:
            host, path = inner.host, inner.path
    keys = [host + path]
    unsized = _SIZED.sub(r"\1", path)
    if unsized != path:
        keys.append(host + unsized)
    return keys
