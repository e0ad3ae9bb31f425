"""
Pseudo-heading traps of issue #15 (items 2 and 9): what a reader never takes for a heading, and the FAQ miss.

Each test states the reader's view of a short piece of markup; every one of
them failed before the rule it checks was written.
"""

from __future__ import annotations

from typing import Any

import pytest

import wpparse
from wpparse import BlockKind, HeadingSource, Section

BODY = "<p>{}</p>".format(
    "This is an ordinary paragraph of body text, long enough that nobody would "
    "ever take it for a heading of any kind at all."
)
SHORT_ANSWER = "<p>Three to five working days, by tracked mail.</p>"


def _walk(sections: tuple[Section, ...]) -> list[Section]:
    return [s for top in sections for s in top.walk()]


def _titles(html: str, headings: str = "auto") -> list[str | None]:
    sections = wpparse.parse_content(html, headings=headings)  # type: ignore[arg-type]
    return [s.title for s in _walk(sections)]


def _post(title: str, html: str) -> dict[str, Any]:
    return {"id": 7, "title": {"rendered": title}, "content": {"rendered": html}}


# 15.2: a list item is never a pseudo heading.


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_one_item_list_of_bold_text_stays_a_list(rule: str) -> None:
    html = (
        BODY
        + '<ol start="3"><li><strong>Enter the service tag</strong></li></ol>'
        + BODY
    )

    sections = wpparse.parse_content(html, headings=rule)  # type: ignore[arg-type]

    assert [None] == [s.title for s in _walk(sections)]
    kinds = [b.kind for b in sections[0].blocks]
    assert [BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.PARAGRAPH] == kinds
    assert "Enter the service tag" == sections[0].blocks[1].text


def test_a_one_item_list_of_a_short_plain_line_stays_a_list() -> None:
    html = BODY + "<ul><li>Check the cable first</li></ul>" + BODY + BODY

    assert [None] == _titles(html)


# 15.9: a first line that repeats the post's title is an echo, not a section.


@pytest.mark.parametrize(
    "echo",
    [
        "<p>Storm closes the northern pass</p>",
        "<p><strong>Storm Closes the Northern Pass</strong></p>",
        "<p><b>Storm closes the northern pass.</b></p>",
    ],
)
def test_a_first_line_repeating_the_title_is_not_a_heading(echo: str) -> None:
    post = wpparse.parse_post(
        _post("Storm closes the northern pass", echo + BODY + BODY)
    )

    assert [None] == [s.title for s in post.walk()]
    assert post.sections[0].blocks[0].text.lower().startswith("storm closes")


def test_an_echo_under_a_lead_image_is_still_an_echo() -> None:
    html = '<figure><img src="/a.jpg" alt=""></figure>'
    html += "<p><strong>Storm closes the pass</strong></p>"
    post = wpparse.parse_post(_post("Storm closes the pass", html + BODY + BODY))

    assert [None] == [s.title for s in post.walk()]


def test_the_same_line_is_a_headline_when_the_title_differs() -> None:
    post = wpparse.parse_post(
        _post("Weather news", "<p>Storm closes the northern pass</p>" + BODY)
    )

    assert ["Storm closes the northern pass"] == [s.title for s in post.walk()]


# 15.9: a greeting or salutation standing alone.


@pytest.mark.parametrize(
    "para",
    [
        "<p><strong>Hello everyone</strong></p>",
        "<p><b>Dear friends and colleagues</b></p>",
        "<p><strong>Good morning Vienna</strong></p>",
        "<p><strong>Bonjour à tous</strong></p>",
        "<p><strong>Kind regards</strong></p>",
        "<p><strong>Thank you</strong></p>",
        "<p><strong>Liebe Grüße</strong></p>",
    ],
)
def test_a_greeting_or_salutation_is_not_a_bold_heading(para: str) -> None:
    assert [None] == _titles(BODY + para + BODY)


@pytest.mark.parametrize("line", ["Hi there", "Dear Customers", "Best wishes"])
def test_a_greeting_is_not_a_line_heading(line: str) -> None:
    # Opening the content, or announced by a colon, a short line is otherwise a headline.
    assert [None] == _titles(f"<p>{line}</p>" + BODY + BODY)
    assert [None] == _titles(BODY[:-4] + f":</p><p>{line}</p>" + BODY)


@pytest.mark.parametrize(
    "title",
    [
        "Hello World",
        "Best Practices for SEO",
        "Welcome to the Jungle",
        "Love Your Data",
    ],
)
def test_a_title_that_opens_like_a_greeting_is_still_a_heading(title: str) -> None:
    assert [None, title] == _titles(BODY + f"<p><strong>{title}</strong></p>" + BODY)


# 15.9: a `Label:` line with its value on the same line, or with none.


@pytest.mark.parametrize(
    "para",
    [
        "<p><strong>Phone: +49 30 1234567</strong></p>",
        "<p><strong>Managing director: Max Mustermann</strong></p>",
        "<p><b>Weight: 2.4 kg</b></p>",
        "<p><strong>Registergericht: Amtsgericht München</strong></p>",
    ],
)
def test_a_bold_label_with_its_value_is_not_a_heading(para: str) -> None:
    assert [None] == _titles(BODY + para + BODY)


def test_plain_label_lines_of_an_imprint_are_not_headings() -> None:
    html = (
        BODY[:-4]
        + ":</p><p>Geschäftsführer: Max Mustermann</p>"
        + BODY
        + "<p>Registergericht: Amtsgericht München</p>"
        + BODY
    )

    assert [None] == _titles(html)


def test_a_label_with_no_value_over_another_field_is_not_a_heading() -> None:
    html = (
        BODY
        + "<p><strong>Fax:</strong></p>"
        + "<p><strong>E-mail:</strong> office@example.org</p>"
        + BODY
    )

    assert [None] == _titles(html)


@pytest.mark.parametrize(
    "title",
    [
        "Step 3: Enter the service tag",
        "Day 2: Sarajevo old town",
        "Part 1 – The journey",
        "Part One: The Journey",
        "Chapter IV: Homecoming",
    ],
)
def test_a_numbered_label_is_still_a_heading(title: str) -> None:
    assert [None, title] == _titles(BODY + f"<p><strong>{title}</strong></p>" + BODY)


# 15.9: a credentials line under a speaker's name; a subtitle under a bold line.


def test_a_credentials_line_under_a_speakers_name_is_not_the_heading() -> None:
    html = (
        BODY
        + "<p><strong>Dr. Jane Doe</strong></p>"
        + "<p><strong>PhD, Professor of Music, University of Vienna</strong></p>"
        + BODY
    )
    sections = _walk(wpparse.parse_content(html))

    assert [None, "Dr. Jane Doe"] == [s.title for s in sections]
    speaker = sections[1]
    assert speaker.heading_source is HeadingSource.BOLD
    assert speaker.blocks[0].text.startswith("PhD, Professor of Music")


def test_the_second_of_two_bold_lines_is_a_subtitle() -> None:
    html = (
        BODY
        + "<p><b>Chapter One</b></p><p><b>In which the hero leaves home</b></p>"
        + BODY
    )
    sections = _walk(wpparse.parse_content(html))

    assert [None, "Chapter One"] == [s.title for s in sections]
    assert "In which the hero leaves home" == sections[1].blocks[0].text


def test_a_signature_of_two_bold_lines_at_the_end_is_still_no_heading() -> None:
    assert [None] == _titles(BODY + "<p><b>Jane Doe</b></p><p><b>Chief Editor</b></p>")


def test_three_bold_lines_in_a_row_are_an_address_block() -> None:
    html = (
        BODY
        + "<p><b>Acme Ltd</b></p><p><b>12 High Street</b></p><p><b>Springfield</b></p>"
        + BODY
    )

    assert [None] == _titles(html)


# 15.9, the miss: a bold question standing alone, followed by its answer.


def test_faq_questions_under_a_real_faq_heading_are_headings() -> None:
    html = (
        "<h2>FAQ</h2>"
        "<p><strong>How long does shipping take?</strong></p>"
        + SHORT_ANSWER
        + "<p><strong>Can I return an item?</strong></p>"
        "<p>Yes, within thirty days.</p>"
    )
    sections = _walk(wpparse.parse_content(html, headings="bold"))

    assert ["FAQ", "How long does shipping take?", "Can I return an item?"] == [
        s.title for s in sections
    ]
    assert [2, 3, 3] == [s.level for s in sections]


def test_a_bold_question_without_an_answer_is_not_a_heading() -> None:
    html = "<h2>FAQ</h2>" + "<p><strong>Any other questions?</strong></p>"

    assert ["FAQ"] == _titles(html)
