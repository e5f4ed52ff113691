"""Safe aliases: consistent acronyms, other senses as new entries, no everyday words."""

from __future__ import annotations

import pytest

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


# One row per class of wrong alias: the glossary entry, the form proposed, why not.
WRONG = [
    (
        Term(id="cop", term="당사국총회", en="Conference of the Parties", aliases=("COP",)),
        "COP26",
        "a number the term's names do not have: one instance",
    ),
    (
        Term(id="cmi", term="치앙마이 이니셔티브", en="Chiang Mai Initiative"),
        "치앙마이 이니셔티브 다자화",
        "a longer name holding the term's: narrower",
    ),
    (
        Term(id="ondevice", term="온디바이스 AI", en="On-Device AI", aliases=("On-Device AI",)),
        "On-Device",
        "a Latin fragment of the term's name",
    ),
    (
        Term(id="consumption", term="소비", en="Consumption"),
        "소매판매+서비스업",
        "a symbol no name has",
    ),
    (
        Term(id="fast", term="패스트트랙", en="Fast Track"),
        "은행권 신속금융지원 프로그램",
        "three words: a description",
    ),
    (
        Term(id="semi", term="반도체", en="Semiconductor"),
        "On Semiconductor",
        "a one-word name with a word added: a company",
    ),
    (
        Term(id="hydrogen", term="수소", en="Hydrogen"),
        "Plug Power",
        "an English name that is not the entry's",
    ),
    (
        Term(id="nhi", term="건강보험", en="National Health Insurance"),
        "NHS",
        "capitals that are not the initials",
    ),
    (
        Term(id="jet", term="항공유", en="Jet Fuel", aliases=("SAF",)),
        "Sustainable Aviation Fuel",
        "the expansion of a narrower thing's acronym the entry holds",
    ),
    (
        Term(id="lpr", term="대출우대금리", en="Loan Prime Rate", aliases=("LPR",)),
        "Lone Prime Rate",
        "the English name misspelt (its initials still spell the acronym)",
    ),
    (
        Term(
            id="tipf", term="무역투자촉진프레임워크", en="Trade and Investment Promotion Framework"
        ),
        "Trade and Investment Framework",
        "a programme's English name with an inner word left out",
    ),
    (
        Term(id="cfa", term="무탄소연합", en="Carbon Free Alliance"),
        "Carbon- Free Alliance",
        "a mark beside a space",
    ),
    (
        Term(id="nqpf", term="신품질생산력", en="New Quality Productive Forces"),
        "New productiveforces",
        "words of the name run together",
    ),
    (
        Term(id="haccp", term="식품안전관리인증", en="Hazard Analysis and Critical Control Points"),
        "식품안전관리",
        "the term without the head that makes it a certificate",
    ),
]


@pytest.mark.parametrize(("term", "form", "why"), WRONG, ids=[w for *_, w in WRONG])
def test_classes_of_wrong_aliases_are_refused(term: Term, form: str, why: str) -> None:
    from extract.discovery.alias_checks import alias_verdict

    assert alias_verdict(term, term.term, form, lambda s: False) != "alias", why


RIGHT = [
    (Term(id="tips", term="팁스", en="TIPS Program"), "TIPS"),
    (Term(id="tips", term="팁스", en="TIPS Program"), "Tech Incubator Program for Startup"),
    (Term(id="nn", term="인공신경망", en="Artificial Neural Network"), "Neural Network"),
    (Term(id="wage", term="임금", en="Wage"), "Wages"),
    (Term(id="litho", term="노광", en="Lithography"), "Photolithography"),
    (Term(id="defi", term="탈중앙화 금융", en="Decentralized Finance", aliases=("DeFi",)), "De-Fi"),
    (Term(id="g5", term="5G", en="5th Generation", aliases=("5세대 이동통신",)), "5세대"),
    # A clipped English name (the project's first example: Capex for 자본 지출).
    (Term(id="capex", term="자본 지출", en="Capital Expenditure"), "Capex"),
    (Term(id="opex", term="운영비", en="Operating Expenditure"), "OpEx"),
    (Term(id="fintech", term="핀테크", en="Financial Technology"), "Fintech"),
    # A shorter English name that its acronym spells is the name the acronym stands for.
    (
        Term(id="ga", term="법인보험대리점", en="General Insurance Agency", aliases=("GA",)),
        "General Agency",
    ),
]


@pytest.mark.parametrize(("term", "form"), RIGHT, ids=[f for _, f in RIGHT])
def test_consistent_names_are_aliases(term: Term, form: str) -> None:
    from extract.discovery.alias_checks import alias_verdict

    assert alias_verdict(term, term.term, form, lambda s: False) == "alias"


def test_a_two_letter_acronym_needs_two_documents() -> None:
    g = Glossary([Term(id="pm", term="개인형 이동장치", en="Personal Mobility")], name="t")
    one = ["개인형 이동장치(PM) 규제"] + ["반도체 시장 동향"] * 60
    two = ["개인형 이동장치(PM) 규제", "개인형 이동장치(PM) 보험"] + ["반도체 시장 동향"] * 60
    assert [p for p in mine_aliases(one, glossary=g) if p.kind == "alias"] == []
    assert [p.aliases for p in mine_aliases(two, glossary=g) if p.kind == "alias"] == [("PM",)]
