"""
The ``wpparse`` command line: parse files of REST API JSON and print them.

``main(argv)`` returns the exit status: 0 when every input parsed, 1 when any
failed (each failure is one line on stderr), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from wpparse._dict import to_dict
from wpparse._load import as_text, iter_json_values, load_json, looks_like_json_lines
from wpparse._models import Post, Section
from wpparse._wpjson import _collection_items, post_from_mapping
from wpparse.exceptions import WPParseError

__all__ = ["main"]

FORMATS = ("outline", "json", "jsonl")


def _version() -> str:
    from wpparse import __version__  # noqa: PLC0415 - the package imports this module

    return __version__


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``wpparse`` command."""
    parser = argparse.ArgumentParser(
        prog="wpparse",
        description="Parse WordPress REST API JSON (a post, a collection, JSON Lines) "
        "and print it as an outline, JSON or JSON Lines.",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE",
        help="JSON or JSON Lines files; '-' reads stdin",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="outline",
        help="output format (default: outline)",
    )
    parser.add_argument(
        "--headings",
        choices=("html", "bold", "auto"),
        default="auto",
        help="which headings split the content into sections (default: auto)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return parser


def _read(name: str, stdin: TextIO) -> str:
    if name == "-":
        return stdin.read()
    return as_text(Path(name).read_bytes())


def _records(text: str) -> Iterator[tuple[str, Any]]:
    if looks_like_json_lines(text):
        for n, (_, value) in enumerate(iter_json_values(text)):
            yield f"$[{n}]", value
        return
    value = load_json(text)
    if isinstance(value, list) or (isinstance(value, dict) and "body" in value):
        for n, item in enumerate(_collection_items(value)):
            yield f"$[{n}]", item
    else:
        yield "$", value


def _outline(post: Post, out: TextIO) -> None:
    out.write(f"{post.title or '(untitled)'}\n")
    facts = [f"{post.type or 'post'} {post.id}"]
    if post.date is not None:
        facts.append(post.date.isoformat())
    out.write(f"  {' · '.join(facts)}\n")
    if post.link:
        out.write(f"  {post.link}\n")
    if post.categories:
        out.write(f"  categories: {', '.join(map(str, post.categories))}\n")
    if post.tags:
        out.write(f"  tags: {', '.join(map(str, post.tags))}\n")
    if post.links:
        kinds = Counter(link.kind.value for link in post.links)
        summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        out.write(f"  links: {len(post.links)} ({summary})\n")
    for top in post.sections:
        _outline_section(top, 0, out)
    out.write("\n")


def _outline_section(section: Section, depth: int, out: TextIO) -> None:
    count = len(section.blocks)
    facts = [f"{count} {'block' if count == 1 else 'blocks'}"]
    if section.title is None:
        title = "(lead)"
    else:
        title = f"{'#' * section.level} {section.title}"
        if (
            section.heading_source is not None
            and section.heading_source.value != "html"
        ):
            facts.append(f"{section.heading_source.value} heading")
        if section.anchor:
            facts.append(f"#{section.anchor}")
    out.write(f"  {'    ' * depth}{title}  [{', '.join(facts)}]\n")
    for child in section.children:
        _outline_section(child, depth + 1, out)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    args = build_parser().parse_args(argv)
    out = sys.stdout
    failed = 0
    for name in args.inputs:
        try:
            text = _read(name, sys.stdin)
            records = list(_records(text))
        except (OSError, WPParseError) as exc:
            reason = (
                exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            )
            sys.stderr.write(f"wpparse: {name}: {reason}\n")
            failed += 1
            continue
        for path, record in records:
            try:
                if not isinstance(record, dict):
                    post_from_mapping({}, path=path)  # raises a NotAPostError
                post = post_from_mapping(record, path=path, headings=args.headings)
            except WPParseError as exc:
                sys.stderr.write(f"wpparse: {name}: {exc}\n")
                failed += 1
                continue
            if args.format == "outline":
                _outline(post, out)
            elif args.format == "json":
                out.write(
                    json.dumps(to_dict(post), ensure_ascii=False, indent=2) + "\n"
                )
            else:
                out.write(json.dumps(to_dict(post), ensure_ascii=False) + "\n")
    return 1 if failed else 0
