"""
Conformance sweep over WordPress/gutenberg's block fixtures (issue #15, "Measured, not guessed").

The fixtures (``test/integration/fixtures/blocks/core__*.html``) stay outside
the repository: the test reads them from ``WPPARSE_GUTENBERG_FIXTURES`` (or
``../shared/gutenberg-fixtures``) and skips when they are absent.  The list
it expects, with each file's repository path and commit, is
``tests/data/gutenberg-fixtures.tsv``.

For every fixture: no exception; no lost or glued words (every word of the
markup's visible text is a word of ``to_text``); every ``<a href>`` a
:class:`~wpparse.Link` whose URL the Markdown keeps; and the block kind its
block type calls for.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

import pytest
from lxml import html as lxml_html

import wpparse
from tests.conftest import DATA, ROOT
from wpparse import BlockKind, HeadingSource

FIXTURES = Path(
    os.environ.get(
        "WPPARSE_GUTENBERG_FIXTURES", ROOT.parent / "shared" / "gutenberg-fixtures"
    )
)
LIST = DATA / "gutenberg-fixtures.tsv"
BASE = "https://example.org/2024/01/post/"

# The kind of the first block each block type gives; None: no block at all
# (dynamic blocks, whose fixture is only the block comment: the server renders them).
KINDS: dict[str, BlockKind | None] = {
    "paragraph": BlockKind.PARAGRAPH,
    "heading": BlockKind.HEADING,  # a section title, not a block
    "list": BlockKind.LIST,
    "quote": BlockKind.QUOTE,
    "pullquote": BlockKind.QUOTE,
    "table": BlockKind.TABLE,
    "image": BlockKind.FIGURE,
    "media-text": BlockKind.FIGURE,
    "embed": BlockKind.EMBED,
    "audio": BlockKind.EMBED,
    "video": BlockKind.EMBED,
    "separator": BlockKind.SEPARATOR,
    "code": BlockKind.CODE,
    "preformatted": BlockKind.CODE,
    "buttons": BlockKind.PARAGRAPH,
    "file": BlockKind.PARAGRAPH,
    "html": BlockKind.PARAGRAPH,
    "column": BlockKind.PARAGRAPH,
    "accordion-item": BlockKind.PARAGRAPH,
    "accordion-panel": BlockKind.PARAGRAPH,
    "details": BlockKind.OTHER,
    "group": BlockKind.PARAGRAPH,
    "columns": BlockKind.PARAGRAPH,
    "button": BlockKind.PARAGRAPH,
    "gallery": BlockKind.FIGURE,
    "cover": BlockKind.FIGURE,  # its background image, then the text over it
    "spacer": None,
    "archives": None,
    "block": None,
    "bookmark-count": None,
    "calendar": None,
    "comment-author-avatar": None,
    "comment-edit-link": None,
}
_BLOCK_NAME = re.compile(r"<!--\s*wp:(?:core/)?([a-z][\w-]*)")
_WORD = re.compile(r"\w+")
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "td",
        "th",
        "tr",
        "table",
        "figure",
        "figcaption",
        "blockquote",
        "cite",
        "summary",
        "details",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "hr",
        "br",
    ]
)


def _names() -> list[str]:
    rows = LIST.read_text(encoding="utf-8").splitlines()
    return [r.split("\t")[0] for r in rows if r and not r.startswith(("#", "name\t"))]


def _fixture(name: str) -> str:
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"Gutenberg fixture {name} is not in {FIXTURES}")
    return path.read_text(encoding="utf-8")


def _post(markup: str) -> wpparse.Post:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        return wpparse.parse_post(
            {"id": 1, "link": BASE, "content": {"rendered": markup}}
        )


def _visible_words(markup: str) -> list[str]:
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    for bad in root.xpath("//script|//style|//comment()"):
        bad.drop_tree()
    for el in root.iter():
        # A reader sees a break between blocks, cells and buttons.
        if el.tag in _BLOCK_TAGS or "button" in (el.get("class") or ""):
            el.text = " " + (el.text or "")
            el.tail = " " + (el.tail or "")
    return _WORD.findall(root.text_content().casefold())


NAMES = _names()
# What the sweep finds that the render side owns: strict xfails, so whoever
# fixes one sees it flip.
RENDER_SIDE: dict[str, str] = {}


def _marked(names: list[str], check: str) -> list[object]:
    return [
        pytest.param(
            n,
            marks=pytest.mark.xfail(strict=True, reason=RENDER_SIDE[n]),
        )
        if check == "words" and n in RENDER_SIDE
        else n
        for n in names
    ]


def test_the_fixture_list_names_its_source() -> None:
    rows = [r.split("\t") for r in LIST.read_text(encoding="utf-8").splitlines()[2:]]

    assert len(rows) >= 25
    for name, path, commit in rows:
        assert path == f"test/integration/fixtures/blocks/{name}"
        assert re.fullmatch(r"[0-9a-f]{40}", commit)
        assert re.fullmatch(r"core__[\w-]+\.html", name)


def test_every_listed_block_type_has_an_expected_kind() -> None:
    types = {re.match(r"core__([\w-]+?)(?:__|\.html)", n).group(1) for n in NAMES}  # type: ignore[union-attr]

    assert set() == types - set(KINDS)


@pytest.mark.parametrize("name", NAMES)
def test_no_exception(name: str) -> None:
    post = _post(_fixture(name))

    post.to_text()
    post.to_markdown()
    list(post.chunks())
    wpparse.parse_content(_fixture(name), base_url=BASE, headings="html")


@pytest.mark.parametrize("name", _marked(NAMES, "words"))
def test_no_lost_or_glued_words(name: str) -> None:
    markup = _fixture(name)
    post = _post(markup)
    said = set(_WORD.findall(post.to_text().casefold()))

    assert [] == [w for w in _visible_words(markup) if w not in said]


@pytest.mark.parametrize("name", NAMES)
def test_every_link_is_a_link_and_in_the_markdown(name: str) -> None:
    markup = _fixture(name)
    post = _post(markup)
    hrefs = lxml_html.fragment_fromstring(markup, create_parent="div").xpath(
        "//a/@href"
    )
    markdown = post.to_markdown()

    assert sorted(hrefs) == sorted(link.href for link in post.links)
    assert [] == [link.url for link in post.links if link.url not in markdown]


@pytest.mark.parametrize("name", NAMES)
def test_the_block_kind_of_each_block_type(name: str) -> None:
    markup = _fixture(name)
    match = _BLOCK_NAME.search(markup)
    assert match is not None
    post = _post(markup)
    if match.group(1) == "heading":
        (section,) = post.sections
        assert section.heading_source is HeadingSource.HTML
        return
    blocks = [b for s in post.walk() for b in s.blocks]
    expected = KINDS[match.group(1)]

    assert expected == (blocks[0].kind if blocks else None)


# The same checks on block markup of the list that the stored
# fixtures do not hold (the index has no verse, code or button-with-link
# fixture): render-side defects, strict xfails until fixed.


def test_a_button_keeps_its_link_in_markdown() -> None:
    post = _post(
        '<div class="wp-block-button"><a class="wp-block-button__link" '
        'href="https://example.org/signup">Sign up</a></div>'
    )

    assert "https://example.org/signup" in post.to_markdown()


def test_a_linked_image_keeps_its_link_in_markdown() -> None:
    post = _post(
        '<p><a href="https://example.org/full.jpg"><img '
        'src="https://example.org/small.jpg" alt="A cat"></a></p>'
    )

    assert (
        "[![A cat](https://example.org/small.jpg)](https://example.org/full.jpg)"
        in post.to_markdown()
    )


def test_verse_is_not_code() -> None:
    post = _post(
        '<pre class="wp-block-verse">Roses are <em>red</em>,\n'
        'see <a href="https://example.org/v">violets</a></pre>'
    )

    assert BlockKind.CODE not in [b.kind for s in post.walk() for b in s.blocks]
    assert "https://example.org/v" in post.to_markdown()


def test_verse_keeps_its_lines_marks_and_links() -> None:
    post = _post(
        '<pre class="wp-block-verse">\nRoses are <em>red</em>,\n'
        'see <a href="https://example.org/v">vio\nlets</a></pre>'
    )

    assert "Roses are red,\nsee vio\nlets\n" == post.to_text()
    assert (
        "Roses are *red*,\\\nsee [vio\\\nlets](https://example.org/v)\n"
        == post.to_markdown()
    )


def test_a_rendered_tweet_is_an_embed() -> None:
    post = _post(
        '<figure class="wp-block-embed is-type-rich is-provider-twitter '
        'wp-block-embed-twitter"><div class="wp-block-embed__wrapper">'
        '<blockquote class="twitter-tweet"><p>Hello world</p>&mdash; Jane '
        '<a href="https://twitter.com/jane/status/123">May 1, 2024</a>'
        "</blockquote></div></figure>"
    )
    (block,) = [b for s in post.walk() for b in s.blocks]

    assert (BlockKind.EMBED, "https://twitter.com/jane/status/123") == (
        block.kind,
        block.src,
    )


@pytest.mark.parametrize(
    ("markup", "src"),
    [
        (  # Instagram: the permalink is an attribute of the fallback
            (
                '<figure class="wp-block-embed is-type-rich is-provider-instagram '
                'wp-block-embed-instagram"><div class="wp-block-embed__wrapper">'
                '<blockquote class="instagram-media" data-instgrm-permalink='
                '"https://www.instagram.com/p/abc/"><a href="https://www.instagram.com/'
                'p/abc/">A post shared by Jane</a></blockquote></div></figure>'
            ),
            "https://www.instagram.com/p/abc/",
        ),
        (  # TikTok: the cite attribute
            (
                '<figure class="wp-block-embed is-provider-tiktok wp-block-embed-tiktok">'
                '<div class="wp-block-embed__wrapper"><blockquote class="tiktok-embed" '
                'cite="https://www.tiktok.com/@jane/video/1"><section><a href="https://'
                'www.tiktok.com/@jane">@jane</a> Dance</section></blockquote></div></figure>'
            ),
            "https://www.tiktok.com/@jane/video/1",
        ),
        (  # a tweet whose permalink is on x.com, after a link elsewhere
            (
                '<figure class="wp-block-embed is-provider-twitter wp-block-embed-twitter">'
                '<div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet">'
                '<p>See <a href="https://example.com/x">this</a></p>&mdash; Jane <a href='
                '"https://x.com/jane/status/9">May 1</a></blockquote></div></figure>'
            ),
            "https://x.com/jane/status/9",
        ),
    ],
)
def test_a_rich_embed_in_fallback_markup_is_an_embed_with_its_url(
    markup: str, src: str
) -> None:
    post = _post(markup)
    (block,) = [b for s in post.walk() for b in s.blocks]

    assert (BlockKind.EMBED, src) == (block.kind, block.src)
    assert block.text  # the fallback text is kept
    assert block.text.split()[0] in post.to_text()
