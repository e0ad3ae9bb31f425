"""
Fields built on first read: a model's slot holds a :class:`Deferred` until then.

A post's relations (``_links``) and embedded objects (``_embedded``) cost as
much to build as a good part of its content, and most programs never read
them.  The readers check their shape at once (a malformed one raises while
the post is parsed, as before) and put a :class:`Deferred` in the field's
slot; :func:`build_on_read` has the class read such a slot through a
descriptor that builds the value, stores it in the slot and returns it.

Everything that reads a field reads it by attribute (attrs's ``__eq__``,
``__hash__``, ``__repr__`` and ``__getstate__``, :func:`attrs.evolve`,
:func:`attrs.asdict`), so equality compares built values and a pickle holds
them, never a :class:`Deferred`.  Read from the class, the field is its slot
as before (``Post.relations.__set__`` sets the slot, for
:mod:`wpparse._model.build`).
"""

from __future__ import annotations

from collections.abc import Callable
from types import MemberDescriptorType
from typing import Any

__all__ = ["Deferred", "build_on_read", "built"]


class Deferred:
    """
    The value ``make(*args)``, computed at the first :meth:`get`, then kept.

    >>> value = Deferred(sorted, "cab")
    >>> value.get(), value.get() is value.get()
    (['a', 'b', 'c'], True)
    """

    __slots__ = ("_args", "_make", "_value")

    def __init__(self, make: Callable[..., Any], *args: Any) -> None:
        self._make: Callable[..., Any] | None = make
        self._args = args
        self._value: Any = None

    def get(self) -> Any:
        """The value, computed now if it was not yet (what *make* raises, it raises)."""
        make = self._make
        if make is not None:
            self._value = make(*self._args)
            self._make = None
            self._args = ()  # what it was made of can go
        return self._value

    def __reduce__(self) -> tuple[Callable[[Any], Any], tuple[Any]]:
        # A Deferred is not meant to be pickled (a model pickles its fields'
        # values); should one be, it pickles as its value, never as *make*.
        return (_same, (self.get(),))

    def __repr__(self) -> str:
        return (
            "Deferred(...)" if self._make is not None else f"Deferred({self._value!r})"
        )


def _same(value: Any) -> Any:
    return value


def built(value: Any) -> Any:
    """*value*, or the value of a :class:`Deferred`."""
    return value.get() if value.__class__ is Deferred else value


class _BuiltOnRead:
    """The descriptor that stands for a field's slot: a :class:`Deferred` in it is built when read."""

    __slots__ = ("slot",)

    def __init__(self, slot: MemberDescriptorType) -> None:
        self.slot = slot

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        slot = self.slot
        if obj is None:
            return slot  # the field read from the class: its slot, as before
        value = slot.__get__(obj, owner)
        if value.__class__ is Deferred:
            value = value.get()
            slot.__set__(obj, value)
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        self.slot.__set__(obj, value)

    def __delete__(self, obj: Any) -> None:
        self.slot.__delete__(obj)


def build_on_read(cls: type, *names: str) -> None:
    """
    Have the attrs class *cls* build its fields *names* on first read, when they hold a :class:`Deferred`.

    >>> import attrs
    >>> @attrs.frozen
    ... class Box:
    ...     items: tuple[int, ...] = ()
    >>> build_on_read(Box, "items")
    >>> box = Box(items=Deferred(tuple, range(3)))
    >>> box.items, box == Box(items=(0, 1, 2))
    ((0, 1, 2), True)
    """
    for name in names:
        slot = cls.__dict__.get(name)
        if not isinstance(slot, MemberDescriptorType):
            msg = f"{cls.__name__}.{name} is not a slot: cannot build it on read"
            raise TypeError(msg)
        setattr(cls, name, _BuiltOnRead(slot))
