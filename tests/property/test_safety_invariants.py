"""Invariants of what wpparse writes: file names from slugs stay inside the output folder."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wpparse._cli.output import safe_filename

from .strategies import texts

pytestmark = pytest.mark.property

_RESERVED = re.compile(
    r"^(?:con|prn|aux|nul|conin\$|conout\$|clock\$|(?:com|lpt)[0-9¹²³])$"
)
_SLUGS = st.one_of(
    texts,
    st.sampled_from(
        [
            "..",
            "../..",
            "/etc/passwd",
            "C:\\Windows",
            "\\\\server\\share",
            "%2e%2e%2f",
            "%2F",
            "%00",
            "CON",
            "con.txt",
            "CoM¹",
            "LPT9 ",
            "nul.",
            "aux .md",
            "CONIN$",
            "~",
            " ",
            "\u202e",
            "a" * 500,
            "é" * 150,
        ]
    ),
    st.lists(
        st.sampled_from(["..", "/", "\\", "%2e", "%2f", ".", " ", "CON", "a"]),
        max_size=8,
    ).map("".join),
)


@given(_SLUGS)
def test_file_names_from_slugs_stay_in_the_folder(slug: str) -> None:
    """No separator, parent step, control character, reserved name or overlong name."""
    name = safe_filename(slug, "post-1", ".md")
    stem = name.removesuffix(".md")

    assert name.endswith(".md")
    assert stem
    assert not re.search(r"[\x00-\x1f\x7f/\\:*?\"<>|]", stem), name
    assert not stem.startswith((".", " ")), name
    assert not stem.endswith((".", " ")), name
    assert not _RESERVED.match(stem.split(".", 1)[0].rstrip(" ").casefold()), name
    assert len(name.encode("utf-8")) <= 255
    name.encode("utf-8")  # no lone surrogate
