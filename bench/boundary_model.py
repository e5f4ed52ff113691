"""Can a model distilled from kiwipiepy answer the fast path's word checks instead of it?

Run from the repository root::

    python bench/boundary_model.py                  # 40 MB of the shuffled news stream
    python bench/boundary_model.py --mb 10 --seed 3

Tags the first ``--mb`` MB of the shuffled stream of distinct news documents (as
``bench/tag_throughput.py --stream`` builds it) with the fast path and records every word
check (an ``AMBIGUOUS`` hit settled by kiwipiepy, see ``extract.engine.wordcheck``): the
characters around the hit, kiwipiepy's verdict, and whether the check needed a new read
(a word not in the cache). A logistic regression over those characters (the hit, its first
and last syllable, the syllables glued before and after it, the rest of the word, whether
those parts are glossary forms) is trained on the first 70% of the checks, in stream order,
and asked about the last 30%. Printed: for each confidence threshold, the share of the
checks that needed a new read which the model would answer, and how often its answer
agrees with kiwipiepy's; and the floor set by kiwipiepy itself: how often the same word
gets another verdict elsewhere in the stream (its context re-read decides).

The model is worth shipping only where it answers a useful share of new reads with at least
99.9% agreement. Nothing is stored: the checks live in memory and only figures are printed.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tag_throughput import data_dir, shuffled_stream, take_mb

#: A check: (word, hit start, hit end in the word, kiwipiepy's verdict, needed a new read).
Check = tuple[str, int, int, bool, bool]
THRESHOLDS = (0.98, 0.99, 0.995, 0.998, 0.999)


def features(word: str, s: int, e: int, forms: frozenset[str]) -> dict[str, int]:
    """Features of a hit ``word[s:e]`` (``word`` without a particle that ends it).

    Examples
    --------
    >>> f = features("대출금리", 2, 4, frozenset({"대출"}))
    >>> f["hit=금리"], f["before1=출"], f["head_is_form=1"], f["tail_len=0"]
    (1, 1, 1, 1)
    """
    hit, head, tail = word[s:e], word[:s], word[e:]
    out = {
        f"hit={hit}": 1,
        f"hit_first={hit[0]}": 1,
        f"hit_last={hit[-1]}": 1,
        f"hit_len={min(len(hit), 6)}": 1,
        f"before1={head[-1:]}": 1,
        f"before2={head[-2:]}": 1,
        f"head={head}": 1,
        f"head_len={min(len(head), 5)}": 1,
        f"after1={tail[:1]}": 1,
        f"after2={tail[:2]}": 1,
        f"tail={tail}": 1,
        f"tail_len={min(len(tail), 5)}": 1,
        f"tail_last={tail[-1:]}": 1,
        f"edge_after={hit[-1]}{tail[:1]}": 1,
        f"edge_before={head[-1:]}{hit[0]}": 1,
        f"hit_after1={hit}|{tail[:1]}": 1,
        f"before1_hit={head[-1:]}|{hit}": 1,
        f"head_is_form={int(head in forms)}": 1,
        f"tail_is_form={int(tail in forms)}": 1,
    }
    for k in (1, 2, 3):
        if len(tail) > k:
            out[f"tail_starts_form{k}={int(tail[:k] in forms)}"] = 1
            out[f"tail_rest_form{k}={int(tail[k:] in forms)}"] = 1
        if len(head) > k:
            out[f"head_ends_form{k}={int(head[-k:] in forms)}"] = 1
    return out


def coverage(
    proba: Sequence[float], truth: Sequence[bool], new: Sequence[bool], threshold: float
) -> tuple[int, int, int]:
    """(new reads, new reads the model answers at ``threshold``, of those it gets wrong).

    Examples
    --------
    >>> coverage([0.9995, 0.5, 0.0001, 0.9995], [True, True, True, False], [1, 1, 1, 0], 0.999)
    (3, 2, 1)
    """
    n = answered = wrong = 0
    for p, y, is_new in zip(proba, truth, new, strict=True):
        if not is_new:
            continue
        n += 1
        if p >= threshold or p <= 1 - threshold:
            answered += 1
            wrong += (p >= 0.5) != y
    return n, answered, wrong


def gather(g: Any, docs: Sequence[Any]) -> list[Check]:
    """Tag ``docs`` with the fast path and record each word check."""
    from extract import Tagger
    from extract.engine import wordcheck

    tagger = Tagger(g)
    check = tagger._check
    original = check.__call__
    out: list[Check] = []

    def recorded(nt: str, start: int, end: int) -> bool:
        lo, hi = wordcheck._word(nt, start, end)
        before = len(check)
        verdict = original(nt, start, end)
        word = wordcheck.fold_particle(nt[lo:hi], end - lo)
        out.append((word, start - lo, end - lo, verdict, len(check) > before))
        return verdict

    tagger._check = recorded  # type: ignore[assignment]
    for doc in docs:
        tagger.tag_document(doc)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=40, help="MB of the stream to tag (40)")
    ap.add_argument("--seed", type=int, default=14, help="shuffle seed (14)")
    ap.add_argument("--data", help="folder with news/*.jsonl (default: $KOTREND_DATA)")
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularization (1.0)")
    args = ap.parse_args(argv)
    os.environ["KOTREND_NO_CACHE"] = "1"  # every word read in this run, none from disk

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    import glossary

    g = glossary.default()
    forms = frozenset(re.sub(r"\s+", "", f) for t in g for f in t.forms)
    items = shuffled_stream(data_dir(args.data), seed=args.seed)
    docs = [d for _, d, _ in items[: take_mb(items, 0, args.mb)]]
    t0 = time.process_time()
    checks = gather(g, docs)
    n_new = sum(c[4] for c in checks)
    print(
        f"{len(docs):,} documents ({args.mb} MB, seed {args.seed}): {len(checks):,} word checks, "
        f"{n_new:,} needed a new kiwipiepy read ({time.process_time() - t0:.0f} CPU s)"
    )

    # kiwipiepy's own floor: the same word and hit with different verdicts in the stream.
    verdicts: dict[tuple[str, int, int], set[bool]] = defaultdict(set)
    counts: dict[tuple[str, int, int], int] = defaultdict(int)
    for word, s, e, verdict, _ in checks:
        verdicts[word, s, e].add(verdict)
        counts[word, s, e] += 1
    repeated = [k for k, n in counts.items() if n > 1]
    split = sum(len(verdicts[k]) > 1 for k in repeated)
    print(
        f"kiwipiepy itself: {split:,} of {len(repeated):,} words checked more than once get both "
        f"verdicts ({100 * split / max(1, len(repeated)):.1f}%: their context decides)"
    )

    cut = int(len(checks) * 0.7)
    x = [features(w, s, e, forms) for w, s, e, _, _ in checks]
    y = np.array([c[3] for c in checks])
    vec = DictVectorizer()
    model = LogisticRegression(C=args.C, max_iter=3000)
    model.fit(vec.fit_transform(x[:cut]), y[:cut])
    proba = model.predict_proba(vec.transform(x[cut:]))[:, 1]
    new = [c[4] for c in checks[cut:]]
    print(
        f"\nlogistic regression (C={args.C}, {len(vec.vocabulary_):,} features) trained on the "
        f"first {cut:,} checks, asked about the last {len(checks) - cut:,}:"
    )
    print(f"{'threshold':>10} {'new reads answered':>19} {'agreement':>10} {'wrong':>6}")
    for threshold in THRESHOLDS:
        n, answered, wrong = coverage(proba, list(y[cut:]), new, threshold)
        agree = 1 - wrong / answered if answered else float("nan")
        print(
            f"{threshold:>10} {answered:>10,} ({100 * answered / max(1, n):4.1f}%) {agree:10.4f} {wrong:6,}"
        )


if __name__ == "__main__":
    main()
