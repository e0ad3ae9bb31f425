"""
The optional compiled content walk (``wpparse._speedups``) and its pure-Python reference.

Two levels of comparison, each skipped when this run is pure Python (nothing to compare):

* the readers themselves, in this process: the compiled ``text_of``,
  ``facts``, ``anchor_of``, ``collapse`` and ``read_element`` against their
  ``pure_`` twins on every element of the corpus, hostile markup and
  generated HTML;
* whole models: the same calls in a pure-Python wpparse in a process of its
  own (``tests/pure_worker.py``, ``WPPARSE_NO_EXTENSIONS=1``), with the same
  results (``==`` and ``to_dict``), the same errors and the same warnings.

``WPPARSE_EXPECT_COMPILED=1`` (``nox -s tests``) makes a pure run an error, so
that a build that silently fell back cannot pass for a test of the compiled walk.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import wpparse
from tests.conftest import DATA, ROOT, corpus_files
from tests.property.strategies import html_fragments, posts_with_content
from tests.pure_worker import outcome
from wpparse import _text
from wpparse._content import blocks, element_text, pieces, vocabulary
from wpparse._content import walk as walk_module
from wpparse._content.element_text import BLOCK_TEXT, BR_TEXT, PLAIN_TEXT
from wpparse._content.links import LinkResolver
from wpparse._content.stream import Piece
from wpparse._content.vocabulary import content_root
from wpparse._model.content import Block
from wpparse._speedups import ENVIRONMENT_VARIABLE, switched_off

COMPILED_ONLY = pytest.mark.skipif(
    not wpparse.COMPILED, reason="the compiled walk is not in use (pure-Python run)"
)
GUTENBERG = Path(
    os.environ.get(
        "WPPARSE_GUTENBERG_FIXTURES", ROOT.parent / "shared" / "gutenberg-fixtures"
    )
)


def _run(code: str, **env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return result.stdout.strip()


# -- the switch ---------------------------------------------------------------


def test_compiled_is_a_bool_and_says_which_code_runs() -> None:
    from wpparse._speedups import COMPILED, compiled

    assert wpparse.COMPILED is COMPILED
    assert isinstance(COMPILED, bool)
    assert COMPILED == (compiled is not None)
    twins = [
        (element_text, "text_of"),
        (element_text, "facts"),
        (vocabulary, "anchor_of"),
        (_text, "collapse"),
    ]
    for module, name in twins:
        pure_twin = getattr(module, f"pure_{name}")
        in_use = getattr(module, name)
        if compiled is not None:
            assert in_use is getattr(compiled, name), name
        else:
            assert in_use is pure_twin, name


def test_a_run_that_expects_the_compiled_walk_has_it() -> None:
    if os.environ.get("WPPARSE_EXPECT_COMPILED", "") not in {"", "0"}:
        assert wpparse.COMPILED, (
            "WPPARSE_EXPECT_COMPILED is set, but wpparse is pure Python"
        )


@pytest.mark.parametrize(
    ("value", "off"), [("", False), ("0", False), ("1", True), ("yes", True)]
)
def test_the_environment_variable_switches_the_compiled_walk_off(
    value: str, off: bool
) -> None:
    assert switched_off({ENVIRONMENT_VARIABLE: value}) is off
    assert switched_off({}) is False


def test_wpparse_no_extensions_makes_a_pure_python_run() -> None:
    code = "import wpparse; print(wpparse.COMPILED)"

    assert _run(code, WPPARSE_NO_EXTENSIONS="1") == "False"


def test_version_says_which_walk_is_in_use() -> None:
    code = (
        "import contextlib, io, wpparse\n"
        "from wpparse._cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        "    main(['--version'])\n"
        "print(out.getvalue().strip(), wpparse.COMPILED, sep='|')\n"
    )

    pure = _run(code, WPPARSE_NO_EXTENSIONS="1")
    default, compiled = _run(code, WPPARSE_NO_EXTENSIONS="").split("|")

    assert pure == f"wpparse {wpparse.__version__} (pure Python)|False"
    mode = "compiled" if compiled == "True" else "pure Python"
    assert default == f"wpparse {wpparse.__version__} ({mode})"
    if wpparse.COMPILED:
        assert compiled == "True"


@COMPILED_ONLY
def test_the_extension_reads_lxml_nodes_without_libxml2() -> None:
    # The module must not link against libxml2: lxml's public C API only.
    from wpparse._speedups import compiled

    assert compiled is not None
    binary = Path(compiled.__file__ or "").read_bytes()
    for symbol in (b"xmlStrlen", b"xmlNodeGetContent", b"xmlGetProp", b"xmlFree"):
        assert symbol not in binary


# -- the readers, element by element -------------------------------------------

HOSTILE_HTML = [
    "",
    "   ",
    "<p></p>",
    "<p> \t\n </p>",
    "<p>one\u00a0two\u3000three\u2028four\x1cfive\x85six</p>",
    "<p>a  b\n\nc\r\nd</p>",
    "<p>x<br>y<br><br>z<br></p>",
    "<p><br>only a break</p>",
    "<p><strong>Bold</strong></p>",
    "<p>1. <strong>Numbered title</strong>:</p>",
    "<p><b>Bold</b> and not</p>",
    "<p><em><strong>both</strong></em></p>",
    "<p><i>it</i> <cite>cite</cite></p>",
    '<p><a href="/x">all linked</a></p>',
    "<p><a>no href</a></p>",
    '<p><a href="">empty href</a> text</p>',
    '<p><span style="font-weight: bold">styled</span></p>',
    '<p><span style="FONT-WEIGHT:700">upper</span></p>',
    '<p><span style="font-weight:\u00a0bolder">nbsp</span></p>',
    '<p><span style="font-weıght:bold">dotless i</span></p>',
    '<p><span style="font-weight:600x">not a weight</span></p>',
    '<p style="font-weight:800">whole paragraph</p>',
    "<p><strong>a<em>b<a href='#'>c</a></em></strong>d</p>",
    "<p><strong><span><em>deep</em></span></strong></p>",
    "<p>before<iframe>fallback text</iframe>after</p>",
    "<p><video><b>hidden</b></video>seen</p>",
    "<p><svg><text>drawn</text></svg></p>",
    "<div><p>para</p><ul><li>one</li><li>two</li></ul>tail</div>",
    "<div>a<table><tr><td>1</td><td>2</td></tr></table>b</div>",
    "<blockquote><p>q</p><cite>who</cite></blockquote>",
    "<p>caf\u00e9 \u0130stanbul \u00df \u4e2d\u6587 \U0001f600 \u0661\u0662</p>",
    "<p><b>\u0661\u0662\u0663</b> digits are no letters</p>",
    "<p>\u2160\u2161 roman numerals</p>",
    "<p>&amp;&lt;&gt;&nbsp;&#8217;&bogus;</p>",
    "<p>\x00nul\x01ctrl</p>",
    "<p>lone \ud800 surrogate</p>",
    "<h2>A <em>heading</em><br>two lines</h2>",
    "<p><strong>Lead,</strong> and the rest of the paragraph.</p>",
    "<p><b></b><i></i><a href='#'></a></p>",
    "<details><summary>s</summary>body</details>",
    "<pre>  code\n  <b>kept</b>  </pre>",
    "<p>" + "<span>" * 300 + "deep" + "</span>" * 300 + "</p>",
    "<div>" + "<div><p>nested</p>" * 200 + "</div>" * 201,
    "<p>" + "<b>x</b> " * 2000 + "</p>",
    "<p>" + "word " * 5000 + "</p>",
    '<p class="wp-caption-text">a caption</p>',
    "<ol><li><strong>One</strong></li></ol>",
    "<p>text<!-- comment -->more</p>",
    "<p><![CDATA[cdata]]>after</p>",
    "<html><body><p>document tags</p></body></html><p>after</p>",
]


def _elements(html: str) -> list[etree._Element]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # repairs: the models' tests compare them
        body = content_root(html)
    if body is None:
        return []
    return [el for el in body.iter() if isinstance(el.tag, str)]


def _assert_readers_agree(html: str) -> None:
    from wpparse._speedups import compiled

    assert compiled is not None
    for el in _elements(html):
        where = f"{el.tag!r} in {html[:80]!r}"
        expected = element_text.pure_text_of(el)
        assert compiled.text_of(el) == expected, where
        for shape in (PLAIN_TEXT, BR_TEXT, BLOCK_TEXT):
            assert compiled.text_of(el, shape=shape) == element_text.pure_text_of(
                el, shape=shape
            ), (where, shape)
        assert compiled.facts(el) == element_text.pure_facts(el), where
        assert compiled.anchor_of(el) == vocabulary.pure_anchor_of(el), where
        for short in (0, 40, 200, 10**9):
            got = compiled.read_element(el, short)
            want = element_text.pure_read_element(el, short)
            assert type(got) is element_text.ElementRead, where
            assert got == want, (where, short)
        for text in (el.text, el.tail):
            if text is not None:
                assert compiled.collapse(text) == _text.pure_collapse(text), where
        if not len(el):
            _assert_plain_paragraphs_agree(el)
        if el.tag in {"p", "div", "span", "li"}:
            _assert_paragraphs_agree(el)
        if el.tag == "a":
            resolver = LinkResolver("https://example.com/post/")
            assert compiled.read_link(el, resolver) == blocks.pure_read_link(
                el, resolver
            ), where


def _built_outcome(read: Any, el: etree._Element, marker: str | None) -> Any:
    """What a paragraph builder (*read*) leaves behind: marker, pieces, HTML sources, links."""
    out = pieces.Pieces(LinkResolver("https://example.com/post/"))
    out.marker = marker
    read(out, el)
    made = [(p.block, p.flags, p.anchor) for p in out.pieces]
    sources = list(out.later.sources or [])
    html = [p.block.html for p in out.pieces if p.block is not None]
    return out.marker, made, sources, html, out.links


def _assert_paragraphs_agree(el: etree._Element) -> None:
    from wpparse._speedups import compiled

    assert compiled is not None
    for marker in (None, "before"):
        got = _built_outcome(compiled.paragraph, el, marker)
        want = _built_outcome(pieces.pure_paragraph, el, marker)
        assert got == want, (el.tag, etree.tostring(el)[:80], marker)


def _assert_plain_paragraphs_agree(el: etree._Element) -> None:
    from wpparse._speedups import compiled

    assert compiled is not None
    for marker in (None, "before"):
        got = _built_outcome(compiled.plain_paragraph, el, marker)
        want = _built_outcome(pieces.pure_plain_paragraph, el, marker)
        assert got == want, (el.tag, etree.tostring(el)[:80], marker)
        for _, made, _, _, _ in (got,):
            for block, _, _ in made:
                assert type(block) is Block


@COMPILED_ONLY
@pytest.mark.parametrize("html", HOSTILE_HTML)
def test_readers_agree_on_hostile_markup(html: str) -> None:
    _assert_readers_agree(html)
    _assert_walks_agree(html)


def _walk_outcome(html: str, walk: Any) -> Any:
    """What the walk gives for *html*: every piece's fields (HTML read) and the links."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(walk_module._Walker, "walk", walk)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found, links = walk_module.split_content(html, "https://example.com/p/")
    return [
        (
            type(p).__name__,
            p.block,
            p.block.html if p.block is not None else None,
            p.flags,
            p.anchor,
            p.level,
            p.title,
            p.links,
            str(
                p.heading_html if isinstance(p.heading_html, str) else p.heading_html()
            ),
        )
        for p in found
    ], links


def _assert_walks_agree(html: str) -> None:
    from wpparse._speedups import compiled

    assert compiled is not None
    assert _walk_outcome(html, compiled.walk) == _walk_outcome(
        html, walk_module.pure_walk
    ), html[:200]


@COMPILED_ONLY
def test_readers_agree_on_trees_the_parser_never_makes() -> None:
    # Comments, processing instructions, CDATA, namespaced tags and entity
    # text only lxml's API can put there: still the same answers.
    root = etree.fromstring(
        '<div xmlns:x="urn:x"><p>a<!--c--><b>x<?pi z?>y</b>t<x:b>ns</x:b>'
        "<![CDATA[cd]]><i>u<br/>v</i><video>w</video></p>"
        # a lead behind a comment, a namespaced <a> and id, an <a> in CDATA
        '<p><!--c--><b>Lead</b> and the rest</p><p x:id="n"><x:a href="/x">y</x:a>'
        '<a x:name="m" name="k" href="/z">z</a></p><p><![CDATA[<a href="/c">]]></p></div>'
    )
    from wpparse._speedups import compiled

    assert compiled is not None
    for el in root.iter():
        if isinstance(el.tag, str):
            assert compiled.text_of(el) == element_text.pure_text_of(el)
            assert compiled.facts(el) == element_text.pure_facts(el)
            assert compiled.anchor_of(el) == vocabulary.pure_anchor_of(el)
            for short in (0, 10**9):
                assert compiled.read_element(
                    el, short
                ) == element_text.pure_read_element(el, short)
    comment = root[0][0]
    assert compiled.text_of(comment) == element_text.pure_text_of(comment)


def _corpus_contents() -> Iterator[tuple[str, str]]:
    for path in corpus_files("posts") + corpus_files("seed"):
        try:
            value = json.loads(path.read_bytes())
        except ValueError:
            continue
        for index, obj in enumerate(value if isinstance(value, list) else [value]):
            content = obj.get("content") if isinstance(obj, dict) else None
            html = content.get("rendered") if isinstance(content, dict) else None
            if isinstance(html, str):
                yield f"{path.name}[{index}]", html


@COMPILED_ONLY
@pytest.mark.corpus
def test_readers_agree_on_every_element_of_the_corpus() -> None:
    contents = list(_corpus_contents())
    if not contents:
        pytest.skip("the shared corpus is absent")
    for _, html in contents:
        _assert_readers_agree(html)
        _assert_walks_agree(html)


@COMPILED_ONLY
@given(html_fragments)
def test_readers_agree_on_generated_html(html: str) -> None:
    _assert_readers_agree(html)
    _assert_walks_agree(html)


@COMPILED_ONLY
@given(
    st.lists(
        st.one_of(
            st.text(max_size=6),
            st.sampled_from(
                [
                    " ",
                    "  ",
                    "\t",
                    "\n",
                    "\xa0",
                    "\u3000",
                    "\x1c",
                    "\x85",
                    "\u200b",
                    "\ud800",
                ]
            ),
        ),
        max_size=8,
    ).map("".join)
)
def test_collapse_agrees_on_any_text(text: str) -> None:
    from wpparse._speedups import compiled

    assert compiled is not None
    assert (
        compiled.collapse(text) == _text.pure_collapse(text) == " ".join(text.split())
    )


def test_collapse_of_every_whitespace_character() -> None:
    from wpparse._speedups import compiled

    spaces = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
    for collapse in filter(None, [_text.pure_collapse, compiled and compiled.collapse]):
        assert collapse(f"{spaces}a{spaces}b{spaces}") == "a b"
        assert collapse(spaces) == ""


# The compiled collapse reads each width of str (1, 2, 4 bytes a character) in
# a loop of its own, with one compare for U+0021 to U+0084: the characters at
# the edges of that range, in text of each width.
_EDGES = ["\x00", "\x1f", " ", "!", "\x7f", "\x84", "\x85", "\x86", "\xa0", "\xff"]


@COMPILED_ONLY
@pytest.mark.parametrize("wide", ["", "\u20ac", "\U0001f600"])
@pytest.mark.parametrize("edge", _EDGES)
def test_collapse_agrees_at_the_edges_in_every_width(wide: str, edge: str) -> None:
    from wpparse._speedups import compiled

    assert compiled is not None
    for text in (
        f"{wide}a{edge}b",
        f"{edge}{wide}",
        f"{wide}{edge}",
        f"{wide} {edge} x",
        f"{wide}{edge}{edge}",
        edge,
    ):
        assert compiled.collapse(text) == _text.pure_collapse(text), repr(text)


_INLINE_TAGS = ["b", "strong", "i", "em", "cite", "a", "span", "br", "iframe", "p"]
_WORDS = st.sampled_from(
    [
        "word",
        " ",
        "  ",
        "\n",
        "\u00a0",
        "\u3000",
        "1.",
        ":",
        "\u0130",
        "ß",
        "\U0001f600",
        "&amp;",
        "",
    ]
)


@st.composite
def _inline_markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(_INLINE_TAGS))
            attrs = draw(
                st.sampled_from(
                    [
                        "",
                        ' href="#x"',
                        ' style="font-weight:bold"',
                        ' style="font-weight: 400"',
                    ]
                )
            )
            inner = draw(_inline_markup(depth + 1))
            parts.append(f"<{tag}{attrs}>{inner}</{tag}>")
        else:
            parts.append(draw(_WORDS))
    return "".join(parts)


@COMPILED_ONLY
@given(_inline_markup())
def test_readers_agree_on_generated_inline_markup(inner: str) -> None:
    _assert_readers_agree(f"<p>{inner}</p><h3>{inner}</h3>")


# -- whole models, against a pure-Python process ------------------------------


class PureWpparse:
    """wpparse in a subprocess with ``WPPARSE_NO_EXTENSIONS=1``: each call's outcome."""

    def __init__(self) -> None:
        worker = Path(__file__).with_name("pure_worker.py")
        env = {**os.environ, ENVIRONMENT_VARIABLE: "1"}
        env["PYTHONPATH"] = os.pathsep.join(
            [str(ROOT), *filter(None, [env.get("PYTHONPATH")])]
        )
        self.process = subprocess.Popen(
            [sys.executable, str(worker)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        ready = self._receive()
        assert ready == ("ready", False), ready

    def _receive(self) -> Any:
        stdout: IO[bytes] | None = self.process.stdout
        assert stdout is not None
        return pickle.load(stdout)

    def __call__(self, name: str, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
        stdin = self.process.stdin
        assert stdin is not None
        pickle.dump((name, args, kwargs), stdin)
        stdin.flush()
        result: tuple[Any, ...] = self._receive()
        return result

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        self.process.wait(timeout=60)


@pytest.fixture(scope="module")
def pure() -> Iterator[PureWpparse]:
    worker = PureWpparse()
    yield worker
    worker.close()


def _views(value: Any) -> Any:
    """What must be equal besides ``==``: to_dict of every post."""
    if isinstance(value, wpparse.Post):
        return wpparse.to_dict(value)
    if isinstance(value, list | tuple):
        return [_views(item) for item in value]
    return None


def _same(pure: PureWpparse, name: str, *args: Any, **kwargs: Any) -> None:
    expected = pure(name, *args, **kwargs)
    got = outcome(name, args, kwargs)
    assert got[0] == expected[0], (got, expected)
    if got[0] == "ok":
        assert got[2] == expected[2]  # the same warnings
        assert got[1] == expected[1]
        assert _views(got[1]) == _views(expected[1])
    else:
        assert got[1:] == expected[1:]


@COMPILED_ONLY
@pytest.mark.corpus
def test_every_corpus_file_parses_the_same_both_ways(pure: PureWpparse) -> None:
    files = corpus_files("posts") + corpus_files("seed")
    if not files:
        pytest.skip("the shared corpus is absent")
    for path in files:
        raw = path.read_bytes()
        for rule in ("auto", "bold", "html"):
            _same(pure, "parse_objects", raw, strict=False, headings=rule)


def _fixture_files() -> list[Path]:
    found = [ROOT / "examples" / "sample-post.json"]
    found += sorted(p for p in DATA.rglob("*") if p.suffix in {".json", ".html"})
    if GUTENBERG.is_dir():
        found += sorted(GUTENBERG.glob("*.html"))
    return found


@COMPILED_ONLY
def test_every_fixture_parses_the_same_both_ways(pure: PureWpparse) -> None:
    for path in _fixture_files():
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        if path.suffix == ".html":
            for rule in ("auto", "bold"):
                _same(
                    pure,
                    "parse_content",
                    text,
                    base_url="https://example.org/a/",
                    headings=rule,
                )
            _same(pure, "extract_links", text, base_url="https://example.org/a/")
        else:
            _same(pure, "parse_objects", path.read_bytes(), strict=False)


@COMPILED_ONLY
@pytest.mark.parametrize("html", HOSTILE_HTML)
def test_hostile_content_parses_the_same_both_ways(
    pure: PureWpparse, html: str
) -> None:
    post = {"id": 1, "link": "https://example.org/p/", "content": {"rendered": html}}
    _same(pure, "parse_post", post)
    _same(pure, "parse_post", json.dumps(post), headings="bold")


@COMPILED_ONLY
@pytest.mark.property
@given(obj=posts_with_content())
def test_generated_posts_parse_the_same_both_ways(
    pure: PureWpparse, obj: dict[str, Any]
) -> None:
    _same(pure, "parse_post", obj)


# -- no recursion, no leak, linear time -----------------------------------------


def _deep(depth: int, tag: str = "span") -> etree._Element:
    """A <p> with *depth* nested elements, built with lxml (no parser depth limit)."""
    root = etree.Element("p")
    node = etree.SubElement(root, tag, style="font-weight:bold", id=" ")
    for level in range(depth):
        node = etree.SubElement(node, tag)
        node.text = "x " if level % 2 else None
        node.tail = " y"
    etree.SubElement(node, "a", name="deep-anchor").text = "z"
    return root


def _wide(width: int) -> etree._Element:
    root = etree.Element("p")
    for _ in range(width):
        etree.SubElement(root, "b").tail = " word "
        etree.SubElement(root, "br")
    return root


@COMPILED_ONLY
def test_a_tree_10000_deep_is_read_without_recursion() -> None:
    from wpparse._speedups import compiled

    assert compiled is not None
    root = _deep(10_000)
    assert compiled.text_of(root) == element_text.pure_text_of(root)
    assert compiled.facts(root) == element_text.pure_facts(root)
    assert compiled.anchor_of(root) == vocabulary.pure_anchor_of(root) == "deep-anchor"
    assert compiled.read_element(root, 10**9) == element_text.pure_read_element(
        root, 10**9
    )


@COMPILED_ONLY
def test_the_readers_leak_no_memory() -> None:
    import tracemalloc

    from wpparse._speedups import compiled

    assert compiled is not None
    elements = [*_elements(HOSTILE_HTML[-1] + "".join(HOSTILE_HTML[:40])), _deep(50)]

    def read_all() -> None:
        for el in elements:
            compiled.text_of(el)
            compiled.text_of(el, shape=BLOCK_TEXT)
            compiled.facts(el)
            compiled.anchor_of(el)
            compiled.read_element(el, 10**9)
            compiled.read_element(el, 0)
            compiled.collapse(f" {el.tag!r}  x ")
            if not len(el):
                out = pieces.Pieces(LinkResolver(None))
                compiled.plain_paragraph(out, el)
                for piece in out.pieces:
                    assert piece.block is not None
                    piece.block.html  # noqa: B018 - serialised, then let go

    read_all()
    tracemalloc.start()
    try:
        read_all()
        before, _ = tracemalloc.get_traced_memory()
        for _ in range(200):
            read_all()
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    # A leak of even one small object per call would be ~500 KB here.
    assert after - before < 20_000


@COMPILED_ONLY
# Sizes whose reading takes long enough to time, and that fit no cache: a
# small tree read from the cache against a large one read from memory gives
# ratios of 40 and more on a busy machine.  (lxml builds a deep tree in
# quadratic time, each new child checked against its ancestors: 20,000 deep
# is two seconds.)
@pytest.mark.parametrize(("shape", "size"), [(_deep, 2_000), (_wide, 10_000)])
def test_the_readers_take_linear_time(shape: Any, size: int) -> None:
    from tests.growth import cpu_seconds
    from wpparse._speedups import compiled

    assert compiled is not None
    small, large = shape(size), shape(10 * size)

    def read(el: etree._Element) -> None:
        compiled.text_of(el)
        compiled.facts(el)
        compiled.anchor_of(el)
        compiled.read_element(el, 10**9)

    ratio = cpu_seconds(lambda: read(large)) / max(
        cpu_seconds(lambda: read(small)), 1e-6
    )

    assert ratio < 40  # ten times the input: linear is 10, quadratic 100


@COMPILED_ONLY
def test_the_compiled_paragraph_builds_blocks_as_the_model_is() -> None:
    from wpparse._speedups import compiled

    assert compiled is not None
    # Told a block of other fields, it refuses (and keeps what it was told
    # before): a field added to Block must reach the compiled builder.
    fields = [f for f in attrs.fields(Block) if f.name != "language"]
    with pytest.raises(TypeError, match="Block has changed"):
        compiled.configure_blocks(
            block=Block,
            fields=[f.name for f in fields],
            paragraph={
                f.name: f.default for f in fields if f.name not in {"text", "html"}
            },
            piece=Piece,
            caption_hint=None,
            caption=0,
        )
    body = content_root(
        '<p>One  <br class="x"></p><p class="wp-caption-text" id="c">Two</p>'
    )
    assert body is not None
    out = pieces.Pieces(LinkResolver(None))
    compiled.plain_paragraph(out, body[1])
    (piece,) = out.pieces
    assert piece.block == Block(
        kind=wpparse.BlockKind.PARAGRAPH,
        text="Two",
        html='<p class="wp-caption-text" id="c">Two</p>',
    )
    assert (piece.flags, piece.anchor) == (vocabulary.CAPTION, "c")
    with pytest.raises(ValueError, match="without children"):
        compiled.plain_paragraph(out, body[0])


@COMPILED_ONLY
def test_links_read_alike_at_their_bounds() -> None:
    from wpparse._speedups import compiled

    assert compiled is not None
    many = "<span>x</span>" * 70
    html = "".join(
        [
            '<p><a href="/card"><div><h3>Card</h3><p>Its text</p></div></a></p>',
            f'<p><a href="/deep">{many}<br>after</a></p>',  # a <br> past 64 nodes
            f'<p><a href="/early"><br>{many}</a></p>',
            f'<p><a href="/long" title=" T ">{" " * 1100}words</a></p>',
            f'<p><a href="/longer">{"w " * 600}<b>end</b></a></p>',
            '<p><a href="/cdata" rel="Nofollow UGC">x<!--c--><i>y</i></a></p>',
            '<p><a name="no-href">x</a></p>',
        ]
    )
    body = content_root(html)
    assert body is not None
    anchors = list(body.iter("a"))
    # Trees the parser never makes: an entity reference, a namespaced child.
    anchors[-2].append(etree.Entity("amp"))
    anchors[-2].append(etree.Element("{urn:x}br"))
    resolver = LinkResolver("https://example.com/post/")
    got = [compiled.read_link(a, resolver) for a in anchors]

    assert got == [blocks.pure_read_link(a, resolver) for a in anchors]
    assert got[-1] is None
    assert got[3] is not None
    assert got[3].title == "T"
