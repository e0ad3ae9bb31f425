"""
Heading rules of the second recall work of #15, on all four development sets.

Each test states a reader's view of a short piece of synthetic markup and
failed before the rule it checks was written; see docs/headings.md, "Second
recall work".
"""

from __future__ import annotations

import pytest

import wpparse
from wpparse import HeadingSource, Section

BODY = "<p>{}</p>".format(
    "This is an ordinary paragraph of body text, long enough that nobody would "
    "ever take it for a heading of any kind at all."
)
SHORT = "<p>We call the service from a small console program.</p>"
LIST = "<ul><li>The first point of the list</li><li>The second point of it</li></ul>"
CODE = "<pre>var client = new Client();\nclient.Run();</pre>"
VIDEO = '<figure><iframe src="https://www.youtube.com/embed/abc"></iframe></figure>'


def _walk(sections: tuple[Section, ...]) -> list[Section]:
    return [s for top in sections for s in top.walk()]


def _titles(html: str, headings: str = "auto") -> list[str | None]:
    sections = wpparse.parse_content(html, headings=headings)  # type: ignore[arg-type]
    return [s.title for s in _walk(sections)]


# A bare bold `Label:` over code, a quote, a table or a video names it: such a
# block is no field's value.


@pytest.mark.parametrize("rule", ["bold", "auto"])
@pytest.mark.parametrize(
    "block",
    [
        CODE,
        VIDEO,
        "<blockquote><p>Luigi: How is this different?</p></blockquote>",
        "<table><tr><td>1</td><td>5,2 s</td></tr><tr><td>2</td><td>5,3 s</td></tr></table>",
    ],
)
def test_a_bold_label_over_code_a_quote_a_table_or_a_video_is_a_heading(
    rule: str, block: str
) -> None:
    html = BODY + "<p><strong>Tools:</strong></p>" + block + BODY

    assert [None, "Tools:"] == _titles(html, rule)


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_bold_label_over_a_line_leading_into_code_is_a_heading(rule: str) -> None:
    html = BODY + "<p><strong>Demo code:</strong></p>" + SHORT + CODE + BODY

    assert [None, "Demo code:"] == _titles(html, rule)


def test_a_bold_label_over_one_short_value_then_code_is_still_a_field() -> None:
    html = BODY + "<p><strong>Version:</strong></p><p>2.4.1</p>" + CODE + BODY

    assert [None] == _titles(html)


def test_a_bold_label_over_an_image_is_still_not_a_heading() -> None:
    # Over a picture, a bare label reads as its caption ("Before:", "After:").
    html = (
        BODY
        + "<p><strong>Before:</strong></p>"
        + '<figure><img src="/before.jpg" alt=""></figure>'
        + BODY
    )

    assert [None] == _titles(html)


# A bold label or a line over a list after a bold sentence is no emphasis
# running on: it names what follows.


@pytest.mark.parametrize("rule", ["bold", "auto"])
@pytest.mark.parametrize(
    ("line", "after"),
    [("Purpose:", BODY), ("The basics of the framework", LIST)],
)
def test_a_bold_label_or_list_name_after_a_bold_sentence_is_a_heading(
    rule: str, line: str, after: str
) -> None:
    html = (
        BODY
        + "<p><b>You can download the scripts here.</b></p>"
        + f"<p><b>{line}</b></p>"
        + after
        + BODY
    )

    assert [None, line] == _titles(html, rule)


# A bold line trailing off with an ellipsis is a title ("A question for
# you..."), unless a list finishes its sentence.


@pytest.mark.parametrize("rule", ["bold", "auto"])
@pytest.mark.parametrize("line", ["A question for you...", "Can you imagine…"])
def test_a_bold_line_ending_with_an_ellipsis_is_a_heading(rule: str, line: str) -> None:
    html = BODY + f"<p><strong>{line}</strong></p>" + BODY

    assert [None, line] == _titles(html, rule)


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_bold_line_ending_with_an_ellipsis_over_a_list_goes_on_in_it(
    rule: str,
) -> None:
    html = BODY + "<p><strong>So, make sure that your friend...</strong></p>" + LIST

    assert [None] == _titles(html, rule)


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_bold_sentence_ending_with_an_ellipsis_is_still_not_a_heading(
    rule: str,
) -> None:
    line = "We waited. Then it came..."
    html = BODY + f"<p><strong>{line}</strong></p>" + BODY

    assert [None] == _titles(html, rule)


# A bold title with a plain aside in brackets after it is still a bold title.


@pytest.mark.parametrize("rule", ["bold", "auto"])
@pytest.mark.parametrize(
    ("bold", "aside"),
    [
        ("Pros and cons", "(from a Stack Overflow thread)"),
        (
            "环境安装：",
            "（如果不会使用控制台，建议先看看教程，后续我也会写一些简单操作）",
        ),
    ],
)
def test_a_bold_title_with_a_plain_aside_in_brackets_is_a_heading(
    rule: str, bold: str, aside: str
) -> None:
    html = BODY + f"<p><strong>{bold}</strong> {aside}</p>" + BODY
    title = f"{bold} {aside}"

    sections = _walk(wpparse.parse_content(html, headings=rule))  # type: ignore[arg-type]

    assert [None, title] == [s.title for s in sections]
    assert HeadingSource.BOLD is sections[1].heading_source


@pytest.mark.parametrize(
    "html",
    [
        # A run-in lead: the plain text is no aside.
        "<p><strong>In conclusion,</strong> armed conflicts (and wars)</p>",
        # Brackets inside the plain text, not around it.
        "<p><strong>Skype</strong> (free) and Zoom (paid)</p>",
        # The bold part alone is not a title.
        "<p><strong>Call us today.</strong> (Mon-Fri)</p>",
    ],
)
def test_a_bold_opening_with_other_plain_text_is_no_heading(html: str) -> None:
    assert [None] == _titles(BODY + html + BODY)


# An item of a numbered series may be longer than a title: the number, not
# its brevity, says it names a part.


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_long_bold_item_of_a_numbered_series_is_a_heading(rule: str) -> None:
    long_item = (
        "2. Configured port forwarding on my home router to allow me to access "
        "the web console from the Internet"
    )
    html = (
        BODY
        + "<p><strong>1. Installed the jump server</strong></p>"
        + BODY
        + f"<p><strong>{long_item}</strong></p>"
        + BODY
    )

    assert [None, "1. Installed the jump server", long_item] == _titles(html, rule)


def test_a_long_plain_item_of_a_numbered_series_is_a_heading() -> None:
    long_item = (
        "2.2. Startup script for the session in ~/.vnc/xstartup "
        "(I chose to use the gnome session)"
    )
    html = (
        BODY
        + "<p>2.1. Password for the user</p>"
        + "<blockquote><p>$ vncpasswd</p></blockquote>"
        + f"<p>{long_item}</p>"
        + "<blockquote><p>#!/bin/sh gnome-session</p></blockquote>"
        + BODY
    )

    assert [None, "2.1. Password for the user", long_item] == _titles(html)


def test_a_long_numbered_paragraph_is_still_no_heading() -> None:
    # Past a bold question's length, a numbered paragraph is a step's text.
    long_item = "2. " + " ".join(["Then configure the next part of the router"] * 4)
    html = (
        BODY
        + "<p><strong>1. Installed the jump server</strong></p>"
        + BODY
        + f"<p><strong>{long_item}</strong></p>"
        + BODY
    )

    assert long_item not in _titles(html, "bold")


# A callout's label ("Note:", "Warning") remarks on what follows; it names no
# section.


@pytest.mark.parametrize("rule", ["bold", "auto"])
@pytest.mark.parametrize("label", ["Note:", "Note", "Warning:", "Hinweis:", "N.B."])
def test_a_callout_label_is_not_a_heading(rule: str, label: str) -> None:
    html = BODY + f"<p><strong>{label}</strong></p>" + BODY + BODY

    assert [None] == _titles(html, rule)


def test_a_title_opening_with_a_callout_word_is_still_a_heading() -> None:
    html = BODY + "<p><strong>Notes on the new release</strong></p>" + BODY

    assert [None, "Notes on the new release"] == _titles(html)


# Of two bold lines in a row, the second is the first's subtitle, unless it
# ends with a colon or is over a list: then it names what follows, a heading too.


@pytest.mark.parametrize("rule", ["bold", "auto"])
@pytest.mark.parametrize(
    ("second", "after"), [("Cons:", BODY), ("What we found", LIST)]
)
def test_a_bold_line_naming_what_follows_under_a_bold_heading_is_a_heading_too(
    rule: str, second: str, after: str
) -> None:
    html = (
        BODY
        + "<p><strong>Pros and cons</strong></p>"
        + f"<p><strong>{second}</strong></p>"
        + after
        + BODY
    )

    assert [None, "Pros and cons", second] == _titles(html, rule)


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_bold_role_under_a_bold_name_is_still_its_subtitle(rule: str) -> None:
    html = (
        BODY
        + "<p><strong>Jane Doe</strong></p>"
        + "<p><strong>Chief Executive Officer</strong></p>"
        + BODY
    )

    assert [None, "Jane Doe"] == _titles(html, rule)


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_label_over_a_paragraph_then_a_label_over_code_is_no_form(rule: str) -> None:
    # The second label names its code, so neither is a field of a form.
    html = (
        BODY
        + "<p><strong>Approach:</strong></p>"
        + BODY
        + "<p><strong>Tools:</strong></p>"
        + CODE
        + BODY
    )

    assert [None, "Approach:", "Tools:"] == _titles(html, rule)


# Body text in scripts written without spaces is half as many characters long
# (as a title is: 40 characters, not 80).

CJK_PARAGRAPH = "<p>{}</p>".format(
    "我们使用这个模块来操作窗口句柄，国内也有类似的库，我测试下来感觉更高效，但是没有什么资料可以参考。"
)


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_bold_cjk_label_over_a_cjk_paragraph_is_a_heading(rule: str) -> None:
    html = (
        CJK_PARAGRAPH
        + "<p><strong>思路：</strong></p>"
        + CJK_PARAGRAPH
        + '<figure><img src="/a.png" alt=""></figure>'
    )

    assert [None, "思路："] == _titles(html, rule)


def test_cjk_lines_over_cjk_paragraphs_are_headings() -> None:
    html = (
        CJK_PARAGRAPH
        + "<p>安装环境</p>"
        + CJK_PARAGRAPH
        + "<p>运行程序</p>"
        + CJK_PARAGRAPH
    )

    assert [None, "安装环境", "运行程序"] == _titles(html)
