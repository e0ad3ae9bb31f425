"""
A whole site's objects, indexed so that a link resolves to what it points at.

:class:`SiteIndex` reads the objects once (a stream is fine), keeps a light
copy of each (no content) and each post's internal links and images, and
answers with the object a URL, link or translation names: by WordPress's id
forms (``?p=``, ``?cat=``) here, by any other URL through the tables of
:mod:`wpparse._site.keys` (its ``link``, its ``guid``, a media item's file
URLs); it also answers backlinks and the page tree.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import cast

from wpparse._model.content import BlockKind, Link, LinkKind
from wpparse._model.objects import Term, Translation, User
from wpparse._model.post import Media, Post
from wpparse._site.keys import MISSING, Ident, UrlKeys, guid_url
from wpparse._site.light import SiteObject, embedded_objects, light_copy
from wpparse._site.urls import address, id_form

__all__ = ["SiteIndex", "SiteObject"]


_TERM_KINDS = {"category": "category", "post_tag": "post_tag"}


def _space(obj: SiteObject) -> str:
    if isinstance(obj, Post | Media):
        return "post"
    return "term" if isinstance(obj, Term) else "user"


class SiteIndex:
    """
    Every object of a site, found by any URL that points at it.

    Build it from the objects :func:`read_objects` gives over a mirrored
    site (posts and pages of any type, media, terms, users; comments and
    other records are passed over), or from any iterable of them: it reads
    them once, so a stream is fine.  It keeps a light copy of each object
    (everything but the content: no sections, links, HTML, block tree,
    shortcodes, SEO head, ``_embedded``, ``_links``, ``meta`` or ``extra``)
    and each post's internal links and image URLs, so its size grows with
    the number of objects and links, not with the text.
    Objects embedded by ``?_embed`` (authors, featured media, terms, parent
    pages) are indexed too; a record read on its own takes their place.

    :meth:`target` matches URLs the way a browser treats them as equal
    (scheme, ``www.``, trailing slash, percent-encoding and the host's case,
    fragments and tracking parameters such as ``utm_source`` do not matter),
    answers WordPress's id forms (``?p=``, ``?page_id=``, ``?attachment_id=``,
    ``?cat=``, ``?tag_id=``, ``?author=``) and ``guid`` URLs, and finds a
    media item by its file URLs (``source_url`` and every size), so that an
    ``<img>`` resolves to its attachment.  A URL that two different objects
    answer to resolves to neither.

    >>> import wpparse
    >>> page = wpparse.parse_post({"id": 2, "type": "page", "link": "https://example.org/about/"})
    >>> post = wpparse.parse_post({
    ...     "id": 7, "type": "post", "link": "https://example.org/hello/",
    ...     "content": {"rendered": '<p>See <a href="http://www.example.org/about">us</a>.</p>'},
    ... })
    >>> index = wpparse.SiteIndex([page, post])
    >>> index.target("https://example.org/?page_id=2").title == page.title
    True
    >>> [(source.id, link.url, target.id) for source, link, target in index.links()]
    [(7, 'http://www.example.org/about', 2)]
    >>> [source.id for source, link in index.links_to(page)]
    [7]

    .. versionadded:: 0.1.0
    """

    def __init__(self, objects: Iterable[object]) -> None:
        self._objects: dict[Ident, SiteObject] = {}
        self._embedded_only: set[Ident] = set()
        self._urls = UrlKeys()
        self._sources: list[tuple[Ident, tuple[Link, ...]]] = []
        # Each post's images: (src, the id of its wp-image-N class).
        self._images: list[tuple[Ident, tuple[tuple[str, int | None], ...]]] = []
        # Resolved on first use: each link's target, in the order of _sources.
        self._targets: list[Ident | None] | None = None
        # Backlinks by row number (counting the links of _sources in order),
        # and the row number each post's links start at.
        self._backlinks: dict[Ident, list[int]] | None = None
        self._starts: list[int] = []
        self._kids: dict[tuple[str, int], list[Ident]] | None = None
        self._ids: dict[tuple[str, int], Ident | None] | None = None
        for obj in objects:
            if isinstance(obj, Post | Media | Term | User):
                self._add(obj, embedded=False)
            elif not type(obj).__module__.startswith("wpparse"):
                msg = f"SiteIndex takes wpparse objects, got {type(obj).__name__}"
                raise TypeError(msg)

    # -- building ---------------------------------------------------------

    def _ident(self, obj: SiteObject) -> Ident:
        host = self._urls.host_of(obj.link)
        if host is None and isinstance(obj, Post):
            host = self._urls.host_of(guid_url(obj.guid))
        elif host is None and isinstance(obj, Media):
            host = self._urls.host_of(obj.source_url)
        return (host or "", _space(obj), obj.id)

    def _add(self, obj: SiteObject, *, embedded: bool) -> None:
        ident = self._ident(obj)
        known = self._objects.get(ident)
        if known is not None and embedded:
            return  # every post embeds its author: once is enough
        if known is None or ident in self._embedded_only:
            self._objects[ident] = light_copy(obj)
            if embedded:
                self._embedded_only.add(ident)
            else:
                self._embedded_only.discard(ident)
                if isinstance(obj, Post):
                    self._keep_links(ident, obj)
        self._urls.add(ident, obj)
        if isinstance(obj, Post | Media) and not embedded:
            for other in embedded_objects(obj.embedded):
                self._add(other, embedded=True)

    def _keep_links(self, ident: Ident, post: Post) -> None:
        images = tuple(
            (block.src, block.attachment_id)
            for section in post.walk()
            for block in section.blocks
            if block.kind is BlockKind.FIGURE and block.src
        )
        if images:
            self._images.append((ident, images))
        links = tuple(link for link in post.links if link.kind is LinkKind.INTERNAL)
        if links:
            self._sources.append((ident, links))
            self._targets = self._backlinks = None

    # -- looking up ---------------------------------------------------------

    def _by_id(self, host: str, kind: str, number: int) -> Ident | None:
        space = "post" if kind == "post" else "user" if kind == "user" else "term"
        ident: Ident | None = (host, space, number)
        if ident not in self._objects:
            ident = ("", space, number)
            if ident not in self._objects:
                ident = self._ids_any_host().get((space, number)) if not host else None
        if ident is None:
            return None
        obj = self._objects[ident]
        if isinstance(obj, Term) and obj.taxonomy not in (None, _TERM_KINDS[kind]):
            return None
        return ident

    def _ids_any_host(self) -> dict[tuple[str, int], Ident | None]:
        if self._ids is None:
            ids: dict[tuple[str, int], Ident | None] = {}
            for ident in self._objects:
                key = ident[1:]
                ids[key] = None if key in ids else ident
            self._ids = ids
        return self._ids

    def _resolve(self, url: str) -> Ident | None:
        where = address(url)
        if where is None:
            return None
        form = id_form(where)
        if form is not None:
            return self._by_id(where.host, form.kind, form.id)
        found = self._urls.page(where)
        if found is not MISSING:
            return found  # type: ignore[return-value]
        return self._urls.file(where)

    def target(self, link_or_url: Link | Translation | str) -> SiteObject | None:
        """
        Return the object a link, URL or translation points at, or ``None``.

        ``None`` also when two different objects answer to the URL.  The
        object is the index's light copy (see :class:`SiteIndex`).  A
        :class:`~wpparse.Translation` is found by its id, which must then name
        one post across the sites the index holds (or by its link);
        :meth:`translations` looks on the post's own site.

        >>> import wpparse
        >>> photo = wpparse.parse({
        ...     "id": 9, "source_url": "https://example.org/up/photo.jpg",
        ...     "media_details": {"sizes": {"medium": {"source_url": "https://example.org/up/photo-300x200.jpg"}}},
        ... })
        >>> index = wpparse.SiteIndex([photo])
        >>> index.target("//www.example.org/up/photo-300x200.jpg?ver=2").id
        9
        >>> index.target("https://example.org/?attachment_id=9").id
        9
        >>> index.target("mailto:someone@example.org") is None
        True
        """
        if isinstance(link_or_url, Translation):
            return self._translation(link_or_url, "")
        url = link_or_url.url if isinstance(link_or_url, Link) else link_or_url
        ident = self._resolve(url)
        return None if ident is None else self._objects[ident]

    # -- links --------------------------------------------------------------

    def _resolved(self) -> list[Ident | None]:
        if self._targets is None:
            self._targets = [
                self._resolve(link.url) for _, links in self._sources for link in links
            ]
        return self._targets

    def links(self) -> Iterator[tuple[Post, Link, SiteObject | None]]:
        """
        Yield ``(post, link, target)`` for every internal link of every post.

        In the order the posts were read, each post's links in document
        order; *target* is what :meth:`target` answers, ``None`` for a link
        to a page the index does not hold.  Links to other sites are not
        kept.  A dataframe takes the rows as they come::

            pandas.DataFrame(
                {"source": post.id, "url": link.url, "target": target and target.id}
                for post, link, target in index.links()
            )
        """
        objects = self._objects
        targets = iter(self._resolved())
        for source, links in self._sources:
            post = cast("Post", objects[source])  # only posts keep links
            for link in links:
                target = next(targets)
                yield post, link, None if target is None else objects[target]

    def images(self) -> Iterator[tuple[Post, str, SiteObject | None]]:
        """
        Yield ``(post, src, target)`` for every image of every post.

        The images are the content's figures (:attr:`Block.src
        <wpparse.Block.src>` of each :attr:`~wpparse.BlockKind.FIGURE` block), in
        reading order; *target* is the media item the file URL names (any of
        its sizes), or failing that the attachment its ``wp-image-N`` class
        names, or ``None``.

        >>> import wpparse
        >>> photo = wpparse.parse({"id": 9, "source_url": "https://example.org/up/a.jpg"})
        >>> post = wpparse.parse_post({
        ...     "id": 7, "link": "https://example.org/news/",
        ...     "content": {"rendered": '<figure><img src="/up/a-300x200.jpg"></figure>'},
        ... })
        >>> [(p.id, src, t.id) for p, src, t in wpparse.SiteIndex([photo, post]).images()]
        [(7, 'https://example.org/up/a-300x200.jpg', 9)]
        """
        objects = self._objects
        for source, images in self._images:
            post = cast("Post", objects[source])
            for src, attachment in images:
                ident = self._resolve(src)
                if ident is None and attachment is not None:
                    ident = self._by_id(source[0], "post", attachment)
                yield post, src, None if ident is None else objects[ident]

    def links_to(self, obj: SiteObject) -> tuple[tuple[Post, Link], ...]:
        """
        Return the links that point at *obj* (its backlinks), as ``(post, link)`` pairs.

        In the order :meth:`links` yields them.  *obj* may be the object as
        read or the index's copy of it.

        >>> import wpparse
        >>> about = wpparse.parse_post({"id": 2, "link": "https://example.org/about/"})
        >>> news = wpparse.parse_post({
        ...     "id": 7, "link": "https://example.org/news/",
        ...     "content": {"rendered": '<p><a href="/about/#team">the team</a></p>'},
        ... })
        >>> [(post.id, link.text) for post, link in wpparse.SiteIndex([about, news]).links_to(about)]
        [(7, 'the team')]
        """
        if self._backlinks is None:
            backlinks: dict[Ident, list[int]] = {}
            for row, target in enumerate(self._resolved()):
                if target is not None:
                    backlinks.setdefault(target, []).append(row)
            self._backlinks = backlinks
            starts, row = [], 0
            for _, links in self._sources:
                starts.append(row)
                row += len(links)
            self._starts = starts
        found = []
        for row in self._backlinks.get(self._ident(obj), ()):
            number = bisect.bisect_right(self._starts, row) - 1
            source, links = self._sources[number]
            found.append(
                (cast("Post", self._objects[source]), links[row - self._starts[number]])
            )
        return tuple(found)

    # -- the page tree ---------------------------------------------------------

    def children(self, page: Post) -> tuple[Post, ...]:
        """
        Return the posts whose ``parent`` is *page*, in menu order.

        As WordPress lists pages: by ``menu_order``, then title, then id.

        >>> import wpparse
        >>> pages = [
        ...     wpparse.parse_post({"id": 2, "type": "page", "title": {"rendered": "About"}}),
        ...     wpparse.parse_post({"id": 5, "type": "page", "parent": 2, "menu_order": 2,
        ...                         "title": {"rendered": "Team"}}),
        ...     wpparse.parse_post({"id": 6, "type": "page", "parent": 2, "menu_order": 1,
        ...                         "title": {"rendered": "Contact"}}),
        ... ]
        >>> index = wpparse.SiteIndex(pages)
        >>> [page.title for page in index.children(pages[0])]
        ['Contact', 'Team']
        >>> index.parent(pages[1]).title
        'About'
        """
        if self._kids is None:
            kids: dict[tuple[str, int], list[Ident]] = {}
            for ident, obj in self._objects.items():
                if isinstance(obj, Post) and obj.parent:
                    kids.setdefault((ident[0], obj.parent), []).append(ident)
            self._kids = kids
        host = self._ident(page)[0]
        found = [self._objects[i] for i in self._kids.get((host, page.id), [])]
        posts = [p for p in found if isinstance(p, Post)]
        return tuple(sorted(posts, key=lambda p: (p.menu_order or 0, p.title, p.id)))

    def parent(self, page: Post) -> Post | None:
        """Return the post whose child *page* is, or ``None`` (top level, or not in the index)."""
        if not page.parent:
            return None
        found = self._objects.get((self._ident(page)[0], "post", page.parent))
        return found if isinstance(found, Post) else None

    # -- languages ------------------------------------------------------------------

    def translations(self, post: Post) -> dict[str, Post]:
        """
        Return *post*'s translations the index holds, by language.

        From :attr:`Post.translations`: each found by its id on *post*'s site
        (or by its link, when the plugin gave one and the id is not there).
        Translations the index does not hold are left out: a parallel corpus
        is a dictionary comprehension away.

        >>> import wpparse
        >>> en = wpparse.parse_post({"id": 10, "lang": "en", "translations": {"fr": 12}})
        >>> fr = wpparse.parse_post({"id": 12, "lang": "fr", "title": {"rendered": "Bonjour"}})
        >>> {lang: p.title for lang, p in wpparse.SiteIndex([en, fr]).translations(en).items()}
        {'fr': 'Bonjour'}
        """
        host = self._ident(post)[0]
        found: dict[str, Post] = {}
        for translation in post.translations:
            obj = self._translation(translation, host)
            if isinstance(obj, Post):
                found.setdefault(translation.language, obj)
        return found

    def _translation(self, translation: Translation, host: str) -> SiteObject | None:
        ident = self._by_id(host, "post", translation.id)
        if ident is None and translation.link:
            ident = self._resolve(translation.link)
        return None if ident is None else self._objects[ident]

    # -- the collection ----------------------------------------------------------

    def __iter__(self) -> Iterator[SiteObject]:
        """The indexed objects (light copies), in the order they were first read."""
        return iter(self._objects.values())

    def __len__(self) -> int:
        return len(self._objects)

    def __repr__(self) -> str:
        links = sum(len(links) for _, links in self._sources)
        return f"<SiteIndex: {len(self._objects)} objects, {links} internal links>"
