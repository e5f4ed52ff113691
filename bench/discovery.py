"""Benchmark term discovery: can it find glossary terms we pretend not to know?

Takes the default glossary's terms that occur at least ``--min-mentions`` times in a
slice of real news, removes a seeded random 20% of them, runs discovery with the
reduced glossary and reports recall@50 and recall@200 of the removed terms, side by
side with kiwipiepy's ``Kiwi.extract_words`` and a plain TF-IDF ranking of noun
n-grams, each timed on the same documents. A removed term counts as found when a
candidate's ``form_key`` equals the ``form_key`` of one of its forms.

With ``--precision``, it reports precision instead, from hand judgments: the top 100
proposals (default glossary, no window) on the danews headlines and on 10,000 KDI
summaries, for TermDiscoverer and the two baselines (baselines without the glossary's
own forms, as discovery has), as P@20/50/100 over the judged phrases of
``bench/judged/discovery.json`` (phrases and verdicts only), with how many of the top
100 are unjudged, how many hold a number or time word, and how many are headwords of
the MOEF and BOK glossaries (``$KOTREND_DATA/glossary``: a check of the output, never
an input to the ranking). ``--show`` lists the unjudged phrases to judge.

With ``--aliases``, it lists the alias proposals of :func:`extract.mine_aliases` on the
10,000 KDI summaries with the hand verdicts of ``bench/judged/discovery.json``
(``kdi_aliases``: term id, alias and verdict, ``right`` or ``wrong``) and each alias's
share of the documents, and reports how many are right.

With ``--march``, it checks what is new: the danews headlines of March 2026 against
the months before (``rank="rise"``), with the glossary entry of 호르무즈 해협 removed in
memory (the glossary has learnt it since), and prints the rank of 호르무즈 해협 and the
top 20.

Usage::

    python bench/discovery.py                 # 10,000 KDI research + policy summaries
    python bench/discovery.py --docs 3000 --seed 1
    python bench/discovery.py --precision [--show]
    python bench/discovery.py --aliases
    python bench/discovery.py --march

The corpora come from ``../shared/data/news`` (or ``$KOTREND_DATA/news``) and are never
copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import glossary
from corpus import Document
from extract import Tagger, TermDiscoverer
from glossary import Glossary, form_key

FILES = ("kdi_epic_research_ko.jsonl", "kdi_epic_policy_materials.jsonl")
NOUNS = frozenset({"NNG", "NNP", "SL"})


def data_dir() -> Path:
    env = os.environ.get("KOTREND_DATA")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"
    if not (path / "news").is_dir():
        sys.exit(f"no news corpora in {path}: set KOTREND_DATA")
    return path / "news"


def load_docs(n: int, seed: int) -> list[Document]:
    """A seeded random sample of ``n`` documents from the KDI files."""
    rows: list[dict[str, Any]] = []
    for name in FILES:
        with open(data_dir() / name, encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh)
    random.Random(seed).shuffle(rows)
    return [Document(id=str(r["id"]), title=r.get("title"), body=r.get("body")) for r in rows[:n]]


def noun_ngrams(tokens: Sequence[Any]) -> list[str]:
    """Analyzer of the TF-IDF baseline: 1-3-grams over the document's noun tokens."""
    nouns = [t.form for t in tokens if t.tag in NOUNS]
    return [" ".join(nouns[i : i + n]) for n in (1, 2, 3) for i in range(len(nouns) - n + 1)]


def tfidf_baseline(texts: list[str], min_df: int) -> list[str]:
    """Noun n-grams ranked by mean TF-IDF: no C-value, no junk filter, no masking."""
    import numpy as np
    from kiwipiepy import Kiwi
    from sklearn.feature_extraction.text import TfidfVectorizer

    token_lists = list(Kiwi().tokenize(texts))
    vec = TfidfVectorizer(analyzer=noun_ngrams, min_df=min_df, sublinear_tf=True)
    x = vec.fit_transform(token_lists)
    mean = np.asarray(x.mean(axis=0)).ravel()
    names = vec.get_feature_names_out()
    return [str(names[i]) for i in np.argsort(-mean, kind="stable")]


def kiwi_words(texts: list[str], min_cnt: int) -> list[str]:
    """kiwipiepy's own new-word extraction, best score first."""
    from kiwipiepy import Kiwi

    words = Kiwi().extract_words(texts, min_cnt=min_cnt)
    return [w for w, *_ in sorted(words, key=lambda w: (-w[1], w[0]))]


def timed(fn: Callable[[], list[str]]) -> tuple[list[str], float]:
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def ranks(ranked: Iterable[str], removed: dict[str, set[str]], known: set[str]) -> dict[str, int]:
    """Rank (0-based, among phrases not already known) at which each removed term is found."""
    found: dict[str, int] = {}
    shown = 0
    for phrase in ranked:
        if form_key(phrase, case_sensitive=False) in known:
            continue
        key = form_key(phrase)
        for tid, keys in removed.items():
            if key in keys and tid not in found:
                found[tid] = shown
        shown += 1
        if shown >= 1000:
            break
    return found


def _cell(found: dict[str, int], ids: Sequence[str], k: int) -> str:
    hit = sum(1 for t in ids if found.get(t, k) < k)
    return f"{hit}/{len(ids)} = {hit / len(ids):.2f}" if ids else "-"


JUDGED = Path(__file__).resolve().parent / "judged" / "discovery.json"
REFERENCE = ("moef_econ_terms_2024.csv", "moef_sisa_econ_terms.csv", "bok_700_econ_fin_terms.csv")
HEADLINES = "danews_daily_ko_headlines.jsonl"
KDI = "kdi_10000"


def reference_keys() -> set[str]:
    """Loose keys of the headwords and aliases of the MOEF and BOK glossaries."""
    import csv

    keys: set[str] = set()
    for name in REFERENCE:
        with open(data_dir().parent / "glossary" / name, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for form in [row["term"], *(row.get("aliases") or "").split("|")]:
                    if form.strip():
                        keys.add(form_key(form.strip(), case_sensitive=False))
    return keys


def load_headlines() -> list[Document]:
    with open(data_dir() / HEADLINES, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [Document(id=str(r["id"]), title=r.get("title"), body=r.get("body")) for r in rows]


def number_or_time(phrase: str) -> bool:
    """Whether a proposal holds a number, amount, date, unit or time word (a word with
    digits inside a name, B2B or 5G, is not a number)."""
    from extract import junk_reason

    stop = {"number", "amount", "date", "unit"}
    return any(junk_reason(w) in stop for w in phrase.split())


def precision(
    argv_show: bool,
    min_df: int,
    *,
    baselines: bool = True,
    kdi_docs: int = 10_000,
    weights: dict[str, float] | None = None,
    glossary_path: str | None = None,
) -> None:
    full = glossary.load(glossary_path) if glossary_path else glossary.default()
    label_g = f"glossary {glossary_path}" if glossary_path else "default glossary"
    known = {form_key(f, case_sensitive=False) for t in full for f in (*t.forms, *t.exclude)}
    judged_all = json.loads(JUDGED.read_text(encoding="utf-8"))
    ref = reference_keys()
    corpora = ((HEADLINES, load_headlines), (KDI, lambda: load_docs(kdi_docs, 0)))
    for name, load in corpora:
        docs = load()
        texts = [text for d in docs for _, text in d.texts()]
        verdicts = {
            form_key(j["phrase"], case_sensitive=False): j["verdict"]
            for part in judged_all.get(name, {}).values()
            if isinstance(part, list)
            for j in part
        }

        def ours(docs: list[Document] = docs) -> list[str]:
            d = TermDiscoverer(
                glossary=full, min_df=min_df, max_candidates=100, n_examples=0, weights=weights
            )
            return [c.phrase for c in d.fit(docs).candidates_]

        methods: tuple[tuple[str, Callable[[], list[str]]], ...] = (("TermDiscoverer", ours),)
        if baselines:
            methods += (
                ("Kiwi.extract_words", lambda texts=texts: kiwi_words(texts, min_df)),
                ("noun n-gram TF-IDF", lambda texts=texts: tfidf_baseline(texts, min_df)),
            )
        print(f"\n{name}: {len(docs):,} documents, {label_g} ({len(full)} terms)\n")
        print(
            "| method | P@20 | P@50 | P@100 | unjudged in 100 | number/time in 100 "
            "| MOEF/BOK headwords in 100 | time (s) |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        todo: list[str] = []
        for label, fn in methods:
            ranked, secs = timed(fn)
            top = [p for p in ranked if form_key(p, case_sensitive=False) not in known][:100]
            keys = [form_key(p, case_sensitive=False) for p in top]
            cells = []
            for k in (20, 50, 100):
                seen = [verdicts[x] for x in keys[:k] if x in verdicts]
                hit = sum(v == "term" for v in seen)
                cells.append(f"{hit}/{len(seen)} = {hit / len(seen):.2f}" if seen else "-")
            unjudged = [p for p, x in zip(top, keys, strict=True) if x not in verdicts]
            todo.extend(f"{label}\t{i}\t{p}" for i, p in enumerate(top, 1) if p in unjudged)
            print(
                f"| {label} | {' | '.join(cells)} | {len(unjudged)} "
                f"| {sum(map(number_or_time, top))} | {sum(x in ref for x in keys)} | {secs:.1f} |"
            )
        if argv_show and todo:
            print("\nunjudged:")
            print("\n".join(todo))


def aliases() -> None:
    """Hand-judged alias proposals on the KDI summaries, with their document shares."""
    from extract import mine_aliases

    docs = load_docs(10_000, 0)
    judged_all = json.loads(JUDGED.read_text(encoding="utf-8"))
    verdicts = {(j["term_id"], j["alias"]): j["verdict"] for j in judged_all.get("kdi_aliases", [])}
    t0 = time.perf_counter()
    props = [p for p in mine_aliases(docs, glossary=glossary.default()) if p.kind == "alias"]
    secs = time.perf_counter() - t0
    texts = [" ".join(t for _, t in d.texts()) for d in docs]
    rows = []
    for p in props:
        for form in p.aliases:
            share = sum(form in t for t in texts) / len(texts)
            rows.append((p.term_id, p.term, form, p.support, share))
    right = sum(verdicts.get((r[0], r[2])) == "right" for r in rows)
    judged = sum((r[0], r[2]) in verdicts for r in rows)
    print(
        f"KDI, {len(docs):,} documents: {len(rows)} alias forms in {len(props)} proposals "
        f"({secs:.1f} s); judged {judged}, right {right}"
        + (f" = {right / judged:.2f}" if judged else "")
        + f"; largest document share {max((r[4] for r in rows), default=0):.3f}"
    )
    for term_id, term, form, support, share in rows:
        v = verdicts.get((term_id, form), "UNJUDGED")
        print(f"{v}\t{term_id}\t{term}\t{form}\tsupport {support}\tshare {share:.3f}")


def march(min_df: int) -> None:
    """Rank of 호르무즈 해협 among the risers of March 2026 in the headlines."""
    with open(data_dir() / HEADLINES, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    window = [r for r in rows if str(r.get("date", "")).startswith("2026-03")]
    before = [r for r in rows if str(r.get("date", "")) < "2026-03"]

    def docs(rs: list[dict[str, Any]]) -> list[Document]:
        return [Document(id=str(r["id"]), title=r.get("title"), body=r.get("body")) for r in rs]

    target = form_key("호르무즈 해협", case_sensitive=False)
    full = glossary.default()
    gone = [t.id for t in full if any(form_key(f, case_sensitive=False) == target for f in t.forms)]
    g = Glossary([t for t in full if t.id not in set(gone)], name="without-hormuz")
    t0 = time.perf_counter()
    d = TermDiscoverer(glossary=g, min_df=min_df, max_candidates=500, n_examples=0, rank="rise")
    d.background = docs(before)
    d.fit(docs(window))
    phrases = [c.phrase for c in d.candidates_]
    keys = [form_key(p, case_sensitive=False) for p in phrases]
    rank = keys.index(target) + 1 if target in keys else None
    print(
        f"March 2026: {len(window):,} headlines against {len(before):,} before; removed "
        f"{gone or 'nothing'}; 호르무즈 해협 at rank {rank} ({time.perf_counter() - t0:.0f} s)"
    )
    print("top 20: " + " | ".join(phrases[:20]))
    print(f"number/time in top 100: {sum(map(number_or_time, phrases[:100]))}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents (default 10000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--share", type=float, default=0.2, help="share of terms removed")
    ap.add_argument("--min-mentions", type=int, default=5)
    ap.add_argument("--min-df", type=int, default=3)
    ap.add_argument("--show", action="store_true", help="list the removed terms and ranks")
    ap.add_argument("--precision", action="store_true", help="hand-judged precision instead")
    ap.add_argument("--aliases", action="store_true", help="hand-judged alias proposals")
    ap.add_argument("--march", action="store_true", help="rank of 호르무즈 해협 in March 2026")
    ap.add_argument(
        "--no-baselines", action="store_true", help="TermDiscoverer only (no Kiwi, no TF-IDF)"
    )
    ap.add_argument(
        "--weights",
        type=json.loads,
        default=None,
        help='TermDiscoverer\'s weights as JSON (e.g. \'{"c_value": 2, "learned": 2}\')',
    )
    ap.add_argument(
        "--glossary",
        default=None,
        help="with --precision: the glossary discovery knows (default: the bundled one)",
    )
    args = ap.parse_args(argv)
    if args.aliases:
        aliases()
        return
    if args.march:
        march(args.min_df)
        return
    if args.precision:
        precision(
            args.show,
            args.min_df,
            baselines=not args.no_baselines,
            weights=args.weights,
            glossary_path=args.glossary,
        )
        return

    full = glossary.default()
    docs = load_docs(args.docs, args.seed)
    texts = [text for d in docs for _, text in d.texts()]
    t0 = time.perf_counter()
    mentions = Counter(m.term_id for m in Tagger(full).tag_documents(docs))
    t_tag = time.perf_counter() - t0
    frequent = sorted(t for t, n in mentions.items() if n >= args.min_mentions)
    removed_ids = sorted(
        random.Random(args.seed).sample(frequent, round(len(frequent) * args.share))
    )
    reduced = Glossary([t for t in full if t.id not in set(removed_ids)], name="reduced")
    removed = {tid: {form_key(f) for f in full[tid].forms} for tid in removed_ids}
    known = {form_key(f, case_sensitive=False) for t in reduced for f in (*t.forms, *t.exclude)}

    def ours() -> list[str]:
        d = TermDiscoverer(
            glossary=reduced,
            min_df=args.min_df,
            max_candidates=1000,
            n_examples=0,
            weights=args.weights,
        )
        return [c.phrase for c in d.fit(docs).candidates_]

    methods: tuple[tuple[str, Callable[[], list[str]]], ...] = (("TermDiscoverer", ours),)
    if not args.no_baselines:
        methods += (
            ("Kiwi.extract_words", lambda: kiwi_words(texts, args.min_df)),
            ("noun n-gram TF-IDF", lambda: tfidf_baseline(texts, args.min_df)),
        )
    results = []
    for name, fn in methods:
        ranked, secs = timed(fn)
        results.append((name, ranks(ranked, removed, known), secs))

    n = len(removed_ids)
    terms = [t for t in removed_ids if not getattr(full[t], "basic", False)]
    print(
        f"{len(docs):,} documents ({', '.join(FILES)}), seed {args.seed}; default glossary "
        f"{len(full)} terms, {len(frequent)} with >= {args.min_mentions} mentions "
        f"(tagging took {t_tag:.1f} s); removed {n}, {len(terms)} of them not 'basic'"
    )
    print()
    print("| method | recall@50 | recall@200 | recall@50, terms | recall@200, terms | time (s) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, found, secs in results:
        print(
            f"| {name} | {_cell(found, removed_ids, 50)} | {_cell(found, removed_ids, 200)} "
            f"| {_cell(found, terms, 50)} | {_cell(found, terms, 200)} | {secs:.1f} |"
        )
    print("\n('terms': the removed entries not flagged basic, i.e. not everyday vocabulary)")
    if args.show:
        print()
        for tid in removed_ids:
            cells = [str(found.get(tid, "-")) for _, found, _ in results]
            basic = " (basic)" if getattr(full[tid], "basic", False) else ""
            print(f"{full[tid].term}{basic}  mentions {mentions[tid]}  ranks {' / '.join(cells)}")


if __name__ == "__main__":
    main()
