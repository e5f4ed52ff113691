"""Safe aliases: consistent acronyms, other senses as new entries, no everyday words."""

from __future__ import annotations

from extract import mine_aliases
from glossary import Glossary, Term

G = Glossary(
    [
        Term(id="lcc", term="저비용 항공사", en="Low Cost Carrier", aliases=("LCC",)),
        Term(id="ai", term="인공지능", en="Artificial Intelligence", aliases=("AI",)),
        Term(id="ccs", term="탄소 포집", en="Carbon Capture and Storage", aliases=("CCS",)),
        Term(id="hbm", term="고대역폭메모리", en="High Bandwidth Memory"),
        Term(id="cpi", term="소비자물가지수"),
    ],
    name="t",
)


def _props(docs: list[str]):
    return mine_aliases(docs, glossary=G)


def test_consistent_acronym_is_an_alias() -> None:
    props = _props(["고대역폭메모리(HBM) 수요가 늘었다."] * 2 + ["반도체 시장 동향"] * 60)
    assert [(p.kind, p.term_id, p.aliases) for p in props] == [("alias", "hbm", ("HBM",))]


def test_inconsistent_acronym_is_refused() -> None:
    # XYZ matches neither the English name nor any letters of the entry.
    props = _props(["고대역폭메모리(XYZ) 수요가 늘었다."] * 2 + ["반도체 시장 동향"] * 60)
    assert [p for p in props if p.kind == "alias"] == []


def test_acronym_of_another_concept_is_a_new_sense_with_a_warning() -> None:
    docs = ["생애주기비용(LCC) 분석을 했다."] * 3 + ["반도체 시장 동향"] * 60
    props = _props(docs)
    assert [p for p in props if p.kind == "alias"] == []
    news = [p for p in props if p.kind == "new"]
    assert [p.term for p in news] == ["생애주기비용"]
    assert news[0].warning is not None and "lcc" in news[0].warning


def test_everyday_word_is_never_an_alias() -> None:
    docs = ["활용(CCS) 기술이 늘었다."] * 3 + ["반도체 시장 동향"] * 60
    assert [p for p in _props(docs) if p.kind == "alias"] == []


def test_alias_in_more_than_3_percent_of_documents_is_refused() -> None:
    # 소비자물가 is proposed for 소비자물가지수 but occurs in 10% of the documents.
    docs = (
        ["소비자물가지수(소비자물가)가 올랐다."] * 2 + ["소비자물가 발표"] * 8 + ["시장 동향"] * 90
    )
    assert [p for p in _props(docs) if p.kind == "alias"] == []
    few = ["소비자물가지수(소비자물가)가 올랐다."] * 2 + ["시장 동향"] * 98
    assert [p.aliases for p in _props(few) if p.kind == "alias"] == [("소비자물가",)]
