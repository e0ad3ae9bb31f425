"""
Check that every nox environment holds only versions from ``uv.lock``.

Usage: ``python .ci/check_envs.py .nox`` (``nox -s locked`` runs it).  For each
virtualenv under the folder, list its installed distributions and compare each
with the versions ``uv.lock`` holds for that name; wpparse itself is skipped.
The ``lowest`` environment may also hold the declared minimums of
``pyproject.toml``'s runtime dependencies, which is its purpose.
Exit status 1, listing them, when a distribution is not in the lock at that
version; 0 otherwise.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIST = (
    "import importlib.metadata as m, json; "
    "print(json.dumps(sorted({(d.metadata['Name'], d.version) for d in m.distributions()})))"
)


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main(folder: Path) -> int:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    locked: dict[str, set[str]] = {}
    for package in lock["package"]:
        if "version" in package:
            locked.setdefault(_norm(package["name"]), set()).add(package["version"])
    floors: dict[str, str] = {}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for requirement in project["project"]["dependencies"]:
        name, _, version = requirement.partition(">=")
        floors[_norm(name)] = version
    bad = []
    envs = sorted(p.parent.parent for p in folder.glob("*/bin/python"))
    for env in envs:
        out = subprocess.run(
            [str(env / "bin" / "python"), "-c", LIST],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        dists = json.loads(out)
        for name, version in dists:
            if _norm(name) == "wpparse":
                continue
            allowed = set(locked.get(_norm(name), ()))
            if env.name.startswith("lowest") and _norm(name) in floors:
                allowed.add(floors[_norm(name)])
                allowed.add(floors[_norm(name)] + ".0")
            if version not in allowed:
                want = ", ".join(sorted(locked.get(_norm(name), ()))) or "not locked"
                bad.append(f"{env.name}: {name} {version} (uv.lock: {want})")
        print(f"{env.name}: {len(dists)} distributions")
    if not envs:
        print(f"no environments under {folder}", file=sys.stderr)
        return 1
    for line in bad:
        print(line, file=sys.stderr)
    if not bad:
        print(f"{len(envs)} environments hold only locked versions")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".nox")))
