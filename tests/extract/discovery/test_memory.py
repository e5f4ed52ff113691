"""Discovery's memory bound: the candidate counter is pruned to ``max_keys`` as it reads."""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Iterable

import pytest

from extract import Tagger, TermDiscoverer
from extract.discovery.candidates import CandidateCounts
from glossary import Glossary, Term

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


def test_a_held_candidate_costs_a_few_hundred_bytes() -> None:
    # Per-candidate dicts, Counters and lists of tuples cost about 1,070 bytes a
    # candidate here, with the reading's caches: hundreds of MB at max_keys. Slots in
    # flat arrays cost about 600.
    tagger = Tagger(EMPTY)
    docs = stream(150)
    tagger.kiwi.tokenize("반도체 특별법")  # the model loads outside the measure
    tracemalloc.start()
    try:
        counts = CandidateCounts(tagger, known=frozenset(), max_units=3, n_examples=3)
        before = tracemalloc.get_traced_memory()[0]
        counts.add(docs)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(counts.df) > 800
    assert held / len(counts.df) < 800, f"{held / len(counts.df):.0f} bytes a candidate"


def test_dropped_candidates_leave_no_occurrences_behind() -> None:
    counts = CandidateCounts(
        Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=1, max_keys=40
    )
    counts.add(stream(120))
    assert counts.prune_threshold >= 1
    # Only occurrences of held candidates are kept: the array does not grow with
    # the long tail that was dropped.
    assert len(counts._occ) == sum(counts.tf.values())
    assert counts.matrix({k: i for i, k in enumerate(counts.df)}).sum() == len(counts._occ)


def test_restrict_keeps_the_counts_and_evidence_of_the_given_keys() -> None:
    counts = CandidateCounts(Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=2)
    counts.add(stream(60))
    keep = sorted(k for k, n in counts.df.items() if n >= 3)
    index = {k: i for i, k in enumerate(keep)}
    before = counts.matrix(index).toarray()
    evidence = {k: counts.evidence(k) for k in keep}
    phrases = {k: counts.phrase(k) for k in keep}
    units = {k: counts.units[k] for k in keep}
    n_all = len(counts.df)
    counts.restrict(keep)
    assert 0 < len(keep) < n_all and sorted(counts.df) == keep
    assert (counts.matrix(index).toarray() == before).all()
    assert {k: counts.evidence(k) for k in keep} == evidence
    assert {k: counts.phrase(k) for k in keep} == phrases
    assert {k: counts.units[k] for k in keep} == units
    assert len(counts._occ) == int(before.sum())
    used = {ex[1] for exs in counts.examples.values() for ex in exs}
    assert set(counts.texts) == used


def test_alias_mining_holds_the_analyses_of_one_chunk_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from extract.discovery import aliases

    g = Glossary([Term(id="capex", term="자본 지출")], name="small")
    rng = random.Random(1)
    docs = [
        f"{''.join(rng.choices(SYLLABLES, k=3))} 자본 지출(Capex)이 늘었다. "
        f"잔여이행의무(RPO)는 {i}번째 계약 잔액이다."
        for i in range(40)
    ]
    expected = aliases.mine_aliases(docs, glossary=g)
    held: list[int] = []
    prime = aliases._Analyser.prime

    def counting(self: aliases._Analyser, strings: Iterable[str]) -> None:
        prime(self, strings)
        held.append(len(self.cache))

    monkeypatch.setattr(aliases._Analyser, "prime", counting)
    monkeypatch.setattr(aliases, "_CHUNK", 4)
    assert aliases.mine_aliases(docs, glossary=g) == expected
    assert expected and len(held) > 2
    # Every window analysed at once would be 80 analyses here.
    assert max(held) <= 4 * 3


def test_renumbering_block_by_block_equals_the_whole_array(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import numpy as np

    from extract.discovery import candidates

    rng = np.random.default_rng(0)
    occ = rng.integers(0, 50, size=1000).astype(np.int32)
    indptr = np.sort(np.concatenate([[0, 0, 1000, 1000], rng.integers(0, 1000, size=60)]))
    slots = np.where(rng.random(50) < 0.4, -1, np.arange(50)).astype(np.int32)
    mapped = slots[occ]
    held = np.concatenate([[0], np.cumsum(mapped >= 0)])
    monkeypatch.setattr(candidates, "_BLOCK", 7)
    out = occ.copy()
    n, new = candidates._renumber(out, slots, indptr, out)  # in place
    assert n == int((mapped >= 0).sum())
    assert (out[:n] == mapped[mapped >= 0]).all()
    assert (new == held[indptr]).all()


def test_pruning_renumbers_the_occurrences_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.discovery import candidates

    monkeypatch.setattr(candidates, "_BLOCK", 1024)
    counts = CandidateCounts(Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=0)
    counts.add([f"{d} {'반도체 특별법과 탄소 국경세, ' * 250}" for d in stream(40)])
    n_occ = len(counts._occ)
    assert n_occ > 50_000
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        counts.prune(len(counts.df) // 2)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    # Whole-array temporaries (the slots, a mask, offsets, a copy) took 25 bytes an
    # occurrence at every prune, and the occurrences grow with the corpus; here about
    # 5 are left, the renumbering of the candidates themselves.
    assert peak < 10 * n_occ, f"{peak / n_occ:.1f} bytes an occurrence"
    assert len(counts._occ) == sum(counts.tf.values()) < n_occ


def test_a_candidate_dropped_twice_is_short_by_at_most_the_threshold() -> None:
    # Dropped at threshold 1, seen again, dropped again at 1: without remembering what it
    # missed before, it would end short by 2 with the threshold still 1.
    names = ["".join(random.Random(k).choices(SYLLABLES, k=4)) for k in range(4)]
    back, steady = names[0], names[1]
    counts = CandidateCounts(Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=1)
    unbounded = CandidateCounts(Tagger(EMPTY), known=frozenset(), max_units=3, n_examples=1)
    rounds = [
        [f"{back}에 대해 말했다.", f"{steady}에 대해 말했다.", f"{steady}에 대해 말했다."],
        [f"{back}에 대해 말했다."],
        [f"{back}에 대해 말했다."],
    ]
    for i, docs in enumerate(rounds):
        counts.add(docs)
        unbounded.add(docs)
        if i < 2:
            counts.prune(1)
    assert counts.prune_threshold >= 1
    for key, n in counts.df.items():
        assert unbounded.df[key] - counts.prune_threshold <= n <= unbounded.df[key], key
