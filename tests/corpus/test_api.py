"""The public API of ``corpus`` and the package boundary."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import corpus

EXPECTED = {
    "DEFAULT_TEXT_FIELDS",
    "Document",
    "NormalizedText",
    "OnError",
    "RecordError",
    "SentenceSpan",
    "iter_files",
    "glued_breaks",
    "line_starts",
    "load_sample",
    "normalize",
    "parse_date",
    "parse_window",
    "read_documents",
    "read_file",
    "sample_path",
    "sentence_at",
    "split_sentences",
    "would_read",
}


def test_all_is_sorted_and_complete():
    assert corpus.__all__ == sorted(corpus.__all__)
    assert set(corpus.__all__) == EXPECTED
    assert all(hasattr(corpus, name) for name in corpus.__all__)


def test_public_names_have_docstrings():
    for name in corpus.__all__:
        value = getattr(corpus, name)
        if inspect.isfunction(value) or inspect.isclass(value):
            assert value.__doc__, name


def test_the_package_is_not_shadowed():
    """``import corpus`` must find the package, not a stray ``corpus.py`` on the path."""
    package = Path(corpus.__file__).parent
    assert Path(corpus.__file__).name == "__init__.py"
    assert package.name == "corpus"
    assert (package / "_document.py").is_file()


def test_corpus_imports_nothing_else_from_the_project():
    package = Path(corpus.__file__).parent
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = {(node.module or "").split(".")[0]}
            else:
                continue
            assert not roots & {"glossary", "extract"}, path.name


def test_import_is_light():
    """Heavy backends load on first use, not at import."""
    code = (
        "import sys, corpus; "
        "print(sorted(m for m in ('kiwipiepy', 'pandas', 'pyarrow', 'datasets', 'glossary', "
        "'extract') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
