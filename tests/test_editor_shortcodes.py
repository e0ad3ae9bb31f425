"""Unrendered shortcodes: WordPress's syntax, the registry guess, stripping, the corpus, hostile input."""

from __future__ import annotations

import csv
import html
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS, DATA, SKIP_CORPUS, corpus_files
from tests.growth import cpu_seconds
from wpparse._editor import shortcode_attributes
from wpparse._editor import shortcodes as shortcodes_module
from wpparse._editor.shortcode_attributes import parse_attributes
from wpparse._editor.shortcode_names import registry
from wpparse._editor.shortcode_tags import tags_in, text_runs
from wpparse._editor.shortcodes import (
    Shortcode,
    _scan,
    find_shortcodes,
    strip_shortcodes,
)

# --- shortcode_parse_atts ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named", "positional"),
    [
        ("", {}, ()),
        (' a="1"', {"a": "1"}, ()),
        (" a='1'", {"a": "1"}, ()),
        (" a=1", {"a": "1"}, ()),
        (' A = "x y" b-c=2', {"a": "x y", "b-c": "2"}, ()),
        (" \"one\" 'two' three", {}, ("one", "two", "three")),
        (' url="http://x.org/?a=1&amp;b=2"', {"url": "http://x.org/?a=1&b=2"}, ()),
        # wptexturize's curly quotes and primes, as entities or characters.
        (
            " a=&#8221;No Line&#8221; h=&#8221;20&#8243;",
            {"a": "No Line", "h": "20"},
            (),
        ),
        (" a=\u201cx\u201d", {"a": "x"}, ()),
        # No-break and zero-width spaces separate, as in WordPress.
        (' a="1"\u00a0b="2"', {"a": "1", "b": "2"}, ()),
        # stripcslashes.
        (' a="x\\ty\\\\z\\x41\\101"', {"a": "x\ty\\zAA"}, ()),
        # A value whose HTML is not closed is emptied.
        (' a="<b" b="<i>x</i>"', {"a": "", "b": "<i>x</i>"}, ()),
        # The last of two same names wins.
        (" a=1 a=2", {"a": "2"}, ()),
    ],
)
def test_attributes(
    text: str, named: dict[str, str], positional: tuple[str, ...]
) -> None:
    assert parse_attributes(text) == (named, positional)


# --- the tags -----------------------------------------------------------------------


def _names(source: str) -> list[str]:
    return [code.name for code in find_shortcodes(source)]


def test_a_lone_tag() -> None:
    source = '<p>Look: [gallery ids="1,2"] and on.</p>'
    (code,) = find_shortcodes(source)

    assert code == Shortcode(
        name="gallery", attrs={"ids": "1,2"}, start=9, end=28, content=None
    )
    assert source[code.start : code.end] == '[gallery ids="1,2"]'


def test_a_self_closing_tag() -> None:
    (code,) = find_shortcodes("[vc_empty_space height=32px /]x[/vc_empty_space]")

    assert code.attrs == {"height": "32px"}
    assert code.content is None
    assert code.end == len("[vc_empty_space height=32px /]")


def test_an_enclosing_pair_and_what_it_holds() -> None:
    source = "[vc_row][vc_column width=1/2]Text[/vc_column][/vc_row]"
    row, column = find_shortcodes(source)

    assert (row.name, row.start, row.end) == ("vc_row", 0, len(source))
    assert row.content == "[vc_column width=1/2]Text[/vc_column]"
    assert (column.name, column.attrs, column.content) == (
        "vc_column",
        {"width": "1/2"},
        "Text",
    )


def test_a_pair_of_one_name_nested_ends_at_the_first_closer() -> None:
    # As WordPress's expression reads it: the inner tag stands alone, and the
    # last closer is left over (and stripped).
    source = "[toggle][toggle]x[/toggle][/toggle]"
    outer, inner = find_shortcodes(source)

    assert outer.content == "[toggle]x"
    assert inner.content is None
    assert strip_shortcodes(source) == "x"


def test_a_pair_cannot_close_outside_what_encloses_it() -> None:
    outer, inner = find_shortcodes("[vc_row][vc_column]a[/vc_row]b[/vc_column]")

    assert outer.content == "[vc_column]a"
    assert inner.content is None


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("[[gallery]]", "[gallery]"),
        ('[[gallery ids="1"]]', '[gallery ids="1"]'),
        ("[[toggle]x[/toggle]]", "[toggle]x[/toggle]"),
    ],
)
def test_an_escaped_tag_is_shown_not_run(source: str, shown: str) -> None:
    assert find_shortcodes(source) == ()
    assert strip_shortcodes(source) == shown


@pytest.mark.parametrize(
    "prose",
    [
        "[1]",
        "[12]",
        "[sic]",
        "[the report]",
        "[…]",
        "[&hellip;]",
        "[citation needed]",
        "[Applause]",
        "[ win ]",
        "[CONFÉRENCE ANNULÉE]",
        "agree[d]",
        "[Twitter/officialEFCC]",
        "[x]",
        "a[i] = b[j]",
        "[]",
        "[ [ ] ]",
        "[/]",
        "[/not-opened]",
    ],
)
def test_prose_brackets_stay(prose: str) -> None:
    source = f"<p>Text {prose} text.</p>"

    assert find_shortcodes(source) == ()
    assert strip_shortcodes(source) == source


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("[gallery]", ["gallery"]),  # WordPress's own
        ("[contact-form-7 id=5]", ["contact-form-7"]),
        ("[et_pb_section]", ["et_pb_section"]),  # a page builder's prefix
        ("[divider height=20]", ["divider"]),  # any name with a key=value attribute
        ("[note]x[/note]", ["note"]),  # any name opened and closed
        ("[note]x[/note] and [note]", ["note", "note"]),  # then every use of it
        ("[note] [note]", []),
    ],
)
def test_which_names_count(source: str, names: list[str]) -> None:
    assert _names(source) == names


@pytest.mark.parametrize(
    "source",
    [
        "<script>var a = [gallery];</script>",
        "<style>a[href] { color: red } [vc_row x=1] {}</style>",
        "<pre>[gallery ids=1]</pre>",
        "<code>[gallery]</code>",
        "<!-- [gallery] -->",
        '<img alt="[gallery ids=1]">',
        "<script>[gallery]",
    ],
)
def test_no_shortcodes_outside_text(source: str) -> None:
    assert find_shortcodes(source) == ()
    assert strip_shortcodes(source) == source


def test_text_after_opaque_elements_is_read() -> None:
    source = "<pre>[gallery]</pre><p>[gallery]</p><code/>[gallery]"

    assert [code.start for code in find_shortcodes(source)] == [23, 43]


def test_a_tag_does_not_run_into_markup() -> None:
    # The "]" is beyond a tag: not this tag's end.
    assert find_shortcodes("[gallery <b>]</b>") == ()


def test_strip_keeps_what_pairs_enclose() -> None:
    source = (
        "<p>[vc_row css=&#8221;.x{}&#8221;][vc_column]</p><p>[vc_column_text]Hello"
        " [1].[/vc_column_text]</p><p>[/vc_column][/vc_row]</p><p>[/et_pb_text]</p>"
    )

    assert strip_shortcodes(source) == ("<p></p><p>Hello [1].</p><p></p><p></p>")


def test_strip_without_shortcodes_is_the_same_string() -> None:
    source = "<p>No [tags] here.</p>"

    assert strip_shortcodes(source) is source


# --- hostile input -----------------------------------------------------------------


SHAPES: dict[str, Callable[[int], str]] = {
    "unclosed tags": lambda n: "[vc_row a=1 " * n,
    "openers without closers": lambda n: "[vc_row]" * n,
    "deep pairs": lambda n: "[vc_row]" * n + "x" + "[/vc_row]" * n,
    "closers only": lambda n: "[/vc_row]" * n,
    "escapes": lambda n: "[[[[gallery]]" * n,
    "brackets": lambda n: "[" * n + "]" * n,
    "unclosed markup": lambda n: "<script>[gallery]" + "<p " * n,
    "many names": lambda n: "".join(f"[n{i}]x[/n{i}]" for i in range(n)),
}


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_time_grows_linearly(shape: str) -> None:
    build = SHAPES[shape]
    small, large = build(10_000), build(40_000)
    strip_shortcodes(small)  # warm up

    ratio = cpu_seconds(lambda: strip_shortcodes(large)) / max(
        cpu_seconds(lambda: strip_shortcodes(small)), 2e-3
    )

    assert ratio < 9, f"{ratio:.1f}x for 4x the input"


def test_100000_nested_pairs() -> None:
    n = 100_000
    source = "[vc_row]" * n + "x" + "[/vc_row]" * n

    codes = find_shortcodes(source)

    # The first opener pairs with the first closer; the others stand alone.
    assert len(codes) == n
    assert codes[0].content == "[vc_row]" * (n - 1) + "x"
    assert strip_shortcodes(source) == "x"


def test_ten_megabytes_of_attributes() -> None:
    value = "v" * 10_000_000
    (code,) = find_shortcodes(f'[gallery ids="{value}"]')

    assert len(code.attrs["ids"]) == len(value)


# --- the corpus ---------------------------------------------------------------------

LABELS = DATA / "shortcode-labels.tsv"


def _content(file: str, item: int) -> str:
    data = json.loads((CORPUS / "posts" / file).read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else [data]
    content: str = items[item]["content"]["rendered"]
    return content


def _labels() -> list[dict[str, str]]:
    with LABELS.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


def test_precision_and_recall_on_the_labelled_corpus() -> None:
    # Every tag-shaped run in the corpus's text was labelled by hand before the
    # rule was tuned: "shortcode" or "prose".  docs/editor.md reports these figures.
    if not corpus_files():
        pytest.skip(SKIP_CORPUS)
    outcomes: Counter[tuple[bool, str]] = Counter()
    registries: dict[tuple[str, int], set[str]] = {}
    for row in _labels():
        key = (row["file"], int(row["item"]))
        if key not in registries:
            source = _content(*key)
            registries[key] = registry(tags_in(source, text_runs(source)))
        outcomes[row["name"] in registries[key], row["label"]] += 1

    true_positives = outcomes[True, "shortcode"]
    precision = true_positives / (true_positives + outcomes[True, "prose"])
    recall = true_positives / (true_positives + outcomes[False, "shortcode"])
    assert (true_positives, outcomes[False, "prose"]) == (215, 6)
    assert (precision, recall) == (1.0, 1.0)


_TAG = re.compile(r"\[/?(?:vc_|et_pb_|toggles?\b|divider\b|nectar_)")
_PROSE = re.compile(r"\[[^\[\]<>]{0,80}\]")


def _rendered_contents() -> list[Any]:
    params = []
    for path in corpus_files():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for index, item in enumerate(items):
            content = item.get("content") if isinstance(item, dict) else None
            if isinstance(content, dict) and isinstance(content.get("rendered"), str):
                params.append(pytest.param(path, index, id=f"{path.stem}[{index}]"))
    if not params:
        return [pytest.param(None, 0, marks=pytest.mark.skip(reason=SKIP_CORPUS))]
    return params


@pytest.mark.parametrize(("path", "index"), _rendered_contents())
def test_corpus_tags_go_and_prose_brackets_stay(path: Path, index: int) -> None:
    source = _content(path.name, index)

    stripped = strip_shortcodes(source)

    def text_of(html: str) -> str:
        return "".join(html[start:stop] for start, stop in text_runs(html))

    assert _TAG.search(text_of(stripped)) is None
    prose_before = [
        match.group()
        for match in _PROSE.finditer(text_of(source))
        if not _TAG.match(match.group())
        and not any(
            code.name == match.group()[1:-1].split()[0].lstrip("/")
            for code in find_shortcodes(match.group())
        )
    ]
    prose_after = [match.group() for match in _PROSE.finditer(text_of(stripped))]
    assert prose_after == prose_before


# --- the cheap pre-check ------------------------------------------------------

_PRECHECK_TEXT = st.text(alphabet="[]/=ab_-x <>\"'\n", max_size=60) | st.sampled_from(
    [
        "[sic] and [the report]",
        "[vc_row][/vc_row]",
        "[a b=1]",
        "[a][/a]",
        "[[gallery]]",
        "<p title='[a b=1]'>x</p>",
        "[a <b>=</b>]",
        "[/a] [a]",
    ]
)


@settings(max_examples=300)
@given(source=_PRECHECK_TEXT)
def test_the_precheck_never_changes_what_is_found(source: str) -> None:
    with_check = _scan(source)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shortcodes_module, "may_register", lambda _source: True)
        without_check = _scan(source)

    assert with_check == without_check


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_the_precheck_changes_nothing_on_the_corpus(path: Path) -> None:
    value = json.loads(path.read_text(encoding="utf-8"))
    for record in value if isinstance(value, list) else [value]:
        content = record.get("content") if isinstance(record, dict) else None
        html = content.get("rendered") if isinstance(content, dict) else None
        if not isinstance(html, str):
            continue
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(shortcodes_module, "may_register", lambda _source: True)
            without_check = _scan(html)
        assert _scan(html) == without_check


_ATTRIBUTE_PIECES = [
    *"ab ='\"&#;8",
    *"\u201c\u201d\u2033\u2019\u00a0\u200b\u00e9\uac00",
    *("&#8221;", "&quot;", "&rdquo;"),
]


@given(st.lists(st.sampled_from(_ATTRIBUTE_PIECES), max_size=40).map("".join))
def test_attribute_text_is_decoded_as_the_full_translation_does(text: str) -> None:
    # The translation of curly quotes is skipped where it would change nothing
    # (ASCII text, or none of its characters): the same text either way.
    decoded = shortcode_attributes._decode(text)
    unescaped = text
    if "&" in unescaped:
        for entity, quote in shortcode_attributes._QUOTE_ENTITIES:
            unescaped = unescaped.replace(entity, quote)
        unescaped = html.unescape(unescaped)
    assert decoded == unescaped.translate(shortcode_attributes._UNTEXTURIZE)
