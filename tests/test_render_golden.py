"""Golden files: each renderer on hand-built posts, hostile text included."""

from __future__ import annotations

import json

import pytest

import wpparse
from tests.render_support import RENDER, check_golden, fixture_post

FIXTURES = sorted(path.stem for path in RENDER.glob("*.json") if "." not in path.stem)


@pytest.mark.parametrize("name", FIXTURES)
def test_markdown_golden(name: str) -> None:
    post = fixture_post(name)

    check_golden(
        RENDER / f"{name}.md", wpparse.to_markdown(post, front_matter=True, title=True)
    )


@pytest.mark.parametrize("name", FIXTURES)
def test_text_golden(name: str) -> None:
    post = fixture_post(name)

    check_golden(RENDER / f"{name}.txt", wpparse.to_text(post, title=True))


@pytest.mark.parametrize("name", FIXTURES)
def test_chunks_golden(name: str) -> None:
    post = fixture_post(name)
    data = [chunk.to_dict() for chunk in wpparse.chunks(post, max_chars=80)]

    check_golden(
        RENDER / f"{name}.chunks.json",
        json.dumps(data, ensure_ascii=False, indent=2) + "\n",
    )


@pytest.mark.parametrize("name", FIXTURES)
def test_dict_golden(name: str) -> None:
    post = fixture_post(name)

    check_golden(
        RENDER / f"{name}.dict.json",
        json.dumps(wpparse.to_dict(post), ensure_ascii=False, indent=2) + "\n",
    )
