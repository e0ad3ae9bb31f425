"""
The input side of the command line: many files in, records out, in order.

Inputs are files, directories (read recursively, as :func:`wpparse.read_objects`
does) and glob patterns.  With ``-j N`` the files are parsed in *N* worker
processes and their output is written in input order; a progress bar shows on
stderr when it is a terminal and the work takes a while; a summary line ends
the run.
"""

from __future__ import annotations

import glob
import io
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TextIO

import attrs

from wpparse._cli.jobs import Output, byte_stream, pack, spool_folder, write_output
from wpparse._cli.output import one_line
from wpparse._content.sections import HeadingRule
from wpparse._json.files import iter_files
from wpparse._json.stream import iter_values, skip_error
from wpparse._model.objects import Problem, Source
from wpparse._read import Reader, read_objects
from wpparse._rest.dispatch import object_from_mapping
from wpparse.exceptions import WPParseError, WPParseWarning

__all__ = ["Options", "Summary", "expand_inputs", "run"]

STDIN = "-"


@attrs.frozen(kw_only=True)
class Options:
    """What to do with each record (sent to worker processes, so picklable)."""

    write: Callable[[Any, TextIO], None]
    """The output format: writes one model to a stream."""
    headings: HeadingRule = "auto"
    """As for :func:`wpparse.parse_post`."""
    strict: bool = False
    """Stop at the first bad record (``--fail-fast``)."""


@attrs.define
class Summary:
    """What a run did, for the summary line and the exit status."""

    parsed: Counter[str] = attrs.field(factory=Counter)
    skipped: Counter[str] = attrs.field(factory=Counter)
    failed: int = 0

    def line(self) -> str:
        """``12 parsed (10 post, 2 media), 1 skipped (1 index), 1 failed``."""
        parts = [f"{sum(self.parsed.values())} parsed{_by_kind(self.parsed)}"]
        if self.skipped:
            parts.append(
                f"{sum(self.skipped.values())} skipped{_by_kind(self.skipped)}"
            )
        parts.append(f"{self.failed} failed")
        return ", ".join(parts)


def _by_kind(counts: Counter[str]) -> str:
    if not counts:
        return ""
    kinds = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return f" ({', '.join(f'{n} {kind}' for kind, n in kinds)})"


@attrs.frozen
class _Tally:
    counts: dict[str, int]
    skipped: dict[str, int]
    failed: int


@attrs.frozen
class _FileResult:
    output: Output
    problems: tuple[str, ...]
    tally: _Tally


def expand_inputs(
    inputs: Sequence[str], on_skip: Callable[[Path, str], object] | None = None
) -> Iterator[Path | str]:
    """
    Yield the files to read, in order: ``"-"`` for stdin, or a path.

    A directory gives its JSON files; a pattern its matches, sorted.  A pattern
    that matches nothing is yielded as is, so that reading it reports it.  A
    named pipe, socket or device under a directory is not read: it is passed
    to *on_skip* with what it is.
    """
    for name in inputs:
        if name == STDIN:
            yield STDIN
            continue
        path = Path(name)
        if not path.exists() and glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))  # noqa: PTH207 - absolute patterns too
            if not matches:
                yield name
            for match in matches:
                yield from iter_files(match, on_skip)
        else:
            yield from iter_files(path, on_skip)


def _fatal_line(exc: Exception, where: str) -> str:
    if isinstance(exc, OSError):
        return f"{where}: cannot read the file: {exc.strerror or exc}"
    notes = getattr(exc, "__notes__", [])
    source = notes[-1].removeprefix("in ") if notes else where
    return f"{source}: {exc}"


class OutputError(Exception):
    """
    Writing the output failed (a closed pipe, a full disk): the run stops.

    Not an :class:`OSError`, so that no reader mistakes it for its input's.
    The cause is the :class:`OSError` the write raised.
    """


def _write(write: Callable[..., object], *args: Any) -> None:
    """Call *write* with *args*; a failed write (an OSError) becomes OutputError."""
    try:
        write(*args)
    except OSError as exc:
        raise OutputError(exc) from exc


def _read(
    file: Path | str,
    options: Options,
    out: TextIO,
    report: Callable[[str], None],
    *,
    stdin: TextIO | None = None,
    tick: Callable[[int], None] | None = None,
) -> _Tally:
    """
    Write the records of *file* to *out*; return what was read and what failed.

    Each problem is one line passed to *report*: a record that could not be
    read or parsed, a warning (a repair) issued while reading one, a record the
    output format could not render.  *tick* is called with the number of
    records written so far, after each.
    """
    failed = 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")

        def flush(where: object) -> None:
            for warning in caught:
                report(f"{where}: {_warning_text(warning)}")
            caught.clear()

        def on_error(problem: Problem) -> None:
            nonlocal failed
            flush(problem.source)
            failed += 1
            report(str(problem))

        if file == STDIN:
            reader: Reader[Any] = _stdin_reader(stdin or sys.stdin, options, on_error)
        else:
            reader = read_objects(
                file,
                strict=options.strict,
                on_error=on_error,
                headings=options.headings,
            )
        written = 0
        try:
            for obj in reader:
                flush(obj.source)
                if _render(obj, options, out, report):
                    written += 1
                else:
                    failed += 1
                    if options.strict:
                        break
                if tick is not None:
                    tick(written)
        except (WPParseError, OSError) as exc:  # strict mode only
            flush(file)
            report(_fatal_line(exc, str(file)))
            failed += 1
        flush(file)
    return _Tally(dict(reader.counts), dict(reader.skipped), failed)


def _warning_text(warning: warnings.WarningMessage) -> str:
    """A warning as one line, without Python's file name and source line."""
    if issubclass(warning.category, WPParseWarning):
        return str(warning.message)
    return f"{warning.category.__name__}: {warning.message}"


def _render(
    obj: Any, options: Options, out: TextIO, report: Callable[[str], None]
) -> bool:
    """
    Write *obj* to *out* in the output format; False if the format cannot render it.

    The record is rendered whole before any of it is written, so a renderer
    that fails (a bug in wpparse) costs this record only, reported on one line.
    """
    buffer = io.StringIO()
    try:
        options.write(obj, buffer)
    except Exception as exc:  # noqa: BLE001 - one record must not stop the run
        what = f"cannot write {type(obj).__name__.lower()} {obj.id}"
        if isinstance(exc, WPParseError):
            report(f"{obj.source}: {what}: {exc}")
        else:  # a bug in wpparse
            name = type(exc).__name__
            report(f"{obj.source}: {what} ({name}: {exc}); please report it")
        return False
    _write(out.write, buffer.getvalue())
    return True


def _stdin_reader(
    stdin: TextIO, options: Options, on_error: Callable[[Problem], None]
) -> Reader[Any]:
    raw = getattr(stdin, "buffer", None) or io.BytesIO(stdin.read().encode("utf-8"))

    def build(value: Any, where: str, source: Source) -> Any:
        return object_from_mapping(
            value,
            path=where,
            headings=options.headings,
            source=attrs.evolve(source, file="<stdin>"),
        )

    class _StdinReader(Reader[Any]):
        def _read(self) -> Iterator[Any]:
            for source, where, value in iter_values(raw, "<stdin>"):
                model = self._record(source, where, value)
                if model is not None:
                    yield model

    return _StdinReader([], build, strict=options.strict, on_error=on_error)


def _work(
    file: Path | str,
    options: Options,
    encoding: tuple[str, str] | None = None,
    spool: str | None = None,
) -> _FileResult:
    """Parse one file in a worker process, keeping its output for the parent (see :func:`pack`)."""
    out = io.StringIO()
    problems: list[str] = []
    tally = _read(file, options, out, problems.append)
    return _FileResult(pack(out.getvalue(), encoding, spool), tuple(problems), tally)


class _Progress:
    """A one-line progress bar on a terminal; silent until the work takes a while."""

    WIDTH = 24
    DELAY = 0.5  # seconds before the bar appears: short runs never show it
    EVERY = 0.1  # seconds between redraws

    def __init__(self, total: int, err: TextIO, *, enabled: bool) -> None:
        self.total = total
        self.err = err
        self.enabled = enabled and total > 0
        self.start = time.monotonic()
        self.drawn = 0.0

    def update(self, done: int, records: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.DELAY or now - self.drawn < self.EVERY:
            return
        self.drawn = now
        filled = self.WIDTH * done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.err.write(f"\r[{bar}] {done}/{self.total} files, {records} records")
        self.err.flush()

    def clear(self) -> None:
        if self.enabled and self.drawn:
            self.err.write("\r\x1b[K")
            self.err.flush()


def run(
    inputs: Sequence[str],
    options: Options,
    *,
    out: TextIO,
    err: TextIO,
    stdin: TextIO | None = None,
    jobs: int = 1,
    quiet: bool = False,
) -> Summary:
    """Read every input, write its records with ``options.write``; return the summary."""
    summary = Summary()
    progress: _Progress | None = None

    def report(line: str) -> None:
        if progress is not None:
            progress.clear()
        err.write(f"wpparse: {one_line(line)}\n")

    def skip(file: Path, kind: str) -> None:
        source, _, error = skip_error(file, kind)
        summary.failed += 1
        report(f"{source}: {error}")

    files = list(expand_inputs(inputs, skip))
    if options.strict and summary.failed:
        files = []
    progress = _Progress(len(files), err, enabled=not quiet and err.isatty())

    def account(tally: _Tally, done: int) -> bool:
        summary.parsed.update(tally.counts)
        summary.skipped.update(tally.skipped)
        summary.failed += tally.failed
        progress.update(done, sum(summary.parsed.values()))
        return bool(tally.failed) and options.strict  # stop?

    if jobs == 1 or len(files) < 2:  # noqa: PLR2004 - one file needs no pool
        for done, file in enumerate(files, start=1):
            before = sum(summary.parsed.values())

            def tick(n: int, done: int = done - 1, before: int = before) -> None:
                progress.update(done, before + n)

            if account(_read(file, options, out, report, stdin=stdin, tick=tick), done):
                break
    else:
        encoding = byte_stream(out)
        with (
            spool_folder(wanted=encoding is not None) as spool,
            ProcessPoolExecutor(max_workers=jobs) as pool,
        ):
            futures: list[Future[_FileResult] | None] = [
                None if f == STDIN else pool.submit(_work, f, options, encoding, spool)
                for f in files
            ]
            try:
                for done, (file, future) in enumerate(
                    zip(files, futures, strict=True), 1
                ):
                    if future is None:
                        tally = _read(file, options, out, report, stdin=stdin)
                    else:
                        result = future.result()
                        _write(write_output, out, result.output)
                        for line in result.problems:
                            report(line)
                        tally = result.tally
                    if account(tally, done):
                        break
            finally:
                # After --fail-fast, or an error such as a closed stdout
                # (``| head``): the files not started yet are not parsed.
                pool.shutdown(wait=True, cancel_futures=True)
    progress.clear()
    if not quiet:
        err.write(f"wpparse: {summary.line()}\n")
    return summary
