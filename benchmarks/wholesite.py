"""
Whole sites: peak memory of ``read_posts`` and the CLI's ``-j`` throughput.

Files are generated in a temporary directory and deleted afterwards.  Memory
is measured in a fresh subprocess (its own peak RSS, from ``getrusage``), so
nothing the benchmark itself holds is counted.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import inputs

__all__ = ["cli_has_jobs", "cli_throughput", "read_posts_rss", "write_site_files"]

_CHILD = r"""
import json, resource, sys, time
import wpparse

def peak_kb():
    # VmHWM starts afresh at exec; ru_maxrss would carry the parent's peak over.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

base = peak_kb()
path = sys.argv[1]
start = time.perf_counter()
count = 0
chars = 0
for post in wpparse.read_posts(path):
    count += 1
    chars += len(post.title)
    for section in post.walk():
        for block in section.blocks:
            chars += len(block.text)
elapsed = time.perf_counter() - start
print(json.dumps({"count": count, "seconds": elapsed, "peak_kb": peak_kb(), "import_kb": base}))
"""


def write_site_files(folder: Path, size: int) -> tuple[Path, Path, int]:
    """Write a JSON array and a JSON Lines file of about *size* bytes each; return them and the post count."""
    array_path = folder / "site.json"
    lines_path = folder / "site.jsonl"
    count = 0
    written = 0
    with (
        array_path.open("w", encoding="utf-8") as arr,
        lines_path.open("w", encoding="utf-8") as jl,
    ):
        arr.write("[\n")
        for record in inputs.site_records(10**9):
            if written >= size:
                break
            if count:
                arr.write(",\n")
            arr.write(record)
            jl.write(record)
            jl.write("\n")
            written += len(record.encode("utf-8")) + 2
            count += 1
        arr.write("\n]\n")
    return array_path, lines_path, count


def _run_child(path: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"error": last[0]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def read_posts_rss(size: int) -> dict[str, Any]:
    """Peak RSS of ``read_posts`` over a JSON array and a JSON Lines file of *size* bytes."""
    import wpparse  # noqa: PLC0415

    if not hasattr(wpparse, "read_posts"):
        return {"skipped": "wpparse.read_posts is not on main yet (issue #5)"}
    folder = Path(tempfile.mkdtemp(prefix="wpparse-bench-"))
    try:
        start = time.perf_counter()
        array_path, lines_path, count = write_site_files(folder, size)
        made = time.perf_counter() - start
        print(
            f"  wrote 2 x {size / 1e6:,.0f} MB ({count:,} posts) in {made:.0f} s",
            file=sys.stderr,
        )
        out: dict[str, Any] = {"posts": count, "bytes": array_path.stat().st_size}
        for label, path in (("JSON array", array_path), ("JSON Lines", lines_path)):
            out[label] = _run_child(path)
            print(f"  read_posts over the {label}: {out[label]}", file=sys.stderr)
        return out
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def cli_has_jobs() -> bool:
    """Whether the installed ``wpparse`` command takes ``-j``."""
    proc = subprocess.run(
        [sys.executable, "-m", "wpparse", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    return " -j" in proc.stdout


def _machine_busy() -> float | None:
    """CPU seconds every process on the machine has used since boot (Linux), or None."""
    try:
        with Path("/proc/stat").open(encoding="ascii") as stat:
            fields = stat.readline().split()
    except OSError:
        return None
    # user nice system idle iowait irq softirq steal: all but idle and iowait.
    ticks = [int(value) for value in fields[1:9]]
    busy = sum(ticks) - ticks[3] - ticks[4]
    return busy / os.sysconf("SC_CLK_TCK")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed_run(command: list[str]) -> dict[str, float]:
    """Run *command*; return its wall time, its CPU time (workers included) and the others' CPU."""
    busy, cpu = _machine_busy(), _children_cpu()
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    wall = time.perf_counter() - start
    used = _children_cpu() - cpu
    after = _machine_busy()
    others = (
        max(0.0, after - busy - used)
        if after is not None and busy is not None
        else float("nan")
    )
    return {"wall": wall, "cpu": used, "others": others}


def cli_throughput(files: int, posts_per_file: int, runs: int) -> dict[str, Any]:
    """
    Time ``wpparse -f jsonl`` over a folder of files with ``-j 1`` and ``-j 2``.

    Runs alternate between the two.  Each run's wall time, CPU time (the
    command and its workers) and the CPU other processes on the machine used
    meanwhile are kept; the result is the fastest run of each, with the
    median CPU time (less noisy than the wall time on a shared machine).
    """
    if not cli_has_jobs():
        return {
            "skipped": "the wpparse command has no -j option on main yet (issue #5)"
        }
    folder = Path(tempfile.mkdtemp(prefix="wpparse-bench-cli-"))
    try:
        records = inputs.site_records(files * posts_per_file)
        names = []
        for n in range(files):
            path = folder / f"page-{n:04d}.json"
            batch = [next(records) for _ in range(posts_per_file)]
            path.write_text("[" + ",\n".join(batch) + "]", encoding="utf-8")
            names.append(str(path))
        command = [sys.executable, "-m", "wpparse", "-f", "jsonl", "-j"]
        load = os.getloadavg()
        samples: dict[str, list[dict[str, float]]] = {"1": [], "2": []}
        for _ in range(runs):
            for jobs in ("1", "2"):
                samples[jobs].append(_timed_run([*command, jobs, *names]))
        posts = files * posts_per_file
        out: dict[str, Any] = {
            "posts": posts,
            "cpus": os.cpu_count(),
            "load": load,
            "runs": runs,
        }
        for jobs, runs_of in samples.items():
            best = min(runs_of, key=lambda sample: sample["wall"])
            out[f"j{jobs}_seconds"] = best["wall"]
            out[f"j{jobs}_posts_per_s"] = posts / best["wall"]
            out[f"j{jobs}_others"] = best["others"] / best["wall"]
            out[f"j{jobs}_cpu"] = statistics.median(s["cpu"] for s in runs_of)
        out["speedup"] = out["j1_seconds"] / out["j2_seconds"]
        return out
    finally:
        shutil.rmtree(folder, ignore_errors=True)
