"""
Hostile input: is ``parse_post`` linear in the size of each hostile shape?

Each shape of issue #8 is built at 1/8, 1/4, 1/2 and all of the size the issue
names (``--scale`` shrinks them all), parsed whole through
:func:`wpparse.parse_post` (best of ``--rounds``), and the slope between the
two largest sizes printed: ``log2(t2 / t1)`` per doubling, 1.0 is linear,
2.0 quadratic.  An error that is a :class:`wpparse.WPParseError` is a result
(the clear error the issue asks for); anything else is printed as a crash.

Run: ``python benchmarks/hostile.py [--scale 0.25] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import json
import math
import time
import warnings
from collections.abc import Callable

import wpparse


def _post(content: str, title: str = "t") -> str:
    return json.dumps(
        {"id": 1, "title": {"rendered": title}, "content": {"rendered": content}}
    )


def _raw(raw: str) -> str:
    return json.dumps({"id": 1, "content": {"rendered": "<p>x</p>", "raw": raw}})


def _attributes(n: int, attr: str) -> str:
    return _post(
        "<p>a <b " + " ".join(attr.format(i=i) for i in range(n)) + ">b</b> c</p>"
    )


SHAPES: dict[str, tuple[Callable[[int], str | bytes], int, str]] = {
    "JSON nesting (error)": (lambda n: "[" * n + "]" * n, 100_000, "levels"),
    "JSON nesting in a post (error)": (
        lambda n: '{"id": 1, "x": ' + "[" * n + "]" * n + "}",
        100_000,
        "levels",
    ),
    "one long string (slug)": (
        lambda n: json.dumps({"id": 1, "slug": "x" * n}),
        50_000_000,
        "chars",
    ),
    "one long text node (content)": (
        lambda n: _post("<p>" + "x" * n + "</p>"),
        50_000_000,
        "chars",
    ),
    "HTML nesting (span)": (
        lambda n: _post("<span>" * n + "deep" + "</span>" * n),
        10_000,
        "levels",
    ),
    "HTML nesting the repair cannot follow": (
        lambda n: _post("<span><div>x</span>" * n),
        10_000,
        "levels",
    ),
    "attributes a0=1 on one tag": (
        lambda n: _attributes(n, "a{i}=1"),
        1_000_000,
        "attributes",
    ),
    "bare attributes on one tag": (
        lambda n: _attributes(n, "a{i}"),
        1_000_000,
        "attributes",
    ),
    "attributes hiding '>' on one tag": (
        lambda n: _attributes(n, 'a{i}=">"'),
        1_000_000,
        "attributes",
    ),
    "'<a' without '>'": (lambda n: _post("<a" * n), 1_000_000, "tags"),
    "lone surrogate escapes": (
        lambda n: '{"id": 1, "content": {"rendered": "' + "<p>a\\ud800</p>" * n + '"}}',
        100_000,
        "surrogates",
    ),
    "stray </body>": (lambda n: _post("<p>a</p></body>" * n), 100_000, "tags"),
    "invalid UTF-8": (
        lambda n: b'{"id": 1, "slug": "' + b"\xff" * n + b'"}',
        10_000_000,
        "bytes",
    ),
    "trailing garbage": (lambda n: '{"id": 1}' + "</html>" * n, 1_000_000, "tags"),
    # Issue #20: block delimiters in content.raw, shortcodes in content.rendered.
    "nested blocks (content.raw)": (
        lambda n: _raw("<!-- wp:group -->" * n + "<!-- /wp:group -->" * n),
        100_000,
        "levels",
    ),
    "unclosed nested blocks (content.raw)": (
        lambda n: _raw("<!-- wp:group -->x" * n),
        100_000,
        "levels",
    ),
    "unclosed block comments (content.raw)": (
        lambda n: _raw('<!-- wp:x {"a":1} --' * n),
        100_000,
        "comments",
    ),
    "block attributes (content.raw)": (
        lambda n: _raw('<!-- wp:x {"a":"' + "a" * n + '"} /-->'),
        10_000_000,
        "chars",
    ),
    "nested shortcode pairs": (
        lambda n: _post("<p>" + "[vc_row]" * n + "x" + "[/vc_row]" * n + "</p>"),
        100_000,
        "levels",
    ),
    "unclosed shortcodes": (
        lambda n: _post("<p>" + "[vc_row a=1 " * n + "</p>"),
        100_000,
        "tags",
    ),
    "shortcode attributes": (
        lambda n: _post('<p>[gallery ids="' + "1," * n + '"]</p>'),
        5_000_000,
        "chars",
    ),
}


def _time(data: str | bytes, rounds: int) -> float | str:
    best = math.inf
    for _ in range(rounds):
        start = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", wpparse.WPParseWarning)
                wpparse.parse_post(data)
        except wpparse.WPParseError:
            pass
        except Exception as exc:  # noqa: BLE001 - a crash is what we report
            return f"crash: {type(exc).__name__}"
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Time every shape at four sizes and print the slopes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"{'shape':40} {'size':>11} {'seconds':>9}  slope")
    for name, (make, full, unit) in SHAPES.items():
        top = max(8, int(full * args.scale))
        previous: float | None = None
        for size in (top // 8, top // 4, top // 2, top):
            result = _time(make(size), args.rounds)
            if isinstance(result, str):
                print(f"{name:40} {size:>11,} {result}")
                break
            slope = ""
            if previous:
                slope = f"{math.log2(max(result, 1e-6) / max(previous, 1e-6)):.2f}"
            print(f"{name:40} {size:>11,} {result:9.4f}  {slope}")
            previous = result
        print(f"{'':40} ({unit})")


if __name__ == "__main__":
    main()
