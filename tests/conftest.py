"""Shared fixtures: the sample post, the seed post and the real-world corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# The normal run (and CI) is deterministic: a fixed seed and no example
# database, so a red build always means a change broke something.  Exploring
# for new failures is the job of `nox -s property` (random, thorough).
settings.register_profile(
    "quick", max_examples=60, deadline=None, derandomize=True, database=None
)
settings.register_profile("thorough", max_examples=2_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "examples" / "sample-post.json"
CORPUS = Path(os.environ.get("WPPARSE_CORPUS", ROOT.parent / "shared" / "corpus"))
SKIP_CORPUS = (
    f"the shared corpus is not at {CORPUS} (set WPPARSE_CORPUS to point at it)"
)


def corpus_files(sub: str = "posts") -> list[Path]:
    """Return the corpus files of *sub*, or an empty list when the corpus is absent."""
    folder = CORPUS / sub
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def corpus_params(sub: str = "posts") -> list[Any]:
    """Parametrize over the corpus files, or one skipped case saying why."""
    files = corpus_files(sub)
    if not files:
        return [
            pytest.param(
                None, marks=pytest.mark.skip(reason=SKIP_CORPUS), id="no-corpus"
            )
        ]
    return [pytest.param(f, id=f.stem) for f in files]


@pytest.fixture
def sample_data() -> dict[str, Any]:
    """The sample post shipped in examples/, as decoded JSON."""
    data: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def seed_bytes() -> bytes:
    """The seed post from the shared corpus, as raw bytes (skipped when absent)."""
    files = corpus_files("seed")
    if not files:
        pytest.skip(SKIP_CORPUS)
    return files[0].read_bytes()
