"""
The ``wp`` fixture: one real WordPress on loopback for the whole session.

Run these tests with ``nox -s integration``.  They need Debian's
``wordpress``, ``mariadb-server``, ``php-cli`` and ``php-mysql``; without them
every test fails saying how to install them (they are never skipped).

Set ``WPPARSE_SAVE_FIXTURES=1`` to rewrite the regression fixtures in
``tests/data/wordpress/`` from the running site.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from tests.integration.stack import INSTALL_HINT, Stack, missing_tools, new_root

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "wordpress"


def _interrupt(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@pytest.fixture(scope="session")
def wp() -> Iterator[Stack]:
    """A seeded WordPress on 127.0.0.1; every process stops when the session ends."""
    missing = missing_tools()
    if missing:
        pytest.fail(f"missing {', '.join(missing)}; {INSTALL_HINT}", pytrace=False)
    stack = Stack(new_root())
    # A CI timeout sends SIGTERM: turn it into an interruption, so that pytest
    # still runs this teardown and stops the stack.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        try:
            stack.start()
        except Exception as error:
            error.add_note(stack.log_tails())  # the folder is gone afterwards
            raise
        yield stack
    finally:
        signal.signal(signal.SIGTERM, previous)
        try:
            stack.stop()
        finally:
            if os.environ.get("WPPARSE_KEEP_WORDPRESS"):
                print(f"\nkept the stack's folder: {stack.root}")  # noqa: T201
            else:
                shutil.rmtree(stack.root)


@pytest.fixture(scope="session")
def save_fixture() -> Callable[[str, bytes], None]:
    """A function ``save(name, body)`` that writes a regression fixture on request."""

    def save(name: str, body: bytes) -> None:
        if os.environ.get("WPPARSE_SAVE_FIXTURES"):
            FIXTURES.mkdir(parents=True, exist_ok=True)
            (FIXTURES / name).write_bytes(body)

    return save
