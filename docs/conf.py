"""Sphinx configuration for the wpparse docs."""

from __future__ import annotations

from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

from sphinx.ext.napoleon.docstring import GoogleDocstring

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


def _attribute_docstring_as_prose(self: Any) -> list[str]:
    # Napoleon reads "The post type: ``post``, ..." in an attribute docstring
    # as "<type>: <description>".  Our attribute docstrings are prose and the
    # types come from the annotations, so keep the lines as written.
    lines: list[str] = self._consume_to_end()
    return lines


GoogleDocstring._parse_attribute_docstring = _attribute_docstring_as_prose  # type: ignore[method-assign]  # noqa: SLF001
