"""Keyword box: ranking, examples, and golden files for every renderer."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from corpus import Document
from extract import FORMATS, KeywordBox, Tagger, build_box, is_junk_sentence, snippet

GOLDEN = Path(__file__).parent / "golden"

DOCS = [
    Document(
        id="n1",
        date=dt.date(2026, 3, 2),
        source="한빛경제",
        title="하이퍼스케일러들, 자본 지출 경쟁",
        body=(
            "메타와 구글 등 하이퍼스케일러들은 올해 자본 지출로 총 6600억 달러를 지출할 수 있으며 "
            "내년에도 비슷한 수준을 유지할 것으로 보인다. 시장은 투자 자본 수익률(ROI)을 묻기 시작했다.\n"
            "홍길동 기자 gildong@hanbit.example\nⓒ 한빛경제, 무단 전재 및 재배포 금지"
        ),
    ),
    Document(
        id="n2",
        date=dt.date(2026, 7, 15),
        source="미래금융신문",
        title="클라우드 백로그 사상 최대",
        body=(
            "마이크로소프트의 클라우드 백로그(RPO)는 지난 분기 3920억 달러로 늘었다. "
            "마이크로소프트는 CapEx를 줄일 계획이 없다고 밝혔다. [사진=미래금융신문 DB] 데이터센터 전경"
        ),
    ),
    Document(
        id="n3",
        date=dt.date(2026, 8, 1),
        source="한빛경제",
        title="소버린 AI에 나랏돈",
        body="정부는 주권 AI 확보를 위해 데이터센터와 <b>GPU</b>를 사들인다. 기준금리는 동결됐다.",
    ),
]


@pytest.fixture(scope="module")
def box(fast_tagger: Tagger) -> KeywordBox:
    # The frequency order: the example tests below rely on which entry quotes first.
    return build_box(DOCS, tagger=fast_tagger, top=None, rank="frequency")


def test_frequency_ranks_by_documents_then_mentions(fast_tagger: Tagger) -> None:
    box = build_box(DOCS, tagger=fast_tagger, top=None, rank="frequency")
    keys = [(e.documents + e.mentions, e.documents) for e in box.entries]
    assert keys == sorted(keys, reverse=True)
    assert box.entries[0].term_id == "capex"  # 2 documents, 3 mentions
    assert {e.score for e in box.entries} == {None}
    assert box.n_documents == 3
    assert box.n_mentions == sum(e.mentions for e in box.entries)
    assert (box.date_from, box.date_to) == (dt.date(2026, 3, 2), dt.date(2026, 8, 1))


def test_examples_skip_bylines_and_credits(box: KeywordBox) -> None:
    for entry in box.entries:
        for ex in entry.examples:
            assert "@" not in ex.sentence and "ⓒ" not in ex.sentence and "사진=" not in ex.sentence
            assert ex.sentence[ex.start : ex.end]


def test_k_of_n(box: KeywordBox) -> None:
    capex = next(e for e in box.entries if e.term_id == "capex")
    assert (capex.mentions, capex.documents) == (3, 2)
    # The headline "하이퍼스케일러들, 자본 지출 경쟁" has no predicate: not a quotable sentence.
    assert capex.n_examples == 2 and len(capex.examples) == 2
    assert [ex.field for ex in capex.examples] == ["body", "body"]
    # Its best sentence is 하이퍼스케일러's only one, so 자본 지출 shows its second.
    assert capex.chosen == 1
    second = box.with_example(2)
    entry = next(e for e in second.entries if e.term_id == "capex")
    assert entry.example == capex.examples[1]
    assert next(e for e in second.entries if e.term_id == "base_rate").chosen == 0


def test_top_and_filters(fast_tagger: Tagger) -> None:
    assert len(build_box(DOCS, tagger=fast_tagger, top=2).entries) == 2
    only = build_box(DOCS, tagger=fast_tagger, categories=["통화·금리"], top=None)
    assert [e.term_id for e in only.entries] == ["base_rate"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"top": 0}, "`top` should be a positive int or None, got 0"),
        ({"rank": "weird"}, r"`rank` should be one of \('explain', 'frequency',"),
        ({"example": 0}, "`example` should be a 1-based number >= 1, got 0"),
    ],
)
def test_bad_arguments(fast_tagger: Tagger, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_box(DOCS, tagger=fast_tagger, **kwargs)


def test_deterministic(fast_tagger: Tagger) -> None:
    a = build_box(DOCS, tagger=fast_tagger).to_json()
    b = build_box(list(DOCS), tagger=fast_tagger).to_json()
    assert a == b


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(box: KeywordBox, fmt: str) -> None:
    suffix = {"markdown": "md", "html": "html", "json": "json", "text": "txt"}[fmt]
    path = GOLDEN / f"box.{suffix}"
    got = box.render(fmt)
    if os.environ.get("KOTREND_UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_html_is_escaped_and_self_contained(box: KeywordBox) -> None:
    page = box.to_html()
    assert "<b>GPU</b>" not in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert page.count("<mark>") == sum(e.example is not None for e in box.entries)
    assert "&lt;b&gt;GPU&lt;/b&gt;" in page


def test_json_has_every_example(box: KeywordBox) -> None:
    data = json.loads(box.to_json())
    assert [e["term_id"] for e in data["entries"]] == [e.term_id for e in box.entries]
    for entry, raw in zip(box.entries, data["entries"], strict=True):
        assert len(raw["examples"]) == len(entry.examples)
        for ex in raw["examples"]:
            assert ex["snippet"][ex["snippet_start"] : ex["snippet_end"]]


@pytest.mark.parametrize(
    ("sentence", "junk"),
    [
        ("홍길동 기자 gildong@example.com", True),
        ("ⓒ 한빛경제, 무단 전재 및 재배포 금지", True),
        ("[사진=한빛경제 DB] 서울 여의도 증권가 전경", True),
        ("▲ 데이터센터 내부 모습 (사진 제공=코리아테크)", True),
        ("자세한 내용은 https://example.com 에서 볼 수 있다.", True),
        ("짧다.", True),
        ("사진은 지난 3일 서울 여의도의 한 증권사 객장 모습.", True),
        ("한빛은행 김철수 팀장./사진=한빛은행 제공 연준은 기준금리를 동결했다.", True),
        ("AI 칩 첫 공개(서울=한빛뉴스) 한빛전자가 새 메모리를 선보였다.", True),
        ("[한빛경제 홍길동 기자] 이번 주 증시는 실적 발표에 주목할 것으로 보인다.", True),
        ("금리(연 3.5%)는 동결됐고 환율(원=달러)은 올랐다.", False),
        ("하이퍼스케일러들은 올해 자본 지출을 40% 늘릴 계획이다.", False),
        ("기자회견에서 그는 금리 인하 가능성을 언급했다.", False),
    ],
)
def test_junk_sentences(sentence: str, junk: bool) -> None:
    assert is_junk_sentence(sentence) is junk


def test_snippet_keeps_the_mention() -> None:
    s = "가" * 50 + " 자본 지출 " + "나" * 50
    text, a, b = snippet(s, 51, 56, width=40)
    assert text[a:b] == "자본 지출"
    assert text.startswith("…") and text.endswith("…")


def test_entries_do_not_quote_the_same_sentence(box: KeywordBox) -> None:
    shown = [e.example.sentence for e in box.entries if e.example is not None]
    assert len(shown) == len(set(shown))
    # 하이퍼스케일러's only sentence is 자본 지출's best: the term with fewer sentences keeps it.
    hyper = next(e for e in box.entries if e.term_id == "hyperscaler")
    capex = next(e for e in box.entries if e.term_id == "capex")
    assert hyper.example is not None and hyper.example.sentence == capex.examples[0].sentence
    assert capex.example is not None and capex.chosen == 1


def test_synonyms_drop_plain_plurals() -> None:
    from extract import BoxEntry, KeywordBox

    entry = BoxEntry(
        "cloud_backlog",
        "클라우드 백로그",
        (
            "Remaining Performance Obligations",
            "RPO",
            "Remaining Performance Obligation",
            "Capex",
            "CapEx",
        ),
        None,
        None,
        1,
        1,
        (),
        0,
    )
    text = KeywordBox((entry,), 1, 1).to_text()
    assert "(Remaining Performance Obligations, RPO, Capex, CapEx)" in text


def test_basic_terms_are_left_out_unless_asked(test_glossary) -> None:
    from glossary import Glossary, Term

    g = Glossary([*test_glossary, Term(id="investment", term="투자", basic=True)], name="t")
    docs = [Document(id="b1", text="투자 심리가 살아났다. 투자 확대 속에 자본 지출이 늘었다.")]
    t = Tagger(g)
    assert [e.term_id for e in build_box(docs, tagger=t).entries] == ["capex"]
    assert {e.term_id for e in build_box(docs, tagger=t, basic=True).entries} == {
        "capex",
        "investment",
    }
    assert [e.term_id for e in build_box(docs, tagger=t, terms=["investment"]).entries] == [
        "investment"
    ]


def test_examples_are_quoted_without_list_markers(fast_tagger: Tagger) -> None:
    docs = [
        Document(
            id="a", body="- 하이퍼스케일러들은 올해 자본 지출을 40% 늘릴 계획임.\nㅇ 금리는 동결됨."
        )
    ]
    box = build_box(docs, tagger=fast_tagger, top=None)
    # 자본 지출 and 하이퍼스케일러 share one sentence: one of them quotes it.
    (entry,) = [e for e in box.entries if e.example and "하이퍼" in e.example.sentence]
    ex = entry.example
    assert ex.sentence.startswith("하이퍼스케일러들은")
    surface = {"hyperscaler": "하이퍼스케일러", "capex": "자본 지출"}[entry.term_id]
    assert ex.sentence[ex.start : ex.end] == surface


@pytest.mark.parametrize(
    ("rank", "n_documents", "says", "never"),
    [
        ("explain", 1, "이 기사에서 설명이 필요한 용어를 찾지 못했습니다", "이 문서들"),
        ("explain", 3, "이 문서들에서 설명이 필요한 용어를 찾지 못했습니다", "이 기사"),
        ("frequency", 1, "이 기사에서 용어집에 있는 용어를 찾지 못했습니다", "이 문서들"),
    ],
)
def test_an_empty_box_says_why_for_one_article_or_many(
    rank: str, n_documents: int, says: str, never: str
) -> None:
    # An explain box is empty when every term found is everyday: saying "no term found"
    # would be false, and "these documents" reads oddly beside a single article.
    text = KeywordBox((), n_documents, 3, rank=rank).to_text()
    assert says in text
    assert never not in text


def test_synonyms_leave_out_numbered_instances() -> None:
    from extract import BoxEntry, KeywordBox

    # 4나노 and 12나노급 are forms the tagger needs (each is a process node), but for a
    # reader they are instances, not other names of 공정 노드.
    entry = BoxEntry(
        "process_node",
        "공정 노드",
        ("Process Node", "나노 공정", "4나노", "12나노", "11나노급", "12나노급"),
        None,
        None,
        1,
        1,
        (),
        0,
    )
    text = KeywordBox((entry,), 1, 1).to_text()
    assert "(Process Node, 나노 공정)\n" in text
    # A lone numbered form is another name of the term, not one of a series.
    sigma = BoxEntry("six_sigma", "식스 시그마", ("Six Sigma", "6시그마"), None, None, 1, 1, (), 0)
    assert "(Six Sigma, 6시그마)" in KeywordBox((sigma,), 1, 1).to_text()


def test_a_latin_name_in_brackets_is_the_korean_mention_before_it():
    # The bracket spells out the mention before it: one entry, under the Korean name.
    # Alone, the Latin name is another concept (AI: artificial intelligence; SOP: any
    # standard operating procedure; PPP: public-private partnership).
    text = (
        "고병원성 조류인플루엔자(AI)가 전국으로 확산하면서 농림축산식품부는 긴급행동지침(SOP)에 "
        "따라 방역을 강화했다. 정부는 구매력 평가 (PPP) 기준 국민소득도 발표했다."
    )
    tagged = {(m.surface, m.term_id) for m in Tagger().tag(text)}
    assert {("AI", "ai"), ("SOP", "standard_operating_procedure")} <= tagged
    box = build_box([Document(id="a", body=text)], top=10)
    ids = [e.term_id for e in box.entries]
    assert {"hpai", "sop_emergency", "purchasing_power_parity"} <= set(ids)
    assert not {"ai", "standard_operating_procedure", "public_private_partnership"} & set(ids)
    # Written on its own, the Latin name is its own entry.
    alone = "공장은 올해 SOP를 개정해 작업자 안전 점검을 강화했다."
    kept = {e.term_id for e in build_box([Document(id="b", body=alone)], top=10).entries}
    assert "standard_operating_procedure" in kept


def test_a_latin_name_spelled_out_once_keeps_that_sense_in_the_document():
    text = (
        "제약업계는 원료의약품(API: Active Pharmaceutical Ingredient)의 중국 의존도가 높다고 "
        "밝혔다. 정부는 API 국산화를 위해 생산 설비 투자를 지원하기로 했다."
    )
    assert [m.term_id for m in Tagger().tag(text) if m.surface == "API"] == ["api_economy"] * 2
    box = build_box([Document(id="a", body=text)], top=10)
    entries = {e.term_id: e for e in box.entries}
    assert "api_economy" not in entries
    assert entries["api_pharma"].mentions == 4  # 원료의약품, its English name, API twice
    # Spelled out two ways in one document, the name alone keeps the tagger's link.
    two = "조류인플루엔자(AI)와 인공지능(AI)은 다르다. 방역에 AI 기술을 쓴다."
    box = build_box([Document(id="b", body=two)], top=10, basic=True, min_score=0)
    counts = {e.term_id: e.mentions for e in box.entries}
    assert counts["ai"] == 3 and counts["livestock_disease"] == 2
