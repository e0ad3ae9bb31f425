"""
A pure-Python wpparse in a process of its own, for tests/test_speedups.py.

Run with ``WPPARSE_NO_EXTENSIONS=1``: it reads pickled calls from stdin, one
at a time, and writes back each outcome, pickled: what the function returned
or the error it raised, and the warnings it gave (see :func:`outcome`).
"""

from __future__ import annotations

import pickle
import sys
import warnings
from typing import Any

import wpparse


def outcome(
    name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """``("ok", value, warnings)`` or ``("error", type, message, warnings)`` of one call."""
    function = getattr(wpparse, name)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = function(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - the error is the outcome
            said = [(w.category.__name__, str(w.message)) for w in caught]
            return ("error", type(error).__name__, str(error), said)
    said = [(w.category.__name__, str(w.message)) for w in caught]
    if name in {"parse_objects", "parse_posts"}:
        value = list(value)
    return ("ok", value, said)


def main() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    pickle.dump(("ready", wpparse.COMPILED), stdout)
    stdout.flush()
    while True:
        try:
            name, args, kwargs = pickle.load(stdin)
        except EOFError:
            return
        pickle.dump(outcome(name, args, kwargs), stdout)
        stdout.flush()


if __name__ == "__main__":
    main()
