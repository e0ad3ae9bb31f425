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


include "text.pxi"
include "elements.pxi"
include "blocks.pxi"
include "links.pxi"
