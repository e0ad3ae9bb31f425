"""
Errors and warnings raised by wpparse.

Every exception wpparse raises on purpose derives from :class:`WPParseError`;
the concrete ones also derive from :class:`ValueError`, so code that already
catches ``ValueError`` around JSON handling keeps working.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "InvalidJSONError",
    "InvalidPostError",
    "NotAPostError",
    "WPParseError",
    "WPParseWarning",
    "WordPressError",
]


class WPParseError(Exception):
    """
    The root of every error wpparse raises on purpose.

    Catch this to handle any bad input in one place.
    """


def _restore(
    cls: type[Exception], args: tuple[object, ...], kwargs: dict[str, object]
) -> Exception:
    """Rebuild an error from its constructor arguments (for pickle)."""
    return cls(*args, **kwargs)


def _format_path(message: str, path: str) -> str:
    return f"{message} @ {path}" if path else message


def describe(value: object, limit: int = 40) -> str:
    """
    Describe a JSON value for an error message: its kind and, shortened, itself.

    ``describe("x")`` is ``"'x'"``, ``describe([1, 2])`` is ``"a list"``.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, int) and value.bit_length() > 4000:  # noqa: PLR2004
        return "a number too long to show"
    if isinstance(value, (int, float)):
        shown = repr(value)
        return (
            f"the number {shown if len(shown) <= limit else shown[: limit - 1] + '…'}"
        )
    # repr only what can be shown: the value may be megabytes long.
    shown = repr(value[:limit] if isinstance(value, str) else value)
    if len(shown) > limit:
        shown = shown[: limit - 2] + "…" + shown[0]
    return shown


class InvalidJSONError(WPParseError, ValueError):
    """
    The input is not JSON that can be read: malformed, truncated, undecodable.

    Attributes:
        path: Where the reader was: ``$`` for the whole document, ``$[3]``
            for the fourth line of JSON Lines.
        position: The character offset into the text, when known.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self, message: str, *, path: str = "$", position: int | None = None
    ) -> None:
        self.reason = message
        self.path = path
        self.position = position
        super().__init__(_format_path(message, path))

    def __reduce__(self) -> tuple[Any, ...]:
        kwargs = {"path": self.path, "position": self.position}
        return _restore, (type(self), (self.reason,), kwargs)


class InvalidPostError(WPParseError, ValueError):
    """
    The JSON is valid but a value in it is not what a WordPress object has.

    The message says what was expected, what was found (shortened) and where,
    as a JSON path: ``expected an integer, got 'x' @ $.id``.

    Attributes:
        reason: The message without the path.
        path: The JSON path of the offending value (``$[3].title``).

    .. versionadded:: 0.1.0
    """

    def __init__(self, message: str, *, path: str = "$") -> None:
        self.reason = message
        self.path = path
        super().__init__(_format_path(message, path))

    def __reduce__(self) -> tuple[Any, ...]:
        return _restore, (type(self), (self.reason,), {"path": self.path})


class NotAPostError(InvalidPostError):
    """
    The JSON is a valid object of some kind, but not a post-like object.

    Raised by :func:`wpparse.parse_post` when it is given, for example, a
    list, a string, or an object without an ``id``.

    .. versionadded:: 0.1.0
    """


class WordPressError(WPParseError, ValueError):
    """
    The input is a WordPress REST API error response.

    WordPress answers failures with ``{"code": ..., "message": ...,
    "data": {"status": ...}}``.  wpparse recognises that shape (not the message,
    which WordPress localises) and raises this error carrying its parts.

    Attributes:
        code: The machine-readable error code, such as ``rest_post_invalid_id``.
        message: The human-readable message, in the site's language.
        status: The HTTP status from ``data.status``, when given.
        path: Where in the input the error object was found.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self, code: str, message: str, status: int | None = None, *, path: str = "$"
    ) -> None:
        self.code = code
        self.message = message
        self.status = status
        self.path = path
        shown = f"WordPress error {code!r}"
        if status is not None:
            shown += f" (HTTP {status})"
        if message:
            shown += f": {message}"
        super().__init__(_format_path(shown, path))

    def __reduce__(self) -> tuple[Any, ...]:
        args = (self.code, self.message, self.status)
        return _restore, (type(self), args, {"path": self.path})


class WPParseWarning(UserWarning):
    """
    Something in the input was odd but wpparse could still give a result.

    For example trailing garbage after a JSON document, or text that had to be
    repaired for the HTML parser.  Turn it into an error with
    ``warnings.simplefilter("error", wpparse.WPParseWarning)``.

    .. versionadded:: 0.1.0
    """
