"""Editor data on the Post: parsed_blocks, shortcodes (strip or keep), seo; and in to_dict."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import wpparse
from tests.conftest import SKIP_CORPUS, corpus_files
from wpparse._cli import main

RAW = (
    '<!-- wp:heading {"level":3} --><h3>Tea</h3><!-- /wp:heading -->\n'
    "<!-- wp:group --><div><!-- wp:spacer /--></div><!-- /wp:group -->"
)
RENDERED = (
    "<p>[vc_row css=&#8221;.x{}&#8221;][vc_column_text]Hello [1].[/vc_column_text]</p>"
    "<p>[/vc_row]</p><p>[sic] stays.</p>"
)


def _record(**fields: Any) -> dict[str, Any]:
    return {
        "id": 7,
        "link": "https://example.org/tea/",
        "title": {"rendered": "Tea"},
        "content": {"rendered": RENDERED, "raw": RAW},
        "excerpt": {"rendered": "<p>[vc_row]Short[/vc_row]</p>"},
        **fields,
    }


def test_parsed_blocks_come_from_content_raw() -> None:
    post = wpparse.parse_post(_record())

    assert post.parsed_blocks == wpparse.parse_blocks(RAW)
    assert post.parsed_blocks is not None
    assert [block.name for block in post.parsed_blocks] == [
        "core/heading",
        None,
        "core/group",
    ]


@pytest.mark.parametrize(
    "content",
    [
        {"rendered": "<p>x</p>"},
        {"rendered": "<p>x</p>", "raw": None},
        {"rendered": "<p>x</p>", "raw": 5},
        "<p>x</p>",
        None,
    ],
)
def test_no_content_raw_is_no_block_tree(content: object) -> None:
    post = wpparse.parse_post({"id": 1, "content": content})

    assert post.parsed_blocks is None


def test_shortcodes_are_stripped_by_default() -> None:
    post = wpparse.parse_post(_record())

    assert [code.name for code in post.shortcodes] == ["vc_row", "vc_column_text"]
    assert post.shortcodes[0].attrs == {"css": ".x{}"}
    assert post.content_html == RENDERED  # as received
    code = post.shortcodes[1]
    assert post.content_html[code.start : code.end] == (
        "[vc_column_text]Hello [1].[/vc_column_text]"
    )
    assert post.text == "Hello [1].\n\n[sic] stays."
    assert post.excerpt == "Short"
    markdown = wpparse.to_markdown(post)
    assert "vc_" not in markdown
    assert "Hello \\[1\\]." in markdown or "Hello [1]." in markdown
    assert all("vc_" not in chunk.text for chunk in wpparse.chunks(post))


def test_shortcodes_can_be_kept() -> None:
    post = wpparse.parse_post(_record(), shortcodes="keep")

    assert [code.name for code in post.shortcodes] == ["vc_row", "vc_column_text"]
    assert "[vc_column_text]Hello [1].[/vc_column_text]" in post.text
    assert post.excerpt == "[vc_row]Short[/vc_row]"


def test_parse_posts_takes_the_same_keyword() -> None:
    data = json.dumps([_record(), _record(id=8)])

    kept = wpparse.parse_posts(data, shortcodes="keep")
    stripped = wpparse.parse_posts(data)

    assert all("[vc_column_text]" in post.text for post in kept)
    assert all("[vc_column_text]" not in post.text for post in stripped)


@pytest.mark.parametrize("mode", ["drop", "", None])
def test_an_unknown_mode_is_an_error(mode: Any) -> None:
    with pytest.raises(ValueError, match="shortcodes must be one of"):
        wpparse.parse_post(_record(), shortcodes=mode)
    with pytest.raises(ValueError, match="shortcodes must be one of"):
        wpparse.parse_posts("[]", shortcodes=mode)


def test_seo_from_yoast() -> None:
    head = {"title": "Tea &amp; Cake", "canonical": "https://example.org/tea/"}
    post = wpparse.parse_post(_record(yoast_head_json=head))

    assert post.seo is not None
    assert (post.seo.title, post.seo.canonical) == (
        "Tea & Cake",
        "https://example.org/tea/",
    )
    assert post.extra["yoast_head_json"] == head  # the raw field stays
    assert wpparse.parse_post(_record()).seo is None
    old = wpparse.parse_post(_record(yoast_head="<title>Old &amp; gold</title>"))
    assert old.seo is not None
    assert (old.seo.title, old.seo.origin) == ("Old & gold", "html")


def test_to_dict_has_them_and_validates() -> None:
    head = {
        "title": "Tea",
        "og_image": [{"url": "https://example.org/t.jpg", "width": 10, "height": 5}],
        "article_published_time": "2026-04-18T13:30:00+00:00",
        "schema": {"@graph": []},
    }
    post = wpparse.parse_post(_record(yoast_head_json=head))

    data = wpparse.to_dict(post)

    assert json.loads(json.dumps(data)) == data
    jsonschema.Draft202012Validator(wpparse.post_schema()).validate(data)
    group = data["parsed_blocks"][2]
    assert group == {
        "name": "core/group",
        "attrs": {},
        "inner_blocks": [
            {
                "name": "core/spacer",
                "attrs": {},
                "inner_blocks": [],
                "inner_html": "",
                "inner_content": [],
            }
        ],
        "inner_html": "<div></div>",
        "inner_content": ["<div>", None, "</div>"],
    }
    assert data["shortcodes"][0]["name"] == "vc_row"
    assert data["seo"]["article_published_time"] == "2026-04-18T13:30:00+00:00"
    assert data["seo"]["og_image"][0]["width"] == 10


def test_to_dict_of_a_deep_tree() -> None:
    depth = 5_000
    raw = "<!-- wp:group -->" * depth + "<!-- /wp:group -->" * depth
    post = wpparse.parse_post({"id": 1, "content": {"rendered": "", "raw": raw}})

    data = wpparse.to_dict(post)

    node = data["parsed_blocks"][0]
    for _ in range(depth - 1):
        node = node["inner_blocks"][0]
    assert node["inner_blocks"] == []


def _yoast_records() -> list[Any]:
    params: list[Any] = []
    for path in corpus_files():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        params.extend(
            pytest.param(item, id=f"{path.stem}[{index}]")
            for index, item in enumerate(items)
            if isinstance(item, dict) and isinstance(item.get("yoast_head_json"), dict)
        )
    return params or [pytest.param(None, marks=pytest.mark.skip(reason=SKIP_CORPUS))]


@pytest.mark.parametrize("record", _yoast_records())
def test_every_corpus_post_with_yoast_has_its_seo(record: dict[str, Any]) -> None:
    import html

    post = wpparse.parse(record)

    assert isinstance(post, wpparse.Post)
    assert post.seo is not None
    head = record["yoast_head_json"]
    assert post.seo.title == " ".join(html.unescape(head["title"]).split())
    assert post.seo.canonical == head["canonical"]


# --- Markdown front matter and the command line ----------------------------------------


def _with_seo() -> wpparse.Post:
    head = {
        "title": "Tea",
        "og_description": "All about tea",
        "canonical": "https://example.org/tea/",
    }
    return wpparse.parse_post(_record(yoast_head_json=head))


def test_front_matter_has_the_seo_fields_when_asked() -> None:
    post = _with_seo()

    plain = wpparse.to_markdown(post, front_matter=True)
    with_seo = post.to_markdown(front_matter=True, seo=True)

    assert "description:" not in plain
    assert "canonical:" not in plain
    assert (
        'description: "All about tea"\ncanonical: "https://example.org/tea/"\n---'
        in with_seo
    )
    assert wpparse.to_markdown(
        wpparse.parse_post(_record()), front_matter=True, seo=True
    ) == (wpparse.to_markdown(wpparse.parse_post(_record()), front_matter=True))


def test_the_outline_shows_blocks_and_shortcodes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = RAW + "<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph -->" * 2
    path = tmp_path / "post.json"
    path.write_text(
        json.dumps(_record(content={"rendered": RENDERED, "raw": raw})), "utf-8"
    )

    assert main([str(path), "-q"]) == 0
    out = capsys.readouterr().out

    assert "\n  blocks: core/heading, core/group, core/paragraph ×2\n" in out
    assert "\n  shortcodes: vc_row, vc_column_text\n" in out


def test_the_command_writes_seo_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "post.json"
    head = {"title": "Tea", "description": "D", "canonical": "https://x.org/"}
    path.write_text(json.dumps(_record(yoast_head_json=head)), "utf-8")

    assert main([str(path), "-q", "-f", "markdown", "--front-matter", "--seo"]) == 0
    out = capsys.readouterr().out

    assert 'description: "D"\ncanonical: "https://x.org/"\n---\n' in out


def test_hostile_editor_data_in_a_post() -> None:
    # 100,000 nested blocks and shortcode pairs, 10 MB of block attributes,
    # unclosed comments: a post all the same, and no recursion.
    n = 100_000
    raw = (
        "<!-- wp:group -->" * n
        + '<!-- wp:x {"a":"'
        + "a" * 10_000_000
        + '"} /-->'
        + "<!-- /wp:group -->" * n
        + "<!-- wp:x {"
    )
    rendered = (
        "<p>" + "[vc_row]" * n + "x" + "[/vc_row]" * n + "[vc_row a=1 " * 1000 + "</p>"
    )

    post = wpparse.parse_post({"id": 1, "content": {"rendered": rendered, "raw": raw}})

    assert post.parsed_blocks is not None
    assert len(post.parsed_blocks) == 2  # the group, then the unclosed comment as HTML
    assert sum(1 for _ in post.parsed_blocks[0].walk()) == n + 1
    assert len(post.shortcodes) == n
    assert post.text.startswith("x")
