"""
The fourth, held-out fresh heading set (docs/headings.md, "Fourth fresh set").

The third fresh set was measured once and is now used for development, so a rule
change made after that needs posts nobody has looked at: this is that set.  Its
labels and sources are in ``tests/data``; the posts stay outside the repo
(``../shared/fresh-headings-4``, or ``$WPPARSE_FRESH4_HEADINGS``) and the tests that
read them skip when they are absent.

These tests check the data only: no heading rule runs here.  The set has not been
measured; the lead measures it once and adds the floors then.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.conftest import CORPUS
from tests.heading_metrics import (
    FRESH2_SOURCES,
    FRESH3_SOURCES,
    FRESH4_DIR,
    FRESH4_LABELS,
    FRESH4_SOURCES,
    FRESH_SOURCES,
    LABELS,
    labelled_posts,
    labels_and_candidates,
    read_labels,
    source_hosts,
    source_rows,
    uncited_sources,
)

needs_posts = pytest.mark.skipif(
    not FRESH4_DIR.is_dir(),
    reason=f"the fourth fresh set is not at {FRESH4_DIR} (set WPPARSE_FRESH4_HEADINGS)",
)


def test_every_labelled_post_has_one_source_and_there_are_forty() -> None:
    labels = read_labels(FRESH4_LABELS)
    files = {label.file for label in labels}
    sources = [row[0] for row in source_rows(FRESH4_SOURCES)]

    assert files == set(sources)
    assert len(sources) == len(set(sources))
    assert len(files) >= 40
    assert len({(label.file, label.text) for label in labels}) == len(labels)


def test_the_set_spans_a_dozen_sites() -> None:
    assert len(source_hosts(FRESH4_SOURCES)) >= 12


def test_every_source_names_a_commit_or_an_index_file() -> None:
    assert uncited_sources(FRESH4_SOURCES) == []


def test_no_site_of_the_fourth_set_is_in_the_first_three() -> None:
    hosts = source_hosts(FRESH4_SOURCES)

    assert not hosts & source_hosts(FRESH_SOURCES)
    assert not hosts & source_hosts(FRESH2_SOURCES)
    assert not hosts & source_hosts(FRESH3_SOURCES)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is absent")
def test_no_site_of_the_fourth_set_is_in_the_tuned_set() -> None:
    tuned = labelled_posts(read_labels(LABELS))
    tuned_hosts = {
        urlsplit(str(obj.get("link") or "")).hostname or "" for obj in tuned.values()
    }

    assert not source_hosts(FRESH4_SOURCES) & tuned_hosts


@needs_posts
def test_the_labels_are_exactly_the_candidates_of_the_posts() -> None:
    """Every candidate paragraph has a label, and every label is a candidate (no rule runs)."""
    labelled, found = labels_and_candidates(FRESH4_LABELS, FRESH4_DIR)

    assert found == labelled
