"""Every module's docstring examples run, so an example can never drift from the code."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil

import pytest

PACKAGES = ("corpus", "glossary", "extract")
# Modules whose examples need an optional dependency.
NEEDS = {"extract.spacy_pipeline": "spacy", "extract.trends.plot": "matplotlib"}


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        names.append(package)
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
            if not info.name.endswith("__main__"):
                names.append(info.name)
    return sorted(names)


MODULES = _modules()


def test_every_package_module_is_collected() -> None:
    assert "extract.engine.tagger" in MODULES and "glossary._model" in MODULES
    assert len(MODULES) > 60


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    for prefix, dependency in NEEDS.items():
        if name.startswith(prefix) and importlib.util.find_spec(dependency) is None:
            pytest.skip(f"{name} needs {dependency}")
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
