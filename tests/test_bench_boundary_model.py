"""bench/boundary_model.py: its features and its coverage count (no kiwipiepy needed)."""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
_spec = importlib.util.spec_from_file_location(
    "boundary_model", REPO / "bench" / "boundary_model.py"
)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("boundary_model", bench)
_spec.loader.exec_module(bench)


def test_examples_run() -> None:
    result = doctest.testmod(bench)
    assert result.attempted >= 2 and result.failed == 0


def test_features_see_only_the_word_around_the_hit() -> None:
    # The same hit and neighbours give the same features wherever the word came from;
    # a different syllable after the hit changes them.
    forms = frozenset({"금리", "인상"})
    a = bench.features("금리인상", 0, 2, forms)
    assert a == bench.features("금리인상", 0, 2, forms)
    assert a["tail_is_form=1"] == 1
    assert a != bench.features("금리인하", 0, 2, forms)


def test_coverage_counts_only_new_reads_in_the_confident_region() -> None:
    proba = [0.9999, 0.0001, 0.7, 0.9999]
    truth = [True, True, False, False]
    assert bench.coverage(proba, truth, [True, True, True, False], 0.999) == (3, 2, 1)
    assert bench.coverage(proba, truth, [True, True, True, True], 0.5) == (4, 4, 3)
