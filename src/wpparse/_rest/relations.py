"""
A REST object's ``_links`` to :class:`~wpparse.Relation` objects.

``_links`` maps a relation name to a list of link objects.  Names are either
registered names (``self``, ``author``), full URIs (older WordPress:
``https://api.w.org/term``), or CURIEs (``wp:term``) that ``curies`` expands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wpparse._model.build import builder
from wpparse._model.deferred import Deferred
from wpparse._model.objects import Relation
from wpparse._rest.context import INT_TEXT, is_mapping
from wpparse.exceptions import InvalidPostError, describe

__all__ = ["deferred_relations", "key_path", "parse_relations"]

# WordPress's only CURIE.  Used when a response trimmed ``curies`` away.
_DEFAULT_CURIES = {"wp": "https://api.w.org/{rel}"}


# The curies WordPress itself sends, as json.loads reads them.
_WP_CURIES = [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]


def _curies(links: Mapping[str, Any]) -> Mapping[str, str]:
    """The CURIE templates of *links*, by name (read only: may be _DEFAULT_CURIES)."""
    raw = links.get("curies")
    if raw is None or raw == _WP_CURIES:  # what the loop below would find
        return _DEFAULT_CURIES
    found = dict(_DEFAULT_CURIES)
    if isinstance(raw, list):
        for item in raw:
            if is_mapping(item):
                name, href = item.get("name"), item.get("href")
                if isinstance(name, str) and isinstance(href, str):
                    found[name] = href
    return found


def expand_rel(rel: str, curies: Mapping[str, str]) -> str:
    """Expand a CURIE such as ``wp:term`` through *curies*; other names stay themselves."""
    prefix, sep, reference = rel.partition(":")
    if not sep or reference.startswith("//"):
        return rel
    template = curies.get(prefix)
    if template is None:
        return rel
    return template.replace("{rel}", reference)


def key_path(path: str, key: Any) -> str:
    """The path of the member *key* of the object at *path*: ``$.x['it\\'s']``."""
    name = key if key.__class__ is str else str(key)
    if "'" in name or "\\" in name:
        name = name.replace("\\", "\\\\").replace("'", "\\'")
    return f"{path}['{name}']"


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and INT_TEXT.fullmatch(value):
        return int(value)
    return None


def _item_path(path: str, rel: Any, index: int, listed: bool) -> str:  # noqa: FBT001
    rel_path = key_path(path, rel)
    return f"{rel_path}[{index}]" if listed else rel_path


# One post has a dozen relations: they are built slot by slot.
_new_relation = builder(Relation)


def _other_fields(
    item: Mapping[str, Any],
) -> tuple[bool, str | None, str | None, int | None, int | None, bool, Any]:
    """
    ``(embeddable, taxonomy, name, id, count, templated, target_hints)`` of a
    link object that is another Mapping than a dict (asked for each, as it may
    answer more keys than it lists).
    """
    get = item.get
    taxonomy = get("taxonomy")
    name = get("name")
    number = get("id")
    count = get("count")
    hints = get("targetHints")
    return (
        get("embeddable") is True,
        taxonomy if isinstance(taxonomy, str) else None,
        name if isinstance(name, str) else None,
        None if number is None else _int_or_none(number),
        None if count is None else _int_or_none(count),
        get("templated") is True,
        hints if is_mapping(hints) else None,
    )


# CURIE expansions through WordPress's own curies, the usual case: a few
# names ("wp:term") on every post.  Bounded against hostile input.
_WP_EXPANDED: dict[str, str] = {}
_MAX_EXPANDED = 256


def _expanded(rel: str, curies: Mapping[str, str]) -> str:
    if curies is not _DEFAULT_CURIES and curies != _DEFAULT_CURIES:
        return expand_rel(rel, curies)
    rel_uri = _WP_EXPANDED.get(rel)
    if rel_uri is None:
        rel_uri = expand_rel(rel, curies)
        if len(_WP_EXPANDED) < _MAX_EXPANDED and rel.__class__ is str:
            _WP_EXPANDED[rel] = rel_uri
    return rel_uri


def parse_relations(links: Any, path: str) -> tuple[Relation, ...]:  # noqa: PLR0915 - inlined: a call per relation costs
    """Return the relations of a ``_links`` value; *path* names it in errors."""
    if links is None:
        return ()
    if links.__class__ is not dict and not is_mapping(links):
        msg = f"expected an object of link relations, got {describe(links)}"
        raise InvalidPostError(msg, path=path)
    curies: Mapping[str, str] | None = None  # read only when a name has a prefix
    relations: list[Relation] = []
    append = relations.append
    for rel, targets in links.items():
        if targets is None or rel == "curies":
            continue
        if rel.__class__ is str and ":" not in rel:
            rel_uri = rel  # a registered name ("self", "author"): no CURIE
        else:
            if not isinstance(rel, str):  # a dict built in Python, not from JSON
                msg = f"expected a relation name, got {describe(rel)}"
                raise InvalidPostError(msg, path=path)
            if curies is None:
                curies = _curies(links)
            rel_uri = _expanded(rel, curies)
        listed = targets.__class__ is list or isinstance(targets, list)
        for index, item in enumerate(targets if listed else (targets,)):
            # JSON paths are built only for an error: they cost more than the
            # relation itself.
            if item.__class__ is not dict and not is_mapping(item):
                msg = f"expected a link object, got {describe(item)}"
                raise InvalidPostError(msg, path=_item_path(path, rel, index, listed))
            href = item.get("href")
            if href.__class__ is not str and not isinstance(href, str):
                msg = f"expected an 'href' string, got {describe(href)}"
                where = _item_path(path, rel, index, listed)
                raise InvalidPostError(msg, path=f"{where}.href")
            # Every other field its default, then the link object's own
            # attributes (often none but href, or one or two): a loop over
            # them costs less than asking for each of seven.
            embeddable = templated = False
            taxonomy = name = number = count = hints = None
            if len(item) == 1:  # {"href": ...}
                pass
            elif item.__class__ is dict:
                for key, value in item.items():
                    if key == "href":
                        continue
                    if key == "embeddable":
                        embeddable = value is True or embeddable
                    elif key == "taxonomy":
                        if isinstance(value, str):
                            taxonomy = value
                    elif key == "targetHints":
                        if value.__class__ is dict or is_mapping(value):
                            hints = value
                    elif key == "id":
                        number = _int_or_none(value)
                    elif key == "count":
                        count = _int_or_none(value)
                    elif key == "name":
                        if isinstance(value, str):
                            name = value
                    elif key == "templated" and value is True:
                        templated = True
            else:
                embeddable, taxonomy, name, number, count, templated, hints = (
                    _other_fields(item)
                )
            append(
                _new_relation(
                    rel=rel,
                    rel_uri=rel_uri,
                    href=href,
                    embeddable=embeddable,
                    taxonomy=taxonomy,
                    name=name,
                    id=number,
                    count=count,
                    templated=templated,
                    target_hints=hints,
                    attributes=item,
                )
            )
    return tuple(relations)


def _well_formed(links: Any) -> bool:
    """
    Whether :func:`parse_relations` reads *links* without an error.

    The checks it makes, in its order, and nothing else: a mapping of names
    (text) to link objects (mappings), or lists of them, each with an
    ``href`` string.  What fails here, it raises.
    """
    if links.__class__ is not dict and not is_mapping(links):
        return False
    for rel, targets in links.items():
        # WordPress's own shape first: a name, and a list of link objects.
        if targets.__class__ is list and rel.__class__ is str:
            for item in targets:
                if item.__class__ is not dict or item.get("href").__class__ is not str:
                    break
            else:
                continue
        if targets is None or rel == "curies":
            continue
        if rel.__class__ is not str and not isinstance(rel, str):
            return False
        if targets.__class__ is dict:
            href = targets.get("href")
            if href.__class__ is not str and not isinstance(href, str):
                return False
            continue
        listed = targets.__class__ is list or isinstance(targets, list)
        for item in targets if listed else (targets,):
            if item.__class__ is not dict and not is_mapping(item):
                return False
            href = item.get("href")
            if href.__class__ is not str and not isinstance(href, str):
                return False
    return True


def deferred_relations(links: Any, path: str) -> tuple[Relation, ...] | Deferred:
    """
    The relations of a ``_links`` value, built when first read (see :mod:`wpparse._model.deferred`).

    Checked now: a malformed value raises what :func:`parse_relations`
    raises, as the object is parsed.  *path* names it in errors.
    """
    if links is None or (links.__class__ is dict and not links):
        return ()
    if _well_formed(links):
        return Deferred(parse_relations, links, path)
    return parse_relations(links, path)  # raises the error it finds
