"""
wpparse's benchmark: ``nox -s bench`` (or ``python benchmarks/bench.py``).

Prints, as Markdown, in one run:

1. the machine and the cost of ``import wpparse``;
2. µs per post and the ratio to the floor (``json.loads`` +
   ``lxml.html.fragments_fromstring(content)``) for ``parse_post``, each
   renderer and the peers, on the seed post, the corpus median and generated
   posts of growing size, and whether the targets hold;
3. how time grows with input size, on realistic and on hostile content;
4. peak RSS of ``read_posts`` over a whole site, and the CLI's ``-j 2`` speedup;
5. where ``parse_post``'s time goes, stage by stage, in both modes, and what a
   content stage costing nothing would leave (``benchmarks/stages.py``).

``--write-docs`` also puts the report into ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import lxml.etree

import inputs
import scaling
import stages
import tools
import wholesite as site_bench
import wpparse
from timing import Failed, measure

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"

Result = dict[str, float | Failed]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _nproc() -> str:
    try:
        return subprocess.run(
            ["nproc"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        import os  # noqa: PLC0415

        return str(os.cpu_count())


def _git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine() -> list[str]:
    """The machine facts the table depends on."""
    libxml = ".".join(map(str, lxml.etree.LIBXML_VERSION))
    lxml_version = ".".join(map(str, lxml.etree.LXML_VERSION))
    load = (
        " ".join(Path("/proc/loadavg").read_text().split()[:3])
        if Path("/proc/loadavg").exists()
        else "?"
    )
    return [
        f"- CPU: {_cpu_model()}, `nproc` = {_nproc()} (load average at start: {load})",
        (
            f"- Python {platform.python_version()} ({platform.python_implementation()}), "
            f"lxml {lxml_version} (libxml2 {libxml}), {platform.system()} {platform.machine()}"
        ),
        f"- wpparse: {_mode()}",
        f"- wpparse at commit `{_git_commit()}`, run on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
    ]


# ------------------------------------------------------------------ import time

_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")


def import_time(runs: int = 5) -> list[str]:
    """``python -X importtime -c "import wpparse"``: best total of *runs*, and what it pulls in."""
    best: list[tuple[int, int, str]] | None = None
    best_total = 0
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import wpparse"],
            capture_output=True,
            text=True,
            check=True,
        )
        rows: list[tuple[int, int, str]] = []
        for line in proc.stderr.splitlines():
            match = _IMPORT_LINE.match(line)
            if not match:
                continue
            if match[4] != "wpparse" and len(match[3]) <= 1:
                rows = []  # a top-level import before wpparse: interpreter start-up
                continue
            rows.append((int(match[1]), int(match[2]), match[4]))
        total = next(cum for _, cum, name in rows if name == "wpparse")
        if best is None or total < best_total:
            best, best_total = rows, total
    assert best is not None
    names = {name.split(".")[0] for _, _, name in best}
    first: dict[str, int] = {}
    for _, cum, name in best:  # a package's first import is its biggest line
        root = name.split(".")[0]
        if root != "wpparse":
            first[root] = max(first.get(root, 0), cum)
    heavy = sorted(((cum, root) for root, cum in first.items()), reverse=True)[:6]
    return [
        (
            f"`import wpparse`: **{best_total / 1000:.1f} ms** (best of {runs} fresh processes). "
            f"bs4 imported: **{'yes' if 'bs4' in names else 'no'}**; "
            f"lxml imported: **{'yes' if 'lxml' in names else 'no'}**."
        ),
        "",
        "Biggest packages it pulls in (cumulative): "
        + ", ".join(f"`{name}` {cum / 1000:.1f} ms" for cum, name in heavy)
        + ".",
    ]


# ------------------------------------------------------------------ per-post table


def _us(value: float | Failed) -> str:
    if isinstance(value, Failed):
        return str(value)
    return f"{value * 1e6:,.0f}"


def _cell(value: float | Failed, floor: float | Failed) -> str:
    if isinstance(value, Failed) or isinstance(floor, Failed):
        return str(value) if isinstance(value, Failed) else _us(value)
    return f"{_us(value)} ({value / floor:.2f}x)"


def _corpus_median(
    posts: list[inputs.PostInput], rounds: int, *, peers: bool = True
) -> tuple[Result, dict[str, float]]:
    """Median µs per contender over the posts, and the median of each contender's per-post ratio."""
    per_post: list[Result] = []
    for n, post in enumerate(posts, 1):
        per_post.append(
            measure(
                tools.contenders(post, peers=peers), rounds=rounds, min_sample=0.002
            )
        )
        if n % 25 == 0:
            print(f"  corpus: {n}/{len(posts)} posts", file=sys.stderr)
    times: Result = {}
    ratios: dict[str, float] = {}
    for name in per_post[0]:
        pairs: list[tuple[float, float]] = []
        for result in per_post:
            value, floor = result[name], result["floor"]
            if isinstance(value, Failed):
                times[name] = value  # one failure fails the column
                break
            if isinstance(floor, float):
                pairs.append((value, floor))
        else:
            times[name] = statistics.median(v for v, _ in pairs)
            ratios[name] = statistics.median(v / f for v, f in pairs)
    return times, ratios


def per_post_table(args: argparse.Namespace) -> tuple[list[str], dict[str, Any]]:
    """Time every contender on each input; return the Markdown table and the raw numbers."""
    columns: list[Column] = []
    peers = not args.no_peers
    seed = inputs.seed_post()
    first = seed or inputs.sample_post()
    label = "seed post" if seed else "sample post (no corpus)"
    print(f"timing the {label} ...", file=sys.stderr)
    columns.append(
        (
            f"{label} ({len(first.content) / 1000:.1f} KB)",
            measure(tools.contenders(first, peers=peers), rounds=args.rounds),
            {},
        )
    )
    corpus = [] if args.no_corpus else inputs.corpus_posts()[: args.corpus_limit]
    if corpus:
        print(f"timing {len(corpus)} corpus posts ...", file=sys.stderr)
        times, ratios = _corpus_median(corpus, max(3, args.rounds // 3), peers=peers)
        columns.append((f"corpus median ({len(corpus)} posts)", times, ratios))
    for kb in args.generated:
        post = inputs.generated_post(
            inputs.generated_content(kb * 1000), name=f"generated {kb} KB"
        )
        print(f"timing {post.name} ...", file=sys.stderr)
        columns.append(
            (
                f"generated {kb} KB",
                measure(
                    tools.contenders(post, peers=peers),
                    rounds=max(3, args.rounds // 2),
                ),
                {},
            )
        )
    if args.json_out:
        _dump_columns(columns, args.json_out)
    elif _compiled() and not args.no_pure:
        _add_pure_rows(columns, args)
    return _table(columns), {"columns": columns}


def _compiled() -> bool:
    """Whether this process runs wpparse's compiled extension (``wpparse.COMPILED``)."""
    return bool(getattr(wpparse, "COMPILED", False))


def _mode() -> str:
    if _compiled():
        return "compiled extension"
    if os.environ.get("WPPARSE_NO_EXTENSIONS"):
        return "pure Python (`WPPARSE_NO_EXTENSIONS=1`)"
    return "pure Python (no compiled extension built)"


def _dump_columns(columns: list[Column], path: str) -> None:
    """Write *columns* as JSON, for the parent run that asked for them."""
    data = [
        {
            "label": label,
            "times": {k: v for k, v in result.items() if isinstance(v, float)},
            "failed": {k: str(v) for k, v in result.items() if isinstance(v, Failed)},
            "ratios": ratios,
        }
        for label, result, ratios in columns
    ]
    Path(path).write_text(json.dumps(data), encoding="utf-8")


def _add_pure_rows(columns: list[Column], args: argparse.Namespace) -> None:
    """
    Time wpparse's rows again with ``WPPARSE_NO_EXTENSIONS=1`` in a child process.

    The child measures its own floor, so each ``@pure`` row's ratio is to the
    floor of the same process and the same rounds; its time sits beside the
    compiled one in this table.
    """
    print("timing the pure-Python path (WPPARSE_NO_EXTENSIONS=1) ...", file=sys.stderr)
    child = _pure_child(
        args, "table", "--json-out", "--no-peers", f"--rounds={args.rounds}"
    )
    for (label, result, ratios), theirs in zip(columns, child, strict=True):
        assert label == theirs["label"], (label, theirs["label"])
        floor = theirs["times"].get("floor")
        for name in ("parse_post", "parse_post_html", *tools.RENDERERS):
            key = f"{name}{PURE}"
            if name in theirs["failed"]:
                result[key] = Failed(RuntimeError(theirs["failed"][name]))
            elif name in theirs["times"]:
                result[key] = theirs["times"][name]
                ratio = theirs["ratios"].get(name)
                if ratio is None and floor:
                    ratio = theirs["times"][name] / floor
                if ratio is not None:
                    ratios[key] = ratio


def _pure_child(
    args: argparse.Namespace, part: str, out_option: str, *more: str
) -> Any:
    """
    Run this benchmark's *part* with ``WPPARSE_NO_EXTENSIONS=1`` in a child
    process, which writes its numbers as JSON to the file *out_option* names;
    return them.  The child gets this run's input options, and *more*.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pure.json"
        cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            f"--only={part}",
            f"{out_option}={out}",
            *more,
        ]
        if args.quick:
            cmd.append("--quick")
        if args.no_corpus:
            cmd.append("--no-corpus")
        if args.corpus_limit:
            cmd.append(f"--corpus-limit={args.corpus_limit}")
        env = {**os.environ, "WPPARSE_NO_EXTENSIONS": "1"}
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
        return json.loads(out.read_text(encoding="utf-8"))


def _table(columns: list[Column]) -> list[str]:
    first = columns[0][1]
    rows: list[str] = []
    for name in first:  # each pure-Python row right under its compiled twin
        if not name.endswith(PURE):
            rows += [name, *([f"{name}{PURE}"] if f"{name}{PURE}" in first else [])]
    header = (
        "| µs per post (ratio to floor) | " + " | ".join(c[0] for c in columns) + " |"
    )
    lines = [header, "|---" * (len(columns) + 1) + "|"]
    for name in rows:
        cells = []
        for _, result, col_ratios in columns:
            value = result.get(name, Failed(KeyError(name)))
            if name in col_ratios and not isinstance(value, Failed):
                cells.append(f"{_us(value)} ({col_ratios[name]:.2f}x)")
            else:
                cells.append(_cell(value, result["floor"]))
        lines.append(f"| {_label(name)} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(
        "Renderers are timed on an already parsed post (render only); peers get the content HTML only "
        "(no JSON decoding). Corpus column: median of per-post times, and median of per-post ratios."
    )
    if tools.MISSING:
        lines.append("")
        lines.append(
            "Not measured: "
            + "; ".join(f"`{k}`: {v}" for k, v in tools.MISSING.items())
            + "."
        )
    return lines


PURE = "@pure"
Column = tuple[str, Result, dict[str, float]]

_LABELS = {
    "floor": "floor: `json.loads` + `fragments_fromstring`",
    "parse_post": "`parse_post` (everything read)",
    "parse_post_html": "`parse_post`, every `Block.html` and `heading_html` read too",
    "to_text": "`to_text` (render only)",
    "to_markdown": "`to_markdown` (render only)",
    "to_dict": "`to_dict` (render only)",
    "chunks": "`chunks(max_chars=1000)` (render only)",
    "bs4": 'BeautifulSoup(content, "lxml")',
    "trafilatura": "trafilatura `bare_extraction`",
    "markdownify": "markdownify",
    "html2text": "html2text",
}


def _label(name: str) -> str:
    if name.endswith(PURE):
        return f"{_LABELS.get(name.removesuffix(PURE), name)}, **pure Python**"
    return _LABELS.get(name, name)


def targets(raw: dict[str, Any]) -> list[str]:
    """
    Check the issues' targets against the columns of this run.

    Speed I's targets are for the pure-Python path (``WPPARSE_NO_EXTENSIONS=1``),
    Speed II's for the compiled extension; a run with the extension built
    checks both, a run without it checks Speed I's and says Speed II's were not
    measured.
    """
    columns: list[Column] = raw["columns"]
    out = ["| target | measured | holds |", "|---|---|---|"]

    def ratio(col: Column | None, name: str) -> float | None:
        """*name*'s ratio to the floor in *col* (its own process's floor)."""
        if col is None:
            return None
        _, result, ratios = col
        if name in ratios:
            return ratios[name]
        value, floor = result.get(name), result.get("floor")
        if isinstance(value, float) and isinstance(floor, float):
            return value / floor
        return None

    def over(col: Column | None, num: str, den: str) -> float | None:
        a, b = ratio(col, num), ratio(col, den)
        return None if a is None or b is None else a / b

    def row(
        what: str, value: float | None, limit: float, *, at_least: bool = False
    ) -> None:
        if value is None:
            out.append(f"| {what} | not measured | - |")
            return
        ok = value >= limit if at_least else value <= limit
        out.append(f"| {what} | {value:.2f}x | {'yes' if ok else '**no**'} |")

    seed_col = columns[0]
    corpus_col = next((c for c in columns if c[0].startswith("corpus")), None)
    compiled = _compiled()
    pure = PURE if compiled else ""
    places = (("seed", seed_col), ("corpus median", corpus_col))
    for label, suffix, limits, traf, md_limit in (
        ("pure Python", pure, (4.0, 4.5), 6.5, 1.3),
        ("compiled", "" if compiled else None, (2.0, 2.5), 10.0, None),
    ):
        if suffix is None:
            out.append(
                f"| {label}: every target | not measured (no compiled extension in this run) | - |"
            )
            continue
        parse = f"parse_post{suffix}"
        for (where, col), limit in zip(places, limits, strict=True):
            row(
                f"{label}: `parse_post` <= {limit}x floor, {where}",
                ratio(col, parse),
                limit,
            )
        for where, col in places:
            row(
                f"{label}: trafilatura / `parse_post` >= {traf}x, {where}",
                over(col, "trafilatura", parse),
                traf,
                at_least=True,
            )
        if md_limit is not None:
            for where, col in places:
                md = over(col, f"to_markdown{suffix}", parse)
                row(
                    f"{label}: parse + `to_markdown` <= {md_limit}x parse, {where}",
                    None if md is None else 1 + md,
                    md_limit,
                )
    return out


# ------------------------------------------------------------------ scaling


def _scaling_lines(series_list: list[scaling.Series]) -> list[str]:
    lines = [
        "| shape | sizes | contender | ms at each size | slope (larger half) | last doubling |",
        "|---|---|---|---|---|---|",
    ]
    for series in series_list:
        sizes = f"{series.sizes[0]:,}..{series.sizes[-1]:,} {series.unit}"
        for name, times in series.times.items():
            fit = scaling.slopes(series.sizes, times)
            ms = ", ".join(
                str(t) if isinstance(t, Failed) else f"{t * 1e3:,.3g}" for t in times
            )
            if isinstance(fit, Failed):
                lines.append(f"| {series.name} | {sizes} | {name} | {ms} | {fit} | - |")
            else:
                lines.append(
                    f"| {series.name} | {sizes} | {name} | {ms} | {fit[0]:.2f} | {fit[1]:.2f} ({2 ** fit[1]:.2f}x time) |"
                )
    lines.append("")
    lines.append(
        "Slope: log2 of the time ratio per doubling of input (1.0 is linear, 2.0 quadratic); "
        "*larger half* is the least-squares slope over the larger sizes (a fixed cost per post hides growth at the small ones), "
        "*last doubling* the step to the largest size, with its time ratio. "
        "An exception (such as RecursionError) would show in place of the time."
    )
    return lines


# ------------------------------------------------------------------ main


def _size(text: str) -> int:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kmg]?)b?", text.strip().lower())
    if not match:
        msg = f"not a size: {text!r} (try 50MB or 1GB)"
        raise argparse.ArgumentTypeError(msg)
    return int(float(match[1]) * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[match[2]])


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The benchmark's options."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer rounds and smaller inputs, for a smoke run",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=15,
        help="interleaved rounds per input (default 15)",
    )
    parser.add_argument(
        "--corpus-limit",
        type=int,
        default=None,
        help="time only the first N corpus posts",
    )
    parser.add_argument(
        "--no-corpus", action="store_true", help="skip the corpus column"
    )
    parser.add_argument(
        "--no-peers", action="store_true", help="time wpparse and the floor only"
    )
    parser.add_argument(
        "--no-pure",
        action="store_true",
        help="with the compiled extension, do not also time the pure-Python path",
    )
    parser.add_argument("--json-out", help=argparse.SUPPRESS)
    parser.add_argument("--stages-json-out", help=argparse.SUPPRESS)
    parser.add_argument(
        "--site-size",
        type=_size,
        default=_size("50MB"),
        help="size of each whole-site file for the read_posts RSS run (default 50MB; the issue's case is 1GB)",
    )
    parser.add_argument(
        "--only",
        default="import,table,stages,scaling,site,cli",
        help="comma-separated parts to run (default: import,table,stages,scaling,site,cli)",
    )
    parser.add_argument(
        "--write-docs",
        action="store_true",
        help=f"write the report into {DOCS.relative_to(ROOT)}",
    )
    args = parser.parse_args(argv)
    args.generated = [10, 100, 1000]
    args.scale = 1.0
    args.max_kb = 5120
    if args.quick:
        args.rounds = min(args.rounds, 5)
        args.corpus_limit = args.corpus_limit or 40
        args.generated = [10, 100]
        args.scale = 0.1
        args.max_kb = 640
        args.site_size = min(args.site_size, _size("5MB"))
    args.parts = set(args.only.split(","))
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report."""
    args = parse_args(argv)
    report = ["### Machine", "", *machine(), ""]
    if "import" in args.parts:
        report += ["### Import time", "", *import_time(), ""]
    if "table" in args.parts:
        table, raw = per_post_table(args)
        report += [
            "### Per post",
            "",
            *table,
            "",
            "### Targets in this run",
            "",
            *targets(raw),
            "",
        ]
    if "stages" in args.parts:
        found = _stages(args)
        if found is None:  # a child run for the parent's pure-Python column
            return 0
        report += [
            "### Where the time goes",
            "",
            "Each stage of `parse_post` as a multiple of the floor (see `benchmarks/stages.py`);",
            "the bounds are the ratio left if the walk and normalise cost nothing and the parse only the floor's own,",
            "and if the heading rules and the section tree cost nothing too.",
            "",
            *stages.stage_lines(found),
            "",
        ]
    if "scaling" in args.parts:
        print("scaling ...", file=sys.stderr)
        series = [
            scaling.realistic_series(args.max_kb, rounds=5),
            *scaling.hostile_series(args.scale, rounds=5),
        ]
        report += ["### Scaling", "", *_scaling_lines(series), ""]
    if "site" in args.parts:
        print("whole site ...", file=sys.stderr)
        report += [
            "### Whole site: `read_posts` peak RSS",
            "",
            *_site_lines(args.site_size),
            "",
        ]
    if "cli" in args.parts:
        print("cli -j ...", file=sys.stderr)
        report += ["### CLI throughput, `-j 1` vs `-j 2`", "", *_cli_lines(args), ""]
    text = "\n".join(report)
    print(text)
    if args.write_docs:
        _write_docs(text)
    return 0


def _stages(args: argparse.Namespace) -> dict[str, dict[str, dict[str, float]]] | None:
    """
    The stage ratios in this process's mode and, with the compiled extension,
    in pure Python too (a child run); ``None`` in that child, which writes them.
    """
    print(f"stages ({_mode()}) ...", file=sys.stderr)
    seed = inputs.seed_post()
    corpus = [] if args.no_corpus else inputs.corpus_posts()[: args.corpus_limit]
    mine = stages.measure_stages(seed or inputs.sample_post(), corpus, quick=args.quick)
    if seed is None:  # no corpus: the sample post shipped in examples/
        mine = {("sample post" if k == "seed" else k): v for k, v in mine.items()}
    if args.stages_json_out:
        Path(args.stages_json_out).write_text(json.dumps(mine), encoding="utf-8")
        return None
    found = {"compiled" if _compiled() else "pure Python": mine}
    if _compiled() and not args.no_pure:
        found["pure Python"] = _pure_child(args, "stages", "--stages-json-out")
    return found


def _site_lines(size: int) -> list[str]:
    result = site_bench.read_posts_rss(size)
    if "skipped" in result:
        return [f"Skipped: {result['skipped']}."]
    lines = [
        (
            f"{result['posts']:,} generated posts, {result['bytes'] / 1e6:,.0f} MB per file "
            "(each read in a fresh process; peak RSS is its `VmHWM`)."
        ),
        "",
        "| file | posts read | seconds | peak RSS | RSS after `import wpparse` | < 150 MB |",
        "|---|---|---|---|---|---|",
    ]
    for label in ("JSON array", "JSON Lines"):
        r = result[label]
        if "error" in r:
            lines.append(f"| {label} | error: {r['error']} | - | - | - | **no** |")
            continue
        peak = r["peak_kb"] / 1024
        lines.append(
            f"| {label} | {r['count']:,} | {r['seconds']:.1f} | {peak:.0f} MB | {r['import_kb'] / 1024:.0f} MB "
            f"| {'yes' if peak < 150 else '**no**'} |"
        )
    return lines


def _cli_lines(args: argparse.Namespace) -> list[str]:
    files, per_file = (8, 25) if args.quick else (40, 50)
    runs = 3 if args.quick else 5
    result = site_bench.cli_throughput(files, per_file, runs=runs)
    if "skipped" in result:
        return [f"Skipped: {result['skipped']}."]
    ok = result["speedup"] >= 1.7
    load = ", ".join(f"{value:.2f}" for value in result["load"])
    size = (
        "a smoke run: Python's start-up and `import wpparse` (about 0.1 s, paid "
        "once by either) weigh on so little work"
        if args.quick
        else "about 3.5 s of work for one process"
    )
    return [
        (
            f"{result['posts']:,} posts in {files} files, `wpparse -f jsonl` to "
            f"/dev/null, {result['cpus']} CPUs, runs alternating, best of {runs} each "
            f"({size}). Load average before: {load}."
        ),
        "",
        "| `-j` | seconds | posts/s | CPU seconds, workers included (median) | other processes' CPU share during the best run |",
        "|---|---|---|---|---|",
        *(
            f"| {jobs} | {result[f'j{jobs}_seconds']:.2f} | {result[f'j{jobs}_posts_per_s']:,.0f} "
            f"| {result[f'j{jobs}_cpu']:.2f} | {result[f'j{jobs}_others']:.0%} of a CPU |"
            for jobs in (1, 2)
        ),
        "",
        (
            f"Speedup: **{result['speedup']:.2f}x** (target >= 1.7x: {'yes' if ok else '**no**'}). "
            f"`-j 2` costs {result['j2_cpu'] / result['j1_cpu'] - 1:.0%} more CPU than `-j 1` "
            "(start-up and moving the output through the parent); while other processes "
            "use the CPUs, two workers cannot have two of them."
        ),
    ]


def _write_docs(text: str) -> None:
    page = DOCS.read_text(encoding="utf-8")
    if START not in page or END not in page:
        msg = f"{DOCS} has no {START} ... {END} markers"
        raise SystemExit(msg)
    head, _, rest = page.partition(START)
    _, _, tail = rest.partition(END)
    DOCS.write_text(f"{head}{START}\n\n{text}\n\n{END}{tail}", encoding="utf-8")
    print(f"wrote {DOCS}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
