"""Load on `kotrend serve`: latency of short articles, alone and beside one ~2 MB request.

Run from the repository root::

    python bench/serve_load.py                          # 400 requests at concurrency 20
    python bench/serve_load.py -n 1000 -c 50 --path /api/box
    python bench/serve_load.py --src /tmp/old-checkout  # the same load on another tree

Starts ``python -m extract.cli serve --port 0`` (bundled glossary) from ``--src`` (default:
this checkout), then, with stdlib threads and ``http.client``, one new connection a
request (as a browser tab's fetches would open them):

1. ``-n`` short articles at concurrency ``-c``, nothing else running;
2. the same again while one large request (about ``--big-mb`` MB of articles pasted as one
   text) is sent back to back in another thread for the whole phase.

Prints, for each phase, requests, concurrency, p50/p99/max latency of the short ones,
throughput, and errors (non-200 answers) and resets (refused, reset or timed-out
connections); for phase 2 also how many large requests ran and how long each took.
Articles come from ``DATA/news`` (``--data``, ``$KOTREND_DATA`` or ``../shared/data``),
read at run time and never stored.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHORT_FILE = "naver_news_small_samples.jsonl"  # full articles with bodies
BIG_FILE = "kdi_epic_research_ko.jsonl"


def data_dir(arg: str | None) -> Path:
    for cand in (arg, os.environ.get("KOTREND_DATA"), str(REPO.parent / "shared" / "data")):
        if cand and (Path(cand) / "news").is_dir():
            return Path(cand)
    sys.exit("no data: pass --data DIR (a folder with news/*.jsonl) or set KOTREND_DATA")


def _records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def short_payloads(data: Path, *, n: int, seed: int) -> list[bytes]:
    """``n`` request bodies, each one real article (title and body, 200-4,000 characters)."""
    arts = []
    for r in _records(data / "news" / SHORT_FILE):
        text = f"{r.get('title') or ''}\n{r.get('body') or ''}".strip()
        if 200 <= len(text) <= 4000:
            arts.append(text)
    if not arts:
        sys.exit(f"no article of 200-4,000 characters in {SHORT_FILE}")
    rng = random.Random(seed)
    return [json.dumps({"text": rng.choice(arts)}, ensure_ascii=False).encode() for _ in range(n)]


def big_payload(data: Path, *, mb: float) -> bytes:
    """One request body of about ``mb`` MB: articles pasted as one text (no ``---``)."""
    parts, size = [], 0
    for r in _records(data / "news" / BIG_FILE):
        text = f"{r.get('title') or ''}\n{r.get('body') or ''}".strip()
        parts.append(text)
        size += len(text.encode()) + 2
        if size >= mb * 1_000_000:
            break
    body = json.dumps({"text": "\n\n".join(parts)}, ensure_ascii=False).encode()
    while len(body) > mb * 1_000_000 and len(parts) > 1:  # trim back under the size
        parts.pop()
        body = json.dumps({"text": "\n\n".join(parts)}, ensure_ascii=False).encode()
    return body


@dataclass
class Phase:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    resets: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def post(port: int, path: str, body: bytes, *, timeout: float) -> tuple[int, float]:
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - t0
    finally:
        conn.close()


def run_phase(
    port: int, path: str, payloads: list[bytes], *, concurrency: int, timeout: float
) -> Phase:
    phase, lock = Phase(), threading.Lock()

    def one(body: bytes) -> None:
        try:
            status, took = post(port, path, body, timeout=timeout)
        except (OSError, http.client.HTTPException) as err:
            with lock:
                key = type(err).__name__
                phase.resets[key] = phase.resets.get(key, 0) + 1
            return
        with lock:
            if status == 200:
                phase.latencies.append(took)
            else:
                phase.errors[str(status)] = phase.errors.get(str(status), 0) + 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, payloads))
    phase.seconds = time.perf_counter() - t0
    return phase


def start_server(src: Path, max_bytes: int) -> tuple[subprocess.Popen[str], int]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "extract.cli",
            "serve",
            "--port",
            "0",
            "--max-bytes",
            str(max_bytes),
        ],
        cwd=src,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            # Keep reading stderr in the background so the server never blocks on a full pipe.
            threading.Thread(target=proc.stderr.read, daemon=True).start()
            return proc, int(m.group(1))
    proc.wait()
    sys.exit(f"kotrend serve did not start (exit code {proc.returncode})")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def report(name: str, phase: Phase, *, n: int, concurrency: int) -> None:
    lat = phase.latencies
    ms = lambda x: f"{x * 1000:,.0f} ms"  # noqa: E731
    print(
        f"{name}: {n} requests at concurrency {concurrency}: {len(lat)} ok, "
        f"p50 {ms(statistics.median(lat)) if lat else '-'}, p99 {ms(pct(lat, 0.99))}, "
        f"max {ms(max(lat)) if lat else '-'}, {len(lat) / phase.seconds:,.1f} req/s; "
        f"errors {sum(phase.errors.values())} {phase.errors or ''}, "
        f"resets {sum(phase.resets.values())} {phase.resets or ''}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("-n", "--requests", type=int, default=400, help="short requests a phase")
    ap.add_argument("-c", "--concurrency", type=int, default=20)
    ap.add_argument("--path", default="/api/tag", choices=["/api/tag", "/api/box"])
    ap.add_argument("--big-mb", type=float, default=1.9, help="size of the large request (MB)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds a request may take")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--src", default=str(REPO), help="tree to run kotrend serve from")
    ap.add_argument(
        "--data", help="folder with news/*.jsonl (default: $KOTREND_DATA or ../shared/data)"
    )
    args = ap.parse_args()
    data = data_dir(args.data)
    small = short_payloads(data, n=args.requests, seed=args.seed)
    big = big_payload(data, mb=args.big_mb)
    proc, port = start_server(Path(args.src), max_bytes=max(2_000_000, len(big)))
    try:
        for body in small[:5]:  # loads the glossary and Kiwi before anything is timed
            post(port, args.path, body, timeout=args.timeout)
        print(
            f"kotrend serve from {args.src} on port {port}; short articles "
            f"{statistics.median(len(b) for b in small):,.0f} bytes (median), "
            f"large request {len(big):,} bytes, {args.path}"
        )
        alone = run_phase(
            port, args.path, small, concurrency=args.concurrency, timeout=args.timeout
        )
        report("alone     ", alone, n=args.requests, concurrency=args.concurrency)

        stop, bigs, big_fail = threading.Event(), [], []

        def large() -> None:
            while not stop.is_set():
                try:
                    status, took = post(port, args.path, big, timeout=args.timeout * 10)
                except (OSError, http.client.HTTPException) as err:
                    big_fail.append(type(err).__name__)
                    continue
                (bigs if status == 200 else big_fail).append(took if status == 200 else status)

        thread = threading.Thread(target=large, daemon=True)
        thread.start()
        time.sleep(0.5)  # the large one is being read and tagged
        beside = run_phase(
            port, args.path, small, concurrency=args.concurrency, timeout=args.timeout
        )
        stop.set()
        thread.join()
        report("beside big", beside, n=args.requests, concurrency=args.concurrency)
        print(
            f"large requests during it: {len(bigs)} done "
            f"({', '.join(f'{t:.1f} s' for t in bigs)}), {len(big_fail)} failed {big_fail or ''}"
        )
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
