"""
Look at the built docs the way a reader does: render pages in headless Chromium.

Usage: ``python docs/_support/screenshots.py HTML_DIR OUT_DIR``.  For each page
it saves a PNG and the DOM after scripts ran, and fails (exit status 1) when a
page is blank, lacks its title, or shows a build problem (a docutils system
message, a Python traceback, an unresolved reference).  ``nox -s screenshots``
runs it; it needs Debian's ``chromium`` and Pillow.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageStat

# page -> text its main heading must contain
PAGES = {
    "index.html": "wpparse",
    "tutorial.html": "Tutorial",
    "api.html": "API Reference",
}
WIDTH, HEIGHT = 1280, 1800
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    f"--window-size={WIDTH},{HEIGHT}",
]
# What a page shows when the build went wrong.
BUILD_ERRORS = [
    re.compile(r'class="[^"]*\bsystem-message\b'),
    re.compile(r'class="[^"]*\bproblematic\b'),
    re.compile(r"Traceback \(most recent call last\)"),
    re.compile(r"\bERROR/\d\b|\bWARNING/\d\b"),
]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("chromium not found: install Debian's package (apt-get install chromium)")


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _problems_with_image(png: Path) -> list[str]:
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        if rgb.size != (WIDTH, HEIGHT):
            return [f"screenshot is {rgb.size}, expected {(WIDTH, HEIGHT)}"]
        grey = rgb.convert("L")
        spread = ImageStat.Stat(grey).stddev[0]
        histogram = grey.histogram()
        background = histogram.index(max(histogram))
        ink = sum(n for v, n in enumerate(histogram) if abs(v - background) > 48) / (
            WIDTH * HEIGHT
        )
        colours = len(rgb.getcolors(WIDTH * HEIGHT) or [])
    problems = []
    if spread < 5 or ink < 0.01:  # blank or near-blank
        problems.append(f"page looks blank (stddev {spread:.1f}, ink {ink:.2%})")
    if colours < 16:  # antialiased text alone gives hundreds
        problems.append(f"only {colours} colours: no text rendered?")
    print(f"  {png.name}: stddev {spread:.1f}, ink {ink:.2%}, {colours} colours")
    return problems


def _problems_with_dom(dom: str, heading: str) -> list[str]:
    # Examples may show a traceback on purpose: look outside code blocks only.
    prose = re.sub(r"<pre\b.*?</pre>", "", dom, flags=re.DOTALL)
    problems = [
        f"shows a build error ({rx.pattern})" for rx in BUILD_ERRORS if rx.search(prose)
    ]
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", dom, re.DOTALL)
    if h1 is None or heading not in re.sub(r"<[^>]+>", "", h1.group(1)):
        problems.append(f"no <h1> containing {heading!r}")
    if len(re.sub(r"<[^>]+>", " ", dom).split()) < 100:
        problems.append("fewer than 100 words of text")
    return problems


def main(html_dir: Path, out_dir: Path) -> int:
    """Screenshot every page in :data:`PAGES`; return the exit status."""
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = False
    for page, heading in PAGES.items():
        source = (html_dir / page).resolve()
        if not source.is_file():
            print(f"{page}: not built ({source} is missing)")
            failed = True
            continue
        png = out_dir / page.replace(".html", ".png")
        png.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory(prefix="wpparse-chromium-") as profile:
            shot = _run([f"--screenshot={png}", source.as_uri()], Path(profile))
        with tempfile.TemporaryDirectory(prefix="wpparse-chromium-") as profile:
            dump = _run(["--dump-dom", source.as_uri()], Path(profile))
        (out_dir / page).write_text(dump.stdout, encoding="utf-8")
        problems = []
        if not png.is_file():
            problems.append(
                f"chromium made no screenshot: {shot.stderr.strip()[-500:]}"
            )
        else:
            problems += _problems_with_image(png)
        problems += _problems_with_dom(dump.stdout, heading)
        print(f"{page}: {'; '.join(problems) if problems else 'ok'} -> {png}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
