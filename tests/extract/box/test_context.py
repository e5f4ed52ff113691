"""An article with its coverage: build_box(..., corpus=...) and its related terms."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

import corpus
import glossary
from corpus import Document
from extract import FORMATS, Tagger, build_box, tag_archive
from extract.box.context import CorpusContext, corpus_context

# Written for these tests (not the seed brief): big-tech AI spending and its payoff. It
# never names hyperscalers or sovereign AI, which the bundled sample's coverage does.
ARTICLE = Document(
    id="article",
    text=(
        "미국 빅테크 4사가 올해 AI 인프라에 쏟아붓는 자본 지출이 사상 최대를 기록할 전망이다. "
        "마이크로소프트와 알파벳은 실적 발표에서 클라우드 백로그가 빠르게 쌓이고 있다며 "
        "CapEx 가이던스를 올렸다. 그러나 월가에서는 막대한 투자 대비 투자 자본 수익률(ROI)이 "
        '언제 확인될지를 두고 의문이 커지고 있다. 한 애널리스트는 "자본 지출 증가 속도가 '
        '매출 증가 속도를 앞지르고 있다"고 지적했다. 감가상각비 부담이 이익률을 끌어내릴 수 '
        "있다는 우려도 나온다."
    ),
)


@pytest.fixture(scope="module")
def sample_context(default_tagger: Tagger) -> CorpusContext:
    return corpus_context(corpus.load_sample(), tagger=default_tagger)


@pytest.fixture(scope="module")
def article_terms(default_tagger: Tagger) -> set[str]:
    return {m.term_id for m in default_tagger.tag(ARTICLE.text)}


def test_related_terms_come_from_the_coverage(
    default_tagger: Tagger, sample_context: CorpusContext, article_terms: set[str]
) -> None:
    box = build_box([ARTICLE], tagger=default_tagger, corpus=sample_context)
    related = [e.term_id for e in box.related]
    assert {"hyperscaler", "sovereign_ai"} <= set(related)
    assert len(related) <= 3
    assert not set(related) & article_terms  # apart from the article's own terms
    for e in box.related:
        assert e.trend is not None and e.trend > 0  # rising in the corpus
        assert e.rise is not None and e.rise_totals is not None
        assert e.example is not None and e.example.doc_id != "article"
    # the box itself still ranks the article: every entry is a term of the article
    assert {e.term_id for e in box.entries} <= article_terms
    assert (box.n_documents, box.corpus_documents) == (1, 40)


def test_related_examples_are_not_quoted_twice(
    default_tagger: Tagger, sample_context: CorpusContext
) -> None:
    box = build_box([ARTICLE], tagger=default_tagger, corpus=sample_context, top=10, related=5)
    quoted = [e.example.sentence for e in box.entries + box.related if e.example]
    assert len(quoted) == len(set(quoted))


def test_examples_prefer_the_article_and_count_the_corpus(
    default_tagger: Tagger, sample_context: CorpusContext
) -> None:
    alone = {e.term_id: e for e in build_box([ARTICLE], tagger=default_tagger).entries}
    box = build_box([ARTICLE], tagger=default_tagger, corpus=sample_context)
    capex = next(e for e in box.entries if e.term_id == "capex")
    assert capex.example is not None and capex.example.doc_id == "article"
    assert capex.examples[0].doc_id == "article"
    assert any(ex.doc_id != "article" for ex in capex.examples)
    assert capex.n_examples > alone["capex"].n_examples  # N counts article and corpus
    assert (capex.mentions, capex.documents) == (
        alone["capex"].mentions,
        alone["capex"].documents,
    )  # counts stay the article's


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_the_related_section(
    default_tagger: Tagger, sample_context: CorpusContext, fmt: str
) -> None:
    box = build_box([ARTICLE], tagger=default_tagger, corpus=sample_context)
    out = box.render(fmt)
    if fmt == "json":
        data = json.loads(out)
        assert {"hyperscaler", "sovereign_ai"} <= {e["term_id"] for e in data["related"]}
        assert data["corpus_documents"] == 40
    else:
        assert "관련 키워드" in out and "하이퍼스케일러" in out
        assert out.index("관련 키워드") < out.index("하이퍼스케일러")
        assert "함께 읽은 기사 40건" in out


def test_a_box_without_corpus_has_no_related_section(default_tagger: Tagger) -> None:
    box = build_box([ARTICLE], tagger=default_tagger)
    assert box.related == () and box.corpus_documents is None
    assert "관련 키워드" not in box.to_text() and '"related"' not in box.to_json()


def test_corpus_as_files_equals_corpus_as_documents(
    default_tagger: Tagger, sample_context: CorpusContext
) -> None:
    from_files = build_box([ARTICLE], tagger=default_tagger, corpus=str(corpus.sample_path()))
    from_docs = build_box([ARTICLE], tagger=default_tagger, corpus=sample_context)
    assert from_files.to_json() == from_docs.to_json()


def test_corpus_as_run_dir(
    tmp_path: Path, default_tagger: Tagger, sample_context: CorpusContext
) -> None:
    src = tmp_path / "news.jsonl"
    shutil.copy(corpus.sample_path(), src)
    tag_archive(src, tmp_path / "run", glossary=default_tagger.glossary)
    ctx = corpus_context(str(tmp_path / "run"), tagger=default_tagger)
    assert ctx.n_documents == 40 and ctx.doc_terms == sample_context.doc_terms
    box = build_box([ARTICLE], tagger=default_tagger, corpus=ctx)
    want = build_box([ARTICLE], tagger=default_tagger, corpus=sample_context)
    assert [e.term_id for e in box.related] == [e.term_id for e in want.related]
    # examples were read for the terms shown only, not for every term of the run
    assert set(ctx.examples) == {e.term_id for e in box.entries + box.related}
    # the run's input is still there: examples are cut from it at the stored offsets
    assert all(e.example is not None for e in box.related)
    assert [e.example.sentence for e in box.related if e.example] == [
        e.example.sentence for e in want.related if e.example
    ]
    # without its input, a run still gives related terms, but no examples for them
    src.unlink()
    gone = build_box([ARTICLE], tagger=default_tagger, corpus=tmp_path / "run")
    assert [e.term_id for e in gone.related] == [e.term_id for e in want.related]
    assert all(e.example is None for e in gone.related)


def test_undated_corpus_orders_by_cooccurrence(default_tagger: Tagger) -> None:
    undated = [Document(id=d.id, title=d.title, body=d.body) for d in corpus.load_sample()]
    box = build_box([ARTICLE], tagger=default_tagger, corpus=undated, related=10)
    assert box.related  # no rise to require, co-occurrence alone
    assert all(e.rise is None and e.trend is None for e in box.related)


def test_no_rise_no_related_term(default_tagger: Tagger) -> None:
    # 하이퍼스케일러 beside 자본 지출 in every document, but no more often lately
    body = "하이퍼스케일러들이 자본 지출을 늘렸다. 데이터센터 투자 경쟁이 치열하다."
    flat = [Document(id=str(m), date=dt.date(2026, m, 1), text=body) for m in range(1, 13)]
    box = build_box([ARTICLE], tagger=default_tagger, corpus=flat)
    assert box.related == ()


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"rank": "trending"}, ValueError, r"`corpus` works with rank='explain' or 'frequency'"),
        ({"related": -1}, ValueError, r"`related` should be an int >= 0, got -1"),
    ],
)
def test_bad_corpus_options(kwargs: dict, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        build_box([ARTICLE], corpus=[ARTICLE], **kwargs)


@pytest.mark.parametrize(
    ("source", "error", "match"),
    [
        ("no/such.jsonl", FileNotFoundError, r"no such file or directory: 'no/such.jsonl'"),
        (42, TypeError, r"`corpus` should be a run directory, .* got int"),
    ],
)
def test_bad_corpus_source(default_tagger: Tagger, source: object, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        build_box([ARTICLE], tagger=default_tagger, corpus=source)


def test_context_of_another_glossary_is_refused(sample_context: CorpusContext) -> None:
    other = Tagger(glossary.Glossary([glossary.Term(id="capex", term="자본 지출")]))
    with pytest.raises(ValueError, match="built with another glossary"):
        build_box([ARTICLE], tagger=other, corpus=sample_context)
