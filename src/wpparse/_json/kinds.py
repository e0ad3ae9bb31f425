"""
What kind of REST object a decoded JSON object is, from its shape.

WordPress sends no type tag that tells a post from a user or a term, and an
error response can stand where any of them was expected: these predicates
look at which keys an object has.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wpparse.exceptions import WordPressError

__all__ = [
    "API_DESCRIPTIONS",
    "LISTINGS",
    "described",
    "envelope",
    "error_status",
    "is_error_object",
    "is_search_result",
    "object_kind",
    "raise_for_error",
    "what",
]

_ERROR_KEYS = frozenset({"code", "message", "data", "additional_errors"})
_POST_KEYS = (
    "title",
    "content",
    "excerpt",
    "guid",
    "slug",
    "link",
    "date",
    "type",
    "status",
)


def is_error_object(obj: Mapping[str, Any]) -> bool:
    """
    Whether *obj* has the shape of a WordPress error response.

    ``{"code": str, "message": str, "data": {...}}`` and nothing else: a post
    type may well have a field named ``code``, so the key alone is not enough.
    """
    return (
        isinstance(obj.get("code"), str)
        and "message" in obj
        and obj.keys() <= _ERROR_KEYS
        and (obj.get("data") is None or isinstance(obj.get("data"), Mapping))
    )


def error_status(obj: Mapping[str, Any]) -> tuple[str, str, int | None]:
    """
    The ``(code, message, HTTP status)`` of the error object *obj* (see :func:`is_error_object`).

    A message that is not a string reads as ``""``, a status that is not an
    integer as ``None``.

    >>> error_status({"code": "rest_forbidden", "message": "No.", "data": {"status": 403}})
    ('rest_forbidden', 'No.', 403)
    """
    data = obj.get("data")
    status = data.get("status") if isinstance(data, Mapping) else None
    message = obj.get("message")
    return (
        str(obj.get("code")),
        message if isinstance(message, str) else "",
        status if isinstance(status, int) and not isinstance(status, bool) else None,
    )


def raise_for_error(obj: Mapping[str, Any], path: str = "$") -> None:
    """Raise :class:`~wpparse.WordPressError` if *obj* is a WordPress error response."""
    if is_error_object(obj):
        code, message, status = error_status(obj)
        raise WordPressError(code, message, status, path=path)


def envelope(obj: Mapping[str, Any]) -> tuple[Any, Mapping[str, Any] | None] | None:
    """
    The ``(body, headers)`` of an ``?_envelope`` response, or ``None`` when *obj* is none.

    WordPress's ``?_envelope`` wraps a response as ``{"body": ..., "status":
    200, "headers": {...}}``: an object with a ``body`` and a ``status`` and no
    ``id``.  The headers are ``None`` when absent or not an object.  The one
    definition of the shape, for single objects, collections and files alike.

    >>> envelope({"body": [{"id": 1}], "status": 200, "headers": {"X-WP-Total": "1"}})
    ([{'id': 1}], {'X-WP-Total': '1'})
    >>> envelope({"body": [], "status": 200, "id": 3}) is None
    True
    """
    if "body" not in obj or "status" not in obj or "id" in obj or "ID" in obj:
        return None
    headers = obj.get("headers")
    return obj["body"], headers if isinstance(headers, Mapping) else None


def object_kind(obj: Any) -> str:
    """
    Name the kind of REST object *obj* is, from its shape.

    One of ``"error"``, ``"post"``, ``"media"``, ``"term"``, ``"user"``,
    ``"comment"``, ``"search result"`` (the kinds wpparse models), or, for what it does not model,
    ``"envelope"`` (an ``?_envelope`` response), ``"index"`` (the API root,
    or a namespace's), ``"taxonomy"``, ``"post type"`` or ``"status"`` (their
    descriptions), ``"taxonomies"``, ``"post types"`` or ``"statuses"`` (the
    listings of them, keyed by slug), ``"settings"`` (``wp/v2/settings``)
    (:data:`API_DESCRIPTIONS`, all of them), ``"unknown"`` (an object without
    an ``id``), ``"list"`` or ``"not an object"``.
    Any other object with an ``id`` is a post: ``_fields=id`` trims a post to that.
    """
    if obj.__class__ is not dict:
        if isinstance(obj, list | tuple):
            return "list"
        if not isinstance(obj, Mapping):
            return "not an object"
    if is_error_object(obj):
        return "error"
    if "id" not in obj and "ID" not in obj:
        return _kind_without_id(obj)
    if obj.get("type") in ("comment", "pingback", "trackback") or (
        "author_name" in obj
        and any(key in obj for key in ("post", "author_url", "author_avatar_urls"))
    ):
        return "comment"
    if "taxonomy" in obj and "title" not in obj:
        return "term"
    if "source_url" in obj or obj.get("type") == "attachment" or "media_type" in obj:
        return "media"
    if "url" in obj and is_search_result(obj):
        return "search result"
    # Users have a name and no type; a WooCommerce product has both.
    if (
        "name" in obj
        and "type" not in obj
        and not any(key in obj for key in _POST_KEYS[:4])
    ):
        return "user"
    return "post"


def is_search_result(obj: Mapping[str, Any]) -> bool:
    """
    Whether *obj*, an object with an ``id``, has the shape of a ``/wp/v2/search`` item.

    WordPress's search handlers give ``{"id", "title", "url", "type",
    "_links"}``, a post's with a ``subtype`` (its post type), a term's with
    its taxonomy as the ``type``, a post format's with its slug as the
    ``id``: a ``url`` (objects have a ``link``), a ``title`` that is a plain
    string, and none of a post's, a user's or a comment's own fields.

    >>> is_search_result({"id": 7, "title": "Home", "url": "https://example.org/",
    ...                   "type": "post", "subtype": "page"})
    True
    >>> is_search_result({"id": 7, "title": {"rendered": "Home"}, "url": "https://example.org/"})
    False
    """
    return (
        "url" in obj
        and isinstance(obj.get("title"), str)
        and isinstance(obj.get("type"), str)
        and not any(key in obj for key in _NOT_IN_SEARCH_RESULTS)
    )


_NOT_IN_SEARCH_RESULTS = (*_POST_KEYS[1:7], "status", "name", "author_name")


API_DESCRIPTIONS = frozenset(
    {"index", "settings", "post type", "taxonomy", "status"}
    | {"post types", "taxonomies", "statuses"}
)
"""The kinds that describe the API or the site, not content: not records."""
LISTINGS = {"post types": "post type", "taxonomies": "taxonomy", "statuses": "status"}
"""The kinds of the objects keyed by slug (``/wp/v2/types``), and of their values."""
_SETTINGS_KEYS = frozenset({"date_format", "time_format", "start_of_week"})


def described(kind: str, obj: Any) -> tuple[str, int]:
    """
    What an object of the API description *kind* describes, and how many.

    A listing keyed by slug counts each description in it.

    >>> described("taxonomies", {"category": {}, "post_tag": {}})
    ('taxonomy', 2)
    >>> described("index", {})
    ('index', 1)
    """
    listed = LISTINGS.get(kind)
    return (kind, 1) if listed is None else (listed, len(obj))


def _kind_without_id(obj: Mapping[str, Any]) -> str:
    if envelope(obj) is not None:
        return "envelope"
    if "routes" in obj and ("namespaces" in obj or "namespace" in obj):
        return "index"  # wp-json/, or a namespace's (wp-json/wp/v2)
    description = _description(obj)
    if description is not None:
        return description
    if obj.keys() >= _SETTINGS_KEYS:
        return "settings"
    return _listing(obj)


def _description(obj: Mapping[str, Any]) -> str | None:
    """The kind of a single post type, taxonomy or post status description."""
    if "types" in obj and "hierarchical" in obj:
        return "taxonomy"
    if "taxonomies" in obj and "hierarchical" in obj:
        return "post type"
    if "queryable" in obj and "public" in obj and "slug" in obj:
        return "status"
    return None


def _listing(obj: Mapping[str, Any]) -> str:
    """``/wp/v2/types``, ``taxonomies`` or ``statuses``: descriptions of one kind keyed by slug."""
    found = None
    for value in obj.values():
        kind = _description(value) if isinstance(value, Mapping) else None
        if kind is None or (found is not None and kind != found):
            return "unknown"
        found = kind
    for plural, single in LISTINGS.items():
        if single == found:
            return plural
    return "unknown"  # an empty object


def what(kind: str) -> str:
    """Say what an object of *kind* is, for an error message."""
    if kind == "unknown":
        return "an object without an 'id'"
    if kind == "index":
        return "the REST API index (wp-json/)"
    if kind == "envelope":
        return "an ?_envelope response (use wpparse.parse_posts)"
    if kind == "list":
        return "a list (use wpparse.parse_posts)"
    if kind == "search result":
        return "a search result (use wpparse.parse)"
    if kind in {"taxonomy", "post type", "status"}:
        return f"a {kind} description"
    if kind in LISTINGS:
        route = "types" if kind == "post types" else kind
        return f"{LISTINGS[kind]} descriptions keyed by slug (wp/v2/{route})"
    if kind == "settings":
        return "the site's settings (wp/v2/settings)"
    article = "an" if kind in {"error", "unknown"} else "a"
    return f"{article} {kind} object (use wpparse.parse)"
