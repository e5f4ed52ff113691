"""Print a seeded random sample of mentions on real news, for judging precision by hand.

    python bench/precision_sample.py [--seed 7] [--n 200] [--data ../shared/data] [--entities]
                                     [--files 57,58,59] [--json]
    python bench/precision_sample.py --score bench/judged/precision.json [--no-redraw]

Takes up to ``n / files`` mentions from each news file (300 random documents of its first
4,000; when the terms kept are rare, the shortfall is filled from the other files' spare
mentions), shuffles them, and prints one line each: index, file, record id, field, start, end,
term id, and the mention in brackets with 18 characters before and 14 after. ``--files 5``
keeps only terms defined in ``glossary/data/default/5*.yaml`` (the terms issue 13 added);
``--files 57,58,59`` takes a comma-separated list of file-name prefixes.
Judge each line; wrong ones are fixed with ``exclude``, aliases or a ``context`` cue in the
glossary. The output
shows real text: keep it out of the repository.

``--score FILE`` prints, for each set of the judged file, the precision of its judged lines
as judged and of those the current glossary still tags (the measure of a fix: the same
mentions, a wrong one gone is fixed, a right one gone is listed as LOST), then re-draws the
set's seed, n and files and scores that draw against the stored verdicts, listing lines not
judged yet (after any glossary change a draw differs; ``--no-redraw`` skips it).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
from pathlib import Path
from typing import Any

import yaml

import glossary
from corpus import read_documents
from extract import Tagger

HERE = Path(__file__).resolve().parents[1]
DEFAULT_DIR = HERE / "glossary" / "data" / "default"


def term_ids_in(prefixes: str) -> set[str]:
    """Ids of the default glossary's terms defined in files whose name starts with one of the
    comma-separated ``prefixes`` (``"5"`` or ``"57,58,59"``)."""
    paths: set[Path] = set()
    for prefix in (p.strip() for p in prefixes.split(",")):
        found = sorted(DEFAULT_DIR.glob(f"{prefix}*.yaml")) if prefix else []
        if not found:
            valid = sorted(p.name for p in DEFAULT_DIR.glob("*.yaml"))
            raise SystemExit(f"--files {prefix!r} matches no file; valid files: {valid}")
        paths.update(found)
    ids: set[str] = set()
    for path in sorted(paths):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        ids.update(str(t["id"]) for t in data.get("terms") or [])
    return ids


def draw(
    data: str, *, seed: int, n: int, entities: bool = False, files: str = ""
) -> list[dict[str, Any]]:
    """The seeded sample: one dict per mention (file, id, field, start, end, term_id, context)."""
    paths = sorted(Path(data, "news").glob("*.jsonl"))
    if not paths:
        raise SystemExit(f"no news files under {data}/news")
    keep = term_ids_in(files) if files else None
    tagger = Tagger(glossary.default(entities=entities))
    rng = random.Random(seed)
    per_file = -(-n // len(paths))
    pool = []
    spare = []
    for path in paths:
        docs = list(itertools.islice(read_documents(path, on_error="skip"), 4000))
        rng.shuffle(docs)
        found = [
            (path.stem, m, text)
            for doc in docs[:300]
            for field, text in doc.texts()
            for m in tagger.tag(text, doc_id=doc.id, field=field)
            if keep is None or m.term_id in keep
        ]
        rng.shuffle(found)
        pool.extend(found[:per_file])
        spare.extend(found[per_file:])
    rng.shuffle(pool)
    if len(pool) < n:
        # Terms of a few files are rare in some sources: fill up from the others. Only a
        # short pool takes this path, so samples that were full draw exactly as before.
        rng.shuffle(spare)
        pool.extend(spare[: n - len(pool)])
    return [
        {
            "file": src,
            "id": m.doc_id,
            "field": m.field,
            "start": m.start,
            "end": m.end,
            "term_id": m.term_id,
            "context": f"{text[max(0, m.start - 18) : m.start]}[{m.surface}]"
            f"{text[m.end : m.end + 14]}",
        }
        for src, m, text in pool[:n]
    ]


def key(line: dict[str, Any]) -> tuple[str, str, str, int, int, str]:
    """What identifies a judged line: the record, field, offsets and term."""
    return (
        line["file"],
        line["id"],
        line["field"],
        int(line["start"]),
        int(line["end"]),
        line["term_id"],
    )


def retag(lines: list[dict[str, Any]], data: str, *, entities: bool = False) -> set[tuple]:
    """Keys of the judged ``lines`` that the current glossary still tags, as judged.

    Re-drawing a seed after the glossary changed gives another sample (every mention
    added or dropped moves the shuffle), so fixes are measured on the lines already judged:
    a wrong line no longer tagged is fixed, a right line no longer tagged is a loss.
    """
    wanted: dict[str, set[tuple[str, str]]] = {}
    for line in lines:
        wanted.setdefault(line["file"], set()).add((line["id"], line["field"]))
    tagger = Tagger(glossary.default(entities=entities))
    found: set[tuple] = set()
    for src, records in sorted(wanted.items()):
        ids = {doc_id for doc_id, _ in records}
        for doc in read_documents(Path(data, "news", f"{src}.jsonl"), on_error="skip"):
            if doc.id not in ids:
                continue
            for field, text in doc.texts():
                if (doc.id, field) in records:
                    found.update(
                        (src, m.doc_id, m.field, m.start, m.end, m.term_id)
                        for m in tagger.tag(text, doc_id=doc.id, field=field)
                    )
    return {key(line) for line in lines} & found


def score_kept(sample: dict[str, Any], data: str) -> None:
    """Print the precision of a sample's judged lines that the current glossary still tags."""
    lines = sample["lines"]
    kept = retag(lines, data, entities=sample.get("entities", False))
    yes = sum(line["verdict"] == "yes" for line in lines)
    now_yes = sum(line["verdict"] == "yes" and key(line) in kept for line in lines)
    now = sum(key(line) in kept for line in lines)
    share = f"{now_yes / now:.1%}" if now else "n/a"
    print(
        f"  as judged: {yes}/{len(lines)} = {yes / len(lines):.1%}; on the current glossary "
        f"{share} ({now_yes}/{now} still tagged)"
    )
    for line in lines:
        if key(line) not in kept:
            verdict = "fixed" if line["verdict"] == "no" else "LOST"
            print(f"    {verdict}: {line['term_id']} {line['file'][:6]} {line['id']}")


def score(path: Path, data: str, *, redraw: bool = True) -> None:
    """Print the precision of each sample set in the judged file ``path``: of its judged
    lines (all, and those the current glossary still tags), then of a fresh draw of its
    seed against the stored verdicts (``redraw``)."""
    judged = json.loads(path.read_text(encoding="utf-8"))
    for sample in judged["samples"]:
        print(f"{sample.get('name', '?')} (seed {sample['seed']}):")
        score_kept(sample, data)
        if not redraw:
            continue
        verdicts = {key(line): line for line in sample["lines"]}
        drawn = draw(
            data,
            seed=sample["seed"],
            n=sample["n"],
            entities=sample.get("entities", False),
            files=sample.get("files", ""),
        )
        yes = no = 0
        unjudged = []
        wrong: dict[str, list[str]] = {}
        for i, line in enumerate(drawn):
            got = verdicts.get(key(line))
            if got is None:
                unjudged.append(f"{i:3d} {line['file'][:6]} {line['term_id']} {line['context']!r}")
            elif got["verdict"] == "yes":
                yes += 1
            else:
                no += 1
                wrong.setdefault(got.get("class", "?"), []).append(line["term_id"])
        label = f"seed {sample['seed']} n {sample['n']}" + (
            f" files {sample['files']}" if sample.get("files") else ""
        )
        judged_n = yes + no
        share = f"{yes / judged_n:.1%}" if judged_n else "n/a"
        print(f"  redrawn {label}: {share} ({yes}/{judged_n} judged, {len(unjudged)} unjudged)")
        for cls, ids in sorted(wrong.items()):
            print(f"  no/{cls}: {len(ids)}  {', '.join(sorted(ids))}")
        for text in unjudged:
            print(f"  unjudged {text}")
        stale = len(verdicts) - (judged_n)
        if stale:
            print(
                f"  {stale} stored verdicts are not in the sample any more (data or glossary changed)"
            )


def main() -> None:
    default_data = os.environ.get("KOTREND_DATA") or str(HERE.parent / "shared" / "data")
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--data", default=default_data)
    ap.add_argument("--entities", action="store_true", help="include the entity list")
    ap.add_argument(
        "--files",
        default="",
        help="only terms defined in glossary/data/default/<prefix>*.yaml; several prefixes: 57,58,59",
    )
    ap.add_argument("--score", metavar="FILE", help="score the judged verdicts stored in FILE")
    ap.add_argument(
        "--no-redraw",
        action="store_true",
        help="with --score: only re-tag the judged lines, do not draw each seed again",
    )
    ap.add_argument("--json", action="store_true", help="print the sample as JSON lines")
    args = ap.parse_args()
    if args.score:
        score(Path(args.score), args.data, redraw=not args.no_redraw)
        return
    lines = draw(args.data, seed=args.seed, n=args.n, entities=args.entities, files=args.files)
    for i, line in enumerate(lines):
        if args.json:
            print(json.dumps(line, ensure_ascii=False))
        else:
            print(
                f"{i:3d} {line['file'][:6]} {line['id']} {line['field']} {line['start']}:"
                f"{line['end']} {line['term_id']:24s} {line['context']!r}"
            )


if __name__ == "__main__":
    main()
