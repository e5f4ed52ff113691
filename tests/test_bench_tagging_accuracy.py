"""The hand-judged tagging set (bench/judged/tagging.json) is well formed and re-readable."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

import glossary
from corpus import read_documents

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "tagging_accuracy", REPO / "bench" / "tagging_accuracy.py"
)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
# dataclasses look their module up in sys.modules while the module runs
sys.modules.setdefault("tagging_accuracy", bench)
_spec.loader.exec_module(bench)

CLASSES = {
    "nested",
    "overlap",
    "compound",
    "agent_suffix",
    "negation",
    "name",
    "sense",
    "inside_word",
    "latin",
    "latin_glued",
    "unit",
    "spacing",
    "bound",
    "superseded",
    "other",
}


@pytest.fixture(scope="module")
def sentences() -> list[dict]:
    return bench.load_judged()


def test_rules_explain_every_class(sentences: list[dict]) -> None:
    rules = " ".join(json.loads(bench.JUDGED.read_text(encoding="utf-8"))["rules"])
    used = {s[4] for r in sentences for s in r["spans"] if len(s) > 4}
    assert used <= CLASSES
    assert all(c in rules for c in used)


def test_sample_follows_the_quotas(sentences: list[dict]) -> None:
    # later draws for honest checks are strata named after their seed (seed15, ...)
    assert {r["stratum"] for r in sentences} - {"random", "hard"} <= {
        f"seed{n}" for n in range(15, 100)
    }
    random_ = [r for r in sentences if r["stratum"] == "random"]
    per_file = Counter(r["file"] for r in random_)
    assert per_file == {stem: hit + none for stem, (hit, none) in bench.QUOTAS.items()}
    without = sum(not r["spans"] for r in random_)
    assert len(random_) >= 450
    # About 10% were drawn with no dictionary hit; as the glossary grows some of those
    # gain judged predictions, so only the upper bound of the draw still holds.
    assert 0 < without <= 0.2 * len(random_)
    assert len({(r["file"], r["id"]) for r in sentences}) == len(sentences)
    hard = Counter(r["file"] for r in sentences if r["stratum"] == "hard")
    assert max(hard.values()) <= 5 * bench.HARD_PER_REASON  # five reasons per file


def test_spans_are_well_formed(sentences: list[dict]) -> None:
    ids = {t.id for t in glossary.default().terms}
    for r in sentences:
        assert 0 <= r["start"] < r["end"] and len(r["sha256"]) == 12
        keys = [(s[0], s[1], s[2]) for s in r["spans"]]
        assert keys == sorted(set(keys)), r["id"]
        for start, end, term_id, verdict, *cls in r["spans"]:
            assert 0 <= start < end <= r["end"] - r["start"], (r["id"], start, end)
            assert term_id in ids, term_id
            assert verdict in ("yes", "no")
            assert len(cls) <= 1
            # a 'no' always says why
            assert verdict == "yes" or cls, (r["id"], start, end, term_id)


def test_nested_spans_sit_inside_a_yes_span(sentences: list[dict]) -> None:
    for r in sentences:
        yes = [(s[0], s[1]) for s in r["spans"] if s[3] == "yes"]
        for start, end, _, _verdict, *cls in r["spans"]:
            if cls == ["nested"]:
                assert any(a <= start and end <= b and b - a > end - start for a, b in yes)


def test_superseded_spans_sit_inside_a_longer_yes_span(sentences: list[dict]) -> None:
    n = 0
    for r in sentences:
        yes = [(s[0], s[1]) for s in r["spans"] if s[3] == "yes" and s[4:] != ["superseded"]]
        for start, end, _, verdict, *cls in r["spans"]:
            if cls == ["superseded"]:
                n += 1
                assert verdict == "yes"
                assert any(a <= start and end <= b and b - a > end - start for a, b in yes)
    assert n > 0


class _Fixed:
    """A stand-in tagger that always predicts the same spans."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans

    def tag(self, text: str) -> list:
        return [type("M", (), {"start": a, "end": b, "term_id": t}) for a, b, t in self.spans]


def test_superseded_span_is_no_miss_and_a_false_positive_when_predicted() -> None:
    row = {
        "id": "r",
        "spans": [[0, 3, "esg", "yes", "superseded"], [0, 6, "esg_management", "yes"]],
    }
    longer = bench.score_mode(_Fixed([(0, 6, "esg_management")]), [row], ["ESG 경영"])
    assert (longer.tp, longer.fp, longer.fn) == (1, 0, 0)
    both = bench.score_mode(_Fixed([(0, 3, "esg"), (0, 6, "esg_management")]), [row], ["ESG 경영"])
    assert (both.tp, both.fp, both.fn) == (1, 1, 0)
    assert both.fp_class == {"superseded": 1}


@pytest.mark.realdata
def test_small_files_reread_to_the_judged_text(sentences: list[dict], shared_data: Path) -> None:
    # The two small files are read here; the bench itself re-reads all of them.
    wanted = {r["id"]: r for r in sentences if r["file"].startswith(("naver", "finance"))}
    assert wanted
    seen = 0
    for stem in ("naver_news_small_samples", "finance_phrasebank_ko"):
        for doc in read_documents(shared_data / "news" / f"{stem}.jsonl", on_error="skip"):
            r = wanted.get(doc.id)
            if r is not None:
                text = dict(doc.texts())[r["field"]]
                assert bench.digest(text[r["start"] : r["end"]]) == r["sha256"], doc.id
                seen += 1
    assert seen == len(wanted)


def test_digest_changes_with_the_text() -> None:
    assert bench.digest("기준금리 동결") != bench.digest("기준금리  동결")
    assert len(bench.digest("금리")) == 12
