"""The small text helpers: whitespace collapsing."""

from __future__ import annotations

import sys

import pytest

from wpparse._text import collapse

_WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def test_the_space_is_the_only_printable_whitespace() -> None:
    # collapse() relies on it to return printable text as it is.
    assert [" "] == [c for c in _WHITESPACE if c.isprintable()]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "a",
        " a b ",
        "a  b",
        "a\nb",
        "caf\u00e9 \u2026 [\u2026]",
        "a\u00a0b",  # no-break space: whitespace to str.split
        "a\u200bb",  # zero-width space: not printable, not whitespace
        "a\u3000b\u2028c",
        "\t lead and trail \r\n",
        *(f"x{c}y{c}{c}z" for c in _WHITESPACE),
    ],
)
def test_collapse_is_split_and_join(text: str) -> None:
    assert " ".join(text.split()) == collapse(text)
