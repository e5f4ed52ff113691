"""The default "explain" order: central terms a reader needs explained, not everyday words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import glossary
from corpus import Document
from extract import Tagger, build_box
from extract.box.rank import MIN_SCORE, explain_score, specificity
from glossary import BackgroundFrequencies, Glossary

# Written for these tests: an AI-cloud story that repeats everyday words (인공지능, 클라우드,
# 매출, 금리) more often than the three specialised terms it also uses.
ARTICLE = Document(
    id="syn-1",
    title="클라우드 기업들, 인공지능 경쟁에 자본 지출 늘려",
    body=(
        "인공지능 수요가 커지면서 클라우드 기업들의 매출이 늘고 있다. "
        "한 클라우드 업체는 인공지능 서버를 사들이느라 올해 자본 지출을 두 배로 늘리겠다고 밝혔다. "
        "금리가 내려가면 인공지능 투자가 더 빨라질 것이라는 전망도 나온다. "
        "이 업체의 클라우드 백로그는 지난 분기 크게 불어났다. "
        "클라우드 매출과 인공지능 매출이 함께 늘었지만 금리 부담은 여전하다. "
        "투자자들은 투자 자본 수익률을 따지기 시작했고, "
        "클라우드 백로그가 매출로 바뀌는 속도에 주목한다. "
        "인공지능 경쟁이 길어지면 금리와 매출 전망도 흔들릴 수 있다."
    ),
)
SPECIALISED = ["cloud_backlog", "capex", "roi"]
EVERYDAY = ["ai", "interest_rate", "revenue", "cloud"]


def test_specialised_terms_rank_above_everyday_ones(default_tagger: Tagger) -> None:
    # basic=True: the bundled glossary marks these everyday words basic (left out by
    # default, see below); the order must put them last even when they are shown.
    box = build_box([ARTICLE], tagger=default_tagger, top=None, min_score=0, basic=True)
    order = [e.term_id for e in box.entries]
    assert box.rank == "explain"
    assert set(SPECIALISED + EVERYDAY) <= set(order)
    assert max(order.index(t) for t in SPECIALISED) < min(order.index(t) for t in EVERYDAY)
    # ... although every everyday word is mentioned more often than any specialised one.
    mentions = {e.term_id: e.mentions for e in box.entries}
    assert min(mentions[t] for t in ("ai", "revenue", "cloud")) > max(
        mentions[t] for t in SPECIALISED
    )
    frequency = [
        e.term_id
        for e in build_box([ARTICLE], tagger=default_tagger, rank="frequency", basic=True).entries
    ]
    assert frequency[0] in EVERYDAY  # what the old default showed first


def test_everyday_words_are_basic_in_the_bundled_glossary(default_tagger: Tagger) -> None:
    g = default_tagger.glossary
    assert all(g[t].basic for t in EVERYDAY)
    assert not any(g[t].basic for t in SPECIALISED)
    shown = {e.term_id for e in build_box([ARTICLE], tagger=default_tagger, top=None).entries}
    assert set(SPECIALISED) <= shown and not set(EVERYDAY) & shown


def test_top_is_a_maximum_and_the_threshold_drops_padding(default_tagger: Tagger) -> None:
    box = build_box([ARTICLE], tagger=default_tagger, top=10, basic=True)
    shown = [e.term_id for e in box.entries]
    assert set(SPECIALISED) <= set(shown) and len(shown) < 10
    assert not {"ai", "interest_rate", "revenue"} & set(shown)
    assert all(e.score is not None and e.score >= MIN_SCORE for e in box.entries)
    relaxed = build_box([ARTICLE], tagger=default_tagger, top=10, min_score=0, basic=True)
    assert len(relaxed.entries) > len(shown)
    assert [e.term_id for e in relaxed.entries][: len(shown)] == shown
    strict = build_box([ARTICLE], tagger=default_tagger, top=10, min_score=0.99)
    assert strict.entries == ()


def test_house_list_by_id_or_any_form(default_tagger: Tagger) -> None:
    kept = [e.term_id for e in build_box([ARTICLE], tagger=default_tagger, top=None).entries]
    for house in (["capex", "roi"], ["자본지출", "ROI"], ["Capex", "투자 자본 수익률"]):
        box = build_box([ARTICLE], tagger=default_tagger, top=None, exclude_terms=house)
        assert [e.term_id for e in box.entries] == [t for t in kept if t not in ("capex", "roi")]
    freq = build_box(
        [ARTICLE], tagger=default_tagger, rank="frequency", basic=True, exclude_terms=["인공지능"]
    )
    assert "ai" not in {e.term_id for e in freq.entries}
    with pytest.raises(ValueError, match=r"`exclude_terms` .* got '없는용어', which is neither"):
        build_box([ARTICLE], tagger=default_tagger, exclude_terms=["capex", "없는용어"])


def test_background_decides_what_is_familiar(fast_tagger: Tagger) -> None:
    docs = [Document(id="1", text="연준은 금리를 묶었다. 시장은 금리 인하를 기다린다.")]
    # The test glossary has no bundled background: centrality alone orders it.
    assert build_box(docs, tagger=fast_tagger).entries[0].term_id == "fed"
    rate_is_rare = {
        "documents": 10_000,
        "df": {"fed": 3_000, "interest_rate": 2_000, "rate_cut": 1},
    }
    box = build_box(docs, tagger=fast_tagger, background=rate_is_rare, top=None)
    assert box.entries[0].term_id == "rate_cut" and "fed" not in {e.term_id for e in box.entries}
    as_object = BackgroundFrequencies.from_dict(rate_is_rare)
    assert build_box(docs, tagger=fast_tagger, background=as_object) == box
    # Documents as the background: 연준 is in every one of them, so it is familiar.
    background = [Document(id=f"b{i}", text=f"연준 회의 {i}차.") for i in range(30)]
    tagged = build_box(docs, tagger=fast_tagger, background=background, top=None)
    assert "fed" not in {e.term_id for e in tagged.entries}


def test_the_bundled_background_is_for_the_default_glossary_only(
    fast_tagger: Tagger, test_glossary: Glossary
) -> None:
    docs = [Document(id="1", text="금리가 올랐고 클라우드 백로그가 늘었다.")]
    own = build_box(docs, tagger=fast_tagger, top=None)
    assert {e.term_id for e in own.entries} == {"interest_rate", "cloud_backlog"}
    bundled = build_box(docs, tagger=fast_tagger, top=None, background="default")
    assert [e.term_id for e in bundled.entries] == ["cloud_backlog"]
    none = build_box(docs, tagger=fast_tagger, top=None, background=False)
    assert [(e.term_id, e.score) for e in none.entries] == [
        (e.term_id, e.score) for e in own.entries
    ]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"min_score": 1.5}, ValueError, r"`min_score` should be a number from 0 to 1, got 1\.5"),
        ({"min_score": "high"}, TypeError, r"`min_score` should be a number .* got 'high'"),
        ({"rank": "frequency", "min_score": 0.1}, ValueError, "only to rank='explain'"),
        ({"background": "news"}, ValueError, r"'default', False, .* got the string 'news'"),
        ({"background": 3}, TypeError, r"`background` should be None, .* got int"),
        ({"background": ["금리"]}, TypeError, "should be corpus.Document, got str"),
        ({"background": {"df": {}}}, ValueError, "missing field 'documents'"),
        (
            {"background": {"documents": 1, "df": {"fed": 2}}},
            ValueError,
            r"cannot exceed `documents` \(1\), got 'fed': 2",
        ),
    ],
)
def test_bad_explain_arguments(
    fast_tagger: Tagger, kwargs: dict, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        build_box([ARTICLE], tagger=fast_tagger, **kwargs)


@pytest.mark.parametrize(
    ("df", "documents", "expected"),
    [(0, 30_000, 1.0), (2, 30_000, 1.0), (30, 30_000, 0.75), (300, 30_000, 0.5), (0, 0, 1.0)],
)
def test_specificity_scale(df: int, documents: int, expected: float) -> None:
    assert specificity(df, documents) == pytest.approx(expected, abs=0.01)


def test_centrality_spread_mentions_and_position() -> None:
    def score(**kw: float) -> float:
        base = {"mentions": 1, "documents": 1, "lead": 0.0, "max_documents": 1}
        return explain_score(**{**base, **kw}, background=None, term_id="x").centrality

    assert score() < score(mentions=3) < score(mentions=3, lead=1.0) == 1.0
    # In a corpus, one document of 40 is far from central; ten are.
    assert score(max_documents=40) < 0.6 < score(documents=10, max_documents=40, lead=10)


def test_bundled_background_holds_numbers_for_default_ids() -> None:
    bg = glossary.background_frequencies()
    ids = {t.id for t in glossary.default(entities=True)}
    assert bg.glossary == glossary.default().name and bg.documents >= 10_000
    # Unseen terms are left out (df 0: fully unfamiliar). Specialised terms are rare by
    # design, so a share of every file goes unseen in 30,000 documents (about two thirds of
    # the legal-procedure and research-method files); a file counted before it was added
    # has none seen.
    assert set(bg.df) <= ids and len(bg.df) > 0.5 * len(ids)
    for path in sorted((Path(glossary.__file__).parent / "data" / "default").glob("*.yaml")):
        file_ids = re.findall(r"^  - id: (\S+)$", path.read_text(encoding="utf-8"), re.M)
        seen = sum(i in bg.df for i in file_ids)
        assert seen >= 0.25 * len(file_ids), f"{path.name}: {seen} of {len(file_ids)} seen"
    assert all(isinstance(n, int) and 0 < n <= bg.documents for n in bg.df.values())
    assert sum(bg.sources.values()) == bg.documents and len(bg.sources) >= 5
    assert max(bg.sources.values()) <= 2 * sorted(bg.sources.values())[len(bg.sources) // 2]
    assert bg.share("ai") > 10 * bg.share("cloud_backlog")


def test_background_round_trip(tmp_path: Path) -> None:
    bg = BackgroundFrequencies(documents=5, df={"b": 2, "a": 1}, sources={"x": 5}, glossary="g")
    path = tmp_path / "bg.json"
    bg.save(path)
    assert BackgroundFrequencies.load(path) == bg
    assert list(json.loads(path.read_text(encoding="utf-8"))["df"]) == ["a", "b"]
    with pytest.raises(TypeError, match=r"`df` should map str to int, got 'a': '1'"):
        BackgroundFrequencies(documents=5, df={"a": "1"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match=r"`documents` should be >= 0, got -1"):
        BackgroundFrequencies(documents=-1)
