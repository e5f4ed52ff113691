"""Score both tagging modes against the hand-judged sentences of ``bench/judged/tagging.json``.

    python bench/tagging_accuracy.py [--data DIR] [--mode fast|full|both] [--judged FILE]
    python bench/tagging_accuracy.py --sheet [--data DIR] > /tmp/sheet.txt   # for judging

The judged file stores, per sentence, the news file, record id, field and the
sentence's offsets in that field, and every judged span as ``(start, end, term_id,
verdict)`` with offsets into the sentence: never the text. This script re-reads the
sentences from ``DIR/news``, tags each sentence alone with
``Tagger(glossary.default(), mode=...)`` and counts, per mode:

* true positives: predictions on a span judged ``yes`` for that term;
* false positives: predictions on a span judged ``no`` for that term (with the
  ``class`` of the judgment, when it has one);
* false negatives: spans judged ``yes`` that the mode does not predict;
* unjudged: predictions on a (span, term) that was never judged, listed by term id and
  offsets, kept out of precision.

``--sheet`` re-draws the seeded, stratified sample (see :func:`sample_sentences`) and
prints each sentence with every candidate (fast mode, full mode and every raw matcher
hit, rejected ones included) for judging by hand. Its output is real news text: keep it
out of the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import glossary
from corpus import read_documents, split_sentences
from extract import Tagger
from extract.engine.matcher import TermMatcher
from extract.engine.textspans import quick_normalize

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "judged" / "tagging.json"

#: Sentences drawn per news file (file-name stem -> (with a dictionary hit, without)).
#: Headlines, KDI policy and research summaries, naver articles and the phrasebank,
#: about 10% without any hit.
QUOTAS: dict[str, tuple[int, int]] = {
    "danews_daily_ko_headlines": (50, 6),
    "krfinbert_company_headlines": (45, 5),
    "stocker_daum_samsung_headlines": (45, 5),
    "kdi_epic_policy_materials": (58, 7),
    "kdi_epic_research_ko": (58, 7),
    "naver_news_small_samples": (90, 10),
    "finance_phrasebank_ko": (68, 8),
}
SEED = 14


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sampled sentence: where it is, and its text (never stored)."""

    file: str
    record_id: str
    field: str
    start: int
    end: int
    text: str


def _usable(text: str) -> bool:
    # Sentences that need no normalization keep the matcher's offsets as they are.
    nt, norm = quick_normalize(text)
    return norm is None and nt == text and 12 <= len(text) <= 300


def _sentences(doc_texts: list[tuple[str, str]]) -> list[tuple[str, int, int, str]]:
    out = []
    for field, text in doc_texts:
        for s, e in split_sentences(text, method="rules"):
            if _usable(text[s:e]):
                out.append((field, s, e, text[s:e]))
    return out


def sample_sentences(data: Path, *, seed: int = SEED) -> Iterator[Sentence]:
    """The seeded, stratified sample: per file, one random sentence from each of a
    shuffled list of records, until the file's quota with and without a hit is full."""
    matcher = TermMatcher(glossary.default())
    for stem, (n_hit, n_none) in QUOTAS.items():
        path = data / "news" / f"{stem}.jsonl"
        docs = list(read_documents(path, on_error="skip"))
        rng = random.Random(f"{seed}:{stem}")
        rng.shuffle(docs)
        need = {True: n_hit, False: n_none}
        for doc in docs:
            if not any(need.values()):
                break
            sents = _sentences(doc.texts())
            if not sents:
                continue
            field, s, e, text = rng.choice(sents)
            hit = bool(matcher.candidates(text))
            if need[hit]:
                need[hit] -= 1
                yield Sentence(stem, doc.id, field, s, e, text)


def digest(sentence: str) -> str:
    """The first 12 hex digits of the SHA-256 of ``sentence``: stored instead of the text."""
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:12]


def load_judged(path: Path = JUDGED) -> list[dict]:
    """The judged sentences of ``path`` (its ``rules`` are for the reader)."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)["sentences"]


def reread(data: Path, rows: list[dict]) -> list[str]:
    """The text of each judged sentence, re-read from the news files."""
    wanted: dict[str, dict[str, str]] = {}
    for r in rows:
        wanted.setdefault(r["file"], {})[r["id"]] = ""
    for stem, ids in wanted.items():
        for doc in read_documents(data / "news" / f"{stem}.jsonl", on_error="skip"):
            if doc.id in ids:
                ids[doc.id] = doc  # type: ignore[assignment]
                if all(ids.values()):
                    break  # every wanted record of this file is read
    out = []
    for r in rows:
        doc = wanted[r["file"]][r["id"]]
        if not doc:
            raise SystemExit(f"record {r['id']!r} not found in {r['file']}.jsonl")
        text = dict(doc.texts())[r["field"]]  # type: ignore[attr-defined]
        sentence = text[r["start"] : r["end"]]
        if digest(sentence) != r["sha256"]:
            raise SystemExit(f"record {r['id']!r} of {r['file']}.jsonl changed since it was judged")
        out.append(sentence)
    return out


def candidates(text: str, taggers: dict[str, Tagger], matcher: TermMatcher) -> dict:
    """(start, end, term_id) -> set of sources ("fast", "full", "raw:<verdict>")."""
    found: dict[tuple[int, int, str], set[str]] = {}
    for mode, tagger in taggers.items():
        for m in tagger.tag(text):
            found.setdefault((m.start, m.end, m.term_id), set()).add(mode)
    for c in matcher.candidates(text):
        found.setdefault((c.start, c.end, c.term_id), set()).add(f"raw{c.verdict}")
    return found


def sheet(data: Path) -> None:
    g = glossary.default()
    taggers = {m: Tagger(g, mode=m) for m in ("fast", "full")}  # type: ignore[arg-type]
    matcher = TermMatcher(g)
    for i, s in enumerate(sample_sentences(data)):
        head = {"i": i, "file": s.file, "id": s.record_id, "field": s.field}
        head |= {"start": s.start, "end": s.end}
        print(json.dumps(head, ensure_ascii=False))
        print("   T:", s.text)
        for (a, b, tid), src in sorted(candidates(s.text, taggers, matcher).items()):
            ctx = f"{s.text[max(0, a - 8) : a]}[{s.text[a:b]}]{s.text[b : b + 6]}"
            print(f"   C {a} {b} {tid} {','.join(sorted(src))} | {ctx}")


def score(data: Path, modes: list[str], judged: Path) -> None:
    rows = load_judged(judged)
    texts = reread(data, rows)
    g = glossary.default()
    print(f"{len(rows)} sentences, {sum(len(r['spans']) for r in rows)} judged spans")
    for mode in modes:
        tagger = Tagger(g, mode=mode)  # type: ignore[arg-type]
        tp = fp = fn = 0
        fp_class: Counter[str] = Counter()
        fn_class: Counter[str] = Counter()
        unjudged = []
        errors = []
        for r, text in zip(rows, texts, strict=True):
            verdict = {(a, b, t): (v, c) for a, b, t, v, *c in r["spans"]}
            pred = {(m.start, m.end, m.term_id) for m in tagger.tag(text)}
            for key in pred:
                if key not in verdict:
                    unjudged.append((r["id"], *key))
                elif verdict[key][0] == "yes":
                    tp += 1
                else:
                    fp += 1
                    fp_class[(verdict[key][1] or ["other"])[0]] += 1
                    errors.append(("FP", r["id"], *key, *verdict[key][1]))
            for key, (v, c) in verdict.items():
                if v == "yes" and key not in pred:
                    fn += 1
                    fn_class[(c or ["other"])[0]] += 1
                    errors.append(("FN", r["id"], *key, *c))
        p = tp / (tp + fp) if tp + fp else 1.0
        rc = tp / (tp + fn) if tp + fn else 1.0
        print(f"\n{mode}: precision {p:.4f} ({tp}/{tp + fp})  recall {rc:.4f} ({tp}/{tp + fn})")
        print(f"  false positives {fp}: {dict(fp_class.most_common())}")
        print(f"  false negatives {fn}: {dict(fn_class.most_common())}")
        for e in errors:
            print("    ", *e)
        print(f"  unjudged predictions {len(unjudged)}")
        for u in unjudged:
            print("    ", *u)


def main() -> None:
    default_data = os.environ.get("KOTREND_DATA") or str(HERE.parents[1] / "shared" / "data")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=default_data)
    ap.add_argument("--mode", choices=("fast", "full", "both"), default="both")
    ap.add_argument("--judged", default=str(JUDGED))
    ap.add_argument("--sheet", action="store_true", help="print the sample for judging")
    args = ap.parse_args()
    data = Path(args.data)
    if not (data / "news").is_dir():
        raise SystemExit(f"no news directory under {data}")
    if args.sheet:
        sheet(data)
        return
    modes = ["fast", "full"] if args.mode == "both" else [args.mode]
    score(data, modes, Path(args.judged))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
