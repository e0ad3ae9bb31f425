# /// script
# dependencies = ["nox>=2025.02.09"]
# ///
"""
Development tasks for wpparse.  ``nox -l`` lists them; ``nox`` runs the default ones.

Every session installs its tools from the committed ``uv.lock`` (``uv sync
--locked``): a new release upstream cannot change what a session runs.
``nox -s lock`` refreshes the lock; see RELEASING.md for when.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import nox

nox.needs_version = ">=2025.02.09"
# uv makes the environments and installs into them from the committed uv.lock.
nox.options.default_venv_backend = "uv"
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHON_VERSIONS = nox.project.python_versions(PYPROJECT)
ROOT = Path(__file__).parent


def _install(session: nox.Session, *groups: str, project: bool = True) -> None:
    """
    Install exactly the locked versions of the named dependency groups (and wpparse).

    ``uv sync --locked`` takes every version from ``uv.lock`` and fails when the
    lock is stale against ``pyproject.toml``; it also removes anything else from
    the environment, so a reused one cannot keep a stray version either.
    wpparse itself is installed editable, built by the backend pinned in
    ``[tool.uv] build-constraint-dependencies``.
    """
    args = ["uv", "sync", "--locked", "--no-default-groups"]
    args += [f"--group={group}" for group in groups]
    if not project:
        args.append("--no-install-project")
    session.run_install(*args, env=_uv_env(session), external=True)


def _install_compiled(session: nox.Session, *groups: str) -> None:
    """
    As :func:`_install`, but wpparse from a wheel built here, with its compiled walk.

    ``--no-editable`` builds a wheel (hatch_build.py compiles
    ``wpparse._speedups.core`` into it), rebuilt every time so that it holds
    the checkout as it is; ``WPPARSE_REQUIRE_EXTENSIONS`` makes a failed
    compilation an error instead of a pure-Python wheel.
    """
    args = ["uv", "sync", "--locked", "--no-default-groups", "--no-editable"]
    args += [f"--group={group}" for group in groups]
    args += ["--reinstall-package=wpparse"]
    env = {**_uv_env(session), "WPPARSE_REQUIRE_EXTENSIONS": "1"}
    session.run_install(*args, env=env, external=True)


# The pure-Python code only, whatever is installed (see wpparse._speedups).
PURE = {"WPPARSE_NO_EXTENSIONS": "1"}


def _uv_env(session: nox.Session) -> dict[str, str]:
    """Point uv's project commands at the session's virtualenv."""
    location = getattr(session.virtualenv, "location", None)
    if not isinstance(location, str):
        session.error("this session needs a virtualenv")
    return {"UV_PROJECT_ENVIRONMENT": location}


# uv's export of the lock as pinned requirements, without wpparse itself.
_EXPORT = ("uv", "export", "--locked", "--format=requirements-txt", "--no-emit-project")


def _sphinx(
    session: nox.Session,
    builder: str,
    out: Path,
    *,
    quiet: bool = True,
    env: dict[str, str] | None = None,
) -> None:
    """Run sphinx-build the one way every docs session does: nitpicky, warnings are errors."""
    args = ["-n", "-W", "--keep-going", *(["-q"] if quiet else []), "-b", builder]
    session.run("sphinx-build", *args, "docs", str(out), env=env)


@nox.session(python=PYTHON_VERSIONS)
def tests(session: nox.Session) -> None:
    """
    Run the unit, property and corpus tests (quick Hypothesis profile) on the compiled walk.

    wpparse is installed from a wheel built here, with ``wpparse._speedups``
    compiled; tests/test_speedups.py compares it with the pure-Python code.
    ``tests_pure`` and ``lowest`` run the same suite on the pure-Python code.
    """
    _install_compiled(session, "tests")
    session.run(
        "python", "-m", "pytest", *session.posargs, env={"WPPARSE_EXPECT_COMPILED": "1"}
    )


@nox.session(python=PYTHON_VERSIONS[-1])
def tests_pure(session: nox.Session) -> None:
    """Run the whole test suite on the pure-Python code (``WPPARSE_NO_EXTENSIONS=1``)."""
    _install(session, "tests")
    session.run("python", "-m", "pytest", *session.posargs, env=PURE)


@nox.session(python=PYTHON_VERSIONS[0])
def lowest(session: nox.Session) -> None:
    """
    Run the unit tests with every runtime dependency at the minimum pyproject.toml declares.

    The test tools come from the lock; then attrs, beautifulsoup4, lxml and
    python-dateutil are put back to their declared floors (``>=X`` installed as
    ``==X``), so a floor that no longer works turns this session red.
    """
    _install(session, "tests")
    floors = []
    for requirement in PYPROJECT["project"]["dependencies"]:
        name, sep, version = requirement.partition(">=")
        if not sep or not re.fullmatch(r"[A-Za-z0-9._-]+", name) or "," in version:
            session.error(
                f"declare runtime dependencies as NAME>=X, not {requirement!r}"
            )
        floors.append(f"{name}=={version}")
    session.run_install("uv", "pip", "install", *floors, external=True)
    # On the pure-Python code: with tests_pure, the suite runs in both modes.
    session.run("python", "-m", "pytest", *session.posargs, env=PURE)


@nox.session(venv_backend="none", default=False)
def lock(session: nox.Session) -> None:
    """
    Refresh every pinned tool: ``uv.lock``, the backend pins, CI's own tools, Python's docs inventory.

    Upgrading tools is its own commit (see RELEASING.md): run this, run ``nox``,
    and commit the changed files alone.  ``nox -s lock -- --check`` only checks
    that the lock matches pyproject.toml.
    """
    if "--check" in session.posargs:
        session.run("uv", "lock", "--check", external=True)
        return
    session.run("uv", "lock", "--upgrade", external=True)
    # The backend that builds wpparse in every session, pinned to the locked versions.
    pins = session.run(
        *_EXPORT,
        "--only-group=backend",
        "--quiet",
        "--no-hashes",
        "--no-annotate",
        "--no-header",
        external=True,
        silent=True,
    )
    assert isinstance(pins, str)
    lines = [line.strip() for line in pins.splitlines() if line.strip()]
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = "".join(f'\n  "{line}",' for line in lines)
    text = re.sub(
        r"^build-constraint-dependencies = \[[^\]]*\]",
        lambda _: f"build-constraint-dependencies = [{listed}\n]",
        text,
        count=1,
        flags=re.MULTILINE,
    )
    (ROOT / "pyproject.toml").write_text(text, encoding="utf-8")
    session.run("uv", "lock", external=True)
    # .ci/run installs nox, uv and pip from this file, hashes required.
    session.run(
        *_EXPORT,
        "--only-group=ci",
        "-o",
        ".ci/requirements.txt",
        external=True,
    )
    # Python's own inventory, for offline cross-references in the docs.
    debian = sorted(
        inv
        for inv in Path("/usr/share/doc").glob("python3.*/html/objects.inv")
        if re.fullmatch(r"python3\.\d+", inv.parent.parent.name)
    )
    if debian:
        shutil.copyfile(debian[-1], ROOT / "docs" / "_support" / "python-objects.inv")
        session.log(f"docs/_support/python-objects.inv from {debian[-1]}")
    else:
        session.warn(
            "Python's objects.inv not refreshed: apt-get install python3-doc, or copy "
            "https://docs.python.org/3/objects.inv to docs/_support/python-objects.inv"
        )


@nox.session(venv_backend="none", default=False)
def locked(session: nox.Session) -> None:
    """Check that every environment in .nox/ holds exactly the versions in uv.lock."""
    session.run(
        "python", str(ROOT / ".ci" / "check_envs.py"), str(ROOT / ".nox"), external=True
    )


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
    wpparse is installed with its compiled walk (as in ``tests``), which the
    target compares with the pure-Python readers on every HTML input;
    ``WPPARSE_NO_EXTENSIONS=1 nox -s fuzz`` fuzzes the pure-Python code alone.
    """
    _install_compiled(session, "fuzz")
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
    """Check formatting and lint with Ruff; check the one-way flow of imports with import-linter."""
    _install(session, "lint", project=False)
    session.run("ruff", "format", "--check", ".")
    session.run("ruff", "check", ".")
    # The layers and contracts are in .importlinter.  import-linter reads the
    # sources, it does not import them: src/ on the path is all it needs.
    session.run("lint-imports", env={"PYTHONPATH": str(ROOT / "src")})


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
        _sphinx(session, builder, ROOT / "docs" / "_build" / builder, quiet=False)


@nox.session(default=False)
def recipes(session: nox.Session) -> None:
    """Run every doctest in the docs, the Spark recipe included (needs Java 17+; installs pyspark)."""
    if shutil.which("java") is None:
        session.error(
            "the Spark recipe needs Java 17 or newer: apt-get install openjdk-17-jre-headless"
        )
    _install(session, "recipes")
    _sphinx(
        session,
        "doctest",
        ROOT / "docs" / "_build" / "recipes",
        env={"WPPARSE_DOCS_SPARK": "1"},
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
    # With the compiled walk (as users get it from a wheel); bench.py times the
    # pure-Python path too, in a child with WPPARSE_NO_EXTENSIONS=1.
    _install_compiled(session, "bench")
    session.run("python", "benchmarks/bench.py", *session.posargs)


# Not in the default run: it needs Debian's chromium, which .ci/run installs before running it.
@nox.session(default=False)
def screenshots(session: nox.Session) -> None:
    """Render the built landing, tutorial and API pages in headless Chromium; fail on a blank or broken page."""
    _install(session, "screenshots")
    html = ROOT / "docs" / "_build" / "html"
    _sphinx(session, "html", html)
    session.run(
        "python",
        "docs/_support/screenshots.py",
        str(html),
        str(ROOT / "docs" / "_build" / "screenshots"),
    )


# What the wheel must hold, and what it must not.
WHEEL_MUST_HOLD = (
    "wpparse/__init__.py",
    "wpparse/py.typed",
    "wpparse/post.schema.json",
)
# Path components that mean a test, a doc or a benchmark slipped in.
WHEEL_MUST_NOT_HOLD = ("tests", "conftest.py", "test_", "docs", "benchmarks")


def _source_version() -> str:
    """Return ``__version__`` from the source tree: the one place the version lives."""
    init = (ROOT / "src" / "wpparse" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', init, re.MULTILINE)
    if match is None:
        msg = 'no __version__ = "..." line in src/wpparse/__init__.py'
        raise RuntimeError(msg)
    return match.group(1)


def _check_wheel(session: nox.Session, wheel: Path, *, compiled: bool) -> None:
    """
    Fail unless *wheel* holds the package, its type marker and schema, and nothing else;
    the compiled walk if *compiled*, else no compiled file and the ``py3-none-any`` tag.
    """
    name, version = wheel.name.split("-")[:2]
    allowed_tops = {"wpparse", f"{name}-{version}.dist-info"}
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    missing = [wanted for wanted in WHEEL_MUST_HOLD if wanted not in names]
    stray = [
        member
        for member in names
        if PurePosixPath(member).parts[0] not in allowed_tops
        or any(
            part.startswith(WHEEL_MUST_NOT_HOLD) for part in PurePosixPath(member).parts
        )
    ]
    binaries = [
        member for member in names if member.endswith((".so", ".pyd", ".c", ".dylib"))
    ]
    expected = ["wpparse/_speedups/core"] if compiled else []
    if [member.split(".")[0] for member in binaries] != expected:
        stray.append(f"compiled files {binaries}, expected {expected}")
    if not compiled and not wheel.name.endswith("-py3-none-any.whl"):
        stray.append("the tag py3-none-any")
    if missing or stray:
        session.error(f"{wheel.name}: missing {missing}, unexpected {stray}")
    kind = "compiled walk" if compiled else "pure Python"
    session.log(
        f"{wheel.name}: {len(names)} files; has {', '.join(WHEEL_MUST_HOLD)}; {kind}; no tests"
    )


# The sdist is what distributions rebuild and test from: it keeps the tests and docs.
SDIST_MUST_HOLD = (
    "pyproject.toml",
    "LICENSE",
    "README.md",
    "CHANGELOG.md",
    "src/wpparse/post.schema.json",
    "tests/conftest.py",
    "docs/conf.py",
    "examples/sample-post.json",
    # The extension's source and the C generated from it: no Cython needed.
    "hatch_build.py",
    "src/wpparse/_speedups/core.pyx",
    "src/wpparse/_speedups/text.pxi",
    "src/wpparse/_speedups/blocks.pxi",
    "src/wpparse/_speedups/core.c",
)


def _check_sdist(session: nox.Session, sdist: Path) -> None:
    """Fail unless *sdist* holds the sources, tests and docs."""
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    missing = [wanted for wanted in SDIST_MUST_HOLD if wanted not in names]
    if missing:
        session.error(f"{sdist.name}: missing {missing}")
    session.log(f"{sdist.name}: {len(names)} files, sources, tests and docs included")


@nox.session
def build(session: nox.Session) -> None:
    """
    Build the sdist, the platform wheel and the pure-Python wheel into dist/, check them, and run each.

    The platform wheel is built from the sdist (as pip would), with the
    extension compiled; the pure-Python wheel with ``WPPARSE_NO_EXTENSIONS=1``.
    Each wheel, and the sdist built with ``CC=/bin/false`` (no compiler: the
    build falls back to pure Python), is installed into a fresh virtualenv
    where ``wpparse --version`` must say which walk it runs.
    """
    _install(session, "build", project=False)
    out = ROOT / "dist"
    shutil.rmtree(out, ignore_errors=True)
    # The locked backend is in the session: no isolated build fetching another one.
    session.run(
        "python",
        "-m",
        "build",
        "--no-isolation",
        "--outdir",
        str(out),
        env={"WPPARSE_REQUIRE_EXTENSIONS": "1"},
    )
    pure_out = Path(session.create_tmp()) / "pure"
    shutil.rmtree(pure_out, ignore_errors=True)
    session.run(
        "python",
        "-m",
        "build",
        "--no-isolation",
        "--wheel",
        "--outdir",
        str(pure_out),
        env=PURE,
    )
    (pure_wheel,) = pure_out.glob("*-py3-none-any.whl")
    shutil.move(pure_wheel, out / pure_wheel.name)
    session.run("twine", "check", "--strict", *sorted(map(str, out.iterdir())))
    (wheel,) = (whl for whl in out.glob("*.whl") if not whl.name.endswith("-any.whl"))
    (pure_wheel,) = out.glob("*-py3-none-any.whl")
    _check_wheel(session, wheel, compiled=True)
    _check_wheel(session, pure_wheel, compiled=False)
    (sdist,) = out.glob("*.tar.gz")
    _check_sdist(session, sdist)

    # Install each, not the checkout, where nothing else is installed,
    # its dependencies at the locked versions.
    tmp = Path(session.create_tmp())
    constraints = tmp / "runtime-constraints.txt"
    session.run(*_EXPORT, "--no-default-groups", "-o", str(constraints), external=True)
    version = _source_version()
    _try_install(session, wheel, f"wpparse {version} (compiled)", constraints)
    _try_install(session, pure_wheel, f"wpparse {version} (pure Python)", constraints)
    # pip on a machine without a C compiler: the sdist still installs, pure Python.
    _try_install(
        session,
        sdist,
        f"wpparse {version} (pure Python)",
        constraints,
        env={"CC": "/bin/false", "CXX": "/bin/false"},
    )


def _try_install(
    session: nox.Session,
    dist: Path,
    expected: str,
    constraints: Path,
    env: dict[str, str] | None = None,
) -> None:
    """Install *dist* into a fresh virtualenv; its ``wpparse --version`` must be *expected*."""
    venv = Path(session.create_tmp()) / f"venv-{dist.name}"
    shutil.rmtree(venv, ignore_errors=True)
    session.run(
        "uv", "venv", "-q", "--python", sys.executable, str(venv), external=True
    )
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    # An sdist is built in isolation, by the backend pinned in pyproject.toml.
    backend = Path(session.create_tmp()) / "build-constraints.txt"
    backend.write_text(
        "\n".join(PYPROJECT["tool"]["uv"]["build-constraint-dependencies"]) + "\n",
        encoding="utf-8",
    )
    session.run(
        "uv",
        "pip",
        "install",
        "-q",
        "--refresh-package=wpparse",  # build the sdist again, never from uv's cache
        "--python",
        str(bindir / "python"),
        "-c",
        str(constraints),
        "--build-constraint",
        str(backend),
        str(dist),
        external=True,
        env=env,
    )
    shown = session.run(
        str(bindir / "wpparse"), "--version", external=True, silent=True
    )
    if not isinstance(shown, str) or shown.strip() != expected:
        session.error(
            f"{dist.name}: wpparse --version printed {shown!r}, expected {expected!r}"
        )
    outline = session.run(
        str(bindir / "wpparse"),
        str(ROOT / "examples" / "sample-post.json"),
        external=True,
        silent=True,
    )
    if not isinstance(outline, str) or "Rust & Rain" not in outline:
        session.error(
            f"{dist.name}: the installed CLI printed no outline of the example post: {outline!r}"
        )
    session.log(f"{dist.name} installs and runs: {expected}")


INTEGRATION_PACKAGES = ("wordpress", "mariadb-server", "php-cli", "php-mysql")


def _integration_missing() -> list[str]:
    """What the integration stack needs and this machine lacks."""
    path = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    missing = [
        " or ".join(names)
        for names in (
            ("php",),
            ("mariadbd", "mysqld"),
            ("mariadb-install-db", "mysql_install_db"),
        )
        if not any(shutil.which(name, path=path) for name in names)
    ]
    if not Path("/usr/share/wordpress/wp-settings.php").is_file():
        missing.append("/usr/share/wordpress")
    php = shutil.which("php")
    if (
        php
        and subprocess.run(
            [php, "-r", "exit(extension_loaded('mysqli') ? 0 : 1);"],
            check=False,
            capture_output=True,
        ).returncode
    ):
        missing.append("PHP's mysqli extension")
    return missing


def _kill_survivors(marker: str) -> list[str]:
    """Kill the live processes whose command line mentions *marker*; describe them."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if proc.name.isdigit() and marker in cmdline:
            found.append(f"{proc.name}: {cmdline}")
            with contextlib.suppress(OSError):
                os.kill(int(proc.name), signal.SIGKILL)
    return found


@nox.session(default=False)
def integration(session: nox.Session) -> None:
    """
    Test against a real WordPress, MariaDB and PHP on loopback (Debian packages).

    Needs ``apt-get install wordpress mariadb-server php-cli php-mysql``; fails,
    saying so, when they are missing.  Everything runs in a temporary folder
    and every process it starts is stopped.  ``WPPARSE_SAVE_FIXTURES=1``
    rewrites the regression fixtures in ``tests/data/wordpress/``;
    ``WPPARSE_KEEP_WORDPRESS=1`` keeps the folder (logs, database) afterwards.
    """
    missing = _integration_missing()
    if missing:
        session.error(
            f"missing {', '.join(missing)}: install the Debian packages with "
            f"`sudo apt-get update && sudo apt-get install -y {' '.join(INTEGRATION_PACKAGES)}`"
        )
    _install(session, "tests")
    # MariaDB runs as the mysql user: the folder must be reachable by it, so
    # it lives in /tmp rather than under the (possibly private) checkout.
    scratch = Path(tempfile.mkdtemp(prefix="wpparse-integration-"))
    scratch.chmod(0o755)
    try:
        session.run(
            "python",
            "-m",
            "pytest",
            "tests/integration",
            "-m",
            "integration",
            "-p",
            "no:cacheprovider",
            *session.posargs,
            env={"TMPDIR": str(scratch)},
        )
    finally:
        # Only if pytest itself was killed can anything be left: the folder's
        # name in their command lines identifies this run's processes.
        survivors = _kill_survivors(str(scratch))
        if not os.environ.get("WPPARSE_KEEP_WORDPRESS"):  # for a post-mortem
            shutil.rmtree(scratch, ignore_errors=True)
    if survivors:
        session.error("killed processes that survived:\n" + "\n".join(survivors))
