"""
Parse WordPress REST API JSON into typed, immutable models.

>>> import wpparse
>>> post = wpparse.parse_post('{"id": 1, "title": {"rendered": "Tom &amp; Jerry"}}')
>>> post.title
'Tom & Jerry'
"""

from importlib.metadata import version as _version

from wpparse import exceptions
from wpparse._chunks import Chunk, chunks
from wpparse._dict import post_schema, to_dict
from wpparse._models import (
    Block,
    BlockKind,
    HeadingSource,
    Link,
    LinkKind,
    Post,
    Relation,
    Section,
)
from wpparse._render_markdown import to_markdown
from wpparse._render_text import to_text
from wpparse._wpjson import parse_post, parse_posts
from wpparse.exceptions import (
    InvalidJSONError,
    InvalidPostError,
    NotAPostError,
    WordPressError,
    WPParseError,
    WPParseWarning,
)

__version__ = _version("wpparse")

__all__ = [
    "Block",
    "BlockKind",
    "Chunk",
    "HeadingSource",
    "InvalidJSONError",
    "InvalidPostError",
    "Link",
    "LinkKind",
    "NotAPostError",
    "Post",
    "Relation",
    "Section",
    "WPParseError",
    "WPParseWarning",
    "WordPressError",
    "chunks",
    "exceptions",
    "parse_post",
    "parse_posts",
    "post_schema",
    "to_dict",
    "to_markdown",
    "to_text",
]
