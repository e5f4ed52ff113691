"""Every canonical term of the long-tail glossary files is found written plainly in a
sentence: a form that the tokenizer splits differently from running text would make its
entry dead weight."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import glossary

# The default glossary's tagger (one per test process, tests/conftest.py) loads kiwipiepy.
pytestmark = pytest.mark.slow

DEFAULT = Path(glossary.__file__).parent / "data" / "default"

# File, and the sentence each of its terms is written in (a coinage names a trend, not
# an issue a report deals with).
FILES = [
    ("69_policy_long_tail.yaml", "보고서는 {} 문제를 다뤘다."),
    ("70_policy_long_tail_2.yaml", "보고서는 {} 문제를 다뤘다."),
    ("71_research_long_tail.yaml", "보고서는 {} 문제를 다뤘다."),
    ("72_news_coinages.yaml", "기사는 {} 현상을 다뤘다."),
    ("73_public_headwords_2.yaml", "보고서는 {} 문제를 다뤘다."),
    ("74_public_headwords_3.yaml", "보고서는 {} 문제를 다뤘다."),
    ("75_research_methods.yaml", "보고서는 {} 문제를 다뤘다."),
    ("76_policy_long_tail_3.yaml", "보고서는 {} 문제를 다뤘다."),
    ("77_acronyms.yaml", "보고서는 {} 문제를 다뤘다."),
    ("78_kdi_policy_admin.yaml", "보고서는 {} 문제를 다뤘다."),
    ("79_kdi_policy_social.yaml", "보고서는 {} 문제를 다뤘다."),
    ("80_kdi_research.yaml", "보고서는 {} 문제를 다뤘다."),
    ("81_markets_core_audit.yaml", "보고서는 {} 문제를 다뤘다."),
    ("82_senses_split.yaml", "보고서는 {} 문제를 다뤘다."),
    ("83_senses_split.yaml", "보고서는 {} 문제를 다뤘다."),
    ("84_discovered.yaml", "보고서는 {} 문제를 다뤘다."),
    ("85_kdi_energy_industry.yaml", "보고서는 {} 문제를 다뤘다."),
    ("86_kdi_finance_regulation.yaml", "보고서는 {} 문제를 다뤘다."),
    ("87_kdi_research_2.yaml", "보고서는 {} 문제를 다뤘다."),
    ("88_kdi_policy_social_2.yaml", "보고서는 {} 문제를 다뤘다."),
    ("89_senses_split.yaml", "보고서는 {} 문제를 다뤘다."),
    ("90_senses_split.yaml", "보고서는 {} 문제를 다뤘다."),
    ("91_senses_split.yaml", "보고서는 {} 문제를 다뤘다."),
    ("92_senses_split.yaml", "보고서는 {} 문제를 다뤘다."),
    ("93_senses_split.yaml", "보고서는 {} 문제를 다뤘다."),
    ("94_senses_split.yaml", "보고서는 {} 문제를 다뤘다."),
]


@pytest.mark.parametrize(("name", "sentence"), FILES, ids=[f[0] for f in FILES])
def test_every_term_is_found_in_a_plain_sentence(default_tagger, name, sentence):
    terms = yaml.safe_load((DEFAULT / name).read_text(encoding="utf-8"))["terms"]
    missed = [
        (t["id"], t["term"])
        for t in terms
        if t["id"] not in {m.term_id for m in default_tagger.tag(sentence.format(t["term"]))}
    ]
    assert not missed, missed
