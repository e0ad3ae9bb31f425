# Whitespace, anchors, and a paragraph or a heading read in one pass (included in core.pyx).

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
