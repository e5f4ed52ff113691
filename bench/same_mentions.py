"""Whether a change to the tagger's hot path leaves every mention as it was.

Tags 3,000 non-held-out real news records (``/work/tmp/nh/*.jsonl`` by default, taken
in turn from each file; never a record whose id ends in 7) in both modes with the
default glossary, and writes or checks one line per record: its id, mode and a digest
of its mentions (every field of every mention). Run it on the code before a change
with ``--write``, then on the code after with ``--check``::

    PYTHONPATH=/path/to/old/tree python bench/same_mentions.py --write /tmp/ref.jsonl
    PYTHONPATH=$PWD python bench/same_mentions.py --check /tmp/ref.jsonl

The reference holds digests and counts, never text; keep it out of the repository all
the same (it is made from one checkout's data). Exits 1 on any difference, printing
the records that differ (ids only).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

DEFAULT_DIR = Path("/work/tmp/nh")


def records(folder: Path, n: int) -> list[Any]:
    """``n`` documents taken in turn from each ``*.jsonl`` of ``folder`` (held-out ids,
    ending in 7, skipped)."""
    from corpus import read_documents

    def usable(path: Path) -> Iterator[Any]:
        for doc in read_documents(path, on_error="skip"):
            if not doc.id.endswith("7"):
                yield doc

    streams = [usable(p) for p in sorted(folder.glob("*.jsonl"))]
    out: list[Any] = []
    for doc in itertools.chain.from_iterable(itertools.zip_longest(*streams)):
        if doc is not None:
            out.append(doc)
            if len(out) >= n:
                break
    return out


def digests(docs: Sequence[Any], mode: str) -> tuple[dict[str, tuple[int, str]], float]:
    """Per document, the number of mentions and a digest of all of them; and CPU s."""
    from extract import Tagger

    tagger = Tagger(mode=mode)  # type: ignore[arg-type]
    out = {}
    c0 = time.process_time()
    for doc in docs:
        ms = tagger.tag_document(doc)
        blob = json.dumps([m.to_dict() for m in ms], ensure_ascii=False).encode("utf-8")
        out[doc.id] = (len(ms), hashlib.sha256(blob).hexdigest()[:16])
    return out, time.process_time() - c0


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="REF", help="write the digests to REF")
    group.add_argument("--check", metavar="REF", help="compare with the digests in REF")
    ap.add_argument("--data", type=Path, default=DEFAULT_DIR, help=f"folder ({DEFAULT_DIR})")
    ap.add_argument("--docs", type=int, default=3000, help="records (3000)")
    ap.add_argument("--modes", default="fast,full", help="modes, comma-separated (fast,full)")
    args = ap.parse_args(argv)
    os.environ.setdefault("KOTREND_NO_CACHE", "1")  # reads from an earlier run change nothing
    docs = records(args.data, args.docs)
    rows = {}
    for mode in args.modes.split(","):
        found, cpu = digests(docs, mode)
        print(
            f"{mode}: {len(docs):,} records, {sum(n for n, _ in found.values()):,} mentions, {cpu:.1f} CPU s"
        )
        for doc_id, (n, digest) in found.items():
            rows[f"{mode}\t{doc_id}"] = [n, digest]
    if args.write:
        Path(args.write).write_text(json.dumps(rows, sort_keys=True), encoding="utf-8")
        print(f"wrote {len(rows):,} digests to {args.write}")
        return
    ref = json.loads(Path(args.check).read_text(encoding="utf-8"))
    differ = sorted(k for k in ref.keys() | rows.keys() if ref.get(k) != rows.get(k))
    for key in differ[:30]:
        print(f"  differs: {key.replace(chr(9), ' ')}: before {ref.get(key)}, now {rows.get(key)}")
    print(f"{len(rows):,} digests checked, {len(differ)} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
