"""Hypothesis strategies: JSON values, post-like objects and messy WordPress HTML."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from wpparse._rest.post import _MODELLED

__all__ = [
    "INJECTIONS",
    "MODELLED_FIELDS",
    "SENTINEL",
    "html_fragments",
    "json_values",
    "post_objects",
    "posts_with_content",
    "texts",
]

# Text as it comes from the web: any code point (lone surrogates included,
# which JSON allows), with WordPress's usual suspects made likely.
_SPICE = st.sampled_from(
    [
        "&amp;",
        "&#8217;",
        "&hellip;",
        "&nbsp;",
        "&bogus;",
        "&#x1F600;",
        "&#0;",
        "\u00a0",
        "’",
        "“",
        "\r\n",
        "\x00",
        "\ud800",
        "\ufeff",
        "[",
        "]",
        "<",
        ">",
        "javascript:",
    ]
)
texts = st.lists(
    st.one_of(st.text(st.characters(codec=None, categories=None), max_size=8), _SPICE),
    max_size=6,
).map("".join)

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    texts,
)
json_values: st.SearchStrategy[Any] = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(texts, children, max_size=4),
    ),
    max_leaves=12,
)
"""Any JSON value (NaN and infinities included, as Python's json reads them)."""

# Every top-level field the Post model reads, straight from the parser, so a
# field added there is fuzzed here too.
MODELLED_FIELDS = tuple(sorted(_MODELLED))

# Plausible values per field, so that a generated post is often valid and a
# field replaced by something odd is the only thing wrong with it.
_rendered = st.fixed_dictionaries(
    {"rendered": texts}, optional={"protected": st.booleans(), "raw": texts}
)
_GOOD: dict[str, st.SearchStrategy[Any]] = {
    "id": st.integers(min_value=1, max_value=10**9),
    "date": st.sampled_from(
        ["2025-07-03T08:56:33", "0000-00-00T00:00:00", "2025-07-03 08:56", ""]
    ),
    "date_gmt": st.sampled_from(["2025-07-03T05:56:33", None]),
    "author": st.integers(min_value=0, max_value=1000),
    "featured_media": st.integers(min_value=0, max_value=1000),
    "sticky": st.booleans(),
    "categories": st.lists(st.integers(min_value=1, max_value=99), max_size=3),
    "tags": st.lists(st.integers(min_value=1, max_value=99), max_size=3),
    "meta": st.dictionaries(texts, json_values, max_size=2),
    "class_list": st.lists(texts, max_size=3),
    "title": _rendered,
    "excerpt": _rendered,
    "content": _rendered,
    "guid": _rendered,
    "_links": st.dictionaries(
        st.sampled_from(["self", "wp:term", "author", "curies", "https://api.w.org/x"]),
        st.lists(
            st.fixed_dictionaries(
                {"href": texts},
                optional={
                    "embeddable": json_values,
                    "taxonomy": json_values,
                    "id": json_values,
                    "count": json_values,
                    "templated": json_values,
                    "name": json_values,
                    "targetHints": json_values,
                },
            ),
            max_size=2,
        ),
        max_size=3,
    ),
}


_MODES = st.sampled_from(
    ["good", "good", "missing", "missing", "missing", "null", "any"]
)


@st.composite
def post_objects(draw: st.DrawFn) -> dict[str, Any]:
    """A post-like object: every field valid, missing, null or any JSON value."""
    obj: dict[str, Any] = {}
    for name in MODELLED_FIELDS:
        mode = draw(_MODES)
        if mode == "good":
            obj[name] = draw(_GOOD.get(name, texts))
        elif mode == "null":
            obj[name] = None
        elif mode == "any":
            obj[name] = draw(json_values)
    if draw(st.booleans()):
        obj[draw(texts)] = draw(json_values)
    return obj


# --- HTML ---------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "Iran",
        "allies",
        "&amp;",
        "&#8217;s",
        "caf\u00e9",
        "a\u00a0b",
        "x",
        "Relations With",
    ]
)
_INLINE = ["b", "strong", "em", "i", "a", "span", "code", "sup", "mark"]
_BLOCK = [
    "p",
    "div",
    "h2",
    "h3",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "figure",
    "figcaption",
    "pre",
    "section",
]
_HREFS = st.sampled_from(
    [
        "https://example.com/a",
        "/relative/path",
        "relative",
        "#section",
        "//cdn.example.com/x",
        "mailto:a@example.com",
        "tel:+123",
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox",
        "data:text/html,<script>alert(1)</script>",
        "data:image/png;base64,AAAA",
        "http://[::1",
        "http://exa mple.com/",
        "",
        "?q=1",
        "ftp://example.com/f",
    ]
)
SENTINEL = r"zq\d+zq"
"""Words the HTML strategies put in text positions only: each must come out."""
_SENTINELS = st.integers(min_value=0, max_value=999).map(lambda n: f"zq{n}zq")
INJECTIONS = (
    "&lt;zqtag onload=x&gt;",
    "&lt;script&gt;zqscript()&lt;/script&gt;",
    "[zqlink](https://evil.example/)",
    "[zqjs](javascript:alert(1))",
    "&lt;https://evil.example/auto&gt;",
    "*zqem* _zqem_",
    "`zqcode`",
    "\n# zqhead\n",
    "\n- zqitem\n",
    "\n1. zqitem\n",
    "\n&gt; zqquote\n",
    "![zqimg](https://evil.example/i.png)",
    "| zq | table |",
    "\\*zqescaped\\*",
    "&amp;lt;zqentity&amp;gt;",
)
"""Text (entity-escaped in the HTML) that Markdown or HTML would read as markup."""
_LEAVES = st.one_of(
    _SENTINELS,
    st.sampled_from(INJECTIONS),
    _WORDS,
    texts.map(lambda t: t.replace("<", "&lt;")),
    st.sampled_from(
        [
            "<br>",
            "<br/>",
            "<hr>",
            "<!-- wp:paragraph -->",
            "<!-- /wp:paragraph -->",
            "<!-- comment with <b>tags</b> -->",
            "<![CDATA[cdata text]]>",
            "<script>var s = '<p>not text</p>';</script>",
            "<style>p { color: red }</style>",
            "[caption id=\u201dattachment_1\u201d]A caption[/caption]",
            "[gallery ids=\u201c1,2\u201d]",
            "<img src='/i.png' alt='An image'>",
            "<p>",
            "</p>",
            "</div>",
            "<b>",
            "< ",
            "&",
            "\x01",
            "\x00",
            "\ud800",
            "\r\n",
            "<?php echo 1; ?>",
            "<iframe src='https://www.youtube.com/embed/x'></iframe>",
        ]
    ),
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def build(tag: str, href: str, parts: list[str], closed: bool) -> str:
        attrs = f' href="{href}"' if tag == "a" else ""
        return f"<{tag}{attrs}>{''.join(parts)}" + (f"</{tag}>" if closed else "")

    return st.builds(
        build,
        st.sampled_from(_INLINE + _BLOCK),
        _HREFS,
        st.lists(children, max_size=4),
        st.booleans() | st.just(True),
    )


html_fragments: st.SearchStrategy[str] = st.recursive(
    st.lists(_LEAVES, max_size=3).map(" ".join),
    lambda children: st.one_of(
        _element(children), st.lists(children, max_size=3).map("".join)
    ),
    max_leaves=25,
)
"""Messy WordPress-like HTML: nesting, unclosed and stray tags, entities, comments,
CDATA, scripts, styles, shortcodes with texturized quotes, links of every kind."""


@st.composite
def posts_with_content(draw: st.DrawFn) -> dict[str, Any]:
    """A valid post whose content (and title) is generated HTML."""
    return {
        "id": draw(st.integers(min_value=1, max_value=10**6)),
        "link": draw(
            st.sampled_from(["https://example.com/2025/post/", None, "not a url"])
        ),
        "title": {"rendered": draw(html_fragments)},
        "content": {"rendered": draw(html_fragments)},
    }
