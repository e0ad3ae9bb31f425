"""
Building the frozen models quickly: slot by slot, as attrs's ``__init__`` does.

A model's ``__init__`` written by attrs takes keyword arguments and sets each
slot through a bound ``object.__setattr__``.  On the hot path (a dozen
relations, a block per paragraph, the post) :func:`builder` gives a function
of the fields, by name, that sets the slots directly: the same frozen
instance (equal, hashed and printed alike) for about half the cost.
It takes keyword arguments only: two fields of one type swapped by position
would pass any check made at import, and a name cannot be swapped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["builder", "slot_setters"]

T = TypeVar("T")


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls))


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
    fields = attrs.fields(cls)
    if names != _field_names(cls) or any(
        field.validator or field.converter for field in fields
    ):
        msg = f"{cls.__name__} has changed: update the fast construction of it"
        raise TypeError(msg)
    return tuple(getattr(cls, name).__set__ for name in names)


def builder(cls: type[T], *names: str) -> Callable[..., T]:
    """
    Return the function that builds a *cls* from every one of its fields, by name.

    It takes each field as a keyword argument (keyword only: a field passed
    by position could be swapped with another of its type unseen) and builds
    what ``cls(field=value, ...)`` does, setting each slot as
    :func:`slot_setters` says.  Its source is generated, as attrs generates
    ``__init__``: a loop over the setters would cost more than attrs's own
    ``__init__``.  It has no defaults: a field added to *cls* and not given
    fails at the first call, as a missing keyword does.

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
    >>> new_point(1, 2)
    Traceback (most recent call last):
    ...
    TypeError: new_point() takes 0 positional arguments but 2 were given
    """
    names = names or _field_names(cls)
    setters = slot_setters(cls, *names)
    body = "".join(f"    _set{i}(obj, {name})\n" for i, name in enumerate(names))
    source = (
        f"def new(*, {', '.join(names)}):\n    obj = _new(_cls)\n{body}    return obj\n"
    )
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    scope.update((f"_set{i}", setter) for i, setter in enumerate(setters))
    exec(source, scope)  # noqa: S102 - field names only, as attrs writes __init__
    new: Callable[..., T] = scope["new"]
    new.__qualname__ = new.__name__ = f"new_{cls.__name__.lower()}"
    new.__code__ = new.__code__.replace(co_name=new.__name__, co_qualname=new.__name__)
    return new
