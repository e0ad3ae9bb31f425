"""
The cheap test before the boilerplate, byline and greeting expression of :mod:`wpparse._content.titles`.

``_not_a_title`` runs ``_NOT_A_TITLE`` only for a line whose first letters
are among ``_NOT_A_TITLE_OPENINGS``.  That must never change an answer:
these tests derive every opening the expression can match from its parsed
form (so a word added to the expression fails here until its opening is
listed), and compare the two on generated lines and on the corpus's short
paragraphs.
"""

from __future__ import annotations

import importlib
import json
import random
import re
from typing import Any

import pytest

import wpparse
from tests.conftest import SKIP_CORPUS, corpus_files
from wpparse._content import titles
from wpparse._content.titles import (
    _NOT_A_TITLE,
    _NOT_A_TITLE_OPENINGS,
    _not_a_title,
    _opening,
)

_PARSER: Any = importlib.import_module("re._parser")
_SRE: Any = importlib.import_module("re._constants")

_HEAD = 6  # as many characters as _opening reads
# What _opening tells apart: letters (lowercased), "-", and any other ASCII
# character (all of them alike, as a space).
_KINDS = "abcdefghijklmnopqrstuvwxyz- "
_CATEGORIES = {
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
}

State = tuple[str, bool]  # the head so far, and whether the line ends there


def _kind(char: str) -> str:
    char = char.lower()
    return char if char in _KINDS else " "


def _ascii_kinds(op: Any, av: Any) -> set[str] | None:
    """The kinds of ASCII characters one item matches (any case), or None for no character item."""
    if op is _SRE.ANY:
        expression = "."
    elif op is _SRE.LITERAL:
        expression = re.escape(chr(av))
    elif op is _SRE.NOT_LITERAL:
        expression = f"[^{re.escape(chr(av))}]"
    elif op is _SRE.IN:
        parts: list[str] = []
        for kind, value in av:
            if kind is _SRE.NEGATE:
                parts.insert(0, "^")
            elif kind is _SRE.LITERAL:
                parts.append(re.escape(chr(value)))
            elif kind is _SRE.RANGE:
                parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            else:
                assert kind is _SRE.CATEGORY, kind
                parts.append(_CATEGORIES[str(value)])
        expression = f"[{''.join(parts)}]"
    else:
        return None
    # Case-insensitive everywhere, (?-i:...) too: a superset of the matches.
    one = re.compile(expression, re.IGNORECASE | re.DOTALL)
    return {_kind(chr(c)) for c in range(128) if one.fullmatch(chr(c))}


def _walk(items: Any, states: set[State]) -> set[State]:
    for op, av in items:
        states = _step(op, av, states)
    return states


def _step(op: Any, av: Any, states: set[State]) -> set[State]:
    kinds = _ascii_kinds(op, av)
    if kinds is not None:
        grown: set[State] = set()
        for head, ended in states:
            if ended or len(head) >= _HEAD or " " in head:
                grown.add((head, ended))  # the opening is settled
            else:
                grown |= {(head + kind, False) for kind in kinds}
        return {(head, ended) for head, ended in grown if not ended or head}
    if op is _SRE.BRANCH:
        return set().union(*(_walk(branch, states) for branch in av[1]))
    if op is _SRE.SUBPATTERN:
        return _walk(av[3], states)
    if op in (_SRE.MAX_REPEAT, _SRE.MIN_REPEAT, _SRE.POSSESSIVE_REPEAT):
        low, high, item = av
        seen: set[State] = set()
        current, count = set(states), 0
        while True:
            if count >= low:
                if current <= seen:
                    break
                seen |= current
            if count >= high:
                break
            current, count = _walk(item, current), count + 1
        return seen
    if op is _SRE.AT:
        if av is _SRE.AT_END:  # the end, or a last newline before it
            return {(head, True) for head, _ in states} | {
                (head + " ", True) for head, _ in states if len(head) < _HEAD
            }
        return states  # ^ and \b: nothing to read
    if op in (_SRE.ASSERT, _SRE.ASSERT_NOT):
        return states  # a lookahead only removes matches
    raise AssertionError(f"unexpected {op} in _NOT_A_TITLE")


def _match_heads() -> set[str]:
    """Every ASCII head (up to six characters, by kind) a line the expression matches can have."""
    items = _PARSER.parse(_NOT_A_TITLE.pattern, _NOT_A_TITLE.flags)
    heads: set[str] = set()
    for matched, ended in _walk(items, {("", False)}):
        todo = [matched]
        while todo:  # after a match that does not end the line: anything
            head = todo.pop()
            heads.add(head)
            if not ended and len(head) < _HEAD and " " not in head:
                todo.extend(head + kind for kind in _KINDS)
    return heads


def test_the_openings_are_exactly_those_the_expression_can_match() -> None:
    heads = _match_heads()
    openings = {_opening(head) for head in heads}

    assert None not in openings
    assert openings == _NOT_A_TITLE_OPENINGS


def test_no_ascii_character_matches_a_letter_of_the_expression_outside_ascii() -> None:
    # Otherwise an ASCII line could match a word the openings list under
    # another spelling ("olá" is listed as "ola" only because of "ola").
    letters = {c for c in _NOT_A_TITLE.pattern if not c.isascii() and c.isalpha()}

    assert letters  # á, è, ß, ç, ś, ...
    for letter in letters:
        one = re.compile(re.escape(letter), re.IGNORECASE)
        assert [chr(c) for c in range(128) if one.fullmatch(chr(c))] == []


POSITIVE = [
    "Read more",
    "READ MORE »",
    "ſhare this",  # a long s matches "s" without case
    "Share:",
    "Tags: news",
    "By Jane Doe",
    "by Jane Doe",
    "Photo: AP",
    "Written by Anna",
    "A guest post by Tom",
    "- Anna",
    "© 2024 Example",
    "— Anna",
    "Par Jean",
    "Hello everyone",
    "Hi Sarah",
    "Hi",
    "Hi\n",
    "Hey, y'all",
    "Kind regards, Anna",
    "Cześć",
    "Olá",
    "Note:",
    "NB!",
    "Hıya",  # a dotless i matches "i" without case
    "Read also: the sequel",
    "Good  morning Vietnam",
    "Un abrazo",
    "Liebe Grüße",
]
NEGATIVE = [
    "The Real Dynamics and Parameters of Partnership",
    "Relations With the Gulf States",
    "How to use the API",
    "Reading list",
    "Notes from the field",
    "Hikes near the lake",
    "Byzantine art",
    "Understanding the cache",
    "-webkit-box",
    "By jane doe",  # a name has capitals
]


@pytest.mark.parametrize("line", POSITIVE + NEGATIVE)
def test_the_answer_is_the_expressions(line: str) -> None:
    assert _not_a_title(line) == (_NOT_A_TITLE.match(line) is not None)
    assert _not_a_title(line) == (line in POSITIVE)


@pytest.mark.parametrize(
    "line", ["The Real Dynamics", "Relations With the Gulf States", "How to"]
)
def test_the_expression_is_not_run_for_a_line_opening_as_none_of_its_lines(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Refuse:
        def match(self, text: str) -> None:
            raise AssertionError(text)

    monkeypatch.setattr(titles, "_NOT_A_TITLE", Refuse())

    assert not _not_a_title(line)


_TAILS = [
    "",
    " more",
    " this",
    " Jane Doe",
    " by Jane",
    ": AP",
    ":",
    "s",
    "ing",
    "\n",
    ", Anna",
    " everyone",
    " 2024",
    "!",
    "\xa0Anna",
]
_ODD = "ſıİKµ\xa0\u3000©—–-:：!,.\t\n'’ABCxyz019"


def _generated() -> list[str]:
    rng = random.Random(17)
    lines = []
    for head in sorted(_match_heads()):
        for _ in range(4):
            text = "".join(rng.choice(" \t:,!.\n\xa0") if c == " " else c for c in head)
            text = "".join(c.upper() if rng.random() < 0.5 else c for c in text)
            lines.append(text + rng.choice(_TAILS))
    lines.extend(
        "".join(rng.choice(_ODD) for _ in range(rng.randint(0, 8))) for _ in range(5000)
    )
    return lines


def test_the_answer_is_the_expressions_on_generated_lines() -> None:
    lines = _generated()
    matched = [line for line in lines if _NOT_A_TITLE.match(line)]

    assert len(matched) > 300  # the lines do test both answers
    assert [line for line in lines if _not_a_title(line) != (line in matched)] == []


@pytest.mark.corpus
def test_the_answer_is_the_expressions_on_the_corpus() -> None:
    files = corpus_files()
    if not files:
        pytest.skip(SKIP_CORPUS)
    lines = set()
    for path in files:
        raw = json.loads(path.read_bytes())
        for post in raw if isinstance(raw, list) else [raw]:
            try:
                parsed = wpparse.parse_post(post)
            except wpparse.WPParseError:
                continue
            for section in parsed.walk():
                lines.add(section.title or "")
                lines |= {b.text for b in section.blocks if len(b.text) <= 200}

    assert len(lines) > 1000
    assert [t for t in lines if _not_a_title(t) != bool(_NOT_A_TITLE.match(t))] == []
