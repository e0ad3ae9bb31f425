"""The command line over a whole mirror: where internal links point."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

import wpparse
from tests.conftest import ROOT, SAMPLE
from wpparse._cli import main
from wpparse._cli.command import _target_facts


@pytest.fixture
def mirror(tmp_path: Path) -> Path:
    # The docs' example site, as a mirror (docs/_support is no package).
    sys.path.insert(0, str(ROOT / "docs" / "_support"))
    try:
        wpmirror = importlib.import_module("wpmirror")
    finally:
        sys.path.pop(0)
    return Path(wpmirror.write_mirror(tmp_path / "site"))


def _post_outline(out: str, title_start: str) -> str:
    return next(part for part in out.split("\n\n") if part.startswith(title_start))


def test_the_outline_of_a_mirror_says_where_links_point(
    mirror: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["-q", str(mirror)])
    out = capsys.readouterr().out
    post = _post_outline(out, "Peat, tannins & “tea-coloured” water (23)")

    assert 0 == status
    assert "  links: 5 (1 external, 3 internal, 1 mailto)\n" in post
    assert "    → post 122: Why chalk streams run clear (22)\n" in post
    assert "    → not in the input: 2 links\n" in post


def test_targets_are_counted_once_each(
    mirror: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["-q", str(mirror)])
    post = _post_outline(
        capsys.readouterr().out, "Flint beds and the river’s course (4)"
    )

    # the photo is linked once, the previous post once
    assert "    → attachment 90: The mill trail\n" in post
    assert "    → post 103: Peat, tannins & “tea-coloured” water (3)\n" in post


def test_a_single_file_has_no_targets_unless_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["-q", str(SAMPLE)])
    plain = capsys.readouterr().out
    main(["-q", "--link-targets", str(SAMPLE)])
    asked = capsys.readouterr().out

    assert "→" not in plain
    assert "    → not in the input: " in asked


def test_json_gives_each_link_its_target_when_asked(
    mirror: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["-q", "-f", "jsonl", "--link-targets", str(mirror)])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    post = next(r for r in records if r["id"] == 120)
    targets = [(link["url"], link["target"]) for link in post["links"]]

    assert 0 == status
    assert (
        "https://rivers.example/2026/03/26/%c3%bcber-flint-19/?utm_source=related#comments",
        {"kind": "post", "type": "post", "id": 119},
    ) in targets
    assert (
        "https://rivers.example/wp-content/uploads/2026/03/mill-trail.jpg",
        {"kind": "media", "type": "attachment", "id": 90},
    ) in targets
    assert ("https://maps.example.net/springs", None) in targets
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(post, wpparse.post_schema())


def test_json_without_the_flag_has_no_targets(
    mirror: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["-q", "-f", "jsonl", str(mirror / "wp-json" / "wp" / "v2" / "posts.json")])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    assert all("target" not in link for r in records for link in r["links"])


def test_terms_and_users_have_their_kind(mirror: Path) -> None:
    index = wpparse.SiteIndex(wpparse.read_objects(mirror))
    category = index.target("https://rivers.example/category/news/")
    author = index.target("https://rivers.example/author/ada/")

    assert category is not None
    assert author is not None
    assert _target_facts(category) == {"kind": "term", "type": "category", "id": 12}
    assert _target_facts(author) == {"kind": "user", "type": "user", "id": 3}


def test_jobs_fall_back_to_one_process_with_targets(
    mirror: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["-q", "-j", "2", "-f", "jsonl", "--link-targets", str(mirror)])
    captured = capsys.readouterr()

    assert 0 == status
    assert "link targets are written by one process (-j ignored)" in captured.err
    assert len(captured.out.splitlines()) == 33


def test_link_targets_go_with_three_formats(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["-f", "markdown", "--link-targets", str(SAMPLE)])

    assert stopped.value.code == 2
    assert "--link-targets goes with the outline, json and jsonl formats" in (
        capsys.readouterr().err
    )
