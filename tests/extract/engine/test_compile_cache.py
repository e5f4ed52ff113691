"""A glossary's automaton read back from the on-disk cache matches a fresh compile."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from extract.engine import matcher
from extract.engine.matcher import TermMatcher

TEXTS = [
    "한국은행이 기준금리를 동결하자 시장금리인하 기대감에 채권금리가 하락했다.",
    "엔비디아의 HBM 수요와 AI반도체 투자, 유가증권시장 상장 기업들의 CapEx가 늘었다.",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KOTREND_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("KOTREND_NO_CACHE", raising=False)
    return tmp_path


def test_cached_automaton_gives_the_same_candidates(cache: Path) -> None:
    g = glossary.default(entities=True)
    assert len(g) >= matcher.CACHE_MIN_TERMS
    built = TermMatcher(g)  # compiles and writes the cache
    assert len(list(cache.glob("matcher-*.pickle"))) == 1
    read = TermMatcher(g)
    assert read._automaton is not built._automaton
    assert read.n_patterns == built.n_patterns
    assert read._latin_forms == built._latin_forms
    for text in TEXTS:
        assert read.candidates(text) == built.candidates(text)
        assert read.candidates(text)


def test_another_glossary_gets_its_own_automaton(cache: Path) -> None:
    # Just over the size that is cached: compiling all of the default glossary twice
    # would show the same and cost seconds.
    default = glossary.default()
    g = glossary.Glossary(default.terms[: matcher.CACHE_MIN_TERMS], name=default.name)
    terms = [glossary.Term(id="zz_new", term="쿼크금리"), *g.terms]
    bigger = glossary.Glossary(terms, name=g.name, version=g.version)
    assert not any(c.term_id == "zz_new" for c in TermMatcher(g).candidates("쿼크금리 상승"))
    assert [c.term_id for c in TermMatcher(bigger).candidates("쿼크금리 상승")][:1] == ["zz_new"]
    assert len(list(cache.glob("matcher-*.pickle"))) == 2


def test_small_glossaries_are_not_written(cache: Path) -> None:
    TermMatcher(glossary.Glossary([glossary.Term(id="rate", term="금리")]))
    assert not list(cache.glob("matcher-*"))
