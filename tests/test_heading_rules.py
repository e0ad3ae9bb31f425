"""
Heading rules refined on the development sets of #15 (the tuned and the first fresh set).

Each test states a reader's view of a short piece of markup and failed before
the rule it checks was written; see docs/headings.md, "What changed after the
first fresh set".
"""

from __future__ import annotations

import pytest

import wpparse
from wpparse import HeadingSource, Section
from wpparse._content.titles import counted_label, series_mark

BODY = "<p>{}</p>".format(
    "This is an ordinary paragraph of body text, long enough that nobody would "
    "ever take it for a heading of any kind at all."
)


def _walk(sections: tuple[Section, ...]) -> list[Section]:
    return [s for top in sections for s in top.walk()]


def _titles(html: str, headings: str = "auto") -> list[str | None]:
    sections = wpparse.parse_content(html, headings=headings)  # type: ignore[arg-type]
    return [s.title for s in _walk(sections)]


# A numbered series of bold lines: every item is a heading.


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("1. Start here", (".", (1,))),
        ("2、deepin 23 update", ("、", (2,))),
        ("3) Third", (")", (3,))),
        ("(4) Fourth", ("()", (4,))),
        ("（5）驱动更新：", ("（）", (5,))),
        ("2.1. Password for the user", (".", (2, 1))),
        ("1.3) Update the packages", (")", (1, 3))),
        ("2.4 kg", None),
        ("31.12.2022", None),
        ("1.22.6 released", None),
        ("2024年11月", None),
        ("Step 1", None),
    ],
)
def test_series_mark_reads_the_number_opening_a_line(
    text: str, mark: tuple[str, tuple[int, ...]] | None
) -> None:
    assert mark == series_mark(text)


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_the_first_of_a_numbered_series_right_under_a_heading_is_a_heading(
    rule: str,
) -> None:
    html = (
        "<h2>Products</h2>"
        "<p><strong>1. The new editor</strong></p>"
        + BODY
        + "<p><strong>2. The new terminal</strong></p>"
        + BODY
    )

    assert ["Products", "1. The new editor", "2. The new terminal"] == _titles(
        html, rule
    )


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_lone_numbered_line_under_a_heading_is_still_its_subtitle(
    rule: str,
) -> None:
    html = "<h2>Products</h2><p><strong>1. The new editor</strong></p>" + BODY

    assert ["Products"] == _titles(html, rule)


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_numbered_bold_sentences_are_headings(rule: str) -> None:
    items = [
        "1. We start with cravings, not with code.",
        "2. Reco talks like a person. Food is personal.",
        "3. The launch is here!",
    ]
    html = BODY + "".join(f"<p><strong>{t}</strong></p>{BODY}" for t in items)

    assert [None, *items] == _titles(html, rule)


def test_an_unnumbered_bold_sentence_is_still_emphasis() -> None:
    html = (
        BODY + "<p><strong>We start with cravings, not with code.</strong></p>" + BODY
    )

    assert [None] == _titles(html)


def test_numbered_plain_sentences_are_steps_not_headings() -> None:
    steps = [f"<p>{n}. Pop in to the shop and choose a treatment.</p>" for n in (1, 2)]
    html = BODY + steps[0] + BODY + steps[1] + BODY

    assert [None] == _titles(html)


def test_numbered_plain_lines_ending_with_a_colon_are_headings() -> None:
    html = (
        BODY + "<p>(1) Kernel upgrade:</p>" + BODY + "<p>(2) Driver updates:</p>" + BODY
    )
    sections = _walk(wpparse.parse_content(html))

    assert [None, "(1) Kernel upgrade:", "(2) Driver updates:"] == [
        s.title for s in sections
    ]
    assert HeadingSource.LINE is sections[1].heading_source


# A sub-series (``2.1.``, ``1.3)``) numbers the parts of a part.

CODE = "<pre>apt-get update\napt-get upgrade</pre>"


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_an_item_of_a_sub_series_under_its_parent_is_a_heading(rule: str) -> None:
    html = (
        BODY
        + "<p><strong>0) Back up your data:</strong></p>"
        + BODY
        + "<p><strong>1) Upgrading the system:</strong></p>"
        + BODY
        + "<p><strong>1.3) Update the packages</strong>.</p>"
        + CODE
        + BODY
        + "<p><strong>1.5) Finally, reboot the computer and enjoy. </strong></p>"
        + CODE
        + BODY
    )

    assert [
        None,
        "0) Back up your data:",
        "1) Upgrading the system:",
        "1.3) Update the packages.",
        "1.5) Finally, reboot the computer and enjoy.",
    ] == _titles(html, rule)


def test_plain_numbered_lines_over_code_are_headings() -> None:
    steps = [
        ("1. Install the server", "<pre># emerge tightvnc</pre>"),
        ("2. Configure the server", "<blockquote><p>DISPLAYS=dak:1</p></blockquote>"),
        ("2.1. Password for the user", "<blockquote><p>$ vncpasswd</p></blockquote>"),
        ("3. Start the server", "<pre># /etc/init.d/vnc start</pre>"),
    ]
    html = BODY + "".join(f"<p>{line}</p>{code}" for line, code in steps) + BODY
    sections = _walk(wpparse.parse_content(html))

    assert [None, *(line for line, _ in steps)] == [s.title for s in sections]
    assert {HeadingSource.LINE} == {s.heading_source for s in sections[1:]}


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_numbered_label_longer_than_a_label_is_still_a_heading(rule: str) -> None:
    items = [
        "1) Upgrading the system:",
        "2) Links that work for installing the following programs:",
    ]
    html = BODY + "".join(f"<p><strong>{t}</strong></p>{BODY}" for t in items)

    assert [None, *items] == _titles(html, rule)


def test_a_numbered_line_right_over_the_next_item_is_a_step() -> None:
    html = (
        BODY
        + "<p>1. Install the server</p><pre># emerge tightvnc</pre>"
        + "<p>2. Start the server</p><pre># /etc/init.d/vnc start</pre>"
        + "<p>3. Add the script to the crontab to run hourly</p>"
        + "<p>4. Now the computer can be reached over ssh with the address the "
        "script writes to a shared folder every hour.</p>" + BODY
    )

    assert [None, "1. Install the server", "2. Start the server"] == _titles(html)


# A word and a number count the parts of a series: "Day 1:", "Step 2:".


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("Day 2: Istanbul tour", ("day:", (2,))),
        ("اليوم 10:", ("اليوم:", (10,))),
        ("Chapter 3", ("chapter", (3,))),
        ("Day two", None),
        ("Windows 10 is out", None),
        ("In 2024 we grew", None),
    ],
)
def test_counted_label_reads_a_word_and_a_number(
    text: str, mark: tuple[str, tuple[int, ...]] | None
) -> None:
    assert mark == counted_label(text)


def test_day_labels_and_the_titles_under_them_are_headings() -> None:
    days = [("Day 1:", "Arrival in Istanbul"), ("Day 2:", "A tour of the city")]
    html = "<h3>The trip, day by day</h3>" + "".join(
        f"<p>{label}</p><p>{title}</p>{BODY}" for label, title in days
    )
    sections = _walk(wpparse.parse_content(html))

    assert [
        "The trip, day by day",
        "Day 1:",
        "Arrival in Istanbul",
        "Day 2:",
        "A tour of the city",
    ] == [s.title for s in sections]
    assert {HeadingSource.LINE} == {s.heading_source for s in sections[1:]}


def test_a_lone_day_label_makes_no_series() -> None:
    html = BODY + "<p>Day 1:</p><p>Arrival in Istanbul</p>" + BODY

    assert [None] == _titles(html)


def test_a_line_under_a_bold_label_is_not_announced_by_it() -> None:
    html = (
        BODY
        + "<p><strong>Ingredients:</strong></p>"
        + "<p>Flour and water</p>"
        + BODY
        + "<p>Another short line</p>"
        + BODY
    )

    assert "Flour and water" not in _titles(html)


# A line over a list names the list.

LIST = (
    "<ul><li>Video editing and slides</li><li>Partner outreach and follow-up</li></ul>"
)


def test_short_lines_over_lists_are_headings() -> None:
    html = (
        BODY
        + "<p>Online volunteers</p>"
        + LIST
        + "<p>Volunteers on site</p>"
        + LIST
        + BODY
    )
    sections = _walk(wpparse.parse_content(html))

    assert [None, "Online volunteers", "Volunteers on site"] == [
        s.title for s in sections
    ]
    assert [HeadingSource.LINE] * 2 == [s.heading_source for s in sections[1:]]


def test_a_plain_label_with_a_colon_over_a_list_is_still_an_intro() -> None:
    html = BODY + "<p>Sources:</p>" + LIST + "<p>Read more here:</p>" + LIST + BODY

    assert [None] == _titles(html)


@pytest.mark.parametrize(
    ("line", "title", "rule"),
    [
        ("<p>Online volunteers</p>", "Online volunteers", "auto"),
        ("<p><b>Mission of the party</b></p>", "Mission of the party", "bold"),
        ("<p><b>Mission of the party</b></p>", "Mission of the party", "auto"),
    ],
)
def test_a_line_right_under_a_heading_and_over_a_list_names_the_list(
    line: str, title: str, rule: str
) -> None:
    html = BODY + "<h2>Mission</h2>" + line + LIST + BODY + "<h2>Vision</h2>" + BODY

    assert [None, "Mission", title, "Vision"] == _titles(html, rule)


@pytest.mark.parametrize(
    "line",
    [
        "<p>Chief executive, Acme Ltd</p>",
        "<p><strong>Chief executive, Acme Ltd</strong></p>",
    ],
)
def test_a_line_right_under_a_heading_and_over_prose_is_still_its_subtitle(
    line: str,
) -> None:
    html = BODY + "<h2>Jane Doe</h2>" + line + BODY + "<p>Another line here</p>" + BODY

    assert [None, "Jane Doe"] == _titles(html)


@pytest.mark.parametrize("mark", ["*", "＊", "※", "†"])
def test_a_line_opening_with_a_reference_mark_is_a_note(mark: str) -> None:
    html = (
        BODY
        + "<h2>Policies</h2>"
        + f"<p>{mark}Diploma and admission policies</p>"
        + LIST
        + f"<p><strong>{mark} Prices include VAT</strong></p>"
        + BODY
    )

    assert [None, "Policies"] == _titles(html)


# A bare bold `Label:` heads a list or a run of lines; a longer line ending
# with a colon is a clause leading into what follows.


def test_a_bold_label_over_a_list_is_a_heading() -> None:
    html = BODY + "<p><strong>Contributors:</strong></p>" + LIST + BODY

    assert [None, "Contributors:"] == _titles(html)


def test_a_bold_label_over_several_lines_is_a_heading() -> None:
    steps = "".join(
        f"<p>- {step}</p>"
        for step in ("Spray a light layer on a cloth", "Wipe one panel at a time")
    )
    html = BODY + "<p><strong>How to use:</strong></p>" + steps + BODY

    assert [None, "How to use:"] == _titles(html)


def test_a_bold_label_over_a_sub_label_over_a_list_is_a_heading() -> None:
    html = (
        BODY
        + "<p><strong>Required qualifications:</strong></p>"
        + "<p>A degree in:</p>"
        + LIST
        + BODY
    )

    assert [None, "Required qualifications:"] == _titles(html)


def test_a_bold_label_over_one_value_then_a_field_is_still_a_field() -> None:
    html = (
        BODY
        + "<p><strong>Duration:</strong></p>"
        + "<p>10-15 min</p>"
        + "<p><strong>Level:</strong> beginner</p>"
        + BODY
    )

    assert [None] == _titles(html)


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_bold_clause_ending_with_a_colon_is_not_a_heading(rule: str) -> None:
    clause = "An employer without transport of its own may, as the law allows:"
    html = BODY + f"<p><strong>{clause}</strong></p>" + LIST + BODY

    assert [None] == _titles(html, rule)


# A first line repeating the title after a short label is an echo.


def _post(title: str, html: str) -> dict[str, object]:
    return {"id": 7, "title": {"rendered": title}, "content": {"rendered": html}}


@pytest.mark.parametrize(
    "first", ["EXERCISE 1: MY INNER COMPASS", "Exercise 1: “My inner compass”"]
)
def test_a_first_line_repeating_the_title_after_a_label_is_an_echo(
    first: str,
) -> None:
    html = f"<p><strong>{first}</strong></p>" + BODY + BODY
    post = wpparse.parse_post(_post("My inner compass", html))

    assert [None] == [s.title for s in post.walk()]


def test_a_first_line_adding_more_than_a_label_to_the_title_is_a_heading() -> None:
    first = "Why we wrote the guide we call my inner compass"
    html = f"<p><strong>{first}</strong></p>" + BODY + BODY
    post = wpparse.parse_post(_post("My inner compass", html))

    assert [first] == [s.title for s in post.walk()]


def test_labels_each_over_one_paragraph_are_the_fields_of_a_form() -> None:
    html = (
        BODY
        + "<p><strong>Goal:</strong></p>"
        + BODY
        + "<p><strong>Duration:</strong></p>"
        + "<p>10-15 min</p>"
    )

    assert [None] == _titles(html)


# Under a real heading, only a question of a title's length is an FAQ's.


def test_a_long_bold_question_right_under_a_heading_is_not_a_heading() -> None:
    question = (
        "HOW MANY MORE LIVES OF HEALTH WORKERS MUST BE LOST OR ENDANGERED BEFORE "
        "THE MINISTRY FINALLY ANSWERS OUR REQUEST TO CHANGE THE CRIMINAL CODE???"
    )
    html = BODY + "<h3>We appeal once more</h3>" + f"<p><b>{question}</b></p>" + BODY

    assert [None, "We appeal once more"] == _titles(html)


def test_a_short_bold_question_right_under_a_heading_is_still_an_faq() -> None:
    html = BODY + "<h2>FAQ</h2><p><b>How long does delivery take?</b></p>" + BODY

    assert [None, "FAQ", "How long does delivery take?"] == _titles(html)


def test_a_long_bold_question_between_paragraphs_is_still_an_interview_question() -> (
    None
):
    question = (
        "You seem captivated by software as a service: in a few words, could you "
        "tell our readers what it is and why it matters so much to you?"
    )
    html = BODY + f"<p><b>{question}</b></p>" + BODY

    assert [None, question] == _titles(html)


# In CJK text, a word of another script counts as one, as a word does.


def test_a_chinese_heading_with_latin_words_is_measured_by_its_words() -> None:
    title = "2、deepin厄瓜多尔站完成deepin Insight Magazine第一版文案和翻译"
    html = BODY + f"<p><b>{title}</b></p>" + BODY

    assert len(title) > 40
    assert [None, title] == _titles(html)


def test_a_long_chinese_sentence_is_still_not_a_heading() -> None:
    line = "在信息技术发展的浪潮中开源已成为全球创新的强劲引擎深刻影响着各行各业的发展我们站在新的历史起点上"
    html = BODY + f"<p><b>{line}</b></p>" + BODY

    assert [None] == _titles(html)


# A bold name over the lines of an address is its first line.


@pytest.mark.parametrize(
    "address",
    [
        "<p>80 London Road,</p><p>Southborough,</p><p>Tunbridge Wells</p>",
        "<p>80 London Road,<br>Southborough,<br>Tunbridge Wells</p>",
    ],
)
@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_bold_name_over_an_address_is_not_a_heading(address: str, rule: str) -> None:
    html = BODY + "<p><strong>Southborough Dry Cleaners</strong></p>" + address + BODY

    assert [None] == _titles(html, rule)


# Bylines and emphasis running over paragraphs are not headings.


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_guest_post_byline_is_not_a_heading(rule: str) -> None:
    html = BODY + "<p><b>Guest post by Brand Ambassador, Vipul Baranwal</b></p>" + BODY

    assert [None] == _titles(html, rule)


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_bold_line_after_a_bold_sentence_goes_on_with_its_emphasis(
    rule: str,
) -> None:
    html = (
        BODY
        + "<p><b>Please like, comment, share, and tell me what you think.</b></p>"
        + "<p><b>What expressions am I missing?</b></p>"
        + BODY
    )

    assert [None] == _titles(html, rule)


# Where the author marks headings in bold, two short sentences in bold are one.

SLOGAN = "Your menu can recommend. It can convert."


@pytest.mark.parametrize("rule", ["bold", "auto"])
def test_a_bold_slogan_of_two_sentences_is_a_heading_where_bold_is_the_habit(
    rule: str,
) -> None:
    html = (
        BODY
        + f"<p><strong>{SLOGAN}</strong></p>"
        + BODY
        + "<p><strong>Why it works, even with little staff</strong></p>"
        + BODY
    )

    assert [None, SLOGAN, "Why it works, even with little staff"] == _titles(html, rule)


@pytest.mark.parametrize(
    "html",
    [
        # No bold heading in the post: emphasis.
        BODY + f"<p><strong>{SLOGAN}</strong></p>" + BODY,
        # Over an image: a slogan, not a section.
        BODY
        + f"<p><strong>{SLOGAN}</strong></p>"
        + '<figure><img src="/a.jpg" alt="A cat"></figure>'
        + BODY
        + "<p><strong>Why it works</strong></p>"
        + BODY,
    ],
)
def test_a_bold_slogan_is_still_emphasis_elsewhere(html: str) -> None:
    assert SLOGAN not in _titles(html)
