"""The public namespace: everything in ``__all__`` exists, is documented and is in the API reference."""

from __future__ import annotations

import inspect
import re

import wpparse
from tests.conftest import ROOT


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in dir(wpparse) if not name.startswith("_")}

    assert sorted(wpparse.__all__) == wpparse.__all__
    assert public == set(wpparse.__all__)


def test_every_public_name_has_a_docstring() -> None:
    for name in wpparse.__all__:
        obj = getattr(wpparse, name)

        assert inspect.getdoc(obj), name


def test_every_public_name_is_in_the_api_reference() -> None:
    api = (ROOT / "docs" / "api.rst").read_text(encoding="utf-8")
    documented = set(
        re.findall(
            r"^\.\. (?:auto\w+|py:module):: (?:wpparse\.)?(\w+)", api, re.MULTILINE
        )
    )

    assert set(wpparse.__all__) - documented == set()
