"""
A post's language and its translations, from the fields multilingual plugins add.

Polylang (Pro's REST API) adds ``"lang": "fr"`` and ``"translations": {"en": 10,
"fr": 12}`` (the post itself included); the WPML REST API plugin adds
``"wpml_current_locale": "fr_FR"`` and ``"wpml_translations"``, a list of
``{"locale", "id", "post_title", "href"}`` (an object keyed by locale since its
2.0), the post itself left out.  A field of another shape is some other plugin's:
it is not read, and stays in :attr:`~wpparse.Post.extra`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from wpparse._model.objects import Translation
from wpparse._text import collapse

__all__ = ["LANGUAGE_KEYS", "Languages", "languages_of"]

LANGUAGE_KEYS = frozenset(
    {"lang", "translations", "wpml_current_locale", "wpml_translations"}
)
"""The top-level fields this module may read."""


class Languages(NamedTuple):
    """What the plugins' fields say, and which of them were read."""

    language: str | None
    translations: tuple[Translation, ...]
    read: frozenset[str]
    """The fields read (to leave out of ``extra``)."""


_NONE = Languages(None, (), frozenset())
# An id as text: ASCII digits, few enough that int() takes them (it refuses
# more than 4,300, with a ValueError).
_ID_TEXT = re.compile(r"[0-9]{1,19}")


def _id(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value > 0 else None
    if isinstance(value, str) and _ID_TEXT.fullmatch(value):
        return int(value) or None
    return None


def _polylang(value: Any, own_id: int) -> tuple[Translation, ...] | None:
    if isinstance(value, list) and not value:  # PHP's empty array
        return ()
    if not isinstance(value, Mapping):
        return None
    found = []
    for language, post_id in value.items():
        number = _id(post_id)
        if not isinstance(language, str) or not language or number is None:
            return None
        if number != own_id:
            found.append(Translation(language=language, id=number))
    return tuple(found)


def _text(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return collapse(html.unescape(value)) if "&" in value else collapse(value)


def _wpml(value: Any, own_id: int) -> tuple[Translation, ...] | None:
    if value is None:
        return ()
    if isinstance(value, Mapping):
        value = list(value.values())
    if not isinstance(value, list):
        return None
    found = []
    for item in value:
        if not isinstance(item, Mapping):
            return None
        locale, number = item.get("locale"), _id(item.get("id"))
        if not isinstance(locale, str) or not locale or number is None:
            return None
        link = item.get("href")
        if number != own_id:
            found.append(
                Translation(
                    language=locale,
                    id=number,
                    link=link if isinstance(link, str) and link else None,
                    title=_text(item.get("post_title")),
                )
            )
    return tuple(found)


def languages_of(obj: Mapping[str, Any], own_id: int) -> Languages:
    """
    The language and translations *obj*'s plugin fields give, or none.

    >>> languages_of({"lang": "en", "translations": {"en": 10, "fr": 12}}, 10).translations
    (Translation(language='fr', id=12, link=None, title=None),)
    """
    if obj.keys().isdisjoint(LANGUAGE_KEYS):
        return _NONE
    read: set[str] = set()
    language: str | None = None
    translations: tuple[Translation, ...] = ()
    for key in ("lang", "wpml_current_locale"):
        value = obj.get(key, ...)
        if value is None or (isinstance(value, str) and value.isprintable()):
            read.add(key)
            language = language or value or None
    for key, reader in (("translations", _polylang), ("wpml_translations", _wpml)):
        if key in obj:
            found = reader(obj[key], own_id)
            if found is not None:
                read.add(key)
                translations = translations or found
    return Languages(language, translations, frozenset(read))
