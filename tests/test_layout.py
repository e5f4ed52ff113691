"""Guardrails for three generically named top-level packages."""

from __future__ import annotations

import ast
import importlib
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
