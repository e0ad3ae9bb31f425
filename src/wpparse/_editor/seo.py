"""
The SEO head Yoast SEO adds to REST responses: ``yoast_head_json``, or the older ``yoast_head``.

Yoast SEO (version 16 and later) puts the page's ``<head>`` metadata in every
REST object twice: as HTML (``yoast_head``) and, from 16.7, as JSON
(``yoast_head_json``).  :func:`seo_from_record` reads the JSON when present, the
HTML otherwise, into one :class:`SEO`.  Both are plugin data: a value of the
wrong type is skipped, never an error.

lxml is imported only to read ``yoast_head`` HTML.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Final

import attrs

from wpparse._model.editor import SEO, SEOImage

__all__ = [
    "SEO",
    "SEOImage",
    "seo_from_head_html",
    "seo_from_head_json",
    "seo_from_heads",
    "seo_from_record",
]

_SPACE: Final = re.compile(r"\s+")
# A size or count as text: ASCII digits (isdecimal() takes any script's, and
# int() refuses more than 4,300 with a ValueError).
_DIGITS: Final = re.compile(r"[0-9]{1,19}")


# --- values -------------------------------------------------------------------------


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = _SPACE.sub(" ", html.unescape(value)).strip()
    return text or None


def _url(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return html.unescape(value.strip())


def _integer(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        return int(value.strip())
    return None


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    # Yoast writes UTC offsets; a time without one says nothing sure.
    return moment if moment.tzinfo is not None else None


def _robots(value: object) -> tuple[str, ...]:
    if isinstance(value, Mapping):
        items: Iterable[object] = value.values()
    elif isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        return ()
    return tuple(text for item in items if (text := _text(item)))


def _image(value: object) -> SEOImage | None:
    if isinstance(value, str):
        url = _url(value)
        return SEOImage(url=url) if url else None
    if not isinstance(value, Mapping):
        return None
    url = _url(value.get("url"))
    if url is None:
        return None
    return SEOImage(
        url=url,
        width=_integer(value.get("width")),
        height=_integer(value.get("height")),
        type=_text(value.get("type")),
        alt=_text(value.get("alt")),
    )


def _images(value: object) -> tuple[SEOImage, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(image for item in items if (image := _image(item)) is not None)


def _misc(value: object) -> dict[str, str]:
    if not isinstance(value, Mapping):
        return {}
    misc: dict[str, str] = {}
    for key, item in value.items():
        label, text = _text(key), _text(item)
        if label and text:
            misc[label] = text
    return misc


# --- readers ------------------------------------------------------------------------


def seo_from_head_json(value: object) -> SEO | None:
    """
    Read Yoast's ``yoast_head_json`` object; ``None`` when it is not an object.

    >>> seo_from_head_json({"title": "A &amp; B", "og_locale": "en_US"}).title
    'A & B'
    """
    if not isinstance(value, Mapping):
        return None
    schema = value.get("schema")
    return SEO(
        title=_text(value.get("title")),
        description=_text(value.get("description")),
        canonical=_url(value.get("canonical")),
        robots=_robots(value.get("robots")),
        og_title=_text(value.get("og_title")),
        og_description=_text(value.get("og_description")),
        og_url=_url(value.get("og_url")),
        og_site_name=_text(value.get("og_site_name")),
        og_locale=_text(value.get("og_locale")),
        og_type=_text(value.get("og_type")),
        og_image=_images(value.get("og_image")),
        twitter_card=_text(value.get("twitter_card")),
        twitter_title=_text(value.get("twitter_title")),
        twitter_description=_text(value.get("twitter_description")),
        twitter_image=_url(value.get("twitter_image")),
        twitter_site=_text(value.get("twitter_site")),
        twitter_creator=_text(value.get("twitter_creator")),
        twitter_misc=_misc(value.get("twitter_misc")),
        author=_text(value.get("author")),
        article_published_time=_time(value.get("article_published_time")),
        article_modified_time=_time(value.get("article_modified_time")),
        schema=schema if isinstance(schema, Mapping) else None,
        origin="json",
    )


_PROPERTIES: Final = {
    "og:title": "og_title",
    "og:description": "og_description",
    "og:url": "og_url",
    "og:site_name": "og_site_name",
    "og:locale": "og_locale",
    "og:type": "og_type",
    "twitter:card": "twitter_card",
    "twitter:title": "twitter_title",
    "twitter:description": "twitter_description",
    "twitter:image": "twitter_image",
    "twitter:site": "twitter_site",
    "twitter:creator": "twitter_creator",
    "description": "description",
    "robots": "robots",
    "author": "author",
    "article:published_time": "article_published_time",
    "article:modified_time": "article_modified_time",
}
_IMAGE_FIELDS: Final = {
    "og:image:width": "width",
    "og:image:height": "height",
    "og:image:type": "type",
    "og:image:alt": "alt",
}
_TWITTER_LABEL: Final = re.compile(r"twitter:(label|data)(\d+)")


def seo_from_head_html(text: object) -> SEO | None:
    """
    Read Yoast's ``yoast_head`` HTML; ``None`` when it is not a string with metadata in it.

    >>> seo = seo_from_head_html(
    ...     '<title>A &amp; B</title><link rel="canonical" href="https://x.org/a/" />'
    ...     '<meta property="og:image" content="https://x.org/a.jpg" />'
    ...     '<meta property="og:image:width" content="800" />'
    ... )
    >>> seo.title, seo.canonical, seo.og_image[0].width
    ('A & B', 'https://x.org/a/', 800)
    """
    if not isinstance(text, str) or "<" not in text:
        return None
    import lxml.etree  # noqa: PLC0415 - only the older Yoast needs an HTML parser

    from wpparse._html.parse import PARSER  # noqa: PLC0415 - the one parser's settings

    try:
        # None for nothing but whitespace or comments, whatever the stubs say.
        document: lxml.etree._Element | None = lxml.etree.fromstring(text, PARSER)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None
    if document is None:
        return None
    fields: dict[str, str] = {}
    images: list[dict[str, str]] = []
    labels: dict[str, dict[str, str]] = {}
    title = canonical = None
    schema: Mapping[str, Any] | None = None
    for element in document.iter("title", "meta", "link", "script"):
        tag = element.tag
        if tag == "title" and title is None:
            title = "".join(element.itertext())
        elif (
            tag == "link" and "canonical" in (element.get("rel") or "").lower().split()
        ):
            canonical = canonical or element.get("href")
        elif tag == "script" and element.get("type") == "application/ld+json":
            schema = schema or _json_object("".join(element.itertext()))
        elif tag == "meta":
            key = (element.get("property") or element.get("name") or "").strip().lower()
            content = element.get("content")
            if content is None or not key:
                continue
            if key == "og:image":
                images.append({"url": content})
            elif key in _IMAGE_FIELDS and images:
                images[-1].setdefault(_IMAGE_FIELDS[key], content)
            elif label := _TWITTER_LABEL.fullmatch(key):
                labels.setdefault(label.group(2), {})[label.group(1)] = content
            elif key in _PROPERTIES:
                fields.setdefault(_PROPERTIES[key], content)
    if title is None and canonical is None and not fields and not images:
        return None
    misc = {
        pair["label"]: pair["data"]
        for _, pair in sorted(labels.items())
        if {"label", "data"} <= pair.keys()
    }
    return attrs.evolve(
        seo_from_head_json({**fields, "robots": fields.get("robots")}) or SEO(),
        title=_text(title),
        canonical=_url(canonical),
        og_image=_images(images),
        twitter_misc=_misc(misc),
        schema=schema,
        origin="html",
    )


def _json_object(text: str) -> Mapping[str, Any] | None:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, Mapping) else None


def seo_from_record(record: Mapping[str, Any]) -> SEO | None:
    """
    The SEO head of a REST object: from ``yoast_head_json``, else ``yoast_head``; else ``None``.

    >>> seo_from_record({"id": 1, "yoast_head": "<title>Hi</title>"}).origin
    'html'
    """
    return seo_from_heads(record.get("yoast_head_json"), record.get("yoast_head"))


def seo_from_heads(head_json: object, head_html: object) -> SEO | None:
    """
    :func:`seo_from_head_json` of *head_json*, else :func:`seo_from_head_html` of *head_html*.

    Never raises nor warns, whatever the values (plugin data): a post reads
    its :attr:`~wpparse.Post.seo` on first use.

    >>> seo_from_heads(None, "<title>Hi</title>").title
    'Hi'
    """
    from_json = seo_from_head_json(head_json)
    if from_json is not None:
        return from_json
    return seo_from_head_html(head_html)
