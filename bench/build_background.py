"""Build ``glossary/data/background_df.json``: how many documents of a broad real news
background mention each term of the default glossary (entities included).

Reads every ``*.jsonl`` file of ``$KOTREND_DATA/news`` (default ``../shared/data/news``),
takes the same number of records from each file (a seeded random sample, so no one source
dominates: headlines, full articles, research and policy summaries, translated sentences),
tags title and body together as one document with the default glossary and entities, and
writes numbers only (document counts per term, documents per source file), never text.

Usage::

    PYTHONPATH=. python bench/build_background.py [--per-source 5000] [--seed 12]
        [--data ../shared/data] [-o glossary/data/background_df.json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corpus import Document  # noqa: E402
from extract import Tagger  # noqa: E402
from extract.box.rank import background_from_documents  # noqa: E402
from glossary import BACKGROUND_FILE, default  # noqa: E402


def _data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("KOTREND_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def _sample(path: Path, k: int, seed: int) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    rows = [r for r in rows if (r.get("title") or r.get("body"))]
    rng = random.Random(f"{seed}:{path.name}")
    picked = rows if len(rows) <= k else rng.sample(rows, k)
    return sorted(picked, key=lambda r: str(r["id"]))


def _documents(files: list[Path], k: int, seed: int) -> Iterator[Document]:
    for path in files:
        for r in _sample(path, k, seed):
            yield Document(
                id=str(r["id"]),
                title=r.get("title") or None,
                body=r.get("body") or None,
                source=path.stem,
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", help="folder holding news/*.jsonl (default $KOTREND_DATA)")
    ap.add_argument("--per-source", type=int, default=5000, help="records per source file")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("-o", "--output", default=str(REPO / "glossary" / "data" / BACKGROUND_FILE))
    args = ap.parse_args(argv)
    files = sorted((_data_dir(args.data) / "news").glob("*.jsonl"))
    if not files:
        print(f"no news/*.jsonl under {_data_dir(args.data)}", file=sys.stderr)
        return 2
    g = default(entities=True)
    tagger = Tagger(g)
    t0 = time.perf_counter()
    bg = background_from_documents(
        _documents(files, args.per_source, args.seed), tagger, source=lambda d: d.source
    )
    Path(args.output).write_text(bg.dumps(), encoding="utf-8")
    print(
        f"{bg.documents} documents from {len(bg.sources)} sources, {len(bg.df)} of {len(g)} "
        f"terms seen, {time.perf_counter() - t0:.0f} s -> {args.output}"
    )
    for term_id, n in sorted(bg.df.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {n / bg.documents:6.1%}  {g[term_id].term}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
