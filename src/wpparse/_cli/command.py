"""
The ``wpparse`` command line: parse files of REST API JSON and print them.

``main(argv)`` returns the exit status: 0 when every record parsed, 1 when any
failed (each failure is one line on stderr) or the output could not be written
(quietly when its reader went away: ``| head``), 2 for usage errors.

The input side (:mod:`wpparse._cli.inputs`) turns files, directories and glob
patterns into records, in worker processes with ``-j``; the output side is one
function per format in :data:`FORMATS`, each taking a model and a stream.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, TextIO, cast

from wpparse._cli.inputs import STDIN, Options, OutputError, expand_inputs, run
from wpparse._cli.output import (
    EXTENSIONS,
    DirectorySink,
    cleaned,
    framed,
    silence_stdout,
    write_chunks,
    write_markdown,
    write_text,
)
from wpparse._model.content import LinkKind, Section
from wpparse._model.objects import SearchResult, Term, User
from wpparse._model.post import Media, Post
from wpparse._read import read_objects
from wpparse._render.data import _attrs_dict
from wpparse._rest.dispatch import WPObject
from wpparse._site import SiteIndex, SiteObject
from wpparse._speedups import COMPILED

__all__ = ["FORMATS", "Formatter", "build_parser", "main"]

Formatter = Callable[[WPObject, TextIO], None]
"""Writes one model to a text stream."""


def _version() -> str:
    """``0.1.0 (compiled)``: the version, and whether the compiled content walk is in use."""
    from wpparse import __version__  # noqa: PLC0415 - the package imports this module

    return f"{__version__} ({'compiled' if COMPILED else 'pure Python'})"


def _as_dict(obj: WPObject) -> dict[str, Any]:
    return _attrs_dict(obj)


def _target_facts(target: SiteObject) -> dict[str, Any]:
    """``{"kind": "post", "type": "page", "id": 2}``: what a link points at."""
    if isinstance(target, Post):
        return {"kind": "post", "type": target.type or "post", "id": target.id}
    if isinstance(target, Media):
        return {"kind": "media", "type": "attachment", "id": target.id}
    if isinstance(target, Term):
        return {"kind": "term", "type": target.taxonomy or "term", "id": target.id}
    return {"kind": "user", "type": "user", "id": target.id}


def _target_name(target: SiteObject) -> str:
    name = target.name if isinstance(target, Term | User) else target.title
    facts = _target_facts(target)
    return f"{facts['type']} {facts['id']}" + (f": {name}" if name else "")


def _outline_targets(post: Post, index: SiteIndex, out: TextIO) -> None:
    """Where the post's internal links point: each target once, then what is missing."""
    found: Counter[str] = Counter()
    missing = 0
    for link in post.links:
        if link.kind is LinkKind.INTERNAL:
            target = index.target(link)
            if target is None:
                missing += 1
            else:
                found[_target_name(target)] += 1
    out.writelines(
        f"    → {name}{f'  (×{count})' if count > 1 else ''}\n"
        for name, count in found.items()
    )
    if missing:
        out.write(
            f"    → not in the input: {missing} {'link' if missing == 1 else 'links'}\n"
        )


def _outline(obj: WPObject, out: TextIO, *, index: SiteIndex | None = None) -> None:
    if not isinstance(obj, Post):
        _outline_other(obj, out)
        return
    post = obj
    out.write(f"{post.title or '(untitled)'}\n")
    facts = [f"{post.type or 'post'} {post.id}"]
    if post.date is not None:
        facts.append(post.date.isoformat())
    out.write(f"  {' · '.join(facts)}\n")
    if post.link:
        out.write(f"  {post.link}\n")
    if post.categories:
        out.write(f"  categories: {', '.join(map(_term, post.category_terms))}\n")
    if post.tags:
        out.write(f"  tags: {', '.join(map(_term, post.tag_terms))}\n")
    if post.links:
        kinds = Counter(link.kind.value for link in post.links)
        summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        out.write(f"  links: {len(post.links)} ({summary})\n")
        if index is not None:
            _outline_targets(post, index, out)
    if post.parsed_blocks is not None:
        names = [
            block.name or "html"
            for block in post.parsed_blocks
            if block.name is not None or block.inner_html.strip()
        ]
        out.write(f"  blocks: {_runs(names) or '(none)'}\n")
    if post.shortcodes:
        out.write(f"  shortcodes: {_tally(code.name for code in post.shortcodes)}\n")
    for top in post.sections:
        _outline_section(top, 0, out)
    out.write("\n")


def _runs(names: list[str]) -> str:
    """``core/paragraph ×3, core/image``: names in order, repeats counted."""
    runs: list[list[Any]] = []
    for name in names:
        if runs and runs[-1][0] == name:
            runs[-1][1] += 1
        else:
            runs.append([name, 1])
    return ", ".join(name if n == 1 else f"{name} ×{n}" for name, n in runs)


def _tally(names: Iterable[str]) -> str:
    """``vc_row ×2, gallery``: each name once, in the order first seen, with its count."""
    counts = Counter(names)
    return ", ".join(name if n == 1 else f"{name} ×{n}" for name, n in counts.items())


def _term(term: object) -> str:
    return str(getattr(term, "name", term))


def _outline_other(obj: WPObject, out: TextIO) -> None:
    if isinstance(obj, SearchResult):
        # What was found and where: "post page 7" (the type, then the subtype).
        kinds = " ".join(k for k in (obj.type, obj.subtype) if k) or "search result"
        out.write(f"{obj.title or '(untitled)'}\n  found: {kinds} {obj.id}\n")
        out.write(f"  {obj.url}\n\n" if obj.url else "\n")
        return
    kind = type(obj).__name__.lower()
    name = getattr(obj, "name", None) or getattr(obj, "title", None)
    name = name or getattr(obj, "author_name", None) or "(untitled)"
    out.write(f"{name}\n  {kind} {obj.id}\n\n")


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


def _with_targets(obj: WPObject, index: SiteIndex | None) -> dict[str, Any]:
    data = _as_dict(obj)
    if index is not None and isinstance(obj, Post):
        for link, plain in zip(obj.links, data["links"], strict=True):
            target = index.target(link) if link.kind is LinkKind.INTERNAL else None
            plain["target"] = None if target is None else _target_facts(target)
    return data


def _json(obj: WPObject, out: TextIO, *, index: SiteIndex | None = None) -> None:
    data = _with_targets(obj, index)
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _jsonl(obj: WPObject, out: TextIO, *, index: SiteIndex | None = None) -> None:
    out.write(json.dumps(_with_targets(obj, index), ensure_ascii=False) + "\n")


def _site_index(inputs: Sequence[str]) -> SiteIndex:
    """A first pass over every input file (not stdin): the objects links point at."""
    files = [file for file in expand_inputs(inputs) if file != STDIN]
    # Problems are reported once, by the pass that writes.
    return SiteIndex(read_objects(files, on_error=lambda _: None))


def _wants_index(args: argparse.Namespace) -> bool:
    if args.format in {"json", "jsonl"}:
        return bool(args.link_targets)
    return args.format == "outline" and (
        args.link_targets or any(Path(name).is_dir() for name in args.inputs)
    )


FORMATS: dict[str, Formatter] = {
    "outline": _outline,
    "text": write_text,
    "markdown": write_markdown,
    "json": _json,
    "jsonl": _jsonl,
    "chunks": write_chunks,
}
"""The output formats by name: each writes one model to a stream.  Use
module-level functions: ``-j`` sends them to worker processes by reference."""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``wpparse`` command."""
    parser = argparse.ArgumentParser(
        prog="wpparse",
        description="Parse WordPress REST API JSON (objects, collections, JSON Lines, "
        "whole mirrored sites) and print it as an outline, plain text, Markdown, "
        "JSON, JSON Lines or chunks for retrieval.",
        epilog="To copy a whole site from its REST API into a folder this command "
        "reads: wpparse mirror URL -o DIR (see wpparse mirror --help; needs "
        "pip install 'wpparse[fetch]').",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="JSON or JSON Lines files, directories (read recursively) or glob "
        "patterns; '-' reads stdin",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=tuple(FORMATS),
        default="outline",
        help="output format (default: outline)",
    )
    _add_output_arguments(parser)
    parser.add_argument(
        "--headings",
        choices=("html", "bold", "auto"),
        default="auto",
        help="which headings split the content into sections (default: auto)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="parse files in N worker processes; output stays in input order (default: 1)",
    )
    parser.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at the first record that cannot be read or parsed",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary line (problems are still reported)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return parser


def _add_output_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--front-matter",
        action="store_true",
        help="markdown: start with YAML front matter instead of a # title",
    )
    parser.add_argument(
        "--seo",
        action="store_true",
        help="markdown: add the SEO description and canonical URL to the front matter",
    )
    parser.add_argument(
        "--max-chars",
        type=int,
        default=1000,
        metavar="N",
        help="chunks: the largest chunk, in characters (default: 1000)",
    )
    parser.add_argument(
        "--link-targets",
        action="store_true",
        help="read every input first to find what each internal link points at: "
        "json/jsonl give each link a 'target' (kind, type, id), the outline lists "
        "them (the outline does so unasked when an input is a directory)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="write one file per post into DIR, named by its slug, instead of stdout",
    )


def _writer(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> tuple[Formatter, TextIO]:
    """Return the writer the options ask for and the stream it writes to."""
    if args.max_chars < 1:
        parser.error("--max-chars must be at least 1")
    if args.link_targets and args.format not in {"outline", "json", "jsonl"}:
        parser.error("--link-targets goes with the outline, json and jsonl formats")
    write: Formatter = FORMATS[args.format]
    if _wants_index(args):
        write = partial(FORMATS[args.format], index=_site_index(args.inputs))  # type: ignore[call-arg]
    elif args.format == "markdown" and args.front_matter:
        write = partial(write_markdown, front_matter=True, seo=args.seo)
    elif args.format == "chunks":
        write = partial(write_chunks, max_chars=args.max_chars)
    write = cleaned(write, args.format)
    if args.output is None:
        return write, sys.stdout
    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        parser.error(f"cannot create {folder}: {exc.strerror or exc}")
    # A sink is a text stream as far as the input side is concerned.
    return framed(write, EXTENSIONS[args.format]), cast(
        "TextIO", DirectorySink(folder, sys.stderr)
    )


def _output_failed(exc: OutputError) -> int:
    """Stop after a failed write: quietly if the reader went away (``| head``)."""
    cause = exc.__cause__
    if isinstance(cause, BrokenPipeError):
        silence_stdout()  # as Unix tools do: no message
        return 1
    reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else cause
    sys.stderr.write(f"wpparse: cannot write the output: {reason}\n")
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "mirror":
        from wpparse._fetch import cli  # noqa: PLC0415 - only `wpparse mirror` loads it

        return cli.main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("-j/--jobs must be at least 1")
    write, out = _writer(parser, args)
    jobs = args.jobs
    if jobs > 1 and _wants_index(args):
        # The index would travel to the workers with every file.
        sys.stderr.write(
            "wpparse: link targets are written by one process (-j ignored)\n"
        )
        jobs = 1
    options = Options(
        write=write,
        headings=args.headings,
        strict=args.fail_fast,
    )
    try:
        summary = run(
            args.inputs,
            options,
            out=out,
            err=sys.stderr,
            stdin=sys.stdin,
            jobs=jobs,
            quiet=args.quiet,
        )
    except OutputError as exc:
        return _output_failed(exc)
    unwritten = isinstance(out, DirectorySink) and bool(out.failed)
    return 1 if summary.failed or unwritten else 0
