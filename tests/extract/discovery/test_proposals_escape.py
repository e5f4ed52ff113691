"""Nothing from the input reaches the proposals file except as quoted data (issue 11).

A document id with a line break (LF, CR, NEL U+0085, LS U+2028, PS U+2029: YAML treats all
of them as line breaks) used to end its ``# evidence`` comment and start live YAML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import glossary
from extract.discovery.proposals import write_proposals
from extract.discovery.records import AliasProposal, Evidence
from glossary import Glossary, Term

BREAKS = ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029"]
INJECTED = "- id: rate\n  term: 금리\n  definition: HACKED\nhacked: true\n"


@pytest.mark.parametrize("brk", BREAKS, ids=["LF", "CR", "CRLF", "NEL", "LS", "PS"])
def test_ids_and_sentences_with_line_breaks_stay_in_their_comment(brk, tmp_path: Path):
    g = Glossary([Term(id="capex", term="자본 지출"), Term(id="rate", term="금리")])
    payload = brk + INJECTED.replace("\n", brk)
    evidence = (Evidence(doc_id="d1" + payload, sentence="자본 지출이" + payload),)
    props = [
        AliasProposal("alias", "capex", "자본 지출", ("Capex",), 1, evidence),
        AliasProposal("new", None, "설비 투자" + brk + "x", ("SPX" + payload,), 2, evidence),
    ]
    path = tmp_path / "p.yaml"
    write_proposals(path, [], props, g)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"name", "version", "terms"}
    assert [t["id"] for t in data["terms"]] == ["capex", "cand_0001"]
    # the forms come back as the same strings: quoted, escaped data
    assert data["terms"][1]["aliases"] == ["SPX" + payload]
    assert all("definition" not in t or t["definition"] != "HACKED" for t in data["terms"])
    # every comment line is one physical line that starts with '#'
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():  # str.splitlines splits on every Unicode line break
        assert not line or line.startswith(("#", "name:", "version:", "terms:", "-", "  "))
    loaded = glossary.load(path, validate=False)
    assert [t.id for t in loaded] == ["capex", "cand_0001"]
