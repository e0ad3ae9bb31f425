"""
Which collections a site has and which of them a mirror fetches.

The post types and taxonomies come from the site itself (``/wp/v2/types`` and
``/wp/v2/taxonomies``), so custom ones come along; users and comments are
added.  Each becomes a :class:`Target`: the route, the file it is saved to,
the names a caller may ask it by, and whether WordPress can filter it by
modification time.  When a site hides those lists, the core collections
stand in for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from wpparse._fetch.errors import MirrorError

__all__ = ["CORE", "Target", "select", "targets_from"]

# WordPress's own machinery, not content: fetched only when named.
_INTERNAL_TYPES = frozenset({"nav_menu_item"})
_INTERNAL_TAXONOMIES = frozenset({"nav_menu", "link_category"})
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")
_ROUTE = re.compile(r"[A-Za-z0-9_.~-]+(?:/[A-Za-z0-9_.~-]+)*")


def _plain_route(route: str) -> bool:
    """A route of plain segments: no ``..`` that would climb out of the API."""
    return bool(_ROUTE.fullmatch(route)) and not {".", ".."} & set(route.split("/"))


@attrs.frozen(kw_only=True)
class Target:
    """One collection to mirror."""

    name: str
    """The file's name without ``.jsonl``: ``posts``, ``books``, ``categories``."""
    route: str
    """``wp/v2/posts``."""
    kind: str
    """``post type``, ``taxonomy``, ``users`` or ``comments``."""
    slug: str
    """WordPress's name for it: ``post``, ``post_tag``, ``users``."""
    default: bool
    """Fetched when the caller names no types."""

    @property
    def dated(self) -> bool:
        """Whether WordPress filters it by ``modified_after`` (post types only)."""
        return self.kind == "post type"

    @property
    def names(self) -> frozenset[str]:
        """What a caller may call it."""
        return frozenset({self.name, self.slug, self.route.rsplit("/", 1)[-1]})

    def query(self, *, authenticated: bool) -> dict[str, str]:
        """The query of every page but ``page`` itself."""
        query = {"per_page": "100", "orderby": "id", "order": "asc"}
        if authenticated:
            query["context"] = "edit"
            if self.kind == "post type" and self.slug != "attachment":
                query["status"] = "any"
            elif self.kind == "comments":
                query["status"] = "all"
        return query


def _file_name(namespace: str, base: str) -> str:
    name = _SAFE.sub("-", base).strip("-") or "unnamed"
    if namespace != "wp/v2":
        name = _SAFE.sub("-", namespace).strip("-") + "-" + name
    return name


def _entries(listing: Any, kind: str, internal: frozenset[str]) -> Iterable[Target]:
    if not isinstance(listing, Mapping):
        return
    for key, value in listing.items():
        if not isinstance(value, Mapping):
            continue
        base = value.get("rest_base")
        if not isinstance(base, str) or not base.strip("/"):
            continue
        base = base.strip("/")
        namespace = value.get("rest_namespace")
        if not isinstance(namespace, str) or not namespace.strip("/"):
            namespace = "wp/v2"
        namespace = namespace.strip("/")
        given = value.get("slug")
        slug = given if isinstance(given, str) else str(key)
        if not _plain_route(f"{namespace}/{base}"):
            continue  # a site's listing is input: never a path out of the API
        yield Target(
            name=_file_name(namespace, base),
            route=f"{namespace}/{base}",
            kind=kind,
            slug=slug,
            default=not (slug in internal or slug.startswith("wp_")),
        )


CORE = (
    Target(
        name="posts", route="wp/v2/posts", kind="post type", slug="post", default=True
    ),
    Target(
        name="pages", route="wp/v2/pages", kind="post type", slug="page", default=True
    ),
    Target(
        name="media",
        route="wp/v2/media",
        kind="post type",
        slug="attachment",
        default=True,
    ),
    Target(
        name="categories",
        route="wp/v2/categories",
        kind="taxonomy",
        slug="category",
        default=True,
    ),
    Target(
        name="tags", route="wp/v2/tags", kind="taxonomy", slug="post_tag", default=True
    ),
)
_PEOPLE = (
    Target(name="users", route="wp/v2/users", kind="users", slug="users", default=True),
    Target(
        name="comments",
        route="wp/v2/comments",
        kind="comments",
        slug="comments",
        default=False,
    ),
)


def targets_from(types: Any, taxonomies: Any) -> list[Target]:
    """Every collection of a site, from its ``/wp/v2/types`` and ``/wp/v2/taxonomies``."""
    found = [
        *_entries(types, "post type", _INTERNAL_TYPES),
        *_entries(taxonomies, "taxonomy", _INTERNAL_TAXONOMIES),
    ]
    listed = {target.kind for target in found}
    # A site that hides one list still has WordPress's core collections.
    found.extend(target for target in CORE if target.kind not in listed)
    found.extend(_PEOPLE)
    unique: dict[str, Target] = {}
    for target in found:
        unique.setdefault(target.name, target)
    return list(unique.values())


def select(
    targets: list[Target], wanted: Iterable[str] | None
) -> tuple[list[Target], set[str]]:
    """
    The targets a caller asked for, and the names of those asked by name.

    ``None`` asks for the default ones (content, terms, users: not comments,
    not WordPress's internal types); ``"all"`` for those and comments.
    """
    if wanted is None:
        return [t for t in targets if t.default], set()
    names = [name.strip() for name in wanted if name.strip()]
    chosen: dict[str, Target] = {}
    named: set[str] = set()
    unknown = []
    for name in names:
        if name == "all":
            chosen.update(
                (t.name, t) for t in targets if t.default or t.kind == "comments"
            )
            continue
        match = [t for t in targets if name in t.names]
        if not match:
            unknown.append(name)
        for target in match:
            chosen[target.name] = target
            named.add(target.name)
    if unknown:
        known = ", ".join(sorted(t.name for t in targets))
        msg = f"the site has no {', '.join(map(repr, unknown))} to mirror; it has: {known}, or all"
        raise MirrorError(msg)
    return [t for t in targets if t.name in chosen], named
