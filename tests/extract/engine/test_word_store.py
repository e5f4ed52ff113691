"""kiwipiepy's readings kept on disk: a later run reads no word twice and tags the same."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from extract import Tagger
from extract.engine import wordcheck
from extract.engine.analyzer import get_kiwi
from extract.engine.matcher import CACHE_MIN_TERMS
from extract.engine.wordcheck import WordCheck

TEXT = "시장금리인하 기대감에 채권금리가 하락했고 가계대출증가세가 이어졌다."


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KOTREND_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("KOTREND_NO_CACHE", raising=False)
    return tmp_path


class Counting:
    def __init__(self) -> None:
        self.kiwi = get_kiwi(("기준금리",))
        self.reads: list[str] = []

    def analyze(self, text: str, **kw: object) -> object:
        self.reads.append(text)
        return self.kiwi.analyze(text, **kw)


def _no_kiwi() -> object:
    raise AssertionError("kiwipiepy was asked for a word the store holds")


def test_saved_readings_answer_a_new_check_without_kiwi(cache: Path) -> None:
    first = Counting()
    check = WordCheck(lambda: first, store=["시험"])
    verdicts = [check("대출금리를 올렸다", 2, 4), check("유가증권시장", 0, 2)]
    check.save()
    assert first.reads == ["대출금리", "유가증권시장"]
    again = WordCheck(_no_kiwi, store=["시험"])
    assert [again("대출금리는 올랐다", 2, 4), again("유가증권시장", 0, 2)] == verdicts
    other = Counting()
    WordCheck(lambda: other, store=["다른 사전"])("대출금리를", 2, 4)
    assert other.reads == ["대출금리"]  # another key: its own store


def test_without_a_store_nothing_is_written(cache: Path) -> None:
    check = WordCheck(lambda: Counting())
    check("대출금리가 올랐다", 2, 4)
    check.save()
    assert not list(cache.iterdir())


def test_saves_merge_and_keep_the_newest(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordcheck, "STORE_LIMIT", 2)
    a, b = WordCheck(lambda: Counting(), store=["k"]), WordCheck(lambda: Counting(), store=["k"])
    a("대출금리를", 2, 4)
    want = b("유가증권시장", 0, 2)  # b loaded the store before a saved
    a.save()
    b.save()
    want = (want, b("기준금리를", 2, 4))
    b.save()
    reader = WordCheck(_no_kiwi, store=["k"])
    assert (reader("유가증권시장", 0, 2), reader("기준금리", 2, 4)) == want
    with pytest.raises(AssertionError, match="store holds"):
        reader("대출금리를", 2, 4)  # the oldest word went


def _large_glossary() -> glossary.Glossary:
    """The default glossary's entries for TEXT's words and enough others to count as
    large (CACHE_MIN_TERMS): the same path as the whole glossary, without building its
    automaton and word classes three times from an empty cache (20 s)."""
    full = glossary.default()
    squeezed = TEXT.replace(" ", "")
    wanted = [t for t in full if any(f.replace(" ", "") in squeezed for f in t.forms)]
    ids = {t.id for t in wanted}
    rest = [t for t in full if t.id not in ids][: CACHE_MIN_TERMS + 20]
    return glossary.Glossary([*wanted, *rest], name="large")


def test_a_tagger_of_a_large_glossary_keeps_its_readings(cache: Path) -> None:
    g = _large_glossary()
    assert len(g) >= CACHE_MIN_TERMS
    first = Tagger(g)
    want = first.tag(TEXT)
    first._check.save()
    assert list(cache.glob("kiwi-readings-*.pickle"))
    second = Tagger(g)
    second._check._get_kiwi = _no_kiwi
    assert second.tag(TEXT) == want
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KOTREND_NO_CACHE", "1")
        assert Tagger(g).tag(TEXT) == want


def test_a_save_takes_in_what_other_processes_saved(cache: Path) -> None:
    # Two workers of one run: each save also brings in the other's words.
    a, b = WordCheck(lambda: Counting(), store=["j"]), WordCheck(lambda: Counting(), store=["j"])
    b("유가증권시장", 0, 2)  # b read the store before a saved anything
    want = a("대출금리를", 2, 4)
    a.save()
    b.save()
    b._get_kiwi, b._instance = _no_kiwi, None
    assert b("대출금리는 올랐다", 2, 4) == want
