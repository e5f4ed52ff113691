"""Guardrails for three generically named top-level packages."""

from __future__ import annotations

import ast
import importlib
import re
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("corpus", "glossary", "extract")
# What each package may import from the project: data flows corpus -> extract <- glossary.
ALLOWED = {"corpus": set(), "glossary": set(), "extract": {"corpus", "glossary"}}


def test_pyproject_lists_the_packages_explicitly() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == list(PACKAGES)
    assert config["project"]["name"] == "kotrend"
    assert config["project"]["scripts"]["kotrend"] == "extract.cli:main"


@pytest.mark.parametrize("name", PACKAGES)
def test_no_module_shadows_a_package(name: str) -> None:
    tracked = [
        p
        for p in REPO.rglob(f"{name}.py")
        if ".venv" not in p.parts and "site-packages" not in p.parts
    ]
    assert tracked == [], f"{tracked} would shadow the {name} package"


def _isort_key(name: str) -> tuple[int, str]:
    # ruff's RUF022 order: CONSTANTS, then Classes, then functions.
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


@pytest.mark.parametrize("name", PACKAGES)
def test_imports_resolve_to_the_project_packages(name: str) -> None:
    module = importlib.import_module(name)
    init = Path(module.__file__ or "").resolve()
    assert init.name == "__init__.py" and init.parent.name == name
    assert sorted(module.__all__, key=_isort_key) == list(module.__all__), (
        f"{name}.__all__ is not sorted"
    )
    for public in module.__all__:
        assert hasattr(module, public), f"{name}.__all__ names {public!r}, which is missing"


@pytest.mark.parametrize("name", PACKAGES)
def test_dependencies_flow_one_way(name: str) -> None:
    module = importlib.import_module(name)
    root = Path(module.__file__ or "").resolve().parent
    bad = []
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [node.module.split(".")[0]]
            for target in targets:
                if target in PACKAGES and target != name and target not in ALLOWED[name]:
                    bad.append(f"{path.relative_to(root.parent)}:{node.lineno} imports {target}")
    assert bad == []


# The import graph of the three packages: every import, at module level or inside a
# function, except those only type checkers run (``if TYPE_CHECKING:``). A module's parent
# packages are not edges: Python runs their ``__init__`` first, but they do not use it.


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(p): p
        for name in PACKAGES
        for p in sorted((REPO / name).rglob("*.py"))
        if "data" not in p.relative_to(REPO / name).parts
    }


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _targets(
    module: str, path: Path, node: ast.Import | ast.ImportFrom, known: set[str]
) -> set[str]:
    """The project modules ``node`` imports (``from pkg import sub`` counts ``pkg.sub``)."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join([*package, *([base] if base else [])])
        names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
    out = set()
    for name in names:
        while name and name not in known:  # `import extract.box.model as m`, a name in a module
            name = name.rpartition(".")[0]
        if name:
            out.add(name)
    return out


def _graph() -> dict[str, dict[str, int]]:
    """module -> {imported module: first line}."""
    modules = _modules()
    known = set(modules)
    graph: dict[str, dict[str, int]] = {}
    for module, path in modules.items():
        edges = graph.setdefault(module, {})
        for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _targets(module, path, node, known):
                if target != module:
                    edges.setdefault(target, node.lineno)
    return graph


def _cycle(graph: dict[str, dict[str, int]]) -> list[str]:
    """One import cycle, as the modules along it, or [] when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = _graph()
    # build.py imports the trends module only inside build_box: still an edge.
    assert "extract.trends.emerging" in graph["extract.box.build"]
    assert "glossary._io" in graph["glossary._resolve"]
    assert _cycle({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}}) == ["a", "b", "c", "a"]


def test_no_import_cycles() -> None:
    cycle = _cycle(_graph())
    assert cycle == [], "import cycle: " + " -> ".join(cycle)


# What each sub-package of extract may import from the others ("__init__" is
# extract/__init__.py). The tagging engine needs nothing else; the CLI sits on top.
_EXTRACT_PARTS = ("engine", "batch", "trends", "box", "discovery", "spacy_pipeline", "web", "cli")
LAYERS: dict[str, set[str]] = {
    "engine": set(),
    "batch": {"engine"},
    "trends": {"engine", "batch"},
    "box": {"engine", "batch", "trends"},
    "discovery": {"engine", "batch", "box", "trends"},
    "spacy_pipeline": {"engine"},
    "web": {"engine", "box"},
    "cli": {*_EXTRACT_PARTS, "__init__"},
    "__init__": {*_EXTRACT_PARTS},
}


def _part(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "extract":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_sub_package_of_extract_has_a_layer() -> None:
    on_disk = {p.name for p in (REPO / "extract").iterdir() if (p / "__init__.py").is_file()}
    assert on_disk == set(_EXTRACT_PARTS)
    assert set(LAYERS) == {*_EXTRACT_PARTS, "__init__"}


def test_extract_is_layered() -> None:
    bad = []
    for module, edges in _graph().items():
        part = _part(module)
        if part is None:
            continue
        for target, line in edges.items():
            other = _part(target)
            if other is not None and other != part and other not in LAYERS[part]:
                bad.append(
                    f"{module}:{line} imports {target} ({part} may use {sorted(LAYERS[part])})"
                )
    assert bad == []


def test_cli_commands_never_import_each_other() -> None:
    bad = [
        f"{module}:{line} imports {target}"
        for module, edges in _graph().items()
        if module.startswith("extract.cli.") and module != "extract.cli.__main__"
        for target, line in edges.items()
        if target.startswith("extract.cli") and target != "extract.cli.common"
    ]
    assert bad == []


# Korean character classes and word lists live in corpus/korean.py. glossary may not
# import corpus, so its one use of the class is allowed.
_OWN_COPIES = re.compile(r"가-힣|\\uac00|\\ud7a3|_AGENCIES\s*=|_PARTICLE_TEXT\s*=|_TIME_WORDS\s*=")
_MAY_SPELL_IT = {"corpus/korean.py", "glossary/_forms.py"}


def test_korean_data_lives_in_one_module() -> None:
    copies = [
        f"{path.relative_to(REPO)}:{n}"
        for name in ("corpus", "extract")
        for path in sorted((REPO / name).rglob("*.py"))
        if str(path.relative_to(REPO)) not in _MAY_SPELL_IT
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _OWN_COPIES.search(line)
    ]
    assert copies == []
