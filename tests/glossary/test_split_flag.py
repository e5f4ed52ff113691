"""One-word compounds written as two words, and the ``split`` flag that turns this off."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary import Glossary, Term, compound_splits

TERMS = [
    Term(id="trade", term="무역"),
    Term(id="trade_balance", term="무역수지"),
    Term(id="hanmi", term="한미반도체", split=False),
]


@pytest.mark.parametrize(
    ("form", "words", "expected"),
    [
        ("무역수지", {"무역"}, ["무역 수지"]),
        ("기준금리", {"금리"}, ["기준 금리"]),
        (
            "투자자본수익률",
            {"투자", "수익률"},
            ["투자 자본수익률", "투자자본 수익률", "투자자 본수익률", "투자자본수 익률"],
        ),  # known words first, then every cut that leaves two syllables on each side
        ("금리", {"금리"}, []),  # too short to split into two words
        ("무역수지", {"수지"}, ["무역 수지"]),
        (
            "하이퍼스케일러",
            set(),
            ["하이퍼 스케일러", "하이 퍼스케일러", "하이퍼스 케일러", "하이퍼스케 일러"],
        ),
        ("무역수지", {"적자"}, ["무역 수지"]),  # neither part known: still split
        ("자본 지출", {"자본"}, []),  # already spaced: spacing_variants covers it
        ("AI반도체", {"반도체"}, []),  # only all-Hangul forms
    ],
)
def test_compound_splits(form: str, words: set[str], expected: list[str]) -> None:
    assert compound_splits(form, words) == expected


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
def test_round_trips_in_every_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"g{suffix}"
    glossary.save(Glossary(TERMS, name="g", version="1"), path)
    loaded = glossary.load(path)
    assert [t.split for t in loaded] == [True, True, False]
    assert list(loaded) == TERMS


def test_written_only_when_false(tmp_path: Path) -> None:
    assert "split" not in TERMS[0].to_dict() and TERMS[2].to_dict()["split"] is False
    csv_path = tmp_path / "g.csv"
    glossary.save(Glossary(TERMS[:2], name="g", version="1"), csv_path)
    assert "split" not in csv_path.read_text(encoding="utf-8").splitlines()[0]


def test_merge_keeps_an_earlier_false() -> None:
    later = Glossary([Term(id="hanmi", term="한미반도체", aliases=("Hanmi",))])
    merged = glossary.merge(Glossary(TERMS), later).glossary
    assert merged["hanmi"].split is False and merged["hanmi"].aliases == ("Hanmi",)
