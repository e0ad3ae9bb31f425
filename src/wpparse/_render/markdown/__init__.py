"""
CommonMark from a post: ``render`` (:func:`~wpparse.to_markdown`, section by
section), ``convert`` (each block's HTML to Markdown, with ``roles``: what each
tag does, ``boxes``: block quotes and lists, and ``pairing``: the parser's
links and sources found again), ``inline`` (escaping, so that text never
becomes markup it was not), ``table`` (pipe tables) and ``frontmatter`` (the
optional YAML front matter, every string quoted).
"""
