"""Reading JSON text: encodings, BOMs, trailing data, depth."""

from __future__ import annotations

import warnings

import pytest

import wpparse
from wpparse import InvalidJSONError, WPParseWarning
from wpparse._json.load import load_json, load_json_clean


def test_trailing_garbage_warns_and_parses() -> None:
    text = '{"id": 3, "title": {"rendered": "ok"}}</plugin></name></namespace>'

    with pytest.warns(WPParseWarning, match="trailing data"):
        post = wpparse.parse_post(text)

    assert "ok" == post.title


def test_invalid_utf8_is_replaced_with_a_warning() -> None:
    data = b'{"id": 3, "title": {"rendered": "caf\xe9"}}'

    with pytest.warns(WPParseWarning, match="not valid utf-8"):
        post = wpparse.parse_post(data)

    assert "caf\ufffd" == post.title


def test_deep_nesting_is_a_clear_error() -> None:
    with pytest.raises(InvalidJSONError, match="nested too deeply"):
        wpparse.parse_post("[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_input(text: str) -> None:
    with pytest.raises(InvalidJSONError, match="empty input"):
        wpparse.parse_post(text)


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ('{"a": "plain"}', True),
        ('{"a": "caf\u00e9 \\u2019 \\/"}', True),  # other escapes and raw text
        ('{"a": "\\ud83d\\ude00"}', False),  # a valid pair is still a surrogate escape
        ('{"a": "\\\\ud800"}', False),  # escaped backslash: text, but not proven
        ('{"a": "\\uDC00"}', False),
    ],
)
def test_load_json_clean_is_true_only_without_surrogate_escapes(
    text: str, clean: bool
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        value, seen_clean = load_json_clean(text)
        expected = load_json(text)

    assert clean is seen_clean
    assert expected == value
