"""
Shortcodes left unrendered in a post's content, found with WordPress's own syntax.

WordPress expands ``[gallery ids="1,2"]`` only for names a plugin registered;
when the plugin is gone (or a page builder's content is served raw), the tags
stay in ``content.rendered``: ``[vc_row][vc_column]...[/vc_column][/vc_row]``.
This module finds them the way ``do_shortcode()`` would (``get_shortcode_regex()``
and ``shortcode_parse_atts()`` in ``wp-includes/shortcodes.php``) and strips them
while keeping the text they enclose.

WordPress knows its registry; a reader of the JSON does not.  So the registry
is guessed per document (:func:`_registry`): a name counts as a shortcode when it
is a known one (WordPress's own, popular plugins' and page builders'), or when
the document itself shows it used as one (an attribute ``key=value``, or a
closing tag ``[/name]``).  Prose brackets (``[1]``, ``[sic]``,
``[the report]``, ``[…]``) show neither.  The rule's precision on the corpus is
measured in ``tests/test_editor_shortcodes.py`` and reported in ``docs/editor.md``.

Everything here is linear in the length of the text: each ``[`` is looked at
once, a tag's end and a pair's closing tag are found through indexes built in
one pass, never by scanning ahead again for every tag.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Mapping
from typing import Final, Literal

import attrs

from wpparse._model.editor import Shortcode

__all__ = [
    "Shortcode",
    "ShortcodeMode",
    "check_mode",
    "find_shortcodes",
    "scan_shortcodes",
    "strip_shortcodes",
]

ShortcodeMode = Literal["strip", "keep"]
"""What :func:`wpparse.parse_post` does with shortcode tags: see its *shortcodes*."""
_MODES: Final = ("strip", "keep")


def check_mode(mode: str) -> None:
    """Raise :class:`ValueError` unless *mode* is a :data:`ShortcodeMode`."""
    if mode not in _MODES:
        msg = f"shortcodes must be one of {', '.join(map(repr, _MODES))}, got {mode!r}"
        raise ValueError(msg)


# --- the registry guess --------------------------------------------------------------

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

# A name as the guess accepts it: what ``add_shortcode()`` allows, less
# everything but ASCII letters, digits, "_" and "-" (WordPress's `(?![\w-])`
# cannot end any other name), and starting with a letter or "_".
_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*+")
_NAME_CHARS: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
)

# shortcode_parse_atts(): the three quoted forms, unquoted, and positional.
_ATTS: Final = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)"""
    r"""|'([^']*)'(?:\s|$)"""
    r"""|(\S+)(?:\s|$)""",
    re.ASCII,
)
_NAMED: Final = re.compile(
    r"""[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s'"]+)(?:\s|$)""", re.ASCII
)
_BALANCED_TAGS: Final = re.compile(r"[^<]*+(?:<[^>]*+>[^<]*+)*+")

# wptexturize() turns the quotes of an unregistered shortcode's attributes
# curly (`full_width=&#8221;stretch&#8221;`, `height=&#8221;20&#8243;`): read
# them as the straight quotes they were.
_UNTEXTURIZE: Final = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u2033": '"', "\u201e": '"',
        "\u2018": "'", "\u2019": "'", "\u2032": "'",
        "\u00a0": " ", "\u200b": " ",
    }
)  # fmt: skip

# Elements whose content is not text a reader sees, or is code shown as is.
_OPAQUE: Final = ("script", "style", "textarea", "pre", "code", "xmp")
_OPAQUE_END: Final = {
    name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _OPAQUE
}
_OPAQUE_START: Final = re.compile(r"<(" + "|".join(_OPAQUE) + r")[\s/>]", re.IGNORECASE)


def _is_known(name: str) -> bool:
    lowered = name.lower()
    return lowered in KNOWN_NAMES or lowered.startswith(KNOWN_PREFIXES)


# --- where text is ----------------------------------------------------------------


def _text_runs(source: str) -> list[tuple[int, int]]:
    """
    The spans of *source* that are text: outside tags, comments and opaque elements.

    HTML is cut the way a browser's tokenizer would, roughly: a ``<`` followed
    by a letter, ``/``, ``!`` or ``?`` starts markup that runs to the next
    ``>`` (or to ``-->`` for a comment); ``<script>``, ``<style>``, ``<pre>``,
    ``<code>`` and their kind run to their end tag.  Markup left open runs to
    the end.  One pass.
    """
    runs: list[tuple[int, int]] = []
    position, length = 0, len(source)
    while position < length:
        tag = source.find("<", position)
        if tag == -1:
            runs.append((position, length))
            break
        following = source[tag + 1 : tag + 2]
        if not following or not (
            following.isascii() and (following.isalpha() or following in "/!?")
        ):
            # A "<" that starts no markup is text.
            next_tag = source.find("<", tag + 1)
            stop = length if next_tag == -1 else next_tag
            runs.append((position, stop))
            position = stop
            continue
        if tag > position:
            runs.append((position, tag))
        if source.startswith("<!--", tag):
            close = source.find("-->", tag + 4)
            position = length if close == -1 else close + 3
            continue
        close = source.find(">", tag + 1)
        if close == -1:
            break
        opaque = _OPAQUE_START.match(source, tag)
        if opaque is not None and source[close - 1] != "/":
            end = _OPAQUE_END[opaque.group(1).lower()].search(source, close + 1)
            if end is None:
                break
            close = source.find(">", end.start())
            if close == -1:
                break
        position = close + 1
    return _merge(runs)


def _merge(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, stop in runs:
        if start >= stop:
            continue
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], stop)
        else:
            merged.append((start, stop))
    return merged


# --- the tags ---------------------------------------------------------------------


@attrs.frozen
class _Tag:
    """An opening or closing tag: ``[name ...]`` or ``[/name]``, within one text run."""

    start: int
    end: int
    name: str
    closing: bool
    atts_text: str = ""
    self_closing: bool = False


def _tags(source: str, runs: list[tuple[int, int]]) -> list[_Tag]:
    """
    Every tag-shaped ``[...]`` in the text runs, in order.

    A tag ends at the first ``]`` after its name, as in WordPress's expression,
    and must end in the text run it starts in (a ``]`` beyond a ``<`` is not
    its end).  Finding that ``]`` once per run keeps this linear: the next
    ``]`` is the same for every ``[`` before it.
    """
    tags: list[_Tag] = []
    for run_start, run_stop in runs:
        bracket = source.find("[", run_start, run_stop)
        next_close = -1
        while bracket != -1:
            closing = source.startswith("/", bracket + 1)
            name_at = bracket + 2 if closing else bracket + 1
            name = _NAME.match(source, name_at, run_stop)
            if name is not None:
                if next_close < name.end():
                    next_close = source.find("]", name.end(), run_stop)
                if next_close == -1:
                    break  # no "]" left in this run: no more tags in it
                if closing:
                    if next_close == name.end():
                        tags.append(
                            _Tag(bracket, next_close + 1, name.group(), closing=True)
                        )
                else:
                    atts = source[name.end() : next_close]
                    self_closing = atts.endswith("/")
                    tags.append(
                        _Tag(
                            bracket,
                            next_close + 1,
                            name.group(),
                            closing=False,
                            atts_text=atts[:-1] if self_closing else atts,
                            self_closing=self_closing,
                        )
                    )
            bracket = source.find("[", bracket + 1, run_stop)
    return tags


def _registry(tags: Iterable[_Tag]) -> set[str]:
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
        if _is_known(tag.name) or _has_named_attribute(tag.atts_text):
            registered.add(tag.name)
    registered |= opened & closed
    registered |= {name for name in closed if _is_known(name)}
    return registered


def _decode(atts_text: str) -> str:
    """Entities decoded, texturized quotes straightened (the common entities without a call each)."""
    if "&" in atts_text:
        for entity, quote in _QUOTE_ENTITIES:
            atts_text = atts_text.replace(entity, quote)
        atts_text = html.unescape(atts_text)
    return atts_text.translate(_UNTEXTURIZE)


_QUOTE_ENTITIES: Final = (
    ("&#8221;", '"'), ("&#8220;", '"'), ("&#8243;", '"'), ("&quot;", '"'),
    ("&#8217;", "'"), ("&#8216;", "'"), ("&#8242;", "'"), ("&#039;", "'"),
)  # fmt: skip


def _has_named_attribute(atts_text: str) -> bool:
    if "=" not in atts_text:
        return False
    text = _decode(atts_text)
    return _NAMED.search(text) is not None


def parse_attributes(atts_text: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """
    ``shortcode_parse_atts()``: the named and the positional attributes of a tag.

    Entities are decoded and texturized quotes straightened first, since the
    text comes from ``content.rendered``.

    >>> parse_attributes(' a="1" B=\\'2\\' c=3 "four" five')
    ({'a': '1', 'b': '2', 'c': '3'}, ('four', 'five'))
    """
    text = _decode(atts_text)
    named: dict[str, str] = {}
    positional: list[str] = []
    for match in _ATTS.finditer(text):
        # The last group that took part says which form matched: 2, 4 and 6
        # are the values of key=value forms, 7-9 positional values.
        last = match.lastindex
        value = match.group(last) if last is not None else ""
        if "\\" in value or "<" in value:
            value = _value(value)
        if last in _NAMED_VALUE_GROUPS:
            named[match.group(last - 1).lower()] = value
        elif value or last == _BARE_GROUP:
            # As in WordPress: an empty quoted positional value is dropped.
            positional.append(value)
    return named, tuple(positional)


_NAMED_VALUE_GROUPS: Final = frozenset({2, 4, 6})
_BARE_GROUP: Final = 9


def _value(raw: str) -> str:
    value = _stripcslashes(raw)
    # WordPress empties a value whose HTML elements are not closed.
    if "<" in value and _BALANCED_TAGS.fullmatch(value) is None:
        return ""
    return value


_C_ESCAPES: Final = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "v": "\v",
    "b": "\b",
    "f": "\f",
}
_C_ESCAPE: Final = re.compile(r"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.?)", re.DOTALL)


def _stripcslashes(text: str) -> str:
    """PHP's ``stripcslashes()``: C escapes decoded, other backslashes dropped."""
    if "\\" not in text:
        return text

    def decode(match: re.Match[str]) -> str:
        escape = match.group(1)
        if not escape:
            return ""
        if escape[0] == "x" and len(escape) > 1:
            return chr(int(escape[1:], 16))
        if escape[0] in "01234567":
            return chr(int(escape, 8) & 0xFF)
        return _C_ESCAPES.get(escape, escape)

    return _C_ESCAPE.sub(decode, text)


# --- matching, as do_shortcode() does ---------------------------------------------


@attrs.frozen
class _Found:
    """What a scan found: the shortcodes, and the spans to cut out of the text."""

    shortcodes: tuple[Shortcode, ...]
    cuts: tuple[tuple[int, int, str], ...]
    """(start, end, replacement): tags to remove, escapes to unwrap."""


# Where a tag could start; most contents have none, and are done in one C-level search.
_CANDIDATE: Final = re.compile(r"\[/?[A-Za-z_]")


def _scan(source: str, *, attributes: bool = True) -> _Found:
    """Match the tags as ``do_shortcode()`` would; *attributes* says whether to build :class:`Shortcode`\\ s."""
    if _CANDIDATE.search(source) is None:
        return _Found((), ())
    runs = _text_runs(source)
    tags = _tags(source, runs)
    registered = _registry(tags)
    if not registered:
        return _Found((), ())
    closers, closer_at = _closer_index(tags, registered)
    shortcodes: list[Shortcode] = []
    cuts: list[tuple[int, int, str]] = []
    used_closers: set[int] = set()
    # The enclosing pairs being read: (end of their content, ...), innermost last.
    regions: list[int] = [len(source)]
    resume = 0
    for tag in tags:
        while tag.start >= regions[-1]:
            resume = max(resume, _closer_end(closer_at, regions.pop()))
        if tag.start < resume or tag.name not in registered:
            continue
        if tag.closing:
            if tag.start not in used_closers:
                cuts.append(
                    (tag.start, tag.end, "")
                )  # a closing tag without its opener
            continue
        escaped_open = tag.start > 0 and source[tag.start - 1] == "["
        close = None
        if not tag.self_closing:
            candidates = closers.get(tag.name, [])
            index = bisect.bisect_left(candidates, tag.end)
            if (
                index < len(candidates)
                and closer_at[candidates[index]].end <= regions[-1]
            ):
                close = closer_at[candidates[index]]
        end = close.end if close is not None else tag.end
        if (
            escaped_open
            and source.startswith("]", end)
            and not _inside_cut(cuts, tag.start - 1)
        ):
            # [[name]] shows "[name]": WordPress's escape, not a shortcode.
            cuts.append((tag.start - 1, tag.start, ""))
            cuts.append((end, end + 1, ""))
            resume = end + 1
            if close is not None:
                used_closers.add(close.start)
            continue
        if attributes:
            named, positional = parse_attributes(tag.atts_text)
            content = source[tag.end : close.start] if close is not None else None
            shortcodes.append(
                Shortcode(
                    name=tag.name,
                    attrs=named,
                    positional=positional,
                    start=tag.start,
                    end=end,
                    content=content,
                )
            )
        cuts.append((tag.start, tag.end, ""))
        if close is not None:
            used_closers.add(close.start)
            cuts.append((close.start, close.end, ""))
            regions.append(close.start)
        else:
            resume = tag.end
    cuts.sort()
    return _Found(tuple(shortcodes), tuple(cuts))


def _closer_index(
    tags: Iterable[_Tag], registered: set[str]
) -> tuple[dict[str, list[int]], dict[int, _Tag]]:
    """Where each name's closing tags are, to find a pair's end by bisection."""
    closers: dict[str, list[int]] = {}
    closer_at: dict[int, _Tag] = {}
    for tag in tags:
        if tag.closing and tag.name in registered:
            closers.setdefault(tag.name, []).append(tag.start)
            closer_at[tag.start] = tag
    return closers, closer_at


def _closer_end(closer_at: Mapping[int, _Tag], region_end: int) -> int:
    closer = closer_at.get(region_end)
    return closer.end if closer is not None else region_end


def _inside_cut(cuts: list[tuple[int, int, str]], position: int) -> bool:
    return bool(cuts) and cuts[-1][0] <= position < cuts[-1][1]


def find_shortcodes(source: str) -> tuple[Shortcode, ...]:
    """
    Find the unrendered shortcodes in *source* (a post's ``content.rendered``).

    In document order, pairs before what they enclose; a tag inside
    ``<script>``, ``<style>``, ``<pre>``, ``<code>``, a comment or a tag's
    attributes is not one.  Which names count is guessed from the document
    (see :doc:`/editor`): prose brackets such as ``[1]``, ``[sic]`` and
    ``[the report]`` are not shortcodes.

    >>> import wpparse
    >>> html = "<p>[vc_row][vc_column_text]Hello [sic][/vc_column_text][/vc_row]</p>"
    >>> [(code.name, code.content) for code in wpparse.find_shortcodes(html)]
    [('vc_row', '[vc_column_text]Hello [sic][/vc_column_text]'), ('vc_column_text', 'Hello [sic]')]

    .. versionadded:: 0.2.0
    """
    return _scan(source).shortcodes


def strip_shortcodes(source: str) -> str:
    """
    Remove the unrendered shortcode tags from *source*, keeping what they enclose.

    The same tags as :func:`find_shortcodes` finds, and closing tags left
    without their opening one; ``[[name]]``, WordPress's way to show a tag
    verbatim, becomes ``[name]``.

    >>> import wpparse
    >>> wpparse.strip_shortcodes('<p>[toggle title="Q"]Yes [1].[/toggle]</p>')
    '<p>Yes [1].</p>'

    .. versionadded:: 0.2.0
    """
    return _apply(source, _scan(source, attributes=False).cuts)


def _apply(source: str, cuts: Iterable[tuple[int, int, str]]) -> str:
    parts: list[str] = []
    position = 0
    for start, end, replacement in cuts:
        if start < position:
            continue
        parts.append(source[position:start])
        parts.append(replacement)
        position = end
    if not parts:
        return source
    parts.append(source[position:])
    return "".join(parts)


def scan_shortcodes(source: str) -> tuple[tuple[Shortcode, ...], str]:
    """Both at once: :func:`find_shortcodes` and :func:`strip_shortcodes` of *source*."""
    found = _scan(source)
    return found.shortcodes, _apply(source, found.cuts)
