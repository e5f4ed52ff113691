"""Fit the boundary model of ``extract/engine/boundary.py`` and write its JSON weights.

Run from the repository root (needs scikit-learn, the ``bench`` extra)::

    python bench/build_boundary_model.py                 # writes extract/engine/boundary_model.json
    python bench/build_boundary_model.py --dry-run       # figures only

The model answers the fast path's word checks that it is sure of, in kiwipiepy's place
(see the module's docstring). Rebuild it whenever the bundled glossary's words or the
kiwipiepy version change: the model names both by a hash and is not used otherwise.

Records: every distinct document of ``DATA/news`` (all files, shuffled with ``--seed``),
leaving out **held-out records** (ids ending in 7) and every record of a judged set in
``bench/judged`` (the accuracy benchmarks must not score text the model was fitted on).
They are cut in three, in stream order: ``--fit-mb`` MB to fit on, ``--calib-mb`` MB to
choose the thresholds on, ``--test-mb`` MB to report on. Each part is tagged with the
fast path and no model, recording every word check (the hit in its word's stem,
kiwipiepy's verdict, whether the word was new: not read before in that part).

The thresholds are the widest for which the model's answers agree with kiwipiepy's
verdicts on at least ``--agree`` of the calibration part's new-word checks, each side
(True and False) on its own. Printed for the test part: the share of new-word checks the
model answers, its agreement there, and, tagging the test part again with the model, the
kiwipiepy reads saved and how many mentions change.
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
        from extract.engine.wordcheck import _word, fold_particle, marked_core

        lo, hi = _word(nt, start, end)
        word, s, e = marked_core(nt[lo:hi], start - lo, end - lo)  # as WordCheck reads it
        stem = fold_particle(word, e)
        new = stem not in self.check._cache
        verdict = bool(self.check(nt, start, end))
        self.checks.append((stem, s, e, verdict, new))
        return verdict

    def __getattr__(self, name: str) -> Any:  # in_spaced_name, compound
        return getattr(self.check, name)


def gather(tagger: Any, docs: Sequence[Any]) -> list[Check]:
    """Tag ``docs`` with ``tagger``'s fast path and no model, recording each word check."""
    check = tagger._check
    check.model = None
    recorder = _Recorder(check)
    tagger._check = recorder
    try:
        for doc in docs:
            tagger.tag_document(doc)
    finally:
        tagger._check = check
    return recorder.checks


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
    ap.add_argument("--fit-mb", type=float, default=40, help="MB to fit on (40)")
    ap.add_argument("--calib-mb", type=float, default=10, help="MB to choose thresholds on (10)")
    ap.add_argument("--test-mb", type=float, default=10, help="MB to report on (10)")
    ap.add_argument("--C", type=float, default=4.0, help="inverse regularization (4)")
    ap.add_argument("--agree", type=float, default=0.9995, help="agreement wanted (0.9995)")
    ap.add_argument("--min-weight", type=float, default=0.02, help="drop smaller weights")
    ap.add_argument("--dry-run", action="store_true", help="print figures, write nothing")
    ap.add_argument(
        "--checks", help="pickle file keeping the recorded checks between runs (outside the repo)"
    )
    args = ap.parse_args(argv)
    os.environ["KOTREND_NO_CACHE"] = "1"  # every word read in this run, none from disk
    os.environ["KOTREND_NO_MODEL"] = "1"  # the verdicts are kiwipiepy's own

    from importlib.metadata import version

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    import glossary
    from extract import Tagger
    from extract.engine import boundary

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
    tagger = Tagger(g)
    forms = frozenset(tagger._words)
    vec = DictVectorizer()
    fit = checks["fit"]
    x = vec.fit_transform(
        [dict.fromkeys(boundary.features(w, s, e, forms), 1) for w, s, e, *_ in fit]
    )
    lr = LogisticRegression(C=args.C, max_iter=5000)
    lr.fit(x, [v for *_, v, _ in fit])
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, lr.coef_[0], strict=True)
        if abs(w) >= args.min_weight
    }
    bias = round(float(lr.intercept_[0]), 4)
    key = boundary.words_key(tagger._words, version("kiwipiepy"))
    probe = boundary.BoundaryModel(weights, bias, 0.0, 0.0, key, forms)

    def scored(part: str) -> tuple[list[float], list[bool]]:
        new = [x for x in checks[part] if x[4]]
        return [probe.score(w, s, e) for w, s, e, _, _ in new], [v for *_, v, _ in new]

    accept, reject = thresholds(*scored("calib"), args.agree)
    model = boundary.BoundaryModel(weights, bias, accept, reject, key, forms)
    print(
        f"\nfitted on {len(fit):,} checks (C={args.C}): {len(weights):,} of {len(names):,} "
        f"weights kept; thresholds (log-odds) accept >= {accept:.2f}, reject <= {reject:.2f}"
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

    # The test part tagged for real, with and without the model: reads and mentions.
    runs = {}
    for name, m in (("without", None), ("with", model)):
        t = Tagger(g)
        t._check.model = m
        reads = 0
        lookup = t._check._lookup

        def counting(
            text: str, top_n: int, key: str, lookup: Any = lookup, cache: Any = t._check._cache
        ) -> Any:
            nonlocal reads
            reads += key not in cache
            return lookup(text, top_n, key)

        t._check._lookup = counting  # type: ignore[method-assign]
        t0 = time.process_time()
        mentions = {
            (x.doc_id, x.field, x.start, x.end, x.term_id)
            for d in parts["test"]
            for x in t.tag_document(d)
        }
        runs[name] = (reads, mentions, time.process_time() - t0)
    (r0, m0, t0_), (r1, m1, t1_) = runs["without"], runs["with"]
    print(
        f"test, tagged: kiwipiepy reads {r0:,} without the model, {r1:,} with it "
        f"({100 * (1 - r1 / max(1, r0)):.1f}% fewer); {t0_:.1f} vs {t1_:.1f} CPU s; "
        f"mentions {len(m0):,} vs {len(m1):,}, {len(m0 ^ m1)} differ "
        f"(agreement {1 - len(m0 ^ m1) / max(1, len(m0 | m1)):.4%})"
    )
    if args.dry_run:
        return
    boundary.MODEL_FILE.write_text(
        json.dumps(model.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {boundary.MODEL_FILE} ({boundary.MODEL_FILE.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
