"""The SEO head: Yoast's yoast_head_json and yoast_head, by hand and on every corpus record."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SKIP_CORPUS, corpus_files
from wpparse._editor.seo import (
    SEO,
    SEOImage,
    seo_from_head_html,
    seo_from_head_json,
    seo_from_record,
)

HEAD_JSON: dict[str, Any] = {
    "title": "Rust &amp; Rain:  the \u201cIron River\u201d - News",
    "description": "Why the river runs orange &hellip;",
    "robots": {
        "index": "index",
        "follow": "follow",
        "max-snippet": "max-snippet:-1",
    },
    "canonical": "https://example.org/rust/",
    "og_locale": "en_US",
    "og_type": "article",
    "og_title": "Rust & Rain",
    "og_description": "Orange water",
    "og_url": "https://example.org/rust/",
    "og_site_name": "News",
    "article_published_time": "2026-04-18T13:30:00+00:00",
    "article_modified_time": "2026-04-19T10:00:00-04:00",
    "og_image": [
        {
            "width": 1600,
            "height": "800",
            "url": "https://example.org/a.jpg",
            "type": "image/jpeg",
        },
        {"url": "https://example.org/b.png"},
    ],
    "author": "Ann",
    "twitter_card": "summary_large_image",
    "twitter_misc": {"Written by": "Ann", "Est. reading time": "4 minutes"},
    "schema": {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}]},
}


def test_read_from_json() -> None:
    seo = seo_from_head_json(HEAD_JSON)

    assert seo == SEO(
        title="Rust & Rain: the \u201cIron River\u201d - News",
        description="Why the river runs orange \u2026",
        canonical="https://example.org/rust/",
        robots=("index", "follow", "max-snippet:-1"),
        og_title="Rust & Rain",
        og_description="Orange water",
        og_url="https://example.org/rust/",
        og_site_name="News",
        og_locale="en_US",
        og_type="article",
        og_image=(
            SEOImage(
                url="https://example.org/a.jpg",
                width=1600,
                height=800,
                type="image/jpeg",
            ),
            SEOImage(url="https://example.org/b.png"),
        ),
        twitter_card="summary_large_image",
        twitter_misc={"Written by": "Ann", "Est. reading time": "4 minutes"},
        author="Ann",
        article_published_time=datetime(2026, 4, 18, 13, 30, tzinfo=UTC),
        article_modified_time=datetime(
            2026, 4, 19, 10, tzinfo=timezone(timedelta(hours=-4))
        ),
        schema=HEAD_JSON["schema"],
        origin="json",
    )


@pytest.mark.parametrize("value", [None, [], "x", 3, False])
def test_not_an_object_is_no_seo(value: object) -> None:
    assert seo_from_head_json(value) is None


def test_values_of_the_wrong_type_are_skipped() -> None:
    seo = seo_from_head_json(
        {
            "title": 5,
            "canonical": ["x"],
            "robots": "noindex, follow",
            "og_image": [
                {"width": 1},
                "https://x.org/i.jpg",
                {"url": "https://x.org/j.jpg", "width": True},
                # int() took other scripts' digits, and raised on 5,000 of them
                {"url": "https://x.org/k.jpg", "width": "\u0663", "height": "9" * 5000},
            ],
            "article_published_time": "2026-04-18T13:30:00",  # no offset: not sure
            "article_modified_time": "yesterday",
            "twitter_misc": ["a"],
            "schema": [],
        }
    )

    assert seo is not None
    assert (seo.title, seo.canonical, seo.robots) == (None, None, ("noindex", "follow"))
    assert seo.og_image == (
        SEOImage(url="https://x.org/i.jpg"),
        SEOImage(url="https://x.org/j.jpg"),
        SEOImage(url="https://x.org/k.jpg"),
    )
    assert (seo.article_published_time, seo.article_modified_time) == (None, None)
    assert (seo.twitter_misc, seo.schema) == ({}, None)


HEAD_HTML = """<!-- This site is optimized with the Yoast SEO plugin v16.0.2 -->
<title>Rust &amp; Rain - News</title>
<meta name="description" content="Orange &#8217;water&#8217;" />
<meta name="robots" content="index, follow, max-snippet:-1" />
<link rel="canonical" href="https://example.org/rust/" />
<meta property="og:locale" content="en_US" />
<meta property="og:type" content="article" />
<meta property="og:title" content="Rust &amp; Rain" />
<meta property="article:published_time" content="2026-04-18T13:30:00+00:00" />
<meta property="og:image" content="https://example.org/a.jpg" />
<meta property="og:image:width" content="1600" />
<meta property="og:image:height" content="800" />
<meta property="og:image:type" content="image/jpeg" />
<meta property="og:image" content="https://example.org/b.png" />
<meta name="twitter:card" content="summary_large_image" />
<meta name="twitter:label1" content="Written by">
<meta name="twitter:data1" content="Ann">
<meta name="twitter:label2" content="Est. reading time">
<meta name="twitter:data2" content="4 minutes">
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[]}</script>
<!-- / Yoast SEO plugin. -->
"""


def test_read_from_html() -> None:
    seo = seo_from_head_html(HEAD_HTML)

    assert seo is not None
    assert seo.origin == "html"
    assert (seo.title, seo.description, seo.canonical) == (
        "Rust & Rain - News",
        "Orange \u2019water\u2019",
        "https://example.org/rust/",
    )
    assert seo.robots == ("index", "follow", "max-snippet:-1")
    assert (seo.og_locale, seo.og_type, seo.og_title) == (
        "en_US",
        "article",
        "Rust & Rain",
    )
    assert seo.og_image == (
        SEOImage(
            url="https://example.org/a.jpg", width=1600, height=800, type="image/jpeg"
        ),
        SEOImage(url="https://example.org/b.png"),
    )
    assert seo.twitter_card == "summary_large_image"
    assert seo.twitter_misc == {"Written by": "Ann", "Est. reading time": "4 minutes"}
    assert seo.article_published_time == datetime(2026, 4, 18, 13, 30, tzinfo=UTC)
    assert seo.schema == {"@context": "https://schema.org", "@graph": []}


@pytest.mark.parametrize(
    "value", [None, 3, "", "plain words", "<p>no metadata</p>", "<" * 100_000]
)
def test_html_without_metadata_is_no_seo(value: object) -> None:
    assert seo_from_head_html(value) is None


def test_json_is_preferred_to_html() -> None:
    record = {
        "yoast_head_json": {"title": "From JSON"},
        "yoast_head": "<title>From HTML</title>",
    }

    seo = seo_from_record(record)

    assert seo is not None
    assert (seo.title, seo.origin) == ("From JSON", "json")
    assert seo_from_record({"yoast_head": "<title>Old</title>"}) == SEO(
        title="Old", origin="html"
    )
    assert seo_from_record({"id": 1}) is None


# --- the corpus ---------------------------------------------------------------------


def _records() -> list[Any]:
    params: list[Any] = []
    for path in corpus_files():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        params.extend(
            pytest.param(path, index, id=f"{path.stem}[{index}]")
            for index, item in enumerate(items)
            if isinstance(item, dict)
            and ("yoast_head_json" in item or "yoast_head" in item)
        )
    if not params:
        return [pytest.param(None, 0, marks=pytest.mark.skip(reason=SKIP_CORPUS))]
    return params


def _record(path: Path, index: int) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    record: dict[str, Any] = (data if isinstance(data, list) else [data])[index]
    return record


@pytest.mark.parametrize(("path", "index"), _records())
def test_every_corpus_record_has_its_seo(path: Path, index: int) -> None:
    record = _record(path, index)

    seo = seo_from_record(record)

    assert seo is not None
    head = record.get("yoast_head_json")
    if isinstance(head, dict):
        # Decoded: marqgray's Yoast writes "Marq Gray&#039;s Portfolio".
        assert seo.title == " ".join(html.unescape(head["title"]).split())
        assert seo.canonical == head["canonical"]
        assert seo.origin == "json"
    assert seo.title
    # Not always absolute: HTTrack rewrote marqgray's to "/".
    assert seo.canonical


@pytest.mark.parametrize(("path", "index"), _records())
def test_html_and_json_agree_in_the_corpus(path: Path, index: int) -> None:
    record = _record(path, index)
    from_json = seo_from_head_json(record.get("yoast_head_json"))
    from_html = seo_from_head_html(record.get("yoast_head"))
    if from_json is None or from_html is None:
        pytest.skip("needs both yoast_head_json and yoast_head")

    for name in (
        "title",
        "canonical",
        "robots",
        "og_title",
        "og_type",
        "og_locale",
        "og_url",
        "twitter_card",
    ):
        assert getattr(from_html, name) == getattr(from_json, name), name
    assert [image.url for image in from_html.og_image] == [
        image.url for image in from_json.og_image
    ]
    assert from_html.article_modified_time == from_json.article_modified_time
