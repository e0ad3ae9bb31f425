"""The hand-labelled heading measurement stays true: labels apply, docs match the code."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, ROOT
from tests.heading_metrics import (
    RULES,
    labelled_posts,
    read_labels,
    score,
    table,
)

pytestmark = pytest.mark.skipif(
    not (CORPUS / "posts").is_dir(), reason=f"the shared corpus is not at {CORPUS}"
)


def test_every_pseudo_heading_made_is_labelled() -> None:
    """The labels cover every candidate a rule can pick, so recall is measured too."""
    labels = read_labels()
    posts = labelled_posts(labels)

    assert len(posts) == len({(label.file, label.post_id) for label in labels})
    for rule in RULES:
        assert () == score(rule, labels, posts).unlabelled, rule


def test_seed_labels_are_all_found_by_auto() -> None:
    labels = [label for label in read_labels() if label.file.startswith("000_")]
    posts = labelled_posts(labels)

    result = score("auto", labels, posts)

    assert (6, 0, 0) == (
        result.true_positives,
        result.false_positives,
        result.false_negatives,
    )


def test_docs_table_matches_the_code() -> None:
    page = (ROOT / "docs" / "headings.md").read_text(encoding="utf-8")
    start = page.index("<!-- heading-metrics:start -->\n") + len(
        "<!-- heading-metrics:start -->\n"
    )
    end = page.index("<!-- heading-metrics:end -->")

    assert table() == page[start:end].strip()


@pytest.mark.parametrize(
    ("rule", "precision", "recall"),
    [("bold", 0.98, 0.64), ("auto", 0.98, 0.90)],
)
def test_tuned_set_figures_do_not_regress(
    rule: str, precision: float, recall: float
) -> None:
    """Floors at the figures reached after #15 (docs/headings.md): a regression fails."""
    labels = read_labels()
    result = score(rule, labels, labelled_posts(labels))

    assert result.precision >= precision
    assert result.recall >= recall
