"""The section tree, blocks and links of content WordPress rendered for real."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import lxml.html
import pytest

import wpparse
from tests.integration.stack import Stack
from wpparse import BlockKind as K
from wpparse import HeadingSource as H
from wpparse import LinkKind as L

pytestmark = pytest.mark.integration


def shape(sections: Sequence[wpparse.Section]) -> list[Any]:
    """Each section as (title, level, anchor, source, blocks, children)."""
    return [
        (
            s.title,
            s.level,
            s.anchor,
            s.heading_source,
            [(b.kind, _key(b)) for b in s.blocks],
            shape(s.children),
        )
        for s in sections
    ]


def _key(block: wpparse.Block) -> Any:
    if block.kind is K.LIST:
        return block.items
    if block.kind is K.TABLE:
        return block.rows
    return block.text


def _post(wp: Stack, name: str, **options: Any) -> wpparse.Post:
    response = wp.request(f"/wp-json/wp/v2/posts/{wp.ids[name]}")
    assert response.status == 200
    return wpparse.parse_post(response.body, **options)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _all_text(post: wpparse.Post) -> str:
    # An independent reading of the same HTML: every text node, in order.
    root = lxml.html.fragment_fromstring(post.content_html, create_parent="div")
    return _squeezed("".join(root.itertext()))


LEAD = "Rivers rust slowly. Read the classic post, the relative one or the river site."
FIX = "In short, paint it. Write to the editor or call the desk."
UNDER_BOLD = (
    "Under the bold heading: an FTP file, a script link and a protocol-relative one."
)
RUST_TREE: list[Any] = [
    (None, 0, None, None, [(K.PARAGRAPH, LEAD)], []),
    (
        "Why rust happens",
        2,
        "why-rust",
        H.HTML,
        [(K.PARAGRAPH, "Iron meets water and air. Jump to the fix or to nowhere.")],
        [
            (
                "Water & “air”",
                3,
                None,
                H.HTML,
                [(K.LIST, ("Oxygen", "Water", "Time"))],
                [
                    (
                        "Deeper still",
                        4,
                        None,
                        H.HTML,
                        [(K.PARAGRAPH, "A note at level four.")],
                        [],
                    )
                ],
            )
        ],
    ),
    (
        "The fix",
        2,
        "the-fix",
        H.HTML,
        [(K.PARAGRAPH, FIX), (K.QUOTE, "Rust never sleeps.\n\nNeil Young")],
        [
            (
                "A bold pseudo heading",
                3,
                None,
                H.BOLD,
                [
                    (K.PARAGRAPH, UNDER_BOLD),
                    (K.TABLE, (("Metal", "Rusts"), ("Iron", "Yes"), ("Gold", "No"))),
                    (K.FIGURE, "Rust & rain, photographed"),
                ],
                [],
            )
        ],
    ),
]


def test_block_post_tree(wp: Stack) -> None:
    post = _post(wp, "structure")

    assert shape(post.sections) == RUST_TREE
    assert _squeezed(post.text) == _all_text(post)  # nothing lost, nothing twice


def test_block_post_blocks(wp: Stack) -> None:
    post = _post(wp, "structure")
    fix = post.sections[2]
    paragraph, quote = fix.blocks
    table, figure = fix.children[0].blocks[1:]

    assert paragraph.lead == "In short,"
    assert quote.caption == "Neil Young"
    assert table.caption == "Which metals rust"
    assert (figure.src, figure.alt, figure.caption, figure.attachment_id) == (
        wp.seed["image_url"],
        "A rusty river",
        "Rust & rain, photographed",
        wp.ids["image"],
    )
    (lst,) = post.sections[1].children[0].blocks
    assert lst.ordered is False


def test_block_post_links(wp: Stack) -> None:
    post = _post(wp, "structure")
    here = f"{wp.base}/2024/01/rust-and-rain/"
    summer = f"{wp.base}/2024/07/summer-in-the-city/"

    assert [
        (link.kind, link.url, link.href, link.text, link.target_anchor)
        for link in post.links
    ] == [
        (L.INTERNAL, summer, summer, "classic post", None),
        (L.INTERNAL, summer, "/2024/07/summer-in-the-city/", "relative one", None),
        (
            L.EXTERNAL,
            "https://example.org/river?a=1&b=2",
            "https://example.org/river?a=1&b=2",
            "the river site",
            None,
        ),
        (L.FRAGMENT, f"{here}#the-fix", "#the-fix", "the fix", "the-fix"),
        (L.FRAGMENT, f"{here}#nowhere", "#nowhere", "nowhere", None),
        (
            L.MAILTO,
            "mailto:editor@example.org",
            "mailto:editor@example.org",
            "the editor",
            None,
        ),
        (L.TEL, "tel:+15550100", "tel:+15550100", "the desk", None),
        (
            L.OTHER,
            "ftp://files.example.org/rust.txt",
            "ftp://files.example.org/rust.txt",
            "FTP file",
            None,
        ),
        (L.UNSAFE, "javascript:alert(1)", "javascript:alert(1)", "script link", None),
        (
            L.EXTERNAL,
            "http://cdn.example.net/rust.css",  # the post's scheme
            "//cdn.example.net/rust.css",
            "protocol-relative one",
            None,
        ),
    ]
    river = post.links[2]
    assert (river.title, river.rel) == ("An external site", ("nofollow", "noopener"))
    # Each section holds its own links; together they are the post's.
    assert [link.kind for link in post.sections[2].links] == [L.MAILTO, L.TEL]
    assert [link.text for link in post.sections[2].children[0].links] == [
        "FTP file",
        "script link",
        "protocol-relative one",
    ]
    assert tuple(link for s in post.walk() for link in s.links) == post.links


def test_heading_rules(wp: Stack) -> None:
    html = _post(wp, "structure", headings="html")
    bold = _post(wp, "structure", headings="bold")

    assert shape(bold.sections) == RUST_TREE
    fix = html.sections[2]
    assert [s.title for s in html.walk()] == [
        None,
        "Why rust happens",
        "Water & “air”",
        "Deeper still",
        "The fix",
    ]
    assert [b.kind for b in fix.blocks] == [
        K.PARAGRAPH,
        K.QUOTE,
        K.PARAGRAPH,  # the bold paragraph, now just a paragraph
        K.PARAGRAPH,
        K.TABLE,
        K.FIGURE,
    ]
    assert fix.blocks[2].text == "A bold pseudo heading"


def test_embedded_media_joins_the_figure(wp: Stack) -> None:
    response = wp.request(f"/wp-json/wp/v2/posts/{wp.ids['structure']}", {"_embed": 1})
    post = wpparse.parse_post(response.body)
    figure = post.sections[2].children[0].blocks[-1]

    media = post.media_for(figure)
    assert media is not None
    assert (media.id, media.alt_text) == (wp.ids["image"], "A rusty river")


REPAINT = (
    "Before you paint, the surface needs care, and two steps matter more than any "
    "brand of paint:"
)
SANDING = (
    "Sanding takes off the loose rust and leaves a clean, rough face that paint can "
    "grip; do it outdoors and wear a mask."
)
PRIMER = (
    "A primer seals the bare metal against water and air, and gives the top coat "
    "something to hold on to for years."
)
LAYOUT_TREE: list[Any] = [
    (None, 0, None, None, [(K.PARAGRAPH, "Blocks inside blocks.")], []),
    (
        # A group block wraps its heading in a <div>: it still splits the post.
        "Grouped heading",
        2,
        None,
        H.HTML,
        [(K.PARAGRAPH, "Inside a group.")],
        [
            ("Left column", 3, None, H.HTML, [(K.PARAGRAPH, "Left text.")], []),
            ("Right column", 3, None, H.HTML, [(K.PARAGRAPH, "Right text.")], []),
        ],
    ),
    (
        "Code & friends",
        2,
        None,
        H.HTML,
        [
            (K.CODE, 'def rust(metal):\n    return metal != "gold"'),
            (K.CODE, "  two spaces\nkept"),
            (K.SEPARATOR, ""),
            (K.LIST, ("Third\nNested", "Fourth")),
            # A heading inside a quote titles the quote only.
            (K.QUOTE, "Quoted heading\n\nQuoted text."),
            (K.EMBED, ""),
            (K.EMBED, ""),
        ],
        [],
    ),
    (
        "Repainting",
        2,
        None,
        H.HTML,
        [(K.PARAGRAPH, REPAINT)],
        [
            ("Sand the surface", 3, None, H.LINE, [(K.PARAGRAPH, SANDING)], []),
            ("Prime it", 3, None, H.LINE, [(K.PARAGRAPH, PRIMER)], []),
        ],
    ),
]


def test_nested_blocks_tree(
    wp: Stack, save_fixture: Callable[[str, bytes], None]
) -> None:
    response = wp.request(f"/wp-json/wp/v2/posts/{wp.ids['layout']}")
    save_fixture("post-layout.json", response.body)
    post = wpparse.parse_post(response.body)

    assert post.title == "Layouts & blocks"
    assert shape(post.sections) == LAYOUT_TREE
    assert _squeezed(post.text) == _all_text(post)
    code, pre, _, lst, _, frame, video = post.sections[2].blocks
    assert (code.language, pre.language) == ("python", None)
    assert lst.ordered is True
    assert frame.src == "https://www.youtube.com/embed/abc123"
    assert video.src == f"{wp.base}/wp-content/uploads/2024/06/rain.mp4"
    assert post.links == ()


def test_line_headings_need_auto(wp: Stack) -> None:
    post = _post(wp, "layout", headings="bold")

    repainting = post.sections[3]
    assert repainting.children == ()
    assert [b.text for b in repainting.blocks] == [
        REPAINT,
        "Sand the surface",
        SANDING,
        "Prime it",
        PRIMER,
    ]


def test_classic_post_tree(wp: Stack) -> None:
    post = _post(wp, "classic")

    assert shape(post.sections) == [
        (
            None,
            0,
            None,
            None,
            [
                (
                    K.PARAGRAPH,
                    "This is the classic editor. It’s “texturized” — and auto-paragraphed.",
                ),
                (K.PARAGRAPH, "Second paragraph with a link."),
            ],
            [],
        ),
        (
            "A classic heading",
            2,
            None,
            H.HTML,
            [
                (K.PARAGRAPH, "Text under the classic heading."),
                (K.LIST, ("one", "two")),
                (K.FIGURE, "Rust in summer"),  # the [caption] shortcode
            ],
            [],
        ),
    ]
    figure = post.sections[1].blocks[-1]
    assert (figure.attachment_id, figure.alt, figure.caption) == (
        wp.ids["image"],
        "A rusty river",
        "Rust in summer",
    )
    assert [(link.kind, link.url) for link in post.links] == [
        (L.EXTERNAL, "https://wordpress.org/")
    ]
    assert _squeezed(post.text) == _all_text(post)


def test_protected_content_has_no_sections_until_unlocked(wp: Stack) -> None:
    locked = _post(wp, "protected")
    response = wp.request(
        f"/wp-json/wp/v2/posts/{wp.ids['protected']}", {"password": "sesame"}
    )
    unlocked = wpparse.parse_post(response.body)

    assert locked.sections == ()
    assert shape(unlocked.sections) == [
        (None, 0, None, None, [(K.PARAGRAPH, "The secret is rust.")], [])
    ]


def test_page_sections(wp: Stack) -> None:
    response = wp.request(f"/wp-json/wp/v2/pages/{wp.ids['team']}")
    page = wpparse.parse_post(response.body)

    assert shape(page.sections) == [
        ("Our team", 2, None, H.HTML, [(K.PARAGRAPH, "Two people.")], [])
    ]


def test_non_latin_slug_and_anchor(wp: Stack) -> None:
    response = wp.request(f"/wp-json/wp/v2/books/{wp.ids['cyrillic']}")
    book = wpparse.parse_post(response.body)
    slug = (
        "%d0%a0%d0%b6%d0%b0%d0%b2%d1%87%d0%b8%d0%bd%d0%b0-%d0%b8-"
        "%d0%b4%d0%be%d0%b6%d0%b4%d1%8c"
    )

    assert book.slug == slug  # percent-encoded, as WordPress sends it
    assert book.link == f"{wp.base}/book/{slug}/"
    assert book.title_html == "Ржавчина <em>и</em> дождь"
    assert book.title == "Ржавчина и дождь"
    assert shape(book.sections) == [
        (None, 0, None, None, [(K.PARAGRAPH, "Вступление. К главе, сюда.")], []),
        ("Глава первая", 2, "глава", H.HTML, [(K.PARAGRAPH, "Железо ржавеет.")], []),
    ]
    assert [(link.kind, link.target_anchor) for link in book.links] == [
        (L.FRAGMENT, "глава"),
        (L.INTERNAL, None),
    ]
    assert book.links[1].url == f"{wp.base}/book/ржавчина-и-дождь/"


def test_auto_excerpt_is_cut(wp: Stack) -> None:
    post = _post(wp, "layout")

    # wp_trim_excerpt: 55 words of the text of the excerpt-safe blocks (no code,
    # no embeds), then " [&hellip;]", which wpparse turns into an ellipsis.
    assert post.excerpt_html.endswith("takes off the loose [&hellip;]</p>\n")
    assert post.excerpt_truncated is True
    assert post.excerpt.endswith("Sand the surface Sanding takes off the loose…")
    assert len(post.excerpt.split()) == 55


def test_renderers_on_real_content(wp: Stack) -> None:
    post = _post(wp, "structure")
    markdown = wpparse.to_markdown(post)
    text = wpparse.to_text(post)

    assert [line for line in markdown.splitlines() if line.startswith("#")] == [
        "## Why rust happens",
        "### Water & “air”",
        "#### Deeper still",
        "## The fix",
        "### A bold pseudo heading",
    ]
    assert "javascript:" not in markdown  # the unsafe link is only its text
    assert "a script link" in markdown
    assert "<" not in text
    for section in post.walk():
        for part in (section.title or "", *(b.text for b in section.blocks)):
            if "\n" not in part:  # lists and tables are laid out anew
                assert part in text
