"""The repair of lone surrogate escapes in JSON text, against a one-regex specification."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wpparse._json.load import (
    _SURROGATE_ESCAPE_HINT,
    _first_surrogate_escape,
    _replace_lone_surrogate_escapes,
)

pytestmark = pytest.mark.property

# The specification: the one regex wpparse used before, slow on long text
# (its leading lookbehind defeats the scan for a literal prefix).
_SPEC = re.compile(
    r"(?<!\\)((?:\\\\)*)\\u(?:[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<![\\]u[dD][89abAB][0-9a-fA-F]{2}\\u)[dD][c-fC-F][0-9a-fA-F]{2})"
)

_PIECES = [
    "\\",
    "\\\\",
    "\\ud800",
    "\\uDBFF",
    "\\udc00",
    "\\uDfFf",
    "\\uD7ff",
    "\\ud7a3",
    "\\uDc",
    "\\ud83d",
    "\\ude00",
    "\\ud8",
    "\\udc0",
    "\\u0041",
    "u",
    "d8",
    "dc00",
    "x",
    '"',
    "\u00e9",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_lone_surrogate_escapes_are_replaced_as_the_specification_says(
    text: str,
) -> None:
    expected = _SPEC.subn(r"\1\\ufffd", text)

    assert expected == _replace_lone_surrogate_escapes(text, 0)


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_the_first_surrogate_escape_is_the_one_the_regex_finds(text: str) -> None:
    expected = _SURROGATE_ESCAPE_HINT.search(text)
    found = _first_surrogate_escape(text)

    assert (expected and expected.span()) == (found and found.span())
