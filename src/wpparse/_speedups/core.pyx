# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""
The compiled content walk: the hot readers of :mod:`wpparse._content`, in C.

Each function here has a pure-Python twin with the same name and signature,
which stays the reference (the test suite runs in both modes and compares
them; see ``tests/test_speedups.py``).  The tree is lxml's: this module reads
``xmlNode`` and ``xmlAttr`` fields through lxml's public C API
(``lxml.includes.etreepublic``) and calls no libxml2 function, so it builds
with a C compiler, the Python headers and ``lxml.get_include()`` alone, and is
not tied to one libxml2 build.

Text is read as libxml2 stores it (UTF-8) and decoded once, at the end;
whitespace is Python's (``str.isspace``), letters ``str.isalpha``.  Every walk
is a loop over parent and sibling pointers: no recursion, however deep the tree.

What the walk needs to know of tags (which break lines, which hide their
content, which are bold, each one's role) comes from the pure-Python modules
through :func:`configure` and :func:`configure_walk`, so the two paths share
one vocabulary.  The blocks and pieces built here are the pure modules'
classes (:func:`configure_blocks`), their slots set through the same member
descriptors the pure builders store into; the module checks at import that
the classes have the fields it sets.

The readers: ``text_of``, ``facts``, ``anchor_of``, ``collapse``,
``read_element`` and ``read_link``.  The builders: ``walk`` (the walk over a
content's blocks), ``paragraph`` and ``plain_paragraph``, methods of the
walker and of ``Pieces`` when compiled.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.unicode cimport (
    Py_UCS1,
    Py_UCS2,
    PyUnicode_1BYTE_KIND,
    PyUnicode_2BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_DecodeUTF8,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    Py_UNICODE_ISALPHA,
    Py_UNICODE_ISSPACE,
)
from cpython.object cimport PyObject, PyTypeObject, Py_TYPE
from libc.string cimport memcpy, strcmp, strlen

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element, elementFactory, import_lxml__etree
from lxml.includes.tree cimport xmlAttr, xmlNode

import_lxml__etree()

__all__ = [
    "anchor_of",
    "collapse",
    "configure",
    "configure_blocks",
    "configure_links",
    "configure_paragraphs",
    "configure_walk",
    "configured",
    "facts",
    "paragraph",
    "plain_paragraph",
    "read_element",
    "read_link",
    "text_of",
    "walk",
]

# -- tags --------------------------------------------------------------------

# What a tag is, as bits; set by configure() from the pure-Python vocabulary.
cdef enum:
    T_NO_TEXT = 1       # NO_TEXT: its content is no text
    T_BREAK = 2         # in BREAK (the kind of break is in Entry.brk)
    T_BOLD = 4          # <strong>, <b>
    T_ITALIC = 8        # <em>, <i>, <cite>
    T_A = 16            # <a>
    T_BR = 32           # <br>
    T_SPECIAL = 64      # SPECIAL: its text needs more than the joined text nodes, or an image
    T_MEDIA = 128       # MEDIA_SET: an image or a player

# The shapes of element_text.text_shape.
cdef enum:
    PLAIN_TEXT = 0
    BR_TEXT = 1
    BLOCK_TEXT = 2

# The fact bits of vocabulary.Fact.
cdef enum:
    F_BOLD = 1
    F_ITALIC = 2
    F_LINKED = 4

cdef struct Entry:
    char* name      # NULL: a free slot
    int flags
    int brk         # BREAK[tag]: 1 a line, 2 a paragraph
    int role        # vocabulary.ROLE[tag] + 1 (configure_walk()), 0 for none: inline

# Open addressing, at most half full (configure() refuses more tags).
cdef enum:
    SLOTS = 512
cdef Entry _table[SLOTS]
cdef int _configured = 0
cdef int _br_value = 1
cdef object _font_bold = None   # the compiled regex of element_text._FONT_BOLD
cdef object _pure_text_of = None
cdef object _element_read = None  # element_text.ElementRead
cdef object _pure_read_element = None


cdef inline unsigned int _hash(const unsigned char* name) noexcept:
    cdef unsigned int h = 2166136261u
    while name[0]:
        h = (h ^ name[0]) * 16777619u
        name += 1
    return h


cdef Entry* _slot(const unsigned char* name) noexcept:
    """The slot of *name*: its entry, or the free slot where it would go."""
    cdef unsigned int i = _hash(name) & (SLOTS - 1)
    while _table[i].name != NULL and strcmp(_table[i].name, <const char*>name) != 0:
        i = (i + 1) & (SLOTS - 1)
    return &_table[i]


cdef inline Entry* _entry(xmlNode* node) noexcept:
    """The table entry of an element's tag, or NULL (a tag with a namespace never matches)."""
    if node.type != tree.XML_ELEMENT_NODE or node.ns != NULL or node.name == NULL:
        return NULL
    cdef Entry* e = _slot(node.name)
    return e if e.name != NULL else NULL


cdef inline int _flags(xmlNode* node) noexcept:
    cdef Entry* e = _entry(node)
    return e.flags if e != NULL else 0


cdef void _clear() noexcept:
    cdef int i
    for i in range(SLOTS):
        if _table[i].name != NULL:
            PyMem_Free(_table[i].name)
            _table[i].name = NULL
        _table[i].flags = 0
        _table[i].brk = 0
        _table[i].role = 0


cdef int _add(str tag, int flags, int brk) except -1:
    cdef bytes raw = tag.encode("utf-8")
    cdef Entry* e = _slot(raw)
    cdef size_t size
    if e.name == NULL:
        size = len(raw) + 1
        e.name = <char*>PyMem_Malloc(size)
        if e.name == NULL:
            raise MemoryError()
        memcpy(e.name, <const char*>raw, size)
    e.flags |= flags
    if brk:
        e.brk = brk
    return 0


def configure(
    *, no_text, breaks, bold, italic, br, font_bold, text_of,
    special=(), media=(), element_read=None, read_element=None,
):
    """
    Set the vocabulary of the walk: the pure-Python modules' own tables.

    *no_text*: tags whose content is no text; *breaks*: tag -> line break
    (1) or paragraph break (2); *bold*, *italic*: the tags that make text so;
    *br*: the value of a ``<br>`` break; *font_bold*: the regex that finds a
    bold ``style``; *text_of*: the pure function, for nodes that are no element;
    *special*, *media*: the tags :func:`read_element` looks for, and
    *element_read* the class it returns, *read_element* the pure function
    (for nodes that are no element).
    """
    global _configured, _font_bold, _br_value, _pure_text_of, _element_read, _pure_read_element
    tags = set(no_text) | set(breaks) | set(bold) | set(italic) | {"a", "br"}
    tags |= set(special) | set(media)
    if len(tags) > SLOTS // 2:
        raise ValueError(f"too many tags for the compiled walk: {len(tags)}")
    _configured = 0
    _clear()
    for tag in no_text:
        _add(tag, T_NO_TEXT, 0)
    for tag, brk in breaks.items():
        _add(tag, T_BREAK, int(brk))
    for tag in bold:
        _add(tag, T_BOLD, 0)
    for tag in italic:
        _add(tag, T_ITALIC, 0)
    for tag in special:
        _add(tag, T_SPECIAL, 0)
    for tag in media:
        _add(tag, T_MEDIA, 0)
    _builtin_tags()
    _add_roles()
    _br_value = int(br)
    _font_bold = font_bold
    _pure_text_of = text_of
    _element_read = element_read
    _pure_read_element = read_element
    _configured = 1


def configured():
    """Whether :func:`configure` has run."""
    return bool(_configured)


cdef int _builtin_tags() except -1:
    """The tags the module knows without configure(): anchor_of and collapse need no more."""
    _add("a", T_A, 0)
    _add("br", T_BR, 0)
    return 0


_builtin_tags()


cdef inline int _check() except -1:
    if not _configured:
        raise RuntimeError("wpparse._speedups.core.configure() was not called")
    return 0


# -- nodes -------------------------------------------------------------------

cdef inline bint _is_text(xmlNode* node) noexcept:
    return node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE


cdef inline bint _is_element_like(xmlNode* node) noexcept:
    """What lxml counts in len(el) and iterates: elements, comments, PIs, entity references."""
    return (
        node.type == tree.XML_ELEMENT_NODE
        or node.type == tree.XML_COMMENT_NODE
        or node.type == tree.XML_PI_NODE
        or node.type == tree.XML_ENTITY_REF_NODE
    )


cdef inline xmlNode* _element_like(xmlNode* node) noexcept:
    while node != NULL and not _is_element_like(node):
        node = node.next
    return node


cdef inline xmlNode* _element(xmlNode* node) noexcept:
    """*node* or its first next sibling that is an element (what iterwalk visits)."""
    while node != NULL and node.type != tree.XML_ELEMENT_NODE:
        node = node.next
    return node


cdef inline bint _has_children(xmlNode* node) noexcept:
    """len(node) > 0, as lxml counts."""
    return _element_like(node.children) != NULL


cdef bint _has_attribute(xmlNode* node, const char* name) noexcept:
    """node.get(name) is not None: an attribute without a namespace of that name."""
    cdef xmlAttr* attr = node.properties
    while attr != NULL:
        if attr.ns == NULL and strcmp(<const char*>attr.name, name) == 0:
            return True
        attr = attr.next
    return False


cdef object _attribute(xmlNode* node, const char* name):
    """node.get(name): the value of the attribute without a namespace, else None."""
    cdef xmlAttr* attr = node.properties
    cdef xmlNode* child
    cdef _Buffer buf
    while attr != NULL:
        if attr.ns == NULL and strcmp(<const char*>attr.name, name) == 0:
            break
        attr = attr.next
    if attr == NULL:
        return None
    child = attr.children
    if child == NULL:
        return ""
    if child.next == NULL and _is_text(child):
        return _decode(child.content, -1)
    _init(&buf)
    try:
        while child != NULL:
            if _is_text(child) and child.content != NULL:
                _append(&buf, child.content, -1)
            child = child.next
        return PyUnicode_DecodeUTF8(buf.data, buf.length, NULL)
    finally:
        _release(&buf)


cdef inline object _decode(const unsigned char* text, Py_ssize_t length):
    if text == NULL:
        return ""
    if length < 0:
        length = strlen(<const char*>text)
    return PyUnicode_DecodeUTF8(<const char*>text, length, NULL)


# -- a growing buffer --------------------------------------------------------

cdef struct _Buffer:
    char* data
    Py_ssize_t length
    Py_ssize_t size


cdef inline void _init(_Buffer* buf) noexcept:
    buf.data = NULL
    buf.length = 0
    buf.size = 0


cdef inline void _release(_Buffer* buf) noexcept:
    PyMem_Free(buf.data)
    buf.data = NULL


cdef int _grow(_Buffer* buf, Py_ssize_t more) except -1:
    cdef Py_ssize_t size = buf.size * 2 if buf.size else 256
    cdef char* data
    while size < buf.length + more:
        size *= 2
    data = <char*>PyMem_Realloc(buf.data, size)
    if data == NULL:
        raise MemoryError()
    buf.data = data
    buf.size = size
    return 0


cdef inline int _append(_Buffer* buf, const unsigned char* text, Py_ssize_t length) except -1:
    if length < 0:
        length = strlen(<const char*>text)
    if buf.length + length > buf.size:
        _grow(buf, length)
    memcpy(buf.data + buf.length, text, length)
    buf.length += length
    return 0


# -- UTF-8 -------------------------------------------------------------------

cdef inline Py_UCS4 _char(const unsigned char* s, int* width) noexcept:
    """The code point at *s* (UTF-8, as libxml2 stores text) and its width in bytes."""
    cdef unsigned char c = s[0]
    if c < 0x80:
        width[0] = 1
        return c
    if c < 0xE0 and (s[1] & 0xC0) == 0x80:
        width[0] = 2
        return ((c & 0x1F) << 6) | (s[1] & 0x3F)
    if c < 0xF0 and (s[1] & 0xC0) == 0x80 and (s[2] & 0xC0) == 0x80:
        width[0] = 3
        return ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F)
    if (s[1] & 0xC0) == 0x80 and (s[2] & 0xC0) == 0x80 and (s[3] & 0xC0) == 0x80:
        width[0] = 4
        return ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F)
    # Not UTF-8: one byte, which the final decoding refuses as lxml would.
    width[0] = 1
    return 0xFFFD


cdef inline bint _space(Py_UCS4 ch) noexcept:
    if ch < 0x80:
        return ch == 0x20 or (0x09 <= ch <= 0x0D) or (0x1C <= ch <= 0x1F)
    return Py_UNICODE_ISSPACE(ch)


# -- text: element_text.finish over a stream of text and breaks --------------

cdef struct _Lines:
    _Buffer out
    bint in_line        # the current line has a visible character
    bint space          # whitespace since its last visible character
    int pending         # the strongest break since the last line written


cdef inline void _lines_init(_Lines* lines) noexcept:
    _init(&lines.out)
    lines.in_line = False
    lines.space = False
    lines.pending = 0


cdef int _text(_Lines* lines, const unsigned char* s) except -1:
    """Add text: whitespace collapsed within the line, as finish() joins and collapses."""
    cdef int width
    cdef Py_UCS4 ch
    cdef const unsigned char* start
    if s == NULL:
        return 0
    while s[0]:
        ch = _char(s, &width)
        if _space(ch):
            if lines.in_line:
                lines.space = True
            s += width
            continue
        if not lines.in_line:
            if lines.out.length:
                if lines.pending == 2:
                    _append(&lines.out, <const unsigned char*>"\n\n", 2)
                else:
                    _append(&lines.out, <const unsigned char*>"\n", 1)
            lines.pending = 0
            lines.in_line = True
            lines.space = False
        elif lines.space:
            _append(&lines.out, <const unsigned char*>" ", 1)
            lines.space = False
        # The run of visible characters, copied at once.
        start = s
        s += width
        while s[0]:
            ch = _char(s, &width)
            if _space(ch):
                break
            s += width
        _append(&lines.out, start, s - start)
    return 0


cdef inline void _break(_Lines* lines, int brk) noexcept:
    """A line break marker (finish()'s ints)."""
    if lines.in_line:
        lines.in_line = False
        lines.space = False
        lines.pending = brk
    elif brk > lines.pending:
        lines.pending = brk


cdef object _lines_result(_Lines* lines):
    return PyUnicode_DecodeUTF8(lines.out.data, lines.out.length, NULL)


cdef int _text_run(_Lines* lines, xmlNode* node) except -1:
    """lxml's .text (of a first child) or .tail (of a next sibling): the consecutive text nodes."""
    while node != NULL and _is_text(node):
        _text(lines, node.content)
        node = node.next
    return 0


cdef int _all_text(_Lines* lines, xmlNode* top, bint brs) except -1:
    """
    Every text node under *top* in document order (``tostring(method="text")``,
    or the XPath ``.//text() | .//br`` when *brs*: ``<br>`` is a line break).
    """
    cdef xmlNode* node = top.children
    while node != NULL:
        if _is_text(node):
            _text(lines, node.content)
        elif brs and node.type == tree.XML_ELEMENT_NODE and _flags(node) & T_BR:
            _break(lines, _br_value)
        if node.children != NULL and node.type != tree.XML_ENTITY_REF_NODE:
            node = node.children
            continue
        while node.next == NULL:
            node = node.parent
            if node == top or node == NULL:
                return 0
        node = node.next
    return 0


cdef inline int _start(_Lines* lines, xmlNode* node) except -1:
    """start(node) of _collect: its break, then its text unless it hides it; 1 to descend."""
    cdef Entry* e = _entry(node)
    if e != NULL and e.flags & T_BREAK:
        _break(lines, e.brk)
    if e != NULL and e.flags & T_NO_TEXT:
        return 0
    _text_run(lines, node.children)
    return 1


cdef int _collect(_Lines* lines, xmlNode* top) except -1:
    """element_text.collect: the elements under *top*, as iterwalk visits them."""
    cdef xmlNode* node = top
    cdef xmlNode* child
    cdef Entry* e
    cdef bint descend
    # start(top): it is no break of its own; its text unless it hides it.
    descend = not (_flags(top) & T_NO_TEXT)
    if descend:
        _text_run(lines, top.children)
    while True:
        child = _element(node.children) if descend else NULL
        if child != NULL:
            node = child
            descend = _start(lines, node)
            continue
        # end(node), then on to the next element.
        while True:
            if node == top:
                return 0
            e = _entry(node)
            if e != NULL and e.flags & T_BREAK and not (e.flags & T_BR):
                _break(lines, e.brk)
            _text_run(lines, node.next)
            child = _element(node.next)
            if child != NULL:
                node = child
                descend = _start(lines, node)
                break
            node = node.parent


cdef int _shape(xmlNode* top) noexcept:
    """element_text.text_shape."""
    cdef int flags = _flags(top)
    cdef int shape = PLAIN_TEXT
    cdef xmlNode* node
    if flags & T_NO_TEXT:
        return BLOCK_TEXT
    node = top.children
    while node != NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            flags = _flags(node)
            if flags & (T_BREAK | T_NO_TEXT):
                if not (flags & T_BR):
                    return BLOCK_TEXT
                shape = BR_TEXT
        if node.children != NULL and node.type != tree.XML_ENTITY_REF_NODE:
            node = node.children
            continue
        while node.next == NULL:
            node = node.parent
            if node == top or node == NULL:
                return shape
        node = node.next
    return shape


cdef object _text_of(xmlNode* top, int how):
    """text_of of an element, *how* its shape (-1: not known yet)."""
    cdef _Lines lines
    _lines_init(&lines)
    try:
        if not _has_children(top):
            _text_run(&lines, top.children)
        else:
            if how < 0:
                how = _shape(top)
            if how == PLAIN_TEXT or how == BR_TEXT:
                _all_text(&lines, top, how == BR_TEXT)
            else:
                _collect(&lines, top)
        return _lines_result(&lines)
    finally:
        _release(&lines.out)


def text_of(_Element el not None, *, shape=None):
    """
    The plain text of *el*: entities decoded, whitespace collapsed within lines.

    As ``wpparse._content.element_text.text_of``; *shape* is its
    ``text_shape(el)`` when the caller knows it.
    """
    cdef xmlNode* top = el._c_node
    cdef int how = -1
    _check()
    if top.type != tree.XML_ELEMENT_NODE:
        return _pure_text_of(el, shape=shape)
    if shape is not None:
        how = shape if shape in (PLAIN_TEXT, BR_TEXT) else BLOCK_TEXT
    return _text_of(top, how)


# -- formatting facts --------------------------------------------------------

cdef int _is_bold(xmlNode* node) except -1:
    """element_text._is_bold: a bold tag, or a bold font-weight in its style."""
    if node.type != tree.XML_ELEMENT_NODE:
        return False
    if _flags(node) & T_BOLD:
        return True
    style = _attribute(node, "style")
    return style is not None and _font_bold.search(style) is not None


cdef inline bint _is_italic(xmlNode* node) noexcept:
    return (_flags(node) & T_ITALIC) != 0


cdef inline bint _is_link(xmlNode* node) noexcept:
    return (_flags(node) & T_A) != 0 and _has_attribute(node, "href")


cdef struct _Facts:
    int flags           # what still holds: F_BOLD | F_ITALIC | F_LINKED


cdef void _run(_Facts* facts, const unsigned char* s, bint bold, bint italic, bint linked) noexcept:
    """One run of text (element_text._flags): a letter outside bold ends BOLD; visible text outside italic ends ITALIC ..."""
    cdef int width
    cdef Py_UCS4 ch
    cdef bint visible = False
    if s == NULL:
        return
    while s[0]:
        ch = _char(s, &width)
        s += width
        if _space(ch):
            continue
        visible = True
        if bold or not (facts.flags & F_BOLD):
            break
        if Py_UNICODE_ISALPHA(ch):
            facts.flags &= ~F_BOLD
            break
    if visible:
        if not italic:
            facts.flags &= ~F_ITALIC
        if not linked:
            facts.flags &= ~F_LINKED


cdef int _runs(_Facts* facts, xmlNode* node, bint bold, bint italic, bint linked) except -1:
    """lxml's .text or .tail as one run: the consecutive text nodes from *node*."""
    cdef _Buffer buf
    if node == NULL or not _is_text(node):
        return 0
    if node.next == NULL or not _is_text(node.next):
        _run(facts, node.content, bold, italic, linked)
        return 0
    # Several text nodes make one string in lxml (rare: libxml2 merges them).
    _init(&buf)
    try:
        while node != NULL and _is_text(node):
            if node.content != NULL:
                _append(&buf, node.content, -1)
            node = node.next
        _append(&buf, <const unsigned char*>"\0", 1)
        _run(facts, <const unsigned char*>buf.data, bold, italic, linked)
    finally:
        _release(&buf)
    return 0


cdef int _flat_facts(_Facts* facts, xmlNode* top) except -1:
    """element_text._flat_runs: children without children, one pass."""
    cdef bint bold = _is_bold(top)
    cdef bint italic = _is_italic(top)
    cdef bint linked = _is_link(top)
    cdef xmlNode* child = _element_like(top.children)
    _runs(facts, top.children, bold, italic, linked)
    while child != NULL:
        if child.type == tree.XML_ELEMENT_NODE:
            if not (_flags(child) & T_NO_TEXT):
                _runs(
                    facts,
                    child.children,
                    bold or _is_bold(child),
                    italic or _is_italic(child),
                    linked or _is_link(child),
                )
        elif child.type == tree.XML_COMMENT_NODE or child.type == tree.XML_PI_NODE:
            # lxml's .text of a comment or a processing instruction is its content.
            _run(facts, child.content, bold, italic, linked)
        _runs(facts, child.next, bold, italic, linked)
        child = _element_like(child.next)
    return 0


cdef int _walk_facts(_Facts* facts, xmlNode* top) except -1:
    """element_text.facts: the iterwalk, counting bold, italic and link depth."""
    cdef xmlNode* node = top
    cdef xmlNode* child
    cdef int bold = 0, italic = 0, linked = 0
    cdef bint descend
    # start(top)
    bold += _is_bold(top)
    italic += _is_italic(top)
    linked += _is_link(top)
    descend = not (_flags(top) & T_NO_TEXT)
    if descend:
        _runs(facts, top.children, bold > 0, italic > 0, linked > 0)
    while True:
        child = _element(node.children) if descend else NULL
        if child != NULL:
            node = child
            bold += _is_bold(node)
            italic += _is_italic(node)
            linked += _is_link(node)
            descend = not (_flags(node) & T_NO_TEXT)
            if descend:
                _runs(facts, node.children, bold > 0, italic > 0, linked > 0)
            continue
        while True:
            # end(node)
            bold -= _is_bold(node)
            italic -= _is_italic(node)
            linked -= _is_link(node)
            if node == top:
                return 0
            _runs(facts, node.next, bold > 0, italic > 0, linked > 0)
            child = _element(node.next)
            if child != NULL:
                node = child
                bold += _is_bold(node)
                italic += _is_italic(node)
                linked += _is_link(node)
                descend = not (_flags(node) & T_NO_TEXT)
                if descend:
                    _runs(facts, node.children, bold > 0, italic > 0, linked > 0)
                break
            node = node.parent


cdef int _facts(xmlNode* top) except -1:
    cdef xmlNode* child
    cdef _Facts found
    cdef bint flat
    found.flags = F_BOLD | F_ITALIC | F_LINKED
    flat = not (_flags(top) & T_NO_TEXT)
    if flat:
        child = _element_like(top.children)
        while child != NULL:
            if _has_children(child):
                flat = False
                break
            child = _element_like(child.next)
    if flat:
        _flat_facts(&found, top)
    else:
        _walk_facts(&found, top)
    return found.flags


def facts(_Element el not None):
    """
    BOLD / ITALIC / LINKED facts of a short paragraph: which cover all its text.

    As ``wpparse._content.element_text.facts``.
    """
    _check()
    return _facts(el._c_node)


# -- whitespace ----------------------------------------------------------------


ctypedef fused _Unit:
    Py_UCS1
    Py_UCS2
    Py_UCS4


cdef inline bint _clean(const _Unit* units, Py_ssize_t n) noexcept:
    """
    Whether the text is collapsed already: no whitespace but single spaces,
    none at either end.  Most characters are over U+0020 and under U+0085,
    the first whitespace past the ASCII controls: one compare each, in a loop
    of its own for each width of str.
    """
    cdef Py_ssize_t i
    cdef unsigned int ch  # a number, not Cython's character type
    cdef bint after_space = True  # a space first is one at an end
    for i in range(n):
        ch = units[i]
        if ch - 0x21 < 0x64:  # U+0021 to U+0084 (below wraps around)
            after_space = False
        elif ch == 0x20:
            if after_space:
                return False
            after_space = True
        elif _space(<Py_UCS4>ch):
            return False
        else:
            after_space = False
    return not after_space or n == 0


def collapse(str text not None):
    """
    Collapse runs of whitespace to one space and strip the ends (``" ".join(text.split())``).

    As ``wpparse._text.collapse``.
    """
    return _collapse(text)


cdef object _collapse(str text):
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef bint clean
    if kind == PyUnicode_1BYTE_KIND:
        clean = _clean(<const Py_UCS1*>data, n)
    elif kind == PyUnicode_2BYTE_KIND:
        clean = _clean(<const Py_UCS2*>data, n)
    else:
        clean = _clean(<const Py_UCS4*>data, n)
    if clean and type(text) is str:
        return text
    return " ".join(text.split())


# -- a paragraph or a heading in one pass --------------------------------------


cdef object _id_of(xmlNode* node):
    """``node.get("id") or (node.get("name") if node.tag == "a" else None)``, as anchor_of reads it."""
    ident = _attribute(node, "id") if node.type == tree.XML_ELEMENT_NODE else None
    if not ident and _flags(node) & T_A:
        ident = _attribute(node, "name")
    return ident


cdef object _anchor_of(xmlNode* top):
    """vocabulary.anchor_of: the id of *top* (a name, for an <a>), else the first one inside."""
    cdef xmlNode* node
    ident = _id_of(top)
    if ident:
        return ident.strip() or None
    node = top.children
    while node != NULL:
        if node.type == tree.XML_ELEMENT_NODE and node.properties != NULL:
            ident = _id_of(node)
            if ident:
                ident = ident.strip()
                if ident:
                    return ident
        if node.children != NULL and node.type != tree.XML_ENTITY_REF_NODE:
            node = node.children
            continue
        while node.next == NULL:
            node = node.parent
            if node == top or node == NULL:
                return None
        node = node.next
    return None


def anchor_of(_Element el not None):
    """
    The id of *el* (or its ``name``, for an ``<a>``), else the first id or ``<a name>`` inside it.

    As ``wpparse._content.vocabulary.anchor_of``.
    """
    return _anchor_of(el._c_node)


cdef bint _blank_text(xmlNode* node) noexcept:
    """Whether lxml's .text from *node* (a first child) is None, "" or whitespace."""
    cdef const unsigned char* s
    cdef int width
    while node != NULL and _is_text(node):
        s = node.content
        if s != NULL:
            while s[0]:
                if not _space(_char(s, &width)):
                    return False
                s += width
        node = node.next
    return True


cdef object _run_in_lead(xmlNode* top, str text):
    """element_text.run_in_lead: the bold phrase a paragraph opens with."""
    cdef xmlNode* first = _element_like(top.children)
    if first == NULL or first.type != tree.XML_ELEMENT_NODE or not (_flags(first) & T_BOLD):
        return None
    if not _blank_text(top.children):
        return None
    lead = _text_of(first, -1)
    if "\n" in lead:
        lead = " ".join(lead.split())
    if not lead or len(lead) >= len(text):
        return None
    return lead


def read_element(_Element el not None, Py_ssize_t short):
    """
    A paragraph or a heading in one pass: its text, ``<a>`` descendants, media,
    facts, lead and anchor.

    As ``wpparse._content.element_text.read_element`` (an ``ElementRead``).
    """
    cdef xmlNode* top = el._c_node
    cdef xmlNode* node
    cdef int flags
    cdef int shape = PLAIN_TEXT
    cdef bint media = False
    _check()
    if _element_read is None:
        raise RuntimeError("configure() was given no element_read class")
    if top.type != tree.XML_ELEMENT_NODE:
        return _pure_read_element(el, short)
    found = []
    node = top.children
    while node != NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            flags = _flags(node)
            if flags & T_A:
                found.append(elementFactory(el._doc, node))
            elif flags & T_SPECIAL:
                if flags & T_MEDIA:
                    media = True
                if flags & T_BR:
                    if shape == PLAIN_TEXT:
                        shape = BR_TEXT
                elif flags & (T_BREAK | T_NO_TEXT):
                    shape = BLOCK_TEXT
        if node.children != NULL and node.type != tree.XML_ENTITY_REF_NODE:
            node = node.children
            continue
        while node != top and node.next == NULL:
            node = node.parent
        if node == top:
            break
        node = node.next
    text = _text_of(top, shape)
    if not text:
        return _element_read(text, found, media, 0, None, _attribute(top, "id"))
    lead = _run_in_lead(top, text) if _has_children(top) else None
    if len(text) > short:
        return _element_read(text, found, media, 0, lead, _attribute(top, "id"))
    return _element_read(text, found, media, _facts(top), lead, _anchor_of(top))


# -- a plain paragraph, read and built in one call -------------------------------

# What plain_paragraph builds, from the pure-Python modules (configure_blocks()):
# the classes, the slots of their fields (member descriptors, set through
# their C setter as the pure builders' plain stores do), and the values a
# paragraph block leaves at their defaults.
cdef object _block_type = None
cdef object _piece_type = None
cdef tuple _block_slots = None     # the descriptors of Block's fields, in order
cdef list _block_values = None     # a paragraph's field values; text and html set per call
cdef Py_ssize_t _text_at = -1, _html_at = -1, _links_at = -1, _lead_at = -1
cdef Py_ssize_t _short = 0          # pseudo_headings.MAX_TITLE_CHARS: paragraph()'s read_element limit
cdef int _media_flag = 0, _breaks_flag = 0
cdef object _pure_paragraph = None  # Pieces.paragraph, the reference
cdef object _piece_block = None, _piece_flags = None, _piece_anchor = None
cdef object _later_html = None     # later.html_of: partial(_later_html, later, index) serialises
cdef object _partial = None
cdef object _caption_hint = None   # vocabulary.is_caption_hint
cdef object _caption_flag = None   # vocabulary.CAPTION
cdef tuple _no_args = ()


def configure_blocks(*, block, fields, paragraph, piece, later_html, partial, caption_hint, caption):
    """
    Set what :func:`plain_paragraph` builds: the :class:`Block` class and its
    field names in order, a dict of a paragraph block's other field values
    (``kind`` and the defaults), the ``Piece`` class, ``later.html_of``,
    :class:`functools.partial`, ``is_caption_hint`` and the ``CAPTION`` flag.
    """
    global _block_type, _piece_type, _block_slots, _block_values, _text_at, _html_at, _links_at, _lead_at
    global _piece_block, _piece_flags, _piece_anchor, _later_html, _partial, _caption_hint, _caption_flag
    fields = tuple(fields)
    slots = tuple(_slot_of(block, name) for name in fields)
    member = type(_class_slot(piece, "block"))
    if (
        fields != tuple(field.name for field in block.__attrs_attrs__)
        or not all(type(slot) is member for slot in slots)
        or set(paragraph) | {"text", "html"} != set(fields)
    ):
        raise TypeError("Block has changed: update wpparse._speedups.core.configure_blocks")
    _block_slots = slots
    _block_values = [paragraph.get(name) for name in fields]
    _text_at, _html_at = fields.index("text"), fields.index("html")
    _links_at, _lead_at = fields.index("links"), fields.index("lead")
    _piece_block = _class_slot(piece, "block")
    _piece_flags = _class_slot(piece, "flags")
    _piece_anchor = _class_slot(piece, "anchor")
    _block_type, _piece_type = block, piece
    _later_html, _partial = later_html, partial
    _caption_hint, _caption_flag = caption_hint, caption


cdef object _class_slot(object cls, str name):
    """The slot *name* of *cls* or of a class it derives from."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    raise TypeError(f"{cls.__name__} has no slot {name}")


cdef object _slot_of(object cls, str name):
    """The member descriptor of *cls*'s field *name* (Block.html reads as its slot from the class)."""
    return getattr(cls, name)


cdef inline int _store(object descr, object obj, object value) except -1:
    return Py_TYPE(descr).tp_descr_set(descr, obj, value)


cdef object _new(object cls):
    return (<PyTypeObject*>cls).tp_new(<type>cls, <PyObject*>_no_args, NULL)


def plain_paragraph(self, _Element el not None):
    """
    A ``<p>`` without children, read and built: as ``Pieces.plain_paragraph``.
    """
    cdef xmlNode* top = el._c_node
    if _block_type is None:
        raise RuntimeError("wpparse._speedups.core.configure_blocks() was not called")
    if top.type != tree.XML_ELEMENT_NODE or _has_children(top):
        raise ValueError("plain_paragraph() reads an element without children")
    _plain(self, top, el, el._doc)


# -- the walk over a content's blocks -------------------------------------------

# What walk() needs of wpparse._content.vocabulary (configure_walk()): each
# tag's role, and the roles it treats itself.
cdef dict _roles_config = {}     # tag -> int(role)
cdef tuple _role_objects = ()    # int(role) -> the Role member
cdef int _r_inline = -1, _r_transparent = -1, _r_list = -1, _r_figure = -1, _r_table = -1


cdef int _add_roles() except -1:
    """Put the configured roles in the tag table (again, after configure() cleared it)."""
    cdef bytes raw
    cdef Entry* e
    for tag, role in _roles_config.items():
        _add(tag, 0, 0)
        raw = tag.encode("utf-8")
        e = _slot(raw)
        e.role = <int>role + 1
    return 0


def configure_walk(*, role, roles, inline, transparent, list_role, figure, table):
    """
    Set the roles :func:`walk` reads: *role* maps a tag to its role (an int
    enum), *roles* is every role (its members in value order from 0), and
    the five it treats itself.
    """
    global _roles_config, _role_objects, _r_inline, _r_transparent, _r_list, _r_figure, _r_table
    members = tuple(roles)
    if [int(member) for member in members] != list(range(len(members))):
        raise ValueError("the roles must be the values 0, 1, 2, ... in order")
    if len(set(role) | set(_roles_config)) > SLOTS // 4:
        raise ValueError(f"too many tags for the compiled walk: {len(role)}")
    _roles_config = {str(tag): int(value) for tag, value in role.items()}
    _role_objects = members
    _r_inline, _r_transparent = int(inline), int(transparent)
    _r_list, _r_figure, _r_table = int(list_role), int(figure), int(table)
    _add_roles()


cdef inline int _role(xmlNode* node) noexcept:
    """The role of an element (ROLE.get(tag, INLINE)); -1 for a node that is no element."""
    if node.type != tree.XML_ELEMENT_NODE:
        return -1
    cdef Entry* e = _entry(node)
    if e == NULL or e.role == 0:
        return _r_inline
    return e.role - 1


cdef object _collect_text(xmlNode* node):
    """lxml's ``.text`` (from a first child) or ``.tail`` (from a next sibling): None without text nodes."""
    cdef xmlNode* first = node
    cdef Py_ssize_t count = 0
    cdef _Buffer buf
    while node != NULL and _is_text(node):
        count += 1
        node = node.next
    if count == 0:
        return None
    if count == 1:
        return _decode(first.content, -1)
    _init(&buf)
    try:
        node = first
        while node != NULL and _is_text(node):
            if node.content != NULL:
                _append(&buf, node.content, -1)
            node = node.next
        return PyUnicode_DecodeUTF8(buf.data, buf.length, NULL)
    finally:
        _release(&buf)


cdef inline bint _has_text(xmlNode* node) noexcept:
    """Whether lxml's .text/.tail from *node* is a non-empty string."""
    cdef const unsigned char* content
    while node != NULL and _is_text(node):
        content = node.content
        if content != NULL and content[0] != 0:
            return True
        node = node.next
    return False


cdef int _plain(object pieces, xmlNode* top, _Element top_el, object doc) except -1:
    """
    Pieces.plain_paragraph for *top*, a <p> without children: its block and
    piece built here; its proxy (*top_el*, or made now) only when its HTML
    needs the element (a <p> with attributes).
    """
    raw = _collect_text(top.children)  # el.text: its children are text nodes
    text = _collapse(raw) if raw else ""
    if not raw or not text:
        pieces.marker = _attribute(top, "id") or pieces.marker
        return 0
    pieces.marker = None
    later = pieces.later
    sources = later.sources
    if sources is None:
        raise RuntimeError("the content's HTML was serialised already")
    if top.properties != NULL:
        hint = _attribute(top, "class")
        flags = _caption_flag if hint and _caption_hint(hint) else 0
        sources.append(top_el if top_el is not None else elementFactory(doc, top))
        anchor = _attribute(top, "id")
    else:
        flags, anchor = 0, None
        sources.append(raw)
    html = _partial(_later_html, later, len(sources) - 1)
    _add_piece(pieces, _paragraph_block(text, html, (), None), flags, anchor)
    return 0


cdef object _paragraph_block(object text, object html, object links, object lead):
    """paragraph_block(text, html, links, lead): its slots set through their C setters."""
    cdef Py_ssize_t i
    block = _new(_block_type)
    for i in range(len(_block_slots)):
        if i == _text_at:
            _store(_block_slots[i], block, text)
        elif i == _html_at:
            _store(_block_slots[i], block, html)
        elif i == _links_at:
            _store(_block_slots[i], block, links)
        elif i == _lead_at:
            _store(_block_slots[i], block, lead)
        else:
            _store(_block_slots[i], block, _block_values[i])
    return block


cdef int _add_piece(object pieces, object block, object flags, object anchor) except -1:
    """Pieces.add of a paragraph block with text: the marker ends, its piece is appended."""
    pieces.marker = None
    piece = _new(_piece_type)
    _store(_piece_block, piece, block)
    _store(_piece_flags, piece, flags)
    _store(_piece_anchor, piece, anchor)
    pieces.pieces.append(piece)
    return 0


def configure_paragraphs(*, paragraph, title_chars, media, breaks):
    """
    Set what :func:`paragraph` needs beyond :func:`configure_blocks`: the pure
    ``Pieces.paragraph`` (for a node that is no element), the limit it reads
    facts under (*title_chars*: ``MAX_TITLE_CHARS``) and the ``MEDIA`` and ``BREAKS`` flags.
    """
    global _pure_paragraph, _short, _media_flag, _breaks_flag
    _pure_paragraph = paragraph
    _short, _media_flag, _breaks_flag = int(title_chars), int(media), int(breaks)


def paragraph(self, _Element el not None):
    """A ``<p>`` (with children or not), read and built: as ``Pieces.paragraph``."""
    cdef xmlNode* top = el._c_node
    cdef int flags
    if _block_type is None or _pure_paragraph is None:
        raise RuntimeError("wpparse._speedups.core.configure_paragraphs() was not called")
    if top.type != tree.XML_ELEMENT_NODE:
        return _pure_paragraph(self, el)
    if not _has_children(top):
        _plain(self, top, el, el._doc)
        return
    text, found, has_media, flags, lead, anchor = read_element(el, _short)
    links = self.read_links(found)
    if not text:
        if has_media:
            self.media(el, links)
        else:
            self.marker = _anchor_of(top) or self.marker
        return
    if has_media:
        flags |= _media_flag
    if "\n" in text:  # a line break between text, not a trailing <br>
        flags |= _breaks_flag
    hint = _attribute(top, "class")
    if hint and _caption_hint(hint):
        flags |= <int>_caption_flag
    sources = self.later.sources
    if sources is None:
        raise RuntimeError("the content's HTML was serialised already")
    sources.append(el)
    html = _partial(_later_html, self.later, len(sources) - 1)
    _add_piece(self, _paragraph_block(text, html, links, lead), flags, anchor)


cdef inline bint _is_plain_p(xmlNode* node) noexcept:
    """tag == "p" and not len(el): a <p> without a namespace and without children."""
    return (
        node.type == tree.XML_ELEMENT_NODE
        and node.ns == NULL
        and node.name != NULL
        and node.name[0] == c'p'
        and node.name[1] == 0
        and not _has_children(node)
    )


cdef inline bint _is_div(xmlNode* node) noexcept:
    return node.ns == NULL and strcmp(<const char*>node.name, "div") == 0


cdef inline bint _is_a(xmlNode* node) noexcept:
    return node.ns == NULL and strcmp(<const char*>node.name, "a") == 0


def walk(self, _Element body not None):
    """
    As ``_Walker.walk``: walk *body*'s children without recursion, emitting pieces in order.

    The tree is only read (the walk and what it calls change nothing), so the
    nodes ahead are held as libxml2 pointers: a proxy is made only for an
    element handed to Python (a block, inline content, a wrapper's card link).
    """
    cdef xmlNode* node
    cdef xmlNode* nxt
    cdef int role
    cdef list stack_nodes = []   # the next node of each level above, as ints
    cdef list run
    cdef list tails
    cdef object doc = body._doc
    cdef _Element child
    if _block_type is None or _r_inline < 0:
        raise RuntimeError("wpparse._speedups.core.configure_blocks()/configure_walk() was not called")
    out = self.out
    run = self.run
    tails = self.tails
    text = body.text
    if text and not text.isspace():
        run.append(text)
    holders = None  # found on first use: see _Walker.block_holders
    node = _element_like(body._c_node.children)
    while True:
        while node != NULL:
            nxt = _element_like(node.next)
            if _is_plain_p(node):
                if run:
                    self.flush()
                _plain(out, node, None, doc)
            else:
                role = _role(node)
                child = None
                if role == _r_inline:
                    child = elementFactory(doc, node)
                    if holders is None:
                        holders = self.block_holders()
                    if holders and child in holders:
                        role = <int>self.holder_role(child)
                    else:
                        run.append(child)
                        role = -1
                elif role == _r_transparent:
                    if _is_div(node) and _attribute(node, "class") is not None:
                        child = elementFactory(doc, node)
                        role = <int>self.refine(child, "div", _role_objects[role])
                elif role == _r_list or role == _r_figure or role == _r_table:
                    child = elementFactory(doc, node)
                    role = <int>self.refine(child, child.tag, _role_objects[role])
                if role >= 0:
                    if role == _r_transparent:
                        # enter(): end the run, a card's link, the wrapper's own
                        # text; its tail waits for the end of its children.
                        if run:
                            self.flush()
                        if _is_a(node):
                            if child is None:
                                child = elementFactory(doc, node)
                            self.card_link(child)
                        text = _collect_text(node.children)
                        if text and not text.isspace():
                            run.append(text)
                        tails.append(_collect_text(node.next))
                        stack_nodes.append(<Py_ssize_t>nxt)
                        node = _element_like(node.children)
                        continue
                    if run:
                        self.flush()
                    if child is None:
                        child = elementFactory(doc, node)
                    out.block(child, _role_objects[role])
            if _has_text(node.next):
                tail = _collect_text(node.next)
                if run or not tail.isspace():
                    run.append(tail)
            node = nxt
        # The wrapper is read: what follows it is loose text again.
        if run:
            self.flush()
        if not stack_nodes:
            return
        node = <xmlNode*><Py_ssize_t>stack_nodes.pop()
        tail = tails.pop()
        if tail and not tail.isspace():
            run.append(tail)


# -- a link -------------------------------------------------------------------

cdef object _pure_read_link = None      # blocks.read_link, the reference
cdef object _pure_bounded_text = None   # blocks._bounded_text
cdef Py_ssize_t _link_nodes = 0, _link_chars = 0


def configure_links(*, read_link, bounded_text, link_nodes, link_chars):
    """
    Set what :func:`read_link` falls back on (the pure ``read_link`` and
    ``_bounded_text``) and its bounds (``LINK_NODES``, ``LINK_CHARS``).
    """
    global _pure_read_link, _pure_bounded_text, _link_nodes, _link_chars
    _pure_read_link, _pure_bounded_text = read_link, bounded_text
    _link_nodes, _link_chars = int(link_nodes), int(link_chars)


cdef int _special_within(xmlNode* top, Py_ssize_t limit) noexcept:
    """
    ``any(n.tag in SPECIAL for n in islice(top.iterdescendants(), limit))``:
    1 or 0; -1 on an entity reference (the pure function reads those).
    """
    cdef xmlNode* node = top.children
    cdef Py_ssize_t seen = 0
    while node != NULL:
        if _is_element_like(node):
            if node.type == tree.XML_ENTITY_REF_NODE:
                return -1
            if seen == limit:
                return 0
            seen += 1
            if node.type == tree.XML_ELEMENT_NODE and _flags(node) & T_SPECIAL:
                return 1
        if node.children != NULL and node.type == tree.XML_ELEMENT_NODE:
            node = node.children
            continue
        while node.next == NULL:
            node = node.parent
            if node == top or node == NULL:
                return 0
        node = node.next
    return 0


cdef object _joined_text(xmlNode* top):
    """
    ``etree.tostring(top, method="text", with_tail=False)``: every text node
    under *top*, as it is; ``None`` on an entity reference (the pure function
    reads those).
    """
    cdef xmlNode* node = top.children
    cdef _Buffer buf
    _init(&buf)
    try:
        while node != NULL:
            if node.type == tree.XML_ENTITY_REF_NODE:
                return None
            if _is_text(node) and node.content != NULL:
                _append(&buf, node.content, -1)
            if node.children != NULL and node.type == tree.XML_ELEMENT_NODE:
                node = node.children
                continue
            while node.next == NULL:
                node = node.parent
                if node == top or node == NULL:
                    node = NULL
                    break
            if node != NULL:
                node = node.next
        return PyUnicode_DecodeUTF8(buf.data, buf.length, NULL)
    finally:
        _release(&buf)


def read_link(_Element a not None, resolver):
    """The :class:`Link` of ``<a>`` element *a*, or None without an ``href``: as ``blocks.read_link``."""
    cdef xmlNode* top = a._c_node
    cdef int special
    if _pure_read_link is None:
        raise RuntimeError("wpparse._speedups.core.configure_links() was not called")
    if top.type != tree.XML_ELEMENT_NODE:
        return _pure_read_link(a, resolver)
    href = _attribute(top, "href")
    if href is None:
        return None
    if not _has_children(top):
        text = _collect_text(top.children) or ""
    else:
        special = _special_within(top, _link_nodes)
        if special < 0:
            return _pure_read_link(a, resolver)
        if special:
            text = _pure_bounded_text(a)
        else:
            text = _joined_text(top)
            if text is None:
                return _pure_read_link(a, resolver)
    title = _attribute(top, "title")
    return resolver.link(
        href,
        text=_collapse(text[:_link_chars]),
        title=title.strip() if title else None,
        rel=_attribute(top, "rel"),
    )
