"""
What editors and plugins leave in a post's JSON: the block tree, shortcodes, the SEO head.

A private package of readers: the models they build are in
:mod:`wpparse._model.editor`, and the public names are re-exported from
:mod:`wpparse`.  Besides the models, it imports only attrs and the standard
library (lxml only to read Yoast's older HTML head).
"""

from wpparse._editor.blocks import ParsedBlock, parse_blocks
from wpparse._editor.seo import SEO, SEOImage, seo_from_record
from wpparse._editor.shortcodes import Shortcode, find_shortcodes, strip_shortcodes

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
