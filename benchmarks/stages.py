"""
Where ``parse_post``'s time goes, stage by stage, as a multiple of the floor.

Each stage function is wrapped with a timer for the run (its one call per
post), and the post is parsed and read as the per-post table reads it:

* ``json``: decoding the JSON text (``decode_input_clean``: ``json.loads`` and
  the lone-surrogate check);
* ``parse``: the content's HTML parsed into a tree, with the repair guards
  (``content_root``);
* ``normalise``: the structural rewrites before the walk;
* ``walk``: the walk into blocks (``split_content`` less the two above);
* ``rules``: the pseudo-heading decisions (``heading_styles``);
* ``tree``: the section tree (``build_content`` less the walk and the rules);
* ``fields``: the rest (every other field, the ``Post``, reading the result).

Then two bounds, to tell what compiling more of the content stage could give
at best: the ratio with a walk and normalise that cost nothing and a parse
that costs what the floor's own does; and the same with the heading rules and
the section tree free too.  The fastest of several runs is kept for each post,
and the corpus column is the median over the posts of each ratio.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import lxml.html

import inputs
import wpparse
from tools import touch
from wpparse._content import sections, walk
from wpparse._rest import dispatch
from wpparse._rest import post as post_module

STAGES = ("json", "parse", "normalise", "walk", "rules", "tree", "fields")
BOUNDS = ("free walk", "free walk, rules and tree")

_spent: Counter[str] = Counter()


def _timed(module: Any, name: str, label: str) -> Callable[[], None]:
    """Wrap *module*'s function *name* with a timer; return what unwraps it."""
    original = getattr(module, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _spent[label] += time.perf_counter() - start

    setattr(module, name, timed)
    return lambda: setattr(module, name, original)


def _best(call: Callable[[], object], calls: int, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def _stages(post: inputs.PostInput, calls: int, runs: int) -> dict[str, float]:
    """The stages of one post, from its fastest run, as a multiple of its floor."""
    raw, content = post.raw, post.content
    best: dict[str, float] = {}
    for _ in range(runs):
        _spent.clear()
        start = time.perf_counter()
        for _ in range(calls):
            touch(wpparse.parse_post(raw))  # read as the per-post table reads it
        total = (time.perf_counter() - start) / calls
        if not best or total < best["total"]:
            best = {key: value / calls for key, value in _spent.items()}
            best["total"] = total

    def floor_call() -> None:
        json.loads(raw)
        if content.strip():
            lxml.html.fragments_fromstring(content)

    def parse_call() -> None:
        if content.strip():
            lxml.html.fragments_fromstring(content)

    floor = _best(floor_call, calls, runs)
    floor_parse = _best(parse_call, calls, runs)
    split, content_stage = best.get("split", 0.0), best.get("content", 0.0)
    out = {
        "total": best["total"],
        "json": best.get("json", 0.0),
        "parse": best.get("parse", 0.0),
        "normalise": best.get("normalise", 0.0),
        "rules": best.get("rules", 0.0),
    }
    out["walk"] = split - out["parse"] - out["normalise"]
    out["tree"] = content_stage - split - out["rules"]
    out["fields"] = best["total"] - out["json"] - content_stage
    free_walk = (
        out["total"]
        - out["walk"]
        - out["normalise"]
        - max(0.0, out["parse"] - floor_parse)
    )
    ratios = {key: value / floor for key, value in out.items()}
    ratios[BOUNDS[0]] = free_walk / floor
    ratios[BOUNDS[1]] = (free_walk - out["rules"] - out["tree"]) / floor
    return ratios


def measure_stages(
    seed: inputs.PostInput | None, corpus: list[inputs.PostInput], *, quick: bool
) -> dict[str, dict[str, float]]:
    """``{"seed": ratios, "corpus median": ratios}`` for what is there."""
    undo = [
        _timed(sections, "split_content", "split"),
        _timed(sections, "heading_styles", "rules"),
        _timed(walk, "content_root", "parse"),
        _timed(walk, "normalise", "normalise"),
        _timed(post_module, "build_content", "content"),
        _timed(dispatch, "decode_input_clean", "json"),
    ]
    try:
        result: dict[str, dict[str, float]] = {}
        if seed is not None:
            result["seed"] = _stages(seed, 20 if quick else 200, 3 if quick else 5)
        if corpus:
            each = [_stages(post, 2 if quick else 10, 3) for post in corpus]
            result["corpus median"] = {
                key: statistics.median(ratios[key] for ratios in each)
                for key in each[0]
            }
        return result
    finally:
        for restore in undo:
            restore()


def stage_lines(modes: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    """The Markdown table: a row per stage, a column per mode and input."""
    columns = [(mode, where) for mode, found in modes.items() for where in found]
    head = "| x the floor | " + " | ".join(f"{w}, {m}" for m, w in columns) + " |"
    lines = [head, "|---" * (len(columns) + 1) + "|"]
    for key in ("total", *STAGES, *BOUNDS):
        label = f"bound: {key}" if key in BOUNDS else key
        cells = " | ".join(f"{modes[m][w][key]:.2f}x" for m, w in columns)
        lines.append(f"| {label} | {cells} |")
    return lines
