"""
parse_blocks against Gutenberg's own conformance fixtures.

Gutenberg keeps, for each block, ``test/integration/fixtures/blocks/NAME.html``
and beside it ``NAME.parsed.json``: what the block serialization parsers must
give for the HTML, trimmed.  Put those files (all of them, or the sample listed
in ``tests/data/gutenberg-parsed-fixtures.tsv``) in a folder named by
``WPPARSE_GUTENBERG_FIXTURES`` (by default ``../shared/gutenberg-fixtures``);
every ``*.parsed.json`` there is compared.  Without the folder this skips.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, ROOT
from wpparse._editor.blocks import parse_blocks

FIXTURES = Path(
    os.environ.get(
        "WPPARSE_GUTENBERG_FIXTURES", ROOT.parent / "shared" / "gutenberg-fixtures"
    )
)
SUFFIX = ".parsed.json"


def _cases() -> list[Any]:
    found = sorted(FIXTURES.glob(f"*{SUFFIX}")) if FIXTURES.is_dir() else []
    if not found:
        reason = f"no Gutenberg fixtures at {FIXTURES} (set WPPARSE_GUTENBERG_FIXTURES)"
        return [pytest.param(None, marks=pytest.mark.skip(reason=reason), id="absent")]
    return [pytest.param(path, id=path.name[: -len(SUFFIX)]) for path in found]


def _input(parsed: Path, expected: list[dict[str, Any]]) -> str:
    html = parsed.with_name(parsed.name[: -len(SUFFIX)] + ".html")
    if html.is_file():
        # Gutenberg's tests trim the fixture before parsing it.
        return html.read_text(encoding="utf-8").strip()
    # A fixture that is one freeform block is its own input.
    if len(expected) == 1 and expected[0]["blockName"] is None:
        text: str = expected[0]["innerHTML"]
        return text
    pytest.skip(f"{html.name} is missing")


@pytest.mark.parametrize("parsed", _cases())
def test_same_as_gutenbergs_fixture(parsed: Path) -> None:
    expected = json.loads(parsed.read_text(encoding="utf-8"))

    actual = [block.to_dict() for block in parse_blocks(_input(parsed, expected))]

    assert actual == expected


LISTED = DATA / "gutenberg-parsed-fixtures.tsv"


def test_the_sample_is_listed_with_its_provenance() -> None:
    rows = [
        line.split("\t")
        for line in LISTED.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    header, *files = rows

    assert header == ["file", "repository_path", "commit"]
    assert len(files) >= 20
    for name, path, commit in files:
        assert path == f"test/integration/fixtures/blocks/{name}"
        assert len(commit) == 40
        assert int(commit, 16) >= 0
