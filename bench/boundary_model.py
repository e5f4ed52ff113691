"""Can a model distilled from kiwipiepy answer the fast path's word checks in its place?

Run from the repository root (needs scikit-learn, the ``bench`` extra)::

    python bench/boundary_model.py                   # fit 30 MB, thresholds on 15, test on 10
    python bench/boundary_model.py --fit-mb 10 --calib-mb 5 --test-mb 5 --checks /tmp/c.pkl

Records: every distinct document of ``DATA/news`` (all files, shuffled with ``--seed``),
leaving out **held-out records** (ids ending in 7) and every record of a judged set in
``bench/judged`` (the accuracy benchmarks must not score text a model was fitted on).
They are cut in three, in stream order: ``--fit-mb`` MB to fit on, ``--calib-mb`` MB to
choose the thresholds on, ``--test-mb`` MB to report on. Each part is tagged with the
fast path, recording every word check (an ``AMBIGUOUS`` hit settled by kiwipiepy, see
``extract.engine.wordcheck``): the hit in the stem kiwipiepy reads, its verdict, and
whether the stem was new (not read before in that part).

A logistic regression over the characters around the hit (the hit, its first and last
syllable, one to three syllables glued before and after it, the rest of the word, the
scripts either side, whether those parts are glossary words) is fitted on the first part.
It may answer only where its log-odds pass two thresholds, the widest for which its
answers agree with kiwipiepy's verdicts on at least ``--agree`` of the calibration part's
new-word checks (each side on its own). Printed for the test part: the share of new-word
checks it answers and its agreement there; then the test part is tagged again with the
model asked first about every new word, for the kiwipiepy reads saved, the CPU time and
the mentions that change.

Measured (the defaults: fit 30 MB, calibration 15, test 10, ``--agree 0.9998``, seed
13): the model answers 3.9% of the test part's new-word checks (all 702 agree) and saves
3.1% of kiwipiepy's reads, less than its own cost (11.8 CPU s with it, 10.4 without).
With a looser calibration (``--agree 0.9995`` on 8 MB) it answered 8.5% at 99.80%,
under the 99.9% wanted. kiwipiepy
itself is the limit: the same stem and hit get both verdicts within the stream (its
context re-read decides), so even a table of whole stems seen 20 times with one verdict
agrees only 99.8% on new text. Nothing is stored: the model lives in memory.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tag_throughput import data_dir, shuffled_stream, take_mb

HERE = Path(__file__).resolve().parent
#: A word check: (stem, hit start, hit end, kiwipiepy's verdict, the stem was new).
Check = tuple[str, int, int, bool, bool]


def _kind(ch: str) -> str:
    """The script of one character: H(angul), L(atin), D(igit), empty, or O(ther)."""
    if not ch:
        return "_"
    if "가" <= ch <= "힣":
        return "H"
    if ch.isascii() and ch.isalpha():
        return "L"
    return "D" if ch.isdigit() else "O"


def features(word: str, start: int, end: int, forms: frozenset[str]) -> list[str]:
    """The binary features of a hit ``word[start:end]`` (``word``: the stem kiwipiepy
    reads; ``forms``: the glossary's user words).

    Examples
    --------
    >>> f = features("대출금리", 2, 4, frozenset({"대출", "금리"}))
    >>> "h=금리" in f, "b1=출" in f, "Hf=1" in f, "Tn=0" in f
    (True, True, True, True)
    """
    hit, head, tail = word[start:end], word[:start], word[end:]
    h1, t1 = head[-1:], tail[:1]
    out = [
        "h=" + hit,
        "hf=" + hit[:1],
        "hl=" + hit[-1:],
        f"hn={min(len(hit), 6)}",
        "b1=" + h1,
        "b2=" + head[-2:],
        "b3=" + head[-3:],
        "H=" + head,
        f"Hn={min(len(head), 5)}",
        "a1=" + t1,
        "a2=" + tail[:2],
        "a3=" + tail[:3],
        "T=" + tail,
        f"Tn={min(len(tail), 5)}",
        "Tl=" + tail[-1:],
        "ea=" + hit[-1:] + t1,
        "eb=" + h1 + hit[:1],
        "ha=" + hit + "|" + t1,
        "bh=" + h1 + "|" + hit,
        "hT=" + hit + "|" + tail,
        "Hh=" + head + "|" + hit,
        "k=" + _kind(h1) + _kind(t1),
        f"Hf={int(head in forms)}",
        f"Tf={int(tail in forms)}",
    ]
    for k in (1, 2, 3):
        if len(tail) > k:
            out.append(f"ts{k}={int(tail[:k] in forms)}")
            out.append(f"tr{k}={int(tail[k:] in forms)}")
        if len(head) > k:
            out.append(f"he{k}={int(head[-k:] in forms)}")
            out.append(f"hr{k}={int(head[:-k] in forms)}")
    return out


class Model:
    """Logistic-regression weights evaluated with dictionary lookups (as a shipped model
    would be: no scikit-learn at tagging time), answering only beyond two thresholds.

    Examples
    --------
    >>> m = Model({"h=금리": 9.0, "h=유가": -9.0}, 0.0, frozenset(), accept=8.0, reject=-8.0)
    >>> m.answer("대출금리", 2, 4), m.answer("유가증권", 0, 2), m.answer("대출", 0, 2)
    (True, False, None)
    """

    def __init__(
        self,
        weights: dict[str, float],
        bias: float,
        forms: frozenset[str],
        *,
        accept: float = float("inf"),
        reject: float = float("-inf"),
    ) -> None:
        self.weights, self.bias, self.forms = weights, bias, forms
        self.accept, self.reject = accept, reject

    def score(self, word: str, start: int, end: int) -> float:
        """Log-odds that kiwipiepy's verdict on ``word[start:end]`` is True."""
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in features(word, start, end, self.forms))

    def answer(self, word: str, start: int, end: int) -> bool | None:
        z = self.score(word, start, end)
        return True if z >= self.accept else False if z <= self.reject else None


def _stem(nt: str, start: int, end: int) -> tuple[str, int, int]:
    """The stem the word check reads for the hit ``nt[start:end]``, and the hit in it."""
    from extract.engine.wordcheck import _word, fold_particle, marked_core

    lo, hi = _word(nt, start, end)
    word, s, e = marked_core(nt[lo:hi], start - lo, end - lo)
    return fold_particle(word, e), s, e


def judged_ids(folder: Path = HERE / "judged") -> set[str]:
    """Every record id named in a judged set (any ``"id"`` value in its JSON files)."""
    out: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "id" and isinstance(value, str):
                    out.add(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(folder.glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return out


class _Recorder:
    """Stands in for a tagger's word check and records each check it passes on."""

    def __init__(self, check: Any) -> None:
        self.check, self.checks = check, list[Check]()

    def __call__(self, nt: str, start: int, end: int) -> bool:
        stem, s, e = _stem(nt, start, end)
        new = stem not in self.check._cache
        verdict = bool(self.check(nt, start, end))
        self.checks.append((stem, s, e, verdict, new))
        return verdict

    def __getattr__(self, name: str) -> Any:  # in_spaced_name, compound
        return getattr(self.check, name)


def gather(tagger: Any, docs: Sequence[Any]) -> list[Check]:
    """Tag ``docs`` with ``tagger``'s fast path, recording each word check."""
    check = tagger._check
    recorder = _Recorder(check)
    tagger._check = recorder
    try:
        for doc in docs:
            tagger.tag_document(doc)
    finally:
        tagger._check = check
    return recorder.checks


class _Answering:
    """Stands in for a tagger's word check: the model answers new words it is sure of."""

    def __init__(self, check: Any, model: Model) -> None:
        self.check, self.model, self.answered = check, model, 0

    def __call__(self, nt: str, start: int, end: int) -> bool:
        stem, s, e = _stem(nt, start, end)
        if stem not in self.check._cache:
            guess = self.model.answer(stem, s, e)
            if guess is not None:
                self.answered += 1
                return guess
        return bool(self.check(nt, start, end))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.check, name)


def thresholds(scores: Sequence[float], truth: Sequence[bool], agree: float) -> tuple[float, float]:
    """(accept, reject): the lowest score from which the checks scored at least that
    agree with True on ``agree`` of them, and the highest score up to which they agree
    with False as well (at least 20 checks each side, else no answer on that side).

    Examples
    --------
    >>> thresholds([5, 4, 3, 2, -2, -3, -4] * 20, [1, 1, 0, 1, 0, 0, 0] * 20, 0.99)
    (4, -2)
    """
    pairs = sorted(zip(scores, truth, strict=True), key=lambda p: -p[0])

    def widest(items: Iterator[tuple[float, bool]], want: bool) -> float | None:
        best, right = None, 0
        for n, (z, y) in enumerate(items, 1):
            right += y == want
            if n >= 20 and right >= agree * n:
                best = z
        return best

    accept = widest(iter(pairs), True)
    reject = widest(reversed(pairs), False)
    return (
        accept if accept is not None else float("inf"),
        reject if reject is not None else float("-inf"),
    )


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="folder with news/*.jsonl (default: $KOTREND_DATA)")
    ap.add_argument("--seed", type=int, default=13, help="shuffle seed (13)")
    ap.add_argument("--fit-mb", type=float, default=30, help="MB to fit on (30)")
    ap.add_argument("--calib-mb", type=float, default=15, help="MB to choose thresholds on (15)")
    ap.add_argument("--test-mb", type=float, default=10, help="MB to report on (10)")
    ap.add_argument("--C", type=float, default=4.0, help="inverse regularization (4)")
    ap.add_argument("--agree", type=float, default=0.9998, help="agreement wanted (0.9998)")
    ap.add_argument(
        "--checks", help="pickle file keeping the recorded checks between runs (outside the repo)"
    )
    args = ap.parse_args(argv)
    os.environ["KOTREND_NO_CACHE"] = "1"  # every word read in this run, none from disk

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    import glossary
    from extract import Tagger

    g = glossary.default()
    held = judged_ids()
    items = [
        it
        for it in shuffled_stream(data_dir(args.data), seed=args.seed)
        if not it[1].id.endswith("7") and it[1].id not in held
    ]
    a = take_mb(items, 0, args.fit_mb)
    b = take_mb(items, a, args.calib_mb)
    c = take_mb(items, b, args.test_mb)
    parts = {
        "fit": [d for _, d, _ in items[:a]],
        "calib": [d for _, d, _ in items[a:b]],
        "test": [d for _, d, _ in items[b:c]],
    }
    checks: dict[str, list[Check]] = {}
    if args.checks and Path(args.checks).exists():
        with open(args.checks, "rb") as fh:
            checks = pickle.load(fh)
    for name, docs in parts.items():
        if name in checks:
            continue
        t0 = time.process_time()
        checks[name] = gather(Tagger(g), docs)  # a fresh word cache per part
        n_new = sum(x[4] for x in checks[name])
        print(
            f"{name}: {len(docs):,} documents, {len(checks[name]):,} word checks, "
            f"{n_new:,} of new words ({time.process_time() - t0:.0f} CPU s)",
            flush=True,
        )
    if args.checks:
        with open(args.checks, "wb") as fh:
            pickle.dump(checks, fh)

    forms = frozenset(Tagger(g)._words)
    vec = DictVectorizer()
    fit = checks["fit"]
    x = vec.fit_transform([dict.fromkeys(features(w, s, e, forms), 1) for w, s, e, *_ in fit])
    lr = LogisticRegression(C=args.C, max_iter=5000)
    lr.fit(x, [v for *_, v, _ in fit])
    names = vec.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, lr.coef_[0], strict=True) if w}
    probe = Model(weights, float(lr.intercept_[0]), forms)
    new = [x for x in checks["calib"] if x[4]]
    scores = [probe.score(w, s, e) for w, s, e, _, _ in new]
    accept, reject = thresholds(scores, [v for *_, v, _ in new], args.agree)
    model = Model(weights, probe.bias, forms, accept=accept, reject=reject)
    print(
        f"\nfitted on {len(fit):,} checks (C={args.C}, {len(names):,} features); thresholds "
        f"(log-odds) accept >= {accept:.2f}, reject <= {reject:.2f}"
    )
    for part in ("calib", "test"):
        new = [x for x in checks[part] if x[4]]
        answers = [model.answer(w, s, e) for w, s, e, _, _ in new]
        answered = [(a_, v) for a_, (*_, v, _) in zip(answers, new, strict=True) if a_ is not None]
        wrong = sum(a_ != v for a_, v in answered)
        print(
            f"{part}: the model answers {len(answered):,} of {len(new):,} new-word checks "
            f"({100 * len(answered) / max(1, len(new)):.1f}%), agreeing with kiwipiepy on "
            f"{1 - wrong / max(1, len(answered)):.4%} ({wrong} differ)"
        )

    # The test part tagged for real, without and with the model: reads, time, mentions.
    runs = {}
    for name in ("without", "with"):
        t = Tagger(g)
        check = t._check
        reads = 0
        lookup = check._lookup

        def counting(
            text: str, top_n: int, key: str, lookup: Any = lookup, cache: Any = check._cache
        ) -> Any:
            nonlocal reads
            reads += key not in cache
            return lookup(text, top_n, key)

        check._lookup = counting
        if name == "with":
            t._check = _Answering(check, model)  # type: ignore[assignment]
        t0 = time.process_time()
        mentions = {
            (m.doc_id, m.field, m.start, m.end, m.term_id)
            for d in parts["test"]
            for m in t.tag_document(d)
        }
        runs[name] = (reads, mentions, time.process_time() - t0)
    (r0, m0, c0), (r1, m1, c1) = runs["without"], runs["with"]
    print(
        f"test, tagged: kiwipiepy reads {r0:,} without the model, {r1:,} with it "
        f"({100 * (1 - r1 / max(1, r0)):.1f}% fewer); {c0:.1f} vs {c1:.1f} CPU s; "
        f"mentions {len(m0):,} vs {len(m1):,}, {len(m0 ^ m1)} differ "
        f"(agreement {1 - len(m0 ^ m1) / max(1, len(m0 | m1)):.4%})"
    )


if __name__ == "__main__":
    main()
