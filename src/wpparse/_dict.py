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


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if attrs.has(type(value)):
        return _attrs_dict(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


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
