"""
A REST object's ``_links`` to :class:`~wpparse.Relation` objects.

``_links`` maps a relation name to a list of link objects.  Names are either
registered names (``self``, ``author``), full URIs (older WordPress:
``https://api.w.org/term``), or CURIEs (``wp:term``) that ``curies`` expands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wpparse._models import Relation
from wpparse.exceptions import InvalidPostError, describe

__all__ = ["parse_relations", "quote_key"]

# WordPress's only CURIE.  Used when a response trimmed ``curies`` away.
_DEFAULT_CURIES = {"wp": "https://api.w.org/{rel}"}
# ASCII digits only ("²".isdigit() is true), and few enough for int().
_INT_TEXT = re.compile(r"\s*[0-9]{1,4000}\s*")


def _curies(links: Mapping[str, Any]) -> dict[str, str]:
    found = dict(_DEFAULT_CURIES)
    raw = links.get("curies")
    if isinstance(raw, list):
        for item in raw:
            if isinstance(item, Mapping):
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


def parse_relations(links: Any, path: str) -> tuple[Relation, ...]:
    """Return the relations of a ``_links`` value; *path* names it in errors."""
    if links is None:
        return ()
    if not isinstance(links, Mapping):
        msg = f"expected an object of link relations, got {describe(links)}"
        raise InvalidPostError(msg, path=path)
    curies = _curies(links)
    relations: list[Relation] = []
    for rel, targets in links.items():
        if rel == "curies" or targets is None:
            continue
        rel_uri = expand_rel(rel, curies)
        listed = isinstance(targets, list)
        for index, item in enumerate(targets if listed else (targets,)):
            # JSON paths are built only for an error: they cost more than the
            # relation itself.
            if not isinstance(item, Mapping):
                msg = f"expected a link object, got {describe(item)}"
                raise InvalidPostError(msg, path=_item_path(path, rel, index, listed))
            href = item.get("href")
            if not isinstance(href, str):
                msg = f"expected an 'href' string, got {describe(href)}"
                where = _item_path(path, rel, index, listed)
                raise InvalidPostError(msg, path=f"{where}.href")
            if len(item) == 1:  # {"href": ...} alone: every other field is its default
                relations.append(
                    Relation(rel=rel, rel_uri=rel_uri, href=href, attributes=item)
                )
                continue
            taxonomy = item.get("taxonomy")
            name = item.get("name")
            hints = item.get("targetHints")
            relations.append(
                Relation(
                    rel=rel,
                    rel_uri=rel_uri,
                    href=href,
                    embeddable=item.get("embeddable") is True,
                    taxonomy=taxonomy if isinstance(taxonomy, str) else None,
                    name=name if isinstance(name, str) else None,
                    id=_int_or_none(item.get("id")),
                    count=_int_or_none(item.get("count")),
                    templated=item.get("templated") is True,
                    target_hints=hints if isinstance(hints, Mapping) else None,
                    attributes=item,
                )
            )
    return tuple(relations)
