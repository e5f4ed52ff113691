"""Glossaries of Korean finance terms: read, check, merge and import them.

A glossary is a YAML (or JSON, CSV) file of entries, each with an id, a display term
and the other surface forms writers use. The bundled one is :func:`default`.

Examples
--------
>>> from glossary import Glossary, Term, validate
>>> g = Glossary([Term(id="capex", term="자본 지출", aliases=("CapEx", "자본적 지출"))])
>>> g["capex"].forms
('자본 지출', 'CapEx', '자본적 지출')
>>> validate(g)
[]
"""

from ._background import BACKGROUND_FILE, BackgroundFrequencies, background_frequencies
from ._check import check
from ._default import check_default, default
from ._forms import (
    compound_splits,
    dotted_variants,
    form_key,
    is_acronym,
    joiner_variants,
    latin_plurals,
    script_splits,
    spacing_variants,
)
from ._io import load, save
from ._issues import GlossaryError, GlossaryIssue
from ._merge import MergeConflict, MergeResult, merge
from ._model import Context, Glossary, Term
from ._resolve import BUNDLED, check_spec, resolve
from ._table import ImportResult, import_table
from ._validate import validate
from ._write import dump_yaml

__all__ = [
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
]
