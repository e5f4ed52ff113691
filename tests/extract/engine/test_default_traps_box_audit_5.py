"""Wrong links that day boxes over news headlines showed (box audit 5): an alias that names a
wider concept than its entry. 먹는 비만약 and 경구용 비만치료제 are any obesity drug taken by
mouth, and several of them (the small-molecule pills) are not peptides at all, so they belong to
the obesity-drug entry, not to the peptide-drug one. The row after each trap shows the right
concept is still found. Each sentence is written for this test.
"""

from __future__ import annotations

import pytest

# Building a tagger over the whole default glossary loads kiwipiepy: several seconds.
pytestmark = pytest.mark.slow


CASES = [
    # (text, term id, expected: is it tagged?, why)
    ("펩타이드 치료제 개발사가 기술수출에 성공했다", "peptide_drug", True, "peptide drug"),
    ("저분자 먹는 비만약이 임상 3상을 마쳤다", "peptide_drug", False, "oral pill, not peptide"),
    ("저분자 먹는 비만약이 임상 3상을 마쳤다", "obesity_drug", True, "oral obesity drug"),
    ("제약사가 경구용 비만치료제 개발에 뛰어들었다", "peptide_drug", False, "oral, any kind"),
    ("제약사가 경구용 비만치료제 개발에 뛰어들었다", "obesity_drug", True, "oral obesity"),
]


@pytest.mark.parametrize(("text", "term_id", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_box_link_traps(default_tagger, text, term_id, expected, why):
    found = {m.term_id for m in default_tagger.tag(text)}
    assert (term_id in found) is expected, f"{why}: {sorted(found)}"
