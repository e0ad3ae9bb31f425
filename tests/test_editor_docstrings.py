"""The examples in the editor modules' docstrings run and print what they say."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "wpparse._model.editor",
    "wpparse._editor.blocks",
    "wpparse._editor.shortcodes",
    "wpparse._editor.shortcode_tags",
    "wpparse._editor.shortcode_names",
    "wpparse._editor.shortcode_attributes",
    "wpparse._editor.seo",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = [test for test in finder.find(module) if test.examples]

    for test in tests:
        runner.run(test)

    assert tests
    assert runner.failures == 0
