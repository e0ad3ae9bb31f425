"""
What a mirror's folder already holds, so that the next run fetches only what is missing.

The folder keeps its bookkeeping in ``.wpparse-mirror/`` (names without
``.json``, so :func:`wpparse.read_objects` passes them over):

- ``state``: JSON, rewritten atomically: the API root the folder mirrors and,
  for each type, the query of its last finished fetch (``done``) and of the
  fetch under way (``pending``: its query, its page count, whether it merges
  into the file or replaces it).  Never a password: a query names the user
  at most.
- ``pages/<type>/<n>.part``: each page of the fetch under way, as the site sent
  it, written atomically when it has arrived whole.  A page that is there is
  never fetched again by the same fetch; the folder is removed once the
  type's JSON Lines file is written.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from wpparse._fetch.errors import MirrorError
from wpparse._fetch.files import write_atomic

__all__ = ["BOOKKEEPING", "Pending", "State", "TypeState", "locked"]

BOOKKEEPING = ".wpparse-mirror"
_FORMAT = 1

Query = dict[str, str]


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the folder's lock: two runs writing one mirror would corrupt it."""
    lock_dir = folder / BOOKKEEPING
    lock_dir.mkdir(parents=True, exist_ok=True)
    handle: IO[bytes] = (lock_dir / "lock").open("a+b")
    try:
        try:
            import fcntl  # noqa: PLC0415 - POSIX only

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - Windows: no lock
            pass
        except BlockingIOError:
            msg = f"another mirror is writing to {folder}"
            raise MirrorError(msg) from None
        yield
    finally:
        handle.close()


def _is_list(path: Path) -> bool:
    try:
        return isinstance(json.loads(path.read_bytes()), list)
    except (OSError, ValueError):
        return False


@attrs.define(kw_only=True)
class Pending:
    """A fetch of one type under way."""

    query: Query
    merge: bool
    total_pages: int | None = None
    open_ended: bool = False
    """The site sends no page count: pages are asked one after the other."""
    total: int | None = None
    """Objects the site counted (``X-WP-Total``) on page 1."""
    started: str | None = None
    """The site's time (UTC, ISO 8601) when this fetch began, for ``since="last"``."""


@attrs.define(kw_only=True)
class TypeState:
    """One type's history in the folder."""

    done: Query | None = None
    pending: Pending | None = None
    fetched_at: str | None = None
    """When the last finished fetch began, on the site's clock (UTC, ISO 8601)."""


@attrs.define(kw_only=True)
class State:
    """The folder's bookkeeping; :meth:`load` it, change it, :meth:`save` it."""

    folder: Path
    api: str | None = None
    types: dict[str, TypeState] = attrs.field(factory=dict)

    @property
    def path(self) -> Path:
        """The state file."""
        return self.folder / BOOKKEEPING / "state"

    def pages(self, name: str) -> Path:
        """The folder of the staged pages of type *name*."""
        return self.folder / BOOKKEEPING / "pages" / name

    @classmethod
    def load(cls, folder: Path) -> State:
        """Read the state of *folder* (an empty one when there is none)."""
        state = cls(folder=folder)
        try:
            raw = state.path.read_bytes()
        except FileNotFoundError:
            return state
        try:
            data = json.loads(raw)
            if data.get("format") != _FORMAT:
                raise ValueError(f"format {data.get('format')!r}")  # noqa: TRY301
            state.api = data["api"]
            for name, entry in data["types"].items():
                pending = entry.get("pending")
                state.types[name] = TypeState(
                    done=entry.get("done"),
                    pending=Pending(**pending) if pending else None,
                    fetched_at=entry.get("fetched_at"),
                )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            msg = (
                f"the mirror's bookkeeping cannot be read ({exc}); "
                f"remove {state.path.parent} to start the mirror afresh"
            )
            raise MirrorError(msg) from exc
        return state

    def save(self) -> None:
        """Write the state, atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data: dict[str, Any] = {
            "format": _FORMAT,
            "api": self.api,
            "types": {
                name: attrs.asdict(entry) for name, entry in sorted(self.types.items())
            },
        }
        write_atomic(self.path, json.dumps(data, indent=1).encode() + b"\n")

    def entry(self, name: str) -> TypeState:
        """The state of type *name*, created empty when new."""
        return self.types.setdefault(name, TypeState())

    def staged(self, name: str, *, check: bool = False) -> dict[int, Path]:
        """
        The pages of type *name* already fetched, by number.

        With *check*, a page that is not a JSON list (a disk that lost it in a
        power cut, a hand that edited it) is removed, to be fetched again.
        """
        found: dict[int, Path] = {}
        with contextlib.suppress(FileNotFoundError):
            for path in self.pages(name).iterdir():
                if path.suffix == ".part" and path.stem.isdigit():
                    if check and not _is_list(path):
                        path.unlink()
                        continue
                    found[int(path.stem)] = path
        return found

    def drop_pages(self, name: str) -> None:
        """Forget the staged pages of type *name*."""
        shutil.rmtree(self.pages(name), ignore_errors=True)
