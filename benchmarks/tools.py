"""
The contenders: the floor, wpparse (parse and each renderer) and the peers.

Each contender is built for one post as a zero-argument callable.  wpparse's
renderers are timed on an already parsed post (render only); what is not
there yet (a renderer still being written, a peer not installed) is left out
and named in :data:`MISSING`.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import warnings
from collections.abc import Callable
from typing import Any

import lxml.html

import wpparse
from inputs import PostInput

__all__ = ["MISSING", "PEERS", "RENDERERS", "contenders", "touch", "touch_html"]

RENDERERS = ("to_text", "to_markdown", "to_dict", "chunks")
PEERS = ("bs4", "trafilatura", "markdownify", "html2text")
MISSING: dict[str, str] = {}


def touch(post: wpparse.Post) -> int:
    """
    Read every section title, block text and link url of *post*.

    So that work a model might defer (a cached property, a lazy tuple) is paid
    inside the timing, not hidden from it.
    """
    total = len(post.title) + len(post.excerpt)
    for section in post.walk():
        total += len(section.title or "")
        for block in section.blocks:
            total += len(block.text)
            for link in block.links:
                total += len(link.url)
    for link in post.links:
        total += len(link.url)
    return total


def _renderer(name: str) -> Callable[[wpparse.Post], Any] | None:
    func = getattr(wpparse, name, None)
    if func is None:
        MISSING[name] = "not in wpparse yet"
        return None
    if name == "chunks":
        params = inspect.signature(func).parameters
        if "max_chars" in params:
            return lambda post: list(func(post, max_chars=1000))
        return lambda post: list(func(post))
    return func  # type: ignore[no-any-return]


def _peers() -> dict[str, Callable[[str], Any]]:
    found: dict[str, Callable[[str], Any]] = {}
    try:
        from bs4 import BeautifulSoup  # noqa: PLC0415

        found["bs4"] = lambda html: BeautifulSoup(html, "lxml")
    except ImportError:
        MISSING["bs4"] = "beautifulsoup4 not installed"
    for name, attr in (
        ("trafilatura", "bare_extraction"),
        ("markdownify", "markdownify"),
        ("html2text", "html2text"),
    ):
        try:
            module = importlib.import_module(name)
        except ImportError:
            MISSING[name] = f"{name} not installed (nox -s bench installs it)"
            continue
        found[name] = getattr(module, attr)
    return found


_PEERS = _peers()
_RENDER = {name: func for name in RENDERERS if (func := _renderer(name)) is not None}


def floor(raw: str) -> object:
    """What any Python program pays to read a post: decode the JSON, parse the content."""
    obj = json.loads(raw)
    content = obj.get("content")
    if isinstance(content, dict):  # WP-API v1 sent a plain string
        content = content.get("rendered")
    return lxml.html.fragments_fromstring(content)


def parse(raw: str) -> int:
    """``parse_post`` with every title, text and url read."""
    return touch(wpparse.parse_post(raw))


def touch_html(post: wpparse.Post) -> int:
    """:func:`touch`, and also every ``Block.html`` and ``Section.heading_html``.

    A model may serialise its HTML on first read; this row makes that cost
    visible, so laziness is not mistaken for speed.
    """
    total = touch(post)
    for section in post.walk():
        total += len(section.heading_html or "")
        for block in section.blocks:
            total += len(block.html)
    return total


def parse_html(raw: str) -> int:
    """``parse_post`` with every title, text, url *and* HTML string read."""
    return touch_html(wpparse.parse_post(raw))


def contenders(
    post: PostInput, *, peers: bool = True
) -> dict[str, Callable[[], object]]:
    """Return the timed callables for *post*, floor first."""
    raw, html = post.raw, post.content
    funcs: dict[str, Callable[[], object]] = {
        "floor": lambda: floor(raw),
        "parse_post": lambda: parse(raw),
        "parse_post_html": lambda: parse_html(raw),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = wpparse.parse_post(raw)
    for name, render in _RENDER.items():
        funcs[name] = functools.partial(render, parsed)
    if peers:
        for name, func in _PEERS.items():
            funcs[name] = functools.partial(func, html)
    return funcs
