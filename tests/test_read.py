"""Whole sites on disk: ``read_posts`` / ``read_objects`` over files and directory trees."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wpparse
from tests.conftest import corpus_params
from wpparse._json.kinds import object_kind
from wpparse._json.load import load_json
from wpparse._json.stream import iter_values
from wpparse._rest import dispatch


def _values(data: bytes, chunk: int) -> list[Any]:
    return [value for _, _, value in iter_values(io.BytesIO(data), "x", chunk=chunk)]


def _read(path: Path, **kwargs: Any) -> tuple[list[Any], list[wpparse.Problem]]:
    problems: list[wpparse.Problem] = []
    reader = wpparse.read_objects(path, on_error=problems.append, **kwargs)
    return list(reader), problems


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(
    records=st.lists(
        st.dictionaries(st.text(max_size=5), json_values, max_size=4), max_size=6
    ),
    indent=st.sampled_from([None, 0, 2]),
    chunk=st.integers(min_value=1, max_value=40),
    ensure_ascii=st.booleans(),
)
def test_array_streams_whatever_the_chunk_size(
    records: list[dict[str, Any]], indent: int | None, chunk: int, ensure_ascii: bool
) -> None:
    data = json.dumps(records, indent=indent, ensure_ascii=ensure_ascii).encode()

    assert records == _values(data, chunk)


@given(
    records=st.lists(
        st.dictionaries(st.text(max_size=5), json_values, max_size=4),
        min_size=2,
        max_size=6,
    ),
    chunk=st.integers(min_value=1, max_value=40),
)
def test_json_lines_stream_whatever_the_chunk_size(
    records: list[dict[str, Any]], chunk: int
) -> None:
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()

    assert records == _values(data, chunk)


def test_a_real_replacement_character_cut_by_a_chunk_boundary_is_not_a_bad_byte() -> (
    None
):
    # U+FFFD is three bytes in UTF-8; read one byte at a time it straddles reads.
    # (warnings are errors in the test run)
    assert [{"\ufffd": 1}] == _values('{"\ufffd": 1}'.encode(), 1)


def test_numbers_cut_by_a_chunk_boundary_are_whole() -> None:
    assert [[1, 23456, -7.5e3]] == [_values(b"[1, 23456, -7.5e3]", 5)]


def test_a_record_much_larger_than_a_chunk() -> None:
    big = {"id": 1, "content": {"rendered": "<p>" + "x" * 200_000 + "</p>"}}
    data = json.dumps([{"id": 0}, big, {"id": 2}]).encode()

    assert [0, 1, 2] == [v["id"] for v in _values(data, 64)]


def test_sources_name_file_line_and_index(tmp_path: Path) -> None:
    file = tmp_path / "posts.json"
    file.write_text(
        '[\n  {"id": 1},\n  {"id": 2,\n   "slug": "b"}\n]\n', encoding="utf-8"
    )

    posts = list(wpparse.read_posts(file))

    assert [(str(file), 2, 0), (str(file), 3, 1)] == [
        (p.source.file, p.source.line, p.source.index) for p in posts if p.source
    ]


def test_every_layout_of_a_file(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text('{"id": 1}', encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text('{"id": 2}\n\n{"id": 3}\n', encoding="utf-8")
    (tmp_path / "envelope.json").write_text(
        '{"body": [{"id": 4}, {"id": 5}], "status": 200, "headers": {}}',
        encoding="utf-8",
    )
    site = tmp_path / "mirror" / "wp-json" / "wp" / "v2" / "posts" / "6"
    site.mkdir(parents=True)
    (site / "index.html").write_text('\n{"id": 6}', encoding="utf-8")
    (tmp_path / "mirror" / "index.html").write_text(
        "<!doctype html><p>home</p>", encoding="utf-8"
    )
    (tmp_path / "notes.txt").write_text("not read", encoding="utf-8")
    (tmp_path / "utf16.json").write_bytes('{"id": 7, "title": "Ünï"}'.encode("utf-16"))

    objects, problems = _read(tmp_path)

    assert [4, 5, 2, 3, 6, 1, 7] == [o.id for o in objects]
    assert [] == problems
    assert "Ünï" == objects[-1].title
    envelope = objects[1].source
    assert (1, "envelope.json") == (envelope.index, Path(envelope.file).name)


@pytest.mark.parametrize(
    "envelope",
    [
        {"body": [{"id": 1}, {"id": 2}], "status": 200, "headers": {"X-WP-Total": 2}},
        {"body": [{"id": 1}, {"id": 2}], "status": 200},
        {"body": {"id": 1}, "status": 200, "headers": {}},
        {
            "body": {
                "code": "rest_forbidden",
                "message": "No.",
                "data": {"status": 401},
            },
            "status": 401,
            "headers": {},
        },
    ],
    ids=["with-headers", "no-headers", "one-object", "error-body"],
)
def test_an_envelope_reads_alike_in_memory_and_from_a_file(
    tmp_path: Path, envelope: dict[str, Any]
) -> None:
    # One definition of ?_envelope: read_posts said "an object without an
    # 'id'" for an envelope parse_posts read.
    file = tmp_path / "page.json"
    file.write_text(json.dumps(envelope), encoding="utf-8")
    problems: list[wpparse.Problem] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from_file = list(wpparse.read_posts(file, on_error=problems.append))
    if "code" in envelope["body"]:  # an error in place of the page
        with pytest.raises(wpparse.WordPressError) as raised:
            wpparse.parse_posts(envelope, strict=False)
        assert [] == from_file
        assert [(raised.value.path, str(raised.value))] == [
            (p.path, str(p.error)) for p in problems
        ]
        return
    in_memory = wpparse.parse_posts(envelope, strict=False)

    assert [p.id for p in in_memory] == [p.id for p in from_file]
    assert [] == problems
    assert wpparse.parse_posts(json.dumps(envelope)) == in_memory


def test_bad_records_are_reported_and_the_rest_go_on(tmp_path: Path) -> None:
    (tmp_path / "a_good.json").write_text('[{"id": 1}, {"id": 2}]', encoding="utf-8")
    (tmp_path / "b_truncated.json").write_text(
        '[{"id": 3}, {"id": 4}, {"id": ', encoding="utf-8"
    )
    (tmp_path / "c_not_json.json").write_text(
        "<html><body>404 Not Found</body></html>", encoding="utf-8"
    )
    (tmp_path / "d_error.json").write_text(
        '{"code": "rest_forbidden", "message": "Sorry", "data": {"status": 401}}',
        encoding="utf-8",
    )
    (tmp_path / "e_bad_field.jsonl").write_text(
        '{"id": 5}\n{"id": "x"}\n{"id: 7\n{"id": 8}\n', encoding="utf-8"
    )

    posts, problems = _read(tmp_path)

    assert [1, 2, 3, 4, 5, 8] == [p.id for p in posts]
    assert [
        ("b_truncated.json", 1, "$[2]"),
        ("c_not_json.json", 1, "$"),
        ("d_error.json", 1, "$"),
        ("e_bad_field.jsonl", 2, "$[1].id"),
        ("e_bad_field.jsonl", 3, "$[2]"),
    ] == [(Path(p.source.file or "").name, p.source.line, p.path) for p in problems]
    reasons = [p.reason for p in problems]
    assert reasons[0].startswith("truncated JSON")
    assert "got an HTML page" in reasons[1]
    assert "WordPress error 'rest_forbidden' (HTTP 401): Sorry" == reasons[2]
    assert "expected an integer, got 'x'" == reasons[3]
    assert reasons[4].startswith("invalid JSON")


def test_problems_warn_without_a_callback(tmp_path: Path) -> None:
    file = tmp_path / "p.json"
    file.write_text('[{"id": 1}, {"id": "x"}]', encoding="utf-8")
    reader = wpparse.read_posts(file)

    with pytest.warns(
        wpparse.WPParseWarning,
        match=r"p\.json:1: expected an integer, got 'x' @ \$\[1\]\.id",
    ):
        posts = list(reader)

    assert [1] == [p.id for p in posts]
    assert 1 == len(reader.problems)
    assert {"post": 1} == dict(reader.counts)


def test_strict_stops_at_the_first_bad_record(tmp_path: Path) -> None:
    file = tmp_path / "p.json"
    file.write_text('[{"id": 1}, {"id": "x"}, {"id": 3}]', encoding="utf-8")
    seen: list[int] = []

    with pytest.raises(wpparse.InvalidPostError) as info:
        seen.extend(p.id for p in wpparse.read_posts(file, strict=True))

    assert [1] == seen
    assert f"in {file}:1" in info.value.__notes__


def test_missing_file(tmp_path: Path) -> None:
    _, problems = _read(tmp_path / "nope.json")

    assert ["cannot read the file: No such file or directory"] == [
        p.reason for p in problems
    ]
    with pytest.raises(FileNotFoundError):
        list(wpparse.read_objects(tmp_path / "nope.json", strict=True))


def test_trailing_garbage_is_a_warning_not_a_loss(tmp_path: Path) -> None:
    file = tmp_path / "index.json"
    file.write_text('{"id": 1}</plugin></name>', encoding="utf-8")

    with pytest.warns(wpparse.WPParseWarning, match="ignored trailing data"):
        posts = list(wpparse.read_posts(file))

    assert [1] == [p.id for p in posts]


BAD_LINES = '{"id":1}\n{"id":"bad"}\nnot json\n{"id":3}\n'


@pytest.mark.parametrize("text", [BAD_LINES, BAD_LINES.replace('{"id":"bad"}\n', "")])
@pytest.mark.parametrize("chunk", [7, 1 << 20])
def test_a_bad_json_lines_line_is_one_record(text: str, chunk: int) -> None:
    # The line that is not JSON was "trailing data": post 3 was lost.
    records = list(iter_values(io.BytesIO(text.encode()), "x.jsonl", chunk=chunk))
    values = [value for _, _, value in records]
    bad = next(r for r in records if isinstance(r[2], wpparse.InvalidJSONError))

    assert {"id": 3} == values[-1]
    assert (3 if "bad" in text else 2) == bad[0].line
    assert f"invalid JSON at line {bad[0].line}, column 1: expecting value, " in str(
        bad[2]
    )
    assert "found 'not json'" in str(bad[2])


def test_read_posts_goes_on_after_a_bad_line(tmp_path: Path) -> None:
    file = tmp_path / "posts.jsonl"
    file.write_text(BAD_LINES, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "trailing data" warning
        posts, problems = _read(file)
    in_memory = wpparse.parse_posts(BAD_LINES, strict=False)

    assert [1, 3] == [p.id for p in posts] == [p.id for p in in_memory]
    assert [(2, "$[1].id"), (3, "$[2]")] == [(p.source.line, p.path) for p in problems]
    assert [(p.source.line, p.path, p.reason) for p in problems] == [
        (p.source.line, p.path, p.reason) for p in in_memory.problems
    ]


def test_a_decode_error_names_line_and_column_whatever_the_chunk() -> None:
    text = '[{"id": 1},\n {"id": 2, "x": tru}]'
    for chunk in (3, 5, 1 << 20):
        records = list(iter_values(io.BytesIO(text.encode()), "x", chunk=chunk))
        error = records[-1][2]
        assert isinstance(error, wpparse.InvalidJSONError)
        assert str(error).startswith(
            "invalid JSON at line 2, column 17: expecting value, found 'tru}]'"
        ), chunk
        assert text.index("tru") == error.position
    with pytest.raises(wpparse.InvalidJSONError) as info:
        wpparse.parse_posts(text)
    assert str(info.value).startswith("invalid JSON at line 2, column 17: ")


def test_api_descriptions_are_skipped_and_counted(tmp_path: Path) -> None:
    (tmp_path / "index.json").write_text(
        '{"name": "Site", "namespaces": ["wp/v2"], "routes": {}}', encoding="utf-8"
    )
    (tmp_path / "taxonomies.json").write_text(
        '[{"name": "Tags", "slug": "post_tag", "types": ["post"], "hierarchical": false}, {"id": 1}]',
        encoding="utf-8",
    )
    reader = wpparse.read_objects(tmp_path)

    assert [1] == [o.id for o in reader]
    assert {"index": 1, "taxonomy": 1} == dict(reader.skipped)
    assert () == reader.problems


def test_read_posts_refuses_other_objects(tmp_path: Path) -> None:
    file = tmp_path / "mixed.json"
    file.write_text(
        '[{"id": 1}, {"id": 2, "name": "News", "taxonomy": "category"}]',
        encoding="utf-8",
    )
    problems: list[wpparse.Problem] = []

    posts = list(wpparse.read_posts(file, on_error=problems.append))
    objects = list(wpparse.read_objects(file))

    assert [1] == [p.id for p in posts]
    assert "$[1]" == problems[0].path
    assert [wpparse.Post, wpparse.Term] == [type(o) for o in objects]


def test_several_paths(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"id": 1}', encoding="utf-8")
    (tmp_path / "b.json").write_text('{"id": 2}', encoding="utf-8")

    posts = wpparse.read_posts([tmp_path / "b.json", str(tmp_path / "a.json")])

    assert [2, 1] == [p.id for p in posts]


_MODELLED = {"post", "media", "user", "term", "comment"}


@pytest.mark.parametrize("path", corpus_params("posts"))
def test_corpus_files_read_without_surprises(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        value = load_json(path.read_bytes())
        objects, problems = _read(path)
    items = value if isinstance(value, list) else [value]
    expected = [o for o in items if object_kind(o) in _MODELLED]
    errors = [o for o in items if object_kind(o) == "error"]

    assert [o.get("id", o.get("ID")) for o in expected] == [o.id for o in objects]
    assert len(errors) == len(problems)
    for problem in problems:
        assert isinstance(problem.error, wpparse.WordPressError), problem


@given(data=st.binary(max_size=200), chunk=st.integers(min_value=1, max_value=30))
def test_any_bytes_give_records_or_clear_errors(data: bytes, chunk: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        records = list(iter_values(io.BytesIO(data), "x", chunk=chunk))

    for source, path, _ in records:
        assert "x" == source.file
        assert path.startswith("$")


@given(
    text=st.text(
        alphabet=st.sampled_from('{}[]",:0123456789.-+eEtrufalsn \n\\x'), max_size=80
    ),
    chunk=st.integers(min_value=1, max_value=30),
)
def test_json_like_garbage_reads_the_same_in_any_chunks(text: str, chunk: int) -> None:
    data = text.encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wpparse.WPParseWarning)
        whole = [(s, p, repr(v)) for s, p, v in iter_values(io.BytesIO(data), "x")]
        pieces = [
            (s, p, repr(v))
            for s, p, v in iter_values(io.BytesIO(data), "x", chunk=chunk)
        ]

    assert [(s, p) for s, p, _ in whole] == [(s, p) for s, p, _ in pieces]
    assert [v for _, _, v in whole if "Error" not in v] == [
        v for _, _, v in pieces if "Error" not in v
    ]


def test_deep_nesting_is_a_clear_error(tmp_path: Path) -> None:
    file = tmp_path / "deep.json"
    file.write_text(
        '[{"id": 1}, ' + "[" * 100_000 + "]" * 100_000 + ', {"id": 3}]',
        encoding="utf-8",
    )

    posts, problems = _read(file)

    assert [1] == [p.id for p in posts]
    assert ["JSON nested too deeply to read"] == [p.reason for p in problems]


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    file = tmp_path / "latin1.json"
    file.write_bytes('[{"id": 1, "title": "caf\u00e9"}]'.encode("latin-1"))

    with pytest.warns(wpparse.WPParseWarning, match="replaced with U\\+FFFD"):
        posts = list(wpparse.read_posts(file))

    assert ["caf\ufffd"] == [p.title for p in posts]


def test_nul_bytes_and_lone_surrogates(tmp_path: Path) -> None:
    file = tmp_path / "odd.jsonl"
    file.write_text(
        '{"id": 1, "title": "a\\u0000b"}\n{"id": 2, "title": "\\ud800"}\n',
        encoding="utf-8",
    )

    with pytest.warns(
        wpparse.WPParseWarning, match=r"lone surrogate .* @ \$\[1\]\.title"
    ):
        posts, problems = _read(file)

    assert [1, 2] == [p.id for p in posts]
    assert ["a\x00b", "\ufffd"] == [p.title for p in posts]
    assert [] == problems


def test_a_large_array_is_read_lazily() -> None:
    """The first record comes out after one chunk is read, not the whole file."""
    data = json.dumps([{"id": n, "title": "x" * 100} for n in range(50_000)]).encode()
    raw = io.BytesIO(data)
    records = iter_values(raw, "big.json", chunk=64 * 1024)

    first = next(records)

    assert 0 == first[2]["id"]
    assert raw.tell() <= 64 * 1024 < len(data) // 50
    assert 49_999 == sum(1 for _ in records)
    assert len(data) == raw.tell()


def test_a_broken_pretty_printed_object_is_one_problem(tmp_path: Path) -> None:
    """HTTrack wrote ``\\i`` into a JSON string: one problem, not one per line."""
    file = tmp_path / "index.html"
    file.write_text(
        '{\n  "id": 1,\n  "link": "https@www.linkedin.com\\in\\x",\n  "title": {\n    "rendered": "T"\n  }\n}\n',
        encoding="utf-8",
    )

    posts, problems = _read(file)

    assert [] == posts
    assert [(1, None, "$")] == [
        (p.source.line, p.source.index, p.path) for p in problems
    ]
    assert problems[0].reason.startswith(
        "invalid JSON at line 3, column 34: invalid \\escape, found "
    )


def test_files_without_json_names_under_wp_json(tmp_path: Path) -> None:
    api = tmp_path / "site" / "wp-json" / "wp" / "v2"
    api.mkdir(parents=True)
    (api / "posts?page=2").write_text('[{"id": 1}]', encoding="utf-8")
    (api / "posts.html").write_text('{"id": 2}', encoding="utf-8")
    (api / "logo.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "site" / "about").write_text('{"id": 3}', encoding="utf-8")

    objects, problems = _read(tmp_path / "site")

    assert [2, 1] == [o.id for o in objects]  # "posts.html" sorts first
    assert [] == problems


def test_an_unexpected_exception_costs_one_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug met on one record is reported as such; the other records are read."""
    file = tmp_path / "p.json"
    file.write_text('[{"id": 1}, {"id": 2}, {"id": 3}]', encoding="utf-8")
    real = dispatch.object_from_mapping

    def buggy(value: Any, **kwargs: Any) -> Any:
        if value["id"] == 2:
            raise ZeroDivisionError("division by zero")
        return real(value, **kwargs)

    monkeypatch.setattr(wpparse._read, "object_from_mapping", buggy)
    objects, problems = _read(file)

    assert [1, 3] == [o.id for o in objects]
    assert ["$[1]"] == [p.path for p in problems]
    assert (
        "(ZeroDivisionError: division by zero); please report it" in problems[0].reason
    )
    with pytest.raises(ZeroDivisionError):
        list(wpparse.read_objects(file, strict=True))


def test_linked_folders_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.json").write_text('{"id": 1}', encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)

    objects, problems = _read(tmp_path)

    assert [1] == [o.id for o in objects]
    assert [] == problems


# What WordPress 6.x sends for the API's descriptions of itself (view context),
# trimmed of most routes and links: /wp/v2/types and /wp/v2/taxonomies and
# /wp/v2/statuses are objects keyed by slug, /wp-json/ and /wp-json/wp/v2 the
# indexes, /wp/v2/settings the site's settings (for an administrator).
_API = "https://example.org/wp-json/"
_TYPES = {
    slug: {
        "description": "",
        "hierarchical": slug == "page",
        "has_archive": False,
        "name": name,
        "slug": slug,
        "icon": icon,
        "taxonomies": taxonomies,
        "rest_base": base,
        "rest_namespace": "wp/v2",
        "_links": {
            "collection": [{"href": f"{_API}wp/v2/types"}],
            "wp:items": [{"href": f"{_API}wp/v2/{base}"}],
            "curies": [
                {"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}
            ],
        },
    }
    for slug, name, icon, taxonomies, base in [
        ("post", "Posts", "dashicons-admin-post", ["category", "post_tag"], "posts"),
        ("page", "Pages", "dashicons-admin-page", [], "pages"),
        ("attachment", "Media", "dashicons-admin-media", [], "media"),
        ("wp_block", "Patterns", None, ["wp_pattern_category"], "blocks"),
    ]
}
_TAXONOMIES = {
    slug: {
        "name": name,
        "slug": slug,
        "description": "",
        "types": ["post"],
        "hierarchical": slug == "category",
        "rest_base": base,
        "rest_namespace": "wp/v2",
        "_links": {
            "collection": [{"href": f"{_API}wp/v2/taxonomies"}],
            "wp:items": [{"href": f"{_API}wp/v2/{base}"}],
        },
    }
    for slug, name, base in [
        ("category", "Categories", "categories"),
        ("post_tag", "Tags", "tags"),
    ]
}
_STATUSES = {
    "publish": {
        "name": "Published",
        "public": True,
        "queryable": True,
        "slug": "publish",
        "date_floating": False,
        "_links": {"archives": [{"href": f"{_API}wp/v2/posts"}]},
    },
    "future": {
        "name": "Scheduled",
        "public": False,
        "queryable": False,
        "slug": "future",
        "date_floating": False,
        "_links": {"archives": [{"href": f"{_API}wp/v2/posts?status=future"}]},
    },
}
_INDEX = {
    "name": "Rivers",
    "description": "",
    "url": "https://example.org",
    "home": "https://example.org",
    "gmt_offset": "0",
    "timezone_string": "",
    "namespaces": ["oembed/1.0", "wp/v2", "wp-site-health/v1"],
    "authentication": [],
    "routes": {"/": {"namespace": "", "methods": ["GET"], "endpoints": []}},
    "site_logo": 0,
    "site_icon": 0,
    "site_icon_url": "",
    "_links": {"help": [{"href": "https://developer.wordpress.org/rest-api/"}]},
}
_NAMESPACE = {
    "namespace": "wp/v2",
    "routes": {
        "/wp/v2": {
            "namespace": "wp/v2",
            "methods": ["GET"],
            "endpoints": [{"methods": ["GET"], "args": {}}],
            "_links": {"self": [{"href": f"{_API}wp/v2"}]},
        }
    },
    "_links": {"up": [{"href": _API}]},
}
_SETTINGS = {
    "title": "Rivers",
    "description": "",
    "url": "https://example.org",
    "email": "admin@example.org",
    "timezone": "Europe/Paris",
    "date_format": "F j, Y",
    "time_format": "g:i a",
    "start_of_week": 1,
    "language": "en_US",
    "use_smilies": True,
    "default_category": 1,
    "default_post_format": "0",
    "posts_per_page": 10,
    "show_on_front": "posts",
    "page_on_front": 0,
    "page_for_posts": 0,
    "default_ping_status": "open",
    "default_comment_status": "open",
    "site_logo": None,
    "site_icon": 0,
}


def _site_mirror(root: Path) -> None:
    """A wget mirror of a site's wp-json/, and the api/ folder ``wpparse mirror`` writes."""
    saved = {
        "wp-json": _INDEX,
        "wp-json/wp/v2": _NAMESPACE,
        "wp-json/wp/v2/types": _TYPES,
        "wp-json/wp/v2/types/post": _TYPES["post"],
        "wp-json/wp/v2/taxonomies": _TAXONOMIES,
        "wp-json/wp/v2/statuses": _STATUSES,
        "wp-json/wp/v2/statuses/publish": _STATUSES["publish"],
        "wp-json/wp/v2/settings": _SETTINGS,
        "wp-json/wp/v2/posts": [{"id": 1, "title": {"rendered": "One"}}],
    }
    for folder, value in saved.items():
        (root / folder).mkdir(parents=True)
        (root / folder / "index.html").write_text(json.dumps(value), encoding="utf-8")
    # wpparse mirror: the index, and the values of the types and taxonomies.
    (root / "api").mkdir()
    (root / "api" / "index.json").write_text(json.dumps(_INDEX), encoding="utf-8")
    for name, listing in (("types", _TYPES), ("taxonomies", _TAXONOMIES)):
        (root / "api" / f"{name}.json").write_text(
            json.dumps(list(listing.values())), encoding="utf-8"
        )


def test_a_whole_site_mirror_reads_without_a_failure(tmp_path: Path) -> None:
    _site_mirror(tmp_path)
    reader = wpparse.read_objects(tmp_path)

    assert [1] == [o.id for o in reader]
    assert () == reader.problems
    assert {
        "index": 3,  # the mirror's and wget's /wp-json/, and /wp-json/wp/v2
        "post type": 4 + 4 + 1,  # api/types.json, types/ keyed by slug, types/post/
        "taxonomy": 2 + 2,
        "status": 2 + 1,
        "settings": 1,
    } == reader.skipped


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (_TYPES, "post types"),
        (_TAXONOMIES, "taxonomies"),
        (_STATUSES, "statuses"),
        (_STATUSES["future"], "status"),
        (_NAMESPACE, "index"),
        (_SETTINGS, "settings"),
        ({"post": _TYPES["post"], "category": _TAXONOMIES["category"]}, "unknown"),
        ({"post": _TYPES["post"], "x": 1}, "unknown"),
        ({}, "unknown"),
    ],
)
def test_api_descriptions_are_told_by_their_shape(value: Any, kind: str) -> None:
    assert kind == object_kind(value)


def test_parse_says_what_an_api_description_is() -> None:
    with pytest.raises(wpparse.NotAPostError, match="got post type descriptions"):
        wpparse.parse(_TYPES)
    with pytest.raises(wpparse.NotAPostError, match=r"got the site's settings"):
        wpparse.parse_post(_SETTINGS)
