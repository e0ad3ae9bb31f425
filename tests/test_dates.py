"""WordPress dates to aware datetimes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import wpparse


def _date(**fields: object) -> datetime | None:
    return wpparse.parse_post({"id": 1, **fields}).date


@pytest.mark.parametrize(
    ("local", "gmt", "offset"),
    [
        ("2025-07-03T08:56:33", "2025-07-03T05:56:33", timedelta(hours=3)),
        ("2026-01-15T12:00:00", "2026-01-15T17:00:00", timedelta(hours=-5)),
        ("2026-03-01T09:00:00", "2026-03-01T03:30:00", timedelta(hours=5, minutes=30)),
        ("2026-03-01T09:00", "2026-03-01T09:00", timedelta(0)),
    ],
)
def test_offset_from_gmt(local: str, gmt: str, offset: timedelta) -> None:
    value = _date(date=local, date_gmt=gmt)

    assert value is not None
    assert timezone(offset) == value.tzinfo
    assert datetime.fromisoformat(local) == value.replace(tzinfo=None)


def test_draft_without_gmt_is_naive_or_in_given_zone() -> None:
    data = {"id": 1, "date": "2026-02-01T10:00:00", "date_gmt": None}

    naive = wpparse.parse_post(data).date
    zoned = wpparse.parse_post(data, tz="Europe/Paris").date

    assert naive is not None
    assert naive.tzinfo is None
    assert datetime(2026, 2, 1, 10, tzinfo=ZoneInfo("Europe/Paris")) == zoned


def test_zero_gmt_falls_back() -> None:
    value = _date(date="2026-02-01T10:00:00", date_gmt="0000-00-00T00:00:00")

    assert datetime(2026, 2, 1, 10) == value


def test_gmt_years_apart_is_ignored() -> None:
    """Seen in the wild: ``date_gmt`` four years before ``date``."""
    value = _date(date="2014-04-15T10:00:00", date_gmt="2010-12-22T10:00:00")

    assert datetime(2014, 4, 15, 10) == value


def test_only_gmt() -> None:
    assert datetime(2026, 1, 1, tzinfo=UTC) == _date(date_gmt="2026-01-01T00:00:00")


def test_unknown_zone_name() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        wpparse.parse_post({"id": 1}, tz="Mars/Olympus")


@pytest.mark.parametrize(
    ("name", "offset"),
    [
        ("+05:30", timedelta(hours=5, minutes=30)),
        ("-08:00", timedelta(hours=-8)),
        ("-0330", timedelta(hours=-3, minutes=-30)),
        ("+05", timedelta(hours=5)),
        ("UTC+01:00", timedelta(hours=1)),
        ("Z", timedelta(0)),
        ("UTC", timedelta(0)),
    ],
)
def test_a_utc_offset_is_a_time_zone(name: str, offset: timedelta) -> None:
    # "+05:30", the example of the docstring and the error message, was refused.
    date = wpparse.parse_post({"id": 1, "date": "2026-02-01T10:00:00"}, tz=name).date

    assert date is not None
    assert offset == date.utcoffset()
    assert datetime(2026, 2, 1, 10) == date.replace(tzinfo=None)


@pytest.mark.parametrize(
    "name", ["+24:00", "+05:60", "05:30", "/etc/localtime", "../UTC"]
)
def test_what_is_no_offset_nor_zone_name_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        wpparse.parse_post({"id": 1}, tz=name)


def test_zone_names_without_a_system_database(monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows without the tzdata package: zoneinfo finds nothing, and
    # python-dateutil's own copy of the database answers.
    from zoneinfo import ZoneInfoNotFoundError

    from wpparse._rest import dates as _dates

    def missing(name: str) -> ZoneInfo:
        raise ZoneInfoNotFoundError(name)

    monkeypatch.setattr(_dates, "ZoneInfo", missing)
    date = wpparse.parse_post(
        {"id": 1, "date": "2026-07-01T10:00:00"}, tz="Europe/Paris"
    ).date

    assert date is not None
    assert timedelta(hours=2) == date.utcoffset()
    with pytest.raises(ValueError, match="unknown time zone"):
        wpparse.parse_post({"id": 1}, tz="Mars/Olympus")


@pytest.mark.parametrize(
    ("local", "gmt", "offset"),
    [
        ("2026-03-01T09:00:31", "2026-03-01T06:00:00", timedelta(hours=3, minutes=1)),
        ("2026-03-01T09:00:29", "2026-03-01T06:00:00", timedelta(hours=3)),
        ("2026-03-02T03:00:00", "2026-03-01T09:00:00", timedelta(hours=18)),
        ("2026-03-01T09:00:00", "2026-03-02T03:00:01", None),  # over 18 hours: ignored
    ],
)
def test_offset_rounds_to_the_minute_every_time(
    local: str, gmt: str, offset: timedelta | None
) -> None:
    values = [_date(date=local, date_gmt=gmt) for _ in range(2)]

    assert [offset, offset] == [v.utcoffset() if v else None for v in values]


def test_offsets_past_the_zone_cache_read_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wpparse._rest import dates as _dates

    data = {"date": "2026-03-01T09:00:00", "date_gmt": "2026-03-01T03:30:00"}
    cached = _date(**data)
    monkeypatch.setattr(_dates, "_ZONES", {})
    monkeypatch.setattr(_dates, "_MAX_ZONES", 0)

    assert (
        cached
        == _date(**data)
        == datetime(2026, 3, 1, 9, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    )
    assert {} == _dates._ZONES


_ODD_DATES = [
    "2025-07-03T08:56:33",
    "2025-07-03 08:56:33",
    "2025-07-03T05:56:33",
    "2025-07-02T08:56:33",
    "2025-07-03T08:56:33.5",
    "2025-07-03T08:56+05",
    "2025-07-03T08:56:33Z",
    "2025-07-03T08:56:33+02:00",
    "2025-W27-4T08:56:33",
    " 2025-07-03T08:56:3",
    "2025-07-03T08:56:3 ",
    "0000-00-00T00:00:00",
    "0000-00-00 00:00:00",
    "July 3, 2025 8:56am",
    "2025-07-03",
    "",
    None,
]


@pytest.mark.parametrize("tz", [None, "Europe/Paris"])
@pytest.mark.parametrize("gmt", _ODD_DATES)
@pytest.mark.parametrize("local", _ODD_DATES)
def test_the_quick_read_of_wordpress_dates_gives_what_the_full_one_does(
    local: str | None, gmt: str | None, tz: str | None
) -> None:
    from wpparse._rest.dates import parse_wp_date, resolve_tz

    data = {"date": local, "date_gmt": gmt}
    expected = parse_wp_date(
        local, gmt, path="$.date", gmt_path="$.date_gmt", tz=resolve_tz(tz)
    )

    value = wpparse.parse_post({"id": 1, **data}, tz=tz).date

    assert (expected, repr(expected)) == (value, repr(value))


@pytest.mark.parametrize("fold", [0, 1])
def test_a_zone_is_attached_as_replace_would(fold: int) -> None:
    from wpparse._rest.dates import _with_zone

    wall = datetime(2025, 10, 26, 2, 30, 15, 7, fold=fold)
    zone = ZoneInfo("Europe/Paris")

    value = _with_zone(wall, wall.time(), zone)

    assert (wall.replace(tzinfo=zone), fold) == (value, value.fold)
    assert repr(wall.replace(tzinfo=zone)) == repr(value)
