"""
The site as a graph: :class:`SiteIndex` resolves links and image URLs to the
objects they point at, and places pages in their tree.
"""

from __future__ import annotations

from wpparse._site.index import SiteIndex, SiteObject

__all__ = ["SiteIndex", "SiteObject"]
