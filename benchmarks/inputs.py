"""
What the benchmarks run on: the seed post, the corpus, and generated posts.

Generated content is deterministic (a seeded random generator) and looks like
what WordPress serves: Gutenberg headings with ids, bold pseudo-headings, run-in
leads, paragraphs with links of every kind and entities, lists, quotes, figures,
tables, and text that is partly non-ASCII.  The hostile shapes (100,000 links,
10,000 levels of nesting, 50,000 tiny paragraphs, one huge text node) are
generated at any size so the scaling runs can double them.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "HOSTILE",
    "PostInput",
    "corpus_dir",
    "corpus_posts",
    "generated_content",
    "generated_post",
    "sample_post",
    "seed_post",
]

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PostInput:
    """One post as the benchmarks use it: its JSON text and its content HTML."""

    name: str
    raw: str
    content: str


def corpus_dir() -> Path:
    """Where the shared corpus is (``WPPARSE_CORPUS`` overrides), as the tests find it."""
    return Path(os.environ.get("WPPARSE_CORPUS", ROOT.parent / "shared" / "corpus"))


def _content_of(obj: Any) -> str:
    content = obj.get("content") if isinstance(obj, dict) else None
    if isinstance(content, dict):
        content = content.get("rendered")
    return content if isinstance(content, str) else ""


def _is_post(obj: Any) -> bool:
    from wpparse._json.kinds import object_kind  # noqa: PLC0415

    return object_kind(obj) == "post"


def _has_markup(html: str) -> bool:
    # lxml refuses an empty document; a post without content has no floor.
    import lxml.html  # noqa: PLC0415

    if not html.strip():
        return False
    try:
        lxml.html.fragments_fromstring(html)
    except Exception:  # noqa: BLE001
        return False
    return True


def seed_post() -> PostInput | None:
    """The seed post, byte for byte, or None when the corpus is absent."""
    files = sorted((corpus_dir() / "seed").glob("*.json"))
    if not files:
        return None
    raw = files[0].read_text(encoding="utf-8")
    return PostInput("seed", raw, _content_of(json.loads(raw)))


def sample_post() -> PostInput:
    """The sample post shipped in ``examples/`` (always there, even in a fresh clone)."""
    raw = (ROOT / "examples" / "sample-post.json").read_text(encoding="utf-8")
    return PostInput("sample", raw, _content_of(json.loads(raw)))


def corpus_posts() -> list[PostInput]:
    """Every post object with content in the corpus's ``posts/``, each as its own JSON text."""
    out: list[PostInput] = []
    for path in sorted((corpus_dir() / "posts").glob("*.json")):
        try:
            value = json.loads(path.read_text(encoding="utf-8-sig"))
        except ValueError:
            # The one file with trailing data after the JSON: wpparse reads it, json does not.
            continue
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if not _is_post(item):
                continue
            content = _content_of(item)
            if _has_markup(content):
                raw = json.dumps(item, ensure_ascii=False)
                out.append(PostInput(f"{path.stem}[{index}]", raw, content))
    return out


# ---------------------------------------------------------------- generation

_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "been",
    "one",
    "all",
    "we",
    "their",
    "has",
    "would",
    "when",
    "if",
    "so",
    "no",
    "will",
    "can",
    "more",
    "who",
    "what",
    "about",
    "up",
    "out",
    "them",
    "strategy",
    "region",
    "policy",
    "network",
    "defense",
    "partnership",
    "analysis",
    "conference",
    "café",
    "naïve",
    "façade",
    "Straße",
    "über",
    "résumé",
    "coöperation",
    "déjà",
    "señor",
    "Tehran",
    "Washington",
    "Moscow",
    "Beijing",
    "Riyadh",
    "東京",
    "北京",
    "서울",
    "Москва",
    "Київ",
    "القاهرة",
    "طهران",
]
_ENTITIES = ("&#8217;", "&amp;", "&#8220;", "&#8221;", "&hellip;", "&nbsp;", "&#8212;")


class _Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.anchors: list[str] = []

    def words(self, low: int, high: int) -> str:
        rng = self.rng
        out: list[str] = []
        for _ in range(rng.randint(low, high)):
            out.append(rng.choice(_WORDS))
            if rng.random() < 0.04:
                out.append(rng.choice(_ENTITIES))
        return " ".join(out)

    def link(self, n: int) -> str:
        rng = self.rng
        pick = rng.random()
        if pick < 0.4:
            href = f"/2025/06/{n % 28 + 1:02d}/post-{n}/"
        elif pick < 0.7:
            href = f"https://example.com/news/{n}?a=1&amp;b={n}"
        elif pick < 0.8 and self.anchors:
            href = f"#{rng.choice(self.anchors)}"
        elif pick < 0.85:
            href = f"//cdn.example.net/file-{n}.pdf"
        elif pick < 0.9:
            href = f"mailto:editor{n}@example.org"
        else:
            href = f"../archive/{n}/"
        rel = ' rel="noreferrer noopener"' if pick > 0.5 else ""
        return f'<a href="{href}"{rel}>{self.words(1, 4)}</a>'

    def paragraph(self, n: int) -> str:
        rng = self.rng
        parts = [self.words(8, 30)]
        for _ in range(rng.randint(0, 3)):
            parts.append(self.link(n))
            parts.append(self.words(3, 20))
        if rng.random() < 0.1:
            parts.insert(0, f"<strong>{self.words(2, 4)},</strong>")
        if rng.random() < 0.2:
            parts.append(f"<em>{self.words(2, 6)}</em>.")
        return f"<p>{' '.join(parts)}</p>"

    def block(self, n: int) -> str:
        rng = self.rng
        pick = rng.random()
        if pick < 0.07:
            anchor = f"h-{n}"
            self.anchors.append(anchor)
            level = rng.choice((2, 2, 3, 3, 4))
            return (
                f'<h{level} class="wp-block-heading" id="{anchor}">'
                f"{self.words(2, 7).capitalize()}</h{level}>"
            )
        if pick < 0.10:
            return f"<p><strong>{self.words(2, 6).capitalize()}</strong></p>"
        if pick < 0.16:
            items = "".join(
                f"<li>{self.words(2, 12)}</li>" for _ in range(rng.randint(2, 6))
            )
            tag = rng.choice(("ul", "ol"))
            return f'<{tag} class="wp-block-list">{items}</{tag}>'
        if pick < 0.19:
            return (
                f'<blockquote class="wp-block-quote"><p>{self.words(10, 30)}</p>'
                f"<cite>{self.words(1, 3)}</cite></blockquote>"
            )
        if pick < 0.23:
            return (
                f'<figure class="wp-block-image size-large"><img src="/wp-content/uploads/img-{n}.jpg" '
                f'alt="{self.words(2, 5)}" class="wp-image-{n}"/><figcaption>{self.words(3, 10)}'
                "</figcaption></figure>"
            )
        if pick < 0.245:
            rows = "".join(
                "<tr>"
                + "".join(f"<td>{self.words(1, 4)}</td>" for _ in range(3))
                + "</tr>"
                for _ in range(rng.randint(2, 5))
            )
            return f'<figure class="wp-block-table"><table><tbody>{rows}</tbody></table></figure>'
        if pick < 0.25:
            return f'<pre class="wp-block-code"><code>{self.words(5, 20)}\n  {self.words(3, 9)}</code></pre>'
        return self.paragraph(n)


def generated_content(size: int, seed: int = 7) -> str:
    """Realistic Gutenberg-style content HTML of about *size* characters."""
    writer = _Writer(seed)
    parts: list[str] = []
    total = 0
    n = 0
    while total < size:
        block = writer.block(n)
        parts.append(block)
        total += len(block) + 4
        n += 1
    return "\n\n\n\n".join(parts)


def _links_content(count: int) -> str:
    # One paragraph holding every link: the most hostile place for them.
    writer = _Writer(11)
    writer.anchors.extend(f"s{i}" for i in range(10))
    inner = " ".join(writer.link(i) for i in range(count))
    return f'<h2 id="s0">Links</h2><p>{inner}</p>'


def _nesting_content(depth: int) -> str:
    return "<div>" * depth + "<p>deep text</p>" + "</div>" * depth


def _nested_lists_content(depth: int) -> str:
    return "<ul><li>item " * depth + "</li></ul>" * depth


def _paragraphs_content(count: int) -> str:
    return "\n".join(f"<p>p{i}</p>" for i in range(count))


def _text_node_content(size: int) -> str:
    writer = _Writer(13)
    parts: list[str] = []
    total = 0
    while total < size:
        chunk = writer.rng.choice(_WORDS)
        parts.append(chunk)
        total += len(chunk) + 1
    return "<p>" + " ".join(parts)[:size] + "</p>"


HOSTILE: dict[str, tuple[Callable[[int], str], int, str]] = {
    # name: (generator, full size, unit)
    "links": (_links_content, 100_000, "links"),
    "nesting (div)": (_nesting_content, 10_000, "levels"),
    "nesting (ul/li)": (_nested_lists_content, 10_000, "levels"),
    "tiny paragraphs": (_paragraphs_content, 50_000, "paragraphs"),
    "one text node": (_text_node_content, 1_000_000, "chars"),
}
"""The hostile shapes of the issue, at the size it names."""


def generated_post(
    content: str, post_id: int = 1, name: str = "generated"
) -> PostInput:
    """Wrap *content* in a complete REST API post object."""
    obj = _post_object(content, post_id)
    return PostInput(name, json.dumps(obj, ensure_ascii=False), content)


def _post_object(content: str, post_id: int) -> dict[str, Any]:
    base = "https://example.org"
    api = f"{base}/wp-json/wp/v2"
    return {
        "id": post_id,
        "date": "2025-06-24T08:56:33",
        "date_gmt": "2025-06-24T05:56:33",
        "guid": {"rendered": f"{base}/?p={post_id}"},
        "modified": "2025-06-25T10:01:02",
        "modified_gmt": "2025-06-25T07:01:02",
        "slug": f"generated-post-{post_id}",
        "status": "publish",
        "type": "post",
        "link": f"{base}/2025/06/24/generated-post-{post_id}/",
        "title": {
            "rendered": f"Generated post {post_id}: Tom &amp; Jerry&#8217;s caf&eacute;"
        },
        "content": {"rendered": content, "protected": False},
        "excerpt": {
            "rendered": "<p>An excerpt with an entity &#8217; and a tail [&hellip;]</p>\n",
            "protected": False,
        },
        "author": 3,
        "featured_media": 0,
        "comment_status": "open",
        "ping_status": "open",
        "sticky": False,
        "template": "",
        "format": "standard",
        "meta": {"footnotes": ""},
        "categories": [4, 9],
        "tags": [12],
        "class_list": ["post-1", "post", "type-post", "status-publish"],
        "_links": {
            "self": [
                {"href": f"{api}/posts/{post_id}", "targetHints": {"allow": ["GET"]}}
            ],
            "collection": [{"href": f"{api}/posts"}],
            "author": [{"embeddable": True, "href": f"{api}/users/3"}],
            "version-history": [
                {"count": 2, "href": f"{api}/posts/{post_id}/revisions"}
            ],
            "wp:term": [
                {
                    "taxonomy": "category",
                    "embeddable": True,
                    "href": f"{api}/categories?post={post_id}",
                },
                {
                    "taxonomy": "post_tag",
                    "embeddable": True,
                    "href": f"{api}/tags?post={post_id}",
                },
            ],
            "curies": [
                {"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}
            ],
        },
    }


def site_records(
    count: int, post_size: int = 8_000, variants: int = 32
) -> Iterator[str]:
    """
    Yield *count* post objects as compact JSON texts, for whole-site files.

    A few distinct contents are generated once and reused with fresh ids, so a
    gigabyte is written in seconds rather than minutes.
    """
    templates = []
    for v in range(variants):
        text = json.dumps(
            _post_object(generated_content(post_size, seed=v), 0), ensure_ascii=False
        )
        head, sep, tail = text.partition('"id": 0')
        templates.append((head, sep, tail))
    for n in range(count):
        head, _, tail = templates[n % variants]
        yield f'{head}"id": {n + 1}{tail}'
