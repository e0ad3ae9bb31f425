"""Stage 3: the section tree, from real and pseudo headings."""

from __future__ import annotations

import pytest

import wpparse
from tests.conftest import DATA
from wpparse import BlockKind, HeadingSource, Section
from wpparse._content.titles import MAX_TITLE_CHARS, QUESTION_MAX_CHARS

BODY = "<p>{}</p>".format(
    "This is an ordinary paragraph of body text, long enough that nobody would "
    "ever take it for a heading of any kind at all."
)


def _outline(sections: tuple[Section, ...]) -> list[tuple[int, str | None, int]]:
    """(depth, title, number of blocks) of every section, depth first."""
    out: list[tuple[int, str | None, int]] = []
    stack = [(0, s) for s in reversed(sections)]
    while stack:
        depth, section = stack.pop()
        out.append((depth, section.title, len(section.blocks)))
        stack.extend((depth + 1, c) for c in reversed(section.children))
    return out


def _titles(html: str, headings: str = "auto") -> list[str | None]:
    return [s.title for s in _walk(wpparse.parse_content(html, headings=headings))]  # type: ignore[arg-type]


def _walk(sections: tuple[Section, ...]) -> list[Section]:
    return [s for top in sections for s in top.walk()]


def test_seed_outline(seed_bytes: bytes) -> None:
    """The outline the issue's "Done when" gives, paragraph counts included."""
    post = wpparse.parse_post(seed_bytes)

    assert [
        (0, None, 5),
        (0, "The Real Dynamics and Parameters of Partnership", 1),
        (0, "Gaps in the Effectiveness of Iran’s Air Defense Network", 2),
        (0, "Divergent Strategic lenses", 1),
        (1, "The Iranian Leadership’s International Standing", 2),
        (1, "Relations With the Gulf States", 1),
        (1, "Relations With Tel Aviv and Washington", 6),
    ] == _outline(post.sections)
    levels = {s.title: (s.level, s.heading_source) for s in post.walk()}
    assert (0, None) == levels[None]
    assert (2, HeadingSource.BOLD) == levels["Divergent Strategic lenses"]
    assert (3, HeadingSource.LINE) == levels["Relations With the Gulf States"]


def test_seed_conclusion_is_a_run_in_lead(seed_bytes: bytes) -> None:
    post = wpparse.parse_post(seed_bytes)
    last = post.sections[-1].children[-1]

    assert "In conclusion," == last.blocks[1].lead
    assert last.blocks[1].text.startswith("In conclusion, armed conflicts")
    assert all(b.kind is BlockKind.PARAGRAPH for s in post.walk() for b in s.blocks)


def test_seed_no_paragraph_lost_or_repeated(seed_bytes: bytes) -> None:
    post = wpparse.parse_post(seed_bytes)
    texts = [
        t
        for s in post.walk()
        for t in ([s.title] if s.title else []) + [b.text for b in s.blocks]
    ]

    assert 24 == len(texts)
    assert len(set(texts)) == len(texts)


def test_seed_html_rule_has_no_headings(seed_bytes: bytes) -> None:
    post = wpparse.parse_post(seed_bytes, headings="html")

    assert [(0, None, 24)] == _outline(post.sections)


def test_seed_bold_rule_has_the_three_bold_headings(seed_bytes: bytes) -> None:
    post = wpparse.parse_post(seed_bytes, headings="bold")

    assert [
        (0, None, 5),
        (0, "The Real Dynamics and Parameters of Partnership", 1),
        (0, "Gaps in the Effectiveness of Iran’s Air Defense Network", 2),
        (0, "Divergent Strategic lenses", 13),
    ] == _outline(post.sections)


def test_fixture_tree() -> None:
    html = (DATA / "structure.html").read_text(encoding="utf-8")

    sections = wpparse.parse_content(html, base_url="https://example.org/guide/")

    assert [
        (0, None, 1),
        (0, "Setting up", 1),
        (1, "Requirements & tools", 1),
        (2, "Optional extras", 1),
        (0, "Usage", 1),
        (1, "Questions", 1),
    ] == _outline(sections)
    flat = _walk(sections)
    assert [0, 2, 3, 4, 2, 3] == [s.level for s in flat]
    assert [None, "setup", "requirements", None, "usage", "faq"] == [
        s.anchor for s in flat
    ]
    assert BlockKind.LIST == flat[2].blocks[0].kind
    assert ["tool"] == [link.text for link in flat[2].links]
    assert all(s.heading_source is HeadingSource.HTML for s in flat[1:])
    assert flat[1].heading_html.startswith('<h2 class="wp-block-heading" id="setup">')


def test_children_are_always_deeper_and_levels_never_skip_a_parent() -> None:
    html = (
        "<h3>C</h3>"
        + BODY
        + "<h2>B</h2>"
        + BODY
        + "<h4>D</h4>"
        + BODY
        + "<h1>A</h1>"
        + BODY
        + "<h6>F</h6>"
        + BODY
        + "<h5>E</h5>"
        + BODY
    )

    sections = wpparse.parse_content(html)

    assert [
        (0, "C", 1),
        (0, "B", 1),
        (1, "D", 1),
        (0, "A", 1),
        (1, "F", 1),
        (1, "E", 1),
    ] == _outline(sections)
    for top in sections:
        for section in top.walk():
            assert all(c.level > section.level for c in section.children)


def test_bold_heading_under_an_h2_is_deeper_and_a_line_deeper_still() -> None:
    html = (
        "<h2>Chapter</h2>"
        + BODY
        + "<p><strong>Part one</strong></p>"
        + BODY[:-4]
        + " Here:</p>"
        "<p>A short line</p>" + BODY + "<h2>Next chapter</h2>" + BODY
    )

    flat = _walk(wpparse.parse_content(html))

    assert [
        ("Chapter", 2),
        ("Part one", 3),
        ("A short line", 4),
        ("Next chapter", 2),
    ] == [(s.title, s.level) for s in flat]
    assert [
        HeadingSource.HTML,
        HeadingSource.BOLD,
        HeadingSource.LINE,
        HeadingSource.HTML,
    ] == [s.heading_source for s in flat]


def test_pseudo_headings_without_real_headings_start_at_level_2() -> None:
    flat = _walk(wpparse.parse_content("<p><b>Alone</b></p>" + BODY))

    assert [("Alone", 2)] == [(s.title, s.level) for s in flat]


@pytest.mark.parametrize(
    "para",
    [
        "<p><strong>In conclusion, </strong>armed conflicts remain the measure.</p>",
        "<p><strong>This bold sentence ends in a full stop.</strong></p>",
        "<p><strong>Read more</strong></p>",
        "<p><strong>Share this:</strong></p>",
        "<p><strong>By Jane Doe</strong></p>",
        "<p><strong>July 3, 2025</strong></p>",
        "<p><strong>2025-07-03</strong></p>",
        "<p><strong><a href='/x'>Download the report</a></strong></p>",
        "<p class='wp-caption-text'><strong>A caption</strong></p>",
        "<p><strong>Line one<br>line two</strong></p>",
        "<p><strong>Photo: Agency</strong></p>",
        "<p><strong>Two sentences here. And another one</strong></p>",
        "<p><strong>***</strong></p>",
    ],
)
def test_never_a_heading(para: str) -> None:
    assert [None] == _titles(BODY + para + BODY)


@pytest.mark.parametrize(
    "para",
    [
        "<p>Read more</p>",
        "<p>By Dan Rearick</p>",
        "<p>Continue reading</p>",
        "<p>12 June 2025</p>",
        "<p>A short line ending with a stop.</p>",
        "<p>Is this a question?</p>",
        "<p>lower case start of a line</p>",
        "<p><em>An italic caption line</em></p>",
        "<p><a href='/x'>A linked line</a></p>",
    ],
)
def test_never_a_line_heading(para: str) -> None:
    assert [None] == _titles(BODY + para + BODY)


def test_line_after_an_image_is_a_caption_not_a_heading() -> None:
    html = BODY + '<p><img src="/a.jpg" alt=""></p><p>Sunset over the bay</p>' + BODY

    assert [None] == _titles(html)


def test_a_bold_run_of_lines_is_not_a_stack_of_headings() -> None:
    html = BODY + "<p><b>Jane Doe</b></p><p><b>Chief Editor</b></p>"

    assert [None] == _titles(html)


def test_enumerated_bold_heading() -> None:
    html = BODY + "<p>1.&nbsp; <strong>You feel ashamed</strong></p>" + BODY

    assert [None, "1. You feel ashamed"] == _titles(html)


def test_longest_bold_question_is_still_a_heading() -> None:
    # The walk reads formatting facts only of paragraphs a rule could take:
    # the longest title any rule accepts must still get them.
    question = "Why " + "extraordinary " * 13 + "circumstances?"
    assert len(question) == QUESTION_MAX_CHARS == MAX_TITLE_CHARS
    html = BODY + f"<p><strong>{question}</strong></p>" + BODY

    assert [None, question] == _titles(html)


@pytest.mark.parametrize("rule", ["html", "bold", "auto"])
def test_rules_are_nested(rule: str) -> None:
    html = (
        "<h2>Real</h2>"
        + BODY
        + "<p><b>Bold one</b></p>"
        + BODY[:-4]
        + ":</p><p>Plain line</p>"
        + BODY
    )
    expected = {
        "html": ["Real"],
        "bold": ["Real", "Bold one"],
        "auto": ["Real", "Bold one", "Plain line"],
    }[rule]

    assert expected == _titles(html, rule)


def test_unknown_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="headings must be one of"):
        wpparse.parse_content("<p>x</p>", headings="fancy")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "container",
    [
        "<blockquote><h3>Quoted</h3><p>Quoted text</p></blockquote>",
        "<table><tr><td><h4>Cell</h4></td><td>Other cell</td></tr></table>",
        "<ul><li><h3>Item</h3> with text</li><li>Another</li></ul>",
    ],
)
def test_headings_inside_containers_do_not_split_the_article(container: str) -> None:
    sections = wpparse.parse_content("<h2>Top</h2>" + container + BODY)

    assert [(0, "Top", 2)] == _outline(sections)


@pytest.mark.parametrize(
    "wrapped",
    [
        "<ul><li><h3>Step 1</h3></li></ul>",
        "<div class='wp-block-group'><div><h3>Step 1</h3></div></div>",
        "<blockquote><h3>Step 1</h3></blockquote>",
    ],
)
def test_a_container_holding_only_a_heading_does_not_hide_it(wrapped: str) -> None:
    sections = wpparse.parse_content("<h2>Top</h2>" + wrapped + BODY)

    assert [(0, "Top", 0), (1, "Step 1", 1)] == _outline(sections)


def test_empty_content_has_no_sections() -> None:
    assert () == wpparse.parse_content("")
    assert () == wpparse.parse_content("<!-- wp:paragraph --><p> &nbsp; </p>")


def test_heading_links_are_section_links() -> None:
    (section,) = wpparse.parse_content(
        '<h2><a href="https://x.org/">Linked</a> title</h2>'
    )

    assert ["https://x.org/"] == [link.url for link in section.links]
    assert section.heading_links == section.links


def test_section_html_and_soup() -> None:
    (section,) = wpparse.parse_content("<h2>T</h2><p>One</p><h3>U</h3><p>Two</p>")

    soup = section.soup()

    assert "<h2>T</h2>\n<p>One</p>\n<h3>U</h3>\n<p>Two</p>" == section.html
    assert ["T", "U"] == [h.get_text() for h in soup.find_all(["h2", "h3"])]


def test_deep_nesting_does_not_recurse() -> None:
    html = "<div>" * 10_000 + "<p>deep</p>" + "</div>" * 10_000

    # libxml2 stops building the tree at 2,048 levels: the nesting past 1,000
    # is flattened, the text kept, and a warning says so.
    with pytest.warns(wpparse.WPParseWarning, match="nested deeper than 1000"):
        (lead,) = wpparse.parse_content(html)

    assert "deep" == lead.text


def test_trailing_line_break_does_not_stop_a_bold_heading() -> None:
    assert [None, "Mission"] == _titles(
        BODY + "<p><strong>Mission</strong><br></p>" + BODY
    )


def test_bold_line_under_a_real_heading_is_its_subtitle() -> None:
    html = "<h2>Jane Doe</h2><p><strong>Professor of Music</strong></p>" + BODY

    assert ["Jane Doe"] == _titles(html)


def test_bold_label_with_a_colon_under_a_real_heading_is_a_heading() -> None:
    html = "<h2>Visas</h2><p><strong>Contact the embassy:</strong></p>" + BODY

    assert ["Visas", "Contact the embassy:"] == _titles(html)


def test_a_long_bold_question_is_a_heading() -> None:
    question = (
        "What explains their conspicuous absence amid a crisis involving a state "
        "often described as a close ally of theirs?"
    )

    assert [None, question] == _titles(BODY + f"<p><b>{question}</b></p>" + BODY)


def test_a_headline_line_opening_the_content() -> None:
    assert ["Storm closes the northern pass"] == _titles(
        "<p>Storm closes the northern pass</p>" + BODY
    )


def test_a_button_is_not_a_heading() -> None:
    html = (
        BODY
        + '<div class="wp-block-button"><a class="wp-block-button__link">Left aligned</a></div>'
        + BODY
    )

    assert [None] == _titles(html)


def test_one_plain_line_alone_is_not_a_heading() -> None:
    html = BODY + "<p>Let’s get started</p>" + BODY

    assert [None] == _titles(html)


def test_plain_lines_with_a_sibling_are_headings() -> None:
    html = BODY + "<p>Getting started</p>" + BODY + "<p>Going further</p>" + BODY

    assert [None, "Getting started", "Going further"] == _titles(html)


def test_bold_loose_text_in_a_wrapper_is_a_heading() -> None:
    html = "<div><b>Loose title</b></div><div>" + BODY[3:-4] + "</div>"

    assert ["Loose title"] == _titles(html, "bold")


def test_loose_text_half_bold_is_not_a_heading() -> None:
    html = "<div><b>Loose</b> title</div><div>" + BODY[3:-4] + "</div>"

    assert [None] == _titles(html, "bold")


def test_a_one_cell_layout_table_does_not_hide_its_headings() -> None:
    html = (
        "<table><tr><td><h2>Inside</h2>"
        + BODY
        + "<h3>Deeper</h3>"
        + BODY
        + "</td></tr></table>"
    )

    assert [(0, "Inside", 1), (1, "Deeper", 1)] == _outline(wpparse.parse_content(html))


def test_a_data_table_keeps_its_headings_inside() -> None:
    html = "<table><tr><td><h4>A</h4></td><td>B</td></tr></table>" + BODY

    assert [(0, None, 2)] == _outline(wpparse.parse_content(html))


@pytest.mark.parametrize(
    "marker",
    [
        '<p><a name="part-2"></a></p>',
        '<a id="part-2"></a>',
        '<p id="part-2"></p>',
        '<span id="part-2"> </span>',
    ],
)
def test_an_empty_anchor_right_before_a_heading_is_its_anchor(marker: str) -> None:
    html = (
        '<p><a href="#part-2">Jump</a></p>' + BODY + marker + "<h2>Part two</h2>" + BODY
    )

    sections = wpparse.parse_content(html, base_url="https://example.org/p/")
    links = wpparse.extract_links(html, base_url="https://example.org/p/")

    assert "part-2" == sections[-1].anchor
    assert "part-2" == links[0].target_anchor


def test_an_empty_anchor_before_a_paragraph_is_not_a_heading_anchor() -> None:
    html = '<a id="x"></a>' + BODY + "<h2>Later</h2>" + BODY

    assert wpparse.parse_content(html)[-1].anchor is None


def test_post_walk_is_each_top_section_walked_in_turn() -> None:
    html = (DATA / "structure.html").read_text(encoding="utf-8")

    post = wpparse.parse_post({"id": 1, "content": {"rendered": html}})

    expected = [s for top in post.sections for s in top.walk()]
    assert [s.title for s in expected] == [s.title for s in post.walk()]
    assert all(a is b for a, b in zip(expected, post.walk(), strict=True))
    assert [] == list(wpparse.parse_post({"id": 2}).walk())
