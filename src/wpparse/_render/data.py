"""
Render a :class:`~wpparse.Post` as plain JSON-serialisable data.

The shape mirrors the models: field names are the attribute names, in the
order the models declare them; dates are ISO 8601 strings with their offset;
enums are their string values; tuples are lists.  Sections also carry their
``text`` and the post its ``text``.  The shape is described by the JSON Schema
shipped in the package (:func:`wpparse.post_schema`); it is what the CLI's
``json`` and ``jsonl`` formats print.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from importlib.resources import files
from typing import Any

import attrs

from wpparse._model.content import Link, Section
from wpparse._model.editor import ParsedBlock
from wpparse._model.post import Post

__all__ = ["link_dict", "post_schema", "to_dict"]

_CONTAINERS = (Mapping, list, tuple)
_SIMPLE = frozenset({str, int, float, bool})


def _scalar(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if value.__class__ is ParsedBlock:
        return _parsed_block(value)
    if attrs.has(type(value)):
        return _attrs_dict(value)
    return value


def _plain(value: Any) -> Any:
    """Copy *value* into JSON types (see :func:`_plain_any`), by its type's handler."""
    if value is None or value.__class__ in _SIMPLE:
        return value
    handler = _HANDLERS.get(value.__class__)
    if handler is None:
        handler = _handler_for(value.__class__)
    return handler(value)


def _same(value: Any) -> Any:
    return value


def _sequence(value: Any) -> Any:
    """A tuple or list: of plain values, of models (blocks, links ...), or anything."""
    handlers = _HANDLERS
    first = None
    for item in value:
        handler = handlers.get(item.__class__) or _handler_for(item.__class__)
        if handler is _same:
            continue
        if handler is not _attrs_dict or (
            first is not None and item.__class__ is not first
        ):
            return _plain_any(value)
        first = item.__class__
    if first is None:
        return list(value)
    return [_plain(item) for item in value]


def _handler_for(cls: type) -> Callable[[Any], Any]:
    """The handler of values of *cls*, found once and kept (bounded: types, not values)."""
    handler: Callable[[Any], Any]
    if cls in _SIMPLE or cls is type(None):
        handler = _same
    elif cls is tuple or cls is list:
        handler = _sequence
    elif attrs.has(cls):
        handler = _attrs_dict
    elif issubclass(cls, enum.Enum | datetime | date):
        handler = _scalar
    else:
        return _plain_any  # not kept: Mappings and the rest take the general way
    if len(_HANDLERS) < _MAX_HANDLERS:
        _HANDLERS[cls] = handler
    return handler


def _parsed_block(block: ParsedBlock) -> dict[str, Any]:
    """A block tree as nested dicts of its fields, built without recursion (trees can be deep)."""
    done: dict[int, dict[str, Any]] = {}
    stack: list[tuple[ParsedBlock, bool]] = [(block, False)]
    while stack:
        current, children_done = stack.pop()
        if not children_done:
            stack.append((current, True))
            stack.extend((inner, False) for inner in current.inner_blocks)
            continue
        done[id(current)] = {
            "name": current.name,
            "attrs": _plain_any(current.attrs),
            "inner_blocks": [done.pop(id(inner)) for inner in current.inner_blocks],
            "inner_html": current.inner_html,
            "inner_content": list(current.inner_content),
        }
    return done[id(block)]


# ParsedBlock's fields are not its attributes' names (its content may be cut
# from the document only when read): it has its own handler.
_HANDLERS: dict[type, Callable[[Any], Any]] = {ParsedBlock: _parsed_block}
_MAX_HANDLERS = 256


def _plain_any(value: Any) -> Any:
    """Copy *value* into JSON types, without recursion (JSON from the web can be deep)."""
    if value is None or type(value) in _SIMPLE:
        return value
    if type(value) is tuple and all(type(item) in _SIMPLE for item in value):
        return list(value)
    if not isinstance(value, _CONTAINERS):
        return _scalar(value)
    holder: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(value, holder, 0)]
    while stack:
        source, target, key = stack.pop()
        if isinstance(source, Mapping):
            copy: Any = {}
            for name, item in source.items():
                if isinstance(item, _CONTAINERS):
                    copy[str(name)] = None
                    stack.append((item, copy, str(name)))
                else:
                    copy[str(name)] = _scalar(item)
        else:
            copy = [None] * len(source)
            for index, item in enumerate(source):
                if isinstance(item, _CONTAINERS):
                    stack.append((item, copy, index))
                else:
                    copy[index] = _scalar(item)
        target[key] = copy
    return holder[0]


_FIELDS: dict[type, tuple[str, ...]] = {}


def _attrs_dict(instance: Any) -> dict[str, Any]:
    cls = type(instance)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(field.name for field in attrs.fields(cls))
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(instance, name)
        if value is None or value.__class__ in _SIMPLE:
            out[name] = value  # most fields: no call
        else:
            out[name] = _plain(value)
    if isinstance(instance, Section | Post):
        out["text"] = instance.text
    return out


def link_dict(link: Link) -> dict[str, Any]:
    """Return *link* as a dict of JSON-serialisable values (as in :func:`to_dict`)."""
    return _attrs_dict(link)


def to_dict(post: Post) -> dict[str, Any]:
    """
    Return *post* as a dict of JSON-serialisable values.

    ``json.dumps(wpparse.to_dict(post))`` always works.  Keys are the model's
    attribute names in declaration order; dates are ISO 8601 strings with
    their UTC offset (without one only for naive wall-clock dates); enums are
    their values; tuples are lists; nested models are dicts of the same kind.
    Each section also has its ``text``, and the post its ``text``.  The
    result validates against :func:`post_schema`.

    .. versionadded:: 0.1.0
    """
    return _attrs_dict(post)


def post_schema() -> dict[str, Any]:
    """
    Return the JSON Schema (draft 2020-12) of :func:`to_dict`'s result.

    The schema ships in the package as ``wpparse/post.schema.json``.

    .. versionadded:: 0.1.0
    """
    text = files("wpparse").joinpath("post.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
