"""
Memory of a SiteIndex over a large site, against reading the same posts with ``read_posts``.

Writes N synthetic posts as JSON Lines (a few paragraphs each, five links to
other posts of the site, one to another site, a featured image embedded), then
runs each case in a fresh interpreter and reports its peak RSS (``VmHWM``):

* ``baseline``: ``import wpparse`` only;
* ``read_posts``: every post read and dropped (streaming);
* ``SiteIndex``: ``SiteIndex(read_objects(path))`` and every link resolved
  (``links()`` and one ``links_to()``), so the index is complete;
* ``SiteIndex (traced)``: the same under :mod:`tracemalloc`, which also gives
  what the index holds once built (its retained size).

Run: ``python benchmarks/site_memory.py [N] [--untraced]`` (default 200000;
``--untraced`` leaves out the slow traced case).  Numbers are reported, not
asserted: docs/site.md quotes them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SITE = "https://example.org"

_PEAK = """
def peak_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

CASES = {
    "baseline": "import wpparse",
    "read_posts": (
        "import wpparse\nn = sum(1 for _ in wpparse.read_posts(PATH, strict=True))\n"
        "assert n == COUNT, n"
    ),
    "SiteIndex": (
        "import wpparse\nindex = wpparse.SiteIndex(wpparse.read_objects(PATH, strict=True))\n"
        "rows = sum(1 for row in index.links() if row[2] is not None)\n"
        "index.links_to(next(iter(index)))\nassert len(index) >= COUNT, len(index)"
    ),
    "SiteIndex (traced)": (
        "import tracemalloc, wpparse\ntracemalloc.start()\n"
        "index = wpparse.SiteIndex(wpparse.read_objects(PATH, strict=True))\n"
        "rows = sum(1 for row in index.links() if row[2] is not None)\n"
        "index.links_to(next(iter(index)))\n"
        "held, traced_peak = tracemalloc.get_traced_memory()\n"
        "EXTRA = {'held_mib': held / 2**20, 'traced_peak_mib': traced_peak / 2**20, 'rows': rows}"
    ),
}

MEASURE = (
    _PEAK
    + """
import json, sys, time
PATH, COUNT = sys.argv[1], int(sys.argv[2])
EXTRA = {{}}
start = time.perf_counter()
{code}
elapsed = time.perf_counter() - start
print(json.dumps({{"peak_mib": peak_kib() / 1024, "seconds": elapsed, **EXTRA}}))
"""
)


def post(n: int, count: int) -> dict[str, object]:
    """Post *n* of *count*: about 2 kB of content linking five other posts."""
    others = [(n * 7 + k * 7919) % count + 1 for k in range(5)]
    links = "".join(
        f'<p>See <a href="{SITE}/2026/03/post-{o}/">post {o}</a> for more on the river.</p>'
        for o in others
    )
    content = (
        f"<p>Every survey season somebody asks about the river ({n}).</p>"
        f'<h2 id="part-{n}">What we measured</h2>'
        + links
        + '<p>Readings stay within the limits; see <a href="https://maps.example.net/">the map</a>.</p>'
        + f'<figure><img src="{SITE}/wp-content/uploads/2026/03/photo-{n}-1024x683.jpg" '
        f'class="wp-image-{n + count}"></figure>'
    )
    return {
        "id": n,
        "date": "2026-03-01T10:00:00",
        "date_gmt": "2026-03-01T09:00:00",
        "slug": f"post-{n}",
        "type": "post",
        "link": f"{SITE}/2026/03/post-{n}/",
        "guid": {"rendered": f"{SITE}/?p={n}"},
        "title": {"rendered": f"Post &#8220;{n}&#8221;"},
        "content": {"rendered": content, "protected": False},
        "excerpt": {"rendered": "<p>Every survey season somebody asks [&hellip;]</p>"},
        "author": 1,
        "featured_media": n + count,
        "categories": [1],
        "tags": [],
        "_embedded": {
            "wp:featuredmedia": [
                {
                    "id": n + count,
                    "source_url": f"{SITE}/wp-content/uploads/2026/03/photo-{n}.jpg",
                    "media_details": {
                        "sizes": {
                            "large": {
                                "source_url": f"{SITE}/wp-content/uploads/2026/03/photo-{n}-1024x683.jpg"
                            }
                        }
                    },
                }
            ]
        },
    }


def write(folder: Path, count: int) -> Path:
    """Write the JSON Lines file, one post at a time."""
    path = folder / f"site-{count}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(1, count + 1):
            out.write(json.dumps(post(n, count)) + "\n")
    return path


def measure(code: str, path: Path, count: int) -> dict[str, float]:
    """Run *code* in a fresh interpreter; return its report."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE.format(code=code), str(path), str(count)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main(count: int, *, traced: bool = True) -> None:
    """Write the site and print one row per case."""
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        path = write(Path(tmp), count)
        size = path.stat().st_size / 2**20
        print(
            f"# {count} posts, {size:.0f} MiB, written in {time.perf_counter() - started:.0f} s"
        )
        print(f"{'case':<20} {'peak RSS MiB':>13} {'seconds':>8}  other")
        for case, code in CASES.items():
            if "traced" in case and not traced:
                continue
            result = measure(code, path, count)
            peak, seconds = result.pop("peak_mib"), result.pop("seconds")
            other = ", ".join(f"{k} {v:.1f}" for k, v in result.items())
            print(f"{case:<20} {peak:>13.1f} {seconds:>8.1f}  {other}", flush=True)


if __name__ == "__main__":
    numbers = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
    main(numbers[0] if numbers else 200_000, traced="--untraced" not in sys.argv)
