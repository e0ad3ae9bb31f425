"""
Whole sites on disk: files and directory trees of REST JSON to models, streaming.

:func:`read_objects` walks the files (:mod:`wpparse._json.stream`), builds each
record's model and goes on after a bad record, reporting it as a
:class:`~wpparse.Problem` (to a callback, or as a warning), unless the caller
asked to stop at the first one.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import tzinfo
from pathlib import Path
from typing import Any, Self, TypeVar

from wpparse._content.sections import HeadingRule
from wpparse._json.files import iter_files
from wpparse._json.kinds import API_DESCRIPTIONS, described, object_kind
from wpparse._json.stream import iter_values, read_error, skip_error
from wpparse._model.objects import Problem, Source
from wpparse._model.post import Post
from wpparse._rest.collections import make_problem
from wpparse._rest.dates import resolve_tz
from wpparse._rest.dispatch import WPObject, object_from_mapping, post_from_mapping
from wpparse._text import collecting_warnings, warn
from wpparse.exceptions import NotAPostError, WPParseError, WPParseWarning, describe

__all__ = ["Reader", "read_objects", "read_posts"]

T = TypeVar("T")
PathInput = str | os.PathLike[str]
Build = Callable[[Any, str, Source], T]


def kind_name(obj: object) -> str:
    """The model's name in lower case, for counts: ``post``, ``media``, ``search result`` ..."""
    name = type(obj).__name__
    return "".join(
        f" {c}" if c.isupper() and i else c for i, c in enumerate(name)
    ).lower()


class Reader(Iterator[T]):
    """
    The records of files on disk, one model at a time, and what went wrong.

    Iterate over it to get the models, in file order (a directory's files in
    sorted order); ``next(reader)`` gives the next one.  A reader reads once,
    as a file object does: a second loop over it continues where the first
    stopped (call :func:`read_posts` again to read the files again), so that
    :attr:`counts` and :attr:`problems` describe one reading.  Each model's ``source`` says which file, line and array
    index it came from.  Records that could not be read or parsed are skipped
    and described in :attr:`problems`; each is also passed to *on_error*, or,
    without one, issued as a :class:`~wpparse.WPParseWarning`, so that none is
    dropped silently.  With ``strict=True`` the first one raises instead.
    With *on_warning*, what wpparse repaired in a record it kept (a lone
    surrogate, undecodable bytes, markup too deep to keep) is passed to it as
    a :class:`~wpparse.Problem` naming the record, and listed in
    :attr:`warnings`, instead of being issued as a warning.
    Descriptions of the API and the site (the ``wp-json/`` index and the
    namespaces' indexes, the post types, taxonomies and post statuses, alone or
    keyed by slug, the settings) are not records: they are counted in
    :attr:`skipped`.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        paths: Iterable[PathInput],
        build: Build[T],
        *,
        strict: bool = False,
        on_error: Callable[[Problem], object] | None = None,
        on_warning: Callable[[Problem], object] | None = None,
    ) -> None:
        self._paths = list(paths)
        self._build = build
        self._strict = strict
        self._on_error = on_error
        self._on_warning = on_warning
        self._problems: list[Problem] = []
        self._records: Iterator[T] | None = None
        self._warnings: list[Problem] = []
        self.counts: Counter[str] = Counter()
        """How many models of each kind (``"post"``, ``"media"`` ...) were read so far."""
        self.skipped: Counter[str] = Counter()
        """How many descriptions of the API itself were passed over, by kind:
        the ``wp-json/`` index and the namespaces' (``"index"``), the
        ``"post type"``, ``"taxonomy"`` and ``"status"`` descriptions (each
        one of a listing keyed by slug counts), and ``wp/v2/settings``
        (``"settings"``), which mirrors save beside the records."""

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The records skipped so far, in order."""
        return tuple(self._problems)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """
        With *on_warning*: what was repaired in the records read so far, in order.

        Each :class:`~wpparse.Problem` names the record; its ``error`` is the
        :class:`~wpparse.WPParseWarning` that would have been issued.

        .. versionadded:: 0.1.0
        """
        return tuple(self._warnings)

    def __iter__(self) -> Self:
        """The reader itself: it reads once."""
        return self

    def __next__(self) -> T:
        """The next model; :exc:`StopIteration` after the last."""
        if self._records is None:
            self._records = self._read()
        return next(self._records)

    def _read(self) -> Iterator[T]:
        for path in self._paths:
            for file in iter_files(path, self._skip):
                yield from self._file(file)

    def _skip(self, file: Path, kind: str) -> None:
        """A named pipe, socket or device under a directory: not read, a problem."""
        self._fail(*skip_error(file, kind))

    def _file(self, file: Path) -> Iterator[T]:
        try:
            raw = file.open("rb")
        except OSError as exc:
            if self._strict:
                raise
            self._report(*read_error(file, exc))
            return
        with raw:
            try:
                yield from self._models(iter_values(raw, str(file)), file)
            except OSError as exc:
                if self._strict:
                    raise
                self._report(*read_error(file, exc))

    def _models(
        self, records: Iterator[tuple[Source, str, Any]], file: Path
    ) -> Iterator[T]:
        """The models of one file's records; with *on_warning*, each one's warnings collected."""
        if self._on_warning is None:
            for source, where, value in records:
                model = self._record(source, where, value)
                if model is not None:
                    yield model
            return
        source, where = Source(file=str(file)), "$"
        while True:
            # Collected one step at a time: between steps the caller runs,
            # and its own warnings are its own.
            with collecting_warnings() as found:
                record = next(records, None)
                model = None
                if record is not None:
                    source, where, value = record
                    model = self._record(source, where, value)
            for warning in found:
                self._warn(source, where, warning)
            if record is None:
                return
            if model is not None:
                yield model

    def _warn(self, source: Source, where: str, warning: WPParseWarning) -> None:
        reason, _, path = str(warning).rpartition(" @ ")
        if not reason or not path.startswith("$"):
            reason, path = str(warning), where
        problem = Problem(source=source, path=path, reason=reason, error=warning)
        self._warnings.append(problem)
        if self._on_warning is not None:
            self._on_warning(problem)

    def _record(self, source: Source, where: str, value: Any) -> T | None:
        kind = object_kind(value)
        if kind in API_DESCRIPTIONS:
            kind, count = described(kind, value)
            self.skipped[kind] += count
            return None
        if isinstance(value, WPParseError):
            self._fail(source, where, value)
            return None
        try:
            model = self._build(value, where, source)
        except WPParseError as exc:
            self._fail(source, where, exc)
            return None
        except Exception as exc:
            # A bug in wpparse: one record must not cost a long run its other
            # records.  Reported as such (with the original exception chained),
            # and raised as is when the caller asked to stop at the first error.
            if self._strict:
                exc.add_note(f"in {source}")
                raise
            bug = WPParseError(
                f"wpparse failed on this record ({type(exc).__name__}: {exc}); "
                "please report it"
            )
            bug.__cause__ = exc
            self._fail(source, where, bug)
            return None
        self.counts[kind_name(model)] += 1
        return model

    def _fail(self, source: Source, where: str, exc: WPParseError) -> None:
        if self._strict:
            exc.add_note(f"in {source}")
            raise exc
        self._report(source, where, exc)

    def _report(self, source: Source, where: str, exc: WPParseError) -> None:
        problem = make_problem(source, where, exc)
        self._problems.append(problem)
        if self._on_error is not None:
            self._on_error(problem)
        else:
            warn(str(problem), collect=False)  # a skipped record, not a repair


def _paths(path: PathInput | Iterable[PathInput]) -> list[PathInput]:
    if isinstance(path, str | os.PathLike):
        return [path]
    return list(path)


def read_objects(
    path: PathInput | Iterable[PathInput],
    *,
    strict: bool = False,
    on_error: Callable[[Problem], object] | None = None,
    headings: HeadingRule = "auto",
    tz: tzinfo | str | None = None,
    on_warning: Callable[[Problem], object] | None = None,
) -> Reader[WPObject]:
    """
    Read every REST object in a file, a directory tree, or several of them.

    A file may hold one object, a JSON array, JSON Lines, or an ``?_envelope``
    response; under a directory, every ``*.json``, ``*.jsonl`` and
    ``*.ndjson`` file is read, and every ``index.html`` that holds JSON (as
    static-site mirrors save ``wp-json/wp/v2/posts/index.html``).  Files are
    read in chunks and records are built one at a time, so memory stays flat
    however large the file.  Each record becomes the model :func:`parse` gives
    it, with its :class:`Source`.

    Args:
        path: A file or directory, or an iterable of them.
        strict: Stop at the first bad record, raising its error (with a note
            naming the file and line).  By default bad records are skipped.
        on_error: Called with each :class:`Problem` as it is found.  Without
            it, each problem is issued as a :class:`WPParseWarning`.
        headings: As for :func:`parse_post`.
        tz: As for :func:`parse_post`.
        on_warning: Called, instead of a :class:`WPParseWarning` being
            issued, with what was repaired in a record that was kept, as a
            :class:`Problem` naming the record (see :attr:`Reader.warnings`),
            for programs that prefer data to warnings.

    Returns:
        A :class:`Reader`: iterate over it for the models; its
        :attr:`~Reader.problems` lists the records skipped.

    >>> import wpparse
    >>> for obj in wpparse.read_objects("site-mirror/wp-json"):  # doctest: +SKIP
    ...     print(type(obj).__name__, obj.id, obj.source)

    .. versionadded:: 0.1.0
    """
    zone = resolve_tz(tz)

    def build(value: Any, where: str, source: Source) -> WPObject:
        return object_from_mapping(
            value, path=where, headings=headings, tz=zone, source=source
        )

    return Reader(
        _paths(path), build, strict=strict, on_error=on_error, on_warning=on_warning
    )


def read_posts(
    path: PathInput | Iterable[PathInput],
    *,
    strict: bool = False,
    on_error: Callable[[Problem], object] | None = None,
    headings: HeadingRule = "auto",
    tz: tzinfo | str | None = None,
    on_warning: Callable[[Problem], object] | None = None,
) -> Reader[Post]:
    """
    Read every post in a file, a directory tree, or several of them.

    As :func:`read_objects`, but every record must be a post (of any post
    type, attachments included): a user, term or comment is a
    :class:`Problem` (:class:`NotAPostError`).

    >>> import wpparse
    >>> posts = wpparse.read_posts("posts.jsonl")  # doctest: +SKIP
    >>> titles = [post.title for post in posts]  # doctest: +SKIP
    >>> posts.problems  # doctest: +SKIP
    ()

    .. versionadded:: 0.1.0
    """
    zone = resolve_tz(tz)

    def build(value: Any, where: str, source: Source) -> Post:
        if not isinstance(value, Mapping):
            msg = f"expected a post object, got {describe(value)}"
            raise NotAPostError(msg, path=where)
        return post_from_mapping(
            value, path=where, headings=headings, tz=zone, source=source
        )

    return Reader(
        _paths(path), build, strict=strict, on_error=on_error, on_warning=on_warning
    )
