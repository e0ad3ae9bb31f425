"""
The one table of URL safety: how a browser reads a URL, and which ones are live.

The content stage classifies every ``<a href>`` with it (a link whose URL is
not safe is :attr:`~wpparse.LinkKind.UNSAFE`), and the renderers ask it about
the URLs they write that no link stands for (images, players, blocks built by
hand).  So "the parser calls it unsafe" and "no renderer writes a live link
to it" are one rule, written once.

URLs are read as a browser reads them (WHATWG URL): C0 controls and spaces
stripped at both ends, tabs and newlines dropped anywhere, the scheme
case-insensitive, and in web URLs a backslash read as a slash.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

__all__ = ["UNSAFE_SCHEMES", "clean", "resolve", "safe_url", "scheme_of"]

UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "mocha"})
"""Schemes that run script when followed: never a live link, never an image."""

_URL_JUNK = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
# WHATWG URL's special schemes: in them (and in relative URLs), "\\" is "/".
_SPECIAL_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss", "file"})
_MANY_SLASHES = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*:)?/{3,}")
# Raster images only: an SVG image can carry script when opened on its own.
_DATA_IMAGE = re.compile(r"data:image/(?:png|gif|jpe?g|webp|avif|bmp|x-icon)[;,]")
_WEB = ("https://", "http://")  # absolute, and safe: no scheme test needed


def clean(href: str) -> str:
    """
    Return *href* as a browser reads it: ends stripped, tabs and newlines
    dropped, and in web URLs a backslash read as a slash (``http:\\/\\/host``, as
    JSON-escaped text pasted into HTML has it, goes to ``host``).

    >>> clean(" java\\tscript:alert(1) ")
    'javascript:alert(1)'
    """
    href = href.strip(_C0_AND_SPACE)
    if "\t" in href or "\n" in href or "\r" in href:
        href = _URL_JUNK.sub("", href)
    if "\\" in href:
        scheme = _SCHEME.match(href)
        if scheme is None or scheme.group(1).lower() in _SPECIAL_SCHEMES:
            href = href.replace("\\", "/")
            # Then, as a browser, any run of slashes before the host is "//".
            slashes = _MANY_SLASHES.match(href)
            if slashes and (scheme is None or scheme.group(1).lower() != "file"):
                href = f"{slashes.group(1) or ''}//{href[slashes.end() :]}"
    return href


def scheme_of(url: str) -> str | None:
    """The lower-cased scheme of a :func:`clean` *url*, ``None`` for a relative one."""
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


def safe_url(url: str, *, image: bool = False) -> bool:
    """
    Return whether *url* is safe to render as a link (or, with *image*, an image).

    ``javascript:``, ``vbscript:`` and friends are never safe; ``data:`` URLs are
    safe only as raster images (browsers refuse to follow a ``data:`` link).
    Everything else (``http:``, ``mailto:``, relative URLs ...) is safe.

    >>> safe_url("jav\\tascript:alert(1)"), safe_url("/about/")
    (False, True)
    """
    if url.startswith(_WEB):  # the usual case; its scheme has nothing to squeeze
        return True
    url = clean(url)
    scheme = scheme_of(url)
    if scheme is None:
        return True
    if scheme in UNSAFE_SCHEMES:
        return False
    if scheme == "data":
        return image and _DATA_IMAGE.match(url.lower()) is not None
    return True


def resolve(href: str, base: str | None) -> str:
    """Return *href* as a browser reads it (:func:`clean`), resolved against *base*."""
    href = clean(href)
    if not base or href.startswith(_WEB) or _SCHEME.match(href):
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href
