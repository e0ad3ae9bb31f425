"""
CommonMark from a post: ``render`` (:func:`~wpparse.to_markdown`, section by
section), ``convert`` (each block's HTML to Markdown), ``inline`` (escaping, so
that text never becomes markup it was not), ``table`` (pipe tables) and
``frontmatter`` (the optional YAML front matter, every string quoted).
"""
