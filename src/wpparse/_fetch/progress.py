"""
What a mirror shows while it runs: one live line on a terminal, a line per type elsewhere.

On a terminal the line is redrawn at most a few times a second: pages done
of those known, objects, pages per second and the time left at that rate.
Written to a file or a pipe, it says each type once, when it is finished, so
a log stays short.
"""

from __future__ import annotations

import threading
import time
from typing import TextIO

__all__ = ["Progress", "duration"]

_REDRAW = 0.2  # seconds between two redraws of the live line


def duration(seconds: float) -> str:
    """``0:07``, ``12:30``, ``1:02:03``."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Counts pages and objects (thread-safe) and shows them on *stream*, if any."""

    def __init__(self, stream: TextIO | None, *, clock: float | None = None) -> None:
        self._stream = stream
        self._live = bool(stream is not None and stream.isatty())
        self._lock = threading.Lock()
        self._start = time.monotonic() if clock is None else clock
        self._drawn = 0.0
        self._width = 0
        self.pages_known = 0
        self.pages_done = 0
        self.pages_fetched = 0
        self.objects = 0
        self.current = ""

    @property
    def shown(self) -> bool:
        """Whether anything is shown at all."""
        return self._stream is not None

    def expect(self, pages: int) -> None:
        """*pages* more pages are known to be wanted."""
        with self._lock:
            self.pages_known += pages
        self._draw()

    def page(self, name: str, objects: int, *, fetched: bool = True) -> None:
        """A page of type *name* is in, with *objects* objects."""
        with self._lock:
            self.pages_done += 1
            self.pages_fetched += fetched
            self.objects += objects
            self.current = name
        self._draw()

    def line(self) -> str:
        """The live line's text."""
        elapsed = max(time.monotonic() - self._start, 1e-9)
        rate = self.pages_fetched / elapsed
        left = max(self.pages_known - self.pages_done, 0)
        eta = f" · ETA {duration(left / rate)}" if rate > 0 and left else ""
        return (
            f"{self.current or 'starting'}: pages {self.pages_done:,}/{self.pages_known:,}"
            f" · {self.objects:,} objects · {rate:.1f} pages/s{eta}"
        )

    def _draw(self, *, force: bool = False) -> None:
        if not self._live or self._stream is None:
            return
        now = time.monotonic()
        with self._lock:
            if not force and now - self._drawn < _REDRAW:
                return
            self._drawn = now
            text = self.line()
            pad = max(self._width - len(text), 0)
            self._width = len(text)
            self._stream.write("\r" + text + " " * pad)
            self._stream.flush()

    def say(self, text: str) -> None:
        """Print one line (a finished type, a warning) above the live line."""
        if self._stream is None:
            return
        with self._lock:
            if self._live and self._width:
                self._stream.write("\r" + " " * self._width + "\r")
                self._width = 0
            self._stream.write(text + "\n")
            self._stream.flush()
        self._draw(force=True)

    def close(self) -> None:
        """Clear the live line."""
        if self._live and self._stream is not None and self._width:
            with self._lock:
                self._stream.write("\r" + " " * self._width + "\r")
                self._stream.flush()
                self._width = 0
