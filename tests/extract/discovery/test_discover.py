"""Term discovery, the junk filter and the proposals file."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

import glossary
from corpus import Document
from extract import (
    AliasProposal,
    Tagger,
    TermDiscoverer,
    junk_reason,
    proposals_yaml,
    write_proposals,
)
from extract.cli import main
from glossary import Glossary, Term, form_key

EMPTY = Glossary((), name="empty")

# --- the junk filter -------------------------------------------------------------------

JUNK_CASES = [
    # phrase, reason (None: may be a term)
    ("고대역폭메모리", None),
    ("반도체 특별법", None),
    ("ESG", None),
    ("R&D 예산", None),
    ("5G", None),
    ("디지털화", None),
    ("005930", "number"),
    ("3.5%", "amount"),
    ("1.5%p", "amount"),
    ("100억원", "amount"),
    ("10조 달러", "amount"),
    ("2026년", "date"),
    ("2026년 3월", "date"),
    ("3분기", "date"),
    ("목요일", "date"),
    ("March", "date"),
    ("올해", "date"),
    ("상반기", "date"),
    ("억원", "unit"),
    ("포인트", "unit"),
    ("홍길동 기자", "byline"),
    ("연합뉴스", "byline"),
    ("Xinhua", "byline"),  # one agency list for discovery and the parenthesis miner
    ("Yonhap", "byline"),
    ("2.5%p", "amount"),
    ("2분기", "date"),
    ("hong@yna.co.kr", "e-mail or web address"),
    ("www.example.com", "e-mail or web address"),
    ("폭", "fragment"),
    ("A", "fragment"),
    ("금리가", "particle or ending"),
    ("늘렸다", "particle or ending"),
    ("그 금리", "not a noun phrase"),
]


@pytest.mark.parametrize(("phrase", "reason"), JUNK_CASES)
def test_junk_reason(phrase: str, reason: str | None) -> None:
    assert junk_reason(phrase) == reason


def test_junk_reason_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="`phrase` should be a str, got int"):
        junk_reason(3)  # type: ignore[arg-type]


# --- TermDiscoverer --------------------------------------------------------------------

FILLER = ["정부", "지원", "계획", "발표", "추진", "사업", "시장", "기업", "정책", "확대"]
PLANTED = "기후 공시 의무화"


def _synthetic_corpus(seed: int = 0) -> list[Document]:
    """60 documents of generic noun phrases; the planted phrase is in 12 of them."""
    rng = random.Random(seed)
    docs = []
    for i in range(60):
        words = rng.sample(FILLER, 6)
        sents = [
            f"{words[0]} {words[1]}의 {words[2]} 방향이 나왔다.",
            f"{words[3]} {words[4]} {words[5]} 점검이 끝났다.",
            f"{words[2]} {words[5]} 규모는 {rng.randint(2, 99)}조원이다.",
        ]
        if i % 5 == 0:
            sents.insert(1, f"금융당국은 {PLANTED} 일정을 {rng.randint(1, 12)}월에 정한다.")
            sents.append(f"{PLANTED} 대상은 상장사다.")
        docs.append(Document(id=f"d{i}", title=f"{words[0]} 동향", body=" ".join(sents)))
    return docs


DISCLOSURE = Glossary(
    [
        Term(id="esg_disclosure", term="ESG 공시"),
        Term(id="fair_disclosure", term="공정 공시"),
        Term(id="mandate", term="공개 의무화"),
        Term(id="market", term="증권시장"),
    ],
    name="disclosure",
)


@pytest.fixture(scope="module")
def fitted() -> TermDiscoverer:
    return TermDiscoverer(glossary=DISCLOSURE, min_df=3, max_candidates=30).fit(_synthetic_corpus())


def test_a_planted_phrase_ranks_in_the_top_five(fitted: TermDiscoverer) -> None:
    top = [c.phrase for c in fitted.candidates_[:5]]
    assert PLANTED in top
    planted = next(c for c in fitted.candidates_ if c.phrase == PLANTED)
    assert (planted.df, planted.tf, planted.head_terms) == (12, 24, 1)
    assert planted.c_value > 0 and 0 < planted.score <= 1
    assert len(planted.examples) == 3
    assert len({e.doc_id for e in planted.examples}) == 3
    assert all(PLANTED in e.sentence for e in planted.examples)


def test_candidates_leave_out_junk_and_known_terms(fitted: TermDiscoverer) -> None:
    keys = {c.key for c in fitted.candidates_}
    assert fitted.n_documents_ == 60 and fitted.n_background_ == 0
    junk = {"number", "amount", "date", "unit", "byline", "fragment"}
    assert not any(junk_reason(c.phrase) in junk for c in fitted.candidates_)
    assert not any("조원" in k or k.endswith("월") for k in keys)
    known = {form_key(f) for t in DISCLOSURE for f in t.forms}
    assert not keys & known


def test_mentions_of_known_terms_are_masked() -> None:
    docs = [f"기후 공시 의무화 논의와 기후 공시 의무화 일정 {i}" for i in range(4)]
    g = Glossary([Term(id="climate_disclosure", term="기후 공시")])
    keys = {c.key for c in TermDiscoverer(glossary=g, min_df=2).fit(docs).candidates_}
    assert "기후공시" not in keys and "기후" not in keys and "공시" not in keys
    assert "기후공시의무화" in keys  # a longer phrase around a known term stays


def test_order_is_deterministic() -> None:
    docs = _synthetic_corpus(seed=3)
    a = TermDiscoverer(glossary=DISCLOSURE, n_examples=0).fit(docs).candidates_
    b = TermDiscoverer(glossary=DISCLOSURE, n_examples=0).fit(list(reversed(docs))).candidates_
    assert [c.key for c in a] == [c.key for c in b]
    assert [c.score for c in a] == sorted((c.score for c in a), reverse=True)


def test_background_lowers_phrases_common_there() -> None:
    docs = _synthetic_corpus()
    background = [f"{PLANTED} 소식 {i}" for i in range(200)]
    plain = TermDiscoverer(glossary=DISCLOSURE).fit(docs).candidates_
    contrasted = TermDiscoverer(glossary=DISCLOSURE, background=background).fit(docs)
    assert contrasted.n_background_ == 200

    def tfidf(cands: tuple) -> float:
        return next(c.tfidf for c in cands if c.phrase == PLANTED)

    assert tfidf(contrasted.candidates_) < tfidf(plain)


def test_fit_returns_self_and_reports_progress() -> None:
    seen: list[int] = []
    d = TermDiscoverer(glossary=EMPTY, min_df=1)
    assert d.fit(["반도체 특별법", "", "반도체 특별법 개정"], progress=seen.append) is d
    assert sum(seen) == 3
    assert not hasattr(TermDiscoverer(glossary=EMPTY), "candidates_")


def test_no_candidates_gives_an_empty_result() -> None:
    d = TermDiscoverer(glossary=EMPTY).fit(["금리가 올랐다."])
    assert (d.candidates_, d.n_keys_) == ((), 0)


@pytest.mark.parametrize(
    ("params", "error", "match"),
    [
        ({"min_df": 0}, ValueError, "`min_df` should be an int >= 1, got 0"),
        ({"max_candidates": "10"}, ValueError, "`max_candidates` should be an int >= 1"),
        ({"weights": {"cvalue": 1}}, ValueError, "unknown key 'cvalue'; valid keys: c_value"),
        ({"weights": {"df": 0}}, ValueError, "numbers >= 0, not all 0"),
        ({"background": "금리"}, TypeError, "iterable of documents, got a single str"),
        ({"glossary": ["금리"]}, TypeError, "should be a glossary.Glossary, got list"),
    ],
)
def test_parameters_are_checked_at_fit(params: dict, error: type, match: str) -> None:
    d = TermDiscoverer(**params)  # __init__ only stores
    with pytest.raises(error, match=match):
        d.fit(["반도체 특별법"])


# --- the proposals file ----------------------------------------------------------------


def _proposals(test_glossary: Glossary) -> tuple[Glossary, list, list[AliasProposal]]:
    g = Glossary([t for t in test_glossary if t.id != "ev"] + [Term(id="ev", term="전기차")])
    cands = (
        TermDiscoverer(glossary=g, min_df=3, max_candidates=3).fit(_synthetic_corpus()).candidates_
    )
    props = [
        AliasProposal("alias", "ev", "전기차", ("EV", "BEV"), 2, ()),
        AliasProposal("alias", "capex", "자본 지출", ("자본지출 규모",), 1, ()),
        AliasProposal("new", None, "잔여계약잔액", ("RCB", "Remaining Contract Balance"), 2, ()),
        AliasProposal("new", None, "설비 지출", ("SPX",), 2, ()),
    ]
    return g, list(cands), props


def test_the_proposals_file_is_a_glossary(tmp_path: Path, test_glossary: Glossary) -> None:
    g, cands, props = _proposals(test_glossary)
    path = tmp_path / "proposals.yaml"
    write_proposals(path, cands, props, g)
    text = path.read_text(encoding="utf-8")
    loaded = glossary.load(path)  # validates: raises on any error
    ids = [t.id for t in loaded]
    assert ids[:4] == ["ev", "capex", "rcb", "spx"]  # as given: aliases, then new terms
    assert [t.term for t in loaded][4:] == [c.phrase for c in cands]
    assert all(i.startswith("cand_") for i in ids[4:])
    assert loaded["ev"].aliases == ("EV", "BEV")
    assert loaded["capex"].aliases[-1] == "자본지출 규모"
    assert loaded["capex"].related == ()  # left out, listed in a comment
    assert "# related: [roi] left out" in text
    assert f"# new term: score {cands[0].score:.3f}, in {cands[0].df} documents" in text
    assert f"#   [{cands[0].examples[0].doc_id}] " in text
    assert "# definition: (write one)" in text  # a hint, not an empty field
    assert loaded["capex"].definition == g["capex"].definition  # the entry is kept whole
    assert not any(t.definition for t in loaded if t.id not in g)


def test_merging_the_proposals_adds_terms_and_aliases(
    tmp_path: Path, test_glossary: Glossary
) -> None:
    g, cands, props = _proposals(test_glossary)
    path = tmp_path / "proposals.yaml"
    write_proposals(path, cands, props, g)
    merged = glossary.merge(g, glossary.load(path)).glossary
    assert [i for i in glossary.validate(merged) if i.is_error] == []
    assert merged["ev"].aliases == ("EV", "BEV")
    assert merged["rcb"].aliases == ("RCB", "Remaining Contract Balance")
    assert len(merged) == len(g) + 2 + len(cands)
    assert [m.term_id for m in Tagger(merged).tag("잔여계약잔액과 EV")] == ["rcb", "ev"]


def test_a_form_goes_to_the_first_entry_that_claims_it(
    tmp_path: Path, test_glossary: Glossary
) -> None:
    props = [
        AliasProposal("alias", "ev", "전기차", ("BEV",), 2, ()),
        AliasProposal("new", None, "배터리 전기차", ("BEV",), 2, ()),
        AliasProposal("new", None, "전기 자동차", ("Ev",), 2, ()),  # EV is taken (any case)
    ]
    path = tmp_path / "p.yaml"
    path.write_text(proposals_yaml([], props, test_glossary), encoding="utf-8")
    loaded = glossary.load(path)
    assert [(t.id, t.term, t.aliases) for t in loaded][1:] == [
        ("cand_0001", "배터리 전기차", ()),
        ("cand_0002", "전기 자동차", ()),
    ]
    assert loaded["ev"].aliases == ("EV", "BEV")


def test_discover_command(tmp_path: Path, test_glossary: Glossary) -> None:
    g = Glossary(
        [t for t in test_glossary if t.id != "ev"]
        + [Term(id="ev", term="전기차", en="Electric Vehicle")]
    )
    glossary.save(g, tmp_path / "g.yaml")
    rows = [{"id": d.id, "title": d.title, "body": d.body} for d in _synthetic_corpus()]
    rows += [
        {"id": "x1", "title": "전기차(EV) 판매", "body": "EV(전기차) 보조금"},
        {"id": "x2", "title": "잔여계약잔액(RCB) 증가", "body": "RCB(잔여계약잔액) 공시"},
        # Two letters name many things: an acronym of two needs two documents.
        {"id": "x3", "title": "전기차(EV) 충전", "body": None},
    ]
    data = tmp_path / "news.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "proposals.yaml"
    runner = CliRunner()
    # Without a glossary head (공시) the planted phrase competes with random filler pairs
    # for the top places; its ranking is tested above, this checks the command's output.
    res = runner.invoke(
        main, ["discover", str(data), "-g", str(tmp_path / "g.yaml"), "--top", "10", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert "read 63 documents" in res.output
    loaded = glossary.load(out)
    assert loaded["ev"].aliases == ("EV",)
    assert any(t.term == PLANTED for t in loaded)
    res = runner.invoke(
        main,
        ["glossary", "merge", str(tmp_path / "g.yaml"), str(out), "-o", str(tmp_path / "n.yaml")],
    )
    assert res.exit_code == 0, res.output
    assert glossary.load(tmp_path / "n.yaml")["ev"].aliases == ("EV",)


def test_discover_command_wants_yaml(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["discover", "x.jsonl", "-o", str(tmp_path / "p.json")])
    assert res.exit_code == 2
    assert "the proposals file is YAML" in res.output


# --- docstring examples and real data --------------------------------------------------


@pytest.mark.parametrize(
    "aliases",
    [
        tuple(f"자본적 지출 표기 {i}" for i in range(12)),  # a long list: block style
        ("Capex", "줄\u2028바꿈"),  # a line separator a YAML reader would fold: quoted
    ],
)
def test_proposals_write_entries_as_glossary_files_do(tmp_path: Path, aliases: tuple) -> None:
    from extract import proposals_yaml
    from extract.discovery.records import AliasProposal

    old = Term(id="capex", term="자본 지출", aliases=aliases[:1])
    proposal = AliasProposal("alias", "capex", "자본 지출", aliases[1:], 1, ())
    text = proposals_yaml([], [proposal], Glossary([old]))
    glossary.save(
        Glossary([Term(id="capex", term="자본 지출", aliases=aliases)]), tmp_path / "g.yaml"
    )
    entry = (tmp_path / "g.yaml").read_text(encoding="utf-8").split("terms:\n")[1]
    assert entry in text
    written = tmp_path / "p.yaml"
    written.write_text(text, encoding="utf-8")
    assert glossary.load(written)["capex"].aliases == aliases


# --- the glossary's domain -------------------------------------------------------------

FINANCE = Glossary(
    [
        Term(id="rate", term="기준금리"),
        Term(id="bond", term="국고채"),
        Term(id="fx", term="원달러 환율"),
        Term(id="everyday", term="주말", basic=True),
    ],
    name="finance",
)


def _two_topics() -> list[Document]:
    """Two unknown phrases in as many documents: one among the glossary's terms, one
    among words the glossary does not hold (and an everyday glossary word, which does
    not make a text part of the domain)."""
    docs = []
    for i in range(8):
        docs.append(
            Document(
                id=f"f{i}",
                body=f"기준금리 동결로 국고채와 원달러 환율이 움직였고 유동성 완충장치 {i}호가 가동됐다.",
            )
        )
        docs.append(
            Document(
                id=f"g{i}",
                body=f"주말 공원 산책로와 놀이터 주변에서 꽃길 정비구역 {i}곳이 지정됐다.",
            )
        )
    return docs


def test_a_phrase_of_the_glossarys_domain_scores_above_one_of_another() -> None:
    def scores(weights: dict[str, float] | None) -> dict[str, float]:
        d = TermDiscoverer(glossary=FINANCE, min_df=3, weights=weights, n_examples=0)
        return {c.phrase: c.score for c in d.fit(_two_topics()).candidates_}

    from extract.discovery.discoverer import WEIGHTS

    with_domain = scores(None)
    without = scores({k: v for k, v in WEIGHTS.items() if k != "domain"})
    ours, other = "유동성 완충장치", "꽃길 정비구역"
    assert {ours, other} <= with_domain.keys()
    # The domain component alone moves them apart, in the glossary's favour.
    assert with_domain[ours] / with_domain[other] > without[ours] / without[other]
