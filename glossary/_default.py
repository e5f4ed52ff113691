"""The glossary bundled with the package (``glossary/data/``)."""

from __future__ import annotations

import functools
import sys
from importlib import resources
from typing import TYPE_CHECKING

from ._io import parse_text
from ._issues import GlossaryError, GlossaryIssue
from ._model import Glossary, Term
from ._validate import validate_terms

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["DEFAULT_NAME", "data_root", "default"]

DEFAULT_NAME = "kotrend-default"


def data_root() -> Traversable:
    """The package data directory (tests point this elsewhere with monkeypatch)."""
    return resources.files("glossary") / "data"


def _yaml_files(folder: Traversable) -> list[Traversable]:
    if not folder.is_dir():
        return []
    files = [f for f in folder.iterdir() if f.name.endswith(".yaml") and f.is_file()]
    return sorted(files, key=lambda f: f.name)


def _version(root: Traversable) -> str:
    file = root / "VERSION"
    return (file.read_text(encoding="utf-8").strip() or "0") if file.is_file() else "0"


@functools.lru_cache(maxsize=8)
def _bundle(root: Traversable, entities: bool) -> Glossary:
    folders = ["default", "entities"] if entities else ["default"]
    files: list[Traversable] = []
    for folder in folders:
        found = _yaml_files(root / folder)
        if not found:
            raise FileNotFoundError(
                f"the bundled glossary has no *.yaml files in {root / folder}; the package "
                "data is missing (reinstall kotrend, or use glossary.load(path) for your own "
                "glossary)"
            )
        files += found
    terms: list[Term] = []
    sources: list[str | None] = []
    issues: list[GlossaryIssue] = []
    for file in files:
        where = str(file)
        g, found_issues = parse_text(file.read_text(encoding="utf-8"), format="yaml", path=where)
        issues += found_issues
        terms += g.terms
        sources += [where] * len(g)
    # Validated as one list so an id or a form claimed in two files is an error too.
    issues += validate_terms(terms, sources)
    if any(i.is_error for i in issues):
        raise GlossaryError(issues)
    return Glossary(terms, name=DEFAULT_NAME, version=_version(root), path=str(root / "default"))


def default(*, entities: bool = False) -> Glossary:
    """The bundled default glossary of Korean finance terms.

    Every ``*.yaml`` file in ``glossary/data/default/`` in file-name order, plus
    ``glossary/data/entities/`` (companies, institutions) when ``entities`` is true.
    The result is cached: do not modify it.

    Parameters
    ----------
    entities : bool
        Also include named entities.

    Raises
    ------
    FileNotFoundError
        When the package data is missing.
    GlossaryError
        When the bundled files have errors (a bug: please report it).

    Examples
    --------
    >>> g = default()  # doctest: +SKIP
    >>> g["capex"].term  # doctest: +SKIP
    '자본 지출'
    """
    # files() gives a pathlib.Path (or zipfile.Path): hashable, though Traversable
    # does not promise it.
    return _bundle(data_root(), bool(entities))  # type: ignore[arg-type]
