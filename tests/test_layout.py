"""The package's shape: the folders follow the pipeline, with no cycle and no back edge.

Every ``analyzer`` import (at module level or inside a function) is read from the source
with :mod:`ast`. Each module belongs to a stage; a module may import only from its own stage
or the stages before it in :data:`STAGES`, and the modules must not import one another in a
cycle. Modules stay small (at most :data:`MAX_MODULE_LINES` lines) and so do functions (at
most :data:`MAX_FUNCTION_STATEMENTS` statements). The README's module map names every
module and subpackage.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "analyzer"
#: The stages in pipeline order: shared vocabulary first, then read, match, compute, show.
STAGES: tuple[tuple[str, ...], ...] = (
    ("errors",),
    ("models", "nutrients"),
    ("reference", "jsonable", "progress", "examples", "distinct"),
    ("foods",),
    ("diary",),
    ("balance",),
    ("report",),
    ("chart",),
    ("cli",),
    ("__init__", "__main__"),
)
MAX_MODULE_LINES = 500
MAX_FUNCTION_STATEMENTS = 60


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _stage(module: str) -> int:
    """Index in :data:`STAGES` of ``analyzer.<top>...``."""
    top = module.split(".")[1] if "." in module else "__init__"
    if module == "analyzer.__main__":
        top = "__main__"
    for index, names in enumerate(STAGES):
        if top in names:
            return index
    raise AssertionError(f"{module}: its top-level name {top!r} is in no stage of STAGES")


def _resolve(name: str) -> str:
    """The module of an imported name: ``analyzer.foods.units`` or its package."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _imports(path: Path, module: str) -> Iterator[str]:
    """The analyzer modules ``path`` imports (the package ``analyzer`` itself excluded)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                package = module if path.name == "__init__.py" else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}".rstrip(".")
            names = [f"{base}.{alias.name}" for alias in node.names] or [base]
        else:
            continue
        for name in names:
            if name.startswith("analyzer."):
                target = _resolve(name)
                if target and target != "analyzer":
                    yield target


GRAPH = {
    module: sorted(set(_imports(path, module)) - {module}) for module, path in MODULES.items()
}


def test_every_module_belongs_to_a_stage() -> None:
    for module in MODULES:
        _stage(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_stage_order(module: str) -> None:
    late = [t for t in GRAPH[module] if _stage(t) > _stage(module)]
    assert late == [], f"{module} imports from later stages: {late}"


def _cycle() -> list[str] | None:
    """One import cycle among the modules, or None."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in GRAPH.get(node, []):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for module in sorted(GRAPH):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


def test_no_import_cycle() -> None:
    assert _cycle() is None


def test_the_checker_finds_a_back_edge_and_a_cycle() -> None:
    # The checks above must be able to fail: a made-up back edge and cycle are caught.
    GRAPH["analyzer.nutrients"].append("analyzer.report.build")
    GRAPH["analyzer.report.build"].append("analyzer.nutrients")
    try:
        assert _stage("analyzer.report.build") > _stage("analyzer.nutrients")
        assert _cycle() is not None
    finally:
        GRAPH["analyzer.nutrients"].remove("analyzer.report.build")
        GRAPH["analyzer.report.build"].remove("analyzer.nutrients")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_are_small(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{module} has {lines} lines"


def _statements(node: ast.AST) -> int:
    """Statements in a function body, nested blocks included, nested functions excluded."""
    count = 0
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(child, ast.stmt):
            count += 1
        count += _statements(child)
    return count


@pytest.mark.parametrize("module", sorted(MODULES))
def test_functions_are_small(module: str) -> None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({_statements(node)} statements)"
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and _statements(node) > MAX_FUNCTION_STATEMENTS
    ]
    assert long == []


def test_the_readme_module_map_matches_the_tree() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Development") :]
    named = set(re.findall(r"`([^`]+)`", section))
    missing = []
    for path in MODULES.values():
        relative = path.relative_to(PACKAGE)
        folder = f"{relative.parts[0]}/" if len(relative.parts) > 1 else None
        if relative.as_posix() in named or folder in named:
            continue
        if folder is not None and relative.name == "__init__.py":
            continue  # a subpackage's public surface, described by its modules
        missing.append(relative.as_posix())
    assert missing == [], f"the README's module map does not name {missing}"
    listed = {n for n in named if n.endswith(".py") and "/" in n and not n.startswith("tests/")}
    stale = sorted(n for n in listed if not (PACKAGE / n).exists() and not n.startswith("tools/"))
    assert stale == [], f"the README's module map names modules that do not exist: {stale}"


@pytest.mark.parametrize("notebook", sorted((REPO / "notebooks").glob("*.ipynb")), ids=str)
def test_notebooks_use_the_public_api(notebook: Path) -> None:
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    deep = re.findall(r"^\s*(?:from|import) analyzer\.\S+", code, flags=re.M)
    assert deep == [], f"{notebook.name} imports past the public API: {deep}"
