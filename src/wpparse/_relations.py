"""
A REST object's ``_links`` to :class:`~wpparse.Relation` objects.

``_links`` maps a relation name to a list of link objects.  Names are either
registered names (``self``, ``author``), full URIs (older WordPress:
``https://api.w.org/term``), or CURIEs (``wp:term``) that ``curies`` expands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from wpparse._models import Relation
from wpparse.exceptions import InvalidPostError, describe

__all__ = ["parse_relations", "quote_key", "slot_setters"]

# WordPress's only CURIE.  Used when a response trimmed ``curies`` away.
_DEFAULT_CURIES = {"wp": "https://api.w.org/{rel}"}
# ASCII digits only ("²".isdigit() is true), and few enough for int().
_INT_TEXT = re.compile(r"\s*[0-9]{1,4000}\s*")


# The curies WordPress itself sends, as json.loads reads them.
_WP_CURIES = [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]


def _curies(links: Mapping[str, Any]) -> Mapping[str, str]:
    """The CURIE templates of *links*, by name (read only: may be _DEFAULT_CURIES)."""
    raw = links.get("curies")
    if raw is None or (
        raw.__class__ is list
        and len(raw) == 1
        and raw[0].__class__ is dict
        and raw == _WP_CURIES
    ):
        return _DEFAULT_CURIES
    found = dict(_DEFAULT_CURIES)
    if isinstance(raw, list):
        for item in raw:
            if item.__class__ is dict or isinstance(item, Mapping):
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


def quote_key(name: str) -> str:
    """Quote a key for a bracketed JSON path step: ``['it\\'s']``."""
    return name.replace("\\", "\\\\").replace("'", "\\'")


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _INT_TEXT.fullmatch(value):
        return int(value)
    return None


def _item_path(path: str, rel: Any, index: int, listed: bool) -> str:  # noqa: FBT001
    rel_path = f"{path}['{quote_key(str(rel))}']"
    return f"{rel_path}[{index}]" if listed else rel_path


def slot_setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """
    Return the setters of the slots of the attrs class *cls*'s fields *names*.

    ``object.__new__(cls)`` and a setter for every field build the same
    frozen instance attrs's keyword-only ``__init__`` does, for half the cost,
    when the class has no validators or converters to run (the models do
    not) and every field is given a value (defaults and factories then do not
    matter).  *names* must be every field, in order: a field added to the
    class fails here, at import, rather than leave a slot unset.
    """
    fields = attrs.fields(cls)
    if names != tuple(field.name for field in fields) or any(
        field.validator or field.converter for field in fields
    ):
        msg = f"{cls.__name__} has changed: update the fast construction of it"
        raise TypeError(msg)
    return tuple(getattr(cls, name).__set__ for name in names)


# One post has a dozen relations: they are built as slot_setters says.
_new = object.__new__
(
    _set_rel,
    _set_rel_uri,
    _set_href,
    _set_embeddable,
    _set_taxonomy,
    _set_name,
    _set_id,
    _set_count,
    _set_templated,
    _set_target_hints,
    _set_attributes,
) = slot_setters(
    Relation,
    "rel",
    "rel_uri",
    "href",
    "embeddable",
    "taxonomy",
    "name",
    "id",
    "count",
    "templated",
    "target_hints",
    "attributes",
)


def _set_other_fields(relation: Relation, item: Mapping[str, Any]) -> None:
    """Set the fields of *relation* that come from attributes other than ``href``."""
    get = item.get
    taxonomy = get("taxonomy")
    name = get("name")
    number = get("id")
    count = get("count")
    hints = get("targetHints")
    _set_embeddable(relation, get("embeddable") is True)
    _set_taxonomy(relation, taxonomy if isinstance(taxonomy, str) else None)
    _set_name(relation, name if isinstance(name, str) else None)
    _set_id(relation, None if number is None else _int_or_none(number))
    _set_count(relation, None if count is None else _int_or_none(count))
    _set_templated(relation, get("templated") is True)
    _set_target_hints(
        relation,
        hints
        if hints is not None and (hints.__class__ is dict or isinstance(hints, Mapping))
        else None,
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
    if links.__class__ is not dict and not isinstance(links, Mapping):
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
            if curies is None:
                curies = _curies(links)
            rel_uri = _expanded(rel, curies)
        listed = targets.__class__ is list or isinstance(targets, list)
        for index, item in enumerate(targets if listed else (targets,)):
            # JSON paths are built only for an error: they cost more than the
            # relation itself.
            if item.__class__ is not dict and not isinstance(item, Mapping):
                msg = f"expected a link object, got {describe(item)}"
                raise InvalidPostError(msg, path=_item_path(path, rel, index, listed))
            href = item.get("href")
            if href.__class__ is not str and not isinstance(href, str):
                msg = f"expected an 'href' string, got {describe(href)}"
                where = _item_path(path, rel, index, listed)
                raise InvalidPostError(msg, path=f"{where}.href")
            relation: Relation = _new(Relation)
            _set_rel(relation, rel)
            _set_rel_uri(relation, rel_uri)
            _set_href(relation, href)
            _set_attributes(relation, item)
            # Every other field its default, then the link object's own
            # attributes (often none but href, or one or two): a loop over
            # them costs less than asking for each of seven.
            _set_embeddable(relation, False)  # noqa: FBT003
            _set_taxonomy(relation, None)
            _set_name(relation, None)
            _set_id(relation, None)
            _set_count(relation, None)
            _set_templated(relation, False)  # noqa: FBT003
            _set_target_hints(relation, None)
            if len(item) == 1:  # {"href": ...}
                pass
            elif item.__class__ is dict:
                for key, value in item.items():
                    if key == "href":
                        continue
                    if key == "embeddable":
                        if value is True:
                            _set_embeddable(relation, True)  # noqa: FBT003
                    elif key == "taxonomy":
                        if isinstance(value, str):
                            _set_taxonomy(relation, value)
                    elif key == "targetHints":
                        if value.__class__ is dict or isinstance(value, Mapping):
                            _set_target_hints(relation, value)
                    elif key == "id":
                        _set_id(relation, _int_or_none(value))
                    elif key == "count":
                        _set_count(relation, _int_or_none(value))
                    elif key == "name":
                        if isinstance(value, str):
                            _set_name(relation, value)
                    elif key == "templated" and value is True:
                        _set_templated(relation, True)  # noqa: FBT003
            else:  # another Mapping: ask it for each, as it may answer more keys
                _set_other_fields(relation, item)
            append(relation)
    return tuple(relations)
