"""Reading folders as they are on disk: only regular files, and the Reader as an iterator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import wpparse

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")


def _site(tmp_path: Path) -> Path:
    """A folder with a good post, a named pipe and a link to /dev/stdin named *.json."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "a-good.json").write_text(json.dumps({"id": 1, "slug": "good"}))
    os.mkfifo(site / "b-pipe.json")
    (site / "wp-json").mkdir()
    os.mkfifo(site / "wp-json" / "posts?page=2")
    (site / "c-stdin.json").symlink_to("/dev/stdin")
    (site / "d-good.jsonl").write_text(json.dumps({"id": 2, "slug": "good-2"}) + "\n")
    return site


def _within(seconds: float, call: Callable[[], Any]) -> Any:
    """Call *call* in a thread; fail (rather than hang the suite) if it blocks."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked reading a file that is not a regular file"
    return result[0]


@needs_fifo
def test_read_posts_reads_regular_files_only_and_says_what_it_skipped(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path)
    problems: list[wpparse.Problem] = []

    def read() -> list[int]:
        return [post.id for post in wpparse.read_posts(site, on_error=problems.append)]

    ids = _within(20, read)

    assert [1, 2] == ids
    assert [
        str(site / "b-pipe.json"),
        str(site / "c-stdin.json"),  # a terminal, a pipe or /dev/null: never a file
        str(site / "wp-json" / "posts?page=2"),
    ] == [p.source.file for p in problems]
    assert "not read: a named pipe, not a regular file" == problems[0].reason
    assert all(p.reason.endswith(", not a regular file") for p in problems)


@needs_fifo
def test_strict_read_stops_at_a_named_pipe(tmp_path: Path) -> None:
    site = _site(tmp_path)

    def read() -> BaseException | None:
        try:
            list(wpparse.read_posts(site, strict=True))
        except wpparse.WPParseError as exc:
            return exc
        return None

    error = _within(20, read)

    assert "not read: a named pipe" in str(error)


@needs_fifo
def test_cli_skips_a_named_pipe_in_a_folder_and_says_so(tmp_path: Path) -> None:
    site = _site(tmp_path)

    done = subprocess.run(
        [sys.executable, "-m", "wpparse", "-f", "jsonl", str(site)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.PIPE,  # /dev/stdin: a pipe no one writes to
        check=False,
    )

    assert 1 == done.returncode
    assert [1, 2] == [json.loads(line)["id"] for line in done.stdout.splitlines()]
    assert [
        f"wpparse: {site / 'b-pipe.json'}: not read: a named pipe, not a regular file @ $",
        f"wpparse: {site / 'c-stdin.json'}: not read: a named pipe, not a regular file @ $",
        (
            f"wpparse: {site / 'wp-json' / 'posts?page=2'}: not read: a named pipe, "
            "not a regular file @ $"
        ),
        "wpparse: 2 parsed (2 post), 3 failed",
    ] == done.stderr.splitlines()


def test_a_named_file_is_read_whatever_it_is(tmp_path: Path) -> None:
    source = tmp_path / "post.json"
    source.write_text(json.dumps({"id": 7}))
    link = tmp_path / "link.json"
    link.symlink_to(source)

    assert [7] == [post.id for post in wpparse.read_posts(link)]


def _three_posts(tmp_path: Path) -> Path:
    source = tmp_path / "posts.jsonl"
    lines = [json.dumps({"id": n}) for n in (1, 2)] + ['{"id": "x"}', '{"id": 3}']
    source.write_text("\n".join(lines) + "\n")
    return source


def test_next_on_a_reader_gives_the_next_post(tmp_path: Path) -> None:
    reader = wpparse.read_posts(_three_posts(tmp_path), on_error=_ignore)

    first = next(reader)
    rest = [post.id for post in reader]

    assert 1 == first.id
    assert [2, 3] == rest
    with pytest.raises(StopIteration):
        next(reader)


def test_a_reader_reads_once_and_counts_one_reading(tmp_path: Path) -> None:
    reader = wpparse.read_objects(_three_posts(tmp_path), on_error=_ignore)

    assert [1, 2, 3] == [obj.id for obj in reader]
    assert [] == list(reader)
    assert 1 == len(reader.problems)
    assert {"post": 3} == dict(reader.counts)
    assert iter(reader) is reader


def _ignore(problem: wpparse.Problem) -> None:
    """An on_error that keeps nothing (the test looks at reader.problems)."""
