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
* superseded: spans judged ``yes`` with class ``superseded`` (an older, shorter
  mention that a longer glossary term added later now covers) are left out of recall,
  and a prediction on one is a false positive of class ``superseded``;
* unjudged: predictions on a (span, term) that was never judged, listed by term id and
  offsets, kept out of precision.

Each count is given for the random stratum, the hard stratum and both, then every
error of both is listed by record id, offsets, term id and class.

``--sheet`` re-draws the seeded, stratified sample (see :func:`sample_sentences`) and
prints each sentence with every candidate (fast mode, full mode and every raw matcher
hit, rejected ones included) for judging by hand. Its output is real news text: keep it
out of the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

import glossary
from corpus import Document, read_documents, split_sentences
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


def sample_sentences(
    data: Path, *, seed: int = SEED, scale: float = 1.0, skip: frozenset[str] = frozenset()
) -> Iterator[Sentence]:
    """The seeded, stratified sample: per file, one random sentence from each of a
    shuffled list of records not in ``skip``, until the file's quota (times ``scale``,
    rounded) with and without a hit is full."""
    matcher = TermMatcher(glossary.default())
    for stem, quota in QUOTAS.items():
        n_hit, n_none = (round(n * scale) for n in quota)
        path = data / "news" / f"{stem}.jsonl"
        docs = list(read_documents(path, on_error="skip"))
        rng = random.Random(f"{seed}:{stem}")
        rng.shuffle(docs)
        need = {True: n_hit, False: n_none}
        for doc in docs:
            if not any(need.values()):
                break
            if doc.id in skip:
                continue
            sents = _sentences(doc.texts())
            if not sents:
                continue
            field, s, e, text = rng.choice(sents)
            hit = bool(matcher.candidates(text))
            if need[hit]:
                need[hit] -= 1
                yield Sentence(stem, doc.id, field, s, e, text)


#: The hard stratum: per file and per reason, this many sentences whose dictionary hits
#: are of a kind issue 14 names (see :func:`_reasons`), drawn after the random sample.
HARD_PER_REASON = 2
_MARKS = " ·-/"


def _squeezed_forms() -> ahocorasick.Automaton:
    """Glossary forms of three or more letters with spaces and marks taken out."""
    auto = ahocorasick.Automaton()
    for t in glossary.default().terms:
        for form in (t.term, *t.aliases):
            key = "".join(c for c in form.lower() if c not in _MARKS)
            if len(key) >= 3:
                auto.add_word(key, len(key))
    auto.make_automaton()
    return auto


def _reasons(text: str, matcher: TermMatcher, forms: ahocorasick.Automaton) -> set[str]:
    """Why ``text`` is a hard case: ``negation`` (a hit after 비/무/미 in the same word),
    ``bound`` (a hit before 간/내/별), ``name`` (a hit the matcher rejects outright, mostly
    names), ``latin`` (a Latin hit touching other letters or digits), ``spacing`` (a
    glossary form written with a space or mark the form does not have)."""
    out = set()
    cands = matcher.candidates(text)
    for c in cands:
        before = text[c.start - 1] if c.start else " "
        after = text[c.end] if c.end < len(text) else " "
        if before in "비무미" and (c.start < 2 or not text[c.start - 2].isalnum()):
            out.add("negation")
        if after in "간내별":
            out.add("bound")
        if c.verdict == 0:
            out.add("name")
        if text[c.start].isascii() and (before.isalnum() or after.isalnum()):
            out.add("latin")
    idx = [i for i, ch in enumerate(text) if ch not in _MARKS]
    flat = "".join(text[i] for i in idx).lower()
    spans = {(c.start, c.end) for c in cands}
    for last, n in forms.iter(flat):
        a, b = idx[last + 1 - n], idx[last] + 1
        if (a, b) not in spans and any(ch in _MARKS for ch in text[a:b]):
            out.add("spacing")
    return out


def hard_sentences(data: Path, *, seed: int = SEED, taken: set[str]) -> Iterator[Sentence]:
    """The seeded hard stratum: per file, shuffled records not in ``taken``, up to
    :data:`HARD_PER_REASON` sentences for each reason of :func:`_reasons`."""
    matcher = TermMatcher(glossary.default())
    forms = _squeezed_forms()
    for stem in QUOTAS:
        docs = list(read_documents(data / "news" / f"{stem}.jsonl", on_error="skip"))
        rng = random.Random(f"{seed}:hard:{stem}")
        rng.shuffle(docs)
        need = dict.fromkeys(("negation", "bound", "name", "latin", "spacing"), HARD_PER_REASON)
        for doc in docs[:3000]:
            if doc.id in taken:
                continue
            for field, s, e, text in _sentences(doc.texts()):
                hit = [r for r in sorted(_reasons(text, matcher, forms)) if need[r]]
                if hit:
                    need[hit[0]] -= 1
                    yield Sentence(stem, doc.id, field, s, e, text)
                    break


def digest(sentence: str) -> str:
    """The first 12 hex digits of the SHA-256 of ``sentence``: stored instead of the text."""
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:12]


def load_judged(path: Path = JUDGED) -> list[dict]:
    """The judged sentences of ``path`` (its ``rules`` are for the reader)."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)["sentences"]


def reread(data: Path, rows: list[dict]) -> list[str]:
    """The text of each judged sentence, re-read from the news files and checked."""
    wanted: dict[str, dict[str, Document | None]] = {}
    for r in rows:
        wanted.setdefault(r["file"], {})[r["id"]] = None
    for stem, docs in wanted.items():
        for doc in read_documents(data / "news" / f"{stem}.jsonl", on_error="skip"):
            if doc.id in docs:
                docs[doc.id] = doc
                if all(docs.values()):
                    break  # every wanted record of this file is read
    out = []
    for r in rows:
        found = wanted[r["file"]][r["id"]]
        if found is None:
            raise SystemExit(f"record {r['id']!r} not found in {r['file']}.jsonl")
        text = dict(found.texts())[r["field"]]
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


def sheet(data: Path, *, seed: int = SEED, scale: float = 1.0, judged: Path = JUDGED) -> None:
    g = glossary.default()
    taggers = {m: Tagger(g, mode=m) for m in ("fast", "full")}  # type: ignore[arg-type]
    matcher = TermMatcher(g)
    if seed == SEED:
        sample = list(sample_sentences(data, scale=scale))
        hard: Iterator[Sentence] = hard_sentences(data, taken={s.record_id for s in sample})
    else:
        # A new draw for an honest check: random stratum only, none of the judged records.
        skip = frozenset(r["id"] for r in load_judged(judged))
        sample = list(sample_sentences(data, seed=seed, scale=scale, skip=skip))
        hard = iter(())
    for i, s in enumerate(itertools.chain(sample, hard)):
        stratum = ("random" if seed == SEED else f"seed{seed}") if i < len(sample) else "hard"
        head = {"i": i, "stratum": stratum, "file": s.file, "id": s.record_id, "field": s.field}
        head |= {"start": s.start, "end": s.end}
        print(json.dumps(head, ensure_ascii=False))
        print("   T:", s.text)
        for (a, b, tid), src in sorted(candidates(s.text, taggers, matcher).items()):
            ctx = f"{s.text[max(0, a - 8) : a]}[{s.text[a:b]}]{s.text[b : b + 6]}"
            print(f"   C {a} {b} {tid} {','.join(sorted(src))} | {ctx}")


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of one mode on a set of judged sentences.

    ``errors`` are ``("FP" or "FN", record id, start, end, term id, class...)`` and
    ``unjudged`` are ``(record id, start, end, term id)``: offsets and ids, never text.
    """

    tp: int
    fp: int
    fn: int
    fp_class: Counter[str]
    fn_class: Counter[str]
    errors: list[tuple]
    unjudged: list[tuple]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score_mode(tagger: Tagger, rows: list[dict], texts: list[str]) -> Score:
    """Compare ``tagger``'s mentions on ``texts`` with the verdicts of ``rows``."""
    tp = fp = fn = 0
    fp_class: Counter[str] = Counter()
    fn_class: Counter[str] = Counter()
    errors: list[tuple] = []
    unjudged: list[tuple] = []
    for r, text in zip(rows, texts, strict=True):
        verdict = {(a, b, t): (v, c) for a, b, t, v, *c in r["spans"]}
        pred = {(m.start, m.end, m.term_id) for m in tagger.tag(text)}
        for key in sorted(pred):
            if key not in verdict:
                unjudged.append((r["id"], *key))
            elif verdict[key][0] == "yes" and verdict[key][1] != ["superseded"]:
                tp += 1
            else:
                fp += 1
                fp_class[(verdict[key][1] or ["other"])[0]] += 1
                errors.append(("FP", r["id"], *key, *verdict[key][1]))
        for key, (v, c) in verdict.items():
            # A superseded span was a mention until a longer glossary term came to cover
            # it: the longer span is now the mention, so missing the shorter is no error.
            if v == "yes" and c != ["superseded"] and key not in pred:
                fn += 1
                fn_class[(c or ["other"])[0]] += 1
                errors.append(("FN", r["id"], *key, *c))
    return Score(tp, fp, fn, fp_class, fn_class, errors, unjudged)


def score(data: Path, modes: list[str], judged: Path) -> None:
    rows = load_judged(judged)
    texts = reread(data, rows)
    g = glossary.default()
    strata = sorted({r["stratum"] for r in rows}, key=lambda s: s != "random")
    print(f"{len(rows)} sentences, {sum(len(r['spans']) for r in rows)} judged spans")
    for mode in modes:
        tagger = Tagger(g, mode=mode)  # type: ignore[arg-type]
        print(f"\n{mode}")
        for stratum in [*strata, "all"]:
            keep = [i for i, r in enumerate(rows) if stratum in ("all", r["stratum"])]
            sc = score_mode(tagger, [rows[i] for i in keep], [texts[i] for i in keep])
            print(
                f"  {stratum:6s} ({len(keep)} sentences): precision {sc.precision:.4f}"
                f" ({sc.tp}/{sc.tp + sc.fp})  recall {sc.recall:.4f} ({sc.tp}/{sc.tp + sc.fn})"
            )
            print(f"    false positives {sc.fp}: {dict(sc.fp_class.most_common())}")
            print(f"    false negatives {sc.fn}: {dict(sc.fn_class.most_common())}")
            print(f"    unjudged predictions {len(sc.unjudged)}")
        for e in sc.errors:
            print("     ", *e)
        for u in sc.unjudged:
            print("      unjudged", *u)


def main() -> None:
    default_data = os.environ.get("KOTREND_DATA") or str(HERE.parents[1] / "shared" / "data")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=default_data)
    ap.add_argument("--mode", choices=("fast", "full", "both"), default="both")
    ap.add_argument("--judged", default=str(JUDGED))
    ap.add_argument("--sheet", action="store_true", help="print the sample for judging")
    ap.add_argument("--seed", type=int, default=SEED, help="another seed: a new random draw")
    ap.add_argument("--scale", type=float, default=1.0, help="times each file's quota")
    args = ap.parse_args()
    data = Path(args.data)
    if not (data / "news").is_dir():
        raise SystemExit(f"no news directory under {data}")
    if args.sheet:
        sheet(data, seed=args.seed, scale=args.scale, judged=Path(args.judged))
        return
    modes = ["fast", "full"] if args.mode == "both" else [args.mode]
    score(data, modes, Path(args.judged))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
