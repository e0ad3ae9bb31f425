"""
How a REST object is being read: the one value every field reader is handed.

A :class:`Context` says where the object is (its JSON path, for errors), the
site's time zone (for dates without an offset), whether the text it was
decoded from is *clean* (no lone surrogate anywhere: the string readers then
take their fast path) and the :class:`Readers` of the objects that embed
objects in turn.  :meth:`Context.at` gives the context of a nested object.

Also the two small rules every reader shares: what is a JSON object
(:func:`is_mapping`) and what text is an integer (:data:`INT_TEXT`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeGuard

if TYPE_CHECKING:
    from wpparse._model.post import Media, Post

__all__ = ["INT_TEXT", "Context", "Readers", "is_mapping"]

INT_TEXT: Final = re.compile(r"\s*[-+]?[0-9]{1,4000}\s*")
"""An integer sent as text: ASCII digits only (``"²".isdigit()`` is true), as
JSON has them, and few enough for :func:`int` (it refuses more than 4,300)."""

# What json.loads makes that is no mapping: isinstance(value, Mapping) asks
# the ABC machinery, a few times slower than a set lookup.
_NOT_MAPPINGS = frozenset({int, str, float, bool, list, type(None)})


def is_mapping(value: Any) -> TypeGuard[Mapping[str, Any]]:
    """
    Whether *value* is a JSON object: a :class:`dict`, or any other :class:`~collections.abc.Mapping`.

    >>> is_mapping({}), is_mapping([]), is_mapping(None)
    (True, False, False)

    On the hottest paths (a post's relations), callers test
    ``value.__class__ is dict`` first, inline: a call costs more than the test.
    """
    cls = value.__class__
    return cls is dict or (cls not in _NOT_MAPPINGS and isinstance(value, Mapping))


class Readers(NamedTuple):
    """
    The readers of the embedded objects that embed objects in turn.

    A post embeds its parent post and its media, and a media record its
    uploader: the readers of those sit above the modules that read
    ``_embedded`` (:mod:`wpparse._rest.embedded`), and come down to them in
    the :class:`Context`, so that the recursion goes through a value and no
    import goes in a circle (as markdown-it hands its parser down in
    ``state.md``).  :mod:`wpparse._rest.dispatch` makes the one value.
    """

    post: Callable[[Mapping[str, Any], Context], Post]
    """A post (``up``), read with the ``"auto"`` heading rule."""
    media: Callable[[Mapping[str, Any], Context], Media]
    """A media record (``wp:featuredmedia``)."""
    model: Callable[[Any, Context], Any]
    """An object of any other relation, to the model its shape calls for;
    raises :class:`~wpparse.NotAPostError` when it is of no kind wpparse models."""


class Context:
    """
    How the object at :attr:`path` is read.

    >>> ctx = Context("$", tz=None, clean=True, readers=None)
    >>> ctx.at("$._embedded.author[0]").path, ctx.at("$.x").clean
    ('$._embedded.author[0]', True)
    """

    __slots__ = ("clean", "path", "readers", "tz")

    path: str
    """The JSON path of the object, which prefixes the path of each of its fields in errors."""
    tz: tzinfo | None
    """The site's time zone, for dates sent without an offset or ``*_gmt`` twin."""
    clean: bool
    """No string in the object holds a lone surrogate (see
    :func:`~wpparse._json.load.load_json_clean`): the string readers need not look."""
    readers: Readers | None
    """The readers of embedded posts and media; ``None`` where nothing embeds."""

    def __init__(
        self,
        path: str = "$",
        *,
        tz: tzinfo | None = None,
        clean: bool = False,
        readers: Readers | None = None,
    ) -> None:
        self.path = path
        self.tz = tz
        self.clean = clean
        self.readers = readers

    def at(self, path: str) -> Context:
        """The context of the object at *path*, nested in this one."""
        nested = Context.__new__(Context)
        nested.path = path
        nested.tz = self.tz
        nested.clean = self.clean
        nested.readers = self.readers
        return nested

    def __repr__(self) -> str:
        return (
            f"Context({self.path!r}, tz={self.tz!r}, clean={self.clean!r}, "
            f"readers={'...' if self.readers else None})"
        )
