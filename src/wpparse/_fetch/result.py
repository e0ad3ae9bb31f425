"""
What a mirror run reports: the run's tallies in, :class:`MirrorResult` and its one-line summary out.

:class:`~wpparse._fetch.runner.Runner` counts as it goes and builds the
result once the run is over; :func:`wpparse.mirror` returns it, and
``wpparse mirror`` prints its :meth:`~MirrorResult.summary`.

>>> result = MirrorResult(
...     folder=Path("site"), api="https://example.org/wp-json/",
...     objects={"posts": 1204, "pages": 31}, fetched={"posts": 1204, "pages": 31},
...     up_to_date=(), refused={}, pages=14, reused_pages=0, requests=15, retries=1,
...     seconds=19.2,
... )
>>> print(result.summary())
mirrored 2 types into site: 1,204 posts, 31 pages; 14 pages in 0:19, 15 requests, 1 retry
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

from wpparse._fetch.progress import duration

__all__ = ["MirrorResult", "plural_s"]


@attrs.frozen(kw_only=True)
class MirrorResult:
    """
    What :func:`wpparse.mirror` did: counts by type, pages, requests, time.

    >>> result = wpparse.mirror("https://example.org", "site")  # doctest: +SKIP
    >>> result.objects  # doctest: +SKIP
    {'posts': 1204, 'pages': 31, 'media': 2210, 'categories': 12, 'tags': 380, 'users': 9}

    .. versionadded:: 0.1.0
    """

    folder: Path
    """The mirror's folder."""
    api: str
    """The REST API root that was mirrored (``https://example.org/wp-json/``)."""
    objects: Mapping[str, int]
    """For each type of this run, by file name (``posts``), how many objects its file holds now."""
    fetched: Mapping[str, int]
    """For each type, how many objects this run fetched (a ``since=`` run: the changed ones)."""
    up_to_date: tuple[str, ...]
    """Types an earlier run had finished with the same query: not fetched again."""
    refused: Mapping[str, str]
    """Types fetched by default that the site refused (users on many sites), with why."""
    pages: int
    """Pages fetched by this run."""
    reused_pages: int
    """Pages an interrupted run had fetched, used as they were."""
    requests: int
    """HTTP requests made, retries included."""
    retries: int
    """Requests that were retries (429, 5xx, timeouts)."""
    seconds: float
    """How long the run took."""

    def summary(self) -> str:
        """
        One line for a person: what the folder holds and what this run cost.

        >>> print(result.summary())  # doctest: +SKIP
        mirrored 6 types into site: 1,204 posts, 31 pages, ...; 42 pages in 0:19, 43 requests, 1 retry
        """
        counts = ", ".join(f"{n:,} {name}" for name, n in self.objects.items())
        head = (
            f"mirrored {len(self.objects)} type{plural_s(len(self.objects))} into "
            f"{self.folder}: {counts or 'nothing'}"
        )
        cost = f"{self.pages:,} page{plural_s(self.pages)} in {duration(self.seconds)}"
        cost += f", {self.requests:,} request{plural_s(self.requests)}"
        if self.retries:
            cost += f", {self.retries:,} retr{'ies' if self.retries != 1 else 'y'}"
        if self.reused_pages:
            cost += f", {self.reused_pages:,} page{plural_s(self.reused_pages)} from the interrupted run"
        if self.up_to_date:
            cost += f"; up to date: {', '.join(self.up_to_date)}"
        if self.refused:
            cost += f"; refused by the site: {', '.join(self.refused)}"
        return f"{head}; {cost}"


def plural_s(n: int) -> str:
    """``"s"`` unless *n* is one: ``f"{n} page{plural_s(n)}"``."""
    return "" if n == 1 else "s"
