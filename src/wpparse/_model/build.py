"""
Building the frozen models quickly: slot by slot, as attrs's ``__init__`` does.

A model's ``__init__`` written by attrs takes keyword arguments and sets each
slot through a bound ``object.__setattr__``.  On the hot path (a dozen
relations, a block per paragraph, the post) :func:`builder` gives a function
of the fields, in order, that sets the slots directly: the same frozen
instance (equal, hashed and printed alike) for about half the cost.
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
    Return the function of *cls*'s fields *names* (all of them, in order) that builds a *cls*.

    It takes the fields positionally or by name and builds what
    ``cls(field=value, ...)`` does, setting each slot as :func:`slot_setters`
    says.  Its source is generated, as attrs generates ``__init__``: a loop
    over the setters would cost more than attrs's own ``__init__``.

    Callers that pass the fields positionally spell *names* out, so that a
    field added or moved fails at import; without *names*, the builder takes
    the class's fields, for callers that pass every field by name (a field
    added then fails at the first call, as it would with ``cls(...)``).
    """
    names = names or _field_names(cls)
    setters = slot_setters(cls, *names)
    body = "".join(f"    _set{i}(obj, {name})\n" for i, name in enumerate(names))
    source = (
        f"def new({', '.join(names)}):\n    obj = _new(_cls)\n{body}    return obj\n"
    )
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    scope.update((f"_set{i}", setter) for i, setter in enumerate(setters))
    exec(source, scope)  # noqa: S102 - field names only, as attrs writes __init__
    new: Callable[..., T] = scope["new"]
    new.__qualname__ = new.__name__ = f"new_{cls.__name__.lower()}"
    return new
