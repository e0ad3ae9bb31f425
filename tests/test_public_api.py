"""The public namespace: everything in ``__all__`` exists, is documented and is in the API reference."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
import typing

import wpparse
from tests.conftest import ROOT
from wpparse._rest.dispatch import WPObject


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in dir(wpparse) if not name.startswith("_")}

    assert sorted(wpparse.__all__) == wpparse.__all__
    assert public == set(wpparse.__all__)


def test_every_public_name_has_a_docstring() -> None:
    for name in wpparse.__all__:
        obj = getattr(wpparse, name)

        assert inspect.getdoc(obj), name


def test_every_public_name_is_in_the_api_reference() -> None:
    api = (ROOT / "docs" / "api.rst").read_text(encoding="utf-8")
    documented = set(
        re.findall(
            r"^\.\. (?:auto\w+|py:module|py:data):: (?:wpparse\.)?(\w+)",
            api,
            re.MULTILINE,
        )
    )

    assert set(wpparse.__all__) - documented == set()


def test_import_loads_only_what_parsing_needs() -> None:
    # `import wpparse` stays cheap: no BeautifulSoup, no dateutil (odd dates
    # import it), no renderer or streaming reader until one is used.
    code = (
        "import sys, wpparse\n"
        "before = set(sys.modules)\n"
        "wpparse.to_markdown, wpparse.read_posts\n"
        "print(' '.join(sorted(before)))\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    at_import, on_use = (line.split() for line in result.stdout.splitlines())

    for absent in (
        "bs4",
        "dateutil",
        "wpparse._render.markdown.render",
        "wpparse._read",
        "wpparse._fetch",
        "httpx",
        "wpparse._site",
    ):
        assert absent not in at_import
    assert {"wpparse._render.markdown.render", "wpparse._read"} <= set(on_use)
    assert "wpparse._rest.post" in at_import


def test_lazy_names_are_the_real_objects() -> None:
    from wpparse._fetch import MirrorError, mirror
    from wpparse._render.markdown.render import to_markdown
    from wpparse._site import SiteIndex, SiteObject

    assert to_markdown is wpparse.to_markdown
    assert mirror is wpparse.mirror
    assert MirrorError is wpparse.MirrorError
    assert issubclass(MirrorError, wpparse.WPParseError)
    assert SiteIndex is wpparse.SiteIndex
    assert SiteObject is wpparse.SiteObject
    assert set(wpparse.__all__) <= set(dir(wpparse))


def test_site_object_names_what_a_site_index_target_is() -> None:
    # Public so that mypy --strict users can annotate what target() returns.
    models = {wpparse.Post, wpparse.Media, wpparse.Term, wpparse.User}

    assert set(typing.get_args(wpparse.SiteObject)) == models
    hints = typing.get_type_hints(wpparse.SiteIndex.target)
    assert hints["return"] == wpparse.SiteObject | None


def test_the_models_parse_builds_are_public() -> None:
    # Every kind wpparse.parse() tells apart is a public, documented model.

    models = set(typing.get_args(WPObject))

    assert {wpparse.SearchResult, wpparse.Comment, wpparse.Term} <= models
    assert {m.__name__ for m in models} <= set(wpparse.__all__)


_VERSION_NOTE = re.compile(r"\.\. version(?:added|changed):: (\d+\.\d+\.\d+)")


def test_version_notes_name_the_release_under_way() -> None:
    # Nothing is released: a name new since 0.1.0.dev0 is new in 0.1.0, not 0.2.0.
    release = wpparse.__version__.split(".dev")[0]
    found = {}
    for name in sorted(wpparse.__all__):
        obj = getattr(wpparse, name)
        docs = [inspect.getdoc(obj) or ""]
        if inspect.isclass(obj):
            docs += [
                inspect.getdoc(member) or ""
                for member in vars(obj).values()
                if getattr(member, "__module__", "").startswith("wpparse")
            ]
        later = {v for doc in docs for v in _VERSION_NOTE.findall(doc) if v != release}
        if later:
            found[name] = sorted(later)

    assert found == {}
