"""
What WordPress blocks render, read as a reader sees it, before the walk.

Some blocks' markup says something other than what its tags say: a verse
(``<pre class="wp-block-verse">``) is poetry, not code; a file block's
download button stands apart from the file's name; an accordion's ``+`` is an
icon, not a word; a footnote mark is not part of the word it follows; a math
block's TeX source is its text; a footnote's link back to its reference
(``↩︎``) shows no text (it stays a link of the post).  Each rule here rewrites the parsed tree in
place, once, in linear time, so that the walk, the text, the Markdown and the
chunks all read the same thing.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Final

from lxml import etree

from wpparse._html.vocabulary import FOOTNOTE_REF, footnote_label, is_footnote_list

__all__ = ["normalise"]

_VERSE: Final = "wp-block-verse"
# A class naming a button: wp-block-file__button, wp-element-button, btn ...
_BUTTON: Final = re.compile(r"(?:^|[\s_-])(?:button|btn)(?:$|[\s_-])", re.IGNORECASE)
_INLINE_BUTTONS: Final = ("a", "button", "span", "input")
_WORD: Final = re.compile(r"\w")
_ICON_CHARS: Final = 3
_ICON_NODES: Final = 8
# Blocks are never icons, whatever their class says.
_NEVER_ICONS: Final = frozenset(
    {"body", "p", "div", "section", "li", "ul", "ol", "table"}
)
# Never an icon, what ever its attributes (_is_icon: a block, or a link or an
# image, which an icon never holds).
_NOT_ICONS: Final = _NEVER_ICONS | {"a", "img"}
_TEX: Final = frozenset({"application/x-tex", "tex", "latex", "application/x-latex"})


# The tag each structural rule rewrites, and the mark it looks for in the
# markup (written in lower case, as WordPress writes it: not html.lower(),
# lower-casing a long content costs more than all the rules).
_MARKS: Final = {
    "pre": "wp-block-verse",
    "math": "<math",
    "sup": FOOTNOTE_REF,
    "ol": "wp-block-footnotes",
}


def _candidates(
    body: etree._Element, html: str
) -> tuple[list[etree._Element], list[etree._Element], list[etree._Element]]:
    """
    The elements a structural rule may rewrite and the buttons, in document
    order, and the icons.  Most content holds none of them.  The structural
    tags and the buttons' are found in the tree at C speed (a post has far
    fewer of them than characters), their marks looked for in *html* only
    then; icons are looked for in *html* first (no element is visited in
    Python without them).
    """
    found: list[etree._Element] = []
    buttons: list[etree._Element] = []
    marked: dict[str, bool] = {}
    for el in body.iter(*_MARKS, *_INLINE_BUTTONS):  # one pass for both
        tag = str(el.tag)
        mark = _MARKS.get(tag)
        if mark is None:
            if (cls := el.get("class")) is not None and _BUTTON.search(cls):
                buttons.append(el)
            continue
        on = marked.get(tag)
        if on is None:
            on = marked[tag] = mark in html
        if on:
            found.append(el)
    if buttons and not ("utton" in html or "btn" in html):  # button, Button
        buttons = []
    icons: list[etree._Element] = []
    if "aria-hidden" in html or "icon" in html:
        for el in body.iter():
            if el.tag in _NOT_ICONS:  # most elements: no attribute read
                continue
            cls = el.get("class")
            if (
                (cls is not None and ("icon" in cls or "Icon" in cls))
                or el.get("aria-hidden") == "true"
            ) and _is_icon(el):
                icons.append(el)
    return found, buttons, icons


def normalise(body: etree._Element, html: str) -> None:
    """
    Rewrite the blocks of *body* (parsed from *html*) whose tags say
    something other than what they show.
    """
    found, buttons, icons = _candidates(body, html)
    if not found and not buttons and not icons:
        return
    verses: list[etree._Element] = []
    refs: list[etree._Element] = []
    backlinks: list[etree._Element] = []
    maths: list[etree._Element] = []
    # Only the outermost verse, formula, reference or footnotes list is
    # rewritten: those inside it are marked done by one walk of its subtree,
    # so each rule reads each element once however hostile markup nests them.
    inner: set[etree._Element] = set()
    for el in found:
        tag = el.tag
        if el in inner:
            pass
        elif tag == "pre" and _VERSE in (el.get("class") or "").split():
            verses.append(el)
            inner.update(el.iterdescendants("pre"))
        elif tag == "math":
            maths.append(el)
            inner.update(el.iterdescendants("math"))
        elif tag == "sup" and el.get(FOOTNOTE_REF) is not None:
            refs.append(el)
            inner.update(el.iterdescendants("sup"))
        elif tag == "ol" and is_footnote_list(el):
            inner.update(el.iterdescendants("ol"))
            backlinks.extend(a for a in el.iterdescendants("a") if _is_backlink(a))
    for el in verses:
        _verse(el)
    for el in buttons:
        _space_around(el)
    for el in refs:
        _footnote_ref(el)
    for el in icons:
        if el.getparent() is not None:
            _drop(el)
    for el in backlinks:  # still a link of the post, with no text to show
        for child in list(el):
            el.remove(child)
        el.text = None
    for el in maths:
        _math(el)


def _verse(pre: etree._Element) -> None:
    """
    A verse is a paragraph whose lines end in ``<br>``: its marks and links
    stay, its line breaks too (a ``<pre>`` would make it code).
    """
    pre.tag = "p"
    if pre.text and pre.text.startswith("\n"):  # as a <pre> drops it
        pre.text = pre.text[1:]
    nodes = [n for n in pre.iter() if isinstance(n.tag, str)]
    for node in nodes:
        text = node.text
        if text and "\n" in text:
            first, *rest = text.split("\n")
            node.text = first
            for line in reversed(rest):
                br = node.makeelement("br")
                br.tail = line or None
                node.insert(0, br)
        tail = node.tail
        if node is not pre and tail and "\n" in tail:
            first, *rest = tail.split("\n")
            node.tail = first
            for line in reversed(rest):
                br = node.makeelement("br")
                br.tail = line or None
                node.addnext(br)
    _stanzas(pre)


def _blank(text: str | None) -> bool:
    return not text or text.isspace()


def _stanzas(verse: etree._Element) -> None:
    """
    A blank line of a verse (two ``<br>`` in a row, outside any mark) ends
    a stanza: the verse becomes a ``<div>`` of one ``<p>`` per stanza.
    """
    children = list(verse)
    cuts = {
        index
        for index in range(1, len(children))
        if children[index].tag == "br"
        and children[index - 1].tag == "br"
        and _blank(children[index - 1].tail)
    }
    if not cuts:
        return
    verse.tag = "div"
    stanza = verse.makeelement("p")
    stanza.text, verse.text = verse.text, None
    stanzas = [stanza]
    for index, child in enumerate(children):
        verse.remove(child)
        if index + 1 in cuts:  # the line's own <br>, before the blank line
            continue
        if index in cuts:
            stanza = verse.makeelement("p")
            stanza.text = child.tail
            stanzas.append(stanza)
            continue
        stanza.append(child)
    for stanza in stanzas:
        # A stanza's last <br> ends its last line: nothing comes after it.
        while len(stanza) and stanza[-1].tag == "br" and _blank(stanza[-1].tail):
            stanza.remove(stanza[-1])
        if len(stanza) or not _blank(stanza.text):
            verse.append(stanza)


def _space_around(el: etree._Element) -> None:
    """A button stands apart from the text around it (``Annual report Download``)."""
    previous = el.getprevious()
    parent = el.getparent()
    if previous is not None:
        if previous.tail and not previous.tail[-1:].isspace():
            previous.tail += " "
        elif not previous.tail:
            previous.tail = " "
    elif parent is not None and parent.text and not parent.text[-1:].isspace():
        parent.text += " "
    tail = el.tail
    if tail and not tail[:1].isspace():
        el.tail = " " + tail
    elif not tail and el.getnext() is not None:
        el.tail = " "


def _is_icon(el: etree._Element) -> bool:
    """
    An icon: an element hidden from screen readers or whose class says
    ``icon``, showing a glyph or two and no word (an accordion's ``+``, a
    ``▸``); or both hidden and called an icon.  Never one holding a link.
    """
    hidden = el.get("aria-hidden") == "true"
    named = "icon" in (el.get("class") or "").lower()
    if not (hidden or named) or el.tag in _NEVER_ICONS:
        return False
    nodes = list(islice(el.iter(), _ICON_NODES + 1))
    if len(nodes) > _ICON_NODES or any(n.tag in {"a", "img"} for n in nodes):
        return False  # more than an icon holds (bounded work per element)
    text = "".join(islice(el.itertext(), _ICON_NODES)).strip()
    if hidden and named:
        return True
    return bool(text) and len(text) <= _ICON_CHARS and _WORD.search(text) is None


def _drop(el: etree._Element) -> None:
    """Remove *el* and its content, keeping its tail."""
    tail = el.tail
    parent = el.getparent()
    if parent is None:
        return
    previous = el.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _footnote_ref(sup: etree._Element) -> None:
    """
    A footnote reference reads ``[1]``: a mark apart from the word it
    follows (``spring[1]``, not ``spring1``).
    """
    label = footnote_label(sup)
    if not label:
        return
    # The link inside, among the first few elements (bounded work per mark).
    target = next((a for a in islice(sup.iter(), _ICON_NODES) if a.tag == "a"), sup)
    for child in list(target):
        target.remove(child)
    target.text = f"[{label}]"


def _is_backlink(a: etree._Element) -> bool:
    """A link back to a reference in a footnotes list (``↩︎``): navigation, not text."""
    if not (a.get("href") or "").startswith("#"):
        return False
    text = "".join(islice(a.itertext(), _ICON_NODES))
    return len(text.strip()) <= _ICON_CHARS and _WORD.search(text) is None


def _math(math: etree._Element) -> None:
    """
    A MathML formula with a TeX annotation reads as its TeX, as code
    (a ``math`` code block for a display formula alone in its block).
    """
    tex = None
    for annotation in math.iter("annotation"):
        if (annotation.get("encoding") or "").strip().lower() in _TEX:
            tex = "".join(annotation.itertext()).strip()
            break
    if not tex:
        return
    parent = math.getparent()
    alone = (
        parent is not None
        and math.get("display") == "block"
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (math.tail or "").strip()
        and parent.tag not in {"p", "span", "a", "li", "td", "th"}
    )
    tail = math.tail
    for child in list(math):
        math.remove(child)
    for name in list(math.attrib):
        del math.attrib[name]
    if alone:
        math.tag = "pre"
        math.set("class", "language-math")
        math.text = tex
    else:
        math.tag = "code"
        math.text = tex
    math.tail = tail
