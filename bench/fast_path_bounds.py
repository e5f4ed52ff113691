"""How fast the fast path could be, and what each shortcut costs in agreement with full mode.

Run from the repository root::

    python bench/fast_path_bounds.py                  # 20,000 KDI summaries, default glossary
    python bench/fast_path_bounds.py --file danews_daily_ko_headlines.jsonl

The fast path sends a dictionary hit glued to other Hangul (대출금리를, 투자계획은) to
kiwipiepy, one space-delimited word at a time, and caches the answer per word. This
benchmark measures, in one run and with an empty word cache each time (CPU seconds):

* the fast path as shipped;
* cheaper variants of its ambiguous-hit check, built here for comparison only: the word
  read alone with kiwipiepy's best analysis (no runner-up readings, no context), every
  ambiguous hit accepted without morphology, and ambiguous hits of ``basic`` terms
  accepted without morphology;
* a floor: the dictionary scan and rules alone (ambiguous hits cost nothing) plus one
  best-analysis kiwipiepy call for each distinct word the shipped fast path asked about,
  which is the least any check that reads each such word once can cost.

Each row prints MB per CPU-second, the ratio to kiwipiepy ``tokenize`` measured in the
same run, and agreement with ``mode="full"`` on the first ``--agree-docs`` documents.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Sequence
from typing import Any

from tag_throughput import (
    DEFAULT_FILE,
    data_dir,
    kiwi_tokenize,
    load_docs,
    load_glossary,
    megabytes,
    texts_of,
)

from extract import Tagger
from extract.engine.matcher import AMBIGUOUS, Candidate
from extract.engine.wordcheck import _word

_Key = tuple[str, str, int, int, str]


def _key(m: Any) -> _Key:
    return (m.doc_id, m.field, m.start, m.end, m.term_id)


class _Variant(Tagger):
    """The fast path with another check for ambiguous hits (``check(tagger, nt, c)``)."""

    def __init__(self, g: Any, check: Callable[[Tagger, str, Candidate], bool]) -> None:
        super().__init__(g)
        self._variant_check = check
        self.alone: dict[str, tuple[frozenset[int], frozenset[int]]] = {}

    def _accept(self, nt: str, c: Candidate) -> bool:
        if c.verdict == AMBIGUOUS:
            return self._variant_check(self, nt, c)
        return super()._accept(nt, c)


def _alone_best(tagger: Tagger, nt: str, c: Candidate) -> bool:
    assert isinstance(tagger, _Variant)
    lo, hi = _word(nt, c.start, c.end)
    found = tagger.alone.get(nt[lo:hi])
    if found is None:
        tokens = tagger.kiwi.tokenize(nt[lo:hi])
        found = tagger.alone[nt[lo:hi]] = (
            frozenset(t.start for t in tokens),
            frozenset(t.start + t.len for t in tokens),
        )
    return c.start - lo in found[0] and c.end - lo in found[1]


def _cpu(fn: Callable[[], Any]) -> tuple[float, Any]:
    c0 = time.process_time()
    out = fn()
    return time.process_time() - c0, out


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=20000, help="documents (default 20000)")
    ap.add_argument(
        "--data", help="folder with news/*.jsonl (default: $KOTREND_DATA or ../shared/data)"
    )
    ap.add_argument("--file", default=DEFAULT_FILE, help=f"news file (default {DEFAULT_FILE})")
    ap.add_argument("--subset", type=int, default=1000, help="documents for the kiwipiepy baseline")
    ap.add_argument(
        "--agree-docs", type=int, default=3000, help="documents compared with full mode"
    )
    ap.add_argument("--glossary", help="glossary file to use instead of glossary.default()")
    args = ap.parse_args(argv)
    # Words read in earlier runs (the on-disk store) would not count as read here.
    os.environ["KOTREND_NO_CACHE"] = "1"

    g, gnote = load_glossary(args.glossary)
    path = data_dir(args.data) / "news" / args.file
    docs = load_docs(path, args.docs)
    mb = megabytes(docs)
    basic = {t.id for t in g if t.basic}
    print(f"data: {path} ({len(docs):,} documents, {mb:.1f} MB); glossary: {gnote}, {len(g)} terms")

    subset = docs[: args.subset]
    _, base_wall, base_cpu = kiwi_tokenize(texts_of(subset))
    base = megabytes(subset) / base_cpu
    full = Tagger(g, mode="full")
    full.kiwi.tokenize("대출금리가 올랐다")  # Kiwi builds its model on the first call
    agree_docs = docs[: args.agree_docs]
    ids = {d.id for d in agree_docs}
    full_keys = {_key(m) for m in full.tag_documents(agree_docs)}

    def row(name: str, cpu: float, mentions: list[Any] | None, note: str = "") -> None:
        if mentions is None:
            agree = f"{'':>9}"
        else:
            fast_keys = {_key(m) for m in mentions if m.doc_id in ids}
            pct = 100 * len(fast_keys & full_keys) / max(1, len(fast_keys | full_keys))
            agree = f"{pct:8.2f}%"
        print(f"{name:52} {mb / cpu:8.2f} {mb / cpu / base:8.1f}x {agree}  {note}")

    print(f"\n{'method (empty word cache)':52} {'MB/cpu-s':>8} {'vs kiwi':>9} {'agreement':>9}")
    print(f"{'kiwipiepy Kiwi().tokenize (baseline)':52} {base:8.2f} {1:8.1f}x")
    shipped = Tagger(g)
    cpu, mentions = _cpu(lambda: list(shipped.tag_documents(docs)))
    words = [k for k in shipped._check._cache if not k.startswith("\x00")]
    row("fast path as shipped", cpu, mentions, f"{len(words):,} distinct words read")
    variants: list[tuple[str, Callable[[Tagger, str, Candidate], bool]]] = [
        ("variant: word alone, best analysis only", _alone_best),
        ("variant: ambiguous basic terms accepted, no kiwi", _basic_accepted(basic)),
        ("variant: every ambiguous hit accepted, no kiwi", lambda t, nt, c: True),
    ]
    scan_cpu = 0.0
    for name, check in variants:
        tagger = _Variant(g, check)
        cpu, mentions = _cpu(lambda: list(tagger.tag_documents(docs)))  # noqa: B023
        row(name, cpu, mentions)
        scan_cpu = cpu
    kiwi = shipped.kiwi
    read_cpu, _ = _cpu(lambda: [kiwi.tokenize(w) for w in words])
    row(
        "floor: scan and rules + one read per distinct word",
        scan_cpu + read_cpu,
        None,
        f"{read_cpu:.2f} s for the words, {scan_cpu:.2f} s for the rest",
    )
    print(
        f"\nbaseline on the first {len(subset):,} documents ({base_wall:.1f} s wall); agreement = "
        f"|intersection| / |union| of (doc, field, start, end, term) on the first "
        f"{len(agree_docs):,} documents."
    )


def _basic_accepted(basic: set[str]) -> Callable[[Tagger, str, Candidate], bool]:
    def check(tagger: Tagger, nt: str, c: Candidate) -> bool:
        return c.term_id in basic or tagger._check(nt, c.start, c.end)

    return check


if __name__ == "__main__":
    main()
