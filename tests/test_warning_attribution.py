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
