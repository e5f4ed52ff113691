"""Print a seeded random sample of mentions on real news, for judging precision by hand.

    python bench/precision_sample.py [--seed 7] [--n 200] [--data ../shared/data] [--entities]

Takes up to ``n / files`` mentions from each news file (300 random documents of its first
4,000), shuffles them, and prints one line each: index, file, term id, and the mention in
brackets with 18 characters before and 14 after. Judge each line; wrong ones are fixed
with ``exclude`` or aliases in the glossary. The output shows real text: keep it out of
the repository.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
from pathlib import Path

import glossary
from corpus import read_documents
from extract import Tagger


def main() -> None:
    here = Path(__file__).resolve().parents[1]
    default_data = os.environ.get("KOTREND_DATA") or str(here.parent / "shared" / "data")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--data", default=default_data)
    ap.add_argument("--entities", action="store_true", help="include the entity list")
    args = ap.parse_args()
    files = sorted(Path(args.data, "news").glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no news files under {args.data}/news")
    tagger = Tagger(glossary.default(entities=args.entities))
    rng = random.Random(args.seed)
    per_file = -(-args.n // len(files))
    pool = []
    for path in files:
        docs = list(itertools.islice(read_documents(path, on_error="skip"), 4000))
        rng.shuffle(docs)
        found = [
            (path.stem[:6], m, text)
            for doc in docs[:300]
            for field, text in doc.texts()
            for m in tagger.tag(text, doc_id=doc.id, field=field)
        ]
        rng.shuffle(found)
        pool.extend(found[:per_file])
    rng.shuffle(pool)
    for i, (src, m, text) in enumerate(pool[: args.n]):
        ctx = f"{text[max(0, m.start - 18) : m.start]}[{m.surface}]{text[m.end : m.end + 14]}"
        print(f"{i:3d} {src} {m.term_id:24s} {ctx!r}")


if __name__ == "__main__":
    main()
