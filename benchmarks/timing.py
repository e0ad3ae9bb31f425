"""
Interleaved timing: every contender is measured in the same rounds.

The machine is shared and noisy, and the targets are *ratios* measured in the
same run.  So instead of timing one function for a while and then the next
(as pyperf or timeit would), each round times every function once, one after
the other; a burst of load from elsewhere then hits all of them alike.  One
sample is a loop of calls lasting at least ``min_sample`` seconds; the result
for a function is its fastest sample per call, the one least disturbed by
other processes (as :mod:`timeit` advises), which still pays for garbage
collection because a sample holds many calls.

For big inputs (one call is a sample) interleaving works against the
measurement: freeing one contender's huge tree slows the next one's first
allocations.  ``interleave=False`` times each function in a block of its own.

Time is the process's CPU time (:func:`time.process_time`, nanosecond
resolution on Linux), not wall time: on a machine with more busy processes
than cores, wall time also counts the moments the benchmark waited for a core.
Everything timed runs in this one thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

__all__ = ["Failed", "measure", "run_once"]

Timer = Callable[[], int]


class Failed:
    """A contender that raised: the exception's type names the failure in the table."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def __str__(self) -> str:
        return f"error: {type(self.exc).__name__}"


def _loop(func: Callable[[], object], loops: int) -> float:
    start = time.process_time()
    for _ in range(loops):
        func()
    return time.process_time() - start


def run_once(func: Callable[[], object]) -> float | Failed:
    """Call *func* once and return the seconds it took, or a :class:`Failed`."""
    try:
        return _loop(func, 1)
    except Exception as exc:  # noqa: BLE001 - the table reports it
        return Failed(exc)


def _calibrate(func: Callable[[], object], min_sample: float) -> int:
    """Return how many calls make one sample last at least *min_sample* seconds."""
    loops = 1
    while True:
        elapsed = _loop(func, loops)
        if elapsed >= min_sample or loops >= 1_000_000:
            return loops
        if elapsed <= 0:
            loops *= 10
            continue
        loops = max(loops + 1, int(loops * min_sample / elapsed * 1.1) + 1)


def measure(
    funcs: Mapping[str, Callable[[], object]],
    *,
    rounds: int = 7,
    min_sample: float = 0.02,
    interleave: bool = True,
) -> dict[str, float | Failed]:
    """
    Return the fastest sample's seconds per call of each function.

    A function that raises is reported as :class:`Failed` and left out of the
    later rounds; the others go on.
    """
    loops: dict[str, int] = {}
    result: dict[str, float | Failed] = {}
    for name, func in funcs.items():
        try:
            func()  # warm up caches and lazy imports before calibrating
            loops[name] = _calibrate(func, min_sample)
        except Exception as exc:  # noqa: BLE001 - the table reports it
            result[name] = Failed(exc)
    samples: dict[str, list[float]] = {name: [] for name in loops}
    if interleave:
        for _ in range(rounds):
            for name, count in loops.items():
                samples[name].append(_loop(funcs[name], count) / count)
    else:
        for name, count in loops.items():
            samples[name].extend(
                _loop(funcs[name], count) / count for _ in range(rounds)
            )
    for name, values in samples.items():
        result[name] = min(values)
    return {name: result[name] for name in funcs}
