"""The command line over many inputs: directories, globs, ``-j``, progress, summary, ``--fail-fast``."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any, TextIO

import pytest

from tests.conftest import SAMPLE
from wpparse._cli import main
from wpparse._cli.inputs import Options, OutputError, Summary, _Progress, run


def _site(root: Path) -> Path:
    """A directory with good files, a truncated file, a non-JSON file and an error response."""
    posts = root / "wp-json" / "wp" / "v2" / "posts"
    posts.mkdir(parents=True)
    (posts / "index.html").write_text('[{"id": 1}, {"id": 2}]', encoding="utf-8")
    (posts / "3").mkdir()
    (posts / "3" / "index.html").write_text(
        '{"id": 3, "title": {"rendered": "Three"}}', encoding="utf-8"
    )
    (root / "wp-json" / "truncated.json").write_text(
        '[{"id": 4}, {"id": 5}, {"id"', encoding="utf-8"
    )
    (root / "wp-json" / "not-json.json").write_text(
        "<html>404 Not Found</html>", encoding="utf-8"
    )
    (root / "wp-json" / "users.json").write_text(
        '{"code": "rest_user_cannot_view", "message": "Sorry", "data": {"status": 401}}',
        encoding="utf-8",
    )
    (root / "wp-json" / "zz-terms.jsonl").write_text(
        '{"id": 9, "name": "News &amp; Views", "taxonomy": "category"}\n',
        encoding="utf-8",
    )
    (root / "index.html").write_text(
        "<!doctype html><p>the home page</p>", encoding="utf-8"
    )
    (root / "wp-json" / "index.html").write_text(
        '{"name": "Site", "namespaces": ["wp/v2"], "routes": {}}', encoding="utf-8"
    )
    return root


def test_directory_with_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path / "site")

    status = main(["-f", "jsonl", str(site)])
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    errors = captured.err.splitlines()

    assert 1 == status
    assert [4, 5, 3, 1, 2, 9] == [r["id"] for r in records]
    assert "News & Views" == records[-1]["name"]
    assert 4 == len(errors)
    assert (
        "not-json.json:1: not JSON: expected a JSON value, got an HTML page @ $"
        in errors[0]
    )
    assert "truncated.json:1: truncated JSON" in errors[1]
    assert errors[1].endswith("@ $[2]")
    assert (
        "users.json:1: WordPress error 'rest_user_cannot_view' (HTTP 401): Sorry @ $"
        in errors[2]
    )
    assert (
        "wpparse: 6 parsed (5 post, 1 term), 1 skipped (1 index), 3 failed" == errors[3]
    )


def test_jobs_keep_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(6):
        (tmp_path / f"p{n}.json").write_text(
            json.dumps([{"id": n * 10 + k} for k in range(3)]), encoding="utf-8"
        )
    (tmp_path / "p3.json").write_text('[{"id": 30}, {"id": "bad"}]', encoding="utf-8")

    assert 1 == main(["-f", "jsonl", str(tmp_path)])
    serial = capsys.readouterr()
    assert 1 == main(["-f", "jsonl", "-j", "3", str(tmp_path)])
    parallel = capsys.readouterr()

    assert serial.out == parallel.out
    assert serial.err == parallel.err
    assert [0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 40, 41, 42, 50, 51, 52] == [
        json.loads(line)["id"] for line in parallel.out.splitlines()
    ]


def test_globs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.json").write_text('{"id": 1}', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": 2}\n{"id": 3}\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text('{"id": 4}', encoding="utf-8")

    status = main(
        ["-f", "jsonl", str(tmp_path / "*.json*"), str(tmp_path / "nothing-*.json")]
    )
    captured = capsys.readouterr()

    assert 1 == status
    assert [1, 2, 3] == [json.loads(line)["id"] for line in captured.out.splitlines()]
    assert (
        "nothing-*.json: cannot read the file: No such file or directory"
        in captured.err
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fail_fast_stops_at_the_first_bad_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    (tmp_path / "a.json").write_text(
        '[{"id": 1}, {"id": "x"}, {"id": 3}]', encoding="utf-8"
    )
    (tmp_path / "b.json").write_text('{"id": 4}', encoding="utf-8")

    status = main(["-f", "jsonl", "--fail-fast", "-j", jobs, str(tmp_path)])
    captured = capsys.readouterr()
    errors = captured.err.splitlines()

    assert 1 == status
    assert [1] == [json.loads(line)["id"] for line in captured.out.splitlines()]
    assert (
        f"wpparse: {tmp_path / 'a.json'}:1: expected an integer, got 'x' @ $[1].id"
        == errors[0]
    )
    assert "wpparse: 1 parsed (1 post), 1 failed" == errors[1]


def test_quiet_has_no_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.json").write_text('{"id": 1}', encoding="utf-8")

    assert 0 == main(["-q", str(tmp_path / "a.json")])
    assert "" == capsys.readouterr().err


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["-j", "0", "x.json"])

    assert 2 == info.value.code
    assert "at least 1" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_once_the_work_is_long(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    err = _Terminal()
    progress = _Progress(4, err, enabled=True)
    progress.update(1, 10)
    assert "" == err.getvalue()  # not yet: short runs never show a bar

    monkeypatch.setattr(_Progress, "DELAY", 0.0)
    progress.update(2, 20)
    progress.clear()

    assert (
        "\r[############............] 2/4 files, 20 records\r\x1b[K" == err.getvalue()
    )


def test_progress_bar_silent_when_disabled() -> None:
    err = _Terminal()
    progress = _Progress(4, err, enabled=False)
    progress.DELAY = 0.0
    progress.update(2, 20)
    progress.clear()

    assert "" == err.getvalue()


def test_summary_line() -> None:
    summary = Summary()
    summary.parsed.update({"post": 10, "media": 2})
    summary.failed = 1

    assert "12 parsed (10 post, 2 media), 1 failed" == summary.line()
    assert "0 parsed, 0 failed" == Summary().line()
    summary.skipped.update({"index": 1})
    assert (
        "12 parsed (10 post, 2 media), 1 skipped (1 index), 1 failed" == summary.line()
    )


@pytest.mark.parametrize("encoding", ["utf-8", "ascii:backslashreplace", "utf-16"])
def test_jobs_write_the_same_bytes_as_one_process(
    tmp_path: Path, encoding: str
) -> None:
    # Workers may send their output encoded for the parent's stdout; whatever
    # the stdout's encoding, error handler or byte order mark, the bytes are
    # those of -j 1, stdin read in between included.
    names = []
    for n in range(4):
        path = tmp_path / f"p{n}.json"
        posts = [
            {"id": n * 10 + k, "title": {"rendered": f"Café {n}.{k} – naïve ✓"}}
            for k in range(3)
        ]
        path.write_text(json.dumps(posts), encoding="utf-8")
        names.append(str(path))
    names.insert(2, "-")
    stdin = '{"id": 99, "title": {"rendered": "Über stdin"}}'
    spool = tmp_path / "tmp"
    spool.mkdir()
    env = {**os.environ, "PYTHONIOENCODING": encoding, "TMPDIR": str(spool)}
    env.pop("PYTHONUNBUFFERED", None)  # a buffered stdout, as usual

    def run(jobs: str) -> bytes:
        return subprocess.run(
            [sys.executable, "-m", "wpparse", "-q", "-f", "jsonl", "-j", jobs, *names],
            input=stdin.encode("utf-8"),
            capture_output=True,
            env=env,
            check=True,
        ).stdout

    serial = run("1")
    text = serial.decode("utf-16" if encoding == "utf-16" else "utf-8")
    ids = [int(found) for found in re.findall(r'"id": (\d+)', text)]

    assert serial == run("2")
    assert [] == list(spool.iterdir())  # the workers' spooled output is gone
    assert [0, 1, 2, 10, 11, 12, 99, 20, 21, 22, 30, 31, 32] == ids
    if encoding.startswith("ascii"):
        assert serial.isascii()
        assert "\\xdcber stdin" in text
    else:
        assert "Über stdin" in text
        assert "Café 3.2 – naïve ✓" in text


def _slow_marking_writer(obj: Any, out: TextIO, *, marks: Path) -> None:
    # Runs in the workers: leaves a mark per record and takes a while.
    (marks / str(obj.id)).touch()
    time.sleep(0.03)
    out.write(f"{obj.id}\n")


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:  # noqa: ARG002 - every write fails
        raise BrokenPipeError(32, "Broken pipe")


def test_jobs_stop_parsing_when_the_output_fails(tmp_path: Path) -> None:
    # Like `wpparse -j 2 site/ | head`: once writing fails, the files not
    # started yet are not parsed (they were, all of them, before the error
    # came out).
    marks = tmp_path / "marks"
    marks.mkdir()
    for n in range(24):
        (tmp_path / f"p{n:02d}.json").write_text(
            json.dumps({"id": n}), encoding="utf-8"
        )
    options = Options(write=partial(_slow_marking_writer, marks=marks))

    with pytest.raises(OutputError) as caught:
        run(
            [str(tmp_path / "*.json")],
            options,
            out=_ClosedPipe(),
            err=io.StringIO(),
            jobs=2,
        )

    assert isinstance(caught.value.__cause__, BrokenPipeError)
    assert 1 <= len(list(marks.iterdir())) < 24


def test_one_job_stops_at_the_first_failed_write(tmp_path: Path) -> None:
    # A failed write is the output's fault, not the input's: no file is
    # reported as unreadable, and no file after it is read.
    marks = tmp_path / "marks"
    marks.mkdir()
    for n in range(5):
        (tmp_path / f"p{n}.json").write_text(json.dumps({"id": n}), encoding="utf-8")
    options = Options(write=partial(_slow_marking_writer, marks=marks))
    err = io.StringIO()

    with pytest.raises(OutputError):
        run([str(tmp_path / "*.json")], options, out=_ClosedPipe(), err=err)

    assert 1 == len(list(marks.iterdir()))
    assert "" == err.getvalue()


class _FullDisk(io.StringIO):
    def write(self, text: str) -> int:  # noqa: ARG002 - every write fails
        raise OSError(28, "No space left on device")


def test_failed_output_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _FullDisk())

    status = main(["--format", "text", str(SAMPLE), str(SAMPLE)])

    assert 1 == status
    assert "wpparse: cannot write the output: No space left on device\n" == (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_pipe_ends_quietly(tmp_path: Path, jobs: str) -> None:
    # `wpparse site/ | head`: when the reader goes away, wpparse stops with
    # no traceback and no message (as Unix tools do).
    for n in range(60):
        (tmp_path / f"p{n:02d}.json").write_bytes(SAMPLE.read_bytes())
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wpparse",
            "-q",
            "-j",
            jobs,
            "-f",
            "json",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stdout.read(100)
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)

    assert 1 == proc.returncode
    assert b"" == err
