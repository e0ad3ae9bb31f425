"""
Parse WordPress REST API JSON into typed, immutable models.

>>> import wpparse
>>> post = wpparse.parse_post('{"id": 1, "title": {"rendered": "Tom &amp; Jerry"}}')
>>> post.title
'Tom & Jerry'
"""

from importlib.metadata import version as _version

from wpparse import exceptions
from wpparse._dict import to_dict
from wpparse._links import extract_links
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
from wpparse._sections import parse_content
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
    "exceptions",
    "extract_links",
    "parse_content",
    "parse_post",
    "parse_posts",
    "to_dict",
]
