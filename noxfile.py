# /// script
# dependencies = ["nox>=2025.02.09"]
# ///
"""
Development tasks for wpparse.  ``nox -l`` lists them; ``nox`` runs the default ones.

Every session upgrades pip first: the pip bundled with some Pythons (23.2) has
a resolver bug around lxml's extras, and ``--group`` needs pip 25.1.
"""

from __future__ import annotations

import os
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


@nox.session(name="property", default=False)
def property_tests(session: nox.Session) -> None:
    """Run the Hypothesis property tests with the thorough profile (2,000 examples each)."""
    _install(session, "tests")
    session.run(
        "python",
        "-m",
        "pytest",
        "-m",
        "property",
        "-p",
        "no:cacheprovider",
        *session.posargs,
        env={"HYPOTHESIS_PROFILE": "thorough"},
    )


@nox.session(python="3.11", default=False)
def fuzz(session: nox.Session) -> None:
    """
    Fuzz the parser with atheris for a bounded time: ``nox -s fuzz -- SECONDS``.

    The time comes from the first posarg, else ``WPPARSE_FUZZ_SECONDS``, else 60.
    Seeds: ``fuzz/seeds/`` and, when present, the shared corpus (copied into a
    scratch folder, never into the repository).  A finding stops the run, fails
    the session and is written to ``.nox/fuzz/tmp/``; make it a regression test.
    atheris ships binary wheels for CPython 3.11 on x86-64 Linux: no clang needed.
    """
    _install(session)
    session.install("atheris>=2.3")
    seconds = session.posargs[0] if session.posargs else None
    seconds = seconds or os.environ.get("WPPARSE_FUZZ_SECONDS", "60")
    tmp = Path(session.create_tmp())
    corpus = tmp / "corpus"
    corpus.mkdir(exist_ok=True)
    shared = Path(os.environ.get("WPPARSE_CORPUS", ROOT.parent / "shared" / "corpus"))
    for number, source in enumerate(sorted(shared.glob("*/*.json"))):
        data = source.read_bytes()
        # The first byte picks the mode (see fuzz/fuzz_parse.py): post, then collection.
        (corpus / f"{source.stem}.post").write_bytes(b"\x00" + data)
        (corpus / f"{source.stem}.posts").write_bytes(b"\x80" + data)
        if number == 0:
            session.log(f"seeding from {shared}")
    session.run(
        "python",
        "fuzz/fuzz_parse.py",
        f"-max_total_time={int(seconds)}",
        "-max_len=200000",
        "-rss_limit_mb=4096",
        "-print_final_stats=1",
        f"-artifact_prefix={tmp}/",
        str(corpus),
        "fuzz/seeds",
    )


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


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and wheel and check their metadata with twine --strict."""
    _install(session, project=False)
    session.install("build", "twine")
    out = Path(session.create_tmp()) / "dist"
    shutil.rmtree(out, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(out))
    session.run("twine", "check", "--strict", *sorted(map(str, out.iterdir())))
