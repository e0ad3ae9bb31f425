"""
Hostile input: each gives a correct result or a clear error, never a crash.

Speed is checked by measurement (benchmarks/hostile.py), not here: these tests
assert correctness only.
"""

from __future__ import annotations

import json
import re
import socket
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import wpparse
from wpparse import InvalidJSONError, InvalidPostError, NotAPostError, WPParseWarning
from wpparse._html.snippet import html_to_text

POST = {"id": 5, "title": {"rendered": "Caf\u00e9 &amp; Bar"}, "slug": "cafe"}


def _quiet_parse(data: Any) -> wpparse.Post:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning here would be a surprise
        return wpparse.parse_post(data)


# --- encodings -----------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with a BOM, as Windows tools write it
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("utf-16-be"),
        lambda t: t.encode("utf-32"),
        lambda t: "\ufeff" + t,  # a BOM left in already-decoded text
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "str-bom"],
)
def test_encodings_are_decoded(encode: Any) -> None:
    """BOMs and UTF-16/32 text read exactly as UTF-8 does."""
    post = _quiet_parse(encode(json.dumps(POST, ensure_ascii=False)))

    assert "Caf\u00e9 & Bar" == post.title


def test_invalid_utf8_names_the_offset_and_keeps_the_rest() -> None:
    data = b'{"id": 5, "title": {"rendered": "caf\xe9 \xff\xfe bar"}}'

    with pytest.warns(
        WPParseWarning, match=r"not valid utf-8 \(first bad byte at offset 36\)"
    ):
        post = wpparse.parse_post(data)

    assert "caf\ufffd \ufffd\ufffd bar" == post.title


# --- lone surrogates -----------------------------------------------------------


def test_lone_surrogate_escape_becomes_replacement_character() -> None:
    text = r'{"id": 5, "title": {"rendered": "<b>a\ud800b</b> c"}, "x": "\udc00"}'

    with pytest.warns(WPParseWarning, match="2 lone surrogate escapes"):
        post = wpparse.parse_post(text)

    assert "a\ufffdb c" == post.title  # lxml would have cut the text at 'a'
    assert {"x": "\ufffd"} == post.extra
    json.dumps(wpparse.to_dict(post), ensure_ascii=False).encode("utf-8")


def test_surrogate_pairs_and_escaped_backslashes_are_left_alone() -> None:
    text = r'{"id": 5, "title": {"rendered": "\ud83d\ude00 \\ud800"}}'

    post = _quiet_parse(text)

    assert "\U0001f600 \\ud800" == post.title


def test_lone_surrogate_in_a_mapping_is_repaired_with_its_path() -> None:
    obj = {"id": 5, "slug": "a\udfffb", "content": {"rendered": "<p>x\ud800y</p>"}}

    with pytest.warns(WPParseWarning) as record:
        post = wpparse.parse_post(obj)

    assert "a\ufffdb" == post.slug
    assert "<p>x\ufffdy</p>" == post.content_html
    assert {"$.slug", "$.content.rendered"} == {
        str(w.message).rsplit(" @ ", 1)[1] for w in record
    }


def test_html_text_is_not_cut_at_a_lone_surrogate() -> None:
    with pytest.warns(WPParseWarning, match=r"lone surrogate .* @ \$\.t"):
        text = html_to_text("<b>a\ud800b</b> after", "$.t")

    assert "a\ufffdb after" == text


# --- control characters and line ends --------------------------------------------


def test_nul_and_raw_control_characters_inside_strings() -> None:
    """Raw control characters (invalid in strict JSON) are read as themselves."""
    text = '{"id": 5, "slug": "a\x00b", "title": {"rendered": "<b>x\x00y</b>\tz"}}'

    post = _quiet_parse(text)

    assert "a\x00b" == post.slug
    assert post.title in {"x\ufffdy z", "xy z"}  # libxml2 replaces or drops NUL


@pytest.mark.parametrize("html", ["&J\x01\x00;<O>Hi</p>", "\x01<p>x</p>", "\x0b\x1f"])
def test_control_characters_before_the_first_tag(html: str) -> None:
    """Found by the fuzzer: lxml.html.fragment_fromstring() refused leading "\\x01"."""
    text = html_to_text(html)

    assert text.replace("\ufffd", "").strip("\x01\x0b\x1f ") in {"&J\x01;Hi", "x", ""}


def test_crlf_inside_content_reads_as_lf() -> None:
    html = "<p>one\r\ntwo</p>\r\n<p>three\rfour</p>"
    crlf = _quiet_parse({"id": 1, "title": {"rendered": html}})
    lf = _quiet_parse({"id": 1, "title": {"rendered": html.replace("\r\n", "\n")}})

    assert "one two three four" == crlf.title == lf.title


def test_json_lines_split_only_at_newlines() -> None:
    """U+2028 is a line separator to str.splitlines() but a character to JSON."""
    text = '{"id": 1, "slug": "a\u2028b"}\r\n{"id": 2, "slug": "c\x85d"}\n'

    posts = wpparse.parse_posts(text)

    assert [("a\u2028b"), ("c\x85d")] == [p.slug for p in posts]


# --- trailing data, numbers and strings ----------------------------------------------


@pytest.mark.parametrize("tail", ["</body></html>", "\x00\x00", "{", "]", '{"id": 6}'])
def test_trailing_garbage_is_dropped_with_a_warning(tail: str) -> None:
    with pytest.warns(WPParseWarning, match="trailing data"):
        post = wpparse.parse_post(json.dumps(POST) + tail)

    assert 5 == post.id


def test_numbers_as_strings_and_strings_as_numbers() -> None:
    post = _quiet_parse(
        {
            "id": "12",
            "author": " 7 ",
            "categories": ["1", 2, 3.0],
            "sticky": "1",
            "slug": 404,
            "title": {"rendered": 2025},
        }
    )

    assert (12, 7, (1, 2, 3), True) == (
        post.id,
        post.author,
        post.categories,
        post.sticky,
    )
    assert ("404", "2025") == (post.slug, post.title)


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ({"id": "\u00b2"}, "expected an integer, got '\u00b2' @ $.id"),
        ({"id": "\u0661\u0662"}, "expected an integer, got '\u0661\u0662' @ $.id"),
        ({"id": 1.5}, "expected an integer, got the number 1.5 @ $.id"),
        ({"id": "9" * 5000}, "expected an integer, got '" + "9" * 37 + "…' @ $.id"),
        (
            {"id": 1, "date": 20250703},
            "expected an ISO 8601 date string, got the number 20250703 @ $.date",
        ),
        (
            {"id": 1, "date": "1" * 100},
            "expected an ISO 8601 date such as '2025-07-03T08:56:33', got '"
            + "1" * 37
            + "…' @ $.date",
        ),
        (
            {"id": 1, "date": "10:00"},
            "expected an ISO 8601 date such as '2025-07-03T08:56:33', got '10:00' @ $.date",
        ),
        (
            {"id": 1, "date": "2025-07-03T08:56:33+99:00"},
            "expected a UTC offset under 24 hours, got '2025-07-03T08:56:33+99:00' @ $.date",
        ),
        (
            {"id": 1, "_links": {"self": "x"}},
            "expected a link object, got 'x' @ $._links['self']",
        ),
        (
            {"id": 1, "_links": {"it's": [{"href": 1}]}},
            "expected an 'href' string, got the number 1 @ $._links['it\\'s'][0].href",
        ),
        (
            {"id": 1, "class_list": {"0": "a", "2": []}},
            "expected a string, got a list @ $.class_list['2']",
        ),
        (
            {"id": 1, "title": {"raw": []}},
            "expected a string, got a list @ $.title.raw",
        ),
    ],
)
def test_odd_values_give_clear_errors(obj: dict[str, Any], message: str) -> None:
    """What was expected, what was found (shortened) and where."""
    with pytest.raises(InvalidPostError) as info:
        wpparse.parse_post(obj)

    assert message == str(info.value)


def test_relation_ids_of_any_kind_never_crash() -> None:
    post = _quiet_parse(
        {"id": 1, "_links": {"x": [{"href": "h", "id": "\u00b2", "count": "9" * 5000}]}}
    )

    (relation,) = post.relations
    assert (None, None) == (relation.id, relation.count)


def test_dates_at_the_edges_of_time() -> None:
    """Year 1 and year 9999 with offsets: no OverflowError, offsets kept."""
    first = _quiet_parse(
        {
            "id": 1,
            "date": "0001-01-01T00:00:00",
            "date_gmt": "0001-01-01T00:00:00+05:00",
        }
    )
    last = _quiet_parse(
        {"id": 1, "date": "9999-12-31T23:59:59", "date_gmt": "9999-12-31T20:59:59"}
    )

    assert "0001-01-01T00:00:00+05:00" == first.date.isoformat()  # type: ignore[union-attr]
    assert "9999-12-31T23:59:59+03:00" == last.date.isoformat()  # type: ignore[union-attr]


def test_date_with_unknown_zone_name_does_not_leak_dateutil_warnings() -> None:
    post = _quiet_parse({"id": 1, "date": "Jul 3 2025 08:56 XYZ"})

    assert "2025-07-03T08:56:00" == post.date.isoformat()  # type: ignore[union-attr]


# --- size and depth --------------------------------------------------------------


def test_a_50_mb_string_is_kept_whole() -> None:
    big = "x" * 50_000_000
    text = json.dumps({"id": 1, "title": {"rendered": f"<b>a</b>{big}"}, "slug": big})

    post = _quiet_parse(text)

    assert 50_000_001 == len(post.title)
    assert big == post.slug


@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_100000_levels_of_json_nesting_is_a_clear_error(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    deep = opener * 100_000 + "1" + closer * 100_000

    with pytest.raises(
        InvalidJSONError, match=r"^JSON nested too deeply to read @ \$$"
    ):
        wpparse.parse_post(deep)
    with pytest.raises(InvalidJSONError, match="nested too deeply"):
        wpparse.parse_post('{"id": 1, "extra": ' + deep + "}")
    with pytest.raises(
        InvalidJSONError, match=r"nested too deeply to read \(line 2\) @ \$\[1\]"
    ):
        wpparse.parse_posts('{"id": 1}\n{"id": 2, "x": ' + deep + "}\n")


def test_deep_but_readable_extra_renders_to_a_dict() -> None:
    """to_dict copies Post.extra without recursion, however deep the JSON reader went."""
    depth = 900
    post = _quiet_parse('{"id": 1, "x": ' + "[" * depth + "]" * depth + "}")

    value = wpparse.to_dict(post)["extra"]["x"]
    for _ in range(depth - 1):
        (value,) = value
    assert [] == value


@pytest.mark.parametrize("tag", ["span", "div", "b"])
def test_10000_levels_of_html_nesting_keep_their_text(tag: str) -> None:
    html = f"<{tag}>" * 10_000 + "deep" + f"</{tag}>" * 10_000 + "<p>after</p>"

    with pytest.warns(WPParseWarning, match="nested deeper than 1000 elements"):
        text = html_to_text(html)

    assert "deep after" == text


def test_html_nesting_the_repair_cannot_follow_falls_back_to_text() -> None:
    """End tags that libxml2 ignores (</span> across a <div>) keep elements open."""
    html = "<span><div>x</span>" * 3_000 + "tail"

    with pytest.warns(WPParseWarning, match="kept as plain text"):
        text = html_to_text(html)

    assert "x" * 3_000 + " tail" == text.replace(" ", "").replace("tail", " tail")


def test_a_million_attributes_keep_the_text_and_say_so() -> None:
    attrs = " ".join(f"a{i}=1" for i in range(1_000_000))
    html = f"<p>before <b {attrs}>bold</b> after</p>"

    with pytest.warns(
        WPParseWarning, match="dropped 999000 attributes past the first 1000"
    ):
        text = html_to_text(html)

    assert "before bold after" == text


@pytest.mark.parametrize(
    "attrs",
    [
        " ".join(f"a{i}" for i in range(5_000)),  # bare, no '=' at all
        " ".join(f'a{i}=">"' for i in range(5_000)),  # '>' hidden in the values
        "\t".join(f"a{i}='x'" for i in range(5_000)),
    ],
    ids=["bare", "angle-in-value", "tabs"],
)
def test_attribute_floods_of_every_shape_are_cut(attrs: str) -> None:
    with pytest.warns(WPParseWarning, match="dropped 4000 attributes"):
        text = html_to_text(f"<p>a <i {attrs}>b</i> c</p>")

    assert "a b c" == text


@pytest.mark.parametrize(
    "html",
    [
        "</body>after",
        "a</html>b",
        "<html><body>x</body></html>y",
        "<HTML><BODY>x</Body>y",
    ],
)
def test_document_tags_inside_content_lose_no_text(html: str) -> None:
    """libxml2 drops the text after a stray </body> or </html>; a browser shows it."""
    expected = html_to_text(
        html.replace("</body>", "").replace("</html>", "").replace("</Body>", "")
    )

    assert expected.replace(" ", "") == html_to_text(html).replace(" ", "")
    assert html_to_text(html)


# --- WordPress oddities in text ------------------------------------------------------


def test_unrendered_shortcodes_with_texturized_quotes_keep_their_text() -> None:
    html = "[caption id=\u201dattachment_5\u201d align=\u201dalignnone\u201d]<b>Photo</b> of the sea[/caption]"

    text = html_to_text(html)

    assert "of the sea" in text
    assert "Photo" in text


def test_block_comments_wrapped_in_paragraphs_give_no_text() -> None:
    html = (
        "<p><!-- wp:paragraph --></p>\n<p>Body text</p>\n<p><!-- /wp:paragraph --></p>"
    )

    assert "Body text" == html_to_text(html)


# --- not a post ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("[]", "expected a post object, got a list (use wpparse.parse_posts) @ $"),
        ('"post"', "expected a post object, got 'post' @ $"),
        ("null", "expected a post object, got null @ $"),
        ("{}", "expected a post object, got an object without an 'id' @ $"),
        ('{"id": null}', "expected a post object with an integer 'id', got null @ $"),
    ],
)
def test_not_a_post(data: str, message: str) -> None:
    with pytest.raises(NotAPostError) as info:
        wpparse.parse_post(data)

    assert message == str(info.value)


def test_invalid_json_says_what_it_expected_found_and_where() -> None:
    with pytest.raises(InvalidJSONError) as info:
        wpparse.parse_post('{"id": 1, "title": {"rendered": "x",, "y"}}')

    assert (
        "invalid JSON at line 1, column 37: expecting property name enclosed in double quotes, "
        "found ', \"y\"}}' @ $"
    ) == str(info.value)
    assert 36 == info.value.position


def test_a_number_too_long_for_python_is_a_clear_error() -> None:
    with pytest.raises(
        InvalidJSONError, match="expected a number of at most 4300 digits"
    ):
        wpparse.parse_post('{"id": ' + "1" * 5000 + "}")


# --- safety ------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[socket.socket]:
    """
    Fail any socket Python creates, and return a loopback listener the test can
    point URLs at: a connection from C code (libxml2) would wait in its backlog.
    """
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)

    def refuse(*args: object, **_: object) -> None:
        msg = f"network access attempted: {args!r}"
        raise AssertionError(msg)

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield listener
    listener.close()


def test_parsing_a_post_full_of_remote_urls_opens_nothing(
    no_network: socket.socket, tmp_path: Path
) -> None:
    """No DTD, entity, XInclude, image or frame is fetched, from the net or from disk."""
    port = no_network.getsockname()[1]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    url = f"http://127.0.0.1:{port}"
    html = (
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/x.dtd">'
        f'<!DOCTYPE x [<!ENTITY net SYSTEM "{url}/e"><!ENTITY file SYSTEM "{secret.as_uri()}">]>'
        f'<?xml-stylesheet href="{url}/s.xsl"?>'
        f'<base href="{url}/base/"><link rel="stylesheet" href="{url}/s.css">'
        f'<p>&net; &file; <a href="{url}/a">link</a> <img src="{url}/i.png" alt="i"></p>'
        f'<iframe src="{url}/frame"></iframe><script src="{url}/s.js"></script>'
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret.as_uri()}" parse="text"/>'
        f'<svg><image href="{url}/svg.png"/></svg><object data="{secret.as_uri()}"></object>'
    )
    obj = {
        "id": 1,
        "link": f"{url}/post/",
        "title": {"rendered": html},
        "excerpt": {"rendered": html},
        "content": {"rendered": html},
        "_links": {"self": [{"href": f"{url}/self"}]},
    }

    post = wpparse.parse_post(obj)
    dumped = json.dumps(wpparse.to_dict(post))

    with pytest.raises(BlockingIOError):
        no_network.accept()
    assert "TOP-SECRET-CONTENT" not in dumped
    assert "link" in post.title


def test_entities_declared_in_the_content_are_not_expanded() -> None:
    """A DOCTYPE's internal entities (the billion-laughs vector) stay unexpanded."""
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    html = f'<!DOCTYPE x [<!ENTITY l0 "EXPANDED">{laughs}]><p>&l0; &l9;</p>'

    text = html_to_text(html)

    assert "EXPANDED" not in text
    assert len(text) < len(html)


# The modules that open files: the readers (the files they are given), the
# CLI's writers (into the folder it is given, or a temporary folder of its own)
# and the mirror's (into the folder it is given).
READERS_AND_WRITERS = frozenset(
    {
        "_read.py",
        "_json/stream.py",
        "_json/files.py",
        "_cli/output.py",
        "_cli/jobs.py",
        "_fetch/files.py",
        "_fetch/state.py",
    }
)
# The one module that talks to the network: the mirror's client, to the site it is given.
NETWORK = frozenset({"_fetch/client.py"})


def test_no_module_reaches_for_the_network_or_unnamed_files() -> None:
    """
    Only the readers open files (those they are given) and the CLI and the
    mirror write files (into the folder they are given, and ``-j`` workers'
    output into a temporary folder of its own); other modules read only
    wpparse's own data.  Only the mirror's client talks to the network.
    """
    src = Path(wpparse.__file__).parent
    network = re.compile(
        r"import (?:urllib|socket|requests|httpx|http\.client)|urlopen\("
    )
    files = re.compile(
        r"(?<![\w.])open\(|\.(?:open|read_bytes|read_text|write_text|write_bytes)\("
    )
    modules = sorted(src.rglob("*.py"))
    assert len(modules) > 40  # every module, in every subpackage
    for module in modules:
        name = module.relative_to(src).as_posix()
        for number, line in enumerate(
            module.read_text(encoding="utf-8").splitlines(), 1
        ):
            where = f"{name}:{number}: {line.strip()}"
            if name not in NETWORK:
                assert not network.search(line), where
            if name in READERS_AND_WRITERS or 'files("wpparse")' in line:
                continue
            assert not files.search(line), where


@pytest.mark.parametrize("text", ["0E0", "[1.5e-3, 2]", '{"id": 10}', "-0.0"])
@pytest.mark.parametrize("chunk", [1, 2, 3])
def test_numbers_split_across_read_chunks(text: str, chunk: int) -> None:
    """Found by Hypothesis: the stream reader took the "0" of "0E0" for the whole number."""
    import io

    from wpparse._json.stream import iter_values

    values = [v for _, _, v in iter_values(io.BytesIO(text.encode()), "x", chunk=chunk)]

    expected = json.loads(text)
    assert [expected] == values or (isinstance(expected, list) and expected == values)


# --- found by the property suite ---------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<ul>stray<li>a</li><li>b<ul>inner<li>c</li></ul></li></ul>",
        "<ol>stray<li>y</li></ol>",
        "<table>stray</table>",
        "<table>stray<tr><td>a</td></tr></table>",
        "<table><tr>stray<td>a</td></tr></table>",
        "<figure><table><tr><td>a</td></tr></table><figcaption>cap</figcaption></figure>",
        "<b><blockquote><table>stray</table></b>",
        "<blockquote><ul>stray<li>a</li></ul></blockquote>",
    ],
)
def test_renderers_keep_text_outside_items_and_cells(html: str) -> None:
    """A browser shows text outside any <li> or <td>; to_text and to_markdown keep it."""
    post = _quiet_parse(
        {"id": 1, "link": "https://e.org/p/", "content": {"rendered": html}}
    )
    words = re.findall(r"stray|inner|cap|\b[abcy]\b", html_to_text(html))

    for output in (wpparse.to_text(post), wpparse.to_markdown(post)):
        for word in words:
            assert re.search(rf"\b{word}\b", output), (word, output)


@pytest.mark.parametrize("link", [None, "not a url", "/2016/02/15/post/"])
def test_scheme_relative_links_get_https_when_the_post_has_no_scheme(
    link: str | None,
) -> None:
    post = _quiet_parse(
        {
            "id": 1,
            "link": link,
            "content": {"rendered": '<a href="//cdn.example.com/x">x</a>'},
        }
    )

    (found,) = post.links
    assert "https://cdn.example.com/x" == found.url


def test_lone_surrogate_after_a_stray_end_tag_keeps_the_text() -> None:
    """libxml2 logs an error after the fatal one: all fatal errors are looked at."""
    with pytest.warns(WPParseWarning, match="lone surrogate"):
        text = html_to_text("</p> \ud800 word")

    assert "\ufffd word" == text


@pytest.mark.parametrize(
    ("href", "url"),
    [
        ("http:\\/\\/kcu.local\\/x\\/", "http://kcu.local//x//"),
        ("\\\\evil.example\\x", "https://evil.example/x"),
        ("\\/\\/cdn.example\\y", "https://cdn.example/y"),
        ("https:\\\\h.example", "https://h.example"),
        ("a\\b", "https://e.org/p/a/b"),
    ],
)
def test_backslashes_in_web_links_read_as_a_browser_reads_them(
    href: str, url: str
) -> None:
    """Found by the fuzzer: JSON-escaped URLs (http:\\/\\/host) pasted into HTML."""
    post = _quiet_parse(
        {
            "id": 1,
            "link": "https://e.org/p/",
            "content": {"rendered": f'<a href="{href}">x</a>'},
        }
    )

    (link,) = post.links
    assert url == link.url
    assert href == link.href


def test_backslashes_stay_in_script_links() -> None:
    post = _quiet_parse(
        {"id": 1, "content": {"rendered": '<a href="javascript:a\\b">x</a>'}}
    )

    (link,) = post.links
    assert ("javascript:a\\b", "unsafe") == (link.url, link.kind)


def test_a_record_after_a_truncated_one_keeps_its_own_line(tmp_path: Path) -> None:
    """Found by Hypothesis: the error's line moved the reader's line count ahead."""
    file = tmp_path / "site.jsonl"
    file.write_text(
        '{"id": 99, "title": \n{"slug": "x"}\n{"id": 5}\n', encoding="utf-8"
    )

    reader = wpparse.read_posts(file, on_error=lambda _: None)
    posts = list(reader)

    assert [5] == [p.id for p in posts]
    assert [(1, "$[0]"), (2, "$[1]")] == [
        (p.source.line, p.path) for p in reader.problems
    ]
    assert "got an object without an 'id'" in reader.problems[1].reason


@pytest.mark.parametrize(
    "link", ["https://www.uniti]gnc.org/2013/x/", "http://[::1", "http://[x]/"]
)
def test_a_post_link_that_is_no_url_gives_a_post(link: str) -> None:
    """Found by the fuzzer: urlsplit() raises ValueError on a ']' in the host."""
    html = '<base href="http://[::1"><a href="/a">a</a> <a href="http://[">b</a> <img src="//[x">'

    post = _quiet_parse({"id": 1, "link": link, "content": {"rendered": html}})

    assert ["a", "b"] == [found.text for found in post.links]
    wpparse.to_markdown(post)
    wpparse.to_text(post)


@pytest.mark.parametrize("tag", ["textarea", "xmp", "plaintext"])
def test_an_unclosed_raw_text_element_adds_no_markup_of_ours(tag: str) -> None:
    """The parser's own wrapper must not become text after an unclosed <textarea>."""
    html = f"<p>a</p><{tag}>b<i>c</i>"

    post = _quiet_parse(
        {"id": 1, "title": {"rendered": html}, "content": {"rendered": html}}
    )

    assert "a b<i>c</i>" == post.title
    assert ["a", "b<i>c</i>"] == [b.text for s in post.walk() for b in s.blocks]


def test_block_comments_wrapped_in_paragraphs_make_no_empty_blocks() -> None:
    html = (
        "<p><!-- wp:paragraph --></p>\n<p>Body text</p>\n<p><!-- /wp:paragraph --></p>"
        "<p><!-- wp:heading --></p><h2>Title</h2><p><!-- /wp:heading --></p>"
    )

    post = _quiet_parse({"id": 1, "content": {"rendered": html}})

    assert [(None, ["Body text"]), ("Title", [])] == [
        (s.title, [b.text for b in s.blocks]) for s in post.walk()
    ]


def test_unrendered_shortcode_in_content_keeps_its_text() -> None:
    html = (
        "<p>[caption id=\u201dattachment_5\u201d align=\u201dalignnone\u201d]"
        '<img src="/a.png" alt="A"> A caption[/caption]</p>'
    )

    post = _quiet_parse(
        {"id": 1, "link": "https://e.org/p/", "content": {"rendered": html}}
    )

    (block,) = [b for s in post.walk() for b in s.blocks]
    assert "A caption" in block.text
    assert "A caption" in wpparse.to_markdown(post)


def test_lone_surrogate_escape_after_an_escaped_backslash_is_repaired_in_the_field() -> (
    None
):
    # "\\ud800" is text; the "\udc00" after it is a lone surrogate that the
    # scan of the JSON text takes for the second half of a pair.
    text = r'{"id": 5, "title": "\\ud800\udc00", "slug": "\\ud800\udc00"}'

    with pytest.warns(WPParseWarning) as record:
        post = wpparse.parse_post(text)

    assert "\\ud800\ufffd" == post.title
    assert "\\ud800\ufffd" == post.slug
    assert ["$.title", "$.slug"] == [str(w.message).rsplit(" @ ", 1)[1] for w in record]


@pytest.mark.parametrize("sep", [",", "\n"])  # a JSON array, JSON Lines
def test_lone_surrogate_after_an_escaped_backslash_in_a_collection(sep: str) -> None:
    one = r'{"id": 4, "title": "caf\u00e9"}'
    two = r'{"id": 5, "title": "\\ud800\udc00"}'
    text = f"[{one}{sep}{two}]" if sep == "," else f"{one}{sep}{two}"

    with pytest.warns(WPParseWarning) as record:
        posts = wpparse.parse_posts(text.encode())

    assert ["caf\u00e9", "\\ud800\ufffd"] == [post.title for post in posts]
    assert ["$[1].title"] == [str(w.message).rsplit(" @ ", 1)[1] for w in record]
