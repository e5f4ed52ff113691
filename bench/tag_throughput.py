"""Tagging throughput: kotrend's fast path against kiwipiepy, a raw scan and flashtext.

Run from the repository root::

    python bench/tag_throughput.py                    # 20,000 KDI summaries (title + body)
    python bench/tag_throughput.py --docs 5000 --data /path/to/shared/data
    python bench/tag_throughput.py --memory-check /tmp/big.jsonl   # peak RSS of kotrend tag -j 2

Measures, in one run, on a real slice of ``DATA/news`` (needs the ``bench`` extra:
``pip install -e .[bench]``):

* kiwipiepy ``Kiwi().tokenize`` over every text (baseline, one core);
* ``Tagger(mode="full")``, and the fast path in-process, in a warm process pool with one
  and two workers, and end to end with ``tag_archive`` (read, tag, write Parquet);
* pyahocorasick over all glossary surface forms (offsets kept, no boundary checks), and
  flashtext's ``KeywordProcessor`` with the same forms.

The slow ones run on the first ``--subset`` documents; MB/s stays comparable. Then the
ratios, peak memory, start-up time in a fresh interpreter, and how far the fast path
agrees with full mode (differences are printed, never stored).
"""

from __future__ import annotations

import argparse
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
    args = ap.parse_args(argv)

    data = data_dir(args.data)
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
