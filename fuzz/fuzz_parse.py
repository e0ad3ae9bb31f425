"""
Coverage-guided fuzz target for wpparse (atheris / libFuzzer).

Run it through ``nox -s fuzz -- SECONDS`` (default 60), which seeds it from
``fuzz/seeds/`` and the shared corpus.  By hand::

    python fuzz/fuzz_parse.py -max_total_time=60 CORPUS_DIR fuzz/seeds

The first byte of an input picks what the rest is:

* ``0-127``: the bytes are a JSON document for :func:`wpparse.parse_post`;
* ``128-191``: the bytes are a JSON collection for :func:`wpparse.parse_posts`;
* ``192-255``: the bytes are HTML, the content (and title) of a valid post.

Anything but a :class:`~wpparse.Post` or a :class:`~wpparse.WPParseError`
(a crash, a stray exception, output that does not serialise) is a finding.
Every finding becomes a regression test in ``tests/``.
"""

from __future__ import annotations

import html
import json
import re
import sys
import warnings
from typing import Any
from urllib.parse import urlsplit

import atheris

with atheris.instrument_imports():
    import wpparse
    from wpparse import WPParseError, WPParseWarning
    from wpparse._content import blocks, element_text, pieces, vocabulary
    from wpparse._content import walk as walk_module
    from wpparse._content.links import LinkResolver
    from wpparse._content.titles import MAX_TITLE_CHARS
    from wpparse._content.vocabulary import content_root

_RENDERERS = [
    getattr(wpparse, name)
    for name in ("to_text", "to_markdown", "chunks")
    if callable(getattr(wpparse, name, None))
]


_REPR_LIMIT = 1000  # a model's repr is a log line, not a dump
_SCRIPT_URL = re.compile(r"^[\x00-\x20]*(?:javascript|vbscript):", re.IGNORECASE)


_DESTINATION = re.compile(r"\]\(([^()\s]*)")


def _check(post: wpparse.Post) -> None:
    """
    A post must serialise, every renderer accept it, its links be absolute or
    flagged, and no Markdown destination be a script once CommonMark decodes it.
    """
    json.dumps(wpparse.to_dict(post), ensure_ascii=False)
    if len(repr(post)) > _REPR_LIMIT:
        msg = f"repr of {len(repr(post))} characters: {repr(post)[:200]}"
        raise AssertionError(msg)
    for render in _RENDERERS:
        output = render(post)
        if not isinstance(output, str):
            list(output)  # chunks may be lazy
    for destination in _DESTINATION.findall(wpparse.to_markdown(post)):
        # CommonMark: backslash escapes, then character references.
        decoded = html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", "", destination))
        if _SCRIPT_URL.match(re.sub(r"[\t\n\r]", "", decoded)):
            msg = f"script URL in a Markdown destination: {destination!r}"
            raise AssertionError(msg)
    # Without an absolute post URL, relative links stay relative (by design).
    resolvable = (post.link or "").startswith(("http://", "https://"))
    for link in post.links:
        if link.kind == "external" or (link.kind == "internal" and resolvable):
            parts = urlsplit(link.url)
            if parts.scheme not in {"http", "https"} or not parts.netloc:
                msg = f"link not absolute: {link!r}"
                raise AssertionError(msg)
        if (
            _SCRIPT_URL.match(re.sub(r"[\t\n\r]", "", link.href))
            and link.kind != "unsafe"
        ):
            msg = f"script link not flagged unsafe: {link!r}"
            raise AssertionError(msg)


def _same_both_ways(html: str) -> None:
    """
    With the compiled walk in use, its readers must agree with the pure-Python
    ones on every element of *html* (tests/test_speedups.py does the same on
    the corpus; here on whatever the fuzzer makes).
    """
    if not wpparse.COMPILED:
        return
    body = content_root(html)
    if body is None:
        return
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        if element_text.text_of(el) != element_text.pure_text_of(el):
            msg = f"compiled text_of differs on <{el.tag}>: {html[:200]!r}"
            raise AssertionError(msg)
        if element_text.facts(el) != element_text.pure_facts(el):
            msg = f"compiled facts differ on <{el.tag}>: {html[:200]!r}"
            raise AssertionError(msg)
        for short in (0, MAX_TITLE_CHARS):
            if element_text.read_element(el, short) != element_text.pure_read_element(
                el, short
            ):
                msg = f"compiled read_element differs on <{el.tag}>: {html[:200]!r}"
                raise AssertionError(msg)
        if vocabulary.anchor_of(el) != vocabulary.pure_anchor_of(el):
            msg = f"compiled anchor_of differs on <{el.tag}>: {html[:200]!r}"
            raise AssertionError(msg)
        if el.tag == "a":
            resolver = LinkResolver("https://example.com/2025/07/post/")
            if blocks.read_link(el, resolver) != blocks.pure_read_link(el, resolver):
                msg = f"compiled read_link differs: {html[:200]!r}"
                raise AssertionError(msg)
        if el.tag == "p" and _built(pieces.Pieces.paragraph, el) != _built(
            pieces.pure_paragraph, el
        ):
            msg = f"compiled paragraph differs: {html[:200]!r}"
            raise AssertionError(msg)
    compiled_walk = walk_module._Walker.walk  # noqa: SLF001 - the twin under test
    if _walked(compiled_walk, html) != _walked(walk_module.pure_walk, html):
        msg = f"compiled walk differs: {html[:200]!r}"
        raise AssertionError(msg)


def _built(read: Any, el: Any) -> Any:
    """What a paragraph builder leaves: the marker, pieces, HTML sources and links."""
    out = pieces.Pieces(LinkResolver("https://example.com/2025/07/post/"))
    read(out, el)
    made = [(p.block, p.flags, p.anchor) for p in out.pieces]
    html = [p.block.html for p in out.pieces if p.block is not None]
    return out.marker, made, list(out.later.sources or []), html, out.links


def _walked(walk: Any, html: str) -> Any:
    """The pieces (their HTML read) and links the walk *walk* gives for *html*."""
    walker = walk_module._Walker  # noqa: SLF001 - the walk is swapped for one call
    real = walker.walk
    walker.walk = walk
    try:
        found, links = walk_module.split_content(
            html, "https://example.com/2025/07/post/"
        )
    finally:
        walker.walk = real
    return [
        (
            p.block,
            p.block.html if p.block else None,
            p.flags,
            p.anchor,
            p.level,
            p.title,
        )
        for p in found
    ], links


def _post_with_html(html: str) -> dict[str, Any]:
    return {
        "id": 1,
        "link": "https://example.com/2025/07/post/",
        "title": {"rendered": html[:200]},
        "excerpt": {"rendered": html[:400]},
        "content": {"rendered": html},
    }


def test_one_input(data: bytes) -> None:
    """Parse one fuzzer input; raise on anything but a post or a WPParseError."""
    if not data:
        return
    selector, body = data[0], data[1:]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WPParseWarning)
        try:
            if selector < 128:  # noqa: PLR2004
                _check(wpparse.parse_post(body))
            elif selector < 192:  # noqa: PLR2004
                for post in wpparse.parse_posts(body):
                    _check(post)
            else:
                # Invalid bytes become lone surrogates: hostile strings, as JSON allows.
                html = body.decode("utf-8", errors="surrogateescape")
                _check(wpparse.parse_post(_post_with_html(html)))
                _same_both_ways(html)
        except WPParseError as error:
            str(error)


def main() -> None:
    """Start libFuzzer with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
