"""Tagging throughput: kotrend's fast path against kiwipiepy, a raw scan and flashtext.

Run from the repository root::

    python bench/tag_throughput.py                    # 20,000 KDI summaries (title + body)
    python bench/tag_throughput.py --docs 5000 --data /path/to/shared/data
    python bench/tag_throughput.py --memory-check /tmp/big.jsonl   # peak RSS of kotrend tag -j 2
    python bench/tag_throughput.py --stream [--warmup-mb 20 --stream-mb 40]   # steady state
    python bench/tag_throughput.py --startup-only     # kotrend tag on one document, cache or not
    python bench/tag_throughput.py --glossary old.yaml --compare-glossary new.yaml --docs 5000
    python bench/tag_throughput.py --glossary old.yaml --compare-glossary default --restrict-ids

Measures, in one run, on a real slice of ``DATA/news`` (needs the ``bench`` extra:
``pip install -e .[bench]``):

* kiwipiepy ``Kiwi().tokenize`` over every text (baseline, one core);
* ``Tagger(mode="full")``, and the fast path in-process, in a warm process pool with one
  and two workers, and end to end with ``tag_archive`` (read, tag, write Parquet);
* pyahocorasick over all glossary surface forms (offsets kept, no boundary checks), and
  flashtext's ``KeywordProcessor`` with the same forms.

``--stream`` measures steady state instead: every distinct document of every news file,
shuffled; a warm-up of ``--warmup-mb`` MB of text that is not timed, then ``--stream-mb``
MB. Per block of ``--block`` documents it prints the fast path's CPU time, Kiwi reads
and their time, word checks and the share answered from the cache, the cache's growth
and the dictionary scan's time; then ``kotrend tag -j1`` end to end on the same stream
(a fresh process, the on-disk cache filled by a run on the warm-up, less its start-up on
one record), kiwipiepy's
``tokenize`` and flashtext (on the first ``--subset-mb`` MB) and the raw scan, all in MB
per CPU-second.

``--compare-glossary`` times the fast path with two glossaries, alternating fresh
processes, and prints for each where the time goes (a second, timed pass): hits, hits
rejected before any read, kiwipiepy reads (cold and from the cache), CPU seconds in the
scan, the verdict Python, kiwipiepy and the output, and time per mention and per hit;
``--restrict-ids`` adds the second glossary cut to the first one's ids, with a small and
with its big automaton.

The slow ones run on the first ``--subset`` documents; MB/s stays comparable. Then the
ratios, peak memory, start-up time in a fresh interpreter, and how far the fast path
agrees with full mode (differences are printed, never stored).

Throughput is measured with ``KOTREND_NO_CACHE=1`` (a cold run stays cold: no words read
in earlier runs); start-up (``kotrend tag`` on one document) is measured without the
on-disk cache, with it, and with the document's words read before.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import multiprocessing as mp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FILE = "kdi_epic_policy_materials.jsonl"


@dataclass
class Row:
    name: str
    docs: int
    mb: float
    wall: float
    cpu: float | None = None
    note: str = ""

    @property
    def mbps(self) -> float:
        return self.mb / self.wall

    @property
    def cpu_mbps(self) -> float | None:
        return self.mb / self.cpu if self.cpu else None


# --------------------------------------------------------------------------- data


def data_dir(arg: str | None) -> Path:
    for cand in (arg, os.environ.get("KOTREND_DATA"), str(REPO.parent / "shared" / "data")):
        if cand and (Path(cand) / "news").is_dir():
            return Path(cand)
    sys.exit("no data: pass --data DIR (a folder with news/*.jsonl) or set KOTREND_DATA")


def load_glossary(spec: str | None = None) -> tuple[Any, str]:
    """The glossary ``spec`` names (see :func:`glossary.resolve`), else
    ``glossary.default()`` (while the bundled glossary does not load, the bundled files
    that do)."""
    import glossary

    if spec and spec != "default":
        return glossary.resolve(spec), spec
    try:
        return glossary.default(), "glossary.default()"
    except Exception as err:  # the bundled glossary is being edited
        parts, skipped = [], []
        for path in sorted((REPO / "glossary" / "data" / "default").glob("*.yaml")):
            try:
                parts.append(glossary.load(path))
            except Exception:
                skipped.append(path.name)
        merged = glossary.merge(*parts).glossary
        return merged, f"merged bundled files (default() failed: {err}; skipped {skipped})"


def load_docs(path: Path, n: int) -> list[Any]:
    from corpus import read_documents

    return list(itertools.islice(read_documents(path, on_error="skip"), n))


def texts_of(docs: Sequence[Any]) -> list[str]:
    return [text for doc in docs for _, text in doc.texts()]


def megabytes(docs: Sequence[Any]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts_of(docs)) / 1e6


def surface_forms(g: Any) -> list[tuple[str, str]]:
    """(variant, term id) for every matchable surface variant of every term."""
    from glossary import latin_plurals, spacing_variants

    out = []
    for term in g:
        for form in term.forms:
            for v in spacing_variants(form.strip()):
                out.extend((x, term.id) for x in (v, *latin_plurals(v)))
    return out


def timed(name: str, docs: Sequence[Any], fn: Callable[[], Any], note: str = "") -> tuple[Row, Any]:
    c0, t0 = time.process_time(), time.perf_counter()
    result = fn()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return Row(name, len(docs), megabytes(docs), wall, cpu, note), result


# --------------------------------------------------------------------------- pool


_POOL: dict[str, Any] = {}


def _pool_init(g: Any, barrier: Any) -> None:
    from corpus import load_sample
    from extract import Tagger

    tagger = Tagger(g)
    tagger.kiwi.tokenize("대출금리가 올랐다")  # Kiwi builds its model on the first call
    for doc in load_sample():  # and runs its first analyses slower
        tagger.kiwi.tokenize(doc.body or "")
    _POOL.update(tagger=tagger, barrier=barrier)


def _pool_ready(_: int) -> int:
    _POOL["barrier"].wait()
    return os.getpid()


def _pool_peak(_: int) -> float:
    _POOL["barrier"].wait()  # one call per worker
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, from the parent's image.
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pool_chunk(docs: list[Any]) -> int:
    tagger = _POOL["tagger"]
    return sum(len(tagger.tag_document(d)) for d in docs)


def pool_run(g: Any, docs: Sequence[Any], jobs: int) -> Row:
    """Fast path in ``jobs`` warm worker processes (start-up not counted)."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(jobs)
    chunks = [list(docs[i : i + 500]) for i in range(0, len(docs), 500)]
    with ctx.Pool(jobs, initializer=_pool_init, initargs=(g, barrier)) as pool:
        pool.map(_pool_ready, range(jobs), chunksize=1)  # every worker is up and warm
        t0 = time.perf_counter()
        n = sum(pool.imap_unordered(_pool_chunk, chunks))
        wall = time.perf_counter() - t0
        peaks = pool.map(_pool_peak, range(jobs), chunksize=1)
    return Row(
        f"kotrend fast, pool -j{jobs}",
        len(docs),
        megabytes(docs),
        wall,
        None,
        f"{n:,} mentions; warm workers, docs pickled to them; peak RSS per worker "
        + ", ".join(f"{p:,.0f}" for p in peaks)
        + " MiB",
    )


def best(times: int, run: Callable[[], Row]) -> Row:
    """The fastest of ``times`` runs: other processes on the machine only ever slow it."""
    rows = [run() for _ in range(max(1, times))]
    row = min(rows, key=lambda r: r.wall)
    if len(rows) > 1:
        row.note += f"; best of {len(rows)} ({', '.join(f'{r.wall:.2f}' for r in rows)} s)"
    return row


def archive_run(g: Any, path: Path, docs: Sequence[Any], jobs: int, out: Path) -> Row:
    from extract import tag_archive

    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    s = tag_archive(path, out, glossary=g, jobs=jobs)
    wall = time.perf_counter() - t0
    return Row(
        f"kotrend tag_archive -j{jobs}",
        s.tagged,
        megabytes(docs),
        wall,
        None,
        f"{s.mentions:,} mentions; read+tag+Parquet, incl. worker start-up",
    )


# --------------------------------------------------------------------------- competitors


def kiwi_tokenize(texts: Sequence[str]) -> tuple[int, float, float]:
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=1)
    kiwi.tokenize("예열용 문장입니다.")  # Kiwi builds its model on the first call
    c0, t0 = time.process_time(), time.perf_counter()
    n = sum(len(kiwi.tokenize(t)) for t in texts)
    return n, time.perf_counter() - t0, time.process_time() - c0


def raw_scan(forms: list[tuple[str, str]], texts: Sequence[str]) -> tuple[int, float, float]:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for variant, term_id in forms:
        automaton.add_word(variant.lower(), (len(variant), term_id))
    automaton.make_automaton()
    c0, t0 = time.process_time(), time.perf_counter()
    n = 0
    for text in texts:
        hits = [(e - k + 1, e + 1, t) for e, (k, t) in automaton.iter(text.lower())]
        n += len(hits)
    return n, time.perf_counter() - t0, time.process_time() - c0


def flashtext_scan(forms: list[tuple[str, str]], texts: Sequence[str]) -> tuple[int, float, float]:
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        sys.exit("flashtext is missing: pip install -e .[bench]")
    kp = KeywordProcessor(case_sensitive=False)
    for variant, term_id in forms:
        kp.add_keyword(variant, term_id)
    c0, t0 = time.process_time(), time.perf_counter()
    n = sum(len(kp.extract_keywords(t, span_info=True)) for t in texts)
    return n, time.perf_counter() - t0, time.process_time() - c0


def competitor(
    name: str, docs: Sequence[Any], run: Callable[[], tuple[int, float, float]], what: str
) -> Row:
    n, wall, cpu = run()
    return Row(name, len(docs), megabytes(docs), wall, cpu, f"{n:,} {what}")


# --------------------------------------------------------------------------- start-up

_STARTUP = """
import json, sys, time
t0 = time.perf_counter()
import itertools
import glossary
from corpus import read_documents
from extract import Tagger
t1 = time.perf_counter()
sys.path.insert(0, {bench!r})
from tag_throughput import load_glossary
g, _ = load_glossary({spec!r})
t2 = time.perf_counter()
doc = next(iter(read_documents({path!r}, on_error="skip")))
n = len(Tagger(g).tag_document(doc))
t3 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "glossary": t2 - t1, "first_doc": t3 - t2, "total": t3 - t0}}))
"""


def startup(path: Path, spec: str | None, runs: int = 3) -> list[dict[str, float]]:
    code = _STARTUP.format(bench=str(Path(__file__).parent), path=str(path), spec=spec)
    out = []
    for _ in range(runs):
        res = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        out.append(json.loads(res.stdout.strip().splitlines()[-1]))
    return out


def cli_startup(path: Path, spec: str | None, runs: int = 3) -> None:
    """``kotrend tag`` on the first record of ``path`` (whole process), wall and CPU
    seconds: without the on-disk cache, with it (glossary, automaton, kiwipiepy's word
    classes) but the document's words new, and with its words read in an earlier run."""
    with tempfile.TemporaryDirectory(prefix="kotrend-startup-") as tmp:
        one = Path(tmp) / "one.jsonl"
        with open(path, encoding="utf-8") as fh:
            one.write_text(next(ln for ln in fh if ln.strip()), encoding="utf-8")
        cache = Path(tmp) / "cache"
        cmd = [
            sys.executable,
            "-m",
            "extract.cli",
            "tag",
            str(one),
            "-o",
            str(Path(tmp) / "o.jsonl"),
        ]
        if spec:
            cmd += ["-g", spec]
        base = {**os.environ, "PYTHONPATH": str(REPO), "KOTREND_CACHE_DIR": str(cache)}
        base.pop("KOTREND_NO_CACHE", None)
        # Compiled modules are kept, as an installed package has them: without, every
        # start compiles the sources again (0.2 s of it).
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(cmd, check=True, capture_output=True, env=base)  # fills the cache
        cases = {
            "no cache (KOTREND_NO_CACHE=1)": ({**base, "KOTREND_NO_CACHE": "1"}, False),
            "cache, the document's words new": (base, True),
            "cache, its words read before": (base, False),
        }
        print(
            f"\nkotrend tag on one document ({one.stat().st_size:,} bytes), whole process, {runs} runs:"
        )
        for name, (env, forget_words) in cases.items():
            times = []
            for _ in range(runs):
                if forget_words:
                    for store in cache.glob("kiwi-readings-*"):
                        store.unlink()
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True, env=env)
                wall = time.perf_counter() - t0
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                times.append((wall, cpu))
            print(
                f"  {name:34} median wall {statistics.median(w for w, _ in times):5.2f} s, "
                f"CPU {statistics.median(c for _, c in times):5.2f} s  ["
                + "; ".join(f"{w:.2f}/{c:.2f}" for w, c in times)
                + "]"
            )


_FAST_RUN = """
import json, sys, time
sys.path.insert(0, {bench!r})
from tag_throughput import glossary_for_run, kiwi_tokenize, load_docs, megabytes, texts_of
from tag_throughput import where_time_goes
from pathlib import Path
from extract import Tagger
g, keep = glossary_for_run({spec!r}, {restrict!r}, {how!r})
docs = load_docs(Path({path!r}), {n})
tagger = Tagger(g)
if keep is not None:
    tagger._matcher.candidates = keep(tagger._matcher.candidates)
tagger.kiwi.tokenize("대출금리가 올랐다")  # Kiwi builds its model on the first call
c0 = time.process_time()
n = sum(len(tagger.tag_document(d)) for d in docs)
fast = time.process_time() - c0
parts = where_time_goes(g, docs, keep)
sub = docs[:{subset}]
_, _, kiwi = kiwi_tokenize(texts_of(sub))
print(json.dumps({{"fast": fast, "mb": megabytes(docs), "mentions": n, "kiwi": kiwi,
                  "sub_mb": megabytes(sub), "terms": len(g), "docs": len(docs), **parts}}))
"""


def glossary_for_run(
    spec: str, restrict: str | None, how: str
) -> tuple[Any, Callable[[Any], Any] | None]:
    """The glossary ``spec`` names, and a wrapper for its matcher's ``candidates``, if
    any: with ``restrict`` (another glossary's spec), ``how="subset"`` keeps only the
    terms whose ids ``restrict`` has (a small automaton), ``how="filter"`` keeps every
    term in the automaton and drops the other terms' hits after the scan (same terms,
    the big automaton)."""
    g, _ = load_glossary(spec)
    if restrict is None:
        return g, None
    from glossary import Glossary

    ids = {t.id for t in load_glossary(restrict)[0]}
    if how == "subset":
        return Glossary([t for t in g if t.id in ids], name=f"{g.name}&{restrict}"), None

    def keep(candidates: Callable[[str], list[Any]]) -> Callable[[str], list[Any]]:
        return lambda text: [c for c in candidates(text) if c.term_id in ids]

    return g, keep


def where_time_goes(
    g: Any, docs: Sequence[Any], keep: Callable[[Any], Any] | None = None
) -> dict[str, float]:
    """One more pass of the fast path over ``docs`` with a fresh tagger (cold word
    cache), its parts timed and counted: the dictionary scan and boundary verdicts
    (``TermMatcher.candidates``), kiwipiepy's calls (``analyze``, ``tokenize``), the
    output (the sentence around each chosen hit, offsets back to the original text,
    mentions) and the rest, the Python that settles the hits between them. Timers add
    their own cost (a few percent): the shares are what counts, the clean run's CPU
    time is the rate."""
    import extract.engine.tagger as tagger_mod
    from extract import Tagger
    from extract.engine.analyzer import KiwiView
    from extract.engine.matcher import AMBIGUOUS, REJECT
    from extract.engine.wordcheck import WordCheck

    clock = time.process_time
    acc = dict.fromkeys(
        ("scan_s", "kiwi_s", "output_s", "total_s", "hits", "rejected", "ambiguous"), 0.0
    )
    acc.update(reads=0, lookups=0, particle_checks=0, word_checks=0)
    tagger = Tagger(g)
    tagger.kiwi.tokenize("대출금리가 올랐다")
    scan = tagger._matcher.candidates if keep is None else keep(tagger._matcher.candidates)

    def candidates(text: str) -> list[Any]:
        t0 = clock()
        out = scan(text)
        acc["scan_s"] += clock() - t0
        acc["hits"] += len(out)
        acc["rejected"] += sum(c.verdict == REJECT for c in out)
        acc["ambiguous"] += sum(c.verdict == AMBIGUOUS for c in out)
        return out

    tagger._matcher.candidates = candidates  # type: ignore[method-assign]
    spans_end = [0.0]
    spans_around = tagger_mod._spans_around

    def spans(*a: Any) -> Any:
        spans_end[0] = clock()  # from here (sentences) to the end of tag() is output
        return spans_around(*a)

    def kiwi_call(method: Callable[..., Any]) -> Callable[..., Any]:
        def call(self: Any, *a: Any, **kw: Any) -> Any:
            t0 = clock()
            out = method(self, *a, **kw)
            acc["kiwi_s"] += clock() - t0
            acc["reads"] += 1
            return out

        return call

    def counted(method: Callable[..., Any], key: str) -> Callable[..., Any]:
        def call(self: Any, *a: Any, **kw: Any) -> Any:
            acc[key] += 1
            return method(self, *a, **kw)

        return call

    tag = tagger.tag

    def timed_tag(text: str, **kw: Any) -> Any:
        spans_end[0] = -1.0
        t0 = clock()
        out = tag(text, **kw)
        t1 = clock()
        acc["total_s"] += t1 - t0
        if spans_end[0] >= 0:
            acc["output_s"] += t1 - spans_end[0]
        return out

    tagger.tag = timed_tag  # type: ignore[method-assign]
    saved = {
        (KiwiView, "analyze"): KiwiView.analyze,
        (KiwiView, "tokenize"): KiwiView.tokenize,
        (WordCheck, "_lookup"): WordCheck._lookup,
        (WordCheck, "__call__"): WordCheck.__call__,
        (type(tagger), "_ends_in_particle"): type(tagger)._ends_in_particle,
    }
    try:
        tagger_mod._spans_around = spans  # type: ignore[assignment]
        KiwiView.analyze = kiwi_call(KiwiView.analyze)  # type: ignore[method-assign]
        KiwiView.tokenize = kiwi_call(KiwiView.tokenize)  # type: ignore[method-assign]
        WordCheck._lookup = counted(WordCheck._lookup, "lookups")  # type: ignore[method-assign]
        WordCheck.__call__ = counted(WordCheck.__call__, "word_checks")  # type: ignore[method-assign]
        type(tagger)._ends_in_particle = counted(  # type: ignore[method-assign]
            type(tagger)._ends_in_particle, "particle_checks"
        )
        for doc in docs:
            tagger.tag_document(doc)
    finally:
        tagger_mod._spans_around = spans_around
        for (cls, name), method in saved.items():
            setattr(cls, name, method)
    acc["verdict_s"] = acc["total_s"] - acc["scan_s"] - acc["kiwi_s"] - acc["output_s"]
    return acc


def compare_glossaries(args: argparse.Namespace, data: Path) -> None:
    """The fast path (cold word cache) and kiwipiepy's ``tokenize`` with two glossaries,
    each in a fresh process, alternating A, B, A, B...: the ratio of their speeds against
    kiwipiepy, measured in one run (issue 13: at most 10% slower with the big glossary),
    and where each one's time goes: per document, per mention and per dictionary hit.

    With ``--restrict-ids``, two more runs: B restricted to A's term ids, once as a
    glossary of those terms only (C: a small automaton) and once with all of B's terms
    in the automaton and the other terms' hits dropped after the scan (D): whether the
    size of the automaton alone costs anything."""
    path = data / "news" / args.file
    specs: dict[str, tuple[str, str | None, str]] = {
        "A": (args.glossary or "default", None, ""),
        "B": (args.compare_glossary, None, ""),
    }
    if args.restrict_ids:
        a_spec = args.glossary or "default"
        specs["C"] = (args.compare_glossary, a_spec, "subset")
        specs["D"] = (args.compare_glossary, a_spec, "filter")
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in specs}
    for _ in range(max(1, args.repeat)):
        for name, (spec, restrict, how) in specs.items():
            code = _FAST_RUN.format(
                bench=str(Path(__file__).parent),
                spec=spec,
                restrict=restrict,
                how=how,
                path=str(path),
                n=args.docs,
                subset=args.subset,
            )
            res = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            runs[name].append(json.loads(res.stdout.strip().splitlines()[-1]))
    print(
        f"{args.docs:,} documents of {path.name}; kiwipiepy on the first {args.subset:,}; "
        f"each run a fresh process, cold word cache, KOTREND_NO_CACHE=1"
    )
    best = {}
    labels = {
        "A": specs["A"][0],
        "B": specs["B"][0],
        "C": f"{specs['B'][0]} with only the ids of {specs['A'][0]} (small automaton)",
        "D": f"{specs['B'][0]}, hits of other ids dropped after the scan (big automaton)",
    }
    for name in specs:
        rs = runs[name]
        rates = [r["mb"] / r["fast"] for r in rs]
        ratios = [(r["mb"] / r["fast"]) / (r["sub_mb"] / r["kiwi"]) for r in rs]
        best[name] = (max(rates), statistics.median(ratios))
        print(
            f"  {name} {labels[name]} ({rs[0]['terms']:,} terms, {rs[0]['mentions']:,} mentions): "
            "fast "
            + ", ".join(f"{x:.2f}" for x in rates)
            + " MB/CPU-s; fast / kiwipiepy "
            + ", ".join(f"{x:.2f}x" for x in ratios)
        )
    for name in specs:
        if name != "A":
            print(
                f"{name} against A: best fast rate {best[name][0] / best['A'][0]:.3f}, median "
                f"ratio to kiwipiepy {best[name][1] / best['A'][1]:.3f} (1.000 = as fast)"
            )
    print_breakdown({name: runs[name] for name in specs})


def print_breakdown(runs: dict[str, list[dict[str, float]]]) -> None:
    """Where the time goes, per glossary: the run with the fastest clean pass, counts
    and the timed pass's parts scaled to the clean pass's CPU time."""
    rows: list[tuple[str, Callable[[dict[str, float]], str]]] = [
        ("documents", lambda r: f"{r['docs']:,.0f}"),
        ("mentions", lambda r: f"{r['mentions']:,.0f}"),
        ("automaton hits (candidates)", lambda r: f"{r['hits']:,.0f}"),
        ("  rejected before any read", lambda r: f"{r['rejected']:,.0f}"),
        ("  ambiguous (morphology asked)", lambda r: f"{r['ambiguous']:,.0f}"),
        (
            "word checks + particle checks",
            lambda r: f"{r['word_checks'] + r['particle_checks']:,.0f}",
        ),
        ("kiwipiepy reads (cold)", lambda r: f"{r['reads']:,.0f}"),
        (
            "  answered from the cache",
            lambda r: f"{r['lookups'] + r['particle_checks'] - r['reads']:,.0f}",
        ),
        ("kiwipiepy reads per 1,000 docs", lambda r: f"{1000 * r['reads'] / r['docs']:,.0f}"),
        ("mentions per document", lambda r: f"{r['mentions'] / r['docs']:.2f}"),
        ("hits per document", lambda r: f"{r['hits'] / r['docs']:.2f}"),
        ("reads per mention", lambda r: f"{r['reads'] / r['mentions']:.3f}"),
        ("CPU s, clean pass", lambda r: f"{r['fast']:.2f}"),
    ]
    for part in ("scan", "verdict", "kiwi", "output"):
        rows.append(
            (
                f"  {part} s (share)",
                lambda r, p=part: (  # type: ignore[misc]
                    f"{r['fast'] * r[p + '_s'] / r['total_s']:.2f} "
                    f"({100 * r[p + '_s'] / r['total_s']:.0f}%)"
                ),
            )
        )
    rows += [
        ("µs per document", lambda r: f"{1e6 * r['fast'] / r['docs']:,.0f}"),
        ("µs per mention", lambda r: f"{1e6 * r['fast'] / r['mentions']:.1f}"),
        ("µs per hit", lambda r: f"{1e6 * r['fast'] / r['hits']:.1f}"),
        (
            "  without kiwipiepy: µs per hit",
            lambda r: f"{1e6 * r['fast'] * (1 - r['kiwi_s'] / r['total_s']) / r['hits']:.1f}",
        ),
        (
            "  kiwipiepy: µs per read",
            lambda r: f"{1e6 * r['fast'] * r['kiwi_s'] / r['total_s'] / max(1, r['reads']):.0f}",
        ),
    ]
    chosen = {name: min(rs, key=lambda r: r["fast"]) for name, rs in runs.items()}
    print("\nwhere the time goes (each glossary's fastest run; parts from its timed pass):")
    print(f"  {'':34}" + "".join(f"{name:>16}" for name in chosen))
    for label, fmt in rows:
        print(f"  {label:34}" + "".join(f"{fmt(r):>16}" for r in chosen.values()))
    a = chosen.get("A")
    for name, r in chosen.items():
        if a is None or name == "A":
            continue
        kiwi = r["fast"] * r["kiwi_s"] / r["total_s"]
        print(
            f"{name} against A with {name}'s kiwipiepy reads and no other cost at all: at most "
            f"{(a['fast'] / a['mb']) / (kiwi / r['mb']):.2f} (kiwipiepy alone is {kiwi:.2f} CPU s "
            f"of {name}'s {r['fast']:.2f}; all of A takes {a['fast']:.2f})"
        )


# --------------------------------------------------------------------------- agreement


def agreement(
    docs: Sequence[Any], fast: Sequence[Any], full: Sequence[Any], show: int = 20
) -> None:
    key = lambda m: (m.doc_id, m.field, m.start, m.end, m.term_id)  # noqa: E731
    a, b = {key(m): m for m in fast}, {key(m): m for m in full}
    union, inter = a.keys() | b.keys(), a.keys() & b.keys()
    pct = 100 * len(inter) / max(1, len(union))
    print(
        f"\nfast vs full on the first {len(docs):,} documents: {len(a):,} fast, {len(b):,} full "
        f"mentions, agreement {pct:.2f}% (|intersection| / |union| of doc, field, start, end, term)"
    )
    texts = {(d.id, f): t for d in docs for f, t in d.texts()}
    diffs = sorted(union - inter)
    for k in diffs[:show]:
        m = a.get(k) or b[k]
        text = texts[(m.doc_id, m.field)]
        ctx = (
            text[max(0, m.start - 15) : m.start] + "[" + m.surface + "]" + text[m.end : m.end + 15]
        )
        side = "fast only" if k in a else "full only"
        print(f"  {side:9}  {m.doc_id:>16} {m.field:5} {m.term_id:24} {ctx!r}")
    if len(diffs) > show:
        print(f"  ... and {len(diffs) - show} more")


# --------------------------------------------------------------------------- memory check


def make_big(path: Path, data: Path, megabytes_: int) -> None:
    """Write ``megabytes_`` MB of real news to ``path``, repeated with fresh ids."""
    sources = sorted((data / "news").glob("*.jsonl"))
    lines = [
        ln for src in sources for ln in src.read_text(encoding="utf-8").splitlines() if ln.strip()
    ]
    target, written, rnd = megabytes_ * 1_000_000, 0, 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < target:
            for line in lines:
                rec = json.loads(line)
                rec["id"] = f"{rec['id']}-r{rnd}"
                out = json.dumps(rec, ensure_ascii=False) + "\n"
                fh.write(out)
                written += len(out.encode("utf-8"))
                if written >= target:
                    break
            rnd += 1


def memory_check(path: Path, data: Path, size_mb: int, jobs: int) -> None:
    import psutil

    if not path.exists():
        print(f"writing {size_mb} MB of repeated real news to {path} ...", flush=True)
        make_big(path, data, size_mb)
    out = Path(tempfile.mkdtemp(prefix="kotrend-memcheck-"))
    kotrend = shutil.which("kotrend") or str(Path(sys.executable).with_name("kotrend"))
    cmd = [kotrend, "tag", str(path), "-o", str(out / "run"), "-j", str(jobs), "--no-progress"]
    print("running:", " ".join(cmd), flush=True)
    peaks: dict[int, tuple[str, int]] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    main = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            for p in [main, *main.children(recursive=True)]:
                rss = p.memory_info().rss
                role = "main" if p.pid == proc.pid else "worker"
                if rss > peaks.get(p.pid, ("", 0))[1]:
                    peaks[p.pid] = (role, rss)
        except psutil.Error:
            pass
        time.sleep(0.2)
    wall = time.perf_counter() - t0
    err = proc.stderr.read() if proc.stderr else ""
    manifest = json.loads((out / "run" / "manifest.json").read_text(encoding="utf-8"))
    size = path.stat().st_size / 1e6
    print(
        f"\nmemory check: {size:,.0f} MB JSONL, -j {jobs}, {wall:,.0f} s ({size / wall:.1f} MB/s), "
        f"exit {proc.returncode}; counts {manifest.get('counts')}"
    )
    for line in err.splitlines():
        if line.startswith("kotrend:"):
            print(line)
    workers = sorted((rss for role, rss in peaks.values() if role == "worker"), reverse=True)
    main_peak = max((rss for role, rss in peaks.values() if role == "main"), default=0)
    print(
        f"peak RSS: main {main_peak / 2**20:,.0f} MiB; workers "
        + ", ".join(f"{w / 2**20:,.0f} MiB" for w in workers[:jobs])
        + f" (sampled every 0.2 s, {len(workers)} worker processes)"
    )
    shutil.rmtree(out, ignore_errors=True)


# --------------------------------------------------------------------------- steady state


def shuffled_stream(data: Path, *, seed: int) -> list[tuple[str, Any, float]]:
    """Every distinct document of ``DATA/news`` (all files), shuffled with ``seed``.

    Returns (JSONL line, document, MB of text) triples; a document whose texts repeat an
    earlier one's is left out, so no text is tagged twice and the word cache never sees
    a repeat it did not earn.
    """
    import random

    from corpus import read_documents

    out: list[tuple[str, Any, float]] = []
    seen: set[int] = set()
    for path in sorted((data / "news").glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            lines = fh.readlines()
        for doc in read_documents(path, on_error="skip"):
            texts = [t for _, t in doc.texts()]
            key = hash("\x00".join(texts))
            if key in seen or not texts:
                continue
            seen.add(key)
            line_no = int((doc.origin or ":0").rpartition(":")[2])
            mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
            out.append((lines[line_no - 1], doc, mb))
    random.Random(seed).shuffle(out)
    return out


def take_mb(items: Sequence[tuple[str, Any, float]], start: int, mb: float) -> int:
    """Index after the documents from ``start`` that hold ``mb`` MB of text."""
    total, i = 0.0, start
    while i < len(items) and total < mb:
        total += items[i][2]
        i += 1
    if total < mb:
        sys.exit(
            f"--warmup-mb plus --stream-mb is more text than the data holds ({total:.1f} MB left)"
        )
    return i


class _CountingKiwi:
    """Stands in for the tagger's Kiwi in its word check: counts and times each read."""

    def __init__(self, kiwi: Any) -> None:
        self.kiwi, self.reads, self.chars, self.seconds = kiwi, 0, 0, 0.0
        # Reads of a fragile word with its neighbours (top_n=1; see WordCheck.__call__).
        self.context_reads, self.context_seconds = 0, 0.0

    def analyze(self, text: str, **kw: Any) -> Any:
        t0 = time.process_time()
        out = self.kiwi.analyze(text, **kw)
        spent = time.process_time() - t0
        self.seconds += spent
        self.reads += 1
        self.chars += len(text)
        if kw.get("top_n", 1) == 1:
            self.context_reads += 1
            self.context_seconds += spent
        return out


def instrumented_tagger(g: Any) -> tuple[Any, _CountingKiwi, dict[str, float], Any]:
    """A fast Tagger whose Kiwi reads, word checks and dictionary scans are counted."""
    from extract import Tagger

    tagger = Tagger(g)
    counting = _CountingKiwi(tagger.kiwi)
    check = tagger._check
    check._instance = counting
    stats = {"checks": 0, "scan_s": 0.0, "sent_s": 0.0}
    candidates = tagger._matcher.candidates
    from extract.engine import tagger as tagger_module

    spans_around = tagger_module._spans_around

    def timed_spans(*a: Any) -> Any:
        t0 = time.process_time()
        out = spans_around(*a)
        stats["sent_s"] += time.process_time() - t0
        return out

    # Module-level, so every tagger of this process is timed (the bench makes one).
    tagger_module._spans_around = timed_spans  # type: ignore[assignment]

    def timed_candidates(nt: str) -> Any:
        t0 = time.process_time()
        out = candidates(nt)
        stats["scan_s"] += time.process_time() - t0
        return out

    tagger._matcher.candidates = timed_candidates  # type: ignore[method-assign]
    tagger._check = _CountedCheck(check, stats)  # type: ignore[assignment]
    return tagger, counting, stats, check


class _CountedCheck:
    """Stands in for the tagger's word check: counts the checks, and passes everything
    else (``compound``, ``in_spaced_name``) on, since the tagger calls those too."""

    def __init__(self, check: Any, stats: dict[str, float]) -> None:
        self._check, self._stats = check, stats

    def __call__(self, nt: str, start: int, end: int) -> bool:
        self._stats["checks"] += 1
        return bool(self._check(nt, start, end))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._check, name)


def cli_run(
    path: Path, out: Path, glossary_spec: str | None = None, *, cache_dir: Path | None = None
) -> tuple[float, float]:
    """``kotrend tag PATH -o OUT -j 1 [-g GLOSSARY]`` in a fresh interpreter: (wall s, CPU s).
    With ``cache_dir``, the on-disk cache there is on (else as this process's environment
    says)."""
    cmd = [sys.executable, "-m", "extract.cli", "tag", str(path), "-o", str(out), "-j", "1"]
    cmd += ["--no-progress", *(["-g", glossary_spec] if glossary_spec else [])]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if cache_dir is not None:
        env.pop("KOTREND_NO_CACHE", None)
        env["KOTREND_CACHE_DIR"] = str(cache_dir)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def steady_state(args: argparse.Namespace, data: Path) -> None:
    """Steady-state throughput on a long shuffled stream of distinct documents."""
    g, gnote = load_glossary(args.glossary)
    load0 = os.getloadavg()[0]
    items = shuffled_stream(data, seed=args.seed)
    w_end = take_mb(items, 0, args.warmup_mb)
    s_end = take_mb(items, w_end, args.stream_mb)
    warm_docs = [d for _, d, _ in items[:w_end]]
    stream = items[w_end:s_end]
    docs = [d for _, d, _ in stream]
    mb = sum(m for _, _, m in stream)
    print(
        f"stream: {len(items):,} distinct documents of {data / 'news'} (all files), shuffled "
        f"(seed {args.seed}); warm-up {w_end:,} documents ({args.warmup_mb} MB, not timed), then "
        f"{len(docs):,} documents ({mb:.1f} MB of text) timed; glossary: {gnote}, {len(g)} terms; "
        f"load average {load0:.2f}"
    )

    # In process: where the fast path's time goes, per block of --block documents.
    tagger, kiwi, stats, check = instrumented_tagger(g)
    for doc in warm_docs:
        tagger.tag_document(doc)
    cache = check._cache  # words kiwipiepy has read, with their analyses
    print(
        f"\nafter the warm-up: {len(cache):,} words cached, {kiwi.reads:,} Kiwi reads "
        f"({kiwi.reads / max(1, len(warm_docs)) * 10_000:,.0f} per 10k documents)"
    )
    print(
        f"\n{'block':>13} {'MB':>6} {'CPU s':>7} {'MB/cpu-s':>9} {'Kiwi reads':>11} "
        f"{'Kiwi s':>7} {'checks':>8} {'hit %':>6} {'cache +':>8} {'scan s':>7}"
    )
    totals = {"cpu": 0.0, "kiwi_s": 0.0, "scan_s": 0.0, "reads": 0, "checks": 0, "mentions": 0}
    sent0 = stats["sent_s"]
    ctx0, ctx_s0 = kiwi.context_reads, kiwi.context_seconds
    for i in range(0, len(docs), args.block):
        block = stream[i : i + args.block]
        r0, k0, c0, s0, n0 = kiwi.reads, kiwi.seconds, stats["checks"], stats["scan_s"], len(cache)
        t0 = time.process_time()
        for _, doc, _ in block:
            totals["mentions"] += len(tagger.tag_document(doc))
        cpu = time.process_time() - t0
        bmb = sum(m for _, _, m in block)
        reads, checks = kiwi.reads - r0, stats["checks"] - c0
        totals["cpu"] += cpu
        totals["kiwi_s"] += kiwi.seconds - k0
        totals["scan_s"] += stats["scan_s"] - s0
        totals["reads"] += reads
        totals["checks"] += checks
        print(
            f"{i + w_end:>6,}+{len(block):<6,} {bmb:6.1f} {cpu:7.2f} {bmb / cpu:9.2f} {reads:11,} "
            f"{kiwi.seconds - k0:7.2f} {checks:8,} {100 * (1 - reads / max(1, checks)):6.1f} "
            f"{len(cache) - n0:8,} {stats['scan_s'] - s0:7.2f}"
        )
    fast_cpu = totals["cpu"]
    sent_s = stats["sent_s"] - sent0
    other = fast_cpu - totals["kiwi_s"] - totals["scan_s"] - sent_s
    print(
        f"\nfast path in-process: {mb / fast_cpu:.2f} MB per CPU-second, {totals['mentions']:,} "
        f"mentions. Time: Kiwi reads {totals['kiwi_s']:.1f} s ({100 * totals['kiwi_s'] / fast_cpu:.0f}%, "
        f"{totals['reads']:,} reads, {1000 * totals['kiwi_s'] / max(1, totals['reads']):.3f} ms each, "
        f"{totals['reads'] / len(docs) * 10_000:,.0f} per 10k documents), dictionary scan and "
        f"verdicts {totals['scan_s']:.1f} s ({100 * totals['scan_s'] / fast_cpu:.0f}%), sentence "
        f"spans (rule splitter) {sent_s:.1f} s ({100 * sent_s / fast_cpu:.0f}%), the rest "
        f"(normalizing, word checks from the cache, choosing, mentions) {other:.1f} s "
        f"({100 * other / fast_cpu:.0f}%); {totals['checks']:,} word checks, "
        f"{100 * (1 - totals['reads'] / max(1, totals['checks'])):.1f}% answered without Kiwi; "
        f"cache {len(cache):,} words at the end"
    )
    ctx_reads, ctx_s = kiwi.context_reads - ctx0, kiwi.context_seconds - ctx_s0
    word_reads, word_s = totals["reads"] - ctx_reads, totals["kiwi_s"] - ctx_s
    print(
        f"Kiwi reads by kind: {word_reads:,} words ({word_s:.1f} s, "
        f"{1000 * word_s / max(1, word_reads):.3f} ms each), {ctx_reads:,} fragile words read again "
        f"with their neighbours ({ctx_s:.1f} s, {1000 * ctx_s / max(1, ctx_reads):.3f} ms each); "
        f"without any Kiwi read the fast path would run {mb / (fast_cpu - totals['kiwi_s']):.2f} "
        "MB per CPU-second (the bound of cutting reads)"
    )

    # End to end: kotrend tag -j1 on the stream alone, after a run on the warm-up filled the
    # on-disk cache (the readings of the newest words, as a researcher's later runs with the
    # same glossary find them), minus the start-up of the same command on one record. (Two
    # runs, warm-up alone and warm-up + stream, differ by the stream's share too, but that
    # is a small difference of two long runs: up to a quarter off on this machine.)
    with tempfile.TemporaryDirectory(prefix="kotrend-stream-") as tmp:
        cache_dir = Path(tmp) / "cache"
        warm_path, one_path, stream_path = (
            Path(tmp) / name for name in ("warm.jsonl", "one.jsonl", "stream.jsonl")
        )
        warm_path.write_text("".join(ln for ln, _, _ in items[:w_end]), encoding="utf-8")
        one_path.write_text(items[w_end][0], encoding="utf-8")
        stream_path.write_text("".join(ln for ln, _, _ in stream), encoding="utf-8")
        _, w_cpu = cli_run(warm_path, Path(tmp) / "out_warm", args.glossary, cache_dir=cache_dir)
        o_wall, o_cpu = cli_run(one_path, Path(tmp) / "out_one", args.glossary, cache_dir=cache_dir)
        a_wall, a_cpu = cli_run(stream_path, Path(tmp) / "out", args.glossary, cache_dir=cache_dir)
    e2e_cpu = a_cpu - o_cpu
    print(
        f"\nkotrend tag -j1 (directory output, Parquet) end to end, the on-disk cache filled by a "
        f"run on the warm-up ({w_cpu:.1f} CPU s): the stream {a_wall:.1f} s wall / {a_cpu:.1f} CPU "
        f"s, less the start-up on one record ({o_wall:.1f} s / {o_cpu:.1f} s): {e2e_cpu:.1f} CPU s "
        f"= {mb / e2e_cpu:.2f} MB per CPU-second. Reading, writing and the CLI cost "
        f"{e2e_cpu - fast_cpu:.1f} CPU s over the in-process fast path "
        f"({100 * (e2e_cpu - fast_cpu) / e2e_cpu:.0f}% of end to end)"
    )

    texts = [t for d in docs for _, t in d.texts()]
    sub_docs = docs[
        : take_mb(stream, 0, min(args.subset_mb, mb)) if args.subset_mb < mb else len(docs)
    ]
    sub_texts = [t for d in sub_docs for _, t in d.texts()]
    sub_mb = sum(len(t.encode("utf-8")) for t in sub_texts) / 1e6
    forms = surface_forms(g)
    _, _, kiwi_cpu = kiwi_tokenize(sub_texts)
    has_flashtext = importlib.util.find_spec("flashtext") is not None
    flash_cpu = flashtext_scan(forms, sub_texts)[2] if has_flashtext else 0.0
    _, _, raw_cpu = raw_scan(forms, texts)
    rates = {
        "kotrend tag -j1 end to end": mb / e2e_cpu,
        "kotrend fast path in-process": mb / fast_cpu,
        "fast path without its Kiwi reads (bound)": mb / (fast_cpu - totals["kiwi_s"]),
        f"kiwipiepy Kiwi().tokenize ({sub_mb:.1f} MB)": sub_mb / kiwi_cpu,
        f"flashtext KeywordProcessor ({sub_mb:.1f} MB)": sub_mb / flash_cpu if flash_cpu else 0.0,
        "pyahocorasick raw scan": mb / raw_cpu,
    }
    print("\nMB per CPU-second on the same stream, and kotrend tag -j1 end to end against each:")
    e2e = rates["kotrend tag -j1 end to end"]
    for name, rate in rates.items():
        if rate:
            print(f"  {name:44} {rate:8.2f}   ratio {e2e / rate:7.2f}x")
        else:
            print(f"  {name:44} not installed (pip install -e .[bench])")
    kiwi_rate = sub_mb / kiwi_cpu
    print(
        f"against kiwipiepy's tokenize: the fast path in-process {mb / fast_cpu / kiwi_rate:.2f}x, "
        f"without its Kiwi reads {mb / (fast_cpu - totals['kiwi_s']) / kiwi_rate:.2f}x"
    )
    print(
        f"\nload average {load0:.2f} at start, {os.getloadavg()[0]:.2f} at the end (CPU seconds "
        "are what is compared; other processes share the machine)"
    )


# --------------------------------------------------------------------------- main


def print_table(rows: list[Row]) -> None:
    print(
        f"\n{'method':38} {'docs':>7} {'MB':>7} {'wall s':>8} {'MB/s':>8} {'docs/s':>9} {'MB/cpu-s':>9}  note"
    )
    for r in rows:
        cpu = f"{r.cpu_mbps:9.2f}" if r.cpu_mbps else f"{'':>9}"
        print(
            f"{r.name:38} {r.docs:7,} {r.mb:7.1f} {r.wall:8.2f} {r.mbps:8.2f} {r.docs / r.wall:9,.0f} {cpu}  {r.note}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--docs", type=int, default=20000, help="documents in the slice (default 20000)"
    )
    ap.add_argument(
        "--data", help="folder with news/*.jsonl (default: $KOTREND_DATA or ../shared/data)"
    )
    ap.add_argument("--file", default=DEFAULT_FILE, help=f"news file (default {DEFAULT_FILE})")
    ap.add_argument(
        "--subset", type=int, default=2000, help="documents for the slow baselines (default 2000)"
    )
    ap.add_argument(
        "--agree-docs", type=int, default=3000, help="documents for fast-vs-full agreement"
    )
    ap.add_argument(
        "--memory-check",
        metavar="PATH",
        help="run kotrend tag -j on PATH (made if missing) and report peak RSS",
    )
    ap.add_argument(
        "--memory-mb", type=int, default=1024, help="size of the generated PATH (default 1024 MB)"
    )
    ap.add_argument("--jobs", type=int, default=2, help="workers for -j runs (default 2)")
    ap.add_argument("--glossary", help="glossary file to use instead of glossary.default()")
    ap.add_argument(
        "--repeat", type=int, default=2, help="runs of each multi-process row; the fastest is kept"
    )
    ap.add_argument(
        "--stream",
        action="store_true",
        help="steady state on a shuffled stream of distinct documents from all news files",
    )
    ap.add_argument("--warmup-mb", type=float, default=20, help="--stream: untimed MB (20)")
    ap.add_argument("--stream-mb", type=float, default=40, help="--stream: timed MB (40)")
    ap.add_argument(
        "--subset-mb", type=float, default=3, help="--stream: MB for kiwipiepy and flashtext (3)"
    )
    ap.add_argument("--block", type=int, default=10_000, help="--stream: documents per row")
    ap.add_argument("--seed", type=int, default=14, help="--stream: shuffle seed (14)")
    ap.add_argument(
        "--compare-glossary",
        metavar="SPEC",
        help="only the fast path with --glossary (A) and SPEC (B), fresh processes, alternating",
    )
    ap.add_argument(
        "--restrict-ids",
        action="store_true",
        help="--compare-glossary: also B with only A's term ids, small and big automaton",
    )
    ap.add_argument(
        "--startup-only",
        action="store_true",
        help="only kotrend tag on one document, with and without the on-disk cache",
    )
    args = ap.parse_args(argv)

    data = data_dir(args.data)
    if args.compare_glossary:
        os.environ["KOTREND_NO_CACHE"] = "1"
        compare_glossaries(args, data)
        return
    if args.startup_only:
        path = data / "news" / args.file
        cli_startup(path, args.glossary, runs=args.repeat)
        return
    # Rates are measured from an empty word cache: words that an earlier run read and
    # kept on disk would make a cold run warm. Start-up is measured both ways.
    os.environ["KOTREND_NO_CACHE"] = "1"
    if args.stream:
        steady_state(args, data)
        return
    if args.memory_check:
        memory_check(Path(args.memory_check), data, args.memory_mb, args.jobs)
        return
    from corpus import load_sample
    from extract import Tagger

    load0 = os.getloadavg()[0]
    g, gnote = load_glossary(args.glossary)
    path = data / "news" / args.file
    docs = load_docs(path, args.docs)
    texts = texts_of(docs)
    subset = docs[: args.subset]
    n_full = max(args.subset, args.agree_docs)
    forms = surface_forms(g)
    print(
        f"data: {path} ({len(docs):,} documents, {megabytes(docs):.1f} MB of title + body); "
        f"glossary: {gnote}, {len(g)} terms, {len(forms):,} surface variants; "
        f"{os.cpu_count()} CPUs, load average {load0:.2f}"
    )

    rows: list[Row] = []
    full = Tagger(g, mode="full")
    list(full.tag_documents(load_sample()))  # builds and warms the Kiwi it shares with fast
    row, full_mentions = timed(
        "kotrend full (mode='full')", docs[:n_full], lambda: list(full.tag_documents(docs[:n_full]))
    )
    row.note = f"{len(full_mentions):,} mentions"
    rows.append(row)
    fast = Tagger(g)  # a fresh word cache; Kiwi is already warm in this process
    row, fast_mentions = timed(
        "kotrend fast -j1, in-process", docs, lambda: list(fast.tag_documents(docs))
    )
    row.note = f"{len(fast_mentions):,} mentions; new tagger, empty word cache"
    rows.append(row)
    row, _ = timed(
        "kotrend fast -j1, same docs again", docs, lambda: list(fast.tag_documents(docs))
    )
    row.note = f"{len(fast._check):,} words cached: the rate a long run approaches"
    rows.append(row)
    rows.append(
        competitor(
            "kiwipiepy Kiwi().tokenize (baseline)",
            subset,
            lambda: kiwi_tokenize(texts_of(subset)),
            "tokens",
        )
    )
    rows.append(
        competitor(
            "pyahocorasick raw scan",
            docs,
            lambda: raw_scan(forms, texts),
            "hits, lower-cased text, no boundary checks",
        )
    )
    rows.append(
        competitor(
            "flashtext KeywordProcessor",
            subset,
            lambda: flashtext_scan(forms, texts_of(subset)),
            "keywords",
        )
    )
    for jobs in sorted({1, args.jobs}):
        rows.append(best(args.repeat, lambda: pool_run(g, docs, jobs)))  # noqa: B023
    with tempfile.TemporaryDirectory(prefix="kotrend-bench-") as tmp:
        slice_path = Path(tmp) / "slice.jsonl"
        with open(path, encoding="utf-8") as src, open(slice_path, "w", encoding="utf-8") as dst:
            dst.writelines(itertools.islice(src, _lines_for(path, docs)))
        for jobs in sorted({1, args.jobs}):
            out = Path(tmp) / f"out{jobs}"
            rows.append(best(args.repeat, lambda: archive_run(g, slice_path, docs, jobs, out)))  # noqa: B023

    print_table(rows)
    by = {r.name: r for r in rows}
    fast_row = by["kotrend fast -j1, in-process"]
    pools = [r for r in rows if "pool" in r.name]
    archives = [r for r in rows if "tag_archive" in r.name]
    warm = by["kotrend fast -j1, same docs again"]
    print("\nratios of MB per CPU-second (wall-clock ratio in brackets); cold = empty word cache,")
    print("warm = second pass over the same documents:")
    for other in (
        "kiwipiepy Kiwi().tokenize (baseline)",
        "pyahocorasick raw scan",
        "flashtext KeywordProcessor",
        "kotrend full (mode='full')",
    ):
        o = by[other]
        print(
            f"  fast / {other:38} cold {fast_row.cpu_mbps / o.cpu_mbps:6.2f}x "  # type: ignore[operator]
            f"({fast_row.mbps / o.mbps:.2f}x)  warm {warm.cpu_mbps / o.cpu_mbps:6.2f}x "  # type: ignore[operator]
            f"({warm.mbps / o.mbps:.2f}x)"
        )
    if len(pools) == 2:
        print(f"  pool -j{args.jobs} / pool -j1 {'':31} {pools[1].mbps / pools[0].mbps:7.2f}x")
    if len(archives) == 2:
        print(
            f"  tag_archive -j{args.jobs} / -j1 {'':29} {archives[1].mbps / archives[0].mbps:7.2f}x"
        )
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"\npeak RSS: this process {self_mb:,.0f} MiB (holds the slice, every mention and two "
        f"Kiwis); largest child {child_mb:,.0f} MiB (tag_archive forks its workers from this "
        "process; the pool rows give the RSS of workers that start empty)"
    )
    runs = startup(path, args.glossary)
    tot = [r["total"] for r in runs]
    print(
        f"start-up (fresh interpreter: import + glossary + Tagger + first document), {len(runs)} runs: "
        f"median {statistics.median(tot):.2f} s ["
        + "; ".join(
            f"import {r['import']:.2f} + glossary {r['glossary']:.2f} + first doc {r['first_doc']:.2f}"
            for r in runs
        )
        + "]"
    )
    cli_startup(path, args.glossary, runs=args.repeat)
    agree_docs = docs[: args.agree_docs]
    ids = {d.id for d in agree_docs}
    agreement(
        agree_docs,
        [m for m in fast_mentions if m.doc_id in ids],
        [m for m in full_mentions if m.doc_id in ids],
    )
    print(
        f"\nslow baselines (kiwipiepy, flashtext) ran on the first {len(subset):,} documents and full mode on "
        f"the first {n_full:,}; MB/s is comparable. Load average {load0:.2f} at start, "
        f"{os.getloadavg()[0]:.2f} at the end (other processes share the CPUs: wall figures vary)."
    )


def _lines_for(path: Path, docs: Sequence[Any]) -> int:
    """Lines of ``path`` that hold ``docs`` (the reader skips unreadable ones)."""
    last = docs[-1].origin or ""
    tail = last.rpartition(":")[2]
    return int(tail) if tail.isdigit() else len(docs)


if __name__ == "__main__":
    main()
