"""
A post's ``_embedded`` object to an :class:`~wpparse.Embedded`.

``?_embed`` puts, under ``_embedded``, the targets of the post's embeddable
``_links``: one entry per link, in the same order.  Most entries are one object
(``author``, ``wp:featuredmedia``, ``up``); ``wp:term`` and ``replies`` hold a
list per link (one list of terms per taxonomy), which is why an empty term list
can only be named through its link.  WordPress.com puts an error object where
it may not show the target: that becomes an :class:`~wpparse.Absence`.

A post embeds posts (its parent) and media, and a media record embeds in turn:
the readers of those live above this module and call it.  They come down in
the :class:`~wpparse._rest.context.Context` as a
:class:`~wpparse._rest.context.Readers` value, made by
:mod:`wpparse._rest.dispatch`, so that the recursion goes through a value and
no import goes in a circle.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wpparse._html.repair import MAX_ATTRIBUTES, MAX_DEPTH
from wpparse._json.kinds import error_status, is_error_object
from wpparse._model.deferred import Deferred, built
from wpparse._model.objects import Absence, Comment, Relation, Term, User
from wpparse._model.post import Embedded, Media, Post
from wpparse._rest.context import Context, Readers, is_mapping
from wpparse._rest.object_fields import new_embedded
from wpparse._rest.objects import comment_of, term_of, user_of
from wpparse._rest.relations import key_path
from wpparse.exceptions import InvalidPostError, NotAPostError, describe

__all__ = [
    "INVALID",
    "deferred_embedded",
    "embedded_from_v1",
    "embedded_of",
    "parse_embedded",
]

INVALID = "wpparse_invalid"
"""The :attr:`Absence.code` of an embedded object wpparse could not read."""

_API = "https://api.w.org/"


def _canonical(rel: str) -> str:
    """``wp:term`` and ``https://api.w.org/term`` both give ``wp:term``."""
    if rel.startswith(_API):
        return "wp:" + rel.removeprefix(_API)
    return rel


# Relations x _embedded keys up to which each key scans the relations: past
# it, an index (thousands of each would take quadratic time).
_SCAN = 1024


class _LinkIndex:
    """The relations by name and by URI, so that each ``_embedded`` key finds its links at once."""

    def __init__(self, relations: tuple[Relation, ...], keys: int) -> None:
        self.relations = relations
        self.positions: dict[str, list[int]] | None = None
        if len(relations) * keys <= _SCAN:  # a post's dozen: a scan costs less
            return
        self.positions = {}
        for position, relation in enumerate(relations):
            self.positions.setdefault(relation.rel, []).append(position)
            if relation.rel_uri != relation.rel:
                self.positions.setdefault(relation.rel_uri, []).append(position)

    def links_for(self, rel: str, name: str) -> list[Relation]:
        """
        The relations whose name is *rel*, or whose URI has *rel*'s canonical name *name*.

        In order, the embeddable ones if any (the entries of ``_embedded``
        follow them), else all of them.
        """
        uris = {name, _API + name[3:]} if name.startswith("wp:") else {name}
        if self.positions is None:
            matching = [r for r in self.relations if r.rel == rel or r.rel_uri in uris]
        else:
            found: set[int] = set(self.positions.get(rel, ()))
            for key in uris:
                found.update(self.positions.get(key, ()))
            matching = [self.relations[position] for position in sorted(found)]
        embeddable = [r for r in matching if r.embeddable]
        return embeddable or matching


def _absence(
    item: Mapping[str, Any], rel: str, link: Relation | None, path: str
) -> Absence:
    code, message, status = error_status(item)
    return Absence(
        rel=rel,
        code=code,
        message=message,
        status=status,
        href=link.href if link is not None else None,
        path=path,
        value=item,
    )


class _Collector:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        readers = ctx.readers
        if readers is None:
            msg = "reading _embedded needs the readers of embedded posts and media"
            raise TypeError(msg)
        self.readers: Readers = readers
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
            # Lists in lists, however deep, without recursion, in order.
            stack: list[tuple[Any, str]] = [(item, path)]
            while stack:
                value, where = stack.pop()
                if value.__class__ is list or isinstance(value, list):
                    if name == "wp:term" and link is not None and link.taxonomy:
                        self.terms.setdefault(link.taxonomy, [])
                    stack.extend(
                        (inner, f"{where}[{index}]")
                        for index, inner in reversed(list(enumerate(value)))
                    )
                else:
                    self.add(rel, name, value, link, where)
            return
        if item.__class__ is not dict and not is_mapping(item):
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
        ctx = self.ctx.at(path)
        if name == "wp:term":  # the most frequent first
            taxonomy = link.taxonomy if link else None
            term = term_of(item, ctx, taxonomy)
            self.terms.setdefault(term.taxonomy or "", []).append(term)
        elif name == "author":
            self.authors.append(user_of(item, ctx))
        elif name == "wp:featuredmedia":
            self.featured.append(self.readers.media(item, ctx))
        elif name == "replies":
            self.replies.append(comment_of(item, ctx))
        elif name == "up":
            self.parents.append(self.readers.post(item, ctx))
        else:
            try:
                parsed: Any = self.readers.model(item, ctx)
            except NotAPostError:
                parsed = item  # of no kind wpparse models: kept as received
            self.other.setdefault(rel, []).append(parsed)

    def result(self) -> Embedded:
        return new_embedded(
            authors=tuple(self.authors),
            featured_media=tuple(self.featured),
            terms={k: tuple(v) for k, v in self.terms.items()},
            replies=tuple(self.replies),
            parents=tuple(self.parents),
            other={k: tuple(v) for k, v in self.other.items()},
            absences=tuple(self.absences),
        )


def parse_embedded(
    value: Any, relations: tuple[Relation, ...], ctx: Context
) -> Embedded:
    """
    Return the :class:`Embedded` of a post's ``_embedded`` value, at ``ctx.path``.

    *relations* are the post's parsed ``_links``; each embedded entry is lined
    up with the embeddable link it follows.  ``ctx.readers`` read the
    embedded posts and media, and objects of other relations.
    """
    if isinstance(value, list) and not value:  # PHP's empty array
        return Embedded()
    path = ctx.path
    if not is_mapping(value):
        msg = f"expected an object of embedded relations, got {describe(value)}"
        raise InvalidPostError(msg, path=path)
    collector = _Collector(ctx)
    add = collector.add
    link_index = _LinkIndex(relations, len(value))
    for key, items in value.items():
        rel = str(key)
        name = _canonical(rel)
        links = link_index.links_for(rel, name)
        where = key_path(path, key)
        if items.__class__ is list or isinstance(items, list):
            for index, item in enumerate(items):
                link = links[index] if index < len(links) else None
                add(rel, name, item, link, f"{where}[{index}]")
        else:
            add(rel, name, items, links[0] if links else None, where)
    return collector.result()


def embedded_from_v1(obj: Mapping[str, Any], ctx: Context) -> Embedded:
    """
    Return the :class:`Embedded` of a WP-API v1 post (2014), at ``ctx.path``.

    v1 had no ``_embedded``: it put the author object itself under ``author``
    and the terms, by taxonomy, under ``terms``.
    """
    collector = _Collector(ctx)
    path = ctx.path
    author = obj.get("author")
    if is_mapping(author):
        collector.add("author", "author", author, None, f"{path}.author")
    terms = obj.get("terms")
    if is_mapping(terms):
        for taxonomy, items in terms.items():
            link = Relation(
                rel="wp:term", rel_uri=_API + "term", href="", taxonomy=str(taxonomy)
            )
            where = key_path(f"{path}.terms", taxonomy)
            collector.add("wp:term", "wp:term", items, link, where)
    return collector.result()


def embedded_of(
    obj: Mapping[str, Any], relations: tuple[Relation, ...], ctx: Context
) -> Embedded | None:
    """
    Return the :class:`Embedded` of the object *obj* at ``ctx.path``, or ``None`` when it embeds nothing.

    *relations* are the object's parsed ``_links``.  Reads ``_embedded``, or
    WP-API v1's author and terms objects in place.
    """
    if "_embedded" in obj:
        where = ctx.at(f"{ctx.path}._embedded")
        return parse_embedded(obj["_embedded"], relations, where)
    if is_mapping(obj.get("author")) or is_mapping(obj.get("terms")):
        return embedded_from_v1(obj, ctx)  # v1: in place
    return None


# --- built on first read ----------------------------------------------------------

# The relations whose objects are read without a warning unless a string
# calls for one (below): users, media, terms and comments.  A parent post
# ("up") and the objects of other relations are read as whole models, whose
# readers may warn about anything: they are read at once.
_PLAIN_RELATIONS = frozenset({"author", "wp:featuredmedia", "wp:term", "replies"})
# Markup shorter than this can hold neither more attributes than
# MAX_ATTRIBUTES on a tag (2 characters each at least) nor elements nested
# deeper than MAX_DEPTH (2 characters each at least, "<a"): the HTML parser
# repairs nothing in it, so it gives no warning.
_SHORT_MARKUP = 2 * min(MAX_ATTRIBUTES, MAX_DEPTH)
_SCALARS = frozenset({int, float, bool, type(None)})
# What an embedded object holds that its reader reads as URLs only.
_URLS_ONLY = frozenset({"_links", "avatar_urls", "author_avatar_urls"})


def _plain_keys(embedded: dict[Any, Any]) -> bool:
    return all(
        key.__class__ is str and _canonical(key) in _PLAIN_RELATIONS for key in embedded
    )


def _quiet(value: Any, clean: bool) -> bool:  # noqa: FBT001
    """
    Whether :func:`parse_embedded` reads *value* without an error or a warning.

    Conservative (``False`` when unsure): a dict of the relations of
    :data:`_PLAIN_RELATIONS`, each an object or lists of objects (dicts),
    where no string holds a lone surrogate (none can, in *clean* text) or
    long markup, and every nested ``_embedded`` is of those relations too.
    What fails here is read at once, raising and warning as it always did.
    """
    if value.__class__ is not dict or not _plain_keys(value):
        return False
    # The embedded objects themselves: what parse_embedded raises for.
    stack: list[Any] = []
    entries = list(value.values())
    while entries:
        entry = entries.pop()
        if entry.__class__ is dict:
            stack.append(entry)
        elif entry.__class__ is list:
            entries.extend(entry)
        else:
            return False
    # Everything in them: what their readers could warn about.
    while stack:
        item = stack.pop()
        cls = item.__class__
        if cls is str:
            if len(item) >= _SHORT_MARKUP and "<" in item:
                return False
            if not clean and not item.isascii():
                try:
                    item.encode("utf-16-le")  # fails only on a lone surrogate
                except UnicodeEncodeError:
                    return False
        elif cls is dict:
            nested = item.get("_embedded")
            if nested is not None and (
                nested.__class__ is not dict or not _plain_keys(nested)
            ):
                return False
            if clean and not item.keys().isdisjoint(_URLS_ONLY):
                # Links and avatars: URLs, read without markup, and in clean
                # text free of lone surrogates: nothing there can warn.
                stack.extend(v for k, v in item.items() if k not in _URLS_ONLY)
            else:
                stack.extend(item.values())
        elif cls is list:
            stack.extend(item)
        elif cls not in _SCALARS:
            return False  # another Mapping or Sequence: read at once
    return True


def _embedded_now(
    value: Any, relations: tuple[Relation, ...] | Deferred, ctx: Context
) -> Embedded:
    return parse_embedded(value, built(relations), ctx)


def deferred_embedded(
    obj: Mapping[str, Any], relations: tuple[Relation, ...] | Deferred, ctx: Context
) -> Embedded | Deferred | None:
    """
    :func:`embedded_of`, built when first read (see :mod:`wpparse._model.deferred`) when that changes nothing.

    That is, when reading ``_embedded`` can neither fail nor warn (see
    :func:`_quiet`): an error or a warning comes as the object is parsed,
    as ever.  *relations* may be deferred too.
    """
    if "_embedded" not in obj:
        if is_mapping(obj.get("author")) or is_mapping(obj.get("terms")):
            return embedded_from_v1(obj, ctx)  # v1: in place
        return None
    value = obj["_embedded"]
    if value.__class__ is list and not value:  # PHP's empty array
        return Embedded()
    where = ctx.at(f"{ctx.path}._embedded")
    if _quiet(value, ctx.clean):
        return Deferred(_embedded_now, value, relations, where)
    return parse_embedded(value, built(relations), where)
