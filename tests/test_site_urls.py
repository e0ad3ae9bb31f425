"""URLs as a browser compares them: each variant that must not matter, and each that must."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wpparse
from wpparse._site.urls import (
    IdForm,
    _address_of_any,
    address,
    file_variants,
    id_form,
)

BASE = "https://example.org/2026/03/rain/"


def _page(url: str) -> str:
    where = address(url)
    assert where is not None, url
    return where.page


@pytest.mark.parametrize(
    "variant",
    [
        "http://example.org/2026/03/rain/",  # scheme
        "https://www.example.org/2026/03/rain/",  # www.
        "https://example.org/2026/03/rain",  # trailing slash
        "https://EXAMPLE.org/2026/03/rain/",  # host case
        "https://example.org./2026/03/rain/",  # fully qualified host
        "https://example.org:443/2026/03/rain/",  # default port
        "http://example.org:80/2026/03/rain/",
        "https://example.org/2026/03/%72ain/",  # an unreserved letter encoded
        "https://example.org/2026/03/rain/#comments",  # fragment
        "https://example.org/2026/03/rain/?utm_source=feed&utm_medium=rss",  # tracking
        "https://example.org/2026/03/rain/?fbclid=IwAR0abc",
        "https://example.org/2026/03/./rain/",  # dot segments
        "https://example.org/2026/04/../03/rain/",
        "  https://example.org/2026/03/rain/\n",  # whitespace around
        "//example.org/2026/03/rain/",  # scheme-relative
    ],
)
def test_variants_a_browser_treats_as_the_same_page(variant: str) -> None:
    assert _page(variant) == _page(BASE)


@pytest.mark.parametrize(
    "other",
    [
        "https://example.org/2026/03/Rain/",  # path case matters
        "https://example.org/2026/03/rain/?lang=fr",  # a real query
        "https://example.org:8080/2026/03/rain/",  # another port
        "https://blog.example.org/2026/03/rain/",  # another host
        "https://example.org/2026/03/rain/2/",  # page 2
    ],
)
def test_what_does_change_the_page(other: str) -> None:
    assert _page(other) != _page(BASE)


def test_percent_encoding_is_canonical_whatever_the_case_or_form() -> None:
    lower = "https://example.org/caf%c3%a9/"
    upper = "https://example.org/caf%C3%A9"
    raw = "https://example.org/café/"

    assert _page(lower) == _page(upper) == _page(raw) == "example.org/caf%C3%A9"


def test_a_non_utf8_escape_stays_apart_from_others() -> None:
    # Latin-1 %E9 is not UTF-8 é: two different byte strings, two pages.
    assert _page("https://example.org/caf%E9") != _page("https://example.org/café")


def test_international_hosts_compare_in_their_ascii_form() -> None:
    assert _page("https://bücher.example/a") == _page("https://xn--bcher-kva.example/a")


def test_query_order_and_escapes_do_not_matter() -> None:
    assert _page("https://example.org/?b=2&a=%41") == _page(
        "https://example.org/?a=A&b=2"
    )


def test_the_root_and_index_php_are_the_home_page() -> None:
    assert _page("https://example.org") == _page("https://example.org/")
    assert _page("https://example.org/index.php") == "example.org"


def test_relative_urls_keep_no_host() -> None:
    where = address("/rooms/lunch/")

    assert where is not None
    assert (where.host, where.path) == ("", "/rooms/lunch")
    assert address("?p=5") is not None


@pytest.mark.parametrize(
    "url",
    [
        "mailto:a@example.org",
        "tel:+1234",
        "javascript:alert(1)",
        "ftp://example.org/file",
        "../sibling/",  # relative to a page we do not know
        "http://[::1/",  # malformed
        "https://example.org:99999/",  # port out of range
        "https:no-host",
    ],
)
def test_urls_that_name_no_page(url: str) -> None:
    assert address(url) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/?p=36", IdForm("post", 36)),
        ("https://example.org/?page_id=2", IdForm("post", 2)),
        ("https://example.org/?attachment_id=9", IdForm("post", 9)),
        ("https://example.org/?cat=7", IdForm("category", 7)),
        ("https://example.org/?tag_id=8", IdForm("post_tag", 8)),
        ("https://example.org/?author=3", IdForm("user", 3)),
        ("https://example.org/?post_type=room&p=30", IdForm("post", 30)),
        ("https://example.org/?p=36&utm_campaign=x", IdForm("post", 36)),
        ("https://example.org/?page_id=2&lang=fr", IdForm("post", 2)),
        ("https://example.org/any/path/?p=36", IdForm("post", 36)),  # WordPress: p wins
        ("/?p=36", IdForm("post", 36)),
    ],
)
def test_id_forms(url: str, expected: IdForm) -> None:
    where = address(url)

    assert where is not None
    assert id_form(where) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/?s=rain&cat=7",  # a search within a category
        "https://example.org/?p=abc",
        "https://example.org/?p=0",
        "https://example.org/?p=-3",
        "https://example.org/?author=admin",
        "https://example.org/?cat=1,2",
        "https://example.org/?feed=rss2&p=4",  # the post's comment feed
        "https://example.org/?p=%D9%A3",  # an Arabic-Indic digit
        "https://example.org/?p=" + "9" * 5000,  # int() of it raised ValueError
        "https://example.org/rain/",
    ],
)
def test_not_id_forms(url: str) -> None:
    where = address(url)

    assert where is not None
    assert id_form(where) is None


def test_file_variants_name_the_original_of_a_size() -> None:
    where = address("https://example.org/up/2026/03/photo-1024x768.jpg?ver=3")

    assert where is not None
    assert file_variants(where) == [
        "example.org/up/2026/03/photo-1024x768.jpg",
        "example.org/up/2026/03/photo.jpg",
    ]


def test_file_variants_of_a_scaled_original() -> None:
    where = address("https://example.org/up/photo-scaled.jpeg")

    assert where is not None
    assert file_variants(where)[1] == "example.org/up/photo.jpeg"


def test_file_variants_through_jetpacks_image_cdn() -> None:
    where = address(
        "https://i2.wp.com/www.example.org/up/photo.jpg?resize=300%2C200&ssl=1"
    )

    assert where is not None
    assert file_variants(where) == ["example.org/up/photo.jpg"]


def test_a_plain_file_has_one_variant() -> None:
    where = address("https://example.org/up/report-2024.pdf")

    assert where is not None
    assert file_variants(where) == ["example.org/up/report-2024.pdf"]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/2026/03/rain/",
        "HTTP://WWW.Example.ORG:80/A/B/?utm_source=x&b=2&a=1#top",
        "https://example.org:8443/a",
        "https://example.org:99999/a",
        "https://example.org:80x/a",
        "//example.org",
        "//",
        "///triple/slash",
        "/rooms/lunch/?p=5#x",
        "?p=5",
        "#top",
        "",
        "https://example.org/path with space/",
        "https://example.org/%7Euser/./a/../b/",
        "https://example.org/index.php",
        "https://user@example.org/a",
        "https://example.org./a",
        "https://ex_ample.org/a",
        "http:/one-slash",
        "mailto:a@example.org",
        "https://example.org/a?x=%41&y=",
    ],
)
def test_the_quick_way_and_urlsplits_way_agree(url: str) -> None:
    assert address(url) == _address_of_any(url)


@given(
    st.text(max_size=200)
    | st.from_regex(r"(https?:)?//[a-z.]{1,20}(:\d{1,6})?/[^#]{0,40}(#.*)?")
)
def test_any_text_gives_an_address_or_none_and_both_ways_agree(url: str) -> None:
    where = address(url)

    assert where == _address_of_any(url)
    if where is not None:
        assert not where.path.endswith("/")
        id_form(where)  # never raises
        assert file_variants(where)[0] == where.file


def test_a_huge_url_is_read_in_one_pass() -> None:
    url = "https://example.org/" + "a-1x1/" * 200_000 + "?" + "p=1&" * 100_000

    where = address(url)

    assert where is not None
    assert where.path.count("/") == 200_000
    # PHP keeps the last of a repeated parameter, as the index does.
    assert id_form(where) == IdForm("post", 1)


def test_a_repeated_id_counts_its_last_value_as_php_does() -> None:
    where = address("https://example.org/?p=1&p=2")

    assert where is not None
    assert id_form(where) == IdForm("post", 2)


def test_an_id_of_thousands_of_digits_resolves_to_nothing() -> None:
    post = wpparse.parse_post({"id": 1, "link": "https://example.org/a/"})

    assert (
        wpparse.SiteIndex([post]).target("https://example.org/?p=" + "1" * 5000) is None
    )
