"""
The immutable models every stage produces and consumes: attrs and the standard library only.

``content`` (links, blocks, sections, chunks), ``objects`` (users, terms,
comments, relations, where a record came from), ``editor`` (the block tree,
shortcodes, the SEO head), ``post`` (the post, media and embedded objects,
which refer to one another) and ``build`` (fast constructors for the hot path).
"""
