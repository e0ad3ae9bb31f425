"""
The URLs each object of a site answers to: objects in, tables of keys out.

:class:`UrlKeys` files each object it is given under its ``link``, its
``guid`` and, for a media item, every file URL (``source_url``, each size, the
original of a scaled upload), each reduced by :mod:`wpparse._site.urls` to
what a browser compares.  Given a URL's :class:`~wpparse._site.urls.Address`,
:meth:`UrlKeys.page` and :meth:`UrlKeys.file` answer with the object's
:data:`Ident`: ``None`` when two objects claim the URL, :data:`MISSING` (or
``None`` for a file) when none does.  Ids and the objects themselves are
:class:`~wpparse._site.index.SiteIndex`'s business.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

from wpparse._model.objects import Term, User
from wpparse._model.post import Media, Post
from wpparse._site.urls import Address, address, file_variants, id_form

__all__ = ["MISSING", "Ident", "Table", "UrlKeys", "guid_url"]

Ident: TypeAlias = tuple[str, str, int]
"""(host, id space, id): posts and media share WordPress's wp_posts ids."""
Table: TypeAlias = dict[str, "Ident | None"]  # None: claimed by two objects

MISSING: Final = object()
"""What a lookup answers when no object claims the URL."""
_REST_START = re.compile(r"[/?]")


def guid_url(value: Any) -> str | None:
    """The URL of a ``guid`` field (a string, or ``{"rendered": ...}``), or ``None``."""
    if isinstance(value, Mapping):
        value = value.get("rendered")
    if not isinstance(value, str) or not value:
        return None
    return html.unescape(value) if "&" in value else value


class UrlKeys:
    """The tables of page, ``guid`` and file URLs, each naming one object (or two: then none)."""

    def __init__(self) -> None:
        self._pages: Table = {}
        self._guids: Table = {}
        self._files: Table = {}
        self._hosts: dict[str, str] = {}
        self._rests: dict[int, Table] = {}
        self._last: tuple[str | None, Address | None] = (None, None)

    # -- building ---------------------------------------------------------

    def _address(self, url: str) -> Address | None:
        # An object's link is split for its identity, then again for its key:
        # the last answer is kept.
        if url is not self._last[0]:
            self._last = (url, address(url))
        return self._last[1]

    def host_of(self, url: str | None) -> str | None:
        """The host of *url* (one string per host, shared), or ``None``."""
        if not url:
            return None
        where = self._address(url)
        if where is None:
            return None
        return self._hosts.setdefault(where.host, where.host)

    def _claim(
        self, table: Table, url: str | None, ident: Ident, *, file: bool = False
    ) -> None:
        where = self._address(url) if url else None
        if where is None:
            return
        key = where.file if file else where.page
        known = table.get(key, MISSING)
        if known is MISSING:
            table[key] = ident
        elif known != ident:
            table[key] = None

    def add(self, ident: Ident, obj: Post | Media | Term | User) -> None:
        """File *obj*, known as *ident*, under every URL it answers to."""
        self._claim(self._pages, obj.link, ident)
        if isinstance(obj, Post):
            guid = guid_url(obj.guid)
            where = address(guid) if guid else None
            if where is not None and id_form(where) is None:
                self._claim(self._guids, guid, ident)
                if obj.type == "attachment":
                    self._claim(self._files, guid, ident, file=True)
            if obj.type == "attachment":
                url = obj.extra.get("source_url")
                self._claim(
                    self._files, url if isinstance(url, str) else None, ident, file=True
                )
                self._media_files(ident, url, obj.extra, sizes=True)
        elif isinstance(obj, Media):
            self._claim(self._files, obj.source_url, ident, file=True)
            for size in obj.sizes.values():
                self._claim(self._files, size.source_url, ident, file=True)
            self._claim(self._files, guid_url(obj.extra.get("guid")), ident, file=True)
            self._media_files(ident, obj.source_url, obj.extra, sizes=False)

    def _media_files(
        self, ident: Ident, source_url: Any, extra: Mapping[str, Any], *, sizes: bool
    ) -> None:
        # media_details beyond what Media models: the original of a scaled
        # upload, and (for an attachment read as a Post) the sizes.
        details = extra.get("media_details")
        if not isinstance(source_url, str) or not isinstance(details, Mapping):
            return
        original = details.get("original_image")
        if isinstance(original, str) and original and "/" not in original:
            folder = source_url.rpartition("/")[0]
            self._claim(self._files, f"{folder}/{original}", ident, file=True)
        found = details.get("sizes") if sizes else None
        if isinstance(found, Mapping):
            for size in found.values():
                if isinstance(size, Mapping):
                    url = size.get("source_url")
                    self._claim(
                        self._files,
                        url if isinstance(url, str) else None,
                        ident,
                        file=True,
                    )

    # -- looking up ---------------------------------------------------------

    def _find(self, table: Table, host: str, rest: str) -> Ident | object | None:
        """
        The ident under *host* + *rest*, ``None`` when two objects claim it, or
        :data:`MISSING`.  An object with a relative ``link`` answers any host,
        and a relative URL any object whose key is unique across hosts.
        """
        found = table.get(host + rest, MISSING)
        if found is not MISSING:
            return found
        if host:
            return table.get(rest, MISSING)
        return self._any_host(table).get(rest, MISSING)

    def _any_host(self, table: Table) -> Table:
        # The keys without their host, built on the first relative lookup:
        # one pass over the table however many hosts the index holds.
        found = self._rests.get(id(table))
        if found is None:
            found = {}
            for key, ident in table.items():
                cut = _REST_START.search(key)
                start = len(key) if cut is None else cut.start()
                if start > 0:  # a key with a host
                    rest = key[start:]
                    known = found.get(rest, MISSING)
                    if known is MISSING:
                        found[rest] = ident
                    elif known != ident:
                        found[rest] = None
            self._rests[id(table)] = found
        return found

    def page(self, where: Address) -> Ident | object | None:
        """The object whose ``link`` or ``guid`` is *where*: its ident, ``None`` or :data:`MISSING`."""
        rest = where.page[len(where.host) :]
        for table in (self._pages, self._guids):
            found = self._find(table, where.host, rest)
            if found is not MISSING:
                return found
        return MISSING

    def file(self, where: Address) -> Ident | None:
        """The media item one of whose file URLs *where* is (any size), or ``None``."""
        for key in file_variants(where):
            cut = key.find("/")
            host, rest = (key, "") if cut < 0 else (key[:cut], key[cut:])
            found = self._find(self._files, host, rest)
            if found is not MISSING:
                return found  # type: ignore[return-value]
        return None
