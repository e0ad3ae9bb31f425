"""
What editors and plugins leave in a post's JSON: the block tree, shortcodes, the SEO head.

A private package: its public names are re-exported from :mod:`wpparse`.  It
imports only attrs and the standard library, so the rest of wpparse can use it
from any stage.
"""

from wpparse._editor._blocktree import ParsedBlock, parse_blocks

__all__ = ["ParsedBlock", "parse_blocks"]
