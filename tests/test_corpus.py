"""The regression sweep over real REST responses in ../shared/corpus (skipped when absent)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import wpparse
from tests.conftest import corpus_params
from wpparse._json.kinds import object_kind
from wpparse._json.load import load_json


def _objects(value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, list):
        for n, item in enumerate(value):
            yield f"$[{n}]", item
    else:
        yield "$", value


@pytest.mark.parametrize("path", corpus_params("posts"))
def test_every_post_like_object_parses(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        value = load_json(path.read_bytes())
    parsed = 0
    for where, obj in _objects(value):
        kind = object_kind(obj)
        if kind == "error":
            with pytest.raises(wpparse.WordPressError):
                wpparse.parse_post(obj)
            continue
        if kind not in {"post", "media"}:
            with pytest.raises(wpparse.NotAPostError):
                wpparse.parse_post(obj)
            continue
        post = wpparse.parse_post(obj)
        parsed += 1

        assert post.id == obj.get("id", obj.get("ID")), where
        assert "&#" not in post.title, where
        json.dumps(wpparse.to_dict(post))
