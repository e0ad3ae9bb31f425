"""
What editors and plugins leave in a post's JSON: the block tree, shortcodes, the SEO head.

A private package: its public names are re-exported from :mod:`wpparse`.  It
imports only attrs and the standard library (lxml only to read Yoast's older
HTML head), so the rest of wpparse can use it from any stage.
"""

from wpparse._editor._blocktree import ParsedBlock, parse_blocks
from wpparse._editor._seo import SEO, SEOImage, seo_from_record
from wpparse._editor._shortcodes import Shortcode, find_shortcodes, strip_shortcodes

__all__ = [
    "SEO",
    "ParsedBlock",
    "SEOImage",
    "Shortcode",
    "find_shortcodes",
    "parse_blocks",
    "seo_from_record",
    "strip_shortcodes",
]
