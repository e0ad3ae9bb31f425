# Blocks built in C: paragraphs and the walk over a content's blocks (included in core.pyx).

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
cdef Py_ssize_t _short = 0          # titles.MAX_TITLE_CHARS: paragraph()'s read_element limit
cdef int _media_flag = 0, _breaks_flag = 0
cdef object _pure_paragraph = None  # Pieces.paragraph, the reference
cdef object _piece_block = None, _piece_flags = None, _piece_anchor = None
cdef object _caption_hint = None   # vocabulary.is_caption_hint
cdef object _caption_flag = None   # vocabulary.CAPTION
cdef tuple _no_args = ()


def configure_blocks(*, block, fields, paragraph, piece, caption_hint, caption):
    """
    Set what :func:`plain_paragraph` builds: the :class:`Block` class and its
    field names in order, a dict of a paragraph block's other field values
    (``kind`` and the defaults), the ``Piece`` class, ``is_caption_hint`` and
    the ``CAPTION`` flag.  A block's HTML is recorded by the walk's own
    ``LaterHtml.of``.
    """
    global _block_type, _piece_type, _block_slots, _block_values, _text_at, _html_at, _links_at, _lead_at
    global _piece_block, _piece_flags, _piece_anchor, _caption_hint, _caption_flag
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
    if top.properties != NULL:
        hint = _attribute(top, "class")
        flags = _caption_flag if hint and _caption_hint(hint) else 0
        html = pieces.later.of(top_el if top_el is not None else elementFactory(doc, top))
        anchor = _attribute(top, "id")
    else:
        flags, anchor = 0, None
        html = pieces.later.of(raw)
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
    _add_piece(self, _paragraph_block(text, self.later.of(el), links, lead), flags, anchor)


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
