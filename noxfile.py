# /// script
# dependencies = ["nox>=2025.02.09"]
# ///
"""
Development tasks for wpparse.  ``nox -l`` lists them; ``nox`` runs the default ones.

Every session upgrades pip first: the pip bundled with some Pythons (23.2) has
a resolver bug around lxml's extras, and ``--group`` needs pip 25.1.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2025.02.09"
nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHON_VERSIONS = nox.project.python_versions(PYPROJECT)
ROOT = Path(__file__).parent


def _install(session: nox.Session, *groups: str, project: bool = True) -> None:
    """Upgrade pip, then install the named dependency groups (and wpparse itself)."""
    session.install("--upgrade", "pip")
    requirements = [
        req
        for group in groups
        for req in nox.project.dependency_groups(PYPROJECT, group)
    ]
    if requirements:
        session.install(*requirements)
    if project:
        session.install("-e", ".")


@nox.session(python=PYTHON_VERSIONS)
def tests(session: nox.Session) -> None:
    """Run the unit, property and corpus tests (quick Hypothesis profile)."""
    _install(session, "tests")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check formatting and lint with Ruff."""
    _install(session, "lint", project=False)
    session.run("ruff", "format", "--check", ".")
    session.run("ruff", "check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check the package, the tests and this noxfile with mypy --strict."""
    _install(session, "mypy")
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the HTML docs and run their doctests; warnings are errors, no network needed."""
    _install(session, "docs")
    shutil.rmtree(ROOT / "docs" / "_build", ignore_errors=True)
    for builder in ("html", "doctest"):
        session.run(
            "sphinx-build",
            "-n",
            "-W",
            "--keep-going",
            "-b",
            builder,
            "docs",
            f"docs/_build/{builder}",
        )


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """
    Benchmark wpparse against the parse floor and its peers; prints a Markdown report.

    Slow (minutes), so not a default session.  Arguments go to
    ``benchmarks/bench.py``: ``nox -s bench -- --quick`` for a smoke run,
    ``-- --site-size 1GB`` for the issue's whole-site memory case,
    ``-- --write-docs`` to update docs/performance.md.
    """
    _install(session, "bench")
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and wheel and check their metadata with twine --strict."""
    _install(session, project=False)
    session.install("build", "twine")
    out = Path(session.create_tmp()) / "dist"
    shutil.rmtree(out, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(out))
    session.run("twine", "check", "--strict", *sorted(map(str, out.iterdir())))
