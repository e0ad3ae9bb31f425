"""Renderers on real posts: the seed post's outline and text, and every post of the corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import jsonschema
import lxml.html
import pytest

import wpparse
from tests.conftest import corpus_params
from tests.render_support import MARKDOWN, squeeze, visible_text
from wpparse import Post

SEED_OUTLINE = [
    (0, "The Real Dynamics and Parameters of Partnership"),
    (0, "Gaps in the Effectiveness of Iran’s Air Defense Network"),
    (0, "Divergent Strategic lenses"),
    (1, "The Iranian Leadership’s International Standing"),
    (1, "Relations With the Gulf States"),
    (1, "Relations With Tel Aviv and Washington"),
]
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMBED_TAGS = ("iframe", "video", "audio", "embed", "object", "source")


@pytest.fixture
def seed(seed_bytes: bytes) -> Post:
    return wpparse.parse_post(seed_bytes)


def test_seed_markdown_headings_are_the_outline(seed: Post) -> None:
    markdown = wpparse.to_markdown(seed)
    headings = [
        (len(marks), title)
        for marks, title in re.findall(r"^(#+) (.*)$", markdown, re.MULTILINE)
    ]
    top = headings[0][0]

    assert SEED_OUTLINE == [(level - top, title) for level, title in headings]
    assert [s.level for s in seed.walk() if s.title] == [lvl for lvl, _ in headings]


def test_seed_markdown_has_no_entity_no_tag_and_every_paragraph(seed: Post) -> None:
    markdown = wpparse.to_markdown(seed, front_matter=True, title=True)
    body = wpparse.to_markdown(seed)
    shown = visible_text(body)

    assert _ENTITY.search(markdown) is None
    assert _TAG.search(markdown) is None
    position = 0
    for section in seed.walk():
        for block in section.blocks:
            found = shown.find(squeeze(block.text), position)

            assert found >= 0, block.text[:60]
            position = found
    assert squeeze(seed.text) == shown


def test_seed_chunks_of_1000(seed: Post) -> None:
    chunks = wpparse.chunks(seed, max_chars=1000)
    text = seed.text
    trails: list[tuple[int, tuple[str, ...]]] = []
    stack: list[tuple[wpparse.Section, tuple[str, ...]]] = [
        (s, ()) for s in reversed(seed.sections)
    ]
    cursor = 0
    while stack:
        section, parents = stack.pop()
        trail = (*parents, section.title) if section.title else parents
        stack.extend((child, trail) for child in reversed(section.children))
        for block in section.blocks:
            cursor = text.index(block.text, cursor)
            trails.append((cursor, trail))

    assert all(len(chunk.text) <= 1000 for chunk in chunks)
    assert " ".join(c.text for c in chunks).split() == text.split()
    for chunk in chunks:
        assert chunk.text == text[chunk.start : chunk.end]
        inside = {trail for start, trail in trails if chunk.start <= start < chunk.end}

        assert {chunk.headings} == inside
    assert (
        "Divergent Strategic lenses",
        "Relations With the Gulf States",
    ) in {c.headings for c in chunks}


def _prose(post: Post) -> str:
    """Post.text less the marked alt text of captionless images (in the Markdown's "![...]")."""
    parts: list[str] = []
    for section in post.walk():
        if section.title:
            parts.append(section.title)
        parts.extend(
            b.text
            for b in section.blocks
            if b.text
            and not (
                b.kind is wpparse.BlockKind.FIGURE
                and b.alt is not None
                and b.text == f"[Image: {' '.join(b.alt.split())}]"
            )
        )
    return "\n\n".join(parts)


def _embed_urls(post: Post) -> set[str]:
    if not post.content_html.strip():
        return set()
    root = lxml.html.fragment_fromstring(post.content_html, create_parent="div")
    urls = set()
    for el in root.iter(*_EMBED_TAGS):
        for name in ("src", "data-src", "data"):
            value = el.get(name)
            if value:
                urls.add(unquote(urljoin(post.link or "", value.strip())))
    return urls


def _shown_without_embeds(markdown: str, embeds: set[str]) -> str:
    """The visible text, less the links the renderer made for embedded players."""
    html = MARKDOWN.render(markdown)
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for link in list(root.iter("a")):
        if unquote(link.get("href") or "") in embeds:
            link.drop_tree()
    return squeeze("".join(root.itertext()))


def _posts(path: Path) -> list[Post]:
    data = json.loads(path.read_bytes())
    records = data if isinstance(data, list) else [data]
    posts = []
    for record in records:
        try:
            obj = wpparse.parse(record)
        except wpparse.WPParseError:
            continue
        if isinstance(obj, Post):
            posts.append(obj)
    return posts


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(wpparse.post_schema())


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_params())
def test_corpus_renders_in_every_format(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    for post in _posts(path):
        markdown = wpparse.to_markdown(post)
        wpparse.to_markdown(post, front_matter=True, title=True)
        text = wpparse.to_text(post)
        chunks = wpparse.chunks(post, max_chars=500)
        data = wpparse.to_dict(post)

        validator.validate(json.loads(json.dumps(data)))
        if "<" not in post.text:
            assert _TAG.search(text) is None
        assert all(len(c.text) <= 500 for c in chunks)
        assert " ".join(c.text for c in chunks).split() == post.text.split()
        assert squeeze(_prose(post)) == _shown_without_embeds(
            markdown, _embed_urls(post)
        )
        assert "](javascript:" not in markdown.lower()


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_params())
def test_corpus_markdown_keeps_every_link_that_is_not_unsafe(path: Path) -> None:
    # Issue #15.1: buttons, linked images, card links, complex tables.
    for post in _posts(path):
        markdown = wpparse.to_markdown(post)

        assert [] == [
            link.url
            for link in post.links
            if link.kind is not wpparse.LinkKind.UNSAFE and link.url not in markdown
        ]
