"""The ``basic`` flag: everyday vocabulary that boxes leave out by default."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary import Glossary, Term

TERMS = [
    Term(id="investment", term="투자", en="Investment", basic=True),
    Term(id="capex", term="자본 지출", aliases=("Capex",)),
]


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
def test_round_trips_in_every_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"g{suffix}"
    glossary.save(Glossary(TERMS, name="g", version="1"), path)
    loaded = glossary.load(path)
    assert [t.basic for t in loaded] == [True, False]
    assert list(loaded) == TERMS


def test_yaml_flag_and_default(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        'name: g\nversion: "1"\nterms:\n  - {id: investment, term: 투자, basic: true}\n'
        "  - {id: capex, term: 자본 지출}\n",
        encoding="utf-8",
    )
    g = glossary.load(path)
    assert g["investment"].basic and not g["capex"].basic
    assert g["investment"].to_dict()["basic"] is True and "basic" not in g["capex"].to_dict()
