"""
Scaling: does doubling the input at most about double the time?

Each shape is generated at 1/16, 1/8, 1/4, 1/2 and all of the size the issue
names; for each size the floor, ``parse_post`` (everything read) and every
renderer are timed.  The slope between two sizes is ``log2(t2 / t1) /
log2(n2 / n1)``: 1.0 is linear, 2.0 quadratic.  A RecursionError (or any other
exception) is reported in place of the time.
"""

from __future__ import annotations

import math
import statistics
import sys
from collections.abc import Callable, Sequence

import inputs
import tools
from timing import Failed, measure

__all__ = ["Series", "hostile_series", "realistic_series", "slopes"]


class Series:
    """The timings of one shape at growing sizes."""

    def __init__(self, name: str, unit: str) -> None:
        self.name = name
        self.unit = unit
        self.sizes: list[int] = []
        self.times: dict[str, list[float | Failed]] = {}

    def add(self, size: int, times: dict[str, float | Failed]) -> None:
        self.sizes.append(size)
        for name, value in times.items():
            self.times.setdefault(name, []).append(value)


def slopes(
    sizes: Sequence[int], times: Sequence[float | Failed]
) -> tuple[float, float] | Failed:
    """
    Return (slope fitted over the larger half of the sizes, slope of the last doubling).

    The small sizes are left out of the fit: there a fixed cost per post hides
    how the time grows, and a quadratic term shows only at the large ones.
    """
    values: list[float] = []
    for value in times:
        if isinstance(value, Failed):
            return value
        values.append(value)
    xs = [math.log2(s) for s in sizes]
    ys = [math.log2(t) for t in values]
    half = max(0, len(xs) - max(3, (len(xs) + 1) // 2))
    xs_fit, ys_fit = xs[half:], ys[half:]
    mean_x, mean_y = statistics.fmean(xs_fit), statistics.fmean(ys_fit)
    fit = sum(
        (x - mean_x) * (y - mean_y) for x, y in zip(xs_fit, ys_fit, strict=True)
    ) / sum((x - mean_x) ** 2 for x in xs_fit)
    last = (ys[-1] - ys[-2]) / (xs[-1] - xs[-2])
    return fit, last


def _time_sizes(
    series: Series, make: Callable[[int], str], sizes: Sequence[int], rounds: int
) -> Series:
    for size in sizes:
        post = inputs.generated_post(make(size), name=f"{series.name} {size}")
        funcs = tools.contenders(post, peers=False)
        series.add(
            size, measure(funcs, rounds=rounds, min_sample=0.05, interleave=False)
        )
        print(f"  {series.name}: {size:,} {series.unit} done", file=sys.stderr)
    return series


def realistic_series(max_kb: int, rounds: int) -> Series:
    """Realistic generated content from 10 KB, doubling up to *max_kb*."""
    sizes = []
    kb = 10
    while kb <= max_kb:
        sizes.append(kb * 1000)
        kb *= 2
    return _time_sizes(
        Series("realistic content", "bytes"), inputs.generated_content, sizes, rounds
    )


def hostile_series(scale: float, rounds: int) -> list[Series]:
    """Each hostile shape at 1/16 .. 1/1 of *scale* times the size the issue names."""
    limit = sys.getrecursionlimit()
    out = []
    for name, (make, full, unit) in inputs.HOSTILE.items():
        top = max(16, int(full * scale))
        sizes = [top // 16, top // 8, top // 4, top // 2, top]
        out.append(_time_sizes(Series(name, unit), make, sizes, rounds))
    assert sys.getrecursionlimit() == limit, "something raised the recursion limit"
    return out
