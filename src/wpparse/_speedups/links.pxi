# A link read in C (included in core.pyx).

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
