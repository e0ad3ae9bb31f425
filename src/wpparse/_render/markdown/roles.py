"""
What each tag does in the Markdown walk: a tag name in, its role out.

:data:`ROLE` maps a tag to one of the :class:`Role` members as a plain int
(``R_BREAK``, ``R_LINK``, ...); a tag it does not hold is ``R_NONE``, text
and inline content only.  :mod:`wpparse._render.markdown.convert` walks the
tree by these roles.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Final

from wpparse._html.vocabulary import NO_TEXT

__all__ = [
    "EMBEDS",
    "ROLE",
    "R_BR",
    "R_BREAK",
    "R_CODE",
    "R_CONTAINER",
    "R_EM",
    "R_EMBED",
    "R_HEADING",
    "R_HR",
    "R_IMG",
    "R_LINK",
    "R_NONE",
    "R_NO_TEXT",
    "R_PRE",
    "R_STRONG",
    "R_TABLE",
    "Role",
]

# Elements that end the paragraph being built, before and after them.
_BREAKS = frozenset(
    {
        "p", "div", "section", "article", "aside", "header", "footer", "main",
        "nav", "figure", "figcaption", "details", "summary", "center", "form",
        "fieldset", "legend", "dl", "dt", "dd", "hgroup", "address", "body",
        "html", "caption", "li", "ul", "ol", "menu", "blockquote", "noembed",
        "select", "textarea", "dialog",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_STRONG = frozenset({"strong", "b"})
_EM = frozenset({"em", "i"})
_CODE = frozenset({"code", "kbd", "samp", "tt", "var"})
EMBEDS = frozenset({"iframe", "video", "audio", "embed", "object"})
"""Players and embedded documents: each written as a link to its source."""


class Role(IntEnum):
    """
    What a tag does in the Markdown walk.

    Their order is the walk's grouping, tested with ``<=`` and ``>=``:
    BREAK and CONTAINER end the paragraph being built; STRONG to LINK are
    marks, closed at their end tag (HEADING ends the paragraph too); BR,
    IMG and HR are single items; from CODE on, the element makes one unit
    of its whole subtree.
    """

    NONE = 0
    """Text and inline content only."""
    BREAK = 1
    CONTAINER = 2
    STRONG = 3
    EM = 4
    HEADING = 5
    LINK = 6
    BR = 7
    IMG = 8
    HR = 9
    CODE = 10
    PRE = 11
    TABLE = 12
    EMBED = 13
    NO_TEXT = 14
    """A drawing or fallback content: nothing shown (as in the blocks)."""


# The members as plain ints, for the walk's hot loop: CPython compares exact
# ints faster than an IntEnum's (about 15% of to_markdown's time on the corpus).
R_NONE: Final = int(Role.NONE)
R_BREAK: Final = int(Role.BREAK)
R_CONTAINER: Final = int(Role.CONTAINER)
R_STRONG: Final = int(Role.STRONG)
R_EM: Final = int(Role.EM)
R_HEADING: Final = int(Role.HEADING)
R_LINK: Final = int(Role.LINK)
R_BR: Final = int(Role.BR)
R_IMG: Final = int(Role.IMG)
R_HR: Final = int(Role.HR)
R_CODE: Final = int(Role.CODE)
R_PRE: Final = int(Role.PRE)
R_TABLE: Final = int(Role.TABLE)
R_EMBED: Final = int(Role.EMBED)
R_NO_TEXT: Final = int(Role.NO_TEXT)
_CONTAINERS = frozenset({"blockquote", "ul", "ol", "menu", "li", "dd"})
ROLE: dict[object, int] = {
    **dict.fromkeys(_BREAKS, R_BREAK),
    **dict.fromkeys(_CONTAINERS, R_CONTAINER),
    **dict.fromkeys(_HEADINGS, R_HEADING),
    **dict.fromkeys(_STRONG, R_STRONG),
    **dict.fromkeys(_EM, R_EM),
    "a": R_LINK,
    "br": R_BR,
    "option": R_BR,  # one option a line, as the text has them
    "img": R_IMG,
    "hr": R_HR,
    **dict.fromkeys(_CODE, R_CODE),
    "pre": R_PRE,
    "table": R_TABLE,
    **dict.fromkeys(NO_TEXT - EMBEDS, R_NO_TEXT),  # as the content stage: no text
    **dict.fromkeys(EMBEDS, R_EMBED),
}
