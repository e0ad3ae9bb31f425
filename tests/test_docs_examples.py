"""
The examples in the docs' Markdown pages run and print what the pages say.

``nox -s docs`` runs them with Sphinx's doctest builder; this test runs the same
blocks (``{doctest}``, ``{testsetup}``, ``{testcode}``/``{testoutput}``,
``{testcleanup}``) with the standard library, so a change that breaks a page
fails the quick test run too, not only the docs build.  The cluster recipes
(Dask, Spark) take long to start and run only in the docs build.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

DOCS = ROOT / "docs"
# Started clusters take seconds: they run in `nox -s docs` / `nox -s recipes` only.
DOCS_BUILD_ONLY = {"dask", "spark"}
# What Sphinx's doctest extension uses unless conf.py says otherwise.
DEFAULT_FLAGS = (
    doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL | doctest.DONT_ACCEPT_TRUE_FOR_1
)
_MISSING = re.compile(r"ModuleNotFoundError: No module named '([\w.]+)'")
_BLOCK = re.compile(
    r"^```\{(doctest|testsetup|testcleanup|testcode|testoutput)\}[ \t]*(\S*)[ \t]*\n(.*?)^```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


@dataclass
class Block:
    kind: str
    group: str
    body: str
    line: int
    options: dict[str, str] = field(default_factory=dict)


def _blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _BLOCK.finditer(text):
        kind, group, body = match.groups()
        options = {}
        lines = body.splitlines(keepends=True)
        while lines and lines[0].startswith(":"):
            name, _, value = lines.pop(0)[1:].partition(":")
            options[name.strip()] = value.strip()
        if lines and not lines[0].strip():
            lines.pop(0)
        found.append(
            Block(
                kind,
                group or "default",
                "".join(lines),
                text.count("\n", 0, match.start()) + 1,
                options,
            )
        )
    return found


def _cases() -> Iterator[Any]:
    for page in sorted(DOCS.glob("*.md")):
        groups = {
            b.group
            for b in _blocks(page)
            if b.kind in {"doctest", "testcode"} and b.group != "*"
        }
        for group in sorted(groups):
            marks = []
            if group in DOCS_BUILD_ONLY:
                marks.append(
                    pytest.mark.skip(reason="a cluster recipe: nox -s docs runs it")
                )
            yield pytest.param(page, group, id=f"{page.name}::{group}", marks=marks)


def _global_setup() -> dict[str, Any]:
    # The same names docs/conf.py's doctest_global_setup defines.
    support = str(DOCS / "_support")
    if support not in sys.path:
        sys.path.insert(0, support)
    import wpparse

    return {
        "wpparse": wpparse,
        "Path": Path,
        "EXAMPLES": ROOT / "examples",
        "RUN_SPARK": False,
        "__name__": "docs_example",
    }


def _flags(block: Block) -> int:
    flags = DEFAULT_FLAGS
    for option in block.options.get("options", "").replace(",", " ").split():
        value = doctest.OPTIONFLAGS_BY_NAME[option[1:]]
        flags = flags | value if option[0] == "+" else flags & ~value
    return flags


def _run_code(code: str, globs: dict[str, Any]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<docs>", "exec"), globs)  # the docs' own code
    return out.getvalue()


def _raise_if_a_module_is_missing(report: str) -> None:
    missing = _MISSING.search(report)
    if missing and missing.group(1).split(".")[0] != "wpparse":
        raise ModuleNotFoundError(name=missing.group(1))


def _needs(error: ModuleNotFoundError) -> None:
    # requests, httpx, pandas ... come with the docs group; without them, say so.
    if error.name and error.name.split(".")[0] != "wpparse":
        pytest.skip(f"needs {error.name} (pip install --group docs)")
    raise error


@pytest.mark.parametrize(("page", "group"), list(_cases()))
def test_docs_examples(page: Path, group: str) -> None:
    blocks = [b for b in _blocks(page) if b.group in {group, "*"}]
    globs = _global_setup()
    failures: list[str] = []
    skipped = False

    def skip(block: Block) -> bool:
        condition = block.options.get("skipif")
        return bool(condition and eval(condition, dict(globs)))

    try:
        for block in (b for b in blocks if b.kind == "testsetup"):
            if not skip(block):
                _run_code(block.body, globs)
        checker = doctest.OutputChecker()
        pending: Block | None = None
        for block in blocks:
            if block.kind not in {"doctest", "testcode", "testoutput"} or skip(block):
                continue
            if block.kind == "doctest":
                test = doctest.DocTestParser().get_doctest(
                    block.body,
                    globs,
                    f"{page.name}:{block.line}",
                    str(page),
                    block.line,
                )
                runner = doctest.DocTestRunner(optionflags=_flags(block))
                out = io.StringIO()
                result = runner.run(test, out=out.write, clear_globs=False)
                globs.update(test.globs)
                if result.failed:
                    _raise_if_a_module_is_missing(out.getvalue())
                    failures.append(out.getvalue())
            elif block.kind == "testcode":
                pending = block
                got = _run_code(block.body, globs)
                globs["_last_output"] = got
            else:  # testoutput: compare with the testcode before it
                assert pending is not None, (
                    f"{page.name}:{block.line}: output without code"
                )
                got = globs.pop("_last_output")
                if not checker.check_output(block.body, got, _flags(block)):
                    failures.append(
                        f"{page.name}:{pending.line}: expected\n{block.body}\ngot\n{got}"
                    )
                pending = None
    except ModuleNotFoundError as error:
        skipped = True
        _needs(error)
    finally:
        # Stop what the setup started (servers), also when skipping.
        with contextlib.suppress(Exception) if skipped else contextlib.nullcontext():
            for block in (b for b in blocks if b.kind == "testcleanup"):
                if not skip(block):
                    _run_code(block.body, globs)

    assert failures == []
