"""bench/acronym_candidates.py lists acronyms the glossary knows only inside longer forms."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import glossary

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "acronym_candidates", REPO / "bench" / "acronym_candidates.py"
)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("acronym_candidates", bench)
_spec.loader.exec_module(bench)


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (("RIA 계좌",), {"RIA"}),
        (("S&P500 ETF",), {"S&P500", "ETF"}),
        (("MBSAXYZ 회의",), set()),  # seven letters: a word, no acronym
        (("Mbs 금리",), set()),  # not all capitals
        (("X",), set()),
        (("CHIPS법", "CHIPS"), set()),  # the bare form is there
    ],
)
def test_candidates_of_one_entry(forms: tuple[str, ...], expected: set[str]) -> None:
    term = glossary.Term(id="t", term=forms[0], aliases=forms[1:])
    assert set(bench.candidates([term])) == expected


def test_default_candidates_are_no_entrys_whole_form() -> None:
    terms = list(glossary.default(entities=True))
    whole = {f.strip().upper() for t in terms for f in (t.term, *t.aliases, t.en or "")}
    found = bench.candidates(terms)
    assert found and not {a.upper() for a in found} & whole
    # The acronyms issue 13's sweep made bare forms are no longer candidates.
    assert not {"MBS", "RIA", "P2P", "KC", "QR", "MZ", "IP", "TF", "GA", "CEO"} & set(found)


def test_bare_document_frequency_counts_documents_not_mentions() -> None:
    texts = ["MBS를 샀다. MBS 금리", "MBSA 회의", "정책 MBS·ABS"]
    assert bench.bare_document_frequency(texts, ["MBS", "ABS"]) == {"MBS": 2, "ABS": 1}
