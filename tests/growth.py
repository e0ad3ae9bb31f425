"""One timer for the linear-time tests: CPU time, best of a few rounds, no collector."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def cpu_seconds(run: Callable[[], object], rounds: int = 5, loops: int = 1) -> float:
    """
    The best of *rounds* timings of *loops* calls of *run*, in CPU seconds.

    CPU time, not wall time: other processes on a loaded machine do not count.
    The collector is off while timing: its passes grow with the number of live
    objects, not with the algorithm under test.
    """
    best = float("inf")
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            start = time.process_time()
            for _ in range(loops):
                run()
            best = min(best, time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best
