"""
Links of post content: ``href`` values resolved and classified.

A :class:`LinkResolver` is made once per post (it knows the post's URL, the
``<base>`` and the anchors of the content's headings) and turns each ``<a
href>`` into a :class:`~wpparse.Link`.  Everything here works on strings, so
the classification rules are easy to test on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

from wpparse._model.build import builder
from wpparse._model.content import Link, LinkKind
from wpparse._urls import clean as clean_href
from wpparse._urls import safe_url

__all__ = ["LinkResolver", "clean_href", "site_host"]

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_WEB_SCHEMES = frozenset({"http", "https"})
_WEB_PREFIXES = ("https://", "http://")
# Link(...), built by slot stores (see wpparse._model.build): a link per <a>.
_new_link: Final = builder(Link)
# The kinds, read off LinkKind once: on Python 3.11 reading a member off its
# class is a call (EnumType has a __getattr__), a global a dict lookup.
_UNSAFE, _MAILTO, _TEL, _OTHER = (
    LinkKind.UNSAFE,
    LinkKind.MAILTO,
    LinkKind.TEL,
    LinkKind.OTHER,
)
_FRAGMENT, _INTERNAL, _EXTERNAL = (
    LinkKind.FRAGMENT,
    LinkKind.INTERNAL,
    LinkKind.EXTERNAL,
)


def site_host(url: str | None) -> str | None:
    """The host of *url*, lower-cased and without a leading ``www.``; ``None`` if it has none."""
    return _host_of(_split(url))


def _host_of(parts: SplitResult | None) -> str | None:
    """:func:`site_host` of a split URL."""
    if parts is None:
        return None
    try:
        host = parts.hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


# URLs urljoin leaves exactly as they are (an absolute http(s) URL with a
# plain host, non-empty query and fragment, no ;params), and root-relative
# paths it appends to the base's origin (without dot segments, checked apart).
_PLAIN_ABSOLUTE = re.compile(
    r"https?://([A-Za-z0-9.-]+)(?::[0-9]+)?(?:/[^?#;\s]*)?(?:\?[^#\s]+)?(?:#\S+)?"
)
_PLAIN_NETWORK_PATH = re.compile(
    r"//([A-Za-z0-9.-]+)(?::[0-9]+)?(?:/[^?#;\s]*)?(?:\?[^#\s]+)?(?:#\S+)?"
)
_PLAIN_ROOT_PATH = re.compile(r"/(?!/)[^?#;\s]*(?:\?[^#\s]+)?(?:#\S+)?")
_PORT = re.compile(r":[0-9]+")


def _split(url: str | None) -> SplitResult | None:
    """``urlsplit(url)``; ``None`` for no URL or one it cannot read."""
    if not url:
        return None
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _usable_base(url: str) -> bool:
    """Whether *url* can be a base: it parses, with no scheme or a web one."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return False
    return scheme in {"", *_WEB_SCHEMES}


def _without_fragment(url: str) -> str:
    return url.partition("#")[0]


class LinkResolver:
    """
    Resolve and classify the links of one post.

    *page* is the post's ``link`` (``None`` when unknown); *base* the ``href``
    of a ``<base>`` element of the content, if any, itself resolved against
    *page*.  *anchors* are the ids that sections carry: a fragment link to one
    of them records it as :attr:`~wpparse.Link.target_anchor`.  It may be a
    function giving them, called on the first fragment link only (most posts
    have none).  The URLs are read on the first link too.

    >>> LinkResolver("https://example.com/post/").resolve("../about/")
    'https://example.com/about/'
    """

    __slots__ = (
        "_anchors",
        "_base",
        "_base_host",
        "_base_is_path",
        "_given",
        "_host",
        "_origin",
        "_page",
        "_plain_base",
        "_scheme",
    )

    def __init__(
        self,
        page: str | None,
        base: str | None = None,
        anchors: frozenset[str] | Callable[[], frozenset[str]] = frozenset(),
    ) -> None:
        self._given: tuple[str | None, str | None] | None = (page, base)
        self._anchors = anchors

    def _setup(self, page: str | None, base: str | None) -> None:
        """Read the page and base URLs (once, on the first link)."""
        self._given = None
        page = clean_href(page) if page else None
        self._page = _without_fragment(page) if page else None
        if base is None and page and self._plain_page(page):
            return
        if base is not None:
            base = clean_href(base)
            base = self._join(self._page, base) if self._page else base
            if not _usable_base(base):
                base = None  # a javascript:, data: or broken <base> is ignored
        self._base = base or self._page
        page_parts = _split(self._page)
        self._host = _host_of(page_parts)
        parts = page_parts if self._base == self._page else _split(self._base)
        scheme = parts.scheme if parts else ""
        netloc = parts.netloc if parts else ""
        self._scheme = scheme.lower()
        # An http(s) base with a host: the fast joins use its origin.
        web = scheme in _WEB_SCHEMES and bool(netloc)
        self._origin = f"{scheme}://{netloc}" if web else None
        self._base_host = parts.hostname if web and parts else None
        # A plain absolute base (as _PLAIN_ABSOLUTE reads it): urljoin gives
        # it back as it is, its fragment aside, before a fragment-only href.
        base_url = self._base
        self._plain_base = (
            _without_fragment(base_url)
            if web and base_url and _PLAIN_ABSOLUTE.fullmatch(base_url)
            else None
        )
        # A base with neither scheme nor host (a page known by its path only,
        # as some exports give it): a root-relative href replaces its path.
        self._base_is_path = self._base is None or (not self._scheme and not netloc)

    def _plain_page(self, page: str) -> bool:
        """
        :meth:`_setup` without a ``<base>``, for a page URL of the plain shape
        most have (``https://host/path``, as ``_PLAIN_ABSOLUTE`` reads it): its
        parts read off the match as ``urlsplit`` would split them.  ``False``
        for another shape, which the general path reads.
        """
        match = _PLAIN_ABSOLUTE.fullmatch(page)
        if match is None:
            return False
        scheme = page[: match.start(1) - 3]  # "http" or "https", before "://"
        port = _PORT.match(page, match.end(1))
        netloc = page[match.start(1) : port.end() if port else match.end(1)]
        hostname = match.group(1).lower()
        self._base = self._page
        self._host = hostname.removeprefix("www.")
        self._scheme = scheme
        self._origin = f"{scheme}://{netloc}"
        self._base_host = hostname
        self._plain_base = self._page
        self._base_is_path = False
        return True

    def _fast(self, href: str) -> tuple[str, str | None] | None:
        """
        ``(url, host)`` for the shapes most links have, joined as urljoin
        would and split as urlsplit would (the pure Python urljoin and
        urlsplit are the biggest cost of a link); ``None`` for the others.
        *href* is already cleaned.
        """
        if href[:2] == "//":
            # Scheme-relative: the base's scheme before it, as urljoin does.
            if self._scheme in _WEB_SCHEMES and "/." not in href:
                match = _PLAIN_NETWORK_PATH.fullmatch(href)
                if match is not None:
                    return f"{self._scheme}:{href}", match.group(1).lower()
            return None
        if href[:1] == "#":  # the base's own URL, with this fragment
            if self._plain_base is None:
                return None
            url = self._plain_base + href if len(href) > 1 else self._plain_base
            return url, self._base_host
        if href[:1] == "/":
            if _PLAIN_ROOT_PATH.fullmatch(href) and "/." not in href:
                if self._origin is not None:
                    return self._origin + href, self._base_host
                if self._base_is_path:
                    return href, None
            return None
        match = _PLAIN_ABSOLUTE.fullmatch(href)
        if match is None:
            return None
        return href, match.group(1).lower()

    @staticmethod
    def _join(base: str | None, href: str) -> str:
        if not base:
            return href
        try:
            return urljoin(base, href)
        except ValueError:
            return href

    def resolve(self, href: str) -> str:
        """Return *href* made absolute against the base (or as it is, if it cannot be)."""
        if self._given is not None:
            self._setup(*self._given)
        return self._resolve(clean_href(href))

    def _resolve(self, href: str) -> str:
        """:meth:`resolve` for an already cleaned *href*."""
        if href.startswith("//") and not self._scheme:  # no scheme to take
            return f"https:{href}"
        fast = self._fast(href)
        if fast is not None:
            return fast[0]
        return self._join(self._base, href)

    def link(
        self,
        href: str,
        *,
        text: str = "",
        title: str | None = None,
        rel: str | None = None,
    ) -> Link:
        """Return the :class:`~wpparse.Link` for an ``<a>`` with these attributes."""
        kind, url, target = self.classify(href)
        return _new_link(
            url=url,
            href=href,
            text=text,
            title=title,
            rel=tuple(rel.lower().split()) if rel else (),
            kind=kind,
            target_anchor=target,
        )

    def classify(self, href: str) -> tuple[LinkKind, str, str | None]:
        """Return ``(kind, absolute url, target anchor)`` for *href*."""
        if self._given is not None:
            self._setup(*self._given)
        cleaned = clean_href(href)
        # A web URL (most links) is safe and of a web scheme: no scheme test.
        match = None if cleaned.startswith(_WEB_PREFIXES) else _SCHEME.match(cleaned)
        if match:
            # The one table (wpparse._urls): unsafe exactly when no renderer
            # would write a live link to it.
            if not safe_url(cleaned):
                return _UNSAFE, cleaned, None
            scheme = match.group(1).lower()
            if scheme == "mailto":
                return _MAILTO, cleaned, None
            if scheme in {"tel", "callto"}:
                return _TEL, cleaned, None
            if scheme not in _WEB_SCHEMES:
                return _OTHER, cleaned, None
        fast = self._fast(cleaned)
        if fast is not None:
            url, host = fast
        else:
            url = self._resolve(cleaned)
            try:
                parts = urlsplit(url)
                host = parts.hostname
            except ValueError:
                return _OTHER, url, None
            if parts.scheme and parts.scheme.lower() not in _WEB_SCHEMES:
                return _OTHER, url, None  # a <base> with an odd scheme
            if parts.scheme and not parts.netloc:
                # "https:/x" on a page of the other scheme: a web URL without
                # a host, which no browser can follow.
                return _OTHER, url, None
        if cleaned.startswith("#") or (
            "#" in url
            and self._page is not None
            and _without_fragment(url) == self._page
        ):
            fragment = url.partition("#")[2]
            return _FRAGMENT, url, self._target(fragment)
        if not host:
            # Relative, with no absolute base to resolve against: still this site.
            return _INTERNAL, url, None
        if self._host is not None and host.removeprefix("www.") == self._host:
            return _INTERNAL, url, None
        return _EXTERNAL, url, None

    def _target(self, fragment: str) -> str | None:
        if not fragment:
            return None
        anchors = self._anchors
        if not isinstance(anchors, frozenset):
            anchors = self._anchors = anchors()
        if not anchors:
            return None
        if fragment in anchors:
            return fragment
        decoded = unquote(fragment)
        return decoded if decoded in anchors else None
