"""Warnings name the caller's line, not a line of wpparse."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

import wpparse


def _warned(call: Any) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [w for w in caught if issubclass(w.category, wpparse.WPParseWarning)]


@pytest.mark.parametrize(
    "call",
    [
        lambda: wpparse.parse_post('{"id": 1} trailing'),
        lambda: wpparse.parse_post('{"id": 1, "title": "\\ud800"}'),
        lambda: wpparse.parse_post(b'{"id": 1, "title": "\xff"}'),
        lambda: wpparse.parse_post({"id": 1, "title": "a\ud800"}),
        lambda: wpparse.parse_posts('[{"id": 1}] trailing'),
        lambda: wpparse.parse(
            {"id": 1, "content": {"rendered": "<p " + "a=1 " * 2000 + ">x</p>"}}
        ),
    ],
    ids=["trailing", "surrogate-escape", "bad-utf8", "raw-surrogate", "posts", "html"],
)
def test_warnings_name_the_callers_line(call: Any) -> None:
    # They named _read.py:99, load.py or dispatch.py: in a batch job, no one
    # could tell which call caused them.
    found = _warned(call)

    assert found
    assert {__file__} == {w.filename for w in found}


def test_reader_warnings_name_the_loop_that_reads(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"id": "x"}', encoding="utf-8")
    (tmp_path / "b.json").write_text('{"id": 1}\n<html>', encoding="utf-8")

    found = _warned(lambda: list(wpparse.read_posts(tmp_path)))

    assert 2 == len(found)
    assert {__file__} == {w.filename for w in found}


def test_warnings_can_be_collected_instead() -> None:
    from wpparse._text import collecting_warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with collecting_warnings() as found:
            post = wpparse.parse_post('{"id": 1, "title": "a\\ud800"} trailing')

    assert "a\ufffd" == post.title
    assert 2 == len(found)
    assert all(isinstance(w, wpparse.WPParseWarning) for w in found)


def test_a_reader_can_take_repairs_as_data(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        '{"id": 1, "title": "a\\ud800"}\n'
        '{"id": 2, "content": {"rendered": "<p ' + "a=1 " * 2000 + '>x</p>"}}\n'
        '{"id": 3}\n',
        encoding="utf-8",
    )
    (tmp_path / "b.json").write_bytes(b'{"id": 4, "title": "\xff"}')
    got: list[wpparse.Problem] = []

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # none is issued
        reader = wpparse.read_posts(tmp_path, on_warning=got.append)
        posts = list(reader)

    assert [1, 2, 3, 4] == [p.id for p in posts]
    assert got == list(reader.warnings)
    assert [(1, "$[0].title"), (2, "$[1].content.rendered"), (1, "$")] == [
        (p.source.line, p.path) for p in got
    ]
    assert all(isinstance(p.error, wpparse.WPParseWarning) for p in got)
    assert "lone surrogate" in got[0].reason
    assert [] == list(reader.problems)


def test_collected_warnings_stay_out_of_the_callers_own_calls(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1}\n{"id": 2}\n', encoding="utf-8")
    got: list[wpparse.Problem] = []

    for _ in wpparse.read_posts(tmp_path, on_warning=got.append):
        # The caller's own call, between two records: its warning is its own.
        with pytest.warns(wpparse.WPParseWarning):
            wpparse.parse_post('{"id": 9} trailing')

    assert [] == got


def test_skipped_records_are_still_problems_with_on_warning(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1}\n{"id": "x"}\n', encoding="utf-8")
    got: list[wpparse.Problem] = []

    reader = wpparse.read_posts(tmp_path, on_warning=got.append)
    with pytest.warns(wpparse.WPParseWarning, match="expected an integer"):
        posts = list(reader)

    assert [1] == [p.id for p in posts]
    assert [] == got
    assert ["$[1].id"] == [p.path for p in reader.problems]
