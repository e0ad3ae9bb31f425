# The text of an element: element_text.finish over a stream of text and breaks, and the
# formatting facts (included in core.pyx).

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
