"""Sphinx configuration for the wpparse docs."""

from __future__ import annotations

from importlib.metadata import version as _version
from pathlib import Path

project = "wpparse"
author = "The wpparse developers"
copyright = "2026, The wpparse developers"
release = _version("wpparse")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx_copybutton",
]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]

html_theme = "furo"
html_title = f"wpparse {release}"

nitpicky = True
nitpick_ignore = [
    ("py:class", "attrs.Attribute"),
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented"
autodoc_preserve_defaults = True
napoleon_numpy_docstring = False
doctest_global_setup = "import wpparse"

# Offline builds cannot fetch inventories: use Debian's python3.11-doc copy
# (installed by .ci/run) when it is there, the network otherwise.
_LOCAL_PY_INV = Path("/usr/share/doc/python3.11/html/objects.inv")
intersphinx_mapping = {
    "python": (
        "https://docs.python.org/3",
        str(_LOCAL_PY_INV) if _LOCAL_PY_INV.exists() else None,
    ),
}
intersphinx_timeout = 5
