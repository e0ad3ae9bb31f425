"""
Render a :class:`~wpparse.Post` as plain JSON-serialisable data.

The shape mirrors the models: field names are the attribute names, dates are
ISO 8601 strings with their offset, enums are their string values, tuples are
lists.  It is what the CLI's ``json`` and ``jsonl`` formats print.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from wpparse._models import Post, Section

__all__ = ["to_dict"]


def _scalar(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if attrs.has(type(value)):
        return _attrs_dict(value)
    return value


def _plain(value: Any) -> Any:
    """
    Return *value* as plain JSON data.

    Iterative, not recursive: ``Post.extra`` holds JSON from the open web,
    which may nest as deep as the JSON reader allows.
    """
    if not isinstance(value, (Mapping, list, tuple)):
        return _scalar(value)
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while stack:
        source, target, key = stack.pop()
        if isinstance(source, Mapping):
            copy: Any = {}
            for k, v in source.items():
                copy[str(k)] = None
                stack.append((v, copy, str(k)))
        elif isinstance(source, (list, tuple)):
            copy = [None] * len(source)
            stack.extend((v, copy, i) for i, v in enumerate(source))
        else:
            copy = _scalar(source)
        target[key] = copy
    return root[0]


def _attrs_dict(instance: Any) -> dict[str, Any]:
    out = {
        field.name: _plain(getattr(instance, field.name))
        for field in attrs.fields(type(instance))
    }
    if isinstance(instance, Section):
        out["text"] = instance.text
    return out


def to_dict(post: Post) -> dict[str, Any]:
    """
    Return *post* as a dict of JSON-serialisable values.

    ``json.dumps(wpparse.to_dict(post))`` always works; dates are ISO 8601
    strings with their UTC offset (or without one, for naive wall-clock dates).

    .. versionadded:: 0.1.0
    """
    return _attrs_dict(post)
