"""The output side of the ``wpparse`` command: formats, --front-matter, --max-chars, -o DIR."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import wpparse
from tests.conftest import SAMPLE
from wpparse._cli import main
from wpparse._cli.output import safe_filename


def test_markdown_with_front_matter(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["-q", "-f", "markdown", "--front-matter", str(SAMPLE)])
    out = capsys.readouterr().out
    head, _, body = out.removeprefix("---\n").partition("\n---\n")

    assert 0 == status
    assert (
        "Rust & Rain: Why the “Iron River” Isn’t Dangerous"
        == yaml.safe_load(head)["title"]
    )
    assert "\n## Why the river smells of iron\n" in body
    assert not body.lstrip().startswith("# ")


def test_markdown_without_front_matter_has_the_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["-q", "-f", "markdown", str(SAMPLE)])

    assert capsys.readouterr().out.startswith(
        "# Rust & Rain: Why the “Iron River” Isn’t Dangerous\n\n"
    )


def test_text(capsys: pytest.CaptureFixture[str]) -> None:
    main(["-q", "-f", "text", str(SAMPLE)])
    post = wpparse.parse_post(SAMPLE.read_bytes())

    assert wpparse.to_text(post, title=True) + "\n" == capsys.readouterr().out


def test_chunks_are_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    main(["-q", "-f", "chunks", "--max-chars", "120", str(SAMPLE)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    assert len(lines) > 1
    assert list(range(len(lines))) == [line["index"] for line in lines]
    assert all(len(line["text"]) <= 120 for line in lines)
    assert all(2718 == line["post_id"] for line in lines)


def test_max_chars_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["-f", "chunks", "--max-chars", "0", str(SAMPLE)])

    assert 2 == info.value.code
    assert "--max-chars must be at least 1" in capsys.readouterr().err


HOSTILE_SLUGS = [
    ("../../etc/passwd", "etc-passwd.md"),
    ("/abs/path", "abs-path.md"),
    ("..", "post-3.md"),
    ("", "post-4.md"),
    (None, "post-5.md"),
    ("CON", "_CON.md"),
    ("nul.txt", "_nul.txt.md"),
    ("Com1", "_Com1.md"),
    ("a\u0000b", "a-b.md"),
    (".hidden", "hidden.md"),
    ("same", "same.md"),
    ("SAME", "SAME-12.md"),
    ("same", "same-13.md"),
    ("%D8%B3%D9%84%D8%A7%D9%85", "سلام.md"),
    ("x" * 300, "x" * 200 + ".md"),
    ("c:\\windows\\system32", "c-windows-system32.md"),
]


def _hostile_posts(tmp_path: Path) -> Path:
    posts = [
        {"id": n, "slug": slug, "title": {"rendered": f"Post {n}"}}
        for n, (slug, _) in enumerate(HOSTILE_SLUGS, 1)
    ]
    path = tmp_path / "posts.json"
    path.write_text(json.dumps(posts), encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_output_folder_names_are_safe_and_unique(tmp_path: Path, jobs: str) -> None:
    source = _hostile_posts(tmp_path)
    folder = tmp_path / "out" / "md"

    status = main(["-q", "-j", jobs, "-f", "markdown", "-o", str(folder), str(source)])
    names = sorted(path.name for path in folder.iterdir())

    assert 0 == status
    assert sorted(name for _, name in HOSTILE_SLUGS) == names
    assert [folder] == list({path.parent for path in folder.iterdir()})
    assert not (tmp_path / "etc").exists()
    assert (folder / "SAME-12.md").read_text(encoding="utf-8").startswith("# Post 12\n")


def test_output_folder_per_format(tmp_path: Path) -> None:
    for fmt, name in [
        ("json", "iron-river-spring-survey.json"),
        ("jsonl", "iron-river-spring-survey.json"),
        ("text", "iron-river-spring-survey.txt"),
        ("chunks", "iron-river-spring-survey.jsonl"),
        ("outline", "iron-river-spring-survey.txt"),
    ]:
        folder = tmp_path / fmt

        assert 0 == main(["-q", "-f", fmt, "-o", str(folder), str(SAMPLE)])
        assert [name] == [path.name for path in folder.iterdir()], fmt
    data = json.loads(
        (tmp_path / "json" / "iron-river-spring-survey.json").read_text("utf-8")
    )

    assert 2718 == data["id"]


def test_output_folder_does_not_follow_symlinks(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = tmp_path / "victim.txt"
    target.write_text("untouched", encoding="utf-8")
    (folder / "iron-river-spring-survey.md").symlink_to(target)

    status = main(["-q", "-f", "markdown", "-o", str(folder), str(SAMPLE)])

    assert "untouched" == target.read_text(encoding="utf-8")
    assert 1 == status


def test_safe_filename_never_has_a_separator() -> None:
    for slug, _ in HOSTILE_SLUGS:
        name = safe_filename(slug, "fallback", ".md")

        assert "/" not in name
        assert "\\" not in name
        assert "\x00" not in name
        assert not name.startswith(".")
        assert len(name.encode("utf-8")) <= 210
