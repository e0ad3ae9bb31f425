"""parse_blocks: WordPress's block serialization parser, case by case and on hostile input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.growth import cpu_seconds
from wpparse._editor.blocks import ParsedBlock, _parse_blocks_php, parse_blocks


def _dicts(raw: str) -> list[dict[str, Any]]:
    return [block.to_dict() for block in parse_blocks(raw)]


_NONE: Any = object()  # the default of _block's attrs: {}


def _block(
    name: str | None,
    attrs: dict[str, Any] | None = _NONE,
    inner: list[dict[str, Any]] | None = None,
    content: list[str | None] | None = None,
) -> dict[str, Any]:
    content = [] if content is None else content
    return {
        "blockName": name,
        "attrs": {} if attrs is _NONE else attrs,
        "innerBlocks": inner or [],
        "innerHTML": "".join(c for c in content if c is not None),
        "innerContent": content,
    }


def _free(html: str) -> dict[str, Any]:
    return _block(None, content=[html])


# --- the shapes of delimiters ----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", []),
        ("<p>Just HTML</p>", [_free("<p>Just HTML</p>")]),
        ("<!-- wp:spacer /-->", [_block("core/spacer")]),
        ("<!-- wp:core/spacer /-->", [_block("core/spacer")]),
        ("<!-- wp:my-plugin/card_2 /-->", [_block("my-plugin/card_2")]),
        (
            '<!-- wp:block {"ref":313} /--><!-- wp:block {"ref":482} /-->',
            [_block("core/block", {"ref": 313}), _block("core/block", {"ref": 482})],
        ),
        (
            "<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->",
            [_block("core/paragraph", content=["<p>Hi</p>"])],
        ),
        # Whitespace of any kind and length inside the comment.
        ("<!--\n\twp:x\n\n/-->", [_block("core/x")]),
        (
            '<!-- wp:x {"a":1}\n-->y<!--  /wp:x  -->',
            [_block("core/x", {"a": 1}, content=["y"])],
        ),
        # The attributes end at the first "}" followed by whitespace and "-->".
        (
            '<!-- wp:x {"a":{"b":"}"}} /-->',
            [_block("core/x", {"a": {"b": "}"}})],
        ),
        ('<!-- wp:x {"a":"} -->"} /-->', [_block("core/x", None, content=['"} /-->'])]),
        # Escaped characters in the attributes are JSON's to decode.
        (
            '<!-- wp:x {"html":"\\u003cb\\u003e \\u002d\\u002d\\u003e \\u0022"} /-->',
            [_block("core/x", {"html": '<b> --> "'})],
        ),
        # Not JSON: the attributes are None, as in WordPress.
        ("<!-- wp:x {not json} /-->", [_block("core/x", None)]),
        ("<!-- wp:x {NaN} /-->", [_block("core/x", None)]),
        ('<!-- wp:x {"n":NaN} /-->', [_block("core/x", None)]),
        ('<!-- wp:x {"a":1}\v/-->', [_block("core/x", None)]),
        ("<!-- wp:x {} /-->", [_block("core/x", {})]),
        # A closer that is also void is a void block; a closer's attributes are ignored.
        ("<!-- /wp:x /-->", [_block("core/x")]),
        (
            '<!-- wp:x -->a<!-- /wp:x {"b":1} -->',
            [_block("core/x", content=["a"])],
        ),
    ],
)
def test_delimiters(raw: str, expected: list[dict[str, Any]]) -> None:
    assert _dicts(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "<!-- wp:Paragraph /-->",  # names are lower case
        "<!-- wp:4-invalid /-->",  # and start with a letter
        "<!-- wp:core/4-invalid /-->",
        "<!-- wp:a/b/c /-->",  # one namespace at most
        "<!-- wp:x-->",  # whitespace before the end is required
        "<!--wp:x -->",  # and after the opening
        '<!-- wp:x {"a":1}-->',  # and after the attributes
        "<!-- wp: x -->",
        "<!-- wp:x {unclosed -->",
        "<!-- more -->",
        "<!-- wp:x ",
    ],
)
def test_what_is_not_a_delimiter_is_freeform(raw: str) -> None:
    assert _dicts(raw) == [_free(raw)]


# --- the tree ----------------------------------------------------------------------


def test_void_blocks_and_empty_blocks_are_the_same() -> None:
    assert parse_blocks("<!-- wp:block /-->") == parse_blocks(
        "<!-- wp:block --><!-- /wp:block -->"
    )
    assert parse_blocks('<!-- wp:my/bus { "is": "fast" } /-->') == parse_blocks(
        '<!-- wp:my/bus { "is": "fast" } --><!-- /wp:my/bus -->'
    )


@pytest.mark.parametrize(
    ("raw", "inner_content"),
    [
        ("<!-- wp:b -->Inner<!-- /wp:b -->", ["Inner"]),
        ("<!-- wp:b --><!-- wp:v /--><!-- /wp:b -->", [None]),
        ("<!-- wp:b --><!-- wp:v /-->After<!-- /wp:b -->", [None, "After"]),
        ("<!-- wp:b -->Before<!-- wp:v /--><!-- /wp:b -->", ["Before", None]),
        ("<!-- wp:b --><!-- wp:v /--><!-- wp:v /--><!-- /wp:b -->", [None, None]),
    ],
)
def test_inner_content_marks_where_inner_blocks_sit(
    raw: str, inner_content: list[str | None]
) -> None:
    (block,) = parse_blocks(raw)

    assert list(block.inner_content) == inner_content
    assert len(block.inner_blocks) == inner_content.count(None)


def test_html_soup_around_blocks_is_freeform() -> None:
    assert _dicts("<p>Before</p><!-- wp:v /--><p>After</p>") == [
        _free("<p>Before</p>"),
        _block("core/v"),
        _free("<p>After</p>"),
    ]
    assert _dicts("<p>Before</p><!-- wp:b -->x<!-- /wp:b -->\n") == [
        _free("<p>Before</p>"),
        _block("core/b", content=["x"]),
        _free("\n"),
    ]


def test_nested_blocks() -> None:
    raw = (
        '<!-- wp:columns --><div class="cols"><!-- wp:column --><div>'
        "<!-- wp:paragraph --><p>One</p><!-- /wp:paragraph -->"
        "</div><!-- /wp:column --></div><!-- /wp:columns -->"
    )
    paragraph = _block("core/paragraph", content=["<p>One</p>"])
    column = _block("core/column", inner=[paragraph], content=["<div>", None, "</div>"])

    assert _dicts(raw) == [
        _block(
            "core/columns",
            inner=[column],
            content=['<div class="cols">', None, "</div>"],
        )
    ]


def test_a_nested_block_keeps_its_empty_tail() -> None:
    # Both references push the HTML before a nested closer even when empty.
    (outer,) = parse_blocks(
        "<!-- wp:a --><!-- wp:b --><!-- wp:c /--><!-- /wp:b --><!-- /wp:a -->"
    )

    assert outer.inner_content == (None,)
    assert outer.inner_blocks[0].inner_content == (None, "")


# --- unclosed and mismatched delimiters --------------------------------------------


def test_unclosed_blocks_close_at_the_end() -> None:
    # Innermost first, each at the top level, and the outer one reads to the
    # end again: the references' output, odd as it is.
    assert _dicts("<!-- wp:a -->x<!-- wp:b -->y") == [
        _free("x"),
        _block("core/b", content=["y"]),
        _block("core/a", content=["x<!-- wp:b -->y"]),
    ]
    assert _dicts("x<!-- wp:a -->y") == [_free("x"), _block("core/a", content=["y"])]


def test_a_closer_closes_the_innermost_block_whatever_its_name() -> None:
    assert _dicts("<!-- wp:a -->x<!-- /wp:b -->y") == [
        _block("core/a", content=["x"]),
        _free("y"),
    ]


def test_a_stray_closer_makes_the_rest_freeform() -> None:
    raw = "a<!-- /wp:x -->b<!-- wp:y /-->"

    assert _dicts(raw) == [_free(raw)]


def test_freeform_after_a_stray_closer_keeps_the_earlier_blocks() -> None:
    assert _dicts("<!-- wp:y /-->a<!-- /wp:x -->b") == [
        _block("core/y"),
        _free("a<!-- /wp:x -->b"),
    ]


# --- the model ---------------------------------------------------------------------


def test_walk_is_depth_first_in_document_order() -> None:
    (root,) = parse_blocks(
        "<!-- wp:a --><!-- wp:b --><!-- wp:c /--><!-- /wp:b --><!-- wp:d /--><!-- /wp:a -->"
    )

    assert [b.name for b in root.walk()] == ["core/a", "core/b", "core/c", "core/d"]


def test_equality_compares_whole_trees() -> None:
    one = parse_blocks('<!-- wp:a --><!-- wp:b {"x":1} /--><!-- /wp:a -->')
    same = parse_blocks('<!-- wp:a --><!-- wp:b {"x":1} /--><!-- /wp:a -->')
    other = parse_blocks('<!-- wp:a --><!-- wp:b {"x":2} /--><!-- /wp:a -->')

    assert one == same
    assert one != other
    assert one[0] != "core/a"
    assert ParsedBlock(name=None) == ParsedBlock(name=None, attrs={})


def test_blocks_are_frozen() -> None:
    block = ParsedBlock(name="core/a")

    with pytest.raises(AttributeError):
        block.name = "core/b"  # type: ignore[misc]


# --- where the PHP parser differs ------------------------------------------------


def test_php_reads_only_ascii_whitespace() -> None:
    raw = "<!--\u00a0wp:a\u00a0/-->"

    assert _dicts(raw) == [_block("core/a")]
    assert [b.to_dict() for b in _parse_blocks_php(raw)] == [_free(raw)]


def test_php_drops_html_that_is_zero() -> None:
    raw = "<!-- wp:a -->0<!-- wp:b /-->0<!-- /wp:a -->"
    (js,) = parse_blocks(raw)
    (php,) = _parse_blocks_php(raw)

    assert js.inner_content == ("0", None, "0")
    assert php.inner_content == (None,)


# --- hostile input -----------------------------------------------------------------


DEEP = 100_000


def test_100000_nested_blocks() -> None:
    raw = "<!-- wp:group -->" * DEEP + "x" + "<!-- /wp:group -->" * DEEP
    (root,) = parse_blocks(raw)

    depth = sum(1 for _ in root.walk())
    assert depth == DEEP
    assert root.to_dict()["blockName"] == "core/group"
    assert root == parse_blocks(raw)[0]


def test_100000_unclosed_nested_blocks() -> None:
    opener = "<!-- wp:group -->"
    raw = opener * DEEP + "x"
    blocks = parse_blocks(raw)

    # Each closes at the end of the document: the innermost first, at the top
    # level, holding the rest of the document (cut only when read).
    assert len(blocks) == DEEP
    assert blocks[0].inner_content == ("x",)
    assert blocks[-1].inner_html == raw[len(opener) :]
    assert blocks[1] != blocks[2]
    assert blocks[1] == parse_blocks(raw)[1]


def test_a_block_open_at_the_end_reads_the_rest() -> None:
    (block,) = parse_blocks("<!-- wp:a -->x")

    assert block.inner_content == ("x",)
    assert block.inner_html == "x"
    assert block == ParsedBlock(name="core/a", inner_content=("x",))
    assert repr(block) == (
        "ParsedBlock(name='core/a', attrs={}, inner_blocks=(), inner_content=('x',))"
    )


def test_ten_megabytes_of_attributes() -> None:
    text = "a" * 10_000_000
    (block,) = parse_blocks(f'<!-- wp:fake {{"a":"{text}"}} /-->')

    assert block.attrs is not None
    assert len(block.attrs["a"]) == len(text)


@pytest.mark.parametrize(
    "raw",
    [
        '<!-- wp:x {"a":' + "[" * 100_000 + "]" * 100_000 + "} /-->",
        '<!-- wp:x {"n":' + "9" * 5000 + "} /-->",
    ],
    ids=["deep-json", "huge-integer"],
)
def test_attributes_json_cannot_hurt(raw: str) -> None:
    (block,) = parse_blocks(raw)

    assert block.name == "core/x"


def test_huge_integers_become_floats_as_in_javascript() -> None:
    (block,) = parse_blocks('<!-- wp:x {"n":' + "9" * 5000 + "} /-->")

    assert block.attrs == {"n": float("inf")}


def _unclosed_attributes(n: int) -> str:
    return '<!-- wp:x {"a":1} --' * n


def _unclosed_comments(n: int) -> str:
    return "<!-- wp:x " * n


def _braces(n: int) -> str:
    return "<!-- wp:x {" + "} " * n


def _deep(n: int) -> str:
    return "<!-- wp:g -->" * n + "<!-- /wp:g -->" * n


def _deep_unclosed(n: int) -> str:
    return "<!-- wp:g -->x" * n


def _whitespace(n: int) -> str:
    return "<!--" + " " * n + "wp:x" + " " * n + "{" + " " * n + "}" + " " * n + "-"


@pytest.mark.parametrize(
    ("shape", "size"),
    [
        (_unclosed_attributes, 20_000),
        (_unclosed_comments, 200_000),
        (_braces, 200_000),
        (_deep, 5_000),
        (_deep_unclosed, 5_000),
        (_whitespace, 2_000_000),
    ],
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_time_grows_linearly(shape: Callable[[int], str], size: int) -> None:
    # Four times the input must take well under sixteen times as long (quadratic).
    small, large = shape(size), shape(4 * size)
    parse_blocks(small)  # warm up

    ratio = cpu_seconds(lambda: parse_blocks(large)) / max(
        cpu_seconds(lambda: parse_blocks(small)), 2e-3
    )

    assert ratio < 9, f"{ratio:.1f}x for 4x the input"


def test_a_tree_of_any_depth_pickles() -> None:
    import copy
    import pickle

    raw = (
        "<!-- wp:group -->" * DEEP
        + "x"
        + "<!-- /wp:group -->" * DEEP
        + "<!-- wp:a -->y"
    )
    blocks = parse_blocks(raw)

    assert pickle.loads(pickle.dumps(blocks)) == blocks
    assert copy.deepcopy(blocks[-1]) == blocks[-1]
    assert pickle.loads(pickle.dumps(blocks[-1])).inner_html == "y"
