"""The output side of the ``wpparse`` command: formats, --front-matter, --max-chars, -o DIR."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml

import wpparse
from tests.conftest import SAMPLE
from wpparse._cli import main
from wpparse._cli.output import DirectorySink, safe_filename


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
    written = folder / "iron-river-spring-survey.md"

    assert 0 == status
    assert "untouched" == target.read_text(encoding="utf-8")
    assert not written.is_symlink()
    assert written.read_text(encoding="utf-8").startswith("# Rust & Rain")


def test_safe_filename_never_has_a_separator() -> None:
    for slug, _ in HOSTILE_SLUGS:
        name = safe_filename(slug, "fallback", ".md")

        assert "/" not in name
        assert "\\" not in name
        assert "\x00" not in name
        assert not name.startswith(".")
        assert len(name.encode("utf-8")) <= 210


HOSTILE_TITLE = "Hello \u001b]0;PWNED\u0007\u001b[31mRED"
HOSTILE_CONTENT = (
    "<p>clear \u001b[2J here, a \u001b]8;;https://evil.example/\u001b\\hidden"
    "\u001b]8;;\u001b\\ link, C1 \u009b31m red</p>"
)


def _hostile_post(tmp_path: Path) -> Path:
    source = tmp_path / "hostile.json"
    post = {
        "id": 5,
        "slug": "hostile",
        "title": {"rendered": HOSTILE_TITLE},
        "content": {"rendered": HOSTILE_CONTENT},
    }
    source.write_text(json.dumps(post), encoding="utf-8")
    return source


def _controls(text: str) -> set[str]:
    return {c for c in text if (c < " " and c not in "\t\n") or "\x7f" <= c <= "\x9f"}


@pytest.mark.parametrize("fmt", ["outline", "text", "markdown"])
def test_text_formats_carry_no_terminal_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    status = main(["-q", "-f", fmt, str(_hostile_post(tmp_path))])
    out = capsys.readouterr().out

    assert 0 == status
    assert "PWNED" in out
    assert set() == _controls(out)
    if fmt != "outline":
        assert "hidden" in out


@pytest.mark.parametrize("fmt", ["json", "jsonl", "chunks"])
def test_json_formats_escape_controls_and_keep_the_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    status = main(["-q", "-f", fmt, str(_hostile_post(tmp_path))])
    out = capsys.readouterr().out
    text = json.dumps(json.loads(out.splitlines()[0] if fmt != "json" else out))

    assert 0 == status
    assert set() == _controls(out.replace("\n", ""))
    assert "\\u009b31m" in out
    if fmt != "chunks":
        assert HOSTILE_TITLE == json.loads(out)["title"]
    else:
        assert "\\u009b31m" in text


def test_output_folder_files_carry_no_terminal_controls(tmp_path: Path) -> None:
    folder = tmp_path / "out"

    assert 0 == main(
        ["-q", "-f", "text", "-o", str(folder), str(_hostile_post(tmp_path))]
    )
    assert set() == _controls((folder / "hostile.txt").read_text(encoding="utf-8"))


def test_output_folder_does_not_write_through_hard_links(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = tmp_path / "victim.txt"
    target.write_text("untouched", encoding="utf-8")
    (folder / "iron-river-spring-survey.md").hardlink_to(target)

    status = main(["-q", "-f", "markdown", "-o", str(folder), str(SAMPLE)])
    written = folder / "iron-river-spring-survey.md"

    assert 0 == status
    assert "untouched" == target.read_text(encoding="utf-8")
    assert written.read_text(encoding="utf-8").startswith("# Rust & Rain")
    assert 1 == written.stat().st_nlink
    assert [written] == list(folder.iterdir())  # no temporary file left


def test_output_folder_write_failure_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "iron-river-spring-survey.md").mkdir()  # a folder where the file goes

    status = main(["-q", "-f", "markdown", "-o", str(folder), str(SAMPLE)])

    assert 1 == status
    assert ["iron-river-spring-survey.md"] == [p.name for p in folder.iterdir()]


def _naming_steps(count: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> int:
    sink = DirectorySink(tmp_path, io.StringIO())
    calls = 0
    free = DirectorySink._free

    def counted(self: DirectorySink, filename: str) -> bool:
        nonlocal calls
        calls += 1
        return free(self, filename)

    monkeypatch.setattr(DirectorySink, "_free", counted)
    names = {
        sink._name({"slug": "same", "id": None, "extension": ".md"})
        for _ in range(count)
    }
    assert count == len(names)
    return calls


def test_output_folder_naming_is_linear_in_duplicate_slugs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    small = _naming_steps(500, monkeypatch, tmp_path)
    large = _naming_steps(2000, monkeypatch, tmp_path)

    assert large < 8 * small  # quadratic naming would be 16 times


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_formats_keep_a_lone_surrogate_of_an_unparsed_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    # meta and unknown fields are kept as sent; writing "\udc00" to a UTF-8
    # stdout raised UnicodeEncodeError, a traceback, and the run stopped.
    source = tmp_path / "surrogate.json"
    source.write_text('{"id": 1, "meta": {"x": "b\\udc00"}, "custom": "c\\ud800"}')

    status = main(["-q", "-f", fmt, str(source)])
    out = capsys.readouterr().out

    assert 0 == status
    data = json.loads(out)
    assert (data["meta"], data["extra"]) == ({"x": "b\udc00"}, {"custom": "c\ud800"})
