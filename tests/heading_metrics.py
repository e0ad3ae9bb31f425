"""
Precision and recall of the heading rules against hand labels on the corpus.

``tests/data/heading-labels.tsv`` lists every *candidate* paragraph of the
labelled corpus posts (bold from end to end and at most 150 characters, or
short: at most 100 characters and 15 words, not ending in ``.``, ``!``, ``…``,
``;`` or ``,``), each with a hand label: would a reader take it for a heading?
Every pseudo heading a rule can make is such a candidate, so the labels
measure both precision and recall.  Run ``python -m tests.heading_metrics``
for the table in ``docs/headings.md``.
"""

from __future__ import annotations

import os
import re
import sys
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs

import wpparse
from tests.conftest import CORPUS, DATA, ROOT
from wpparse._json.load import load_json

LABELS = DATA / "heading-labels.tsv"
FRESH_LABELS = DATA / "fresh-heading-labels.tsv"
FRESH_SOURCES = DATA / "fresh-heading-sources.tsv"
#: The fresh set's posts (one REST-shaped JSON file each); they stay outside the repo.
FRESH_DIR = Path(
    os.environ.get("WPPARSE_FRESH_HEADINGS", ROOT.parent / "shared" / "fresh-headings")
)
FRESH2_LABELS = DATA / "fresh2-heading-labels.tsv"
FRESH2_SOURCES = DATA / "fresh2-heading-sources.tsv"
#: The second fresh set's posts, held out from any tuning; they stay outside the repo.
FRESH2_DIR = Path(
    os.environ.get(
        "WPPARSE_FRESH2_HEADINGS", ROOT.parent / "shared" / "fresh-headings-2"
    )
)
FRESH3_LABELS = DATA / "fresh3-heading-labels.tsv"
FRESH3_SOURCES = DATA / "fresh3-heading-sources.tsv"
#: The third fresh set's posts, held out from any tuning; they stay outside the repo.
FRESH3_DIR = Path(
    os.environ.get(
        "WPPARSE_FRESH3_HEADINGS", ROOT.parent / "shared" / "fresh-headings-3"
    )
)
FRESH4_LABELS = DATA / "fresh4-heading-labels.tsv"
FRESH4_SOURCES = DATA / "fresh4-heading-sources.tsv"
#: The fourth fresh set's posts, held out from any tuning; they stay outside the repo.
FRESH4_DIR = Path(
    os.environ.get(
        "WPPARSE_FRESH4_HEADINGS", ROOT.parent / "shared" / "fresh-headings-4"
    )
)
RULES = ("html", "bold", "auto")


@attrs.frozen
class Label:
    """One labelled candidate paragraph."""

    file: str
    post_id: int
    heading: bool
    text: str


@attrs.frozen
class Score:
    """The pseudo headings one rule made on the labelled posts, scored."""

    rule: str
    true_positives: int
    false_positives: int
    false_negatives: int
    unlabelled: tuple[str, ...]

    @property
    def precision(self) -> float:
        """Share of the pseudo headings made that are headings (1.0 when none are made)."""
        made = self.true_positives + self.false_positives
        return self.true_positives / made if made else 1.0

    @property
    def recall(self) -> float:
        """Share of the labelled pseudo headings that were made."""
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0


def read_labels(path: Path = LABELS) -> list[Label]:
    """The labels, in file order."""
    labels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "file\t")):
            continue
        file, post_id, heading, text = line.split("\t")
        labels.append(Label(file, int(post_id), heading == "1", text))
    return labels


def _corpus_file(name: str, root: Path | None = None) -> Path:
    if root is not None:
        return root / name
    for sub in ("seed", "posts"):
        path = CORPUS / sub / name
        if path.exists():
            return path
    raise FileNotFoundError(name)


def labelled_posts(
    labels: list[Label], root: Path | None = None
) -> dict[tuple[str, int], dict[str, Any]]:
    """The JSON objects of the labelled posts, by (file, id): from the corpus, or from *root*."""
    wanted = {(label.file, label.post_id) for label in labels}
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for name in sorted({file for file, _ in wanted}):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", wpparse.WPParseWarning)
            value = load_json(_corpus_file(name, root).read_bytes())
        for obj in value if isinstance(value, list) else [value]:
            key = (name, obj.get("id", obj.get("ID")))
            if key in wanted:
                found[key] = obj
    return found


def score(rule: str, labels: list[Label], posts: dict[tuple[str, int], Any]) -> Score:
    """Score *rule*: its pseudo headings on the labelled posts against the labels."""
    by_post: dict[tuple[str, int], dict[str, bool]] = defaultdict(dict)
    for label in labels:
        by_post[label.file, label.post_id][label.text] = label.heading
    tp = fp = fn = 0
    unlabelled: list[str] = []
    for key, truth in by_post.items():
        post = wpparse.parse_post(posts[key], headings=rule)  # type: ignore[arg-type]
        made = {
            s.title
            for s in post.walk()
            if s.title is not None
            and s.heading_source is not wpparse.HeadingSource.HTML
        }
        unlabelled.extend(f"{key}: {t}" for t in made if t not in truth)
        for text, heading in truth.items():
            if text in made:
                tp += heading
                fp += not heading
            else:
                fn += heading
    return Score(rule, tp, fp, fn, tuple(unlabelled))


def table(labels_path: Path = LABELS, root: Path | None = None) -> str:
    """The Markdown table of docs/headings.md (the tuned set, or the fresh set in *root*)."""
    labels = read_labels(labels_path)
    posts = labelled_posts(labels, root)
    rows = [
        "| rule | made | right | wrong | missed | precision | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for rule in RULES:
        s = score(rule, labels, posts)
        made = s.true_positives + s.false_positives
        rows.append(
            f"| `{rule}` | {made} | {s.true_positives} | {s.false_positives} | "
            f"{s.false_negatives} | {s.precision:.0%} | {s.recall:.0%} |"
        )
    return "\n".join(rows)


CANDIDATE_MAX_CHARS = 150
"""A bold paragraph longer than this is no candidate, so it has no label."""


def source_rows(path: Path) -> list[list[str]]:
    """The rows of a fresh set's sources file (comments and the header left out)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        line.split("\t")
        for line in lines
        if line and not line.startswith(("#", "file\t"))
    ]


def source_hosts(path: Path) -> set[str]:
    """The hosts of the posts a sources file lists (its fifth column, the post's URL)."""
    return {urlsplit(row[4]).hostname or "" for row in source_rows(path)}


def uncited_sources(path: Path) -> list[list[str]]:
    """
    The rows of a sources file that name neither a commit (with its repository
    and path) nor a file id of the search index: none should.
    """
    return [
        row
        for row in source_rows(path)
        if not (re.fullmatch(r"[0-9a-f]{40}", row[3]) and "/" in row[1] and row[2])
        and not re.fullmatch(r"index file id \d+", row[3])
    ]


def labels_and_candidates(
    labels_path: Path, root: Path
) -> tuple[set[tuple[str, int, str]], set[tuple[str, int, str]]]:
    """The labelled texts and the posts' candidates, as (file, post id, text): no rule runs."""
    labels = read_labels(labels_path)
    posts = labelled_posts(labels, root)
    if len(posts) != len({(label.file, label.post_id) for label in labels}):
        missing = {(label.file, label.post_id) for label in labels} - set(posts)
        msg = f"posts not found in {root}: {sorted(missing)}"
        raise AssertionError(msg)
    found = {
        (file, post_id, text)
        for (file, post_id), obj in posts.items()
        for text in candidates(obj)
    }
    return {(label.file, label.post_id, label.text) for label in labels}, found


def short_unlabelled(labels_path: Path, root: Path | None) -> list[tuple[str, str]]:
    """
    The pseudo headings a rule makes that have no label and are short enough to
    be a candidate, as (rule, entry): none should be (the labels cover them).
    """
    labels = read_labels(labels_path)
    posts = labelled_posts(labels, root)
    return [
        (rule, entry)
        for rule in ("bold", "auto")
        for entry in score(rule, labels, posts).unlabelled
        if len(entry.split("): ", 1)[1]) <= CANDIDATE_MAX_CHARS
    ]


def docs_table(name: str) -> str:
    """The table docs/headings.md holds between its ``<!-- {name}:start -->`` and end marks."""
    page = (ROOT / "docs" / "headings.md").read_text(encoding="utf-8")
    start_mark = f"<!-- {name}:start -->\n"
    start = page.index(start_mark) + len(start_mark)
    return page[start : page.index(f"<!-- {name}:end -->")].strip()


def candidates(obj: dict[str, Any]) -> list[str]:
    """
    The candidate paragraphs of one post object, as the labels were made.

    Top-level paragraphs (and one-item lists) that are bold from end to end and
    at most 150 characters, or at most 100 characters and 15 words and not
    ending like a sentence.
    """
    from wpparse._content.vocabulary import BOLD, SINGLE
    from wpparse._content.walk import split_content

    content = obj.get("content")
    html = content.get("rendered") if isinstance(content, dict) else content
    pieces, _ = split_content(html if isinstance(html, str) else "", obj.get("link"))
    found = []
    for piece in pieces:
        block = piece.block
        if block is None or not (
            block.kind is wpparse.BlockKind.PARAGRAPH or piece.flags & SINGLE
        ):
            continue
        text = " ".join(block.text.split())
        bold = bool(piece.flags & BOLD) and len(text) <= 150
        short = (
            len(text) <= 100
            and len(text.split()) <= 15
            and text.rstrip('"”’)')[-1:] not in ".!…;,。"
        )
        if text and (bold or short):
            found.append(text)
    return found


def main() -> None:
    """
    Print the label counts and the table; ``--unlabelled`` lists new candidates.

    ``--fresh`` does the same for the fresh set (``tests/data/fresh-heading-labels.tsv``,
    posts in ``FRESH_DIR``), ``--fresh2`` for the second fresh set
    (``tests/data/fresh2-heading-labels.tsv``, posts in ``FRESH2_DIR``) and
    ``--fresh3`` for the third one (``tests/data/fresh3-heading-labels.tsv``,
    posts in ``FRESH3_DIR``) and ``--fresh4`` for the fourth, held-out one
    (``tests/data/fresh4-heading-labels.tsv``, posts in ``FRESH4_DIR``).
    """
    if "--fresh4" in sys.argv:
        labels_path, root = FRESH4_LABELS, FRESH4_DIR
    elif "--fresh3" in sys.argv:
        labels_path, root = FRESH3_LABELS, FRESH3_DIR
    elif "--fresh2" in sys.argv:
        labels_path, root = FRESH2_LABELS, FRESH2_DIR
    elif "--fresh" in sys.argv:
        labels_path, root = FRESH_LABELS, FRESH_DIR
    else:
        labels_path, root = LABELS, None
    labels = read_labels(labels_path)
    posts = {(label.file, label.post_id) for label in labels}
    headings = sum(label.heading for label in labels)
    sys.stdout.write(
        f"{len(labels)} candidates, {headings} labelled headings, {len(posts)} posts\n"
    )
    sys.stdout.write(table(labels_path, root) + "\n")
    if "--unlabelled" in sys.argv:
        known = {(label.file, label.post_id, label.text) for label in labels}
        for (file, post_id), obj in labelled_posts(labels, root).items():
            for text in candidates(obj):
                if (file, post_id, text) not in known:
                    sys.stdout.write(f"{file}\t{post_id}\t?\t{text}\n")


if __name__ == "__main__":
    main()
