"""
parse_blocks against the reference parsers themselves, on generated block markup.

* The block editor's ``@wordpress/block-serialization-default-parser``, run with
  node: set ``WPPARSE_NODE_MODULES`` to a ``node_modules`` folder holding it
  (``npm install @wordpress/block-serialization-default-parser``); by default
  ``../shared/node/node_modules`` and ``../notes/node/node_modules`` are tried.
* WordPress's own ``WP_Block_Parser``, run with php-cli from a WordPress
  install (``WPPARSE_WORDPRESS``, by default Debian's ``/usr/share/wordpress``).
  No database is needed: the parser's class files are required directly.

Each skips when its runtime or its parser is absent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from wpparse._editor.blocks import ParsedBlock, _parse_blocks_php, parse_blocks

PACKAGE = "@wordpress/block-serialization-default-parser"


def _node_modules() -> Path | None:
    configured = os.environ.get("WPPARSE_NODE_MODULES")
    candidates = (
        [Path(configured)]
        if configured
        else [
            ROOT.parent / "shared" / "node" / "node_modules",
            ROOT.parent / "notes" / "node" / "node_modules",
        ]
    )
    for folder in candidates:
        if (folder / PACKAGE / "package.json").is_file():
            return folder
    return None


WORDPRESS = Path(os.environ.get("WPPARSE_WORDPRESS", "/usr/share/wordpress"))
PHP_PARSER = WORDPRESS / "wp-includes" / "class-wp-block-parser.php"

# Reads one JSON string per line, answers one JSON array of blocks per line.
NODE_LOOP = """
const { parse } = require("@wordpress/block-serialization-default-parser");
const lines = require("readline").createInterface({ input: process.stdin });
lines.on("line", (line) => process.stdout.write(JSON.stringify(parse(JSON.parse(line))) + "\\n"));
"""

PHP_LOOP = """
$dir = getenv("WPPARSE_WP_INCLUDES");
foreach (["class-wp-block-parser-block.php", "class-wp-block-parser-frame.php",
          "class-wp-block-parser.php"] as $file) {
    if (file_exists("$dir/$file")) { require "$dir/$file"; }
}
$parser = new WP_Block_Parser();
while (($line = fgets(STDIN)) !== false) {
    echo json_encode($parser->parse(json_decode($line))), "\\n";
}
"""


class _Reference:
    """A reference parser in a child process, asked one document at a time."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, **env},
            text=True,
            encoding="utf-8",
        )

    def parse(self, document: str) -> Any:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(json.dumps(document) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


@pytest.fixture(scope="module")
def node() -> Iterator[_Reference]:
    folder = _node_modules()
    executable = shutil.which("node")
    if folder is None or executable is None:
        pytest.skip(f"needs node and {PACKAGE} (set WPPARSE_NODE_MODULES)")
    reference = _Reference([executable, "-e", NODE_LOOP], {"NODE_PATH": str(folder)})
    yield reference
    reference.close()


@pytest.fixture(scope="module")
def php() -> Iterator[_Reference]:
    executable = shutil.which("php")
    if executable is None or not PHP_PARSER.is_file():
        pytest.skip(
            f"needs php-cli and WordPress's {PHP_PARSER} (set WPPARSE_WORDPRESS)"
        )
    reference = _Reference(
        [executable, "-r", PHP_LOOP], {"WPPARSE_WP_INCLUDES": str(PHP_PARSER.parent)}
    )
    yield reference
    reference.close()


def _normal(value: Any) -> Any:
    """
    JSON values compared up to what the languages cannot tell apart.

    Numbers as floats (JavaScript has no integers); PHP writes an empty
    object as ``[]``.
    """
    if isinstance(value, dict):
        return {key: _normal(item) for key, item in value.items()} or "empty"
    if isinstance(value, list):
        return [_normal(item) for item in value] or "empty"
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    return float(value)


def _ours(parse: Callable[[str], tuple[ParsedBlock, ...]], document: str) -> Any:
    return _normal([block.to_dict() for block in parse(document)])


# --- the markup generator -----------------------------------------------------------

# Mostly names that delimit a block, so that trees grow deep; some that do not.
_NAMES = st.sampled_from(
    ["paragraph", "core/group", "my-plugin/x_1", "a", "b-c"] * 3
    + ["Bad", "4x", "a/b/c", ""]
)
# Whitespace a delimiter may hold; the Unicode ones count only for JavaScript.
_ASCII_SPACE = st.sampled_from([" ", "  ", "\n", "\t", "\r\n", "\v", "\f"])
_ANY_SPACE = st.one_of(
    _ASCII_SPACE, st.sampled_from(["\u00a0", "\u2028", "\ufeff", ""])
)
_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.text(st.sampled_from('ab<>-}{/"\\ \u00e9'), max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "c"]), inner, max_size=3)
    ),
    max_leaves=8,
)
_ATTRS = st.one_of(
    st.dictionaries(st.sampled_from(["a", "b", "url"]), _JSON_VALUES, max_size=3).map(
        json.dumps
    ),
    st.sampled_from(["{}", "{", "{}}", '{"a":"} -->"}', "{x}", '{"a":1} }', "{NaN}"]),
)
_HTML = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "x", "0", "{", "}", "-->", "<!--", " ", "\n", "/", "wp:"]
    ),
    max_size=4,
).map("".join)


def _delimiter(space: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        closer = draw(st.sampled_from([False, False, True]))
        void = draw(st.sampled_from([False, False, True]))
        attrs = draw(st.none() | st.none() | _ATTRS)
        head = "<!--" + draw(space) + ("/" if closer else "") + "wp:" + draw(_NAMES)
        tail = draw(space) + (attrs + draw(space) if attrs is not None else "")
        return head + tail + ("/" if void else "") + "-->"

    return build()


def _documents(space: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    delimiter = _delimiter(space)
    piece = st.one_of(delimiter, delimiter, _HTML, st.just("0"))
    return st.lists(piece, max_size=16).map("".join)


@pytest.mark.parametrize(
    "document",
    [
        "",
        "<!-- wp:a -->x<!-- wp:b -->y",
        "<!-- wp:a -->0<!-- wp:b /-->0<!-- /wp:a -->",
        '<!-- wp:a {"x":{"y":"}"}} --><!-- wp:b --><!-- wp:c /--><!-- /wp:b --><!-- /wp:a -->',
        "a<!-- /wp:x -->b<!-- wp:y /-->",
        "<!--\u00a0wp:a\u00a0/-->",
    ],
)
def test_same_as_the_block_editor_on_chosen_cases(
    node: _Reference, document: str
) -> None:
    assert _ours(parse_blocks, document) == _normal(node.parse(document))


@settings(max_examples=300)
@given(document=_documents(_ANY_SPACE))
def test_same_as_the_block_editor(node: _Reference, document: str) -> None:
    assert _ours(parse_blocks, document) == _normal(node.parse(document))


@settings(max_examples=300)
@given(document=_documents(_ANY_SPACE))
def test_same_as_wordpress_where_it_differs_from_the_editor(
    php: _Reference, document: str
) -> None:
    assert _ours(_parse_blocks_php, document) == _normal(php.parse(document))


@settings(max_examples=200)
@given(document=_documents(_ASCII_SPACE))
def test_same_as_wordpress_without_its_quirks(php: _Reference, document: str) -> None:
    # Without a "0" of HTML alone nor Unicode spaces, the two parsers agree.
    ours = _ours(parse_blocks, document)
    if ours != _ours(_parse_blocks_php, document):
        assert "0" in document
        return
    assert ours == _normal(php.parse(document))
