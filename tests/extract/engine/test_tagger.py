"""Tagger case tables: particles, spacing, case, plurals, nesting and traps."""

from __future__ import annotations

import pickle

import pytest

from extract import Mention, Tagger

CASES = [
    # (text, [(surface, term_id), ...], why)
    (
        "하이퍼스케일러들은 올해 자본지출로 6600억 달러를",
        [("하이퍼스케일러", "hyperscaler"), ("자본지출", "capex")],
        "들+particle; spacing variant",
    ),
    ("하이퍼스케일러다.", [("하이퍼스케일러", "hyperscaler")], "copula"),
    ("하이퍼스케일러였다.", [("하이퍼스케일러", "hyperscaler")], "copula past"),
    ("빅테크의 CapEx가 늘었다", [("CapEx", "capex")], "Latin alias inside Korean"),
    (
        "capex와 CAPEX, Capex",
        [("capex", "capex"), ("CAPEX", "capex"), ("Capex", "capex")],
        "case-insensitive Latin",
    ),
    ("capital expenditures rose", [("capital expenditures", "capex")], "English plural"),
    (
        "Hyperscalers keep spending",
        [("Hyperscalers", "hyperscaler")],
        "English plural, capitalised",
    ),
    ("자본 지출이 늘었다", [("자본 지출", "capex")], "multi-word form as written"),
    ("자본적지출 규모", [("자본적지출", "capex")], "spacing variant of alias"),
    ("RAISE the bar", [], "AI inside a Latin word"),
    ("MAIN 시장과 AI 시장", [("AI", "ai")], "only the standalone AI"),
    ("AI반도체 수요", [("AI", "ai"), ("반도체", "semiconductor")], "Latin glued to Hangul"),
    ("생성형 AI 시장", [("생성형 AI", "generative_ai")], "longest: 생성형 AI over AI"),
    ("기준금리를 동결했다", [("기준금리", "base_rate")], "longest: 기준금리 over 금리"),
    ("금리 인하 기대", [("금리 인하", "rate_cut")], "longest: 금리 인하 over 금리"),
    ("금리인하 기대", [("금리인하", "rate_cut")], "spacing variant of nested term"),
    ("대출금리가 올랐다", [("금리", "interest_rate")], "noun inside a compound"),
    ("기준 금리를 동결했다", [("기준 금리", "base_rate")], "one-word form written spaced"),
    ("유가 증권 시장", [], "유가 inside excluded 유가증권, written spaced"),
    (
        "클라우드 백로그가 쌓였다",
        [("클라우드 백로그", "cloud_backlog")],
        "longest: 클라우드 백로그 over 클라우드",
    ),
    ("클라우드 매출이 늘었다", [("클라우드", "cloud")], "shorter term alone"),
    (
        "RPO는 잔여이행의무의 약자다",
        [("RPO", "cloud_backlog"), ("잔여이행의무", "cloud_backlog")],
        "aliases",
    ),
    ("소버린 AI를 강조했다", [("소버린 AI", "sovereign_ai")], "loanword alias kiwi would split"),
    ("주권AI 전략", [("주권AI", "sovereign_ai")], "spacing variant"),
    ("ROI가 낮다", [("ROI", "roi")], "acronym + particle"),
    ("투자자본수익률은 하락했다", [("투자자본수익률", "roi")], "spacing variant, three words"),
    ("유가증권 시장에 상장", [], "유가 inside excluded 유가증권"),
    ("유가족을 위로했다", [], "유가 inside excluded 유가족"),
    ("국제 유가가 올랐다", [("유가", "oil_price")], "유가 + particle"),
    ("금요일에 발표했다", [], "금 inside 금요일"),
    ("금 가격이 올랐다", [("금", "gold")], "금 alone"),
    ("PER이 낮다", [("PER", "per")], "case-sensitive acronym"),
    ("earnings per share", [], "PER is case-sensitive: not per"),
    ("EV 시장", [("EV", "ev")], "EV alone"),
    ("EVENT 행사", [], "EV inside a Latin word"),
    ("Fed는 금리를 동결했다", [("Fed", "fed"), ("금리", "interest_rate")], "case override"),
    ("the fed up traders", [], "fed is not Fed"),
    ("수소문 끝에 찾았다", [], "수소 inside excluded 수소문"),
    ("수소 경제", [("수소", "hydrogen")], "수소 alone"),
    ("지금 리스크가 크다", [], "no match across a space that splits a form"),
    ("Ｃａｐｅｘ가 늘었다", [("Ｃａｐｅｘ", "capex")], "full-width Latin (normalized)"),
    ("자본\n지출이 늘었다", [("자본\n지출", "capex")], "newline inside a multi-word form"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_cases(tagger: Tagger, text: str, expected: list[tuple[str, str]], why: str) -> None:
    got = [(m.surface, m.term_id) for m in tagger.tag(text)]
    assert got == expected, why


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_spans_slice_the_original(tagger: Tagger, text: str, expected: list, why: str) -> None:
    for m in tagger.tag(text, doc_id="d", field="body"):
        assert text[m.start : m.end] == m.surface
        assert m.sent_start <= m.start < m.end <= m.sent_end
        assert (m.doc_id, m.field) == ("d", "body")


def test_sentence_offsets(fast_tagger: Tagger) -> None:
    text = "첫 문장이다. 하이퍼스케일러들은 투자를 늘렸다. 마지막 문장."
    (m,) = fast_tagger.tag(text)
    assert text[m.sent_start : m.sent_end] == "하이퍼스케일러들은 투자를 늘렸다."


@pytest.mark.parametrize("mode", ["fast", "full"])
@pytest.mark.parametrize(
    "text",
    [
        "GS25 제공\n하이퍼스케일러들은 투자를 늘렸다\n다음 기사",
        "GS25 제공\r\n하이퍼스케일러들은 투자를 늘렸다\r\n다음 기사",
        # offsets move when normalized (zero-width space, full-width letters)
        "ＧＳ25\u200b 제공\n하이퍼스케일러들은 투자를 늘렸다\n다음 기사",
    ],
)
def test_a_line_break_ends_the_sentence(text: str, mode: str) -> None:
    # A photo credit or a headline on the line before is not part of the sentence.
    from glossary import Glossary, Term

    tagger = Tagger(Glossary([Term(id="hyperscaler", term="하이퍼스케일러")]), mode=mode)
    (m,) = tagger.tag(text)
    assert text[m.sent_start : m.sent_end] == "하이퍼스케일러들은 투자를 늘렸다"


def test_mention_is_frozen_record() -> None:
    m = Mention("d", "body", "capex", "Capex", 0, 5, 0, 10)
    with pytest.raises(AttributeError):
        m.start = 3  # type: ignore[misc]
    assert m.to_dict()["term_id"] == "capex"


def test_pickles_without_kiwi(fast_tagger: Tagger) -> None:
    fast_tagger.tag("기준금리 인하")  # makes sure Kiwi and the cache exist
    clone = pickle.loads(pickle.dumps(fast_tagger))
    assert [m.term_id for m in clone.tag("기준금리와 유가증권")] == ["base_rate"]


def test_bad_mode(test_glossary) -> None:
    with pytest.raises(
        ValueError, match=r"`mode` should be one of \('fast', 'full'\), but got 'slow'"
    ):
        Tagger(test_glossary, mode="slow")  # type: ignore[arg-type]


def test_bad_text(fast_tagger: Tagger) -> None:
    with pytest.raises(TypeError, match="`text` should be a str, got bytes"):
        fast_tagger.tag(b"abc")  # type: ignore[arg-type]


def test_compounds_written_spaced_follow_the_split_flag() -> None:
    from glossary import Glossary, Term

    g = Glossary(
        [
            Term(id="trade", term="무역"),
            Term(id="trade_balance", term="무역수지"),
            Term(id="chips", term="반도체"),
            Term(id="hanmi", term="한미반도체", split=False),
        ]
    )
    for mode in ("fast", "full"):
        tagger = Tagger(g, mode=mode)
        got = [(m.surface, m.term_id) for m in tagger.tag("무역 수지 적자와 한미 반도체 협력")]
        assert got == [("무역 수지", "trade_balance"), ("반도체", "chips")], mode
        assert [m.term_id for m in tagger.tag("한미반도체 주가")] == ["hanmi"], mode
