"""
HTML strings to lxml trees and plain text, and the repairs that make hostile
markup safe for libxml2 first.

``repair`` (the input repairs), ``parse`` (the HTML parser and the safe parse of
a fragment), ``snippet`` (the plain text of a title, an excerpt, a caption).
Knows nothing of WordPress content structure: that is :mod:`wpparse._content`.
"""
