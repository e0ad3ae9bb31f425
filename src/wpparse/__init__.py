"""
Parse WordPress REST API JSON into typed, immutable models.

>>> import wpparse
>>> post = wpparse.parse_post('{"id": 1, "title": {"rendered": "Tom &amp; Jerry"}}')
>>> post.title
'Tom & Jerry'
"""

import importlib as _importlib
import typing as _typing

from wpparse import exceptions
from wpparse._content.sections import extract_links, parse_content
from wpparse._editor import (
    SEO,
    ParsedBlock,
    SEOImage,
    Shortcode,
    find_shortcodes,
    parse_blocks,
    strip_shortcodes,
)
from wpparse._model.content import (
    Block,
    BlockKind,
    Chunk,
    HeadingSource,
    Link,
    LinkKind,
    Section,
)
from wpparse._model.objects import (
    Absence,
    Comment,
    MediaSize,
    Problem,
    Relation,
    SearchResult,
    Source,
    Term,
    Translation,
    User,
)
from wpparse._model.post import Embedded, Media, Post
from wpparse._rest.collections import Collection, Headers, parse_objects, parse_posts
from wpparse._rest.dispatch import parse, parse_post
from wpparse._rest.dumped import from_dict
from wpparse.exceptions import (
    InvalidJSONError,
    InvalidPostError,
    NotAPostError,
    WordPressError,
    WPParseError,
    WPParseWarning,
)

if _typing.TYPE_CHECKING:
    from wpparse._fetch import MirrorError, MirrorResult, mirror
    from wpparse._read import Reader, read_objects, read_posts
    from wpparse._render.chunks import chunks
    from wpparse._render.data import post_schema, to_dict
    from wpparse._render.markdown.render import to_markdown
    from wpparse._render.text import to_text
    from wpparse._site import SiteIndex, SiteObject
    from wpparse._speedups import COMPILED

__version__ = "0.1.0.dev0"

# The renderers, the streaming readers and the mirror, by the module that defines each:
# imported when first used, so that `import wpparse` loads only what parsing
# needs (and a program that only parses never pays for them).
_LAZY = {
    "chunks": "wpparse._render.chunks",
    "COMPILED": "wpparse._speedups",
    "MirrorError": "wpparse._fetch",
    "MirrorResult": "wpparse._fetch",
    "mirror": "wpparse._fetch",
    "post_schema": "wpparse._render.data",
    "to_dict": "wpparse._render.data",
    "Reader": "wpparse._read",
    "read_objects": "wpparse._read",
    "read_posts": "wpparse._read",
    "SiteIndex": "wpparse._site",
    "SiteObject": "wpparse._site",
    "to_markdown": "wpparse._render.markdown.render",
    "to_text": "wpparse._render.text",
}

if not _typing.TYPE_CHECKING:  # hidden from type checkers: a typo stays an error there

    def __getattr__(name: str) -> object:
        module = _LAZY.get(name)
        if module is None:
            msg = f"module 'wpparse' has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(_importlib.import_module(module), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_LAZY})


__all__ = [  # noqa: RUF022 - plain sorted order (tests/test_public_api.py), though "SEO" is all capitals
    "Absence",
    "Block",
    "BlockKind",
    "COMPILED",
    "Chunk",
    "Collection",
    "Comment",
    "Embedded",
    "Headers",
    "HeadingSource",
    "InvalidJSONError",
    "InvalidPostError",
    "Link",
    "LinkKind",
    "Media",
    "MediaSize",
    "MirrorError",
    "MirrorResult",
    "NotAPostError",
    "ParsedBlock",
    "Post",
    "Problem",
    "Reader",
    "Relation",
    "SEO",
    "SEOImage",
    "SearchResult",
    "Section",
    "Shortcode",
    "SiteIndex",
    "SiteObject",
    "Source",
    "Term",
    "Translation",
    "User",
    "WPParseError",
    "WPParseWarning",
    "WordPressError",
    "chunks",
    "exceptions",
    "extract_links",
    "find_shortcodes",
    "from_dict",
    "mirror",
    "parse",
    "parse_blocks",
    "parse_content",
    "parse_objects",
    "parse_post",
    "parse_posts",
    "post_schema",
    "read_objects",
    "read_posts",
    "strip_shortcodes",
    "to_dict",
    "to_markdown",
    "to_text",
]
