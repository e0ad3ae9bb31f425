"""Helpers for the renderer tests: posts built by hand from JSON fixtures, golden files, visible text."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import lxml.html
from markdown_it import MarkdownIt

from tests.conftest import DATA
from wpparse import Block, BlockKind, HeadingSource, Link, LinkKind, Post, Section

RENDER = DATA / "render"
REGENERATE = os.environ.get("WPPARSE_REGEN_GOLDEN") == "1"

# CommonMark plus GFM pipe tables, as the renderer promises; linkify stays off.
MARKDOWN = MarkdownIt("commonmark").enable("table")


def _link(data: dict[str, Any]) -> Link:
    return Link(**{**data, "kind": LinkKind(data.get("kind", "other"))})


def _block(data: dict[str, Any]) -> Block:
    fields = dict(data)
    fields["kind"] = BlockKind(data["kind"])
    fields["links"] = tuple(_link(link) for link in data.get("links", ()))
    fields["items"] = tuple(data.get("items", ()))
    fields["rows"] = tuple(tuple(row) for row in data.get("rows", ()))
    return Block(**fields)


def _section(data: dict[str, Any]) -> Section:
    source = data.get("heading_source")
    return Section(
        title=data["title"],
        level=data["level"],
        anchor=data.get("anchor"),
        heading_source=HeadingSource(source) if source else None,
        blocks=tuple(_block(block) for block in data.get("blocks", ())),
        children=tuple(_section(child) for child in data.get("children", ())),
    )


def fixture_post(name: str) -> Post:
    """Build the post described by ``tests/data/render/<name>.json`` by hand, without the parser."""
    data = json.loads((RENDER / f"{name}.json").read_text(encoding="utf-8"))
    fields = dict(data["post"])
    for key in ("date", "modified"):
        if key in fields:
            fields[key] = datetime.fromisoformat(fields[key])
    for key in ("categories", "tags"):
        fields[key] = tuple(fields.get(key, ()))
    sections = tuple(_section(section) for section in data["sections"])
    links = tuple(
        link for section in sections for s in section.walk() for link in s.links
    )
    return Post(**fields, sections=sections, links=links)


def check_golden(path: Path, actual: str) -> None:
    """Compare *actual* with the golden file; write it instead with WPPARSE_REGEN_GOLDEN=1."""
    if REGENERATE or not path.exists():
        path.write_text(actual, encoding="utf-8", newline="\n")
        if not REGENERATE:
            raise AssertionError(f"{path.name} was missing: written, review it")
    expected = path.read_text(encoding="utf-8")

    assert expected == actual


def visible_text(markdown: str) -> str:
    """Render *markdown* as a CommonMark implementation does and return the text a reader sees."""
    html = MARKDOWN.render(markdown)
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return squeeze("".join(root.itertext()))


def squeeze(text: str) -> str:
    """Collapse whitespace: texts equal "up to whitespace" are equal here."""
    return " ".join(text.split())
