"""
Hostile markup through the content stage and the renderers (issue #16):
never a stray exception, never quadratic time, never text swallowed.
"""

from __future__ import annotations

import warnings

import pytest

import wpparse
from wpparse import Post

_HUGE = "9" * 5000  # int() refuses more than 4,300 digits


def _post(html: str) -> Post:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        return wpparse.parse_post(
            {"id": 1, "link": "https://example.org/p/", "content": {"rendered": html}}
        )


@pytest.mark.parametrize(
    "html",
    [
        '<ol start="\u00b2"><li>a</li><li>b<ol><li>c</li></ol></li></ol>',
        f'<ol start="{_HUGE}"><li>a</li><li>b<ol><li>c</li></ol></li></ol>',
        '<table><tr><td colspan="\u00b2">a</td><td>b</td></tr></table>',
        f'<table><tr><td rowspan="{_HUGE}">a</td><td>b</td></tr></table>',
        f'<table><tr><td colspan="{_HUGE}">a<br>x</td><td>b</td></tr></table>',
        f'<p>a<img class="wp-image-{_HUGE}" src="/a.png"></p>',
        f'<div id="attachment_{_HUGE}">a<img src="/a.png"></div>',
    ],
)
def test_odd_numbers_in_attributes_never_raise(html: str) -> None:
    post = _post(html)

    text = post.to_text()
    markdown = post.to_markdown()

    assert "a" in text
    assert "a" in markdown


@pytest.mark.parametrize(
    "html",
    [
        f'<img class="wp-image-{_HUGE}" src="/a.png">',
        f'<div id="attachment_{_HUGE}"><img src="/a.png"></div>',
    ],
)
def test_attachment_ids_past_int_limits_are_no_ids(html: str) -> None:
    (block,) = _post(html).sections[0].blocks

    assert block.attachment_id is None
    assert block.src == "https://example.org/a.png"


def test_list_start_is_read_as_a_browser_reads_it() -> None:
    post = _post(f'<ol start="{_HUGE}"><li>a</li><li>b<ol><li>c</li></ol></li></ol>')

    assert post.to_markdown().startswith("999999000. a\n")
    assert post.to_text().startswith("999999999. a\n")
    assert _post('<ol start="\u00b2"><li>a</li></ol>').to_markdown() == "1. a\n"


def test_cell_spans_are_clamped_as_the_standard_says() -> None:
    markdown = _post(
        f'<table><tr><td rowspan="{_HUGE}">a<br>x</td><td colspan="\u00b2">b</td></tr>'
        "</table>"
    ).to_markdown()

    assert '<td rowspan="65534">a x</td>' in markdown
    assert "<td>b</td>" in markdown
