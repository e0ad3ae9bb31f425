"""
The layout docs/architecture.md describes is the one in src/, and no import goes in a circle.

``nox -s lint`` runs import-linter on the layers (``.importlinter``); these
tests need nothing but the standard library, so they run with every test run.
"""

from __future__ import annotations

import ast
import configparser
import re
from collections.abc import Iterator
from pathlib import Path

import wpparse

SRC = Path(wpparse.__file__).parent
ARCHITECTURE = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"

# The one kind of import that points up: the models' convenience methods
# (Post.to_text() and friends, Chunk.to_dict()) import their renderer when
# called.  Nothing under wpparse._render imports them back at module level.
UPWARD = re.compile(r"wpparse\._model\.\w+ -> wpparse\._render(\.\w+)+")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def _imports(
    path: Path, modules: dict[str, Path], *, top_level_only: bool = False
) -> Iterator[str]:
    """Every wpparse module *path* imports, at any depth (in functions too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body if top_level_only else ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [
                f"{node.module}.{alias.name}"
                if f"{node.module}.{alias.name}" in modules
                else node.module
                for alias in node.names
            ]
        else:
            continue
        yield from (name for name in names if name in modules)


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {
        name: {
            target
            for target in _imports(path, modules)
            if target != name and not UPWARD.fullmatch(f"{name} -> {target}")
        }
        for name, path in modules.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_goes_in_a_circle() -> None:
    graph = _graph()

    assert len(graph) > 40
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_circle() -> None:
    graph = _graph()
    graph["wpparse._text"] = {*graph["wpparse._text"], "wpparse._rest.post"}

    assert any("wpparse._text" in cycle for cycle in _cycles(graph))


def test_only_the_models_convenience_methods_import_upward() -> None:
    modules = _modules()
    upward = sorted(
        f"{name} -> {target}"
        for name, path in modules.items()
        for target in _imports(path, modules)
        if UPWARD.fullmatch(f"{name} -> {target}")
    )

    assert upward == [
        "wpparse._model.content -> wpparse._render.data",  # Chunk.to_dict()
        "wpparse._model.post -> wpparse._render.chunks",  # Post.chunks()
        "wpparse._model.post -> wpparse._render.data",  # Post.to_dict()
        "wpparse._model.post -> wpparse._render.markdown.render",  # Post.to_markdown()
        "wpparse._model.post -> wpparse._render.text",  # Post.to_text()
    ]
    # ... each inside the method it serves, never when the model module loads.
    for name, path in modules.items():
        if name.startswith("wpparse._model."):
            loaded = set(_imports(path, modules, top_level_only=True))
            assert not {m for m in loaded if m.startswith("wpparse._render")}, name


def _fenced_after(heading: str) -> list[str]:
    """The lines of the first ```text block after *heading* in docs/architecture.md."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    after = text[text.index(f"\n{heading}\n") :]
    block = after[after.index("```text\n") + len("```text\n") :]
    return block[: block.index("```")].splitlines()


def _documented_tree() -> set[str]:
    """The paths docs/architecture.md lists under "The packages", each as in src/."""
    lines = _fenced_after("## The packages")
    assert lines[0] == "wpparse/"
    listed: set[str] = set()
    parents: list[str] = []
    for line in lines[1:]:
        name = line.split()[0]
        depth = (len(line) - len(line.lstrip(" "))) // 2 - 1
        assert depth <= len(parents), f"badly indented: {line!r}"
        del parents[depth:]
        path = "/".join([*parents, name.rstrip("/")])
        assert path not in listed, f"listed twice: {path}"
        listed.add(path)
        if name.endswith("/"):
            parents.append(name.rstrip("/"))
    return listed


def test_the_package_list_in_the_docs_is_the_tree() -> None:
    # Python modules, and the Cython sources of the compiled walk (wpparse._speedups).
    sources = [*SRC.rglob("*.py"), *SRC.rglob("*.pyx"), *SRC.rglob("*.pxi")]
    actual = {
        path.relative_to(SRC).as_posix()
        for path in sources
        if path.name != "__init__.py" or path.parent == SRC
    } | {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*")
        if path.is_dir() and (path / "__init__.py").is_file()
    }

    documented = _documented_tree()

    assert sorted(actual - documented) == [], "in src/wpparse/, not in the docs"
    assert sorted(documented - actual) == [], "in the docs, not in src/wpparse/"


def _contract_layers() -> list[set[str]]:
    """The top-level layers of .importlinter, highest first; optional ones left out."""
    config = configparser.ConfigParser()
    config.read(ARCHITECTURE.parents[1] / ".importlinter", encoding="utf-8")
    layers = config["importlinter:contract:layers"]["layers"].split("\n")
    return [
        {name for name in re.split(r"[|:]", line.strip()) if "(" not in name} - {""}
        for line in layers
        if line.strip()
    ]


def _layer_box() -> list[str]:
    """The box of layers in docs/architecture.md: the text block that ends in exceptions."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    blocks = [part.split("```")[0] for part in text.split("```text\n")[1:]]
    (box,) = [block for block in blocks if "│ exceptions " in block]
    return box.splitlines()


def test_the_layers_in_the_docs_are_the_contract() -> None:
    rows: list[set[str]] = []
    for line in _layer_box():
        if line.startswith(("┌", "├")):
            rows.append(set())
        elif line.startswith("│") and rows:
            rows[-1] |= set(re.findall(r"│ (\w+)", line))
    layers = [{name.strip() for name in layer} for layer in _contract_layers()]

    assert rows == layers
