"""Alias mining: names in parentheses paired with the noun phrase before them."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from corpus import Document
from extract import AliasProposal, Tagger, mine_aliases, parenthetical_pairs
from glossary import Glossary, Term

EMPTY = Glossary((), name="empty")

# --- parenthetical pairs ---------------------------------------------------------------

PAIR_CASES = [
    # text, expected (head, name) pairs
    ("메타는 자본 지출(Capex)을 늘렸다.", [("자본 지출", "Capex")]),
    ("메타는 자본 지출 (Capex)을 늘렸다.", [("자본 지출", "Capex")]),
    ("잔여이행의무(RPO)가 늘었다.", [("잔여이행의무", "RPO")]),
    ("RPO(잔여이행의무)가 늘었다.", [("RPO", "잔여이행의무")]),
    (
        "투자 자본 수익률(ROI·Return on Investment)이 높다.",
        [("투자 자본 수익률", "ROI"), ("투자 자본 수익률", "Return on Investment")],
    ),
    ("고대역폭메모리(HBM) 수요가 급증했다.", [("고대역폭메모리", "HBM")]),
    ("한국은행(한은)은 금리를 묶었다.", [("한국은행", "한은")]),
    ("정부는 올해 반도체 고대역폭메모리(HBM)를 지원한다.", [("반도체 고대역폭메모리", "HBM")]),
    ("▲고대역폭메모리(HBM) 공급", [("고대역폭메모리", "HBM")]),
    ("Debt-Service Ratio(DSR)를 쓴다.", [("Debt-Service Ratio", "DSR")]),
    (
        "코로나바이러스감염증-19(이하 '코로나19')가 번졌다.",
        [("코로나바이러스감염증-19", "코로나19")],
    ),
    ("잔여이행의무(약칭 RPO)가 늘었다.", [("잔여이행의무", "RPO")]),
    # not names
    ("정부가 발표했다. (사진=연합)", []),
    ("전망은 (2026년) 나온다.", []),
    ("삼성전자(005930) 주가가 올랐다.", []),
    ("서울(연합뉴스) 금리가 올랐다.", []),
    ("워싱턴(AP) 금리가 올랐다.", []),
    ("금리 급등(종합)", []),
    ("지표(단위: 억원)", []),
    ("국제기구(IMF·OECD·EU)가 경고했다.", []),
    ("금융(은행, 보험)이 흔들렸다.", []),
    ("이산화탄소 포집 및 저장 기술(CCS)을 쓴다.", []),
    ("소재·부품·장비(소부장) 정책", []),
    ("매출을 늘렸다(Capex).", []),
    ("성장률(yoy)이 낮다.", []),
]


@pytest.fixture(scope="module")
def empty_tagger() -> Tagger:
    return Tagger(EMPTY)


@pytest.mark.parametrize(("text", "pairs"), PAIR_CASES)
def test_parenthetical_pairs(text: str, pairs: list[tuple[str, str]], empty_tagger: Tagger) -> None:
    assert parenthetical_pairs(text, tagger=empty_tagger) == pairs


def test_a_glossary_mention_is_the_head(fast_tagger: Tagger) -> None:
    # kiwipiepy reads 소버린 as 소 + 버리 + ㄴ; the glossary knows 소버린 AI.
    text = "정부는 소버린 AI(주권 AI) 전략을 내놨다."
    assert parenthetical_pairs(text, tagger=Tagger(EMPTY)) == [("AI", "주권 AI")]
    assert parenthetical_pairs(text, tagger=fast_tagger) == [("소버린 AI", "주권 AI")]


# --- alias mining over a corpus --------------------------------------------------------


def _kinds(props: tuple[AliasProposal, ...]) -> list[tuple[str, str | None, str, tuple[str, ...]]]:
    return [(p.kind, p.term_id, p.term, p.aliases) for p in props]


def test_alias_of_a_known_term(test_glossary: Glossary) -> None:
    g = Glossary(
        [t for t in test_glossary if t.id != "ev"]
        + [Term(id="ev", term="전기차", en="Electric Vehicle")]
    )
    docs = [
        Document(id="a", text="유럽의 전기차(EV) 판매가 늘었다."),
        Document(id="b", text="EV(전기차) 보조금이 줄었다."),
    ]
    (p,) = mine_aliases(docs, glossary=g)
    assert (p.kind, p.term_id, p.aliases, p.support) == ("alias", "ev", ("EV",), 2)
    assert [e.doc_id for e in p.evidence] == ["a", "b"]
    assert "전기차(EV)" in p.evidence[0].sentence


@pytest.mark.parametrize(
    "text",
    [
        "빅테크의 자본 지출(CapEx)이 늘었다.",  # already an alias of the same term
        "빅테크의 자본 지출(ROI)이 늘었다.",  # ROI is another term's form
        "빅테크의 자본 지출(자본적 지출)이 늘었다.",  # both forms of one term
    ],
)
def test_nothing_to_propose_when_both_sides_are_known(text: str, test_glossary: Glossary) -> None:
    assert mine_aliases([text, text], glossary=test_glossary) == ()


def test_a_new_pair_needs_two_documents(test_glossary: Glossary) -> None:
    one = ["오라클의 잔여계약잔액(RCB)이 늘었다."]
    assert mine_aliases(one, glossary=test_glossary) == ()
    two = [*one, "RCB(잔여계약잔액)는 계약했지만 인식하지 않은 금액이다."]
    assert _kinds(mine_aliases(two, glossary=test_glossary)) == [
        ("new", None, "잔여계약잔액", ("RCB",))
    ]
    assert _kinds(mine_aliases(one, glossary=test_glossary, min_support=1)) == [
        ("new", None, "잔여계약잔액", ("RCB",))
    ]


def test_the_head_is_chosen_by_support_across_documents() -> None:
    docs = [f"올해 고대역폭메모리(HBM) 수요가 {i}배 늘었다." for i in range(3)]
    docs += ["업계는 차세대 고대역폭메모리(HBM)에 투자한다.", "설비 지출(SPX)이 줄었다."]
    docs += ["기업의 설비 지출(SPX)이 늘었다."]
    props = mine_aliases(docs, glossary=EMPTY)
    assert _kinds(props) == [
        ("new", None, "고대역폭메모리", ("HBM",)),
        ("new", None, "설비 지출", ("SPX",)),
    ]
    assert [p.support for p in props] == [4, 2]


def test_a_name_given_to_many_phrases_is_an_annotation() -> None:
    docs = [f"{w}(KRX) 지수가 올랐다." for w in ("코스피", "코스닥", "코넥스", "선물지수")] * 2
    assert mine_aliases(docs, glossary=EMPTY) == ()
    assert len(mine_aliases(docs, glossary=EMPTY, max_partners=4)) == 1


def test_mine_aliases_checks_its_arguments() -> None:
    with pytest.raises(ValueError, match="`min_support` should be an int >= 1, got 0"):
        mine_aliases([], glossary=EMPTY, min_support=0)
    with pytest.raises(TypeError, match=r"corpus\.Document or str, got int at position 0"):
        mine_aliases([3], glossary=EMPTY)  # type: ignore[list-item]


@pytest.mark.realdata
def test_alias_mining_on_kdi_summaries(shared_data: Path) -> None:
    docs = []
    for name in ("kdi_epic_research_ko.jsonl", "kdi_epic_policy_materials.jsonl"):
        with open(shared_data / "news" / name, encoding="utf-8") as fh:
            for line in itertools.islice(fh, 3000):
                row = json.loads(line)
                docs.append(Document(id=row["id"], title=row["title"], body=row["body"]))
    props = mine_aliases(docs, glossary=EMPTY)
    pairs = {(p.term, a) for p in props for a in p.aliases}
    assert len(pairs) >= 10
    assert all(p.support >= 2 for p in props)
    assert all(e.doc_id and e.sentence for p in props for e in p.evidence)
