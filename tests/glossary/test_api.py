"""The package's public surface and the one-way import rule."""

from __future__ import annotations

import ast
from pathlib import Path

import glossary

EXPECTED_API = {
    "BACKGROUND_FILE",
    "BUNDLED",
    "BackgroundFrequencies",
    "Context",
    "Glossary",
    "GlossaryError",
    "GlossaryIssue",
    "ImportResult",
    "MergeConflict",
    "MergeResult",
    "Term",
    "background_frequencies",
    "check",
    "check_default",
    "check_spec",
    "compound_splits",
    "default",
    "dotted_variants",
    "dump_yaml",
    "form_key",
    "import_table",
    "is_acronym",
    "joiner_variants",
    "latin_plurals",
    "load",
    "merge",
    "resolve",
    "save",
    "script_splits",
    "spacing_variants",
    "validate",
}


def test_all_is_sorted_and_is_the_public_api():
    assert list(glossary.__all__) == sorted(glossary.__all__)
    assert set(glossary.__all__) == EXPECTED_API
    for name in glossary.__all__:
        assert getattr(glossary, name) is not None


def test_the_imported_package_is_this_one():
    # A stray glossary.py or glossary/ elsewhere on sys.path would shadow the package.
    package = Path(glossary.__file__).parent
    assert package.name == "glossary"
    assert (package / "_model.py").is_file()


def test_glossary_imports_nothing_from_the_project():
    package = Path(glossary.__file__).parent
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in {"corpus", "extract"}, (module.name, name)


def test_results_are_frozen_and_slotted():
    records = (glossary.GlossaryIssue, glossary.ImportResult, glossary.MergeConflict)
    for cls in (*records, glossary.MergeResult):
        assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
        assert "__slots__" in cls.__dict__
