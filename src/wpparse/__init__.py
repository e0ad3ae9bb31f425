"""
Parse WordPress REST API JSON into typed, immutable models.

>>> import wpparse
>>> post = wpparse.parse_post('{"id": 1, "title": {"rendered": "Tom &amp; Jerry"}}')
>>> post.title
'Tom & Jerry'
"""

from wpparse import exceptions
from wpparse._dict import to_dict
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
from wpparse._wpjson import parse_post, parse_posts
from wpparse.exceptions import (
    InvalidJSONError,
    InvalidPostError,
    NotAPostError,
    WordPressError,
    WPParseError,
    WPParseWarning,
)

__version__ = "0.1.0.dev0"

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
    "parse_post",
    "parse_posts",
    "to_dict",
]
