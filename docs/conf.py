"""Sphinx configuration for the wpparse docs."""

from __future__ import annotations

from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

import attrs
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
exclude_patterns = ["_build", "_support"]

html_theme = "furo"
html_title = f"wpparse {release}"
html_theme_options = {
    "source_repository": "https://github.com/wpparse/wpparse/",
    "source_branch": "main",
    "source_directory": "docs/",
}
# The copy button copies the code, not the prompts or the output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

nitpicky = True
nitpick_ignore = [
    ("py:class", "attrs.Attribute"),
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented"
autodoc_preserve_defaults = True
napoleon_numpy_docstring = False

# The doctest builder runs every example in the docs, recipes included.  The
# recipes import the stand-in WordPress site from docs/_support and read the
# example post from examples/.
DOCS = Path(__file__).resolve().parent
doctest_global_setup = f"""
import os
import sys
from pathlib import Path
sys.path.insert(0, {str(DOCS / "_support")!r})
import wpparse
EXAMPLES = Path({str(DOCS.parent / "examples")!r})
# The Spark recipe starts a JVM cluster: nox -s recipes runs it, nox -s docs does not.
RUN_SPARK = os.environ.get("WPPARSE_DOCS_SPARK") == "1"
"""

# Offline builds cannot fetch inventories: Python's own is kept in the repository
# (refreshed by `nox -s lock`), so the docs build needs neither network nor python3-doc.
intersphinx_mapping = {
    "python": (
        "https://docs.python.org/3",
        str(DOCS / "_support" / "python-objects.inv"),
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


def _attrs_signature(  # noqa: PLR0917 - the event's signature
    app: Any,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: Any,
    return_annotation: Any,
) -> tuple[str, Any] | None:
    # With autodoc_preserve_defaults, attrs' generated __init__ shows its
    # defaults as "attr_dict['slug'].default".  Show the fields' real defaults.
    del app, name, options
    if what != "class" or not attrs.has(obj) or signature is None:
        return None
    params = []
    for field in attrs.fields(obj):
        if not field.init:
            continue
        if field.default is attrs.NOTHING:
            params.append(field.alias)
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            factory = field.default.factory  # type: ignore[attr-defined]
            params.append(f"{field.alias}={getattr(factory, '__name__', 'factory')}()")
        else:
            params.append(f"{field.alias}={field.default!r}")
    return "(*, " + ", ".join(params) + ")", return_annotation


def setup(app: Any) -> None:
    """Register the signature fix for attrs classes."""
    app.connect("autodoc-process-signature", _attrs_signature)
