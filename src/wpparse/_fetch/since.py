"""
Times for ``since=``: what the caller gives in, ``modified_after`` and the site's clock out.

``modified_after`` takes a time on the site's clock: :func:`since_text`
writes what the caller gave (a :class:`~datetime.datetime`, a
:class:`~datetime.date`, ISO 8601 text) as WordPress reads it, or keeps
``"last"``.  For ``"last"``, a run notes when it began on the server's clock
(:func:`server_time`, from the ``Date`` header) and the next one asks for what
changed since then, with a margin (:func:`since_last`).

>>> server_time("Wed, 01 May 2024 10:00:00 GMT")
'2024-05-01T10:00:00+00:00'
>>> since_last("2024-05-01T10:00:00+00:00")
'2024-05-01T09:59:50+00:00'
"""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

__all__ = ["LAST", "server_time", "since_last", "since_text"]

LAST = "last"
"""``since="last"``: each type since its last fetch began (less :data:`_MARGIN`)."""
_MARGIN = timedelta(seconds=10)  # the server's clock ticks in seconds; be generous


def since_text(since: datetime | date | str | None) -> str | None:
    """
    *since* as WordPress's ``modified_after`` wants it (or ``"last"``).

    An aware time keeps its offset; a naive time or a date is the site's own
    clock, as WordPress reads a time without offset.

    >>> since_text("2024-05-01"), since_text("2024-05-01T10:00:00Z")
    ('2024-05-01T00:00:00', '2024-05-01T10:00:00+00:00')
    """
    if since is None:
        return None
    if isinstance(since, str) and since.strip().lower() == LAST:
        return LAST
    if isinstance(since, str):
        try:
            since = datetime.fromisoformat(since.strip())
        except ValueError:
            msg = f"since: not an ISO 8601 date or time: {since!r}"
            raise ValueError(msg) from None
    if not isinstance(since, datetime):
        since = datetime(since.year, since.month, since.day)  # noqa: DTZ001 - the site's clock
    return since.replace(microsecond=0).isoformat()


def server_time(date_header: str | None) -> str:
    """The site's time now, from its ``Date`` header (ours if it sends none), in UTC."""
    now = datetime.now(UTC)
    if date_header:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            told = parsedate_to_datetime(date_header)
            now = (told if told.tzinfo else told.replace(tzinfo=UTC)).astimezone(UTC)
    return now.replace(microsecond=0).isoformat()


def since_last(fetched_at: str) -> str:
    """*fetched_at*, the start of a type's last fetch, less :data:`_MARGIN`: where ``since="last"`` starts."""
    return (datetime.fromisoformat(fetched_at) - _MARGIN).isoformat()
