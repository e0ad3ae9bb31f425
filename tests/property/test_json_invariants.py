"""Invariants over generated JSON: a Post or a clear WPParseError, never a crash."""

from __future__ import annotations

import json
import math
import pickle
import re
import warnings
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wpparse
from wpparse import (
    InvalidJSONError,
    InvalidPostError,
    Post,
    WordPressError,
    WPParseError,
)
from wpparse.exceptions import WPParseWarning

from .strategies import MODELLED_FIELDS, json_values, post_objects, texts

pytestmark = pytest.mark.property

# Whole generated posts are costly to draw: 10 examples in the quick profile,
# a third of the profile's in the thorough one (666).
_HEAVY = settings(
    max_examples=settings().max_examples // 3 if settings().max_examples > 100 else 10,
    suppress_health_check=[HealthCheck.too_slow],
)

_STEP = re.compile(r"\.([A-Za-z_][\w-]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]")


def resolve(document: Any, path: str) -> Any:
    """Follow a wpparse JSON path (``$.a[0]['b:c'].d``) into *document*."""
    assert path.startswith("$"), path
    rest = path[1:]
    node = document
    while rest:
        step = _STEP.match(rest)
        assert step is not None, f"cannot read {rest!r} of path {path!r}"
        name, index, quoted = step.groups()
        if index is not None:
            assert isinstance(node, list | tuple), (path, node)
            node = node[int(index)]
        else:
            key = name if name is not None else re.sub(r"\\(.)", r"\1", quoted)
            assert isinstance(node, Mapping), (path, node)
            rest = rest[step.end() :]
            if not rest and key not in node:  # a required key, missing
                return None
            assert key in node, (path, key, list(node))
            node = node[key]
            continue
        rest = rest[step.end() :]
    return node


def check_error(error: WPParseError, document: Any) -> None:
    """An error is a ValueError, names a JSON path that exists, and pickles."""
    path: str = error.path  # type: ignore[attr-defined]
    message = str(error)
    assert message.endswith(f" @ {path}"), message
    assert message[0].islower() or message.startswith("WordPress"), message
    assert len(message) < 400, message  # shortened, however big the value
    if isinstance(error, InvalidPostError | WordPressError):
        resolve(document, path)
    assert isinstance(error, ValueError)
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again)) == (type(error), message)


def check_post(post: Post) -> None:
    """A post renders to JSON, and its text fields encode to UTF-8."""
    json.dumps(wpparse.to_dict(post))
    for text in (
        post.title,
        post.excerpt,
        post.slug or "",
        post.link or "",
        post.content_html,
    ):
        text.encode("utf-8")
    if post.date is not None:
        post.date.isoformat()
        post.date.utcoffset()


def outcome(data: Any) -> Post | WPParseError:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        try:
            return wpparse.parse_post(data)
        except WPParseError as error:
            return error


@given(json_values)
def test_any_json_value_gives_a_post_or_a_clear_error(value: Any) -> None:
    """Any decoded JSON value is a Post or a WPParseError naming a path that exists."""
    result = outcome(value)
    if isinstance(result, Post):
        check_post(result)
    else:
        check_error(result, value)


@given(post_objects())
@_HEAVY
def test_post_like_objects_give_a_post_or_a_clear_error(obj: dict[str, Any]) -> None:
    """Every field valid, missing, null or of any JSON type: a Post or a clear error."""
    result = outcome(obj)
    if isinstance(result, Post):
        check_post(result)
        assert result.id == obj.get("id", obj.get("ID")) or isinstance(
            obj["id"], str | float
        )
    else:
        check_error(result, obj)


@given(post_objects())
@_HEAVY
def test_text_and_mapping_agree(obj: dict[str, Any]) -> None:
    """Parsing the JSON text gives what parsing the decoded mapping gives."""
    text = json.dumps(obj)
    from_text, from_mapping = outcome(text), outcome(json.loads(text))
    assert type(from_text) is type(from_mapping)
    if isinstance(from_text, Post):
        assert isinstance(from_mapping, Post)
        assert (from_text.id, from_text.title, from_text.date) == (
            from_mapping.id,
            from_mapping.title,
            from_mapping.date,
        )
        # Text input repairs every string, so the whole post encodes.
        json.dumps(wpparse.to_dict(from_text), ensure_ascii=False).encode("utf-8")
    else:
        assert _same_error(str(from_text), str(from_mapping))


# A lone surrogate as repr shows it ('\ud800'), or itself (in a path's key).
_LONE_SURROGATE = re.compile(r"(?<!\\)\\ud[89a-f][0-9a-f]{2}|[\ud800-\udfff]")
# What is left of an escape cut short at its end ('\ud8').
_CUT_ESCAPE = re.compile(r"\\(?:u[0-9a-f]{0,3}|x[0-9a-f]?|U[0-9a-f]{0,7})?$")


def _same_error(from_text: str, from_mapping: str) -> bool:
    r"""
    Whether the error from JSON text says what the one from its mapping says.

    Text input has its lone surrogates repaired to U+FFFD when it is read; a
    mapping keeps them until a field is used, so an error message may show
    the one as '\ud800' and the other as U+FFFD.  And a value shown shortened
    is cut by the length of its repr, six characters for '\ud800' and one for
    U+FFFD: one may be cut where the other is not, or cut shorter.
    """
    mapping = _LONE_SURROGATE.sub("\ufffd", from_mapping)
    if from_text == mapping:
        return True
    for shortened, other in ((from_text, mapping), (mapping, from_text)):
        head, cut, tail = shortened.rpartition("…")
        if cut and other.endswith(tail) and other.startswith(_CUT_ESCAPE.sub("", head)):
            return True
    return False


@given(st.sampled_from(MODELLED_FIELDS), json_values)
def test_one_odd_field_is_the_one_named(field: str, value: Any) -> None:
    """A post valid but for one field either parses or names that very field."""
    obj = {"id": 7, "title": {"rendered": "T"}, field: value}
    if field == "id":
        obj["id"] = value
    result = outcome(obj)
    if isinstance(result, WPParseError):
        check_error(result, obj)
        path: str = result.path  # type: ignore[attr-defined]
        assert path == "$" or path.startswith((f"$.{field}", f"$['{field}']")), path
    else:
        check_post(result)


@given(st.lists(post_objects(), min_size=1, max_size=4))
@_HEAVY
def test_parse_posts_names_the_first_bad_record(objs: list[dict[str, Any]]) -> None:
    """A collection parses whole, or the error names the first record that fails alone."""
    results = [outcome(obj) for obj in objs]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        try:
            posts = wpparse.parse_posts(objs)
        except WPParseError as error:
            first_bad = next(
                i for i, r in enumerate(results) if isinstance(r, WPParseError)
            )
            path: str = error.path  # type: ignore[attr-defined]
            assert path.startswith(f"$[{first_bad}]"), (path, first_bad)
            check_error(error, objs)
            return
    assert all(isinstance(r, Post) for r in results)
    assert [p.id for p in posts] == [r.id for r in results]  # type: ignore[union-attr]


@given(st.binary(max_size=200))
def test_any_bytes_give_a_post_or_a_clear_error(data: bytes) -> None:
    """Arbitrary bytes (any encoding, or none) never crash the reader."""
    result = outcome(data)
    if isinstance(result, Post):
        check_post(result)
    else:
        assert isinstance(result, ValueError)
        assert str(result)


@given(texts, st.sampled_from(["", " ", "\n", "}", "]", "</html>", "\x00", "garbage"]))
def test_any_text_gives_a_post_or_a_clear_error(text: str, tail: str) -> None:
    """Arbitrary text, or a post followed by any tail, never crashes the reader."""
    for data in (text + tail, '{"id": 1}' + tail + text):
        result = outcome(data)
        if isinstance(result, InvalidJSONError):
            assert result.position is None or 0 <= result.position <= len(data)
        elif isinstance(result, WPParseError):
            assert str(result)
        else:
            check_post(result)


@given(st.floats() | st.integers() | texts)
def test_numbers_and_strings_as_ids(value: float | str) -> None:
    """An id is an integer, an integral float or a string of ASCII digits; else an error."""
    result = outcome({"id": value})
    if isinstance(result, Post):
        if isinstance(value, float):
            assert math.isfinite(value)
            assert value.is_integer()
        assert result.id == int(value)
    else:
        assert isinstance(result, InvalidPostError)
        assert result.path in {"$.id", "$"}


@given(st.lists(post_objects(), min_size=1, max_size=5))
@_HEAVY
def test_lenient_parse_posts_keeps_every_good_record(
    objs: list[dict[str, Any]],
) -> None:
    """strict=False: the good records, in order, and one Problem per bad one, naming it."""
    results = [outcome(obj) for obj in objs]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        collection = wpparse.parse_posts(objs, strict=False)

    good = [r for r in results if isinstance(r, Post)]
    bad = [i for i, r in enumerate(results) if isinstance(r, WPParseError)]
    assert [p.id for p in good] == [p.id for p in collection]
    assert len(bad) == len(collection.problems)
    for index, problem in zip(bad, collection.problems, strict=True):
        assert problem.path.startswith(f"$[{index}]"), (problem, index)
        assert problem.reason
        assert isinstance(problem.error, WPParseError)
        check_error(problem.error, objs)


@given(st.lists(post_objects(), min_size=1, max_size=5))
@_HEAVY
def test_read_posts_reports_each_bad_line_and_reads_the_rest(
    tmp_path_factory: pytest.TempPathFactory, objs: list[dict[str, Any]]
) -> None:
    """A JSON Lines file: every good record is read; each bad one is a Problem with its line."""
    file = tmp_path_factory.mktemp("site") / "posts.jsonl"
    lines = [json.dumps(obj) for obj in objs]
    lines.insert(len(lines) // 2, '{"id": 99, "title": ')  # a truncated record too
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = [
        outcome(json.loads(line)) if line.endswith("}") else None for line in lines
    ]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        reader = wpparse.read_posts(file)
        posts = list(reader)

    good = [r.id for r in expected if isinstance(r, Post)]
    bad_lines = [n for n, r in enumerate(expected, 1) if not isinstance(r, Post)]
    assert good == [p.id for p in posts]
    assert bad_lines == [p.source.line for p in reader.problems]
    assert all(
        p.source.file and p.source.file.endswith("posts.jsonl") for p in reader.problems
    )
