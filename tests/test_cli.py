"""The ``wpparse`` command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import wpparse
from tests.conftest import SAMPLE
from wpparse._cli import main


def test_outline_of_sample(capsys: pytest.CaptureFixture[str]) -> None:
    status = main([str(SAMPLE)])
    out = capsys.readouterr().out

    assert 0 == status
    assert out.startswith("Rust & Rain: Why the “Iron River” Isn’t Dangerous\n")
    assert "post 2718 · 2026-04-18T09:30:00-04:00" in out
    assert "categories: 7, 12" in out
    assert "\n  (lead)  [2 blocks]\n  ## Why the river smells of iron  [1 block" in out
    assert "\n      ### What the test kits measure  [2 blocks" in out


def test_outline_shows_pseudo_headings(
    seed_bytes: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = tmp_path / "seed.json"
    seed.write_bytes(seed_bytes)

    status = main([str(seed)])
    out = capsys.readouterr().out

    assert 0 == status
    assert "\n  ## Divergent Strategic lenses  [1 block, bold heading]\n" in out
    assert (
        "\n      ### Relations With the Gulf States  [1 block, line heading]\n" in out
    )


def test_json_format_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--format", "json", str(SAMPLE)])
    data = json.loads(capsys.readouterr().out)

    assert 0 == status
    assert 2718 == data["id"]
    assert "2026-04-18T09:30:00-04:00" == data["date"]


def test_bad_inputs_reported_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.json"
    good.write_text('[{"id": 1}, {"id": "x"}, {"id": 3}]', encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": ', encoding="utf-8")
    error = tmp_path / "error.json"
    error.write_text(
        '{"code": "rest_no_route", "message": "No route", "data": {"status": 404}}'
    )

    status = main(
        [
            "-f",
            "jsonl",
            str(good),
            str(broken),
            str(tmp_path / "missing.json"),
            str(error),
        ]
    )
    captured = capsys.readouterr()
    errors = captured.err.splitlines()

    assert 1 == status
    assert [1, 3] == [json.loads(line)["id"] for line in captured.out.splitlines()]
    assert 5 == len(errors)
    assert errors[0] == f"wpparse: {good}:1: expected an integer, got 'x' @ $[1].id"
    assert "broken.json:1: truncated JSON" in errors[1]
    assert "missing.json: cannot read the file: No such file or directory" in errors[2]
    assert "WordPress error 'rest_no_route' (HTTP 404)" in errors[3]
    assert "wpparse: 2 parsed (2 post), 4 failed" == errors[4]
    assert "Traceback" not in captured.err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--format", "nope", str(SAMPLE)])

    assert 2 == info.value.code
    assert "invalid choice" in capsys.readouterr().err


def test_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(
        sys, "stdin", io.StringIO('{"id": 8, "title": {"rendered": "From stdin"}}')
    )

    assert 0 == main(["-"])
    assert capsys.readouterr().out.startswith("From stdin\n")


def test_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wpparse", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.startswith("wpparse ")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_record_that_cannot_be_rendered_is_reported_and_the_run_goes_on(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    jobs: str,
) -> None:
    from wpparse._cli import output

    render = output.to_text  # type: ignore[attr-defined]

    def failing(post: wpparse.Post, **options: Any) -> str:
        if post.id == 2:
            raise ValueError("renderer bug")
        return render(post, **options)

    monkeypatch.setattr(output, "to_text", failing)  # workers are forked
    files = []
    for ident in (1, 2, 3):
        files.append(tmp_path / f"{ident}.json")
        files[-1].write_text(
            json.dumps({"id": ident, "title": {"rendered": f"T{ident}"}})
        )

    status = main(["-j", jobs, "-f", "text", *map(str, files)])
    captured = capsys.readouterr()

    assert 1 == status
    assert "T1\n\nT3\n\n" == captured.out
    assert [
        (
            f"wpparse: {files[1]}:1: cannot write post 2 (ValueError: renderer bug); "
            "please report it"
        ),
        "wpparse: 3 parsed (3 post), 1 failed",
    ] == captured.err.splitlines()


def test_warnings_are_one_line_each_without_source_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "repaired.jsonl"
    source.write_text(
        '{"id": 1, "content": {"rendered": "a\\ud800b"}}\n'
        '{"id": 2, "content": {"rendered": "c\\udc00d"}}\n',
        encoding="utf-8",
    )

    status = main(["-f", "jsonl", str(source)])
    errors = capsys.readouterr().err.splitlines()

    assert 0 == status
    assert [
        (
            f"wpparse: {source}:1: replaced 1 lone surrogate (not valid Unicode) "
            "with U+FFFD @ $[0].content.rendered"
        ),
        (
            f"wpparse: {source}:2: replaced 1 lone surrogate (not valid Unicode) "
            "with U+FFFD @ $[1].content.rendered"
        ),
        "wpparse: 2 parsed (2 post), 0 failed",
    ] == errors


def test_problem_lines_show_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad\x1b[2J.json"
    source.write_text('{"id": "\x1b]0;PWNED\x07"}', encoding="utf-8")

    main(["-q", str(source)])
    err = capsys.readouterr().err

    assert "\x1b" not in err
    assert "\x07" not in err
    assert 1 == len(err.splitlines())
    assert "bad\\x1b[2J.json" in err


def test_search_results_outline_and_jsonl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_objects import SEARCH_RESULTS

    file = tmp_path / "search.json"
    file.write_text(json.dumps(SEARCH_RESULTS), encoding="utf-8")

    assert 0 == main([str(file)])
    captured = capsys.readouterr()
    assert captured.out.startswith(
        "Rock & Roll – live\n  found: post page 7\n  https://example.org/rock/\n\n"
        "News & Views\n  found: category 3\n  https://example.org/category/news/\n\n"
    )
    assert captured.err.endswith("wpparse: 3 parsed (3 search result), 0 failed\n")

    assert 0 == main(["-f", "jsonl", str(file)])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [7, 3, "aside"] == [row["id"] for row in rows]
    assert {"id", "title", "url", "type", "subtype", "relations"} <= rows[0].keys()
    assert "page" == rows[0]["subtype"]


def test_a_whole_site_mirror_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_read import _site_mirror

    _site_mirror(tmp_path)

    assert 0 == main(["-f", "jsonl", str(tmp_path)])
    captured = capsys.readouterr()
    assert [1] == [json.loads(line)["id"] for line in captured.out.splitlines()]
    assert captured.err == (
        "wpparse: 1 parsed (1 post), 20 skipped (9 post type, 4 taxonomy, "
        "3 index, 3 status, 1 settings), 0 failed\n"
    )
