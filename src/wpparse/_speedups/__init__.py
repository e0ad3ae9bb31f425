"""
The optional compiled content walk: :mod:`wpparse._speedups.core`, when it was
built and is not switched off.

``compiled`` is that module, or ``None``: wheels for the common platforms ship it
compiled; a source install without a C compiler, the pure-Python wheel and
``WPPARSE_NO_EXTENSIONS=1`` in the environment (read once, when wpparse is
imported) leave it out.  The modules it speeds up keep their pure-Python
functions as the reference and use the compiled ones only when ``compiled`` is
there; both give the same results (the test suite runs in both modes).

>>> from wpparse._speedups import COMPILED, compiled
>>> COMPILED == (compiled is not None)
True
"""

from __future__ import annotations

import os
from types import ModuleType
from typing import Final

__all__ = ["COMPILED", "ENVIRONMENT_VARIABLE", "compiled", "switched_off"]

ENVIRONMENT_VARIABLE: Final = "WPPARSE_NO_EXTENSIONS"
"""Set to anything but ``""`` or ``"0"``, it makes wpparse use its pure-Python code only."""


def switched_off(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """
    Whether *environ* switches the compiled code off (``WPPARSE_NO_EXTENSIONS``).

    >>> switched_off({"WPPARSE_NO_EXTENSIONS": "1"}), switched_off({"WPPARSE_NO_EXTENSIONS": "0"})
    (True, False)
    """
    return environ.get(ENVIRONMENT_VARIABLE, "") not in {"", "0"}


def _load() -> ModuleType | None:
    if switched_off():
        return None
    try:
        from wpparse._speedups import core  # noqa: PLC0415 - optional
    except ImportError:
        return None
    return core


compiled: Final = _load()
"""The compiled module, or ``None`` when wpparse runs its pure-Python code."""

COMPILED: Final = compiled is not None
"""Whether wpparse parses with its compiled content walk (``wpparse.COMPILED``)."""
