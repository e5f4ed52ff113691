"""Benchmark the memory of ``kotrend discover``: peak RSS of each phase, on a prefix.

Runs what the command runs (read the file, :class:`extract.TermDiscoverer`,
:func:`extract.mine_aliases`, write the proposals) on the first ``--mb`` MB of a
JSONL file (whole lines; default the whole file) and reports the peak resident set
size of each phase, sampled every 0.2 s, with the held candidates and occurrences
after reading, so the slope (MB of RSS per MB of input) can be read off a few
prefixes instead of an hour-long run. Kiwi's model alone is about 550 MB.

Usage::

    python bench/discovery_memory.py --mb 5
    python bench/discovery_memory.py --file kdi_epic_research_ko.jsonl

The corpora come from ``../shared/data/news`` (or ``$KOTREND_DATA/news``); the
prefix is written to a temporary folder, never into the repository.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any


def data_dir() -> Path:
    env = os.environ.get("KOTREND_DATA")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"
    if not (path / "news").is_dir():
        sys.exit(f"no news corpora in {path}: set KOTREND_DATA")
    return path / "news"


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


class Phases:
    """Peak RSS by phase, from a sampling thread."""

    def __init__(self) -> None:
        self.name = "start"
        self.peaks: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        self._since = time.perf_counter()
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while True:
            self.note()
            time.sleep(0.2)

    def note(self) -> None:
        name = self.name
        self.peaks[name] = max(self.peaks.get(name, 0), rss_mb())

    def enter(self, name: str) -> None:
        self.note()
        now = time.perf_counter()
        self.seconds[self.name] = self.seconds.get(self.name, 0.0) + now - self._since
        self.name, self._since = name, now
        self.note()


def prefix(path: Path, mb: float | None, folder: str) -> Path:
    if mb is None:
        return path
    out = Path(folder) / f"prefix_{mb:g}mb.jsonl"
    size = 0
    with open(path, "rb") as src, open(out, "wb") as dst:
        for line in src:
            if size + len(line) > mb * 1_000_000:
                break
            dst.write(line)
            size += len(line)
    return out


def run(path: Path, phases: Phases, out: str) -> dict[str, Any]:
    import extract.discovery.discoverer as discoverer
    from extract import mine_aliases, write_proposals
    from extract.cli.common import ErrorLog, load_glossary, read_inputs, text_fields
    from extract.discovery.candidates import CandidateCounts

    held: dict[str, Any] = {}
    add, rank = CandidateCounts.add, discoverer._rank

    def counting(self: CandidateCounts, *args: Any, **kwargs: Any) -> None:
        phases.enter("read")
        add(self, *args, **kwargs)
        held.update(candidates=len(self.df), occurrences=len(self._occ))
        held.update(dropped_below=self.prune_threshold)
        phases.enter("fit (other)")

    def ranking(*args: Any, **kwargs: Any) -> Any:
        phases.enter("rank")
        try:
            return rank(*args, **kwargs)
        finally:
            phases.enter("fit (other)")

    CandidateCounts.add = counting  # type: ignore[method-assign]
    discoverer._rank = ranking
    phases.enter("load")
    g = load_glossary(None, False)
    fields = text_fields(())
    docs = list(read_inputs((str(path),), fields, ErrorLog(None)))
    held["documents"] = len(docs)
    phases.enter("fit (other)")
    finder = discoverer.TermDiscoverer(glossary=g, max_candidates=50, fields=fields).fit(docs)
    phases.enter("aliases")
    proposals = mine_aliases(docs, glossary=g, fields=fields)
    phases.enter("write")
    news = [p for p in proposals if p.kind == "new"][:50]
    write_proposals(
        out, finder.candidates_, [*(p for p in proposals if p.kind == "alias"), *news], g
    )
    phases.enter("end")
    return held


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--file", default="kdi_epic_policy_materials.jsonl")
    ap.add_argument("--mb", type=float, default=None, help="Prefix to read, in MB.")
    ap.add_argument("-o", "--output", default=None, help="Keep the proposals here (.yaml).")
    args = ap.parse_args()
    phases = Phases()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = prefix(data_dir() / args.file, args.mb, tmp)
        mb = path.stat().st_size / 1e6
        held = run(path, phases, args.output or str(Path(tmp) / "proposals.yaml"))
    wall = time.perf_counter() - start
    print(f"{args.file}: {mb:.1f} MB, {held.pop('documents'):,} documents, {wall:.0f} s")
    print("phase          peak RSS MB   seconds")
    for name, peak in phases.peaks.items():
        if name not in ("start", "end"):
            print(f"{name:<14} {peak:>11,} {phases.seconds.get(name, 0.0):>9.0f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"peak RSS (ru_maxrss): {peak:,} MB; after reading: "
        + ", ".join(f"{k} {v:,}" for k, v in held.items())
    )


if __name__ == "__main__":
    main()
