"""The hand-judged precision set (bench/judged/precision.json) is well formed."""

from __future__ import annotations

import json
from pathlib import Path

import glossary

JUDGED = Path(__file__).resolve().parents[1] / "bench" / "judged" / "precision.json"
KEYS = {"file", "id", "field", "start", "end", "term_id", "verdict"}


def test_judged_precision_set_is_well_formed(shared_data: Path) -> None:
    data = json.loads(JUDGED.read_text(encoding="utf-8"))
    known = glossary.default(entities=True)
    news = {p.stem for p in (shared_data / "news").glob("*.jsonl")}
    assert data["samples"], "no sample sets"
    for sample in data["samples"]:
        assert isinstance(sample["seed"], int) and sample["n"] > 0
        assert len(sample["lines"]) <= sample["n"]
        seen = set()
        for line in sample["lines"]:
            assert set(line) >= KEYS, line
            assert "context" not in line and "text" not in line, "judged sets store no text"
            assert line["file"] in news, line["file"]
            assert 0 <= line["start"] < line["end"], line
            assert line["term_id"] in known, line["term_id"]
            assert line["verdict"] in {"yes", "no"}, line
            if line["verdict"] == "no":
                assert line.get("class"), f"a 'no' needs a reason class: {line}"
            k = (
                line["file"],
                line["id"],
                line["field"],
                line["start"],
                line["end"],
                line["term_id"],
            )
            assert k not in seen, f"judged twice: {k}"
            seen.add(k)
