"""The README's examples run and show what the README says; the prose files are clean."""

from __future__ import annotations

import doctest
import re

import pytest

from tests.conftest import ROOT


def test_readme_starts_with_the_install_and_test_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```\w*\n(.*?)^```", readme, re.MULTILINE | re.DOTALL)

    assert [b.strip() for b in blocks[:2]] == [
        "pip install . && wpparse examples/sample-post.json",
        'pip install "nox[uv]" && nox',
    ]


def test_readme_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples open examples/sample-post.json
    result = doctest.testfile(
        str(ROOT / "README.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        verbose=False,
        report=True,
    )

    assert result.attempted >= 5
    assert result.failed == 0


def test_no_merge_conflict_markers_in_prose() -> None:
    # A merge once committed "<<<<<<< HEAD" into the changelog, which the docs
    # include: a reader would see it on the changelog page.
    files = [
        ROOT / "README.md",
        ROOT / "CHANGELOG.md",
        ROOT / "RELEASING.md",
        *(ROOT / "docs").glob("*.md"),
        *(ROOT / "docs").glob("*.rst"),
    ]
    marked = [
        f"{path.name}:{n}"
        for path in files
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"(<{7}|={7}|>{7})( |$)", line)
    ]

    assert marked == []
