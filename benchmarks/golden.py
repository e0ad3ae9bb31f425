"""
A golden dump of wpparse's output, to show that a refactoring changes nothing.

Every corpus file (``../shared/corpus``, or ``WPPARSE_CORPUS``) and every test
fixture (``tests/data``, ``examples``) is parsed under each heading rule, three
ways: :func:`wpparse.parse_objects` (``strict=False``), :func:`wpparse.parse`
and :func:`wpparse.read_objects`.  For every post the dump holds
:func:`~wpparse.to_dict`, :func:`~wpparse.to_text` and
:func:`~wpparse.to_markdown` (plain and with title and front matter) and the
:func:`~wpparse.chunks`; for every other model its attrs fields; for every
failure the exception's class and message; and the warnings each step gave.
HTML fixtures go through :func:`~wpparse.parse_content` and
:func:`~wpparse.extract_links`.

One JSON object per line, ``{"key": ..., "value": ...}``, keys unique, written
in a stable order.  Write the dump outside the repository::

    python benchmarks/golden.py /tmp/golden-before.jsonl
    # ... change wpparse ...
    python benchmarks/golden.py /tmp/golden-after.jsonl
    python benchmarks/golden.py --compare /tmp/golden-before.jsonl /tmp/golden-after.jsonl

``--compare`` prints the keys that differ, are missing or are new, and exits
with status 1 when there is any.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import hashlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs

import wpparse

ROOT = Path(__file__).resolve().parents[1]
HeadingRule = Literal["html", "bold", "auto"]
RULES: tuple[HeadingRule, ...] = ("html", "bold", "auto")


def _corpus() -> Path:
    from inputs import corpus_dir  # noqa: PLC0415 - benchmarks/ is on sys.path when run

    return corpus_dir()


def _inputs() -> list[tuple[str, Path]]:
    """Every input file, named as the dump names it (repo files relative to the root)."""
    found: list[tuple[str, Path]] = []
    corpus = _corpus()
    if corpus.is_dir():
        found += [
            (f"corpus/{path.relative_to(corpus)}", path)
            for path in sorted(corpus.rglob("*"))
            if path.suffix in {".json", ".jsonl", ".html"}
        ]
    for folder in ("tests/data", "examples"):
        found += [
            (str(path.relative_to(ROOT)), path)
            for path in sorted((ROOT / folder).rglob("*"))
            if path.suffix in {".json", ".jsonl", ".html"}
        ]
    return found


def plain(value: Any) -> Any:
    """*value* as JSON data: attrs instances by field, enums by value, dates in ISO."""
    if attrs.has(type(value)):
        return {
            "__class__": type(value).__name__,
            **{
                f.name: plain(getattr(value, f.name)) for f in attrs.fields(type(value))
            },
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return [value.isoformat(), str(value.tzinfo)]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, BaseException):
        return {"__class__": type(value).__name__, "message": str(value)}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def _digest(value: Any) -> str:
    text = json.dumps(plain(value), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _caught(
    call: Callable[..., Any], *args: Any, **kwargs: Any
) -> tuple[Any, list[str]]:
    """Call *call*; return its result (or the exception it raised) and its warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = call(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - a failure is output too
            result = exc
    return result, [f"{w.category.__name__}: {w.message}" for w in caught]


def _post_views(key: str, post: wpparse.Post) -> Iterator[tuple[str, Any]]:
    yield f"{key}|to_dict", wpparse.to_dict(post)
    yield f"{key}|to_text", wpparse.to_text(post)
    yield f"{key}|to_text(title)", wpparse.to_text(post, title=True)
    yield f"{key}|to_markdown", wpparse.to_markdown(post)
    yield (
        f"{key}|to_markdown(front_matter,title)",
        wpparse.to_markdown(post, front_matter=True, title=True),
    )
    yield f"{key}|chunks", [plain(chunk) for chunk in wpparse.chunks(post)]
    yield f"{key}|chunks(300)", [plain(chunk) for chunk in wpparse.chunks(post, 300)]
    if post.embedded is not None:
        for index, parent in enumerate(post.embedded.parents):
            yield from _post_views(f"{key}|embedded.parents[{index}]", parent)


def _model_views(key: str, model: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(model, wpparse.Post):
        yield from _post_views(key, model)
    else:
        yield f"{key}|fields", plain(model)


def _model_views_list(key: str, model: Any) -> list[tuple[str, Any]]:
    return list(_model_views(key, model))


def _read_digests(path: Path, rule: HeadingRule, out: list[str]) -> None:
    """
    Digest each model :func:`wpparse.read_objects` reads from *path* into *out*.

    The file is named relative to the checkout (each model's ``Source``
    holds the name it was read by), so that dumps made in two checkouts, a
    worktree and main, compare equal.
    """
    cwd = Path.cwd()
    try:
        os.chdir(ROOT)
        relative = Path(os.path.relpath(path, ROOT))
        out.extend(
            _digest(model) for model in wpparse.read_objects(relative, headings=rule)
        )
    finally:
        os.chdir(cwd)


def _json_records(name: str, path: Path) -> Iterator[tuple[str, Any]]:
    data = path.read_bytes()
    for rule in RULES:
        key = f"{name}|{rule}"
        result, caught = _caught(
            wpparse.parse_objects, data, strict=False, headings=rule
        )
        yield f"{key}|parse_objects|warnings", caught
        if isinstance(result, BaseException):
            yield f"{key}|parse_objects|error", plain(result)
        else:
            yield (
                f"{key}|parse_objects|paging",
                [result.total, result.total_pages, result.next, result.prev],
            )
            yield f"{key}|parse_objects|problems", plain(result.problems)
            for index, model in enumerate(result):
                item = f"{key}|parse_objects[{index}]"
                views, caught = _caught(_model_views_list, item, model)
                yield f"{item}|render warnings", caught
                if isinstance(views, BaseException):
                    yield f"{item}|render error", plain(views)
                else:
                    yield from views
        single, caught = _caught(wpparse.parse, data, headings=rule)
        yield f"{key}|parse", [_digest(single), caught]
        digests: list[str] = []
        read, caught = _caught(_read_digests, path, rule, digests)
        yield f"{key}|read_objects", [digests, plain(read), caught]


def _html_records(name: str, path: Path) -> Iterator[tuple[str, Any]]:
    html = path.read_text(encoding="utf-8")
    base = "https://example.com/post/"
    for rule in RULES:
        key = f"{name}|{rule}"
        sections, caught = _caught(
            wpparse.parse_content, html, base_url=base, headings=rule
        )
        yield f"{key}|parse_content", [plain(sections), caught]
    links, caught = _caught(wpparse.extract_links, html, base_url=base)
    yield f"{name}|extract_links", [plain(links), caught]


def records() -> Iterator[tuple[str, Any]]:
    """Every ``(key, value)`` of the dump, in a stable order."""
    for name, path in _inputs():
        if path.suffix == ".html":
            yield from _html_records(name, path)
        else:
            yield from _json_records(name, path)


def write(out: Path) -> int:
    """Write the dump to *out*; return the number of records."""
    count = 0
    seen: set[str] = set()
    with out.open("w", encoding="utf-8", errors="surrogatepass") as file:
        for key, value in records():
            if key in seen:
                raise SystemExit(f"duplicate key {key}")
            seen.add(key)
            file.write(json.dumps({"key": key, "value": plain(value)}, sort_keys=True))
            file.write("\n")
            count += 1
    return count


def _load(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as file:
        for line in file:
            record = json.loads(line)
            out[record["key"]] = json.dumps(record["value"], sort_keys=True)
    return out


def compare(old: Path, new: Path, *, show: int = 5) -> int:
    """Print the keys that differ between two dumps; return how many."""
    before, after = _load(old), _load(new)
    missing = [key for key in before if key not in after]
    added = [key for key in after if key not in before]
    changed = [key for key in before if key in after and before[key] != after[key]]
    for label, keys in (("missing", missing), ("new", added), ("changed", changed)):
        for key in keys:
            print(f"{label}: {key}")
    for key in changed[:show]:
        was, now = before[key], after[key]
        at = next(
            (i for i, (x, y) in enumerate(zip(was, now, strict=False)) if x != y),
            min(len(was), len(now)),
        )
        start = max(0, at - 80)
        print(f"--- {key} (from character {at})")
        print(f"  old: ...{was[start : at + 200]}")
        print(f"  new: ...{now[start : at + 200]}")
    total = len(missing) + len(added) + len(changed)
    print(
        f"{len(before)} records before, {len(after)} after: "
        f"{len(changed)} changed, {len(missing)} missing, {len(added)} new"
    )
    return total


def main(argv: list[str] | None = None) -> int:
    """Write a dump, or compare two."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("out", nargs="?", type=Path, help="where to write the dump")
    parser.add_argument(
        "--compare",
        nargs=2,
        type=Path,
        metavar=("OLD", "NEW"),
        help="compare two dumps",
    )
    args = parser.parse_args(argv)
    if args.compare:
        return 1 if compare(*args.compare) else 0
    if args.out is None:
        parser.error("name the file to write, or use --compare OLD NEW")
    out = args.out.resolve()
    if out.is_relative_to(ROOT):
        parser.error(f"write the dump outside the repository, not to {out}")
    count = write(out)
    print(f"{count} records written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
