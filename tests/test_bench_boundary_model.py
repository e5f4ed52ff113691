"""bench/boundary_model.py: its features, model and thresholds (no kiwipiepy needed)."""

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
    assert "Tf=1" in a
    assert a != bench.features("금리인하", 0, 2, forms)


def test_thresholds_answer_only_where_agreement_holds() -> None:
    scores = [5.0, 4.0, 3.0, 2.0, -2.0, -3.0, -4.0] * 20
    truth = [True, True, False, True, False, False, False] * 20
    accept, reject = bench.thresholds(scores, truth, 0.99)
    assert (accept, reject) == (4.0, -2.0)
    # asking for more agreement than any prefix has: no answer on the True side
    mixed = bench.thresholds([float(-i) for i in range(40)], [True, False] * 20, 0.99)
    assert mixed[0] == float("inf")


def test_the_model_answers_beyond_its_thresholds_only() -> None:
    m = bench.Model({"h=금리": 9.0}, -1.0, frozenset(), accept=8.0, reject=-0.5)
    assert m.answer("대출금리", 2, 4) is True
    assert m.answer("유가", 0, 2) is False
    assert bench.Model({}, 0.0, frozenset(), accept=1.0, reject=-1.0).answer("유가", 0, 2) is None
