"""
WordPress dates to :class:`datetime.datetime`.

WordPress sends ``date`` as the site's wall clock with no offset and
``date_gmt`` as UTC with no offset.  Their difference is the site's UTC offset
at that moment, so wpparse returns ``date`` with that offset attached: one
value that keeps both the wall clock and the true instant.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wpparse._rest.context import Context
from wpparse.exceptions import InvalidPostError, describe

__all__ = ["parse_wp_date", "resolve_tz", "wp_date_at"]

# Real UTC offsets lie within -12:00 .. +14:00; allow a margin, no more.  A
# bigger difference means date_gmt is not the same instant (seen in the wild:
# years apart), and is then ignored.
_MAX_OFFSET = timedelta(hours=18)


# A fixed UTC offset as people write it: "+05:30", "-0800", "+05", "UTC+01:00".
_OFFSET = re.compile(r"(?:UTC|GMT)?([+-])([0-9]{2}):?([0-9]{2})?", re.IGNORECASE)
_UTC_NAMES = frozenset({"z", "utc", "gmt"})


def resolve_tz(tz: tzinfo | str | None) -> tzinfo | None:
    """
    Turn a time zone argument into a tzinfo: an IANA name, a UTC offset, or a tzinfo.

    ``"Europe/Paris"`` (an IANA name, through :mod:`zoneinfo`, or
    python-dateutil's own copy of the database where the system has none)
    or ``"+05:30"`` (a fixed offset, ``±HH:MM``, ``±HHMM`` or ``±HH``; also
    ``"UTC"`` and ``"Z"``).  A name that is neither raises :class:`ValueError`.

    >>> resolve_tz("+05:30")
    datetime.timezone(datetime.timedelta(seconds=19800))
    >>> resolve_tz("Europe/Paris")
    zoneinfo.ZoneInfo(key='Europe/Paris')
    """
    if tz is None or isinstance(tz, tzinfo):
        return tz
    name = str(tz).strip()
    if name.lower() in _UTC_NAMES:
        return UTC
    offset = _OFFSET.fullmatch(name)
    if offset:
        sign, hours, minutes = offset.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        if delta < timedelta(hours=24) and int(minutes or 0) < 60:  # noqa: PLR2004
            return timezone(-delta if sign == "-" else delta)
    zone = _named_zone(name)
    if zone is None:
        msg = (
            f"unknown time zone {tz!r}: expected a zone name such as "
            "'Europe/Paris' or an offset such as '+05:30'"
        )
        raise ValueError(msg)
    return zone


def _named_zone(name: str) -> tzinfo | None:
    """The IANA zone *name*, or ``None``."""
    if not name or len(name) > 255 or name.startswith(("/", "\\")) or ".." in name:  # noqa: PLR2004
        return None  # zoneinfo would refuse it; dateutil would read a file
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    from dateutil import tz as dateutil_tz  # noqa: PLC0415 - only without tzdata

    # dateutil ships the IANA database, for systems without one (Windows)
    # and no tzdata package; only names it finds in that copy are taken.
    return dateutil_tz.gettz(name) if "/" in name or name.isalpha() else None


# Longer than any date format WordPress or a plugin writes: not a date.
_MAX_DATE_LENGTH = 64
# Two far-apart defaults: a field dateutil filled in differs between them.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))  # noqa: DTZ001


def _lenient(text: str) -> datetime | None:
    """Parse a non-ISO date with dateutil; ``None`` unless it names a whole date."""
    from dateutil import parser as dateutil_parser  # noqa: PLC0415

    results = []
    for default in _DEFAULTS:
        with warnings.catch_warnings():
            # An unknown zone name ("EST") is ignored by dateutil with a
            # warning; the date then has no offset, which we say in the result.
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            try:
                results.append(dateutil_parser.parse(text, default=default))
            except (ValueError, OverflowError):
                return None
    first, second = results
    if first.date() != second.date():  # year, month or day missing
        return None
    return first


def _path(base: str, name: str | None) -> str:
    return base if name is None else f"{base}.{name}"


def _parse_one(value: object, base: str, name: str | None) -> datetime | None:
    """Return the date *value* holds; its path, ``base.name``, is built only for an error."""
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 date string, got {describe(value)}"
        raise InvalidPostError(msg, path=_path(base, name))
    text = value.strip()
    if not text or text.startswith("0000-00-00"):
        return None
    parsed: datetime | None = None
    if len(text) <= _MAX_DATE_LENGTH:
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            # Only odd dates get here: keep dateutil's parser out of import time.
            from dateutil import parser as dateutil_parser  # noqa: PLC0415

            try:
                parsed = dateutil_parser.isoparse(text)
            except (ValueError, OverflowError):
                parsed = _lenient(text)
    if parsed is None:
        msg = f"expected an ISO 8601 date such as '2025-07-03T08:56:33', got {describe(value)}"
        raise InvalidPostError(msg, path=_path(base, name))
    if parsed.tzinfo is not None:
        try:
            parsed.utcoffset()
        except ValueError:  # an offset of a day or more
            msg = f"expected a UTC offset under 24 hours, got {describe(value)}"
            raise InvalidPostError(msg, path=_path(base, name)) from None
    return parsed


# The fixed-offset zones dates get, by their wall - UTC difference: a post
# has two dates, a site one or two offsets.  Only differences within
# _MAX_OFFSET are kept, and only so many of them (odd data has odd seconds).
_ZONES: dict[timedelta, timezone] = {}
_MAX_ZONES = 512


def _zone_for(offset: timedelta) -> timezone | None:
    """The fixed zone of a wall - UTC difference, ``None`` if it is too big to be one."""
    zone = _ZONES.get(offset)
    if zone is None:
        if abs(offset) > _MAX_OFFSET:
            return None
        minutes = round(offset.total_seconds() / 60)
        zone = timezone(timedelta(minutes=minutes))
        if len(_ZONES) < _MAX_ZONES:
            _ZONES[offset] = zone
    return zone


def parse_wp_date(
    local: object,
    gmt: object,
    *,
    path: str,
    gmt_path: str,
    tz: tzinfo | None = None,
) -> datetime | None:
    """
    Combine WordPress's wall-clock *local* and UTC *gmt* values into one datetime.

    * *local* already carries an offset (WP-API v1): it is kept.
    * *gmt* is a real date within 18 hours of *local*: the offset is their
      difference, rounded to the minute.
    * otherwise, with *tz* given: *local* in that zone.
    * otherwise: the naive wall-clock time, as it stands.

    A missing or ``0000-00-00`` *local* falls back to *gmt* in UTC; ``None``
    only when neither holds a date.  A value that is no date raises
    :class:`~wpparse.exceptions.InvalidPostError` naming *path* or *gmt_path*.
    """
    wall = _parse_one(local, path, None)
    instant = _parse_one(gmt, gmt_path, None)
    return _combine(wall, instant, tz)


def wp_date_at(
    obj: Mapping[str, Any], name: str, gmt_name: str, ctx: Context
) -> datetime | None:
    """
    :func:`parse_wp_date` of the fields *name* and *gmt_name* of *obj*, in the zone ``ctx.tz``.

    ``ctx.path`` is the path of *obj*: the path of a bad field is built only
    for its error.
    """
    local = obj.get(name)
    gmt = obj.get(gmt_name)
    # WordPress's own "2025-07-03T08:56:33" in both: what _parse_one and
    # _combine would make of them, without their general steps.
    if local.__class__ is str and gmt.__class__ is str and len(local) == _WP_LENGTH:
        try:
            wall = _fromisoformat(local)
            instant = _fromisoformat(gmt)
        except ValueError:
            pass  # "0000-00-00T00:00:00", or another odd date: the general path
        else:
            if wall.tzinfo is None and instant.tzinfo is None:
                offset = wall - instant
                zone = _ZONES.get(offset) or _zone_for(offset)
                if zone is not None:
                    return _with_zone(wall, wall.time(), zone)
    return _combine(
        _parse_one(local, ctx.path, name), _parse_one(gmt, ctx.path, gmt_name), ctx.tz
    )


_WP_LENGTH = len("2025-07-03T08:56:33")
_fromisoformat = datetime.fromisoformat
# datetime.combine(wall, wall.time(), zone) is wall.replace(tzinfo=zone) (fold
# included), for a quarter of the cost.
_with_zone = datetime.combine


def _combine(
    wall: datetime | None, instant: datetime | None, tz: tzinfo | None
) -> datetime | None:
    if wall is None:
        if instant is None:
            return None
        return instant if instant.tzinfo else instant.replace(tzinfo=UTC)
    if wall.tzinfo is not None:
        return wall
    if instant is not None:
        if instant.tzinfo is not None:
            # Naive UTC, computed without astimezone(): that overflows near
            # year 1 and year 9999.
            offset_now = instant.utcoffset() or timedelta(0)
            instant = instant.replace(tzinfo=None)
            offset = wall - instant + offset_now
        else:
            offset = wall - instant
        zone = _zone_for(offset)
        if zone is not None:
            return _with_zone(wall, wall.time(), zone)
    if tz is not None:
        return _with_zone(wall, wall.time(), tz)
    return wall
