"""
Which names count as shortcodes in one document: its tags in, the guessed registry out.

WordPress knows which shortcodes plugins registered; a reader of the JSON
does not.  A name counts when it is a known one (WordPress's own, popular
plugins' and page builders', :data:`KNOWN_NAMES` and :data:`KNOWN_PREFIXES`),
or when the document shows it used as one: with a ``key=value`` attribute, or
both opened and closed (``[/name]``).  Prose brackets (``[1]``, ``[sic]``,
``[the report]``) show neither.

>>> from wpparse._editor.shortcode_tags import tags_in, text_runs
>>> source = "[1] [sic] [note id=2] [box]x[/box] [vc_empty_space]"
>>> sorted(registry(tags_in(source, text_runs(source))))
['box', 'note', 'vc_empty_space']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from wpparse._editor.shortcode_attributes import has_named_attribute
from wpparse._editor.shortcode_tags import Tag

__all__ = ["KNOWN_NAMES", "KNOWN_PREFIXES", "registry"]

# WordPress's own shortcodes and those of plugins and themes common enough to
# be left behind when they are switched off.
KNOWN_NAMES: Final = frozenset(
    {
        # WordPress
        "audio", "caption", "embed", "gallery", "playlist", "video", "wp_caption",
        # forms
        "contact-form", "contact-form-7", "fluentform", "formidable", "gravityform",
        "gravityforms", "mc4wp_form", "ninja_form", "ninja_forms", "wpforms",
        # commerce
        "add_to_cart", "add_to_cart_url", "product", "product_categories",
        "product_category", "product_page", "products", "recent_products",
        "sale_products", "shop_messages", "woocommerce_cart", "woocommerce_checkout",
        "woocommerce_my_account", "woocommerce_order_tracking",
        # sliders, galleries, media
        "layerslider", "metaslider", "rev_slider", "smartslider3", "envira-gallery",
        "foogallery", "ngg", "nggallery", "soliloquy", "wonderplugin_slider",
        # others
        "ads", "bbp-forum-index", "adrotate", "elementor-template", "instagram-feed",
        "mailpoet_form", "sdm_download", "table", "tablepress", "toc",
        "wpdatatable", "yoast-breadcrumb", "wpml_language_selector_widget",
    }
)  # fmt: skip
"""Names taken for shortcodes wherever they appear."""

KNOWN_PREFIXES: Final = (
    "vc_",  # WPBakery Page Builder (Visual Composer)
    "et_pb_",  # Divi
    "fusion_",  # Avada
    "su_",  # Shortcodes Ultimate
    "av_",  # Enfold
    "mk_",  # Jupiter
    "ux_",  # Flatsome
    "cs_",  # Cornerstone
    "themify_",
    "tm_",
    "trx_",
    "gdlr_",
    "ultimate_",
    "bsf-",
    "woocommerce_",
    "wpb_",
    "x_",  # X theme
)
"""Name prefixes of page builders and shortcode packs."""


def _is_known(name: str) -> bool:
    lowered = name.lower()
    return lowered in KNOWN_NAMES or lowered.startswith(KNOWN_PREFIXES)


def registry(tags: Iterable[Tag]) -> set[str]:
    """
    Guess which names are registered shortcodes in this document.

    A known name or prefix; or a name used with a ``key=value`` attribute; or
    one both opened and closed (``[/name]``) somewhere in the document.
    """
    opened: set[str] = set()
    closed: set[str] = set()
    registered: set[str] = set()
    for tag in tags:
        if tag.closing:
            closed.add(tag.name)
            continue
        if tag.name in registered:
            continue
        opened.add(tag.name)
        if _is_known(tag.name) or has_named_attribute(tag.atts_text):
            registered.add(tag.name)
    registered |= opened & closed
    registered |= {name for name in closed if _is_known(name)}
    return registered


_TAG_START: Final = re.compile(r"\[(/?)([A-Za-z_][A-Za-z0-9_-]*+)")


def may_register(source: str) -> bool:
    """
    Whether :func:`registry` could find any name in *source*, asked cheaply.

    A superset of :func:`registry`'s rules over every ``[name`` of the whole
    text, markup included: a known name or prefix; an opener with an ``=``
    before the next ``]``; a name both opened and closed.  When this says no,
    the careful pass (text runs, tags, attributes) would find nothing, so a
    post whose brackets are prose (``[sic]``, ``[the report]``) skips it.
    Linear: the next ``]`` and ``=`` are each looked up once per position.

    >>> may_register("He said [sic] that [the report] was late."), may_register("[gallery]")
    (False, True)
    """
    opened: set[str] = set()
    closed: set[str] = set()
    next_close = next_equals = -1
    for match in _TAG_START.finditer(source):
        name = match.group(2)
        if _is_known(name):
            return True
        if match.group(1):
            closed.add(name)
            continue
        opened.add(name)
        end = match.end()
        if next_close < end:
            next_close = source.find("]", end)
            if next_close == -1:
                next_close = len(source)
        if next_equals < end:
            next_equals = source.find("=", end)
            if next_equals == -1:
                next_equals = len(source) + 1
        if next_equals < next_close:
            return True
    return not opened.isdisjoint(closed)
