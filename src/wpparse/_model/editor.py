"""
The models of what editors and plugins leave in a post's JSON.

:class:`ParsedBlock` (the block tree of ``content.raw``), :class:`Shortcode`
(a shortcode left unrendered) and :class:`SEO` with :class:`SEOImage` (Yoast's
head).  The readers that build them are in :mod:`wpparse._editor`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any, Literal

import attrs
from attrs import field

from wpparse._model.deferred import build_on_read

__all__ = ["SEO", "ParsedBlock", "SEOImage", "Shortcode"]


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ParsedBlock:
    """
    One block of the serialized block tree, as WordPress's ``parse_blocks()`` gives it.

    The fields are those of WordPress's block arrays under Python names:
    ``blockName`` is :attr:`name`, ``innerBlocks`` :attr:`inner_blocks`, and so on.
    Text between blocks that no delimiter claims is a *freeform* block, whose
    :attr:`name` is ``None``.

    >>> import wpparse
    >>> (block,) = wpparse.parse_blocks(
    ...     '<!-- wp:group --><div><!-- wp:spacer {"height":"2em"} /--></div><!-- /wp:group -->'
    ... )
    >>> block.name, block.inner_blocks[0].name, block.inner_blocks[0].attrs
    ('core/group', 'core/spacer', {'height': '2em'})
    >>> block.inner_content
    ('<div>', None, '</div>')
    >>> block.inner_html
    '<div></div>'

    Two blocks are equal when their whole trees are; comparing does not recurse,
    so it works on trees of any depth.

    .. versionadded:: 0.1.0
    """

    name: str | None
    """The block's name with its namespace: ``core/paragraph`` (``wp:paragraph``
    implies ``core/``), ``my-plugin/card``; ``None`` for freeform HTML."""
    attrs: Mapping[str, Any] | None = field(factory=dict)
    """The JSON attributes of the opening delimiter (``{}`` when it has none);
    ``None`` when they are not valid JSON, as in WordPress."""
    inner_blocks: tuple[ParsedBlock, ...] = ()
    """The blocks nested inside this one, in order."""
    _pieces: tuple[str | None, ...] = field(default=(), alias="inner_content")
    # A block left open at the end of the document holds the rest of the
    # document as its last piece.  Blocks nested that way would each copy a
    # longer rest (quadratic in all), so the rest is kept as (document, start)
    # and cut only when read.
    _rest: tuple[str, int] | None = field(default=None, alias="_rest")

    @property
    def inner_content(self) -> tuple[str | None, ...]:
        """The pieces of :attr:`inner_html` in order, with ``None`` where each of
        :attr:`inner_blocks` sits: how WordPress puts a block back together."""
        if self._rest is None:
            return self._pieces
        document, start = self._rest
        return (*self._pieces, document[start:])

    @property
    def inner_html(self) -> str:
        """The HTML inside the block, with the nested blocks left out: the
        strings of :attr:`inner_content` joined."""
        return "".join(piece for piece in self.inner_content if piece is not None)

    def walk(self) -> Iterator[ParsedBlock]:
        """
        Yield this block and every block nested in it, depth first, in document order.

        >>> import wpparse
        >>> (outer,) = wpparse.parse_blocks("<!-- wp:a --><!-- wp:b /--><!-- /wp:a -->")
        >>> [block.name for block in outer.walk()]
        ['core/a', 'core/b']
        """
        stack = [self]
        while stack:
            block = stack.pop()
            yield block
            stack.extend(reversed(block.inner_blocks))

    def to_dict(self) -> dict[str, Any]:
        """
        Return the block as WordPress's ``parse_blocks()`` array, under its keys.

        ``blockName``, ``attrs``, ``innerBlocks``, ``innerHTML`` and
        ``innerContent``: the shape of Gutenberg's ``*.parsed.json`` fixtures,
        ready for :func:`json.dumps`.  Built without recursion.

        >>> import wpparse
        >>> wpparse.parse_blocks("<p>Hi</p>")[0].to_dict()
        {'blockName': None, 'attrs': {}, 'innerBlocks': [], 'innerHTML': '<p>Hi</p>', 'innerContent': ['<p>Hi</p>']}
        """
        done: dict[int, dict[str, Any]] = {}
        # Post-order: a block's dict is made after its inner blocks' dicts.
        stack: list[tuple[ParsedBlock, bool]] = [(self, False)]
        while stack:
            block, children_done = stack.pop()
            if not children_done:
                stack.append((block, True))
                stack.extend((inner, False) for inner in block.inner_blocks)
                continue
            done[id(block)] = {
                "blockName": block.name,
                "attrs": block.attrs,
                "innerBlocks": [done.pop(id(inner)) for inner in block.inner_blocks],
                "innerHTML": block.inner_html,
                "innerContent": list(block.inner_content),
            }
        return done[id(self)]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParsedBlock):
            return NotImplemented
        pairs = [(self, other)]
        while pairs:
            left, right = pairs.pop()
            if left is right:
                continue
            if (
                left.name != right.name
                or left.attrs != right.attrs
                or len(left.inner_blocks) != len(right.inner_blocks)
                or not left._same_content(right)
            ):
                return False
            pairs.extend(zip(left.inner_blocks, right.inner_blocks, strict=True))
        return True

    def __repr__(self) -> str:
        return (
            f"ParsedBlock(name={self.name!r}, attrs={self.attrs!r}, "
            f"inner_blocks={self.inner_blocks!r}, inner_content={self.inner_content!r})"
        )

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None  # type: ignore[assignment]  # attrs hold a dict: not hashable

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as a flat list, children before their parent: pickle's own
        # walk recurses, and a tree can be 100,000 blocks deep.
        records: list[tuple[Any, ...]] = []
        stack: list[tuple[ParsedBlock, bool]] = [(self, False)]
        while stack:
            block, children_done = stack.pop()
            if not children_done:
                stack.append((block, True))
                stack.extend((inner, False) for inner in reversed(block.inner_blocks))
                continue
            pieces, rest = block._pieces, block._rest  # noqa: SLF001 - the same class
            records.append(
                (block.name, block.attrs, pieces, rest, len(block.inner_blocks))
            )
        return _tree_from_records, (records,)

    def _same_content(self, other: ParsedBlock) -> bool:
        """Whether two blocks' inner content is the same, cutting no rest that can be compared uncut."""
        if (
            self._rest is not None
            and other._rest is not None
            and self._pieces == other._pieces
        ):
            (left_doc, left_start), (right_doc, right_start) = self._rest, other._rest
            if left_doc is right_doc and left_start == right_start:
                return True
            return len(left_doc) - left_start == len(right_doc) - right_start and (
                left_doc[left_start:] == right_doc[right_start:]
            )
        return self.inner_content == other.inner_content


def _tree_from_records(records: list[tuple[Any, ...]]) -> ParsedBlock:
    """Rebuild a tree pickled by :meth:`ParsedBlock.__reduce__`, without recursion."""
    built: list[ParsedBlock] = []
    for name, block_attrs, pieces, rest, count in records:
        children = tuple(built[len(built) - count :]) if count else ()
        if count:
            del built[len(built) - count :]
        built.append(
            ParsedBlock(
                name=name,
                attrs=block_attrs,
                inner_blocks=children,
                inner_content=pieces,
                _rest=rest,
            )
        )
    return built[0]


@attrs.frozen(kw_only=True)
class Shortcode:
    """
    A shortcode tag found in a post's content, unrendered.

    >>> import wpparse
    >>> (gallery,) = wpparse.find_shortcodes('<p>[gallery ids="1,2" link=file]</p>')
    >>> gallery.name, gallery.attrs, gallery.start, gallery.end
    ('gallery', {'ids': '1,2', 'link': 'file'}, 3, 32)

    .. versionadded:: 0.1.0
    """

    name: str
    """The shortcode's name as written: ``gallery``, ``vc_row``, ``contact-form-7``."""
    attrs: Mapping[str, str] = attrs.field(factory=dict)
    """The named attributes, names lower-cased and values decoded, as
    ``shortcode_parse_atts()`` gives them (``[x a="1" b='2' c=3]``)."""
    positional: tuple[str, ...] = ()
    """The attributes without a name, in order (``[embed "https://..."]``)."""
    start: int
    """Where the opening tag starts in the string searched (the post's
    ``content.rendered``): ``source[start:end]`` is the whole shortcode."""
    end: int
    """Where it ends: after the closing tag of an enclosing pair, else after the tag."""
    content: str | None = None
    """For an enclosing pair (``[toggle]...[/toggle]``), what stands between the
    tags, as written; ``None`` for a lone tag."""


@attrs.frozen(kw_only=True)
class SEOImage:
    """
    An Open Graph image (``og:image``) with what Yoast says about it.

    .. versionadded:: 0.1.0
    """

    url: str
    """The image's URL."""
    width: int | None = None
    """Its width in pixels, when given."""
    height: int | None = None
    """Its height in pixels, when given."""
    type: str | None = None
    """Its media type (``image/jpeg``), when given."""
    alt: str | None = None
    """Its alternative text (``og:image:alt``), when given."""


@attrs.frozen(kw_only=True)
class SEO:
    """
    The search and social metadata of a page, as Yoast SEO writes it.

    Read from ``yoast_head_json`` (or, for Yoast before 16.7, from the
    ``yoast_head`` HTML).  Texts are decoded (``&amp;`` is ``&``), whitespace
    collapsed; a field Yoast did not write is ``None`` or empty.

    >>> import wpparse
    >>> seo = wpparse.parse_post({"id": 1, "yoast_head_json": {
    ...     "title": "Rust &amp; Rain - River News",
    ...     "canonical": "https://example.org/rust/",
    ...     "robots": {"index": "index", "follow": "follow"},
    ...     "og_image": [{"url": "https://example.org/r.jpg", "width": 1200,
    ...                   "height": 630, "type": "image/jpeg"}],
    ...     "article_published_time": "2026-04-18T13:30:00+00:00",
    ... }}).seo
    >>> seo.title, seo.canonical, seo.robots
    ('Rust & Rain - River News', 'https://example.org/rust/', ('index', 'follow'))
    >>> seo.og_image[0].width, seo.article_published_time.isoformat()
    (1200, '2026-04-18T13:30:00+00:00')

    .. versionadded:: 0.1.0
    """

    title: str | None = None
    """The document title (``<title>``)."""
    description: str | None = None
    """The meta description."""
    canonical: str | None = None
    """The canonical URL."""
    robots: tuple[str, ...] = ()
    """The robots directives in order: ``("index", "follow", "max-snippet:-1")``."""
    og_title: str | None = None
    """``og:title``."""
    og_description: str | None = None
    """``og:description``."""
    og_url: str | None = None
    """``og:url``."""
    og_site_name: str | None = None
    """``og:site_name``."""
    og_locale: str | None = None
    """``og:locale``, such as ``en_US``."""
    og_type: str | None = None
    """``og:type``: ``article``, ``website``, ..."""
    og_image: tuple[SEOImage, ...] = ()
    """The ``og:image`` images, with their size and type when given."""
    twitter_card: str | None = None
    """``twitter:card``: ``summary``, ``summary_large_image``, ..."""
    twitter_title: str | None = None
    """``twitter:title``, when it differs from the Open Graph one."""
    twitter_description: str | None = None
    """``twitter:description``."""
    twitter_image: str | None = None
    """``twitter:image``."""
    twitter_site: str | None = None
    """``twitter:site``: the site's handle."""
    twitter_creator: str | None = None
    """``twitter:creator``: the author's handle."""
    twitter_misc: Mapping[str, str] = attrs.field(factory=dict)
    """The label/value pairs Twitter shows (``{"Written by": "Ann", "Est. reading time": "4 minutes"}``)."""
    author: str | None = None
    """The author's name, as Yoast gives it."""
    article_published_time: datetime | None = None
    """``article:published_time``, an aware datetime."""
    article_modified_time: datetime | None = None
    """``article:modified_time``, an aware datetime."""
    schema: Mapping[str, Any] | None = None
    """The JSON-LD graph (``{"@context": ..., "@graph": [...]}``), kept as data."""
    origin: Literal["json", "html"] = "json"
    """Which field it was read from: ``yoast_head_json`` or ``yoast_head``."""


# A tag's attributes are read from its text on first use (see wpparse._editor.shortcodes).
build_on_read(Shortcode, "attrs", "positional")
