"""
Which URLs a renderer may turn into a link or an image.

Renderers never trust a URL only because the parser classified it: they check
again here, the way a browser reads the URL (tabs and newlines dropped, control
characters and spaces stripped at the ends, the scheme case-insensitive).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

__all__ = ["resolve", "safe_url"]

_JUNK = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "mocha"})
# Raster images only: an SVG image can carry script when opened on its own.
_DATA_IMAGE = re.compile(r"data:image/(?:png|gif|jpe?g|webp|avif|bmp|x-icon)[;,]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_WEB = ("https://", "http://")  # absolute, and safe: no scheme test needed


def safe_url(url: str, *, image: bool = False) -> bool:
    """
    Return whether *url* is safe to render as a link (or, with *image*, an image).

    ``javascript:``, ``vbscript:`` and friends are never safe; ``data:`` URLs are
    safe only as raster images.  Everything else (``http:``, ``mailto:``,
    relative URLs ...) is safe.
    """
    if url.startswith(_WEB):  # the usual case; its scheme has nothing to squeeze
        return True
    squeezed = _JUNK.sub("", url) if _JUNK.search(url) else url
    match = _SCHEME.match(squeezed)
    if match is None:
        return True
    scheme = match.group(1).lower()
    if scheme in _SCRIPT_SCHEMES:
        return False
    if scheme == "data":
        return image and _DATA_IMAGE.match(squeezed.lower()) is not None
    return True


def resolve(href: str, base: str | None) -> str:
    """Return *href* resolved against *base* (when there is one), ends stripped."""
    href = href.strip(_C0_AND_SPACE)
    if not base or href.startswith(_WEB) or _SCHEME.match(href):
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href
