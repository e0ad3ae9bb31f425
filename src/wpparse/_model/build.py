"""
Building the frozen models quickly: a draft filled in, then made the model.

A model's ``__init__`` written by attrs takes keyword arguments and sets each
slot through a bound ``object.__setattr__``: a call per field.  On the hot
path (a block per paragraph, a dozen relations, the post) :func:`builder`
gives a function of the fields, by name, that fills the slots of a *draft*
instead: a subclass of the model that adds no slot and keeps ``object``'s
``__setattr__``, so that each field is one plain attribute store (which
CPython specialises to a write at the slot's offset), and then makes the
draft the model itself by assigning ``__class__`` (allowed, since the two
lay out their instances alike).  What comes out is the very instance
``cls(field=value, ...)`` gives (same type, equal, hashed and printed alike)
for about a quarter of the cost.  It takes keyword arguments only: two fields
of one type swapped by position would pass any check made at import, and a
name cannot be swapped.

On a free-threaded CPython, ``__class__`` assignment may stop every other
thread: there the slots are set one by one through their setters (the way
attrs's ``__init__`` does, less the keyword handling), as before.
"""

from __future__ import annotations

import sysconfig
import types
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["builder", "slot_setters"]

T = TypeVar("T")

CLASS_ASSIGNMENT = not sysconfig.get_config_var("Py_GIL_DISABLED")
"""Whether builders fill a draft and assign ``__class__`` (else: slot setters)."""


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls))


def _slots(cls: type, names: tuple[str, ...]) -> tuple[types.MemberDescriptorType, ...]:
    """
    The slots of the attrs class *cls*'s fields *names* (every field, in order).

    ``cls.name`` is a field's slot, or what stands for it and gives the slot
    when read from the class (a field read on demand, see
    :mod:`wpparse._model.content`).  A class with validators or converters
    cannot be built slot by slot: its ``__init__`` must run them.
    """
    fields = attrs.fields(cls)
    slots = tuple(getattr(cls, name, None) for name in names)
    if (
        names != _field_names(cls)
        or any(field.validator or field.converter for field in fields)
        or not all(isinstance(slot, types.MemberDescriptorType) for slot in slots)
    ):
        msg = f"{cls.__name__} has changed: update the fast construction of it"
        raise TypeError(msg)
    return slots  # type: ignore[return-value]  # checked just above


def slot_setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """
    Return the setters of the slots of the attrs class *cls*'s fields *names*.

    ``object.__new__(cls)`` and a setter for every field build the same
    frozen instance attrs's keyword-only ``__init__`` does, when the class has
    no validators or converters to run (the models do not) and every field is
    given a value (defaults and factories then do not matter).  *names* must
    be every field, in order: a field added to the class fails here, at
    import, rather than leave a slot unset.
    """
    return tuple(slot.__set__ for slot in _slots(cls, names))


def _draft(cls: type, slots: dict[str, types.MemberDescriptorType]) -> type:
    """
    A subclass of *cls* whose instances take plain attribute stores.

    No slot of its own (``__slots__ = ()``), so an instance can become a
    *cls* by ``__class__`` assignment; ``object``'s ``__setattr__`` and
    ``__delattr__`` (both: one C slot serves the two), so stores reach the
    slots; and each field's own slot as its attribute, so that a field
    *cls* reads on demand is stored as given.
    """
    namespace: dict[str, Any] = {
        "__slots__": (),
        "__module__": cls.__module__,
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        **slots,
    }
    return type(f"_{cls.__name__}Draft", (cls,), namespace)


def builder(cls: type[T], *names: str, defaults: bool = False) -> Callable[..., T]:
    """
    Return the function that builds a *cls* from every one of its fields, by name.

    It takes each field as a keyword argument (keyword only: a field passed
    by position could be swapped with another of its type unseen) and builds
    what ``cls(field=value, ...)`` does: a draft (see the module's
    docstring) whose slots are filled by plain stores, then made a *cls*.
    Its source is generated, as attrs generates ``__init__``.  It has no
    defaults: a field added to *cls* and not given fails at the first call,
    as a missing keyword does.  With *defaults*, a field whose default is a
    value (not a factory) may be left out, as with ``cls(...)``.

    *names*, when given, must be every field of *cls* in order (checked
    now, at import).

    >>> import attrs
    >>> @attrs.frozen
    ... class Point:
    ...     x: int
    ...     y: int
    >>> new_point = builder(Point)
    >>> new_point(x=1, y=2)
    Point(x=1, y=2)
    >>> type(new_point(x=1, y=2)) is Point
    True
    >>> builder(Point, defaults=True)(x=1)
    Traceback (most recent call last):
    ...
    TypeError: new_point() missing 1 required keyword-only argument: 'y'
    >>> new_point(1, 2)
    Traceback (most recent call last):
    ...
    TypeError: new_point() takes 0 positional arguments but 2 were given
    """
    names = names or _field_names(cls)
    slots = _slots(cls, names)
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    if CLASS_ASSIGNMENT:
        scope["_draft"] = _draft(cls, dict(zip(names, slots, strict=True)))
        body = "".join(f"    obj.{name} = {name}\n" for name in names)
        body = f"    obj = _new(_draft)\n{body}    obj.__class__ = _cls\n"
    else:
        scope.update((f"_set{i}", slot.__set__) for i, slot in enumerate(slots))
        body = "".join(f"    _set{i}(obj, {name})\n" for i, name in enumerate(names))
        body = f"    obj = _new(_cls)\n{body}"
    params = list(names)
    if defaults:
        for i, field in enumerate(attrs.fields(cls)):  # type: ignore[arg-type]
            default = field.default
            if default is not attrs.NOTHING and not hasattr(default, "factory"):
                scope[f"_default{i}"] = default
                params[i] = f"{field.name}=_default{i}"
    source = f"def new(*, {', '.join(params)}):\n{body}    return obj\n"
    exec(source, scope)  # noqa: S102 - field names only, as attrs writes __init__
    new: Callable[..., T] = scope["new"]
    new.__qualname__ = new.__name__ = f"new_{cls.__name__.lower()}"
    new.__code__ = new.__code__.replace(co_name=new.__name__, co_qualname=new.__name__)
    return new
