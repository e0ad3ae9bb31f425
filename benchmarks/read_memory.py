"""
Peak memory of reading a large collection from disk, streaming vs loading whole.

Writes a JSON array of N small posts and the same as JSON Lines, then reads each
in a fresh subprocess and reports its peak RSS (``resource.getrusage``):

* ``baseline``: ``import wpparse`` only;
* ``read_posts``: ``for post in wpparse.read_posts(path)`` (streaming);
* ``json.load``: the whole file decoded at once, for comparison.

Run: ``python benchmarks/read_memory.py [N ...]`` (default: 20000 200000).
Numbers are reported, not asserted: see docs/reading.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = {
    "baseline": "import wpparse",
    "read_posts": (
        "import wpparse\n"
        "n = sum(1 for _ in wpparse.read_posts(PATH, strict=True))\n"
        "assert n == COUNT, n"
    ),
    "json.load": (
        "import json, wpparse\n"
        "with open(PATH, encoding='utf-8') as f:\n"
        "    data = [json.loads(line) for line in f] if PATH.endswith('l') else json.load(f)\n"
        "assert len(data) == COUNT"
    ),
}

MEASURE = """
import resource, sys, time
PATH, COUNT = sys.argv[1], int(sys.argv[2])
start = time.perf_counter()
{code}
elapsed = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak_kib, elapsed)
"""


def post(n: int) -> dict[str, object]:
    """A small post, shaped like a trimmed REST response."""
    return {
        "id": n,
        "date": "2024-05-01T12:00:00",
        "date_gmt": "2024-05-01T10:00:00",
        "slug": f"post-{n}",
        "type": "post",
        "link": f"https://example.org/post-{n}/",
        "title": {"rendered": f"Post &#8220;{n}&#8221;"},
        "excerpt": {"rendered": f"<p>Excerpt of post {n} [&hellip;]</p>"},
        "author": 1,
        "categories": [1, 2],
        "tags": [],
    }


def write(folder: Path, count: int) -> tuple[Path, Path]:
    """Write the array file and the JSON Lines file, one post at a time."""
    array, lines = folder / f"posts-{count}.json", folder / f"posts-{count}.jsonl"
    with array.open("w", encoding="utf-8") as a, lines.open("w", encoding="utf-8") as j:
        a.write("[\n")
        for n in range(count):
            text = json.dumps(post(n))
            a.write(("" if n == 0 else ",\n") + text)
            j.write(text + "\n")
        a.write("\n]\n")
    return array, lines


def measure(code: str, path: Path, count: int) -> tuple[float, float]:
    """Return (peak RSS in MiB, seconds) of *code* run in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE.format(code=code), str(path), str(count)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return int(out[0]) / 1024, float(out[1])


def main(counts: list[int]) -> None:
    """Write the files for each count and print one table row per file and case."""
    print(
        f"{'file':<26} {'size MiB':>9} {'case':<11} {'peak RSS MiB':>13} {'seconds':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            started = time.perf_counter()
            files = write(Path(tmp), count)
            print(
                f"# wrote {count} posts twice in {time.perf_counter() - started:.1f} s"
            )
            for path in files:
                size = path.stat().st_size / 2**20
                for case, code in CASES.items():
                    peak, seconds = measure(code, path, count)
                    print(
                        f"{path.name:<26} {size:>9.1f} {case:<11} {peak:>13.1f} {seconds:>8.2f}"
                    )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [20_000, 200_000])
