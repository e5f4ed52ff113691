"""Discovery's memory bound: the candidate counter is pruned to ``max_keys`` as it reads."""

from __future__ import annotations

import random

import pytest

from extract import Tagger, TermDiscoverer
from extract.discovery.candidates import CandidateCounts
from glossary import Glossary

EMPTY = Glossary((), name="empty")
PLANTED = ("반도체 특별법", "탄소 국경세", "고대역폭메모리", "잔여이행의무")
SYLLABLES = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허"


def stream(n: int, seed: int = 0) -> list[str]:
    """``n`` documents: planted phrases (each in about a third of them) among made-up
    one-off names, the long tail that fills an unbounded counter."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        rare = ", ".join("".join(rng.choices(SYLLABLES, k=4)) for _ in range(6))
        planted = [f"{p}에 대해 말했다." for j, p in enumerate(PLANTED) if (i + j) % 3 == 0]
        docs.append(f"{rare}. {' '.join(planted)}")
    return docs


def test_the_counter_never_holds_more_than_max_keys() -> None:
    counts = CandidateCounts(
        Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=1, max_keys=40
    )
    unbounded = CandidateCounts(Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=1)
    docs = stream(120)
    for i in range(0, len(docs), 4):
        counts.add(docs[i : i + 4])
        unbounded.add(docs[i : i + 4])
        assert len(counts.df) <= 40
    assert len(unbounded.df) > 400  # the long tail an unbounded counter keeps
    assert counts.prune_threshold >= 1
    # The lossy-counting bound: every count is short by at most the threshold.
    for key, n in counts.df.items():
        assert unbounded.df[key] - counts.prune_threshold <= n <= unbounded.df[key]
    assert len(counts.texts) <= len(counts.examples)  # only texts of kept examples


def test_a_tiny_max_keys_keeps_the_same_top_proposals() -> None:
    docs = stream(120)
    full = TermDiscoverer(glossary=EMPTY, max_keys=None, max_candidates=4).fit(docs)
    small = TermDiscoverer(glossary=EMPTY, max_keys=200, max_candidates=4).fit(docs)
    assert full.prune_threshold_ == 0 and small.prune_threshold_ >= 1
    assert small.n_keys_ == full.n_keys_  # every candidate in min_df documents survives
    assert [c.phrase for c in small.candidates_] == [c.phrase for c in full.candidates_]
    assert len({c.phrase for c in full.candidates_} & set(PLANTED)) >= 2


@pytest.mark.parametrize("bad", [0, 1, -5, 2.5, True, "10"])
def test_max_keys_is_checked(bad: object) -> None:
    with pytest.raises(ValueError, match="`max_keys` should be None or an int >= 2, got"):
        TermDiscoverer(glossary=EMPTY, max_keys=bad).fit(["반도체 특별법"])  # type: ignore[arg-type]
