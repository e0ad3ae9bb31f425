"""
wpparse's own data back to models: :func:`from_dict`, the inverse of :func:`~wpparse.to_dict`.

:func:`~wpparse.to_dict` writes a :class:`~wpparse.Post` field by field (dates
as ISO 8601 strings, enums as their values, tuples as lists, nested models as
dicts of the same kind).  :func:`from_dict` reads that shape back, led by the
models' own type hints, so that a field added to a model is read back with
no change here.  It checks every value against its field's type and raises
:class:`~wpparse.InvalidPostError` naming the JSON path of the first one that
does not fit.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from wpparse._model.content import Section
from wpparse._model.objects import Comment, Term, User
from wpparse._model.post import Embedded, Media, Post
from wpparse._rest.context import is_mapping
from wpparse.exceptions import InvalidPostError, describe

__all__ = ["from_dict", "is_dumped_post"]

# The models to_dict writes, and what else a dumped Post or Section holds
# (their computed text).
_COMPUTED = {Post: frozenset({"text"}), Section: frozenset({"text"})}
# The models an embedded object of another relation may be (Embedded.other).
_OTHER_MODELS = (Post, Media, User, Term, Comment)
_POST_MARKERS = frozenset({"id", "title_html", "content_html", "sections"})


def is_dumped_post(obj: Mapping[str, Any]) -> bool:
    """
    Whether *obj* has the shape :func:`~wpparse.to_dict` writes, not the REST API's.

    The REST API sends ``content`` as ``{"rendered": ...}``; wpparse writes
    ``content_html``, ``title_html`` and ``sections`` instead.

    >>> is_dumped_post({"id": 1, "title_html": "", "content_html": "", "sections": []})
    True
    >>> is_dumped_post({"id": 1, "content": {"rendered": ""}})
    False
    """
    return obj.keys() >= _POST_MARKERS and "content" not in obj


def from_dict(data: Mapping[str, Any], *, path: str = "$") -> Post:
    """
    Return the :class:`~wpparse.Post` that :func:`~wpparse.to_dict` gave *data* for.

    Every field comes back: the sections and their blocks, the links, the
    relations, the embedded objects, :attr:`~wpparse.Post.source` too.  The
    post is equal to the one written (``from_dict(to_dict(post)) == post``),
    so a post can be stored as JSON (or JSON Lines, as ``wpparse -f jsonl``
    writes) and read back without parsing the HTML again.
    :func:`~wpparse.parse_post` recognises this shape too, and reads it here.

    >>> import wpparse
    >>> post = wpparse.parse_post({"id": 7, "content": {"rendered": "<h2>Hi</h2><p>Text.</p>"}})
    >>> again = wpparse.from_dict(wpparse.to_dict(post))
    >>> again == post, again.sections[0].title
    (True, 'Hi')

    Args:
        data: A dict :func:`~wpparse.to_dict` returned, or that JSON decoded.
        path: The JSON path of *data*, which prefixes the paths in errors.

    Returns:
        The post.

    Raises:
        InvalidPostError: A value does not fit its field (a date that is no
            ISO 8601 string, an unknown enum value, a field the model does
            not have); the message names its path.

    .. versionadded:: 0.1.0
    """
    post: Post = _model(Post, data, path)
    return post


def _model(cls: type[Any], value: Any, path: str) -> Any:
    if not is_mapping(value):
        raise InvalidPostError(
            f"expected a {cls.__name__} object, got {describe(value)}", path=path
        )
    hints = _hints(cls)
    computed = _COMPUTED.get(cls, frozenset())
    fields: dict[str, Any] = {}
    for key, item in value.items():
        hint = hints.get(key)
        if hint is None:
            if key in computed:
                continue
            raise InvalidPostError(
                f"{cls.__name__} has no field {key!r}", path=f"{path}.{key}"
            )
        where = f"{path}.{key}"
        name = _aliases(cls)[key]  # what __init__ calls the field
        if cls is Embedded and key == "other":
            fields[name] = _other(item, where)
        else:
            fields[name] = _load(item, hint, where)
    try:
        return cls(**fields)
    except TypeError as exc:  # a field without a default is missing
        raise InvalidPostError(f"{cls.__name__}: {exc}", path=path) from None


_HINTS: dict[type, dict[str, Any]] = {}
_ALIASES: dict[type, dict[str, str]] = {}


def _aliases(cls: type[Any]) -> dict[str, str]:
    aliases = _ALIASES.get(cls)
    if aliases is None:
        aliases = _ALIASES[cls] = {
            field.name: field.alias or field.name for field in attrs.fields(cls)
        }
    return aliases


def _hints(cls: type[Any]) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        resolved = typing.get_type_hints(cls)
        names = {field.name for field in attrs.fields(cls)}
        hints = _HINTS[cls] = {k: v for k, v in resolved.items() if k in names}
    return hints


def _load(value: Any, hint: Any, path: str) -> Any:
    """*value*, as to_dict wrote it, back to the type *hint*."""
    if hint is Any:
        return value
    origin = typing.get_origin(hint)
    if origin is types.UnionType or origin is typing.Union:
        arms = typing.get_args(hint)
        if value is None and type(None) in arms:
            return None
        arms = tuple(arm for arm in arms if arm is not type(None))
        for arm in arms[:-1]:  # the first type that reads the value
            try:
                return _load(value, arm, path)
            except InvalidPostError:
                continue
        return _load(value, arms[-1], path)
    if origin is typing.Literal:
        if value in typing.get_args(hint) and isinstance(value, str | int | bool):
            return value
        msg = f"expected one of {typing.get_args(hint)}, got {describe(value)}"
        raise InvalidPostError(msg, path=path)
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, list):
            raise InvalidPostError(f"expected a list, got {describe(value)}", path=path)
        if len(args) == 2 and args[1] is Ellipsis:  # noqa: PLR2004 - tuple[X, ...]
            item = args[0]
            return tuple(_load(v, item, f"{path}[{i}]") for i, v in enumerate(value))
        if len(value) != len(args):
            msg = f"expected a list of {len(args)}, got {len(value)} items"
            raise InvalidPostError(msg, path=path)
        return tuple(
            _load(v, arg, f"{path}[{i}]")
            for i, (v, arg) in enumerate(zip(value, args, strict=True))
        )
    if origin in (Mapping, dict):
        key_type, item = typing.get_args(hint)
        if not is_mapping(value):
            raise InvalidPostError(
                f"expected an object, got {describe(value)}", path=path
            )
        return {
            _key(k, key_type, path): _load(v, item, f"{path}.{k}")
            for k, v in value.items()
        }
    if isinstance(hint, type):
        if attrs.has(hint):
            return _model(hint, value, path)
        if issubclass(hint, enum.Enum):
            try:
                return hint(value)
            except ValueError:
                msg = f"expected a {hint.__name__} value, got {describe(value)}"
                raise InvalidPostError(msg, path=path) from None
        if hint is datetime:
            return _datetime(value, path)
        if hint is bool:
            if value.__class__ is bool:
                return value
        elif hint is int:
            if value.__class__ is int:
                return value
        elif hint is float:
            if value.__class__ in (int, float):
                return float(value)
        elif isinstance(value, hint):
            return value
        msg = f"expected {hint.__name__}, got {describe(value)}"
        raise InvalidPostError(msg, path=path)
    raise InvalidPostError(f"cannot read a value of type {hint!r}", path=path)


def _datetime(value: Any, path: str) -> datetime:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    msg = f"expected an ISO 8601 date and time, got {describe(value)}"
    raise InvalidPostError(msg, path=path)


def _key(key: Any, key_type: Any, path: str) -> Any:
    if key_type is int:
        try:
            return int(key)
        except (TypeError, ValueError):
            msg = f"expected an integer key, got {describe(key)}"
            raise InvalidPostError(msg, path=path) from None
    return key


def _other(value: Any, path: str) -> dict[str, tuple[Any, ...]]:
    """
    :attr:`Embedded.other`: objects of other relations, each a model or kept as received.

    to_dict wrote a model as the dict of its fields: a dict with exactly one
    model's fields is read back as that model, any other value kept.
    """
    if not is_mapping(value):
        raise InvalidPostError(f"expected an object, got {describe(value)}", path=path)
    out: dict[str, tuple[Any, ...]] = {}
    for rel, items in value.items():
        where = f"{path}.{rel}"
        if not isinstance(items, list):
            raise InvalidPostError(
                f"expected a list, got {describe(items)}", path=where
            )
        out[str(rel)] = tuple(
            _other_item(item, f"{where}[{i}]") for i, item in enumerate(items)
        )
    return out


def _other_item(item: Any, path: str) -> Any:
    if not is_mapping(item):
        return item
    keys = item.keys() - _COMPUTED.get(Post, frozenset())
    for cls in _OTHER_MODELS:
        if keys == {field.name for field in attrs.fields(cls)}:
            return _model(cls, item, path)
    return item
