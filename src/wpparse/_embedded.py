"""
A post's ``_embedded`` object to an :class:`~wpparse.Embedded`.

``?_embed`` puts, under ``_embedded``, the targets of the post's embeddable
``_links``: one entry per link, in the same order.  Most entries are one object
(``author``, ``wp:featuredmedia``, ``up``); ``wp:term`` and ``replies`` hold a
list per link (one list of terms per taxonomy), which is why an empty term list
can only be named through its link.  WordPress.com puts an error object where
it may not show the target: that becomes an :class:`~wpparse.Absence`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo
from typing import Any

from wpparse._json.kinds import is_error_object
from wpparse._model.objects import Absence, Comment, Relation, Term, User
from wpparse._model.post import Embedded, Media, Post
from wpparse._objectfields import new_embedded
from wpparse._relations import key_path
from wpparse._wpjson import post_from_mapping
from wpparse._wpobjects import (
    comment_of,
    media_of,
    object_from_mapping,
    term_of,
    user_of,
)
from wpparse.exceptions import InvalidPostError, NotAPostError, describe

__all__ = ["INVALID", "embedded_from_v1", "parse_embedded"]

INVALID = "wpparse_invalid"
"""The :attr:`Absence.code` of an embedded object wpparse could not read."""

_API = "https://api.w.org/"


def _canonical(rel: str) -> str:
    """``wp:term`` and ``https://api.w.org/term`` both give ``wp:term``."""
    if rel.startswith(_API):
        return "wp:" + rel.removeprefix(_API)
    return rel


def _links_for(rel: str, name: str, relations: tuple[Relation, ...]) -> list[Relation]:
    # The relations whose name is rel's, or whose URI has rel's canonical
    # name (name): _canonical(r.rel_uri) == name, without calling it for each.
    uris = {name, _API + name[3:]} if name.startswith("wp:") else {name}
    matching = [r for r in relations if r.rel == rel or r.rel_uri in uris]
    embeddable = [r for r in matching if r.embeddable]
    return embeddable or matching


def _absence(
    item: Mapping[str, Any], rel: str, link: Relation | None, path: str
) -> Absence:
    data = item.get("data")
    status = data.get("status") if isinstance(data, Mapping) else None
    message = item.get("message")
    return Absence(
        rel=rel,
        code=str(item.get("code")),
        message=message if isinstance(message, str) else "",
        status=status
        if isinstance(status, int) and not isinstance(status, bool)
        else None,
        href=link.href if link is not None else None,
        path=path,
        value=item,
    )


class _Collector:
    def __init__(self, tz: tzinfo | None, *, clean: bool = False) -> None:
        self.tz = tz
        self.clean = clean  # no string holds a lone surrogate: see _load
        self.authors: list[User] = []
        self.featured: list[Media] = []
        self.terms: dict[str, list[Term]] = {}
        self.replies: list[Comment] = []
        self.parents: list[Post] = []
        self.other: dict[str, list[Any]] = {}
        self.absences: list[Absence] = []

    def add(
        self, rel: str, name: str, item: Any, link: Relation | None, path: str
    ) -> None:
        """Add *item*, embedded for the relation *rel* (canonically *name*)."""
        if item.__class__ is list or isinstance(item, list):
            if name == "wp:term" and link is not None and link.taxonomy:
                self.terms.setdefault(link.taxonomy, [])
            for index, inner in enumerate(item):
                self.add(rel, name, inner, link, f"{path}[{index}]")
            return
        if item.__class__ is not dict and not isinstance(item, Mapping):
            msg = f"expected an embedded object or list, got {describe(item)}"
            raise InvalidPostError(msg, path=path)
        if "code" in item and is_error_object(item):
            self.absences.append(_absence(item, rel, link, path))
            return
        try:
            self._add_object(rel, name, item, link, path)
        except InvalidPostError as exc:
            # One odd embedded object must not cost the whole post.
            self.absences.append(
                Absence(
                    rel=rel,
                    code=INVALID,
                    message=exc.reason,
                    href=link.href if link is not None else None,
                    path=exc.path,
                    value=item,
                )
            )

    def _add_object(
        self,
        rel: str,
        name: str,
        item: Mapping[str, Any],
        link: Relation | None,
        path: str,
    ) -> None:
        # item is no error object: the *_of builders do not look again.
        if name == "wp:term":  # the most frequent first
            taxonomy = link.taxonomy if link else None
            term = term_of(item, path, taxonomy, clean=self.clean)
            self.terms.setdefault(term.taxonomy or "", []).append(term)
        elif name == "author":
            self.authors.append(user_of(item, path, clean=self.clean))
        elif name == "wp:featuredmedia":
            self.featured.append(media_of(item, path, self.tz, clean=self.clean))
        elif name == "replies":
            self.replies.append(comment_of(item, path, self.tz, clean=self.clean))
        elif name == "up":
            parent = post_from_mapping(item, path=path, tz=self.tz, clean=self.clean)
            self.parents.append(parent)
        else:
            try:
                parsed: Any = object_from_mapping(item, path=path, tz=self.tz)
            except NotAPostError:
                parsed = item  # of no kind wpparse models: kept as received
            self.other.setdefault(rel, []).append(parsed)

    def result(self) -> Embedded:
        return new_embedded(
            tuple(self.authors),
            tuple(self.featured),
            {k: tuple(v) for k, v in self.terms.items()},
            tuple(self.replies),
            tuple(self.parents),
            {k: tuple(v) for k, v in self.other.items()},
            tuple(self.absences),
        )


def parse_embedded(
    value: Any,
    relations: tuple[Relation, ...],
    *,
    path: str = "$._embedded",
    tz: tzinfo | None = None,
    clean: bool = False,
) -> Embedded:
    """
    Return the :class:`Embedded` of a post's ``_embedded`` value.

    *relations* are the post's parsed ``_links``; each embedded entry is lined
    up with the embeddable link it follows.  *path* names the value in errors.
    *clean* says that no string in *value* holds a lone surrogate (see
    :func:`~wpparse._json.load.load_json_clean`).
    """
    if isinstance(value, list) and not value:  # PHP's empty array
        return Embedded()
    if value.__class__ is not dict and not isinstance(value, Mapping):
        msg = f"expected an object of embedded relations, got {describe(value)}"
        raise InvalidPostError(msg, path=path)
    collector = _Collector(tz, clean=clean)
    add = collector.add
    for key, items in value.items():
        rel = str(key)
        name = _canonical(rel)
        links = _links_for(rel, name, relations)
        where = key_path(path, key)
        if items.__class__ is list or isinstance(items, list):
            for index, item in enumerate(items):
                link = links[index] if index < len(links) else None
                add(rel, name, item, link, f"{where}[{index}]")
        else:
            add(rel, name, items, links[0] if links else None, where)
    return collector.result()


def embedded_from_v1(
    obj: Mapping[str, Any], *, path: str = "$", tz: tzinfo | None = None
) -> Embedded:
    """
    Return the :class:`Embedded` of a WP-API v1 post (2014).

    v1 had no ``_embedded``: it put the author object itself under ``author``
    and the terms, by taxonomy, under ``terms``.
    """
    collector = _Collector(tz)
    author = obj.get("author")
    if isinstance(author, Mapping):
        collector.add("author", "author", author, None, f"{path}.author")
    terms = obj.get("terms")
    if isinstance(terms, Mapping):
        for taxonomy, items in terms.items():
            link = Relation(
                rel="wp:term", rel_uri=_API + "term", href="", taxonomy=str(taxonomy)
            )
            where = key_path(f"{path}.terms", taxonomy)
            collector.add("wp:term", "wp:term", items, link, where)
    return collector.result()
