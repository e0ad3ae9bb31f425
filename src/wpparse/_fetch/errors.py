"""The error a mirror raises when the site, the network or the folder fails it."""

from __future__ import annotations

from typing import Any

from wpparse.exceptions import WPParseError

__all__ = ["MirrorError"]


def _restore(args: tuple[object, ...], kwargs: dict[str, Any]) -> MirrorError:
    return MirrorError(*args, **kwargs)  # type: ignore[arg-type]


class MirrorError(WPParseError, OSError):
    """
    A mirror could not go on: the site refused, is not WordPress, or is gone.

    Raised by :func:`wpparse.mirror` when the site answers 401 or 403, has its
    REST API disabled, answers a web page where JSON was expected, or keeps
    failing after every retry; also when the folder holds another site's
    mirror.  Everything fetched before the error stays in the folder, and the
    next run with the same folder goes on from there.

    It is an :class:`OSError` (as the errors of requests are), so code that
    already handles I/O failures handles it too.

    Attributes:
        url: The address that failed, when one did (never with credentials).
        status: The HTTP status of the failing response, when there was one.
        code: The WordPress error code (``rest_forbidden``...) when the site
            sent a WordPress error.

    >>> import wpparse
    >>> error = wpparse.MirrorError(
    ...     "the site refused (HTTP 401)", url="https://example.org/wp-json/", status=401
    ... )
    >>> error.status, str(error)
    (401, 'the site refused (HTTP 401) @ https://example.org/wp-json/')

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        status: int | None = None,
        code: str | None = None,
    ) -> None:
        self.reason = message
        self.url = url
        self.status = status
        self.code = code
        super().__init__(f"{message} @ {url}" if url else message)

    @property
    def refused(self) -> bool:
        """Whether the site refused access (401, 403, or a ``rest_forbidden_*`` error)."""
        return self.status in {401, 403} or (self.code or "").startswith(
            "rest_forbidden"
        )

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        kwargs = {"url": self.url, "status": self.status, "code": self.code}
        return _restore, ((self.reason,), kwargs)
