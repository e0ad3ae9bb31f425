"""
Hatchling build hook: compile the optional extension ``wpparse._speedups.core``.

Wheels (``version == "standard"``): Cython turns ``core.pyx`` into C (or the C
the sdist ships is used), and setuptools' ``build_ext`` compiles it with the
Python headers and ``lxml.get_include()``; the wheel is then tagged for this
interpreter and platform.  When that fails (no compiler, no headers), the hook
says why on stderr and the wheel is pure Python (``py3-none-any``), which works
everywhere: installing wpparse never needs a compiler.

The sdist ships the generated C beside the ``.pyx``, so building from it needs
no Cython.  Editable installs stay pure Python; ``python hatch_build.py``
compiles the extension in place (``src/wpparse/_speedups/``) for development.

Environment:

* ``WPPARSE_NO_EXTENSIONS=1``: build a pure-Python wheel (and, at run time,
  use the pure-Python code even when the extension is there).
* ``WPPARSE_REQUIRE_EXTENSIONS=1``: fail instead of falling back (the release
  machinery sets it, so a platform wheel is never silently pure).
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "src" / "wpparse" / "_speedups"
MODULE = "wpparse._speedups.core"
PYX = PACKAGE / "core.pyx"
SHIPPED_C = PACKAGE / "core.c"  # only in the sdist (see .gitignore)

CYTHON = "Cython>=3.1"
SETUPTOOLS = "setuptools>=70"
LXML = "lxml>=6.0.2"  # its headers: the public C API the extension uses


def _flag(name: str) -> bool:
    return os.environ.get(name, "") not in {"", "0"}


def _pure_requested() -> bool:
    return _flag("WPPARSE_NO_EXTENSIONS")


def _say(message: str) -> None:
    print(f"wpparse build: {message}", file=sys.stderr, flush=True)  # noqa: T201


def cythonize(out_dir: Path) -> Path:
    """Generate the C of ``core.pyx`` into *out_dir*; return its path."""
    import lxml  # noqa: PLC0415
    from Cython.Build import cythonize as run_cython  # noqa: PLC0415 - a build requirement

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "core.c"
    shutil.copyfile(PYX, out_dir / "core.pyx")
    for part in PACKAGE.glob("*.pxi"):  # the parts core.pyx includes
        shutil.copyfile(part, out_dir / part.name)
    run_cython(
        [str(out_dir / "core.pyx")],
        include_path=lxml.get_include(),
        compiler_directives={"language_level": 3},
        force=True,
        quiet=True,
    )
    if not target.is_file():
        msg = f"Cython wrote no {target}"
        raise RuntimeError(msg)
    return target


def c_source(work: Path) -> Path:
    """The C to compile: freshly generated when Cython is there, else the sdist's."""
    try:
        return cythonize(work / "cython")
    except ImportError:
        if SHIPPED_C.is_file():
            return SHIPPED_C
        raise


def compile_extension(source: Path, build_dir: Path) -> Path:
    """Compile *source* into an extension module under *build_dir*; return its path."""
    import lxml  # noqa: PLC0415 - a build requirement
    from setuptools import Distribution, Extension  # noqa: PLC0415
    from setuptools.command.build_ext import build_ext  # noqa: PLC0415

    extension = Extension(
        MODULE,
        [str(source)],
        include_dirs=lxml.get_include(),
        # No libxml2 symbol is used: the module reads lxml's nodes directly.
        define_macros=[("CYTHON_CLINE_IN_TRACEBACK", "0")],
    )
    distribution = Distribution({"name": "wpparse", "ext_modules": [extension]})
    command = build_ext(distribution)
    command.build_lib = str(build_dir / "lib")
    command.build_temp = str(build_dir / "temp")
    command.ensure_finalized()
    command.run()
    built = Path(command.get_ext_fullpath(MODULE))
    if not built.is_file():
        msg = f"build_ext wrote no {built}"
        raise RuntimeError(msg)
    return built


def extension_filename() -> str:
    """``core`` plus this interpreter's extension suffix (``.cpython-311-x86_64-linux-gnu.so``)."""
    return "core" + str(sysconfig.get_config_var("EXT_SUFFIX"))


class SpeedupsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile ``wpparse._speedups.core`` into wheels when possible; ship its C in the sdist."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        if _pure_requested():
            return []
        if self.target_name == "sdist":
            return [CYTHON]
        if self.target_name == "wheel":
            return [SETUPTOOLS, LXML] + ([] if SHIPPED_C.is_file() else [CYTHON])
        return []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "sdist":
            self._ship_c(build_data)
        elif self.target_name == "wheel" and version == "standard":
            self._compile(build_data)

    def _ship_c(self, build_data: dict[str, Any]) -> None:
        if SHIPPED_C.is_file():  # building an sdist from an sdist
            return
        work = Path(self.directory) / ".wpparse-build"
        try:
            generated = cythonize(work)
        except ImportError:
            _say(
                "no Cython: the sdist ships core.pyx only (its builds will need Cython)"
            )
            return
        build_data["force_include"][str(generated)] = str(SHIPPED_C.relative_to(ROOT))

    def _compile(self, build_data: dict[str, Any]) -> None:
        if _pure_requested():
            _say("WPPARSE_NO_EXTENSIONS is set: a pure-Python wheel")
            return
        with tempfile.TemporaryDirectory(prefix="wpparse-build-") as tmp:
            try:
                built = compile_extension(c_source(Path(tmp)), Path(tmp))
            except Exception as error:
                if _flag("WPPARSE_REQUIRE_EXTENSIONS"):
                    raise
                _say(
                    f"the extension did not compile ({type(error).__name__}: {error}); "
                    "building a pure-Python wheel, which works the same, slower"
                )
                return
            # Outside the temporary folder, which is gone when hatchling packs the wheel.
            keep = Path(self.directory) / ".wpparse-build"
            keep.mkdir(parents=True, exist_ok=True)
            kept = keep / built.name
            shutil.copyfile(built, kept)
        build_data["force_include"][str(kept)] = f"wpparse/_speedups/{kept.name}"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        _say(f"compiled {MODULE} ({kept.name})")

    def finalize(
        self,
        version: str,  # noqa: ARG002 - hatchling's signature
        build_data: dict[str, Any],  # noqa: ARG002
        artifact_path: str,  # noqa: ARG002
    ) -> None:
        shutil.rmtree(Path(self.directory) / ".wpparse-build", ignore_errors=True)


def build_in_place() -> Path:
    """Compile the extension into ``src/wpparse/_speedups/`` (for development)."""
    with tempfile.TemporaryDirectory(prefix="wpparse-build-") as tmp:
        built = compile_extension(c_source(Path(tmp)), Path(tmp))
        target = PACKAGE / built.name
        # A new file renamed over the old one: a process that has the old one
        # loaded keeps its (unlinked) copy, where writing into it would crash it.
        partial = target.with_name(f".{built.name}.partial")
        shutil.copyfile(built, partial)
        partial.replace(target)
    return target


if __name__ == "__main__":
    _say(f"built {build_in_place().relative_to(ROOT)}")
