"""
A post's ``content.rendered`` to its tree of sections and its links.

The data go one way through the modules: ``vocabulary`` (the content parse and
the role of each tag) and ``element_text`` (the text and formatting facts of one
element) are read by ``blocks`` (plain functions that build the richer blocks),
``pieces`` (a block, or a run of loose inline content, to pieces, recording its
links) and ``walk`` (the one walk over the tree), which yields the flat
``stream`` of pieces; ``titles`` tells what a line's text says on its own,
``pseudo_headings`` whether a paragraph reads as a heading among its
neighbours, and ``styles`` applies that to the stream; ``sections`` builds the
tree, and is the face of the package
(:func:`~wpparse.parse_content`, :func:`~wpparse.extract_links`).  ``links``
resolves and classifies each ``href``, working on strings only.
"""
