"""Links of the content: resolution against the post's URL, kinds and fragment targets."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

import wpparse
from tests.conftest import DATA
from wpparse import LinkKind
from wpparse._content import links as links_module
from wpparse._content.links import LinkResolver, clean_href, site_host

PAGE = "https://example.org/guide/"


def _links() -> tuple[wpparse.Link, ...]:
    html = (DATA / "structure.html").read_text(encoding="utf-8")
    return wpparse.extract_links(html, base_url=PAGE)


def test_fixture_links_kinds_and_urls() -> None:
    got = [(link.kind, link.url, link.href, link.text) for link in _links()]

    assert [
        (LinkKind.INTERNAL, "https://example.org/about/", "/about/", "about page"),
        (
            LinkKind.INTERNAL,
            "https://www.example.org/other/",
            "https://www.example.org/other/",
            "other post",
        ),
        (LinkKind.FRAGMENT, f"{PAGE}#usage", "#usage", "the usage notes"),
        (LinkKind.FRAGMENT, f"{PAGE}#nowhere", "#nowhere", "nothing"),
        (
            LinkKind.EXTERNAL,
            "https://cdn.example.net/tool.zip",
            "//cdn.example.net/tool.zip",
            "tool",
        ),
        (
            LinkKind.MAILTO,
            "mailto:team@example.org",
            "mailto:team@example.org",
            "the team",
        ),
        (LinkKind.TEL, "tel:+15550100", "tel:+15550100", "us"),
        (LinkKind.UNSAFE, "javascript:alert(1)", "javascript:alert(1)", "this"),
        (LinkKind.INTERNAL, f"{PAGE}?s=a&b=2", "?s=a&b=2", "here"),
        (LinkKind.FRAGMENT, f"{PAGE}#faq", f"{PAGE}#faq", "the FAQ"),
        (LinkKind.INTERNAL, "https://example.org/up/", "../up/", "one level up"),
    ] == got


def test_fixture_link_details() -> None:
    links = {link.text: link for link in _links()}

    assert "usage" == links["the usage notes"].target_anchor
    assert "Jump" == links["the usage notes"].title
    assert links["nothing"].target_anchor is None
    assert "faq" == links["the FAQ"].target_anchor
    assert ("nofollow", "noopener") == links["tool"].rel
    assert () == links["here"].rel
    assert links["here"].title is None


def test_protocol_relative_takes_the_post_scheme() -> None:
    resolver = LinkResolver("http://example.org/a/")

    assert "http://cdn.example.net/x" == resolver.resolve("//cdn.example.net/x")


def test_base_element_is_honoured() -> None:
    html = (
        '<base href="/docs/v2/"><p><a href="page.html">x</a> <a href="#top">top</a></p>'
    )

    (page, top) = wpparse.extract_links(html, base_url="https://example.org/post/")

    assert "https://example.org/docs/v2/page.html" == page.url
    assert LinkKind.INTERNAL == page.kind
    assert "https://example.org/docs/v2/#top" == top.url


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        ("JavaScript:void(0)", LinkKind.UNSAFE),
        (" java\tscript:alert(1)", LinkKind.UNSAFE),
        ("vbscript:msgbox", LinkKind.UNSAFE),
        ("data:text/html;base64,PHNjcmlwdD4=", LinkKind.UNSAFE),
        ("data:image/svg+xml;base64,PHN2Zz4=", LinkKind.UNSAFE),
        (
            "data:image/png;base64,iVBORw0KGgo=",
            LinkKind.UNSAFE,
        ),  # browsers do not follow data: links
        ("MAILTO:a@b.c", LinkKind.MAILTO),
        ("tel:+1 555", LinkKind.TEL),
        ("ftp://files.example.org/x", LinkKind.OTHER),
        ("sms:+1555", LinkKind.OTHER),
        ("http://[::1", LinkKind.OTHER),
        ("https://blog.example.org/", LinkKind.EXTERNAL),
        ("https://EXAMPLE.org/x", LinkKind.INTERNAL),
        ("", LinkKind.INTERNAL),
        ("#", LinkKind.FRAGMENT),
        ("https://example.org/guide/#part", LinkKind.FRAGMENT),
        ("https://example.org/guide/?p=2#part", LinkKind.INTERNAL),
    ],
)
def test_kinds(href: str, kind: LinkKind) -> None:
    assert kind == LinkResolver(PAGE).link(href).kind


def test_without_a_post_url_relative_links_stay_relative_and_internal() -> None:
    resolver = LinkResolver(None)

    assert LinkKind.INTERNAL == resolver.link("/x/").kind
    assert "/x/" == resolver.link("/x/").url
    assert LinkKind.EXTERNAL == resolver.link("https://example.org/").kind
    assert "https://cdn.example.net/a" == resolver.link("//cdn.example.net/a").url


def test_relative_post_link_from_a_mirror() -> None:
    resolver = LinkResolver("/2016/02/15/post/")

    assert "/2016/02/15/other/" == resolver.link("../other/").url
    assert LinkKind.INTERNAL == resolver.link("../other/").kind


def test_site_host_and_clean_href() -> None:
    assert "example.org" == site_host("https://WWW.Example.org:8080/x")
    assert site_host("/relative") is None
    assert site_host(None) is None
    assert site_host("http://[::1") is None
    assert "javascript:x" == clean_href(" \x01java\nscript:x \t")


def test_percent_encoded_fragment_matches_an_anchor() -> None:
    html = '<h2 id="über">Über</h2><p><a href="#%C3%BCber">up</a></p>'

    (link,) = wpparse.extract_links(html, base_url=PAGE)

    assert "über" == link.target_anchor


def test_fragment_to_a_paragraph_id_is_not_a_section_target() -> None:
    html = '<h2 id="a">A</h2><p id="p1">Plain text that is long enough to be a paragraph of body text, really.</p><p><a href="#p1">x</a> <a href="#a">y</a></p>'

    (to_p, to_a) = wpparse.extract_links(html, base_url=PAGE)

    assert to_p.target_anchor is None
    assert "a" == to_a.target_anchor


@pytest.mark.parametrize(
    "base", ["javascript:alert(1)", "data:text/html,x", "http://[::1"]
)
def test_a_base_that_is_not_a_web_url_is_ignored(base: str) -> None:
    html = f'<base href="{base}"><p><a href="x/">x</a></p>'

    (link,) = wpparse.extract_links(html, base_url=PAGE)

    assert f"{PAGE}x/" == link.url
    assert LinkKind.INTERNAL == link.kind


def test_relative_links_of_a_post_with_an_odd_scheme_are_other() -> None:
    assert (
        LinkKind.OTHER == LinkResolver("ftp://files.example.org/post/").link("x").kind
    )


_BASES = [
    None,
    "https://example.com/2024/05/post/",
    "http://www.Example.com:8080/a/b?x=1",
    "/2016/04/06/a-post/",
    "2016/04/06/relative/",
    "//cdn.example.com/path/",
    "https://user:pw@example.com/p",
    "https://example.com",
    "https://example.com/p?a=1&b=2#top",
    "https://example.com/p?",
    "https://example.com/a;p",
    "HTTPS://Example.com/p",
]
_HREFS = [
    "/wp-content/uploads/a.jpg",
    "/a/b?q=1#frag",
    "/a/./b",
    "/a;params",
    "//other.org/x",
    "https://Other.ORG/x/y?z=1#f",
    "http://other.org",
    "http://other.org:81/x",
    "https://other.org/a b",
    "https://other.org/#",
    "https://other.org/?",
    "relative/path",
    "../up",
    "?q=1",
    "#anchor",
    "#",
    "#a#b",
    "#a b",
    "#caf%C3%A9",
    "#?q",
]


@pytest.mark.parametrize(
    "base",
    [
        "https://example.com/p?a=1#top",
        "https://example.com#top",
        "https://example.com/p?#top",
        "../other/#top",
    ],
)
@pytest.mark.parametrize("href", ["#a", "#", "#a#b", "#top"])
def test_a_fragment_link_joins_a_base_element_with_a_fragment_as_urljoin_does(
    base: str, href: str
) -> None:
    page = "https://example.org/x/y/"
    resolver = LinkResolver(page, base)

    assert urljoin(urljoin(page, base), href) == resolver.resolve(href)


@pytest.mark.parametrize("base", _BASES)
def test_fast_join_agrees_with_urljoin(base: str | None) -> None:
    # The common href shapes are joined without urljoin; whenever the shortcut
    # answers, it must give urljoin's URL and urlsplit's host.
    resolver = LinkResolver(base)
    resolver.resolve("")  # the URLs are read on the first link
    answered = 0
    for href in _HREFS:
        fast = resolver._fast(href)
        if fast is None:
            continue
        answered += 1
        expected = urljoin(base, href) if base else href
        assert (expected, urlsplit(expected).hostname) == fast, href

    assert answered >= 2


@pytest.mark.parametrize("page", ["http://example.com/post/", "/2020/01/post/", None])
def test_web_url_without_a_host_is_no_followable_link(page: str | None) -> None:
    # Found by fuzzing: "https:/x" on an http page (or with no page to resolve
    # against) keeps no host; it was taken for an internal link.
    kind, url, _ = LinkResolver(page).classify("https:/ng in common")

    assert LinkKind.OTHER == kind
    assert "https:/ng in common" == url


def test_same_scheme_single_slash_resolves_against_the_page() -> None:
    kind, url, _ = LinkResolver("https://example.com/post/").classify("https:/ng")

    assert (LinkKind.INTERNAL, "https://example.com/ng") == (kind, url)


_PAGES = [
    *(base for base in _BASES if base),
    "https://www.Example.COM:8443/2021/05/post/?p=1#c",
    "http://example.com:80",
    "https://example.com./p",
    "https://[::1]/p",
    "https://exa_mple.com/p",
    "https://example.com/p#",
    " https://example.com/p\t",
    "https://example.com:/p",
]
_SLOTS = (
    "_base",
    "_host",
    "_scheme",
    "_origin",
    "_base_host",
    "_plain_base",
    "_base_is_path",
    "_page",
)


@pytest.mark.parametrize("page", _PAGES)
def test_a_plain_page_url_is_read_as_urlsplit_reads_it(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page URL of the plain shape is read off the regex's match; the general
    # path (urlsplit) must give every part alike, and so every link the same.
    fast = LinkResolver(page)
    fast.resolve("")
    with monkeypatch.context() as patch:
        patch.setattr(LinkResolver, "_plain_page", lambda _self, _page: False)
        slow = LinkResolver(page)
        slow.resolve("")

    assert [getattr(fast, n) for n in _SLOTS] == [getattr(slow, n) for n in _SLOTS]
    for href in _HREFS:
        assert fast.classify(href) == slow.classify(href), href


def test_a_common_page_url_is_read_without_urlsplit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(url: str) -> None:
        raise AssertionError(url)

    monkeypatch.setattr(links_module, "urlsplit", refuse)
    resolver = LinkResolver("https://www.example.com:8443/2021/05/post/#c")

    assert resolver.classify("/x") == (
        LinkKind.INTERNAL,
        "https://www.example.com:8443/x",
        None,
    )
